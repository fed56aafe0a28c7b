"""Selector strings: XPath when they start with ``/``, ``./`` or ``(``, CSS otherwise.

Most selectors of a rule chain cannot match a given page: they name class words
or ids of another CMS, or of a layout the page does not use. Evaluating each
one walks the whole tree, so :func:`select` first checks, when given the page's
:func:`page_marks`, that the marks the selector requires are there at all
(:func:`needs`). The check only skips a selector that would have found nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import cssselect
from lxml import etree
from lxml.cssselect import CSSSelector

#: What a selector requires, as alternatives: it can match only if every mark of one
#: alternative is among the page's marks. ``None``: nothing known, always evaluated.
Needs = tuple[frozenset[str], ...] | None

#: Attributes whose values a page's marks record: class words ("." + word), ids ("#" +
#: value) and itemprop values ("itemprop=" + value), each read by one XPath in C.
_CLASSES = etree.XPath("//@class", smart_strings=False)
_IDS = etree.XPath("//@id", smart_strings=False)
_ITEMPROPS = etree.XPath("//@itemprop", smart_strings=False)

_HAS_CLASS = r"contains\(concat\(' ', normalize-space\(@class\), ' '\), ' ([^'\s]+) '\)"
#: The XPath that ``rule.with_class`` writes: ``//*[self::a or ...][@class][<class> or ...]``.
_WITH_CLASS = re.compile(
    r"//\*\[self::\w+(?: or self::\w+)*\]\[@class\]\[(" + _HAS_CLASS + r"(?: or " + _HAS_CLASS
    + r")*)\]"
)  # fmt: skip


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


def select(tree: Any, text: str, marks: frozenset[str] | None = None) -> list[Any]:
    """Elements matched by one selector string (never raises).

    ``marks``: the :func:`page_marks` of the document ``tree`` belongs to (or of a
    document it was copied from); a selector requiring marks it lacks is not evaluated.
    """
    if marks is not None and not possible(text, marks):
        return []
    compiled = compile_selector(text)
    if compiled is None:
        return []
    try:
        found = compiled(tree)
    except Exception:  # noqa: BLE001 - e.g. an XPath that evaluates to a number
        return []
    return [f for f in found if isinstance(f, etree.ElementBase)] if isinstance(found, list) else []


def page_marks(tree: Any) -> frozenset[str]:
    """The class words, ids and itemprop values of a document, as :func:`needs` names them.

    Class words are split at any whitespace: a word a selector names (none holds
    whitespace) is then among them whenever XPath's ``normalize-space`` finds it.
    """
    try:
        words = " ".join(_CLASSES(tree)).split()
        ids = _IDS(tree)
        props = _ITEMPROPS(tree)
    except (etree.XPathError, TypeError, ValueError):
        return frozenset()
    return frozenset(
        [*("." + w for w in words), *("#" + i for i in ids), *("itemprop=" + p for p in props)]
    )


def possible(text: str, marks: frozenset[str]) -> bool:
    """The selector may match a page with these marks (False: it cannot)."""
    required = needs(text)
    return required is None or any(alternative <= marks for alternative in required)


@lru_cache(maxsize=1024)
def needs(text: str) -> Needs:
    """The marks a selector requires (see :data:`Needs`): read from a CSS selector's parse,
    or from the XPath ``rule.with_class`` writes; other XPath requires nothing known."""
    if is_xpath(text):
        found = _WITH_CLASS.fullmatch(text)
        if found is None:
            return None
        return tuple(frozenset(["." + word]) for word in re.findall(_HAS_CLASS, found.group(1)))
    try:
        groups = cssselect.parse(text)
    except Exception:  # noqa: BLE001 - compile_selector gives up on it too
        return None
    return tuple(frozenset(_css_marks(group.parsed_tree)) for group in groups)


def _css_marks(node: Any) -> list[str]:
    """Marks every match of a parsed CSS selector carries, or that some element of the page
    must carry for it to match (a combinator's other side). Arguments of ``:not()``, ``:is()``,
    ``:has()`` and other functions are not read: they require nothing for certain."""
    if isinstance(node, cssselect.parser.Class):
        return ["." + node.class_name, *_css_marks(node.selector)]
    if isinstance(node, cssselect.parser.Hash):
        return ["#" + node.id, *_css_marks(node.selector)]
    if isinstance(node, cssselect.parser.Attrib):
        own = []
        value = getattr(node.value, "value", node.value)
        if node.namespace is None and node.operator == "=" and isinstance(value, str):
            if node.attrib == "id":
                own = ["#" + value]
            elif node.attrib == "itemprop":
                own = ["itemprop=" + value]
        return own + _css_marks(node.selector)
    if isinstance(node, cssselect.parser.CombinedSelector):
        return _css_marks(node.selector) + _css_marks(node.subselector)
    inner = getattr(node, "selector", None)  # Pseudo, Function, Negation, Matching...
    return _css_marks(inner) if inner is not None else []
