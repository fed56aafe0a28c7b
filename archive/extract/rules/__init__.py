"""Per-CMS extraction rules, as data: one module per CMS.

Each :class:`CmsRule` says how to recognise a CMS (generator meta, markup
markers, URL shapes) and where its pages keep the article's parts (content,
title, date, byline, lead, attachments) and their chrome (``prune``). A
registry site entry can add its own selectors through ``hints``; those win
over the CMS rule, which wins over :data:`GENERIC`.

Selectors are strings: XPath when they start with ``/``, ``./`` or ``(``,
CSS otherwise (:mod:`.selectors`). ``article_url`` and ``listing_url`` are
regular expressions over the URL (path and query) of article and listing
pages; the crawler uses them to tell the two apart (registry notes §2), so
keep them specific. The lists every CMS shares (chrome class words,
boilerplate lines, what is always pruned) are in :mod:`.boilerplate`.

Adding a CMS is adding a file: write ``rules/<id>.py`` defining
``RULE = CmsRule(id="<id>", ...)`` (the other modules are examples; the
helpers ``has_class`` and ``with_class`` are in :mod:`.rule`), then add
``"<id>"`` to :data:`CMS`. Order matters: detection breaks a tie in favour of
the earlier rule, and :func:`url_kind` tries rules in this order. The generic
rule (:mod:`.generic`) is always last. Each rule is also reachable under its
id in capitals (``rules.NUKEVIET``), as when the rules were one module.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from importlib import import_module
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from archive.extract.rules.boilerplate import (
    ATTACHMENT_LABEL,
    BOILERPLATE_LINES,
    BOILERPLATE_PRUNE,
    CHROME_WORDS,
    RELATED_HEADING,
    SIDEBAR_MARKS,
)
from archive.extract.rules.generic import RULE as GENERIC
from archive.extract.rules.rule import CmsRule
from archive.extract.rules.selectors import compile_selector, is_xpath, page_marks, select

__all__ = [
    "ATTACHMENT_LABEL",
    "BOILERPLATE_LINES",
    "RELATED_HEADING",
    "SIDEBAR_MARKS",
    "BOILERPLATE_PRUNE",
    "CHROME_WORDS",
    "CMS",
    "GENERIC",
    "RULES",
    "CmsRule",
    "compile_selector",
    "detect_cms",
    "is_xpath",
    "page_marks",
    "rule_from_hints",
    "rules_for",
    "select",
    "url_kind",
]

#: The CMS rule modules, in detection order (the generic rule follows them all).
CMS: tuple[str, ...] = (
    "nukeviet",
    "liferay",
    "websphere",
    "drupal",
    "joomla",
    "dotnetnuke",
    "kentico",
    "aspnet",
    "phpnuke",
    "wordpress",
)


def _rule(module: str) -> CmsRule:
    """The ``RULE`` of one CMS module; its id is the module's name, so :data:`CMS` lists ids."""
    rule = import_module(f"{__name__}.{module}").RULE
    assert isinstance(rule, CmsRule) and rule.id == module, module
    return rule


RULES: dict[str, CmsRule] = {r.id: r for r in (*map(_rule, CMS), GENERIC)}


def __getattr__(name: str) -> CmsRule:
    """``rules.NUKEVIET`` and the like: each rule under its id in capitals."""
    if name.isupper() and name.lower() in RULES:
        return RULES[name.lower()]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --------------------------------------------------------------------------- detection


def detect_cms(
    tree: Any, url: str, hint: str | None = None, marks: frozenset[str] | None = None
) -> str | None:
    """The CMS id of a page: the registry hint, else generator meta, markers and URL shape.

    Returns None when nothing points to a known CMS (the generic rules apply).
    ``marks``: the page's :func:`page_marks`, which rule out markers it cannot hold.
    """
    if hint and hint in RULES:
        return hint
    generator = _generator(tree) if tree is not None else ""  # read once for every rule
    scores = {
        rule.id: _score(rule, tree, url, generator, marks)
        for rule in RULES.values()
        if rule.id != "generic"
    }
    best = max(scores.items(), key=lambda kv: kv[1], default=("", 0))
    return best[0] if best[1] > 0 else None


def _score(rule: CmsRule, tree: Any, url: str, generator: str, marks: frozenset[str] | None) -> int:
    score = 0
    if generator and any(re.search(p, generator, re.IGNORECASE) for p in rule.generator):
        score += 6
    if tree is not None:
        score += 2 * sum(1 for m in rule.markers if select(tree, m, marks))
    target = _path_and_query(url)
    if any(re.search(p, target, re.IGNORECASE) for p in rule.article_url + rule.listing_url):
        score += 1
    return score


_GENERATORS = etree.XPath("//meta[translate(@name, 'GENRATO', 'genrato')='generator']/@content")


def _generator(tree: Any) -> str:
    values = _GENERATORS(tree)
    return " ".join(str(v) for v in values)


def _path_and_query(url: str) -> str:
    parts = urlsplit(url or "")
    return parts.path + ("?" + parts.query if parts.query else "")


def url_kind(url: str, cms: str | None = None) -> str | None:
    """'article' or 'listing' when a CMS rule's URL shapes recognise ``url``, else None."""
    target = _path_and_query(url)
    rules = [RULES[cms]] if cms in RULES else list(RULES.values())
    for rule in rules:
        if any(re.search(p, target, re.IGNORECASE) for p in rule.listing_url):
            return "listing"
        if any(re.search(p, target, re.IGNORECASE) for p in rule.article_url):
            return "article"
    return None


# --------------------------------------------------------------------------- hints

_HINT_FIELDS = ("content", "title", "date", "byline", "source", "lead")


def rules_for(cms: str | None, hints: Mapping[str, Any] | None = None) -> list[CmsRule]:
    """The rules to try, most specific first: site hints, the CMS rule, the generic rule."""
    chain: list[CmsRule] = []
    hint_rule = rule_from_hints(hints or {})
    if hint_rule is not None:
        chain.append(hint_rule)
    if cms in RULES and cms != "generic":
        chain.append(RULES[cms])
    chain.append(GENERIC)
    return chain


def rule_from_hints(hints: Mapping[str, Any]) -> CmsRule | None:
    """A registry site's ``hints`` table as a rule (``author`` is an alias of ``byline``)."""
    values: dict[str, Any] = {}
    for name in _HINT_FIELDS:
        key = "author" if name == "byline" and "author" in hints else name
        if isinstance(hints.get(key), str) and hints[key]:
            values[name] = (hints[key],)
    prune = hints.get("prune")
    if isinstance(prune, list | tuple):
        values["prune"] = tuple(p for p in prune if isinstance(p, str) and p)
    if not values:
        return None
    return replace(CmsRule(id="site", name="site hints"), **values)
