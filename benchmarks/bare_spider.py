"""Scrapy on its own: fetch a list of URLs and do nothing with the responses.

    SCRAPY_SETTINGS_MODULE=scrapy.settings.default_settings \\
        scrapy runspider benchmarks/bare_spider.py -a urls_file=URLS

``crawl_bench.py`` runs it to measure what Scrapy's own machinery (engine,
scheduler, downloader, HTTP client) costs per page on this machine: the part
of our crawl's CPU that no change of ours can remove while the crawler is a
Scrapy project. Every middleware and extension is off but the one that counts
responses, so the figure is Scrapy's least (with its default middlewares it
is about a sixth more). It imports nothing of this project, and the settings
module above keeps ``scrapy.cfg`` (our middlewares) out.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import scrapy


class BareSpider(scrapy.Spider):
    name = "bare"
    custom_settings = {
        "ROBOTSTXT_OBEY": False,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "INFO",
        "DOWNLOADER_MIDDLEWARES_BASE": {"scrapy.downloadermiddlewares.stats.DownloaderStats": 850},
        "SPIDER_MIDDLEWARES_BASE": {"scrapy.spidermiddlewares.start.StartSpiderMiddleware": 25},
        "EXTENSIONS_BASE": {"scrapy.extensions.corestats.CoreStats": 0},
    }
    urls_file = ""

    async def start(self) -> AsyncIterator[Any]:
        with open(self.urls_file, encoding="utf-8") as lines:
            for url in lines.read().split():
                yield scrapy.Request(url, callback=self.parse)

    def parse(self, response: Any) -> None:
        return None
