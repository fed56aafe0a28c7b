import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.store.search import fold, fold_query, fts_query, snippet


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


def test_the_eth_look_alike_folds_like_d():
    """``Ð`` (U+00D0) stands in for ``Đ`` (U+0110) on many pages: ``dang`` must find both."""
    assert fold("ÐẢNG ỦY") == fold("Đảng ủy") == "dang uy"
    assert fold_query("ðảng") == "dang"


def test_m013_reindexes_articles_indexed_with_the_eth_kept(tmp_path):
    """An archive indexed before m013 holds ``ðang``: the migration makes ``dang`` find it
    and leaves no stale token behind (a contentless index needs the old values to delete)."""
    from sqlite_utils import Database

    from archive.store import writer
    from archive.store.migrations import migrations, open_db
    from tests.conftest import make_article

    path = tmp_path / "old.db"
    old = Database(str(path))
    migrations.apply(old, stop_before="m013_fold_eth")
    text = "Hội nghị ÐẢNG bộ Trường Chính trị tỉnh."
    kept = writer.save_article(old, "s1", "http://a/2", make_article("http://a/2"),
                               fetched="2026-01-01T00:00:00Z", crawl_id=1).article_id  # fmt: skip
    eth = writer.save_article(old, "s1", "http://a/1", make_article("http://a/1", text=text,
                              title="ÐẢNG ủy họp"), fetched="2026-01-01T00:00:00Z",
                              crawl_id=1).article_id  # fmt: skip
    with old.conn:  # the row as the fold before m013 wrote it
        old.execute("insert into articles_fts(articles_fts, rowid, title, text) values "
                    "('delete', ?, ?, ?)", [eth, fold("ÐẢNG ủy họp"), fold(text)])  # fmt: skip
        old.execute("insert into articles_fts(rowid, title, text) values (?, ?, ?)",
                    [eth, "ðang uy hop", "hoi nghi ðang bo truong chinh tri tinh."])  # fmt: skip
    old.close()
    db = open_db(str(path))

    def found(query: str) -> set[int]:
        rows = db.execute("select rowid from articles_fts where articles_fts match ?", [query])
        return {r[0] for r in rows}

    assert found("dang") == {eth, kept} and found("hop") == {eth}
    assert found('"ðang"') == set()


def test_fts_query_keeps_what_users_get_and_quotes_the_rest():
    assert fts_query('"Đảng ủy" OR Hoà*') == '"dang uy" OR "hoa"*'
    assert fts_query("dang NOT uy AND hoa") == '"dang" NOT "uy" AND "hoa"'
    assert fts_query("NOT dang OR") == '"dang"'  # an operator needs a term on both sides
    assert fts_query("dang -uy a:b") == '"dang" "-uy" "a:b"'
    assert fts_query("!!! OR") == '""'


@settings(max_examples=400, deadline=None)
@given(query=st.text(alphabet=st.sampled_from('aĐđủ *"():-^+ORANDTE'), max_size=30) | st.text())
def test_fts_query_is_never_an_fts5_syntax_error(query):
    """Whatever is typed in the search box, SQLite's FTS5 accepts the query."""
    db = sqlite3.connect(":memory:")
    db.execute("create virtual table t using fts5(x, content='', tokenize='unicode61')")
    db.execute("select rowid from t where t match ?", [fts_query(query)]).fetchall()
