"""What document text costs (issue 22).

  .venv/bin/python benchmarks/document_text.py            # all three parts
  .venv/bin/python benchmarks/document_text.py layer      # pypdf vs pdfminer.six on Vietnamese PDFs
  .venv/bin/python benchmarks/document_text.py ocr        # Tesseract (vie) pages per second
  .venv/bin/python benchmarks/document_text.py crawl      # crawl throughput, document text on / off

``layer``: the same Vietnamese PDFs (fpdf2, DejaVu: pages of body text and pages of a
30-line list of names, classes and marks) read by pypdf and by pdfminer.six: CPU
pages per second, the share of the source's words recovered and whether the
text comes back exactly (NFC, whitespace collapsed). ``ocr``: scanned pages
(Pillow-drawn at 150 dpi, saved as PDF) through archive.capture.documents,
pages per second of wall time (one Tesseract at a time, as the crawl's document
worker runs it). ``crawl``: the whole sample web, its ASP.NET school's attached
PDFs served as real documents in turn (a 2-page text PDF, a one-page scan, a
DOCX), crawled with ``ARCHIVE_DOCUMENT_TEXT`` on and off, alternately, twice each: the
faster run of each is reported (the machine may be shared).
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from documents import scan_pdf, text_pdf, word  # noqa: E402  (tests/documents.py)

from archive.capture.documents import Limits, read_text  # noqa: E402

PARAGRAPH = (
    "Trường Chính trị tỉnh Đồng Tháp thông báo tuyển sinh lớp Trung cấp lý luận chính trị – "
    "hành chính hệ không tập trung năm 2025. Học viên nộp hồ sơ tại Phòng Quản lý đào tạo "
    "trước ngày 15/7/2025; mọi thắc mắc xin liên hệ đồng chí Nguyễn Thị Hoà, điện thoại "
    "0277.3851.234. Nội dung gồm: quán triệt Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI, "
    "bồi dưỡng kỹ năng lãnh đạo, quản lý cho cán bộ chủ chốt cấp xã, phường, thị trấn."
)


def _words(text: str) -> list[str]:
    return unicodedata.normalize("NFC", text).split()


def _recovered(found: list[str], expected: list[str]) -> float:
    """Share of the source's words (as a multiset) in the extracted text, extras counted
    against it: 2 x common / (found + expected)."""
    common = sum((Counter(found) & Counter(expected)).values())
    return round(2 * common / max(1, len(found) + len(expected)), 4)


def layer(pages: int = 40) -> dict[str, dict[str, float]]:
    import pypdf
    from pdfminer.high_level import extract_text

    body = text_pdf(*[" ".join([PARAGRAPH] * 6)] * pages)
    table = text_pdf(*["\n".join(f"{n}. Nguyễn Văn Ân  K{n}  8,{n % 10}" for n in range(30))]
                     * pages)  # fmt: skip
    row = " ".join(f"{n}. Nguyễn Văn Ân K{n} 8,{n % 10}" for n in range(30))
    source = {"body": _words(" ".join([PARAGRAPH] * 6 * pages)),
              "table": _words(" ".join([row] * pages))}  # fmt: skip
    readers = {
        "pypdf": lambda b: "\n".join(
            p.extract_text() for p in pypdf.PdfReader(io.BytesIO(b)).pages
        ),
        "pdfminer.six": lambda b: extract_text(io.BytesIO(b)),
    }
    results: dict[str, dict[str, float]] = {}
    for name, read in readers.items():
        row: dict[str, float] = {}
        for kind, pdf in (("body", body), ("table", table)):
            start = time.process_time()
            text = read(pdf)
            row[f"{kind} pages/s"] = round(pages / (time.process_time() - start), 1)
            row[f"{kind} words recovered"] = _recovered(_words(text), source[kind])
            row[f"{kind} exact"] = float(" ".join(_words(text)) == " ".join(source[kind]))
        results[name] = row
    return results


def ocr(pages: int = 6) -> dict[str, float]:
    lines = [["QUYẾT ĐỊNH", "Về việc công nhận tốt nghiệp", "lớp Trung cấp lý luận chính trị",
              "khoá 35 năm 2025 của Trường Chính trị tỉnh"]] * pages  # fmt: skip
    pdf = scan_pdf(*lines)
    start = time.monotonic()
    found = read_text(pdf, "application/pdf", None, Limits(ocr_pages=pages, timeout=600))
    elapsed = time.monotonic() - start
    expected = _words(" ".join(" ".join(page) for page in lines))
    return {"pages": pages, "seconds": round(elapsed, 2), "pages/s": round(pages / elapsed, 2),
            "words recovered": _recovered(_words(found.text or ""), expected)}  # fmt: skip


def crawl(articles: int = 60, repeat: int = 2) -> dict[str, dict[str, float]]:
    """The sample web crawled with every third ASP.NET article's PDF replaced by a real
    Vietnamese document (text PDF, scan or DOCX, in turn), document text on and off."""
    from sampleweb import Response, SampleWebServer, build_sample_web

    web = build_sample_web(articles_per_site=articles)
    made = [text_pdf(PARAGRAPH * 8, PARAGRAPH * 8), scan_pdf(["QUYẾT ĐỊNH", "Công nhận"]),
            word(PARAGRAPH, PARAGRAPH)]  # fmt: skip
    results: dict[str, dict[str, float]] = {}
    with SampleWebServer(web) as server, tempfile.TemporaryDirectory() as tmp:
        served = {"count": 0}

        def document(request: object) -> Response:
            served["count"] += 1
            body = made[served["count"] % len(made)]
            kind = "application/pdf" if body.startswith(b"%PDF") else "application/octet-stream"
            return Response(200, body, kind)

        import re

        server.faults[re.compile(r"^/Upload/files/ke-hoach-\d+\.pdf", re.IGNORECASE)] = document
        sites = Path(tmp) / "sites.toml"
        sites.write_text(server.sites_toml(), encoding="utf-8")
        runs = [("document text on", "1"), ("document text off", "0")] * repeat
        for number, (label, value) in enumerate(runs):
            db = Path(tmp) / f"{number}.db"
            start = time.monotonic()
            done = subprocess.run(
                [sys.executable, "-m", "archive", "crawl", "--db", str(db), "--sites", str(sites),
                 "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0",
                 "-s", "ARCHIVE_PROGRESS_INTERVAL=0", "-s", f"ARCHIVE_DOCUMENT_TEXT={value}"],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            elapsed = time.monotonic() - start
            import sqlite3

            conn = sqlite3.connect(db)
            count = conn.execute("select count(*) from articles").fetchone()[0]
            documents = conn.execute("select count(*) from attachments").fetchone()[0]
            read = conn.execute("select count(*) from attachments where text is not null")
            if label in results and results[label]["seconds"] <= elapsed:
                conn.close()
                continue  # the faster of the repeats: the machine is shared
            results[label] = {
                "exit": done.returncode, "seconds": round(elapsed, 1), "articles": count,
                "articles/s": round(count / elapsed, 1), "attachments": documents,
                "with text": read.fetchone()[0],
            }  # fmt: skip
            conn.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("parts", nargs="*", default=["layer", "ocr", "crawl"])
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args()
    figures = {}
    for part in args.parts:
        figures[part] = {"layer": layer, "ocr": ocr, "crawl": crawl}[part]()
        print(part, json.dumps(figures[part], ensure_ascii=False, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
