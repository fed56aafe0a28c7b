"""Summaries of a crawl and of the archive, as rows and as text tables."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from sqlite_utils import Database


def crawl_summary(db: Database, crawl_id: int) -> list[dict[str, Any]]:
    """One row per site of a crawl: status, pages, new/changed/removed articles, 304s, errors."""
    return list(
        db.query(
            "select cs.site_id as site, cs.status, cs.pages, cs.articles_new as new, "
            "cs.articles_changed as changed, coalesce(cs.articles_removed, 0) as removed, "
            'coalesce(cs.not_modified, 0) as "304", cs.aliases_new as aliases, cs.errors, '
            "(select count(*) from articles a where a.site_id = cs.site_id) as archived, "
            "cs.message from crawl_sites cs where cs.crawl_id = ? order by cs.site_id",
            [crawl_id],
        )
    )


#: What a recorded failure (``pages.error``) was, in a reader's words: the first rule whose
#: words appear in the error wins.
FAILURE_KINDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("ConnectionRefused", "Connection refused"), "connection refused"),
    (("DNSLookupError", "CannotResolveHost", "DNS lookup failed"), "DNS lookup failed"),
    (("SSL", "TLS", "certificate", "handshake"), "TLS/SSL failure"),
    (("TimeoutError", "TimedOut", "took longer than", "timed out"), "timeout"),
    (("ResponseDataLoss", "ConnectionLost", "ConnectionDone", "ResponseNeverReceived",
      "ResponseFailed", "ConnectionAborted", "connection broke", "DownloadFailedError"),
     "connection broken"),
    (("robots.txt",), "forbidden by robots.txt"),
    (("max redirections",), "too many redirects"),
    (("redirect loop",), "redirect loop"),
    (("RedirectRefused",), "redirect out of the site refused"),
    (("AddressRefused",), "private address refused"),
    (("DownloadCancelled", "larger than"), "too large"),
    (("extraction failed",), "extraction failed"),
)  # fmt: skip
_HTTP = re.compile(r"^HTTP (\d{3})")
NOTE = "note: "  # crawl_sites.message parts that report normal behaviour, not a fault


def failure_kind(error: str | None) -> str:
    """The kind of a recorded failure: 'connection refused', 'HTTP 503', 'timeout'..."""
    error = error or ""
    if http := _HTTP.match(error):
        return f"HTTP {http[1]}"
    for words, kind in FAILURE_KINDS:
        if any(word in error for word in words):
            return kind
    return error.split(":", 1)[0].strip() or "unknown error"


def site_message(
    *, pages: int, failures: Mapping[str, int], robots: int = 0,
    articles: int = 0, archived: int = 0, notes: Sequence[str] = (),
    shortfall: str | None = None,
) -> str | None:  # fmt: skip
    """``crawl_sites.message``: why a site failed or is partial, in one line, then the notes
    on normal behaviour (a trap cut, a cap), each marked as such (:data:`NOTE`).

    ``failures``: failed pages by :func:`failure_kind`; ``robots``: pages robots.txt
    forbade (recorded, not failed); ``articles``: articles seen in the run;
    ``archived``: the site's articles in the whole archive; ``shortfall``: why the run
    found no article, or under half its last crawl's (the crawl's own judgement).
    """
    faults = []
    if pages == 0:
        faults.append("no page was fetched in this run (it ended before any answer came back)")
    failed = sum(failures.values())
    if failed:
        kinds = sorted(failures.items(), key=lambda kv: (-kv[1], kv[0]))
        shown = ", ".join(f"{kind} ({n})" for kind, n in kinds[:4])
        more = f", {len(kinds) - 4} other kinds" if len(kinds) > 4 else ""
        faults.append(f"{failed} of {_n(pages, 'page')} failed: {shown}{more}")
    answered = pages - failed
    if robots and robots >= answered:
        faults.append(f"robots.txt forbids every page asked for ({_n(robots, 'page')})")
    elif shortfall:
        faults.append(shortfall)
    elif answered > 0 and articles == 0 and archived == 0:
        faults.append(
            f"no article found: the {_n(answered, 'page')} fetched were all listings or "
            "other pages (does the registry's article_allow fit the site's URLs?)"
        )
    notes = list(notes)
    if robots and robots < answered:
        notes.append(f"robots.txt forbade {_n(robots, 'page')}")
    parts = faults + [note if note.startswith(NOTE) else NOTE + note for note in notes]
    return "; ".join(parts) or None


def _n(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def split_message(message: str | None) -> tuple[str, list[str]]:
    """A ``crawl_sites.message`` as (the faults, the notes without their mark)."""
    parts = [p.strip() for p in (message or "").split("; ") if p.strip()]
    faults = [p for p in parts if not p.startswith(NOTE)]
    notes = [p[len(NOTE) :] for p in parts if p.startswith(NOTE)]
    return "; ".join(faults), notes


def crawl_row(db: Database, crawl_id: int) -> dict[str, Any]:
    return dict(db.table("crawls").get(crawl_id))


def archive_stats(db: Database) -> list[dict[str, Any]]:
    """Per site: articles, pages by kind, last crawl, near-duplicates."""
    return list(
        db.query(
            """
select s.id as site,
  (select count(*) from articles a where a.site_id = s.id) as articles,
  (select count(*) from articles a where a.site_id = s.id and a.duplicate_of is not null)
    as near_copies,
  (select count(*) from pages p where p.site_id = s.id and p.kind = 'listing') as listings,
  (select count(*) from pages p where p.site_id = s.id and p.kind = 'error') as errors,
  s.last_crawled
from sites s where s.first_crawled is not null order by s.id
"""
        )
    )


def format_table(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    """A plain text table, numbers right-aligned."""
    if not rows:
        return "(nothing)"
    columns = list(columns or rows[0].keys())
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    numeric = [all(isinstance(row.get(c), int | float) for row in rows) for c in columns]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            v.rjust(w) if n else v.ljust(w) for v, w, n in zip(values, widths, numeric, strict=True)
        ).rstrip()

    return "\n".join([line(columns), line(["-" * w for w in widths]), *map(line, cells)])


def _cell(value: Any) -> str:
    return "" if value is None else str(value)
