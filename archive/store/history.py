"""A site's figures in one crawl and in the crawls before it, and the rules that judge them.

Sites break quietly (a redesign moves the date, a merger empties a site, robots.txt
starts to forbid the news), so every crawl is judged per site against that site's
own history, not against fixed numbers alone: a school that publishes twice a year
is not held to the standard of one that publishes daily. The Spidermon monitors
(crawler/monitors.py) call :func:`evaluate`; this module is plain Python over the
database so that the rules are tested without Scrapy.

Each rule gives one :class:`Finding` per site (passed or not, with the reason), so
the page of a crawl shows what passed as well as what failed.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlite_utils import Database

#: Earlier crawls of a site a crawl is compared with (the newest first).
HISTORY_CRAWLS = 5
#: A fall to under this share of the earlier crawls' median of articles seen alerts...
FEWER_SHARE = 0.5
#: ...once that median is at least this many (a site with 3 articles may well show 1).
FEWER_MIN = 4
#: No new article alerts only when the site's own dates say it should have published at
#: least this many since its previous crawl (from its pace over the last year).
NEW_EXPECTED_MIN = 3.0
PUBLISHING_WINDOW_DAYS = 365
#: Coverage (title, date, author, generic share) is judged on at least this many articles
#: extracted in the crawl and before.
COVERAGE_MIN_SAMPLE = 3
#: A field found on a share of articles this much lower than before alerts (0.3: 30 points)...
COVERAGE_DROP = 0.3
#: ...when chance would give so few less often than this (binomial, at the earlier share):
#: 0 authors among 3 articles of a site that names them on 75 % happens 1.6 % of the time.
COVERAGE_CHANCE = 0.01
#: Mean body length under this share of the history's alerts (the body lost its block).
BODY_SHARE = 0.5
#: Share of articles from the generic path rising by this (0.3: 30 points) alerts.
GENERIC_RISE = 0.3
#: Pages taken for listings more than this many times the most of the earlier crawls, and
#: at least LISTING_EXTRA more, alert (articles read as listings). Counts, not shares: a
#: recrawl fetches listings and few articles, so the listings' share always rises.
LISTING_GROWTH = 2.0
LISTING_EXTRA = 5
#: Failed pages (HTTP errors, broken connections) over this share of the pages, and this
#: much above the site's usual share, alert; time-outs likewise.
ERROR_SHARE = 0.2
ERROR_RISE = 0.1
TIMEOUT_SHARE = 0.1
#: A site's last good crawl older than this many seconds (ARCHIVE_MONITOR_SCHEDULE) alerts.
SCHEDULE_DEFAULT = 2 * 86400.0

#: Per-site monitors, in the order they are shown; ``schedule`` is judged over all sites.
MONITORS = (
    "zero-articles",
    "fewer-articles",
    "new-articles",
    "coverage-title",
    "coverage-date",
    "coverage-author",
    "body-length",
    "generic-share",
    "listings",
    "http-errors",
    "timeouts",
    "robots-forbidden",
    "offsite-redirects",
    "item-validation",
    "schedule",
)

ROBOTS_REFUSAL = "IgnoreRequest: Forbidden by robots.txt"
OFFSITE_REDIRECT = "RedirectRefused: redirect to another domain%"
TIMEOUT_ERRORS = ("%TimeoutError%", "%timed out%")


@dataclass(frozen=True)
class Finding:
    site_id: str | None  # None: about the crawl as a whole
    monitor: str
    passed: bool
    message: str

    def row(self, crawl_id: int) -> dict[str, Any]:
        return {
            "crawl_id": crawl_id,
            "site_id": self.site_id,
            "monitor": self.monitor,
            "passed": int(self.passed),
            "message": self.message,
        }

    def line(self) -> str:
        return f"{self.site_id or '(all)'}: {self.monitor}: {self.message}"


@dataclass
class Figures:
    """One site in one crawl: ``crawl_sites`` with the tallies m014 added."""

    crawl_id: int
    site_id: str
    started: str
    status: str
    pages: int = 0
    found: int = 0  # articles fetched, answered 304 or still linked while fresh
    articles_new: int = 0
    errors: int = 0
    listings: int = 0
    extracted: int = 0  # articles extracted from a fetched page in this crawl
    with_title: int = 0
    with_date: int = 0
    with_author: int = 0
    body_words: int = 0
    generic: int = 0
    timeouts: int = 0
    offsite_redirects: int = 0


_FIGURES = """
select cs.crawl_id, cs.site_id, c.started, cs.status, coalesce(cs.pages, 0) as pages,
  coalesce(cs.articles_found, coalesce(cs.articles_seen, 0) + coalesce(cs.not_modified, 0))
    as found,
  coalesce(cs.articles_new, 0) as articles_new, coalesce(cs.errors, 0) as errors,
  coalesce(cs.listings, 0) as listings, coalesce(cs.extracted, 0) as extracted,
  coalesce(cs.with_title, 0) as with_title, coalesce(cs.with_date, 0) as with_date,
  coalesce(cs.with_author, 0) as with_author, coalesce(cs.body_words, 0) as body_words,
  coalesce(cs.generic, 0) as generic, coalesce(cs.timeouts, 0) as timeouts,
  coalesce(cs.offsite_redirects, 0) as offsite_redirects
from crawl_sites cs join crawls c on c.id = cs.crawl_id
"""


def crawl_figures(db: Database, crawl_id: int) -> dict[str, Figures]:
    rows = db.query(_FIGURES + "where cs.crawl_id = ? order by cs.site_id", [crawl_id])
    return {r["site_id"]: Figures(**r) for r in rows}


def earlier_figures(
    db: Database, crawl_id: int, site_id: str, limit: int = HISTORY_CRAWLS
) -> list[Figures]:
    """The site's earlier finished crawls, newest first (failed ones too: a site that was
    dark before is compared with that)."""
    rows = db.query(
        _FIGURES + "where cs.site_id = ? and cs.crawl_id < ? and c.status = 'finished' "
        "order by cs.crawl_id desc limit ?",
        [site_id, crawl_id, limit],
    )
    return [Figures(**r) for r in rows]


def resumed_others(db: Database, crawl_id: int) -> bool:
    """The crawl took over the requests of killed or interrupted crawls: it saw only what
    they left, and what they had confirmed may have died with them (a full disk)."""
    row = db.execute("select 1 from crawls where resumed_by = ? limit 1", [crawl_id])
    return row.fetchone() is not None


def page_tallies(db: Database, crawl_id: int) -> dict[str, dict[str, int]]:
    """Per site, what the crawl's ``pages`` rows say: time-outs and off-site redirects."""
    timeouts = " or ".join("error like ?" for _ in TIMEOUT_ERRORS)
    rows = db.execute(
        f"select site_id, sum({timeouts}), sum(error like ?) from pages "
        "where crawl_id = ? and error is not null group by site_id",
        [*TIMEOUT_ERRORS, OFFSITE_REDIRECT, crawl_id],
    )
    return {site: {"timeouts": t or 0, "offsite_redirects": o or 0} for site, t, o in rows}


def newly_forbidden(db: Database, crawl_id: int, site_id: str) -> list[str]:
    """URLs robots.txt refused in this crawl that an earlier crawl fetched successfully."""
    rows = db.execute(
        "select p.url from pages p where p.crawl_id = ? and p.site_id = ? and p.error = ? "
        "and exists (select 1 from captures c where c.url = p.url and c.crawl_id < ? "
        "and c.status < 400) order by p.url",
        [crawl_id, site_id, ROBOTS_REFUSAL, crawl_id],
    )
    return [r[0] for r in rows]


def published_per_day(db: Database, site_id: str, until: datetime) -> float:
    """The site's pace: articles dated within the year before ``until``, per day."""
    since = (until - timedelta(days=PUBLISHING_WINDOW_DAYS)).strftime("%Y-%m-%d")
    row = db.execute(
        "select count(*) from articles where site_id = ? and published >= ? and published <= ?",
        [site_id, since, until.strftime("%Y-%m-%d")],
    ).fetchone()
    return float(row[0]) / PUBLISHING_WINDOW_DAYS


def chance_of_at_most(found: int, n: int, share: float) -> float:
    """P(X <= found) for X ~ Binomial(n, share): how often chance alone gives so few."""
    return sum(math.comb(n, k) * share**k * (1 - share) ** (n - k) for k in range(found + 1))


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _pct(value: float) -> str:
    return f"{100 * value:.0f}%"


def _time(value: str) -> datetime:
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


# --- the rules: pure functions of a crawl's figures and the earlier ones -------------------


def unjudged_articles(site_id: str) -> list[Finding]:
    """A crawl that resumed others is not judged on its article counts (the session's
    articles_found already holds what the resumed crawls stored; the next full crawl is
    judged as usual)."""
    why = "not judged: this crawl resumed an unfinished one and saw only what it left"
    return [Finding(site_id, m, True, why) for m in ("zero-articles", "fewer-articles")]


def usual_found(before: Sequence[Figures]) -> float:
    """The articles a site's earlier crawls usually saw (their median)."""
    return statistics.median([f.found for f in before]) if before else 0


def fell(found: int, before: Sequence[Figures]) -> bool:
    """A fall by more than half of the usual, past a minimum: the one rule behind the
    crawl's ``fewer-articles`` status, its exit code and the monitor of that name."""
    usual = usual_found(before)
    return bool(found) and usual >= FEWER_MIN and found < FEWER_SHARE * usual


def judge_articles(now: Figures, before: Sequence[Figures]) -> list[Finding]:
    """A fall to zero alerts always; a fall by more than half of the usual, past a minimum."""
    site = now.site_id
    usual = usual_found(before)
    if now.found == 0:
        why = f"no articles seen among {now.pages} pages fetched"
        why += f" (the earlier crawls saw {usual:g})" if before else ""
        zero = Finding(site, "zero-articles", False, why)
    else:
        zero = Finding(site, "zero-articles", True, f"{now.found} articles seen")
    if fell(now.found, before):
        fewer = Finding(
            site,
            "fewer-articles",
            False,
            f"{now.found} articles seen, under half the {usual:g} usual",
        )
    else:
        fewer = Finding(
            site,
            "fewer-articles",
            True,
            f"{now.found} articles seen (usual {usual:g})"
            if before
            else f"{now.found} articles seen (no earlier crawl)",
        )
    return [zero, fewer]


def judge_new(now: Figures, before: Sequence[Figures], per_day: float) -> Finding:
    """Few or no new articles on a recrawl is normal, unless the site's own pace over the
    last year says it should have published more since its previous crawl."""
    if not before:
        return Finding(now.site_id, "new-articles", True, f"{now.articles_new} new (first crawl)")
    days = (_time(now.started) - _time(before[0].started)).total_seconds() / 86400
    expected = per_day * days
    if expected >= NEW_EXPECTED_MIN and now.articles_new < expected / 4:
        return Finding(
            now.site_id,
            "new-articles",
            False,
            f"{now.articles_new} new articles in {days:.1f} days; its pace over the "
            f"last year is {per_day * 7:.1f} a week, so about {expected:.0f}",
        )
    return Finding(
        now.site_id, "new-articles", True, f"{now.articles_new} new (about {expected:.1f} expected)"
    )


def judge_coverage(now: Figures, before: Sequence[Figures]) -> list[Finding]:
    """Title, date, author, body length and the generic path's share, on the articles this
    crawl extracted, against the articles the earlier crawls extracted."""
    site = now.site_id
    earlier = [f for f in before if f.extracted]
    total = sum(f.extracted for f in earlier)
    if now.extracted < COVERAGE_MIN_SAMPLE or total < COVERAGE_MIN_SAMPLE:
        why = (
            f"not judged: {now.extracted} articles extracted in this crawl, "
            f"{total} in the earlier ones (at least {COVERAGE_MIN_SAMPLE} each)"
        )
        names = (
            "coverage-title",
            "coverage-date",
            "coverage-author",
            "body-length",
            "generic-share",
        )
        return [Finding(site, name, True, why) for name in names]
    findings = []
    for field in ("title", "date", "author"):
        current = _share(getattr(now, f"with_{field}"), now.extracted)
        usual = _share(sum(getattr(f, f"with_{field}") for f in earlier), total)
        found = getattr(now, f"with_{field}")
        failed = (
            current < usual - COVERAGE_DROP
            and chance_of_at_most(found, now.extracted, usual) < COVERAGE_CHANCE
        )
        findings.append(
            Finding(
                site,
                f"coverage-{field}",
                not failed,
                f"{field} found on {_pct(current)} of {now.extracted} articles extracted"
                f" (was {_pct(usual)} of {total})",
            )
        )
    words = now.body_words / now.extracted
    usual_words = sum(f.body_words for f in earlier) / total
    findings.append(
        Finding(
            site,
            "body-length",
            words >= BODY_SHARE * usual_words,
            f"{words:.0f} words per article (was {usual_words:.0f})",
        )
    )
    generic = _share(now.generic, now.extracted)
    usual_generic = _share(sum(f.generic for f in earlier), total)
    findings.append(
        Finding(
            site,
            "generic-share",
            generic <= usual_generic + GENERIC_RISE,
            f"{_pct(generic)} of articles by the generic path (was {_pct(usual_generic)})",
        )
    )
    return findings


def judge_pages(now: Figures, before: Sequence[Figures]) -> list[Finding]:
    """Listings, failed pages, time-outs and off-site redirects against history."""
    site = now.site_id
    pages = sum(f.pages for f in before)
    most_listings = max((f.listings for f in before), default=None)
    listing_ok = most_listings is None or not (
        now.listings > LISTING_GROWTH * most_listings
        and now.listings - most_listings >= LISTING_EXTRA
    )
    errors, usual_errors = (
        _share(now.errors, now.pages),
        _share(sum(f.errors for f in before), pages),
    )
    # Judged against history only: dead template links make a first crawl's 404s.
    errors_ok = not (before and errors > ERROR_SHARE and errors > usual_errors + ERROR_RISE)
    timeouts = _share(now.timeouts, now.pages)
    timeouts_ok = not (
        before
        and timeouts > TIMEOUT_SHARE
        and now.timeouts > max((f.timeouts for f in before), default=0)
    )
    usual_offsite = max((f.offsite_redirects for f in before), default=0)
    offsite_ok = now.offsite_redirects <= usual_offsite
    return [
        Finding(
            site,
            "listings",
            listing_ok,
            f"{now.listings} of {now.pages} pages read as listings"
            + (f" (at most {most_listings} before)" if most_listings is not None else ""),
        ),
        Finding(
            site,
            "http-errors",
            errors_ok,
            f"{now.errors} of {now.pages} pages failed ({_pct(errors)}; was {_pct(usual_errors)})",
        ),
        Finding(site, "timeouts", timeouts_ok, f"{now.timeouts} time-outs"),
        Finding(
            site,
            "offsite-redirects",
            offsite_ok,
            f"{now.offsite_redirects} redirects to another host (at most {usual_offsite} before)",
        ),
    ]


def judge_robots(site_id: str, forbidden: Sequence[str]) -> Finding:
    if not forbidden:
        return Finding(site_id, "robots-forbidden", True, "no page fetched before is forbidden")
    return Finding(
        site_id,
        "robots-forbidden",
        False,
        f"robots.txt now forbids {len(forbidden)} pages fetched before, such as {forbidden[0]}",
    )


def judge_validation(site_id: str, invalid: int, errors: Sequence[str]) -> Finding:
    if not invalid:
        return Finding(site_id, "item-validation", True, "every article item matched the schema")
    detail = f": {', '.join(errors[:3])}" if errors else ""
    return Finding(
        site_id, "item-validation", False, f"{invalid} article items failed the schema{detail}"
    )


def judge_schedule(
    db: Database, now: datetime, max_age: float, crawled: Iterable[str] = ()
) -> list[Finding]:
    """Every site crawled before must have had a good crawl (not failed, not empty) within
    ``max_age`` seconds, whether or not it was in this crawl (``crawled``). A site that
    never had one is judged only by its own crawls (their other monitors say why)."""
    crawled = set(crawled)
    rows = db.execute(
        "select s.id, (select max(c.started) from crawl_sites cs join crawls c on c.id = "
        "cs.crawl_id where cs.site_id = s.id and c.status = 'finished' "
        "and cs.status in ('ok', 'partial', 'fewer-articles')) "
        "from sites s where s.first_crawled is not null order by s.id"
    )
    findings = []
    for site_id, last_good in rows:
        age = (now - _time(last_good)).total_seconds() if last_good else None
        if age is None and site_id not in crawled:
            findings.append(Finding(site_id, "schedule", True, "never crawled successfully; "
                                    "not in this crawl"))  # fmt: skip
        elif age is None or age > max_age:
            since = f"since {last_good}" if last_good else "ever"
            findings.append(
                Finding(
                    site_id,
                    "schedule",
                    False,
                    f"no good crawl {since} (schedule: every {max_age / 3600:g} h)",
                )
            )
        else:
            findings.append(Finding(site_id, "schedule", True, f"last good crawl {last_good}"))
    return findings


def evaluate(
    db: Database,
    crawl_id: int,
    *,
    validation: Mapping[str, tuple[int, Sequence[str]]] | None = None,
    schedule: float = SCHEDULE_DEFAULT,
    now: datetime | None = None,
) -> list[Finding]:
    """Every monitor's finding for every site of the crawl, then the schedule of all sites.

    ``validation`` maps a site to its count of article items that failed the schema and
    a few of the errors (from the Spidermon validation pipeline's per-site stats).
    """
    validation = validation or {}
    now = now or datetime.now(UTC)
    findings: list[Finding] = []
    figures_now = crawl_figures(db, crawl_id)
    resumed = resumed_others(db, crawl_id)
    for site_id, figures in figures_now.items():
        before = earlier_figures(db, crawl_id, site_id)
        findings += unjudged_articles(site_id) if resumed else judge_articles(figures, before)
        findings.append(judge_new(figures, before, published_per_day(db, site_id, now)))
        findings += judge_coverage(figures, before)
        findings += judge_pages(figures, before)
        findings.append(judge_robots(site_id, newly_forbidden(db, crawl_id, site_id)))
        invalid, errors = validation.get(site_id, (0, ()))
        findings.append(judge_validation(site_id, invalid, errors))
    findings += judge_schedule(db, now, schedule, figures_now)
    order = {name: i for i, name in enumerate(MONITORS)}
    return sorted(findings, key=lambda f: (f.site_id or "", order.get(f.monitor, 99)))


def save(db: Database, crawl_id: int, findings: Iterable[Finding]) -> None:
    """The crawl's ``monitor_results`` rows (a second run of the monitors replaces them)."""
    with db.atomic():
        db.execute("delete from monitor_results where crawl_id = ?", [crawl_id])
        db.table("monitor_results").insert_all(f.row(crawl_id) for f in findings)


def results(db: Database, crawl_id: int) -> list[Finding]:
    rows = db.execute(
        "select site_id, monitor, passed, message from monitor_results where crawl_id = ? "
        "order by id",
        [crawl_id],
    )
    return [Finding(s, m, bool(p), msg) for s, m, p, msg in rows]


def report(crawl_id: int, findings: Sequence[Finding]) -> dict[str, Any]:
    """The JSON report of a crawl's monitors (the report file, the webhook's body)."""
    failed = [f for f in findings if not f.passed]
    return {
        "crawl_id": crawl_id,
        "passed": not failed,
        "failed": [asdict(f) for f in failed],
        "sites_failing": sorted({f.site_id or "(all)" for f in failed}),
        "monitors_failing": sorted({f.monitor for f in failed}),
        "results": [asdict(f) for f in findings],
    }
