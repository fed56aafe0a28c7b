"""Captions: figcaptions, caption classes and short italic lines under an image.

They are kept apart from the body (``Article.captions``) and pruned from it.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from archive.extract.tree import text_of

#: Caption blocks anywhere in the document. Class and style are tested on the attributes
#: (``//@class[...]/..``): the same elements in document order, without a test of every
#: element that has no such attribute (a quarter of the cost of ``//*[contains(@class, …)]``).
_CAPTION_XPATHS = tuple(
    etree.XPath(xpath)
    for xpath in (
        "//figcaption",
        "//@class[contains(., 'caption') or contains(., 'image_desc')"
        " or contains(., 'img-desc') or contains(., 'pCaption')"
        " or contains(., 'expNoEdit') or contains(., 'Caption')]/..",
        "//@class[contains(., 'image') or contains(., 'picture')]/parent::table//td[not(.//img)]",
    )
)
_ITALIC = etree.XPath("//@style[contains(translate(., 'ITALC', 'italc'), 'italic')]/..")
_IMAGES = etree.XPath(".//img")
_IMAGES_OR_SELF = etree.XPath("descendant-or-self::img")


def caption_elements(root: Any) -> list[Any]:
    """Caption blocks: figcaptions, caption classes, and short italic lines under an image."""
    found: list[Any] = []
    for xpath in _CAPTION_XPATHS:
        found.extend(el for el in xpath(root) if text_of(el))
    for el in [*root.iter("em", "i"), *_ITALIC(root)]:
        block = _caption_block(el)
        if block is not None:
            found.append(block)
    return list(dict.fromkeys(found))


def _caption_block(el: Any) -> Any | None:
    """The block holding an italic caption: it follows an image and has no other text."""
    block = el
    while block is not None and block.tag not in ("p", "div", "td", "center"):
        block = block.getparent()
    if block is None or len(text_of(block)) > 300 or text_of(block) != text_of(el):
        return None
    if _IMAGES(block):
        return el
    previous = block.getprevious()
    row = block.getparent()
    if previous is None and block.tag == "td" and row is not None and row.tag == "tr":
        previous = row.getprevious()  # the image in the row above (a newsletter's table)
    if previous is not None and _IMAGES_OR_SELF(previous) and not text_of(previous):
        return block
    return None


def find_captions(roots: list[Any]) -> list[str]:
    """The caption texts under each root (the article's container and its lead)."""
    texts: list[str] = []
    for root in roots:
        texts.extend(text_of(el) for el in caption_elements(root))
    return [t for t in texts if t]
