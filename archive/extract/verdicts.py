"""A listing's verdict kept from one crawl to the next (``pages.listing_key``).

A scheduled crawl fetches every listing again (new articles appear there), and a
listing whose URL shape no other page confirms (a site's home, its news index) was
read in full each time: ~280 of a recrawl's 706 listing pages on the benchmark web,
~15 ms of extraction each. A page's kind is a function of its content, its URL, the
site's registry entry and the extraction code (archive.extract.page), so a page that
shows what it showed when it was read as a listing, under the same entry and code, is
that listing again: taken unread, its links still the page's own.

"What it showed" is the page's text (scripts and styles left out, every number masked),
compared by a MinHash sketch (archive.extract.sketches), not its bytes: real pages change
at each visit without a word of news. Visit counters and clocks are numbers; a weekday
in the header, a random "Tin ngẫu nhiên" box, rotating banners and form tokens are not.
On the blind recrawl web (tests/blind18) such noise left 95-100 % of a listing's word
trigrams in place, while publishing (new headlines on the page and in its "tin mới"
box) left 45-87 %: a page is taken for the same listing when at least
``SAME_LISTING`` of the sketch's bins agree. A changed listing that passes is still a
listing, read for its links; the verdict that matters, a listing become an article,
changes most of the text. Any change to the site's entry, to this package or to the
libraries extraction uses gives other rules, and the page is read.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from lxml.html import HtmlElement

from archive.extract.sketches import estimate, sketch
from archive.sites.registry import Site

#: Share of the sketches' bins that must agree (at a true resemblance of 0.95, 3 % of
#: pages are read all the same; at 0.8, 2 % are taken unread).
SAME_LISTING = 0.9
#: Fewer filled bins than this (a page of a few lines: under ~30 word trigrams) and the
#: page is read.
MIN_FILLED = 24
#: What decides a verdict besides the page: this package and the site registry's code
#: and data (archive/extract, archive/sites).
_RULES_FOLDERS = ("extract", "sites")
_NUMBERS = re.compile(r"\d+")
_SKIPPED = frozenset({"script", "style", "noscript", "template"})


def listing_key(tree: HtmlElement, site: Site) -> str:
    """The rules the page is read under and the sketch of what it shows: ``rules:sketch``
    in hex (288 characters)."""
    return f"{_rules(repr(site))}:{_sketch(tree).hex()}"


def shows_again(tree: HtmlElement, site: Site, key: str) -> bool:
    """The page shows what it showed when read as the listing ``key`` says, under the same
    rules."""
    rules, _, then = key.partition(":")
    if rules != _rules(repr(site)):
        return False
    try:
        share, filled = estimate(bytes.fromhex(then), _sketch(tree))
    except ValueError:  # a key written by another version of this module
        return False
    return filled >= MIN_FILLED and share >= SAME_LISTING


def _sketch(tree: HtmlElement) -> bytes:
    return sketch(_NUMBERS.sub("0", " ".join(_texts(tree))))


def _texts(tree: HtmlElement) -> Iterator[str]:
    """The page's text as a reader sees it: no scripts, styles or comments."""
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag not in _SKIPPED and element.text:
            yield element.text
        if element.tail:
            yield element.tail


@cache
def _rules(entry: str) -> str:
    return hashlib.blake2b(entry.encode() + _code(), digest_size=16).hexdigest()


@cache
def _code() -> bytes:
    """The extraction code and data, and the versions of the libraries it runs on."""
    import courlan
    import htmldate
    import justext
    import lxml.etree
    import trafilatura

    digest = hashlib.blake2b(digest_size=32)
    root = Path(__file__).resolve().parents[1]
    for folder in _RULES_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    for module in (courlan, htmldate, justext, lxml.etree, trafilatura):
        digest.update(f"{module.__name__} {getattr(module, '__version__', '')}\0".encode())
    return digest.digest()
