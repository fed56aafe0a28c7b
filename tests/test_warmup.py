"""Extraction workers started early and warm (crawler/workers.py, crawler/warmup.py)."""

from __future__ import annotations

import asyncio
import sys
import time

from crawler import warmup
from crawler.workers import PageAnalyzer


def test_the_warm_up_page_goes_through_the_whole_article_path():
    """So that what extraction loads at its first article is loaded in the forkserver."""
    result = warmup.analyze_page(warmup.PAGE, "http://warmup.invalid/a-1.html", warmup.SITE)
    assert result.kind == "article" and result.article is not None
    assert result.article.title and result.article.date and result.article.text
    assert {"trafilatura", "htmldate", "justext"} <= set(sys.modules)


def test_started_workers_are_running_before_the_first_page():
    analyzer = PageAnalyzer(2, timeout=60, sites=[warmup.SITE])
    try:
        analyzer.start()  # returns at once: a thread starts them
        pool = analyzer._get_pool()
        deadline = time.monotonic() + 60
        while len(pool._processes) < 2 and time.monotonic() < deadline:  # type: ignore[attr-defined]
            time.sleep(0.05)
        assert len(pool._processes) == 2  # type: ignore[attr-defined]
        result = asyncio.run(analyzer.analyze(warmup.PAGE, "http://warmup.invalid/a-2.html",
                                              warmup.SITE, None, aliases=False))  # fmt: skip
        assert result.kind == "article"
    finally:
        analyzer.close()
