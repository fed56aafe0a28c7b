"""The headline of a parsed page: heading candidates, scored and chosen.

Candidates are the rules' title matches and ``h1``-``h3`` outside the chrome;
:mod:`archive.extract.titles` scores, chooses and cleans them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from typing import Any

from lxml import etree

from archive.extract import bylines, dates, titles
from archive.extract.chrome import (
    chrome_marked,
    in_chrome,
    is_chrome_line,
    is_related_heading,
    link_dense,
)
from archive.extract.dating import date_follows, dated_first_line, posted_date
from archive.extract.tree import BLOCKS, Page, content_node, matches, text_of

GENERIC = "generic"
#: Elements looked at above the first paragraph of the text for a headline.
ABOVE_WINDOW = 30
#: Weight of the headline found above the text (between an h2 and an h1).
ABOVE_WEIGHT = 1.75
_TITLE_CLASS = re.compile(r"title|tieude|tieu-de|headline", re.IGNORECASE)
_NOT_TITLE_CLASS = re.compile(r"site|box|block|portlet|widget|menu|logo|cat", re.IGNORECASE)


#: Where a title read from the page's metadata came from.
FROM_OG, FROM_TITLE_TAG = "meta", "title-tag"


def find_title(page: Page) -> tuple[str, Any | None, str | None]:
    """The headline, its element (None when only ``<title>`` or og:title had it) and the path
    that found it: a rule's path, "generic" for a heading, "meta" (og:title) or "title-tag"."""
    page_title = _page_title(page)
    og = titles.clean_title(_meta(page.tree, "og:title") or _meta(page.tree, "twitter:title"))
    elements = list(_title_elements(page))
    texts = [_without_topic(headline_text(el), page_title or og) for el, _, _ in elements]
    candidates = [
        titles.Candidate(texts[i], weight, i, date_follows(el))
        for i, (el, weight, _) in enumerate(elements)
    ]
    chosen = titles.choose(candidates, page_title, og)
    if not chosen:
        return "", None, None
    for (el, _, path), text in zip(elements, texts, strict=True):
        if titles.clean_title(text) == chosen:
            return chosen, el, path
    return chosen, _showing(page, chosen), (FROM_OG if chosen == og else FROM_TITLE_TAG)


def _showing(page: Page, title: str) -> Any | None:
    """The element that prints a title found in the metadata (Odoo's ``div`` headline):
    the date and byline are looked for beside it."""
    body = page.tree.find("body")
    for el in body.iter() if body is not None else ():
        if isinstance(el.tag, str) and len(el) == 0 and titles.clean_title(text_of(el)) == title:
            return None if in_chrome(el) else el
    for el in body.iter() if body is not None else ():
        if isinstance(el.tag, str) and _topic_before(titles.clean_title(text_of(el)), title):
            return None if in_chrome(el) else el
    return None


#: ``Hoạt động nhà trường : Headline`` (XOOPS's item head): the topic, then the headline.
_TOPIC = re.compile(r"^[^:»|]{2,60}\s[:»|]\s+$")


def _without_topic(text: str, page_title: str) -> str:
    """``Hoạt động nhà trường : Headline`` as ``Headline`` when ``<title>`` has it so."""
    _, sep, rest = titles.clean_title(text).partition(" : ")
    topical = sep and rest and _topic_before(titles.clean_title(text), rest)
    return rest if topical and titles.in_page_title(rest, page_title) else text


def _topic_before(text: str, title: str) -> bool:
    return text.endswith(title) and bool(_TOPIC.match(text[: -len(title)]))


def headline_text(el: Any) -> str:
    """The element's text without a date printed inside it (``Headline (14/06/2017, 15:42)``)
    or a badge before it (DSpace's ``<div class="badge">Tài liệu</div>`` in the ``h1``)."""
    text = text_of(el)
    if len(el) == 0:
        return text
    for child in el.iterdescendants():
        own = text_of(child) if isinstance(child.tag, str) else ""
        if own and own != text and (dates.is_date_line(own) or _badge(child)):
            text = text.replace(own, " ", 1)
    return text


def _badge(el: Any) -> bool:
    classes = el.get("class", "").lower().split()
    return len(text_of(el)) <= 30 and any(c in ("badge", "label", "tag") for c in classes)


def _title_elements(page: Page) -> Iterator[tuple[Any, float, str]]:
    seen: set[Any] = set()
    for rule, el in matches(page, "title"):
        if el not in seen:
            seen.add(el)
            yield (
                el,
                6.0 if rule.id == "site" else (4.0 if rule.id != "generic" else 3.0),
                rule.path,
            )
    first = _first_paragraph(page)
    text_at = page.position(first) if first is not None else None
    headings = [
        el
        for el in _HEADINGS(page.tree)
        if el not in seen and not in_chrome(el) and not _links_home(el)
    ]
    nearest = max(
        (el for el in (*seen, *headings) if text_at is None or page.position(el) < text_at),
        key=page.position,
        default=None,
    )
    for el in headings:
        seen.add(el)
        yield el, HEADING_WEIGHT[_level(el)] + _placement(page, el, text_at, nearest), GENERIC
    marked_up = any(
        el.tag not in ("h2", "h3") and (text_at is None or page.position(el) < text_at)
        for el in seen
    )  # a rule's title or an h1 above the text: the headline is marked up, unless the
    # line right over the text has the date under it (an h1 naming the wiki space)
    above = _above_text(page)
    if above is not None and above not in seen and (not marked_up or date_follows(above)):
        yield above, ABOVE_WEIGHT, GENERIC


HEADING_WEIGHT = {"h1": 2.0, "h2": 1.5, "h3": 1.0}
#: Headings: ``h1`` to ``h3``, and an element that says it is one (TERMINALFOUR's
#: ``<div role="heading" aria-level="1">``).
_HEADINGS = etree.XPath(
    "//*[self::h1 or self::h2 or self::h3"
    " or (@role='heading' and (not(@aria-level) or @aria-level<=3))]"
)


def _level(el: Any) -> str:
    """``h1`` to ``h3``, an ARIA heading by its level (2 where it gives none)."""
    if el.tag in HEADING_WEIGHT:
        return str(el.tag)
    level = el.get("aria-level", "2")
    return f"h{level}" if f"h{level}" in HEADING_WEIGHT else "h2"


#: A link to a site's home page: its root, or its index page.
_HOME = re.compile(r"^(?:https?://[^/]+)?/?(?:(?:index|default|home)\.\w{2,5})?$", re.IGNORECASE)


def _links_home(el: Any) -> bool:
    """A heading that is nothing but a link to the home page: the site's name (SharePoint's
    ``h1`` in ``s4-titletext``), not the article's headline."""
    links = el.findall(".//a")
    return (
        len(links) == 1
        and bool(_HOME.match(links[0].get("href", "x").strip()))
        and text_of(links[0]) == text_of(el)
    )


def _placement(page: Page, el: Any, text_at: int | None, nearest: Any | None) -> float:
    """A heading right above the text is the likeliest headline (a forum's post under the
    forum's name); one below the text's start is a section of it, or a converted PDF's
    "Document Outline"."""
    if text_at is None:
        return 0.0
    if page.position(el) > text_at:
        return -3.0
    return 1.0 if el is nearest else 0.0


def _above_text(page: Page) -> Any | None:
    """The generic headline: the nearest short, emphasised line above the first paragraph
    of the text (a ``<b><font size=4>`` in a centred ``<p>``, a ``div.news_title``),
    skipping date lines and bylines."""
    first = _first_paragraph(page)
    if first is None:
        return None
    start = page.position(first)
    window = list(islice(page.order, max(0, start - ABOVE_WINDOW), start))
    holders = set(first.iterancestors())
    lines = [
        (el, text_of(el) if isinstance(el.tag, str) and el not in holders else "")
        for el in reversed(window)
    ]
    for i, (el, text) in enumerate(lines):
        if not text or len(text) > 250:
            continue
        if dates.is_date_line(text) or bylines.parse_byline(text) or is_chrome_line(text):
            continue
        if dated_first_line(el) or bylines.unit_signature(text):
            continue  # a meta block's date line, a unit's byline (Roller's ``entryByline``)
        if posted_date(text):
            continue  # ``Đăng bởi quantri lúc 09 Tháng 4 2021`` under the headline
        if bylines.is_role_line(text) and not _emphasised(el) and _byline_over(lines[i:], text):
            continue  # the author's role under the name (``Giảng viên Khoa Xây dựng Đảng``)
        if in_chrome(el):
            return None
        headline_like = (
            _emphasised(el) or _repeated_in_title(page, text) or _plain_over_date(el, text)
        )
        if headline_like and 2 <= len(titles.words(text)) <= 60:
            return el
        if el.tag in BLOCKS:
            return None  # a plain line (a lead, a caption) sits between: no headline here
    return None


def _byline_over(lines: list[tuple[Any, str]], text: str) -> bool:
    """The next line up is a byline: ``text`` is the author's role under the name."""
    above = next((t for _, t in lines if t and t != text), "")
    return bool(above) and bylines.parse_byline(above) is not None


def _plain_over_date(el: Any, text: str) -> bool:
    """A plain block right over the post's date line (e107's ``div.caption``), not a label
    of it (``Ngày đăng:``, ``Đăng bởi quantri``)."""
    return (
        el.tag in BLOCKS
        and len(titles.words(text)) >= 4
        and not text.rstrip().endswith(":")
        and bylines.parse_byline(text) is None
        and date_follows(el)
    )


def _page_title(page: Page) -> str:
    """The page's ``<title>``, cleaned: read once per page, asked for per candidate line."""
    if "page_title" not in page.memo:
        page.memo["page_title"] = titles.clean_title(_TITLE_TAG(page.tree))
    return str(page.memo["page_title"])


def _repeated_in_title(page: Page, text: str) -> bool:
    """A plain line the ``<title>`` repeats (PHP-Fusion's ``td.capmain``): the headline."""
    page_title = _page_title(page)
    return len(titles.words(text)) >= 4 and titles.in_page_title(
        titles.clean_title(text), page_title
    )


def container_below(page: Page, title_el: Any | None) -> tuple[Any, str] | None:
    """When no rule names the article's container: the smallest block holding both the
    headline and the first paragraph of the text (a FrontPage cell, a hand-made ``div``),
    never the whole page; with the first paragraph's text, where the text starts."""
    first = _first_paragraph(page) if title_el is not None else None
    if first is None or title_el is None:
        return None
    ancestors = set(title_el.iterancestors())
    for anc in first.iterancestors():
        if anc in ancestors:
            if anc.tag in ("html", "body") or in_chrome(anc) or _holds_chrome(anc):
                block = _text_block(first, ancestors)
                return (block, text_of(first)) if block is not None else None
            return anc, text_of(first)
    return None


def flat_span(page: Page, title_el: Any | None) -> tuple[int, int] | None:
    """On a flat page, whose headline and text are blocks straight under ``<body>`` (a page
    saved from a word processor): the body's children from the headline's up to a list of
    other news after the text. The masthead above and the footer below are not the article's.
    """
    body = page.tree.find("body")
    first = _first_paragraph(page)
    if body is None or title_el is None or first is None:
        return None
    children = list(body)
    top, text_top = _child_of(body, title_el), _child_of(body, first)
    if top is None or text_top is None or children.index(top) >= children.index(text_top):
        return None
    after = range(children.index(text_top) + 1, len(children))
    end = next((i for i in after if is_related_heading(children[i])), len(children))
    return children.index(top), end


def _child_of(body: Any, el: Any) -> Any | None:
    return next((a for a in (el, *el.iterancestors()) if a.getparent() is body), None)


def _text_block(first: Any, above_title: set[Any]) -> Any | None:
    """The largest block around the first paragraph that holds neither the headline nor
    chrome: the text's own cell when headline, text and other news share a layout table.
    A first "paragraph" that is a ``div`` or a cell holds the whole ``<br>`` body itself."""
    block = first if first.tag in ("div", "td") else None
    for anc in first.iterancestors():
        if anc in above_title or anc.tag in ("html", "body") or in_chrome(anc):
            break
        if _holds_chrome(anc):
            break
        block = anc
    return block


def _holds_chrome(el: Any) -> bool:
    """A page wrapper rather than the article: menus, sidebars or widgets inside it."""
    return any(
        isinstance(d.tag, str) and (d.tag in ("nav", "aside") or chrome_marked(d))
        for d in el.iterdescendants()
    )


def _first_paragraph(page: Page) -> Any | None:
    """The first block of the text: a paragraph of prose in the article's container (or page)."""
    if "first" not in page.memo:
        page.memo["first"] = _find_first_paragraph(page)
    return page.memo["first"]


def _find_first_paragraph(page: Page) -> Any | None:
    root = content_node(page)
    for el in (root if root is not None else page.tree).iter("p", "div", "td"):
        if any(isinstance(c.tag, str) and c.tag in BLOCKS for c in el) and not _loose_text(el):
            prose = _prose_child(el)
            if prose is not None and not in_chrome(prose):
                return prose
            continue
        long = len(el.text_content()) >= 150 and len(text_of(el)) >= 150
        if long and not in_chrome(el) and not link_dense(el):  # a menu cell is links
            return _run_start(el)
    body = page.tree.find("body")
    if body is not None and root is None and (loose := _first_loose_line(body)) is not None:
        return loose
    return _first_of_short_paragraphs(root if root is not None else page.tree)


def _run_start(el: Any) -> Any:
    """The first of the prose paragraphs right before ``el`` (a first paragraph of 140
    characters over a longer second one)."""
    while (
        el.tag == "p"
        and (before := el.getprevious()) is not None
        and before.tag == "p"
        and len(text := text_of(before)) >= SHORT_PARAGRAPH
        and text.endswith((".", "!", "?", "”", '"', "…"))  # a sentence, not a headline
    ):
        el = before
    return el


#: A short news item's paragraphs: two in a row of at least this length.
SHORT_PARAGRAPH = 80


def _first_of_short_paragraphs(root: Any) -> Any | None:
    """A short news item, none of whose paragraphs reaches 150 characters: the first of
    two prose paragraphs a photo at most apart."""
    for el in root.iter("p"):
        if len(text_of(el)) < SHORT_PARAGRAPH or in_chrome(el):
            continue
        after = [s for s in islice(el.itersiblings(), 2) if isinstance(s.tag, str)]
        if any(s.tag == "p" and len(text_of(s)) >= SHORT_PARAGRAPH for s in after):
            return el
    return None


#: A line of prose in a converted document (a headline or a running header is shorter).
PROSE_LINE = 80


def _first_loose_line(body: Any) -> Any | None:
    """A page whose text is loose in ``<body>`` (pdftohtml's plain output, a line per
    ``<br>``): the element whose tail starts the prose, once the body holds enough of it."""
    if not _loose_text(body):
        return None
    for child in body:
        if len(" ".join((child.tail or "").split())) >= PROSE_LINE:
            return child
    return None


def _loose_text(el: Any) -> bool:
    """Prose straight in the element, between its children: a ``<br><br>`` body with a
    photo's table in the middle is still the text's first block."""
    loose = (el.text or "") + "".join(c.tail or "" for c in el)
    return len(" ".join(loose.split())) >= 150


#: Inline children that are never the text: a link, and code (a published Google Doc's
#: ``<style>`` sits in its body, beside the document).
_NOT_PROSE = frozenset(["a", "style", "script", "noscript", "template"])


def _prose_child(el: Any) -> Any | None:
    """An inline child holding prose beside the block ones: ``<font>`` paragraphs over a
    signature's ``<div>`` (a Lotus Domino form), a Perl script's ``<font>`` body under the
    headline's ``<p>``."""
    for child in el:
        if not isinstance(child.tag, str) or child.tag in BLOCKS or child.tag in _NOT_PROSE:
            continue
        if any(isinstance(d.tag, str) and d.tag in BLOCKS for d in child.iterdescendants()):
            continue
        if len(text_of(child)) >= 150:
            return child
    return None


def _emphasised(el: Any) -> bool:
    """Printed as a headline: a heading, a title-like class, or bold/large type."""
    classes = f"{el.get('class', '')} {el.get('id', '')}"
    if el.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return True
    if _TITLE_CLASS.search(classes) and not _NOT_TITLE_CLASS.search(classes):
        return True
    if el.tag in ("b", "strong") or (el.tag == "font" and el.get("size", "") in ("4", "5", "6")):
        return True
    return bool(_BOLD_STYLE.search(el.get("style", "")))


#: Inline styles of a headline (an e-mail newsletter's cells): bold, or large type.
_BOLD_STYLE = re.compile(
    r"font-weight\s*:\s*(?:bold|[6-9]00)|font-size\s*:\s*(?:1[8-9]|[2-4]\d)px", re.IGNORECASE
)


_META = etree.XPath("//meta[@property=$name or @name=$name]/@content")
_TITLE_TAG = etree.XPath("string((//title)[1])")


def _meta(tree: Any, name: str) -> str:
    found = _META(tree, name=name)
    return str(found[0]).strip() if found else ""
