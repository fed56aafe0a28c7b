"""Instructions per page of our extraction, counted by callgrind: repeatable to the
last few per cent on a busy machine, where timings of two versions are not.

    python benchmarks/extract_instructions.py [--repo DIR] [--rounds N] [DIR_OF_PAGES]

Runs the extraction of every evaluation page under ``valgrind --tool=callgrind``
twice, warmed up and then with ``--rounds`` more passes, and divides the
difference by the pages extracted: imports, loading and warm-up cancel out.
``--repo`` measures another checkout of the project (its ``archive`` package is
put first on the path), so two versions are compared with the same interpreter.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROGRAM = """
import sys
from archive.evaluate import load_cases, ours
cases = load_cases(sys.argv[2] if len(sys.argv) > 2 else None)
for _ in range(1 + int(sys.argv[1])):
    for c in cases:
        ours(c.html, c.url, c.hints, c.http_encoding)
print(len(cases))
"""


def instructions(repo: Path, rounds: int, pages: str | None) -> tuple[int, int]:
    """Instructions of a run, and the number of pages per round."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        env = {**os.environ, "PYTHONPATH": str(repo), "PYTHONHASHSEED": "0"}
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable,
             "-c", PROGRAM, str(rounds), *([pages] if pages else [])],
            capture_output=True, text=True, env=env, check=True, cwd=repo,
        )  # fmt: skip
    refs = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if refs is None:
        raise SystemExit(done.stderr[-2000:])
    return int(refs.group(1).replace(",", "")), int(done.stdout.split()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="?", help="evaluation pages (default tests/evaldata)")
    parser.add_argument("--repo", type=Path, default=ROOT, help="the checkout to measure")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    base, pages = instructions(args.repo, 0, args.pages)
    total, _ = instructions(args.repo, args.rounds, args.pages)
    per_page = (total - base) / (args.rounds * pages)
    print(f"{args.repo}: {per_page / 1e6:.1f} M instructions per page "
          f"({pages} pages x {args.rounds} rounds)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
