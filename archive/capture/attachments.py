"""Documents linked from articles (PDF, Word, Excel...): what to fetch and what to record.

Pure functions, shared by the spider (fresh fetches) and re-extraction (the
same facts rebuilt from WARC captures), so both give the same row.
"""

from __future__ import annotations

import hashlib
import mimetypes
import posixpath
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import unquote, urlsplit

from archive.sites import urls
from archive.sites.registry import Site

_FILENAME_STAR = re.compile(r"filename\*\s*=\s*([^']*)'[^']*'([^;]+)", re.IGNORECASE)
_FILENAME = re.compile(r'filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))', re.IGNORECASE)


def wanted(links: Iterable[str], site: Site) -> list[str]:
    """The canonical, in-scope document URLs among an article's attachment links."""
    found: dict[str, None] = {}
    for link in links:
        url = urls.canonical_or_none(link)
        if url and urls.is_document(url) and urls.in_scope(url, site):
            found.setdefault(url, None)
    return list(found)


def describe(url: str, content_type: str | None, disposition: str | None,
             body: bytes) -> dict[str, Any]:  # fmt: skip
    """The ``attachments`` columns that come from the response itself."""
    return {
        "url": url,
        "file_name": file_name(url, disposition),
        "media_type": media_type(url, content_type),
        "size": len(body),
        "sha256": hashlib.sha256(body).hexdigest(),
    }


def file_name(url: str, disposition: str | None) -> str | None:
    """From Content-Disposition (RFC 6266, ``filename*`` first), else the URL's last segment."""
    value = disposition or ""
    if match := _FILENAME_STAR.search(value):
        charset = match.group(1).strip() or "utf-8"
        try:
            name = unquote(match.group(2).strip().strip('"'), encoding=charset, errors="strict")
        except (LookupError, UnicodeDecodeError):
            name = ""
        if name := _basename(name):
            return name
    if match := _FILENAME.search(value):
        raw = match.group(1) if match.group(1) is not None else match.group(2).strip()
        if name := _basename(_utf8_if_possible(raw.replace('\\"', '"'))):
            return name
    return _basename(unquote(urlsplit(url).path)) or None


def media_type(url: str, content_type: str | None) -> str | None:
    """The Content-Type without parameters; guessed from the extension when absent or generic."""
    declared = (content_type or "").split(";")[0].strip().lower()
    if declared and declared not in ("application/octet-stream", "application/force-download"):
        return declared
    guessed, _ = mimetypes.guess_type(urlsplit(url).path)
    return guessed or declared or None


def _basename(name: str) -> str:
    return posixpath.basename(name.replace("\\", "/")).strip()


def _utf8_if_possible(text: str) -> str:
    """Header values arrive as latin-1; servers put raw UTF-8 file names there."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
