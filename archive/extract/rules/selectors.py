"""Selector strings: XPath when they start with ``/``, ``./`` or ``(``, CSS otherwise."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lxml import etree
from lxml.cssselect import CSSSelector


def is_xpath(text: str) -> bool:
    return text.startswith(("/", "./", "("))


@lru_cache(maxsize=1024)
def compile_selector(text: str) -> etree.XPath | None:
    """An XPath or CSS selector, compiled once; None when it does not parse."""
    try:
        if is_xpath(text):
            return etree.XPath(text)
        return etree.XPath(CSSSelector(text).path)
    except Exception:  # noqa: BLE001 - a broken selector in a hint must not stop extraction
        return None


def select(tree: Any, text: str) -> list[Any]:
    """Elements matched by one selector string (never raises)."""
    compiled = compile_selector(text)
    if compiled is None:
        return []
    try:
        found = compiled(tree)
    except Exception:  # noqa: BLE001 - e.g. an XPath that evaluates to a number
        return []
    return [f for f in found if isinstance(f, etree.ElementBase)] if isinstance(found, list) else []
