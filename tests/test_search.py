import pytest

from archive.store.search import fold, fold_query, snippet


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Đảng ủy", "dang uy"),
        ("Đảng uỷ", "Đảng ủy"),
        ("hoà", "hòa"),
        ("HÒA BÌNH", "hoa binh"),
        ("\u0110a\u0309ng", "Đảng"),
    ],  # decomposed input
)
def test_fold_makes_spellings_equal(a, b):
    assert fold(a) == fold(b)


def test_fold_query_keeps_fts_syntax():
    assert fold_query('"Đảng ủy" OR Hoà*') == '"dang uy" OR hoa*'
    assert fold_query("NOT Đảng") == "NOT dang"


def test_snippet_highlights_and_escapes():
    text = "Mở đầu <script>alert(1)</script>. Đảng uỷ họp. " + "x " * 200
    out = snippet(text, "dang uy")
    assert "<mark>Đảng</mark> <mark>uỷ</mark>" in out
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert out.endswith("…")
