"""MinHash sketches of a text's word trigrams: how alike two texts are, from 128 bytes each.

One-permutation MinHash: each trigram's hash goes to one of ``SKETCH_BINS`` bins,
which keeps the smallest; the share of bins two sketches agree on estimates the
Jaccard resemblance of their trigram sets. Storage's near-duplicate lookup
(archive.store.dedup) and a recrawl's listing verdicts (archive.extract.verdicts)
share them; stored sketches persist in archives, so a change here is a migration.
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata

SKETCH_BINS = 64
EMPTY = 0xFFFF  # an empty bin; values are 0..0xFFFE
_SKETCH = struct.Struct(f"<{SKETCH_BINS}H")  # little-endian whatever the machine
_WORD = re.compile(r"\w+")

Trigrams = set[tuple[str, ...]]


def words(text: str) -> list[str]:
    """The text's words, lowercased: ``\\w+`` runs of the NFC text (collapsing whitespace
    first would find the same runs)."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def trigrams_of(words: list[str]) -> Trigrams:
    return set(zip(words, words[1:], words[2:], strict=False))


def sketch(text: str) -> bytes:
    return sketch_of_words(words(text))


def sketch_of_words(words: list[str]) -> bytes:
    """:func:`sketch` of the text these :func:`words` came from."""
    return sketch_of_trigrams(trigrams_of(words))


def sketch_of_trigrams(trigrams: Trigrams) -> bytes:
    bins = [EMPTY] * SKETCH_BINS
    for trigram in trigrams:
        digest = hashlib.blake2b(" ".join(trigram).encode(), digest_size=8).digest()
        value = int.from_bytes(digest, "big")
        slot, rest = value % SKETCH_BINS, (value // SKETCH_BINS) % EMPTY
        if rest < bins[slot]:
            bins[slot] = rest
    return _SKETCH.pack(*bins)


def estimate(a: bytes, b: bytes) -> tuple[float, int]:
    """Share of agreeing bins among those either sketch filled, and how many that is."""
    filled = agree = 0
    for x, y in zip(_SKETCH.unpack(a), _SKETCH.unpack(b), strict=True):
        if x != EMPTY or y != EMPTY:
            filled += 1
            agree += x == y
    return (agree / filled if filled else 0.0), filled
