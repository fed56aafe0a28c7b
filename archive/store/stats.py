"""Summaries of a crawl and of the archive, as rows and as text tables."""

from __future__ import annotations

from collections.abc import Sequence
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
