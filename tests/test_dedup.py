"""The MinHash sketch that lets the near-duplicate lookup skip candidates unread."""

import hashlib
import random
import re
import struct
import unicodedata

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from trafilatura.deduplication import Simhash, sample_tokens

from archive.store import dedup
from archive.store import writer as store
from tests.conftest import PARAGRAPHS, make_article

T = "2026-01-01T00:00:00Z"
WORDS = sorted({w for p in PARAGRAPHS for w in p.split()})


def long_text(seed: int, words: int = 700) -> str:
    """An article-length text: enough trigrams to fill every bin of the sketch."""
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(words))


def edited(text: str, share: float, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) if rng.random() < share else w for w in text.split())


def sketch_count(db) -> int:
    return db.execute("select count(*) from minhash_sketches").fetchone()[0]


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 10**6), share=st.floats(0.0, 0.12), edit_seed=st.integers(0, 10**6))
def test_a_near_copy_is_never_skipped(seed: int, share: float, edit_seed: int):
    a = long_text(seed)
    b = edited(a, share, edit_seed)
    exact = dedup.resemblance(a, b)
    assume(exact >= dedup.MIN_RESEMBLANCE)
    estimate, filled = dedup.estimate(dedup.sketch(a), dedup.sketch(b))
    assert filled >= dedup.MIN_FILLED
    assert not dedup._far_apart(dedup.sketch(a), dedup.sketch(b))
    assert abs(estimate - exact) < 0.25


@settings(max_examples=50, deadline=None)
@given(seed=st.integers(0, 10**6))
def test_unrelated_texts_are_far_apart(seed: int):
    a, b = long_text(seed), long_text(seed + 1)
    assert dedup.resemblance(a, b) < 0.05
    assert dedup._far_apart(dedup.sketch(a), dedup.sketch(b))


def test_short_texts_are_never_judged_by_the_sketch():
    """Too few trigrams fill too few bins for a safe estimate: the texts decide."""
    a, b = long_text(1, words=60), long_text(2, words=60)
    assert dedup.estimate(dedup.sketch(a), dedup.sketch(b))[1] < dedup.MIN_FILLED
    assert not dedup._far_apart(dedup.sketch(a), dedup.sketch(b))


def test_every_stored_article_and_version_has_its_sketch(db):
    first = store.save_article(db, "s1", "http://a/1", make_article("http://a/1", text=long_text(1)),
                               fetched=T, crawl_id=1)  # fmt: skip
    store.save_article(db, "s1", "http://a/2", make_article("http://a/2", text=long_text(2)),
                       fetched=T, crawl_id=1)  # fmt: skip
    assert sketch_count(db) == 2
    store.save_article(db, "s1", "http://a/1", make_article("http://a/1", text=long_text(3)),
                       fetched=T, crawl_id=2)  # fmt: skip
    stored = db.execute("select sketch from minhash_sketches where article_id = ?",
                        [first.article_id]).fetchone()[0]  # fmt: skip
    assert stored == reference_sketch(long_text(3)) and sketch_count(db) == 2


def reference_sketch(text: str) -> bytes:
    """The stored format, written from its definition (not with archive.store.dedup): the
    lowercased ``\\w+`` words' trigrams, blake2b-64 (big-endian) of each trigram joined by
    spaces, bin = hash % 64 keeps the least (hash // 64) % 0xFFFF, empty bins 0xFFFF, 64
    little-endian uint16. Sketches persist in archives: a change must be a migration."""
    found = re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())
    bins = [0xFFFF] * 64
    for trigram in set(zip(found, found[1:], found[2:], strict=False)):
        value = int.from_bytes(hashlib.blake2b(" ".join(trigram).encode(), digest_size=8).digest())
        bins[value % 64] = min(bins[value % 64], (value // 64) % 0xFFFF)
    return struct.pack("<64H", *bins)


TEXTS = [*PARAGRAPHS, "\n\n".join(PARAGRAPHS), "", "một", "Đảng ủy", "a b c " * 500]


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(st.sampled_from(TEXTS), st.text(max_size=300)))
def test_the_fingerprint_is_trafilaturas_simhash_bit_for_bit(text: str):
    """dedup keeps its own Charikar hash (about 4x faster); stored fingerprints must stay
    trafilatura's, over the same word bigrams."""
    assert dedup.charikar(text) == Simhash(text).hash
    found = dedup.words(text)
    bigrams = " ".join(a + b for a, b in zip(found, found[1:], strict=False))
    assert dedup.simhash(text) == Simhash(bigrams if len(found) >= 2 else " ".join(found)).hash


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(
    st.sampled_from([*TEXTS, "。「」", "“Đảng”… ‘ủy’", "Hà Nội, 12/3/2024 — «ab» 。x"]),
    st.text(alphabet=st.characters(categories=["L", "N", "P", "Zs"]), max_size=200),
))  # fmt: skip
def test_the_fingerprints_tokens_are_trafilaturas(text: str):
    """dedup keeps its own copy of trafilatura's tokenizer (importing it imports all of
    trafilatura into the crawl process); texts of punctuation outside ASCII included."""
    for length in (64, 8):
        assert dedup.sample_tokens(text, length) == sample_tokens(text, length)


def test_a_candidate_whose_sketch_is_far_is_skipped_without_reading_its_text(db):
    """The stored text is made a copy of the looked-up one behind the sketch's back:
    the lookup trusts the sketch and never reads that text."""
    other = store.save_article(db, "s1", "http://a/1", make_article("http://a/1", text=long_text(1)),
                               fetched=T, crawl_id=1)  # fmt: skip
    row = db.table("articles").get(other.article_id)
    mine = long_text(2)
    with db.conn:
        db.execute("update articles set text = ? where id = ?", [mine, other.article_id])
    assert dedup.find_near_duplicate(db, -1, int(row["simhash"], 16), mine) is None


def test_an_article_without_a_sketch_is_read_and_gets_one(db):
    """Articles stored before migration m011 have no sketch until a lookup reads them."""
    other = store.save_article(db, "s1", "http://a/1", make_article("http://a/1", text=long_text(1)),
                               fetched=T, crawl_id=1)  # fmt: skip
    row = db.table("articles").get(other.article_id)
    with db.conn:
        db.execute("delete from minhash_sketches")
    copy = edited(long_text(1), 0.03, seed=7)
    assert dedup.find_near_duplicate(db, -1, int(row["simhash"], 16), copy) == other.article_id
    stored = db.execute("select sketch from minhash_sketches").fetchall()
    assert stored == [(dedup.sketch(long_text(1)),)]


def test_a_long_near_copy_on_another_site_is_linked(db):
    original = store.save_article(db, "s1", "http://a/1",
                                  make_article("http://a/1", text=long_text(5)),
                                  fetched=T, crawl_id=1)  # fmt: skip
    store.save_article(db, "s2", "http://b/9", make_article("http://b/9", text=long_text(6)),
                       fetched=T, crawl_id=1)  # fmt: skip
    copy = store.save_article(db, "s2", "http://b/1",
                              make_article("http://b/1", text=edited(long_text(5), 0.04, seed=3)),
                              fetched=T, crawl_id=1)  # fmt: skip
    assert copy.duplicate_of == original.article_id
