"""One bad attribute costs at most that field, never the article; whatever extraction
gives up on leaves a reason for ``pages.error``.

The fuzz tests elsewhere check that page analysis never raises, which the
``except`` around extraction guarantees by itself; these check what comes out.
"""

from __future__ import annotations

import threading
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from archive.extract import article as extraction
from archive.extract.dates import parse_timestamp
from archive.extract.page import analyze_page
from archive.sites.registry import Site
from tests.crawling import crawl

HOST = "127.0.0.9"
#: No URL shape says "article" here: the printed date decides the page's kind.
PLAIN_URL = f"http://{HOST}:8080/tin-tuc/hoi-nghi-so-ket-cong-tac-dang-1234.html"
#: A NukeViet article URL: an article whatever its metadata holds.
SHAPED_URL = f"http://{HOST}:8080/vi/news/tin-tuc/hoi-nghi-so-ket-cong-tac-dang-1234.html"
TITLE = "Hội nghị sơ kết công tác Đảng 6 tháng đầu năm"
BODY = "".join(
    f"<p>Đoạn văn thứ {i} của bài viết về hội nghị sơ kết công tác Đảng bộ "
    f"Trường Chính trị tỉnh, với đủ chữ để là một bài báo.</p>"
    for i in range(8)
)


def site(cms: str | None = None) -> Site:
    return Site(id="s", name="s", province="x", start_urls=(f"http://{HOST}:8080/",),
                allowed_domains=(HOST,), hints={"cms": cms} if cms else {})  # fmt: skip


def page(stamp: str, *, canonical: str = SHAPED_URL, lang: str = "vi") -> bytes:
    value, href, code = escape(stamp), escape(canonical), escape(lang)
    return (
        f'<html lang="{code}"><head><title>{TITLE}</title>'
        f'<meta property="article:published_time" content="{value}">'
        f'<link rel="canonical" href="{href}"></head>'
        f'<body><h1>{TITLE}</h1><a href="/vi/news/">Tin tức</a>'
        f'<div class="author">Tin, ảnh: Võ Thị Nhiên</div>{BODY}</body></html>'
    ).encode()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-06-16T10:00:60+07:00", ("2023-06-16", None)),  # a leap second, or a typo
        ("2023-06-16T10:00:00+25:00", ("2023-06-16", None)),  # no such offset
        ("2023-06-16T24:00:00+07:00", ("2023-06-16", None)),
        ("2023-06-16T10:00:59+07:00", ("2023-06-16", "10:00:59")),
    ],
)
def test_an_impossible_time_costs_the_time_not_the_day(value, expected):
    assert parse_timestamp(value) == expected


@pytest.mark.parametrize("stamp", ["2023-06-16T10:00:60+07:00", "2023-06-16T10:00:00+25:00"])
def test_a_malformed_metadata_timestamp_keeps_the_article(stamp):
    """The same page with ``:59`` is archived; so must this one be, with its day."""
    good = analyze_page(page("2023-06-16T10:00:59+07:00"), PLAIN_URL, site())
    bad = analyze_page(page(stamp), PLAIN_URL, site())
    assert good.kind == bad.kind == "article"
    assert bad.article is not None and good.article is not None
    assert bad.article.text == good.article.text and bad.article.title == TITLE
    assert (bad.article.date, bad.article.published_at) == ("2023-06-16", None)
    assert good.article.published_at == "2023-06-16T10:00:59+07:00"


def test_a_field_whose_finder_fails_is_empty_and_named(monkeypatch):
    """A bug in one field's finder: the rest of the article stays, and the row says why."""
    baseline = analyze_page(page("2023-06-16T10:00:00+07:00"), PLAIN_URL, site())
    assert baseline.article is not None and baseline.article.author == "Võ Thị Nhiên"

    def broken(*args: object) -> None:
        raise RuntimeError("selector tripped")

    monkeypatch.setattr(extraction, "find_credits", broken)
    result = analyze_page(page("2023-06-16T10:00:00+07:00"), PLAIN_URL, site())
    assert result.kind == "article" and result.article is not None
    assert result.article.author is None
    assert result.article.text == baseline.article.text
    assert result.article.date == "2023-06-16" and result.article.title == TITLE
    assert result.reason == "author: RuntimeError: selector tripped"


def test_a_page_extraction_gives_up_on_is_an_error_with_its_reason(monkeypatch):
    """The whole extraction failing is recorded (kind error, the reason), links still kept."""

    def broken(*args: object) -> None:
        raise RuntimeError("parser bug")

    monkeypatch.setattr(extraction, "body_paragraphs", broken)
    result = analyze_page(page("2023-06-16T10:00:00+07:00"), PLAIN_URL, site())
    assert result.kind == "error" and result.article is None
    assert result.reason == "extraction failed: RuntimeError: parser bug"
    assert f"http://{HOST}:8080/vi/news/" in result.links


TIMESTAMPS = st.from_regex(
    r"\A20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(\.[0-9]{1,6})?(Z|[+-][0-9]{2}:?[0-9]{2})?\Z"
)


@settings(max_examples=300, deadline=None)
@given(stamp=st.one_of(TIMESTAMPS, st.text(max_size=40)), other=st.text(max_size=40))
def test_hostile_metadata_never_costs_the_article(stamp, other):
    """Whatever the metadata hold, an article-shaped page keeps its text and title."""
    body = page(stamp, canonical=other, lang=other)
    result = analyze_page(body, SHAPED_URL, site("nukeviet"))
    assert result.kind == "article", result.reason
    assert result.article is not None and result.article.title == TITLE
    assert result.article.text.startswith("Đoạn văn thứ 0")
    assert result.article.date is None or parse_timestamp(result.article.date)


class OnePage(BaseHTTPRequestHandler):
    """A school site of one article whose metadata time has second 60."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        body, kind = page("2023-06-16T10:00:60+07:00", canonical=""), "text/html; charset=utf-8"
        if self.path == "/robots.txt":
            body, kind = b"User-agent: *\nAllow: /\n", "text/plain"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_a_crawl_archives_the_page_with_a_leap_second(tmp_path: Path):
    """Through the spider, the pipeline and SQLite: stored as an article, with its day."""
    httpd = ThreadingHTTPServer(("127.0.0.24", 0), OnePage)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.24:{httpd.server_address[1]}/tin-tuc/hoi-nghi-1234.html"
        sites = tmp_path / "sites.toml"
        sites.write_text(
            f'[[site]]\nid = "s"\nname = "S"\nprovince = "P"\nstart_urls = ["{url}"]\n'
        )
        done = crawl(tmp_path / "archive.db", sites)
    finally:
        httpd.shutdown()
        httpd.server_close()
    db = Database(tmp_path / "archive.db")
    rows = db.execute("select kind, error from pages where url = ?", [url]).fetchall()
    assert [tuple(r) for r in rows] == [("article", None)]
    row = db.execute("select title, published, published_at from articles").fetchone()
    assert tuple(row) == (TITLE, "2023-06-16", None), done.stderr
