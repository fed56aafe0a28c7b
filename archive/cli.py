"""The `tct-archive` command line.

Commands are thin: parse arguments, call one function, echo the result.
Exit status: 0 success, 1 when a site failed entirely, the crawl was
interrupted (Ctrl-C, SIGTERM; the next run resumes it) or a command's work
failed, 2 for bad usage or bad input (sites file, database, settings), 3 when
another crawl holds the database's lock (nothing is written; safe under cron),
4 when the archive could not be written (disk full, quota, file size limit,
read-only or failing disk: what was committed before stays intact), 5 when
`serve` or `demo` finds its port taken by another program, 6 when a site
answered but yielded no article, or under half its last crawl's, 7 when a
monitor failed (archive/store/history.py; crawler/monitors.py), 8 when Redis
(Redis mode: crawl --redis, ingest) cannot be reached. 1 wins over 6, and 6 over 7.
"""

from __future__ import annotations

import errno
import gc
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

import click

from archive.checks import (
    EXIT_USAGE,
    UsageError,
    check_database,
    check_duration,
    check_folder,
    load_registry,
)
from archive.sites import registry
from archive.store import history, stats
from archive.store.storage import (
    EXIT_STORAGE,
    StorageError,
    describe,
    storage_problem,
)

#: The one table mapping `crawl` options onto crawler/settings.py names.
OPTION_SETTINGS = {
    "db": "ARCHIVE_DB",
    "sites_file": "ARCHIVE_SITES_FILE",
    "site_ids": "ARCHIVE_SITES",
    "max_pages": "ARCHIVE_MAX_PAGES_PER_SITE",
    "workers": "ARCHIVE_EXTRACT_WORKERS",
    "log_file": "LOG_FILE",
    "log_level": "LOG_LEVEL",
    "warc_dir": "ARCHIVE_WARC_DIR",
    "revalidate_after": "ARCHIVE_REVALIDATE_AFTER",
    "redis": "ARCHIVE_REDIS_URL",
}

EXIT_SITE_FAILED = 1
EXIT_LOCKED = 3
EXIT_NO_ARTICLES = 6  # 4 is storage (archive.store.storage), 5 a busy port
EXIT_MONITORS = 7  # a monitor failed (one line each after the summary)
EXIT_REDIS = 8  # Redis mode: the Redis server cannot be reached (nothing is written)

db_option = click.option(
    "--db", default="archive.db", show_default=True, type=click.Path(dir_okay=False),
    help="The archive's SQLite file.",
)  # fmt: skip
sites_option = click.option(
    "--sites", "sites_file", type=click.Path(dir_okay=False),
    help="A registry TOML file replacing the packaged list of schools.",
)  # fmt: skip


REVALIDATE_HELP = (
    "Refetch a known page (conditionally: a 304 costs no body) only when its last check is "
    "older than this: 0 (every run), 3600, 45m, 12h, 7d, 2w. Default 7d (ARCHIVE_REVALIDATE_AFTER)."
)


WARC_DIR_HELP = "Where the WARC files are [default: warcs/ beside the database]."
REDIS_HELP = (
    "Redis mode: run one worker of a crawl shared through this Redis server "
    "(redis://HOST:PORT/DB); `tct-archive ingest` stores what the workers fetch."
)


class ArchiveGroup(click.Group):
    """Any command meeting a full disk (or another storage failure) says so in one line
    and exits with status 4, instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (OSError, sqlite3.Error, StorageError) as exc:
            if not storage_problem(exc):
                if isinstance(exc, OSError) and _bad_path(exc):  # a path that cannot be used
                    click.echo(f"Error: {exc.filename}: {exc.strerror}", err=True)
                    ctx.exit(EXIT_USAGE)
                raise
            click.echo(f"Error: {describe(exc, 'the archive')}", err=True)
            ctx.exit(EXIT_STORAGE)


def _bad_path(error: OSError) -> bool:
    bad = (errno.ENOENT, errno.EACCES, errno.EPERM, errno.ENOTDIR, errno.EISDIR)
    return error.errno in bad and error.filename is not None


@click.group(cls=ArchiveGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tct-archive")
def cli() -> None:
    """tct-archive: the web archive of Vietnam's provincial political schools."""


def crawl_stage() -> Any:
    """The Scrapy project's runner (``crawler.run``), found through the ``tct_archive``
    entry point so that ``archive`` never imports Scrapy or the crawler package."""
    return crawl_stage_part("crawl")


def crawl_stage_part(name: str) -> Any:
    """A module of the crawl stage by its ``tct_archive`` entry point: crawl, ingest, workers.
    Read from this package's own metadata: ``entry_points(group=...)`` reads every installed
    distribution's (9-15 ms the first time, 5 ms after; a crawl's start looks up two)."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        found = distribution("tct-archive").entry_points.select(group="tct_archive", name=name)
    except PackageNotFoundError:
        found = None
    if not found:
        raise click.ClickException("the crawler is not installed: pip install tct-archive")
    return next(iter(found)).load()


def extraction_workers(option: int | None, pairs: tuple[str, ...]) -> int | None:
    """The worker count asked for (--workers, else ``-s ARCHIVE_EXTRACT_WORKERS``), read
    before the settings are, which import Scrapy; None: the settings' default (one per CPU)."""
    if option is not None:
        return option
    for pair in reversed(pairs):
        name, _, value = pair.partition("=")
        if name.strip() == "ARCHIVE_EXTRACT_WORKERS" and value.strip().lstrip("-").isdigit():
            return int(value)
    return None


def settings_from_options(options: dict[str, Any], pairs: tuple[str, ...]) -> dict[str, Any]:
    """`-s` pairs first, then the named options (which win), via OPTION_SETTINGS."""
    try:
        overrides = crawl_stage().parse_overrides(pairs)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    for option, setting in OPTION_SETTINGS.items():
        value = options.get(option)
        if value not in (None, (), []):
            overrides[setting] = list(value) if isinstance(value, tuple) else value
    return overrides


@cli.command()
@click.argument("site_ids", nargs=-1)
@sites_option
@db_option
@click.option("--max-pages", type=int, help="Fetch cap per site for this run.")
@click.option("--workers", type=int, help="Extraction worker processes (0 = in-process).")
@click.option("--log-file", type=click.Path(dir_okay=False), help="Write the Scrapy log here.")
@click.option("--log-level", default="WARNING", show_default=True, help="Scrapy log level.")
@click.option("--warc-dir", type=click.Path(file_okay=False), help=WARC_DIR_HELP)
@click.option("--revalidate-after", metavar="DURATION", help=REVALIDATE_HELP)
@click.option("--redis", metavar="URL", help=REDIS_HELP)
@click.option("-s", "settings", multiple=True, metavar="NAME=VALUE", help="Any Scrapy setting.")
def crawl(site_ids: tuple[str, ...], settings: tuple[str, ...], **options: Any) -> None:
    """Crawl the registered sites (or only SITE_IDS) into the archive.

    Safe to run from cron or a systemd timer: one crawl per database at a
    time (a second one exits at once with status 3), and a crawl that was
    killed or interrupted is resumed by the next one.

    \b
        tct-archive crawl
        tct-archive crawl thai-nguyen dong-thap --db schools.db -s DOWNLOAD_DELAY=5
        tct-archive crawl --revalidate-after 0 --log-file crawl.log
    """
    sites = load_registry(options["sites_file"])
    try:
        registry.select_sites(sites, site_ids)
    except KeyError as exc:
        raise UsageError(f"unknown site id(s): {exc.args[0]} (see `tct-archive sites`)") from exc
    check_database(options["db"])
    if extraction_workers(options["workers"], settings) != 0:
        crawl_stage_part("workers").start_forkserver()  # before Scrapy's imports, below
    overrides = settings_from_options({**options, "site_ids": site_ids}, settings)
    check_duration(overrides.get("ARCHIVE_REVALIDATE_AFTER"))
    check_duration(overrides.get("ARCHIVE_MONITOR_SCHEDULE"), "-s ARCHIVE_MONITOR_SCHEDULE")
    if options["redis"]:  # a worker: the writer (`ingest`) keeps the database
        reach_redis(options["redis"])
        if not crawl_stage().run_worker(overrides):
            click.echo("this worker stopped before the crawl was complete", err=True)
            sys.exit(EXIT_SITE_FAILED)
        return
    from archive.store import lock

    try:
        lock.acquire(options["db"])
    except lock.LockedError as exc:
        refuse_locked(str(exc), options["log_file"])
    try:
        crawl_locked(options["db"], overrides)
    finally:
        lock.release(options["db"])
        # Everything is closed; at exit Python would still run its cycle collector over the
        # ~million objects Scrapy, Twisted and extraction leave, several times: 0.3-2 s
        # between the summary and the end of a short crawl on a busy machine (0.14 s frozen).
        gc.freeze()


def reach_redis(url: str) -> None:
    """Redis mode starts only with its server answering: one line and exit 8 otherwise."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=5).ping()
    except ValueError as exc:
        raise UsageError(f"--redis {url}: {exc}") from exc
    except redis.RedisError as exc:
        click.echo(f"Error: Redis at {url} cannot be reached: {exc}", err=True)
        sys.exit(EXIT_REDIS)


@cli.command()
@click.option("--redis", "redis_url", metavar="URL", help="The job's Redis (required).")
@sites_option
@db_option
@click.option("--key", default="tct-archive", show_default=True,
              help="The job's key prefix in Redis (ARCHIVE_REDIS_KEY of its workers).")  # fmt: skip
@click.argument("site_ids", nargs=-1)
def ingest(redis_url: str | None, sites_file: str | None, db: str, key: str,
           site_ids: tuple[str, ...]) -> None:  # fmt: skip
    """Redis mode's one writer: store what the workers fetch, until the crawl is complete.

    Start it beside any number of `tct-archive crawl --redis URL` workers (same
    sites); it exits 0 once the frontier is empty, no request is leased, no worker is
    left and every record is stored, and prints the crawl's summary.

    \b
        tct-archive ingest --redis redis://127.0.0.1:6379/0 --db archive.db
    """
    sites = load_registry(sites_file)
    try:
        registry.select_sites(sites, site_ids)
    except KeyError as exc:
        raise UsageError(f"unknown site id(s): {exc.args[0]} (see `tct-archive sites`)") from exc
    check_database(db)
    if not redis_url:
        raise UsageError("ingest needs --redis URL: the Redis its workers share")
    reach_redis(redis_url)
    from archive.store import lock

    try:
        lock.acquire(db)
    except lock.LockedError as exc:
        refuse_locked(str(exc), None)
    try:
        run = crawl_stage_part("ingest").run_ingest
        crawl_id = run(redis_url, key, db, sites_file, list(site_ids))
        report_crawl_at(db, crawl_id)
    finally:
        lock.release(db)


def refuse_locked(message: str, log_file: str | None) -> None:
    """Another crawl holds the database: say so (in the log too) and exit 3 at once."""
    click.echo(message, err=True)
    if log_file:
        from archive.store.writer import now

        with open(log_file, "a", encoding="utf-8") as log:
            log.write(f"{now()} [tct-archive] ERROR: {message}\n")
    sys.exit(EXIT_LOCKED)


def crawl_locked(db_path: str, overrides: dict[str, Any]) -> None:
    report_crawl_at(db_path, crawl_stage().run_crawl(overrides))


def report_crawl_at(db_path: str, crawl_id: int) -> None:
    """The crawl's summary, notes and alerts; the exit status they call for."""
    from archive.store.migrations import open_db

    db = open_db(db_path)
    try:
        report_crawl(db, crawl_id)
    finally:
        db.close()  # before the exit, whose collector crawl() freezes


def report_crawl(db: Any, crawl_id: int) -> None:
    """The crawl's summary table, notes and alerts; exits with the status they call for."""
    resumed = [r[0] for r in db.execute("select id from crawls where resumed_by = ?", [crawl_id])]
    if resumed:
        click.echo(f"crawl {crawl_id} resumed the unfinished crawl(s) {resumed}", err=True)
    rows = stats.crawl_summary(db, crawl_id)
    notes = []
    for row in rows:  # the message column says what went wrong; normal behaviour goes below
        row["message"], site_notes = stats.split_message(row["message"])
        notes += [f"  {row['site']}: {note}" for note in site_notes]
    click.echo(stats.format_table(rows))
    if notes:
        click.echo("notes (normal behaviour, not faults):\n" + "\n".join(notes))
    failed = [r for r in rows if r["status"] == "failed"]
    short = [r["site"] for r in rows if r["status"] in ("no-articles", "fewer-articles")]
    status = stats.crawl_row(db, crawl_id)["status"]
    alerts = [f for f in history.results(db, crawl_id) if not f.passed]
    for finding in alerts:
        click.echo(f"monitor failed: {finding.line()}")
    if failed:
        reasons = "".join(f"\n  {row['site']}: {row['message']}" for row in failed)
        click.echo(f"failed entirely: {', '.join(r['site'] for r in failed)}{reasons}", err=True)
        sys.exit(EXIT_SITE_FAILED)
    if status != "finished":
        click.echo(f"crawl {crawl_id} {status}", err=True)
        sys.exit(EXIT_SITE_FAILED)
    if short:
        click.echo(f"no articles, or under half the last crawl's: {', '.join(short)}", err=True)
        sys.exit(EXIT_NO_ARTICLES)
    if alerts:
        sites = sorted({f.site_id or "(all)" for f in alerts})
        click.echo(f"{len(alerts)} monitors failed: {', '.join(sites)}", err=True)
        sys.exit(EXIT_MONITORS)


@cli.command()
@click.argument("file", type=click.File("rb"))
@click.option("--url", required=True, help="The URL the page was fetched from.")
@click.option("--site", "site_id", help="Apply this registry site's extraction hints.")
@sites_option
@click.option("--encoding", help="The charset from the HTTP header, if known.")
def extract(file: Any, url: str, site_id: str | None, sites_file: str | None,
            encoding: str | None) -> None:  # fmt: skip
    """Extract one saved page and print the record as JSON.

    \b
        tct-archive extract page.html --url http://truongchinhtri.example.vn/vi/news/a-1.html
    """
    from archive.extract.article import extract_article

    hints: dict[str, Any] = {}
    if site_id:
        try:
            hints = dict(registry.select_sites(load_registry(sites_file), [site_id])[0].hints)
        except KeyError as exc:
            raise UsageError(f"unknown site id: {site_id}") from exc
    article = extract_article(file.read(), url, hints, encoding=encoding)
    click.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--public", is_flag=True, help="Read-only, immutable, with a SQL time limit.")
@click.option(
    "--base-url",
    metavar="URL",
    help="Where readers reach the archive (https://archive.example/): feeds and absolute "
    "links name it, never the request's Host header.",
)
def serve(db: str, host: str, port: int, public: bool, base_url: str | None) -> None:
    """Browse and search the archive with Datasette.

    \b
        tct-archive serve --db archive.db --port 8001
        tct-archive serve --db public/archive.db --public --base-url https://archive.example/
    """
    if base_url:
        from archive.serve import base_url_origin

        try:
            base_url = base_url_origin(base_url)
        except ValueError as exc:
            raise UsageError(f"--base-url: {exc}") from exc
    if not Path(db).exists():
        raise UsageError(f"{db}: no such archive (run `tct-archive crawl` first)")
    check_database(db, write=not public)  # a public archive may sit on a read-only disk
    from archive.serve import bring_up_to_date, listen_socket
    from archive.serve import serve as run_server

    if not public:  # public mode does it while preparing the file (archive.serve)
        bring_up_to_date(db)
    sock = listen_socket(host, port)  # a busy port: exit status 5, before saying "serving"

    click.echo(f"serving {db} at http://{host}:{port}/", err=True)
    run_server(db, host=host, port=port, public=public, base_url=base_url, sock=sock)


@cli.command()
@sites_option
@click.option("--json", "as_json", is_flag=True, help="Print the sites as JSON.")
def sites(sites_file: str | None, as_json: bool) -> None:
    """List (and validate) the registry of school sites."""
    found = load_registry(sites_file)
    if as_json:
        click.echo(json.dumps([s.to_row() for s in found], ensure_ascii=False, indent=2))
        return
    rows = [
        {"id": s.id, "province": s.province, "cms": s.hints.get("cms"), "start": s.start_urls[0]}
        for s in found
    ]
    click.echo(stats.format_table(rows))
    click.echo(f"{len(found)} sites", err=True)


@cli.command("stats")
@db_option
def stats_command(db: str) -> None:
    """Per-site counts of the archive: articles, near-copies, listings, errors."""
    if not Path(db).exists():
        raise UsageError(f"{db}: no such archive")
    check_database(db)
    from archive.store.migrations import open_db

    click.echo(stats.format_table(stats.archive_stats(open_db(db))))


@cli.command()
@db_option
@click.option("--refresh", is_flag=True, help="Recompute them from the articles and crawls.")
def summaries(db: str, refresh: bool) -> None:
    """Check the summary tables behind site health, per_site_month and the charts.

    Triggers keep site_stats and site_months in step with every write; this
    counts the articles again and lists any difference (exit status 1), or
    with --refresh recomputes both tables (about 2 s per million articles).
    Opening an archive made by an older version brings it up to date first.

    \b
        tct-archive summaries --db archive.db
        tct-archive summaries --db archive.db --refresh
    """
    from archive.store import summary

    archive = existing_archive(db)
    if refresh:
        summary.refresh(archive)
    problems = summary.check(archive)
    for problem in problems[:50]:
        click.echo(problem)
    if problems:
        click.echo(f"{len(problems)} difference(s); `--refresh` recomputes the tables", err=True)
        sys.exit(EXIT_SITE_FAILED)
    click.echo("site_stats and site_months agree with the articles", err=True)


def existing_archive(db: str) -> Any:
    """Open an archive that must already exist (exit status 2 otherwise)."""
    if not Path(db).exists():
        raise UsageError(f"{db}: no such archive")
    check_database(db)
    from archive.store.migrations import open_db

    return open_db(db)


@cli.command()
@db_option
@click.option("--site", "site_ids", multiple=True, help="Only this site (repeatable).")
@sites_option
@click.option("--warc-dir", type=click.Path(file_okay=False), help=WARC_DIR_HELP)
@click.option("--workers", default=0, show_default=True, type=int,
              help="Extraction worker processes (0 = in-process).")  # fmt: skip
def reextract(db: str, site_ids: tuple[str, ...], sites_file: str | None, warc_dir: str | None,
              workers: int) -> None:  # fmt: skip
    """Rebuild the articles from the WARC captures with the current extractor (no network).

    \b
        tct-archive reextract --db archive.db
        tct-archive reextract --db archive.db --site thai-nguyen
    """
    from archive import reextract as rx
    from archive.capture.warcs import default_warc_dir

    archive = existing_archive(db)
    try:
        chosen, dropped = rx.archived_sites(archive, load_registry(sites_file), site_ids)
    except KeyError as exc:
        raise UsageError(f"unknown site id(s): {exc.args[0]} (see `tct-archive sites`)") from exc
    if dropped:
        click.echo(f"not in the registry, skipped: {', '.join(dropped)}", err=True)
    rows = rx.reextract(archive, chosen, warc_dir or default_warc_dir(db), workers=workers)
    click.echo(stats.format_table(rows))
    unreadable = sum(r["unreadable"] for r in rows)
    if unreadable:
        click.echo(f"{unreadable} capture(s) could not be read from the WARC files", err=True)
        sys.exit(EXIT_SITE_FAILED)


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "wacz"]), default="jsonl",
              show_default=True, help="JSON Lines, CSV (articles) or WACZ (captures).")  # fmt: skip
@click.option("--site", "site_id", help="Only this site.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write here (default: standard output; required for wacz).")  # fmt: skip
@click.option("--warc-dir", type=click.Path(file_okay=False), help=WARC_DIR_HELP)
def export(db: str, fmt: str, site_id: str | None, output: str | None,
           warc_dir: str | None) -> None:  # fmt: skip
    """Export the articles (jsonl, csv) or a replayable WACZ of the captures.

    \b
        tct-archive export --format jsonl > articles.jsonl
        tct-archive export --format csv --site thai-nguyen -o thai-nguyen.csv
        tct-archive export --format wacz -o archive.wacz
    """
    from archive.capture import export as ex
    from archive.capture.warcs import default_warc_dir

    if output:
        check_folder(Path(output).parent, output)
    archive = existing_archive(db)
    if site_id and not archive.execute("select 1 from sites where id = ?", [site_id]).fetchone():
        raise UsageError(f"unknown site id: {site_id} (not in {db})")
    if fmt == "wacz":
        if not output:
            raise UsageError("--format wacz writes a file: give --output FILE.wacz")
        try:
            count = ex.write_wacz(archive, warc_dir or default_warc_dir(db), output, site_id)
        except ex.ExportError as exc:
            click.echo(f"export failed: {exc}", err=True)
            sys.exit(EXIT_SITE_FAILED)
    else:
        with click.open_file(output or "-", "w", encoding="utf-8") as out:
            write = ex.write_jsonl if fmt == "jsonl" else ex.write_csv
            count = write(archive, out, site_id)
    click.echo(f"{count} articles exported" + (f" to {output}" if output else ""), err=True)


@cli.command()
@click.option("--dir", "workdir", default="demo-output", show_default=True,
              type=click.Path(file_okay=False), help="Where the demo database goes.")  # fmt: skip
@click.option("--articles-per-site", default=12, show_default=True, type=int)
@click.option("--port", default=8001, show_default=True, type=int, help="Datasette port.")
@click.option("--no-serve", is_flag=True, help="Crawl and summarize, then exit.")
def demo(workdir: str, articles_per_site: int, port: int, no_serve: bool) -> None:
    """Serve the sample web on loopback, crawl it into a fresh archive, browse it."""
    from archive.demo import run_demo

    target = Path(workdir)
    check_folder(target if target.is_dir() else target.parent, workdir)

    sys.exit(run_demo(Path(workdir), articles_per_site, port=port, serve=not no_serve))


@cli.command("eval")
@click.argument("directory", required=False, type=click.Path(exists=True, file_okay=False))
@click.option("-v", "--verbose", is_flag=True, help="Also list what leaked or was missed.")
@click.option(
    "--split", "splits", multiple=True, metavar="NAME",
    help="Only pages of this split (repeatable): tune, holdout, blind, sealed.",
)  # fmt: skip
def eval_command(directory: str | None, verbose: bool, splits: tuple[str, ...]) -> None:
    """Score extraction on the evaluation set, ours against bare trafilatura.

    \b
        tct-archive eval                 # tests/evaldata in a checkout
        tct-archive eval tests/blind/pages --split blind
        tct-archive eval my-pages/ -v
    """
    from archive import evaluate

    try:
        report = evaluate.evaluate(directory, splits=splits or None)
    except FileNotFoundError as exc:
        raise UsageError(f"no evaluation set: {exc}") from exc
    click.echo(evaluate.format_report(report))
    if verbose:
        click.echo("\n" + evaluate.leak_details(report))
