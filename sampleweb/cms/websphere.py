"""IBM WebSphere Portal subsite, as the Cần Thơ school inside the city portal.

The school lives under ``/wps/portal/truongchinhtri/``; the city portal's
other sections (``/wps/portal/home/``, ``/wps/portal/sokhac/``) share the
host, link to the school and must not be crawled. Pages are reached through
opaque state tokens ``!ut/p/z0/<token>/``; "featured" articles are also
linked through a second token (same article, another URL). Dates print time
first (``07:37 18/08/2023``); authors sit in a block before the body with
their role underneath; republished items end with ``Theo Báo Cần Thơ``.
"""

from __future__ import annotations

import base64
import hashlib
import zlib
from functools import lru_cache
from typing import ClassVar

from sampleweb.core import chrome, dates, text
from sampleweb.core.chrome import esc
from sampleweb.core.entries import Category, Entry
from sampleweb.core.pages import Ctx, Page, Request
from sampleweb.core.site import CmsStyle
from sampleweb.core.templates import template

PREFIX = "/wps/portal/truongchinhtri/"
_CITY_NEWS = (
    "Thành phố tổ chức hội nghị xúc tiến đầu tư năm nay",
    "Sở Giao thông vận tải thông báo phân luồng giao thông dịp lễ",
    "Công bố quy hoạch chung đô thị đến năm 2040",
)


@lru_cache(maxsize=65536)
def token(state: str) -> str:
    """An opaque, decodable portal state token (looks like ``z0/...`` tokens)."""
    raw = zlib.compress(state.encode(), 9)
    pad = hashlib.blake2b(state.encode(), digest_size=45).digest()
    return base64.urlsafe_b64encode(bytes([len(raw)]) + raw + pad).decode().rstrip("=")


def untoken(value: str) -> str | None:
    try:
        data = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        return zlib.decompress(data[1 : 1 + data[0]]).decode()
    except (ValueError, IndexError, zlib.error, UnicodeDecodeError):
        return None


class WebSphere(CmsStyle):
    key = "websphere"
    label = "IBM WebSphere Portal 8 (subsite with a path prefix)"
    schools = (
        ("Trường Chính trị thành phố Cần Thơ", "Cần Thơ"),
        ("Trường Chính trị Tôn Đức Thắng", "An Giang"),
    )
    categories = (
        Category("tin-tuc-su-kien", "Tin tức - Sự kiện", "news", 3),
        Category("dao-tao-boi-duong", "Đào tạo - Bồi dưỡng", "news", 1),
        Category("nghien-cuu-khoa-hoc", "Nghiên cứu khoa học", "research", 1),
    )
    id_base = 5100
    path_prefix = PREFIX
    start_path = PREFIX
    robots_rules = ("/wps/myportal/", "/wps/PA_", "/wps/contenthandler/")
    chrome_snippets: ClassVar[tuple[str, ...]] = (
        "CỔNG THÔNG TIN ĐIỆN TỬ",
        "Tin cùng chuyên mục",
    )

    # -- URLs -----------------------------------------------------------------
    def state_path(self, state: str, base: str = PREFIX) -> str:
        return f"{base}!ut/p/z0/{token(state)}/"

    def article_path(self, entry: Entry) -> str:
        return self.state_path(f"a/{entry.id}/0")

    def alias_paths(self, entry: Entry) -> tuple[str, ...]:
        return (self.state_path(f"a/{entry.id}/1"),) if entry.aliased else ()

    def link(self, entry: Entry) -> str:
        """Featured articles are linked through their second token in related blocks."""
        return self.alias_paths(entry)[0] if entry.aliased else self.article_path(entry)

    def page_path(self, category: int, page: int) -> str:
        if page == 1:
            return f"{PREFIX}{self.categories[category].slug}/"
        return self.state_path(f"l/{category}/{page}")

    def listing_paths(self) -> list[str]:
        paths = [PREFIX]
        for index in range(len(self.categories)):
            count = len(self.model.in_category(index))
            paths += [self.page_path(index, n) for n in range(1, self.pages(count) + 1)]
        return paths

    def other_paths(self) -> list[str]:
        return [f"{PREFIX}gioi-thieu/", f"{PREFIX}lien-he/"]

    def outside_paths(self) -> list[str]:
        home = "/wps/portal/home/"
        news = [self.state_path(f"c/{n}", home) for n in range(len(_CITY_NEWS))]
        return [home, *news, "/wps/portal/sokhac/", self.state_path("s/0", "/wps/portal/sokhac/")]

    def static_paths(self) -> list[str]:
        return [*super().static_paths(), "/"]

    # -- routing --------------------------------------------------------------
    def route(self, request: Request) -> Page | None:
        path = request.path
        if path == "/":
            return self.redirect("/wps/portal/home/", 302)
        if path.startswith(PREFIX):
            return self._route_school(path.removeprefix(PREFIX))
        if path in self.outside_paths():
            return self.other_page(lambda ctx: self.render_city(ctx, path), path)
        return self.common_page(request)

    def _route_school(self, rest: str) -> Page | None:
        if rest == "":
            return self.listing_page(self.render_home, "home")
        if f"{PREFIX}{rest}" in self.other_paths():
            return self.other_page(lambda ctx: self.render_about(ctx, rest), rest)
        if rest.startswith("!ut/p/z0/") and rest.endswith("/"):
            return self._route_state(untoken(rest[9:-1]) or "")
        category = self.category_of(rest.rstrip("/")) if rest.endswith("/") else None
        if category is not None:
            return self.listing_page(
                lambda ctx: self.render_listing(ctx, category, 1), f"{category}|1"
            )
        return None

    def _route_state(self, state: str) -> Page | None:
        parts = state.split("/")
        if len(parts) == 3 and parts[0] == "a" and parts[2] in ("0", "1"):
            entry = self.model.by_id(int(parts[1]))
            if entry is None or (parts[2] == "1" and not entry.aliased):
                return None
            return self.article_page(entry, lambda ctx: self.render_article(ctx, entry))
        if len(parts) == 3 and parts[0] == "l":
            category, page = int(parts[1]), int(parts[2])
            if category >= len(self.categories) or page < 2:
                return None
            if self.chunk(self.model.in_category(category), page) is None:
                return None
            return self.listing_page(
                lambda ctx: self.render_listing(ctx, category, page), f"{category}|{page}"
            )
        return None

    # -- rendering ------------------------------------------------------------
    def layout(self, ctx: Ctx, title: str, main: str) -> str:
        site = self.site
        menu = "".join(
            f'<li><a href="{self.page_path(i, 1)}">{esc(c.name)}</a></li>'
            for i, c in enumerate(self.categories)
        )
        latest = "".join(
            f'<li><a href="{self.link(e)}">{esc(e.title)}</a> <span class="date">'
            f"({dates.short(e.published)})</span></li>"
            for e in self.latest(5)
        )
        return template("websphere_layout")(
            title=esc(title),
            province_upper=esc(site.province.upper()),
            prefix=PREFIX,
            site_name=esc(site.name),
            today=chrome.today(ctx),
            site_name_upper=esc(site.name.upper()),
            slogan=esc(self.slogan()),
            menu=menu,
            main=main,
            latest=latest,
            blocks=chrome.side_blocks(ctx, "/wps/portal/truongchinhtri/tim-kiem/"),
            footer=chrome.footer(site),
            province=esc(site.province),
        )

    def render_article(self, ctx: Ctx, entry: Entry) -> str:
        body = self.body(entry)
        author = ""
        if entry.author:
            role = (
                f'<p class="author-role"><em>{esc(entry.author.role)}</em></p>'
                if entry.author.role
                else ""
            )
            author = (
                f'<div class="author-block"><p class="author-name"><strong>'
                f"{esc(entry.author.full)}</strong></p>{role}</div>"
            )
        source = (
            f'<p class="source" style="text-align: right;"><em>Theo {esc(entry.source)}</em></p>'
            if entry.source
            else ""
        )
        newer, older = self.neighbours(entry, 3)
        related = "".join(
            f'<li><a href="{self.link(e)}">{esc(e.title)}</a> ({dates.websphere(e.published)})</li>'
            for e in newer + older
        )
        main = template("websphere_article")(
            title=esc(entry.title),
            date=dates.websphere(entry.published),
            author=author,
            lead=esc(body.paragraphs[0]),
            source=source,
            related=related,
            body=self.body_html(entry, self._paragraph, self._figure, skip_lead=True),
        )
        return self.layout(ctx, f"{entry.title} - {self.site.name}", main)

    @staticmethod
    def _paragraph(value: str) -> str:
        return f'<p style="text-align: justify;">{esc(value)}</p>'

    @staticmethod
    def _figure(src: str, caption: str) -> str:
        return (
            f'<div class="image"><p style="text-align: center;"><img src="{src}" width="560">'
            "</p>"
            f'<p style="text-align: center;"><em>{esc(caption)}</em></p></div>'
        )

    def _teasers(self, items: list[Entry]) -> str:
        return "".join(
            f'<div class="news-item"><h3><a href="{self.article_path(e)}">{esc(e.title)}</a></h3>'
            f'<span class="date">{dates.websphere(e.published)}</span>'
            f"<p>{esc(self.lead(e))}</p></div>\n"
            for e in items
        )

    def render_home(self, ctx: Ctx) -> str:
        featured = "".join(
            f'<li><a href="{self.link(e)}">{esc(e.title)}</a></li>'
            for e in self.model.aliased()[:5]
        )
        main = (
            f'<div class="featured"><h2>Tin nổi bật</h2><ul>{featured}</ul></div>'
            + self._teasers(self.model.live()[: self.page_size])
        )
        return self.layout(ctx, self.site.name, main)

    def render_listing(self, ctx: Ctx, category: int, page: int) -> str:
        items = self.model.in_category(category)
        pages = self.pages(len(items))
        pager = " ".join(
            f"<strong>{n}</strong>"
            if n == page
            else f'<a href="{self.page_path(category, n)}">{n}</a>'
            for n in range(max(1, page - 3), min(pages, page + 3) + 1)
        )
        if page < pages:
            pager += f' <a href="{self.page_path(category, page + 1)}">Trang sau</a>'
        main = (
            f"<h2>{esc(self.categories[category].name)}</h2>"
            + self._teasers(list(self.chunk(items, page) or []))
            + f'<div class="pager">{pager}</div>'
        )
        return self.layout(ctx, self.site.name, main)

    def render_about(self, ctx: Ctx, rest: str) -> str:
        site = self.site
        lines = (
            text.about_text(site.name, site.province)
            if rest.startswith("gioi-thieu")
            else chrome.footer_lines(site)[1:4]
        )
        return self.layout(ctx, site.name, chrome.paragraphs(lines))

    def render_city(self, ctx: Ctx, path: str) -> str:
        """The city portal around the school: real-looking, out of scope."""
        links = "".join(
            f'<li><a href="{p}">{esc(_CITY_NEWS[i])}</a></li>'
            for i, p in enumerate(self.outside_paths()[1:4])
        )
        state = untoken(path.rsplit("/", 2)[-2]) if "!ut" in path else None
        body = ""
        if state and state.startswith("c/"):
            title = _CITY_NEWS[int(state[2:])]
            body = (
                f"<h2>{esc(title)}</h2><p>{esc(title)}. Đây là tin của Cổng thông tin điện tử "
                f"thành phố, không thuộc trang của {esc(self.site.name)}.</p>"
            )
        main = (
            f"{body}<h2>Tin tức thành phố</h2><ul>{links}</ul>"
            f'<p><a href="{PREFIX}">{esc(self.site.name)}</a></p>'
            f'<p><a href="{self.outside_paths()[-1]}">Sở Nội vụ</a></p>'
        )
        return self.layout(ctx, f"Cổng thông tin điện tử thành phố {self.site.province}", main)
