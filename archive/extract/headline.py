"""The headline of a parsed page: heading candidates, scored and chosen.

Candidates are the rules' title matches and ``h1``-``h3`` outside the chrome;
:mod:`archive.extract.titles` scores, chooses and cleans them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from archive.extract import titles
from archive.extract.chrome import in_chrome
from archive.extract.dating import date_follows
from archive.extract.tree import Page, matches, text_of


def find_title(page: Page) -> tuple[str, Any | None]:
    """The headline and its element (None when only ``<title>`` or og:title had it)."""
    page_title = titles.clean_title(page.tree.xpath("string((//title)[1])"))
    og = titles.clean_title(_meta(page.tree, "og:title") or _meta(page.tree, "twitter:title"))
    elements = list(_title_elements(page))
    candidates = [
        titles.Candidate(text_of(el), weight, i, date_follows(el))
        for i, (el, weight) in enumerate(elements)
    ]
    chosen = titles.choose(candidates, page_title, og)
    if not chosen:
        return "", None
    for el, _ in elements:
        if titles.clean_title(text_of(el)) == chosen:
            return chosen, el
    return chosen, None


def _title_elements(page: Page) -> Iterator[tuple[Any, float]]:
    seen: set[Any] = set()
    for rule, el in matches(page, "title"):
        if el not in seen:
            seen.add(el)
            yield el, 6.0 if rule.id == "site" else (4.0 if rule.id != "generic" else 3.0)
    for tag, weight in (("h1", 2.0), ("h2", 1.5), ("h3", 1.0)):
        for el in page.tree.iter(tag):
            if el not in seen and not in_chrome(el):
                seen.add(el)
                yield el, weight


def _meta(tree: Any, name: str) -> str:
    found = tree.xpath(f"//meta[@property='{name}' or @name='{name}']/@content")
    return str(found[0]).strip() if found else ""
