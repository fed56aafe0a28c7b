"""A site at run time: :class:`SiteModel` and its :class:`CmsStyle`.

A style is declarative data (categories, schools, id range, robots rules)
plus three duties: the URL of an article (:meth:`CmsStyle.article_path` and
its aliases), the listing and other URLs, and :meth:`CmsStyle.route`, which
maps a request to a :class:`~sampleweb.core.pages.Page` rendered lazily.
:class:`CmsStyle` is the base of the CMS emulations (:mod:`sampleweb.cms`).
The model and its style refer to each other, so they share this module.
"""

from __future__ import annotations

import struct
import threading
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Protocol, TypeVar

from sampleweb.core import chrome, text
from sampleweb.core.entries import TAGS, Category, Entry, SampleSite
from sampleweb.core.pages import Ctx, Page, Request

T = TypeVar("T")


@dataclass(eq=False)
class SiteModel:
    """A site at run time: its entries (oldest first), its CMS style, its version."""

    site: SampleSite
    entries: list[Entry]
    style: CmsStyle = field(init=False)
    version: int = 0
    modified: float = 0.0
    _live: list[Entry] | None = None
    _groups: dict[tuple[str, int], list[Entry]] = field(default_factory=dict)

    def live(self) -> list[Entry]:
        """Entries not removed, newest first (the order of every listing)."""
        if self._live is None:
            self._live = [e for e in reversed(self.entries) if not e.removed]
        return self._live

    def in_category(self, category: int) -> list[Entry]:
        key = ("category", category)
        if key not in self._groups:
            self._groups[key] = [
                e for e in self.live() if category in (e.category, e.extra_category)
            ]
        return self._groups[key]

    def tagged(self, tag: int) -> list[Entry]:
        key = ("tag", tag)
        if key not in self._groups:
            self._groups[key] = [e for e in self.live() if tag in e.tags]
        return self._groups[key]

    def aliased(self) -> list[Entry]:
        """Entries with a second URL of the 'featured' kind, newest first."""
        key = ("aliased", 0)
        if key not in self._groups:
            self._groups[key] = [e for e in self.live() if e.aliased]
        return self._groups[key]

    def touch(self, moment: float) -> None:
        self.version += 1
        self.modified = max(moment, self.modified + 1)
        self._live = None
        self._groups = {}

    def by_id(self, ident: int) -> Entry | None:
        """The live entry with a CMS id (ids grow with the index, so bisect)."""
        low, high = 0, len(self.entries)
        while low < high:
            mid = (low + high) // 2
            if self.entries[mid].id < ident:
                low = mid + 1
            else:
                high = mid
        if low < len(self.entries) and self.entries[low].id == ident:
            entry = self.entries[low]
            return None if entry.removed else entry
        return None


class Web(Protocol):
    """What a style asks of the web it belongs to (:class:`sampleweb.web.SampleWeb`)."""

    crawl_delay: float | None

    def body(self, entry: Entry) -> text.Body: ...

    def lead(self, entry: Entry) -> str: ...


class CmsStyle:
    """One CMS family: subclasses set the class data and implement the URL shapes."""

    key: ClassVar[str]
    label: ClassVar[str]
    schools: ClassVar[tuple[tuple[str, str], ...]]
    categories: ClassVar[tuple[Category, ...]]
    id_base: ClassVar[int] = 100
    pen_names: ClassVar[bool] = False
    encoding: ClassVar[str] = "utf-8"
    path_prefix: ClassVar[str | None] = None
    start_path: ClassVar[str] = "/"
    sitemap_paths: ClassVar[tuple[str, ...]] = ()
    feed_paths: ClassVar[tuple[str, ...]] = ()
    private_paths: ClassVar[tuple[str, ...]] = ()
    robots_rules: ClassVar[tuple[str, ...]] = ()
    #: Page-chrome strings of this CMS that must never reach an article's text.
    chrome_snippets: ClassVar[tuple[str, ...]] = ()

    def __init__(self, model: SiteModel, page_size: int):
        self.model = model
        self.site = model.site
        self.page_size = page_size
        self.web: Web | None = None
        self._slugs: dict[int, str] | None = None
        self._slug_ids: dict[str, int] = {}
        self._slug_lock = threading.Lock()

    @classmethod
    def describe(cls, index: int, repeat: int) -> SampleSite:
        """The site description of the ``repeat``-th site of this style."""
        name, province = cls.schools[repeat % len(cls.schools)]
        if repeat >= len(cls.schools):
            name = f"{name} - cơ sở {repeat // len(cls.schools) + 1}"
        return SampleSite(
            id=cls.key if repeat == 0 else f"{cls.key}-{repeat + 1}",
            name=name,
            province=province,
            cms=cls.key,
            index=index,
            variant=repeat,
            path_prefix=cls.path_prefix,
            start_path=cls.start_path,
            sitemap_paths=cls.sitemap_paths,
            feed_paths=cls.feed_paths,
            encoding=cls.encoding,
            private_paths=cls.private_paths,
        )

    # -- URLs -----------------------------------------------------------------
    def article_path(self, entry: Entry) -> str:
        raise NotImplementedError

    def alias_paths(self, entry: Entry) -> tuple[str, ...]:
        return ()

    def attachment_paths(self, entry: Entry) -> tuple[str, ...]:
        return ()

    def listing_paths(self) -> list[str]:
        raise NotImplementedError

    def other_paths(self) -> list[str]:
        raise NotImplementedError

    def static_paths(self) -> list[str]:
        """Every other path the site serves: robots, sitemaps, feeds, redirects."""
        return ["/robots.txt", *self.sitemap_paths, *self.feed_paths, *self.private_paths]

    def outside_paths(self) -> list[str]:
        """Pages on the same host but outside the site's path prefix (portals)."""
        return []

    def title(self, entry: Entry) -> str:
        """The headline as the page prints it."""
        return entry.title

    def boilerplate(self, entry: Entry) -> tuple[str, ...]:
        """Snippets on this entry's page that must not reach its extracted text."""
        others = tuple(self.title(e) for e in self.model.live()[:5] if e is not entry)
        return (
            *chrome.COMMON,
            self.slogan(),
            *self.chrome_snippets,
            *self.entry_snippets(entry),
            *others,
        )

    def entry_snippets(self, entry: Entry) -> tuple[str, ...]:
        """Chrome that only some article pages print (author labels, credits...)."""
        return ()

    def slogan(self) -> str:
        return chrome.slogan(self.site)

    # -- routing --------------------------------------------------------------
    def route(self, request: Request) -> Page | None:
        raise NotImplementedError

    def not_found(self, request: Request) -> Page:
        return Page("missing", render=self.render_missing, status=404)

    def render_missing(self, ctx: Ctx) -> str:
        return (
            "<!DOCTYPE html><html><head><title>404 - Không tìm thấy trang</title></head><body>"
            "<h1>Không tìm thấy trang</h1><p>Trang bạn yêu cầu không tồn tại hoặc đã bị xóa."
            f'</p><p><a href="{self.start_path}">Về trang chủ</a></p></body></html>'
        )

    def robots(self, ctx: Ctx) -> str:
        lines = ["User-agent: *", *(f"Disallow: {rule}" for rule in self.robots_rules)]
        lines += [f"Disallow: {path}" for path in self.private_paths]
        if self.web is not None and self.web.crawl_delay is not None:
            lines.append(f"Crawl-delay: {self.web.crawl_delay:g}")
        lines.append("")
        lines += [f"Sitemap: {ctx.url(path)}" for path in self.sitemap_paths]
        return "\n".join(lines) + "\n"

    def common_page(self, request: Request) -> Page | None:
        """robots.txt, images, style sheets and scripts: the same on every CMS."""
        if request.path == "/robots.txt":
            return Page(
                "robots",
                self.robots,
                tag=f"{self.site.id}|robots",
                modified=self.model.modified,
                content_type="text/plain",
            )
        suffix = request.path.lower().rsplit(".", 1)[-1]
        if suffix in ASSETS:
            content_type, body = ASSETS[suffix]
            return Page(
                "file",
                lambda ctx: body,
                tag=f"{self.site.id}|{suffix}",
                modified=1_500_000_000.0,
                content_type=content_type,
            )
        return None

    # -- page helpers ---------------------------------------------------------
    def article_page(self, entry: Entry, render: Callable[[Ctx], str], view: str = "") -> Page:
        tag = f"{self.site.id}|{entry.id}|{entry.version}|{view}"
        return Page("article", render, tag=tag, modified=entry.modified)

    def listing_page(self, render: Callable[[Ctx], str], key: str) -> Page:
        return Page(
            "listing",
            render,
            tag=f"{self.site.id}|{key}|{self.model.version}",
            modified=self.model.modified,
        )

    def other_page(
        self,
        render: Callable[[Ctx], str],
        key: str,
        kind: str = "other",
        content_type: str = "text/html",
    ) -> Page:
        return Page(
            kind,
            render,
            tag=f"{self.site.id}|{key}|{self.model.version}",
            modified=self.model.modified,
            content_type=content_type,
        )

    def redirect(self, location: str, status: int = 301) -> Page:
        return Page("redirect", status=status, location=location)

    def pages(self, count: int) -> int:
        return max(1, -(-count // self.page_size))

    def chunk(self, items: Sequence[T], page: int) -> Sequence[T] | None:
        """Items of 1-based ``page``; None when the page does not exist."""
        if page < 1 or page > self.pages(len(items)):
            return None
        start = (page - 1) * self.page_size
        return items[start : start + self.page_size]

    def body(self, entry: Entry) -> text.Body:
        assert self.web is not None
        return self.web.body(entry)

    def lead(self, entry: Entry) -> str:
        """The first paragraph, which listings and feeds repeat (cheaper than the body)."""
        assert self.web is not None
        return self.web.lead(entry)

    def body_html(
        self,
        entry: Entry,
        paragraph: Callable[[str], str],
        figure: Callable[[str, str], str],
        skip_lead: bool = False,
    ) -> str:
        """Paragraphs with the photos placed after their paragraph, plus edits."""
        body = self.body(entry)
        parts: list[str] = []
        captions = dict(zip(body.figures, body.captions, strict=True))
        for index, para in enumerate((*body.paragraphs, *entry.extra)):
            if index or not skip_lead:
                parts.append(paragraph(para))
            if index in captions:
                parts.append(figure(self.image(entry, index), captions[index]))
        return "\n".join(parts)

    def image(self, entry: Entry, index: int) -> str:
        return f"/uploads/news/{entry.published:%Y_%m}/{entry.id}-{index}.png"

    def make_slug(self, entry: Entry) -> str:
        """The CMS's slug for a title; unique ones get ``-2``, ``-3`` like WordPress."""
        return text.slugify(entry.title)

    def slug(self, entry: Entry) -> str:
        return self._slug_table()[entry.id]

    def entry_by_slug(self, slug: str) -> Entry | None:
        self._slug_table()
        ident = self._slug_ids.get(slug)
        return None if ident is None else self.model.by_id(ident)

    def _slug_table(self) -> dict[int, str]:
        with self._slug_lock:
            if self._slugs is None:
                table: dict[int, str] = {}
                for entry in self.model.entries:
                    base = slug = self.make_slug(entry)
                    counter = 1
                    while slug in self._slug_ids:
                        counter += 1
                        slug = f"{base}-{counter}"
                    self._slug_ids[slug] = entry.id
                    table[entry.id] = slug
                self._slugs = table
            return self._slugs

    def category_of(self, slug: str) -> int | None:
        for index, category in enumerate(self.categories):
            if category.slug == slug:
                return index
        return None

    def tag_of(self, slug: str) -> int | None:
        for index, tag in enumerate(TAGS):
            if tag.slug == slug:
                return index
        return None

    def latest(self, count: int = 5, skip: Entry | None = None) -> list[Entry]:
        return [e for e in self.model.live()[: count + 1] if e is not skip][:count]

    def neighbours(self, entry: Entry, count: int = 3) -> tuple[list[Entry], list[Entry]]:
        """Newer and older entries of the same category ("Những tin mới hơn/cũ hơn")."""
        items = self.model.in_category(entry.category)
        try:
            position = items.index(entry)
        except ValueError:
            return [], []
        newer = items[max(0, position - count) : position]
        return newer, items[position + 1 : position + 1 + count]

    def byline(self, entry: Entry) -> str:
        """``TS. Hồ Ngọc Trường`` (the degree and name as printed)."""
        return entry.author.full if entry.author else ""


def int_or(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return -1


def _png() -> bytes:
    """A 1×1 grey PNG: every image URL answers with it."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x80"))
        + chunk(b"IEND", b"")
    )


PIXEL = _png()
#: Every image, favicon, style sheet and script URL answers with a tiny stand-in.
ASSETS: dict[str, tuple[str, bytes]] = {
    "png": ("image/png", PIXEL),
    "ico": ("image/x-icon", PIXEL),
    "css": ("text/css", b"/* sample web */\n"),
    "js": ("application/javascript", b"/* sample web */\n"),
}
