"""A URL shape's listing verdict lets the crawl skip reading a page: a wrong one loses
articles. Sites whose category pages and articles share one shape (``/tin/<slug>`` for
both, WebSphere's opaque ``!ut/p/z0/...``) must lose none, whatever order the pages come in.
"""

from __future__ import annotations

import re
import subprocess
import threading
from collections.abc import Iterator
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlite_utils import Database

from archive.extract.shapes import AUDIT_EVERY, HANDED_KEPT, ShapeBook
from crawler.spiders.schools import LISTINGS_BY_SHAPE, SHAPE_REREAD
from tests.crawling import crawl
from tests.redisserver import RedisServer, ingest_command, worker_command

HOST = "127.0.0.23"
CATEGORIES = ["hoat-dong-dao-tao", "nghien-cuu-khoa-hoc", "cong-tac-dang", "doan-the",
              "tin-tong-hop", "thong-bao-moi", "van-ban-chi-dao", "guong-dien-hinh"]  # fmt: skip
TOPICS = {"hoi-nghi-so-ket": "Hội nghị sơ kết", "khai-giang-lop": "Khai giảng lớp",
          "be-giang-lop": "Bế giảng lớp", "hoi-thao-khoa-hoc": "Hội thảo khoa học",
          "tong-ket-nam-hoc": "Tổng kết năm học"}  # fmt: skip
WORDS = ("Trường Chính trị tỉnh tổ chức hội nghị sơ kết công tác đào tạo, bồi dưỡng cán bộ "
         "với sự tham dự của các đồng chí trong Ban Giám hiệu, giảng viên và học viên các lớp "
         "trung cấp lý luận chính trị, hành chính đang học tập tại trường.")  # fmt: skip


def article_page(title: str, day: int) -> bytes:
    paragraphs = "".join(f"<p>{WORDS} Đoạn {i} của bài «{escape(title)}».</p>" for i in range(7))
    return (
        f'<html lang="vi"><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
        f'<body><div class="menu"><a href="/">Trang chủ</a></div><div class="content">'
        f'<h1>{escape(title)}</h1><p class="date">Ngày {day:02d}/03/2024</p>{paragraphs}'
        f'<p class="author">Tin, ảnh: Nguyễn Văn An</p></div></body></html>'
    ).encode()


def listing_page(title: str, links: list[tuple[str, str]]) -> bytes:
    items = "".join(
        f'<li class="news-item"><a href="{href}">{escape(text)}</a></li>' for href, text in links
    )
    return (
        f'<html lang="vi"><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
        f'<body><div class="menu"><a href="/">Trang chủ</a></div><h2>{escape(title)}</h2>'
        f'<ul class="news-list">{items}</ul></body></html>'
    ).encode()


def build_web(featured: bool) -> tuple[dict[str, bytes], list[str]]:
    """Eight category pages ``/tin/<name>`` list five articles each, ``/tin/<slug>`` too:
    one shape. ``featured``: the home page also shows three articles of another shape
    (``/bai-viet/<slug>.html``), so the site's articles are confirmed before its
    categories are read."""
    pages: dict[str, bytes] = {}
    articles: list[str] = []
    home: list[tuple[str, str]] = []
    for c, category in enumerate(CATEGORIES):
        links = []
        for t, (topic, words) in enumerate(TOPICS.items()):
            path, title = f"/tin/{topic}-{category}", f"{words} {category.replace('-', ' ')}"
            pages[path] = article_page(title, 1 + (c * 5 + t) % 28)
            links.append((path, title))
            articles.append(path)
        pages[f"/tin/{category}"] = listing_page(category.replace("-", " "), links)
        home.append((f"/tin/{category}", category.replace("-", " ")))
    if featured:
        for t, (topic, words) in enumerate(TOPICS.items()):
            path = f"/bai-viet/{topic}-noi-bat.html"
            pages[path] = article_page(f"{words} nổi bật của trường", t + 1)
            home.insert(0, (path, f"{words} nổi bật của trường"))
            articles.append(path)
    pages["/"] = listing_page("Trang chủ", home)
    return pages, articles


def serve(pages: dict[str, bytes], host: str) -> ThreadingHTTPServer:
    """``pages`` (path -> body, changed at will) served on ``host``; ``/rss`` as a feed."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            body = pages.get(self.path)
            self.send_response(200 if body is not None else 404)
            kind = "application/rss+xml" if self.path == "/rss" else "text/html; charset=utf-8"
            self.send_header("Content-Type", kind)
            self.end_headers()
            self.wfile.write(body or b"<html><body>404</body></html>")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer((host, 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def web_server() -> Iterator[tuple[dict[str, bytes], str]]:
    pages: dict[str, bytes] = {}
    server = serve(pages, HOST)
    try:
        yield pages, f"http://{HOST}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("featured", "redis"),
    [(False, False), (True, False), (True, True)],
    ids=["categories-first", "articles-first", "articles-first-redis-mode"],
)
def test_articles_sharing_their_categories_shape_are_all_archived(
    tmp_path: Path, web_server: tuple[dict[str, bytes], str], featured: bool, redis: bool
):
    """Breadth first, the eight categories are read before their articles. Without any
    other article shape, their shape is no listing's (categories-first); with one, it is,
    until the audit reads an article under it, and the pages it was handed are read again
    (articles-first), in Redis mode too (a worker of three lost six of 200 articles so)."""
    pages, base = web_server
    built, articles = build_web(featured)
    pages.update(built)
    sites = tmp_path / "sites.toml"
    sites.write_text(f'[[site]]\nid = "tin"\nname = "Trường Chính trị"\nprovince = "X"\n'
                     f'start_urls = ["{base}/"]\n', "utf-8")  # fmt: skip
    if redis:
        crawl_with_redis(tmp_path, sites)
    else:
        done = crawl(tmp_path / "archive.db", sites)
        assert done.returncode == 0, done.stderr[-3000:]
    db = Database(tmp_path / "archive.db")
    stored = {row["url"] for row in db.query("select url from article_urls")}
    missing = [path for path in articles if f"{base}{path}" not in stored]
    assert not missing, missing
    read = {r["url"] for r in db.query("select url from pages where kind != 'article'")}
    assert read == {f"{base}/", *(f"{base}/tin/{c}" for c in CATEGORIES)}  # none taken for one
    message = db.execute("select message from crawl_sites").fetchone()[0] or ""
    assert (SHAPE_REREAD in message) is featured, message


def crawl_with_redis(tmp_path: Path, sites: Path) -> None:
    """One worker and the writer."""
    db = tmp_path / "archive.db"
    with RedisServer(tmp_path / "redis") as server:
        worker = worker_command(server.url, db, sites, "w0")
        writer = subprocess.Popen(ingest_command(server.url, db, sites), stderr=subprocess.PIPE)
        try:
            done = subprocess.run(worker, capture_output=True, text=True, timeout=300)
            assert done.returncode == 0, done.stderr[-3000:]
            assert writer.wait(timeout=300) == 0
        finally:
            writer.kill()
            writer.communicate()


def test_a_listing_verdict_waits_for_the_sites_articles_under_another_shape():
    book = ShapeBook()
    for n in range(4):
        book.record(f"http://h/tin/chuyen-muc-{n}", "listing")
    assert book.trusted == {}  # where this site's articles are is not known yet
    for n in range(3):
        book.record(f"http://h/bai-viet/bai-so-{n}.html", "article")
    book.record("http://h/tin/chuyen-muc-9", "listing")
    assert book.trusted == {"/bai-viet/~#.html": "article", "/tin/~#": "listing"}


def test_an_article_under_a_listing_verdict_withdraws_it_and_gives_its_pages_back():
    book = ShapeBook()
    for n in range(3):
        book.record(f"http://h/bai-viet/bai-so-{n}.html", "article")
    for n in range(3):
        book.record(f"http://h/tin/chuyen-muc-{n}", "listing")
    handed = []
    for n in range(10, 10 + AUDIT_EVERY - 1):
        assert book.for_page(f"http://h/tin/bai-{n}")["/tin/~#"] == "listing"
        book.hand(f"http://h/tin/bai-{n}", 2)
        handed.append((f"http://h/tin/bai-{n}", 2))
    book.hand("http://h/bai-viet/bai-so-7.html", 1)  # no listing verdict: not kept
    assert "/tin/~#" not in book.for_page("http://h/tin/bai-99")  # the audit reads it
    assert book.record("http://h/tin/bai-99", "article") == handed
    for n in range(20):  # listings again, enough to confirm it twice over: never again
        book.record(f"http://h/tin/chuyen-muc-{20 + n}", "listing")
    assert "/tin/~#" not in book.trusted and book.record("http://h/tin/bai-5", "article") == []


def test_the_pages_kept_to_read_again_are_bounded():
    book = ShapeBook()
    for n in range(3):
        book.record(f"http://h/bai-viet/bai-so-{n}.html", "article")
        book.record(f"http://h/tin/chuyen-muc-{n}", "listing")
    book.record("http://h/tin/chuyen-muc-3", "listing")
    for n in range(HANDED_KEPT + 7):
        book.hand(f"http://h/tin/trang-{n}", 1)
    again = book.record("http://h/tin/bai-1", "article")
    assert len(again) == HANDED_KEPT and again[0] == ("http://h/tin/trang-7", 1)


def build_categorised_web(categories: int) -> dict[str, bytes]:
    """A home page, ``categories`` listings ``/chuyen-muc/<name>`` of five articles
    ``/bai-viet/<slug>.html`` each: listings and articles of distinct shapes."""
    pages: dict[str, bytes] = {}
    home = []
    for c in range(categories):
        name = f"{CATEGORIES[c % len(CATEGORIES)]}-{c}"
        links = []
        for t, (topic, words) in enumerate(TOPICS.items()):
            path, title = (
                f"/bai-viet/{topic}-{name}.html",
                f"{words} {name.replace('-', ' ')} năm 2024",
            )
            pages[path] = article_page(title, 1 + (c * 5 + t) % 28)
            links.append((path, title))
        pages[f"/chuyen-muc/{name}"] = listing_page(name.replace("-", " "), links)
        home.append((f"/chuyen-muc/{name}", name.replace("-", " ")))
    pages["/"] = listing_page("Trang chủ", home)
    return pages


@pytest.mark.e2e
@pytest.mark.parametrize(("kept", "taken"), [(True, 11), (False, 10)], ids=["kept", "not-kept"])
def test_a_recrawl_takes_listings_by_their_shape(
    tmp_path: Path, web_server: tuple[dict[str, bytes], str], kept: bool, taken: int
):
    """A recrawl of an unchanged site fetches its listings and no article. What the first
    crawl found each URL shape to be is kept (``url_shapes``), so one category read
    confirms the listings' shape: the other eleven are taken by it, but the tenth, read as
    an audit (11 with the home page, a listing by its place). Without those rows (an archive
    from before they were kept), the archived articles the listings link confirm where the
    site's articles are, and three categories are read (10). Before either, all were read."""
    pages, base = web_server
    pages.update(build_categorised_web(12))
    sites = tmp_path / "sites.toml"
    sites.write_text(f'[[site]]\nid = "cm"\nname = "Trường Chính trị"\nprovince = "X"\n'
                     f'start_urls = ["{base}/"]\n', "utf-8")  # fmt: skip
    first = crawl(tmp_path / "archive.db", sites)
    assert first.returncode == 0, first.stderr[-3000:]
    db = Database(tmp_path / "archive.db")
    shapes = {(r["shape"], r["kind"]): r["pages"] for r in db.query("select * from url_shapes")}
    assert shapes == {("/chuyen-muc/~#", "listing"): 12, ("/bai-viet/~#.html", "article"): 60}
    if not kept:
        db.execute("delete from url_shapes")
    db.execute("update pages set listing_key = null")  # every listing to its shape's verdict
    db.conn.commit()
    again = crawl(tmp_path / "archive.db", sites, "--log-level", "INFO")
    assert again.returncode == 0, again.stderr[-3000:]
    assert db.execute("select count(*) from articles").fetchone()[0] == 60
    listings = "select count(*) from pages where kind = 'listing' and crawl_id = 2"
    assert db.execute(listings).fetchone()[0] == 13  # the home page and every category
    found = re.search(rf"'{LISTINGS_BY_SHAPE}': (\d+)", again.stderr)
    assert found and int(found[1]) == taken, again.stderr[-3000:]


def test_a_new_crawl_starts_from_what_earlier_crawls_found():
    """Seeded counts are one page short of a verdict; an article read under a shape in an
    earlier crawl keeps it from a listing verdict; the totals add this crawl's reads."""
    book = ShapeBook()
    book.seed("/bai-viet/~#.html", {"article": 60})
    book.seed("/tin/~#", {"listing": 40, "article": 1})  # categories, and once an article
    book.seed("/chuyen-muc/~#", {"listing": 12})
    assert book.trusted == {}
    book.record("http://h/chuyen-muc/mot-1", "listing")
    assert book.trusted == {"/chuyen-muc/~#": "listing"}  # articles confirmed elsewhere before
    for n in range(5):
        book.record(f"http://h/tin/trang-{n}", "listing")
    assert "/tin/~#" not in book.trusted
    assert book.totals() == {
        "/bai-viet/~#.html": {"article": 60},
        "/tin/~#": {"listing": 45, "article": 1},
        "/chuyen-muc/~#": {"listing": 13},
    }
