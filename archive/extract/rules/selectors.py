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

from archive.extract.rules.rule import has_class

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
    r"(//\*\[self::\w+(?: or self::\w+)*\]\[@class\])\[(" + _HAS_CLASS + r"(?: or "
    + _HAS_CLASS + r")*)\]"
)  # fmt: skip


def is_xpath(text: str) -> bool:
    return text.startswith(("/", "./", "("))


@lru_cache(maxsize=1024)
def compile_selector(text: str) -> etree.XPath | None:
    """An XPath or CSS selector, compiled once; None when it does not parse."""
    try:
        if is_xpath(text):
            return etree.XPath(attribute_first(text))
        return etree.XPath(CSSSelector(text).path)
    except Exception:  # noqa: BLE001 - a broken selector in a hint must not stop extraction
        return None


def select(tree: Any, text: str, marks: frozenset[str] | None = None) -> list[Any]:
    """Elements matched by one selector string (never raises).

    ``marks``: the :func:`page_marks` of the document ``tree`` belongs to (or of a
    document it was copied from); a selector requiring marks it lacks is not evaluated.
    """
    if marks is not None:
        if not possible(text, marks):
            return []
        text = narrowed(text, marks)
    compiled = compile_selector(text)
    if compiled is None:
        return []
    try:
        found = compiled(tree)
    except Exception:  # noqa: BLE001 - e.g. an XPath that evaluates to a number
        return []
    return [f for f in found if isinstance(f, etree.ElementBase)] if isinstance(found, list) else []


#: ``//*[TEST]`` or ``//*[self::a or self::b][TEST]`` whose test is one or more tests of
#: the same attribute joined by ``or`` (``//a[...]`` is left alone: a name test is cheap).
_ELEMENT_TEST = re.compile(r"//\*(\[self::\w+(?: or self::\w+)*\])?\[(.+)\]")
_LITERAL = r"'[^']*'"
#: Tests of an attribute ``{a}`` that are false on an element without it: an empty node-set
#: is not equal to a string, and its string ('') contains no literal that is not empty.
_ATTRIBUTE_TESTS = (
    r"{a}='[^']+'",
    r"(?:contains|starts-with)\({a}, '[^']+'\)",
    r"contains\(translate\({a}, '[^']*', '[^']*'\), '[^']+'\)",
    r"contains\(concat\(' ', (?:normalize-space\({a}\)|translate\({a}, '[^']*', '[^']*'\)), ' '\),"
    r" ' [^']+ '\)",
)


@lru_cache(maxsize=1024)
def attribute_first(xpath: str) -> str:
    """An XPath testing one attribute of every element, as the same test of the attribute
    nodes, then their elements: ``//*[contains(@class, 'sapo')]`` as
    ``//@class[contains(., 'sapo')]/..``. The same elements in document order (each holds
    the attribute once; the tests are false where it is missing), without a test of each
    element that lacks it: several times cheaper on a page of a few thousand elements.
    Any other XPath is returned as it is."""
    found = _ELEMENT_TEST.fullmatch(xpath)
    names = set(re.findall(r"@([\w-]+)", re.sub(_LITERAL, "", found.group(2)))) if found else ()
    if not found or len(names) != 1:
        return xpath
    tags, test = found.groups()
    attribute = "@" + next(iter(names))
    term = "|".join(t.format(a=re.escape(attribute)) for t in _ATTRIBUTE_TESTS)
    if not re.fullmatch(f"(?:{term})(?: or (?:{term}))*", test):
        return xpath
    on_node = re.sub(f"{_LITERAL}|{re.escape(attribute)}(?![\\w-])", _on_node(attribute), test)
    parent = f"/parent::*{tags}" if tags else "/.."
    return f"//{attribute}[{on_node}]{parent}"


def _on_node(attribute: str) -> Any:
    """``@name`` as ``.`` (the attribute node itself), literals left as they are."""
    return lambda m: "." if m.group(0) == attribute else m.group(0)


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
        words = _class_words(text)
        return None if words is None else tuple(frozenset(["." + word]) for word in words)
    try:
        groups = cssselect.parse(text)
    except Exception:  # noqa: BLE001 - compile_selector gives up on it too
        return None
    return tuple(frozenset(_css_marks(group.parsed_tree)) for group in groups)


def narrowed(text: str, marks: frozenset[str]) -> str:
    """A ``with_class`` XPath testing only the class words the page has: the same matches,
    and each element is tested for one or two words instead of a dozen."""
    words = _class_words(text)
    if words is None:
        return text
    present = tuple(word for word in words if "." + word in marks)
    return _with_words(text, present) if present and len(present) < len(words) else text


@lru_cache(maxsize=1024)
def _class_words(text: str) -> tuple[str, ...] | None:
    """The class words of a ``with_class`` XPath (None for any other selector)."""
    found = _WITH_CLASS.fullmatch(text)
    return tuple(re.findall(_HAS_CLASS, found.group(2))) if found else None


@lru_cache(maxsize=4096)
def _with_words(text: str, words: tuple[str, ...]) -> str:
    head = _WITH_CLASS.fullmatch(text).group(1)  # type: ignore[union-attr]
    return head + "[" + " or ".join(has_class(word) for word in words) + "]"


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
