"""A crawl does not look again at a link it turned down (SchoolsSpider.declined, kept per
site): a link one site's feed names outside that site is still followed for its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.crawling import crawl
from tests.test_shapes import article_page, listing_page, serve

pytestmark = pytest.mark.e2e


@pytest.fixture
def two_sites() -> Iterator[tuple[str, str, dict[str, bytes], dict[str, bytes]]]:
    a_pages: dict[str, bytes] = {}
    b_pages: dict[str, bytes] = {}
    servers = [serve(a_pages, "127.0.0.26"), serve(b_pages, "127.0.0.27")]
    bases = [f"http://{s.server_address[0]}:{s.server_address[1]}" for s in servers]
    try:
        yield bases[0], bases[1], a_pages, b_pages
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def test_a_link_out_of_one_sites_scope_is_still_followed_for_its_own_site(
    tmp_path: Path, two_sites: tuple[str, str, dict[str, bytes], dict[str, bytes]]
):
    """Site A's feed lists site B's article (out of A's scope: turned down at once); B
    reaches it three listings deep, after A turned it down, and must archive it."""
    a, b, a_pages, b_pages = two_sites
    shared = "/bai-viet/hoi-nghi-so-ket-cong-tac-dao-tao.html"
    own = "/bai-viet/khai-giang-lop-boi-duong.html"  # A's own article: A must yield one
    a_pages["/"] = listing_page("Trang chủ A", [(own, "Khai giảng")])
    a_pages["/rss"] = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>A</title>'
        f"<item><title>Hội nghị</title><link>{b}{shared}</link></item></channel></rss>"
    ).encode()
    a_pages[own] = article_page("Khai giảng lớp bồi dưỡng cán bộ năm 2024", 3)
    for depth in range(3):
        nxt = f"/chuyen-muc/trang-{depth + 1}" if depth < 2 else shared
        b_pages["/" if depth == 0 else f"/chuyen-muc/trang-{depth}"] = listing_page(
            f"Chuyên mục {depth}", [(nxt, f"Mục {depth + 1}")]
        )
    b_pages[shared] = article_page("Hội nghị sơ kết công tác đào tạo năm 2024", 14)
    sites = tmp_path / "sites.toml"
    sites.write_text(
        "".join(f'[[site]]\nid = "{n}"\nname = "Trường {n}"\nprovince = "X"\n'
                f'start_urls = ["{base}/"]\nfeed_urls = ["{base}/rss"]\n\n'
                for n, base in (("a", a), ("b", b))),
        "utf-8",
    )  # fmt: skip
    done = crawl(tmp_path / "archive.db", sites, "--workers", "0")
    assert done.returncode == 0, done.stderr[-3000:]
    db = Database(tmp_path / "archive.db")
    rows = db.execute(
        "select a.site_id, u.url from article_urls u join articles a on a.id = u.article_id"
    )
    assert ("b", f"{b}{shared}") in list(rows)
