"""Extraction workers started early and warm (crawler/workers.py, crawler/warmup.py)."""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

from crawler import warmup
from crawler.workers import PageAnalyzer
from sampleweb import SampleWebServer, build_sample_web
from tests.crawling import counts, start


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


#: A sitecustomize for the crawl: each process writes the modules it loaded when it exits.
MODULES_AT_EXIT = """
import atexit, os, sys

def _dump():
    with open(os.path.join(os.environ["MODULES_DIR"], str(os.getpid())), "w") as out:
        out.write(" ".join(sorted(n for n, m in sys.modules.items() if m is not None)))

atexit.register(_dump)
"""


def crawl_recording_modules(tmp_path: Path, *extra: str) -> tuple[int, dict[str, set[str]]]:
    """A crawl of a one-site sample web (its articles stored: storage's imports count),
    each of its processes writing the modules it loaded: the crawl process's pid, and the
    modules by pid."""
    hook, seen = tmp_path / "hook", Path(tempfile.mkdtemp(prefix="modules-", dir=tmp_path))
    hook.mkdir(exist_ok=True)
    (hook / "sitecustomize.py").write_text(MODULES_AT_EXIT)
    env = {**os.environ, "PYTHONPATH": str(hook), "MODULES_DIR": str(seen)}
    db_path = tmp_path / f"{seen.name}.db"
    with SampleWebServer(build_sample_web(articles_per_site=3, sites=1)) as server:
        sites = server.write_sites(tmp_path / "sites.toml")
        crawl = start(db_path, sites, "-s", "DOWNLOAD_DELAY=0", *extra, env=env)
        _, err = crawl.communicate(timeout=120)
    assert crawl.returncode == 0, err[-3000:]
    assert counts(db_path)["articles"] == 3
    return crawl.pid, {f.name: set(f.read_text().split()) for f in seen.iterdir()}


def test_a_one_process_crawl_does_not_load_what_it_does_not_use(tmp_path):
    """The crawl process starts by importing; Redis mode's libraries, the e-mail alert's
    (premailer, cssutils), Scrapy's components switched off (the remote control's
    aiohttp, the cookie middleware's tldextract) and extraction (the workers do it) took
    a quarter of a 5-article crawl's 1.7 s; trafilatura, imported by storage for its
    fingerprint's tokenizer, 0.15 s at its first article."""
    pid, modules = crawl_recording_modules(tmp_path)
    loaded = modules[str(pid)]
    assert {"scrapy", "spidermon", "crawler.monitors", "crawler.spiders.schools"} <= loaded
    assert not {"redis", "scrapy_redis", "premailer", "cssutils", "aiohttp", "tldextract"} & loaded
    assert "pydantic" not in loaded  # itemadapter's probe for pydantic items (crawler/run.py)
    assert not {"archive.extract.page", "trafilatura"} & loaded  # the workers extract
    forkserver = [m for m in modules.values() if "crawler.warmup" in m]
    assert forkserver, "the forkserver loads extraction"


def test_an_in_process_crawl_starts_no_extraction_process(tmp_path):
    """The forkserver starts before the settings are read, from --workers or -s alone."""
    for extra in (["--workers", "0"], ["-s", "ARCHIVE_EXTRACT_WORKERS=0"]):
        pid, modules = crawl_recording_modules(tmp_path, *extra)
        assert list(modules) == [str(pid)], extra
