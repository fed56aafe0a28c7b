"""The shape of one CMS rule, and the XPath helpers the rule modules share."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CmsRule:
    """What one CMS looks like and where its article pages keep each part."""

    id: str
    name: str
    #: regexes matched (case-insensitively) against ``<meta name="generator">``
    generator: tuple[str, ...] = ()
    #: selectors whose presence signals the CMS
    markers: tuple[str, ...] = ()
    #: URL regexes of article pages (used by the crawler too)
    article_url: tuple[str, ...] = ()
    #: URL regexes of listing pages: categories, pagers, tags (used by the crawler)
    listing_url: tuple[str, ...] = ()
    content: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    byline: tuple[str, ...] = ()
    #: elements whose whole text is the source an item was republished from
    source: tuple[str, ...] = ()
    lead: tuple[str, ...] = ()
    #: blocks listing attached files outside the body
    attachments: tuple[str, ...] = ()
    #: URL regexes of downloads that do not end in a document extension
    attachment_url: tuple[str, ...] = ()
    prune: tuple[str, ...] = ()
    notes: str = ""

    @property
    def path(self) -> str:
        """How an article records a field this rule found: "site", "cms:<id>" or "generic"."""
        return self.id if self.id in ("site", "generic") else f"cms:{self.id}"


def has_class(name: str) -> str:
    """XPath test for one class token (CSS ``.name`` without cssselect's cost)."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def with_class(tags: str, names: str) -> str:
    """XPath for ``tags`` (``div|p``) carrying any of the space-separated class ``names``."""
    test = " or ".join(f"self::{t}" for t in tags.split("|"))
    classes = " or ".join(has_class(n) for n in names.split())
    return f"//*[{test}][@class][{classes}]"
