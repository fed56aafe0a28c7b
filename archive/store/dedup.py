"""Exact and near-duplicate detection.

Exact: ``content_hash`` is the sha256 of the normalized text, so the same
article served at two URLs, or in two encodings, hashes the same.

Near: a 64-bit SimHash (trafilatura's) over word bigrams, which separates
Vietnamese texts far better than single syllables do (the syllables of
different articles about party conferences overlap heavily). Candidates come
from the fingerprint's four 16-bit blocks: an article is one when one of its
blocks is within two bits of the same block of this one. By pigeonhole every
pair within Hamming distance 11 is found (and 97 % of those at 12), while a
lookup reads about N / 120 candidates of N articles (eight exact 8-bit bands
found fewer pairs and read N / 32: 31,000 rows a lookup at a million).
Candidates are confirmed on the texts themselves, so two articles on the same
topic are never linked by accident. Each article also keeps a MinHash sketch
of its word trigrams (one-permutation, 64 bins of 16 bits, 128 bytes) that
skips a candidate without reading its text when the estimated resemblance is
far below the threshold: the sample web's generated texts share enough
phrases that a lookup at ~45,000 articles had up to 245 close candidates,
none a copy, and reading and splitting their texts took over a quarter of the
crawl process's CPU.
"""

from __future__ import annotations

import hashlib
import re
import string
import sys
import unicodedata
from functools import cache, lru_cache
from itertools import combinations
from typing import TYPE_CHECKING

from archive.extract.sketches import (  # re-exported: storage's callers name them here
    SKETCH_BINS,
    Trigrams,
    estimate,
    sketch,
    sketch_of_trigrams,
    sketch_of_words,
    trigrams_of,
    words,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = ["SKETCH_BINS", "estimate", "sketch", "sketch_of_words", "words"]

BANDS = 4
BAND_BITS = 64 // BANDS
PROBE_RADIUS = 2  # bits a block may differ by and still make a candidate
MAX_DISTANCE = 12  # Hamming distance worth confirming on the texts
MIN_RESEMBLANCE = 0.5  # share of word trigrams in common (Jaccard) to call it a near-copy
#: A candidate is skipped when fewer than this share of the bins agree, counted only
#: when at least MIN_FILLED bins are filled (short texts are read instead). A pair right
#: at MIN_RESEMBLANCE is skipped by mistake with probability under 3 in a million
#: (binomial, each filled bin agreeing with probability 0.5); a closer copy, far less.
MIN_SKETCH_RESEMBLANCE = 0.2
MIN_FILLED = 56
NEAR_DUPLICATE_INDEX = "idx_articles_id_simhash_duplicate_of"  # archive.store.migrations m007
_SPACE = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """NFC with whitespace collapsed: what the hash and the fingerprint see."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def simhash(text: str) -> int:
    return simhash_of_words(words(text))


def simhash_of_words(words: list[str]) -> int:
    """:func:`simhash` of the text these :func:`words` came from."""
    if len(words) < 2:
        return charikar(" ".join(words))
    return charikar(" ".join(a + b for a, b in zip(words, words[1:], strict=False)))


#: Bits of a counter field in :func:`_spread`: room for 2**32 tokens.
_FIELD = 32
_BYTE_SPREAD = [sum(((b >> j) & 1) << (j * _FIELD) for j in range(8)) for b in range(256)]


def charikar(text: str) -> int:
    """trafilatura's ``Simhash(text).hash``, bit for bit, in a fifth of the time.

    Same tokens (``sample_tokens``), same 64-bit blake2b per token, same rule
    (bit i is set when at least half the tokens have it). Instead of adding a
    list of 64 +1/-1 per token, each token's hash is spread into one integer
    with a 32-bit counter per bit, so one big-integer sum counts every bit.
    """
    tokens = sample_tokens(text, 64)
    total = sum(map(_spread, tokens))
    half, mask = len(tokens), (1 << _FIELD) - 1
    return sum(1 << i for i in range(64) if 2 * ((total >> (i * _FIELD)) & mask) >= half)


def sample_tokens(text: str, length: int) -> list[str]:
    """``trafilatura.deduplication.sample_tokens`` (2.3), kept here because importing it
    imports all of trafilatura: 0.15 s of a short crawl's critical path, in a process that
    otherwise never extracts (the workers do). Pinned to trafilatura's by a test."""
    tokens = [t for token in text.split() if (t := token.strip(string.punctuation)).isalnum()]
    if not tokens:  # punctuation outside ASCII only, as in Chinese
        tokens = [t for t in text.translate(_punctuation_spaces()).split() if t.isalnum()]
    for shortest in range(4, 0, -1):
        sample = [t for t in tokens if len(t) > shortest]
        if len(sample) >= length / 2:
            return sample
    return tokens


@cache
def _punctuation_spaces() -> dict[int, str]:
    """Every Unicode punctuation mark to a space (a scan of all of Unicode, 90 ms: lazily)."""
    marks = (i for i in range(sys.maxunicode + 1) if unicodedata.category(chr(i))[0] == "P")
    return str.maketrans(dict.fromkeys(marks, " "))


@lru_cache(maxsize=2**14)
def _spread(token: str) -> int:
    value = int.from_bytes(hashlib.blake2b(token.encode(), digest_size=8).digest(), "big")
    spread = 0
    for byte in range(8):
        spread |= _BYTE_SPREAD[(value >> (8 * byte)) & 0xFF] << (8 * byte * _FIELD)
    return spread


def to_hex(value: int) -> str:
    return f"{value:016x}"


def bands(value: int) -> list[tuple[int, int]]:
    """(band number, bits) pairs for the lookup table."""
    mask = (1 << BAND_BITS) - 1
    return [(i, (value >> (i * BAND_BITS)) & mask) for i in range(BANDS)]


#: Every block value within PROBE_RADIUS bits of 0, XORed onto a block to probe around it.
_FLIPS = [0] + [
    flips
    for r in range(1, PROBE_RADIUS + 1)
    for flips in map(sum, combinations([1 << b for b in range(BAND_BITS)], r))
]
#: One primary-key search per band (ORed together, SQLite scanned the table instead).
_MARKS = ", ".join("?" * len(_FLIPS))
_PROBE_ONE = f"select article_id from simhash_bands where band = ? and bits in ({_MARKS})"
_PROBE_SQL = f"with c as materialized ({' union '.join([_PROBE_ONE] * BANDS)}) "


def probes(value: int) -> list[int]:
    """The lookup's parameters: each band's number, then its bits and their neighbours."""
    params = []
    for band, bits in bands(value):
        params.append(band)
        params.extend(bits ^ flips for flips in _FLIPS)
    return params


def distance(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def resemblance(a: str, b: str) -> float:
    """Jaccard similarity of word trigrams: the confirmation step."""
    return _jaccard(_trigrams(a), _trigrams(b))


def _jaccard(sa: Trigrams, sb: Trigrams) -> float:
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def _trigrams(text: str) -> Trigrams:
    return trigrams_of(words(text))


def _far_apart(a: bytes, b: bytes) -> bool:
    share, filled = estimate(a, b)
    return filled >= MIN_FILLED and share < MIN_SKETCH_RESEMBLANCE


def find_near_duplicate(db: Database, article_id: int, value: int, text: str) -> int | None:
    """The earliest other article this one is a near-copy of, or None.

    A close candidate without a sketch (stored before migration m011) is read
    and gets its sketch then, so the next lookup can skip it.
    """
    # Candidates from the bands first (their primary key), then each one's fingerprint
    # from the covering index: left to itself, SQLite walked every article instead.
    # (As a join of the two, SQLite took 40 times longer at a million articles.)
    rows = db.execute(
        f"{_PROBE_SQL} select id, simhash from articles indexed by {NEAR_DUPLICATE_INDEX} "
        "where id in (select article_id from c) and id != ? and duplicate_of is null order by id",
        [*probes(value), article_id],
    ).fetchall()
    close = [
        row_id for row_id, hexhash in rows if distance(value, int(hexhash, 16)) <= MAX_DISTANCE
    ]
    if not close:
        return None
    sketches = _sketches(db, [article_id, *close])
    mine_sketch = sketches.get(article_id) or sketch(text)  # the store wrote it just before
    mine: set[tuple[str, ...]] = set()  # computed once, and only if a candidate needs it
    for candidate in close:
        stored = sketches.get(candidate)
        if stored is not None and _far_apart(mine_sketch, stored):
            continue
        other = db.execute("select text from articles where id = ?", [candidate]).fetchone()
        if not other:
            continue
        mine, theirs = mine or _trigrams(text), _trigrams(other[0])
        if stored is None:
            save_sketch(db, candidate, sketch_of_trigrams(theirs))
        if _jaccard(mine, theirs) >= MIN_RESEMBLANCE:
            return int(candidate)
    return None


def _sketches(db: Database, ids: list[int]) -> dict[int, bytes]:
    found: dict[int, bytes] = {}
    for start in range(0, len(ids), 500):  # under SQLite's variable limit
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        found.update(db.execute(
            f"select article_id, sketch from minhash_sketches where article_id in ({marks})", chunk
        ).fetchall())  # fmt: skip
    return found


def save_sketch(db: Database, article_id: int, value: bytes) -> None:
    db.execute(
        "insert or replace into minhash_sketches(article_id, sketch) values (?, ?)",
        [article_id, value],
    )


def save_bands(db: Database, article_id: int, value: int) -> None:
    db.execute("delete from simhash_bands where article_id = ?", [article_id])
    db.conn.executemany(
        "insert into simhash_bands(band, bits, article_id) values (?, ?, ?)",
        [(band, bits, article_id) for band, bits in bands(value)],
    )
