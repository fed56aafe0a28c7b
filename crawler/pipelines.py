"""Item pipeline: hand each fetched page (or attachment) to the archive session."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.crawler import Crawler

from crawler.items import AttachmentItem, PageItem

if TYPE_CHECKING:
    from crawler.session import ArchiveSession


class StorePipeline:
    """Writes pages and articles on the reactor thread, one transaction each."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler)

    @property
    def session(self) -> ArchiveSession:
        return self.crawler.spider.session  # type: ignore[union-attr]

    def process_item(self, item: PageItem | AttachmentItem) -> PageItem | AttachmentItem:
        if isinstance(item, AttachmentItem):
            self.session.save_attachment(item)
        else:
            self.session.save(item)
        return item
