"""Milliseconds per page: our extractor against bare trafilatura, over the evaluation set.

    python benchmarks/extract_speed.py [--rounds N] [DIR]

Prints figures; asserts nothing. Both extractors get the raw bytes, as the
crawler would pass them; each page is run once before timing so imports and
caches are warm.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.evaluate import Case, bare_trafilatura, load_cases, ours  # noqa: E402

Runner = Callable[[Case], object]


def run_ours(case: Case) -> object:
    return ours(case.html, case.url, case.hints, case.http_encoding)


def run_bare(case: Case) -> object:
    return bare_trafilatura(case.html, case.url, case.hints, case.http_encoding)


def timings(runner: Runner, cases: list[Case], rounds: int) -> list[float]:
    """Milliseconds per page, one figure per page (the best of ``rounds`` runs)."""
    for case in cases:
        runner(case)
    per_page = []
    for case in cases:
        best = float("inf")
        for _ in range(rounds):
            start = time.perf_counter()
            runner(case)
            best = min(best, time.perf_counter() - start)
        per_page.append(best * 1000)
    return per_page


def describe(name: str, values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"{name:<17} mean {statistics.mean(values):6.1f}  median {statistics.median(values):6.1f}"
        f"  p95 {p95:6.1f}  max {ordered[-1]:6.1f}  ms/page"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", default=None)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    cases = load_cases(args.directory)
    size = sum(len(c.html) for c in cases) / len(cases) / 1024
    print(f"{len(cases)} pages, {size:.0f} KiB on average, best of {args.rounds} runs per page")
    ours_ms, bare_ms = timings(run_ours, cases, args.rounds), timings(run_bare, cases, args.rounds)
    print(describe("tct-archive", ours_ms))
    print(describe("bare trafilatura", bare_ms))
    print(f"ratio (mean)      {statistics.mean(ours_ms) / statistics.mean(bare_ms):.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
