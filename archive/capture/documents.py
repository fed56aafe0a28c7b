"""The text of attached documents: PDF text layer, OCR of scans, Word, Excel, OpenDocument.

One function, :func:`read_text`, from a document's bytes to its text, page count,
method and, when there is no text, the reason. Each format goes to the tool
made for it: pypdf for the PDF text layer (3.3x faster than pdfminer.six on
Vietnamese PDFs, both exact: ``benchmarks/document_text.py``), Tesseract
with its Vietnamese model for scans (pages rendered by poppler's
``pdftoppm``), python-docx, openpyxl, the OpenDocument XML, and Debian's
``antiword`` and ``catdoc``/``xls2csv`` for the legacy binary formats. Text
typed in TCVN3 or VNI fonts is converted (:mod:`archive.capture.legacy_fonts`).

Every document is bounded: pages read, pages OCR'd, seconds (a deadline for
the whole document, each external tool killed at it), unzipped bytes (a DOCX
zip bomb is refused before it is opened), pixels (a huge page is rendered at a
lower resolution), and the memory of each external tool (``RLIMIT_AS``). A bad
document gives a reason, never an exception: the crawl runs this in worker
processes (crawler/workers.py) and re-extraction in-process.
"""

from __future__ import annotations

import io
import logging
import os
import re
import resource
import shutil
import subprocess
import tempfile
import time
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from archive.capture import legacy_fonts

_TEMP_PATH = re.compile(re.escape(tempfile.gettempdir()) + r"/\S+")
#: ``text_method`` values: where the text came from.
PDF_TEXT, OCR = "pdf-text", "ocr"


@dataclass(frozen=True)
class Limits:
    """What one document may cost (crawler/settings.py ``ARCHIVE_DOCUMENT_*``)."""

    ocr: bool = True  # OCR scans (Tesseract); off: a scan gets no text, with that reason
    max_pages: int = 300  # text-layer pages read
    ocr_pages: int = 20  # pages OCR'd (a 500-page scan gets its first 20)
    timeout: float = 120.0  # seconds for the whole document
    max_chars: int = 1_000_000  # text kept
    max_unzipped: int = 100 * 1024 * 1024  # bytes inside a DOCX, XLSX or ODT
    max_pixels: int = 40_000_000  # an image document larger than this is not OCR'd
    tool_memory: int = 1024 * 1024 * 1024  # address space of each external tool
    ocr_dpi: int = 200
    ocr_max_side: int = 3500  # pixels: a huge page is rendered smaller


@dataclass(frozen=True)
class DocumentText:
    text: str | None
    pages: int | None = None
    method: str | None = None  # pdf-text, ocr, docx, xlsx, odt, antiword, catdoc, xls2csv
    reason: str | None = None  # why there is no text, or why only part of it

    def row(self) -> dict[str, Any]:
        """The ``attachments`` columns."""
        return {"text": self.text, "pages": self.pages, "text_method": self.method,
                "text_error": self.reason}  # fmt: skip


class Unreadable(Exception):
    """The document cannot be read; the message is the recorded reason."""


@dataclass
class _Budget:
    limits: Limits
    deadline: float = field(init=False)

    def __post_init__(self) -> None:
        self.deadline = time.monotonic() + self.limits.timeout

    def left(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise Unreadable(f"time limit reached ({self.limits.timeout:g}s)")
        return left


def read_text(body: bytes, media_type: str | None = None, file_name: str | None = None,
              limits: Limits | None = None) -> DocumentText:  # fmt: skip
    """The document's text (NFC), its pages, the method, or the reason there is none."""
    limits = limits or Limits()
    budget = _Budget(limits)
    kind = sniff(body, media_type, file_name)
    reader = _READERS.get(kind or "")
    if reader is None:
        return DocumentText(None, reason=f"no text reader for {media_type or kind or 'this type'}")
    try:
        result = reader(body, budget)
    except Unreadable as exc:
        return DocumentText(None, reason=str(exc))
    except MemoryError:
        return DocumentText(None, reason="out of memory reading the document")
    except Exception as exc:  # a broken file must cost its text, never the crawl
        return DocumentText(None, reason=f"unreadable {kind}: {type(exc).__name__}: {exc}"[:300])
    return _finish(result, limits)


def _finish(result: DocumentText, limits: Limits) -> DocumentText:
    text = unicodedata.normalize("NFC", (result.text or "").replace("\x00", ""))
    text, encoding = legacy_fonts.to_unicode(text)
    method = f"{result.method}+{encoding}" if encoding and result.method else result.method
    text = re.sub(r"[ \t\r\f\v]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    reason = result.reason
    if len(text) > limits.max_chars:
        text = text[: limits.max_chars]
        reason = reason or f"text cut at {limits.max_chars} characters"
    if not text:
        return replace(result, text=None, method=method, reason=reason or "no text found")
    return replace(result, text=text, method=method, reason=reason)


# --- what a document is -----------------------------------------------------------

_EXTENSIONS = {"pdf": "pdf", "docx": "docx", "xlsx": "xlsx", "odt": "odt", "ods": "odt",
               "doc": "doc", "xls": "xls", "rtf": "rtf", "png": "image", "jpg": "image",
               "jpeg": "image", "tif": "image", "tiff": "image"}  # fmt: skip
_MEDIA = {"application/pdf": "pdf", "application/msword": "doc",
          "application/vnd.ms-excel": "xls", "application/rtf": "rtf", "text/rtf": "rtf",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
          "application/vnd.oasis.opendocument.text": "odt",
          "application/vnd.oasis.opendocument.spreadsheet": "odt"}  # fmt: skip


def sniff(body: bytes, media_type: str | None, file_name: str | None) -> str | None:
    """pdf, docx, xlsx, odt, doc, xls, rtf or image: the bytes first, labels second
    (servers label Word files ``application/octet-stream`` and PDFs ``text/html``)."""
    head = body[:1024]
    ext = (file_name or "").rsplit(".", 1)[-1].lower() if "." in (file_name or "") else ""
    labelled = _MEDIA.get((media_type or "").lower()) or _EXTENSIONS.get(ext)
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        names = _zip_names(body)
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "content.xml" in names:
            return "odt"
        return labelled if labelled in ("docx", "xlsx", "odt") else None
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: Word 97-2003 or Excel
        return "xls" if labelled == "xls" or b"W\x00o\x00r\x00k\x00b\x00o\x00o\x00k" in body[
            :65536] else "doc"  # fmt: skip
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return "image"
    return labelled


def _zip_names(body: bytes) -> set[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return set()


def _open_zip(body: bytes, budget: _Budget) -> zipfile.ZipFile:
    """The OOXML/ODF container, refused when it would inflate beyond the limit (a zip bomb
    declares sizes that python-docx and openpyxl would trust)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(body))
    except zipfile.BadZipFile as exc:
        raise Unreadable(f"corrupt zip container: {exc}") from exc
    total = sum(info.file_size for info in archive.infolist())
    if total > budget.limits.max_unzipped:
        archive.close()
        raise Unreadable(f"zip bomb refused: {total} bytes unzipped "
                         f"(limit {budget.limits.max_unzipped})")  # fmt: skip
    return archive


# --- PDF --------------------------------------------------------------------------


def _pdf(body: bytes, budget: _Budget) -> DocumentText:
    # pypdf reports what it repairs (a missing EOF marker, a bad xref) as warnings and log
    # lines: the document's reason says what matters, the crawl log need not.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _pdf_quietly(body, budget)


def _pdf_quietly(body: bytes, budget: _Budget) -> DocumentText:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted and not reader.decrypt(""):  # owner-password-only PDFs open
            raise Unreadable("encrypted PDF (a password is needed)")
        pages = len(reader.pages)
    except PdfReadError as exc:
        raise Unreadable(f"corrupt PDF: {exc}") from exc
    except NotImplementedError as exc:  # an encryption algorithm pypdf lacks
        raise Unreadable(f"encrypted PDF: {exc}") from exc
    texts: list[str] = []
    reason = None
    for number, page in enumerate(reader.pages):
        if number >= budget.limits.max_pages:
            reason = f"text of the first {budget.limits.max_pages} of {pages} pages"
            break
        budget.left()
        try:
            texts.append(page.extract_text() or "")
        except Exception as exc:  # one broken page content stream: the others still count
            texts.append("")
            reason = f"page {number + 1} unreadable: {type(exc).__name__}"
    text = "\n\n".join(texts)
    if usable(text, len(texts)):
        return DocumentText(text, pages, PDF_TEXT, reason)
    if not budget.limits.ocr:
        return DocumentText(None, pages, None, "no text layer (OCR is off)")
    ocr = _ocr_pdf(body, pages, reader, budget)
    if ocr.text:
        return ocr
    # the OCR failed too: keep whatever the text layer had
    return DocumentText(text or None, pages, PDF_TEXT if text.strip() else None, ocr.reason)


def usable(text: str, pages: int) -> bool:
    """A text layer worth keeping: some words per page, mostly letters, not glyph garbage
    (fonts without a Unicode map give control characters and private-use symbols)."""
    stripped = "".join(text.split())
    if len(stripped) < 20 * max(1, min(pages, 5)):
        return False
    converted, _ = legacy_fonts.to_unicode(stripped)
    good = sum(1 for c in converted if c.isalnum() or c in ".,;:!?()-–/%\"'")
    return good / len(converted) >= 0.7


def _ocr_pdf(body: bytes, pages: int, reader: Any, budget: _Budget) -> DocumentText:
    limits = budget.limits
    count = min(pages, limits.ocr_pages)
    texts: list[str] = []
    reason = None
    with tempfile.TemporaryDirectory(prefix="tct-ocr-") as tmp:
        source = os.path.join(tmp, "doc.pdf")
        with open(source, "wb") as out:
            out.write(body)
        for number in range(1, count + 1):
            dpi = _dpi(reader.pages[number - 1], limits)
            image = os.path.join(tmp, f"p{number}")
            try:
                _run(["pdftoppm", "-gray", "-png", "-singlefile", "-r", str(dpi), "-f",
                      str(number), "-l", str(number), source, image], budget)  # fmt: skip
                texts.append(_tesseract(image + ".png", budget))
            except Unreadable as exc:
                reason = f"OCR stopped at page {number}: {exc}"
                break
            finally:
                if os.path.exists(image + ".png"):
                    os.remove(image + ".png")
    if pages > count and reason is None:
        reason = f"OCR of the first {count} of {pages} pages"
    text = "\n\n".join(texts)
    return DocumentText(text if text.strip() else None, pages, OCR, reason)


def _dpi(page: Any, limits: Limits) -> int:
    """The OCR resolution, lowered so that a huge page renders within ``ocr_max_side``."""
    try:
        box = page.mediabox
        side = max(float(box.width), float(box.height)) / 72.0  # inches
    except Exception:
        return limits.ocr_dpi
    if side <= 0:
        return limits.ocr_dpi
    return max(10, min(limits.ocr_dpi, int(limits.ocr_max_side / side)))


def _tesseract(image: str, budget: _Budget) -> str:
    return _run(["tesseract", image, "stdout", "-l", "vie", "--psm", "3"], budget)


def _image(body: bytes, budget: _Budget) -> DocumentText:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(body)) as picture:  # reads the header only
            width, height = picture.size
    except Image.DecompressionBombError as exc:  # Pillow's own bound, before ours
        raise Unreadable(f"image too large to OCR: {exc}") from exc
    except Exception as exc:
        raise Unreadable(f"corrupt image: {type(exc).__name__}") from exc
    if width * height > budget.limits.max_pixels:
        raise Unreadable(f"image too large to OCR: {width} × {height} pixels")
    if not budget.limits.ocr:
        return DocumentText(None, 1, None, "an image (OCR is off)")
    with tempfile.NamedTemporaryFile(prefix="tct-ocr-", suffix=".img") as tmp:
        tmp.write(body)
        tmp.flush()
        return DocumentText(_tesseract(tmp.name, budget), 1, OCR)


# --- Office and OpenDocument --------------------------------------------------------


def _docx(body: bytes, budget: _Budget) -> DocumentText:
    import docx
    from docx.table import Table

    with _open_zip(body, budget):
        pass
    document = docx.Document(io.BytesIO(body))
    parts: list[str] = []

    def walk(items: Iterator[Any]) -> None:
        for item in items:
            if isinstance(item, Table):
                for row in item.rows:
                    cells = dict.fromkeys(c.text.strip() for c in row.cells)  # merged: once
                    parts.append("\t".join(c for c in cells if c))
            else:
                parts.append(item.text)

    walk(document.iter_inner_content())
    return DocumentText("\n".join(parts), None, "docx")


def _xlsx(body: bytes, budget: _Budget) -> DocumentText:
    import openpyxl

    with _open_zip(body, budget):
        pass
    book = openpyxl.load_workbook(io.BytesIO(body), read_only=True, data_only=True)
    lines: list[str] = []
    size = 0
    try:
        for sheet in book.worksheets:
            lines.append(f"# {sheet.title}")
            for row in sheet.iter_rows(values_only=True):
                line = "\t".join("" if v is None else str(v) for v in row).rstrip("\t")
                if line:
                    lines.append(line)
                    size += len(line)
                if size > budget.limits.max_chars:
                    return DocumentText(
                        "\n".join(lines),
                        len(book.worksheets),
                        "xlsx",
                        f"text cut at {budget.limits.max_chars} characters",
                    )
            budget.left()
        return DocumentText("\n".join(lines), len(book.worksheets), "xlsx")
    finally:
        book.close()


_ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def _odt(body: bytes, budget: _Budget) -> DocumentText:
    from lxml import etree

    with _open_zip(body, budget) as archive:
        try:
            content = archive.read("content.xml")
        except KeyError as exc:
            raise Unreadable("OpenDocument without content.xml") from exc
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(content, parser)
    blocks = root.iter(f"{{{_ODF_TEXT}}}p", f"{{{_ODF_TEXT}}}h")
    return DocumentText("\n".join("".join(b.itertext()) for b in blocks), None, "odt")


def _legacy(tool: list[str], method: str) -> Callable[[bytes, _Budget], DocumentText]:
    """A Word 97-2003, Excel 97-2003 or RTF file through Debian's converters."""

    def read(body: bytes, budget: _Budget) -> DocumentText:
        if shutil.which(tool[0]) is None:
            raise Unreadable(f"{tool[0]} is not installed")
        with tempfile.NamedTemporaryFile(prefix="tct-doc-") as tmp:
            tmp.write(body)
            tmp.flush()
            try:
                return DocumentText(_run([*tool, tmp.name], budget), None, method)
            except Unreadable:
                if tool[0] != "antiword":
                    raise
                # antiword refuses Word 6/95 files and some RTF-in-.doc: catdoc reads them
                return DocumentText(_run(["catdoc", "-d", "utf-8", tmp.name], budget), None,
                                    "catdoc")  # fmt: skip

    return read


_READERS: dict[str, Callable[[bytes, _Budget], DocumentText]] = {
    "pdf": _pdf,
    "image": _image,
    "docx": _docx,
    "xlsx": _xlsx,
    "odt": _odt,
    "doc": _legacy(["antiword", "-m", "UTF-8.txt", "-w", "0"], "antiword"),
    "rtf": _legacy(["catdoc", "-d", "utf-8"], "catdoc"),
    "xls": _legacy(["xls2csv", "-d", "utf-8", "-q", "0"], "xls2csv"),
}


# --- external tools ---------------------------------------------------------------


def _run(command: list[str], budget: _Budget) -> str:
    """Run a tool within the document's deadline and memory limit; its standard output."""
    memory = budget.limits.tool_memory

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    env = {**os.environ, "OMP_THREAD_LIMIT": "1", "LC_ALL": "C.UTF-8"}  # one core per document
    try:
        done = subprocess.run(
            command, capture_output=True, timeout=budget.left(), preexec_fn=limit, env=env,
            check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired as exc:
        raise Unreadable(f"{command[0]} over the time limit ({budget.limits.timeout:g}s)") from exc
    except OSError as exc:
        raise Unreadable(f"{command[0]} could not run: {exc}") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = message[-1][:200] if message else f"exit status {done.returncode}"
        detail = _TEMP_PATH.sub("the document", detail)  # no server paths in the reason
        raise Unreadable(f"{command[0]} failed: {detail}")
    return done.stdout.decode("utf-8", "replace")
