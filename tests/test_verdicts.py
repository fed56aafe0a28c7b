"""A listing that shows again what it showed when read is taken unread, for its links
(archive.extract.verdicts): the noise of a visit must not make it read, and a page
become an article, another site entry or other rules must."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html import escape
from pathlib import Path

import lxml.html
import pytest
from sqlite_utils import Database

from archive.extract import verdicts
from archive.extract.page import analyze_page
from archive.sites.registry import Site
from crawler.spiders.schools import LISTINGS_BY_SHAPE, LISTINGS_UNCHANGED
from tests.crawling import crawl
from tests.test_shapes import article_page, build_categorised_web, listing_page, web_server

__all__ = ["web_server"]  # the fixture, from tests/test_shapes.py

SITE = Site(id="v", name="Trường Chính trị", province="X", start_urls=("http://v.test/",),
            allowed_domains=("v.test",))  # fmt: skip
ORIGIN = "http://v.test"
URL = f"{ORIGIN}/chuyen-muc/tin-tuc"
LINKS = [(f"/bai-viet/hoi-nghi-so-{n}.html", f"Hội nghị sơ kết công tác đào tạo số {n}")
         for n in range(1, 11)]  # fmt: skip


WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
RANDOM_BOX = ["Lễ khai giảng lớp bồi dưỡng", "Hội thao truyền thống", "Tham quan thực tế",
              "Hội nghị cán bộ viên chức", "Trao bằng tốt nghiệp"]  # fmt: skip


MENU = ("<ul class='menu'>" + "".join(f"<li><a href='/{m}/'>{t}</a></li>" for m, t in [
    ("gioi-thieu", "Giới thiệu"), ("tin-tuc", "Tin tức - Sự kiện"), ("dao-tao", "Đào tạo, bồi dưỡng"),
    ("nghien-cuu", "Nghiên cứu khoa học"), ("van-ban", "Văn bản"), ("lien-he", "Liên hệ")])
    + "</ul>")  # fmt: skip
FOOTER = ("<footer>Bản quyền thuộc về Trường Chính trị tỉnh. Địa chỉ: số 12 đường "
          "Nguyễn Trãi, phường 3, thành phố Cao Lãnh. Điện thoại: 0277 3851 234. Chịu trách "
          "nhiệm nội dung: Hiệu trưởng. Ghi rõ nguồn khi phát hành lại thông tin từ website "
          "này.</footer>")  # fmt: skip


def noisy_page(links: list[tuple[str, str]], visit: int) -> bytes:
    """A category page with what changes at every visit on real school sites: NukeViet's
    visit counters, the header's weekday and date, a random photo box, a form token."""
    items = "".join(
        f"<li class='news-item'><h3><a href='{href}'>{escape(text)}</a></h3>"
        f"<p class='sapo'>Trường Chính trị tỉnh tổ chức {escape(text.lower())} với sự tham dự "
        f"của Ban Giám hiệu, các khoa, phòng và học viên lớp trung cấp lý luận chính trị - "
        f"hành chính; hội nghị đánh giá kết quả và đề ra nhiệm vụ thời gian tới.</p></li>"
        for href, text in links
    )
    page = (
        f"<html lang='vi'><head><meta charset='utf-8'><title>Tin tức</title></head><body>{MENU}"
        f"<h2>Tin tức</h2><ul class='news-list'>{items}</ul>{FOOTER}</body></html>"
    )
    shown = RANDOM_BOX[visit % 5 :] + RANDOM_BOX[: visit % 5]
    noise = (
        f"<div class='header-date'>{WEEKDAYS[visit % 7]}, ngày {visit % 28 + 1:02d}/12/2026</div>"
        f"<div class='counter'>Số người online : {visit} Hôm nay : {4400 + visit}</div>"
        f"<div class='random-photo'>{''.join(f'<p>{c}</p>' for c in shown[:3])}</div>"
        f"<form><input type='hidden' name='token' value='{visit * 7919:x}a{visit}'></form>"
    )
    return page.replace("</body>", f"{noise}</body>").encode()


#: tests/blind18's open sites, by a helper who never saw these rules, and for each the two
#: states between which the school published nothing: only the noise of its pages changed
#: (counters, the header's weekday, random boxes, form and view-state tokens, banners).
BLIND18 = Path(__file__).parent / "blind18" / "recrawl"
QUIET = {"b1": ("site.later.json", "site.latest.json"), "b2": ("site.json", "site.later.json"),
         "b3": ("site.later.json", "site.latest.json"), "b4": ("site.json", "site.later.json"),
         "b5": ("site.later.json", "site.latest.json")}  # fmt: skip


def test_a_listing_shown_again_is_taken_unread_with_its_own_links():
    """Every listing of the blind recrawl web's quiet transitions, read in the first state,
    is taken unread in the second, with the second's links."""
    taken = 0
    for folder in sorted(BLIND18.iterdir()):
        before, after = (
            json.loads((folder / n).read_text("utf-8")) for n in QUIET[folder.name[:2]]
        )
        site = replace(SITE, id=folder.name)
        for path, name in before["routes"].items():
            if path in after["articles"] or path not in after["routes"] or ".htm" not in name:
                continue
            read = analyze_page((folder / name).read_bytes(), ORIGIN + path, site)
            if read.kind != "listing":
                continue
            body = (folder / after["routes"][path]).read_bytes()
            again = analyze_page(body, ORIGIN + path, site, listing_key=read.listing_key)
            assert again.kind == "listing" and not again.by_content, (folder.name, path)
            assert again.listing_key == read.listing_key
            assert again.links == analyze_page(body, ORIGIN + path, site).links
            taken += 1
    assert taken >= 20


@pytest.mark.parametrize("change", ["article-now", "site-entry", "new-headlines"])
def test_a_listing_changed_in_any_other_way_is_read_again(change: str):
    """An article's text where the listing was, another registry entry for the site, or a
    page of headlines mostly new."""
    read = analyze_page(noisy_page(LINKS, 4), URL, SITE)
    body, site = noisy_page(LINKS, 4), SITE
    if change == "article-now":
        body = article_page("Hội nghị sơ kết công tác đào tạo năm 2024", 12)
    elif change == "site-entry":
        site = replace(SITE, name="Trường Chính trị tỉnh (sau sáp nhập)")
    else:
        fresh = [(f"/bai-viet/tin-moi-{n}.html", f"{title} khóa {n}") for n, title in
                 enumerate(["Khai giảng lớp trung cấp", "Tổng kết năm học", "Hội thi giảng viên giỏi",
                            "Bồi dưỡng đảng viên mới"], 40)]  # fmt: skip
        body = noisy_page([*fresh, LINKS[0]], 4)
    again = analyze_page(body, URL, site, listing_key=read.listing_key)
    assert again.by_content and again.listing_key != read.listing_key
    if change == "article-now":
        assert again.kind == "article" and again.article is not None and again.listing_key is None
    if change == "new-headlines":
        assert "http://v.test/bai-viet/tin-moi-40.html" in again.links


def test_a_key_from_other_rules_or_unreadable_is_never_taken():
    tree = lxml.html.document_fromstring(noisy_page(LINKS, 4))
    key = verdicts.listing_key(tree, SITE)
    assert verdicts.shows_again(tree, SITE, key)
    rules, _, sketch = key.partition(":")
    assert not verdicts.shows_again(tree, SITE, f"{'0' * len(rules)}:{sketch}")
    assert not verdicts.shows_again(tree, SITE, f"{rules}:not-hex")
    short = lxml.html.document_fromstring(listing_page("Tin", LINKS[:1]))  # a few words
    assert not verdicts.shows_again(short, SITE, verdicts.listing_key(short, SITE))


def taken(stderr: str, stat: str) -> int:
    found = re.search(rf"'{stat}': (\d+)", stderr)
    return int(found[1]) if found else 0


@pytest.mark.e2e
def test_a_recrawl_reads_only_the_listing_that_changed(
    tmp_path: Path, web_server: tuple[dict[str, bytes], str]
):
    """The first crawl keeps the key of each listing it read; the second, of an unchanged
    site, takes every listing unread (by its key, or by its shape for those taken so the
    first time, and the home page by its place); the third finds the new article one
    category shows (the category read again or, alike enough, taken for its links)."""
    pages, base = web_server
    pages.update(build_categorised_web(12))
    sites = tmp_path / "sites.toml"
    sites.write_text(f'[[site]]\nid = "cm"\nname = "Trường Chính trị"\nprovince = "X"\n'
                     f'start_urls = ["{base}/"]\n', "utf-8")  # fmt: skip
    db_path = tmp_path / "archive.db"
    assert crawl(db_path, sites).returncode == 0
    db = Database(db_path)
    keys = dict(db.execute("select url, listing_key from pages where listing_key is not null"))
    assert len(keys) >= 3 and all("/chuyen-muc/" in url for url in keys)  # the categories read
    again = crawl(db_path, sites, "--log-level", "INFO")
    assert again.returncode == 0, again.stderr[-3000:]
    assert taken(again.stderr, LISTINGS_UNCHANGED) == len(keys)
    assert taken(again.stderr, LISTINGS_UNCHANGED) + taken(again.stderr, LISTINGS_BY_SHAPE) == 13
    category = next(url for url in keys if "/chuyen-muc/" in url)
    path = category.removeprefix(base)
    pages["/bai-viet/khai-giang-lop-moi.html"] = article_page("Khai giảng lớp bồi dưỡng mới", 20)
    pages[path] = pages[path].replace(
        b'<ul class="news-list">',
        b'<ul class="news-list"><li class="news-item"><a href="/bai-viet/khai-giang-lop-moi'
        b'.html">Khai gi\xe1\xba\xa3ng l\xe1\xbb\x9bp b\xe1\xbb\x93i d\xc6\xb0\xe1\xbb\xa1ng</a></li>',
    )
    third = crawl(db_path, sites, "--log-level", "INFO")
    assert third.returncode == 0, third.stderr[-3000:]
    assert taken(third.stderr, LISTINGS_UNCHANGED) >= len(keys) - 1
    assert db.execute("select count(*) from articles").fetchone()[0] == 61
    assert db.execute("select 1 from article_urls where url = ?",
                      [f"{base}/bai-viet/khai-giang-lop-moi.html"]).fetchone()  # fmt: skip
