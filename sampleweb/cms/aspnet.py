"""Old ASP.NET WebForms site, as on the Nghệ An and Ninh Bình schools.

The whole page sits in ``<form id="aspnetForm">`` with a ``__VIEWSTATE``;
layout and menus are nested ``<table>``s; bodies are pasted from Word
(``<p class="MsoNormal">``, ``<span lang="VI">``, ``&nbsp;``, ``<o:p>``).
Articles at ``ArticleDetail.aspx?_Article_ID=<n>``, featured ones also at
``Default.aspx?phan_tin_id=..&tin_id=..&tree_id=..``; listings at
``List.aspx?cat=<n>&page=<k>`` as plain links. Dates ``Ngày Đăng: 6/6/2016
9:35`` (no padding), ``Tác giả : Th.s Hồ Minh Đức - Phó Hiệu trưởng``,
``File đính kèm:`` with a real PDF. Served in windows-1258 (tone marks as
combining characters). Links on listing and article pages carry cookieless
session ids (``sid=``, ``ASPSESSIONID=``) that change on every render.
"""

from __future__ import annotations

from typing import ClassVar

from sampleweb.core import chrome, dates, pdf, text
from sampleweb.core.chrome import attr, esc
from sampleweb.core.entries import Category, Entry
from sampleweb.core.pages import Ctx, Page, Request
from sampleweb.core.site import CmsStyle, int_or
from sampleweb.core.templates import template

_P_STYLE = "margin-bottom:6.0pt;text-align:justify;text-indent:36.0pt;line-height:150%"
_SPAN = (
    "font-size:14.0pt;line-height:150%;font-family:&quot;Times New Roman&quot;,&quot;serif&quot;"
)
_VIEWSTATE = (
    "/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIDD2QWBgIBDxYCHgRUZXh0BRhUcsaw4budbmcgQ2jDrW5oIHRy4buLZBgB"
    "BR5fX0NvbnRyb2xzUmVxdWlyZVBvc3RCYWNrS2V5X18WAQUNY3RsMDAkYnRuTG9naW4="
)


class AspNet(CmsStyle):
    key = "aspnet"
    label = "ASP.NET WebForms (table layout, windows-1258)"
    schools = (
        ("Trường Chính trị tỉnh Nghệ An", "Nghệ An"),
        ("Trường Chính trị tỉnh Ninh Bình", "Ninh Bình"),
        ("Trường Chính trị tỉnh Phú Yên", "Phú Yên"),
    )
    categories = (
        Category("1", "TIN TỨC - SỰ KIỆN", "news", 3),
        Category("2", "HOẠT ĐỘNG ĐÀO TẠO", "news", 1),
        Category("3", "NGHIÊN CỨU - TRAO ĐỔI", "research", 1),
    )
    id_base = 1680
    encoding = "windows-1258"
    robots_rules = ("/Admin/", "/Upload/temp/")
    chrome_snippets: ClassVar[tuple[str, ...]] = (
        "DANH MỤC",
        "Chi tiết tin bài",
        "Tác giả :",
        "File đính kèm:",
        "Các tin khác",
        "Lượt xem:",
    )

    # -- URLs -----------------------------------------------------------------
    def article_path(self, entry: Entry) -> str:
        return f"/ArticleDetail.aspx?_Article_ID={entry.id}"

    def alias_paths(self, entry: Entry) -> tuple[str, ...]:
        if not entry.aliased:
            return ()
        cat = entry.category + 1
        return (f"/Default.aspx?phan_tin_id={cat}&tin_id={entry.id}&tree_id={10 + cat}",)

    def attachment_paths(self, entry: Entry) -> tuple[str, ...]:
        return (f"/Upload/files/ke-hoach-{entry.id}.pdf",) if entry.attachment else ()

    def page_path(self, category: int, page: int, sid: str = "") -> str:
        path = f"/List.aspx?cat={category + 1}"
        if page > 1:
            path += f"&page={page}"
        return path + (f"&sid={sid}" if sid else "")

    def listing_paths(self) -> list[str]:
        paths = ["/"]
        for index in range(len(self.categories)):
            count = len(self.model.in_category(index))
            paths += [self.page_path(index, n) for n in range(1, self.pages(count) + 1)]
        return paths

    def other_paths(self) -> list[str]:
        return ["/GioiThieu.aspx", "/LienHe.aspx"]

    # -- routing --------------------------------------------------------------
    def route(self, request: Request) -> Page | None:
        path = request.path.lower()  # IIS does not care about case
        query = request.query
        if path in ("/", "/default.aspx") and "tin_id" not in query:
            return self.listing_page(self.render_home, "home")
        if path == "/default.aspx":
            return self._route_article(int_or(query.get("tin_id"), -1), alias=True)
        if path == "/articledetail.aspx":
            return self._route_article(int_or(query.get("_Article_ID"), -1), alias=False)
        if path == "/list.aspx":
            category = int_or(query.get("cat"), 0) - 1
            return self._route_listing(category, int_or(query.get("page"), 1))
        if path in ("/gioithieu.aspx", "/lienhe.aspx"):
            return self.other_page(lambda ctx: self.render_other(ctx, path), path)
        if path.startswith("/upload/files/ke-hoach-") and path.endswith(".pdf"):
            return self._attachment(path)
        return self.common_page(request)

    def _route_article(self, ident: int, alias: bool) -> Page | None:
        entry = self.model.by_id(ident)
        if entry is None or (alias and not entry.aliased):
            return None
        view = "alias" if alias else ""
        return self.article_page(entry, lambda ctx: self.render_article(ctx, entry), view)

    def _route_listing(self, category: int, page: int) -> Page | None:
        if not 0 <= category < len(self.categories):
            return None
        if self.chunk(self.model.in_category(category), page) is None:
            return None
        return self.listing_page(
            lambda ctx: self.render_listing(ctx, category, page), f"{category}|{page}"
        )

    def _attachment(self, path: str) -> Page | None:
        ident = int_or(path.removeprefix("/upload/files/ke-hoach-").removesuffix(".pdf"), -1)
        entry = self.model.by_id(ident)
        if entry is None or not entry.attachment:
            return None
        title = f"Ke hoach so {ident}/KH-TCT - {self.site.province}"
        return Page(
            "file",
            lambda ctx: pdf.document(title),
            tag=f"{self.site.id}|pdf|{ident}",
            modified=entry.modified,
            content_type="application/pdf",
        )

    # -- rendering ------------------------------------------------------------
    def layout(self, ctx: Ctx, title: str, action: str, main: str) -> str:
        site = self.site
        cats = list(enumerate(self.categories))
        menu = "".join(
            f'<td class="menu_item"><a href="{self.page_path(i, 1)}">{esc(c.name)}'
            "</a></td><td>|</td>"
            for i, c in cats
        )
        left = "".join(
            f'<tr><td class="danhmuc_item">&raquo; <a href="{self.page_path(i, 1)}">'
            f"{esc(c.name.title())}</a></td></tr>"
            for i, c in cats
        )
        latest = "".join(
            f'<tr><td class="tinmoi"><a href="{self.article_path(e)}">{esc(e.title)}</a> '
            f'<span class="ngay">({_day(e)})</span></td></tr>'
            for e in self.latest(5)
        )
        online, today, yesterday, total = chrome.counter_numbers(ctx)
        links = "".join(
            f'<tr><td><a href="{url}" target="_blank">{esc(name)}</a></td></tr>'
            for name, url in chrome.LINKS
        )
        return template("aspnet_layout")(
            title=esc(title),
            action=attr(action),
            viewstate=_VIEWSTATE,
            slogan=esc(self.slogan()),
            menu=menu,
            today=chrome.today(ctx),
            left=left,
            online=online,
            visits_today=today,
            yesterday=yesterday,
            total=total,
            links=links,
            main=main,
            latest=latest,
            search=chrome.search_block("/Search.aspx", "key"),
            poll=chrome.poll_block(),
            login=chrome.login_block(),
            footer="<br />".join(esc(line) for line in chrome.footer_lines(site)),
        )

    def render_article(self, ctx: Ctx, entry: Entry) -> str:
        files = self.attachment_paths(entry)
        attached = (
            f'<a href="{files[0]}" target="_blank">{files[0].rsplit("/", 1)[1]}</a>'
            if files
            else "Không có"
        )
        source = (
            f'<tr><td class="source" align="right"><i>Nguồn: {esc(entry.source)}</i></td></tr>'
            if entry.source
            else ""
        )
        others = "".join(
            f'<li><a href="{self._session(self._link(e), "ASPSESSIONID", ctx)}">{esc(e.title)}</a>'
            f" ({_day(e)})</li>"
            for e in self.neighbours(entry, 5)[1]
        )
        lead = (
            f'<p class="MsoNormal" style="{_P_STYLE}"><b><span lang="VI" style="{_SPAN}">'
            f"{esc(self.lead(entry))}</span></b><o:p></o:p></p>"
        )
        main = template("aspnet_article")(
            title=esc(entry.title),
            date=dates.aspnet(entry.published),
            views=entry.views,
            lead=lead,
            body=self.body_html(entry, self._paragraph, self._figure, skip_lead=True),
            source=source,
            author=esc(self._author(entry)),
            attached=attached,
            others=others,
        )
        return self.layout(ctx, entry.title, self.article_path(entry).lstrip("/"), main)

    @staticmethod
    def _author(entry: Entry) -> str:
        """``Th.s Hồ Minh Đức - Phó Hiệu trưởng``."""
        if entry.author is None:
            return ""
        degree = entry.author.degree.replace("ThS.", "Th.s")
        role = f" - {entry.author.role}" if entry.author.role else ""
        return f"{degree} {entry.author.name}".strip() + role

    def _link(self, entry: Entry) -> str:
        return self.alias_paths(entry)[0] if entry.aliased else self.article_path(entry)

    @staticmethod
    def _session(path: str, name: str, ctx: Ctx) -> str:
        sid = ctx.session_id()
        return f"{path}&{name}={sid}" if sid else path

    @staticmethod
    def _paragraph(value: str) -> str:
        """Word paste: the text split into formatting runs, a trailing ``&nbsp;``."""
        words = value.split(" ")
        cut = len(words) // 2
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        runs = f'<span lang="VI" style="{_SPAN}">{esc(first)} </span>' if first else ""
        runs += f'<span lang="VI" style="{_SPAN};color:black">{esc(second)}</span>'
        return (
            f'<p class="MsoNormal" style="{_P_STYLE}">{runs}<span lang="VI" style="{_SPAN}">'
            f'&nbsp;<o:p></o:p></span></p>\n<p class="MsoNormal" style="{_P_STYLE}">&nbsp;</p>'
        )

    @staticmethod
    def _figure(src: str, caption: str) -> str:
        return (
            f'<p class="MsoNormal" align="center" style="text-align:center"><img width="500" '
            f'src="{src}" /></p><p class="MsoNormal" align="center" style="text-align:center">'
            f'<i><span lang="VI" style="font-size:12.0pt">{esc(caption)}</span></i></p>'
        )

    def _rows(self, items: list[Entry], ctx: Ctx | None = None) -> str:
        def link(e: Entry) -> str:
            return self._session(self.article_path(e), "sid", ctx) if ctx else self._link(e)

        return "".join(
            f'<tr><td class="list_item"><a class="list_title" href="{link(e)}">{esc(e.title)}</a> '
            f'<span class="ngay">({_day(e)})</span><br />'
            f"{esc(self.lead(e))}</td></tr>\n"
            for e in items
        )

    def render_home(self, ctx: Ctx) -> str:
        items = self.model.live()[: self.page_size]
        featured = self.model.aliased()[:5]
        main = (
            '<table width="100%" cellpadding="4">'
            '<tr><td class="title_box">TIN TIÊU ĐIỂM</td></tr>'
            f'{self._rows(featured)}<tr><td class="title_box">TIN MỚI CẬP NHẬT</td></tr>'
            f"{self._rows(items)}</table>"
        )
        return self.layout(ctx, self.site.name, "Default.aspx", main)

    def render_listing(self, ctx: Ctx, category: int, page: int) -> str:
        items = self.model.in_category(category)
        pages = self.pages(len(items))

        def href(target: int) -> str:
            path = self.page_path(category, target)
            return path if target == 1 else self._session(path, "sid", ctx)

        numbers = range(max(1, page - 5), min(pages, page + 5) + 1)
        pager = " ".join(
            f"<b>{n}</b>" if n == page else f'<a href="{href(n)}">{n}</a>' for n in numbers
        )
        if page < pages:
            pager += f' <a href="{href(page + 1)}">Trang sau</a>'
        main = (
            f'<table width="100%" cellpadding="4"><tr><td class="title_box">'
            f"{esc(self.categories[category].name)}</td></tr>"
            f"{self._rows(list(self.chunk(items, page) or []), ctx)}"
            f'<tr><td class="pager">Trang: {pager}</td></tr></table>'
        )
        return self.layout(ctx, self.site.name, self.page_path(category, page).lstrip("/"), main)

    def render_other(self, ctx: Ctx, path: str) -> str:
        site = self.site
        lines = (
            text.about_text(site.name, site.province)
            if path == "/gioithieu.aspx"
            else chrome.footer_lines(site)[1:4]
        )
        rows = "".join(f'<p class="MsoNormal" style="{_P_STYLE}">{esc(line)}</p>' for line in lines)
        main = f"<table><tr><td>{rows}</td></tr></table>"
        return self.layout(ctx, site.name, path.lstrip("/"), main)


def _day(entry: Entry) -> str:
    """``6/6/2016``: the unpadded day of the lists."""
    return f"{entry.published.day}/{entry.published.month}/{entry.published.year}"
