"""Liferay 6.2 portal, as on the Hà Nội (Lê Hồng Phong) and Bạc Liêu schools.

Articles at ``/vi/<page>/-/view_content/<id>-<slug>.html``; listings paged
with the asset publisher's ``p_p_id=...&_101_INSTANCE_<x>_cur=2`` parameters
(``&amp;`` in the HTML); the skip link "Truy cập nội dung luôn"; a generic
``<title>`` with the site name only; the portlet header printing
``null <Title>``; portlet titles "Xuất bản thông tin"; the date line
``Ngày đăng 22/10/2019 | 8:36 AM  | View count: 487``.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from typing import ClassVar

from sampleweb.core import chrome, dates, text
from sampleweb.core.chrome import attr, esc
from sampleweb.core.entries import Category, Entry
from sampleweb.core.pages import Ctx, Page, Request
from sampleweb.core.site import CmsStyle, int_or
from sampleweb.core.templates import template

_ARTICLE = re.compile(r"^/vi/([a-z0-9-]+)/-/view_content/(\d+)-([a-z0-9-]+)\.html$")


class Liferay(CmsStyle):
    key = "liferay"
    label = "Liferay Portal 6.2"
    schools = (
        ("Trường Đào tạo cán bộ Lê Hồng Phong thành phố Hà Nội", "Hà Nội"),
        ("Trường Chính trị Châu Văn Đặng", "Bạc Liêu"),
        ("Trường Chính trị tỉnh Hậu Giang", "Hậu Giang"),
    )
    categories = (
        Category("tin-tuc", "Tin tức - Sự kiện", "news", 3),
        Category("hoat-dong-dao-tao", "Hoạt động đào tạo", "news", 1),
        Category("nghien-cuu-trao-doi", "Nghiên cứu - Trao đổi", "research", 1),
    )
    id_base = 30400
    robots_rules = ("/c/", "/group/", "/api/")
    chrome_snippets: ClassVar[tuple[str, ...]] = (
        "Truy cập nội dung luôn",
        "Xuất bản thông tin",
        "View count:",
        "Màu chữ Cỡ chữ",
        "In trang",
        "Quay lại",
    )

    def entry_snippets(self, entry: Entry) -> tuple[str, ...]:
        return (f"null {entry.title}",)

    # -- URLs -----------------------------------------------------------------
    def article_path(self, entry: Entry) -> str:
        page = self.categories[entry.category].slug
        return f"/vi/{page}/-/view_content/{entry.id}-{text.slugify(entry.title)}.html"

    def instance(self, category: int) -> str:
        """The asset publisher's portlet instance id of a listing page."""
        return _instance(self.categories[category].slug)

    def page_path(self, category: int, page: int) -> str:
        """``/vi/tin-tuc`` then the Liferay paging URL for page 2 onwards."""
        first = f"/vi/{self.categories[category].slug}"
        if page == 1:
            return first
        ns = f"_101_INSTANCE_{self.instance(category)}_"
        return (
            f"{first}?p_p_id=101_INSTANCE_{self.instance(category)}&p_p_lifecycle=0"
            "&p_p_state=normal&p_p_mode=view&p_p_col_id=column-1&p_p_col_count=1"
            f"&{ns}delta={self.page_size}&{ns}keywords=&{ns}advancedSearch=false"
            f"&{ns}andOperator=true&p_r_p_564233524_resetCur=false&{ns}cur={page}"
        )

    def listing_paths(self) -> list[str]:
        paths = ["/"]
        for index in range(len(self.categories)):
            count = len(self.model.in_category(index))
            paths += [self.page_path(index, n) for n in range(1, self.pages(count) + 1)]
        return paths

    def other_paths(self) -> list[str]:
        return ["/vi/gioi-thieu", "/vi/lien-he"]

    # -- routing --------------------------------------------------------------
    def route(self, request: Request) -> Page | None:
        path = request.path
        if path == "/":
            return self.listing_page(lambda ctx: self.render_home(ctx), "home")
        if path in self.other_paths():
            return self.other_page(lambda ctx: self.render_other(ctx, path), path)
        match = _ARTICLE.match(path)
        if match:
            page, ident, slug = match.groups()
            entry = self.model.by_id(int(ident))
            if entry is None or slug != text.slugify(entry.title):
                return None
            if self.category_of(page) != entry.category:
                return None
            return self.article_page(entry, lambda ctx: self.render_article(ctx, entry))
        category = self.category_of(path.removeprefix("/vi/")) if path.startswith("/vi/") else None
        if category is not None:
            return self._route_listing(request, category)
        return self.common_page(request)

    def _route_listing(self, request: Request, category: int) -> Page | None:
        name = f"_101_INSTANCE_{self.instance(category)}_cur"
        page = int_or(request.query.get(name), 1)
        items = self.model.in_category(category)
        if self.chunk(items, page) is None:
            return None
        return self.listing_page(
            lambda ctx: self.render_listing(ctx, category, page), f"{category}|{page}"
        )

    # -- rendering ------------------------------------------------------------
    def layout(self, ctx: Ctx, main: str, side: str) -> str:
        site = self.site
        menu = "".join(
            f'<li class="lfr-nav-item" role="presentation"><a href="/vi/{c.slug}" role="menuitem">'
            f"<span>{esc(c.name)}</span></a></li>"
            for c in self.categories
        )
        return template("liferay_layout")(
            site_name=esc(site.name),
            slogan=esc(self.slogan()),
            today=chrome.today(ctx),
            menu=menu,
            main=main,
            side=side,
            footer=chrome.footer(site),
            blocks=chrome.side_blocks(ctx, "/vi/tim-kiem"),
        )

    def _portlet(self, title: str, body: str, instance: str = "latest") -> str:
        return (
            f'<div class="portlet-boundary portlet-boundary_101_ portlet-asset-publisher" '
            f'id="p_p_id_101_INSTANCE_{instance}_"><span id="p_101_INSTANCE_{instance}"></span>'
            '<section class="portlet"><header class="portlet-topper"><h2 class="portlet-title">'
            f'<span class="portlet-title-text">{esc(title)}</span></h2></header>'
            f'<div class="portlet-content"><div class="portlet-body">{body}</div></div>'
            "</section></div>"
        )

    def _side(self, skip: Entry | None = None) -> str:
        rows = "".join(
            f'<li class="title-list"><a href="{self.article_path(e)}">{esc(e.title)}</a>'
            f' <span class="metadata-publish-date">{dates.short(e.published)}</span></li>'
            for e in self.latest(5, skip)
        )
        return self._portlet("Xuất bản thông tin", f'<ul class="title-list">{rows}</ul>')

    def render_article(self, ctx: Ctx, entry: Entry) -> str:
        body = self.body(entry)
        byline = ""
        if entry.author:
            role = f"<br /><em>{esc(entry.author.role)}</em>" if entry.author.role else ""
            byline = (
                f'<p style="text-align: right;"><strong>{esc(entry.author.full)}</strong>{role}</p>'
            )
        source = (
            f'<p style="text-align: right;"><em>Nguồn: {esc(entry.source)}</em></p>'
            if entry.source
            else ""
        )
        back = f"/vi/{self.categories[entry.category].slug}"
        main = template("liferay_article")(
            instance=self.instance(entry.category),
            back=back,
            title=esc(entry.title),
            date=dates.liferay(entry.published, entry.views),
            lead=esc(body.paragraphs[0]),
            body=self.body_html(entry, self._paragraph, self._figure, skip_lead=True),
            byline=byline,
            source=source,
        )
        return self.layout(ctx, main, self._side(entry))

    @staticmethod
    def _paragraph(value: str) -> str:
        return f'<p style="text-align: justify;">{esc(value)}</p>'

    @staticmethod
    def _figure(src: str, caption: str) -> str:
        return (
            '<table align="center" class="image-caption" style="width: 600px;"><tbody>'
            f'<tr><td><img alt="" src="{src}" style="width: 600px;" /></td></tr>'
            f'<tr><td style="text-align: center;"><em>{esc(caption)}</em></td></tr></tbody></table>'
        )

    def render_home(self, ctx: Ctx) -> str:
        rows = "".join(self._abstract(e) for e in self.model.live()[: self.page_size])
        more = "".join(
            f'<p><a href="/vi/{c.slug}">{esc(c.name)} »</a></p>' for c in self.categories
        )
        return self.layout(ctx, self._portlet("Xuất bản thông tin", rows + more, "home"), "")

    def _abstract(self, entry: Entry) -> str:
        url = self.article_path(entry)
        return (
            f'<div class="asset-abstract"><h3 class="asset-title"><a href="{url}">'
            f"{esc(entry.title)}"
            f'</a></h3><div class="asset-summary">{esc(self.lead(entry))}</div>'
            f'<div class="asset-metadata"><span class="metadata-entry metadata-publish-date">'
            f"{dates.short(entry.published)}</span>"
            '<span class="metadata-entry metadata-view-count">'
            f'{entry.views} Lượt xem</span></div><div class="asset-more"><a href="{url}">Xem thêm »'
            "</a></div></div>\n"
        )

    def render_listing(self, ctx: Ctx, category: int, page: int) -> str:
        items = self.model.in_category(category)
        rows = "".join(self._abstract(e) for e in self.chunk(items, page) or [])
        pages = self.pages(len(items))
        start = (page - 1) * self.page_size
        nav = [
            f'<li class="first{" disabled" if page == 1 else ""}"><a href="'
            f'{attr(self.page_path(category, 1)) if page > 1 else "javascript:;"}">Đầu</a></li>'
        ]
        if page > 1:
            nav.append(f'<li><a href="{attr(self.page_path(category, page - 1))}">« Trước</a></li>')
        if page < pages:
            nav.append(f'<li><a href="{attr(self.page_path(category, page + 1))}">Tiếp »</a></li>')
            last = attr(self.page_path(category, pages))
            nav.append(f'<li class="last"><a href="{last}">Cuối</a></li>')
        pager = (
            f'<div class="taglib-page-iterator"><div class="search-results">Hiển thị {start + 1} - '
            f"{min(start + self.page_size, len(items))} trong {len(items)} kết quả.</div>"
            f'<div class="pagination"><ul class="pager lfr-pagination-buttons">{"".join(nav)}</ul>'
            "</div></div>"
        )
        portlet = self._portlet("Xuất bản thông tin", rows + pager, self.instance(category))
        return self.layout(ctx, portlet, self._side())

    def render_other(self, ctx: Ctx, path: str) -> str:
        site = self.site
        if path.endswith("gioi-thieu"):
            body = chrome.paragraphs(text.about_text(site.name, site.province))
            title = "Giới thiệu"
        else:
            body = chrome.paragraphs(chrome.footer_lines(site)[1:4])
            title = "Liên hệ"
        return self.layout(ctx, self._portlet(title, body, "other"), self._side())


@cache
def _instance(slug: str) -> str:
    digest = hashlib.blake2b(slug.encode(), digest_size=12).digest()
    return "".join(c for c in base64.b64encode(digest).decode() if c.isalnum())[:12]
