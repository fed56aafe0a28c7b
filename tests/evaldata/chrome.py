"""Page chrome shared by the evaluation layouts: menus, sidebars, counters, footers.

Every helper returns ``(html, snippets)``: the markup and the boilerplate
strings it printed that must never reach an article's text. The strings come
from registry notes §5 (real school sites).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

Chunk = tuple[str, list[str]]

OTHER_NEWS = (
    "Bồi dưỡng kiến thức quốc phòng và an ninh cho đối tượng 4 năm 2023",
    "Khai giảng lớp Trung cấp lý luận chính trị hệ không tập trung tại huyện",
    "Trường Chính trị tỉnh tổ chức Hội nghị cán bộ, công chức, viên chức năm 2024",
    "Hội thảo khoa học về công tác dân vận trong tình hình mới",
    "Lễ bế giảng lớp Cao cấp lý luận chính trị khóa học 2022 - 2024",
    "Chi bộ Khoa Lý luận cơ sở sinh hoạt chuyên đề quý III",
    "Tập huấn nghiệp vụ công tác kiểm tra, giám sát của Đảng",
    "Đoàn công tác Học viện Chính trị khu vực làm việc với nhà trường",
    "Kết quả thi tốt nghiệp lớp Trung cấp lý luận chính trị khóa 75",
    "Gặp mặt cán bộ hưu trí nhân dịp Xuân Giáp Thìn",
)

MENU = (
    "Trang chủ",
    "Giới thiệu",
    "Tin tức - Sự kiện",
    "Đào tạo - Bồi dưỡng",
    "Nghiên cứu khoa học",
    "Văn bản",
    "Thư viện ảnh",
    "Liên hệ",
)


def items(titles: Iterable[str], dates: Iterable[str]) -> list[tuple[str, str]]:
    return list(zip(titles, dates, strict=False))


def menu_ul(cls: str = "nav navbar-nav") -> Chunk:
    lis = "".join(f'<li><a href="/{i}">{escape(m)}</a></li>' for i, m in enumerate(MENU))
    return f'<ul class="{cls}">{lis}</ul>', ["Trang chủ", "Thư viện ảnh"]


def menu_table() -> Chunk:
    tds = "".join(
        f'<td class="menutop" nowrap="nowrap"><a class="menu" href="/m{i}.aspx">{escape(m)}</a></td>'
        f'<td width="1"><img src="/images/sep.gif" alt="" /></td>'
        for i, m in enumerate(MENU)
    )
    html = (
        '<table width="100%" cellpadding="0" cellspacing="0" border="0" class="tblMenu">'
        f"<tr>{tds}</tr></table>"
    )
    return html, ["Trang chủ", "Thư viện ảnh", "Đào tạo - Bồi dưỡng"]


def slogan(text: str, tag: str = "marquee") -> Chunk:
    if tag == "marquee":
        return f'<marquee scrollamount="3" class="slogan">{escape(text)}</marquee>', [text[:40]]
    return f'<div class="slogan"><span>{escape(text)}</span></div>', [text[:40]]


def news_list(heading: str, entries: Sequence[tuple[str, str]], cls: str = "block-news") -> Chunk:
    lis = "".join(
        f'<li><a href="/tin/{n}.html">{escape(t)}</a> <span class="date">({escape(d)})</span></li>'
        for n, (t, d) in enumerate(entries)
    )
    html = f'<div class="{cls}"><h3 class="block-title">{escape(heading)}</h3><ul>{lis}</ul></div>'
    return html, [heading, *[t for t, _ in entries[:2]]]


def links_block(heading: str = "Liên kết website") -> Chunk:
    opts = (
        "Website Chính Phủ",
        "Học viện chính trị Quốc gia Hồ Chí Minh",
        "Học viện hành chính Quốc gia",
        "Cổng thông tin Chính phủ",
    )
    options = "".join(
        f'<option value="http://l{i}.gov.vn">{o}</option>' for i, o in enumerate(opts)
    )
    html = (
        f'<div class="block-links"><h3 class="block-title">{heading}</h3>'
        f'<select onchange="window.open(this.value)"><option>-- Chọn liên kết --</option>{options}</select></div>'
    )
    return html, [heading, "Website Chính Phủ", "Học viện hành chính Quốc gia"]


def counter_block(style: int = 0) -> Chunk:
    if style == 0:
        html = (
            '<div class="block-counter"><h3 class="block-title">Thống kê truy cập</h3>'
            "<ul><li>Số người online : <b>4</b></li><li>Hôm nay : <b>4577</b></li>"
            "<li>Hôm qua : <b>4722</b></li><li>Lượt truy cập : <b>3167066</b></li></ul></div>"
        )
        return html, ["Thống kê truy cập", "Số người online", "Hôm qua :", "3167066"]
    if style == 1:
        html = (
            '<div class="panel panel-default"><div class="panel-heading">Thống kê truy cập</div>'
            '<div class="panel-body"><ul class="counter list-unstyled">'
            '<li><em class="fa fa-bolt"></em> Đang truy cập<span>18</span></li>'
            '<li><em class="fa fa-filter"></em> Hôm nay<span>1,212</span></li>'
            '<li><em class="fa fa-calendar-o"></em> Tháng hiện tại<span>31,940</span></li>'
            '<li><em class="fa fa-bars"></em> Tổng lượt truy cập<span>2,800,134</span></li>'
            "</ul></div></div>"
        )
        return html, ["Thống kê truy cập", "Đang truy cập", "Tổng lượt truy cập"]
    html = (
        '<table class="counter" width="100%"><tr><td class="title">THỐNG KÊ</td></tr>'
        "<tr><td>Trong tuần: 12.410</td></tr><tr><td>Tất cả: 2.800.134</td></tr>"
        "<tr><td>Số lượt truy cập: 2.800.134</td></tr></table>"
    )
    return html, ["THỐNG KÊ", "Trong tuần:", "Số lượt truy cập"]


def poll_block() -> Chunk:
    html = (
        '<div class="block-poll"><h3 class="block-title">Thăm dò ý kiến</h3>'
        "<p>Bạn quan tâm nội dung nào trên website?</p>"
        '<form><label><input type="radio" name="v" value="1" /> Tin hoạt động</label>'
        '<label><input type="radio" name="v" value="2" /> Nghiên cứu trao đổi</label>'
        '<label><input type="radio" name="v" value="3" /> Văn bản chỉ đạo</label>'
        '<input type="button" value="Bình chọn" /> <input type="button" value="Xem kết quả" /></form></div>'
    )
    return html, ["Thăm dò ý kiến", "Bạn quan tâm nội dung nào", "Bình chọn"]


def login_block() -> Chunk:
    html = (
        '<div class="block-login"><h3 class="block-title">Đăng nhập</h3>'
        '<form method="post" action="/login"><label>Tên đăng nhập:</label><input name="u" />'
        '<label>Mật khẩu:</label><input type="password" name="p" />'
        '<input type="submit" value="Đăng nhập" /> <a href="/quen-mat-khau">Quên mật khẩu?</a></form></div>'
    )
    return html, ["Tên đăng nhập:", "Mật khẩu:", "Quên mật khẩu"]


def search_block() -> Chunk:
    html = (
        '<div class="block-search"><form action="/tim-kiem"><input name="q" placeholder="Tìm kiếm thông tin" />'
        '<button type="submit">Tìm kiếm</button></form></div>'
    )
    return html, ["Tìm kiếm"]


def footer(school: str, address: str, phone: str, email: str, licence: str | None = None) -> Chunk:
    lic = f"<p>{escape(licence)}</p>" if licence else ""
    html = (
        f'<div id="footer" class="footer"><p><strong>{escape(school.upper())}</strong></p>'
        f"<p>Địa chỉ: {escape(address)}</p><p>Điện thoại: {phone} - Fax: {phone[:-2]}99</p>"
        f'<p>Email: <a href="mailto:{email}">{email}</a></p>{lic}'
        "<p>Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></div>"
    )
    snips = ["Địa chỉ:", "Điện thoại:", email, "Ghi rõ nguồn"]
    if licence:
        snips.append(licence[:30])
    return html, snips


def join(*chunks: Chunk) -> Chunk:
    html = "\n".join(c[0] for c in chunks)
    snippets: list[str] = []
    for c in chunks:
        snippets.extend(c[1])
    return html, snippets
