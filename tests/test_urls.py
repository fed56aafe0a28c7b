import pytest

from archive.sites.registry import Site
from archive.sites.urls import canonical_url, in_scope, request_url


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTP://Example.COM:80/a/b?z=1&a=2#frag", "http://example.com/a/b?a=2&z=1"),
        ("http://h/a?utm_source=fb&id=3&fbclid=xyz", "http://h/a?id=3"),
        (
            "http://h/(S(abcdef12345))/ArticleDetail.aspx?_Article_ID=3",
            "http://h/ArticleDetail.aspx?_Article_ID=3",
        ),
        ("http://h/list.aspx?cat=2&ASPSESSIONIDQQ=AB12", "http://h/list.aspx?cat=2"),
        ("http://h/list.aspx?cat=2&sid=5f0c3a9e1b7d2c4a6e8f0a1b", "http://h/list.aspx?cat=2"),
        ("http://h/a.php?PHPSESSID=9&id=2", "http://h/a.php?id=2"),
        # PHP-Nuke's stories (NukeViet's ancestor): sid is the story's number
        (
            "http://h/modules.php?name=News&file=article&sid=123",
            "http://h/modules.php?file=article&name=News&sid=123",
        ),
        ("http://h/a.php?sid=20230616093000", "http://h/a.php?sid=20230616093000"),
        ("http://h/a;jsessionid=ABC123?x=1", "http://h/a?x=1"),
        ("https://h:443", "https://h/"),
        ("http://h:8080/Tin tức", "http://h:8080/Tin%20t%E1%BB%A9c"),
    ],
)
def test_canonical_url(url, canonical):
    assert canonical_url(url) == canonical
    assert canonical_url(canonical) == canonical  # idempotent


@pytest.mark.parametrize(
    ("url", "asked"),
    [
        # DNN routes its query as written: sorting it asks for a page the server lacks
        (
            "http://h/Default.aspx?tabid=60&ctl=Detail&mid=412&ItemID=1301#top",
            "http://h/Default.aspx?tabid=60&ctl=Detail&mid=412&ItemID=1301",
        ),
        ("http://h/tin-tuc/?page=2&sid=5f1c9a0e2b7d4e31", "http://h/tin-tuc/?page=2"),
        ("http://h/Tin-Tuc/a;jsessionid=ABC123?x=1&utm_source=fb", "http://h/Tin-Tuc/a?x=1"),
        ("http://h:8080/Tin tức?b=ư&a=1", "http://h:8080/Tin%20t%E1%BB%A9c?b=%C6%B0&a=1"),
        ("http://h/t%e1%ba%adp-hu%E1%BA%A5n", "http://h/t%E1%BA%ADp-hu%E1%BA%A5n"),
    ],
)
def test_a_page_is_asked_for_as_written_without_its_session(url, asked):
    assert request_url(url) == asked
    assert canonical_url(asked) == canonical_url(url)  # still one page


def test_two_php_nuke_stories_stay_two_urls():
    story = "http://h/modules.php?name=News&file=article&sid={}"
    assert canonical_url(story.format(123)) != canonical_url(story.format(456))


def test_scope_keeps_to_domains_prefix_and_deny_rules():
    portal = Site(
        id="can-tho", name="x", province="Cần Thơ",
        start_urls=("http://cantho.gov.vn/wps/portal/truongchinhtri/",),
        allowed_domains=("cantho.gov.vn",), path_prefix="/wps/portal/truongchinhtri/",
        deny=(r"/dang-nhap",),
    )  # fmt: skip
    assert in_scope("http://cantho.gov.vn/wps/portal/truongchinhtri/!ut/p/z0/abc/", portal)
    assert in_scope("https://www.cantho.gov.vn/wps/portal/truongchinhtri/x", portal)
    assert not in_scope("http://cantho.gov.vn/wps/portal/sokhac/x", portal)
    assert not in_scope("http://evilcantho.gov.vn/wps/portal/truongchinhtri/x", portal)
    assert not in_scope("http://cantho.gov.vn/wps/portal/truongchinhtri/dang-nhap", portal)
    assert not in_scope("http://cantho.gov.vn/wps/portal/truongchinhtri/logo.png", portal)
    assert not in_scope("mailto:a@cantho.gov.vn", portal)


@pytest.mark.parametrize(
    "path",
    [
        "/wp-json/wp/v2/users",
        "/wp-json/oembed/1.0/embed?url=http%3A%2F%2Fh%2F%3Fp%3D1",
        "/?rest_route=/wp/v2/posts",
        "/xmlrpc.php?rsd",
        "/2023/05/le-be-giang/feed/",
        "/comments/feed/",
        "/?p=123&feed=rss2",
        "/2023/05/le-be-giang/?replytocom=5",
        "/le-be-giang/embed/",
        "/wp-login.php?action=lostpassword",
        "/index.php?option=com_mailto&tmpl=component",
        "/Default.aspx?tabid=60&ctl=Print&mid=412&ItemID=1301",  # DNN's print view
    ],
)
def test_machine_endpoints_are_never_followed(path):
    assert not in_scope("http://h" + path, SITE)


@pytest.mark.parametrize(
    "path",
    ["/?p=123", "/feed/", "/2023/05/", "/2023/05/le-be-giang/", "/vi/news/rss/",
     "/Default.aspx?tabid=60&ctl=Detail&mid=412&ItemID=1301"],
)  # fmt: skip
def test_pages_and_the_site_feed_are_followed(path):
    assert in_scope("http://h" + path, SITE)


SITE = Site(id="x", name="x", province="x", start_urls=("http://h/",), allowed_domains=("h",))
