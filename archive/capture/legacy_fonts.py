"""Text typed in the pre-Unicode Vietnamese font encodings TCVN3 (ABC) and VNI, converted.

Documents typed in ``.VnTime`` (TCVN3) or ``VNI-Times`` fonts carry no Unicode:
their bytes come out of a PDF text layer, a Word file or antiword as Latin-1
letters ("Tr­êng ChÝnh trÞ", "Tröôøng Chính trò"). A line is converted only
when the document's text as a whole reads as one of these encodings and the
line holds no genuine Vietnamese letter (mixed documents keep their Unicode
lines).
"""

from __future__ import annotations

import re
import unicodedata

_TONES = "\u0301\u0300\u0309\u0303\u0323"  # sắc, huyền, hỏi, ngã, nặng
#: The TCVN3 byte of each lowercase letter: the plain vowel then its five tones
#: (sắc, huyền, hỏi, ngã, nặng), per vowel; the standard's table, as byte values.
_TCVN3_VOWELS = {
    "a": (0x61, 0xB8, 0xB5, 0xB6, 0xB7, 0xB9),
    "ă": (0xA8, 0xBE, 0xBB, 0xBC, 0xBD, 0xC6),
    "â": (0xA9, 0xCA, 0xC7, 0xC8, 0xC9, 0xCB),
    "e": (0x65, 0xD0, 0xCC, 0xCE, 0xCF, 0xD1),
    "ê": (0xAA, 0xD5, 0xD2, 0xD3, 0xD4, 0xD6),
    "i": (0x69, 0xDD, 0xD7, 0xD8, 0xDC, 0xDE),
    "o": (0x6F, 0xE3, 0xDF, 0xE1, 0xE2, 0xE4),
    "ô": (0xAB, 0xE8, 0xE5, 0xE6, 0xE7, 0xE9),
    "ơ": (0xAC, 0xED, 0xEA, 0xEB, 0xEC, 0xEE),
    "u": (0x75, 0xF3, 0xEF, 0xF1, 0xF2, 0xF4),
    "ư": (0xAD, 0xF8, 0xF5, 0xF6, 0xF7, 0xF9),
    "y": (0x79, 0xFD, 0xFA, 0xFB, 0xFC, 0xFE),
}
_TCVN3_OTHER = {0xAE: "đ", 0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư",
                0xA7: "Đ"}  # fmt: skip


def _tcvn3_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for vowel, codes in _TCVN3_VOWELS.items():
        for index, code in enumerate(codes):
            if code >= 0x80:
                letter = vowel + (_TONES[index - 1] if index else "")
                table[code] = unicodedata.normalize("NFC", letter)
    for code, letter in _TCVN3_OTHER.items():
        table[code] = letter
    return table


TCVN3 = _tcvn3_table()
# VNI: a base letter followed by a mark byte (Latin-1 letters in a VNI font).
_VNI_TONE = {"ù": 0, "ø": 1, "û": 2, "õ": 3, "ï": 4}  # sắc huyền hỏi ngã nặng
_VNI_CIRCUMFLEX: dict[str, int | None] = {"â": None, "á": 0, "à": 1, "å": 2, "ã": 3, "ä": 4}
_VNI_BREVE: dict[str, int | None] = {"ê": None, "é": 0, "è": 1, "ú": 2, "ü": 3, "ë": 4}
_VNI_SINGLE = {"í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "ô": "ơ", "ö": "ư", "î": "ỵ",
               "ñ": "đ"}  # fmt: skip


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}

    def add(key: str, letter: str) -> None:
        table[key] = unicodedata.normalize("NFC", letter)
        table[key.upper()] = unicodedata.normalize("NFC", letter).upper()

    for base in "aeouy":
        for mark, tone in _VNI_TONE.items():
            add(base + mark, base + _TONES[tone])
    for base in "aeo":
        for mark, mod in _VNI_CIRCUMFLEX.items():
            add(base + mark, base + "\u0302" + ("" if mod is None else _TONES[mod]))
    for mark, mod in _VNI_BREVE.items():
        add("a" + mark, "a\u0306" + ("" if mod is None else _TONES[mod]))
    for vni, letter in (("ô", "ơ"), ("ö", "ư")):
        for mark, tone in _VNI_TONE.items():
            add(vni + mark, letter + _TONES[tone])
    for vni, letter in _VNI_SINGLE.items():
        add(vni, letter)
    return table


VNI = _vni_table()
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, VNI), key=len, reverse=True)))
#: Letters only Unicode Vietnamese has (never a Latin-1 mojibake): ă đ ơ ư ĩ ũ and U+1EA0-1EF9.
_GENUINE = re.compile("[ăĂđĐơƠưƯĩĨũŨ\u1ea0-\u1ef9]")
#: The Latin-1 letters Unicode Vietnamese uses; any other Latin-1 character in a word is junk.
_VIETNAMESE_LATIN1 = frozenset("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
_WORD = re.compile(r"[^\W\d_]+")


def detect(text: str) -> str | None:
    """``tcvn3``, ``vni`` or None (Unicode, or not Vietnamese at all).

    Each reading is scored by its words: a Vietnamese syllable carries at most one
    tone mark and no Latin-1 letter foreign to Vietnamese, so the right reading
    turns mojibake into valid syllables and the wrong ones do not.
    """
    sample = text[:100_000]
    scores: dict[str | None, int] = {None: _score(sample)}
    if not any(ord(c) > 0x7F and c not in _VIETNAMESE_LATIN1 for c in sample):
        return None  # nothing a legacy font could have left
    for encoding in ("tcvn3", "vni"):
        scores[encoding] = _score(convert(sample, encoding))
    best = max(scores, key=lambda k: scores[k])
    words = sum(1 for w in _WORD.findall(sample) if not w.isascii())
    if best is None or scores[best] < max(scores[None] + 3, 0.6 * words):
        return None  # not clearly better, or not mostly valid syllables (French, say)
    return best


def _score(text: str) -> int:
    """Valid syllables minus invalid ones, among the words that are not plain ASCII."""
    total = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        tones = sum(1 for c in unicodedata.normalize("NFD", word) if c in _TONES)
        junk = any(0x80 <= ord(c) <= 0xFF and c not in _VIETNAMESE_LATIN1 for c in word)
        total += 1 if tones <= 1 and not junk else -1
    return total


def convert(text: str, encoding: str) -> str:
    """The text in Unicode (NFC); lines holding genuine Vietnamese letters are left alone."""
    lines = []
    for line in text.split("\n"):
        if _GENUINE.search(line):
            lines.append(line)
        elif encoding == "vni":
            lines.append(_VNI_PATTERN.sub(lambda m: VNI[m.group(0)], line))
        else:
            lines.append(_upper_words(line.translate(TCVN3)))
    return unicodedata.normalize("NFC", "\n".join(lines))


def _upper_words(line: str) -> str:
    """TCVN3 has no capital toned letters: capitals were the lowercase codes in a capitals
    font (.VnTimeH), so a word otherwise in capitals is put in capitals ("CHíNH" → "CHÍNH")."""

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        ascii_letters = [c for c in word if c.isascii() and c.isalpha()]
        if len(ascii_letters) >= 2 and all(c.isupper() for c in ascii_letters):
            return word.upper()
        return word

    return re.sub(r"\w+", fix, line)


def to_unicode(text: str) -> tuple[str, str | None]:
    """The text converted when it reads as TCVN3 or VNI, and which it was (or None)."""
    encoding = detect(text)
    return (convert(text, encoding), encoding) if encoding else (text, None)
