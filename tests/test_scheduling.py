"""`tct-archive crawl` under cron or a systemd timer (issue 4, point 7).

With ``--log-file`` the Scrapy log (errors included) goes to the file, while
the progress lines still reach stderr and the summary stdout; the exit status
tells success from failure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sampleweb import SampleWebServer, build_sample_web
from tests.crawling import crawl

pytestmark = pytest.mark.e2e


def test_log_file_keeps_errors_while_progress_and_summary_reach_the_terminal(tmp_path: Path):
    web = build_sample_web(articles_per_site=3, sites=2)
    broken = "/vi/news/rss/"  # NukeViet's feed, fetched every run: fails after every retry
    with SampleWebServer(web, faults={broken: "http-503"}) as server:
        sites_file = server.write_sites(tmp_path / "sites.toml")
        log = tmp_path / "crawl.log"
        result = crawl(tmp_path / "archive.db", sites_file, "--log-file", str(log),
                       "-s", "ARCHIVE_PROGRESS_INTERVAL=0.5", "-s", "DOWNLOAD_DELAY=0.05",
                       "-s", "RETRY_TIMES=1")  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]  # one URL failing is not a failure
    assert "progress | " in result.stderr
    assert "nukeviet" in result.stdout and "liferay" in result.stdout  # the summary
    text = log.read_text(encoding="utf-8")
    assert "ERROR: Gave up retrying" in text and broken in text
    assert "[scrapy" not in result.stderr  # the log went to the file, not the terminal


@pytest.mark.parametrize("args", [["--revalidate-after", "7x"],
                                  ["-s", "ARCHIVE_REVALIDATE_AFTER=soon"]])  # fmt: skip
def test_a_bad_revalidation_age_is_refused_before_anything_is_written(tmp_path: Path, args):
    sites = tmp_path / "sites.toml"
    sites.write_text('[[site]]\nid = "x"\nname = "X"\nprovince = "Huế"\n'
                     'start_urls = ["http://127.0.0.1:9/"]\n', encoding="utf-8")  # fmt: skip
    result = crawl(tmp_path / "archive.db", sites, *args)
    assert result.returncode == 2
    assert "not a duration" in result.stderr and "ARCHIVE_REVALIDATE_AFTER" in result.stderr
    assert not (tmp_path / "archive.db").exists() and not (tmp_path / "archive.db.lock").exists()
