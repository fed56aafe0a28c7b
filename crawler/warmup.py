"""Imported by the extraction workers' forkserver (crawler.workers) before it forks them.

Extraction loads much of what it needs at its first page (trafilatura and htmldate
are imported inside the functions that use them; selectors and patterns are compiled
on first use). Done in each worker at its first article, that held up a short crawl
by most of a second per worker. Analysing one small page here does it once, in the
server, and every worker forked from it starts warm.
"""

from __future__ import annotations

from archive.extract.page import analyze_page
from archive.sites.registry import Site

_PARAGRAPH = (
    "<p>Sáng ngày 12/3/2024, Trường Chính trị tỉnh tổ chức khai giảng lớp bồi dưỡng "
    "cán bộ; các học viên được nghe báo cáo về công tác xây dựng Đảng và hệ thống chính "
    "trị ở cơ sở trong tình hình mới.</p>"
)
PAGE = (
    "<html lang='vi'><head><title>Khai giảng lớp bồi dưỡng</title>"
    "<meta name='generator' content='NukeViet v4.5'></head><body>"
    "<div class='menu'><a href='/tin-tuc/'>Tin tức</a></div>"
    "<div class='news-detail'><h1 class='title'>Khai giảng lớp bồi dưỡng</h1>"
    "<span class='date'>12/03/2024 08:30</span><div class='author'>Tác giả: Minh An</div>"
    f"<div class='bodytext'>{_PARAGRAPH * 6}<em>Ảnh: Minh An</em></div></div>"
    "<footer>Bản quyền thuộc về Trường Chính trị tỉnh</footer></body></html>"
).encode()
SITE = Site(id="warmup", name="warm-up", province="", start_urls=("http://warmup.invalid/",),
            allowed_domains=("warmup.invalid",))  # fmt: skip


def warm() -> None:
    """One article analysed, its result discarded; and trafilatura's stoplist for jusText (its
    fallback on pages it extracts little from), built at the first such page otherwise:
    154,000 words of every language read from files, 0.1-0.3 s."""
    analyze_page(PAGE, "http://warmup.invalid/tin-tuc/khai-giang-123.html", SITE)
    try:
        from trafilatura import external

        if external.JT_STOPLIST is None:
            external.jt_stoplist_init()  # keeps it in external.JT_STOPLIST
    except Exception:  # noqa: BLE001 - another trafilatura: the stoplist is built when needed
        pass


warm()
