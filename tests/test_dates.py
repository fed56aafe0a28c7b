"""Vietnamese publication dates: the exact strings printed by school sites (registry notes §3)."""

from __future__ import annotations

import itertools
import re

import pytest

from archive.extract.dates import (
    _MONTHS_EN,
    _MONTHS_VI,
    DATE_PATTERNS,
    date_from_url,
    find_dates,
    is_date_line,
    parse_timestamp,
    parse_vn_date,
    published_at,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thứ năm, 19 Tháng 9, 2019 - 07:30", ("2019-09-19", "07:30")),
        ("Ngày đăng: 01/02/2021", ("2021-02-01", None)),
        ("Thứ 6, 06/01/2023 | 15:26:43", ("2023-01-06", "15:26:43")),
        ("Chủ nhật, 28.11.2021 02:16", ("2021-11-28", "02:16")),
        ("07:37 18/08/2023", ("2023-08-18", "07:37")),
        ("Ngày đăng 22/10/2019 | 8:36 AM  | View count: 487", ("2019-10-22", "08:36")),
        ("Publish date 13/11/2019 | 10:57 AM  | View count: 897", ("2019-11-13", "10:57")),
        ("Publish date 26/12/2023 | 2:57 PM", ("2023-12-26", "14:57")),
        ("Ngày Đăng: 6/6/2016 9:35 Lượt xem: 307", ("2016-06-06", "09:35")),
        ("Thứ năm, 23 Tháng 4 2015 08:43", ("2015-04-23", "08:43")),
        ("(27/12/2016, 08:17)", ("2016-12-27", "08:17")),
        ("Thứ sáu, 05/01/2018, 15:07", ("2018-01-05", "15:07")),
        ("Chủ nhật - 26/05/2019 14:21", ("2019-05-26", "14:21")),
        ("Ngày Đăng : 20/04/2021", ("2021-04-20", None)),
        ("Cập nhật: 25/04/2022 22:06", ("2022-04-25", "22:06")),
        ("Thứ tư, 16.11.2022 02:36", ("2022-11-16", "02:36")),
        ("Thứ Tư, 13/11/2019 - 17:23", ("2019-11-13", "17:23")),
        ("13 November 2019", ("2019-11-13", None)),
        ("Thứ Năm, ngày 14/11/2024 | 21:08", ("2024-11-14", "21:08")),
        ("Thứ sáu 19/11/2021 15:44", ("2021-11-19", "15:44")),
        ("Thứ Tư, ngày 12 tháng 4 năm 2023", ("2023-04-12", None)),
        ("Cập nhật lúc: 10:15 - 12/05/2022", ("2022-05-12", "10:15")),
        ("10/08/2023 8:05:12 SA", ("2023-08-10", "08:05:12")),
        ("08/11/2022 2:40:00 CH", ("2022-11-08", "14:40:00")),
        ("12/01/2020 12:10 AM", ("2020-01-12", "00:10")),
        ("3/4/2024 9:27 AM", ("2024-03-04", "09:27")),  # ASP.NET's en-US default (mojoPortal)
        ("Thứ 7, 04/02/2023, 12:06[GMT+7]", ("2023-02-04", "12:06")),
        ("Đăng ngày 08/12/2021 - Người đăng: Bùi Văn Nghĩa", ("2021-12-08", None)),
        ("Đăng ngày 05/11/2024 bởi Phan Thị Kim Oanh", ("2024-11-05", None)),
        ("bởi Nguyễn Thị Hằng - Thứ Hai, 12 tháng 5 2025, 9:15 AM", ("2025-05-12", "09:15")),
        ("by Hoàng Văn Lực - Tuesday, 3 December 2024, 2:40 PM", ("2024-12-03", "14:40")),
    ],
)
def test_formats_seen_on_school_sites(text: str, expected: tuple[str, str | None]) -> None:
    assert parse_vn_date(text) == expected
    assert is_date_line(text) or "Lượt xem" in text or "View count" in text, text


def test_day_always_comes_before_month() -> None:
    assert parse_vn_date("01/07/2022") == ("2022-07-01", None)
    assert parse_vn_date("12/03/2023") == ("2023-03-12", None)
    # 13 cannot be a month: only the month-first reading exists (Drupal's default
    # "D, m/d/Y - H:i", English-UI ASP.NET), so it is taken; an ambiguous date stays day-first.
    assert parse_vn_date("05/13/2023") == ("2023-05-13", None)
    assert parse_vn_date("T4, 10/18/2023 - 17:23") == ("2023-10-18", "17:23")
    assert parse_vn_date("10/05/2023") == ("2023-05-10", None)
    assert parse_vn_date("13.13.2023") is None and parse_vn_date("13-25-2023") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 Tháng Mười, 2020", "2020-10-12"),  # WordPress vi: j F, Y
        ("Tháng Mười Một 22, 2023", "2023-11-22"),  # F j, Y
        ("05 Tháng Mười Hai, 2019", "2019-12-05"),
        ("1 tháng Giêng năm 2021", "2021-01-01"),
        ("Tháng Tư 30, 2024", "2024-04-30"),
        ("October 18, 2023", "2023-10-18"),  # English UI, month first
        ("Posted on May 5th, 2021", "2021-05-05"),
    ],
)
def test_month_names(text: str, expected: str) -> None:
    assert parse_vn_date(text) == (expected, None)
    assert is_date_line(text)


@pytest.mark.parametrize(
    "text", ["31/02/2020", "Không có ngày", "", "99/99/9999", "1/1/1850", "0/5/2020", "2020"]
)
def test_not_dates(text: str) -> None:
    assert parse_vn_date(text) is None


def test_time_needs_to_be_next_to_the_date() -> None:
    assert parse_vn_date("Ngày 29/6/2022, hội nghị kéo dài 3 giờ, từ 08:00") == ("2022-06-29", None)
    assert parse_vn_date("25:70 01/07/2022") == ("2022-07-01", None)


def test_find_dates_keeps_order_and_positions() -> None:
    found = find_dates("Hôm nay 21/07/2024. Bài đăng 23/4/2015 08:43.")
    assert [m.day for m in found] == ["2024-07-21", "2015-04-23"]
    assert found[1].time == "08:43"
    assert found[0].start < found[1].start


def test_nfd_input() -> None:
    import unicodedata

    assert parse_vn_date(unicodedata.normalize("NFD", "Thứ năm, 19 Tháng 9, 2019")) == (
        "2019-09-19",
        None,
    )


@pytest.mark.parametrize(
    "line",
    [
        "Ngày đăng: 01/02/2021",
        "Ngày đăng 22/10/2019 | 8:36 AM  | View count: 487",
        "Ngày Đăng: 6/6/2016 9:35 Lượt xem: 307",
        "(27/12/2016, 08:17)",
        "Thứ 7, 04/02/2023, 12:06[GMT+7]",
        "Cập nhật lúc: 10:15 - 12/05/2022",
        "22/10/2021",
        "Ngày gửi: 14/11/2008 10:25:17 | Số lần xem: 1025",
        "Ngày xuất bản: 12/04/2023 10:20 | Người đăng: Kim Thị Sa Ry | Lượt xem: 576",
    ],
)
def test_date_lines(line: str) -> None:
    assert is_date_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Chiều ngày 29/6/2022, Đảng bộ Trường Chính trị tổ chức Hội nghị sơ kết",
        "Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương",
        "Tin khác",
        "Hội nghị ngày 12/04/2023 | Kết luận của Hiệu trưởng về công tác đào tạo năm học mới",
        "",
    ],
)
def test_prose_is_not_a_date_line(line: str) -> None:
    assert not is_date_line(line)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.edu.vn/2021/03/15/hoc-vien-nghien-cuu-thuc-te/", "2021-03-15"),
        ("http://x.gov.vn/index.php/tin-tuc/hoat-dong/1935-2021-06-08-02-41-17", "2021-06-08"),
        ("http://x.gov.vn/index.php/ng-oan-th/chinh-quyn/1720-2019-04-04-04-27-07", "2019-04-04"),
        ("http://x.gov.vn/tin/20230815-khai-giang.html", "2023-08-15"),
        ("https://tcttv.travinh.gov.vn/1462/39939/69623/660111/nghien-cuu-trao-doi/x", None),
        ("http://x.gov.vn/tin?ngay=2021-06-08", None),
        ("https://dongthap.gov.vn/zh/web/tct/-/asset_publisher/x/content/id/24496706", None),
        ("", None),
    ],
)
def test_dates_in_urls(url: str, expected: str | None) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-06-30T17:30:00Z", ("2022-07-01", "00:30:00")),
        ("2022-07-01T00:30:00+07:00", ("2022-07-01", "00:30:00")),
        ("2023-06-16ICT16:45:00", ("2023-06-16", "16:45:00")),
        ("2024-03-04T08:05:00+0700", ("2024-03-04", "08:05:00")),
        ("2013-03-28", ("2013-03-28", None)),
        ("2013-03-28 09:15", ("2013-03-28", "09:15")),
        ("not a date", None),
        ("2013-13-45", None),
    ],
)
def test_machine_timestamps_move_to_vietnam_time(
    value: str, expected: tuple[str, str | None] | None
) -> None:
    assert parse_timestamp(value) == expected


def test_published_at_only_with_a_printed_time() -> None:
    assert published_at("2023-01-06", "15:26:43") == "2023-01-06T15:26:43+07:00"
    assert published_at("2023-01-06", "15:26") == "2023-01-06T15:26:00+07:00"
    assert published_at("2023-01-06", None) is None
    assert published_at(None, "15:26") is None


#: What a date line is made of but its digits: month and weekday names, date words, the
#: separators the patterns know.
_DATE_WORDS = sorted({*_MONTHS_EN, *_MONTHS_VI}) + [
    "ngày", "tháng", "năm", "thứ", "chủ nhật", "lúc", "AM", "PM", "Ngày đăng:", "Monday",
    "st", "nd", "th", "of", "'", "’", "/", "-", ".", ",", "|", ":", "(", ")", "h", "T", "Z",
]  # fmt: skip


def test_no_date_pattern_matches_a_line_without_digits():
    """What lets find_dates skip a line without a digit (half the lines a page asks of):
    every pattern needs a day's digits, and no run of date words matches one."""
    for pattern in DATE_PATTERNS:
        assert re.search(r"\(\?P<d>\\d\{[12](?:,2)?\}\)(?![?*])", pattern.pattern), pattern
    for first, second, third in itertools.product(_DATE_WORDS, repeat=3):
        text = f"{first} {second} {third}"
        assert all(p.search(text) is None for p in DATE_PATTERNS), text
    assert find_dates("Thứ năm, mười hai tháng chạp năm Giáp Thìn") == []
