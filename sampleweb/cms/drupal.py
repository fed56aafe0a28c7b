"""Drupal 7, as on the Bến Tre and Lạng Sơn schools.

Articles have a Unicode path alias (``/tin-tuc-su-kien/hội-nghị-...``, the
canonical URL, percent-encoded in some links and raw in others) and answer at
``/node/<n>`` too (the shortlink, linked from "Tin khác"). Listings page with
``?page=N`` (0-based), the page starts with "Skip to main content", the date
is ``Thứ năm, 19 Tháng 9, 2019 - 07:30`` (Lạng Sơn: ``Thứ Tư, 13/11/2019 -
17:23``) and the byline closes the body: name, then department (seed 002).
``/sitemap.xml`` lists every article with ``lastmod``; ``/rss.xml`` the latest.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar
from urllib.parse import quote

from sampleweb.core import chrome, dates, feeds, text
from sampleweb.core.chrome import attr, esc
from sampleweb.core.entries import Category, Entry
from sampleweb.core.pages import Ctx, Page, Request
from sampleweb.core.site import CmsStyle, int_or
from sampleweb.core.templates import template

BEN_TRE_MOTTO = (
    '"Vì số lượng và chất lượng đội ngũ cán bộ chủ chốt cơ sở; vì các phong trào cách mạng '
    'trên quê hương "Đồng Khởi" Trường luôn luôn cải tiến các mặt hoạt động"'
)


class Drupal(CmsStyle):
    key = "drupal"
    label = "Drupal 7"
    schools = (
        ("Trường Chính trị Bến Tre", "Bến Tre"),
        ("Trường Chính trị Hoàng Văn Thụ tỉnh Lạng Sơn", "Lạng Sơn"),
    )
    categories = (
        Category("tin-tuc-su-kien", "Tin tức - Sự kiện", "news", 3),
        Category("hoat-dong-doan-the", "Hoạt động đoàn thể", "news", 1),
        Category("nghien-cuu-trao-doi", "Nghiên cứu - Trao đổi", "research", 1),
    )
    id_base = 240
    sitemap_paths = ("/sitemap.xml",)
    feed_paths = ("/rss.xml",)
    robots_rules = (
        "/includes/",
        "/misc/",
        "/modules/",
        "/profiles/",
        "/scripts/",
        "/themes/",
        "/admin/",
        "/comment/reply/",
        "/filter/tips/",
        "/node/add/",
        "/search/",
        "/user/register/",
        "/user/password/",
        "/user/login/",
        "/user/logout/",
        "/?q=admin/",
        "/?q=user/",
    )
    chrome_snippets: ClassVar[tuple[str, ...]] = ("Skip to main content", "Tin khác", "lượt đọc")

    def slogan(self) -> str:
        """Bến Tre prints its motto where other schools print a slogan (seed 002)."""
        return BEN_TRE_MOTTO if self.site.variant % 2 == 0 else super().slogan()

    # -- URLs -----------------------------------------------------------------
    def make_slug(self, entry: Entry) -> str:
        return text.unicode_slug(entry.title, limit=120)

    def alias(self, entry: Entry) -> str:
        """The Unicode path alias (not encoded)."""
        return f"/{self.categories[entry.category].slug}/{self.slug(entry)}"

    def article_path(self, entry: Entry) -> str:
        return quote(self.alias(entry), safe="/-")

    def alias_paths(self, entry: Entry) -> tuple[str, ...]:
        return (f"/node/{entry.id}",)

    def page_path(self, first: str, page: int) -> str:
        if page == 1:
            return first
        return f"{first}?page={page - 1}"

    def listing_paths(self) -> list[str]:
        paths = [self.page_path("/", n) for n in range(1, self.pages(len(self.model.live())) + 1)]
        for index, category in enumerate(self.categories):
            count = len(self.model.in_category(index))
            first = f"/{category.slug}"
            paths += [self.page_path(first, n) for n in range(1, self.pages(count) + 1)]
        return paths

    def other_paths(self) -> list[str]:
        return ["/gioi-thieu", "/lien-he"]

    # -- routing --------------------------------------------------------------
    def route(self, request: Request) -> Page | None:
        path = request.path
        page = int_or(request.query.get("page"), 0) + 1
        if path == "/":
            return self._listing("/", self.model.live(), page)
        if path in self.other_paths():
            return self.other_page(lambda ctx: self.render_other(ctx, path), path)
        if path == "/sitemap.xml":
            return self.other_page(self.render_sitemap, "sitemap", "sitemap", "application/xml")
        if path == "/rss.xml":
            return self.other_page(self.render_rss, "rss", "feed", "application/rss+xml")
        if path.startswith("/node/") and path[6:].isdigit():
            entry = self.model.by_id(int(path[6:]))
            return None if entry is None else self._article(entry, "node")
        parts = path.strip("/").split("/")
        strict = path.count("/") <= 2 and not path.endswith("/")
        category = self.category_of(parts[0]) if strict else None
        if category is None:
            return self.common_page(request)
        if len(parts) == 1:
            return self._listing(f"/{parts[0]}", self.model.in_category(category), page)
        entry = self.entry_by_slug(parts[1])
        if entry is None or entry.category != category:
            return None
        return self._article(entry, "")

    def _article(self, entry: Entry, view: str) -> Page:
        return self.article_page(entry, lambda ctx: self.render_article(ctx, entry), view)

    def _listing(self, first: str, items: list[Entry], page: int) -> Page | None:
        if self.chunk(items, page) is None:
            return None
        return self.listing_page(
            lambda ctx: self.render_listing(ctx, first, items, page), f"{first}|{page}"
        )

    # -- rendering ------------------------------------------------------------
    def layout(
        self, ctx: Ctx, title: str, main: str, head: str = "", page: str = "not-front page-node"
    ) -> str:
        """``page``: Drupal's body classes (front, page-node-N, page-taxonomy-term-N)."""
        site = self.site
        motto = self.slogan()
        menu = "".join(
            f'<li class="leaf"><a href="/{c.slug}">{esc(c.name)}</a></li>' for c in self.categories
        )
        latest = "".join(
            f'<li><a href="{attr(self.alias(e))}">{esc(e.title)}</a></li>' for e in self.latest(5)
        )
        return template("drupal_layout")(
            head=head,
            title=esc(title),
            page=page,
            site_name=esc(site.name),
            motto=esc(motto),
            now=dates.drupal(ctx.now, 0),
            menu=menu,
            main=main,
            latest=latest,
            blocks=chrome.side_blocks(ctx, "/search/node", "keys"),
            footer=chrome.footer(site),
        )

    def render_article(self, ctx: Ctx, entry: Entry) -> str:
        alias = self.alias(entry)
        head = (
            f'<link rel="canonical" href="{attr(alias)}" />\n'
            f'<link rel="shortlink" href="/node/{entry.id}" />\n'
        )
        byline = ""
        if entry.author:
            right = '<p style="text-align: right;">'
            role = f"{right}{esc(entry.author.role)}</p>" if entry.author.role else ""
            byline = f"{right}<strong>{esc(entry.author.full)}</strong></p>{role}"
        source = (
            f'<p style="text-align: right;"><em>Nguồn: {esc(entry.source)}</em></p>'
            if entry.source
            else ""
        )
        newer, older = self.neighbours(entry, 3)
        others = "".join(
            f'<li><a href="/node/{e.id}">{esc(e.title)}</a></li>' for e in newer + older
        )
        stamp = dates.drupal(entry.published, self.site.variant)
        main = template("drupal_article")(
            title=esc(entry.title),
            id=entry.id,
            alias=attr(alias),
            iso=dates.iso(entry.published),
            date=stamp,
            body=self.body_html(entry, self._paragraph, self._figure),
            byline=byline,
            source=source,
            views=entry.views,
            others=others,
        )
        return self.layout(
            ctx,
            f"{entry.title} | {self.site.name}",
            main,
            head,
            f"not-front page-node page-node- page-node-{entry.id} node-type-article",
        )

    @staticmethod
    def _paragraph(value: str) -> str:
        return f'<p style="text-align: justify;">{esc(value)}</p>'

    @staticmethod
    def _figure(src: str, caption: str) -> str:
        return (
            f'<p style="text-align: center;"><img alt="" src="{src}" style="width: 550px;" />'
            "</p>"
            f'<p style="text-align: center;"><em>{esc(caption)}</em></p>'
        )

    def render_listing(self, ctx: Ctx, first: str, items: list[Entry], page: int) -> str:
        rows = "".join(
            f'<div class="views-row"><h2 class="node-title"><a href="{self.article_path(e)}">'
            f'{esc(e.title)}</a></h2><div class="submitted">Ngày Đăng : {dates.short(e.published)}'
            f'</div><div class="teaser"><p>{esc(self.lead(e))}</p></div>'
            f'<div class="read-more"><a href="{self.article_path(e)}">Xem tiếp</a></div></div>\n'
            for e in self.chunk(items, page) or []
        )
        term = (self.category_of(first[1:]) or 0) + 3
        title = self.site.name if first == "/" else self.categories[term - 3].name
        main = (
            f'<h1 class="title" id="page-title">{esc(title)}</h1>'
            f'<div class="view-content">{rows}</div>'
        )
        main += self._pager(first, page, self.pages(len(items)))
        page_class = (
            "front page-node"
            if first == "/"
            else f"not-front page-taxonomy page-taxonomy-term page-taxonomy-term-{term}"
        )
        return self.layout(ctx, f"{title} | {self.site.name}", main, page=page_class)

    def _pager(self, first: str, page: int, pages: int) -> str:
        if pages == 1:
            return ""

        def item(css: str, target: int, label: str) -> str:
            return f'<li class="{css}"><a href="{self.page_path(first, target)}">{label}</a></li>'

        items = [item("pager-first first", 1, "« đầu"), item("pager-previous", page - 1, "‹ trước")]
        items = items if page > 1 else []
        for n in range(max(1, page - 4), min(pages, page + 4) + 1):
            items.append(
                f'<li class="pager-current">{n}</li>'
                if n == page
                else item("pager-item", n, str(n))
            )
        if page < pages:
            items += [
                item("pager-next", page + 1, "tiếp ›"),
                item("pager-last last", pages, "cuối »"),
            ]
        return (
            '<h2 class="element-invisible">Các trang</h2><div class="item-list">'
            f'<ul class="pager">{"".join(items)}</ul></div>'
        )

    def render_other(self, ctx: Ctx, path: str) -> str:
        site = self.site
        if path == "/gioi-thieu":
            lines, title = text.about_text(site.name, site.province), "Giới thiệu"
        else:
            lines, title = chrome.footer_lines(site)[1:4], "Liên hệ"
        main = f'<h1 class="title">{title}</h1>{chrome.paragraphs(lines)}'
        return self.layout(ctx, f"{site.name}", main)

    def render_sitemap(self, ctx: Ctx) -> str:
        first = [(ctx.url(self.page_path(f"/{c.slug}", 1)), None) for c in self.categories]
        articles = [
            (ctx.url(self.article_path(e)), datetime.fromtimestamp(e.modified, dates.VN))
            for e in self.model.live()
        ]
        return feeds.urlset([(ctx.url("/"), None), *first, *articles])

    def render_rss(self, ctx: Ctx) -> str:
        items = [
            (e.title, ctx.url(self.article_path(e)), e.published, esc(self.lead(e)))
            for e in self.model.live()[:10]
        ]
        return feeds.rss(self.site.name, ctx.url("/"), items)
