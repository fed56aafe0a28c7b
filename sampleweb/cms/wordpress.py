"""WordPress 6 with a news theme: the common shape of newer school sites.

Posts at ``/<yyyy>/<mm>/<dd>/<slug>/``; ``/?p=<id>`` redirects there (301),
as do paths missing their trailing slash. Listings ``/page/2/``,
``/category/<cat>/page/2/``, ``/tag/<t>/``; a search form (``/?s=``); the feed
at ``/feed/``; ``/wp-sitemap.xml`` (index) with posts and categories. Each
post ends with a share bar, "Bài viết liên quan" and a comment form.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import ClassVar

from sampleweb.core import chrome, dates, feeds, text
from sampleweb.core.chrome import attr, esc
from sampleweb.core.entries import TAGS, Category, Entry
from sampleweb.core.pages import Ctx, Page, Request
from sampleweb.core.site import CmsStyle, int_or
from sampleweb.core.templates import template

_POST = re.compile(r"^/(\d{4})/(\d{2})/(\d{2})/([a-z0-9-]+)/$")
_PAGED = re.compile(r"^(/(?:category|tag)/[a-z0-9-]+/|/)page/(\d+)/$")
_SITEMAP_POSTS = "/wp-sitemap-posts-post-1.xml"
_SITEMAP_CATEGORIES = "/wp-sitemap-taxonomies-category-1.xml"


class WordPress(CmsStyle):
    key = "wordpress"
    label = "WordPress 6"
    schools = (
        ("Trường Chính trị tỉnh Quảng Ninh", "Quảng Ninh"),
        ("Trường Chính trị tỉnh Sóc Trăng", "Sóc Trăng"),
        ("Trường Chính trị tỉnh Hưng Yên", "Hưng Yên"),
    )
    categories = (
        Category("tin-tuc", "Tin tức", "news", 3),
        Category("hoat-dong", "Hoạt động", "news", 1),
        Category("nghien-cuu", "Nghiên cứu - Trao đổi", "research", 1),
    )
    id_base = 140
    sitemap_paths = ("/wp-sitemap.xml",)
    feed_paths = ("/feed/",)
    robots_rules = ("/wp-admin/",)
    chrome_snippets: ClassVar[tuple[str, ...]] = (
        "Bài viết liên quan",
        "Chia sẻ:",
        "Để lại một bình luận",
        "Email của bạn sẽ không được hiển thị công khai.",
        "Bài viết mới",
        "Chuyển đến nội dung",
    )

    # -- URLs -----------------------------------------------------------------
    def make_slug(self, entry: Entry) -> str:
        return text.slugify(entry.title, limit=100)

    def article_path(self, entry: Entry) -> str:
        return f"/{entry.published:%Y/%m/%d}/{self.slug(entry)}/"

    def page_path(self, first: str, page: int) -> str:
        return first if page == 1 else f"{first}page/{page}/"

    def listing_paths(self) -> list[str]:
        groups = [("/", self.model.live())]
        groups += [
            (f"/category/{c.slug}/", self.model.in_category(i))
            for i, c in enumerate(self.categories)
        ]
        groups += [(f"/tag/{t.slug}/", self.model.tagged(i)) for i, t in enumerate(TAGS)]
        return [
            self.page_path(first, n)
            for first, items in groups
            for n in range(1, self.pages(len(items)) + 1)
        ]

    def other_paths(self) -> list[str]:
        return ["/gioi-thieu/", "/lien-he/"]

    def static_paths(self) -> list[str]:
        return [*super().static_paths(), _SITEMAP_POSTS, _SITEMAP_CATEGORIES, "/wp-json/"]

    def robots(self, ctx: Ctx) -> str:
        lines = super().robots(ctx).splitlines()
        lines.insert(2, "Allow: /wp-admin/admin-ajax.php")
        return "\n".join(lines) + "\n"

    # -- routing --------------------------------------------------------------
    def route(self, request: Request) -> Page | None:
        path, query = request.path, request.query
        if path == "/" and "p" in query:
            entry = self.model.by_id(int_or(query["p"], -1))
            return None if entry is None else self.redirect(self.article_path(entry))
        if path == "/" and "s" in query:
            return self.other_page(
                lambda ctx: self.render_search(ctx, query["s"]), f"search|{query['s']}"
            )
        special = self._special(path)
        if special is not None:
            return special
        match = _POST.match(path)
        if match:
            entry = self.entry_by_slug(match.group(4))
            if entry is None or self.article_path(entry) != path:
                return None
            return self.article_page(entry, lambda ctx: self.render_article(ctx, entry))
        first, page = path, 1
        match = _PAGED.match(path)
        if match:
            first, page = match.group(1), int(match.group(2))
            if page == 1:
                return self.redirect(first)
        items = self._listing_items(first)
        if items is not None:
            if self.chunk(items, page) is None:
                return None
            return self.listing_page(
                lambda ctx: self.render_listing(ctx, first, items, page), f"{first}|{page}"
            )
        if not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
            return self.redirect(path + "/")
        return self.common_page(request)

    def _special(self, path: str) -> Page | None:
        if path in self.other_paths():
            return self.other_page(lambda ctx: self.render_other(ctx, path), path)
        if path == "/wp-json/":
            return self.other_page(
                lambda ctx: f'{{"name": "{self.site.name}", "url": "{ctx.base}"}}',
                path,
                "other",
                "application/json",
            )
        if path == "/feed/":
            return self.other_page(self.render_feed, "feed", "feed", "application/rss+xml")
        renders = {
            "/wp-sitemap.xml": self.render_sitemap_index,
            _SITEMAP_POSTS: self.render_sitemap_posts,
            _SITEMAP_CATEGORIES: self.render_sitemap_categories,
        }
        if path in renders:
            return self.other_page(renders[path], path, "sitemap", "application/xml")
        return None

    def _listing_items(self, first: str) -> list[Entry] | None:
        if first == "/":
            return self.model.live()
        parts = first.strip("/").split("/")
        if len(parts) != 2 or not first.endswith("/"):
            return None
        if parts[0] == "category":
            index = self.category_of(parts[1])
            return None if index is None else self.model.in_category(index)
        if parts[0] == "tag":
            index = self.tag_of(parts[1])
            return None if index is None else self.model.tagged(index)
        return None

    # -- rendering ------------------------------------------------------------
    def layout(self, ctx: Ctx, title: str, main: str, head: str = "", body_class: str = "") -> str:
        site = self.site
        menu = "".join(
            f'<li class="menu-item menu-item-type-taxonomy"><a href="/category/{c.slug}/">'
            f"{esc(c.name)}</a></li>"
            for c in self.categories
        )
        recent = "".join(
            f'<li><a href="{self.article_path(e)}">{esc(e.title)}</a> <span class="post-date">'
            f"{dates.short(e.published)}</span></li>"
            for e in self.latest(5)
        )
        return template("wordpress_layout")(
            title=esc(title),
            site_name=esc(site.name),
            feed=ctx.url("/feed/"),
            head=head,
            api=ctx.url("/wp-json/"),
            body_class=body_class,
            today=chrome.today(ctx),
            slogan=esc(self.slogan()),
            menu=menu,
            main=main,
            recent=recent,
            counter=chrome.counter_block(ctx),
            links=chrome.links_block(),
            poll=chrome.poll_block(),
            login=chrome.login_block(),
            search=chrome.search_block("/", "s"),
            footer=chrome.footer(site),
        )

    def render_article(self, ctx: Ctx, entry: Entry) -> str:
        url = ctx.url(self.article_path(entry))
        category = self.categories[entry.category]
        head = (
            f'<link rel="canonical" href="{attr(url)}" />\n'
            f"<link rel='shortlink' href='{attr(ctx.url(f'/?p={entry.id}'))}' />\n"
            f'<meta property="og:title" content="{attr(entry.title)}" />\n'
            f'<meta property="article:published_time" content="{dates.iso(entry.published)}" />\n'
        )
        author = (
            f' bởi <span class="author vcard"><span class="fn n">{esc(entry.author.full)}'
            "</span></span>"
            if entry.author
            else ""
        )
        source = f"<p><em>Nguồn: {esc(entry.source)}</em></p>" if entry.source else ""
        tags = ", ".join(
            f'<a href="/tag/{TAGS[t].slug}/" rel="tag">{esc(TAGS[t].name)}</a>' for t in entry.tags
        )
        newer, older = self.neighbours(entry, 1)
        related = "".join(
            f'<li><a href="{self.article_path(e)}">{esc(e.title)}</a></li>'
            for e in self.neighbours(entry, 3)[1]
        )
        nav = "".join(
            f'<div class="nav-{cls}"><a href="{self.article_path(e[0])}" rel="{rel}">'
            f"{esc(e[0].title)}</a></div>"
            for cls, rel, e in (("previous", "prev", older), ("next", "next", newer))
            if e
        )
        stamp = dates.iso(entry.published)
        main = template("wordpress_article")(
            id=entry.id,
            category_slug=category.slug,
            title=esc(entry.title),
            path=self.article_path(entry),
            iso=stamp,
            date=dates.short(entry.published),
            author=author,
            body=self.body_html(entry, self._paragraph, self._figure),
            source=source,
            url=attr(url),
            category=esc(category.name),
            tags=tags,
            related=related,
            nav=nav,
        )
        return self.layout(
            ctx,
            f"{entry.title} – {self.site.name}",
            main,
            head,
            f"post-template-default single single-post postid-{entry.id}",
        )

    @staticmethod
    def _paragraph(value: str) -> str:
        return f"<p>{esc(value)}</p>"

    @staticmethod
    def _figure(src: str, caption: str) -> str:
        return (
            '<figure class="wp-block-image size-large">'
            f'<img decoding="async" src="{src}" alt="" />'
            f'<figcaption class="wp-element-caption">{esc(caption)}</figcaption></figure>'
        )

    def _excerpts(self, items: list[Entry]) -> str:
        return "".join(
            f'<article class="post-{e.id} post type-post hentry"><header class="entry-header">'
            f'<h2 class="entry-title"><a href="{self.article_path(e)}" rel="bookmark">'
            f"{esc(e.title)}</a></h2>"
            '<div class="entry-meta"><time class="entry-date published" '
            f'datetime="{dates.iso(e.published)}">'
            f'{dates.short(e.published)}</time></div></header><div class="entry-summary">'
            f"<p>{esc(self.lead(e))} [&hellip;]</p></div></article>\n"
            for e in items
        )

    def render_listing(self, ctx: Ctx, first: str, items: list[Entry], page: int) -> str:
        pages = self.pages(len(items))

        def link(css: str, target: int, label: str) -> str:
            href = self.page_path(first, target)
            return f'<a class="{css}page-numbers" href="{href}">{label}</a>'

        links = [link("prev ", page - 1, "&laquo; Trước")] if page > 1 else []
        for n in sorted({1, pages, *range(max(1, page - 2), min(pages, page + 2) + 1)}):
            links.append(
                f'<span aria-current="page" class="page-numbers current">{n}</span>'
                if n == page
                else link("", n, str(n))
            )
        if page < pages:
            links.append(link("next ", page + 1, "Sau &raquo;"))
        pager = (
            (
                '<nav class="navigation pagination" aria-label="Các bài viết">'
                f'<div class="nav-links">{"".join(links)}</div></nav>'
            )
            if pages > 1
            else ""
        )
        heading = (
            ""
            if first == "/"
            else (
                '<header class="page-header"><h1 class="page-title">'
                f"{esc(first.strip('/'))}</h1></header>"
            )
        )
        main = heading + self._excerpts(list(self.chunk(items, page) or [])) + pager
        return self.layout(ctx, f"{self.site.name} – Trang {page}", main, body_class="archive")

    def render_search(self, ctx: Ctx, words: str) -> str:
        needle = words.lower()
        found = [e for e in self.model.live() if needle and needle in e.title.lower()][:10]
        main = (
            f'<header class="page-header"><h1 class="page-title">Kết quả tìm kiếm cho: '
            f"{esc(words)}</h1></header>{self._excerpts(found) or '<p>Không tìm thấy.</p>'}"
        )
        return self.layout(ctx, f"Tìm kiếm – {self.site.name}", main, body_class="search")

    def render_other(self, ctx: Ctx, path: str) -> str:
        site = self.site
        if path == "/gioi-thieu/":
            lines, title = text.about_text(site.name, site.province), "Giới thiệu"
        else:
            lines, title = chrome.footer_lines(site)[1:4], "Liên hệ"
        main = (
            '<article class="page type-page"><header class="entry-header">'
            f'<h1 class="entry-title">{title}</h1></header>'
            f'<div class="entry-content">{chrome.paragraphs(lines)}</div></article>'
        )
        return self.layout(ctx, f"{title} – {site.name}", main, body_class="page")

    def render_feed(self, ctx: Ctx) -> str:
        items = [
            (e.title, ctx.url(self.article_path(e)), e.published, esc(self.lead(e)))
            for e in self.model.live()[:10]
        ]
        return feeds.rss(self.site.name, ctx.url("/"), items)

    def render_sitemap_index(self, ctx: Ctx) -> str:
        return feeds.sitemap_index([ctx.url(_SITEMAP_POSTS), ctx.url(_SITEMAP_CATEGORIES)])

    def render_sitemap_posts(self, ctx: Ctx) -> str:
        return feeds.urlset(
            (ctx.url(self.article_path(e)), datetime.fromtimestamp(e.modified, dates.VN))
            for e in self.model.live()
        )

    def render_sitemap_categories(self, ctx: Ctx) -> str:
        return feeds.urlset((ctx.url(f"/category/{c.slug}/"), None) for c in self.categories)
