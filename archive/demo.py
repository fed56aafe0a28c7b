"""The demo: the sample web on loopback, crawled into a fresh archive, served.

The crawl runs as `python -m archive crawl ...` in a subprocess, exactly the
command a user would type, while the sample web keeps answering so that the
archive's links to the original pages work in the browser.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import click

from archive import stats
from archive.migrations import open_db
from archive.sampleweb import SampleWebServer, build_sample_web

DEMO_SETTINGS = (
    "DOWNLOAD_DELAY=0.05",  # loopback: politeness delays only slow the demo down
    "AUTOTHROTTLE_START_DELAY=0.05",
    "ARCHIVE_PROGRESS_INTERVAL=2",
)


def run_demo(workdir: Path, articles_per_site: int, *, port: int, serve: bool) -> int:
    workdir.mkdir(parents=True, exist_ok=True)
    db_path = workdir / "archive.db"
    for stale in workdir.glob("archive.db*"):
        stale.unlink()
    web = build_sample_web(articles_per_site=articles_per_site)
    with SampleWebServer(web) as server:
        sites_file = server.write_sites(workdir / "sites.toml")
        click.echo(f"sample web: {len(web.sites)} sites on loopback, registry {sites_file}")
        started = time.monotonic()
        status = _crawl(db_path, sites_file)
        elapsed = time.monotonic() - started
        _summarize(db_path, web, elapsed)
        if status not in (0, 1) or not serve:
            return status
        click.echo(f"\nbrowse the archive: http://127.0.0.1:{port}/archive  (Ctrl-C to stop)")
        from archive.serve import serve as run_server

        run_server(db_path, host="127.0.0.1", port=port, public=False)
    return status


def _crawl(db_path: Path, sites_file: Path) -> int:
    command = [sys.executable, "-m", "archive", "crawl", "--db", str(db_path),
               "--sites", str(sites_file)]  # fmt: skip
    for setting in DEMO_SETTINGS:
        command += ["-s", setting]
    click.echo("$ " + shlex.join(["tct-archive", *command[3:]]))
    return subprocess.call(command)


def _summarize(db_path: Path, web: object, elapsed: float) -> None:
    db = open_db(str(db_path))
    expected = Counter(a.site_id for a in web.articles)  # type: ignore[attr-defined]
    archived = dict(
        db.execute("select site_id, count(*) from articles group by site_id").fetchall()
    )
    rows = [
        {"site": site, "expected": n, "archived": archived.get(site, 0)}
        for site, n in sorted(expected.items())
    ]
    click.echo("\narticles per site (sample web ground truth vs archive):")
    click.echo(stats.format_table(rows))
    click.echo(f"crawl wall time: {elapsed:.1f} s; database: {db_path}")
