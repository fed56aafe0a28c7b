"""The parsed page: an lxml tree within size bounds, its rule chain, and how finders read it.

Every finder (headline, dating, credits, body, captions, links) reads the page
through these: an element's text, the matches of a rule field, the article's
container, the elements that follow one in document order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import lxml.html
from lxml import etree

from archive.extract.charset import decode_html
from archive.extract.rules import CmsRule, select
from archive.sites.urls import web_link

#: Bytes (or characters) read from a page; the rest is cut before parsing.
MAX_INPUT = 3_000_000
#: Elements parsed; bigger trees are not article pages and would only cost time.
MAX_ELEMENTS = 25_000
#: Longest text of an element still read as a date line or a byline.
SHORT_TEXT = 160
#: Elements after the body still read for an author row or a source line.
REGION_TAIL = 30

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
#: Tags that start a new line of text.
BLOCKS = frozenset(
    [
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "td",
        "th",
        "tr",
        "table",
        "ul",
        "ol",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "pre",
        "dd",
        "dt",
        "dl",
        "figure",
        "figcaption",
        "center",
        "address",
        "main",
        "aside",
        "nav",
        "form",
    ]
)


@dataclass
class Page:
    """One parsed page and what has been learned about it so far."""

    tree: Any
    url: str
    base: str
    cms: str | None
    chain: list[CmsRule]
    order: dict[Any, int] = field(default_factory=dict)
    #: What several finders ask for, found once (the container, the first paragraph).
    memo: dict[str, Any] = field(default_factory=dict)
    #: The page's class words, ids and itemprops (rules.page_marks): a rule selector naming
    #: others cannot match, and is not evaluated. None: every selector is evaluated.
    marks: frozenset[str] | None = None

    def position(self, el: Any) -> int:
        return self.order.get(el, -1)

    @contextmanager
    def reading(self) -> Iterator[None]:
        """While the page is read, :func:`text_of` keeps the text of each of its elements:
        the finders ask for the same headings, date lines and paragraphs again and again
        (35 of 87 calls a page), and the page's tree does not change (chrome is pruned
        from copies of it, whose texts are not kept)."""
        token = _PAGE_TEXTS.set(_Texts(self.order))
        try:
            yield
        finally:
            _PAGE_TEXTS.reset(token)


@dataclass
class _Texts:
    """The elements of the page being read (its ``order``), and the texts found so far."""

    order: dict[Any, int]
    memo: dict[Any, str] = field(default_factory=dict)


_PAGE_TEXTS: ContextVar[_Texts | None] = ContextVar("page_texts", default=None)


def decode(html: bytes | str, encoding: str | None) -> str:
    """NFC text of at most ``MAX_INPUT`` bytes or characters ('' for anything else)."""
    if isinstance(html, bytes | bytearray | memoryview):
        return decode_html(bytes(html[:MAX_INPUT]), encoding)[0]
    if isinstance(html, str):
        return unicodedata.normalize("NFC", html[:MAX_INPUT].replace("\x00", ""))
    return ""


#: One element class for every tag, chosen in C. lxml.html's own parser picks a class per
#: tag (forms, inputs, labels...) in a Python call for every element proxy made, a tenth
#: of extraction's instructions; extraction never calls those classes' extra methods.
ELEMENT_CLASSES = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)


def html_parser(**options: Any) -> etree.HTMLParser:
    """lxml's HTML parser with lxml.html's element classes (see ELEMENT_CLASSES)."""
    parser = etree.HTMLParser(**options)
    parser.set_element_class_lookup(ELEMENT_CLASSES)
    return parser


def parse(text: str) -> Any | None:
    """An lxml HTML tree, or None for empty or unparsable input (depth is capped by libxml2)."""
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        return None
    parser = html_parser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError, TypeError):
        return None
    if tree is None:
        return None
    cut(tree)
    return tree


def cut(tree: Any) -> None:
    """Drop everything after the first ``MAX_ELEMENTS`` elements; custom elements that hold
    a text (Evernote's ``<en-note>``, DSpace's ``<ds-…>``) become ``div``s, so the blocks
    inside them are read as blocks (AMP's ``amp-img`` and the like keep their names)."""
    extra = []
    for i, el in enumerate(tree.iter()):
        if i >= MAX_ELEMENTS:
            extra.append(el)
        elif isinstance(el.tag, str) and "-" in el.tag and not el.tag.startswith("amp-"):
            el.tag = "div"
    for el in reversed(extra):
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)


_BASE_HREF = etree.XPath("string(//base/@href)")


def base_url(tree: Any, url: str) -> str:
    """What relative links resolve against: ``<base href>`` when the page has one."""
    href = _BASE_HREF(tree)
    return (web_link(url, href) or url) if href and href.strip() else url


def text_of(el: Any) -> str:
    """The element's text, whitespace collapsed, NFC (once per element of the page being
    read: :meth:`Page.reading`)."""
    texts = _PAGE_TEXTS.get()
    if texts is None or el not in texts.order:
        return _text(el)
    if el not in texts.memo:
        texts.memo[el] = _text(el)
    return texts.memo[el]


def _text(el: Any) -> str:
    try:
        raw = el.text_content()
    except (ValueError, AttributeError):
        raw = "".join(el.itertext()) if el is not None else ""
    return " ".join(unicodedata.normalize("NFC", raw).split())


def norm(text: str) -> str:
    """One line of text as the article keeps it: whitespace collapsed, NFC.

    ``str.split`` breaks at exactly the characters ``\\s`` matches (a no-break space
    among them) and is several times cheaper than ``re.sub`` over a page's text.
    """
    return " ".join(unicodedata.normalize("NFC", text).split())


def matches(page: Page, kind: str) -> Iterator[tuple[CmsRule, Any]]:
    """Elements matched by the ``kind`` selectors of each rule in the chain, in chain order."""
    for rule in page.chain:
        for selector in getattr(rule, kind):
            for el in select(page.tree, selector, page.marks):
                yield rule, el


def content_node(page: Page) -> Any | None:
    """The article's container: the biggest match of the first rule whose selectors match."""
    found = content_match(page)
    return found[1] if found else None


def content_match(page: Page) -> tuple[CmsRule, Any] | None:
    """The rule that names the article's container, and the container."""
    if "content" not in page.memo:
        page.memo["content"] = _content_match(page)
    found: tuple[CmsRule, Any] | None = page.memo["content"]
    return found


#: Class/id fragments of a page's footer: a rule's content selector matching there has met
#: the site's address block (a DotNetNuke footer is an HTML module with the same id).
FOOTER_MARKS = ("footer", "copyright")


def _content_match(page: Page) -> tuple[CmsRule, Any] | None:
    for rule in page.chain:
        for selector in rule.content:
            found = [
                el
                for el in select(page.tree, selector, page.marks)
                if len(text_of(el)) >= (1 if rule.id == "site" else 40) and not in_footer(el)
            ]
            if found:
                return rule, max(found, key=lambda el: (len(text_of(el)), -page.position(el)))
    return None


def in_footer(el: Any) -> bool:
    """The element is, or sits in, the page's footer."""
    for node in (el, *el.iterancestors()):
        marks = f"{node.get('class', '')} {node.get('id', '')}".lower()
        if node.tag == "footer" or any(m in marks for m in FOOTER_MARKS):
            return True
    return False


_BLOCKS_IN_CELL = etree.XPath("./p | ./div | ./table | ./ul | ./font[.//br]")


def layout_cell(cell: Any) -> bool:
    """A table cell that lays out a page (it holds paragraphs, blocks or a long text), not a
    field of a data table."""
    return bool(_BLOCKS_IN_CELL(cell)) or len(text_of(cell)) > 250


def just_before(el: Any) -> Iterator[Any]:
    """The blocks right above ``el`` in its box (two at most), then, while ``el`` opens its
    box, those above the box (the row over a headline's cell), three boxes up."""
    node = el
    for _ in range(3):
        yield from [s for s in node.itersiblings(preceding=True) if isinstance(s.tag, str)][:2]
        parent = node.getparent()
        if parent is None or next((c for c in parent if isinstance(c.tag, str)), None) is not node:
            return
        node = parent


def following(el: Any) -> Iterator[Any]:
    """Elements after ``el`` in document order (its descendants excluded)."""
    node = el
    while node is not None:
        sibling = node.getnext()
        while sibling is not None:
            if isinstance(sibling.tag, str):
                yield sibling
                yield from (d for d in sibling.iterdescendants() if isinstance(d.tag, str))
            sibling = sibling.getnext()
        node = node.getparent()


def own_text(el: Any) -> str:
    """Text of a small element (a date line), or '' for containers of several blocks."""
    text = text_of(el)
    if len(text) > SHORT_TEXT:
        return ""
    if any(isinstance(c.tag, str) and c.tag in BLOCKS and text_of(c) for c in el):
        return ""
    if el.find(".//br") is not None:  # ``Ngày đăng: X<br>Người viết: Y``: two lines, not one word
        return " ".join(unicodedata.normalize("NFC", " ".join(el.itertext())).split())
    return text


def text_lines(el: Any) -> list[str]:
    """The element's text broken at ``<br>`` and block boundaries (without its tail)."""
    return render_blocks(el, with_tail=False)


#: The class of an icon font's glyph (Font Awesome, Bootstrap Icons, Glyphicons, Dashicons).
_ICON = re.compile(
    r"(?:^|\s)(?:fa[srlbd]?|fa-[\w-]+|bi|bi-[\w-]+|glyphicon|dashicons|icon)(?:\s|$)"
)


def icon_fields(el: Any) -> list[str]:
    """A meta row's fields, where icons part them (``<i class="fa fa-calendar"></i> 19/02/2025
    <i class="fa fa-user"></i> ThS. X``): the text between one icon and the next; [] when
    the row has no icons."""
    fields: list[list[str]] = [[el.text or ""]]
    icons = 0
    for child in el:
        if not isinstance(child.tag, str):
            fields[-1].append(child.tail or "")
            continue
        if not text_of(child) and _ICON.search(child.get("class", "")):
            icons += 1
            fields.append([])
        else:
            fields[-1].append(child.text_content())
        fields[-1].append(child.tail or "")
    if not icons:
        return []
    return [field for part in fields if (field := norm("".join(part)))]


def render_blocks(root: Any, with_tail: bool = True) -> list[str]:
    """Our own text rendering: one paragraph per block element or ``<br>``-separated run
    (``with_tail``: and the text after ``root``, as a copy of it carries)."""
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        line = norm("".join(buffer))
        if line:
            lines.append(line)
        buffer.clear()

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("script", "style", "head", "title"):
            if event == "end" and el.tail:
                buffer.append(el.tail)
            continue
        if event == "start":
            if tag in BLOCKS or tag == "br":
                flush()
            if el.text and tag not in ("script", "style"):
                buffer.append(el.text)
        else:
            if tag in BLOCKS:
                flush()
            if el.tail and (with_tail or el is not root):
                buffer.append(el.tail)
    flush()
    return lines


def remove(el: Any) -> None:
    """Remove ``el`` but keep its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    previous = el.getprevious()
    parent.remove(el)
    if tail and tail.strip():
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def inside(el: Any, container: Any) -> bool:
    """``el`` is ``container`` or one of its descendants."""
    return el is container or any(a is container for a in el.iterancestors())


@dataclass(frozen=True)
class Region:
    """The article's stretch of the page, in document order: headline to a little past the body.

    Generic lead and byline selectors only count inside it, so a summary or an
    author name in a sidebar list is never taken for the article's.
    """

    page: Page
    start: int
    end: int

    @classmethod
    def around(cls, page: Page, title_el: Any | None, content: Any | None) -> Region:
        present = [el for el in (title_el, content) if el is not None]
        if not present:
            return cls(page, 0, len(page.order))
        last = present[-1]
        tail = next(iter(reversed(list(last.iter()))), last)
        start = min(page.position(el) for el in present)
        return cls(page, start, page.position(tail) + REGION_TAIL)

    def accepts(self, rule: CmsRule, el: Any) -> bool:
        return rule.id != "generic" or self.start <= self.page.position(el) <= self.end
