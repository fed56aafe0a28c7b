"""The whole fault and kill campaign, and a table of what it did: ``make chaos``, or

    .venv/bin/python benchmarks/chaos.py [--articles 30] [--kills 20] [--quick] [--json FILE]

1. faults: the sample web with every fault of sampleweb/faults.py
   (twice each, on different sites) and a site nobody can reach, crawled once;
2. removed: an archived article deleted from its site, the site crawled again;
3. kills: a fresh faulty web crawled and SIGKILLed at random moments
   (``--kills`` times, each restart resuming), then a crawl left to finish;
4. concurrency: ``tct-archive serve`` read by four threads while a crawl
   writes, and a second crawl of the same database started half-way;
5. disk full: a crawl with a file size limit (RLIMIT_FSIZE), and on a small
   tmpfs when run as root;
6. fuzz: tests/test_fuzz.py with many more hypothesis examples, then atheris
   (coverage-guided) for a minute if it is installed.

Must be zero, and make the exit status 1 otherwise: articles lost, duplicates,
crashes (exceptions nobody handled), articles archived that a fault forbids,
failures recorded without their reason, database integrity failures, WARC
files invalid or torn after the final crawl, captures pointing nowhere.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.sites.urls import canonical_url  # noqa: E402
from archive.store.migrations import open_db  # noqa: E402
from sampleweb import SampleWebServer, build_sample_web  # noqa: E402
from sampleweb.audit import (  # noqa: E402
    CrawlRun,
    Readers,
    audit,
    crawl_command,
    integrity,
    kill_campaign,
    run_crawl,
    serving,
    wait_until_writing,
)
from sampleweb.faults import CATALOGUE, REMOVED, FaultyWeb, ForeignHost  # noqa: E402

TIMEOUT = 2  # DOWNLOAD_TIMEOUT: slow answers fail fast
DEAD_SITE = """
[[site]]
id = "dead-site"
name = "Trường không truy cập được"
province = "Không rõ"
start_urls = ["http://127.0.0.251:9/"]
"""


@dataclass
class Row:
    campaign: str
    faults: int | str = "-"  # faulty answers given
    pages: int | str = "-"  # distinct URLs the faults hit
    expected: int | str = "-"
    archived: int | str = "-"
    lost: int = 0
    duplicates: int = 0
    crashes: int = 0
    peak_mb: float = 0.0
    problems: list[str] = field(default_factory=list)  # anything else that must not happen
    notes: str = ""

    @property
    def ok(self) -> bool:
        return not (self.lost or self.duplicates or self.crashes or self.problems)


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --- 1 and 2: the faulty web --------------------------------------------------------------


def faults_campaign(work: Path, articles: int) -> tuple[Row, Row]:
    web = build_sample_web(articles_per_site=articles)
    faulty = FaultyWeb(web, timeout=TIMEOUT, per_fault=2)
    extra = ("-s", f"DOWNLOAD_TIMEOUT={TIMEOUT}")
    with ForeignHost() as foreign, SampleWebServer(web, faults=faulty.faults) as server:
        faulty.foreign = foreign.base
        sites = work / "sites.toml"
        sites.write_text(faulty.sites_toml(server) + DEAD_SITE, encoding="utf-8")
        db = work / "archive.db"
        expected = faulty.expected
        say(f"faults: {len(faulty.injected)} faults on {len(web.sites)} sites, "
            f"{len(expected)} articles expected")  # fmt: skip
        first = run_crawl(crawl_command(db, sites, *extra))
        found = audit(db, expected, faulty)
        row = Row("faults (crawl 1)", faulty.answers, faulty.pages_affected, found.expected,
                  found.archived, len(found.lost), len(found.duplicates), first.crashes,
                  first.peak_mb)  # fmt: skip
        row.problems += [f"leaked {x}" for x in found.leaked]
        row.problems += [f"no reason recorded: {x}" for x in found.unexplained]
        row.problems += [f"foreign host requested: {x}" for x in foreign.hits]
        if found.integrity != "ok":
            row.problems.append(f"integrity: {found.integrity}")
        if first.returncode != 1 or "failed entirely: dead-site" not in first.stderr:
            row.problems.append(f"exit status {first.returncode} (1 expected: a dead site)")
        traps = _trap_pages(db, faulty)
        errors = _errors(db)
        row.notes = (f"exit {first.returncode}, {first.seconds:.0f}s, {errors} URLs recorded as "
                     f"errors, trap pages {traps}, lost by design {len(faulty.lost)}")  # fmt: skip
        say(f"  {row}")

        before = faulty.answers
        removed = faulty.remove_between_crawls()
        site_ids = sorted({a.site_id for a in removed})
        second = run_crawl(crawl_command(db, sites, *site_ids, "--revalidate-after", "0", *extra))
        kept = _removed_marked(db, removed)
        after = audit(db, faulty.expected, faulty)
        again = Row("faults (crawl 2: article removed)", faulty.answers - before, "-",
                    after.expected, after.archived, len(after.lost), len(after.duplicates),
                    second.crashes, second.peak_mb)  # fmt: skip
        if kept != len(removed):
            again.problems.append(f"removed articles kept and marked: {kept} of {len(removed)}")
        if second.returncode != 0:
            again.problems.append(f"exit status {second.returncode}")
        again.notes = f"{len(removed)} removed, {kept} kept and marked removed"
        say(f"  {again}")
    return row, again


def _trap_pages(db: Path, faulty: FaultyWeb) -> dict[str, int]:
    from urllib.parse import urlsplit

    found = {}
    with closing(sqlite3.connect(db)) as conn:
        for injection in faulty.injected:
            if injection.fault.name in ("calendar", "endless-pagination"):
                path = urlsplit(injection.url).path
                count = conn.execute(
                    "select count(*) from pages where site_id = ? and url like ?",
                    [injection.site_id, f"%{path}%"],
                ).fetchone()[0]
                found[f"{injection.fault.name}@{injection.site_id}"] = count
    return found


def _errors(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("select count(*) from pages where kind = 'error'").fetchone()[0])


def _removed_marked(db: Path, removed: list) -> int:
    kept = 0
    with closing(sqlite3.connect(db)) as conn:
        for article in removed:
            row = conn.execute(
                "select a.removed from article_urls u join articles a on a.id = u.article_id "
                "where u.url = ?", [canonical_url(article.url)],
            ).fetchone()  # fmt: skip
            kept += bool(row and row[0])
    return kept


# --- 3: kills ----------------------------------------------------------------------------------


def kills_campaign(work: Path, articles: int, runs: int, seed: int) -> Row:
    web = build_sample_web(articles_per_site=articles, seed=seed)
    faulty = FaultyWeb(web, faults=tuple(f for f in CATALOGUE if f.effect != REMOVED),
                       timeout=TIMEOUT, seed=seed)  # fmt: skip
    with ForeignHost() as foreign, SampleWebServer(web, faults=faulty.faults) as server:
        faulty.foreign = foreign.base
        sites = faulty.write_sites(server, work / "sites.toml")
        report = kill_campaign(
            work / "archive.db", sites, lambda: faulty.expected, runs=runs, seed=seed,
            faulty=faulty, longest=max(4.0, articles / 2), progress=lambda line: say(f"  {line}"),
            extra=("-s", f"DOWNLOAD_TIMEOUT={TIMEOUT}"),
        )  # fmt: skip
    found, warcs, final = report.audit, report.warcs, report.final
    assert found is not None and warcs is not None and final is not None
    row = Row(f"kills ({report.kills} x SIGKILL + restart)", faulty.answers,
              faulty.pages_affected, found.expected, found.archived, len(found.lost),
              len(found.duplicates), report.crashes, report.peak_mb)  # fmt: skip
    row.problems += report.broken_after_kill
    row.problems += [f"leaked {x}" for x in found.leaked]
    if found.leaked:  # what the runs said about robots.txt, to tell why
        row.problems += [e[:300] for e in report.errors if "robots" in e.lower()][:5]
    if found.integrity != "ok":
        row.problems.append(f"integrity: {found.integrity}")
    if warcs.torn or warcs.invalid or warcs.dangling:
        row.problems.append(f"WARC: torn {warcs.torn}, invalid {warcs.invalid}, "
                            f"captures pointing nowhere {warcs.dangling}")  # fmt: skip
    if report.orphans:
        row.problems.append(f"{report.orphans} worker processes outlived their crawler")
    if report.pending:
        row.problems.append(f"{report.pending} requests left pending")
    if final.returncode != 0:
        row.problems.append(f"final crawl exit status {final.returncode}")
    row.notes = (f"integrity ok after {report.kills - len(report.broken_after_kill)} of "
                 f"{report.kills} kills; torn WARC tails {report.torn_after_kill} "
                 f"({report.torn_made} made) all cut; {warcs.files} WARC files, "
                 f"{warcs.records} records valid; crawls {report.crawl_statuses}")  # fmt: skip
    say(f"  {row}")
    return row


# --- 4: concurrency -------------------------------------------------------------------------


def concurrency_campaign(work: Path, articles: int) -> Row:
    db = work / "archive.db"
    open_db(str(db)).close()
    web = build_sample_web(articles_per_site=articles)
    results: dict[str, CrawlRun] = {}
    with serving(db, cwd=ROOT) as (base, log), SampleWebServer(web) as server:
        sites = server.write_sites(work / "sites.toml")
        with Readers(base) as readers:
            thread = threading.Thread(target=lambda: results.update(
                crawl=run_crawl(crawl_command(db, sites))))  # fmt: skip
            thread.start()
            wait_until_writing(db)
            second = run_crawl(crawl_command(db, sites), timeout=60)
            thread.join()
            time.sleep(1)
    crawl = results["crawl"]
    found = audit(db, web.articles)
    row = Row("concurrency (serve + crawl + 2nd crawl)", "-", "-", found.expected, found.archived,
              len(found.lost), len(found.duplicates), crawl.crashes, crawl.peak_mb)  # fmt: skip
    locked = sum("database is locked" in t.lower() for t in (crawl.stderr, log[0]))
    row.problems += readers.problems[:5]
    if locked:
        row.problems.append("'database is locked' in a log")
    if second.returncode != 3:
        row.problems.append(f"second crawl exit status {second.returncode} (3 expected)")
    row.notes = (f"{sum(readers.statuses.values())} Datasette requests "
                 f"{dict(readers.statuses)}, 0 locked; second crawl exit {second.returncode} "
                 f"in {second.seconds:.1f}s")  # fmt: skip
    say(f"  {row}")
    return row


# --- 5: a full disk -------------------------------------------------------------------------


def disk_campaign(work: Path, articles: int) -> list[Row]:
    web = build_sample_web(articles_per_site=articles)
    rows = []
    with SampleWebServer(web) as server:
        sites = server.write_sites(work / "sites.toml")
        source = work / "archive.db"
        first = run_crawl(crawl_command(source, sites))
        count = _articles(source)
        for name, make in (("file size limit (RLIMIT_FSIZE)", _rlimit), ("tmpfs full", _tmpfs)):
            folder = work / name.split()[0]
            folder.mkdir()
            with make(folder, source) as (db, preexec):
                if db is None:
                    rows.append(Row(f"disk full: {name}", notes="skipped (needs root)"))
                    continue
                run = run_crawl(crawl_command(db, sites, "--revalidate-after", "0"),
                                preexec_fn=preexec)  # fmt: skip
                row = Row(
                    f"disk full: {name}",
                    "-",
                    "-",
                    count,
                    _articles(db),
                    count - _articles(db),
                    0,
                    _storage_crashes(run),
                    run.peak_mb,
                )
                last = run.stderr.strip().splitlines()[-1] if run.stderr.strip() else ""
                if run.returncode != 4:
                    row.problems.append(f"exit status {run.returncode} (4 expected)")
                if integrity(db) != "ok":
                    row.problems.append(f"integrity: {integrity(db)}")
                row.notes = f"exit {run.returncode}: {last[:90]}"
                rows.append(row)
                say(f"  {row}")
    if first.returncode != 0:
        rows.append(Row("disk full: first crawl", problems=[f"exit {first.returncode}"]))
    return rows


def _articles(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("select count(*) from articles").fetchone()[0])


@contextmanager
def _rlimit(folder: Path, source: Path) -> Iterator[tuple[Path | None, Callable[[], None] | None]]:
    """A copy of the archive whose files may not be written past 60 kB (works without root):
    the database's writes past that offset fail, and the new WARC's once it is that long.
    (A limit a little above the database's size is no longer reached: the crawl commits
    in batches, which keeps the WAL small.)"""
    db = folder / "archive.db"
    shutil.copy(source, db)
    limit = 60_000

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of death
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    yield db, small_files


@contextmanager
def _tmpfs(folder: Path, source: Path) -> Iterator[tuple[Path | None, Callable[[], None] | None]]:
    """A copy of the archive on a tmpfs 500 kB larger than it (root and mount needed)."""
    size = source.stat().st_size + 500_000
    if (
        os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
            capture_output=True,
        ).returncode
    ):
        yield None, None
        return
    try:
        db = folder / "archive.db"
        shutil.copy(source, db)
        yield db, None
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def _storage_crashes(run: CrawlRun) -> int:
    """Crashes other than the storage failure itself (logged once per write that failed)."""
    from sampleweb.audit import count_crashes

    kept = [line for line in run.stderr.splitlines()
            if not any(w in line for w in (" writing ", "disk full", "disk I/O"))]  # fmt: skip
    return count_crashes("\n".join(kept))


# --- 6: fuzz ----------------------------------------------------------------------------------


def fuzz_campaign(work: Path, examples: int, atheris_seconds: int) -> list[Row]:
    rows = []
    started = time.monotonic()
    env = {**os.environ, "TCT_FUZZ_EXAMPLES": str(examples)}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         str(ROOT / "tests" / "test_fuzz.py")], cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-200:]
    row = Row(f"fuzz: hypothesis ({examples} examples per test)", crashes=int(done.returncode != 0))
    row.notes = f"{last} in {time.monotonic() - started:.0f}s; 100k-deep, 50 MB, XML bombs"
    if done.returncode != 0:  # the error lines and the failing tests, not hypothesis' log
        lines = done.stdout.splitlines()
        wanted = [x for x in lines if x.startswith(("E  ", "FAILED", "ERROR"))]
        row.problems.append("\n".join(x[:300] for x in wanted[:40]) or done.stdout[-1500:])
    rows.append(row)
    say(f"  {row}")
    try:
        import atheris  # noqa: F401
    except ImportError:
        rows.append(Row("fuzz: atheris", notes="not installed (pip install atheris)"))
        return rows
    corpus = work / "corpus"
    script = ROOT / "benchmarks" / "fuzz_atheris.py"
    subprocess.run([sys.executable, str(script), "--seed-corpus", str(corpus)], check=True,
                   capture_output=True)  # fmt: skip
    done = subprocess.run(
        [sys.executable, str(script), str(corpus), f"-max_total_time={atheris_seconds}",
         "-timeout=30", "-rss_limit_mb=3000", f"-artifact_prefix={work}/"],
        cwd=work, capture_output=True, text=True,
    )  # fmt: skip
    runs = next((line for line in done.stderr.splitlines() if line.startswith("Done ")), "")
    found = sorted(p.name for p in work.glob("*") if p.name.startswith(("crash-", "timeout-",
                                                                         "oom-")))  # fmt: skip
    row = Row(f"fuzz: atheris ({atheris_seconds}s, coverage-guided)", crashes=len(found))
    row.notes = f"{runs or done.stderr[-200:]}; artifacts: {found or 'none'}"
    if done.returncode != 0 and not found:
        row.problems.append(done.stderr[-800:])
    rows.append(row)
    say(f"  {row}")
    return rows


# --- the table --------------------------------------------------------------------------------


def table(rows: list[Row]) -> str:
    head = ["campaign", "faults injected", "pages affected", "articles expected", "archived",
            "lost", "duplicates", "crashes", "peak MB"]  # fmt: skip
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        peak = f"{r.peak_mb:.0f}" if r.peak_mb else "-"
        cells = [r.campaign, r.faults, r.pages, r.expected, r.archived, r.lost, r.duplicates,
                 r.crashes, peak]  # fmt: skip
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    lines.append("")
    lines += [f"- {r.campaign}: {r.notes}" for r in rows if r.notes]
    problems = [f"- {r.campaign}: {p}" for r in rows for p in r.problems]
    lines += ["", "Problems:", *problems] if problems else ["", "Problems: none."]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=30, help="articles per sample site")
    parser.add_argument("--kills", type=int, default=20, help="SIGKILLed crawls")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--examples", type=int, default=1500, help="hypothesis examples/test")
    parser.add_argument("--atheris-seconds", type=int, default=60)
    parser.add_argument("--quick", action="store_true", help="small web, 5 kills, less fuzz")
    parser.add_argument("--only", nargs="*", help="faults kills concurrency disk fuzz")
    parser.add_argument("--json", type=Path, help="also write the rows here")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    if args.quick:
        args.articles, args.kills, args.examples, args.atheris_seconds = 12, 5, 200, 15
    parts = set(args.only or ["faults", "kills", "concurrency", "disk", "fuzz"])
    rows: list[Row] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="tct-chaos-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        steps = [
            ("faults", lambda w: list(faults_campaign(w, args.articles))),
            (
                "kills",
                lambda w: [kills_campaign(w, max(8, args.articles // 2), args.kills, args.seed)],
            ),  # fmt: skip
            ("concurrency", lambda w: [concurrency_campaign(w, args.articles)]),
            ("disk", lambda w: disk_campaign(w, max(6, args.articles // 4))),
            ("fuzz", lambda w: fuzz_campaign(w, args.examples, args.atheris_seconds)),
        ]
        for name, step in steps:
            if name in parts:
                say(f"== {name}")
                folder = work / name
                folder.mkdir()
                rows += step(folder)
    print(table(rows))
    print(f"\n{len(rows)} campaigns in {time.monotonic() - started:.0f}s "
          f"(articles/site {args.articles}, kills {args.kills}, seed {args.seed})")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], indent=2, ensure_ascii=False))
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
