"""NukeViet 4, as on the Đồng Tháp and Thái Nguyên schools.

Articles at ``/vi/news/<cat>/<slug>-<id>.html`` (also under a second category
for some), a ``savefile`` print view with ``<link rel="canonical">``, the lead
in a ``hometext`` block, ``Tác giả bài viết:``, listings paged ``page-2``,
tag pages, RSS at ``/vi/news/rss/``, a header clock printing today's date and
sidebars full of other articles' dates.
"""

from __future__ import annotations

import re
from typing import ClassVar

from sampleweb.core import chrome, dates, feeds, text
from sampleweb.core.chrome import attr, esc
from sampleweb.core.entries import TAGS, Category, Entry
from sampleweb.core.pages import Ctx, Page, Request
from sampleweb.core.site import CmsStyle
from sampleweb.core.templates import template

_ARTICLE = re.compile(r"^/vi/news/(savefile/)?([a-z0-9-]+)/([a-z0-9-]+)-(\d+)\.html$")
_PAGED = re.compile(r"^(/vi/news(?:/.*)?)/page-(\d+)$")


class NukeViet(CmsStyle):
    key = "nukeviet"
    label = "NukeViet 4"
    schools = (
        ("Trường Chính trị tỉnh Đồng Tháp", "Đồng Tháp"),
        ("Trường Chính trị tỉnh Thái Nguyên", "Thái Nguyên"),
        ("Trường Chính trị tỉnh Kon Tum", "Kon Tum"),
        ("Trường Chính trị tỉnh Cao Bằng", "Cao Bằng"),
    )
    categories = (
        Category("tin-tuc-su-kien", "Tin tức - Sự kiện", "news", 3),
        Category("hoat-dong-dang-doan-the", "Hoạt động Đảng - Đoàn thể", "news", 1),
        Category("nghien-cuu-trao-doi", "Nghiên cứu - Trao đổi", "research", 1),
    )
    id_base = 1200
    pen_names = True
    feed_paths = ("/vi/news/rss/",)
    robots_rules = ("/admin/", "/data/", "/includes/", "/install/", "/vendor/", "/*.php$")
    chrome_snippets: ClassVar[tuple[str, ...]] = ("Tin mới", "Thiết kế bởi VINADES.,JSC")

    def entry_snippets(self, entry: Entry) -> tuple[str, ...]:
        newer, older = self.neighbours(entry)
        labels = [
            ("Tác giả bài viết:", entry.author),
            ("Nguồn tin:", entry.source),
            ("Những tin mới hơn", newer),
            ("Những tin cũ hơn", older),
        ]
        return tuple(label for label, present in labels if present)

    # -- URLs -----------------------------------------------------------------
    def article_path(self, entry: Entry) -> str:
        return self._path(entry, self.categories[entry.category].slug)

    def alias_paths(self, entry: Entry) -> tuple[str, ...]:
        slug = self.categories[entry.category].slug
        paths = [f"/vi/news/savefile/{slug}/{text.slugify(entry.title)}-{entry.id}.html"]
        if entry.extra_category is not None:
            paths.append(self._path(entry, self.categories[entry.extra_category].slug))
        return tuple(paths)

    def _path(self, entry: Entry, category: str) -> str:
        return f"/vi/news/{category}/{text.slugify(entry.title)}-{entry.id}.html"

    def listing_paths(self) -> list[str]:
        paths = ["/", *self._paged("/vi/news/", len(self.model.live()))]
        for index, category in enumerate(self.categories):
            paths += self._paged(f"/vi/news/{category.slug}/", len(self.model.in_category(index)))
        for index, tag in enumerate(TAGS):
            paths += self._paged(f"/vi/news/tag/{tag.slug}", len(self.model.tagged(index)))
        return paths

    def _paged(self, first: str, count: int) -> list[str]:
        return [first] + [self._page_url(first, n) for n in range(2, self.pages(count) + 1)]

    @staticmethod
    def _page_url(first: str, page: int) -> str:
        if page == 1:
            return first
        return f"{first.rstrip('/')}/page-{page}"

    def other_paths(self) -> list[str]:
        return ["/vi/about/gioi-thieu.html", "/vi/contact/"]

    def static_paths(self) -> list[str]:
        return [*super().static_paths(), "/vi/"]

    # -- routing --------------------------------------------------------------
    def route(self, request: Request) -> Page | None:
        path = request.path
        if path == "/":
            return self.listing_page(lambda ctx: self.render_listing(ctx, "/", None, 1), "home")
        if path == "/vi/" or path == "/vi":
            return self.redirect("/")
        if path == "/vi/news/rss/":
            return self.other_page(self.render_rss, "rss", "feed", "application/rss+xml")
        if path in self.other_paths():
            return self.other_page(lambda ctx: self.render_other(ctx, path), path)
        match = _ARTICLE.match(path)
        if match:
            return self._route_article(match)
        if path.startswith("/vi/news/"):
            return self._route_listing(path)
        return self.common_page(request)

    def _route_article(self, match: re.Match[str]) -> Page | None:
        printing, category, slug, ident = match.groups()
        entry = self.model.by_id(int(ident))
        if entry is None or slug != text.slugify(entry.title):
            return None
        index = self.category_of(category)
        if index is None or index not in (entry.category, entry.extra_category):
            return None
        if printing and index != entry.category:
            return None
        if printing:
            return self.article_page(entry, lambda ctx: self.render_print(ctx, entry), "print")
        return self.article_page(entry, lambda ctx: self.render_article(ctx, entry, index))

    def _route_listing(self, path: str) -> Page | None:
        """``/vi/news/``, ``/vi/news/<cat>/``, ``/vi/news/tag/<t>`` and their ``/page-N``."""
        first, page = path, 1
        match = _PAGED.match(path)
        if match:
            first, page = match.group(1), int(match.group(2))
            first = first if first.startswith("/vi/news/tag/") else first + "/"
            if page < 2:
                return None
        items = self._listing_items(first)
        if items is None or self.chunk(items, page) is None:
            return None
        return self.listing_page(
            lambda ctx: self.render_listing(ctx, first, items, page), f"{first}|{page}"
        )

    def _listing_items(self, first: str) -> list[Entry] | None:
        if first == "/vi/news/":
            return self.model.live()
        if first.startswith("/vi/news/tag/"):
            tag = self.tag_of(first.removeprefix("/vi/news/tag/"))
            return None if tag is None else self.model.tagged(tag)
        slug = first.removeprefix("/vi/news/")
        category = self.category_of(slug[:-1]) if slug.endswith("/") else None
        return None if category is None else self.model.in_category(category)

    # -- rendering ------------------------------------------------------------
    def layout(self, ctx: Ctx, title: str, main: str, head: str = "", crumbs: str = "") -> str:
        site = self.site
        menu = "".join(
            f'<li><a href="/vi/news/{c.slug}/" title="{attr(c.name)}">{esc(c.name)}</a></li>'
            for c in self.categories
        )
        latest = "".join(
            f'<li class="clearfix"><a href="{self.article_path(e)}" title="{attr(e.title)}">'
            f'{esc(e.title)}</a> <span class="text-muted">({dates.short(e.published)})</span></li>'
            for e in self.latest(5)
        )
        return template("nukeviet_layout")(
            title=esc(title),
            site_name=esc(site.name),
            head=head,
            slogan=esc(self.slogan()),
            menu=menu,
            today=chrome.today(ctx),
            crumbs=crumbs,
            main=main,
            latest=latest,
            blocks=chrome.side_blocks(ctx, "/vi/seek/"),
            footer=chrome.footer(site),
        )

    def render_article(self, ctx: Ctx, entry: Entry, category: int) -> str:
        url = ctx.url(self.article_path(entry))
        cat = self.categories[category]
        head = (
            f'<meta property="og:title" content="{attr(entry.title)}">\n'
            '<meta property="og:type" content="article">\n'
            f'<meta property="og:url" content="{attr(url)}">\n'
            # NukeViet prints PHP's date('Y-m-dTH:i:s'): T is the zone name.
            f'<meta property="article:published_time" content="{entry.published:%Y-%m-%d}ICT'
            f'{entry.published:%H:%M:%S}">\n<link rel="canonical" href="{attr(url)}">\n'
        )
        crumbs = (
            '<li><a href="/vi/news/" title="Tin Tức"><span>Tin Tức</span></a></li>'
            f'<li><a href="/vi/news/{cat.slug}/" title="{attr(cat.name)}"><span>{esc(cat.name)}'
            "</span></a></li>"
        )
        newer, older = self.neighbours(entry)
        tags = ", ".join(
            f'<a title="{attr(TAGS[t].name)}" href="/vi/news/tag/{TAGS[t].slug}"><em>'
            f"{esc(TAGS[t].name)}</em></a>"
            for t in entry.tags
        )
        main = template("nukeviet_article")(
            title=esc(entry.title),
            date=dates.nukeviet(entry.published),
            print=self.alias_paths(entry)[0],
            lead=esc(self.lead(entry)),
            body=self.body_html(entry, self._paragraph, self._figure, skip_lead=True),
            credits=self._credits(entry),
            tags=tags,
            newer=self._related("Những tin mới hơn", newer),
            older=self._related("Những tin cũ hơn", older),
        )
        return self.layout(ctx, f"{entry.title} - {self.site.name}", main, head, crumbs)

    def _credits(self, entry: Entry) -> str:
        parts = []
        if entry.author:
            parts.append(
                f'<p class="h5 text-right"><strong>Tác giả bài viết: </strong>'
                f"{esc(entry.author.full)}</p>"
            )
        if entry.source:
            parts.append(
                f'<p class="h5 text-right"><strong>Nguồn tin: </strong>{esc(entry.source)}</p>'
            )
        return f'<div class="margin-bottom-lg">{"".join(parts)}</div>' if parts else ""

    def _related(self, heading: str, items: list[Entry]) -> str:
        if not items:
            return ""
        rows = "".join(
            f'<li><em class="fa fa-angle-right">&nbsp;</em><a href="{self.article_path(e)}" '
            f'title="{attr(e.title)}">{esc(e.title)}</a> <em>({dates.short(e.published)})</em></li>'
            for e in items
        )
        return (
            f'<p class="h3"><strong>{heading}</strong></p>'
            f'<div class="clearfix"><ul class="related">{rows}</ul></div>'
        )

    @staticmethod
    def _paragraph(value: str) -> str:
        return f'<p style="text-align: justify;">{esc(value)}</p>'

    @staticmethod
    def _figure(src: str, caption: str) -> str:
        return (
            f'<figure class="image center"><img alt="{attr(caption)}" src="{src}" width="600">'
            f"<figcaption>{esc(caption)}</figcaption></figure>"
        )

    def render_print(self, ctx: Ctx, entry: Entry) -> str:
        """The savefile view: site name and URL on top, then the article again."""
        return template("nukeviet_print")(
            title=esc(entry.title),
            url=attr(ctx.url(self.article_path(entry))),
            site_name=esc(self.site.name),
            base=attr(ctx.base),
            date=dates.nukeviet(entry.published),
            lead=esc(self.lead(entry)),
            body=self.body_html(entry, self._paragraph, self._figure, skip_lead=True),
            credits=self._credits(entry),
        )

    def render_listing(self, ctx: Ctx, first: str, items: list[Entry] | None, page: int) -> str:
        items = self.model.live() if items is None else items
        shown = self.chunk(items, page) or []
        rows = "".join(self._teaser(e, first) for e in shown) or "<p>Chưa có bài viết nào.</p>"
        pager = "" if first == "/" else self._pager(first, page, self.pages(len(items)))
        return self.layout(ctx, f"{self.site.name} - Trang {page}", rows + pager)

    def _teaser(self, entry: Entry, listing: str) -> str:
        """A listing links an article under the listing's own category (its second path)."""
        url = self.article_path(entry)
        extra = entry.extra_category
        if extra is not None and listing == f"/vi/news/{self.categories[extra].slug}/":
            url = self._path(entry, self.categories[extra].slug)
        lead = self.lead(entry)
        return (
            '<div class="news_column"><div class="panel panel-default clearfix">'
            '<div class="panel-body">'
            f'<h3><a href="{url}" title="{attr(entry.title)}">{esc(entry.title)}</a></h3>'
            '<div class="text-muted"><ul class="list-unstyled list-inline">'
            f'<li><em class="fa fa-clock-o">&nbsp;</em> {dates.nukeviet(entry.published)}</li>'
            f'<li><em class="fa fa-eye">&nbsp;</em> Đã xem: {entry.views}</li></ul></div>'
            f'<a href="{url}"><img alt="" src="{self.image(entry, 0)}" '
            'class="img-thumbnail pull-left imghome" width="100"></a>'
            f"<p>{esc(lead)}</p></div></div></div>\n"
        )

    def _pager(self, first: str, page: int, pages: int) -> str:
        numbers = sorted({1, pages, *range(max(1, page - 2), min(pages, page + 2) + 1)})
        items = [
            f'<li class="active"><a href="#">{n}</a></li>'
            if n == page
            else f'<li><a href="{self._page_url(first, n)}">{n}</a></li>'
            for n in numbers
        ]
        if page < pages:
            items.append(f'<li><a href="{self._page_url(first, page + 1)}">&raquo;</a></li>')
        return f'<div class="text-center"><ul class="pagination">{"".join(items)}</ul></div>'

    def render_other(self, ctx: Ctx, path: str) -> str:
        site = self.site
        if path.endswith("gioi-thieu.html"):
            about = text.about_text(site.name, site.province)
            main = f"<h1>Giới thiệu</h1>{chrome.paragraphs(about)}"
        else:
            main = (
                '<h1>Liên hệ</h1><form action="/vi/contact/" method="post">'
                '<label>Họ và tên</label><input name="fname">'
                '<label>Email</label><input name="femail">'
                '<label>Nội dung</label><textarea name="fcon"></textarea>'
                '<input type="submit" value="Gửi"></form>'
                + chrome.paragraphs(chrome.footer_lines(site)[1:4])
            )
        return self.layout(ctx, f"{site.name}", f'<div class="panel-body">{main}</div>')

    def render_rss(self, ctx: Ctx) -> str:
        items = [
            (e.title, ctx.url(self.article_path(e)), e.published, esc(self.lead(e)))
            for e in self.model.live()[:20]
        ]
        return feeds.rss(f"Tin Tức - {self.site.name}", ctx.url("/vi/news/"), items)
