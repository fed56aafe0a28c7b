"""Article, listing or other: what the page holds, URL shapes as priors and learned shortcuts."""

import pytest

from archive.extract.kinds import Signals, known_kind, page_kind, url_kind
from archive.extract.shapes import ShapeBook
from archive.sites.registry import Site
from tests.conftest import make_article

SITE = Site(id="x", name="x", province="x", start_urls=("http://h/",), allowed_domains=("h",))
NO_LINKS = Signals()


@pytest.mark.parametrize(
    "url",
    [
        "http://h/vi/news/tin-hoat-dong/truong-chinh-tri-ky-niem-70-nam-63.html",
        "http://h/index.php/news/Bai-viet-nghien-cuu-trao-doi/Truong-Chinh-tri-631/",
        "http://h/nghien-cuu-trao-doi/-/view_content/3292208-tu-hao-truong.html",
        "http://h/web/tct/chi-tiet-bai-viet/-/asset_publisher/1mOz/content/id/24496706?plidlayout=2324",
        "http://h/node/1139",
        "http://h/tabid/126/post/288/Truong-Chinh-tri-tinh-Ha-Nam.aspx",
        "http://h/ArticleDetail.aspx?_Article_ID=234",
        "http://h/Default.aspx?phan_tin_id=14025&tin_id=13388&tree_id=141.164.171.",
        "http://h/index.php/tin-tuc/123-hoi-nghi-tong-ket",
        "http://h/2023/01/06/phan-dau-xay-dung-truong/",
        "http://h/vi/news/savefile/hoat-dong-nha-truong/truong-chinh-tri-kon-tum-205.html",
    ],
)
def test_article_url_shapes(url):
    assert url_kind(url, SITE) == "article"


@pytest.mark.parametrize(
    "url",
    [
        "http://h/",
        "http://h/vi/news/tag/phap-luat",
        "http://h/vi/news/tin-hoat-dong/page-2",
        "http://h/node?page=3",
        "http://h/category/tin-tuc/page/2/",
        "http://h/?s=dang+uy",
        "http://h/vi/news/rss/",
        "http://h/List_Khtttlieu.aspx?cdtype=cd&cdid=15&cmid=4",
        "http://h/tin-tuc?p_p_id=101&_101_cur=2",
        "http://h/index.php/tin-tuc?start=10",
        "http://h/2023/01/",
    ],
)
def test_listing_url_shapes(url):
    assert url_kind(url, SITE) == "listing"


def test_site_patterns_override_generic_shapes():
    site = Site(id="x", name="x", province="x", start_urls=("http://h/",), allowed_domains=("h",),
                article_allow=(r"/n\d+_",), article_deny=(r"/n0_",))  # fmt: skip
    assert url_kind("http://h/n703_truong-chinh-tri", site) == "article"
    assert url_kind("http://h/n0_index", site) == "listing"
    assert url_kind("http://h/node/12", site) == "listing"  # not an article on this site


def test_content_decides_when_the_url_is_silent():
    article = make_article("http://h/gioi-thieu-chung-660120")
    assert page_kind(article.url, SITE, article, NO_LINKS) == "article"
    # headlines of other pages in the main text: a listing of teasers
    teasers = tuple(p[:60] for p in article.text.split("\n\n")[:3])
    assert page_kind(article.url, SITE, article, Signals(teasers)) == "listing"
    # the same headlines only around the text (a "Tin khác" box): still an article
    elsewhere = ("Tin khác: Hội nghị tổng kết năm học 2022-2023 của nhà trường",) * 3
    assert page_kind(article.url, SITE, article, Signals(elsewhere + teasers[:2])) == "article"
    # no date: an about page, not an article
    undated = make_article("http://h/lich-su", date=None)
    assert page_kind(undated.url, SITE, undated, NO_LINKS) == "other"
    # a short page of links: a listing; a short page without: other
    six = tuple(f"Tiêu đề bài viết số {i} về hoạt động của nhà trường" for i in range(6))
    assert page_kind("http://h/x", SITE, None, Signals(six)) == "listing"
    assert page_kind("http://h/x", SITE, None, NO_LINKS) == "other"


def test_article_url_with_empty_text_is_other():
    assert page_kind("http://h/node/5", SITE, None, NO_LINKS) == "other"


def test_a_dated_article_is_an_article_whatever_its_url_and_links():
    """A theme's "recent posts" sidebar (links in the CMS's article shape) around an article
    kept at a hand-made path: the page is an article (it was a listing, and the site lost
    every article)."""
    article = make_article("http://h/tin-tuc/bai-12.html")
    sidebar = tuple(f"Bài viết mới số {n} về hoạt động của nhà trường" for n in range(6))
    assert page_kind(article.url, SITE, article, Signals(sidebar)) == "article"
    assert page_kind("http://h/?p=123", SITE, make_article("http://h/?p=123"), NO_LINKS) == (
        "article"
    )


def test_only_a_confirmed_or_registered_verdict_spares_reading():
    """URL shapes decide without the text only from the registry or the site's own pages."""
    url = "http://h/vi/news/tin-hoat-dong/truong-chinh-tri-ky-niem-70-nam-63.html"
    assert known_kind(url, SITE, None) is None  # the CMS shape is a guess
    book = articles_known_elsewhere()
    for n in range(3):
        book.record(f"http://h/vi/news/tin-hoat-dong/bai-{n}.html", "listing")
    assert known_kind(url, SITE, book.trusted) == "listing"
    book.record("http://h/vi/news/tin-hoat-dong/bai-9.html", "article")
    assert known_kind(url, SITE, book.trusted) is None  # an article under it: not trusted
    denied = Site(id="x", name="x", province="x", start_urls=("http://h/",),
                  allowed_domains=("h",), article_deny=(r"/vi/news/",))  # fmt: skip
    assert known_kind(url, denied, None) == "listing"
    assert known_kind("http://h/", SITE, None) == "listing"
    assert known_kind("http://h/?p=5", SITE, None) is None


def articles_known_elsewhere() -> ShapeBook:
    """A listing verdict needs the site's articles confirmed under another shape."""
    book = ShapeBook()
    for n in range(3):
        book.record(f"http://h/bai-viet/bai-so-{n}.html", "article")
    return book


def test_every_tenth_page_of_a_trusted_shape_is_read_again():
    book = articles_known_elsewhere()
    for n in range(3):
        book.record(f"http://h/danh-muc/trang-{n}", "listing")
    handed = [book.for_page(f"http://h/danh-muc/trang-{n}") for n in range(10, 30)]
    read = [h for h in handed if "/danh-muc/~#" not in h]
    assert len(read) == 2 and len(handed) - len(read) == 18
