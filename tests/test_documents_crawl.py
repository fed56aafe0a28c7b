"""Documents crawled from the sample web and found by search (issue 22).

A NukeViet school of the sample web whose articles link, from their bodies, a
text PDF, a scanned PDF and a DOCX, and a fourth PDF from a "Tập tin đính kèm:"
block just after the body (and a PDF in a sidebar "Tải về" box, which is not
the article's); a second article links the same text PDF and four hostile
files. Crawled with real Scrapy (document text in its worker process), then
searched through Datasette, then rebuilt from the WARC captures by reextract.
"""

from __future__ import annotations

import json
import shutil
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from crawling import crawl
from documents import encrypted_pdf, huge_image_pdf, scan_pdf, text_pdf, word, zip_bomb_docx
from sqlite_utils import Database

from archive.reextract import reextract
from archive.serve import make_datasette
from archive.sites.registry import load_sites
from archive.sites.urls import canonical_url
from archive.store.migrations import open_db
from sampleweb import Response, SampleWebServer, build_sample_web

pytestmark = pytest.mark.e2e
SITE = "nukeviet"
FILES = "/uploads/news/files/"
NOTICE = "Thông báo tuyển sinh lớp bồi dưỡng ngạch chuyên viên chính khoá 7 năm 2025."
DOCUMENTS = {
    "thong-bao.pdf": ("application/pdf", lambda: text_pdf(NOTICE, "Hồ sơ nộp tại Phòng Đào tạo.")),
    "quyet-dinh.pdf": ("application/pdf",
                       lambda: scan_pdf(["QUYẾT ĐỊNH", "Công nhận tốt nghiệp học viên"])),
    "ke-hoach.docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                      lambda: word("Kế hoạch kiểm định chất lượng giáo dục năm 2025",
                                   table=[["Nội dung", "Thời gian"], ["Tự đánh giá", "Quý III"]])),
    "danh-sach.pdf": ("application/pdf", lambda: text_pdf("Danh sách học viên trúng tuyển khoá 7")),
    "menu.pdf": ("application/pdf", lambda: text_pdf("Lịch công tác tuần của Ban Giám hiệu")),
    "mat-khau.pdf": ("application/pdf", lambda: encrypted_pdf("Tài liệu mật")),
    "hong.pdf": ("application/pdf", lambda: text_pdf(NOTICE * 20)[:1500]),
    "bom.docx": ("application/octet-stream", zip_bomb_docx),
    "anh-lon.pdf": ("application/pdf", huge_image_pdf),
}  # fmt: skip
BODY_LINKS = {"first": ["thong-bao.pdf", "quyet-dinh.pdf", "ke-hoach.docx"],
              "second": ["thong-bao.pdf", "mat-khau.pdf", "hong.pdf", "bom.docx", "anh-lon.pdf"]}  # fmt: skip


@dataclass
class Crawled:
    db_path: Path
    warc_dir: Path
    sites_file: Path
    articles: dict[str, str]  # first / second -> canonical URL
    served: dict[str, bytes]  # file name -> bytes
    stderr: str


def with_documents(html: str, body: list[str], after: list[str]) -> str:
    """The article page with document links in its body, a "Tập tin đính kèm:" block after
    the body, and a "Tải về" box in the other-news panel (chrome: never the article's)."""
    start = html.index('id="news-bodyhtml"')
    end = html.index("</div>", start)
    links = "".join(f'<a href="{FILES}{name}">{name}</a> ' for name in body)
    block = "".join(f'<li><a href="{FILES}{name}">{name}</a></li>' for name in after)
    attached = f"<p><strong>Tập tin đính kèm:</strong></p><ul>{block}</ul>" if after else ""
    html = html[:end] + f"<p>Xem văn bản: {links}</p></div>{attached}" + html[end + 6 :]
    panel = html.index('class="panel-body other-news">') + len('class="panel-body other-news">')
    box = f'<p class="h3">Tải về</p><ul><li><a href="{FILES}menu.pdf">Lịch tuần</a></li></ul>'
    return html[:panel] + box + html[panel:]


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Crawled:
    tmp = tmp_path_factory.mktemp("documents")
    web = build_sample_web(articles_per_site=3, sites=1)
    served = {name: make() for name, (_, make) in DOCUMENTS.items()}
    with SampleWebServer(web) as server:
        base = server.urls[SITE]
        samples = [a for a in web.articles if a.site_id == SITE][:2]
        articles = {}
        for key, sample in zip(("first", "second"), samples, strict=True):
            url = server.url_for(sample)
            html = urllib.request.urlopen(url, timeout=10).read().decode()
            after = ["danh-sach.pdf"] if key == "first" else []
            page = with_documents(html, BODY_LINKS[key], after).encode()
            path = url.removeprefix(base)
            server.faults[path] = lambda r, page=page: Response(
                200, page, "text/html; charset=utf-8"
            )
            articles[key] = canonical_url(url)
        for name, (media_type, _) in DOCUMENTS.items():
            server.faults[FILES + name] = lambda r, n=name, t=media_type: Response(
                200, served[n], t
            )
        sites = tmp / "sites.toml"
        sites.write_text(
            f'[[site]]\nid = "{SITE}"\nname = "Trường Chính trị tỉnh Đồng Tháp"\n'
            f'province = "Đồng Tháp"\nstart_urls = {json.dumps([base + "/"])}\n'
            f'hints = {{ cms = "{SITE}" }}\n',
            encoding="utf-8",
        )
        done = crawl(tmp / "archive.db", sites, "-s", "ARCHIVE_DOCUMENT_WORKERS=1")
        assert done.returncode == 0, done.stderr[-3000:]
        no_ocr = crawl(tmp / "no-ocr.db", sites, "-s", "ARCHIVE_DOCUMENT_OCR=0",
                       "-s", "ARCHIVE_DOCUMENT_WORKERS=0")  # fmt: skip
        assert no_ocr.returncode == 0, no_ocr.stderr[-3000:]
    return Crawled(tmp / "archive.db", tmp / "warcs", sites, articles, served, done.stderr)


def rows(crawled: Crawled, key: str) -> dict[str, dict]:
    db = Database(crawled.db_path)
    found = db.query(
        "select t.* from attachments t join article_urls u on u.article_id = t.article_id "
        "where u.url = ?",
        [crawled.articles[key]],
    )
    return {row["file_name"]: row for row in found}


def test_every_document_of_the_article_region_is_read(crawled):
    first = rows(crawled, "first")
    assert set(first) == {"thong-bao.pdf", "quyet-dinh.pdf", "ke-hoach.docx", "danh-sach.pdf"}
    assert first["thong-bao.pdf"]["text_method"] == "pdf-text"
    assert NOTICE in " ".join(first["thong-bao.pdf"]["text"].split())
    assert first["thong-bao.pdf"]["pages"] == 2
    assert first["quyet-dinh.pdf"]["text_method"] == "ocr"
    assert "QUYẾT ĐỊNH" in first["quyet-dinh.pdf"]["text"]
    assert first["ke-hoach.docx"]["text_method"] == "docx"
    assert "Tự đánh giá\tQuý III" in first["ke-hoach.docx"]["text"]
    assert "Danh sách học viên trúng tuyển" in first["danh-sach.pdf"]["text"]
    assert all(row["text_error"] is None for row in first.values())


def test_ocr_can_be_turned_off(crawled):
    db = Database(crawled.db_path.with_name("no-ocr.db"))
    found = {r["file_name"]: r for r in db.query("select * from attachments")}
    assert found["quyet-dinh.pdf"]["text"] is None
    assert found["quyet-dinh.pdf"]["text_error"] == "no text layer (OCR is off)"
    assert found["thong-bao.pdf"]["text_method"] == "pdf-text"  # the text layer still counts


def test_the_sidebar_download_box_is_not_the_articles(crawled):
    db = Database(crawled.db_path)
    assert not list(db.query("select url from pages where url like '%menu.pdf'"))
    assert not list(db.query("select id from attachments where url like '%menu.pdf'"))


def test_bad_documents_get_a_reason_and_lose_nothing(crawled):
    second = rows(crawled, "second")
    assert second["mat-khau.pdf"]["text_error"] == "encrypted PDF (a password is needed)"
    assert second["hong.pdf"]["text_error"].startswith("corrupt PDF")
    assert second["bom.docx"]["text_error"].startswith("zip bomb refused")
    assert second["anh-lon.pdf"]["pages"] == 1
    for name in ("mat-khau.pdf", "hong.pdf", "bom.docx", "anh-lon.pdf"):
        row = second[name]
        assert row["text"] is None and row["size"] == len(crawled.served[name])
        assert row["capture_id"] is not None  # the file itself is archived all the same
    assert second["thong-bao.pdf"]["text"] == rows(crawled, "first")["thong-bao.pdf"]["text"]
    assert "Traceback" not in crawled.stderr


async def search(crawled: Crawled, query: str) -> tuple[list[str], list[dict]]:
    ds = make_datasette(crawled.db_path)
    table = await ds.client.get("/archive/articles.json",
                                params={"_search": query, "_shape": "array"})  # fmt: skip
    assert table.status_code == 200, table.text
    canned = await ds.client.get("/archive/search.json",
                                 params={"q": query, "site": "", "_shape": "array"})  # fmt: skip
    assert canned.status_code == 200, canned.text
    return [row["url"] for row in table.json()], canned.json()


@pytest.mark.parametrize(
    ("query", "key", "file_name"),
    [
        ('"ngạch chuyên viên chính"', "first", "thong-bao.pdf"),
        ("ngach chuyen vien", "first", "thong-bao.pdf"),
        ('"cong nhan tot nghiep"', "first", "quyet-dinh.pdf"),
        ("kiểm định chất lượng", "first", "ke-hoach.docx"),
        ("trung tuyen", "first", "danh-sach.pdf"),
    ],
)
async def test_a_phrase_only_a_document_holds_finds_its_article(crawled, query, key, file_name):
    urls, hits = await search(crawled, query)
    assert crawled.articles[key] in map(canonical_url, urls)
    hit = next(h for h in hits if h["found_in"] == file_name)
    assert hit["snippet"].startswith(f"Tệp đính kèm / Attachment «{file_name}»: ")
    assert "<mark>" in hit["snippet"]


async def test_a_phrase_in_the_shared_document_finds_both_articles(crawled):
    urls, hits = await search(crawled, "ngach chuyen vien chinh")
    assert set(map(canonical_url, urls)) == set(crawled.articles.values())
    assert {h["found_in"] for h in hits} == {"thong-bao.pdf"} and len(hits) == 2


async def test_the_article_page_lists_documents_with_first_lines_and_copies(crawled):
    db = Database(crawled.db_path)
    article_id, attachment_id = db.execute(
        "select t.article_id, t.id from attachments t join article_urls u "
        "on u.article_id = t.article_id where u.url = ? and t.file_name = 'thong-bao.pdf'",
        [crawled.articles["first"]],
    ).fetchone()
    ds = make_datasette(crawled.db_path)
    page = (await ds.client.get(f"/archive/articles/{article_id}")).text
    assert NOTICE in page and "quyet-dinh.pdf" in page and "QUYẾT ĐỊNH" in page
    assert f'href="/-/document/{attachment_id}"' in page
    copy = await ds.client.get(f"/-/document/{attachment_id}")
    assert copy.status_code == 200 and copy.content == crawled.served["thong-bao.pdf"]
    assert copy.headers["content-disposition"] == 'attachment; filename="thong-bao.pdf"'


def test_reextract_rebuilds_document_text_from_the_captures(crawled, tmp_path):
    path = tmp_path / "archive.db"
    shutil.copy(crawled.db_path, path)
    db = open_db(str(path))
    with db.conn:
        db.execute("update attachments set text = null, pages = null, text_method = null, "
                   "text_error = null")  # fmt: skip
        db.execute("insert into attachments_fts(attachments_fts) values ('delete-all')")
    reextract(db, load_sites(crawled.sites_file), crawled.warc_dir)
    rebuilt = {r["file_name"]: r for r in db.query("select * from attachments")}
    assert rebuilt["quyet-dinh.pdf"]["text_method"] == "ocr"
    assert rebuilt["ke-hoach.docx"]["text"] == rows(crawled, "first")["ke-hoach.docx"]["text"]
    assert rebuilt["bom.docx"]["text_error"].startswith("zip bomb refused")
    hits = db.execute(
        "select count(*) from attachments_fts where attachments_fts match '\"trung tuyen\"'"
    ).fetchone()[0]
    assert hits == 1
