# Convenience targets; the README's quick start does not need make (python3.11 dev.py ...).
PYTHON ?= .venv/bin/python

.PHONY: test chaos chaos-quick

test:
	python3.11 dev.py test

# The whole fault and kill campaign (about 10 minutes): prints the table of faults
# injected, pages affected, articles expected/archived/lost, duplicates, crashes, peak memory.
chaos:
	$(PYTHON) benchmarks/chaos.py $(ARGS)

chaos-quick:
	$(PYTHON) benchmarks/chaos.py --quick $(ARGS)
