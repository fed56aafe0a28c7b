"""extract_article on small pages shaped like the school sites.

Each test states snippets that must and must not appear, never whole texts.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.extract import rules, titles
from archive.extract.article import extract_article, parse
from archive.extract.chrome import opening_post
from archive.extract.records import Article
from archive.extract.tree import MAX_INPUT

P1 = (
    "Sáng ngày 12/9, Trường Chính trị tỉnh tổ chức Lễ khai giảng lớp Trung cấp lý luận chính trị "
    "- hành chính hệ tập trung khóa 114 cho 96 học viên là cán bộ, công chức, viên chức."
)
P2 = (
    "Lớp học được tổ chức trong thời gian 8 tháng, gồm 4 phần học với 19 học phần, xen kẽ các đợt "
    "nghiên cứu thực tế tại địa phương theo quy định của Học viện Chính trị quốc gia Hồ Chí Minh."
)
P3 = (
    "Thay mặt học viên, đại diện Ban cán sự lớp hứa sẽ đoàn kết, khắc phục khó khăn, thực hiện tốt "
    "nội quy, quy chế, phấn đấu hoàn thành xuất sắc nhiệm vụ học tập được giao."
)
TITLE = "Khai giảng lớp Trung cấp lý luận chính trị - hành chính khóa 114"
SIDEBAR = (
    '<div class="sidebar"><h3>Tin khác</h3><ul>'
    '<li><a href="/a.html">Hội nghị tổng kết công tác thi đua khen thưởng năm 2024</a> (21/07/2024)</li>'
    '<li><a href="/b.html">Bế giảng lớp bồi dưỡng kiến thức quốc phòng an ninh</a> (20/07/2024)</li>'
    "</ul><h3>Thống kê truy cập</h3><p>Lượt truy cập: 3167066</p></div>"
)
EVALDATA = Path(__file__).parent / "evaldata" / "pages"


def html(head: str, body: str) -> str:
    return f"<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def ps(*paragraphs: str) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def check(article: Article, must: list[str], must_not: list[str]) -> None:
    for snippet in must:
        assert snippet in article.text, snippet
    for snippet in must_not:
        assert snippet not in article.text, snippet


# --------------------------------------------------------------------------- CMS layouts


def test_nukeviet_lead_body_author_and_related_lists() -> None:
    page = html(
        "<title>Khai giảng - Tin hoạt động - Trường Chính trị tỉnh Kon Tum</title>"
        '<meta name="generator" content="NukeViet v4.4">',
        '<div class="current-time">Thứ bảy, 12/10/2024</div>'
        '<div class="news_column panel panel-default"><div class="panel-body">'
        f'<h1 class="title margin-bottom-lg">{TITLE}</h1>'
        '<div class="row"><span class="h5">Thứ hai - 12/09/2022 09:15</span></div>'
        f'<div class="clearfix"><div class="hometext m-bottom">{P1}</div></div>'
        f'<div id="news-bodyhtml" class="bodytext">{ps(P2, P3)}</div>'
        '<div class="margin-bottom-lg"><p class="h5 text-right"><strong>Tác giả bài viết: </strong>'
        "ThS. Minh Đức</p></div></div></div>"
        '<div class="news_column"><div class="panel-body other-news"><p class="h3"><strong>'
        'Những tin mới hơn</strong></p><ul class="related"><li><a href="/x.html"><h4>Hội nghị '
        "viên chức năm 2024</h4></a><em>(15/09/2022)</em></li></ul></div></div>" + SIDEBAR,
    )
    a = extract_article(
        page.encode(), "https://tct.kontum.gov.vn/vi/news/hoat-dong/khai-giang-318.html"
    )
    assert a.cms == "nukeviet"
    assert (a.title, a.date, a.published_at) == (TITLE, "2022-09-12", "2022-09-12T09:15:00+07:00")
    assert a.author == "Minh Đức" and a.lead == P1
    assert a.text.startswith(P1)
    check(
        a, [P2, P3], ["Những tin mới hơn", "Hội nghị viên chức", "Tác giả", "Thống kê", "Tin khác"]
    )


def test_liferay_null_title_portlet_title_and_skip_link() -> None:
    page = html(
        "<title>Tin tức - Trường Chính trị Châu Văn Đặng</title><script>var Liferay = {};</script>",
        '<a href="#main-content" id="skip-to-content">Truy cập nội dung luôn</a>'
        '<div class="portlet-boundary portlet-asset-publisher" id="p_p_id_101_INSTANCE_x_">'
        '<section class="portlet"><header class="portlet-topper"><h1 class="portlet-title">'
        '<span class="portlet-title-text">Xuất bản thông tin</span></h1></header>'
        f'<div class="taglib-header"><h3 class="header-title"><span>null {TITLE}</span></h3></div>'
        '<div class="asset-full-content"><div class="asset-content"><div class="journal-content-article">'
        '<div class="news-date">Thứ sáu, 18/11/2022, 15:07</div>'
        f'<div class="news-content">{ps(P1, P2, "Tin, ảnh: Hoàng Nam")}</div></div></div></div>'
        "</section></div>" + SIDEBAR,
    )
    a = extract_article(page, "https://tct.baclieu.gov.vn/-/khai-giang-lop-412")
    assert a.cms == "liferay" and a.title == TITLE and a.date == "2022-11-18"
    assert a.author == "Hoàng Nam"
    check(a, [P1, P2], ["null", "Xuất bản thông tin", "Truy cập nội dung luôn", "Tin, ảnh"])


def test_websphere_time_first_date_and_republished_source() -> None:
    page = html(
        "<title>Trang tin chi tiết</title><script>var ibmCfg = {};</script>",
        '<div class="wpthemeFrame"><div class="clock">Thứ Hai, 04/12/2023</div>'
        '<div class="news-detail">'
        f'<div class="title-detail">{TITLE}</div><div class="date-detail">07:37 18/08/2023</div>'
        f'<div class="content-detail">{ps(P1, P2)}<p style="text-align:right"><strong>Hữu Huệ</strong>'
        "</p><p><em>Theo Báo An Giang Online</em></p></div></div>"
        '<ul><li><span>05:14 21/11/2023</span> <a href="/z">Hội nghị tổng kết năm học mới</a></li></ul>'
        "</div>",
    )
    a = extract_article(
        page,
        "https://truongchinhtri.angiang.gov.vn/wps/portal/Home/trang-tin-chi-tiet/!ut/p/z0/abc/",
    )
    assert a.cms == "websphere" and a.title == TITLE
    assert (a.date, a.published_at) == ("2023-08-18", "2023-08-18T07:37:00+07:00")
    assert (a.author, a.source) == ("Hữu Huệ", "Báo An Giang Online")
    check(a, [P1, P2], ["Theo Báo", "Hữu Huệ", "Trang tin chi tiết"])


def test_drupal_header_clock_is_never_the_date() -> None:
    page = html(
        f'<meta name="Generator" content="Drupal 7 (http://drupal.org)"><title>{TITLE} | Trường</title>',
        '<div id="skip-link"><a href="#main-content">Skip to main content</a></div>'
        '<div class="header-date">Thứ ba, 23 Tháng 4, 2024 - 23:01</div>'
        f'<h1 class="title" id="page-title">{TITLE}</h1>'
        '<div class="node"><div class="submitted"><span>Ngày Đăng : 20/04/2021</span></div>'
        f'<div class="field field-name-body"><div class="field-item even"><div>{P1}</div><div>{P2}</div>'
        "<div>Nguyễn Thị Nguyên</div><div>Phòng NCKH-TT-TL</div></div></div></div>",
    )
    a = extract_article(page, "https://truongchinhtribentre.edu.vn/node/412")
    assert a.cms == "drupal" and a.date == "2021-04-20" and a.published_at is None
    assert a.author == "Nguyễn Thị Nguyên"
    check(a, [P1, P2], ["Skip to main content", "Phòng NCKH", "23 Tháng 4"])


def test_joomla_k2_intro_lead_and_account_name() -> None:
    page = html(
        '<meta name="generator" content="Joomla! - Open Source Content Management">'
        f'<meta name="author" content="Super User"><title>{TITLE}</title>',
        '<div class="header-date">Chủ nhật, 21/07/2024</div><div id="k2Container" class="itemView">'
        '<div class="itemHeader"><span class="itemDateCreated">Thứ năm, 23 Tháng 4 2015 08:43</span>'
        f'<h2 class="itemTitle">{TITLE}</h2><span class="itemAuthor">Viết bởi <a>Super User</a></span>'
        '</div><div class="itemToolbar"><ul><li>Cỡ chữ</li><li><a>In</a></li><li><a>E-mail</a></li>'
        f'</ul></div><div class="itemBody"><div class="itemIntroText"><p>{P1}</p></div>'
        f'<div class="itemFullText">{ps(P2)}</div><div class="itemHits">Lượt xem: <b>5242</b></div>'
        '</div><div class="itemRelated"><h3>Bài viết liên quan</h3><ul><li><a>Tin cũ về hội thao '
        "các trường chính trị</a></li></ul></div></div>",
    )
    a = extract_article(
        page, "http://truongchinhtrilamdong.com.vn/tin-tuc/item/512-khai-giang.html"
    )
    assert a.cms == "joomla" and a.date == "2015-04-23" and a.author is None
    assert a.lead == P1 and a.text.index(P1) < a.text.index(P2)
    check(a, [P1, P2], ["Super User", "Viết bởi", "Lượt xem", "Bài viết liên quan", "Cỡ chữ"])


def test_date_only_in_the_url() -> None:
    page = html(
        f"<title>{TITLE}</title>",
        f'<table class="contentpaneopen"><tr><td class="contentheading">{TITLE}</td></tr></table>'
        f'<table class="contentpaneopen"><tr><td valign="top">{ps(P1, P2)}</td></tr></table>'
        '<div class="moduletable"><h3>Các bài viết khác</h3><ul><li><a>Giao lưu thể thao chào '
        "mừng ngày thành lập Đảng</a> - <span>04/03/2021</span></li></ul></div>",
    )
    a = extract_article(
        page, "http://x.gov.vn/index.php/tin-tuc/hoat-dong/1935-2021-06-08-02-41-17"
    )
    assert a.date == "2021-06-08" and a.published_at is None
    check(a, [P1, P2], ["Các bài viết khác", "Giao lưu thể thao"])


def test_aspnet_tables_msonormal_generic_title_attachment() -> None:
    mso = "".join(
        f'<p class="MsoNormal" style="text-align:justify"><span lang="VI" style="font-size:14.0pt">'
        f"{p}<o:p></o:p></span></p>"
        for p in (P1, P2)
    )
    page = html(
        "<title>Trường Chính trị tỉnh Nghệ An</title>",
        '<form id="aspnetForm"><input type="hidden" name="__VIEWSTATE" value="x" />'
        '<table><tr><td class="menu"><a>Trang chủ</a></td><td><a>Giới thiệu</a></td></tr></table>'
        '<table><tr><td class="today">Thứ Tư, ngày 12 tháng 4 năm 2023</td></tr></table>'
        '<table width="600"><tr><td><span id="ctl00_ContentPlaceHolder1_lblTitle">'
        f"{TITLE}</span></td></tr>"
        '<tr><td><span id="ctl00_ContentPlaceHolder1_lblDate">Ngày đăng: 13/02/2023</span></td></tr>'
        f'<tr><td><div id="ctl00_ContentPlaceHolder1_pnlContent"><!--[if gte mso 9]><xml>'
        f"<w:WordDocument></w:WordDocument></xml><![endif]-->{mso}</div></td></tr>"
        "<tr><td><b>Tác giả : Th.s Hồ Minh Đức - Phó Hiệu trưởng</b></td></tr>"
        '<tr><td>File đính kèm: <a href="/Upload/KH-2023.docx">KH-2023.docx</a></td></tr>'
        "</table></form>",
    )
    url = "http://daotao.truongchinhtrina.gov.vn/ArticleDetail.aspx?_Article_ID=234"
    a = extract_article(page, url)
    assert a.cms == "aspnet" and a.title == TITLE and a.date == "2023-02-13"
    assert a.author == "Hồ Minh Đức"
    assert a.attachments == ["http://daotao.truongchinhtrina.gov.vn/Upload/KH-2023.docx"]
    check(a, [P1, P2], ["WordDocument", "Tác giả", "File đính kèm", "ngày 12 tháng 4", "Trang chủ"])


def test_dotnetnuke_vi_vn_afternoon_time() -> None:
    page = html(
        '<meta id="MetaGenerator" name="GENERATOR" content="DotNetNuke "><title>Tin hoạt động</title>',
        '<div id="dnn_ContentPane"><div class="c_head"><h2><span>Tin hoạt động</span></h2></div>'
        f'<div class="articleHeadline"><h1>{TITLE}</h1></div>'
        '<div class="articleDetails"><span class="articleDate">08/11/2022 2:40:00 CH</span></div>'
        f'<div class="articleEntry"><div>{P1}</div><div>&nbsp;</div><div>{P2}</div></div></div>',
    )
    a = extract_article(page, "http://truongchinhtri.hanam.gov.vn/tabid/126/post/301/Hoi-nghi.aspx")
    assert a.cms == "dotnetnuke" and a.title == TITLE
    assert a.published_at == "2022-11-08T14:40:00+07:00"
    check(a, [P1, P2], ["Tin hoạt động"])


def test_kentico_getattachment_link() -> None:
    page = html(
        f"<title>Trường Chính trị tỉnh Gia Lai - {TITLE}</title>"
        '<link href="/CMSPages/GetResource.ashx?stylesheetname=GiaLai" rel="stylesheet"/>',
        f'<div class="NewsDetail"><h1 class="NewsTitle">{TITLE}</h1><p class="NewsDate">'
        f'Ngày đăng: 28/10/2022 17:20</p><div class="NewsText">{ps(P1, P2)}</div>'
        '<div class="NewsAttachments"><a href="/getattachment/8a1e/Ky-yeu.aspx">Kỷ yếu</a></div></div>',
    )
    a = extract_article(
        page, "https://truongchinhtri.gialai.org.vn/Tin-tuc/Hoat-dong/Be-giang.aspx"
    )
    assert a.cms == "kentico" and a.title == TITLE
    assert a.attachments == ["https://truongchinhtri.gialai.org.vn/getattachment/8a1e/Ky-yeu.aspx"]


def test_wordpress_captions_kept_apart_and_share_bar_dropped() -> None:
    caption = "Học viên nghe giới thiệu về công tác bảo tồn phố cổ"
    page = html(
        f'<meta name="generator" content="WordPress 6.4.3"><title>{TITLE} &#8211; Trường</title>',
        f'<article class="post"><header class="entry-header"><h1 class="entry-title">{TITLE}</h1>'
        f'</header><div class="entry-content"><p>{P1}</p><figure class="wp-block-image">'
        f'<img src="/a.jpg"/><figcaption>{caption}</figcaption></figure><p>{P2}</p>'
        '<div class="sharedaddy"><h3 class="sd-title">Chia sẻ:</h3><a>Facebook</a></div></div>'
        '</article><div id="comments"><h3>Trả lời</h3><form><label>Bình luận</label></form></div>',
    )
    a = extract_article(page, "https://truongchinhtriquangnam.edu.vn/2021/03/15/hoc-vien/")
    assert a.cms == "wordpress" and a.date == "2021-03-15"
    assert a.captions == [caption]
    check(a, [P1, P2], [caption, "Chia sẻ", "Bình luận", "Trả lời"])


def test_portal_headline_in_a_paragraph_and_author_block_before_the_body() -> None:
    page = html(
        "<title>Nghiên cứu trao đổi</title>",
        '<div id="header"><h1 class="logo">Trường Chính trị tỉnh Trà Vinh</h1></div>'
        '<div class="breadcrumb"><a>Trang chủ</a> » <a>Nghiên cứu trao đổi</a></div>'
        f'<div class="article-detail"><p class="article-title">{TITLE}</p>'
        '<div class="article-date">Ngày đăng: 15/09/2022 | 14:05</div>'
        '<div class="article-content"><div class="author-box"><p>Phan Văn Tấn</p>'
        f"<p>Phó Khoa Nhà nước và Pháp luật</p></div><div>{P1}</div><div>{P2}</div></div></div>"
        + SIDEBAR,
    )
    a = extract_article(page, "https://tcttv.travinh.gov.vn/1462/39939/69623/660111/nghien-cuu/x")
    assert a.title == TITLE and a.published_at == "2022-09-15T14:05:00+07:00"
    assert a.author == "Phan Văn Tấn"
    check(a, [P1, P2], ["Phan Văn Tấn", "Phó Khoa", "Trang chủ", "Tin khác"])


# --------------------------------------------------------------------------- traps


def test_sidebar_dates_and_a_later_header_clock() -> None:
    page = html(
        "<title>Trường Chính trị tỉnh Thái Bình</title>",
        '<div class="top-bar"><span class="today">Thứ 7, 04/02/2023, 12:06[GMT+7]</span></div>'
        f"{SIDEBAR}<h1>{TITLE}</h1>"
        '<div class="meta"><span>Thứ 6, 06/01/2023 | 15:26:43</span><span>4,116 lượt xem</span></div>'
        f'<div class="article-body">{ps(P1, P2, "Đào Quyên")}</div>' + SIDEBAR,
    )
    a = extract_article(page, "https://truongchinhtrithaibinh.gov.vn/tin-tuc/phan-dau-163254.html")
    assert (a.title, a.date, a.author) == (TITLE, "2023-01-06", "Đào Quyên")
    check(a, [P1, P2], ["lượt xem", "Đào Quyên", "04/02/2023"])


def test_uppercase_title_kept_and_stray_title_ignored() -> None:
    upper = TITLE.upper()
    page = html(
        "<title>Trường Chính trị tỉnh Phú Thọ</title>",
        f"<marquee>{upper} | HỘI NGHỊ KHÁC</marquee><title>Untitled Document</title>"
        f'<div class="news-detail"><h1 class="title">{upper}</h1>'
        '<div class="date">Chủ nhật, 28.11.2021 02:16</div>'
        f'<div class="news-content">{ps(P1, P2)}</div>'
        "<div>[Trở về] [Đầu trang] In bài viết Gửi cho bạn bè</div></div>",
    )
    a = extract_article(page, "http://truongchinhtritinhphutho.gov.vn/tin-tuc/x.html")
    assert a.title == upper and a.date == "2021-11-28"
    check(a, [P1, P2], ["Untitled Document", "[Trở về]", "In bài viết"])


def test_meta_timestamp_moves_to_vietnam_time() -> None:
    page = html(
        '<meta property="article:published_time" content="2022-06-30T17:30:00Z">',
        f"<h1>{TITLE}</h1>{ps(P1, P2)}",
    )
    a = extract_article(page, "http://x.vn/tin/a")
    assert (a.date, a.published_at) == ("2022-07-01", "2022-07-01T00:30:00+07:00")


def test_canonical_url_is_absolute_and_base_href_is_used() -> None:
    page = html(
        '<base href="http://truongchinhtri.kontum.gov.vn/vi/"><link rel="canonical" href="news/a-1.html">',
        f'<h1>{TITLE}</h1><div class="news-content">{ps(P1, P2)}<p><a href="files/kh.pdf">Kế hoạch</a> '
        'và <a href="anh.jpg">ảnh</a></p></div>',
    )
    a = extract_article(page, "http://truongchinhtri.kontum.gov.vn/vi/news/savefile/a-1.html")
    assert a.canonical_url == "http://truongchinhtri.kontum.gov.vn/vi/news/a-1.html"
    assert a.attachments == ["http://truongchinhtri.kontum.gov.vn/vi/files/kh.pdf"]


def test_same_article_in_utf8_nfd_and_windows_1258_gives_the_same_text() -> None:
    cp1258 = (EVALDATA / "phpnuke-vinhlong-ketnap.html").read_bytes()
    url = "http://tctph.vinhlong.gov.vn/modules.php?name=News&op=viewst&sid=1284"
    legacy = extract_article(cp1258, url, {"cms": "phpnuke"}, encoding="ISO-8859-1")
    as_text = cp1258.decode("cp1258").replace("charset=windows-1258", "charset=utf-8")
    utf8 = extract_article(as_text.encode("utf-8"), url, {"cms": "phpnuke"})
    nfd = extract_article(
        unicodedata.normalize("NFD", as_text).encode("utf-8"), url, {"cms": "phpnuke"}
    )
    assert legacy.text and legacy.text == utf8.text == nfd.text
    assert legacy.title == utf8.title == nfd.title
    assert unicodedata.is_normalized("NFC", legacy.text)
    assert "Trường" in (legacy.title or "") or "Kết nạp" in (legacy.title or "")


# --------------------------------------------------------------------------- site hints


@pytest.mark.parametrize(
    "hints",
    [
        {
            "content": "div.noi-dung-bai",
            "title": "span.tieu-de-bai",
            "date": "span.ngay",
            "author": "span.nguoi-viet",
            "source": "span.nguon",
            "lead": "div.tom-tat-bai",
            "prune": ["div.quang-cao"],
        },
        {
            "content": "//div[@id='nd']",
            "title": "//span[@id='td']",
            "date": "(//span[@class='ngay'])[1]",
            "author": "//span[@class='nguoi-viet']",
            "source": "//span[@class='nguon']",
            "lead": "//div[@class='tom-tat-bai']",
            "prune": ["//div[@class='quang-cao']"],
        },
    ],
    ids=["css", "xpath"],
)
def test_site_hints_in_css_or_xpath(hints: dict[str, object]) -> None:
    page = html(
        "<title>Trang chủ</title>",
        '<div class="wrap"><span class="ngay">01/01/2020</span>'
        f'<span class="tieu-de-bai" id="td">{TITLE}</span><span class="ngay">03/03/2023</span>'
        f'<div class="tom-tat-bai">{P3}</div>'
        f'<div class="noi-dung-bai" id="nd">{ps(P1, P2)}<div class="quang-cao">Quảng cáo dịch vụ '
        'in ấn giá rẻ</div></div><span class="nguoi-viet">Tin: Thanh Hương</span>'
        '<span class="nguon">Báo Đắk Lắk</span></div>',
    )
    a = extract_article(page, "http://tctdaklak.gov.vn/x", hints)
    assert (a.title, a.date, a.author, a.source) == (
        TITLE,
        "2020-01-01",
        "Thanh Hương",
        "Báo Đắk Lắk",
    )
    assert a.lead == P3 and a.text.startswith(P3)
    check(a, [P1, P2], ["Quảng cáo"])


@pytest.mark.parametrize("bad", ["div[", "//*[", "((", "!!", "<p>", "::nonsense"])
def test_broken_hint_selectors_are_ignored(bad: str) -> None:
    page = html(f"<title>{TITLE}</title>", f"<h1>{TITLE}</h1>{ps(P1, P2)}")
    hints = {
        "content": bad,
        "title": bad,
        "date": bad,
        "author": bad,
        "prune": [bad],
        "cms": "nope",
    }
    a = extract_article(page, "http://x.vn/a", hints)
    assert a.title == TITLE and P1 in a.text


def test_hint_cms_overrides_detection() -> None:
    page = html('<meta name="generator" content="WordPress 6">', f"<h1>{TITLE}</h1>{ps(P1)}")
    assert extract_article(page, "http://x.vn/a", {"cms": "drupal"}).cms == "drupal"
    assert extract_article(page, "http://x.vn/a").cms == "wordpress"


# --------------------------------------------------------------------------- rules


def test_every_rule_selector_compiles() -> None:
    for rule in rules.RULES.values():
        for kind in (
            "markers",
            "content",
            "title",
            "date",
            "byline",
            "source",
            "lead",
            "attachments",
            "prune",
        ):
            for selector in getattr(rule, kind):
                assert rules.compile_selector(selector) is not None, (rule.id, kind, selector)
    for selector in rules.BOILERPLATE_PRUNE:
        assert rules.compile_selector(selector) is not None


@pytest.mark.parametrize(
    ("url", "cms", "kind"),
    [
        (
            "https://truongchinhtri.dongthap.gov.vn/vi/news/tin-hoat-dong/a-b-63.html",
            "nukeviet",
            "article",
        ),
        ("https://truongchinhtri.dongthap.gov.vn/vi/news/tin-hoat-dong/", "nukeviet", "listing"),
        (
            "https://truongchinhtri.dongthap.gov.vn/vi/news/tin-hoat-dong/page-2",
            "nukeviet",
            "listing",
        ),
        ("http://truongchinhtrithainguyen.gov.vn/vi/news/tag/phap-luat", "nukeviet", "listing"),
        ("https://tct.baclieu.gov.vn/-/truong-chinh-tri-chau-van-dang-273", "liferay", "article"),
        (
            "https://dtcblehongphong.hanoi.gov.vn/x/-/view_content/3292208-tu-hao.html",
            "liferay",
            "article",
        ),
        ("http://truongchinhtrils.vn/node/1139", "drupal", "article"),
        ("http://truongchinhtrils.vn/tin-tuc?page=3", "drupal", "listing"),
        (
            "http://truongchinhtri.hanam.gov.vn/tabid/126/post/288/Truong-Chinh-tri.aspx",
            "dotnetnuke",
            "article",
        ),
        (
            "http://daotao.truongchinhtrina.gov.vn/ArticleDetail.aspx?_Article_ID=234",
            "aspnet",
            "article",
        ),
        (
            "http://tctph.vinhlong.gov.vn/modules.php?name=News&op=viewst&sid=12",
            "phpnuke",
            "article",
        ),
        ("https://x.edu.vn/2021/03/15/hoc-vien/", "wordpress", "article"),
        ("https://x.edu.vn/category/tin-tuc/", "wordpress", "listing"),
    ],
)
def test_url_shapes_tell_articles_from_listings(url: str, cms: str, kind: str) -> None:
    assert rules.url_kind(url, cms) == kind


def test_detection_from_markers_and_generator() -> None:
    liferay = parse("<html><body><div id='p_p_id_101_INSTANCE_a_'>x</div></body></html>")
    assert rules.detect_cms(liferay, "http://x.vn/a") == "liferay"
    nv = parse(
        "<html><head><meta name='generator' content='NukeViet v4.4'></head><body>x</body></html>"
    )
    assert rules.detect_cms(nv, "http://x.vn/a") == "nukeviet"
    assert rules.detect_cms(parse("<p>x</p>"), "http://x.vn/a") is None
    assert rules.detect_cms(parse("<p>x</p>"), "http://x.vn/a", "kentico") == "kentico"


# --------------------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    "body",
    [
        b"",
        "",
        b"\x00" * 1000,
        bytes(range(256)) * 40,
        b"\x89PNG\r\n\x1a\n" + b"\x00\xff" * 500,
        "<<<>>><html<body",
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>xin chào</p></body></html>",
        "<html><body>" + "<div>" * 20_000 + "sâu" + "</div>" * 20_000 + "</body></html>",
        "<table>" + "<tr><td>ô</td></tr>" * 30_000 + "</table>",
        "<p>" + "chữ " * 500_000 + "</p>",
        "\ufeff<html><body><p>BOM trong chuỗi</p></body></html>",
    ],
    ids=[
        "empty-bytes",
        "empty-str",
        "nul",
        "binary",
        "png",
        "broken",
        "xml-decl",
        "deep",
        "wide",
        "long",
        "bom",
    ],
)
def test_never_raises(body: bytes | str) -> None:
    a = extract_article(body, "http://x.vn/a")
    assert isinstance(a, Article) and isinstance(a.text, str)


def test_bad_arguments_never_raise() -> None:
    assert extract_article(None, None).text == ""  # type: ignore[arg-type]
    assert (
        extract_article(b"<p>x</p>", "not a url", {"prune": "not-a-list", "cms": 3}).url
        == "not a url"
    )


def test_huge_input_is_cut() -> None:
    body = ("<html><body>" + f"<h1>{TITLE}</h1>" + ps(P1, P2) + "<p>đệm</p>" * 1_000_000).encode()
    a = extract_article(body, "http://x.vn/a")
    assert P1 in a.text
    assert a.text.count("đệm") < MAX_INPUT // len("<p>đệm</p>".encode())  # cut, not read whole


def test_deterministic() -> None:
    body = (EVALDATA / "nv4-dongthap-thucte.html").read_bytes()
    url = "https://truongchinhtri.dongthap.gov.vn/vi/news/tin-hoat-dong/x-412.html"
    first = extract_article(body, url).to_dict()
    assert all(extract_article(body, url).to_dict() == first for _ in range(3))


SEED_PAGES = sorted(EVALDATA.glob("*.html"))[:6]


@st.composite
def mutated_pages(draw: st.DrawFn) -> bytes:
    """An evaluation page with random cuts, insertions and byte flips."""
    data = bytearray(draw(st.sampled_from(SEED_PAGES)).read_bytes())
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["cut", "insert", "flip"]))
        if action == "cut":
            del data[at : at + draw(st.integers(1, 4000))]
        elif action == "insert":
            data[at:at] = draw(
                st.sampled_from(
                    [
                        b"<div>",
                        b"</table>",
                        b"<p",
                        b"\xff\xfe",
                        b"<!--",
                        b"&#x",
                        "Thứ năm, 19 Tháng 9, 2019".encode(),
                    ]
                )
            )
        elif data:
            data[min(at, len(data) - 1)] ^= draw(st.integers(1, 255))
    return bytes(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=st.one_of(mutated_pages(), st.binary(max_size=3000), st.text(max_size=3000)))
def test_fuzz_never_raises(page: bytes | str) -> None:
    a = extract_article(page, "http://x.vn/a", {"cms": "nukeviet"})
    assert isinstance(a.text, str) and unicodedata.is_normalized("NFC", a.text)


def test_a_closing_list_of_names_is_not_eaten_as_bylines() -> None:
    names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"]
    page = html(
        f"<title>{TITLE}</title>",
        f'<h1>{TITLE}</h1><div class="news-content">{ps(P1, "Danh sách học viên xuất sắc:", *names)}</div>',
    )
    a = extract_article(page, "http://x.vn/a")
    check(a, [P1, *names], [])
    assert a.author is None


# --------------------------------------------------------------------------- titles


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (
            "null Trường Chính trị tỉnh đón nhận Huân chương",
            "Trường Chính trị tỉnh đón nhận Huân chương",
        ),
        ("  CỤM THI ĐUA   CÁC TRƯỜNG\n CHÍNH TRỊ ", "CỤM THI ĐUA CÁC TRƯỜNG CHÍNH TRỊ"),
        (unicodedata.normalize("NFD", "Hội thảo khoa học"), "Hội thảo khoa học"),
        ("| Tin hoạt động -", "Tin hoạt động"),
        (None, ""),
    ],
)
def test_clean_title(raw: str | None, clean: str) -> None:
    assert titles.clean_title(raw) == clean


def test_headline_beats_a_generic_page_title() -> None:
    candidates = [
        titles.Candidate("Tin hoạt động", 1.5, 0, True),
        titles.Candidate(TITLE, 4.0, 1, True),
    ]
    assert titles.choose(candidates, "Tin hoạt động", "") == TITLE
    assert titles.choose([], f"{TITLE} - Tin hoạt động - Trường Chính trị", "") == TITLE
    assert titles.choose([], "Trang chủ", "Tiêu đề từ og:title") == "Tiêu đề từ og:title"


# --------------------------------------------------------------------------- generic path (issue 23)


@pytest.mark.parametrize(
    ("meta_row", "author"),
    [
        (
            '<div class="submitted">Gửi bởi <span>Lăng Thị Hoa</span> vào Thứ Sáu, 22/11/2019 - 10:05</div>',
            "Lăng Thị Hoa",
        ),
        (
            '<div class="meta">Ngày xuất bản: 12/04/2023 10:20 | <span>Người đăng: Kim Thị Sa Ry</span> | Lượt xem: 576</div>',
            "Kim Thị Sa Ry",
        ),
        (
            '<div class="td-meta"><div>By</div> <a href="/author/x/">Nguyễn Hoàng Phúc</a><div> - </div></div>',
            "Nguyễn Hoàng Phúc",
        ),
        ('<span class="small">Viết bởi Nguyễn Thị Minh Thư</span>', "Nguyễn Thị Minh Thư"),
    ],
)
def test_theme_bylines_beside_the_headline(meta_row: str, author: str) -> None:
    """Meta rows of unseen themes name the author with a label; the label is never kept."""
    page = html(
        f"<title>{TITLE}</title>",
        f"<h1>{TITLE}</h1>{meta_row}<div class='noidung'>{ps(P1, P2)}</div>",
    )
    a = extract_article(page, "https://tct.example.vn/tin/1.html")
    assert a.author == author
    check(a, [P1, P2], ["bởi", "Người đăng", "By"])


def test_header_clock_matched_by_a_rule_selector_is_never_the_date() -> None:
    page = html(
        f"<title>{TITLE}</title>",
        '<input type="hidden" name="__VIEWSTATE" value="x">'
        '<span id="ctl00_lblDate">Hôm nay: Chủ nhật, ngày 06/12/2026</span>'
        f'<span id="ctl00_Detail_lblTitle">{TITLE}</span>'
        '<span id="ctl00_Detail_lblDate">Ngày cập nhật: 15/10/2020 3:42:18 CH</span>'
        f'<div id="ctl00_Detail_pnlContent">{ps(P1, P2)}</div>',
    )
    a = extract_article(page, "https://tct.example.vn/ArticleDetail.aspx?ID=5")
    assert a.date == "2020-10-15" and a.published_at == "2020-10-15T15:42:18+07:00"


def test_hatom_published_stamp_dates_a_blog_post() -> None:
    page = html(
        f"<title>Blog: {TITLE}</title>",
        "<h2 class='date-header'><span>Tuesday, March 26, 2019</span></h2>"
        f"<h3 class='post-title'>{TITLE}</h3><div class='post-body entry-content'>{ps(P1, P2)}</div>"
        "<div class='post-footer'><span class='post-author vcard'>Posted by <span class='fn'>Lò Thị Mai</span>"
        " at <abbr class='published' title='2019-03-26T08:36:00+07:00'>8:36 AM</abbr></span></div>",
    )
    a = extract_article(page, "https://x.blogspot.com/2019/03/post.html")
    assert (a.date, a.author) == ("2019-03-26", "Lò Thị Mai")
    check(a, [P1, P2], ["Posted by", "8:36 AM"])


def test_frontpage_headline_in_a_centred_paragraph_and_place_date_line() -> None:
    """No heading, ``<title>`` is the site name: the bold large line above the text is the title."""
    page = html(
        "<title>Trường Chính trị tỉnh Hòa Bình</title>",
        '<p><font size="1"><a href="/">Trang chủ</a> &gt;&gt; <a href="/tintuc.htm">Tin tức</a></font></p>'
        f'<p align="center"><b><font size="4" color="#CC0000">{TITLE}</font></b></p>'
        '<p align="center"><i><font size="3">Hòa Bình, ngày 12 tháng 10 năm 2009</font></i></p>'
        + ps(P1, P2, P3),
    )
    a = extract_article(page, "http://tct.hoabinh.example.vn/tintuc/2009/k25.htm")
    assert (a.title, a.date) == (TITLE, "2009-10-12")
    check(a, [P1, P3], ["Hòa Bình, ngày 12"])


def test_headline_div_with_a_title_class_beats_a_site_name_title() -> None:
    page = html(
        "<title>Truong chinh tri Nguyen Van Cu</title>",
        f'<div id="content"><div class="news_title">{TITLE}</div>'
        '<div class="news_date">Ngày đăng: 28/12/2022</div>'
        f'<div class="news_body">{ps(P1, P2)}</div></div>',
    )
    a = extract_article(page, "http://tct.bacninh.example.vn/?page=news_detail&id=12")
    assert (a.title, a.date) == (TITLE, "2022-12-28")


def test_date_in_brackets_inside_the_headline_is_the_date_not_part_of_the_title() -> None:
    page = html(
        "<title>Trường Chính trị tỉnh Đắk Lắk</title>",
        f'<h2 class="post-title">{TITLE} <span class="post-date">(14/06/2017, 15:42)</span></h2>'
        f"<div class='news_content'>{ps(P1, P2)}</div>",
    )
    a = extract_article(page, "http://tct.daklak.example.vn/index.php?act=detail&id=7")
    assert (a.title, a.date, a.published_at) == (TITLE, "2017-06-14", "2017-06-14T15:42:00+07:00")
    check(a, [P1, P2], ["14/06/2017", TITLE])


def test_frontpage_cell_keeps_the_article_and_drops_menus_footer_and_other_news() -> None:
    """No rule names the container: the cell holding headline and text is the article, and
    the "Các tin khác" table after it is chrome."""
    menu = "".join(
        f'<tr><td><a href="/{i}.htm"><b>{n}</b></a></td></tr>'
        for i, n in enumerate(["Giới thiệu", "Văn bản", "Liên hệ"])
    )
    page = html(
        "<title>Trường Chính trị tỉnh Vĩnh Phúc</title>",
        f'<table><tr><td width="180"><table>{menu}</table><p align="center"><b>Liên kết</b><br>'
        '<a href="http://tinhuy.example.vn">Văn phòng Tỉnh ủy</a></p></td><td width="710">'
        f'<p align="center"><b><font size="4">{TITLE}</font></b></p>'
        '<p align="center"><i>Vĩnh Yên, ngày 05 tháng 12 năm 2008</i></p>'
        + ps(P1, P2, P3)
        + '<p align="right"><b>ThS. Nguyễn Văn Bình - GV khoa Nhà nước và pháp luật</b></p>'
        '<p align="right"><a href="/index.htm">Về trang chủ</a> | <a href="#top">Lên đầu trang</a></p>'
        '<hr><p><b><font size="2">Các tin khác</font></b></p><table>'
        '<tr><td><a href="/a.htm">Giải bóng chuyền hơi chào mừng Ngày Phụ nữ Việt Nam 2008</a> (20/10/2008)</td></tr>'
        '<tr><td><a href="/b.htm">Nghiệm thu đề tài khoa học cấp cơ sở năm 2008</a> (02/10/2008)</td></tr>'
        "</table></td></tr></table>"
        "<p>Bản quyền thuộc Trường Chính trị tỉnh Vĩnh Phúc. Địa chỉ: Phường Đống Đa</p>",
    )
    a = extract_article(page, "http://tct.vinhphuc.example.vn/tintuc/2008/hoithao.htm")
    assert (a.title, a.date, a.author) == (TITLE, "2008-12-05", "Nguyễn Văn Bình")
    check(
        a,
        [P1, P2, P3],
        [
            "Giới thiệu",
            "Liên kết",
            "Văn phòng Tỉnh ủy",
            "Về trang chủ",
            "Các tin khác",
            "Giải bóng",
            "Bản quyền",
        ],
    )


def test_meta_rows_between_an_inferred_headline_and_the_text_are_not_body() -> None:
    page = html(
        "<title>Trường Chính trị tỉnh Tây Ninh</title>",
        '<div class="wrap"><ul class="cats"><li><a href="/c/">Tin hoạt động</a></li></ul>'
        f'<h1 class="entry-title">{TITLE}</h1><div class="meta"><div>By</div> <a href="/author/p/">'
        "Nguyễn Hoàng Phúc</a><div> - </div><span>18/11/2025</span><div>487</div></div>"
        f"<div class='td-post-text'>{ps(P1, P2)}</div></div>",
    )
    a = extract_article(page, "https://tct.tayninh.example.vn/ky-niem-20-11/")
    assert (a.title, a.author) == (TITLE, "Nguyễn Hoàng Phúc")
    assert a.text.startswith(P1)


def test_a_unit_signing_alone_at_the_end_is_the_author() -> None:
    page = html(
        f"<title>{TITLE}</title>",
        f"<h1>{TITLE}</h1><div class='noidung'>{ps(P1, P2)}"
        '<p style="text-align: right;"><strong>Khoa Xây dựng Đảng</strong></p></div>',
    )
    a = extract_article(page, "https://tct.example.vn/tin/2.html")
    assert a.author == "Khoa Xây dựng Đảng"
    check(a, [P1, P2], ["Khoa Xây dựng Đảng"])


def test_a_signature_above_the_attachment_rows_is_the_author() -> None:
    page = html(
        f"<title>{TITLE}</title>",
        f"<table class='tbl_chitiet'><tr><td class='tieude_chitiet'>{TITLE}</td></tr>"
        "<tr><td class='ngaydang'>Thời gian đăng: 09/06/2022 10:15:33 SA</td></tr>"
        f"<tr><td class='noidung_chitiet'><div id='divContent'>{ps(P1, P2)}"
        '<p align="right"><b>Phạm Thị Thanh Huyền - Khoa Xây dựng Đảng</b></p></div></td></tr>'
        "<tr><td class='file_dinhkem'><b>Tài liệu đính kèm:</b><br>"
        "<a href='../Uploads/ke-hoach.pdf'>Ke-hoach-2022.pdf</a><br>"
        "<a href='../Uploads/tai-lieu.docx'>Tai lieu tap huan.docx</a></td></tr></table>",
    )
    a = extract_article(page, "https://tct.example.vn/tin/3.aspx")
    assert a.author == "Phạm Thị Thanh Huyền"
    check(a, [P1, P2], ["Phạm Thị Thanh Huyền", "Ke-hoach-2022.pdf"])


def test_elementor_theme_footer_is_chrome() -> None:
    page = html(
        f'<meta name="generator" content="WordPress 6.4"><title>{TITLE}</title>',
        f"<div data-elementor-type='single-post'><h1>{TITLE}</h1><div class='elementor-widget-container'>{ps(P1, P2)}</div></div>"
        "<div data-elementor-type='footer'><div><p>Địa chỉ: Số 588, đường Nguyễn Văn Cừ, phường Hồng Hải</p>"
        "<p>Điện thoại: 0203.3835.312</p><p>Bản quyền © 2026 Trường Đào tạo cán bộ.</p></div></div>",
    )
    a = extract_article(page, "https://tct.example.vn/2024/01/25/ke-hoach/")
    check(a, [P1, P2], ["Số 588", "Điện thoại", "Bản quyền"])


# --------------------------------------------------------------------------- provenance and flags


def test_each_field_says_which_rule_found_it() -> None:
    """NukeViet selectors found every field."""
    page = html(
        f'<meta name="generator" content="NukeViet v4.0"><title>{TITLE} - Tin tức</title>',
        f'<div class="news_column"><h1>{TITLE}</h1><span class="h5">Thứ năm - 01/07/2021 22:50</span>'
        f'<div class="hometext">{P3}</div><div id="news-bodyhtml">{ps(P1, P2)}</div>'
        '<p class="h5 text-right"><strong>Tác giả bài viết: Võ Thị Nhiên</strong></p></div>',
    )
    a = extract_article(page, "https://tct.example.vn/news/tin-tuc/khai-giang-123.html")
    assert a.extraction["title"] == a.extraction["date"] == a.extraction["body"] == "cms:nukeviet"
    assert a.extraction["lead"] == a.extraction["author"] == "cms:nukeviet"
    assert not a.generic and "source" not in a.extraction
    assert "no-author" not in a.flags and "no-date" not in a.flags


def test_site_hints_are_the_site_path_and_metadata_the_meta_path() -> None:
    page = html(
        '<meta property="article:published_time" content="2023-06-16T03:00:00Z">'
        f'<meta property="og:title" content="{TITLE}"><title>Trang chủ</title>',
        f"<div class='box'>{ps(P1, P2, P3)}</div>",
    )
    a = extract_article(page, "https://tct.example.vn/a?id=1", {"content": "div.box"})
    assert a.extraction == {"title": "meta", "date": "meta", "body": "site"}
    assert a.date == "2023-06-16" and "title-from-title-tag" not in a.flags


def test_quality_flags_name_what_a_person_should_check() -> None:
    page = html(
        "<title>Hội nghị sơ kết công tác - Trường Chính trị tỉnh</title>", f"<div>{P1}</div>"
    )
    a = extract_article(page, "https://tct.example.vn/tin?id=9")
    assert a.title == "Hội nghị sơ kết công tác"
    assert a.extraction["title"] == "title-tag" and a.extraction["body"] == "generic" and a.generic
    assert a.flags == ["no-date", "no-author", "title-from-title-tag", "short-body"]


def test_a_long_dated_signed_article_has_no_flags() -> None:
    page = html(
        f"<title>{TITLE}</title>",
        f"<h1>{TITLE}</h1><p>Ngày đăng: 01/02/2021</p><div class='noidung'>{ps(P1, P2, P3, P1 + ' ' + P2)}"
        "<p>Tin, ảnh: Võ Thị Nhiên</p></div>",
    )
    a = extract_article(page, "https://tct.example.vn/tin/3.html")
    assert (
        a.flags == [] and a.extraction["date"] == "generic" and a.extraction["author"] == "generic"
    )


def test_a_page_wrapper_holding_a_sidebar_is_not_taken_for_the_article() -> None:
    page = html(
        "<title>Trường Chính trị tỉnh</title>",
        f'<div id="wrapper"><div class="main"><div class="news_title">{TITLE}</div>'
        f"<div class='text'>{ps(P1, P2, P3)}</div></div>{SIDEBAR}</div>",
    )
    a = extract_article(page, "https://tct.example.vn/?page=news_detail&id=4")
    assert a.title == TITLE
    check(a, [P1, P2, P3], ["Hội nghị tổng kết công tác thi đua", "Lượt truy cập"])


WRONG_HINT_PAGE = """<html><head><meta charset="utf-8"><title>Trường Chính trị tỉnh</title></head>
<body><div id="skin_header"><div class="header_right">
<span id="dnn_dnnCURRENTDATE_lblDate" class="DateToken">Thứ hai, 07/12/2026</span></div></div>
<div id="dnn_ContentPane"><div class="DnnModule DnnModule-EasyDNNnews"><div class="edn_article">
<h1 class="edn_articleTitle">Hội nghị tổng kết công tác đào tạo năm học 2021 - 2022</h1>
<div class="edn_metaDetails">Ngày đăng: 04/11/2022</div>
<div class="edn_articleContent">
<p>Ngày 03/11/2022, Trường Chính trị tỉnh tổ chức Hội nghị tổng kết công tác đào tạo, bồi dưỡng năm học 2021 - 2022 và triển khai nhiệm vụ năm học mới với sự tham dự của toàn thể cán bộ, giảng viên.</p>
<p>Năm học qua, Nhà trường đã mở 42 lớp với hơn 3.500 học viên, hoàn thành vượt kế hoạch được giao; chất lượng giảng dạy và nghiên cứu khoa học tiếp tục được nâng lên.</p>
</div></div></div></div>
<div id="skin_footer"><div id="dnn_FooterPane" class="FooterPane">
<div id="dnn_ctr9_HtmlModule_lblContent" class="Normal"><p>TRƯỜNG CHÍNH TRỊ TỈNH</p>
<p>Địa chỉ: Số 1 đường Trần Hưng Đạo, phường Đức Thắng, thành phố Phan Thiết</p>
<p>Giấy phép số 04/GP-TTĐT do Sở Thông tin và Truyền thông cấp.</p></div></div></div>
</body></html>"""


def test_a_wrong_cms_hint_never_takes_the_footer_or_the_header_clock() -> None:
    """The registry says ASP.NET, the site is DotNetNuke: the ASP.NET rule's selectors
    (``lblContent``, ``lblDate``) match the footer's HTML module and the skin's current
    date. The body is the article's, the date its own (never today's)."""
    article = extract_article(WRONG_HINT_PAGE.encode(), "http://h/post/1.aspx", {"cms": "aspnet"})
    assert "42 lớp với hơn 3.500 học viên" in article.text
    assert "Địa chỉ" not in article.text and "Giấy phép" not in article.text
    assert article.date == "2022-11-04"
    assert article.extraction["body"] != "cms:aspnet"


# --------------------------------------------------------------------------- unseen layouts (the second blind set's kinds of page)


def test_a_block_theme_date_in_time_datetime_and_a_byline_split_across_blocks() -> None:
    page = html(
        f"<title>{TITLE} – Trường Chính trị tỉnh</title>",
        f"<main><h1 class='wp-block-post-title'>{TITLE}</h1>"
        "<div class='wp-block-group'><div class='wp-block-post-date'>"
        "<time datetime='2020-10-12T08:00:00+07:00'>12 Tháng Mười, 2020</time></div>"
        "<div class='wp-block-group'><p>bởi</p><div class='wp-block-post-author-name'>"
        "Phòng Đào tạo</div></div></div>"
        f"<div class='entry-content wp-block-post-content'>{ps(P1, P2)}</div></main>",
    )
    a = extract_article(page, "https://tct.example.vn/tin-tuc/boi-duong/")
    assert (a.date, a.published_at) == ("2020-10-12", "2020-10-12T08:00:00+07:00")
    assert a.author == "Phòng Đào tạo"
    check(a, [P1, P2], ["bởi", "Phòng Đào tạo"])


@pytest.mark.parametrize(
    ("marked", "author"),
    [
        ("<span class='amp-wp-author author vcard'>Phòng Quản lý đào tạo</span>",
         "Phòng Quản lý đào tạo"),
        ("<div class='ArticleAuthor'>ThS. Lường Văn Chung - Khoa Nhà nước và Pháp luật</div>",
         "Lường Văn Chung"),
        ("<div class='post-author'>Thư viện</div>", "Thư viện"),
        ("<span class='news-list-author' itemprop='author'>Tác giả: Hoàng Thị Liên</span>",
         "Hoàng Thị Liên"),
        ("<p class='tacgia'><b><i>CTV</i></b></p>", "CTV"),
    ],
)  # fmt: skip
def test_an_element_marked_as_the_author(marked: str, author: str | None) -> None:
    page = html(
        f"<title>{TITLE}</title>",
        f"<div class='article'><h1>{TITLE}</h1><p>Ngày đăng: 16/09/2024</p>{marked}"
        f"<div class='content'>{ps(P1, P2)}</div></div>",
    )
    assert extract_article(page, "https://tct.example.vn/tin/4.html").author == author


def test_a_commenter_under_the_text_is_not_the_author() -> None:
    page = html(
        f"<title>{TITLE}</title>",
        f"<div class='article'><h1>{TITLE}</h1><p>Ngày đăng: 16/09/2024</p>"
        f"<div class='content'>{ps(P1, P2)}</div><div class='comments'><h3>Ý kiến bạn đọc</h3>"
        "<div class='comment-author'>Nguyễn Văn Bạn Đọc</div><p>Bài viết rất hay.</p></div></div>",
    )
    a = extract_article(page, "https://tct.example.vn/tin/4.html")
    assert a.author is None
    check(a, [P1, P2], ["Nguyễn Văn Bạn Đọc", "Bài viết rất hay", "Ý kiến bạn đọc"])


def test_a_labelled_date_below_the_text_and_never_a_related_item_date() -> None:
    page = html(
        "<title>Trường Chính trị tỉnh</title>",
        "<div class='clock'>Thứ Bảy, 07/09/2024</div>"
        f"<div class='zone-content'><h1 class='title'>{TITLE}</h1>{ps(P1, P2)}</div>"
        "<div class='zone-meta'><span>Thời gian đăng: 05/09/2024 15:20</span> "
        "<span>Người viết: Nguyễn Thị Thùy Linh</span></div>"
        "<div class='zone-related'><h3>Các tin khác</h3><ul><li><a href='/a.html'>"
        "Kế hoạch mở lớp tháng 10 năm 2024</a> <em>(12/03/2024)</em></li></ul></div>",
    )
    a = extract_article(page, "https://tct.example.vn/ViewDetail/Ab12/bai-viet.html")
    assert (a.date, a.published_at) == ("2024-09-05", "2024-09-05T15:20:00+07:00")
    assert a.author == "Nguyễn Thị Thùy Linh"


def test_a_unit_signing_under_a_short_last_sentence_and_above_a_documents_row() -> None:
    last = "Kết thúc lớp học, 100% học viên đạt yêu cầu và được cấp giấy chứng nhận."
    page = html(
        f"<title>{TITLE}</title>",
        f"<h1>{TITLE}</h1><div class='noidung'>{ps(P1, P2, last)}"
        "<p style='text-align: right'><em>Khoa Dân vận</em></p>"
        "<p>Tài liệu: <a href='/media/bao-cao.pdf'>Báo cáo tổng kết năm 2021</a></p></div>",
    )
    a = extract_article(page, "https://tct.example.vn/tin/5.html")
    assert a.author == "Khoa Dân vận"
    check(a, [P1, P2, last], ["Khoa Dân vận", "Báo cáo tổng kết năm 2021", "Tài liệu"])


def test_a_layout_table_of_headline_text_and_other_news() -> None:
    """Classic ASP: one table holds the headline row, the text, a signature row, the
    documents and "CÁC TIN KHÁC"; the sidebar is a cell of the page's table."""
    page = html(
        "<title>Trường Chính trị tỉnh Quảng Bình</title>",
        "<table><tr><td class='left'><table><tr><td class='boxtitle'>THỐNG KÊ TRUY CẬP</td></tr>"
        "<tr><td>Số người đang online: 12</td></tr></table></td><td><table>"
        f"<tr><td class='title_news'>{TITLE}</td></tr><tr><td>Ngày đăng: 11/03/2019</td></tr>"
        f"<tr><td>{ps(P1, P2)}</td></tr><tr><td align='right'><b>Phòng Quản lý đào tạo</b></td></tr>"
        "<tr><td><b>File đính kèm:</b><br><a href='../upload/tb.doc'>TB-tuyensinh-2019.doc</a></td></tr>"
        "<tr><td class='boxtitle'>CÁC TIN KHÁC</td></tr><tr><td class='tinkhac'>"
        "<a href='chitiet.asp?ID=2100'>Học viên lớp Trung cấp thăm Khu di tích lịch sử</a></td></tr>"
        "</table></td></tr></table>",
    )
    a = extract_article(page, "https://tct.example.vn/tintuc/chitiet.asp?ID=2113")
    assert (a.title, a.date, a.author) == (TITLE, "2019-03-11", "Phòng Quản lý đào tạo")
    check(a, [P1, P2], ["THỐNG KÊ", "online", "TB-tuyensinh", "CÁC TIN KHÁC", "Khu di tích"])


def test_documents_boxes_and_english_tool_rows_are_not_text() -> None:
    page = html(
        f"<title>{TITLE}</title>",
        f"<div class='news'><h1>{TITLE}</h1><p>Ngày đăng: 13/01/2023</p>"
        f"<div class='body'>{ps(P1, P2)}</div>"
        "<div class='na-attachments'><h4>Tài liệu đính kèm</h4><ul><li><a href='/bc.pdf'>"
        "Báo cáo kết quả Hội nghị cán bộ, viên chức năm 2023</a></li></ul></div>"
        "<div class='links'><a href='/tin-tuc'>Back to list</a> "
        "<a href='javascript:window.print()'>Print</a></div></div>",
    )
    a = extract_article(page, "https://tct.example.vn/tin-tuc/hoi-nghi")
    check(a, [P1, P2], ["Tài liệu đính kèm", "Báo cáo kết quả Hội nghị", "Back to list", "Print"])


def test_a_br_body_around_a_photo_table_still_has_its_headline_above() -> None:
    """Classic ASP in windows-1258: the text is one ``<br><br>`` block with the photo's
    table inside, the headline a ``td`` with its date in brackets, ``<title>`` the site."""
    body = (
        "<table><tr><td class='title_news'>" + TITLE + " <span class='ngay'>[27/06/2018 16:05]"
        "</span></td></tr><tr><td><div class='noidung'>" + P1 + "<br><br>"
        "<table><tr><td><img src='/a.jpg'></td></tr><tr><td>Quang cảnh buổi lễ</td></tr></table>"
        + P2
        + "<br><br>"
        + P3
        + "</div></td></tr></table>"
    )
    page = html("<title>Trường Chính trị tỉnh Sơn La</title>", body)
    a = extract_article(
        page.encode("cp1258", "xmlcharrefreplace"), "https://tct.example.vn/t.asp?ID=9"
    )
    assert (a.title, a.date, a.published_at) == (TITLE, "2018-06-27", "2018-06-27T16:05:00+07:00")


def test_a_paragraph_that_only_links_a_document_is_not_text() -> None:
    page = html(
        f"<title>{TITLE}</title>",
        f"<div class='section'><h1>{TITLE}</h1>"
        f"<p>Đăng ngày 08/12/2021 - Người đăng: Bùi Văn Nghĩa</p>{ps(P1, P2)}"
        "<p><a href='https://drive.google.com/file/d/1xK/view'>Bảng điểm học phần (Google Drive)</a></p>"
        "<p>Xem <a href='/files/kq.pdf'>kết quả</a> và liên hệ Phòng Đào tạo để được giải đáp thêm.</p>"
        "</div>",
    )
    a = extract_article(page, "https://sites.example.vn/tct/tin-tuc/ket-qua")
    assert (a.date, a.author) == ("2021-12-08", "Bùi Văn Nghĩa")
    check(a, [P1, P2, "liên hệ Phòng Đào tạo"], ["Bảng điểm học phần", "Google Drive"])


def test_a_forum_post_under_a_portal_header() -> None:
    """Moodle: the portal's h1 names the site; the post's own header (an h3, its author
    and date on one line) is inside the article; permalink and reply are a menubar."""
    page = html(
        "<title>E-learning Trường Chính trị tỉnh Đắk Lắk</title>",
        "<header id='page-header'><h1>Hệ thống học tập trực tuyến - Trường Chính trị tỉnh Đắk Lắk"
        f"</h1></header><article class='forum-post'><header class='mb-2 header'><h3>{TITLE}</h3>"
        "<div>bởi Nguyễn Thị Hằng - Thứ Hai, 12 tháng 5 2025, 9:15 AM</div></header>"
        f"<div class='post-content'>{ps(P1, P2)}</div><div role='menubar'>"
        "<a href='/p#1'>Liên kết cố định</a><a href='/reply'>Trả lời</a></div></article>",
    )
    a = extract_article(page, "https://lms.example.vn/mod/forum/discuss.php?d=214")
    assert (a.title, a.date, a.author) == (TITLE, "2025-05-12", "Nguyễn Thị Hằng")
    check(a, [P1, P2], ["Liên kết cố định", "Trả lời", "Hệ thống học tập"])


def test_a_headline_found_only_in_the_metadata_still_leads_to_its_byline() -> None:
    page = html(
        f"<title>Tin hoạt động | Trường Chính trị</title><meta property='og:title' content='{TITLE}'>",
        f"<div class='o_wblog_post_title'><div id='o_wblog_post_name'>{TITLE}</div></div>"
        "<div><div class='o_wblog_author_avatar'><img src='/a.png'></div>"
        "<span class='ms-2'>Võ Thị Ngọc Hân</span></div>"
        f"<section><div class='o_wblog_post_content_field'>{ps(P1, P2)}</div></section>",
    )
    a = extract_article(page, "https://tct.example.vn/blog/tin-hoat-dong-2/tong-ket-12")
    assert (a.title, a.author) == (TITLE, "Võ Thị Ngọc Hân")


def test_chrome_of_more_kinds_around_the_text() -> None:
    """Vietnamese column names (cot-trai), a breadcrumb (duong-dan), next/previous links,
    a comment box with its form labels, and "Các tin khác" in a one-cell table row."""
    page = html(
        f"<title>{TITLE}</title>",
        "<div id='noidung'><div class='cot-trai'><div class='khung'><div>Văn bản mới</div>"
        "<ul><li><a href='/vb'>Quyết định ban hành Quy chế học viên</a></li></ul></div></div>"
        "<div class='cot-giua'><div class='duong-dan'><a href='/'>Trang chủ</a></div>"
        f"<h2 class='tin-tieude'>{TITLE}</h2><div>Ngày cập nhật: 12/05/2025</div>{ps(P1, P2)}"
        "<div class='ccm-block-next-previous-wrapper'><h5>Bài trước</h5><p><a href='/x'>"
        "Hội nghị sơ kết công tác 9 tháng năm 2024</a></p></div>"
        "<div class='ccm-conversation-wrapper'><h4>Bình luận</h4><p>Chưa có bình luận nào.</p>"
        "<label>Tên của bạn</label><input type='text'></div>"
        "<table><tr><td><b>Các tin khác:</b></td></tr><tr><td>- <a href='/k36.htm'>Khai giảng "
        "lớp Trung cấp chính trị khóa 36</a> (28/8/2006)</td></tr></table></div></div>",
    )
    a = extract_article(page, "https://tct.example.vn/Default.aspx?tin_id=88")
    check(a, [P1, P2], ["Văn bản mới", "Quy chế học viên", "Trang chủ", "Bài trước",
                        "sơ kết", "Bình luận", "Tên của bạn", "Các tin khác", "khóa 36"])  # fmt: skip


def test_a_converted_pdf_page() -> None:
    """pdftohtml lines: a bulletin's running header, the headline again over two lines,
    the page number."""
    head, tail = TITLE[:30], TITLE[31:]
    lines = ["BẢN TIN NỘI BỘ TRƯỜNG CHÍNH TRỊ TỈNH LAI CHÂU - SỐ 01/2025", head, tail, P1, P2,
             "- 3 -"]  # fmt: skip
    page = html(
        f"<title>{TITLE}</title>",
        f"<h1>{TITLE}</h1><p>Ngày đăng: 06/03/2025</p><div class='pdf'>"
        + "".join(f"<p style='position:absolute'>{line}</p>" for line in lines)
        + "</div>",
    )
    a = extract_article(page, "https://tct.example.vn/ban-tin/so-01.html")
    assert a.text.split("\n\n") == [P1, P2]


def test_the_heading_right_above_the_text_beats_a_section_name_and_an_outline() -> None:
    """Moodle in English: the forum's name (h2, also in <title>) above the post's subject
    (h3, its byline and date under it); a converted document's "Document Outline" h1 below."""
    page = html(
        "<title>Trường Chính trị tỉnh Quảng Bình: Site announcements</title>",
        "<h2>Site announcements</h2><div><a href='/f'>Back to Site announcements</a></div>"
        f"<article><h3>{TITLE}</h3><div>by Hoàng Văn Lực - Tuesday, 3 December 2024, 2:40 PM"
        f"</div><div class='post'>{ps(P1, P2)}</div></article><h1>Document Outline</h1>",
    )
    a = extract_article(page, "https://elearning.example.vn/mod/forum/discuss.php?d=7")
    assert (a.title, a.date, a.author) == (TITLE, "2024-12-03", "Hoàng Văn Lực")


def test_a_posts_cover_footer_holds_its_date_and_unit() -> None:
    page = html(
        f"<title>Tin tức | Trường Chính trị</title><meta property='og:title' content='{TITLE}'>",
        f"<div class='post_title'><div id='post_name'>{TITLE}</div></div>"
        "<div class='o_wblog_post_page_cover_footer'><div><span>Văn phòng Đảng ủy</span></div>"
        "<div class='small'><span>12/05/2024</span> trong <a href='/blog'>Tin tức</a></div></div>"
        f"<section><div class='post_content'>{ps(P1, P2)}</div></section>"
        "<footer><p>Cập nhật: 06/12/2026</p></footer>",
    )
    a = extract_article(page, "https://tct.example.vn/blog/tin-tuc-1/hoi-nghi-12")
    assert (a.title, a.date, a.author) == (TITLE, "2024-05-12", "Văn phòng Đảng ủy")


# --------------------------------------------------------------------------- blind sets 4 and 5


def test_a_flat_page_saved_from_a_word_processor() -> None:
    """Headline and text straight under <body>: the masthead above and the footer below are
    not the text; the author's role line under the name; a 'Tải về:' line of a document."""
    page = html(
        "<title>Mot so giai phap</title>",
        "<table><tr><td><p><b>TRƯỜNG CHÍNH TRỊ TỈNH PHÚ YÊN</b></p>"
        "<p>Trung thành - Sáng tạo - Kỷ cương</p></td></tr></table>"
        f"<p align=center><font size=5><b>{TITLE}</b></font></p>"
        "<p><i>Ngày đăng: 05/08/2020</i></p><p align=right><b>ThS. Đặng Thị Kim Oanh</b></p>"
        "<p align=right><i>Giảng viên Khoa Xây dựng Đảng</i></p>"
        f"{ps(P1, P2)}<p>Tải về: <a href='bai.doc'>Bản Word của bài viết</a></p><hr>"
        "<p><b>Các tin đã đăng:</b></p><p>- <a href='/x.htm'>Vận dụng tư tưởng Hồ Chí Minh về "
        "dân vận</a> (20/07/2020)</p><p>Trường Chính trị tỉnh Phú Yên - 02 Trần Phú</p>",
    )
    a = extract_article(page, "http://tct.example.vn/Uploads/NghienCuu/bai.htm")
    assert (a.title, a.date, a.author) == (TITLE, "2020-08-05", "Đặng Thị Kim Oanh")
    assert a.text.split("\n\n") == [P1, P2]


def test_dates_a_reader_would_take() -> None:
    """A header clock a CMS selector matches is not the date; 'Đăng lúc: 10:15 | 05/03/2024
    trong chuyên mục X' is a date line; a join date is not the date."""
    clock = html(
        f"<title>{TITLE}</title>",
        "<div class='topbar'><span id='lblDate'>Thứ Sáu, ngày 24/05/2024</span></div>"
        f"<div class='news-detail'><h1 class='title-news'>{TITLE}</h1>"
        "<div class='date-news'>Ngày đăng: 17/05/2024 | 10:42</div>"
        f"<div class='content-news'>{ps(P1, P2)}</div></div>",
    )
    a = extract_article(clock, "https://tct.example.vn/tin-tuc/be-giang-4418.html",
                        {"cms": "aspnet"})  # fmt: skip
    assert a.date == "2024-05-17"
    category = html(
        f"<title>{TITLE}</title>",
        f"<h2 class='post-title'>{TITLE}</h2><p class='info'>Đăng lúc: 10:15 | 05/03/2024 "
        f"trong chuyên mục <a href='/c'>Tin hoạt động</a></p><div>{ps(P1, P2)}</div>",
    )
    assert extract_article(category, "https://tct.example.vn/home/tin/a-1528.html").date == (
        "2024-03-05"
    )
    joined = html(
        f"<title>{TITLE}</title>",
        f"<h2>{TITLE}</h2><dl><dd>Ngày tham gia: T.Năm 07/09/2017 2:10 pm</dd></dl>"
        "<p><time datetime='2023-05-15T01:20:00+00:00'>T.Hai 15/05/2023 8:20 am</time></p>"
        f"<div class='content'>{ps(P1, P2)}</div>",
    )
    assert extract_article(joined, "https://forum.example.vn/viewtopic.php?t=1").date == (
        "2023-05-15"
    )


def test_dates_below_the_text_beside_the_headline_and_in_scholarly_metadata() -> None:
    below = html(
        f"<title>{TITLE}</title>",
        f"<h2 class='title'>{TITLE}</h2>{ps(P1, P2)}<div class='meta'>"
        "<a href='/post/7' class='date'>21 tháng 7, 2023</a> · <a href='#n'>14 ghi chú</a></div>",
    )
    assert extract_article(below, "https://tct.tumblr.com/post/7/x").date == "2023-07-21"
    row_above = html(
        f"<title>{TITLE}</title>",
        "<table><tr><td class='ngaydang'>Ngày 19/11/2010</td></tr>"
        f"<tr><td class='tieudetin'>{TITLE}</td></tr><tr><td>{ps(P1, P2)}</td></tr></table>",
    )
    assert extract_article(row_above, "http://tct.example.vn/xem.asp?ma=287").date == "2010-11-19"
    journal = html(
        f"<title>{TITLE}</title><meta name='citation_author' content='Danh Thị Ngọc Bích'>"
        "<meta name='citation_author' content='Huỳnh Văn Thạnh'>"
        "<meta name='citation_date' content='2023/06/30'>",
        f"<h1 class='page_title'>{TITLE}</h1><section>{ps(P1, P2)}</section>",
    )
    a = extract_article(journal, "https://tapchi.example.vn/index.php/tt/article/view/218")
    assert (a.date, a.author) == ("2023-06-30", "Danh Thị Ngọc Bích, Huỳnh Văn Thạnh")


def test_a_page_class_word_does_not_make_the_whole_page_chrome() -> None:
    """Drupal prints 'one-sidebar sidebar-second' on <body>: the post's own date line is
    still the article's."""
    page = (
        "<html><head><meta charset='utf-8'><title>x</title></head>"
        "<body class='html one-sidebar sidebar-second'>"
        f"<h1 class='title'>{TITLE}</h1><div class='node'><div class='submitted'><span "
        "property='dc:date' content='2019-11-22T10:05:00+07:00'>Gửi bởi Lăng Thị Hoa vào Thứ "
        f"Sáu, 22/11/2019 - 10:05</span></div><div class='content'>{ps(P1, P2)}</div></div>"
        "</body></html>"
    )
    a = extract_article(page, "https://tct.example.vn/node/1742", {"cms": "drupal"})
    assert a.date == "2019-11-22"


def test_leads_credits_and_signatures_of_more_vendors() -> None:
    """'sapo' in any class is the lead; a share bar glued to its links; an author marked
    above the headline in the post's header; a forum signature under its rule."""
    page = html(
        f"<title>{TITLE}</title>",
        "<article><div class='blog-post-header'><span class='x1 user-name'>Hồ Đăng Khoa</span>"
        f"<h1>{TITLE}</h1></div><div class='sapo-news'><strong>{P3}</strong></div>"
        f"<div class='body'>{ps(P1, P2)}<p>__________________</p><p>Ban biên tập diễn đàn</p>"
        "</div><div class='x'><span>Chia sẻ</span><a href='https://facebook.com/s'>Facebook</a>"
        "<a href='https://zalo.me/s'>Zalo</a></div></article>",
    )
    a = extract_article(page, "https://tct.example.vn/post/tham-quan")
    assert a.author == "Hồ Đăng Khoa"
    assert a.text.split("\n\n") == [P3, P1, P2]


def test_a_topic_before_the_headline_and_an_infobox_unit() -> None:
    xoops = html(
        f"<title>{TITLE} - Tin tức - Trường Chính trị</title>",
        f"<div class='itemHead'><span class='itemTitle'><a href='/t=3'>Hoạt động nhà trường</a> "
        f": {TITLE}</span></div><div class='itemInfo'><span>Đăng bởi <a href='/u'>quantri</a>"
        "</span> <span class='itemPostDate'>vào 22/1/2016 16:42:07</span></div>"
        f"<div class='itemBody'>{ps(P1, P2)}<div align=right><b>Nguyễn Thị Kim Loan (Phòng "
        "Tổ chức - Hành chính)</b></div></div>",
    )
    a = extract_article(xoops, "http://tct.example.vn/modules/news/article.php?storyid=612")
    assert (a.title, a.date, a.author) == (TITLE, "2016-01-22", "Nguyễn Thị Kim Loan")
    wiki = html(
        f"<title>{TITLE} – Wiki</title>",
        f"<h1>{TITLE}</h1><div class='mw-parser-output'><table class='infobox'><tr><th>Đơn vị "
        "chủ trì</th><td>Phòng QLĐT&amp;NCKH</td></tr></table>"
        f"<p>{P1}</p><h2><span>Nội dung</span><span class='mw-editsection'>[sửa mã nguồn]</span>"
        f"</h2><p>{P2}</p><h2>Xem thêm</h2><ul><li><a href='/a'>Đề án chuyển đổi số giai đoạn "
        "2024 - 2026</a></li><li><a href='/b'>Danh sách hội thảo khoa học</a></li></ul></div>",
    )
    a = extract_article(wiki, "https://wiki.example.vn/index.php/Hoi_thao")
    assert a.author is None
    check(a, [P1, P2], ["sửa mã nguồn", "Đề án chuyển đổi số", "Danh sách hội thảo"])


def test_a_forum_threads_first_post_is_the_article() -> None:
    post = (
        "<div id='p{n}' class='post bg{n}'><dl class='postprofile'><dt>{who}</dt>"
        "<dd>Bài viết: 3</dd></dl><div class='postbody'><h3>{subject}</h3>"
        "<div class='content'>{text}</div>{sig}</div></div><hr class='divider'>"
    )
    first = post.format(n=1, who="daotao_tct", subject=TITLE,
                        text=f"{P1}<br><br>{P2}<br><br><div align=right><strong>Phòng Quản lý "
                        "học viên</strong></div>",
                        sig="<div class='signature'>Mọi thắc mắc xin gửi tin nhắn riêng</div>")  # fmt: skip
    reply = post.format(n=2, who="hocvien_k25", subject=f"Re: {TITLE[:30]}",
                        text="Cho em hỏi học viên được mang tài liệu vào phòng thi không ạ?",
                        sig="")  # fmt: skip
    page = html(
        f"<title>{TITLE} - Diễn đàn</title>",
        f"<h2 class='topic-title'>{TITLE}</h2><div class='action-bar'>Gửi bài trả lời</div>"
        f"{first}{reply}<div class='jumpbox'>Chuyển đến</div>",
    )
    a = extract_article(page, "https://diendan.example.vn/viewtopic.php?t=1342")
    assert a.author == "Phòng Quản lý học viên"
    check(a, [P1, P2], ["Mọi thắc mắc", "Cho em hỏi", "Re:", "Bài viết: 3", "Chuyển đến"])


def test_a_newsletter_and_a_notes_form() -> None:
    """An e-mail newsletter's cells (inline styles, a caption in the row under the photo,
    a list of other news as link rows); a Lotus Notes form (<font> paragraphs, an inline
    label over link lines, the text's cell as the container)."""
    cell = "<tr><td style='{style}'>{text}</td></tr>"
    rows = [("font-size:12px", "TRƯỜNG CHÍNH TRỊ TỈNH"), ("font-size:24px;font-weight:bold", TITLE),
            ("color:#888", "Thứ Hai, 16/9/2024"), ("", P1), ("", "<img src='a.jpg'>"),
            ("font-style:italic", "Đồng chí Phó Hiệu trưởng phát biểu khai giảng"), ("", P2)]  # fmt: skip
    news = "".join(f"<tr><td><a href='/t{i}'>Tin vắn số {i} của nhà trường trong tháng</a> "
                   f"(2{i}/08/2024)</td></tr>" for i in range(3))  # fmt: skip
    page = html(
        "<title>Bản tin điện tử số 09/2024</title>",
        "<table>" + "".join(cell.format(style=s, text=t) for s, t in rows) + "</table>"
        f"<table><tr><td>TIN VẮN TRONG THÁNG</td></tr>{news}</table>",
    )
    a = extract_article(page, "https://tct.example.vn/uploads/bantin/so-09.html")
    assert (a.title, a.date) == (TITLE, "2024-09-16")
    assert "Đồng chí Phó Hiệu trưởng phát biểu khai giảng" in a.captions
    check(a, [P1, P2], ["TIN VẮN", "Tin vắn số", "phát biểu khai giảng"])
    notes = html(
        "<title>Truong Chinh tri tinh</title>",
        "<table><tr><td>DANH MỤC</td><td><table><tr><td><b><font size=4>"
        f"{TITLE}</font></b></td></tr><tr><td><font size=1>Ngày đăng: 22/03/2021 10:45:00 AM"
        f"</font></td></tr><tr><td><font>{P1}</font><br><br><font>{P2}</font><br><br>"
        "<div align=right><b><i>Phòng Quản lý đào tạo</i></b></div></td></tr><tr><td><hr>"
        "<font><b>Tin cùng chuyên mục</b></font><br><img src='b.gif'><font><a href='/x'>Lớp bồi"
        " dưỡng nghiệp vụ công tác kiểm tra Đảng</a> (10/03/2021)</font><br></td></tr></table>"
        "</td></tr></table>",
    )
    a = extract_article(notes, "http://tct.example.vn/portal/tct.nsf/vwTinTuc/4A2C?OpenDocument")
    assert (a.title, a.date, a.author) == (TITLE, "2021-03-22", "Phòng Quản lý đào tạo")
    check(a, [P1, P2], ["Tin cùng chuyên mục", "kiểm tra Đảng"])


def test_a_repository_item_page() -> None:
    """DSpace: a badge in the headline, a record's fields (the abstract is the text), the
    author field, a table of files."""
    fields = [("Ngày ban hành", "2023-11-28"), ("Tác giả", "Khoa Lý luận cơ sở"),
              ("Nhà xuất bản", "Trường Đào tạo cán bộ"), ("Tóm tắt", ps(P1, P2)),
              ("Từ khóa", "kinh tế biển; Quảng Ninh"), ("Xuất hiện trong bộ sưu tập", "Kỷ yếu")]  # fmt: skip
    page = html(
        f"<title>{TITLE}</title>",
        f"<h1><div class='badge'>Tài liệu</div><span>{TITLE}</span></h1>"
        + "".join(
            f"<div class='field'><h2 class='field-header'>{k}</h2><div>{v}</div></div>"
            for k, v in fields
        )  # fmt: skip
        + "<table><tr><th>Tập tin</th><th>Kích thước</th></tr><tr><td><a href='/b/1/ky-yeu.pdf'>"
        "ky-yeu.pdf</a></td><td>6.21 MB</td></tr></table>",
    )
    a = extract_article(page, "https://tulieu.example.vn/handle/QNDT/2310")
    assert (a.title, a.date, a.author) == (TITLE, "2023-11-28", "Khoa Lý luận cơ sở")
    assert a.text.split("\n\n") == [P1, P2]


def test_a_plain_headline_the_title_repeats_and_a_posted_by_footer() -> None:
    """PHP-Fusion: the headline in a plain cell that <title> repeats, the date in the news
    footer after the poster's account; the author's role on the line under the name."""
    page = html(
        f"<title>Trường Chính trị tỉnh Bắc Kạn - Tin tức: {TITLE}</title>",
        "<table><tr><td class='sub-header'>Thứ Tư, Tháng 3 05 2025</td></tr></table>"
        f"<table><tr><td class='capmain-left'></td><td class='capmain'>{TITLE}</td>"
        f"<td class='capmain-right'></td></tr></table><div class='news-item'>{P1}<br><br>{P2}"
        "<div style='text-align:right'><strong>Hoàng Thị Sen</strong><br>Bí thư Chi đoàn</div>"
        "</div><table><tr><td class='news-footer'>Đăng bởi <a href='/p'>admin</a> lúc "
        "02/03/2025 15:20 &middot; <a href='/c'>Đoàn thể</a> &middot; 154 Lượt đọc</td></tr>"
        "</table>",
    )
    a = extract_article(page, "http://tct.example.vn/news.php?readmore=412")
    assert (a.title, a.date, a.author) == (TITLE, "2025-03-02", "Hoàng Thị Sen")


def test_the_sites_name_linking_home_is_not_the_headline_and_units_sign() -> None:
    page = html(
        f"<title>Trường Chính trị tỉnh Tây Ninh {TITLE}</title>",
        "<td class='s4-titletext'><h1><a href='/'>Trường Chính trị tỉnh Tây Ninh</a></h1></td>"
        f"<div class='pageTitle'>Trường Chính trị tỉnh Tây Ninh {TITLE}</div>"
        f"<div>Ngày xuất bản: 29/08/2025</div><div class='articleContent'>{ps(P1, P2)}"
        "<p align=right><strong><em>Ủy ban Kiểm tra Đảng ủy</em></strong></p></div>"
        "<p><a href='/tin'>« Trở về</a> <a href='javascript:print()'>In trang</a></p>",
    )
    a = extract_article(page, "https://tct.example.vn/tintuc/Pages/tong-ket.aspx")
    assert (a.title, a.author) == (
        f"Trường Chính trị tỉnh Tây Ninh {TITLE}",
        "Ủy ban Kiểm tra Đảng ủy",
    )
    signed = html(f"<title>{TITLE}</title>",
                  f"<h1>{TITLE}</h1>{ps(P1, P2)}<p align=right>Trịnh Minh Phương (Văn phòng)</p>")  # fmt: skip
    assert extract_article(signed, "https://tct.example.vn/hoi-nghi/").author == "Trịnh Minh Phương"


def test_apparatus_site_names_font_bodies_and_dashed_signatures() -> None:
    """A references section; a forum's name in an h1 that <title> ends with; a Perl
    script's <font> body under the headline's <p>; '— Name' over a post's meta row."""
    wiki = html(
        f"<title>{TITLE} - Diễn đàn Trường Chính trị tỉnh Long An</title>",
        "<h1>Diễn đàn Trường Chính trị tỉnh Long An</h1>"
        f"<h2 class='topic-title'><a href='/t=877'>{TITLE}</a></h2>{ps(P1, P2)}"
        "<h2>Tham khảo</h2><div class='reflist'><ol class='references'><li>Quyết định mở lớp "
        "của Giám đốc Học viện, tháng 4/2022.</li></ol></div>",
    )
    a = extract_article(wiki, "https://diendan.example.vn/viewtopic.php?t=877")
    assert a.title == TITLE
    check(a, [P1, P2], ["Tham khảo", "Quyết định mở lớp"])
    perl = html(
        "<title>Truong Chinh tri tinh Bac Kan</title>",
        "<table><tr><td><font><a href='/c=2'>Nghiên cứu khoa học</a></font>"
        f"<p><font size=4><b>{TITLE}</b></font><br><font>Thứ Hai, ngày 16 tháng 4 năm 2018"
        "</font></p><p><font><b><i>Ma Văn Thành (Phòng Đào tạo)</i></b></font></p>"
        f"<font size=3>{P1}<br><br>{P2}<br><br></font></td></tr></table>",
    )
    a = extract_article(perl, "http://tct.example.vn/cgi-bin/news.cgi?cat=2&id=1045")
    assert (a.title, a.date, a.author) == (TITLE, "2018-04-16", "Ma Văn Thành")
    tumblr = html(
        f"<title>{TITLE}</title>",
        f"<article><h2 class='title'>{TITLE}</h2><div class='body'>{ps(P1, P2)}"
        "<p>— Lê Hữu Phước</p></div><div class='meta'><a class='date' href='/post/7'>Ngày 26 "
        "tháng 7 năm 2024</a> · <a href='#notes'>31 ghi chú</a> <a href='/r'>Đăng lại</a></div>"
        "</article>",
    )
    a = extract_article(tumblr, "https://tct.tumblr.com/post/7/tri-an")
    assert (a.date, a.author) == ("2024-07-26", "Lê Hữu Phước")
    assert a.text.split("\n\n") == [P1, P2]


def test_pdftohtml_plain_output_loose_in_the_body() -> None:
    """No wrapper at all: a running header, the headline in <b>, the byline in <i>, prose
    a line per <br>, page numbers, the next page's running header, the document outline."""
    lines = [P1[:90], P1[90:], P2[:90], P2[90:]]
    page = (
        "<html><head><title>so-3-2024-bai-4</title><meta name='generator' content='pdftohtml'>"
        "</head><body><a name=1></a>BẢN TIN THÔNG TIN KHOA HỌC - TRƯỜNG CHÍNH TRỊ TỈNH<br>"
        f"<b>{TITLE}</b><br><i>ThS. Nguyễn Văn Bé Tư - Khoa Nhà nước và Pháp luật</i><br>"
        + "<br>".join(lines[:2])
        + "<br>12<br><hr><a name=2></a>Số 3/2024 - Nghiên cứu, trao đổi"
        "<br>" + "<br>".join(lines[2:]) + "<br>13<br><hr><a name='outline'></a><h1>Document "
        "Outline</h1><ul><li><a href='s.html#1'>Lời giới thiệu</a></li><li><a href='s.html#3'>"
        "Tin hoạt động</a></li></ul></body></html>"
    )
    a = extract_article(page, "http://tct.example.vn/bantin/so-3-2024-bai-4.html")
    assert (a.title, a.author) == (TITLE, "Nguyễn Văn Bé Tư")
    check(a, [P1[:60], P2[:60]], ["BẢN TIN", "Số 3/2024", "Document Outline", "Lời giới thiệu"])
    assert not any(line in ("12", "13") for line in a.text.split("\n\n"))


def test_short_news_items_and_a_content_column_named_menu() -> None:
    """A short item (no paragraph of 150 characters) under a section name; e107: the
    content cell is 'default_menu', the headline a plain div over 'Đăng bởi X lúc <date>',
    the text a <br> body in a div with the signature inside."""
    short = [P1[:120].strip(), P2[:120].strip(), P3[:120].strip()]
    cpanel = html(
        "<title>Tin tức</title>",
        "<table><tr><td class='rvs-left'><p>Tất cả: 96.418</p></td><td class='rvs-content'>"
        f"<p class='rvs-pagetitle'>TIN HOẠT ĐỘNG</p><hr><p><font size=4><b>{TITLE}</b></font>"
        "</p><p><i>Đăng ngày 20/8/2024</i></p>" + ps(*short) + "</td></tr></table>",
    )
    a = extract_article(cpanel, "http://tct.example.vn/tin_12.html")
    assert (a.title, a.date) == (TITLE, "2024-08-20")
    check(a, short, ["TIN HOẠT ĐỘNG", "96.418"])
    e107 = html(
        "<title>Trường Chính trị tỉnh Long An / Tin tức</title>",
        "<table><tr><td class='left_menu'><div class='menu_caption'>Ai đang trực tuyến</div>"
        "<div class='menu_text'>Khách: 6<br>Thành viên mới nhất: thuvien_tct</div></td>"
        f"<td class='default_menu'><div class='news_item'><div class='caption'>{TITLE}</div>"
        "<div class='smalltext'>Đăng bởi <a href='/u'>quantri</a> lúc Thứ sáu 09 Tháng 4 2021 - "
        f"15:00:00 · <a href='/c'>Hoạt động</a></div><div class='news_body'>{P1}<br><br>{P2}"
        "<br><br><div style='text-align:right'><b>Võ Hoài Phong</b></div></div>"
        "<div class='news_footer'><a href='/p'>Bản in</a></div></div></td></tr></table>",
    )
    a = extract_article(e107, "http://tct.example.vn/news.php?extend.210")
    assert (a.title, a.date, a.author) == (TITLE, "2021-04-09", "Võ Hoài Phong")
    check(a, [P1, P2], ["Khách", "thuvien_tct", "Bản in"])


def test_documentation_and_site_builder_themes() -> None:
    """MkDocs: a permalink's ¶ in the h1, 'Ngày đăng: X Người viết: Y' in one <p>; Weebly:
    its content in 'wsite-not-footer', '19/1/2021 | 0 Bình luận' under the headline;
    'entry-lead', 'links-nextprev' and hashtag lines."""
    mkdocs = html(
        f"<title>{TITLE} - Trường Chính trị</title>",
        f"<article class='md-content__inner'><h1 id='x'>{TITLE}<a class='headerlink' "
        "href='#x'>&para;</a></h1><p>Ngày đăng: 25/11/2022<br>Người viết: Trần Khánh Linh</p>"
        f"{ps(P1, P2)}</article>",
    )
    a = extract_article(mkdocs, "https://tct.example.vn/tin-tuc/2022/giai-nhi/")
    assert (a.title, a.date, a.author) == (TITLE, "2022-11-25", "Trần Khánh Linh")
    weebly = html(
        f"<title>{TITLE} - Trường Chính trị</title><meta property='og:title' content='{TITLE}'>",
        "<div class='wsite-elements wsite-not-footer'><div class='blog-post'>"
        f"<h2 class='blog-title'><a href='/tin/x'>{TITLE}</a></h2><p class='blog-date'>"
        "<span>19/1/2021</span> <span>|</span> <a href='#c'>0 Bình luận</a></p>"
        f"<div class='entry-lead'><strong>{P3}</strong></div>{ps(P1, P2)}"
        "<p><a href='/t/a'>#truongchinhtri</a> <a href='/t/b'>#hocvien</a></p>"
        "<ul class='links-nextprev'><li>← Bài trước<br><a href='/p'>Lịch giảng tuần 50 các lớp"
        "</a></li></ul></div></div>",
    )
    a = extract_article(weebly, "https://tct.example.vn/tin-tuc/ban-hanh-ke-hoach")
    assert (a.title, a.date) == (TITLE, "2021-01-19")
    assert a.text.split("\n\n") == [P3, P1, P2]


def test_a_signature_class_a_shorter_first_paragraph_and_an_archive_box() -> None:
    """After the seventh set's sealed third was spent: a signature marked by its class
    (pruned from the text, read as the credit); a first paragraph of fewer than 150
    characters over a longer one; an 'Lưu trữ' box."""
    short, long_ = P1[:140].rsplit(" ", 1)[0] + ".", P2 + " " + P3
    page = html(
        "<title>Trường Chính trị tỉnh Lai Châu</title>",
        f"<div class='shape'><p class='MsoTitle'><b><span>{TITLE}</span></b></p>"
        f"<p class='MsoNormal'><i>Ngày 09 tháng 9 năm 2024</i></p><p>{short}</p><p>{long_}</p>"
        "<p class='signature'><strong>Phan Ngọc Thạch</strong></p></div>"
        "<div><p>Lưu trữ</p><p><a href='/archive.html'>Lưu trữ bài viết</a></p></div>",
    )
    a = extract_article(page, "http://tct.example.vn/tin-tuc/tu-danh-gia.htm")
    assert (a.title, a.date, a.author) == (TITLE, "2024-09-09", "Phan Ngọc Thạch")
    assert a.text.split("\n\n") == [short, long_]


def test_wiki_and_page_builder_pages() -> None:
    """Confluence: 'Ngày đăng: 12 thg 9, 2024' (thg for tháng), the last edit's date in a
    'last-modified' link, labels and likes under the text; a page builder's text in two
    sections around a photo's; an icon font's glyph before a marked author; 'Sửa lần
    cuối' and '<< Trở về' lines."""
    wiki = html(
        f"<title>{TITLE} - Wiki</title>",
        f"<h1 class='pagetitle'><a href='/p?id=4'>{TITLE}</a></h1><div class='page-metadata'>"
        "Được tạo bởi <span class='author'><a href='/~qt'>Quản trị hệ thống</a></span>, sửa lần "
        "cuối vào <a class='last-modified' href='/d'>03 thg 12, 2026</a></div>"
        f"<div class='wiki-content'><p>Ngày đăng: 12 thg 9, 2024 10:15</p>{ps(P1, P2)}"
        "<p style='text-align:right'><em>Bùi Thanh Hương</em></p></div><div class='labels-section'>"
        "<span>Nhãn:</span><ul><li><a href='/l/tin'>tin-tuc</a></li></ul></div>"
        "<div class='likes'><a href='#'>Thích</a> Hãy là người đầu tiên thích trang này</div>",
    )
    a = extract_article(wiki, "https://wiki.example.vn/pages/viewpage.action?pageId=4")
    assert (a.title, a.date, a.author) == (TITLE, "2024-09-12", "Bùi Thanh Hương")
    check(a, [P1, P2], ["Nhãn", "tin-tuc", "người đầu tiên"])
    builder = html(
        f"<title>{TITLE}</title>",
        f"<section class='header1 x'><h1>{TITLE}</h1><p>Ngày 08/11/2024</p></section>"
        f"<section class='content5 a'>{ps(P1, P2)}</section><section class='image3 b'><figure>"
        "<img src='a.jpg'><figcaption>Quang cảnh hội giảng</figcaption></figure></section>"
        f"<section class='content5 a'>{ps(P3)}<p style='text-align:right'><span class='author'>"
        "\ue7fd Phạm Quang Khải</span></p></section><section class='features3'><h2>Tin khác</h2>"
        "<p><a href='/t'>Lịch giảng tuần 50 các lớp hệ tập trung</a></p></section>",
    )
    a = extract_article(builder, "https://tct.example.vn/hoi-giang-2024.html")
    assert (a.title, a.date, a.author) == (TITLE, "2024-11-08", "Phạm Quang Khải")
    assert a.text.split("\n\n") == [P1, P2, P3]
    edited = html(
        f"<title>{TITLE}</title>",
        f"<h1>{TITLE}</h1><p>Ngày đăng: 16/04/2025</p>{ps(P1, P2, DEADLINE)}<p>Thạch Thị Sa Rết (Khoa "
        "Xây dựng Đảng)</p><p>Sửa lần cuối: 07/01/2025 10:11</p><p><a href='/'>&lt;&lt; Trở về"
        "</a></p>",
    )
    a = extract_article(edited, "https://tct.example.vn/tin-tuc/boi-duong.html")
    assert (a.date, a.author) == ("2025-04-16", "Thạch Thị Sa Rết")
    assert a.text.split("\n\n") == [P1, P2, DEADLINE]  # a deadline is a sentence of the text


DEADLINE = "Hạn nộp tiểu luận về Phòng Đào tạo trước ngày 25/10/2024."


def test_blog_engines_and_one_page_sites() -> None:
    """b2evolution: 'Đăng bởi <full name> vào ngày … lúc …'; Serendipity: '22. Tháng Bảy
    2016' over the block the headline opens; Alfresco: an h1 naming the wiki space above the
    headline that has the date under it; Carrd: the closing lines after 'Tin khác'."""
    b2 = html(
        f"<title>{TITLE}</title>",
        f"<h2 class='evo_post_title'>{TITLE}</h2><div class='evo_post_info'>Đăng bởi <a href='/u'>"
        "Nguyễn Thu Phúc</a> vào ngày 02/09/2020 lúc 11:52 trong <a href='/c'>Tin tức</a></div>"
        f"<div class='evo_post_text'>{ps(P1, P2)}</div>",
    )
    assert extract_article(b2, "https://tct.example.vn/tin-tuc/bai-4").date == "2020-09-02"
    s9y = html(
        f"<title>{TITLE}</title>",
        "<h3 class='serendipity_date'>Thứ sáu, 22. Tháng Bảy 2016</h3><div class='entry'>"
        f"<h4 class='serendipity_title'><a href='/archives/530'>{TITLE}</a></h4>"
        f"<div class='serendipity_entry'>{ps(P1, P2)}</div></div>",
    )
    assert extract_article(s9y, "https://tct.example.vn/index.php?/archives/530").date == (
        "2016-07-22"
    )
    wiki = html(
        f"<title>Alfresco » Tin tức: {TITLE}</title>",
        "<div class='title-bar'><h1>Trang tin tức</h1></div><div class='wiki-page'>"
        f"<div class='title'>{TITLE}</div><div class='meta'>Người viết: Trần Kim Sơn | Cập nhật "
        f"ngày 15-11-2018</div><div class='rich-content'>{ps(P1, P2)}</div></div>",
    )
    assert extract_article(wiki, "https://tct.example.vn/share/page/wiki-page").title == TITLE
    carrd = html(
        f"<title>{TITLE}</title>",
        f"<section><h1>{TITLE}</h1><p>Ngày 10/10/2025</p>{ps(P1, P2)}<p>Mai Hữu Nga</p><hr>"
        "<h3>Tin khác</h3><ul><li><a href='/t'>Lịch giảng dạy tháng 10 của các khoa</a></li></ul>"
        "<p>Địa chỉ: Số 19 đường Trần Hưng Đạo, Đà Nẵng<br>Giấy phép số 109/GP-TTĐT do Sở Thông "
        "tin và Truyền thông cấp</p><p>Made with Carrd</p></section>",
    )
    a = extract_article(carrd, "https://tct.example.vn/tin-tuc/bai-9")
    assert a.author == "Mai Hữu Nga"
    assert a.text.split("\n\n") == [P1, P2]


def test_a_bulletin_mailed_and_saved_as_a_web_page() -> None:
    """Outlook's 'save as web page': the mail header gives the date (its 'Sent:' line) and is
    not text; the greeting above the headline and everything from 'Trân trọng,' on are the
    mail's frame. A letter published as an article keeps its greeting."""
    mail = html(
        f"<title>{TITLE}</title>",
        "<div class=WordSection1><p class=MsoNormal><b>From:</b> Văn phòng &lt;vp@tct.vn&gt;<br>"
        "<b>Sent:</b> Thứ hai, 21 tháng 11, 2022 1:38 CH<br><b>To:</b> Cán bộ toàn trường<br>"
        "<b>Subject:</b> Bản tin nội bộ số 26</p><p class=MsoNormal>Kính gửi các đồng chí,</p>"
        "<p class=MsoNormal>Văn phòng trân trọng gửi bản tin nội bộ.</p>"
        f"<p class=MsoNormal align=center><b>{TITLE}</b></p>{ps(P1, P2)}"
        "<p class=MsoNormal>Trân trọng,</p><p class=MsoNormal>Văn phòng Trường Chính trị</p>"
        "<p class=MsoNormal>Thư này được gửi tự động, vui lòng không trả lời.</p></div>",
    )
    a = extract_article(mail, "https://tct.example.vn/ban-tin/so-26.htm")
    assert (a.title, a.date) == (TITLE, "2022-11-21")
    assert a.text.split("\n\n") == [P1, P2]
    letter = html(
        f"<title>{TITLE}</title>",
        f"<h1>{TITLE}</h1><p>Ngày 02/01/2024</p><p>Kính gửi các đồng chí học viên,</p>"
        f"{ps(P1, P2)}<p>Trân trọng!</p>",
    )
    text = extract_article(letter, "https://tct.example.vn/tin-tuc/thu-chuc-tet.html").text
    assert "Kính gửi các đồng chí học viên," in text and "Trân trọng!" in text


def test_a_back_link_and_a_download_box_beside_the_text() -> None:
    """A 'Quay lại danh sách tin' link right after the text's block is its own line (chrome),
    not glued to the byline; an AEM download box between two text sections does not end
    the text, but a 'Tin khác' section after it is not the text."""
    bitrix = html(
        f"<title>{TITLE}</title>",
        f"<div class='news-detail'><span class='news-date-time'>23.12.2023</span><h3>{TITLE}</h3>"
        "<img src='/upload/a7.jpg'><div class='news-img-caption'>Đồng chí Cao Văn Hoa phát "
        f"biểu</div><div class='detail_text'>{P1}<br><br>{P2}<br><br><b>Tin, ảnh: Mai Ngọc Bình"
        "</b></div><div class='news-img-caption'>Các đại biểu chụp ảnh lưu niệm</div>"
        "<div class='news-detail-share'>Chia sẻ</div><a href='/news/'>Quay lại danh sách tin</a>"
        "</div>",
    )
    a = extract_article(bitrix, "https://tct.example.vn/news/detail.php?ID=12")
    assert a.author == "Mai Ngọc Bình" and "Quay lại" not in a.text
    part = "<div class='text aem-GridColumn'><div class='cmp-text'>{}</div></div>"
    aem = html(
        f"<title>{TITLE}</title>",
        f"<h1 class='cmp-title__text'>{TITLE}</h1><div>Ngày đăng: 08/06/2017 08:13</div>"
        + part.format(ps(P1, P2))
        + "<div class='download'><a href='/content/dam/ke-hoach.pdf'>Tải về kế hoạch</a></div>"
        + part.format("<p><b>Lý Thanh Dũng - Phòng Tổ chức - Hành chính</b></p>")
        + part.format("<h3>Tin khác</h3><p><a href='/t/1'>Lịch giảng dạy tháng 6</a></p>"),
    )
    a = extract_article(aem, "https://tct.example.vn/content/tct/tin/bai-1.html")
    assert a.author == "Lý Thanh Dũng"
    assert "Lịch giảng dạy" not in a.text and P2 in a.text


def test_wiki_forum_and_blog_archive_pages() -> None:
    """DokuWiki: a wrapper whose class says the page has a sidebar is not a sidebar; a
    journal's 'PDF' galley link and its 'how to cite' block are not text; Discourse: the
    replies (schema.org comments) are not the first post's text, whose last line signs it;
    SMF: the poster's box before the subject names the author; Multiply: the date line's
    first line before a '<br>' and a two-digit year; Yahoo! 360: a blog's name as h1."""
    wiki = html(
        "<title>quy_trinh [Sổ tay nghiệp vụ - Trường Chính trị tỉnh Thái Bình]</title>",
        "<div class='site dokuwiki hasSidebar'><h1 class='logo'>Sổ tay nghiệp vụ</h1>"
        "<div id='dokuwiki__aside'><h3>Mục lục</h3><ul><li><a href='/x'>Quy chế</a></li></ul>"
        f"</div><div class='page group'><h1 class='sectionedit1'>{TITLE}</h1><div class='level1'>"
        f"<p>{P1}</p><ol><li><div class='li'>{P2}</div></li></ol><p>{P3}</p></div>"
        "<ul class='galleys_links'><li><a href='/article/view/218/145'>PDF</a></li></ul>"
        "<div class='item citation'><h2>Cách trích dẫn</h2><div>Trần Văn An. (2023). Bài viết."
        "</div></div></div></div>",
    )
    a = extract_article(wiki, "https://tct.example.vn/doku.php?id=daotao:quy_trinh")
    assert a.title == TITLE
    assert all(p in a.text for p in (P1, P2, P3))
    assert "PDF" not in a.text and "Cách trích dẫn" not in a.text and "(2023)" not in a.text
    reply = "Cho em hỏi lớp có bố trí chỗ ở cho học viên các huyện miền núi không ạ?"
    forum = html(
        f"<title>{TITLE} - Diễn đàn học viên</title>",
        f"<div id='topic-title'><h1>{TITLE}</h1></div><div itemscope><div class='crawler-post'>"
        "<time class='post-time'>Tháng 5 21, 2025</time><div class='post' itemprop='text'>"
        f"{ps(P1, P2)}<p>Nguyễn Minh Tuấn</p></div></div><div itemprop='comment' itemscope "
        "itemtype='http://schema.org/Comment' class='crawler-post'><span class='creator'>"
        f"ngocmai</span><div class='post' itemprop='text'><p>{reply}</p></div></div></div>",
    )
    a = extract_article(forum, "https://diendan.tct.example.vn/t/khai-giang/418")
    assert a.author == "Nguyễn Minh Tuấn" and reply not in a.text
    smf = html(
        f"<title>{TITLE}</title>",
        "<div class='post_wrapper'><div class='poster'><h4><a href='/profile;u=212'>Hoàng Thị "
        "Thủy</a></h4><ul><li>Học viên</li><li>Bài viết: 37</li></ul></div><div class='postarea'>"
        f"<h5><a href='/topic=1'>{TITLE}</a></h5><div class='smalltext'>« vào: 15 Tháng Năm, "
        f"2024, 08:12:44 »</div><div class='post'><div class='inner'>{P1}<br><br>{P2}</div></div>"
        "</div></div>",
    )
    assert extract_article(smf, "https://diendan.tct.example.vn/index.php?topic=1").author == (
        "Hoàng Thị Thủy"
    )
    multiply = html(
        f"<title>{TITLE} - Minh Khoa 84</title>",
        f"<div class='itembox'><div id='item_header'><div class='itemsubj'>{TITLE}</div>"
        "<div class='itemsubsub'>Oct 3, '09 9:47 PM<br>for everyone</div></div>"
        f"<div id='body' class='bodytext'>{P1}<br><br>{P2}</div></div>",
    )
    a = extract_article(multiply, "http://minhkhoa84.multiply.com/journal/item/37")
    assert (a.title, a.date, a.published_at[:16]) == (TITLE, "2009-10-03", "2009-10-03T21:47")
    yahoo = html(
        "<title>Yahoo! 360° - Ngọc ~ Mây Mường Lò's Blog</title>",
        "<div id='ymgl-hd'><h1>Ngọc ~ Mây Mường Lò's Blog</h1></div><div class='entry'>"
        f"<h3 class='entry-title'>Ngày cuối khóa</h3><div class='content'>{P1}<br><br>{P2}</div>"
        "<p class='footer'>Thursday July 19, 2007 - 10:16pm (ICT)</p></div>"
        "<div id='ymgl-ft'><p>Copyright © 2007 Yahoo! Inc.</p></div>",
    )
    a = extract_article(yahoo, "http://blog.360.yahoo.com/blog-Xk3T?p=142")
    assert (a.title, a.date) == ("Ngày cuối khóa", "2007-07-19")


def test_units_signing_under_the_text() -> None:
    """A team ('Tổ Thư viện') and a long department name under a place-and-date line sign the
    item; 'Tổ chức …' opens a sentence, not a unit."""
    end = "<p style='text-align:right'><strong>{}</strong></p>"
    for unit in ("Tổ Thư viện", "Phòng Quản lý đào tạo và Nghiên cứu khoa học"):
        page = html(f"<title>{TITLE}</title>", f"<h1>{TITLE}</h1>{ps(P1, P2)}{end.format(unit)}")
        a = extract_article(page, "https://tct.example.vn/tin-tuc/bai-1.html")
        assert a.author == unit and unit not in a.text
    page = html(
        f"<title>{TITLE}</title>", f"<h1>{TITLE}</h1>{ps(P1, P2)}{end.format('Tổ chức Đảng')}"
    )
    assert extract_article(page, "https://tct.example.vn/tin-tuc/bai-2.html").author is None


def test_a_story_signed_with_place_date_and_producer() -> None:
    """Sway: an 'imageCaption' block is a caption; 'Thái Nguyên, ngày 28 tháng 10 năm 2024'
    over the signature dates the story and names no one; 'Người thực hiện: X' is a byline."""
    card = "<div class='card TextCard'><div class='paragraph'><span>{}</span></div></div>"
    page = html(
        f"<title>{TITLE}</title>",
        f"<main><h1 class='title'><span>{TITLE}</span></h1>"
        + card.format(P1)
        + "<div class='card ImageCard'><img src='/i.jpeg'><div class='imageCaption'><span>Trụ "
        "sở Trường Đảng tỉnh những năm 1970</span></div></div>"
        + card.format(P2)
        + card.format("Thái Nguyên, ngày 28 tháng 10 năm 2024")
        + card.format("Người thực hiện: Hà Thị Phương Thảo")
        + "</main>",
    )
    a = extract_article(page, "https://sway.cloud.microsoft/W2nHc7rYd4UeFj9M")
    assert (a.date, a.author) == ("2024-10-28", "Hà Thị Phương Thảo")
    assert a.text.split("\n\n") == [P1, P2]
    assert a.captions == ["Trụ sở Trường Đảng tỉnh những năm 1970"]


def test_blog_wiki_and_note_layouts_of_the_eleventh_set() -> None:
    """Roller: 'tháng 3 12, 2024' over the entry and a unit's byline line under its title;
    'Posted at … in … | Permalink | Bình luận [0]' is a date line. Bludit: a meta row of
    icon-parted fields. Evernote: a custom element holding the note's blocks; a note 'shared
    by' its owner is not a byline; 'Ghi chép của X' is. JSPWiki: '02-Aug-2023' and a wiki
    signature '-- X'. PmWiki: a name and a date on one line in a layout table's column.
    XWiki: 'Tạo bởi X vào 2024/07/10'. Tiki: a unit and a date on one line."""
    roller = html(
        f"<title>{TITLE} (Blog Khoa Nhà nước và Pháp luật)</title>",
        "<div class='dayBox'><div class='dayTitle'>Thứ Năm tháng 10 05, 2023</div><div "
        f"class='entryBox'><p class='entryTitle'>{TITLE}</p><p class='entryByline'>Khoa Nhà nước "
        f"và Pháp luật</p><div class='entryContent'>{ps(P1, P2)}</div><p class='entryInfo'>Posted "
        "at 05/10/2023 14:40 in <a href='/c'>Tin tức</a> | <a href='/e'>Permalink</a> | <a "
        "href='#c'>Bình luận [0]</a></p></div></div>",
    )
    a = extract_article(roller, "https://tct.example.vn/roller/tct/entry/hoi-thao")
    assert (a.title, a.date, a.author) == (TITLE, "2023-10-05", "Khoa Nhà nước và Pháp luật")
    assert "Permalink" not in a.text
    bludit = html(
        f"<title>{TITLE}</title>",
        f"<section class='page'><h1 class='page-title'>{TITLE}</h1><div class='page-meta'><i "
        "class='fa fa-calendar'></i> 19/02/2025 - 10:05 &nbsp; <i class='fa fa-user'></i> ThS. "
        f"Đặng Hữu Lộc - Phó Trưởng phòng</div><div class='page-content'>{ps(P1, P2)}</div>"
        "</section>",
    )
    a = extract_article(bludit, "https://tct.example.vn/huong-dan-tieu-luan")
    assert (a.date, a.author) == ("2025-02-19", "Đặng Hữu Lộc")
    note = html(
        f"<title>{TITLE}</title>",
        "<div id='container'><div class='note-header'><div class='shared-by'>Được chia sẻ bởi "
        "<span>Phạm Thanh Tùng</span></div><a class='btn' href='#'>Lưu vào Evernote</a></div>"
        f"<div class='note-title'><h1>{TITLE}</h1></div><div class='note-content'><en-note>"
        f"<div><b>Ngày 17 tháng 4 năm 2024</b></div><div>{P1}</div><div>{P2}</div><div><i>Ghi "
        "chép của Hoàng Thị Yến</i></div></en-note></div><div class='promo'><p>Ghi nhớ mọi thứ. "
        "<a href='/signup'>Tạo tài khoản miễn phí</a></p></div></div>",
    )
    a = extract_article(note, "https://www.evernote.com/shard/s1/sh/abc/def")
    assert (a.date, a.author) == ("2024-04-17", "Hoàng Thị Yến")
    assert a.text.split("\n\n") == [P1, P2]
    wiki = html(
        f"<title>{TITLE}</title>",
        f"<div class='page-content'><h2>{TITLE}</h2><p class='date'>Đăng ngày: 02-Aug-2023 "
        f"10:44</p>{ps(P1, P2)}<p>Mẫu kèm theo: <a href='/attach/mau.doc'>mau.doc</a></p><p>-- "
        "Phòng Quản lý đào tạo</p></div>",
    )
    a = extract_article(wiki, "https://tct.example.vn/wiki/Wiki.jsp?page=QuyTrinh")
    assert (a.date, a.author) == ("2023-08-02", "Phòng Quản lý đào tạo")
    assert a.text.split("\n\n") == [P1, P2]
    pmwiki = html(
        f"<title>{TITLE}</title>",
        "<table><tr><td id='wikileft'><ul><li><a href='/m'>Trang chính</a></li></ul></td><td "
        f"id='wikibody'><h1 class='pagetitle'>{TITLE}</h1><div id='wikitext'><p><strong>Bùi Thị "
        f"Nhàn</strong> — 20/10/2022</p>{ps(P1, P2)}</div></td></tr></table>",
    )
    a = extract_article(pmwiki, "https://tct.example.vn/pmwiki/pmwiki.php?n=GioiThieu.LichSu")
    assert (a.date, a.author) == ("2022-10-20", "Bùi Thị Nhàn")
    xwiki = html(
        f"<title>{TITLE}</title>",
        f"<div id='document-title'><h1>{TITLE}</h1></div><div class='xdocLastModification'>Tạo "
        "bởi <a href='/u'>Lương Thị Diệu</a> vào 2024/07/10 16:37</div><div id='xwikicontent'>"
        f"{ps(P1, P2)}<p>Báo cáo đầy đủ: <a href='/download/bao-cao.pdf'>bao-cao.pdf</a></p>"
        "</div>",
    )
    a = extract_article(xwiki, "https://tct.example.vn/bin/view/DaoTao/GiaoBan")
    assert a.date == "2024-07-10" and a.text.split("\n\n") == [P1, P2]
    tiki = html(
        f"<title>{TITLE}</title>",
        f"<article><header><h2 class='articletitle'>{TITLE}</h2><span class='titleb'>Tổ Công "
        "nghệ thông tin | Thứ tư 02 Tháng 10, 2024 08:41</span></header><div class='articlebody'>"
        f"{ps(P1, P2)}</div></article>",
    )
    a = extract_article(tiki, "https://tct.example.vn/tiki-read_article.php?articleId=12")
    assert (a.date, a.author) == ("2024-10-02", "Tổ Công nghệ thông tin")


def test_a_portal_column_holding_the_article_is_not_a_sidebar() -> None:
    """'col-left' names a place, not a sidebar: the column holding the article's text (a long
    text, few links) is read; a short column of links and counters is still a sidebar. An
    IBM Connections 'lotusActionBar' is an action bar (camelCase class words)."""
    related = "".join(
        f"<li><a href='/t/{i}'>Tin khác số {i} của nhà trường</a></li>" for i in range(4)
    )
    page = html(
        "<title>Trang chủ - Trường Chính trị</title>",
        f"<div class='col-left'><div class='newsdetail'><h2 class='newsdetail-title'>{TITLE}</h2>"
        f"<span class='newsdetail-date'>(22/11/2023)</span><div class='newsdetail-content'>"
        f"{ps(P1, P2, P3)}<div class='lotusActionBar'><a href='#'>Thích</a> <a href='#c'>Thêm "
        f"bình luận</a></div></div></div><div class='related'><ul>{related}</ul></div></div>"
        "<div class='col-right'><h3>Thư viện ảnh</h3><div>Đang truy cập: 27</div></div>",
    )
    a = extract_article(page, "https://tct.example.vn/Tin-tuc/boi-duong")
    assert (a.title, a.date) == (TITLE, "2023-11-22")
    assert "Thích" not in a.text and "bình luận" not in a.text


def test_signatures_and_meta_rows_of_the_eleventh_sets_sealed_pages() -> None:
    """An en-US '3/4/2024 9:27 AM' is month first; '18.10.2024 | Phòng X' over the headline
    dates and signs it; 'Người soạn: X' is a byline; a unit with the date on the next line
    signs and dates a wiki page; 'Giáo viên chủ nhiệm X' names X; a 'Danh mục' box of
    links is chrome."""
    mojo = html(
        f"<title>{TITLE}</title>",
        f"<div class='blogwrapper'><h2 class='blogitemtitle'>{TITLE}</h2><div class='bloginfo'>"
        f"<span class='blogdate'>3/4/2024 9:27 AM</span></div><div class='blogtext'>{ps(P1, P2)}"
        "</div></div>",
    )
    assert extract_article(mojo, "https://tct.example.vn/blog/post-1.aspx").date == "2024-03-04"
    neos = html(
        f"<title>{TITLE}</title>",
        "<main><div class='neos-nodetypes-text'><p class='meta'>18.10.2024 | Phòng Tổ chức - "
        f"Hành chính</p></div><div class='neos-nodetypes-headline'><h2>{TITLE}</h2></div>"
        f"<div class='neos-nodetypes-text'>{ps(P1, P2)}</div></main>",
    )
    a = extract_article(neos, "https://tct.example.vn/tin-tuc/doi-thoai.html")
    assert (a.date, a.author) == ("2024-10-18", "Phòng Tổ chức - Hành chính")
    compiled = html(
        f"<title>{TITLE}</title>",
        f"<div class='page-content'><h2>{TITLE}</h2><p><i>Người soạn: Nguyễn Khánh Linh</i></p>"
        f"{ps(P1, P2)}<p>Ngày đăng: 26-Feb-2024 15:31</p></div>",
    )
    a = extract_article(compiled, "https://tct.example.vn/wiki/Wiki.jsp?page=DeTai")
    assert (a.date, a.author) == ("2024-02-26", "Nguyễn Khánh Linh")
    wiki = html(
        f"<title>{TITLE}</title>",
        f"<h1 class='pagetitle'>{TITLE}</h1><div id='wikitext'>{ps(P1, P2)}<p style='text-align:"
        "right'><em>Khoa Lý luận cơ sở</em><br>Ngày 11/05/2021 09:20</p></div><div><h5>Danh "
        "mục</h5><ul><li><a href='/c/1'>Đào tạo</a></li></ul></div>",
    )
    a = extract_article(wiki, "https://tct.example.vn/pmwiki/pmwiki.php?n=QuyChe.Thi")
    assert (a.date, a.author) == ("2021-05-11", "Khoa Lý luận cơ sở")
    assert a.text.split("\n\n") == [P1, P2]
    tiki = html(
        f"<title>{TITLE}</title>",
        f"<article><h2 class='articletitle'>{TITLE}</h2><span class='titleb'>Đăng Thứ năm 13 "
        f"Tháng 4, 2023 17:05</span><div class='articlebody'>{ps(P1, P2)}<p style='text-align:"
        "right'>Giáo viên chủ nhiệm Mai Văn Toàn</p></div></article>",
    )
    a = extract_article(tiki, "https://tct.example.vn/tiki-read_article.php?articleId=9")
    assert a.author == "Mai Văn Toàn" and "Mai Văn Toàn" not in a.text


def test_forum_threads_and_old_portals_of_the_twelfth_set() -> None:
    """MyBB: the posts after the first (numbered ids) are replies, and the first poster's box
    names a unit ('Ban cán sự lớp K58'); JForum: the 'Tác giả' column's cell and the post's
    'Tiêu đề: …' line; Chamilo: 'Người gửi: X - Ngày đăng: …' under the text, and 'Thời
    gian: …' in a list is the text's; Geeklog: 'Tháng ba 05 2021'; phpWebSite: the article
    box's own title bar; PivotX: 'Viết bởi X | date'; Nucleus: a meta row of a clock, an
    account, a category and a comment count."""
    reply = "Em đăng ký đi đủ hai ngày, nhờ ban cán sự ghi tên giúp em ạ."
    mybb = html(
        f"<title>{TITLE}</title>",
        f"<div class='thead'><strong>{TITLE}</strong></div><div id='posts'><div class='post' "
        "id='post_1057'><div class='post_author'><div class='author_information'><a href='/u/"
        "57'>Ban cán sự lớp K58</a><br><span>Thành viên</span></div><div class='author_"
        "statistics'>Bài viết: 214</div></div><div class='post_content'><span class='post_date'>"
        f"03/10/2017, 20:31</span><div class='post_body'>{P1}<br><br>{P2}</div></div></div><div "
        "class='post' id='post_1058'><div class='post_author'><div class='author_information'><a "
        "href='/u/88'>Nguyễn Đình Khoa</a></div></div><div class='post_content'><div class='post_"
        f"body'>{reply}</div></div></div></div>",
    )
    a = extract_article(mybb, "https://tct.example.vn/diendan/showthread.php?tid=215")
    assert a.author == "Ban cán sự lớp K58" and reply not in a.text
    jforum = html(
        f"<title>{TITLE}</title>",
        "<table class='forumline'><tr><th>Tác giả</th><th>Thông điệp</th></tr><tr><td><span "
        "class='name'><b>Nguyễn Thu Hằng</b></span><br><span>Tham gia: 12/03/2015</span></td>"
        f"<td><table><tr><td><span class='postdetails'><b>Tiêu đề:</b> {TITLE}</span></td><td>"
        "<span class='postdetails'>Gửi: 21/05/2018 10:42:00</span></td></tr><tr><td colspan='2'>"
        f"<div class='postbody'>{P1}<br><br>{P2}</div></td></tr></table></td></tr></table>",
    )
    a = extract_article(jforum, "https://tct.example.vn/forum/posts/list/418.page")
    assert a.author == "Nguyễn Thu Hằng" and "Tiêu đề" not in a.text
    chamilo = html(
        f"<title>{TITLE}</title>",
        f"<table class='data_table'><tr><th><h3>{TITLE}</h3></th></tr><tr><td class='"
        f"announcements_datum'><p>{P1}</p><ul><li>Thời gian: 7 giờ 30 phút, ngày 20/10/2022.</li>"
        f"</ul><p>{P2}</p></td></tr><tr><td><small>Người gửi: Phòng Quản lý đào tạo &nbsp;-&nbsp; "
        "Ngày đăng: 11/10/2022 14:05</small></td></tr></table>",
    )
    a = extract_article(chamilo, "https://tct.example.vn/main/announcements.php?id=206")
    assert (a.date, a.author) == ("2022-10-11", "Phòng Quản lý đào tạo")
    assert "Thời gian: 7 giờ 30 phút, ngày 20/10/2022." in a.text
    portal = html(
        f"<title>Trường Chính trị Nguyễn Văn Linh - {TITLE}</title>",
        f"<div class='box article'><div class='box-title'><h1>{TITLE}</h1></div><div class='box-"
        f"content'><div>Đăng Thứ sáu, Tháng ba 05 2021 @ 09:15 AM</div>{ps(P1, P2)}</div></div>",
    )
    a = extract_article(portal, "https://tct.example.vn/index.php?module=article&id=7")
    assert (a.title, a.date) == (TITLE, "2021-03-05")
    blog = html(
        f"<title>{TITLE}</title>",
        f"<div class='item'><h3 class='item-title'>{TITLE}</h3><div class='itembody'>{ps(P1, P2)}"
        "<p style='text-align:right'><strong>Võ Thị Ngọc Hân</strong></p></div><div class='"
        "iteminfo'>10:12:00 - <a href='/m/1'>admin</a> - Chuyên mục: <a href='/c/2'>Tin hoạt "
        "động</a> - <a href='#c'>Bình luận (0)</a></div><p class='meta'>Viết bởi <a href='/u'>"
        "Phạm Văn Lực</a> | Thứ ba 12 Tháng 4 2016 - 09:40 | <a href='/c'>Tin hoạt động</a></p>"
        "</div>",
    )
    a = extract_article(blog, "https://tct.example.vn/index.php?itemid=381")
    assert (a.date, a.author) == ("2016-04-12", "Võ Thị Ngọc Hân")
    assert a.text.split("\n\n") == [P1, P2]


def test_an_attachments_size_and_download_count_are_not_text() -> None:
    """A forum's or portal's file box prints the file's size and downloads beside its link:
    '(Kích thước: 412,3 KB / Lượt tải: 188)', '| Tải về (48 KB) |'; a sentence that gives
    a size is the text's."""
    sized = "Phòng đọc mới có kích thước 48 mét vuông, đủ chỗ cho 30 học viên."
    page = html(
        f"<title>{TITLE}</title>",
        f"<h1>{TITLE}</h1><div class='post_body'>{P1}<br><br>{sized}<br><br><a href='/attach"
        ".php?aid=12'>on-tap.pdf</a><br>(Kích thước: 412,3 KB / Lượt tải: 188)<br><br>| <a "
        "href='/download/7'>Tải về (48 KB)</a> |</div>",
    )
    text = extract_article(page, "https://tct.example.vn/diendan/showthread.php?tid=9").text
    assert sized in text and "412,3 KB" not in text and "48 KB" not in text


def test_a_page_wrapper_and_units_named_with_a_comma() -> None:
    """eZ Publish's page wrapper ('div.page.sidemenu', nearly all the page's text) is not a
    menu; 'Phòng Tổ chức, Hành chính' is a unit, 'Tổ Thư viện - Phòng Tổ chức, Hành chính'
    names the team; a sidebar list under the text never gives the author."""
    wrapper = html(
        f"<title>{TITLE} / Tin tức / Trường Chính trị</title>",
        "<div class='page sidemenu extrainfo'><div class='sidemenu'><h3>Chuyên mục</h3><ul><li>"
        "<a href='/c/1'>Lịch giảng dạy tuần 23</a></li></ul></div><div class='class-article'>"
        f"<div class='attribute-header'><h1>{TITLE}</h1></div><div class='attribute-byline'>"
        "<span class='date'>14/02/2025 09:00</span> <span class='author'>Phòng Tổ chức, Hành "
        f"chính</span></div><div class='attribute-body'>{ps(P1, P2, P3)}</div></div></div>",
    )
    a = extract_article(wrapper, "https://tct.example.vn/index.php/Tin-tuc/ket-qua")
    assert (a.title, a.date, a.author) == (TITLE, "2025-02-14", "Phòng Tổ chức, Hành chính")
    team = html(
        f"<title>{TITLE}</title>",
        f"<div class='row'><div class='post'><div class='post-title'>{TITLE}</div><div class='"
        f"post-meta'>03-12-2024</div><div class='post-content'>{ps(P1, P2)}</div><p class='"
        "post-author'><strong>Tổ Thư viện - Phòng Tổ chức, Hành chính</strong></p></div><div><h3>"
        "Bài viết cùng chuyên mục</h3><ul><li><a href='/t/1'>Chi bộ Hành chính kết nạp đảng viên "
        "mới</a></li></ul></div></div>",
    )
    assert extract_article(team, "https://tct.example.vn/tin-tuc/thu-vien-so/").author == (
        "Tổ Thư viện"
    )


def test_credits_beside_a_file_box_a_meta_row_and_a_footer() -> None:
    """phpwcms: 'Tải về:' over a file's link and size is an attachment box, so the unit above
    it ends the text; Refinery: a name with its unit in brackets right after the text; Sulu:
    '24.04.2025 · X' under the headline; a footer's 'Thiết kế bởi X' names the site's maker,
    not the author."""
    files = html(
        f"<title>{TITLE}</title>",
        f"<div class='articleHead'><h1>{TITLE}</h1></div><div class='articleText'>{ps(P1, P2)}"
        "</div><p align='right'><i>Phòng Quản lý đào tạo và Công tác học viên</i></p><div class='"
        "cpfiles'><p>Tải về:</p><a href='filearchive/lich-hoc.pdf'>lich-hoc.pdf</a> (96 KB)</div>",
    )
    a = extract_article(files, "https://tct.example.vn/index.php?id=3")
    assert a.author == "Phòng Quản lý đào tạo và Công tác học viên"
    assert a.text.split("\n\n") == [P1, P2]
    bracketed = html(
        f"<title>{TITLE}</title>",
        f"<article><header><h1>{TITLE}</h1></header><section>{ps(P1, P2)}</section><p><em>Nguyễn "
        "Văn Hòa (Trung tâm Chính trị huyện Châu Đức)</em></p></article>",
    )
    a = extract_article(bracketed, "https://tct.example.vn/tin-tuc/posts/boi-duong")
    assert a.author == "Nguyễn Văn Hòa"
    meta = html(
        f"<title>{TITLE}</title>",
        f"<article><h1 class='article-header__title'>{TITLE}</h1><div class='article-meta'><span>"
        f"24.04.2025</span> · <span>Lý Hoàng Nam</span></div><div class='article-blocks'>"
        f"{ps(P1, P2)}</div></article><footer><p>Thiết kế bởi Trung tâm Công nghệ thông tin</p>"
        "</footer>",
    )
    a = extract_article(meta, "https://tct.example.vn/vi/tin-tuc/dai-hoi")
    assert (a.date, a.author) == ("2025-04-24", "Lý Hoàng Nam")


def test_a_forum_thread_numbered_by_attributes_keeps_its_first_post() -> None:
    """Flarum: the headline in a row of items (an h1 in a li); posts numbered by
    'data-number', each an 'article.Post.CommentPost' (a post of type comment, not a
    comment box): the first is the article, the others replies; the avatar's initial
    is not part of the poster's name."""

    def post(number: int, name: str, day: str, body: str) -> str:
        return (
            f"<div class='PostStream-item' data-number='{number}'><article class='Post "
            f"CommentPost'><header class='Post-header'><ul><li class='item-user'><h3 class='"
            f"PostUser-name'><a href='/u/x'><span class='Avatar'>{name.split()[-1][0]}</span> "
            f"<span class='username'>{name}</span></a></h3></li><li class='item-meta'><time "
            f"datetime='{day}T15:42:11+07:00'>{day}</time></li></ul></header><div class='Post-"
            f"body'>{body}</div></article></div>"
        )

    page = html(
        f"<title>{TITLE} - Diễn đàn học viên</title>",
        "<header class='App-header'><a href='/'>Diễn đàn học viên</a></header><main><header "
        "class='Hero DiscussionHero'><ul class='DiscussionHero-items'><li class='item-tags'>"
        f"Thông báo</li><li class='item-title'><h1 class='DiscussionHero-title'>{TITLE}</h1>"
        "</li></ul></header><div class='PostStream'>"
        + post(1, "Đỗ Thanh Hằng", "2024-06-10", ps(P1, P2, P3))
        + post(
            2,
            "Phạm Quốc Khánh",
            "2024-06-11",
            "<p>Em xin hỏi buổi ôn tập có tính điểm chuyên cần không ạ?</p>",
        )  # fmt: skip
        + "</div></main>",
    )
    a = extract_article(page, "https://diendan.tct.example.vn/d/214-thong-bao")
    assert a.text.split("\n\n") == [P1, P2, P3]
    assert (a.title, a.date, a.author) == (TITLE, "2024-06-10", "Đỗ Thanh Hằng")


def test_a_report_with_numbered_sections_and_two_authors() -> None:
    """Quarto: numbered sections ('1. Đặt vấn đề' over a paragraph each) are not a
    catalogue record's fields; its authors, one 'meta name=author' each, are all named
    where the byline prints the first of them."""
    sections = "".join(
        f"<section><h2>{i}. {head}</h2><p>{p}</p></section>"
        for i, (head, p) in enumerate(
            [("Đặt vấn đề", P1), ("Phương pháp", P2), ("Kết quả", P3), ("Kiến nghị", P1[::-1])],
            start=1,
        )
    )
    page = html(
        f"<title>{TITLE}</title><meta name='author' content='ThS. Trần Thị Bích Ngọc'>"
        "<meta name='author' content='ThS. Huỳnh Văn Lợi'>",
        f"<main class='content'><header id='title-block-header'><h1 class='title'>{TITLE}</h1>"
        "<div class='quarto-title-meta-author'><div>Tác giả</div><p class='author'>ThS. Trần "
        "Thị Bích Ngọc</p><p class='affiliation'>Khoa Nhà nước và pháp luật</p><p class='author'>"
        "ThS. Huỳnh Văn Lợi</p></div><p class='date'>14 tháng 11 năm 2024</p></header>"
        f"{sections}</main>",
    )
    a = extract_article(page, "https://tct.example.vn/baocao/2024/khao-sat/index.html")
    check(a, [P1, P2, P3], [])
    assert a.author == "Trần Thị Bích Ngọc, Huỳnh Văn Lợi"
    assert a.date == "2024-11-14"


def test_a_wiki_pages_creator_and_a_docs_pages_widgets() -> None:
    """BookStack: 'Đã tạo 3 tháng trước bởi X' in the page's details box names the
    author, the last editor does not; GitBook: 'Cập nhật lần cuối 2 tháng trước' and
    'Trang này có hữu ích không?' are not text; 'Người biên soạn: X' after the date, a
    '·' between them."""
    wiki = html(
        f"<title>{TITLE} | Sổ tay</title>",
        "<aside id='sidebar'><div class='entity-meta'><div><span>Đã tạo 3 tháng trước bởi <a "
        "href='/user/x'>Lương Thị Diệu Linh</a></span></div><div><span>Cập nhật 2 tuần trước "
        "bởi Quản trị viên</span></div></div></aside><main class='content-wrap'><div class='"
        f"page-content'><h1>{TITLE}</h1><div dir='auto'>{ps(P1, P2)}</div></div></main>",
    )
    assert extract_article(wiki, "https://tct.example.vn/wiki/books/x/page/y").author == (
        "Lương Thị Diệu Linh"
    )
    docs = html(
        f"<title>{TITLE} | Sổ tay học viên</title>",
        f"<main><header><h1>{TITLE}</h1><p class='text-sm'>Đăng ngày 3/9/2024 · Người biên "
        f"soạn: Đinh Thị Mai</p></header><div class='page-body'>{ps(P1, P2)}</div><div class="
        "'flex mt-6'><p class='text-sm'>Cập nhật lần cuối 2 tháng trước</p><div><p class='"
        "text-sm'>Trang này có hữu ích không?</p></div></div></main>",
    )
    a = extract_article(docs, "https://sotay.tct.example.vn/cong-tac-chu-nhiem")
    assert a.text.split("\n\n") == [P1, P2]
    assert (a.date, a.author) == ("2024-09-03", "Đinh Thị Mai")


def test_a_blogs_day_heading_over_an_entry_with_comments() -> None:
    """FlatPress: the day is a heading over the entry ('Thứ Sáu, 03 Tháng Mười Một
    2023'), the readers' comments below hold another date, and '<title>' parts the
    headline from the site's name with '«'."""
    page = html(
        f"<title>{TITLE} &laquo; Trang tin Trường Chính trị tỉnh Yên Bái</title>",
        "<div id='head'><h1><a href='/blog'>Trang tin Trường Chính trị tỉnh Yên Bái</a></h1>"
        "</div><div id='main'><h2 class='date'>Thứ Sáu, 03 Tháng Mười Một 2023</h2><div "
        f"class='entry'><h3>{TITLE}</h3>{ps(P1, P2)}<ul class='entry-footer'><li>Đăng bởi "
        "admin lúc 16:10</li></ul></div><div id='comments'><h4>Bình luận</h4><ol class='"
        "comments'><li><strong class='comment-author'>Hà Văn Dũng</strong> - <span class='"
        "date'>04/11/2023 08:15</span><p>Chuyến đi rất bổ ích.</p></li></ol></div></div>",
    )
    a = extract_article(page, "https://tct.example.vn/blog/?x=entry:entry231103-161000")
    assert (a.title, a.date) == (TITLE, "2023-11-03")


def test_a_published_google_doc() -> None:
    """A Google Doc 'published to the web': its '<style>' sits in the body beside the
    document, '<title>' and the header name the file, and the headline is the document's
    title paragraph, under its date line."""
    css = ".c1{color:#000000;font-weight:700;font-size:13pt;font-family:'Times New Roman'}" * 4
    page = html(
        "<title>Tin khai giang lop - ban gui duyet (17-4)</title><meta property='og:title' "
        "content='Tin khai giang lop - ban gui duyet (17-4)'>",
        "<div id='header'><div id='title'>Tin khai giang lop - ban gui duyet (17-4)</div></div>"
        f"<div id='contents'><style type='text/css'>{css}</style><div class='c12 doc-content'>"
        "<p class='c2'><span class='c5'>Thứ Ba, 16/4/2024</span></p><p class='c3 title'><span "
        f"class='c7'>{TITLE}</span></p>"
        + "".join(f"<p class='c9'><span class='c10'>{p}</span></p>" for p in (P1, P2))
        + "</div></div>",
    )
    a = extract_article(page, "https://docs.google.com/document/d/e/2PACX-1vQk7h3/pub")
    assert (a.title, a.date) == (TITLE, "2024-04-16")
    assert a.text.split("\n\n") == [P1, P2]


def test_a_landing_pages_meta_row_caption_and_button() -> None:
    """LadiPage: 'TIN SỰ KIỆN | 25/10/2024' under the headline is the date; an italic
    caption starting like a unit ('Ban Tổ chức trao giải ... cho ...') is a sentence,
    not a signature; the signature is the unit alone over a call-to-action button."""
    page = html(
        f"<title>{TITLE}</title>",
        "<div class='ladi-section'><div class='ladi-container'><h3>TRƯỜNG CHÍNH TRỊ TỈNH</h3>"
        f"<h1 class='ladi-headline'>{TITLE}</h1><div class='ladi-paragraph'>TIN SỰ KIỆN | "
        f"25/10/2024</div><div class='ladi-paragraph'>{P1}</div><div class='ladi-image'></div>"
        "<div class='ladi-paragraph'><i>Ban Tổ chức trao giải Nhất cho các giảng viên</i></div>"
        f"<div class='ladi-paragraph'>{P2}</div><div class='ladi-paragraph'><span style='font-"
        "weight: bold;'>Ban Tổ chức Hội thi</span></div><div class='ladi-button'><p class='"
        "ladi-headline'>XEM BÀI GIẢNG ĐẠT GIẢI</p></div></div></div>",
    )
    a = extract_article(page, "https://hoithi.tct.example.vn/")
    assert (a.date, a.author) == ("2024-10-25", "Ban Tổ chức Hội thi")
    assert "XEM BÀI GIẢNG" not in a.text


def test_a_wikis_last_edit_card_and_a_one_word_name() -> None:
    """Wiki.js: the card 'Chỉnh sửa lần cuối bởi / Quản trị viên / 02/10/2025' beside
    the headline is the last edit, the date is 'Ngày đăng:' in the text; WriteFreely: a
    Central Highlands name written as one word ('— K'Điểu') signs the post."""
    wiki = html(
        f"<title>{TITLE} | Wiki Trường Chính trị tỉnh</title>",
        f"<div class='page-header-section'><div class='headline'>{TITLE}</div></div><div class="
        "'page-col-sd'><div class='page-author-card v-card'><div class='v-card__text'><div "
        "class='overline'>Chỉnh sửa lần cuối bởi</div><div class='body-2'>Quản trị viên</div>"
        "<div class='caption'>02/10/2025</div></div></div></div><div class='page-col-content'>"
        f"<div class='contents'><p><strong>Ngày đăng:</strong> 29/09/2025</p>{ps(P1, P2)}"
        "</div></div>",
    )
    assert extract_article(wiki, "https://tct.example.vn/giao-ban/2025-09").date == "2025-09-29"
    signed = html(
        f"<title>{TITLE}</title>",
        f"<article><h1>{TITLE}</h1><time datetime='2024-12-03'>3 tháng 12, 2024</time>"
        f"{ps(P1, P2)}<p>— K'Điểu</p></article>",
    )
    assert extract_article(signed, "https://blog.tct.example.vn/ghi-chep").author == "K'Điểu"


def test_a_wikis_last_editor_is_not_the_author_and_a_note_boxs_label_is_not_text() -> None:
    """Wiki.js: 'Chỉnh sửa lần cuối bởi X' in the author card names the last editor; the
    unit signing under the text is the author, whatever page actions follow it (marked or
    not). Quarto: a note box's label ('Ghi chú') goes, its text stays."""
    note = "Báo cáo đề xuất tăng thời lượng thực hành và đổi mới hình thức đánh giá học phần."

    def wiki(actions: str, signature: str = "Tổ Công nghệ thông tin") -> str:
        return html(
            f"<title>{TITLE} | Wiki Trường Chính trị tỉnh</title>",
            f"<div class='page-header-section'><div class='headline'>{TITLE}</div></div><div "
            "class='page-col-sd'><div class='page-author-card v-card'><div class='v-card__text'>"
            "<div class='overline'>Chỉnh sửa lần cuối bởi</div><div class='body-2'>Hồ Văn Cường"
            "</div><div class='caption'>03/11/2025</div></div></div></div><div class='page-col-"
            f"content'><div class='contents'><p><strong>Ngày đăng:</strong> 15/10/2025</p>"
            f"{ps(P1, P2)}<p style='text-align:right'>{signature}</p></div>{actions}"
            "</div>",
        )

    for actions in (
        "<div class='page-actions'><a href='#' class='v-btn'>Lịch sử</a><a href='#' class="
        "'v-btn'>Xem mã nguồn</a></div>",
        "<div><a href='#'>Lịch sử</a><a href='#'>Xem mã nguồn</a></div>",
    ):
        a = extract_article(wiki(actions), "https://tct.example.vn/huong-dan/phong-hoc")
        assert a.author == "Tổ Công nghệ thông tin", actions
    unsigned = extract_article(wiki("", signature=""), "https://tct.example.vn/huong-dan/x")
    assert unsigned.author is None
    report = html(
        f"<title>{TITLE}</title>",
        f"<main class='content'><h1 class='title'>{TITLE}</h1><p class='date'>30/06/2025</p>"
        f"{ps(P1, P2)}<div class='callout callout-note callout-titled'><div class='callout-"
        "header'><div class='callout-title-container'>Ghi chú</div></div><div class='callout-"
        f"body-container'><p>{note}</p></div></div></main>",
    )
    a = extract_article(report, "https://tct.example.vn/baocao/2025/danh-gia/index.html")
    check(a, [P1, P2, note], ["Ghi chú"])


def test_a_course_announcement_and_a_vendor_cms_meta_row() -> None:
    """Canvas: 'Đã đăng: 14 thg 3, 2025 lúc 8:30' right above the headline beats the dates of
    the timetable below it. DedeCMS: 'Thời gian:' in a row with 'Tác giả:' and 'Nguồn:' is
    when the item was posted; 'Bài trước: X', 'Bài sau: Y' and its '---分隔线---' are not
    text."""
    lms = html(
        f"<title>{TITLE}: Cao cấp B25</title>",
        "<div id='content'><div class='discussion-header'><span class='author_name'><b>Trần "
        "Minh Đức</b></span><div class='discussion-pubdate'><span>Đã đăng: 14 thg 3, 2025 lúc "
        f"8:30</span></div></div><h1 class='discussion-title'>{TITLE}</h1><div class='"
        f"userMessage'><p>{P1}</p><table><tr><th>Ngày thi</th><th>Phòng</th></tr><tr><td>"
        f"24/3/2025</td><td>B2</td></tr></table><p>{P2}</p></div></div>",
    )
    assert extract_article(
        lms, "https://lms.tct.example.vn/courses/112/discussion_topics/9"
    ).date == ("2025-03-14")
    dede = html(
        f"<title>{TITLE}_Tin hoạt động_Trường Chính trị tỉnh</title>",
        f"<div class='viewbox'><div class='title'><h2>{TITLE}</h2></div><div class='info'><small>"
        "Thời gian:</small> 2024-11-05 15:20 &nbsp; <small>Tác giả:</small> Nguyễn Văn Hùng "
        "&nbsp; <small>Nguồn:</small> Phòng Quản lý đào tạo &nbsp; <small>Lượt xem:</small> 412"
        f"</div><div class='content'>{ps(P1, P2)}</div><div class='boxoff'><strong>------分隔线"
        "----------------------------</strong></div><div class='handle'><ul><li>Bài trước: <a "
        "href='/a/1229.html'>Tập huấn nghiệp vụ công tác thư viện</a></li><li>Bài sau: <a href="
        "'/a/1240.html'>Công đoàn trường tổ chức Ngày hội gia đình</a></li></ul></div></div>",
    )
    a = extract_article(dede, "https://tct.example.vn/a/tintuc/2024/1105/1234.html")
    assert (a.date, a.author) == ("2024-11-05", "Nguyễn Văn Hùng")
    assert a.text.split("\n\n") == [P1, P2]


def test_a_personal_blog_and_a_project_trackers_news() -> None:
    """emlog: 'post by X / 2024-4-18 9:12' (a year-first date, unpadded) and the older and
    newer posts' line '« A | B »'. Redmine: the page's 'nosidebar' wrapper is not a
    sidebar."""
    blog = html(
        f"<title>{TITLE} - Góc nghiên cứu</title>",
        f"<div class='main'><h1 class='log-title'>{TITLE}</h1><p class='date'>post by <a href="
        "'/author/1'>Nguyễn Thành Tâm</a> / 2024-4-18 9:12</p><div class='log-content'>"
        f"{ps(P1, P2)}</div><div class='nextlog'>« <a href='/?post=120'>Trao đổi kinh nghiệm "
        "với Trường Chính trị tỉnh bạn</a> | <a href='/?post=131'>Chi bộ Hành chính sinh hoạt "
        "chuyên đề quý III</a> »</div></div>",
    )
    a = extract_article(blog, "https://tam.tct.example.vn/?post=125")
    assert a.date == "2024-04-18"
    assert a.text.split("\n\n") == [P1, P2]
    tracker = html(
        f"<title>Quản lý đào tạo - {TITLE} - Redmine</title>",
        "<div id='header'><h1>Quản lý đào tạo</h1></div><div id='main' class='nosidebar'><div "
        f"id='sidebar'></div><div id='content'><h2>{TITLE}</h2><p class='author'>Được thêm bởi "
        "<a class='user' href='/users/5'>Nguyễn Văn Tài</a> cách đây <a title='10/03/2025 "
        f"14:20' href='/activity?from=2025-03-10'>khoảng 9 tháng</a></p><div class='wiki'>"
        f"{ps(P1, P2)}</div></div></div>",
    )
    a = extract_article(tracker, "https://redmine.tct.example.vn/news/37")
    assert (a.title, a.author) == (TITLE, "Nguyễn Văn Tài")


def test_a_forum_threads_first_post_and_a_blogs_single_post() -> None:
    """FluxBB: the first post's date is in its own header above the poster's box and the
    subject, the poster is the profile link in that box (not the join date beside it, nor
    a reply's). A blog's single 'article#post-12' is no thread: its date is the printed
    one, not the hidden 'updated' stamp."""

    def post(pid: int, day: str, name: str, subject: str, body: str) -> str:
        return (
            f"<div id='p{pid}' class='blockpost'><h2><span><a href='viewtopic.php?pid={pid}'>"
            f"{day}</a></span></h2><div class='box'><div class='postbody'><div class='postleft'>"
            f"<dl><dt><strong><a href='profile.php?id={pid}'>{name}</a></strong></dt><dd>"
            f"<span>Đăng ký: 2017-08-21</span></dd></dl></div><div class='postright'><h3>"
            f"{subject}</h3><div class='postmsg'>{body}</div></div></div></div></div>"
        )

    thread = html(
        f"<title>{TITLE} / Thông báo / Diễn đàn</title>",
        "<div id='brdheader'><h1><a href='index.php'>Diễn đàn Trường Chính trị</a></h1></div>"
        + post(1187, "2019-10-07 08:15:42", "Nông Thị Thu Hà", TITLE, ps(P1, P2))
        + post(1190, "2019-10-08 21:03:10", "Lê Văn Bình", f"Re: {TITLE}", "<p>Cảm ơn ạ.</p>"),
    )
    a = extract_article(thread, "https://diendan.tct.example.vn/viewtopic.php?id=214")
    assert (a.date, a.author) == ("2019-10-07", "Nông Thị Thu Hà")
    single = parse(f"<article id='post-12'><h1>{TITLE}</h1>{ps(P1, P2)}</article>")
    assert opening_post(single.find(".//h1")) is None  # a blog's single post: no thread


def test_a_shared_files_letterhead_a_lead_apart_and_a_name_under_a_date() -> None:
    """Nextcloud: the school's name as a letterhead is the site's name '<title>' ends with,
    not the headline. SPIP: the lead ('chapo') stands apart from the text's block. Trac:
    '<em>Ngày 09/01/2025</em><br>Điểu Thị Ngân' under the headline names the author. A
    newsletter box ('Đăng ký nhận bản tin') is not text."""
    shared = html(
        "<title>thong-bao.md - Nextcloud Trường Chính trị tỉnh Kon Tum</title>",
        "<header><h1 class='header-appname'>thong-bao.md</h1></header><div class='ProseMirror'>"
        f"<h1>{TITLE}</h1><p>TRƯỜNG CHÍNH TRỊ TỈNH KON TUM</p><p><em>Kon Tum, ngày 10 tháng 3 "
        f"năm 2025</em></p>{ps(P1, P2)}</div>",
    )
    assert extract_article(shared, "https://cloud.tct.example.vn/s/Ab3kP9xQ2").title == TITLE
    lead = "Đảng bộ nhà trường đánh giá 6 tháng đầu năm đã hoàn thành tốt nhiệm vụ chính trị."
    spip = html(
        f"<title>{TITLE} - Trường Chính trị</title>",
        f"<div class='cartouche'><h1 class='entry-title'>{TITLE}</h1></div><div class='chapo'>"
        f"<p><strong>{lead}</strong></p></div><div class='texte entry-content'>{ps(P1, P2)}"
        "</div><div class='zpnewsletter'><h4>Đăng ký nhận bản tin</h4></div>",
    )
    a = extract_article(spip, "https://tct.example.vn/spip.php?article412")
    assert a.text.split("\n\n") == [lead, P1, P2]
    trac = html(
        "<title>TinTuc/KhaoSat – Trường Chính trị</title>",
        f"<div id='wikipage'><h1 id='title'>{TITLE}</h1><p><em>Ngày 09/01/2025</em><br>Điểu "
        f"Thị Ngân</p>{ps(P1, P2)}</div>",
    )
    assert extract_article(trac, "https://trac.tct.example.vn/wiki/TinTuc/KhaoSat").author == (
        "Điểu Thị Ngân"
    )


def test_page_builder_widgets_and_an_aria_heading() -> None:
    """ImpressPages: every block is a widget ('ipWidget'): the headline's, the date's
    '(20/02/2025)' and the text's are the article, not sidebar widgets. TERMINALFOUR: the
    headline is a '<div role="heading" aria-level="1">' under its date."""
    builder = html(
        f"<title>{TITLE}</title>",
        "<nav><ul><li><a href='/vi/'>Trang chủ</a></li></ul></nav><div class='ipBlock'><div "
        f"class='ipWidget ipWidget-Heading'><h1 class='_title'>{TITLE}</h1></div><div class='"
        "ipWidget ipWidget-Text'><p><em>(20/02/2025)</em></p></div><div class='ipWidget "
        f"ipWidget-Text'>{ps(P1, P2, P3)}</div></div><div class='ipWidget ipWidget-Html "
        "sidebar'><h3>Tin mới</h3><ul><li><a href='/a'>Hội nghị tổng kết năm học</a></li>"
        "<li><a href='/b'>Kết nạp đảng viên mới</a></li></ul></div>",
    )
    a = extract_article(builder, "https://tct.example.vn/vi/tin-tuc/quan-triet")
    assert (a.title, a.date) == (TITLE, "2025-02-20")
    assert a.text.split("\n\n") == [P1, P2, P3]
    aria = html(
        "<title>Trường Chính trị tỉnh Thái Nguyên</title>",
        "<section class='news-story'><div class='news-story__header'><div class='news-story__"
        "date'><time datetime='2024-07-16T08:00:00+07:00'>08:00, 16/07/2024</time></div><div "
        f"class='news-story__title' role='heading' aria-level='1'>{TITLE}</div></div><div "
        f"class='news-story__body'>{ps(P1, P2)}</div></section>",
    )
    a = extract_article(aria, "https://tct.example.vn/tin-tuc/giang-vien-di-thuc-te")
    assert (a.title, a.date) == (TITLE, "2024-07-16")


def test_a_free_homepage_of_2006_and_a_site_builders_meta_rows() -> None:
    """Tripod: a layout table whose menu cell is links (not the text's first paragraph) and
    whose content cell holds the headline in '<font size=4><b>', the date and the name.
    Anchor: 'Bài viết đăng ngày 17/10/2024 bởi X. Tin tức' under the text. uCoz: '<title>'
    ends with 'TCT Bình Thuận' (the school, abbreviated); a one-cell table 'Tổng số bình
    luận: 0' is no data; a social page's 'Theo dõi trang Facebook …' is not text."""
    menu = "".join(
        f"<a href='t{i}.html'>Tin đã đưa số {i} của nhà trường</a><br>" for i in range(6)
    )
    tripod = html(
        "<title>TRUONG CHINH TRI CA MAU - Tin tuc</title>",
        "<table width='760'><tr><td colspan='2'><font size='5'><b>TRUONG CHINH TRI CA MAU</b>"
        f"</font></td></tr><tr><td width='170'><font size='2'>{menu}</font></td><td width='590'>"
        f"<p align='center'><font size='4'><b>{TITLE}</b></font></p><p align='right'><i>Ngày "
        f"28 tháng 9 năm 2006</i></p>{ps(P1, P2)}<p align='right'><b>Tô Văn Hên</b></p></td>"
        "</tr></table>",
    )
    a = extract_article(tripod, "http://tctcamau.tripod.com/t3.html")
    assert (a.title, a.date, a.author) == (TITLE, "2006-09-28", "Tô Văn Hên")
    assert a.text.split("\n\n") == [P1, P2]
    anchor = html(
        f"<title>{TITLE} - Trường Chính trị</title>",
        f"<section class='content wrap'><h1>{TITLE}</h1><article>{ps(P1, P2)}</article><section "
        "class='footnote'><p>Bài viết đăng ngày 17/10/2024 bởi Hầu Mí Sính. <a href='/category"
        "/tin-tuc'>Tin tức</a></p></section></section>",
    )
    a = extract_article(anchor, "https://tct.example.vn/posts/hoi-thao")
    assert (a.date, a.author) == ("2024-10-17", "Hầu Mí Sính")
    ucoz = html(
        f"<title>{TITLE} - TCT Bình Thuận</title>",
        f"<table class='eBlock'><tr><td class='eTitle'>{TITLE}</td></tr><tr><td class='eMessage'>"
        f"{ps(P1, P2)}</td></tr></table><table><tr><td>Tổng số bình luận: 0</td></tr></table>"
        "<p>Theo dõi trang Facebook của trường để nhận tin nhanh nhất.</p>",
    )
    a = extract_article(ucoz, "https://tctbinhthuan.ucoz.net/news/ket-qua/2024-05-23-412")
    assert a.title == TITLE
    assert a.text.split("\n\n") == [P1, P2]
