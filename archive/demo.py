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
from pathlib import Path

import click
from sqlite_utils import Database

from archive import evaluate
from archive.sites.urls import canonical_url
from archive.store import stats
from archive.store.migrations import open_db
from sampleweb import SampleArticle, SampleWeb, SampleWebServer, build_sample_web

DEMO_SETTINGS = (
    "DOWNLOAD_DELAY=0.05",  # loopback: politeness delays only slow the demo down
    "AUTOTHROTTLE_START_DELAY=0.05",
    "ARCHIVE_PROGRESS_INTERVAL=2",
)


def run_demo(workdir: Path, articles_per_site: int, *, port: int, serve: bool) -> int:
    from archive.serve import listen_socket
    from archive.serve import serve as run_server

    # The port first: a busy one stops the demo before it crawls (exit status 5).
    sock = listen_socket("127.0.0.1", port) if serve else None
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
        if status not in (0, 1) or sock is None:
            if sock is not None:
                sock.close()
            return status
        click.echo(f"\nbrowse the archive: http://127.0.0.1:{port}/archive  (Ctrl-C to stop)")
        run_server(db_path, host="127.0.0.1", port=port, public=False, sock=sock)
    return status


def _crawl(db_path: Path, sites_file: Path) -> int:
    command = [sys.executable, "-m", "archive", "crawl", "--db", str(db_path),
               "--sites", str(sites_file)]  # fmt: skip
    for setting in DEMO_SETTINGS:
        command += ["-s", setting]
    click.echo("$ " + shlex.join(["tct-archive", *command[3:]]))
    return subprocess.call(command)


def _summarize(db_path: Path, web: SampleWeb, elapsed: float) -> None:
    db = open_db(str(db_path))
    rows = [_site_scores(db, web, site.id) for site in web.sites]
    click.echo("\narchive vs the sample web's ground truth (body F1 over words; T/D/A exact):")
    click.echo(stats.format_table(rows))
    click.echo(f"crawl wall time: {elapsed:.1f} s; database: {db_path}")


def _site_scores(db: Database, web: SampleWeb, site_id: str) -> dict[str, object]:
    truth = [a for a in web.articles if a.site_id == site_id]
    scores = [s for a in truth if (s := _score(db, a)) is not None]
    summary = evaluate.summarize(scores)
    archived = db.execute("select count(*) from articles where site_id = ?", [site_id]).fetchone()
    return {
        "site": site_id,
        "expected": len(truth),
        "archived": archived[0],
        "body_f1": round(summary.f1, 3),
        "leaked": summary.leaked,
        "title": f"{summary.title:.0%}",
        "date": f"{summary.date:.0%}",
        "author": f"{summary.author:.0%}",
    }


def _score(db: Database, truth: SampleArticle) -> evaluate.Score | None:
    """Score the archived record of one sample article, as `tct-archive eval` scores pages."""
    row = db.execute(
        "select a.title, a.published, a.author, a.text from article_urls u "
        "join articles a on a.id = u.article_id where u.url = ?",
        [canonical_url(truth.url)],
    ).fetchone()
    if row is None:
        return None
    case = evaluate.Case(
        id=truth.url, html=b"", url=truth.url, layout=truth.site_id, split="sample",
        hints={}, http_encoding=None,
        expected={"title": truth.title, "date": truth.date, "author": truth.author},
        paragraphs=truth.paragraphs, captions=truth.captions, bylines=(),
        must_not=truth.boilerplate,
    )  # fmt: skip
    return evaluate.score(evaluate.Fields(*row), case)
