"""Page chrome shared by the CMS styles: the boilerplate of registry notes §5.

Link blocks, visit counters, polls, login boxes, slogans and footers appear
on every page of every school site; the extractor must leave all of them out.
The strings here are also the ground truth's ``boilerplate`` snippets.
External links point at ``.example`` hosts so that nothing can reach a real
site even if a crawler leaves its scope.
"""

from __future__ import annotations

from html import escape

from sampleweb.core import dates
from sampleweb.core.entries import SampleSite
from sampleweb.core.pages import Ctx

SLOGANS = (
    "ĐẨY MẠNH HỌC TẬP VÀ LÀM THEO TƯ TƯỞNG, ĐẠO ĐỨC, PHONG CÁCH HỒ CHÍ MINH!",
    "Toàn Đảng, toàn dân, toàn quân ra sức thi đua thực hiện thắng lợi Nghị quyết Đại hội XIII "
    "của Đảng",
    "NHIỆT LIỆT CHÀO MỪNG HỘI THAO CỤM THI ĐUA CÁC TRƯỜNG CHÍNH TRỊ",
    "MỪNG ĐẢNG, MỪNG ĐẤT NƯỚC ĐỔI MỚI, MỪNG XUÂN",
)
LINKS = (
    ("Website Chính Phủ", "https://chinhphu.example/"),
    ("Học viện chính trị Quốc gia Hồ Chí Minh", "https://hcma.example/"),
    ("Học viện hành chính Quốc gia", "https://napa.example/"),
    ("Văn bản pháp quy", "https://vanban.example/"),
)
LICENCE = (
    "Giấy phép thiết lập Trang thông tin điện tử số 01/GP-STTTT do Sở Thông tin và Truyền "
    "thông cấp ngày 23/10/2017."
)
POLL_QUESTION = "Bạn đánh giá thế nào về giao diện mới của website?"
REPRINT = "Ghi rõ nguồn khi phát hành lại thông tin từ website này."

#: Snippets on every page of every site: never part of an article's text.
COMMON = (
    "Liên kết website",
    "Thống kê truy cập",
    "Số người online",
    "Hôm nay",
    "Thăm dò ý kiến",
    POLL_QUESTION,
    "Tên đăng nhập:",
    "Mật khẩu:",
    "Tìm kiếm thông tin",
    LICENCE,
    REPRINT,
    "Website Chính Phủ",
)


def slogan(site: SampleSite) -> str:
    return SLOGANS[site.index % len(SLOGANS)]


def footer_lines(site: SampleSite) -> tuple[str, ...]:
    """Address, phone, e-mail, licence: the footer of every page."""
    mail = f"tct{site.index + 1}{site.cms}@gmail.com"
    return (
        f"Bản quyền © {site.name}",
        f"Địa chỉ: Số {10 + site.index} đường Trần Hưng Đạo, tỉnh {site.province}",
        f"Điện thoại: 0277.3851.{234 + site.index} - Fax: 0277.3851.{300 + site.index}",
        f"Email: {mail}",
        LICENCE,
        REPRINT,
    )


def esc(value: str) -> str:
    return escape(value, quote=False)


def attr(value: str) -> str:
    return escape(value, quote=True)


def counter_numbers(ctx: Ctx) -> tuple[int, int, int, int]:
    """Online, today, yesterday, total: they move with every request."""
    return 1 + ctx.visits % 9, 4000 + ctx.visits % 997, 4722, 3_167_066 + ctx.visits


def counter_block(ctx: Ctx) -> str:
    online, today, yesterday, total = counter_numbers(ctx)
    return (
        '<div class="block counter"><h3>Thống kê truy cập</h3><ul>'
        f"<li>Số người online : {online}</li><li>Hôm nay : {today}</li>"
        f"<li>Hôm qua : {yesterday}</li><li>Lượt truy cập : {total}</li></ul></div>"
    )


def links_block() -> str:
    items = "".join(
        f'<li><a href="{url}" target="_blank">{esc(name)}</a></li>' for name, url in LINKS
    )
    return f'<div class="block links"><h3>Liên kết website</h3><ul>{items}</ul></div>'


def poll_block() -> str:
    options = "".join(
        f'<label><input type="radio" name="poll" value="{i}"> {label}</label><br>'
        for i, label in enumerate(("Đẹp, dễ sử dụng", "Bình thường", "Chưa đẹp"))
    )
    return (
        f'<div class="block poll"><h3>Thăm dò ý kiến</h3><p>{POLL_QUESTION}</p>'
        f'<form action="#" method="post">{options}'
        '<input type="submit" value="Bình chọn"> <a href="#">Xem kết quả</a></form></div>'
    )


def login_block() -> str:
    return (
        '<div class="block login"><h3>Đăng nhập</h3><form action="#" method="post">'
        '<label>Tên đăng nhập:</label> <input type="text" name="u"><br>'
        '<label>Mật khẩu:</label> <input type="password" name="p"><br>'
        '<input type="submit" value="Đăng nhập"></form></div>'
    )


def search_block(action: str, name: str = "q") -> str:
    return (
        '<div class="block search"><h3>Tìm kiếm thông tin</h3>'
        f'<form action="{action}" method="get">'
        f'<input type="text" name="{name}" placeholder="Nhập từ khóa"> '
        '<input type="submit" value="Tìm kiếm"></form></div>'
    )


def footer(site: SampleSite) -> str:
    lines = "".join(f"<p>{esc(line)}</p>" for line in footer_lines(site))
    return f'<div id="footer">{lines}</div>'


def today(ctx: Ctx) -> str:
    return dates.today_widget(ctx.today)


def paragraphs(items: tuple[str, ...]) -> str:
    return "".join(f"<p>{esc(p)}</p>" for p in items)


def side_blocks(ctx: Ctx, search_action: str, search_name: str = "q") -> str:
    """Search, counter, links, poll and login boxes: the usual sidebar column."""
    return "\n".join(
        (
            search_block(search_action, search_name),
            counter_block(ctx),
            links_block(),
            poll_block(),
            login_block(),
        )
    )
