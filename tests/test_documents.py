"""Document text (archive/capture/documents.py): real files built at run time, each format
through the tool made for it, scans through Tesseract, hostile files bounded."""

from __future__ import annotations

import resource
import unicodedata

import pytest
from documents import (
    encrypted_pdf,
    huge_image_pdf,
    huge_png,
    opendocument,
    scan_pdf,
    spreadsheet,
    tcvn3,
    text_pdf,
    typed_pdf,
    vni,
    word,
    zip_bomb_docx,
)

from archive.capture import documents, legacy_fonts
from archive.capture.documents import Limits, read_text
from archive.store import search
from archive.store import writer as store

NOTICE = (
    "Trường Chính trị tỉnh Đồng Tháp thông báo tuyển sinh lớp Trung cấp lý luận chính trị – "
    "hành chính khoá 35, hệ không tập trung; hồ sơ nộp trước ngày 15/7/2025."
)


def test_a_text_pdf_gives_its_text_layer_in_nfc():
    found = read_text(text_pdf(NOTICE, "Trang hai: lịch học."), "application/pdf", "tb.pdf")
    assert found.method == "pdf-text" and found.pages == 2 and found.reason is None
    assert " ".join(found.text.split()).startswith(NOTICE)
    assert "lịch học" in found.text
    assert unicodedata.is_normalized("NFC", found.text)


def test_a_scan_is_read_by_ocr_in_vietnamese():
    found = read_text(scan_pdf(["QUYẾT ĐỊNH", "Về việc công nhận tốt nghiệp"]), None, "qd.pdf")
    assert found.method == "ocr" and found.pages == 1
    assert "QUYẾT ĐỊNH" in found.text and "công nhận tốt nghiệp" in found.text


def test_ocr_off_leaves_a_scan_without_text_and_says_why():
    found = read_text(scan_pdf(["QUYẾT ĐỊNH"]), "application/pdf", None, Limits(ocr=False))
    assert found.text is None and found.reason == "no text layer (OCR is off)"


def test_a_long_scan_is_read_up_to_the_page_limit():
    pages = [["Trang một"], ["Trang hai"], ["Trang ba"]]
    found = read_text(scan_pdf(*pages), "application/pdf", None, Limits(ocr_pages=2))
    assert found.pages == 3 and found.reason == "OCR of the first 2 of 3 pages"
    assert "Trang hai" in found.text and "Trang ba" not in found.text


def test_word_excel_and_opendocument():
    found = read_text(word("Kế hoạch thi hết học phần", table=[["Môn", "Ngày thi"],
                                                                 ["Triết học", "12/6"]]),
                      "application/octet-stream", "kh.docx")  # fmt: skip
    assert found.method == "docx"
    assert found.text.splitlines() == ["Kế hoạch thi hết học phần", "Môn\tNgày thi",
                                       "Triết học\t12/6"]  # fmt: skip
    found = read_text(
        spreadsheet([["Họ và tên", "Điểm"], ["Nguyễn Thị Hoà", 8.5]]), None, "kq.xlsx"
    )
    assert found.method == "xlsx" and found.pages == 1
    assert "Nguyễn Thị Hoà\t8.5" in found.text
    found = read_text(opendocument("Văn bản kèm theo Quyết định số 12"), None, "vb.odt")
    assert (found.method, found.text) == ("odt", "Văn bản kèm theo Quyết định số 12")


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (encrypted_pdf(NOTICE), "encrypted PDF (a password is needed)"),
        (text_pdf(NOTICE * 30)[:1500], "corrupt PDF"),
        (b"%PDF-1.4\n" + bytes(range(256)) * 40, "corrupt PDF"),
        (zip_bomb_docx(), "zip bomb refused: 419430408 bytes unzipped"),
        (b"PK\x03\x04 not really a zip", "corrupt zip container"),
        (huge_png(), "image too large to OCR: Image size (400000000 pixels)"),
        (b"\x00\x01binary of no known kind", "no text reader"),
    ],
    ids=["encrypted", "truncated", "corrupt", "zip-bomb", "bad-zip", "huge-image", "unknown"],
)
def test_a_bad_document_gives_a_reason_not_an_exception(body, reason):
    found = read_text(body, None, "bad.docx" if body.startswith(b"PK") else None)
    assert found.text is None
    assert found.reason.startswith(reason), found.reason


def test_a_huge_page_image_is_rendered_small_and_memory_stays_bounded():
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    found = read_text(huge_image_pdf(), "application/pdf", None)
    assert found.pages == 1 and found.text is None  # a blank page: nothing to read
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert max(before, peak) < 600 * 1024  # KB: far below the 400 MB of 8-bit pixels... and 1 GB


def test_a_tool_over_the_deadline_is_killed_with_a_reason():
    found = read_text(scan_pdf(["Trang một"], ["Trang hai"]), None, None, Limits(timeout=0.05))
    assert found.text is None and "time limit" in found.reason


@pytest.mark.parametrize("encode", [tcvn3, vni], ids=["tcvn3", "vni"])
def test_legacy_font_encodings_are_converted(encode):
    legacy = encode(NOTICE.lower())
    assert legacy != NOTICE.lower() and legacy.isascii() is False
    assert all(ord(c) < 256 or c == "–" for c in legacy)  # Latin-1 mojibake
    assert legacy_fonts.to_unicode(legacy) == (NOTICE.lower(), encode.__name__)


def test_tcvn3_capitals_come_back_as_capitals():
    assert legacy_fonts.to_unicode(tcvn3("TRƯờNG CHíNH TRị TỉNH") + " " + tcvn3(NOTICE.lower()))[
        0
    ].startswith("TRƯỜNG CHÍNH TRỊ TỈNH")


def test_unicode_and_other_languages_are_left_alone():
    assert legacy_fonts.detect(NOTICE) is None
    assert legacy_fonts.detect("Café crème brûlée à la française, naïve résumé déjà vu") is None
    assert legacy_fonts.detect("Plain ASCII text about the school") is None


def test_a_pdf_typed_in_a_tcvn3_font_is_converted():
    words = NOTICE.lower().split()
    lines = [" ".join(words[:12]), " ".join(words[12:])]
    found = read_text(typed_pdf(*map(tcvn3, lines)), "application/pdf", None)
    assert found.method == "pdf-text+tcvn3"
    assert found.text.splitlines() == lines


def test_the_same_file_is_read_once_and_searchable(db):
    db.table("sites").insert({"id": "s", "name": "s", "province": "p"})
    ids = [db.table("articles").insert({"site_id": "s", "url": f"http://h/{n}",
                                        "text": "x", "content_hash": str(n)}).last_pk
           for n in (1, 2)]  # fmt: skip
    read = read_text(text_pdf(NOTICE), "application/pdf", "tb.pdf").row()
    for article_id in ids:
        store.save_attachment(db, {"article_id": article_id, "url": "http://h/tb.pdf",
                                   "sha256": "abc", **read})  # fmt: skip
    assert store.document_text(db, "abc") == read
    assert store.document_text(db, "other") is None
    query = search.fts_query("tuyen sinh khoa 35")
    hits = db.execute("select rowid from attachments_fts where attachments_fts match ?", [query])
    assert sorted(r[0] for r in hits) == [1, 2]
    # a refetch with other text replaces the indexed text (contentless: deleted exactly)
    store.save_attachment(db, {"article_id": ids[0], "url": "http://h/tb.pdf", "sha256": "d",
                               **documents.DocumentText("Lịch thi", 1, "pdf-text").row()})  # fmt: skip
    hits = db.execute("select rowid from attachments_fts where attachments_fts match ?", [query])
    assert [r[0] for r in hits] == [2]
    search.rebuild_index(db)
    hits = db.execute("select rowid from attachments_fts where attachments_fts match ?",
                      [search.fts_query("lich thi")])  # fmt: skip
    assert [r[0] for r in hits] == [1]


PAGE = """<html><head><title>Thông báo</title></head><body>
<ul class="menu"><li><a href="/gioi-thieu.pdf">Giới thiệu</a></li></ul>
<div class="main"><div class="article"><h1>Thông báo tuyển sinh năm 2025</h1>
<p class="date">01/07/2025</p>
<div class="content"><p>{body}</p><p>Xem <a href="/files/ke-hoach.pdf">kế hoạch</a>.</p></div>
{after}
</div><div class="other-news"><p>Tải về</p><a href="/files/lich-tuan.pdf">Lịch tuần</a></div></div>
<aside class="sidebar"><p>Văn bản kèm theo</p><a href="/files/quy-che.doc">Quy chế</a></aside>
</body></html>"""
AFTER = {
    "label then list": '<p><strong>Tập tin đính kèm:</strong></p><ul><li><a href="/files/ds.xlsx">DS</a></li></ul>',
    "labelled block": '<div class="files">File đính kèm: <a href="/files/ds.xlsx">DS</a></div>',
    "table": '<table><tr><td>Văn bản kèm theo</td><td><a href="/files/ds.xlsx">DS</a></td></tr></table>',
}


@pytest.mark.parametrize("after", AFTER.values(), ids=AFTER.keys())
@pytest.mark.parametrize("hints", [{"content": "div.content", "title": "h1"}, None],
                         ids=["rule", "generic"])  # fmt: skip
def test_documents_after_the_body_are_the_articles_sidebars_are_not(after, hints):
    from archive.extract.article import extract_article

    html = PAGE.format(body="Trường Chính trị tỉnh thông báo tuyển sinh lớp trung cấp. " * 12,
                       after=after)  # fmt: skip
    found = extract_article(html, "http://h/tin/1.html", hints)
    assert "http://h/files/ds.xlsx" in found.attachments
    assert not {"http://h/files/lich-tuan.pdf", "http://h/files/quy-che.doc",
                "http://h/gioi-thieu.pdf"} & set(found.attachments)  # fmt: skip


def test_rich_text_goes_through_catdoc():
    rtf = rb"{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}}\f0 K\u7871? ho\u7841?ch n\u259?m h\u7885?c 2025\par}"
    found = read_text(rtf, "application/rtf", "kh.rtf")
    assert (found.method, found.text) == ("catdoc", "Kế hoạch năm học 2025")
