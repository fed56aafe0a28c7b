"""Whole-archive figures kept up to date as the archive changes, instead of counted per view.

Counting a million articles on every view of site health or of the articles
per month took seconds. Two tables hold those counts instead:

* ``site_stats``: per site, the articles and how many lack a date or an
  author or have a short text (under 80 words), the start of the site's last
  crawl (``last_crawl``) and the articles first seen since then
  (``new_in_last_crawl``) with how many of those are incomplete;
* ``site_months``: per site and month of publication, the articles.

Triggers (migration m008) keep them in step with every write to
``articles``, ``crawl_sites`` and ``crawls``, whichever code writes (the
crawl, re-extraction, tests, a hand-made SQL update): an insert adds its
article's figures, a delete removes them, an update of the columns counted
does both. A new ``crawl_sites`` row moves the site's ``last_crawl`` and
recounts its recent articles through the ``(site_id, first_seen, ...)``
index, which costs as many index entries as that crawl added.

:func:`refresh` recomputes both tables from the base tables (the migration's
backfill; ``tct-archive summaries --refresh`` if they were ever doubted) and
:func:`check` lists the differences (``tct-archive summaries``, the tests).
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

SHORT_TEXT_WORDS = 80

#: An article missing a date or an author, or with a short text (site_health's "incomplete").
INCOMPLETE = (
    "(a.published is null or a.author is null or a.author = '' "
    f"or coalesce(a.word_count, 0) < {SHORT_TEXT_WORDS})"
)

SITE_STATS_COLUMNS = ("articles", "no_date", "no_author", "short_text", "last_crawl",
                      "new_in_last_crawl", "incomplete_in_last_crawl")  # fmt: skip

#: site_stats computed from the base tables: what the triggers must always agree with.
EXACT_SITE_STATS = f"""
with last as (
  select cs.site_id, max(c.started) as started
  from crawl_sites cs join crawls c on c.id = cs.crawl_id
  where cs.site_id is not null group by cs.site_id
),
totals as (
  select site_id, count(*) as n,
    sum(published is null) as no_date,
    sum(author is null or author = '') as no_author,
    sum(coalesce(word_count, 0) < {SHORT_TEXT_WORDS}) as short
  from articles where site_id is not null group by site_id
),
recent as (
  select last.site_id, count(*) as n, sum({INCOMPLETE}) as incomplete
  from last join articles a on a.site_id = last.site_id and a.first_seen >= last.started
  group by last.site_id
),
ids as (select site_id from totals union select site_id from last)
select ids.site_id,
  coalesce(totals.n, 0) as articles,
  coalesce(totals.no_date, 0) as no_date,
  coalesce(totals.no_author, 0) as no_author,
  coalesce(totals.short, 0) as short_text,
  last.started as last_crawl,
  coalesce(recent.n, 0) as new_in_last_crawl,
  coalesce(recent.incomplete, 0) as incomplete_in_last_crawl
from ids
left join totals on totals.site_id = ids.site_id
left join last on last.site_id = ids.site_id
left join recent on recent.site_id = ids.site_id
"""

EXACT_SITE_MONTHS = """
select site_id, month, count(*) as articles from articles
where site_id is not null and month is not null
group by site_id, month
"""


def refresh(db: Database) -> None:
    """Recompute ``site_stats`` and ``site_months`` from the base tables, in one transaction.

    One pass over two covering indexes of ``articles`` (about 2 s at 1,000,000 articles).
    """
    columns = ", ".join(SITE_STATS_COLUMNS)
    with db.atomic():
        db.execute("delete from site_stats")
        db.execute(f"insert into site_stats(site_id, {columns}) {EXACT_SITE_STATS}")
        db.execute("delete from site_months")
        db.execute(f"insert into site_months(site_id, month, articles) {EXACT_SITE_MONTHS}")


def check(db: Database) -> list[str]:
    """Where the summary tables differ from the base tables (empty when they agree)."""
    problems = []
    for table, exact, key_size in (
        ("site_stats", EXACT_SITE_STATS, 1),
        ("site_months", EXACT_SITE_MONTHS, 2),
    ):
        want = _keyed(db.execute(exact).fetchall(), key_size)
        have = _keyed(db.execute(f"select * from {table}").fetchall(), key_size)
        for key in sorted(set(want) | set(have), key=repr):
            if want.get(key) != have.get(key):
                problems.append(f"{table} {key}: stored {have.get(key)}, counted {want.get(key)}")
    return problems


def _keyed(rows: list[Any], key_size: int) -> dict[Any, tuple[Any, ...]]:
    """Rows by key, leaving out rows that say nothing (all zero, no crawl): a site whose
    articles were all deleted keeps a row of zeros, which counting would not produce."""
    out = {}
    for row in rows:
        key = tuple(row[:key_size])
        values = tuple(row[key_size:])
        if any(v not in (0, None) for v in values):
            out[key[0] if key_size == 1 else key] = values
    return out
