"""Decoding: declarations propose, the bytes decide; everything comes out NFC."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from archive.extract.charset import codec_name, declared_meta, decode_html, vietnamese_score
from archive.store.dedup import content_hash

TEXT = "Trường Chính trị tỉnh Đồng Tháp kỷ niệm 70 năm thành lập, đào tạo hàng nghìn cán bộ."


def page(charset: str | None = None, text: str = TEXT) -> str:
    meta = (
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        if charset
        else ""
    )
    return f"<html><head>{meta}<title>Tin tức</title></head><body><p>{text}</p></body></html>"


def cp1258(text: str) -> bytes:
    """windows-1258 as legacy sites wrote it: base letter + combining tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        for i, mark in enumerate(marks):
            try:
                head = unicodedata.normalize("NFC", base + mark).encode("cp1258")
                out += head + "".join(marks[:i] + marks[i + 1 :]).encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            out += unicodedata.normalize("NFD", ch).encode("cp1258", errors="xmlcharrefreplace")
    return bytes(out)


def test_utf8() -> None:
    text, used = decode_html(page("utf-8").encode("utf-8"))
    assert TEXT in text and used == "utf-8"


@pytest.mark.parametrize("bom", ["utf-8-sig", "utf-16"])
def test_byte_order_marks_win(bom: str) -> None:
    text, _ = decode_html(page("windows-1258").encode(bom), "iso-8859-1")
    assert TEXT in text and not text.startswith("\ufeff")


def test_windows_1258_with_combining_tone_marks_comes_out_nfc() -> None:
    raw = cp1258(page("windows-1258"))
    assert b"\xcc" in raw or b"\xec" in raw  # tone marks really are separate bytes
    text, used = decode_html(raw)
    assert TEXT in text and used == "windows-1258"
    assert unicodedata.is_normalized("NFC", text)


def test_http_default_latin1_loses_to_the_page_declaration() -> None:
    text, used = decode_html(cp1258(page("windows-1258")), "ISO-8859-1")
    assert TEXT in text and used == "windows-1258"


def test_windows_1258_without_any_declaration() -> None:
    text, _ = decode_html(cp1258(page(None)))
    assert TEXT in text


@pytest.mark.parametrize("lie", ["iso-8859-1", "windows-1252", "windows-1258", "ascii"])
def test_valid_utf8_beats_a_lying_meta(lie: str) -> None:
    text, used = decode_html(page(lie).encode("utf-8"))
    assert TEXT in text and used == "utf-8"


@pytest.mark.parametrize("lie", ["ISO-8859-1", "windows-1258", "cp1252"])
def test_valid_utf8_beats_a_lying_http_header(lie: str) -> None:
    text, _ = decode_html(page("utf-8").encode("utf-8"), lie)
    assert TEXT in text


def test_a_declared_utf8_that_is_not_utf8() -> None:
    text, used = decode_html(cp1258(page("utf-8")), "utf-8")
    assert TEXT in text and used == "windows-1258"


def test_mostly_utf8_with_a_broken_byte() -> None:
    raw = page("utf-8").encode("utf-8").replace(b"</p>", b"\xff</p>")
    text, used = decode_html(raw)
    assert TEXT in text and used == "utf-8"


def test_decomposed_text_is_normalised() -> None:
    nfd = unicodedata.normalize("NFD", page("utf-8"))
    text, _ = decode_html(nfd.encode("utf-8"))
    assert TEXT in text


def test_same_article_in_two_encodings_has_one_hash() -> None:
    utf8, _ = decode_html(page("utf-8").encode("utf-8"))
    legacy, _ = decode_html(cp1258(page("windows-1258")), "iso-8859-1")
    nfd, _ = decode_html(unicodedata.normalize("NFD", page("utf-8")).encode("utf-8"))
    body = [t[t.index("<p>") + 3 : t.index("</p>")] for t in (utf8, legacy, nfd)]
    assert len({content_hash(b) for b in body}) == 1


@pytest.mark.parametrize(
    ("label", "name"),
    [("utf8", "utf-8"), ("UTF-8", "utf-8"), ("windows-1258", "cp1258"), ("cp1258", "cp1258")],
)
def test_legacy_names(label: str, name: str) -> None:
    assert codec_name(label) == name


@pytest.mark.parametrize(
    "label", ["x-unknown", "VISCII", "TCVN3", "", None, "unicode", "x-user-defined"]
)
def test_unknown_encodings_are_ignored(label: str | None) -> None:
    assert codec_name(label) is None
    text, _ = decode_html(cp1258(page(label)), label)
    assert TEXT in text


@pytest.mark.parametrize(
    "body", [b"", b"\x00\x01\x02\xff\xfe\xfd" * 100, bytes(range(256)) * 10, b"\x89PNG\r\n\x1a\n"]
)
def test_garbage_never_raises(body: bytes) -> None:
    text, used = decode_html(body, "no-such-charset")
    assert isinstance(text, str) and codecs.lookup(used.replace("windows-", "cp"))


def test_meta_sniffing() -> None:
    assert declared_meta(b'<meta charset="windows-1258">') == "windows-1258"
    assert (
        declared_meta(b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=utf-8'>")
        == "utf-8"
    )
    assert declared_meta(b"<p>no meta</p>") is None


def test_mojibake_scores_below_vietnamese() -> None:
    good = vietnamese_score(TEXT)
    bad = vietnamese_score(cp1258(TEXT).decode("latin-1"))
    assert good > 0 > bad
