"""The extraction pool (crawler/workers.py) replaced by fresh processes as it works."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ProcessPoolExecutor

from archive.capture import documents
from crawler import warmup
from crawler.workers import DocumentReader, PageAnalyzer


class Watched(PageAnalyzer):
    """Records the processes of each pool it makes, and whether the previous pools'
    processes were gone when it made the next."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.processes: list[set] = []  # by pool
        self.overlaps = 0

    async def _pool_for_page(self) -> ProcessPoolExecutor:
        if self._pool is not None:  # its processes, before a shutdown forgets them
            self.processes[-1].update(self._pool._processes.values())  # type: ignore[attr-defined]
        return await super()._pool_for_page()

    def _get_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self.overlaps += sum(p.exitcode is None for pool in self.processes for p in pool)
            self.processes.append(set())
        return super()._get_pool()


def analyze_all(analyzer: PageAnalyzer, count: int, at_once: int) -> list[str]:
    """The kinds of ``count`` pages analysed ``at_once`` at a time; the analyzer closed."""
    try:
        return asyncio.run(batches(analyzer, count, at_once))
    finally:
        analyzer.close()


async def batches(analyzer: PageAnalyzer, count: int, at_once: int) -> list[str]:
    kinds = []
    for start in range(0, count, at_once):
        results = await asyncio.gather(*(
            analyzer.analyze(warmup.PAGE, f"http://warmup.invalid/a-{n}.html", warmup.SITE,
                             None, aliases=False)
            for n in range(start, min(count, start + at_once))
        ))  # fmt: skip
        kinds += [result.kind for result in results]
    return kinds


def test_the_pool_is_replaced_after_its_pages_and_never_overlaps_the_next():
    analyzer = Watched(2, timeout=60, sites=[warmup.SITE], pages_per_worker=2)
    kinds = analyze_all(analyzer, 11, at_once=3)
    assert kinds == ["article"] * 11  # no page lost at a replacement
    assert len(analyzer.processes) == 3  # 4 pages a pool: 4 + 4 + 3
    assert analyzer.overlaps == 0  # a pool's processes had exited before the next started
    first, second = ({p.pid for p in pool} for pool in analyzer.processes[:2])
    assert first and second and not first & second


def test_without_a_page_limit_one_pool_serves_the_crawl():
    analyzer = Watched(1, timeout=60, sites=[warmup.SITE], pages_per_worker=0)
    kinds = analyze_all(analyzer, 5, at_once=2)
    assert kinds == ["article"] * 5 and len(analyzer.processes) == 1


def test_the_document_reader_starts_with_the_crawl_not_at_its_first_document():
    """A reader forked pages into a crawl was a step in the crawl's memory (66 MB)."""
    reader = DocumentReader(1, documents.Limits(ocr=False))
    try:
        reader.start()
        pool = reader._get_pool()
        deadline = time.monotonic() + 20
        while len(pool._processes) < 1 and time.monotonic() < deadline:  # type: ignore[attr-defined]
            time.sleep(0.05)
        assert len(pool._processes) == 1  # type: ignore[attr-defined]
        text = asyncio.run(reader.read(b"%PDF-1.4 not really", "application/pdf", "a.pdf"))
        assert text.text is None and text.reason and reader._get_pool() is pool  # that process
    finally:
        reader.close()
