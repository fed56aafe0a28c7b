"""Vietnamese bylines and sources (registry notes §4): the person's name only."""

from __future__ import annotations

import unicodedata

import pytest

from archive.extract.bylines import (
    is_person_name,
    is_role_line,
    labelled_author,
    name_and_date,
    names_in,
    parse_byline,
    strip_degree,
    unit_signature,
)


@pytest.mark.parametrize(
    ("line", "author", "source"),
    [
        ("Tin, ảnh: Võ Thị Nhiên", "Võ Thị Nhiên", None),
        ("ThS. Đỗ Xuân Hoà - GV khoa Xây dựng Đảng", "Đỗ Xuân Hoà", None),
        ("TS. Hồ Ngọc Trường", "Hồ Ngọc Trường", None),
        ("(Tin: Hà Lan; Ảnh: Việt Anh)", "Hà Lan", None),
        ("Posted by Lò Thị Mai at 8:36 AM", "Lò Thị Mai", None),
        ("Đăng bởi Đinh Thị Thu Trang vào lúc 08:15", "Đinh Thị Thu Trang", None),
        ("Gửi bởi Lăng Thị Hoa vào Thứ Sáu, 22/11/2019 - 10:05", "Lăng Thị Hoa", None),
        ("Viết bởi Nguyễn Thị Minh Thư", "Nguyễn Thị Minh Thư", None),
        ("Bởi Trần Quốc Việt -", "Trần Quốc Việt", None),
        ("By Nguyễn Hoàng Phúc", "Nguyễn Hoàng Phúc", None),
        (
            "Ngày xuất bản: 12/04/2023 10:20 | Người đăng: Kim Thị Sa Ry | Lượt xem: 576",
            "Kim Thị Sa Ry",
            None,
        ),
        ("Đạo Thị Ngọc Hà (Trường Chính trị tỉnh)", "Đạo Thị Ngọc Hà", None),
        ("H’Nhi Byă - Phòng Quản lý đào tạo", "H’Nhi Byă", None),
        ("Tác giả bài viết: Hữu Dư", "Hữu Dư", None),
        ("Đào Quyên", "Đào Quyên", None),
        ("Nhâm Dung – Mạnh Hà", "Nhâm Dung, Mạnh Hà", None),
        ("Tác giả : Th.s Hồ Minh Đức - Phó Hiệu trưởng", "Hồ Minh Đức", None),
        ("Ths. Hoàng Văn Nam, Khoa Lý luận cơ sở", "Hoàng Văn Nam", None),
        ("PGS.TS Nguyễn Văn An - Học viện Chính trị khu vực III", "Nguyễn Văn An", None),
        ("GS,TS. Tạ Ngọc Tấn", "Tạ Ngọc Tấn", None),
        ("GVCC, TS. Nguyễn Đức Thịnh - Phó Trưởng khoa", "Nguyễn Đức Thịnh", None),
        ("Bài và ảnh: Thu Hằng", "Thu Hằng", None),
        ("Bài, ảnh: Văn Tài", "Văn Tài", None),
        ("Thu Trang - Phòng QLĐT-NCKH", "Thu Trang", None),
        ("Theo Báo An Giang Online", None, "Báo An Giang Online"),
        ("Nguồn: Báo Hưng Yên", None, "Báo Hưng Yên"),
        ("Nguồn tin: Báo Đồng Tháp", None, "Báo Đồng Tháp"),
        ("Hữu Huệ (Theo Báo An Giang Online)", "Hữu Huệ", "Báo An Giang Online"),
        ("(Theo Báo Cần Thơ)", None, "Báo Cần Thơ"),
    ],
)
def test_bylines_seen_on_school_sites(line: str, author: str | None, source: str | None) -> None:
    assert parse_byline(line) == (author, source)


@pytest.mark.parametrize("line", ["Ảnh: Việt Anh", "Tác giả : ", "Tác giả: Ban Biên tập"])
def test_credits_that_name_no_person(line: str) -> None:
    assert parse_byline(line) == (None, None)


@pytest.mark.parametrize(
    "line",
    [
        "Quang cảnh Hội nghị",
        "Tin liên quan",
        "Trang Chủ",
        "Super User",
        "Viết bởi Super User",
        "Bởi vậy, chúng ta cần cố gắng hơn nữa",
        "By the way",
        "Phòng Quản lý đào tạo - Nghiên cứu khoa học",
        "Theo báo cáo, năm 2022 nhà trường đã mở 58 lớp",
        "Chiều ngày 29/6/2022, Đảng bộ Trường Chính trị tổ chức Hội nghị sơ kết công tác",
        "",
        "x" * 300,
    ],
)
def test_lines_that_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


def test_decomposed_input() -> None:
    assert parse_byline(unicodedata.normalize("NFD", "Tin, ảnh: Võ Thị Nhiên")) == (
        "Võ Thị Nhiên",
        None,
    )


@pytest.mark.parametrize(
    "line",
    [
        "Phòng NCKH-TT-TL",
        "Tỉnh uỷ viên, Hiệu trưởng Trường Chính trị Tôn Đức Thắng",
        "TUV - Hiệu trưởng",
        "(Phó Trưởng khoa Xây dựng Đảng)",
        "Nguyên Bí thư Đảng ủy, Hiệu trưởng",
        "Trưởng phòng TC,HC,TT,TL",
        "Phó Khoa Nhà nước và Pháp luật",
    ],
)
def test_role_lines(line: str) -> None:
    assert is_role_line(line)


@pytest.mark.parametrize(
    "line", ["Quang cảnh Hội nghị", "Hội nghị đã thảo luận và thống nhất.", "Đào Quyên", ""]
)
def test_not_role_lines(line: str) -> None:
    assert not is_role_line(line)


def test_names_and_degrees() -> None:
    assert strip_degree("PGS.TS. Nguyễn Văn An") == "Nguyễn Văn An"
    assert strip_degree("Th.s Hồ Minh Đức") == "Hồ Minh Đức"
    assert names_in("Nguyễn Thị Hải Yến - Khoa Lý luận cơ sở") == "Nguyễn Thị Hải Yến"
    assert is_person_name("Nguyễn Thị Hải Yến")
    assert not is_person_name("Nguyễn")
    assert not is_person_name("Khoa Xây Dựng Đảng")
    assert not is_person_name("NCKH TT")
    assert is_person_name("K'Điểu") and is_person_name("H’Nhi")  # Central Highlands names
    assert not is_person_name("Khoa") and not is_person_name("Đ'x")


@pytest.mark.parametrize(
    ("line", "unit"),
    [
        ("Khoa Xây dựng Đảng", "Khoa Xây dựng Đảng"),
        ("Thư viện nhà trường", "Thư viện nhà trường"),
        ("Chi đoàn Trường", "Chi đoàn Trường"),
        ("Ban Biên tập", None),  # the site's editors: nobody in particular
        ("Kết thúc lớp học, học viên viết thu hoạch.", None),
        ("Ban Tổ chức Hội thi", "Ban Tổ chức Hội thi"),
        ("Ban Tổ chức trao giải Nhất cho các giảng viên", None),  # a photo's caption
    ],
)
def test_units_signing_alone(line: str, unit: str | None) -> None:
    assert unit_signature(line) == unit


def test_a_dash_before_a_labelled_field_separates_a_meta_line() -> None:
    line = "Đăng ngày 08/12/2021 - Người đăng: Bùi Văn Nghĩa"
    assert labelled_author(line) == "Bùi Văn Nghĩa"
    assert parse_byline("Thu Trang - Phòng QLĐT-NCKH") == ("Thu Trang", None)  # a role, no label


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Ngọc Hân (thực hiện)", "Ngọc Hân"),
        ("Đăng ngày 05/11/2024 bởi Phan Thị Kim Oanh", "Phan Thị Kim Oanh"),
        ("bởi Nguyễn Thị Hằng - Thứ Hai, 12 tháng 5 2025, 9:15 AM", "Nguyễn Thị Hằng"),
        ("Tác giả: Hoàng Thị Liên", "Hoàng Thị Liên"),  # Liên is a name; "Liên kết" is not
        ("Liên kết website", None),
    ],
)
def test_credits_of_the_third_blind_sets_kinds(line: str, author: str | None) -> None:
    parsed = parse_byline(line)
    assert (parsed[0] if parsed else None) == author


def test_an_interviewers_line_is_not_a_byline() -> None:
    assert parse_byline("PV: Xin cảm ơn đồng chí!") is None
    assert parse_byline("PV: Nguyễn Văn An") == ("Nguyễn Văn An", None)


def test_a_place_and_date_line_names_no_one() -> None:
    """``Hà Tĩnh, ngày 27 tháng 12 năm 2024`` over a document's text is a place and a date;
    the research lead under it (``Chủ nhiệm đề tài: ThS. X``) is the author."""
    assert name_and_date("Hà Tĩnh, ngày 27 tháng 12 năm 2024") == (None, None)
    assert name_and_date("Bùi Thị Nhàn — 20/10/2022") == ("Bùi Thị Nhàn", "20/10/2022")
    assert parse_byline("Chủ nhiệm đề tài: ThS. Nguyễn Thị Minh Thu") == (
        "Nguyễn Thị Minh Thu",
        None,
    )


def test_a_long_meta_row_is_read_field_by_field() -> None:
    """uCoz's details row: longer than a byline, its fields short; and a sentence after the
    name (``bởi X. Tin tức``) is not part of it, where a degree's period is."""
    row = (
        "Chuyên mục: Tin hoạt động | Lượt xem: 412 | Đăng bởi: Huỳnh Thị Kim Cúc | "
        "Ngày: 23.05.2024 | Thời gian: 10:42 | Xếp hạng: 5.0/2"
    )
    assert parse_byline(row) == ("Huỳnh Thị Kim Cúc", None)
    assert labelled_author(row) == "Huỳnh Thị Kim Cúc"
    assert parse_byline("Bài viết đăng ngày 17/10/2024 bởi Hầu Mí Sính. Tin tức") == (
        "Hầu Mí Sính",
        None,
    )
    assert parse_byline("Tác giả bài viết: ThS. Nông Thị Hằng") == ("Nông Thị Hằng", None)
    assert parse_byline("Tác giả : GVCC, TS. Nguyễn Đức Thịnh - Phó Trưởng khoa Nhà nước") == (
        "Nguyễn Đức Thịnh",
        None,
    )
