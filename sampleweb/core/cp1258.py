"""Encoding NFC Vietnamese text to windows-1258, as old ASP.NET sites serve it.

Windows-1258 has the base letters (``â ê ô ơ ư ă đ``) and five combining tone
marks, but only some precomposed toned letters. Python's ``cp1258`` codec
therefore fails on e.g. ``ế``. Like the Windows converter, we decompose such a
letter into base letter (with its vowel mark) + combining tone mark.
Decoding the bytes and normalising to NFC gives back the original text.
"""

from __future__ import annotations

import codecs
import unicodedata
from functools import lru_cache

ERRORS = "sampleweb-vn"
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _split_tone(char: str) -> str:
    """``ế`` → ``ê`` + U+0301: the base keeps its vowel mark, the tone is combining."""
    decomposed = unicodedata.normalize("NFD", char)
    base = "".join(c for c in decomposed if c not in _TONES)
    tones = "".join(c for c in decomposed if c in _TONES)
    return unicodedata.normalize("NFC", base) + tones


def _handler(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chunk = error.object[error.start : error.end]
    replacement = "".join(_split_tone(c) for c in chunk)
    try:
        replacement.encode("cp1258")
    except UnicodeEncodeError:
        replacement = "".join(c if _encodable(c) else f"&#{ord(c)};" for c in replacement)
    return replacement, error.end


def _encodable(char: str) -> bool:
    try:
        char.encode("cp1258")
    except UnicodeEncodeError:
        return False
    return True


codecs.register_error(ERRORS, _handler)

#: Precomposed Vietnamese letters the codec lacks → base letter + combining tone.
_DECOMPOSE = {
    code: _split_tone(chr(code))
    for code in range(0x00C0, 0x1EFA)
    if not _encodable(chr(code))
    and unicodedata.category(chr(code)).startswith("L")
    and _encodable(_split_tone(chr(code)))
}


def encode(text: str) -> bytes:
    """Windows-1258 bytes for NFC text; characters outside it become HTML references.

    Pages repeat most of their lines (menus, sidebars, footers, the leads of
    listings), so lines are encoded once and cached.
    """
    return b"\n".join(_encode_line(line) for line in text.split("\n"))


@lru_cache(maxsize=32768)
def _encode_line(line: str) -> bytes:
    if line.isascii():
        return line.encode("ascii")
    return line.translate(_DECOMPOSE).encode("cp1258", errors=ERRORS)
