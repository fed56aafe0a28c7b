"""Article titles: cleaning portal artifacts and telling a headline from a site name.

School sites often set ``<title>`` to the site or section name ("Trường Chính
trị tỉnh Phú Thọ", "Tin hoạt động", "资产发布器"), print the headline in a
heading or a plain ``<p>``/``<div>``, and Liferay prefixes it with ``null ``.
Titles are kept as printed (uppercase stays uppercase).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_NULL_PREFIX = re.compile(r"^(?:null|undefined|None)\s+(?=\S)")
_TITLE_SEPARATORS = re.compile(r"\s+(?:[-|–—»«›‹·•>:]|::)\s+")
_WORD = re.compile(r"\w+")


def clean_title(text: str | None) -> str:
    """NFC, single spaces, no ``null `` portal prefix, no stray separators at the ends."""
    title = unicodedata.normalize("NFC", text or "").replace("\u200b", "")
    title = re.sub(r"\s+", " ", title).strip()
    title = _NULL_PREFIX.sub("", title)
    return _without_edge_symbols(title).strip(" |-–—:»").strip()


def _without_edge_symbols(title: str) -> str:
    """Without symbols at the ends: a permalink's ``¶`` (MkDocs, Sphinx), an emoji before
    a social post's first line (``📣``)."""
    start, end = 0, len(title)
    while start < end and (title[start].isspace() or _symbol(title[start])):
        start += 1
    while end > start and (title[end - 1].isspace() or _symbol(title[end - 1])):
        end -= 1
    return title[start:end]


def _symbol(char: str) -> bool:
    return char in "¶§" or unicodedata.category(char) in ("So", "Sk", "Cs")


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


def overlap(a: str, b: str) -> float:
    """Share of ``a``'s words that also occur in ``b``."""
    wa, wb = words(a), set(words(b))
    return sum(w in wb for w in wa) / len(wa) if wa else 0.0


def in_page_title(candidate: str, page_title: str) -> bool:
    """The headline is the ``<title>``, or one of its separated parts."""
    c, p = _key(candidate), _key(page_title)
    return bool(c) and (c == p or (len(c) >= 12 and c in p))


def _key(text: str) -> str:
    return " ".join(words(text))


#: Words of site and section names that follow a headline in ``<title>``.
_SITE_WORDS = frozenset(
    [
        "trường",
        "tct",  # Trường Chính trị, abbreviated (``… - TCT Bình Thuận``)
        "trang",
        "cổng",
        "tin",
        "tức",
        "website",
        "portal",
        "học",
        "viện",
        "sở",
        "báo",
        "chuyên",
        "mục",
        "hoạt",
        "động",
        "sự",
        "kiện",
        "nghiên",
        "cứu",
        "trao",
        "đổi",
        "giới",
        "thiệu",
        "blog",
    ]
)


def without_site_name(page_title: str) -> str:
    """``Headline - Section - Site`` without its trailing site and section parts.

    Only trailing parts made of site words go: a headline may itself contain
    `` - `` ("lý luận chính trị - hành chính", "năm học 2023 - 2024").
    """
    pieces = re.split(f"({_TITLE_SEPARATORS.pattern})", clean_title(page_title))
    while len(pieces) >= 3 and _site_part(pieces[-1]):
        pieces = pieces[:-2]
    return clean_title("".join(pieces))


def names_the_site(text: str, page_title: str) -> bool:
    """A heading that ends with the site's name as ``<title>`` gives it (``E-learning -
    Trường Chính trị tỉnh Đắk Lắk`` in a portal's header): the site's, not the article's."""
    pieces = _TITLE_SEPARATORS.split(clean_title(text))
    tail = pieces[-1] if len(pieces) >= 2 else ""
    if tail and _site_part(tail) and _key(tail) in _key(page_title):
        return True
    # the whole heading is the <title>'s last part, the site's name (a forum's h1)
    parts = _TITLE_SEPARATORS.split(clean_title(page_title))
    if len(parts) < 2 or not _site_part(parts[-1]):
        return False
    site, key = _key(parts[-1]), _key(text)
    # or the school's name within it (a letterhead: ``TRƯỜNG CHÍNH TRỊ TỈNH KON TUM`` under
    # ``… - Nextcloud Trường Chính trị tỉnh Kon Tum``)
    return key == site or (_site_part(text) and bool(key) and key in site)


def _site_part(part: str) -> bool:
    found = words(part)
    return bool(found) and any(w in _SITE_WORDS for w in found) and len(found) <= 10


@dataclass(frozen=True)
class Candidate:
    """A possible headline: its text, how headline-like its element is, and its position."""

    text: str
    weight: float
    order: int
    followed_by_date: bool = False


def choose(candidates: list[Candidate], page_title: str, og_title: str) -> str | None:
    """The best headline among the page's candidates, or the ``<title>`` as a last resort."""
    best: tuple[float, int, str] | None = None
    for c in candidates:
        text = clean_title(c.text)
        if not 3 <= len(text) <= 400 or len(words(text)) < 2:
            continue
        score = c.weight + 2.0 * c.followed_by_date + (1.0 if len(words(text)) >= 6 else 0.0)
        if page_title and in_page_title(text, page_title):
            score += 3.0
        if og_title and _key(text) == _key(og_title):
            score += 3.0
        if page_title and names_the_site(text, page_title):
            score -= 4.0
        key = (score, -c.order, text)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is not None and best[0] >= 2.0:
        return best[2]
    fallback = clean_title(og_title) or without_site_name(page_title)
    return fallback or (best[2] if best else None)
