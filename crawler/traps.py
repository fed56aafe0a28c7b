"""Crawler traps: link chains that go on for ever without leading to an article.

An events calendar links its months and days without end; "next page" on a
broken listing never stops; a search form multiplies pages. Canonical URLs
(session ids) and the per-site page and depth caps bound them, but a trap
still spends the page cap before the real listings are done, and articles
are lost (measured on the fault-injecting sample web: a third of a site's
articles with a tight cap).

So each page is judged by what it adds: a page whose links include an
article-shaped URL this run has not seen is *productive*; otherwise it is
one more *barren* step after the page that linked it. Past
``ARCHIVE_TRAP_DEPTH`` barren steps in a row, a page's links are not
followed. Real pagination keeps showing new articles, so it is never cut;
a calendar or a listing that repeats itself is cut after a few pages.

The rule needs URL shapes that work for the site: an article-shaped link is
one of a shape this site's own pages confirmed as articles during the crawl
(archive.extract.shapes), never a CMS's guess. Until one has been seen on a
site the guard stays off there, leaving the caps in charge.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable


class TrapGuard:
    def __init__(self, limit: int):
        self.limit = limit
        self.seen: defaultdict[str, set[str]] = defaultdict(set)  # site -> article-shaped links
        self.cut: defaultdict[str, int] = defaultdict(int)  # site -> pages whose links were cut

    def step(self, site_id: str, parent_barren: int, article_links: Iterable[str]) -> int:
        """The page's barren count: 0 when it shows an article link new to this run."""
        seen = self.seen[site_id]
        before = len(seen)
        seen.update(article_links)
        if not before:  # off until the site's article shape is known: nothing to count yet
            return 0
        return 0 if len(seen) > before else parent_barren + 1

    def follow(self, site_id: str, barren: int) -> bool:
        """May the links of a page with this barren count be followed?"""
        if self.limit <= 0 or barren < self.limit or not self.seen[site_id]:
            return True
        self.cut[site_id] += 1
        return False
