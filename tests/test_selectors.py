"""Selectors skipped by a page's marks (archive/extract/rules/selectors.py): a selector is
skipped only where evaluating it would have found nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from archive.evaluate import load_cases
from archive.extract import rules
from archive.extract.rules.boilerplate import BOILERPLATE_PRUNE
from archive.extract.rules.rule import with_class
from archive.extract.rules.selectors import (
    attribute_first,
    is_xpath,
    narrowed,
    needs,
    page_marks,
    possible,
    select,
)
from archive.extract.tree import decode, parse

BLIND = Path(__file__).parent / "blind" / "pages"


def every_selector() -> list[str]:
    """Every selector string of every rule, with those the evaluation pages' hints add."""
    found: set[str] = set()
    for rule in rules.RULES.values():
        for name in ("markers", "content", "title", "date", "byline", "source", "lead",
                     "attachments", "prune"):  # fmt: skip
            found.update(getattr(rule, name))
    for case in load_cases():
        hint_rule = rules.rule_from_hints(case.hints)
        if hint_rule is not None:
            found.update(hint_rule.content + hint_rule.title + hint_rule.date + hint_rule.prune)
    return sorted(found)


@pytest.mark.parametrize("directory", [None, BLIND], ids=["evaldata", "blind"])
def test_marks_never_skip_a_selector_that_matches(directory):
    """On every evaluation page, each rule selector finds the same elements with the page's
    marks as without them, and some are skipped (else the marks would buy nothing)."""
    selectors = every_selector()
    skipped = 0
    for case in load_cases(directory):
        tree = parse(decode(case.html, case.http_encoding))
        assert tree is not None, case.id
        marks = page_marks(tree)
        for selector in selectors:
            assert select(tree, selector, marks) == select(tree, selector), (case.id, selector)
            skipped += not possible(selector, marks)
    assert skipped > 0


def test_needs_reads_css_and_with_class():
    assert needs(".news-detail .author-news") == (frozenset([".news-detail", ".author-news"]),)
    assert needs("#comments, [itemprop='author']") == (
        frozenset(["#comments"]),
        frozenset(["itemprop=author"]),
    )
    # the arguments of :not() require nothing; the element it qualifies does
    assert needs("div.a:not(.b)") == (frozenset([".a"]),)
    assert needs(with_class("div|p", "sapo lead")) == (
        frozenset([".sapo"]),
        frozenset([".lead"]),
    )
    assert needs("//div[@id='x']") is None  # other XPath: always evaluated


def test_a_with_class_xpath_tests_only_the_words_the_page_has():
    full = with_class("div|p", "sapo lead summary")
    assert narrowed(full, frozenset([".lead", "#x"])) == with_class("div|p", "lead")
    assert narrowed(full, frozenset([".lead", ".sapo", ".summary"])) == full
    assert narrowed("//div[@id='x']", frozenset()) == "//div[@id='x']"


def test_page_marks_split_class_words_at_any_whitespace():
    tree = parse("<div class='a\tb  c' id='main' itemprop='articleBody'><p>x</p></div>")
    assert page_marks(tree) == frozenset([".a", ".b", ".c", "#main", "itemprop=articleBody"])
    assert select(tree, ".b", page_marks(tree))
    assert not select(tree, ".d", page_marks(tree))


@pytest.mark.parametrize("directory", [None, *sorted(BLIND.parent.parent.glob("blind*/pages"))])
def test_an_attribute_first_xpath_finds_the_same_elements(directory):
    """Every rule (and always-pruned) XPath rewritten to test attribute nodes finds the same elements, in the
    same order, as written, on every evaluation and blind page."""
    selectors = [*every_selector(), *BOILERPLATE_PRUNE]
    rewritten = [s for s in selectors if is_xpath(s) and attribute_first(s) != s]
    assert rewritten
    pairs = [(etree.XPath(s), etree.XPath(attribute_first(s))) for s in rewritten]
    for case in load_cases(directory):
        tree = parse(decode(case.html, case.http_encoding))
        for (written, fast), selector in zip(pairs, rewritten, strict=True):
            assert written(tree) == fast(tree), (case.id, selector)


def test_attribute_first_rewrites_only_tests_false_without_the_attribute():
    assert attribute_first("//*[contains(@class, 'sapo')]") == "//@class[contains(., 'sapo')]/.."
    assert (
        attribute_first("//*[self::div or self::p][@id='a' or starts-with(@id, 'b')]")
        == "//@id[.='a' or starts-with(., 'b')]/parent::*[self::div or self::p]"
    )
    kept = [
        "//*[not(@class)]",  # true where the attribute is missing
        "//*[contains(@class, '')]",  # so is a test against the empty string
        "//*[@id='a' or @class='b']",  # two attributes
        "//div[contains(@class, 'a')]",  # a name test is cheap already
        "//*[contains(@class, 'a')]//p",
        "//*[@id='a'][@class]",
    ]
    for xpath in kept:
        assert attribute_first(xpath) == xpath
