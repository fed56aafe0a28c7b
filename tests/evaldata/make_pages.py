"""Build the extraction evaluation set: ``pages/<id>.html`` + ``pages/<id>.json``.

Run ``python tests/evaldata/make_pages.py`` from the repository root. The
HTML files are committed; this script documents how they were made and keeps
each page's expectations (title, date, author, paragraphs, boilerplate that
must not appear) next to the markup that printed them.

Layouts are modelled on registry notes §2–§5: real URL shapes, date strings,
bylines and boilerplate of the school sites. ``split`` is ``tune`` (pages the
extractor rules may be tuned on) or ``holdout`` (written together with the
tune pages, before any extractor code existed, and never tuned on).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from html import escape
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import articles as A  # noqa: E402
import chrome as C  # noqa: E402

OUT = Path(__file__).parent / "pages"


@dataclass
class Spec:
    id: str
    layout: str
    split: str
    url: str
    text: A.Text
    day: str | None
    time: str | None
    date_line: str | None
    author: str | None = None
    source: str | None = None
    byline: tuple[str, ...] = ()
    clock: str | None = None
    nfd: str | None = None  # "all" or "body"
    encoding: str = "utf-8"
    meta_charset: str | None = None
    http_encoding: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)
    attachment: tuple[str, str] | None = None  # (href, anchor text inside a paragraph)
    canonical: str | None = None
    title_tag: str | None = None
    notes: str = ""
    opts: dict[str, Any] = field(default_factory=dict)


WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")


def e(text: str) -> str:
    return escape(text, quote=False)


# --------------------------------------------------------------------------- body


def split_lead(text: A.Text, always: bool) -> tuple[str | None, tuple[str, ...]]:
    """The lead and the rest; layouts with a summary field use paragraph 0 when no lead."""
    if text.lead:
        return text.lead, text.paragraphs
    if always:
        return text.paragraphs[0], text.paragraphs[1:]
    return None, text.paragraphs


def with_link(spec: Spec, para: str) -> str:
    html = e(para)
    if spec.attachment and spec.attachment[1] in para:
        href, anchor = spec.attachment
        html = html.replace(e(anchor), f'<a href="{href}">{e(anchor)}</a>', 1)
    return html


def body(
    spec: Spec,
    paras: tuple[str, ...],
    para: Callable[[str], str],
    cap: Callable[[str, int], str],
    offset: int = 0,
) -> str:
    """Paragraphs with caption blocks after the paragraph their index names.

    ``offset`` is 1 when the layout moved paragraph 0 into a summary block, so
    a caption after paragraph 0 now opens the body.
    """
    caps: dict[int, list[str]] = {}
    for i, t in spec.text.captions:
        caps.setdefault(max(i - offset, -1), []).append(t)
    out = [cap(t, 1) for t in caps.get(-1, [])]
    for i, p in enumerate(paras):
        out.append(para(with_link(spec, p)))
        out.extend(cap(t, i + 2) for t in caps.get(i, []))
    return "\n".join(out)


def without_caption(spec: Spec, index: int) -> Spec:
    text = spec.text
    kept = tuple((i, t) for i, t in text.captions if i != index)
    return Spec(**{**spec.__dict__, "text": A.Text(text.title, text.paragraphs, text.lead, kept)})


def p_justify(html: str) -> str:
    return f'<p style="text-align: justify;">{html}</p>'


def p_plain(html: str) -> str:
    return f"<p>{html}</p>"


def p_div(html: str) -> str:
    return f'<div style="text-align: justify;">{html}</div>\n<div>&nbsp;</div>'


def p_mso(html: str) -> str:
    return (
        '<p class="MsoNormal" style="margin-bottom:6.0pt;text-align:justify;text-indent:36.0pt;'
        'line-height:150%"><span lang="VI" style="font-size:14.0pt;line-height:150%;'
        f'font-family:&quot;Times New Roman&quot;,&quot;serif&quot;">{html}<o:p></o:p></span></p>'
    )


def img(n: int, folder: str = "/uploads/news/2023_06") -> str:
    return f'<img alt="anh-{n}" src="{folder}/anh-{n}.jpg" width="600" height="400" />'


def cap_center_em(text: str, n: int) -> str:
    return (
        f'<p style="text-align: center;">{img(n)}</p>\n'
        f'<p style="text-align: center;"><em>{e(text)}</em></p>'
    )


def cap_figure(text: str, n: int) -> str:
    return f'<figure class="image">{img(n)}<figcaption>{e(text)}</figcaption></figure>'


def cap_table(text: str, n: int) -> str:
    return (
        '<table class="image" align="center" border="0" cellpadding="3" cellspacing="0">'
        f"<tbody><tr><td>{img(n, '/upload/images')}</td></tr>"
        f'<tr><td class="image_desc">{e(text)}</td></tr></tbody></table>'
    )


def cap_div_br(text: str, n: int) -> str:
    return f'<div style="text-align: center;">{img(n, "/sites/default/files")}<br />\n<i>{e(text)}</i></div>'


def cap_mso(text: str, n: int) -> str:
    return (
        f'<p class="MsoNormal" align="center" style="text-align:center">{img(n, "/Upload/Images")}</p>\n'
        '<p class="MsoNormal" align="center" style="text-align:center"><i><span style="font-size:'
        f'12.0pt;font-family:&quot;Times New Roman&quot;,&quot;serif&quot;">{e(text)}</span></i></p>'
    )


def byline_right(lines: tuple[str, ...]) -> str:
    if not lines:
        return ""
    inner = "<br />".join(
        f"<strong>{e(x)}</strong>" if i == 0 else f"<em>{e(x)}</em>" for i, x in enumerate(lines)
    )
    return f'<p style="text-align: right;">{inner}</p>'


def charset_meta(spec: Spec, style: str = "http-equiv") -> str:
    label = spec.meta_charset or ("windows-1258" if spec.encoding == "cp1258" else "utf-8")
    if style == "html5":
        return f'<meta charset="{label}">'
    return f'<meta http-equiv="Content-Type" content="text/html; charset={label}" />'


def other_dates(base: str, n: int, fmt: str = "%d/%m/%Y", step: int = -3) -> list[str]:
    d0 = date.fromisoformat(base)
    out = []
    for i in range(1, n + 1):
        d = date.fromordinal(d0.toordinal() + step * i)
        out.append(d.strftime(fmt))
    return out


# --------------------------------------------------------------------------- layouts


def nukeviet4(spec: Spec) -> C.Chunk:
    site = spec.opts["site"]
    lead, paras = split_lead(spec.text, always=True)
    caps = dict(spec.text.captions)
    fig = ""
    if 0 in caps and spec.opts.get("figure_lead"):
        fig = (
            '<figure class="article left pointer" onclick="modalShowByObj(\'#imgpreview\');">'
            '<div id="imgpreview" style="width:460px;"><p class="text-center">'
            f'<img alt="{e(spec.text.title)}" src="/uploads/news/2023_06/thumb.jpg" class="img-thumbnail"/></p>'
            f"<figcaption>{e(caps[0])}</figcaption></div></figure>"
        )
        spec = without_caption(spec, 0)
    text_body = body(spec, paras, p_justify, cap_center_em, offset=0 if spec.text.lead else 1)
    if spec.opts.get("byline_in_body") and spec.byline:
        text_body = (
            byline_right(spec.byline) + "\n" + text_body
            if spec.opts.get("byline_before")
            else text_body + "\n" + byline_right(spec.byline)
        )
    author_block = ""
    if spec.opts.get("author_field"):
        author_block += f'<p class="h5 text-right"><strong>Tác giả bài viết: </strong>{e(spec.opts["author_field"])}</p>'
    if spec.opts.get("source_field"):
        author_block += f'<p class="h5 text-right"><strong>Nguồn tin: </strong>{e(spec.opts["source_field"])}</p>'
    if author_block:
        author_block = f'<div class="margin-bottom-lg">{author_block}</div>'
    dates = other_dates(spec.day or "2023-01-01", 6, step=5)
    newer = "".join(
        f'<li><em class="fa fa-angle-right">&nbsp;</em><a href="/vi/news/tin-hoat-dong/tin-{i}.html" title="{t}"><h4>{t}</h4></a><em>({d})</em></li>'
        for i, (t, d) in enumerate(zip(C.OTHER_NEWS[:3], dates[:3], strict=True))
    )
    older = "".join(
        f'<li><em class="fa fa-angle-right">&nbsp;</em><a href="/vi/news/tin-hoat-dong/cu-{i}.html" title="{t}"><h4>{t}</h4></a><em>({d})</em></li>'
        for i, (t, d) in enumerate(
            zip(C.OTHER_NEWS[3:6], other_dates(spec.day or "2023-01-01", 3), strict=True)
        )
    )
    menu, m_s = C.menu_ul()
    slog, s_s = C.slogan(spec.opts.get("slogan", "CHÀO MỪNG KỶ NIỆM 70 NĂM NGÀY THÀNH LẬP TRƯỜNG"))
    right, r_s = C.join(
        C.news_list("Tin mới", C.items(C.OTHER_NEWS[6:10], dates[2:6])),
        C.links_block(),
        C.counter_block(1),
        C.poll_block(),
    )
    foot, f_s = C.footer(site, spec.opts["address"], "0277.3851.542", spec.opts["email"])
    clock = f'<div class="current-time">{e(spec.clock)}</div>' if spec.clock else ""
    pub = spec.opts.get("og_time", "")
    og_time = f'<meta property="article:published_time" content="{pub}">' if pub else ""
    html = f"""<!DOCTYPE html>
<html lang="vi" xmlns="http://www.w3.org/1999/xhtml" prefix="og: http://ogp.me/ns#">
<head>
<title>{e(spec.title_tag or f"{spec.text.title} - Tin hoạt động - {site}")}</title>
{charset_meta(spec, "html5")}
<meta name="description" content="{e((lead or "")[:150])}">
<meta name="author" content="{e(site)}">
<meta name="copyright" content="{e(site)} [webmaster@{spec.opts["host"]}]">
<meta name="generator" content="NukeViet v4.4">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{e(spec.text.title)}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{e(site)}">
<meta property="og:url" content="{spec.url}">
{og_time}
<meta property="article:section" content="Tin hoạt động">
<link rel="canonical" href="{spec.url}">
<link rel="StyleSheet" href="/themes/default/css/bootstrap.non-responsive.css">
<link rel="StyleSheet" href="/themes/default/css/news.css">
<script src="/assets/js/jquery/jquery.min.js"></script>
<script>var nv_base_siteurl="/",nv_lang_data="vi",nv_lang_interface="vi",nv_name_variable="nv",nv_fc_variable="op",nv_lang_variable="language",nv_module_name="news",nv_func_name="detail";</script>
</head>
<body>
<noscript><div class="alert alert-danger">Trình duyệt của bạn đã tắt chức năng hỗ trợ JavaScript.<br />Website chỉ làm việc khi bạn bật nó trở lại.</div></noscript>
<div class="body-bg"><div class="wraper">
<header><div class="container"><div id="header" class="row">
<div class="logo col-xs-24 col-sm-24 col-md-8"><a title="{e(site)}" href="/vi/"><img src="/uploads/logo.png" alt="{e(site)}"></a><span class="site_name">{e(site)}</span><span class="site_description">Đào tạo, bồi dưỡng cán bộ, đảng viên</span></div>
<div class="col-xs-24 col-sm-24 col-md-16">{slog}</div>
</div></div></header>
<nav class="second-nav" id="menusite"><div class="container"><div class="row"><div class="bg box-shadow">{menu}</div></div></div></nav>
<nav class="third-nav"><div class="container"><div class="row"><div class="bg"><div class="clearfix">
<div class="col-xs-24 col-sm-18 col-md-18">{clock}
<div class="breadcrumbs-wrap"><ul class="temp-breadcrumbs hidden"><li><a href="/vi/"><span>Trang nhất</span></a></li><li><a href="/vi/news/"><span>Tin Tức</span></a></li><li><a href="/vi/news/tin-hoat-dong/"><span>Tin hoạt động</span></a></li></ul></div>
</div></div></div></div></div></nav>
<section><div class="container" id="body"><div class="row">
<div class="col-sm-16 col-md-18">
<div class="news_column panel panel-default">
<div class="panel-body">
<h1 class="title margin-bottom-lg">{e(spec.text.title)}</h1>
<div class="row margin-bottom-lg">
<div class="col-md-12"><span class="h5">{e(spec.date_line or "")}</span></div>
<div class="col-md-12"><ul class="list-inline text-right">
<li><a class="dimgray" rel="nofollow" title="Gửi bài viết qua email" href="javascript:void(0);"><em class="fa fa-envelope fa-lg">&nbsp;</em></a></li>
<li><a class="dimgray" rel="nofollow" title="In ra" href="javascript: void(0)"><em class="fa fa-print fa-lg">&nbsp;</em></a></li>
<li><a class="dimgray" rel="nofollow" title="Lưu bài viết này" href="/vi/news/savefile/tin-hoat-dong/x.html"><em class="fa fa-save fa-lg">&nbsp;</em></a></li>
</ul></div>
</div>
<div class="clearfix">
{fig}
<div class="hometext m-bottom">{e(lead or "")}</div>
</div>
<div id="news-bodyhtml" class="bodytext margin-bottom-lg">
{text_body}
</div>
{author_block}
</div>
</div>
<div class="news_column panel panel-default"><div class="panel-body"><div class="h5"><em class="fa fa-tags">&nbsp;</em><strong>Từ khóa: </strong><a title="trường chính trị" href="/vi/news/tag/truong-chinh-tri"><em>trường chính trị</em></a>, <a title="đào tạo" href="/vi/news/tag/dao-tao"><em>đào tạo</em></a></div></div></div>
<div class="news_column panel panel-default"><div class="panel-body"><form id="form3B" action=""><div class="h5 clearfix">
<p id="stringrating">Tổng số điểm của bài viết là: 15 trong 3 đánh giá</p>
<span>Xếp hạng: <span id="numberrating">5</span> - <span id="click_rating">3</span> phiếu bầu</span>
<div style="padding: 5px;"><input class="hover-star" type="radio" value="1" title="Bài viết rất kém" /><input class="hover-star" type="radio" value="5" title="Bài viết rất tốt" /><span id="hover-test" style="margin: 0 0 0 20px;">Click để đánh giá bài viết</span></div>
</div></form></div></div>
<div class="news_column panel panel-default"><div class="panel-body"><div class="socialicon clearfix margin-bottom-lg"><div class="fb-like" data-layout="button_count" data-share="true">&nbsp;</div><a href="http://twitter.com/share" class="twitter-share-button">Tweet</a></div></div></div>
<div class="news_column panel panel-default"><div class="panel-body other-news">
<p class="h3"><strong>Những tin mới hơn</strong></p><div class="clearfix"><ul class="related list-inline">{newer}</ul></div>
<p class="h3"><strong>Những tin cũ hơn</strong></p><div class="clearfix"><ul class="related list-inline">{older}</ul></div>
</div></div>
</div>
<div class="col-sm-8 col-md-6">{right}</div>
</div></div></section>
<footer id="footer">{foot}<div class="copyright">&copy; Copyright NukeViet 4. All right reserved.</div></footer>
<div id="timeoutsess" class="chromeframe">Bạn đã không sử dụng Site, <a onclick="timeoutsesscancel();" href="#">Bấm vào đây để duy trì trạng thái đăng nhập</a>. Thời gian chờ: <span id="secField"> 60 </span> giây</div>
<div id="run_cronjobs" style="visibility:hidden;display:none;"><img alt="" src="/index.php?second=cronjobs&amp;p=Q1z1U7tJ" width="1" height="1" /></div>
</div></div>
</body>
</html>"""
    snips = [
        *m_s,
        *s_s,
        *r_s,
        *f_s,
        "Trang nhất",
        "Từ khóa:",
        "Tổng số điểm",
        "Click để đánh giá",
        "Những tin mới hơn",
        "Những tin cũ hơn",
        C.OTHER_NEWS[0],
        "All right reserved",
        "Bạn đã không sử dụng Site",
        "Trình duyệt của bạn",
        "Tweet",
    ]
    if spec.clock:
        snips.append(spec.clock)
    return html, snips


def nukeviet3(spec: Spec) -> C.Chunk:
    site = spec.opts["site"]
    lead, paras = split_lead(spec.text, always=True)
    text_body = body(spec, paras, p_justify, cap_center_em, offset=0 if spec.text.lead else 1)
    if spec.opts.get("byline_in_body"):
        text_body += "\n" + byline_right(spec.byline)
    author = ""
    if spec.opts.get("author_field"):
        author = f'<p style="text-align: right;"><strong>Tác giả bài viết: </strong>{e(spec.opts["author_field"])}</p>'
    dates = other_dates(spec.day or "2019-01-01", 5)

    def box(title: str, inner: str) -> str:
        return (
            '<div class="box"><div class="box-title"><img src="/themes/caobang/images/dau-title.png" alt="dau-title" />'
            f'<span>{title}</span><img src="/themes/caobang/images/cuoi-title.png" alt="cuoi-title" /></div>'
            f'<div class="box-content">{inner}</div></div>'
        )

    latest = "".join(
        f'<li><a href="/index.php/news/Tin-tuc/t-{i}/">{t}</a></li>'
        for i, t in enumerate(C.OTHER_NEWS[:5])
    )
    related = "".join(
        f'<li><a title="{t}" href="/index.php/news/Tin-tuc/r-{i}/">{t}</a> <span class="date">({d})</span></li>'
        for i, (t, d) in enumerate(zip(C.OTHER_NEWS[5:9], dates, strict=False))
    )
    menu, m_s = C.menu_ul("nav")
    links, l_s = C.links_block("Liên kết web")
    counter, c_s = C.counter_block(0)
    foot, f_s = C.footer(site, spec.opts["address"], "0206.3852.468", spec.opts["email"])
    html = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
{charset_meta(spec)}
<title>{e(spec.title_tag or f"{spec.text.title} - Bài viết nghiên cứu trao đổi - {site}")}</title>
<meta name="description" content="{e((lead or "")[:120])}" />
<meta name="generator" content="NukeViet v3.4" />
<link rel="StyleSheet" href="/themes/caobang/css/template.css" type="text/css" />
<script type="text/javascript" src="/js/jquery/jquery.min.js"></script>
</head>
<body>
<div id="container">
<div id="header"><div class="logo"><a href="/"><img src="/themes/caobang/images/logo.png" alt="{e(site)}" /></a></div>
<div class="topmenu">{menu}</div></div>
<div id="message"><div class="clock"><span id="digclock">{e(spec.clock or "")}</span></div>
<div class="search"><form action="/index.php"><input type="text" name="q" value="Tìm kiếm..." /></form></div></div>
<div class="main">
<div class="col-a1">
{box("Tin mới", f"<ul>{latest}</ul>")}
{box("Liên kết", links)}
{box("Thống kê", counter)}
</div>
<div class="col-a2">
<div class="news_column" style="padding:0 !important;margin:0 !important;">
<div id="news_detail">
<h1>{e(spec.text.title)}</h1>
<span class="time">{e(spec.date_line or "")}</span>
<div class="control"><ul>
<li><a rel="nofollow" class="sendmail" title="Gửi bài viết qua email" href="javascript:void(0);"></a></li>
<li><a class="print" title="In ra" href="javascript: void(0)"></a></li>
<li><a class="savefile" title="Lưu bài viết này" href="/index.php/news/savefile/x/"></a></li>
</ul></div>
<div style="clear: both;"></div>
<div id="hometext">
<div id="imghome" class="fl" style="width:160px;margin-right:8px;"><a href="/uploads/news/thumb.jpg" title="{e(spec.text.title)}" rel="shadowbox"><img alt="{e(spec.text.title)}" src="/uploads/news/thumb.jpg" width="160"/></a></div>
{e(lead or "")}
</div>
<div class="bodytext">
{text_body}
</div>
{author}
</div>
<form id="form3B" action=""><div class="clearfix"><div id="stringrating">Tổng số điểm của bài viết là: 0 trong 0 đánh giá</div>
<div style="padding: 5px;"><input class="hover-star" type="radio" value="1" title="Bài viết rất kém" /><span id="hover-test" style="margin: 0 0 0 20px;">Click để đánh giá bài viết</span></div></div></form>
<div id="idcomment"><ul class="control"><li><a href="javascript:void(0);"><strong>Xem phản hồi</strong></a></li><li>-- <a href="javascript:void(0);"><strong>Gửi phản hồi</strong></a></li></ul></div>
<p><strong>Các tin khác</strong></p>
<ul class="related">{related}</ul>
</div>
</div>
</div>
{foot}
</div>
</body>
</html>"""
    snips = [
        *m_s,
        *l_s,
        *c_s,
        *f_s,
        "dau-title",
        "cuoi-title",
        "Tổng số điểm",
        "Xem phản hồi",
        "Gửi phản hồi",
        "Các tin khác",
        C.OTHER_NEWS[5],
        "Tìm kiếm...",
    ]
    if spec.clock:
        snips.append(spec.clock)
    return html, snips


def nukeviet_print(spec: Spec) -> C.Chunk:
    site, root = spec.opts["site"], spec.opts["root"]
    lead, paras = split_lead(spec.text, always=True)
    text_body = body(spec, paras, p_justify, cap_center_em, offset=0 if spec.text.lead else 1)
    author = ""
    if spec.opts.get("author_field"):
        author += f"<p><strong>Tác giả bài viết:</strong> {e(spec.opts['author_field'])}</p>"
    if spec.opts.get("source_field"):
        author += f"<p><strong>Nguồn tin:</strong> {e(spec.opts['source_field'])}</p>"
    html = f"""<!DOCTYPE html>
<html lang="vi">
<head>
{charset_meta(spec, "html5")}
<title>{e(spec.title_tag or spec.text.title)}</title>
<meta name="generator" content="NukeViet v4.3">
<meta name="robots" content="noindex, nofollow">
<link rel="canonical" href="{spec.canonical}">
<link rel="StyleSheet" href="/themes/default/css/font-awesome.min.css">
<style type="text/css">body{{background: #fff;}}</style>
</head>
<body>
<div id="print">
<div id="hd_print"><h2 class="pull-left">{e(site)}</h2><p class="pull-right"><a title="{e(site)}" href="{root}/">{root}</a></p></div>
<div class="clear"></div>
<hr />
<div id="content">
<h1>{e(spec.text.title)}</h1>
<ul class="list-inline">
<li>{e(spec.date_line or "")}</li>
<li class="hidden-print txtrequired"><em class="fa fa-print">&nbsp;</em><a title="In ra" href="javascript:;" onclick="window.print()">In ra</a></li>
<li class="hidden-print txtrequired"><em class="fa fa-power-off">&nbsp;</em><a title="Đóng cửa sổ này" href="javascript:;" onclick="window.close()">Đóng cửa sổ này</a></li>
</ul>
<div class="clear"></div>
<div id="hometext">
<div class="pull-left imghome"><img alt="{e(spec.text.title)}" src="/uploads/news/thumb.jpg" width="200" class="img-thumbnail" /></div>
{e(lead or "")}
</div>
<div id="bodytext" class="clearfix">
{text_body}
</div>
<div id="author">{author}</div>
<div class="copyright">Bản quyền thuộc về {e(site)}</div>
</div>
<div id="footer" class="clearfix">
<div id="url"><strong>URL của bản tin này: </strong>{spec.canonical}</div>
<div class="clear"></div>
<div class="copyright">&copy; {e(site)}</div>
<div id="contact"><a href="mailto:{spec.opts["email"]}">{spec.opts["email"]}</a></div>
</div>
</div>
</body>
</html>"""
    snips = [
        "URL của bản tin này",
        "Đóng cửa sổ này",
        "In ra",
        root,
        "Bản quyền thuộc về",
        spec.opts["email"],
    ]
    return html, snips


def liferay(spec: Spec) -> C.Chunk:
    site = spec.opts["site"]
    zh = spec.opts.get("zh", False)
    portlet_title = "资产发布器" if zh else "Xuất bản thông tin"
    skip = "Skip to Content" if zh else "Truy cập nội dung luôn"
    lead, paras = split_lead(spec.text, always=False)
    text_body = body(spec, paras, p_justify, cap_table)
    if spec.byline:
        if spec.opts.get("byline_before"):
            text_body = byline_right(spec.byline) + "\n" + text_body
        else:
            text_body += "\n" + byline_right(spec.byline)
    summary = f'<div class="news-summary"><strong>{e(lead)}</strong></div>' if lead else ""
    dates = other_dates(spec.day or "2022-01-01", 5, step=4)
    latest = "".join(
        f'<li class="title-list"><a href="/-/tin-{i}">{t}</a><span class="metadata-entry metadata-publish-date">{d}</span></li>'
        for i, (t, d) in enumerate(zip(C.OTHER_NEWS[:5], dates, strict=False))
    )
    menu, m_s = C.menu_ul("nav")
    links, l_s = C.links_block()
    counter, c_s = C.counter_block(0)
    foot, f_s = C.footer(site, spec.opts["address"], "0291.3822.541", spec.opts["email"])
    title_span = f"null {spec.text.title}"
    html = f"""<!DOCTYPE html>
<html class="ltr" dir="ltr" lang="{"zh-CN" if zh else "vi-VN"}">
<head>
<title>{e(spec.title_tag or f"Tin tức - {site}")}</title>
{charset_meta(spec)}
<link href="{spec.url}" rel="canonical" />
<link href="/html/themes/classic/images/favicon.ico" rel="Shortcut Icon" />
<link class="lfr-css-file" href="/truongchinhtri-theme/css/main.css?browserId=other&amp;themeId=tct_WAR_tcttheme" rel="stylesheet" type="text/css" />
<script type="text/javascript">var Liferay={{Browser:{{}},ThemeDisplay:{{getLanguageId:function(){{return "{"zh_CN" if zh else "vi_VN"}";}},getPathMain:function(){{return "/c";}}}},PortletKeys:{{}}}};</script>
</head>
<body class="yui3-skin-sam controls-visible guest-site signed-out public-page site">
<a href="#main-content" id="skip-to-content">{skip}</a>
<div class="container-fluid" id="wrapper">
<header id="banner" role="banner"><div id="heading"><h1 class="site-title"><a class="logo custom-logo" href="/" title="{e(site)}"><img alt="{e(site)}" src="/image/company_logo" /></a></h1></div>
<div class="text-tools">Màu chữ <a href="#">A</a> <a href="#">A</a> Cỡ chữ <a href="#">A+</a> <a href="#">A-</a></div>
<nav class="sort-pages modify-pages" id="navigation" role="navigation">{menu}</nav></header>
<div id="content">
<div class="columns-2" id="main-content" role="main">
<div class="portlet-layout row-fluid">
<div class="portlet-column portlet-column-first span8" id="column-1">
<div class="portlet-boundary portlet-boundary_101_ portlet-static portlet-static-end portlet-asset-publisher" id="p_p_id_101_INSTANCE_1mOzUrGkrdAE_">
<span id="p_101_INSTANCE_1mOzUrGkrdAE"></span>
<section class="portlet" id="portlet_101_INSTANCE_1mOzUrGkrdAE">
<header class="portlet-topper"><h1 class="portlet-title"><span class="portlet-title-text">{portlet_title}</span></h1></header>
<div class="portlet-content"><div class=" portlet-content-container"><div class="portlet-body">
<div class="taglib-header "><span class="header-back-to"><a class="icon-circle-arrow-left previous-level" href="/tin-tuc" title="Quay lại"><span class="helper-hidden-accessible">Quay lại</span></a></span>
<h3 class="header-title"><span>{e(title_span)}</span></h3></div>
<div class="asset-full-content clearfix default-asset-publisher show-asset-title">
<div class="asset-content" id="_101_INSTANCE_1mOzUrGkrdAE_24496706">
<div class="journal-content-article">
<div class="news-date">{e(spec.date_line or "")}</div>
{summary}
<div class="news-content">
{text_body}
</div>
</div>
</div>
<div class="asset-ratings"><div class="taglib-ratings stars"><div class="liferay-rating-vote"><div class="rating-label">Đánh giá bài viết</div></div></div></div>
<div class="taglib-social-bookmarks"><ul class="unstyled"><li class="taglib-social-bookmark-facebook"><a href="#">Chia sẻ Facebook</a></li><li><a href="#">In bài</a></li></ul></div>
<div class="asset-links"><h4 class="asset-links-title">Tin liên quan</h4><ul class="unstyled"><li><a href="/-/lien-quan-1">{C.OTHER_NEWS[7]}</a></li></ul></div>
</div>
</div></div></div>
</section>
</div>
</div>
<div class="portlet-column portlet-column-last span4" id="column-2">
<div class="portlet-boundary portlet-asset-publisher"><section class="portlet"><header class="portlet-topper"><h1 class="portlet-title"><span class="portlet-title-text">Tin mới nhất</span></h1></header>
<div class="portlet-content"><ul class="title-list">{latest}</ul></div></section></div>
{links}
{counter}
</div>
</div>
</div>
</div>
<footer id="footer" role="contentinfo">{foot}<p class="powered-by">Powered By <a href="http://www.liferay.com" rel="external">Liferay</a></p></footer>
</div>
</body>
</html>"""
    snips = [
        *m_s,
        *l_s,
        *c_s,
        *f_s,
        portlet_title,
        skip,
        "null",
        "Màu chữ",
        "Cỡ chữ",
        "Quay lại",
        "Đánh giá bài viết",
        "Chia sẻ Facebook",
        "Tin liên quan",
        "Tin mới nhất",
        "Powered By",
        C.OTHER_NEWS[7],
    ]
    return html, snips


def liferay_hanoi(spec: Spec) -> C.Chunk:
    en = spec.opts.get("en", False)
    site = "Trường Đào tạo cán bộ Lê Hồng Phong thành phố Hà Nội"
    lead, paras = split_lead(spec.text, always=False)
    text_body = body(spec, paras, p_justify, cap_figure)
    author = f'<div class="author-news">{byline_right(spec.byline)}</div>' if spec.byline else ""
    labels = (
        (
            "Related news",
            "Same category",
            "Share",
            "Print",
            "Send email",
            "Skip to Content",
            "Asset Publisher",
        )
        if en
        else (
            "Tin liên quan",
            "Tin cùng chuyên mục",
            "Chia sẻ",
            "In bài",
            "Gửi email",
            "Truy cập nội dung luôn",
            "Xuất bản thông tin",
        )
    )
    dates = other_dates(spec.day or "2019-01-01", 6, step=2)
    related = "".join(
        f'<li><a href="/-/view_content/{3290000 + i}-x.html">{t}</a> <span class="date">({d})</span></li>'
        for i, (t, d) in enumerate(zip(C.OTHER_NEWS[:3], dates[:3], strict=False))
    )
    same = "".join(
        f'<li><a href="/-/view_content/{3291000 + i}-y.html">{t}</a> <span class="date">({d})</span></li>'
        for i, (t, d) in enumerate(zip(C.OTHER_NEWS[3:6], dates[3:], strict=False))
    )
    menu, m_s = C.menu_ul("navbar-nav")
    links, l_s = C.links_block()
    foot, f_s = C.footer(
        site,
        "Số 1 Đường Đại Mỗ, phường Đại Mỗ, Hà Nội",
        "024.3839.3232",
        "dtcblehongphong@hanoi.gov.vn",
    )
    html = f"""<!DOCTYPE html>
<html class="ltr" dir="ltr" lang="{"en-US" if en else "vi-VN"}">
<head>
<title>{e(spec.title_tag or f"{spec.text.title} - {site}")}</title>
{charset_meta(spec)}
<meta property="og:title" content="{e(spec.text.title)}" />
<link href="{spec.url}" rel="canonical" />
<script type="text/javascript">var Liferay = Liferay || {{}}; Liferay.currentURL = "{spec.url}";</script>
</head>
<body class="controls-visible signed-out public-page site">
<a href="#main-content" id="skip-to-content">{labels[5]}</a>
<header id="banner"><div class="banner-top"><img src="/o/lhp-theme/images/banner.png" alt="image banner" /></div><nav id="navigation">{menu}</nav></header>
<section id="content"><div class="row">
<div class="col-md-8">
<div class="portlet-boundary portlet-boundary_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_"><section class="portlet">
<div class="portlet-header"><h2 class="portlet-title-text">{labels[6]}</h2></div>
<div class="portlet-content"><div class="portlet-body">
<div class="news-detail">
<h1 class="title-news">{e(spec.text.title)}</h1>
<div class="info-news">{e(spec.date_line or "")}</div>
{f'<div class="sapo"><strong>{e(lead)}</strong></div>' if lead else ""}
<div class="content-news">
{text_body}
</div>
{author}
<div class="social-share">{labels[2]}: <a href="#">Facebook</a> <a href="#">Zalo</a> | <a href="javascript:window.print()">{labels[3]}</a> | <a href="#">{labels[4]}</a></div>
<div class="related-news"><div class="title-related">{labels[0]}</div><ul>{related}</ul></div>
<div class="same-category"><div class="title-related">{labels[1]}</div><ul>{same}</ul></div>
</div>
</div></div></section></div>
</div>
<div class="col-md-4">{links}</div>
</div></section>
<footer id="footer">{foot}</footer>
</body>
</html>"""
    snips = [*m_s, *l_s, *f_s, *labels, "image banner", C.OTHER_NEWS[0], C.OTHER_NEWS[3]]
    snips.remove(labels[2])
    return html, snips


def websphere(spec: Spec) -> C.Chunk:
    site = spec.opts["site"]
    lead, paras = split_lead(spec.text, always=False)
    text_body = body(spec, paras, p_plain, cap_table)
    before = byline_right(spec.byline) if spec.opts.get("byline_before") else ""
    after = "" if spec.opts.get("byline_before") else byline_right(spec.byline)
    dates = other_dates(spec.day or "2023-01-01", 5, step=3)
    times = ("05:14", "16:02", "08:45", "10:30", "14:21")
    same = "".join(
        f'<li><span class="date-news">{tm} {d}</span> <a href="/wps/portal/Home/trang-chu/trang-tin-chi-tiet/!ut/p/z0/tok{i}/">{t}</a></li>'
        for i, (t, d, tm) in enumerate(zip(C.OTHER_NEWS[2:7], dates, times, strict=False))
    )
    menu, m_s = C.menu_ul("wpthemeNavList")
    links, l_s = C.links_block()
    counter, c_s = C.counter_block(0)
    foot, f_s = C.footer(site, spec.opts["address"], "0296.3852.313", spec.opts["email"])
    clock = f'<div class="clock" id="clock">{e(spec.clock)}</div>' if spec.clock else ""
    html = f"""<!DOCTYPE html>
<html lang="vi">
<head>
<title>{e(spec.title_tag or "Trang tin chi tiết")}</title>
{charset_meta(spec)}
<link rel="stylesheet" href="/wps/contenthandler/!ut/p/digest!8Zc1dQ/sp/mashup:ra:collection?themeID=ZJ_5M5E1FC0JGU6E0QRJ6L4R300G3">
<script type="text/javascript">var ibmCfg = {{ portalConfig: {{ contentHandlerURI: "/wps/mycontenthandler/!ut/p/digest!8Zc1dQ/", isVirtualPortal: false }} }};</script>
</head>
<body class="lotusui30dojo tundra locale_vi">
<div class="wpthemeFrame">
<header role="banner"><div class="wpthemeHeader"><div class="wpthemeInner">
<div class="banner"><img alt="banner" src="/wps/wcm/connect/home/banner.jpg?MOD=AJPERES" /></div>{clock}
<nav class="wpthemeNavContainer">{menu}</nav></div></div></header>
<div class="wpthemeMainContent"><div class="wpthemeInner"><div class="wpthemeContent">
<div class="component-container wpthemeCol wpthemeLeft wpthemeCol8">
<section class="ibmPortalControl wpthemeControl a11yRegionTarget" role="region">
<div class="wpthemeControlHeader"><h2>Trang tin chi tiết</h2></div>
<div class="wpthemeControlBody">
<div class="news-detail">
<div class="title-detail">{e(spec.text.title)}</div>
<div class="date-detail"><span class="fa fa-clock-o"></span> {e(spec.date_line or "")}</div>
{f'<div class="summary-detail">{e(lead)}</div>' if lead else ""}
<div class="content-detail">
{before}
{text_body}
{after}
</div>
<div class="tool-detail"><a href="javascript:window.print()">In trang</a> | <a href="#">Gửi email</a> | <a href="#top">Về đầu trang</a></div>
</div>
</div></section>
<section class="ibmPortalControl wpthemeControl"><div class="wpthemeControlHeader"><h2>Tin cùng chuyên mục</h2></div>
<div class="wpthemeControlBody"><ul class="list-news">{same}</ul></div></section>
</div>
<div class="component-container wpthemeCol wpthemeRight wpthemeCol4">{links}{counter}</div>
</div></div></div>
<footer>{foot}</footer>
</div>
</body>
</html>"""
    snips = [
        *m_s,
        *l_s,
        *c_s,
        *f_s,
        "Trang tin chi tiết",
        "In trang",
        "Gửi email",
        "Về đầu trang",
        "Tin cùng chuyên mục",
        C.OTHER_NEWS[2],
    ]
    if spec.clock:
        snips.append(spec.clock)
    return html, snips


def drupal7(spec: Spec) -> C.Chunk:
    site = spec.opts["site"]
    lead, paras = split_lead(spec.text, always=False)
    text_body = body(spec, paras, p_div, cap_div_br)
    if spec.byline:
        text_body += "\n" + "\n".join(f"<div>{e(x)}</div>" for x in spec.byline)
    node = spec.opts["node"]
    rdfa = (
        f' property="dc:date dc:created" content="{spec.opts["rdfa"]}" datatype="xsd:dateTime"'
        if spec.opts.get("rdfa")
        else ""
    )
    dates = other_dates(spec.day or "2013-01-01", 5)
    other = "".join(
        f'<li><a href="/node/{node - i - 1}">{t}</a> <span class="date">Ngày Đăng : {d}</span></li>'
        for i, (t, d) in enumerate(zip(C.OTHER_NEWS[:5], dates, strict=False))
    )
    menu, m_s = C.menu_ul("menu")
    links, l_s = C.links_block()
    counter, c_s = C.counter_block(0)
    foot, f_s = C.footer(site, spec.opts["address"], "0275.3822.312", spec.opts["email"])
    slogan_text = (
        '"Vì số lượng và chất lượng đội ngũ cán bộ chủ chốt cơ sở; vì các phong trào cách mạng trên quê hương '
        '"Đồng Khởi" Trường luôn luôn cải tiến các mặt hoạt động"'
    )
    html = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML+RDFa 1.0//EN" "http://www.w3.org/MarkUp/DTD/xhtml-rdfa-1.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="vi" version="XHTML+RDFa 1.0" dir="ltr">
<head profile="http://www.w3.org/1999/xhtml/vocab">
{charset_meta(spec)}
<meta name="Generator" content="Drupal 7 (http://drupal.org)" />
<link rel="canonical" href="/node/{node}" />
<link rel="shortlink" href="/node/{node}" />
<title>{e(spec.title_tag or f"{spec.text.title} | {site}")}</title>
<style type="text/css" media="all">@import url("/modules/system/system.base.css?p2n4bx");</style>
</head>
<body class="html not-front not-logged-in one-sidebar sidebar-first page-node page-node- page-node-{node} node-type-article">
<div id="skip-link"><a href="#main-content" class="element-invisible element-focusable">Skip to main content</a></div>
<div id="page-wrapper"><div id="page">
<div id="header"><div class="section clearfix">
<a href="/" title="Trang chủ" rel="home" id="logo"><img src="/sites/default/files/logo.png" alt="Trang chủ" /></a>
<div id="site-slogan">{e(slogan_text)}</div>
<div class="header-date">{e(spec.clock or "")}</div>
</div></div>
<div id="main-menu" class="navigation">{menu}</div>
<div id="main-wrapper"><div id="main" class="clearfix">
<div id="content" class="column"><div class="section">
<a id="main-content"></a>
<h1 class="title" id="page-title">{e(spec.text.title)}</h1>
<div class="region region-content"><div id="block-system-main" class="block block-system"><div class="content">
<div id="node-{node}" class="node node-article node-promoted clearfix" about="/node/{node}" typeof="sioc:Item foaf:Document">
<div class="submitted"><span{rdfa}>{e(spec.date_line or "")}</span></div>
<div class="content">
<div class="field field-name-body field-type-text-with-summary field-label-hidden"><div class="field-items"><div class="field-item even" property="content:encoded">
{f"<div><strong>{e(lead)}</strong></div>" if lead else ""}
{text_body}
</div></div></div>
</div>
<ul class="links inline"><li class="print_html first"><a href="/print/{node}" title="Hiển thị phiên bản dễ in của trang này." class="print-page" rel="nofollow">Bản in</a></li><li class="print_mail last"><a href="/printmail/{node}" class="print-mail" rel="nofollow">Gửi cho bạn bè</a></li></ul>
</div>
</div></div></div>
<div class="view view-tin-khac"><h2 class="block-title">Tin khác</h2><div class="view-content"><ul>{other}</ul></div></div>
</div></div>
<div id="sidebar-first" class="column sidebar"><div class="section">{links}{counter}</div></div>
</div></div>
<div id="footer">{foot}</div>
</div></div>
</body>
</html>"""
    snips = [
        *m_s,
        *l_s,
        *c_s,
        *f_s,
        "Skip to main content",
        slogan_text[1:40],
        "Bản in",
        "Gửi cho bạn bè",
        "Tin khác",
        C.OTHER_NEWS[0],
    ]
    if spec.clock:
        snips.append(spec.clock)
    return html, snips


def drupal8(spec: Spec) -> C.Chunk:
    site = spec.opts["site"]
    node = spec.opts["node"]
    lead, paras = split_lead(spec.text, always=False)
    text_body = body(spec, paras, p_div, cap_div_br)
    if spec.byline:
        text_body += "\n" + "\n".join(
            f'<div style="text-align: right;"><strong>{e(x)}</strong></div>' for x in spec.byline
        )
    en_dates = other_dates(spec.day or "2019-01-01", 4, fmt="%d %B %Y", step=-6)
    recent = "".join(
        f'<li><a href="/node/{node - i - 3}">{t}</a><div class="views-field-created">{d}</div></li>'
        for i, (t, d) in enumerate(zip(C.OTHER_NEWS[4:8], en_dates, strict=False))
    )
    menu, m_s = C.menu_ul("menu nav")
    counter, c_s = C.counter_block(2)
    foot, f_s = C.footer(site, spec.opts["address"], "0205.3812.247", spec.opts["email"])
    html = f"""<!DOCTYPE html>
<html lang="vi" dir="ltr" prefix="content: http://purl.org/rss/1.0/modules/content/ dc: http://purl.org/dc/terms/">
<head>
{charset_meta(spec, "html5")}
<meta name="Generator" content="Drupal 8 (https://www.drupal.org)" />
<meta name="MobileOptimized" content="width" />
<link rel="canonical" href="/node/{node}" />
<title>{e(spec.title_tag or f"{spec.text.title} | {site}")}</title>
</head>
<body class="path-node page-node-type-article">
<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<div class="layout-container">
<header role="banner"><div class="region region-header"><div class="site-branding"><a href="/" rel="home" class="site-branding__logo"><img src="/themes/ls/logo.png" alt="Trang chủ" /></a><div class="site-branding__name">{e(site)}</div></div></div>
<div class="region region-primary-menu"><nav role="navigation">{menu}</nav></div></header>
<main role="main"><a id="main-content" tabindex="-1"></a>
<div class="layout-content">
<div class="region region-content">
<div id="block-ls-page-title" class="block block-core block-page-title-block"><h1 class="page-title"><span class="field field--name-title field--type-string field--label-hidden">{e(spec.text.title)}</span></h1></div>
<div id="block-ls-content" class="block block-system block-system-main-block">
<article role="article" about="/node/{node}" class="node node--type-article node--promoted node--view-mode-full">
<div class="node__meta"><span class="field field--name-created field--type-created field--label-hidden">{e(spec.date_line or "")}</span></div>
<div class="node__content clearfix">
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">
{text_body}
</div>
</div>
</article>
</div></div></div>
<aside class="layout-sidebar-first" role="complementary"><div class="views-element-container block"><h2>Bài viết mới</h2><ul>{recent}</ul></div>{counter}</aside>
</main>
<footer role="contentinfo">{foot}</footer>
</div></div>
</body>
</html>"""
    snips = [*m_s, *c_s, *f_s, "Skip to main content", "Bài viết mới", C.OTHER_NEWS[4], en_dates[0]]
    return html, snips


def joomla_k2(spec: Spec) -> C.Chunk:
    site = spec.opts["site"]
    lead, paras = split_lead(spec.text, always=True)
    caps = dict(spec.text.captions)
    caption_span = ""
    image_caption = caps.get(0) if not spec.text.lead else None
    if image_caption:
        caption_span = f'<span class="itemImageCaption">{e(image_caption)}</span><span class="itemImageCredits">Ảnh: Trường Chính trị</span>'
        spec = without_caption(spec, 0)
    text_body = body(spec, paras, p_justify, cap_center_em, offset=0 if spec.text.lead else 1)
    text_body += "\n" + byline_right(spec.byline)
    related = "".join(
        f'<li class="{"even" if i % 2 else "odd"}"><a href="/tin-tuc/hoat-dong/item/{500 + i}-x">{t}</a></li>'
        for i, t in enumerate(C.OTHER_NEWS[:4])
    )
    dates = other_dates(spec.day or "2019-01-01", 5, step=6)
    latest = "".join(
        f'<li><a href="/item/{400 + i}">{t}</a> <span class="moduleItemDateCreated">{d}</span></li>'
        for i, (t, d) in enumerate(zip(C.OTHER_NEWS[4:9], dates, strict=False))
    )
    menu, m_s = C.menu_ul("menu")
    links, l_s = C.links_block("Liên kết")
    slog, s_s = C.slogan(spec.opts["slogan"], tag="div")
    foot, f_s = C.footer(site, spec.opts["address"], "0263.3822.435", spec.opts["email"])
    html = f"""<!DOCTYPE html>
<html prefix="og: http://ogp.me/ns#" xml:lang="vi-vn" lang="vi-vn" dir="ltr">
<head>
<base href="{spec.url}" />
{charset_meta(spec)}
<meta name="keywords" content="trường chính trị, lâm đồng" />
<meta name="author" content="Super User" />
<meta property="og:url" content="{spec.url}" />
<meta property="og:title" content="{e(spec.text.title)}" />
<meta property="og:type" content="article" />
<meta name="description" content="{e((lead or "")[:150])}" />
<meta name="generator" content="Joomla! - Open Source Content Management" />
<title>{e(spec.title_tag or spec.text.title)}</title>
<link href="/components/com_k2/css/k2.css" rel="stylesheet" type="text/css" />
<script src="/media/jui/js/jquery.min.js" type="text/javascript"></script>
</head>
<body class="site com_k2 view-item">
<div id="top"><div class="header-date">{e(spec.clock or "")}</div>{slog}</div>
<div id="mainmenu">{menu}</div>
<div id="main">
<div id="left"><div class="moduletable"><h3>Tin mới nhất</h3><ul class="latestnews">{latest}</ul></div>
<div class="moduletable">{links}</div>
<div class="moduletable"><h3>Thống kê</h3><div id="mod_vvisit_counter"><table><tr><td>Hôm nay</td><td>312</td></tr><tr><td>Hôm qua</td><td>485</td></tr><tr><td>Tuần này</td><td>1920</td></tr><tr><td>Tất cả</td><td>845213</td></tr></table></div></div>
</div>
<div id="content">
<span id="startOfPageId{spec.opts["item"]}"></span>
<div id="k2Container" class="itemView">
<div class="itemHeader">
<span class="itemDateCreated">{e(spec.date_line or "")}</span>
<h2 class="itemTitle">{e(spec.text.title)}</h2>
<span class="itemAuthor">Viết bởi&nbsp;<a rel="author" href="/tin-tuc/itemlist/user/42-superuser">Super User</a></span>
</div>
<div class="itemToolbar"><ul>
<li><span class="itemTextResizerTitle">Cỡ chữ</span><a href="#" id="fontDecrease"><span>giảm cỡ chữ</span></a><a href="#" id="fontIncrease"><span>tăng cỡ chữ</span></a></li>
<li><a class="itemPrintLink" rel="nofollow" href="{spec.url}?tmpl=component&amp;print=1"><span>In</span></a></li>
<li><a class="itemEmailLink" rel="nofollow" href="/component/mailto/?tmpl=component"><span>E-mail</span></a></li>
</ul></div>
<div class="itemBody">
<div class="itemImageBlock"><span class="itemImage"><a class="modal" href="/media/k2/items/cache/abc_XL.jpg" title="Nhấn vào để xem hình gốc"><img src="/media/k2/items/cache/abc_L.jpg" alt="{e(spec.text.title)}" /></a></span>{caption_span}</div>
<div class="itemIntroText">{p_plain(e(lead or ""))}</div>
<div class="itemFullText">
{text_body}
</div>
<div class="itemHits">Lượt xem: <b>{spec.opts.get("hits", 5242)}</b></div>
</div>
<div class="itemLinks"><div class="itemCategory"><span>Đăng trong</span> <a href="/tin-tuc/hoat-dong">Hoạt động</a></div></div>
<div class="itemRelated"><h3>Bài viết liên quan</h3><ul>{related}</ul></div>
<div class="itemNavigation"><span class="itemNavigationTitle">Bài viết khác:</span><a class="itemPrevious" href="/item/1">« {C.OTHER_NEWS[8]}</a><a class="itemNext" href="/item/2">{C.OTHER_NEWS[9]} »</a></div>
</div>
</div>
</div>
<div id="footer">{foot}</div>
</body>
</html>"""
    snips = [
        *m_s,
        *l_s,
        *s_s,
        *f_s,
        "Viết bởi",
        "Super User",
        "Cỡ chữ",
        "tăng cỡ chữ",
        "Lượt xem",
        "Đăng trong",
        "Bài viết liên quan",
        "Bài viết khác",
        "Tin mới nhất",
        "Hôm qua",
        C.OTHER_NEWS[0],
        C.OTHER_NEWS[9],
    ]
    if spec.clock:
        snips.append(spec.clock)
    return html, snips


def joomla15(spec: Spec) -> C.Chunk:
    site = spec.opts["site"]
    lead, paras = split_lead(spec.text, always=False)
    byline = ""
    if spec.byline:
        byline = (
            f'<p style="text-align: right;"><strong>{e(spec.byline[0])}</strong></p>'
            + "".join(f'<p style="text-align: right;"><em>{e(x)}</em></p>' for x in spec.byline[1:])
        )
    text_body = byline + "\n" + body(spec, paras, p_justify, cap_center_em)
    dates = other_dates(spec.opts["url_day"], 5)
    other = "".join(
        f'<li><a href="/index.php/tin-tuc/hoat-dong/{1900 + i}-x">{t}</a> - <span>{d}</span></li>'
        for i, (t, d) in enumerate(zip(C.OTHER_NEWS[:5], dates, strict=False))
    )
    menu, m_s = C.menu_ul("menu")
    slog, s_s = C.slogan("ĐẨY MẠNH HỌC TẬP VÀ LÀM THEO TƯ TƯỞNG, ĐẠO ĐỨC, PHONG CÁCH HỒ CHÍ MINH!")
    poll, p_s = C.poll_block()
    foot, f_s = C.footer(site, spec.opts["address"], "0254.3852.120", spec.opts["email"])
    html = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="vi-vn" lang="vi-vn" >
<head>
{charset_meta(spec)}
<meta name="robots" content="index, follow" />
<meta name="generator" content="Joomla! 1.5 - Open Source Content Management" />
<title>{e(spec.title_tag or spec.text.title)}</title>
<link href="/templates/brvt/css/template.css" rel="stylesheet" type="text/css" />
</head>
<body>
<div id="wrapper">
<div id="header">{slog}</div>
<div id="topmenu">{menu}</div>
<table width="100%" cellpadding="0" cellspacing="0"><tr>
<td valign="top" id="maincol">
<table class="contentpaneopen">
<tr><td class="contentheading" width="100%">{e(spec.text.title)}</td>
<td align="right" width="100%" class="buttonheading"><a href="{spec.url}?format=pdf" title="PDF"><img src="/images/M_images/pdf_button.png" alt="PDF" /></a></td>
<td align="right" width="100%" class="buttonheading"><a href="{spec.url}?tmpl=component&amp;print=1" title="In">Đọc bài viết In bài</a></td>
<td align="right" width="100%" class="buttonheading"><a href="/index.php?option=com_mailto&amp;tmpl=component" title="E-mail">E-mail</a></td></tr>
</table>
<table class="contentpaneopen">
<tr><td valign="top">
{f"<p><strong>{e(lead)}</strong></p>" if lead else ""}
{text_body}
</td></tr>
<tr><td class="modifydate">Lượt xem: 1.342</td></tr>
</table>
<span class="article_separator">&nbsp;</span>
<div class="moduletable"><h3>Các bài viết khác</h3><ul class="relateditems">{other}</ul></div>
</td>
<td valign="top" id="rightcol" width="220">{poll}</td>
</tr></table>
<div id="footer">{foot}</div>
</div>
</body>
</html>"""
    snips = [
        *m_s,
        *s_s,
        *p_s,
        *f_s,
        "Đọc bài viết In bài",
        "E-mail",
        "Lượt xem",
        "Các bài viết khác",
        C.OTHER_NEWS[0],
    ]
    return html, snips


def aspnet_table(spec: Spec) -> C.Chunk:
    site = spec.opts["site"]
    lead, paras = split_lead(spec.text, always=False)
    text_body = body(spec, paras, p_mso, cap_mso)
    mso_head = (
        "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View><w:Zoom>0</w:Zoom>"
        "<w:TrackMoves/></w:WordDocument></xml><![endif]--><!--[if gte mso 10]><style>"
        '/* Style Definitions */ table.MsoNormalTable {mso-style-name:"Table Normal";}</style><![endif]-->'
    )
    author_row = (
        f'<tr><td align="right"><b>Tác giả : {e(spec.opts["author_field"])}</b></td></tr>'
        if spec.opts.get("author_field") is not None
        else ""
    )
    if spec.opts.get("file_href"):
        href = spec.opts["file_href"]
        files = f'<tr><td class="attach">File đính kèm: <a href="{href}">{href.rsplit("/", 1)[-1]}</a></td></tr>'
    else:
        files = '<tr><td class="attach">File đính kèm: Không có</td></tr>'
    dates = other_dates(spec.day or "2023-01-01", 5)
    other = "".join(
        f'» <a href="ArticleDetail.aspx?_Article_ID={200 + i}">{t}</a> <i>({d})</i><br />'
        for i, (t, d) in enumerate(zip(C.OTHER_NEWS[:5], dates, strict=False))
    )
    menu, m_s = C.menu_table()
    counter, c_s = C.counter_block(2)
    links, l_s = C.links_block()
    poll, p_s = C.poll_block()
    foot, f_s = C.footer(
        site, spec.opts["address"], "0238.3844.515", spec.opts["email"], spec.opts.get("licence")
    )
    danhmuc = "".join(
        f'<tr><td class="dm"><a href="List.aspx?c={i}">{t}</a></td></tr>'
        for i, t in enumerate(("Tin hoạt động", "Nghiên cứu trao đổi", "Văn bản", "Lịch giảng"))
    )
    html = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head id="ctl00_Head1"><title>
	{e(spec.title_tag or site)}
</title>{charset_meta(spec)}<link href="App_Themes/Default/style.css" type="text/css" rel="stylesheet" /></head>
<body>
<form name="aspnetForm" method="post" action="./ArticleDetail.aspx?_Article_ID=234" id="aspnetForm">
<div><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIDD2QWBAIBD2QWAmYPZBYCZg8WAh4EVGV4dAUJ" /></div>
<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['aspnetForm'];
function __doPostBack(eventTarget, eventArgument) {{ if (!theForm.onsubmit || (theForm.onsubmit() != false)) {{ theForm.__EVENTTARGET.value = eventTarget; theForm.submit(); }} }}
//]]>
</script>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" id="main">
<tr><td colspan="3"><img src="images/banner.jpg" alt="image banner" width="1000" height="180" /></td></tr>
<tr><td colspan="3">{menu}</td></tr>
<tr><td colspan="3" class="today" align="right">{e(spec.clock or "")}</td></tr>
<tr>
<td width="200" valign="top" class="left">
<table width="100%"><tr><td class="boxtitle">DANH MỤC</td></tr>{danhmuc}</table>
<table width="100%"><tr><td class="boxtitle">Đăng nhập với vai trò</td></tr><tr><td><select><option>Giảng viên</option><option>Học viên</option></select></td></tr></table>
{counter}
</td>
<td width="600" valign="top" class="center">
<table width="100%" cellpadding="4">
<tr><td class="breadcrumb"><a href="Default.aspx">Trang chủ</a> &gt; <a href="List.aspx?c=0">Tin tức</a> &gt; Chi tiết tin bài</td></tr>
<tr><td><span id="ctl00_ContentPlaceHolder1_ArticleDetail1_lblTitle" class="ArticleTitle">{e(spec.text.title)}</span></td></tr>
<tr><td><span id="ctl00_ContentPlaceHolder1_ArticleDetail1_lblDate" class="ArticleDate">{e(spec.date_line or "")}</span></td></tr>
{f'<tr><td><span id="ctl00_ContentPlaceHolder1_ArticleDetail1_lblSummary" class="ArticleSummary"><b>{e(lead)}</b></span></td></tr>' if lead else ""}
<tr><td><div id="ctl00_ContentPlaceHolder1_ArticleDetail1_pnlContent" class="ArticleContent">
{mso_head}
{text_body}
</div></td></tr>
{author_row}
{files}
<tr><td class="other"><b>Các tin khác</b><br />{other}</td></tr>
</table>
</td>
<td width="200" valign="top" class="right">{links}{poll}</td>
</tr>
<tr><td colspan="3" class="footer">{foot}</td></tr>
</table>
</form>
</body>
</html>"""
    snips = [
        *m_s,
        *c_s,
        *l_s,
        *p_s,
        *f_s,
        "image banner",
        "DANH MỤC",
        "Đăng nhập với vai trò",
        "Chi tiết tin bài",
        "File đính kèm",
        "Các tin khác",
        "Tác giả :",
        C.OTHER_NEWS[0],
        "Table Normal",
        "mso-style",
    ]
    if spec.clock:
        snips.append(spec.clock)
    return html, snips


def aspnet_div(spec: Spec) -> C.Chunk:
    """Ninh Bình style: Default.aspx?phan_tin_id=&tin_id=; divs inside a form, menu in a table."""
    site = spec.opts["site"]
    lead, paras = split_lead(spec.text, always=False)

    def para(html: str) -> str:
        return f'<p style="text-align: justify;"><span style="font-family:times new roman,serif;font-size:14px">{html}</span></p>'

    text_body = body(spec, paras, para, cap_table)
    text_body += "\n" + "".join(
        f'<p style="text-align: right;"><strong>{e(x)}</strong></p>' for x in spec.byline
    )
    dates = other_dates(spec.day or "2022-01-01", 6, step=2)
    other = "".join(
        f'<div class="item-other"><a href="Default.aspx?phan_tin_id={14000 + i}">{t}</a> <span>({d})</span></div>'
        for i, (t, d) in enumerate(zip(C.OTHER_NEWS[1:7], dates, strict=False))
    )
    menu, m_s = C.menu_table()
    search, se_s = C.search_block()
    login, lo_s = C.login_block()
    counter, c_s = C.counter_block(0)
    foot, f_s = C.footer(site, spec.opts["address"], "0229.3871.121", spec.opts["email"])
    html = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><title>{e(spec.title_tag or "Chi tiết tin")}</title>{charset_meta(spec)}
<link href="/css/style.css" rel="stylesheet" type="text/css" /></head>
<body>
<form name="form1" method="post" action="Default.aspx?phan_tin_id=14025&amp;tin_id=13388&amp;tree_id=141.164.171." id="form1">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwULLTEyNjU4MzQ5NDNkZA==" />
<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEWAgLq" />
<div id="header"><img src="/images/banner_nb.jpg" alt="image banner" /></div>
<div id="menu">{menu}</div>
<div id="container">
<div id="left">{login}{counter}</div>
<div id="center">
<div class="path">Trang chủ » Tin tức - Sự kiện » Chi tiết bài viết</div>
<div class="detail">
<div class="detail-title">{e(spec.text.title)}</div>
<div class="detail-date">{e(spec.date_line or "")}</div>
{f'<div class="detail-sapo">{e(lead)}</div>' if lead else ""}
<div class="detail-content">
{text_body}
</div>
<div class="detail-tool"><a href="#" onclick="window.print()">In bài viết</a> | <a href="#">Gửi bạn bè</a> | <a href="#">Lên đầu trang</a></div>
</div>
<div class="other-news"><div class="other-title">Các tin đã đưa</div>{other}</div>
</div>
<div id="right">{search}</div>
</div>
<div id="footer">{foot}</div>
</form>
</body>
</html>"""
    snips = [
        *m_s,
        *se_s,
        *lo_s,
        *c_s,
        *f_s,
        "image banner",
        "Chi tiết bài viết",
        "In bài viết",
        "Gửi bạn bè",
        "Lên đầu trang",
        "Các tin đã đưa",
        C.OTHER_NEWS[1],
    ]
    return html, snips


def dotnetnuke(spec: Spec) -> C.Chunk:
    site = spec.opts["site"]
    lead, paras = split_lead(spec.text, always=False)
    text_body = body(spec, paras, p_div, cap_div_br)
    text_body += "\n" + "".join(
        f'<div style="text-align: right;"><strong>{e(x)}</strong></div>' for x in spec.byline
    )
    mid = spec.opts["mid"]
    dates = other_dates(spec.day or "2022-01-01", 5, step=-4)
    older = "".join(
        f'<li><a href="/tabid/126/post/{280 - i}/x.aspx">{t}</a> <span class="NormalGray">({d})</span></li>'
        for i, (t, d) in enumerate(zip(C.OTHER_NEWS[:5], dates, strict=False))
    )
    menu, m_s = C.menu_table()
    links, l_s = C.links_block()
    counter, c_s = C.counter_block(0)
    html = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xml:lang="vi-VN" lang="vi-VN" xmlns="http://www.w3.org/1999/xhtml">
<head id="Head">{charset_meta(spec)}
<meta id="MetaDescription" name="DESCRIPTION" content="{e(site)}" />
<meta id="MetaKeywords" name="KEYWORDS" content="Trường Chính trị, Hà Nam,DotNetNuke,DNN" />
<meta id="MetaCopyright" name="COPYRIGHT" content="Copyright 2012 by {e(site)}" />
<meta id="MetaGenerator" name="GENERATOR" content="DotNetNuke " />
<meta id="MetaAuthor" name="AUTHOR" content="{e(site)}" />
<meta name="RESOURCE-TYPE" content="DOCUMENT" />
<title>{e(spec.title_tag or "Tin hoạt động")}</title>
<link id="_Portals__default_" rel="stylesheet" type="text/css" href="/Portals/_default/default.css" />
</head>
<body id="Body">
<form name="Form" method="post" action="{spec.url}" id="Form" enctype="multipart/form-data">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPaA8FDzhkYTZjNmJkM2Q1Nzk0MRgBBR5fX0NvbnRyb2xzUmVxdWlyZVBvc3RCYWNrS2V5X18WAQUcZG5uJGN0cjUxMiRWaWV3QXJ0aWNsZSRsbmtQcmludA==" />
<div id="dnn_ControlPanel"></div>
<div class="skin">
<div id="dnn_HeaderPane" class="HeaderPane"><img src="/Portals/0/banner.jpg" alt="image banner" />
<span id="dnn_dnnCURRENTDATE_lblDate" class="DateToday">{e(spec.clock or "")}</span></div>
<div id="dnn_MenuPane">{menu}</div>
<table width="100%"><tr>
<td id="dnn_LeftPane" class="LeftPane" valign="top" width="220">{links}{counter}</td>
<td id="dnn_ContentPane" class="ContentPane" valign="top">
<div class="DnnModule DnnModule-NewsArticles DnnModule-{mid}"><a name="{mid}"></a>
<div class="c_head"><h2 class="c_title"><span id="dnn_ctr{mid}_dnnTITLE_lblTitle" class="Head">Tin hoạt động</span></h2></div>
<div id="dnn_ctr{mid}_ContentPane" class="c_content">
<div id="dnn_ctr{mid}_ModuleContent" class="DNNModuleContent ModNewsArticlesC">
<div class="article">
<div class="articleHeadline"><h1>{e(spec.text.title)}</h1></div>
<div class="articleDetails"><span class="articleDate">{e(spec.date_line or "")}</span></div>
{f'<div class="articleSummary"><b>{e(lead)}</b></div>' if lead else ""}
<div class="articleEntry">
{text_body}
</div>
<div class="articleTools"><a id="dnn_ctr{mid}_ViewArticle_lnkPrint" href="#">In trang</a> | <a href="javascript:history.back()">Quay lại</a></div>
<div class="articleOther"><h3>Các tin đã đưa</h3><ul>{older}</ul></div>
</div>
</div></div></div>
</td></tr></table>
<div id="dnn_FooterPane"><span id="dnn_dnnCOPYRIGHT_lblCopyright" class="Footer">Copyright 2012 by {e(site)}</span>
<a id="dnn_dnnLOGIN_cmdLogin" class="Login" href="/tabid/126/ctl/Login/Default.aspx">Đăng nhập</a></div>
</div>
</form>
</body>
</html>"""
    snips = [
        *m_s,
        *l_s,
        *c_s,
        "image banner",
        "In trang",
        "Quay lại",
        "Các tin đã đưa",
        "Copyright 2012",
        "Đăng nhập",
        C.OTHER_NEWS[0],
    ]
    if spec.clock:
        snips.append(spec.clock)
    return html, snips


def kentico(spec: Spec) -> C.Chunk:
    site = spec.opts["site"]
    lead, paras = split_lead(spec.text, always=True)
    text_body = body(spec, paras, p_plain, cap_figure, offset=0 if spec.text.lead else 1)
    text_body += "\n" + byline_right(spec.byline)
    attach = ""
    if spec.opts.get("getattachment"):
        href, label = spec.opts["getattachment"]
        attach = f'<div class="NewsAttachments"><span>Tài liệu đính kèm:</span> <a href="{href}">{e(label)}</a></div>'
    dates = other_dates(spec.day or "2022-01-01", 5, step=-5)
    same = "".join(
        f'<li><a href="/Tin-tuc/Hoat-dong/tin-{i}.aspx">{t}</a> <em>{d}</em></li>'
        for i, (t, d) in enumerate(zip(C.OTHER_NEWS[2:7], dates, strict=False))
    )
    menu, m_s = C.menu_ul("CMSListMenuUL")
    links, l_s = C.links_block()
    search, se_s = C.search_block()
    foot, f_s = C.footer(site, spec.opts["address"], "0269.3824.578", spec.opts["email"])
    html = f"""<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="vi-vn">
<head id="head"><title>
	{e(spec.title_tag or f"{site} - {spec.text.title}")}
</title>{charset_meta(spec)}
<meta http-equiv="pragma" content="no-cache" />
<meta http-equiv="content-style-type" content="text/css" />
<meta http-equiv="content-script-type" content="text/javascript" />
<meta name="keywords" content="Kentico, CMS, Trường Chính trị Gia Lai" />
<link href="/CMSPages/GetResource.ashx?stylesheetname=GiaLai" type="text/css" rel="stylesheet"/>
</head>
<body class="LTR Chrome ENVI ContentBody">
<form method="post" action="{spec.url}" id="form">
<div class="aspNetHidden"><input type="hidden" name="__CMSCsrfToken" id="__CMSCsrfToken" value="h7fQ2k9xKx+Jt0mD8m9Zg7l4y" /><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKLTM0NDY2MzM2NQ==" /></div>
<div id="ctxM"></div>
<div class="wrapper">
<div class="header"><a href="/"><img src="/getattachment/2b6f0c8e-1c8f-4a7e-9f1a-3d2c7b9e8f10/logo.aspx" alt="{e(site)}" /></a>{search}</div>
<div class="nav">{menu}</div>
<div class="content">
<div class="main">
<div class="breadcrumb"><a href="/">Trang chủ</a> / <a href="/Tin-tuc.aspx">Tin tức</a> / <span class="CMSBreadCrumbsCurrentItem">Hoạt động</span></div>
<div class="NewsDetail">
<h1 class="NewsTitle">{e(spec.text.title)}</h1>
<p class="NewsDate">{e(spec.date_line or "")}</p>
<div class="NewsSummary">{e(lead or "")}</div>
<div class="NewsText">
{text_body}
</div>
{attach}
</div>
<div class="NewsRelated"><h3>Tin cùng chuyên mục</h3><ul>{same}</ul></div>
</div>
<div class="side">{links}</div>
</div>
<div class="footer">{foot}</div>
</div>
</form>
</body>
</html>"""
    snips = [*m_s, *l_s, *se_s, *f_s, "Tin cùng chuyên mục", "Tài liệu đính kèm", C.OTHER_NEWS[2]]
    return html, snips


def phpnuke(spec: Spec) -> C.Chunk:
    site = spec.opts["site"]
    lead, paras = split_lead(spec.text, always=False)
    chunks = [e(p) for p in ((lead,) if lead else ()) + paras]
    text_body = "<br /><br />\n".join(chunks)
    dates = other_dates(spec.day or "2014-01-01", 5)
    other = "".join(
        f'&middot; <a href="modules.php?name=News&amp;op=viewst&amp;sid={900 - i}">{t}</a> ({d})<br />'
        for i, (t, d) in enumerate(zip(C.OTHER_NEWS[:5], dates, strict=False))
    )
    menu = "".join(
        f'<td><a class="menu" href="modules.php?name=M{i}">{m}</a></td>'
        for i, m in enumerate(C.MENU)
    )
    generator = (
        (
            '<META NAME="GENERATOR" CONTENT="PHP-Nuke Copyright (c) 2006 by Francisco Burzi. This is free software, '
            'and you may redistribute it under the GPL (http://phpnuke.org/files/gpl.txt).">'
        )
        if spec.opts.get("generator")
        else ""
    )
    html = f"""<html>
<head>
<title>{e(spec.title_tag or site)}</title>
{charset_meta(spec)}
{generator}
<link rel="StyleSheet" href="themes/VinhLong/style/style.css" type="text/css">
</head>
<body bgcolor="#FFFFFF" topmargin="0" leftmargin="0">
<table width="980" align="center" cellpadding="0" cellspacing="0" border="0">
<tr><td colspan="2"><img src="themes/VinhLong/images/banner.jpg" alt="image banner" width="980"></td></tr>
<tr><td colspan="2"><table><tr>{menu}</tr></table></td></tr>
<tr>
<td width="180" valign="top" bgcolor="#F2F2F2">
<table width="100%"><tr><td class="boxtitle">Chuyên mục</td></tr><tr><td><a href="modules.php?id=6&amp;name=Lichsu">Lịch sử</a><br><a href="modules.php?name=News">Tin tức</a></td></tr></table>
<table width="100%"><tr><td class="boxtitle">Ai đang online</td></tr><tr><td>Hiện có 12 khách và 0 thành viên đang online.<br>Lượt truy cập: 345.678</td></tr></table>
</td>
<td valign="top">
<table width="100%" border="0" cellspacing="0" cellpadding="4">
<tr><td class="title"><font class="title"><b>{e(spec.text.title)}</b></font></td></tr>
<tr><td><font class="content"><i>{e(spec.date_line or "")}</i></font></td></tr>
<tr><td><font class="content">
{text_body}
</font></td></tr>
<tr><td align="right"><b>{"<br>".join(e(x) for x in spec.byline)}</b></td></tr>
<tr><td><a href="modules.php?name=News&amp;file=print&amp;sid=123"><img src="images/print.gif" border="0" alt="Bản để in"> Bản để in</a> | <a href="modules.php?name=News&amp;file=friend&amp;op=FriendSend&amp;sid=123">Gửi bài viết này cho bạn</a></td></tr>
<tr><td><b>Các tin khác:</b><br>{other}</td></tr>
</table>
</td></tr>
<tr><td colspan="2" align="center"><font class="footmsg">Bản quyền &copy; {e(site)}<br>Địa chỉ: {e(spec.opts["address"])}</font></td></tr>
</table>
</body>
</html>"""
    snips = [
        "image banner",
        "Chuyên mục",
        "Ai đang online",
        "Hiện có 12 khách",
        "Lượt truy cập",
        "Bản để in",
        "Gửi bài viết này cho bạn",
        "Các tin khác",
        "Bản quyền",
        "Địa chỉ:",
        C.OTHER_NEWS[0],
    ]
    return html, snips


def wordpress(spec: Spec) -> C.Chunk:
    site = spec.opts["site"]
    lead, paras = split_lead(spec.text, always=False)

    def cap(text: str, n: int) -> str:
        return (
            f'<figure class="wp-block-image size-large"><img decoding="async" width="800" height="533" '
            f'src="/wp-content/uploads/2021/03/anh-{n}.jpg" alt="" class="wp-image-{n}"/>'
            f'<figcaption class="wp-element-caption">{e(text)}</figcaption></figure>'
        )

    text_body = body(spec, paras, p_plain, cap)
    text_body += "\n" + "".join(
        f'<p class="has-text-align-right"><strong>{e(x)}</strong></p>' for x in spec.byline
    )
    menu, m_s = C.menu_ul("menu")
    recent = "".join(
        f'<li><a href="/2021/03/{10 - i:02d}/tin-{i}/">{t}</a></li>'
        for i, t in enumerate(C.OTHER_NEWS[:5])
    )
    html = f"""<!DOCTYPE html>
<html lang="vi">
<head>
{charset_meta(spec, "html5")}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name='robots' content='max-image-preview:large' />
<title>{e(spec.title_tag or f"{spec.text.title} &#8211; {site}")}</title>
<link rel="alternate" type="application/rss+xml" title="{e(site)} &raquo; Dòng thông tin" href="/feed/" />
<link rel='stylesheet' id='wp-block-library-css' href='/wp-includes/css/dist/block-library/style.min.css?ver=6.4.3' media='all' />
<link rel="canonical" href="{spec.url}" />
<link rel='shortlink' href='/?p=1234' />
<meta name="generator" content="WordPress 6.4.3" />
</head>
<body class="post-template-default single single-post postid-1234 single-format-standard">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Chuyển đến nội dung</a>
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/" rel="home">{e(site)}</a></p><p class="site-description">Đào tạo, bồi dưỡng cán bộ, đảng viên</p></div>
<nav id="site-navigation" class="main-navigation">{menu}</nav></header>
<div id="content" class="site-content">
<main id="main" class="site-main">
<article id="post-1234" class="post-1234 post type-post status-publish format-standard hentry category-tin-hoat-dong">
<header class="entry-header"><h1 class="entry-title">{e(spec.text.title)}</h1></header>
<div class="entry-content">
{f"<p><strong>{e(lead)}</strong></p>" if lead else ""}
{text_body}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Chia sẻ:</h3><div class="sd-content"><ul><li class="share-facebook"><a rel="nofollow noopener noreferrer" class="share-facebook sd-button" href="?share=facebook" target="_blank"><span>Facebook</span></a></li><li class="share-print"><a class="share-print sd-button" href="#print"><span>In</span></a></li></ul></div></div></div>
<div id='jp-relatedposts' class='jp-relatedposts'><h3 class="jp-relatedposts-headline"><em>Có liên quan</em></h3></div>
</div>
<footer class="entry-footer"><span class="cat-links">Đăng trong <a href="/category/tin-hoat-dong/" rel="category tag">Tin hoạt động</a></span></footer>
</article>
<nav class="navigation post-navigation" aria-label="Bài viết"><h2 class="screen-reader-text">Điều hướng bài viết</h2><div class="nav-links"><div class="nav-previous"><a href="/2021/03/08/x/" rel="prev">{C.OTHER_NEWS[6]}</a></div><div class="nav-next"><a href="/2021/03/20/y/" rel="next">{C.OTHER_NEWS[7]}</a></div></div></nav>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Trả lời</h3>
<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form"><p class="comment-notes"><span id="email-notes">Email của bạn sẽ không được hiển thị công khai.</span> Các trường bắt buộc được đánh dấu <span class="required">*</span></p>
<p class="comment-form-comment"><label for="comment">Bình luận <span class="required">*</span></label> <textarea id="comment" name="comment" cols="45" rows="8"></textarea></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Phản hồi" /></p></form></div></div>
</main>
<aside id="secondary" class="widget-area"><section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Bài viết mới</h2><ul>{recent}</ul></section>
<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Lưu trữ</h2><ul><li><a href='/2021/04/'>Tháng Tư 2021</a></li><li><a href='/2021/03/'>Tháng Ba 2021</a></li></ul></section></aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">Địa chỉ: {e(spec.opts["address"])} | <a href="https://wordpress.org/">Được tạo ra bởi WordPress</a></div></footer>
</div>
</body>
</html>"""
    snips = [
        *m_s,
        "Chuyển đến nội dung",
        "Chia sẻ:",
        "Có liên quan",
        "Đăng trong",
        "Điều hướng bài viết",
        "Trả lời",
        "Email của bạn sẽ không được hiển thị",
        "Bình luận",
        "Bài viết mới",
        "Lưu trữ",
        "Tháng Tư 2021",
        "Được tạo ra bởi WordPress",
        C.OTHER_NEWS[0],
        C.OTHER_NEWS[6],
    ]
    return html, snips


def portal(spec: Spec) -> C.Chunk:
    """Custom provincial portals (Hải Phòng, Tuyên Quang, Trà Vinh, Đắk Lắk, Hưng Yên, Bắc Ninh...).

    ``opts`` picks the class names, where the date and byline sit, the caption style and
    which chrome blocks the portal prints.
    """
    o = spec.opts
    site = o["site"]
    lead, paras = split_lead(spec.text, always=False)
    para = {"p": p_justify, "div": p_div, "plain": p_plain}[o.get("para", "p")]
    cap = {"table": cap_table, "em": cap_center_em, "figure": cap_figure, "divbr": cap_div_br}[
        o.get("cap", "table")
    ]
    text_body = body(spec, paras, para, cap)
    if spec.byline:
        lines = (
            byline_right(spec.byline)
            if o.get("byline_style", "right") == "right"
            else "".join(f"<p>{e(x)}</p>" for x in spec.byline)
        )
        if o.get("byline_before"):
            text_body = f'<div class="author-box">{lines}</div>\n' + text_body
        else:
            text_body += "\n" + lines
    title_tag = o.get("title_el", "h1")
    cls = o.get("cls", "news")
    title_html = f'<{title_tag} class="{cls}-title">{e(spec.text.title)}</{title_tag}>'
    date_html = f'<div class="{cls}-date">{e(spec.date_line)}</div>' if spec.date_line else ""
    if o.get("date_after_title_inline"):
        title_html = f'<div class="{cls}-head">{title_html} <span class="{cls}-time">{e(spec.date_line or "")}</span></div>'
        date_html = ""
    lead_html = f'<div class="{cls}-sapo"><strong>{e(lead)}</strong></div>' if lead else ""
    dates = other_dates(
        spec.day or "2021-01-01", 6, fmt=o.get("side_fmt", "%d/%m/%Y"), step=o.get("side_step", 3)
    )
    side_heading = o.get("side_heading", "Tin mới nhất")
    blocks: list[C.Chunk] = [
        C.news_list(
            side_heading, C.items(C.OTHER_NEWS[3:9], [o.get("side_prefix", "") + d for d in dates])
        )
    ]
    for name in o.get("blocks", ("links", "counter")):
        blocks.append(
            {
                "links": C.links_block,
                "counter": lambda: C.counter_block(o.get("counter", 0)),
                "poll": C.poll_block,
                "login": C.login_block,
                "search": C.search_block,
            }[name]()
        )
    aside, a_s = C.join(*blocks)
    menu, m_s = C.menu_ul("menu") if not o.get("menu_table") else C.menu_table()
    foot, f_s = C.footer(
        site, o["address"], o.get("phone", "0211.3862.300"), o["email"], o.get("licence")
    )
    header_extra = ""
    extra_snips: list[str] = []
    if spec.clock:
        header_extra += f'<div class="today">{e(spec.clock)}</div>'
        extra_snips.append(spec.clock)
    if o.get("slogan"):
        s_html, s_s = C.slogan(o["slogan"])
        header_extra += s_html
        extra_snips += s_s
    if o.get("alt_leak"):
        header_extra += "".join(
            f'<a href="/"><img src="/images/logo{i}.png" alt="{o["alt_leak"]}" title="{o["alt_leak"]}" /></a>'
            for i in range(3)
        )
        extra_snips.append(o["alt_leak"])
    if o.get("marquee_titles"):
        header_extra += (
            '<div class="ticker"><marquee>' + " | ".join(o["marquee_titles"]) + "</marquee></div>"
        )
        extra_snips.append(o["marquee_titles"][-1][:40])
    if o.get("stray_title"):
        header_extra += "<title>Untitled Document</title>"
        extra_snips.append("Untitled Document")
    tools = o.get(
        "tools",
        '<a href="javascript:window.print()">In trang</a> | <a href="#">Gửi email</a> | <a href="#top">Về đầu trang</a>',
    )
    other_heading = o.get("other_heading", "Tin khác")
    other = "".join(
        f'<li><a href="{o.get("other_href", "/tin")}/{i}">{t}</a></li>'
        for i, t in enumerate(o.get("other_titles", C.OTHER_NEWS[:4]))
    )
    views = f'<div class="{cls}-views">{e(o["views"])}</div>' if o.get("views") else ""
    og = f'<meta property="og:title" content="{e(spec.text.title)}" />' if o.get("og_title") else ""
    html = f"""<!DOCTYPE html>
<html lang="vi">
<head>
{charset_meta(spec)}
<title>{e(spec.title_tag or site)}</title>
{og}
<meta name="viewport" content="width=device-width, initial-scale=1" />
<link href="/Content/css/site.css" rel="stylesheet" />
</head>
<body>
<div id="wrapper">
<div id="header"><a href="/" class="logo"><img src="/images/logo.png" alt="{e(site)}" /></a>{header_extra}</div>
<div id="menu">{menu}</div>
<div id="main">
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin-tuc">{e(o.get("section", "Tin tức - Sự kiện"))}</a></div>
<div class="{cls}-detail">
{title_html}
{date_html}
{views}
{lead_html}
<div class="{cls}-content">
{text_body}
</div>
<div class="{cls}-tools">{tools}</div>
<div class="{cls}-other"><h3>{e(other_heading)}</h3><ul>{other}</ul></div>
</div>
</div>
<div id="sidebar">{aside}</div>
<div id="footer">{foot}</div>
</div>
</body>
</html>"""
    snips = [*m_s, *a_s, *f_s, *extra_snips, other_heading]
    snips += o.get("tool_snips", ["In trang", "Về đầu trang"])
    if o.get("views"):
        snips.append(o["views"])
    return html, snips


LAYOUTS: dict[str, Callable[[Spec], C.Chunk]] = {
    "nukeviet4": nukeviet4,
    "nukeviet3": nukeviet3,
    "nukeviet-print": nukeviet_print,
    "liferay": liferay,
    "liferay-hanoi": liferay_hanoi,
    "websphere": websphere,
    "drupal7": drupal7,
    "drupal8": drupal8,
    "joomla-k2": joomla_k2,
    "joomla15": joomla15,
    "aspnet-table": aspnet_table,
    "aspnet-div": aspnet_div,
    "dotnetnuke": dotnetnuke,
    "kentico": kentico,
    "phpnuke": phpnuke,
    "wordpress": wordpress,
    "portal": portal,
}


# --------------------------------------------------------------------------- sites


def site(name: str, host: str, address: str, email: str, **extra: Any) -> dict[str, Any]:
    return {"site": name, "host": host, "address": address, "email": email, **extra}


DONG_THAP = site(
    "Trường Chính trị tỉnh Đồng Tháp",
    "truongchinhtri.dongthap.gov.vn",
    "Số 03, đường Võ Trường Toản, Phường 1, TP. Cao Lãnh, tỉnh Đồng Tháp",
    "tct@dongthap.gov.vn",
)
HA_TINH = site(
    "Trường Chính trị Trần Phú",
    "truongchinhtrihatinh.gov.vn",
    "Số 27, đường Hải Thượng Lãn Ông, TP. Hà Tĩnh",
    "truongchinhtri@hatinh.gov.vn",
)
CAO_BANG = site(
    "Trường Chính trị Hoàng Đình Giong",
    "truongchinhtri.caobang.gov.vn",
    "Tổ 5, phường Đề Thám, TP. Cao Bằng",
    "truongchinhtri@caobang.gov.vn",
)
KON_TUM = site(
    "Trường chính trị tỉnh Kon Tum",
    "truongchinhtri.kontum.gov.vn",
    "Số 226 Bà Triệu, TP. Kon Tum",
    "tct@kontum.gov.vn",
    root="https://truongchinhtri.kontum.gov.vn",
)
DONG_THAP_PRINT = {**DONG_THAP, "root": "https://truongchinhtri.dongthap.gov.vn"}
BAC_LIEU = site(
    "Trường Chính trị Châu Văn Đặng",
    "tct.baclieu.gov.vn",
    "Số 10, đường Tôn Đức Thắng, phường 1, TP. Bạc Liêu",
    "tct@baclieu.gov.vn",
)
AN_GIANG = site(
    "Trường Chính trị Tôn Đức Thắng",
    "truongchinhtri.angiang.gov.vn",
    "Số 10, đường Trần Hưng Đạo, TP. Long Xuyên, An Giang",
    "tct@angiang.gov.vn",
)
CAN_THO = site(
    "Trường Chính trị thành phố Cần Thơ",
    "cantho.gov.vn",
    "Số 5, đường Nguyễn Trãi, quận Ninh Kiều, TP. Cần Thơ",
    "truongchinhtri@cantho.gov.vn",
)
BEN_TRE = site(
    "Trường Chính trị Bến Tre",
    "truongchinhtribentre.edu.vn",
    "Số 88, đường Nguyễn Huệ, phường 1, TP. Bến Tre",
    "tctbentre@gmail.com",
    node=412,
)
LANG_SON = site(
    "Trường Chính trị Hoàng Văn Thụ",
    "truongchinhtrils.vn",
    "Số 2, đường Lê Lợi, TP. Lạng Sơn",
    "truongchinhtri@langson.gov.vn",
    node=1686,
)
LAM_DONG = site(
    "Trường Chính trị tỉnh Lâm Đồng",
    "truongchinhtrilamdong.com.vn",
    "Số 2, đường Nguyễn Tri Phương, TP. Đà Lạt",
    "tctlamdong@gmail.com",
    slogan="NHIỆT LIỆT CHÀO MỪNG HỘI THAO CỤM THI ĐUA CÁC TRƯỜNG CHÍNH TRỊ KHU VỰC TÂY NGUYÊN LẦN THỨ IV",
)
BRVT = site(
    "Trường Chính trị tỉnh Bà Rịa - Vũng Tàu",
    "truongchinhtri.baria-vungtau.gov.vn",
    "Số 1, đường Nguyễn Tất Thành, TP. Bà Rịa",
    "tct@baria-vungtau.gov.vn",
)
NGHE_AN = site(
    "Trường Chính trị tỉnh Nghệ An",
    "daotao.truongchinhtrina.gov.vn",
    "Số 2, đường Hồ Tùng Mậu, TP. Vinh, Nghệ An",
    "truongchinhtri@nghean.gov.vn",
)
NINH_BINH = site(
    "Trường Chính trị tỉnh Ninh Bình",
    "truongchinhtrinb.edu.vn",
    "Đường Đinh Tiên Hoàng, TP. Ninh Bình",
    "tctninhbinh@gmail.com",
)
HA_NAM = site(
    "Trường Chính trị tỉnh Hà Nam",
    "truongchinhtri.hanam.gov.vn",
    "Đường Lê Công Thanh, TP. Phủ Lý, Hà Nam",
    "tct@hanam.gov.vn",
)
GIA_LAI = site(
    "Trường Chính trị tỉnh Gia Lai",
    "truongchinhtri.gialai.org.vn",
    "Số 2, đường Phan Đình Phùng, phường Diên Hồng, Gia Lai",
    "tctgialai@gmail.com",
)
VINH_LONG = site(
    "Trường Chính trị Phạm Hùng",
    "tctph.vinhlong.gov.vn",
    "Số 1, đường Phạm Hùng, phường 9, TP. Vĩnh Long",
    "tctph@vinhlong.gov.vn",
)
QUANG_NAM = site(
    "Trường Chính trị tỉnh Quảng Nam",
    "truongchinhtriquangnam.edu.vn",
    "Số 3, đường Trần Hưng Đạo, TP. Tam Kỳ, Quảng Nam",
    "tct@quangnam.gov.vn",
)


def portal_site(name: str, address: str, email: str, **extra: Any) -> dict[str, Any]:
    return {"site": name, "address": address, "email": email, **extra}


VIDEO_TITLES = (
    "Yên Bái xây dựng nông thôn mới",
    "Chương trình Lý luận và cuộc sống tháng 10 năm 2018",
    "Chương trình Lý luận và cuộc sống tháng 9 năm 2018",
)
UPPER_OTHERS = (
    "TRƯỜNG CHÍNH TRỊ TỈNH PHÚ THỌ TỔ CHỨC CHÚC MỪNG CÁC ĐỒNG CHÍ LÃNH ĐẠO, GIẢNG VIÊN",
    "HỘI NGHỊ TỒNG KẾT CÔNG TÁC THI ĐUA - KHEN THƯỞNG KHỐI CÁC TRƯỜNG ĐẠI HỌC, CAO ĐẲNG NĂM HỌC 2018-2019",
    "TRƯỜNG CHÍNH TRỊ TỈNH THỰC HIỆN TỐT CÔNG TÁC THI ĐUA",
)

PHU_THO_TOOLS = (
    '[Trở về] [Đầu trang] <a href="/print/4905.html">In bài viết</a> <a href="#">Gửi cho bạn bè</a>'
)

# --------------------------------------------------------------------------- pages

SPECS: list[Spec] = [
    # ---- tune ----------------------------------------------------------------
    Spec(
        "nv4-dongthap-thucte",
        "nukeviet4",
        "tune",
        "https://truongchinhtri.dongthap.gov.vn/vi/news/tin-hoat-dong/doan-hoc-vien-lop-cao-cap-ly-luan-chinh-tri-nghien-cuu-thuc-te-tai-huyen-tam-nong-412.html",
        A.THUC_TE,
        "2023-06-16",
        "16:45",
        "Thứ sáu - 16/06/2023 16:45",
        author="Ngọc Hân",
        byline=("Tác giả bài viết: Ngọc Hân",),
        hints={"cms": "nukeviet"},
        opts={**DONG_THAP, "author_field": "Ngọc Hân", "og_time": "2023-06-16ICT16:45:00"},
        notes="NukeViet 4: hometext lead, body caption, author field, related lists with dates, "
        "article:published_time with NukeViet's 'ICT' quirk",
    ),
    Spec(
        "nv4-dongthap-tuyensinh",
        "nukeviet4",
        "tune",
        "https://truongchinhtri.dongthap.gov.vn/vi/news/thong-bao/thong-bao-tuyen-sinh-lop-trung-cap-ly-luan-chinh-tri-he-khong-tap-trung-nam-2024-455.html",
        A.TUYEN_SINH,
        "2024-03-04",
        "08:05",
        "Thứ hai - 04/03/2024 08:05",
        clock="Thứ bảy, 12/10/2024",
        attachment=("/uploads/news/2024_03/thong-bao-tuyen-sinh-tc-2024.pdf", "văn bản đính kèm"),
        hints={"cms": "nukeviet"},
        opts={**DONG_THAP, "og_time": "2024-03-04T08:05:00+07:00"},
        notes="short notice with a PDF attachment and a header clock later than the article",
    ),
    Spec(
        "nv3-caobang-soket",
        "nukeviet3",
        "tune",
        "http://truongchinhtri.caobang.gov.vn/index.php/news/Tin-tuc-Su-kien/Dang-bo-Truong-Chinh-tri-to-chuc-Hoi-nghi-so-ket-cong-tac-6-thang-dau-nam-2022-702/",
        A.SEED_000,
        "2022-07-01",
        "09:12",
        "Thứ sáu - 01/07/2022 09:12",
        author="Võ Thị Nhiên",
        byline=("Tin, ảnh: Võ Thị Nhiên",),
        clock="Thứ hai, 04/07/2022",
        opts={**CAO_BANG, "byline_in_body": True},
        notes="NukeViet 3 theme (dau-title/cuoi-title artifacts), seed 000, trailing 'Tin, ảnh:' byline",
    ),
    Spec(
        "nv-print-kontum",
        "nukeviet-print",
        "tune",
        "https://truongchinhtri.kontum.gov.vn/vi/news/savefile/hoat-dong-nha-truong/khai-giang-lop-trung-cap-ly-luan-chinh-tri-hanh-chinh-he-tap-trung-khoa-114-318.html",
        A.KHAI_GIANG,
        "2022-09-12",
        "09:15",
        "Thứ hai - 12/09/2022 09:15",
        author="Minh Đức",
        byline=("Tác giả bài viết: Minh Đức",),
        canonical="https://truongchinhtri.kontum.gov.vn/vi/news/hoat-dong-nha-truong/khai-giang-lop-trung-cap-ly-luan-chinh-tri-hanh-chinh-he-tap-trung-khoa-114-318.html",
        hints={"cms": "nukeviet"},
        opts={**KON_TUM, "author_field": "Minh Đức"},
        notes="NukeViet savefile/print view: site name and URL on top, canonical link",
    ),
    Spec(
        "liferay-baclieu-huanchuong",
        "liferay",
        "tune",
        "https://tct.baclieu.gov.vn/-/truong-chinh-tri-tinh-on-nhan-huan-chuong-lao-ong-hang-nhi-412",
        A.HUAN_CHUONG,
        "2022-11-18",
        "15:07",
        "Thứ sáu, 18/11/2022, 15:07",
        author="Hoàng Nam",
        byline=("Tin, ảnh: Hoàng Nam",),
        hints={"cms": "liferay"},
        opts=BAC_LIEU,
        notes="Liferay asset publisher: 'null ' title, portlet title 'Xuất bản thông tin', generic <title>",
    ),
    Spec(
        "liferay-baclieu-dangvientre",
        "liferay",
        "tune",
        "https://tct.baclieu.gov.vn/-/phat-huy-vai-tro-cua-ang-vien-tre-trong-xay-dung-truong-chinh-tri-chuan-437",
        A.DANG_VIEN_TRE,
        "2023-05-09",
        "09:30",
        "Thứ ba, 09/05/2023, 09:30",
        author="Lê Thị Bích Ngọc",
        byline=("ThS. Lê Thị Bích Ngọc", "Khoa Xây dựng Đảng"),
        nfd="text",
        hints={"cms": "liferay"},
        opts={**BAC_LIEU, "byline_before": True},
        notes="decomposed (NFD) article text; author block with degree before the body",
    ),
    Spec(
        "liferay-hanoi-hoithao",
        "liferay-hanoi",
        "tune",
        "https://dtcblehongphong.hanoi.gov.vn/tin-nha-truong1/-/view_content/3412876-hoi-thao-khoa-hoc-van-dung-tu-tuong-ho-chi-minh-ve-can-bo.html",
        A.HOI_THAO_HCM,
        "2024-05-16",
        "16:12",
        "Ngày đăng 16/05/2024 | 4:12 PM  | View count: 487",
        author="Thu Trang",
        byline=("Thu Trang - Phòng QLĐT-NCKH",),
        notes="Hà Nội Liferay: 12-hour clock with PM, pipes, 'View count', lead in a sapo block",
    ),
    Spec(
        "websphere-angiang-tongket",
        "websphere",
        "tune",
        "https://truongchinhtri.angiang.gov.vn/wps/portal/Home/trang-chu/trang-tin-chi-tiet/!ut/p/z0/fcxBC4IwGMbxr-LF49gmts2j4CUrKCnQXWKu6d6SmTWlvn0ide34__HwYIlLLJ2aoFUeeqe6uSvJzkmSrckmpltRZJSkRX7ix_0hEjuKcyz_D-YHuA6DTLHUvfPm5XHZQR34x9i7NtAWnJ0DQvJU6KsL_sy1FozT47hUrWAC47Ud38ZdTEiShjRiJRRqCOcoZpwiEdcR4owzTUVCIqbx_SarDxDJR0Q!/",
        A.BAO_AN_GIANG,
        "2023-08-18",
        "07:37",
        "07:37 18/08/2023",
        author="Hữu Huệ",
        source="Báo An Giang Online",
        byline=("Hữu Huệ", "Theo Báo An Giang Online"),
        hints={"cms": "websphere"},
        opts=AN_GIANG,
        notes="WebSphere portal: time-first date, title in a div, republished item with its source",
    ),
    Spec(
        "websphere-angiang-nentang",
        "websphere",
        "tune",
        "https://truongchinhtri.angiang.gov.vn/wps/portal/Home/trang-chu/trang-tin-chi-tiet/!ut/p/z0/fYyxDoIwFEV_hYWxadECZSRhETVRogl0MeVRoEJakWL8fBuiq8MdzsnJxRyXmGvxUp2wymgxOq54dEuSbEf2NDiwIgtIWuTX-HI6b9gxwDnm_wP3oO7TxFPMwWgr3xaXo6o9-1yM7jzole4dKJ_MAn3tKn_OKm0XmJdBSb2K3gjbuKoRbkZo20ufBNBSAjRBsI1DRKmMEYOQobCBKKqjmrWwwY-BVx9bh670/",
        A.NEN_TANG_TU_TUONG,
        "2023-11-21",
        "05:14",
        "05:14 21/11/2023",
        author="Hồ Ngọc Trường",
        byline=("TS. Hồ Ngọc Trường", "Tỉnh uỷ viên, Hiệu trưởng Trường Chính trị Tôn Đức Thắng"),
        clock="Thứ Hai, 04/12/2023",
        hints={"cms": "websphere"},
        opts={**AN_GIANG, "byline_before": True},
        notes="author with degree and a role line before the body; sidebar of later time-first dates",
    ),
    Spec(
        "drupal-bentre-tongket",
        "drupal7",
        "tune",
        "https://truongchinhtribentre.edu.vn/th%C3%B4ng-tin-trao-%C4%91%E1%BB%95i/h%E1%BB%99i-ngh%E1%BB%8B-t%E1%BB%95ng-k%E1%BA%BFt-c%C3%B4ng-t%C3%A1c-%C4%91%E1%BA%A3ng-n%C4%83m-2012",
        A.SEED_002,
        "2013-03-28",
        None,
        "Ngày Đăng : 28/03/2013",
        author="Nguyễn Thị Nguyên",
        byline=("Nguyễn Thị Nguyên", "Phòng NCKH-TT-TL"),
        clock="Thứ năm, 19 Tháng 9, 2019 - 07:30",
        hints={"cms": "drupal"},
        opts=BEN_TRE,
        notes="seed 002: Drupal, body of divs, slogan in quotes, header clock in the Drupal long format",
    ),
    Spec(
        "k2-lamdong-giaoluu",
        "joomla-k2",
        "tune",
        "http://truongchinhtrilamdong.com.vn/tin-tuc/hoat-dong/item/512-trao-doi-kinh-nghiem-voi-truong-chinh-tri-tinh-ba-ria-vung-tau.html",
        A.GIAO_LUU_TRUONG,
        "2019-04-11",
        "16:20",
        "Thứ năm, 11 Tháng 4 2019 16:20",
        author="Minh Tâm",
        byline=("Tin, ảnh: Minh Tâm",),
        clock="Chủ nhật, 21/07/2024",
        hints={"cms": "joomla"},
        opts={**LAM_DONG, "item": 512},
        notes="Joomla/K2: introtext lead, 'Viết bởi Super User' account, header clock, hits",
    ),
    Spec(
        "k2-lamdong-tongket",
        "joomla-k2",
        "tune",
        "http://truongchinhtrilamdong.com.vn/tin-tuc/hoat-dong/item/748-tong-ket-nam-hoc-2023-2024-trien-khai-nhiem-vu-nam-hoc-2024-2025.html",
        A.TONG_KET_NAM_HOC,
        "2024-07-26",
        "17:05",
        "Thứ sáu, 26 Tháng 7 2024 17:05",
        clock="Chủ nhật, 28/07/2024",
        opts={**LAM_DONG, "item": 748, "hits": 618},
        notes="K2 without a byline: the account name must not become the author",
    ),
    Spec(
        "joomla15-brvt-caicach",
        "joomla15",
        "tune",
        "http://truongchinhtri.baria-vungtau.gov.vn/index.php/tin-tuc/hoat-dong-nha-truong/1935-2021-06-08-02-41-17",
        A.CAI_CACH_HC,
        "2021-06-08",
        None,
        None,
        author="Nguyễn Hồng Lương",
        byline=("TS. Nguyễn Hồng Lương", "Nguyên Bí thư Đảng ủy, Hiệu trưởng"),
        hints={"cms": "joomla"},
        opts={**BRVT, "url_day": "2021-06-08"},
        notes="legacy Joomla 1.5 table layout, date only in the URL's date alias, sidebar with dates",
    ),
    Spec(
        "aspnet-nghean-vienchuc",
        "aspnet-table",
        "tune",
        "http://daotao.truongchinhtrina.gov.vn/ArticleDetail.aspx?_Article_ID=234",
        A.HOI_NGHI_VIEN_CHUC,
        "2023-02-13",
        None,
        "Ngày đăng: 13/02/2023",
        author="Hồ Minh Đức",
        byline=("Tác giả : Th.s Hồ Minh Đức - Phó Hiệu trưởng",),
        clock="Thứ Tư, ngày 12 tháng 4 năm 2023",
        hints={"cms": "aspnet"},
        opts={**NGHE_AN, "author_field": "Th.s Hồ Minh Đức - Phó Hiệu trưởng"},
        notes="ASP.NET WebForms page in tables, Word-pasted MsoNormal body, generic <title>, 'File đính kèm: Không có'",
    ),
    Spec(
        "aspnet-nghean-kehoach",
        "aspnet-table",
        "tune",
        "http://daotao.truongchinhtrina.gov.vn/ArticleDetail.aspx?_Article_ID=543",
        A.KE_HOACH_BOI_DUONG,
        "2023-03-20",
        None,
        "Ngày đăng: 20/03/2023",
        hints={"cms": "aspnet"},
        opts={
            **NGHE_AN,
            "author_field": "",
            "file_href": "/Upload/VanBan/KH-boi-duong-nghiep-vu-cong-tac-Dang-2023.docx",
            "licence": "Giấy phép số 12/GP-TTĐT do Sở Thông tin và Truyền thông tỉnh Nghệ An cấp ngày 15/5/2016.",
        },
        notes="short notice with a .docx attachment, empty author field, dated licence in the footer",
    ),
    Spec(
        "dnn-hanam-chuyendoiso",
        "dotnetnuke",
        "tune",
        "http://truongchinhtri.hanam.gov.vn/tabid/126/post/312/Tap-huan-ung-dung-cong-nghe-thong-tin-va-chuyen-doi-so-trong-giang-day.aspx",
        A.CHUYEN_DOI_SO,
        "2023-08-10",
        "08:05:12",
        "10/08/2023 8:05:12 SA",
        author="Nguyễn Thị Hải Yến",
        byline=("Nguyễn Thị Hải Yến - Khoa Lý luận cơ sở",),
        clock="Thứ Sáu, 15/09/2023",
        hints={"cms": "dotnetnuke"},
        opts={**HA_NAM, "mid": 512},
        notes="DotNetNuke: vi-VN DateTime with 'SA', body of divs, module title as <title>",
    ),
    Spec(
        "kentico-gialai-quocphong",
        "kentico",
        "tune",
        "https://truongchinhtri.gialai.org.vn/Tin-tuc/Hoat-dong/Be-giang-lop-boi-duong-kien-thuc-quoc-phong-va-an-ninh.aspx",
        A.BE_GIANG_QPAN,
        "2022-10-28",
        "17:20",
        "Ngày đăng: 28/10/2022 17:20",
        author="Văn Tài",
        byline=("Bài, ảnh: Văn Tài",),
        hints={"cms": "kentico"},
        opts=GIA_LAI,
        notes="Kentico: <title> with the site name first, summary block",
    ),
    Spec(
        "phpnuke-vinhlong-ketnap",
        "phpnuke",
        "tune",
        "http://tctph.vinhlong.gov.vn/modules.php?name=News&op=viewst&sid=1284",
        A.KET_NAP,
        "2024-03-22",
        None,
        "Ngày đăng: 22/03/2024",
        author="Kim Ngân",
        byline=("Kim Ngân",),
        encoding="cp1258",
        hints={"cms": "phpnuke"},
        opts={**VINH_LONG, "generator": True},
        notes="windows-1258 bytes (combining tone marks), PHP-Nuke tables, <br>-separated body",
    ),
    Spec(
        "portal-haiphong-nhagiao",
        "portal",
        "tune",
        "https://truongchinhtritohieu.haiphong.gov.vn/Tin-tuc---Su-kien/Toa-dam-ky-niem-41-nam-Ngay-Nha-giao-Viet-Nam-91544.html",
        A.NHA_GIAO,
        "2023-11-17",
        "21:06",
        "Cập nhật: 17/11/2023 21:06",
        author="Minh Thu",
        byline=("Minh Thu",),
        meta_charset="iso-8859-1",
        opts=portal_site(
            "Trường Chính trị Tô Hiệu",
            "Số 3, đường Lạch Tray, Ngô Quyền, Hải Phòng",
            "truongchinhtritohieu@haiphong.gov.vn",
            blocks=("links", "counter", "poll"),
        ),
        notes="Hải Phòng portal: <meta charset> says iso-8859-1 but the bytes are UTF-8; bare name at the end",
    ),
    Spec(
        "portal-tuyenquang-thethao",
        "portal",
        "tune",
        "http://truongchinhtritq.edu.vn/n812_giao-luu-van-nghe-the-thao-chao-mung-ky-niem-94-nam-ngay-thanh-lap-dang",
        A.THE_THAO,
        "2024-02-01",
        "09:35",
        "Ngày Đăng: 1/2/2024 9:35 Lượt xem: 307",
        author="Thu Hằng",
        byline=("Bài và ảnh: Thu Hằng",),
        title_tag=f"Trường Chính trị tỉnh Tuyên Quang | {A.THE_THAO.title}",
        opts=portal_site(
            "Trường Chính trị tỉnh Tuyên Quang",
            "Đường 17/8, phường Phan Thiết, TP. Tuyên Quang",
            "tctq@tuyenquang.gov.vn",
            cls="detail",
            title_el="h2",
            side_prefix="Ngày Đăng: ",
            side_fmt="%d/%m/%Y",
            blocks=("links", "search"),
        ),
        notes="Tuyên Quang: date without zero padding followed by a view count; sidebar in the same format",
    ),
    Spec(
        "portal-phutho-cumthidua",
        "portal",
        "tune",
        "http://truongchinhtritinhphutho.gov.vn/tin-tuc-su-kien/cum-thi-dua-cac-truong-chinh-tri-khu-vuc-trung-du-mien-nui-phia-bac-to-chuc-hoi-nghi-tong-ket.html",
        A.SEED_004,
        "2021-11-28",
        "02:16",
        "Chủ nhật, 28.11.2021 02:16",
        author="Nguyễn Thị Nhàn",
        byline=("ThS. Nguyễn Thị Nhàn", "Trưởng phòng TC,HC,TT,TL"),
        title_tag="Trường Chính trị tỉnh Phú Thọ",
        opts=portal_site(
            "Trường Chính trị tỉnh Phú Thọ",
            "Phường Tân Dân, TP. Việt Trì, Phú Thọ",
            "truongchinhtri@phutho.gov.vn",
            byline_before=True,
            byline_style="plain",
            marquee_titles=(A.SEED_004.title, UPPER_OTHERS[0]),
            stray_title=True,
            other_heading="Các tin khác:",
            other_titles=UPPER_OTHERS,
            tools=PHU_THO_TOOLS,
            tool_snips=["[Trở về]", "In bài viết", "Gửi cho bạn bè"],
            blocks=("links", "counter"),
        ),
        notes="seed 004: uppercase title (also in a ticker), dotted date, author block before the body, "
        "stray 'Untitled Document' <title> in the body",
    ),
    Spec(
        "portal-thaibinh-datchuan",
        "portal",
        "tune",
        "https://truongchinhtrithaibinh.gov.vn/tin-tuc/phan-dau-xay-dung-truong-chinh-tri-tinh-dat-chuan-163254.html",
        A.SEED_003,
        "2023-01-06",
        "15:26:43",
        "Thứ 6, 06/01/2023 | 15:26:43",
        author="Đào Quyên",
        byline=("Đào Quyên",),
        clock="Thứ 7, 04/02/2023, 12:06[GMT+7]",
        title_tag="Trường Chính trị tỉnh Thái Bình",
        opts=portal_site(
            "Trường Chính trị tỉnh Thái Bình",
            "Số 8, đường Lê Quý Đôn, TP. Thái Bình",
            "truongchinhtri@thaibinh.gov.vn",
            cls="article",
            views="4,116 lượt xem",
            other_heading="Tin liên quan",
            blocks=("links", "counter"),
        ),
        notes="seed 003: header clock 'Thứ 7, ..., 12:06[GMT+7]' later than the article, seconds in the time",
    ),
    Spec(
        "portal-vinhphuc-tongket",
        "portal",
        "tune",
        "http://truongchinhtri.vinhphuc.gov.vn/tin-tuc-hoat-dong/dang-bo-truong-chinh-tri-tinh-tong-ket-2020-trien-khai-nhiem-vu-2021-1234.html",
        A.SEED_001,
        "2021-02-01",
        None,
        "Ngày đăng: 01/02/2021",
        author="Đỗ Xuân Hoà",
        byline=("ThS. Đỗ Xuân Hoà - GV khoa Xây dựng Đảng",),
        title_tag="Trường Chính trị tỉnh Vĩnh Phúc",
        opts=portal_site(
            "Trường Chính trị tỉnh Vĩnh Phúc",
            "Phường Khai Quang, TP. Vĩnh Yên",
            "tct@vinhphuc.gov.vn",
            cap="em",
            side_heading="Tin tức - Hoạt động",
            other_heading="Video",
            other_titles=VIDEO_TITLES,
            blocks=("links",),
        ),
        notes="seed 001: caption before the first paragraph, byline with degree and role after the body",
    ),
    # ---- holdout (written with the tune pages, before any extractor code) ----
    Spec(
        "nv4-hatinh-hoithi",
        "nukeviet4",
        "holdout",
        "https://truongchinhtrihatinh.gov.vn/tin-tuc-nha-truong/hoi-thi-giang-vien-day-gioi-cap-truong-nam-2023-912.html",
        A.HOI_THI,
        "2023-05-25",
        "10:53",
        "Thứ năm - 25/05/2023 10:53",
        author="Thanh Tâm",
        byline=("Tác giả bài viết: Thanh Tâm",),
        clock="Thứ bảy, 12/10/2024",
        hints={"cms": "nukeviet"},
        opts={
            **HA_TINH,
            "author_field": "Thanh Tâm",
            "slogan": "CHÀO MỪNG 80 NĂM TRƯỜNG CHÍNH TRỊ TRẦN PHÚ (1945 - 2025)",
        },
        notes="NukeViet with rewritten URLs, header clock",
    ),
    Spec(
        "nv3-caobang-chibo",
        "nukeviet3",
        "holdout",
        "http://truongchinhtri.caobang.gov.vn/index.php/news/Bai-viet-nghien-cuu-trao-doi/Nang-cao-chat-luong-sinh-hoat-chi-bo-o-cac-truong-chinh-tri-cap-tinh-hien-nay-655/",
        A.SINH_HOAT_CHI_BO,
        "2019-11-14",
        "15:02",
        "Thứ năm - 14/11/2019 15:02",
        author="Nông Thị Hằng",
        byline=("Tác giả bài viết: ThS. Nông Thị Hằng",),
        clock="Thứ sáu, 22/11/2019",
        hints={"cms": "nukeviet"},
        opts={**CAO_BANG, "author_field": "ThS. Nông Thị Hằng"},
        notes="NukeViet 3 research article, degree in the author field",
    ),
    Spec(
        "nv-print-dongthap-70nam",
        "nukeviet-print",
        "holdout",
        "https://truongchinhtri.dongthap.gov.vn/vi/news/savefile/tin-hoat-dong/truong-chinh-tri-tinh-dong-thap-ky-niem-70-nam-thanh-lap-1955-2025-63.html",
        A.KY_NIEM_70,
        "2025-06-20",
        "16:30",
        "Thứ sáu - 20/06/2025 16:30",
        author="Ngọc Trinh",
        source="Báo Đồng Tháp",
        byline=("Tác giả bài viết: Ngọc Trinh", "Nguồn tin: Báo Đồng Tháp"),
        canonical="https://truongchinhtri.dongthap.gov.vn/vi/news/tin-hoat-dong/truong-chinh-tri-tinh-dong-thap-ky-niem-70-nam-thanh-lap-1955-2025-63.html",
        opts={**DONG_THAP_PRINT, "author_field": "Ngọc Trinh", "source_field": "Báo Đồng Tháp"},
        notes="NukeViet savefile view with author and source fields, no site hint",
    ),
    Spec(
        "liferay-dongthap-zh",
        "liferay",
        "holdout",
        "https://dongthap.gov.vn/zh/web/tct/chi-tiet-bai-viet/-/asset_publisher/1mOzUrGkrdAE/content/id/24496706?plidlayout=2324",
        A.THIEN_NGUYEN,
        "2022-08-29",
        "10:12",
        "Thứ hai, 29/08/2022, 10:12",
        author="Thanh Phong",
        byline=("Tin, ảnh: Thanh Phong",),
        title_tag="资产发布器 - Trường Chính trị tỉnh Đồng Tháp",
        opts={**DONG_THAP, "zh": True},
        notes="legacy Liferay subsite in the zh locale: portlet title 资产发布器 as <title>, 'null ' headline",
    ),
    Spec(
        "liferay-hanoi-en",
        "liferay-hanoi",
        "holdout",
        "https://dtcblehongphong.hanoi.gov.vn/en/tin-nha-truong1/-/view_content/3388174-hoc-tap-quan-triet-nghi-quyet-hoi-nghi-lan-thu-tam.html",
        A.HOC_TAP_NQ,
        "2023-12-26",
        "14:57",
        "Publish date 26/12/2023 | 2:57 PM  | View count: 897",
        author="Phòng Quản lý đào tạo - Nghiên cứu khoa học",
        byline=("Phòng Quản lý đào tạo - Nghiên cứu khoa học",),
        opts={"en": True},
        notes="English UI: 'Publish date ... PM', a department signing (a unit in the byline's place is the author, issue 23)",
    ),
    Spec(
        "websphere-cantho-canbonguon",
        "websphere",
        "holdout",
        "http://cantho.gov.vn/wps/portal/truongchinhtri/!ut/p/b1/04_Sj9CPykssy0xPLMnMz0vMAfGjzOIdg5yCfC2DjU3MPfwtDDxdLAINHX08jb3MTPULsh0VAVqgSjE!/?1dmy&page=NoiDung&urile=wcm%3apath%3a/TruongChinhTri/Sub_Site/In_Nav/TinTuc/HoatDong/khai-giang-lop-boi-duong-can-bo-nguon",
        A.CAN_BO_NGUON,
        "2023-04-04",
        "08:17",
        "08:17 04/04/2023",
        source="Báo Cần Thơ",
        byline=("Theo Báo Cần Thơ",),
        clock="Thứ Ba, 11/04/2023",
        hints={"cms": "websphere"},
        opts=CAN_THO,
        notes="WebSphere WCM subsite, republished item with source only",
    ),
    Spec(
        "drupal-bentre-daihoi",
        "drupal7",
        "holdout",
        "https://truongchinhtribentre.edu.vn/tin-t%E1%BB%A9c/%C4%91%E1%BA%A1i-h%E1%BB%99i-chi-b%E1%BB%99-khoa-x%C3%A2y-d%E1%BB%B1ng-%C4%91%E1%BA%A3ng",
        A.DAI_HOI_CHI_BO,
        "2025-03-14",
        "16:20",
        "Thứ sáu, 14 Tháng 3, 2025 - 16:20",
        author="Lê Văn Thành",
        byline=("Lê Văn Thành", "Khoa Xây dựng Đảng"),
        clock="Thứ bảy, 10 Tháng 5, 2025 - 23:01",
        opts={**BEN_TRE, "node": 1874},
        notes="Drupal long date for both the header clock and the article",
    ),
    Spec(
        "drupal-langson-cosovatchat",
        "drupal8",
        "holdout",
        "http://truongchinhtrils.vn/node/1686",
        A.CO_SO_VAT_CHAT,
        "2025-05-08",
        "17:23",
        "Thứ Năm, 08/05/2025 - 17:23",
        author="Hoàng Văn Nam",
        byline=("Ths. Hoàng Văn Nam, Khoa Lý luận cơ sở",),
        nfd="all",
        opts=LANG_SON,
        notes="Drupal 8, whole page in NFD, capitalised weekday, English-form dates in the sidebar",
    ),
    Spec(
        "k2-lamdong-boiduong",
        "joomla-k2",
        "holdout",
        "http://truongchinhtrilamdong.com.vn/tin-tuc/hoat-dong/item/655-boi-duong-ly-luan-chinh-tri-cho-dang-vien-moi-nam-2022.html",
        A.BOI_DUONG_DVM,
        "2022-11-11",
        "15:06",
        "Thứ sáu, 11 Tháng 11 2022 15:06",
        author="Nguyễn Văn Bình",
        byline=("Th.s Nguyễn Văn Bình - Khoa Nhà nước và pháp luật",),
        clock="Thứ ba, 15/11/2022",
        hints={"cms": "joomla"},
        opts={**LAM_DONG, "item": 655, "hits": 1204},
        notes="K2 with 'Th.s' degree and a role after a dash",
    ),
    Spec(
        "aspnet-ninhbinh-traobang",
        "aspnet-div",
        "holdout",
        "http://truongchinhtrinb.edu.vn/Default.aspx?phan_tin_id=14025&tin_id=13388&tree_id=141.164.171.",
        A.TRAO_BANG,
        "2022-05-12",
        "10:15",
        "Cập nhật lúc: 10:15 - 12/05/2022",
        author="Phạm Thị Hồng Nhung",
        byline=("Phạm Thị Hồng Nhung",),
        hints={"cms": "aspnet"},
        opts=NINH_BINH,
        notes="ASP.NET divs in a form, time before the date, generic <title>",
    ),
    Spec(
        "dnn-hanam-baocaovien",
        "dotnetnuke",
        "holdout",
        "http://truongchinhtri.hanam.gov.vn/tabid/126/post/301/Hoi-nghi-bao-cao-vien-thang-11-nam-2022.aspx",
        A.BAO_CAO_VIEN,
        "2022-11-08",
        "14:40:00",
        "08/11/2022 2:40:00 CH",
        author="Trần Thị Thu Hiền",
        byline=("Trần Thị Thu Hiền",),
        clock="Thứ Năm, 17/11/2022",
        hints={"cms": "dotnetnuke"},
        opts={**HA_NAM, "mid": 498},
        notes="DotNetNuke vi-VN DateTime with 'CH' (afternoon)",
    ),
    Spec(
        "kentico-gialai-danvan",
        "kentico",
        "holdout",
        "https://truongchinhtri.gialai.org.vn/Tin-tuc/Nghien-cuu-khoa-hoc/Hoi-thao-khoa-hoc-ve-cong-tac-dan-van.aspx",
        A.HOI_THAO_DAN_VAN,
        "2023-10-13",
        "08:30",
        "Ngày đăng: 13/10/2023 08:30",
        author="Hồng Nhung",
        byline=("Hồng Nhung",),
        hints={"cms": "kentico"},
        opts={
            **GIA_LAI,
            "getattachment": (
                "/getattachment/8a1e55b2-3c47-4d0e-a7b1-2f9c0e6d4b11/Ky-yeu-hoi-thao.aspx",
                "Kỷ yếu hội thảo",
            ),
        },
        notes="Kentico with a /getattachment/ document link and a pen name at the end",
    ),
    Spec(
        "phpnuke-vinhlong-lichsu",
        "phpnuke",
        "holdout",
        "http://tctph.vinhlong.gov.vn/modules.php?name=News&op=viewst&sid=1197",
        A.LICH_SU_45,
        "2021-12-08",
        None,
        "Ngày đăng: 08/12/2021",
        author="Trúc Linh",
        byline=("Trúc Linh",),
        encoding="cp1258",
        http_encoding="ISO-8859-1",
        hints={"cms": "phpnuke"},
        opts=VINH_LONG,
        notes="windows-1258 bytes served with an HTTP header claiming ISO-8859-1; no generator meta",
    ),
    Spec(
        "wordpress-quangnam-hoian",
        "wordpress",
        "holdout",
        "https://truongchinhtriquangnam.edu.vn/2021/03/15/hoc-vien-lop-trung-cap-ly-luan-chinh-tri-nghien-cuu-thuc-te-tai-hoi-an/",
        A.NGHIEN_CUU_QN,
        "2021-03-15",
        None,
        None,
        author="Minh Châu",
        byline=("Minh Châu",),
        opts=QUANG_NAM,
        notes="WordPress: date only in the URL, share bar, related posts, comment form, archive widget",
    ),
    Spec(
        "portal-travinh-vanhoa",
        "portal",
        "holdout",
        "https://tcttv.travinh.gov.vn/1462/39939/69623/660111/nghien-cuu-trao-doi/xay-dung-va-phat-trien-van-hoa-tai-tinh-tra-vinh",
        A.VAN_HOA_TV,
        "2022-09-15",
        "14:05",
        "Ngày đăng: 15/09/2022 | 14:05",
        author="Phan Văn Tấn",
        byline=("Phan Văn Tấn", "Phó Khoa Nhà nước và Pháp luật"),
        title_tag="Nghiên cứu trao đổi",
        opts=portal_site(
            "Trường Chính trị tỉnh Trà Vinh",
            "Số 1, đường Nguyễn Đáng, TP. Trà Vinh",
            "tcttv@travinh.gov.vn",
            cls="article",
            title_el="p",
            para="div",
            byline_before=True,
            byline_style="plain",
            section="Nghiên cứu trao đổi",
            blocks=("links", "counter"),
        ),
        notes="Trà Vinh numeric-ID portal: headline in a <p>, section name as <title>, author and role before the body",
    ),
    Spec(
        "portal-daklak-taphuan",
        "portal",
        "holdout",
        "http://tctdaklak.gov.vn/tin-tuc/tap-huan-nghiep-vu-cho-doi-ngu-bao-cao-vien-tuyen-truyen-vien-nam-2016",
        A.TAP_HUAN_BCV,
        "2016-12-27",
        "08:17",
        "(27/12/2016, 08:17)",
        author="Thanh Hương",
        byline=("Tin: Thanh Hương",),
        title_tag="Tin tức",
        opts=portal_site(
            "Trường Chính trị tỉnh Đắk Lắk",
            "Số 2, đường Lê Duẩn, TP. Buôn Ma Thuột",
            "tctdaklak@gmail.com",
            title_el="h2",
            date_after_title_inline=True,
            counter=1,
            licence="Giấy phép thiết lập Trang thông tin điện tử số 01/GP-STTTT do Sở Thông tin và Truyền thông cấp ngày 23/10/2017.",
            blocks=("links", "counter", "login"),
        ),
        notes="Đắk Lắk: date in parentheses right after the title, dated licence in the footer",
    ),
    Spec(
        "portal-hungyen-caocap",
        "portal",
        "holdout",
        "http://truongchinhtringuyenvanlinhhy.org.vn/truong-chinh-tri-nguyen-van-linh-khai-giang-lop-cao-cap-ly-luan-chinh-tri-c2415.html",
        A.HUNG_YEN_LLCT,
        "2021-10-22",
        None,
        "22/10/2021",
        source="Báo Hưng Yên",
        byline=("Nguồn: Báo Hưng Yên",),
        meta_charset="windows-1252",
        opts=portal_site(
            "Trường Chính trị Nguyễn Văn Linh",
            "Đường Nguyễn Văn Linh, TP. Hưng Yên",
            "tctnvl@hungyen.gov.vn",
            views="lượt xem: 2252",
            blocks=("links", "counter", "poll"),
        ),
        notes="Hưng Yên: bare date then a view count, <meta charset> windows-1252 over UTF-8 bytes, source only",
    ),
    Spec(
        "portal-bacninh-tongket",
        "portal",
        "holdout",
        "http://nvc-bn.edu.vn/?page=news_detail&category_id=3237&id=7512&portal=nvc",
        A.BAC_NINH_HOI_NGHI,
        "2021-11-19",
        "15:44",
        "Thứ sáu 19/11/2021 15:44",
        author="Nhâm Dung, Mạnh Hà",
        byline=("Nhâm Dung – Mạnh Hà",),
        title_tag="Trường Chính trị Nguyễn Văn Cừ",
        opts=portal_site(
            "Trường Chính trị Nguyễn Văn Cừ",
            "Đường Lý Thái Tổ, TP. Bắc Ninh",
            "nvc@bacninh.gov.vn",
            slogan="MỪNG ĐẢNG, MỪNG ĐẤT NƯỚC ĐỔI MỚI, MỪNG XUÂN NHÂM DẦN 2022",
            alt_leak="Truong chinh tri Nguyen Van Cu",
            cap="divbr",
            blocks=("links", "counter", "search"),
        ),
        notes="Bắc Ninh: uppercase title, slogan banner, repeated logo alt text, two authors joined by a dash",
    ),
]


# --------------------------------------------------------------------------- output


def nfd_text(spec: Spec) -> Spec:
    t = spec.text

    def d(s: str) -> str:
        return unicodedata.normalize("NFD", s)

    text = A.Text(
        d(t.title),
        tuple(d(p) for p in t.paragraphs),
        d(t.lead) if t.lead else None,
        tuple((i, d(c)) for i, c in t.captions),
    )
    return Spec(**{**spec.__dict__, "text": text, "byline": tuple(d(b) for b in spec.byline)})


def to_cp1258(text: str) -> bytes:
    """Encode as windows-1258 the way Vietnamese legacy sites did: base letter + combining tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        for i, mark in enumerate(marks):
            head = unicodedata.normalize("NFC", base + mark)
            rest = marks[:i] + marks[i + 1 :]
            try:
                out += head.encode("cp1258") + rest.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            out += decomposed.encode("cp1258", errors="xmlcharrefreplace")
    return bytes(out)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def page_text(html: str) -> str:
    from lxml import html as lh

    return flat(lh.fromstring(html).text_content())


def expected(spec: Spec) -> dict[str, Any]:
    lead, paras = split_lead(spec.text, always=False)
    host = re.match(r"https?://[^/]+", spec.url).group(0)  # type: ignore[union-attr]
    attachments = []
    if spec.attachment:
        attachments.append(host + spec.attachment[0])
    if spec.opts.get("file_href"):
        attachments.append(host + spec.opts["file_href"])
    if spec.opts.get("getattachment"):
        attachments.append(host + spec.opts["getattachment"][0])
    published = (
        f"{spec.day}T{spec.time if spec.time.count(':') == 2 else spec.time + ':00'}+07:00"
        if spec.time
        else None
    )
    return {
        "title": spec.text.title,
        "date": spec.day,
        "published_at": published,
        "author": spec.author,
        "source": spec.source,
        "canonical_url": _canonical(spec, host),
        "attachments": attachments,
        "paragraphs": [p for p in ((lead,) if lead else ()) + paras],
    }


def _canonical(spec: Spec, host: str) -> str | None:
    """The absolute form of the <link rel=canonical> each layout prints."""
    if spec.canonical:
        return spec.canonical
    if spec.layout in ("nukeviet4", "liferay", "liferay-hanoi", "wordpress"):
        return spec.url
    if spec.layout in ("drupal7", "drupal8"):
        return f"{host}/node/{spec.opts['node']}"
    return None


def check(spec: Spec, html: str, snippets: list[str], exp: dict[str, Any]) -> list[str]:
    """Every expected paragraph is on the page; no must-not snippet is part of the article."""
    text = page_text(html)
    for para in exp["paragraphs"]:
        assert flat(para) in text, (spec.id, para[:60])
    article = flat(
        " ".join([*exp["paragraphs"], *(c for _, c in spec.text.captions), spec.text.title])
    )
    bylines = flat(" ".join(spec.byline))
    kept = []
    for s in dict.fromkeys(snippets):
        if not s.strip() or flat(s) in bylines:
            continue  # bylines are neither required nor penalised
        assert flat(s) not in article, (spec.id, s)
        kept.append(s)
    return kept


WEEKDAY_RE = re.compile(r"(Thứ (?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|Chủ nhật)", re.IGNORECASE)


def check_weekday(spec: Spec) -> None:
    if not (spec.date_line and spec.day):
        return
    m = WEEKDAY_RE.search(spec.date_line)
    if not m:
        return
    word = m.group(1).lower()
    digits = {"2": 0, "3": 1, "4": 2, "5": 3, "6": 4, "7": 5}
    idx = digits.get(word[-1]) if word[-1].isdigit() else [w.lower() for w in WEEKDAYS].index(word)
    assert date.fromisoformat(spec.day).weekday() == idx, (spec.id, spec.date_line)


def _layout(spec: Spec) -> str:
    """The layout name in the records: each custom portal is its own layout."""
    return spec.layout if spec.layout != "portal" else spec.id.rsplit("-", 1)[0]


def build(spec: Spec) -> None:
    check_weekday(spec)
    exp = expected(spec)
    render_spec = nfd_text(spec) if spec.nfd == "text" else spec
    html, snippets = LAYOUTS[spec.layout](render_spec)
    must_not = check(spec, html, snippets, exp)
    if spec.nfd == "all":
        html = unicodedata.normalize("NFD", html)
    data = to_cp1258(html) if spec.encoding == "cp1258" else html.encode("utf-8")
    (OUT / f"{spec.id}.html").write_bytes(data)
    record = {
        "id": spec.id,
        "file": f"{spec.id}.html",
        "layout": _layout(spec),
        "split": spec.split,
        "url": spec.url,
        "http_encoding": spec.http_encoding,
        "hints": spec.hints,
        "notes": spec.notes,
        "expected": {k: v for k, v in exp.items() if k != "paragraphs"},
        "paragraphs": exp["paragraphs"],
        "captions": [c for _, c in spec.text.captions],
        "bylines": list(spec.byline),
        "must_not": must_not,
    }
    (OUT / f"{spec.id}.json").write_text(
        json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def main() -> None:
    OUT.mkdir(exist_ok=True)
    ids = [s.id for s in SPECS]
    assert len(ids) == len(set(ids))
    for spec in SPECS:
        build(spec)
    tune = sum(s.split == "tune" for s in SPECS)
    print(
        f"{len(SPECS)} pages ({tune} tune, {len(SPECS) - tune} holdout), "
        f"{len({s.layout for s in SPECS})} templates, {len({_layout(s) for s in SPECS})} layouts -> {OUT}"
    )


if __name__ == "__main__":
    main()
