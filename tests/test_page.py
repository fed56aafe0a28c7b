"""analyze_page: one parse for links and extraction, cached link answers, and pages
recognised as an article the crawl already stored (archive/extract/page.py)."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

import pytest

from archive.evaluate import load_cases
from archive.extract.article import extract_article
from archive.extract.page import analyze_page
from archive.sites.registry import Site

FIELDS = ("title", "date", "published_at", "author", "source", "text", "lead", "captions",
          "attachments", "cms", "language")  # fmt: skip


def case_site(url: str, hints: dict) -> Site:
    host = urlsplit(url).hostname or ""
    return Site(id="eval", name="eval", province="x", start_urls=(url,),
                allowed_domains=(host,), hints=hints)  # fmt: skip


def test_one_parse_extracts_what_extract_article_does():
    """The tree the links were read from gives the article extract_article gives alone."""
    compared = 0
    cases = load_cases()
    for case in cases:
        site = case_site(case.url, dict(case.hints))
        result = analyze_page(case.html, case.url, site, encoding=case.http_encoding)
        if result.article is None:
            continue
        alone = extract_article(case.html, case.url, case.hints, encoding=case.http_encoding)
        for name in FIELDS:
            assert getattr(result.article, name) == getattr(alone, name), (case.id, name)
        compared += 1
    assert compared >= len(cases) * 0.9


PAGE = b"""<html><head><title>Tin tuc</title></head><body>
<ul>
<li><a href="/tin-tuc/hoi-nghi-so-ket-cong-tac-dang-1234.html">Hoi nghi so ket cong tac Dang</a></li>
<li><a href="http://127.0.0.9:8080/tin-tuc/le-khai-giang-lop-trung-cap-5678.html">Khai giang</a></li>
<li><a href="lich-cong-tac/tuan-12.html">Lich cong tac</a></li>
<li><a href="/files/ke-hoach.pdf">Ke hoach</a></li>
<li><a href="http://example.org/tin-tuc/ngoai-site-1.html">Ngoai site</a></li>
</ul></body></html>"""


def test_link_answers_are_the_same_from_the_cache(site: Site):
    url = "http://127.0.0.9:8080/chuyen-muc/tin-tuc/"
    first = analyze_page(PAGE, url, site)
    again = analyze_page(PAGE, url, site)
    assert first.links == again.links and first.article_links == again.article_links
    assert "http://127.0.0.9:8080/chuyen-muc/tin-tuc/lich-cong-tac/tuan-12.html" in first.links
    assert not any("example.org" in link or link.endswith(".pdf") for link in first.links)
    # A relative link resolves against each page's own URL, not the first page's.
    other = analyze_page(PAGE, "http://127.0.0.9:8080/gioi-thieu/", site)
    assert "http://127.0.0.9:8080/gioi-thieu/lich-cong-tac/tuan-12.html" in other.links


def test_link_answers_follow_the_site_not_its_id(site: Site):
    """Two registries may give one id different rules: each Site gets its own answers."""
    url = "http://127.0.0.9:8080/chuyen-muc/tin-tuc/"
    assert any("hoi-nghi" in link for link in analyze_page(PAGE, url, site).links)
    stricter = replace(site, deny=(r"hoi-nghi",))
    links = analyze_page(PAGE, url, stricter).links
    assert links and not any("hoi-nghi" in link for link in links)


def test_the_link_cache_is_one_budget_for_all_sites(site: Site, monkeypatch):
    """Memory must not grow with the number of sites a worker sees."""
    from archive.extract import page

    monkeypatch.setattr(page, "LINK_CACHE_SIZE", 300)
    monkeypatch.setattr(page, "_RESOLVED", {})
    sites = [replace(site, id=f"s{i}") for i in range(6)]
    listing = "".join(f'<li><a href="/tin-tuc/bai-{n}.html">Bài {n}</a></li>' for n in range(250))
    html = f"<html><body><ul>{listing}</ul></body></html>".encode()
    answers = []
    for n, each in enumerate(sites * 2):
        result = analyze_page(html, f"http://127.0.0.9:8080/chuyen-muc/{n}/", each)
        assert sum(len(cache) for _, cache in page._RESOLVED.values()) <= 300
        answers.append(result.links)
    assert len(answers[0]) == 250 and all(links == answers[0] for links in answers)


ARTICLE_URL = "http://127.0.0.9:8080/tin-tuc/hoi-nghi-so-ket-cong-tac-dang-1234.html"
TITLE = "Hội nghị sơ kết công tác Đảng 6 tháng đầu năm"


def print_view(title: str, canonical: str = ARTICLE_URL) -> bytes:
    body = "".join(
        f"<p>Đoạn văn thứ {i} của bài viết về hội nghị sơ kết công tác Đảng bộ "
        f"Trường Chính trị tỉnh, với đủ chữ để là một bài báo.</p>"
        for i in range(8)
    )
    return (f'<html><head><title>{title}</title><link rel="canonical" href="{canonical}">'
            f"</head><body><h1>{title}</h1><p>Ngày đăng: 01/07/2022</p>{body}</body></html>"
            ).encode()  # fmt: skip


class Archive:
    """The crawl's answer: the URLs of articles it stored, with their titles."""

    def __init__(self, stored: dict[str, str]):
        self.stored = stored
        self.asked: list[list[str]] = []

    def __call__(self, candidates: list[str]) -> tuple[str, str | None] | None:
        self.asked.append(candidates)
        return next(((u, self.stored[u]) for u in candidates if u in self.stored), None)


PRINT_URL = "http://127.0.0.9:8080/print/tin-tuc/1234"


def test_a_page_naming_a_stored_article_is_its_alias_without_extraction(site: Site):
    archive = Archive({ARTICLE_URL: TITLE})
    result = analyze_page(print_view(TITLE), PRINT_URL, site, archived=archive)
    assert result.kind == "article" and result.alias_of == ARTICLE_URL
    assert result.article is None  # not extracted again
    assert archive.asked == [[ARTICLE_URL, PRINT_URL]]


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ({}, TITLE),  # nothing stored at that URL: extracted
        ({ARTICLE_URL: TITLE}, "Lễ khai giảng lớp Trung cấp lý luận chính trị"),  # other title
        ({ARTICLE_URL: None}, TITLE),  # the stored article has no title to compare
    ],
)
def test_otherwise_the_page_is_extracted(site: Site, stored, shown):
    """A site whose every page names one canonical URL does not turn articles into aliases."""
    result = analyze_page(print_view(shown), PRINT_URL, site, archived=Archive(stored))
    assert result.alias_of is None
    assert result.article is not None and result.article.title == shown


def test_a_canonical_url_out_of_scope_is_not_asked_about(site: Site):
    archive = Archive({"http://example.org/a.html": TITLE})
    page = print_view(TITLE, canonical="http://example.org/a.html")
    result = analyze_page(page, PRINT_URL, site, archived=archive)
    assert result.alias_of is None and archive.asked == [[PRINT_URL]]


@pytest.mark.parametrize(
    "canonical", ["http://127.0.0.9:vi/tin-tuc/bai-1.html", "http://[::1/tin-tuc/bai-1.html"]
)
def test_a_malformed_canonical_link_is_ignored(site: Site, canonical: str):
    """The fuzzer's find: a CMS that printed its canonical link without the port number."""
    url = "http://127.0.0.9:8080/tin-tuc/hoi-nghi-so-ket-cong-tac-dang-1234.html"
    well_formed = "http://127.0.0.9:8080/tin-tuc/hoi-nghi-1234.html"
    found = {}
    for link in (well_formed, canonical):
        html = ARTICLE.replace("CANONICAL", link).encode()
        found[link] = analyze_page(html, url, site).article
    assert found[well_formed] is not None and found[well_formed].canonical_url == well_formed
    article = found[canonical]
    assert article is not None and article.canonical_url is None
    assert article.text == found[well_formed].text and "3.789 học viên" in article.text


ARTICLE = """<html><head><title>Trường Chính trị</title><link rel="canonical" href="CANONICAL">
</head><body><div class="news-detail"><h1>Đảng bộ Trường Chính trị tổ chức Hội nghị sơ kết</h1>
<p>Ngày đăng: 01/07/2022</p>
<p>Chiều ngày 29/6/2022, Đảng bộ Trường Chính trị tổ chức Hội nghị sơ kết công tác 6 tháng đầu
năm 2022 và triển khai phương hướng, nhiệm vụ công tác Đảng 6 tháng cuối năm.</p>
<p>Báo cáo đánh giá tổng kết công tác 6 tháng đầu năm 2022 của Đảng bộ Trường Chính trị đã nêu
rõ những kết quả đáng kể trên tất cả các mặt công tác đào tạo, bồi dưỡng cán bộ.</p>
<p>Trong 6 tháng đầu năm 2022, đã tổ chức giảng dạy, phục vụ 27 lớp với số lượng 3.789 học viên;
công tác nghiên cứu khoa học đang triển khai thực hiện 08 đề tài khoa học cấp cơ sở.</p>
</div></body></html>"""


DRUPAL_HOME = """<html lang="vi"><head><meta charset="utf-8"><title>Trường Chính trị</title>
<link rel="shortlink" href="/node/1"></head><body><h1>Trường Chính trị</h1>
<div class="view"><h2>Thông tin trao đổi</h2>
<div><a href="/tin/sinh-hoat-chuyen-de-hoc-tap">Sinh hoạt chuyên đề học tập và làm theo Bác</a>
<span>Ngày đăng: 20/04/2024</span></div>
<div><a href="/tin/tap-huan-cong-nghe">Tập huấn ứng dụng công nghệ thông tin trong giảng dạy</a>
<span>Ngày đăng: 09/04/2024</span></div></div><a href="/tin">Tất cả bài viết</a></body></html>"""
DRUPAL_NODE = DRUPAL_HOME.replace('href="/node/1"', 'href="/node/7"').replace(
    "</h1>", "</h1><p>Ngày đăng: 20/04/2024</p><p>" + "Nội dung bài viết dài. " * 20 + "</p>"
)


@pytest.mark.parametrize(
    ("path", "body", "kind"),
    [("/", DRUPAL_HOME, {"listing"}), ("/trang-gioi-thieu", DRUPAL_HOME, {"listing", "other"}),
     ("/tin/mot-bai", DRUPAL_NODE, {"article"})],
)  # fmt: skip
def test_a_node_shortlink_makes_an_article_only_of_a_page_that_reads_like_one(
    site: Site, path: str, body: str, kind: set[str]
):
    """A Drupal home page is often a node too: its /node/1 shortlink does not make it an
    article (a blind discovery site's home page was stored as one)."""
    url = site.start_urls[0].rstrip("/") + path
    assert analyze_page(body.encode(), url, site).kind in kind


def test_a_link_keeps_its_spelling_where_the_canonical_url_differs(site: Site):
    """The crawler asks for a page as the site wrote the link (its query order, its
    session id when the server wants one): the canonical URL is only its name."""
    base = "http://127.0.0.9:8080"
    html = (b'<html><body><a href="/Default.aspx?tabid=60&amp;ctl=Detail&amp;ItemID=7">A</a>'
            b'<a href="/tin-tuc/?page=2&amp;sid=5f1c9a0e2b7d4e31">2</a>'
            b'<a href="/tin-tuc/bai-1.html">B</a></body></html>')  # fmt: skip
    result = analyze_page(html, base + "/", site)
    assert result.spellings == {
        base + "/Default.aspx?ItemID=7&ctl=Detail&tabid=60":
            base + "/Default.aspx?tabid=60&ctl=Detail&ItemID=7",
        base + "/tin-tuc/?page=2": base + "/tin-tuc/?page=2&sid=5f1c9a0e2b7d4e31",
    }  # fmt: skip
    assert set(result.spellings) <= set(result.links)


def _teaser(n: int) -> str:
    return (f'<div class="teaser"><h3>Hội nghị sơ kết công tác đào tạo số {n} năm 2024</h3>'
            f'<span class="date">ngày {n} tháng 10 năm 2024</span><div class="sapo">Nhà '
            f"trường tổ chức hội nghị sơ kết công tác đào tạo, bồi dưỡng lần thứ {n} trong "
            f'năm...</div><a class="more" href="/Default.aspx?tabid=60&amp;ctl=Detail&amp;'
            f'ItemID={n}">Xem tiếp</a></div>')  # fmt: skip


def test_teasers_linked_only_by_read_more_make_a_listing(site: Site):
    """A DNN listing prints each title as an unlinked heading above a dated summary and a
    "Xem tiếp" link: the heading is the teaser's headline (a blind site's category
    pages were stored as articles)."""
    html = ('<html><head><title>Tin hoạt động</title></head><body><ul class="menu">'
            '<li><a href="/Default.aspx?tabid=61">Thông báo</a></li></ul>'
            f'<td class="contentpane"><h1>Tin hoạt động</h1>{"".join(map(_teaser, range(1, 5)))}'
            '<a href="/Default.aspx?tabid=60&amp;page=2">Trang sau</a></td></body></html>')  # fmt: skip
    result = analyze_page(html.encode(), "http://127.0.0.9:8080/Default.aspx?tabid=60", site)
    assert result.kind == "listing"
