"""Decoding HTML bytes from Vietnamese sites into NFC text.

Declarations lie: servers send ``ISO-8859-1`` by default, templates keep a
``<meta charset>`` copied from elsewhere, and legacy pages are windows-1258
with tone marks as combining characters. So declarations (BOM, HTTP header,
``<meta>``) only propose candidates; the bytes decide. Valid UTF-8 with
non-ASCII bytes is taken as UTF-8. Otherwise each candidate decoding is
scored by how many of its words are well-formed Vietnamese syllables (at most
one tone mark, Vietnamese letters only) against how many are mojibake.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from functools import lru_cache

#: Bytes scanned for a ``<meta charset>``; the HTML spec says 1024, real pages need more.
META_SCAN = 16_384
#: Characters scored per candidate decoding.
SCORE_SAMPLE = 200_000

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:\-]+)", re.IGNORECASE)
_LABELS = {
    "cp1258": "windows-1258",
    "cp1252": "windows-1252",
    "latin-1": "iso-8859-1",
    "iso8859-1": "iso-8859-1",
}
_DEFAULT_LABELS = {"iso8859-1", "latin-1", "cp1252", "ascii"}

#: Letters of the Vietnamese alphabet beyond ASCII, before tone marks.
_VN_BASE = set("ăâđêôơưĂÂĐÊÔƠƯ")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_SHAPES = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn
#: Letters of Vietnamese that no Western single-byte encoding has.
_VN_ONLY = frozenset(
    unicodedata.normalize("NFC", base + tone)
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
) - frozenset(bytes(range(0xC0, 0x100)).decode("latin-1")) - frozenset("aeiouyAEIOUY") | frozenset(
    "đĐ"
)
#: Latin-1 symbols and letters Vietnamese never uses: the marks of a misread page.
_WESTERN_ONLY = frozenset("ÐðÞþßØø×÷¤¦§¨ª«¬¯±²³´µ¶¸¹º»¼½¾¿ÅåÆæÇçËëÎîÏïÑñÖöÛûÜüŒœŠšŸŽžƒ")
_WORD = re.compile(r"[^\s<>\"'=/;:,.()\[\]{}|!?&#0-9-]+")


def decode_html(body: bytes, http_encoding: str | None = None) -> tuple[str, str]:
    """``(NFC text, encoding used)`` for an HTML page's bytes; never raises."""
    if not body:
        return "", "utf-8"
    for bom, name in _BOMS:
        if body.startswith(bom):
            return _nfc(body[len(bom) :].decode(name, errors="replace")), name.replace(
                "-le", ""
            ).replace("-be", "")
    if _is_utf8(body):
        return _nfc(body.decode("utf-8")), "utf-8"
    return _best(body, _candidates(body, http_encoding))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\x00", ""))


def _is_utf8(body: bytes) -> bool:
    """Valid UTF-8 (pure ASCII included): strong evidence, whatever was declared."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def codec_name(label: str | None) -> str | None:
    """Python's codec name for a label such as ``utf8`` or ``windows-1258``; None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in ("x-user-defined", "unicode", "none", ""):
        return None
    try:
        return codecs.lookup(label).name
    except (LookupError, ValueError):
        return None


def declared_meta(body: bytes) -> str | None:
    """The charset a ``<meta>`` tag declares in the head of the page."""
    m = _META.search(body[:META_SCAN])
    return m.group(1).decode("ascii", errors="ignore") if m else None


def _candidates(body: bytes, http_encoding: str | None) -> list[str]:
    """Encodings to try, in order of trust when their scores tie."""
    http, meta = codec_name(http_encoding), codec_name(declared_meta(body))
    ordered = [http, meta]
    if http in _DEFAULT_LABELS and meta and meta not in _DEFAULT_LABELS:
        ordered = [meta, http]  # a server default loses to the page's own declaration
    ordered += ["cp1258", _detected(body), "cp1252", "utf-8"]
    seen: list[str] = []
    for name in ordered:
        if name and name not in seen and name not in ("utf-16-le", "utf-16-be", "utf-16", "utf-32"):
            seen.append(name)
    return seen


def _detected(body: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(body[:SCORE_SAMPLE]).best()
    except Exception:  # noqa: BLE001 - detection is a hint, never a failure
        return None
    return codec_name(best.encoding) if best is not None else None


def _best(body: bytes, names: list[str]) -> tuple[str, str]:
    scored: list[tuple[float, int, str, str]] = []
    for rank, name in enumerate(names):
        text = _decode(body, name)
        if text is not None:
            scored.append((vietnamese_score(text[:SCORE_SAMPLE]), -rank, name, text))
    if not scored:
        return _nfc(body.decode("utf-8", errors="replace")), "utf-8"
    _, _, name, text = max(scored, key=lambda s: (s[0], s[1]))
    return _nfc(text), _LABELS.get(name, name)


def _decode(body: bytes, name: str) -> str | None:
    """Strict decoding, except UTF-8 which may carry a few broken bytes."""
    try:
        return body.decode(name, errors="replace" if name == "utf-8" else "strict")
    except (UnicodeDecodeError, LookupError):
        return None


def vietnamese_score(text: str) -> float:
    """How much ``text`` reads as Vietnamese rather than mojibake.

    Letters that only Vietnamese uses (ư, ơ, ă, đ, ộ, ờ...) cannot come out of
    a Latin-1 or windows-1252 misreading, so they weigh most; well-formed
    syllables add, malformed words and Western-only symbols (Ð, Þ, ¬...) subtract.
    """
    good = bad = 0
    for word, count in Counter(_WORD.findall(text)).items():
        if word.isascii():
            continue
        if _syllable(word):
            good += count
        else:
            bad += count
    chars = Counter(text)
    only = sum(n for ch, n in chars.items() if ch in _VN_ONLY)
    odd = sum(n for ch, n in chars.items() if ch in _WESTERN_ONLY or "\x80" <= ch <= "\x9f")
    return 3 * only + good - 2 * bad - 5 * odd


@lru_cache(maxsize=1 << 16)
def _syllable(word: str) -> bool:
    """At most one tone mark, and only Vietnamese letters (base letters, shapes, tones)."""
    tones = 0
    for ch in unicodedata.normalize("NFD", unicodedata.normalize("NFC", word)):
        if ch in _TONES:
            tones += 1
        elif (
            ch in _SHAPES
            or ch.isascii()
            and ch.isalpha()
            or ch in _VN_BASE
            or unicodedata.normalize("NFC", ch) in _VN_BASE
        ):
            continue
        else:
            return False
    return tones <= 1


#: Bytes looked at to tell text from binary, and the share of control bytes (not tab,
#: newline, form feed, carriage return or escape) above which they are not text: random
#: bytes have about 11 %, HTML none but a stray NUL or two.
BINARY_SAMPLE = 8192
BINARY_SHARE = 0.02
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27)) + b"\x7f"


def not_text(body: bytes) -> str | None:
    """Why ``body`` is not a text document (an image, a PDF, random bytes labelled
    ``text/html``), or None. UTF-16 and UTF-32 with a BOM are text."""
    sample = body[:BINARY_SAMPLE]
    if not sample or sample.startswith(tuple(bom for bom, name in _BOMS if name != "utf-8")):
        return None
    control = len(sample) - len(sample.translate(None, _CONTROL))
    if control > BINARY_SHARE * len(sample):
        return f"not text: {control} control bytes in the first {len(sample)}"
    return None
