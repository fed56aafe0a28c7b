"""The article's links: attached documents and the canonical URL, made absolute."""

from __future__ import annotations

import re
from typing import Any

from archive.extract.tree import Page, matches
from archive.sites.urls import web_link

DOCUMENT_LINK = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|7z|odt|ods)(?:[?#]|$)", re.IGNORECASE
)


def find_attachments(page: Page, content: Any | None) -> list[str]:
    """Absolute URLs of documents linked from the body or from the rule's attachment blocks."""
    roots = [content] if content is not None else []
    roots += [el for _, el in matches(page, "attachments")]
    patterns = [re.compile(p, re.IGNORECASE) for r in page.chain for p in r.attachment_url]
    found: list[str] = []
    for root in roots:
        for href in root.xpath(".//a/@href | self::a/@href"):
            href = str(href).strip()
            wanted = DOCUMENT_LINK.search(href) or any(p.search(href) for p in patterns)
            if wanted and (absolute := web_link(page.base, href)):
                found.append(absolute)
    return list(dict.fromkeys(found))


def canonical_url(page: Page) -> str | None:
    """The page's ``<link rel="canonical">``, absolute."""
    for href in page.tree.xpath(
        "//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href"
    ):
        if absolute := web_link(page.base, str(href)):
            return absolute
    return None
