"""Capture: what a crawl keeps and decides beyond one page.

WARC files, exports (JSON Lines, CSV, WACZ), the incremental recrawl policy,
the persisted frontier, sitemap and feed parsing, and attachment links. May
import ``archive.sites``, ``archive.extract`` and ``archive.store``.
"""
