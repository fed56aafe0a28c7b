"""Storage and dedup: new, unchanged, alias, changed, near-copy, removed."""

from pathlib import Path

import pytest

from archive.store import dedup, search
from archive.store import writer as store
from archive.store.migrations import open_db
from crawler.workers import _Archive
from tests.conftest import PARAGRAPHS, make_article

T = "2026-01-01T00:00:00Z"
T2 = "2026-02-01T00:00:00Z"


def count(db, table: str) -> int:
    return db.execute(f"select count(*) from {table}").fetchone()[0]


def test_new_article_is_stored_with_hash_simhash_version_and_index(db):
    out = store.save_article(
        db, "s1", "http://a/1", make_article("http://a/1"), fetched=T, crawl_id=1
    )
    assert out.status == store.NEW
    row = db.table("articles").get(out.article_id)
    assert row["content_hash"] == dedup.content_hash(row["text"])
    assert len(row["simhash"]) == 16 and row["version"] == 1
    assert row["word_count"] == len(row["text"].split())
    assert count(db, "article_versions") == 1 and count(db, "simhash_bands") == dedup.BANDS
    hits = db.execute(
        "select rowid from articles_fts where articles_fts match 'dang uy'"
    ).fetchall()
    assert hits == [(out.article_id,)]


def test_same_url_same_text_is_unchanged(db):
    first = store.save_article(
        db, "s1", "http://a/1", make_article("http://a/1"), fetched=T, crawl_id=1
    )
    again = store.save_article(
        db, "s1", "http://a/1", make_article("http://a/1"), fetched=T2, crawl_id=2
    )
    assert again == store.Outcome(first.article_id, store.UNCHANGED)
    assert count(db, "articles") == 1 and count(db, "article_versions") == 1
    assert db.table("articles").get(first.article_id)["last_seen"] == T2


def test_same_text_at_second_url_is_an_alias(db):
    first = store.save_article(
        db, "s1", "http://a/1", make_article("http://a/1"), fetched=T, crawl_id=1
    )
    # whitespace and NFD differences do not make a new article
    import unicodedata

    nfd = unicodedata.normalize("NFD", make_article("x").text.replace("\n\n", "\n \n"))
    second = store.save_article(
        db,
        "s1",
        "http://a/print/1",
        make_article("http://a/print/1", text=nfd),
        fetched=T,
        crawl_id=1,
    )
    assert second.status == store.ALIAS and second.article_id == first.article_id
    urls = {r["url"] for r in db.table("article_urls").rows}
    assert urls == {"http://a/1", "http://a/print/1"}
    assert count(db, "articles") == 1


def test_canonical_link_becomes_the_primary_url(db):
    art = make_article("http://a/print/1", canonical_url="http://a/1")
    out = store.save_article(db, "s1", "http://a/print/1", art, fetched=T, crawl_id=1)
    assert db.table("articles").get(out.article_id)["url"] == "http://a/1"
    assert count(db, "article_urls") == 2


def test_changed_text_is_a_new_version_and_reindexed(db):
    out = store.save_article(
        db, "s1", "http://a/1", make_article("http://a/1"), fetched=T, crawl_id=1
    )
    edited = make_article(
        "http://a/1", text="\n\n".join(PARAGRAPHS[:3] + ["Hội nghị bế mạc lúc 17 giờ cùng ngày."])
    )
    again = store.save_article(db, "s1", "http://a/1", edited, fetched=T2, crawl_id=2)
    assert again.status == store.CHANGED and again.article_id == out.article_id
    versions = list(db.query("select version, content_hash from article_versions order by version"))
    assert [v["version"] for v in versions] == [1, 2]
    assert versions[0]["content_hash"] != versions[1]["content_hash"]
    row = db.table("articles").get(out.article_id)
    assert row["version"] == 2 and "bế mạc" in row["text"]

    def match(query: str) -> int:
        sql = "select count(*) from articles_fts where articles_fts match ?"
        return db.execute(sql, [query]).fetchone()[0]

    assert match("be mac") == 1 and match("cach mang") == 0
    assert (
        db.execute("insert into articles_fts(articles_fts) values ('integrity-check')") is not None
    )


def test_near_copy_on_another_site_points_at_the_earlier(db):
    original = store.save_article(
        db, "s1", "http://a/1", make_article("http://a/1", date="2022-07-01"), fetched=T, crawl_id=1
    )
    copy_text = (
        "\n\n".join(
            PARAGRAPHS[:3] + [PARAGRAPHS[3].replace("tiếp tục đổi mới", "kiên trì đổi mới")]
        )
        + "\n\nTheo Báo Thái Nguyên"
    )
    copy = store.save_article(
        db,
        "s2",
        "http://b/9",
        make_article("http://b/9", text=copy_text, date="2022-07-03"),
        fetched=T,
        crawl_id=1,
    )
    assert copy.status == store.NEW and copy.duplicate_of == original.article_id
    assert db.table("articles").get(copy.article_id)["duplicate_of"] == original.article_id


def test_near_copy_found_first_is_repointed_to_the_earlier_original(db):
    copy_text = "\n\n".join(PARAGRAPHS) + "\n\nTheo Báo Thái Nguyên"
    copy = store.save_article(
        db,
        "s2",
        "http://b/9",
        make_article("http://b/9", text=copy_text, date="2022-07-03"),
        fetched=T,
        crawl_id=1,
    )
    original = store.save_article(
        db, "s1", "http://a/1", make_article("http://a/1", date="2022-07-01"), fetched=T, crawl_id=1
    )
    assert db.table("articles").get(copy.article_id)["duplicate_of"] == original.article_id
    assert db.table("articles").get(original.article_id)["duplicate_of"] is None


def test_different_articles_are_not_linked(db):
    a = store.save_article(
        db,
        "s1",
        "http://a/1",
        make_article("http://a/1", text="\n\n".join(PARAGRAPHS[:2])),
        fetched=T,
        crawl_id=1,
    )
    b = store.save_article(
        db,
        "s1",
        "http://a/2",
        make_article("http://a/2", text="\n\n".join(PARAGRAPHS[2:])),
        fetched=T,
        crawl_id=1,
    )
    assert a.article_id != b.article_id and b.duplicate_of is None


def test_removed_article_is_marked_not_deleted(db):
    out = store.save_article(
        db, "s1", "http://a/1", make_article("http://a/1"), fetched=T, crawl_id=1
    )
    assert store.mark_removed(db, "http://a/1", T2) == out.article_id
    assert db.table("articles").get(out.article_id)["removed"] == T2
    assert store.mark_removed(db, "http://a/unknown", T2) is None
    store.save_article(db, "s1", "http://a/1", make_article("http://a/1"), fetched=T2, crawl_id=2)
    assert db.table("articles").get(out.article_id)["removed"] is None


def test_rebuild_index_matches_incremental_index(db):
    store.save_article(db, "s1", "http://a/1", make_article("http://a/1"), fetched=T, crawl_id=1)
    before = db.execute(
        "select rowid from articles_fts where articles_fts match 'hoi nghi'"
    ).fetchall()
    assert search.rebuild_index(db) == 1
    assert (
        db.execute("select rowid from articles_fts where articles_fts match 'hoi nghi'").fetchall()
        == before
    )


@pytest.mark.parametrize(
    "sql",
    [
        "select * from pages order by fetched desc limit 51",  # the table's default sort
        "select kind, count(*) from pages group by kind",  # its facets
        "select status, count(*) from pages group by status",
    ],
)
def test_the_pages_table_is_browsed_from_indexes(tmp_path: Path, sql: str):
    """Datasette's view of ``pages`` must not sort or scan the whole table (m009)."""
    db = open_db(tmp_path / "a.db")
    plan = " ".join(row[3] for row in db.execute(f"explain query plan {sql}"))
    assert "TEMP B-TREE" not in plan and "USING" in plan and "INDEX" in plan, plan


def spread_mask(bits_per_block: tuple[int, ...]) -> int:
    """A mask flipping that many bits in each 16-bit block, one per byte where it can, so
    that every byte of the fingerprint differs (no 8-bit band would match)."""
    mask = 0
    for block, flips in enumerate(bits_per_block):
        for i in range(flips):
            mask |= 1 << (block * 16 + (i * 8 + i) % 16)
    return mask


@pytest.mark.parametrize(
    ("spread", "found"), [((3, 3, 3, 2), True), ((2, 3, 3, 3), True), ((3, 3, 3, 3), False)]
)
def test_a_fingerprint_within_eleven_bits_is_always_a_candidate(db, spread, found):
    """Pigeonhole: eleven differing bits leave one block within two bits of the original's."""
    original = store.save_article(db, "s1", "http://a/1", make_article("http://a/1"),
                                  fetched=T, crawl_id=1)  # fmt: skip
    row = db.table("articles").get(original.article_id)
    mask = spread_mask(spread)
    assert all((mask >> (8 * byte)) & 0xFF for byte in range(8))  # every byte differs
    assert dedup.distance(mask, 0) == sum(spread) <= dedup.MAX_DISTANCE
    near = dedup.find_near_duplicate(db, -1, int(row["simhash"], 16) ^ mask, row["text"])
    assert near == (original.article_id if found else None)


def test_the_blocks_migration_rebuilds_the_lookup_of_an_older_archive(tmp_path: Path):
    from sqlite_utils import Database

    from archive.store.migrations import m011_minhash_sketches, migrations

    path = tmp_path / "old.db"
    old = Database(str(path))
    migrations.apply(old, stop_before="m010_simhash_blocks")
    m011_minhash_sketches(old)  # today's store writes sketches; m011 runs again, a no-op
    ids = [store.save_article(old, "s1", f"http://a/{i}",
                              make_article(f"http://a/{i}", text=f"{PARAGRAPHS[i]} {i}"),
                              fetched=T, crawl_id=1).article_id for i in range(3)]  # fmt: skip
    with old.conn:  # the eight 8-bit bands the version before wrote
        old.execute("delete from simhash_bands")
        old.execute("insert into simhash_bands values (0, 1, ?), (7, 255, ?)", ids[:2])
    old.close()
    db = open_db(str(path))
    hashes = {r["id"]: int(r["simhash"], 16) for r in db.query("select id, simhash from articles")}
    stored = set(db.execute("select band, bits, article_id from simhash_bands").fetchall())
    assert stored == {(b, bits, i) for i in ids for b, bits in dedup.bands(hashes[i])}
    text = db.table("articles").get(ids[2])["text"]
    assert dedup.find_near_duplicate(db, -1, hashes[ids[2]] ^ 0b111, text) == ids[2]


def test_an_article_counts_as_seen_by_a_crawl_only_once_that_crawl_served_it(db, tmp_path):
    """Timestamps are whole seconds: a crawl starting in the second the previous one saw the
    article must still revalidate it. Asked as the extraction workers ask, from their own
    read-only connection (the spider's session runs the same statement)."""
    url = "http://a/1"
    out = store.save_article(db, "s1", url, make_article(url), fetched=T, crawl_id=1)
    page = {"url": url, "site_id": "s1", "status": 200, "kind": "article", "fetched": T,
            "checked": T, "crawl_id": 1, "article_id": out.article_id}  # fmt: skip
    store.save_page(db, page)

    def seen(crawl_id: int, started: str) -> bool:
        found = _Archive(str(tmp_path / "archive.db"), crawl_id, started)([url])
        return found == (url, make_article(url).title)

    assert seen(1, T)
    assert not seen(2, T)  # started in the very second crawl 1 saw it
    store.save_not_modified(db, url, checked=T, crawl_id=2)
    assert seen(2, T)
    assert not seen(3, T2)  # served in an earlier second by crawl 2
    store.save_page(db, {**page, "status": 404, "crawl_id": 3})
    assert not seen(3, T)  # a page that is gone serves nothing
