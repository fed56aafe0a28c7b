"""The article's links: attached documents and the canonical URL, made absolute."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from archive.extract.chrome import chrome_marked, in_chrome
from archive.extract.tree import Page, matches
from archive.sites.urls import web_link

DOCUMENT_LINK = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|7z|odt|ods)(?:[?#]|$)", re.IGNORECASE
)


#: How schools head the list of files after an article's body (compared lowercased, NFC).
ATTACHMENT_LABELS = ("tập tin đính kèm", "tệp tin đính kèm", "tệp đính kèm", "file đính kèm",
                     "tài liệu đính kèm", "văn bản kèm theo", "tải về", "download")  # fmt: skip
_CHROME_TAGS = frozenset(["nav", "aside", "footer", "header", "form", "select"])
_AFTER_BODY_BLOCKS = 8  # siblings looked at after the body, at each of its levels
_AFTER_BODY_LEVELS = 3  # the body, its parent and its grandparent
#: XPaths compiled once (``el.xpath(text)`` compiles its text on every call).
_LINKS = etree.XPath(".//a/@href | self::a/@href")
_LINKED = etree.XPath(".//a[@href]")
_CANONICAL = etree.XPath(
    "//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href"
)


def find_attachments(page: Page, content: Any | None) -> list[str]:
    """Absolute URLs of documents linked from the body, from the rule's attachment blocks,
    and from labelled blocks after the body ("Tập tin đính kèm:", "File đính kèm", "Tải
    về", "Văn bản kèm theo"), never from menus and sidebars."""
    roots = [content] if content is not None else []
    roots += [el for _, el in matches(page, "attachments")]
    roots += labelled_blocks(page, content)
    patterns = [re.compile(p, re.IGNORECASE) for r in page.chain for p in r.attachment_url]
    found: list[str] = []
    for root in roots:
        for href in _LINKS(root):
            href = str(href).strip()
            wanted = DOCUMENT_LINK.search(href) or any(p.search(href) for p in patterns)
            if wanted and (absolute := web_link(page.base, href)):
                found.append(absolute)
    return list(dict.fromkeys(found))


def canonical_url(page: Page) -> str | None:
    """The page's ``<link rel="canonical">``, absolute."""
    for href in _CANONICAL(page.tree):
        if absolute := web_link(page.base, str(href)):
            return absolute
    return None


def labelled_blocks(page: Page, content: Any | None) -> list[Any]:
    """The attachment blocks that follow the body: a sibling of the body (or of its parent
    or grandparent: the block often closes the article's wrapper) whose text opens with an
    attachment label, plus the block right after a label that is a heading alone. Without
    a body element (the generic path), any such block of the page outside the chrome."""
    if content is None:
        candidates: list[Any] = [
            el for el in page.tree.iter("div", "p", "table", "section", "span", "strong", "b",
                                        "h3", "h4", "h5", "fieldset") if not in_chrome(el)
        ]  # fmt: skip
    else:
        candidates = []
        node = content
        for _ in range(_AFTER_BODY_LEVELS):
            candidates += list(node.itersiblings())[:_AFTER_BODY_BLOCKS]
            node = node.getparent()
            if node is None or node.tag in ("body", "html"):
                break
    found: list[Any] = []
    for el in candidates:
        if not isinstance(el.tag, str) or _chrome(el) or any(map(_chrome, el.iterdescendants())):
            continue  # a menu, a sidebar, a list of other news, or a block holding one
        opening = " ".join(el.text_content()[:80].split()).lower()
        if not opening.startswith(ATTACHMENT_LABELS):
            continue
        found.append(el)
        after = None if _LINKED(el) else el.getnext()
        if after is not None and not (_chrome(after) or any(map(_chrome, after.iterdescendants()))):
            found.append(after)  # "Tập tin đính kèm:" alone, the list follows
    return found


def _chrome(el: Any) -> bool:
    return isinstance(el.tag, str) and (el.tag in _CHROME_TAGS or chrome_marked(el))
