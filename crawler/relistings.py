"""Tag, author and date archives wait for the site's sitemaps.

A site whose sitemap lists its articles needs none of its tag, author or date
archives: they only re-list what the sitemap lists (on the sample web's
WordPress site they cost more requests than its posts). Whether the sitemap
lists articles is known only once it is read, and a home page's links are
often read first. So such links are held while a sitemap or feed of their site
is still being fetched, and then dropped (the sitemap listed pages) or sent.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from scrapy import Request


class RelistingGate:
    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.pending: Counter[str] = Counter()  # site -> sitemaps and feeds in flight
        self.held: defaultdict[str, list[Request]] = defaultdict(list)

    def listing_started(self, site_id: str) -> None:
        self.pending[site_id] += 1

    def hold(self, site_id: str, request: Request) -> bool:
        """Keep the request back while the site's sitemaps are read; False: send it now."""
        if not self.enabled or self.pending[site_id] <= 0:
            return False
        self.held[site_id].append(request)
        return True

    def listing_done(self, site_id: str) -> list[Request]:
        """A sitemap or feed of the site was read (or failed): once none is left in flight,
        the held requests, for the spider to drop or send."""
        self.pending[site_id] = max(self.pending[site_id] - 1, 0)
        return self.held.pop(site_id, []) if self.pending[site_id] == 0 else []

    def release_all(self) -> list[Request]:
        """Everything held (the crawl went idle: a sitemap's answer will not come here)."""
        self.pending.clear()
        released = [r for requests in self.held.values() for r in requests]
        self.held.clear()
        return released
