"""What a crawl of real loopback servers must do with gzipped sitemaps typed as binary, a
redirect to another port of the same host, and binary bytes labelled text/html (issue 19)."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from random import Random

import pytest
from crawling import crawl
from sqlite_utils import Database

from archive.sites.urls import canonical_url
from sampleweb import Response, SampleWebServer, build_sample_web

pytestmark = pytest.mark.e2e
SITE = "nukeviet"
BINARY = "/vi/news/tin-tuc-su-kien/bang-diem-hoc-vien-9999.html"
MOVED = "/vi/news/tin-tuc-su-kien/bai-da-chuyen-9998.html"


@dataclass
class Crawled:
    db: Database
    listed: list[str]  # article URLs that only the gzipped sitemaps list
    base: str
    elsewhere: str  # the same host on another port, where MOVED redirects


def urlset(urls: list[str]) -> bytes:
    entries = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    return gzip.compress(
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + entries.encode()
        + b"</urlset>"
    )


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Crawled:
    tmp = tmp_path_factory.mktemp("hardening")
    web, other = (build_sample_web(articles_per_site=4, sites=1) for _ in range(2))
    with SampleWebServer(web) as server, SampleWebServer(other) as second:
        base, elsewhere = server.urls[SITE], second.urls[SITE]
        assert base.rsplit(":", 1)[0] == elsewhere.rsplit(":", 1)[0] and base != elsewhere
        articles = [server.url_for(a) for a in web.articles if a.site_id == SITE]
        unlisted = articles[3].replace(base, elsewhere)  # the same page on the other port
        home = (
            f'<html><body><a href="{BINARY}">Bảng điểm</a> <a href="{MOVED}">Tin</a></body></html>'
        )
        server.faults["/trong.html"] = lambda r: Response(200, home.encode())  # no article listed
        server.faults["/sitemap-news.xml.gz"] = lambda r: Response(
            200, urlset(articles[:2]), "application/x-gzip"
        )
        server.faults["/sitemap-pages.xml.gz"] = lambda r: Response(
            200, urlset([articles[2], base + BINARY, base + MOVED]), "application/octet-stream"
        )
        server.faults[BINARY] = lambda r: Response(200, Random(9).randbytes(50_000), "text/html")
        server.faults[MOVED] = lambda r: Response(301, b"", "", {"Location": unlisted})
        sites = tmp / "sites.toml"
        sites.write_text(
            f'[[site]]\nid = "{SITE}"\nname = "Trường"\nprovince = "Đồng Tháp"\n'
            f"start_urls = {json.dumps([base + '/trong.html'])}\n"
            f"sitemap_urls = {json.dumps([base + '/sitemap-news.xml.gz', base + '/sitemap-pages.xml.gz'])}\n"
            f'hints = {{ cms = "{SITE}" }}\n',
            encoding="utf-8",
        )
        done = crawl(tmp / "archive.db", sites)
        assert done.returncode == 0, done.stderr[-3000:]
    return Crawled(Database(tmp / "archive.db"), articles[:3], base, elsewhere)


def page(crawled: Crawled, path: str) -> dict:
    return next(
        crawled.db.query("select * from pages where url = ?", [canonical_url(crawled.base + path)])
    )


def test_gzipped_sitemaps_typed_as_binary_are_read(crawled):
    for path in ("/sitemap-news.xml.gz", "/sitemap-pages.xml.gz"):
        assert page(crawled, path)["kind"] == "listing", path
    stored = {r["url"] for r in crawled.db.query("select url from article_urls")}
    assert {canonical_url(u) for u in crawled.listed} <= stored


def test_a_redirect_to_another_port_is_refused(crawled):
    moved = page(crawled, MOVED)
    assert moved["kind"] == "error"
    assert moved["error"].startswith("RedirectRefused: redirect to another port")
    port = crawled.elsewhere.rsplit(":", 1)[1]
    urls = crawled.db.query(
        "select url, final_url from pages union all select url, null from article_urls"
    )
    assert [r for r in urls if f":{port}/" in f"{r['url']} {r['final_url']}"] == []


def test_binary_labelled_html_is_not_an_article(crawled):
    binary = page(crawled, BINARY)
    assert binary["kind"] == "other" and binary["article_id"] is None
    assert binary["error"].startswith("not text: ")
    url = canonical_url(crawled.base + BINARY)
    assert list(crawled.db.query("select article_id from article_urls where url = ?", [url])) == []


def test_text_is_text():
    from archive.extract.charset import not_text

    assert not_text(Random(1).randbytes(4096))
    for body in (
        "<p>Đảng ủy</p>".encode(),
        "<p>Đảng ủy</p>".encode("utf-16"),
        b"<p>" + b"a" * 1000 + b"\x00</p>",
        b"",
    ):
        assert not_text(body) is None, body[:20]
