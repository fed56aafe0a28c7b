"""Page analysis and sitemap/feed parsing never crash or hang, whatever the bytes.

Hypothesis feeds random and mutated pages of the sample web (every CMS style:
articles, listings, print views, feeds, sitemaps) to ``analyze_page`` and
``parse_listing``, each example under a time limit. Deeply nested and
enormous documents run in a child process, with a time and a memory bound.
``extract_article`` has its own fuzz test in tests/test_extract.py; a longer
atheris run is part of ``benchmarks/chaos.py``.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.capture.feeds import Listing, parse_listing
from archive.extract.page import analyze_page
from archive.extract.records import PAGE_KINDS, PageResult
from archive.sites.registry import Site
from archive.sites.urls import canonical_url, in_scope
from sampleweb import build_sample_web
from sampleweb.core import dates
from sampleweb.core.pages import Ctx, Request
from sampleweb.core.routing import dispatch

#: Hypothesis warns that a failing page's repr is large while it reports the failure; as an
#: error that warning would hide the failure itself.
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")

EXAMPLE_SECONDS = 10  # one page, on a slow CI machine; typical pages take 20-100 ms


class Hang(Exception):
    pass


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Fail an example that runs too long (checked whenever Python code runs)."""

    def expired(signum: int, frame: object) -> None:
        raise Hang(f"over {seconds}s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@cache
def seeds() -> tuple[list[tuple[Site, str, bytes]], list[bytes]]:
    """Pages of every sample-web style (HTML) and their feeds and sitemaps (XML)."""
    web = build_sample_web(articles_per_site=6)
    bases = {m.site.id: f"http://{m.site.host()}:8080" for m in web.models}
    web.bind(bases)
    html: list[tuple[Site, str, bytes]] = []
    xml: list[bytes] = []
    for model in web.models:
        style, base = model.style, bases[model.site.id]
        site = Site(id=model.site.id, name="x", province="x", start_urls=(base + "/",),
                    allowed_domains=(model.site.host(),), path_prefix=model.site.path_prefix,
                    hints={"cms": model.site.cms})  # fmt: skip
        entry = model.entries[len(model.entries) // 2]
        paths = [style.article_path(entry), *style.alias_paths(entry)[:1],
                 *style.listing_paths()[:2], *style.other_paths()[:1]]  # fmt: skip
        for path in [*paths, *model.site.sitemap_paths, *model.site.feed_paths]:
            request = Request.make(model.site.id, base, path)
            response = dispatch(model, request, Ctx(base, datetime.now(dates.VN)))
            if "xml" in response.content_type or path in model.site.feed_paths:
                xml.append(response.body)
            elif response.status == 200:
                html.append((site, base + path, response.body))
    return html, xml


INSERTS = [
    b"<div>", b"</table>", b"<p", b"\xff\xfe", b"<!--", b"&#x", b"<script>", b"]]>",
    b"<![CDATA[", b'<meta charset="windows-1258">', b'<base href="http://evil.example.com/">',
    b'<a href="//evil.example.com/x">', b'<a href="javascript:alert(1)">', b"\x00",
    b"<frameset>", b"<?xml", b"<svg><a xlink:href='/x'>", "Thứ năm, 19/9/2019".encode(),
]  # fmt: skip


def mutate(draw: st.DrawFn, data: bytearray) -> bytes:
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["cut", "insert", "flip", "repeat", "truncate"]))
        if action == "cut":
            del data[at : at + draw(st.integers(1, 4000))]
        elif action == "insert":
            data[at:at] = draw(st.sampled_from(INSERTS)) * draw(st.integers(1, 50))
        elif action == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 200))] * draw(st.integers(2, 20))
        elif action == "truncate":
            del data[at:]
        elif data:
            data[min(at, len(data) - 1)] ^= draw(st.integers(1, 255))
    return bytes(data)


@st.composite
def html_pages(draw: st.DrawFn) -> tuple[Site, str, bytes]:
    site, url, body = draw(st.sampled_from(seeds()[0]))
    return site, url, mutate(draw, bytearray(body))


@st.composite
def listings(draw: st.DrawFn) -> bytes:
    body = mutate(draw, bytearray(draw(st.sampled_from(seeds()[1]))))
    return gzip.compress(body) if draw(st.booleans()) else body


def check_result(result: PageResult, site: Site) -> None:
    assert result.kind in PAGE_KINDS
    assert result.kind != "error" or result.reason  # nothing given up on without a reason
    for link in result.links:
        assert canonical_url(link) == link and in_scope(link, site), link
    if result.article is not None:
        assert result.kind == "article" and result.article.text.strip()
        assert unicodedata.is_normalized("NFC", result.article.text)


#: Examples per fuzz test; benchmarks/chaos.py raises it (TCT_FUZZ_EXAMPLES).
EXAMPLES = int(os.environ.get("TCT_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(page=html_pages(), encoding=st.sampled_from([None, "utf-8", "windows-1258", "latin-1",
                                                    "utf-16", "no-such-charset"]))  # fmt: skip
def test_analyze_page_never_raises_or_hangs_on_mutated_pages(page, encoding):
    site, url, body = page
    with time_limit(EXAMPLE_SECONDS):
        check_result(analyze_page(body, url, site, encoding=encoding), site)


@FUZZ
@given(body=st.one_of(st.binary(max_size=5000), st.text(max_size=5000).map(str.encode)))
def test_analyze_page_never_raises_on_random_bytes(body):
    site, url, _ = seeds()[0][0]
    with time_limit(EXAMPLE_SECONDS):
        check_result(analyze_page(body, url, site), site)


@settings(max_examples=2 * EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=st.one_of(listings(), st.binary(max_size=3000)))
def test_parse_listing_never_raises_or_hangs(body):
    with time_limit(EXAMPLE_SECONDS):
        listing = parse_listing(body)
    assert isinstance(listing, Listing)
    assert listing.kind in ("urlset", "sitemapindex", "rss", "atom", "unknown")
    assert all(isinstance(e.url, str) and e.url for e in listing.entries)


def test_the_seeds_cover_every_style():
    html, xml = seeds()
    assert len({site.id for site, _, _ in html}) == 7 and len(html) >= 30 and len(xml) >= 5
    for site, url, body in html:
        check_result(analyze_page(body, url, site), site)
    assert any(parse_listing(body).entries for body in xml)


# --- monsters, each in a child process with a time and memory bound -------------------

MONSTERS = {
    "nested-100k-div": 'b"<html><body>" + b"<div>" * 100_000 + b"x" + b"</div>" * 100_000',
    "nested-100k-unclosed": 'b"<html><body>" + b"<div><p><span><b>" * 100_000',
    "nested-100k-table": 'b"<table><tr><td>" * 100_000',
    "text-50MB": 'b"<html><body><p>" + "Nghị quyết đào tạo ".encode() * 2_200_000',
    "paragraphs-50MB": 'b"<html><body>" + b"<p>ab</p>" * 5_000_000',
    "links-300k": """b"<html><body>" + b"".join(
        b'<a href="/tin-%d.html">Tin so %d ve cong tac dao tao boi duong</a>' % (i, i)
        for i in range(300_000))""",
    "one-attribute-20MB": 'b"<html><body><a href=\\"/" + b"x" * 20_000_000 + b"\\">x</a>"',
    "comment-never-closed": 'b"<html><body><p>a</p><!--" + b"-" * 30_000_000',
}
#: A hang guard, not a speed figure (benchmarks/public_limits.py and extract_speed.py measure):
#: the crawler abandons a page after ARCHIVE_EXTRACT_TIMEOUT (60 s).
MONSTER_SECONDS = 40
MONSTER_MB = 1500

CHILD = """
import json, resource, sys, time
from archive.extract.page import analyze_page
from archive.sites.registry import Site
site = Site(id="s", name="s", province="p", start_urls=("http://127.0.0.9/",),
            allowed_domains=("127.0.0.9",))
body = {expr}
started = time.monotonic()
result = analyze_page(body, "http://127.0.0.9/a.html", site)
print(json.dumps({{"seconds": time.monotonic() - started, "kind": result.kind,
                   "links": len(result.links), "article": result.article is not None,
                   "mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def run_child(code: str, timeout: float) -> dict:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=timeout)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", list(MONSTERS))
def test_monster_documents_are_cut_off_safely(name):
    report = run_child(CHILD.format(expr=MONSTERS[name]), timeout=MONSTER_SECONDS * 2)
    assert report["mb"] < MONSTER_MB, report
    assert report["kind"] in PAGE_KINDS


LISTING_CHILD = """
import json, resource, time, zlib
from archive.capture.feeds import parse_listing
body = {expr}
started = time.monotonic()
listing = parse_listing(body)
print(json.dumps({{"seconds": time.monotonic() - started, "kind": listing.kind,
                   "entries": [e.url for e in listing.entries[:3]], "count": len(listing.entries),
                   "mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""
LAUGHS = "".join(
    f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
)  # fmt: skip
XML_MONSTERS = {
    "billion-laughs": (
        f"""b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY l0 "lol">{LAUGHS}]>'"""
        """ b'<urlset><url><loc>http://a/&l9;</loc></url></urlset>'"""
    ),
    "external-entity": (
        """b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>'"""
        """ b'<urlset><url><loc>http://a/&x;</loc></url></urlset>'"""
    ),
    "gzip-bomb-1GB": (  # 1 GB inflated from 1 MB, compressed in pieces to stay small here
        "(lambda c: c.compress(b'<urlset><url><loc>http://a/b</loc></url>') + b''.join("
        "c.compress(b' ' * 1_000_000) for _ in range(1000)) + c.flush())"
        "(zlib.compressobj(6, zlib.DEFLATED, 31))"
    ),
    "nested-100k": "b'<?xml version=\"1.0\"?><urlset>' + b'<url>' * 100_000",
    "sitemap-500k-urls": """b"<urlset>" + b"".join(
        b"<url><loc>http://a/%d</loc></url>" % i for i in range(500_000)) + b"</urlset>\"""",
}


@pytest.mark.parametrize("name", list(XML_MONSTERS))
def test_monster_sitemaps_are_cut_off_safely(name):
    report = run_child(LISTING_CHILD.format(expr=XML_MONSTERS[name]), timeout=MONSTER_SECONDS * 3)
    assert not any("root:" in url or "lollol" in url for url in report["entries"]), report
    if name == "gzip-bomb-1GB":
        assert report["mb"] < MONSTER_MB, report  # inflated no further than the 50 MB limit
