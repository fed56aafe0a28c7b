import gzip

from archive.capture.feeds import looks_like_xml, parse_listing

SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>http://h/node/1</loc><lastmod>2023-05-01T10:00:00+07:00</lastmod></url>
<url><loc> http://h/node/2 </loc><lastmod>05/01/2023</lastmod></url>
</urlset>"""


def test_sitemap_keeps_only_w3c_lastmod():
    listing = parse_listing(SITEMAP)
    assert listing.kind == "urlset"
    assert [(e.url, e.lastmod) for e in listing.entries] == [
        ("http://h/node/1", "2023-05-01T10:00:00+07:00"),
        ("http://h/node/2", None),
    ]


def test_gzipped_index_rss_and_atom():
    index = b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>http://h/s1.xml</loc></sitemap></sitemapindex>'
    assert parse_listing(gzip.compress(index)).entries[0].url == "http://h/s1.xml"
    rss = b"<rss><channel><item><title>Tin</title><link>http://h/vi/news/a/b-1.html</link></item></channel></rss>"
    assert parse_listing(rss).kind == "rss" and parse_listing(rss).entries[0].url.endswith(
        "b-1.html"
    )
    atom = b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="http://h/x"/><updated>2024-01-01</updated></entry></feed>'
    assert parse_listing(atom).entries[0].url == "http://h/x"


def test_a_gzipped_sitemap_is_xml_whatever_its_type_says():
    """Old IIS and Apache label .xml.gz application/x-gzip or application/octet-stream."""
    sitemap = b"\xef\xbb\xbf<?xml version='1.0'?><urlset><url><loc>http://a/1</loc></url></urlset>"
    for content_type in ("application/x-gzip", "application/octet-stream", ""):
        assert looks_like_xml(gzip.compress(sitemap), content_type), content_type
    assert not looks_like_xml(gzip.compress(b"%PDF-1.4 not a sitemap"), "application/x-gzip")
    assert not looks_like_xml(b"\x1f\x8b broken gzip", "application/x-gzip")
    assert parse_listing(gzip.compress(sitemap)).entries[0].url == "http://a/1"


def test_garbage_is_unknown_not_an_error():
    assert parse_listing(b"\x00\xff garbage <<").entries == ()
    assert parse_listing(b"\x1f\x8b broken gzip").kind == "unknown"
    assert looks_like_xml(b"<?xml version='1.0'?><rss/>", "text/html") and not looks_like_xml(
        b"<html>", "text/html"
    )
