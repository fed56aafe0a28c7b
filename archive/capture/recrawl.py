"""Incremental recrawl: which known pages to fetch again, and how.

A scheduled crawl must cost little when little has changed. Listing pages,
start URLs, feeds and sitemaps are fetched every run (that is where new
articles appear). A page the archive already holds (an article, one of its
URLs, an "other" page, or a 404/410) is fetched again only when its last
check is older than ``ARCHIVE_REVALIDATE_AFTER``, and then conditionally
(``If-None-Match`` / ``If-Modified-Since`` from the stored validators), so an
unchanged page costs a 304 and no body. A sitemap ``lastmod`` overrides the
age: older than the last check skips the page, newer fetches it now; the
verdict is remembered for the run (a temporary table), so the same page
found again through a listing link is not fetched either. CMS sitemaps are
often wrong, so a ``lastmod`` can put a revalidation off for ``LASTMOD_TRUST``
after the last check, never longer; and a bare date means the end of that day
in Vietnam time (a page checked that morning and edited that evening is
fetched again). ``0`` means every
known page is revalidated every run, whatever the sitemaps say. Other errors
(5xx, timeouts) are retried every run. Known pages no listing links to any
more (removed articles, old ones beyond the pagination) are found by a sweep
of the archive (:func:`due_pages`).

Pure functions plus one indexed lookup (:func:`page_state`); the archive is
never loaded into memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from urllib.parse import urlsplit

from sqlite_utils import Database

from archive.extract.dates import VN_TZ

#: A known page is one of these kinds, or a 404/410 (a removed page is known too).
REVISITED_KINDS = ("article", "other")
GONE = (404, 410)
BATCH = 500
#: How long after a page's last check a sitemap's "unchanged" (an older ``lastmod``) is
#: believed; past it the page is revalidated by age like any other (conditionally: an
#: unchanged page costs a 304).
LASTMOD_TRUST = timedelta(days=30)
_BARE_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_PART = re.compile(r"(\d+(?:\.\d+)?)([smhdw]?)")


def parse_duration(value: str | float | int | None) -> float:
    """Seconds from ``7d``, ``12h``, ``1d12h``, ``90m``, ``45s``, ``3600`` or ``0``."""
    if value is None or value == "":
        raise ValueError("empty duration")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        text = value.strip().lower().replace(" ", "")
        parts = _PART.findall(text)
        if not parts or "".join(n + u for n, u in parts) != text:
            raise ValueError(f"{value!r}: not a duration (examples: 0, 3600, 45m, 12h, 7d, 2w)")
        seconds = sum(float(n) * _UNITS[u or "s"] for n, u in parts)
    if seconds < 0:
        raise ValueError(f"{value!r}: a duration cannot be negative")
    return seconds


@dataclass(frozen=True)
class PageState:
    """What the archive knows about a URL before fetching it."""

    kind: str | None  # pages.kind, None when only article_urls knows the URL
    status: int | None
    checked: str | None  # ISO 8601 UTC of the last fetch or 304
    etag: str | None
    last_modified: str | None
    crawl_id: int | None
    article_id: int | None  # from article_urls: the URL serves (or served) an article
    sitemap_fresh: bool = False  # a sitemap said unchanged since the last check, this run
    listing_key: str | None = None  # what it showed, read as a listing (archive.extract.verdicts)

    @property
    def known(self) -> bool:
        """Content the archive holds: revalidated, not refetched every run."""
        return self.article_id is not None or self.kind in REVISITED_KINDS or self.status in GONE


#: Listings of one year, month or day: WordPress and Joomla date archives
#: (``/2023/05/``, ``/2023/05/page/2/``, ``?m=202305``).
_PERIOD_PATH = re.compile(
    r"/(?P<y>(19|20)\d\d)/(?:(?P<m>\d{1,2})/(?:(?P<d>\d{1,2})/)?)?(page/\d+/)?$"
)
_PERIOD_QUERY = re.compile(r"(^|&)m=(?P<y>(19|20)\d\d)(?P<m>\d\d)?(?P<d>\d\d)?(&|$)")
#: Vietnam's time zone, where the sites' periods end.
_VIETNAM = timezone(timedelta(hours=7))


def period_end(url: str) -> datetime | None:
    """When the period a date-archive listing covers ended (UTC); None for other URLs."""
    parts = urlsplit(url)
    found = _PERIOD_PATH.search(parts.path.rstrip("/") + "/") or _PERIOD_QUERY.search(parts.query)
    if found is None:
        return None
    y, m, d = found["y"], found["m"], found["d"]
    try:
        start = datetime(int(y), int(m or 1), int(d or 1), tzinfo=_VIETNAM)
    except ValueError:
        return None
    if d:
        end = start + timedelta(days=1)
    elif m:
        end = (start + timedelta(days=32)).replace(day=1)
    else:
        end = start.replace(year=start.year + 1)
    return end.astimezone(UTC)


def settled_listing(url: str, state: PageState | None) -> bool:
    """A date archive last fetched a day or more after its period ended: when the site's
    feed or sitemap says what is new, it need not be fetched again every run."""
    end = period_end(url)
    checked = parse_time(state.checked) if state is not None else None
    return end is not None and checked is not None and checked >= end + timedelta(days=1)


#: Listings that only re-list articles by tag or author: every article they show is in
#: the site's sitemap, and its categories and home pages reach the rest.
_RELISTING = re.compile(r"/(tags?|author|tac-gia)/|[?&](tag|author)=", re.IGNORECASE)


def relisting(url: str) -> bool:
    """A tag, author or date archive: not worth a request when the site's sitemap lists
    its articles (a WordPress site's tags alone cost more requests than its posts)."""
    return bool(_RELISTING.search(url)) or period_end(url) is not None


def sites_with_feeds(db: Database) -> set[str]:
    """Sites whose feed or sitemap the archive has read: what is new there is listed."""
    return {
        row[0]
        for row in db.execute(
            "select distinct site_id from pages where kind = 'listing' and status = 200 "
            "and (content_type like '%xml%' or content_type like '%rss%')"
        )
    }


def known_shapes(db: Database, site_ids: list[str]) -> dict[str, dict[str, dict[str, int]]]:
    """Per site, what earlier crawls found its pages of each URL shape to be
    (``{site: {shape: {kind: pages}}}``, the ``url_shapes`` table)."""
    found: dict[str, dict[str, dict[str, int]]] = {}
    marks = ", ".join("?" * len(site_ids))
    for site_id, shape, kind, pages in db.execute(
        f"select site_id, shape, kind, pages from url_shapes where site_id in ({marks})",
        site_ids,
    ):
        found.setdefault(site_id, {}).setdefault(shape, {})[kind] = pages
    return found


@dataclass(frozen=True)
class Decision:
    fetch: bool
    headers: dict[str, str]
    reason: str  # new, retry, due, lastmod, fresh, lastmod-older

    @property
    def conditional(self) -> bool:
        return bool(self.headers)


def prepare(db: Database) -> None:
    """The run's memory of sitemap verdicts: a temporary table, gone with the connection."""
    db.execute("create temp table if not exists sitemap_fresh (url text primary key)")


def remember_fresh(db: Database, url: str) -> None:
    with db.atomic():
        db.execute("insert or ignore into temp.sitemap_fresh(url) values (?)", [url])


def page_state(db: Database, url: str) -> PageState | None:
    """One indexed lookup in ``pages``, ``article_urls`` and the run's sitemap verdicts."""
    row = db.execute(
        "select p.kind, p.status, coalesce(p.checked, u.last_seen), p.etag, p.last_modified, "
        "p.crawl_id, u.article_id, f.url is not null, p.listing_key "
        "from (select ? as url) q left join pages p on p.url = q.url "
        "left join article_urls u on u.url = q.url "
        "left join temp.sitemap_fresh f on f.url = q.url",
        [url],
    ).fetchone()
    if row is None or (row[0] is None and row[6] is None):
        return None
    kind, status, checked, etag, last_modified, crawl_id, article_id, fresh, key = row
    return PageState(
        kind, status, checked, etag, last_modified, crawl_id, article_id, bool(fresh), key
    )


def decide(
    state: PageState | None,
    *,
    now: datetime,
    revalidate_after: float,
    lastmod: str | None = None,
    settled: bool = False,
) -> Decision:
    """Fetch or skip a page found in a listing, a feed or a sitemap.

    ``settled``: the page is a listing that cannot have changed since its last
    check (:func:`settled_listing`); it is revalidated like a known page.
    """
    if state is None:
        return Decision(True, {}, "new")
    if not state.known and not (settled and state.kind == "listing" and state.status == 200):
        return Decision(True, {}, "retry")  # listings every run; errors retried
    checked = parse_time(state.checked)
    headers = _validators(state)
    if checked is None:
        return Decision(True, headers, "due")
    modified = parse_lastmod(lastmod) if lastmod else None
    trusted = revalidate_after > 0 and now - checked < LASTMOD_TRUST
    if modified is not None and revalidate_after > 0:
        if modified >= checked:  # whole seconds: a change in the checked second may be later
            return Decision(True, headers, "lastmod")
        if trusted:
            return Decision(False, {}, "lastmod-older")
    if state.sitemap_fresh and trusted:
        return Decision(False, {}, "lastmod-older")
    if (now - checked).total_seconds() >= revalidate_after:
        return Decision(True, headers, "due")
    return Decision(False, {}, "fresh")


def due_pages(db: Database, site_id: str, now: datetime, revalidate_after: float) -> Iterator[str]:
    """Known pages of a site whose last check is old enough, in batches (no cursor held).

    The sweep that finds what no listing links to any more: removed
    articles, old ones beyond the pagination.
    """
    cutoff = (now - timedelta(seconds=revalidate_after)).strftime("%Y-%m-%dT%H:%M:%SZ")
    last = 0
    while True:
        rows = db.execute(
            "select rowid, url from pages where site_id = ? and rowid > ? "
            f"and (kind in {REVISITED_KINDS} or status in {GONE}) "
            "and (checked is null or checked <= ?) order by rowid limit ?",
            [site_id, last, cutoff, BATCH],
        ).fetchall()
        if not rows:
            return
        for rowid, url in rows:
            last = rowid
            yield url


def _validators(state: PageState) -> dict[str, str]:
    """Conditional headers, only from a stored 200 (an error row has none worth sending)."""
    if state.status != 200:
        return {}
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    return headers


def parse_lastmod(value: str) -> datetime | None:
    """A sitemap ``lastmod``; a bare date (``2023-05-01``) is the last second of that day in
    Vietnam time, since the page may have changed at any moment of it."""
    text = value.strip()
    if _BARE_DATE.fullmatch(text):
        try:
            return datetime.combine(date.fromisoformat(text), time(23, 59, 59), VN_TZ)
        except ValueError:
            return None
    return parse_time(text)


def parse_time(value: str | None) -> datetime | None:
    """An aware datetime from ISO 8601 / W3C (a bare date is midnight UTC)."""
    if not value:
        return None
    text = value.strip().replace(" ", "T", 1)
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
