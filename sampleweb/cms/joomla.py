"""Joomla 3, as on the Lâm Đồng and Phú Thọ schools.

Articles at ``/index.php/<menu>/<id>-<alias>``; featured ones also under the
"Tin nổi bật" menu (``/index.php/tin-noi-bat/<id>-<alias>``, same article).
Blog listings page with ``?start=N``. A header widget prints today's date
(``Chủ nhật, 21/07/2024`` style); the article date is ``Thứ năm, 23 Tháng 4
2015 08:43`` (Lâm Đồng) or ``Chủ nhật, 28.11.2021 02:16`` (Phú Thọ, whose
titles are often UPPERCASE). Authors come as a block before the body or as
trailing credits ``(Tin: Hà Lan; Ảnh: Việt Anh)``; "Lượt xem", "Các tin
khác:" and ``[Trở về] [Đầu trang] In bài viết Gửi cho bạn bè`` surround it.
``/index.php/noi-bo`` is a private section: linked, served, disallowed.
"""

from __future__ import annotations

import re
from typing import ClassVar

from sampleweb.core import chrome, dates, text, vocab
from sampleweb.core.chrome import attr, esc
from sampleweb.core.entries import Category, Entry
from sampleweb.core.pages import Ctx, Page, Request
from sampleweb.core.site import CmsStyle, int_or
from sampleweb.core.templates import template

_ARTICLE = re.compile(r"^/index\.php/([a-z0-9-]+)/(\d+)-([a-z0-9-]+)$")
FEATURED = "tin-noi-bat"
TOOLS = "[Trở về] [Đầu trang] In bài viết Gửi cho bạn bè"
_RIGHT = '<p style="text-align: right;">'


class Joomla(CmsStyle):
    key = "joomla"
    label = "Joomla! 3"
    schools = (
        ("Trường Chính trị tỉnh Lâm Đồng", "Lâm Đồng"),
        ("Trường Chính trị tỉnh Phú Thọ", "Phú Thọ"),
        ("Trường Chính trị tỉnh Bà Rịa - Vũng Tàu", "Bà Rịa - Vũng Tàu"),
    )
    categories = (
        Category("tin-tuc", "Tin tức", "news", 3),
        Category("hoat-dong", "Hoạt động", "news", 1),
        Category("nghien-cuu", "Nghiên cứu - Trao đổi", "research", 1),
    )
    id_base = 515
    private_paths = ("/index.php/noi-bo",)
    robots_rules = (
        "/administrator/",
        "/bin/",
        "/cache/",
        "/cli/",
        "/components/",
        "/includes/",
        "/installation/",
        "/language/",
        "/layouts/",
        "/libraries/",
        "/logs/",
        "/modules/",
        "/plugins/",
        "/tmp/",
    )
    chrome_snippets: ClassVar[tuple[str, ...]] = ("Lượt xem", "Các tin khác:", TOOLS, "Tin nổi bật")

    def entry_snippets(self, entry: Entry) -> tuple[str, ...]:
        credits = self._credits(entry)
        return (credits,) if credits else ()

    # -- URLs -----------------------------------------------------------------
    def title(self, entry: Entry) -> str:
        """Phú Thọ style: a third of the headlines are typed in capitals."""
        return entry.title.upper() if entry.seed % 3 == 1 else entry.title

    def _path(self, menu: str, entry: Entry) -> str:
        return f"/index.php/{menu}/{entry.id}-{text.slugify(entry.title)}"

    def article_path(self, entry: Entry) -> str:
        return self._path(self.categories[entry.category].slug, entry)

    def alias_paths(self, entry: Entry) -> tuple[str, ...]:
        return (self._path(FEATURED, entry),) if entry.aliased else ()

    def page_path(self, first: str, page: int) -> str:
        return first if page == 1 else f"{first}?start={(page - 1) * self.page_size}"

    def listing_paths(self) -> list[str]:
        paths = ["/"]
        menus = [
            (f"/index.php/{c.slug}", self.model.in_category(i))
            for i, c in enumerate(self.categories)
        ]
        menus.append((f"/index.php/{FEATURED}", self.model.aliased()))
        for first, items in menus:
            paths += [self.page_path(first, n) for n in range(1, self.pages(len(items)) + 1)]
        return paths

    def other_paths(self) -> list[str]:
        return ["/index.php/gioi-thieu", "/index.php/lien-he"]

    def static_paths(self) -> list[str]:
        return [*super().static_paths(), "/index.php"]

    # -- routing --------------------------------------------------------------
    def route(self, request: Request) -> Page | None:
        path = request.path
        if path == "/":
            return self.listing_page(self.render_home, "home")
        if path in ("/index.php", "/index.php/"):
            return self.redirect("/")
        if path in self.other_paths() or path in self.private_paths:
            return self.other_page(lambda ctx: self.render_other(ctx, path), path)
        match = _ARTICLE.match(path)
        if match:
            return self._route_article(*match.groups())
        menu = path.removeprefix("/index.php/")
        known = menu == FEATURED or self.category_of(menu) is not None
        if path.startswith("/index.php/") and known:
            return self._route_listing(menu, int_or(request.query.get("start"), 0))
        return self.common_page(request)

    def _route_article(self, menu: str, ident: str, slug: str) -> Page | None:
        entry = self.model.by_id(int(ident))
        if entry is None or slug != text.slugify(entry.title):
            return None
        if menu == FEATURED and entry.aliased:
            return self.article_page(entry, lambda ctx: self.render_article(ctx, entry), menu)
        if self.category_of(menu) != entry.category:
            return None
        return self.article_page(entry, lambda ctx: self.render_article(ctx, entry))

    def _route_listing(self, menu: str, start: int) -> Page | None:
        items = self._items(menu)
        page = start // self.page_size + 1
        if start < 0 or start % self.page_size or self.chunk(items, page) is None:
            return None
        return self.listing_page(
            lambda ctx: self.render_listing(ctx, menu, items, page), f"{menu}|{page}"
        )

    def _items(self, menu: str) -> list[Entry]:
        if menu == FEATURED:
            return self.model.aliased()
        return self.model.in_category(self.category_of(menu) or 0)

    # -- rendering ------------------------------------------------------------
    def layout(self, ctx: Ctx, title: str, main: str, base: str, author: str = "") -> str:
        site = self.site
        menu = "".join(
            f'<li class="item-{110 + i}"><a href="/index.php/{c.slug}">{esc(c.name)}</a></li>'
            for i, c in enumerate(self.categories)
        )
        latest = "".join(
            f'<li><a href="{self.article_path(e)}">{esc(self.title(e))}</a></li>'
            for e in self.latest(5)
        )
        return template("joomla_layout")(
            base=attr(ctx.url(base)),
            author=attr(author or "Super User"),
            title=esc(title),
            today=chrome.today(ctx),
            slogan=esc(self.slogan()),
            menu=menu,
            main=main,
            latest=latest,
            footer=chrome.footer(site),
            blocks=chrome.side_blocks(ctx, "/index.php/component/search/", "searchword"),
        )

    def render_article(self, ctx: Ctx, entry: Entry) -> str:
        title = self.title(entry)
        block, credits = self._byline(entry)
        source = f"<p><em>Theo {esc(entry.source)}</em></p>" if entry.source else ""
        others = "".join(
            f'<li><a href="{self.article_path(e)}">{esc(self.title(e))}</a> '
            f"({dates.short(e.published)})</li>"
            for e in self.neighbours(entry, 5)[1]
        )
        main = template("joomla_article")(
            title=esc(title),
            title_attr=attr(title),
            iso=dates.iso(entry.published),
            date=dates.joomla(entry.published, self.site.variant),
            views=entry.views,
            block=block,
            body=self.body_html(entry, self._paragraph, self._figure),
            credits=credits,
            source=source,
            others=others,
        )
        author = entry.author.name if entry.author else ""
        return self.layout(ctx, title, main, self.article_path(entry), author)

    def _byline(self, entry: Entry) -> tuple[str, str]:
        """Either a block before the body or trailing ``(Tin: ...; Ảnh: ...)`` credits."""
        if entry.author is None:
            return "", ""
        credits = self._credits(entry)
        if credits:
            return "", f"{_RIGHT}<strong>{esc(credits)}</strong></p>"
        role = f"<br /><em>{esc(entry.author.role)}</em>" if entry.author.role else ""
        return f"{_RIGHT}<strong>{esc(entry.author.full)}</strong>{role}</p>", ""

    @staticmethod
    def _credits(entry: Entry) -> str:
        """Phú Thọ's trailing ``(Tin: Hà Lan; Ảnh: Việt Anh)``, for a third of the authors."""
        if entry.author is None or (entry.seed >> 3) % 3:
            return ""
        photo = vocab.PHOTOGRAPHERS[entry.seed % len(vocab.PHOTOGRAPHERS)]
        return f"(Tin: {entry.author.name}; Ảnh: {photo})"

    @staticmethod
    def _paragraph(value: str) -> str:
        return f'<p style="text-align: justify;">{esc(value)}</p>'

    @staticmethod
    def _figure(src: str, caption: str) -> str:
        return (
            f'<p style="text-align: center;"><img src="{src}" alt="" width="600" />'
            "</p>"
            f'<p style="text-align: center;"><em>{esc(caption)}</em></p>'
        )

    def _blog_items(self, items: list[Entry], menu: str | None = None) -> str:
        def link(e: Entry) -> str:
            return self._path(menu, e) if menu == FEATURED else self.article_path(e)

        return "".join(
            '<div class="items-row"><div class="item"><div class="page-header">'
            f'<h2 itemprop="name"><a href="{link(e)}">{esc(self.title(e))}</a></h2></div>'
            '<dl class="article-info muted"><dd class="published">'
            f"{dates.joomla(e.published, self.site.variant)}</dd></dl>"
            f"<p>{esc(self.lead(e))}</p>"
            f'<p class="readmore"><a class="btn" href="{link(e)}">Xem thêm ...</a></p>'
            "</div></div>\n"
            for e in items
        )

    def render_home(self, ctx: Ctx) -> str:
        featured = "".join(
            f'<li><a href="{self._path(FEATURED, e)}">{esc(self.title(e))}</a></li>'
            for e in self.model.aliased()[:5]
        )
        latest = self._blog_items(self.model.live()[: self.page_size])
        main = (
            f'<div class="moduletable featured"><h3>Tin nổi bật</h3><ul>{featured}</ul></div>'
            f'<div class="blog-featured">{latest}</div>'
        )
        return self.layout(ctx, self.site.name, main, "/")

    def render_listing(self, ctx: Ctx, menu: str, items: list[Entry], page: int) -> str:
        first = f"/index.php/{menu}"
        pages = self.pages(len(items))
        steps = [("pagination-start", 1, "Bắt đầu"), ("pagination-prev", page - 1, "Lùi")]
        steps += [("", n, str(n)) for n in range(max(1, page - 4), min(pages, page + 5) + 1)]
        steps += [("pagination-next", page + 1, "Tiếp"), ("pagination-end", pages, "Cuối")]
        links = [
            f'<li class="{css}">{self._nav(first, target, page, label, pages)}</li>'
            for css, target, label in steps
        ]
        name = self._name(menu)
        main = (
            f'<div class="blog"><h2>{esc(name)}</h2>'
            f"{self._blog_items(list(self.chunk(items, page) or []), menu)}"
            f'<div class="pagination"><p class="counter pull-right">Trang {page} / {pages}</p>'
            f"<ul>{''.join(links)}</ul></div></div>"
        )
        return self.layout(ctx, f"{name} - {self.site.name}", main, self.page_path(first, page))

    def _name(self, menu: str) -> str:
        if menu == FEATURED:
            return "Tin nổi bật"
        return self.categories[self.category_of(menu) or 0].name

    def _nav(self, first: str, target: int, page: int, label: str, pages: int) -> str:
        if target < 1 or target == page or target > pages:
            return f'<span class="pagenav">{label}</span>'
        href = self.page_path(first, target)
        return f'<a title="{label}" href="{href}" class="pagenav">{label}</a>'

    def render_other(self, ctx: Ctx, path: str) -> str:
        site = self.site
        if path.endswith("gioi-thieu"):
            about = text.about_text(site.name, site.province)
            main = f"<h2>Giới thiệu</h2>{chrome.paragraphs(about)}"
        elif path.endswith("noi-bo"):
            main = (
                "<h2>Văn bản nội bộ</h2>"
                "<p>Khu vực dành cho cán bộ, viên chức nhà trường. "
                "Quy chế chi tiêu nội bộ, lịch công tác tuần và danh sách học viên "
                "các lớp.</p>"
            )
        else:
            main = f"<h2>Liên hệ</h2>{chrome.paragraphs(chrome.footer_lines(site)[1:4])}"
        return self.layout(ctx, site.name, main, path)
