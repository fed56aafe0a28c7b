"""Attachments: documents linked from articles, fetched, archived in WARC and listed."""

from __future__ import annotations

import hashlib

import pytest
from sqlite_utils import Database

from archive.capture import attachments, warcs
from archive.sites.registry import Site
from archive.sites.urls import canonical_url


@pytest.fixture
def school() -> Site:
    return Site(id="s", name="s", province="p", start_urls=("http://127.0.0.9/",),
                allowed_domains=("127.0.0.9",), path_prefix="/truong/")  # fmt: skip


@pytest.mark.e2e
def test_every_linked_document_is_archived_and_listed(captured):
    db = Database(captured.db_path)
    linked = [(a, url) for a in captured.web.articles for url in a.attachments]
    assert len(linked) >= 2
    for sample, url in linked:
        served = captured.documents[url]
        row = db.execute(
            "select t.file_name, t.media_type, t.size, t.sha256, t.capture_id, a.id from attachments t "
            "join articles a on a.id = t.article_id join article_urls u on u.article_id = a.id "
            "where t.url = ? and u.url = ?", [canonical_url(url), canonical_url(sample.url)]).fetchone()  # fmt: skip
        assert row is not None, url
        file_name, media_type, size, sha256, capture_id, _ = row
        assert file_name == url.rsplit("/", 1)[1]
        assert media_type == "application/pdf"
        assert size == len(served) and sha256 == hashlib.sha256(served).hexdigest()
        capture = db.execute("select warc_file, offset, length, status from captures where id = ?",
                             [capture_id]).fetchone()  # fmt: skip
        assert capture[3] == 200
        assert warcs.read_capture(captured.warc_dir, *capture[:3]).body == served
    assert db.execute("select count(*) from attachments").fetchone()[0] == len(linked)


@pytest.mark.e2e
def test_documents_are_pages_too_but_never_articles(captured):
    db = Database(captured.db_path)
    for url in captured.documents:
        kind = db.execute("select kind from pages where url = ?", [canonical_url(url)]).fetchone()
        assert kind == ("other",), url


@pytest.mark.e2e
def test_a_document_over_the_size_limit_is_not_fetched(small_crawl):
    assert small_crawl.result.returncode == 0, small_crawl.result.stderr[-3000:]
    db = Database(small_crawl.db_path)
    pdfs = list(db.query("select url, kind, error from pages where url like '%.pdf'"))
    assert pdfs
    for page in pdfs:
        assert page["kind"] == "error" and "max" in page["error"].lower(), page
        assert (
            db.execute("select count(*) from captures where url = ?", [page["url"]]).fetchone()[0]
            == 0
        )
    assert db.execute("select count(*) from attachments").fetchone()[0] == 0


def test_only_in_scope_documents_are_wanted(school):
    links = [
        "http://127.0.0.9/truong/files/Ke%20hoach.PDF#page=2",
        "http://127.0.0.9/truong/files/Ke%20hoach.PDF",
        "http://127.0.0.9/truong/bao-cao.docx",
        "http://127.0.0.9/truong/bang.xlsx?v=2",
        "http://127.0.0.9/khac/ngoai.pdf",  # outside the path prefix
        "http://example.org/truong/x.pdf",  # another host
        "http://127.0.0.9/truong/anh.jpg",  # not a document
        "http://127.0.0.9/truong/tin.html",
    ]
    assert attachments.wanted(links, school) == [
        "http://127.0.0.9/truong/files/Ke%20hoach.PDF",
        "http://127.0.0.9/truong/bao-cao.docx",
        "http://127.0.0.9/truong/bang.xlsx?v=2",
    ]


@pytest.mark.parametrize(
    ("disposition", "expected"),
    [
        (None, "Kế hoạch số 12.pdf"),
        ('attachment; filename="KH-12.pdf"', "KH-12.pdf"),
        ("attachment; filename=KH-12.pdf", "KH-12.pdf"),
        (
            "attachment; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch.pdf; filename=\"Ke hoach.pdf\"",
            "Kế hoạch.pdf",
        ),
        ('attachment; filename="Kế hoạch.pdf"'.encode().decode("latin-1"), "Kế hoạch.pdf"),
        ('attachment; filename="C:\\Users\\vt\\KH.pdf"', "KH.pdf"),
    ],
)
def test_file_name_from_content_disposition_or_url(disposition, expected):
    url = "http://127.0.0.9/files/K%E1%BA%BF%20ho%E1%BA%A1ch%20s%E1%BB%91%2012.pdf"
    assert attachments.file_name(url, disposition) == expected


def test_media_type_from_content_type_or_extension():
    assert (
        attachments.media_type("http://h/a.pdf", "application/pdf; name=a.pdf") == "application/pdf"
    )
    assert attachments.media_type("http://h/a.docx", "application/octet-stream") == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert attachments.media_type("http://h/a.xls", None) == "application/vnd.ms-excel"
    assert attachments.media_type("http://h/download", None) is None


def test_describe_gives_the_row_facts():
    body = b"%PDF-1.4 tiny"
    facts = attachments.describe("http://h/a.pdf", "application/pdf", None, body)
    assert facts == {"url": "http://h/a.pdf", "file_name": "a.pdf", "media_type": "application/pdf",
                     "size": len(body), "sha256": hashlib.sha256(body).hexdigest()}  # fmt: skip
