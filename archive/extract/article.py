"""Article extraction: a pure function of HTML bytes, URL and site hints.

trafilatura finds the main text; our rules decide what it is given and what
is kept from it. The steps, each a small function below:

1. decode (:mod:`archive.extract.charset`) and parse, within size bounds;
2. detect the CMS and build the rule chain: site hints, CMS rule, generic
   rule (:mod:`archive.extract.rules`);
3. read the metadata from the untouched page: headline (:mod:`archive.extract.titles`),
   the date printed next to it (:mod:`archive.extract.dates`), lead, bylines
   (:mod:`archive.extract.bylines`), captions, attachments, canonical URL;
4. copy the article's container (or the page), prune chrome and captions,
   and let trafilatura extract the text;
5. clean the paragraphs: drop chrome lines, date lines, the title, and move
   bylines at either end of the body into ``author``/``source``.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import lxml.html
from lxml import etree

from archive.extract import dates, guard, rules, titles
from archive.extract.bylines import is_role_line, parse_byline
from archive.extract.charset import decode_html
from archive.extract.records import Article
from archive.extract.rules import CmsRule
from archive.sites.urls import web_link

#: How ``Article.problems`` (and so ``pages.error``) starts when the whole page failed.
EXTRACTION_FAILED = "extraction failed"
#: Bytes (or characters) read from a page; the rest is cut before parsing.
MAX_INPUT = 3_000_000
#: Elements parsed; bigger trees are not article pages and would only cost time.
MAX_ELEMENTS = 25_000
#: Longest text of an element still read as a date line or a byline.
SHORT_TEXT = 160
#: Elements scanned after the headline for its date line.
DATE_WINDOW = 40
#: Credit lines taken from the end of a body: author (with role line) and source.
MAX_TAIL_CREDITS = 2

DOCUMENT_LINK = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|7z|odt|ods)(?:[?#]|$)", re.IGNORECASE
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_BLOCKS = frozenset(
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
_CHROME_ANCESTORS = frozenset(
    ["nav", "footer", "aside", "marquee", "li", "select", "option", "a", "button", "label"]
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

    def position(self, el: Any) -> int:
        return self.order.get(el, -1)


# --------------------------------------------------------------------------- entry point


def extract_article(
    html: bytes | str,
    url: str,
    hints: Mapping[str, Any] | None = None,
    *,
    encoding: str | None = None,
) -> Article:
    """Extract one article page; never raises (garbage in gives an empty ``text``; a failure
    gives an empty record whose ``problems`` say why)."""
    safe_url = url if isinstance(url, str) else ""
    try:
        return _extract(html, safe_url, dict(hints or {}), encoding)
    except Exception as exc:  # noqa: BLE001 - the crawler must never lose a page to a parser bug
        return _failed(safe_url, exc)


def extract_parsed(tree: Any, url: str, hints: Mapping[str, Any] | None = None) -> Article:
    """:func:`extract_article` on a page already decoded and parsed, for a caller that
    parsed it for its own purposes (archive.extract.page reads the links first).

    ``tree`` must come from ``lxml.html.document_fromstring`` of the decoded text
    (at most ``MAX_INPUT`` characters, no XML declaration); it is brought to what
    :func:`parse` makes, in place: comments and processing instructions
    removed (their tails kept), elements past ``MAX_ELEMENTS`` dropped. Never raises.
    """
    safe_url = url if isinstance(url, str) else ""
    try:
        etree.strip_tags(tree, etree.Comment, etree.ProcessingInstruction)
        _cut(tree)
        return _from_tree(tree, safe_url, dict(hints or {}))
    except Exception as exc:  # noqa: BLE001 - the crawler must never lose a page to a parser bug
        return _failed(safe_url, exc)


def _failed(url: str, exc: Exception) -> Article:
    """The record of a page extraction gave up on: no text, and the reason."""
    return Article(url=url, problems=[f"{EXTRACTION_FAILED}: {guard.describe(exc)}"])


def _extract(html: bytes | str, url: str, hints: dict[str, Any], encoding: str | None) -> Article:
    text = _decode(html, encoding or _str_hint(hints, "encoding"))
    tree = parse(text)
    if tree is None:
        return Article(url=url)
    return _from_tree(tree, url, hints)


def _from_tree(tree: Any, url: str, hints: dict[str, Any]) -> Article:
    cms = rules.detect_cms(tree, url, _str_hint(hints, "cms"))
    page = Page(tree, url, _base(tree, url), cms, rules.rules_for(cms, hints))
    page.order = {el: i for i, el in enumerate(tree.iter())}
    return _article(page)


def _str_hint(hints: Mapping[str, Any], key: str) -> str | None:
    value = hints.get(key)
    return value if isinstance(value, str) and value else None


def _decode(html: bytes | str, encoding: str | None) -> str:
    if isinstance(html, bytes | bytearray | memoryview):
        return decode_html(bytes(html[:MAX_INPUT]), encoding)[0]
    if isinstance(html, str):
        return unicodedata.normalize("NFC", html[:MAX_INPUT].replace("\x00", ""))
    return ""


def parse(text: str) -> Any | None:
    """An lxml HTML tree, or None for empty or unparsable input (depth is capped by libxml2)."""
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        return None
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError, TypeError):
        return None
    if tree is None:
        return None
    _cut(tree)
    return tree


def _cut(tree: Any) -> None:
    """Drop everything after the first ``MAX_ELEMENTS`` elements."""
    extra = [el for i, el in enumerate(tree.iter()) if i >= MAX_ELEMENTS]
    for el in reversed(extra):
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)


def _base(tree: Any, url: str) -> str:
    href = tree.xpath("string(//base/@href)")
    return (web_link(url, href) or url) if href and href.strip() else url


# --------------------------------------------------------------------------- assembling


_NOTHING: tuple[Any, Any] = (None, None)  # what a failed pair of fields gives


def _article(page: Page) -> Article:
    """The record; a metadata field whose finder fails is left empty and noted (guard)."""
    problems: list[str] = []
    title, title_el = guard.attempt(problems, "title", lambda: find_title(page), ("", None))
    day, clock = guard.attempt(problems, "date", lambda: find_date(page, title_el), _NOTHING)
    content = content_node(page)
    near = Region.around(page, title_el, content)
    lead_el, lead = guard.attempt(problems, "lead", lambda: _lead(page, near, content), _NOTHING)
    captions = find_captions([n for n in (content, lead_el) if n is not None] or [page.tree])
    paragraphs, rendered = body_paragraphs(page, content)
    paragraphs = _drop_known(paragraphs, title, captions)
    rendered = _drop_known(rendered, title, captions)
    edges, edge_author, edge_source = edge_bylines(rendered if content is not None else paragraphs)
    paragraphs = [p for p in strip_bylines(paragraphs)[0] if p not in edges]
    paragraphs = _with_lead(paragraphs, lead)
    author, source = guard.attempt(
        problems, "author", lambda: find_credits(page, content, near), _NOTHING
    )
    return Article(
        url=page.url,
        title=title or None,
        date=day,
        published_at=dates.published_at(day, clock),
        author=author or edge_author,
        source=source or edge_source,
        text="\n\n".join(paragraphs),
        lead=lead,
        captions=list(dict.fromkeys(captions)),
        attachments=guard.attempt(
            problems, "attachments", lambda: find_attachments(page, content), []
        ),
        canonical_url=guard.attempt(problems, "canonical_url", lambda: canonical_url(page), None),
        cms=page.cms,
        language=guard.attempt(problems, "language", lambda: language(page.tree, paragraphs), None),
        problems=problems,
    )


def _lead(page: Page, near: Region, content: Any | None) -> tuple[Any | None, str | None]:
    lead_el = next((el for rule, el in matches(page, "lead") if near.accepts(rule, el)), None)
    return lead_el, _lead_text(lead_el, content)


# --------------------------------------------------------------------------- selectors


def text_of(el: Any) -> str:
    """The element's text, whitespace collapsed, NFC."""
    try:
        raw = el.text_content()
    except (ValueError, AttributeError):
        raw = "".join(el.itertext()) if el is not None else ""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", raw.replace("\xa0", " "))).strip()


def matches(page: Page, kind: str) -> Iterator[tuple[CmsRule, Any]]:
    """Elements matched by the ``kind`` selectors of each rule in the chain, in chain order."""
    for rule in page.chain:
        for selector in getattr(rule, kind):
            for el in rules.select(page.tree, selector):
                yield rule, el


def content_node(page: Page) -> Any | None:
    """The article's container: the biggest match of the first rule whose selectors match."""
    for rule in page.chain:
        for selector in rule.content:
            found = [
                el
                for el in rules.select(page.tree, selector)
                if len(text_of(el)) >= (1 if rule.id == "site" else 40)
            ]
            if found:
                return max(found, key=lambda el: (len(text_of(el)), -page.position(el)))
    return None


# --------------------------------------------------------------------------- title


def find_title(page: Page) -> tuple[str, Any | None]:
    """The headline and its element (None when only ``<title>`` or og:title had it)."""
    page_title = titles.clean_title(page.tree.xpath("string((//title)[1])"))
    og = titles.clean_title(_meta(page.tree, "og:title") or _meta(page.tree, "twitter:title"))
    elements = list(_title_elements(page))
    candidates = [
        titles.Candidate(text_of(el), weight, i, _date_follows(el))
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
            if el not in seen and not _in_chrome(el):
                seen.add(el)
                yield el, weight


def _in_chrome(el: Any) -> bool:
    """Headings in menus, sidebars, lists of other news, or the site's header and logo."""
    for anc in el.iterancestors():
        if anc.tag in _CHROME_ANCESTORS or _chrome_marked(anc) or _masthead(anc):
            return True
    return _masthead(el)


_CHROME_MARKS = (
    "sidebar",
    "menu",
    "related",
    "other-news",
    "othernews",
    "other_news",
    "widget",
    "footer",
    "tinkhac",
    "tin-khac",
    "portlet-title",
    "block-title",
    "box-title",
    "boxtitle",
)
_MASTHEAD = frozenset(
    [
        "header",
        "site-header",
        "masthead",
        "banner",
        "logo",
        "brand",
        "site-branding",
        "site-title",
        "site-name",
        "sitename",
        "navbar",
        "topbar",
        "top",
    ]
)


def _chrome_marked(el: Any) -> bool:
    marks = f"{el.get('class', '')} {el.get('id', '')}".lower()
    return any(w in marks for w in _CHROME_MARKS)


def _masthead(el: Any) -> bool:
    if el.tag == "header" and el.get("role") == "banner":
        return True
    tokens = f"{el.get('class', '')} {el.get('id', '')}".lower().split()
    return any(t in _MASTHEAD for t in tokens)


def _meta(tree: Any, name: str) -> str:
    found = tree.xpath(f"//meta[@property='{name}' or @name='{name}']/@content")
    return str(found[0]).strip() if found else ""


def _date_follows(el: Any) -> bool:
    """The headline's own date line comes next (short tool lines like 'Cỡ chữ' may sit between)."""
    skipped = 0
    for i, node in enumerate(_following(el)):
        own = _own_text(node)
        if i > DATE_WINDOW or _ends_header(node):
            return False
        if not own:
            continue
        if dates.is_date_line(own):
            return True
        skipped += 1
        if len(own) > 40 or skipped > 2:
            return False
    return False


# --------------------------------------------------------------------------- date


def find_date(page: Page, title_el: Any | None) -> tuple[str | None, str | None]:
    """The publication day and printed time: rule selectors, then the date line next to
    the headline, then metadata, then the URL, then htmldate on the article's container."""
    for finder in (
        _date_from_rules,
        lambda p: _date_near_title(p, title_el),
        _date_from_meta,
        _date_from_url,
    ):
        found = finder(page)
        if found:
            return found
    return _date_from_htmldate(page), None


def _date_from_rules(page: Page) -> tuple[str, str | None] | None:
    for _, el in matches(page, "date"):
        for value in (el.get("datetime"), el.get("content"), text_of(el)):
            found = _parse_date_text(value)
            if found:
                return found
    return None


def _parse_date_text(value: str | None) -> tuple[str, str | None] | None:
    if not value:
        return None
    return (
        dates.parse_timestamp(value)
        if re.match(r"^\s*\d{4}-\d{2}-\d{2}", value)
        else dates.parse_vn_date(value)
    )


def _date_near_title(page: Page, title_el: Any | None) -> tuple[str, str | None] | None:
    if title_el is None:
        return None
    return _date_after(title_el) or _date_just_before(title_el)


def _date_after(el: Any) -> tuple[str, str | None] | None:
    """The first date line after the headline, before the body or a list of other news starts."""
    for i, node in enumerate(_following(el)):
        if i > DATE_WINDOW or _ends_header(node):
            break
        own = _own_text(node)
        if own and dates.is_date_line(own):
            return dates.parse_vn_date(own)
    return None


def _ends_header(node: Any) -> bool:
    """A body paragraph, a news-list item or chrome: the headline's date is not beyond it."""
    if node.tag == "li" and any(len(text_of(a)) >= 20 for a in node.iter("a")):
        return True
    if _chrome_marked(node):
        return True
    text = text_of(node)
    return len(text) > 200 and not any(
        isinstance(c.tag, str) and c.tag in _BLOCKS and text_of(c) for c in node
    )


def _following(el: Any) -> Iterator[Any]:
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


def _own_text(el: Any) -> str:
    """Text of a small element (a date line), or '' for containers of several blocks."""
    text = text_of(el)
    if len(text) > SHORT_TEXT:
        return ""
    if any(isinstance(c.tag, str) and c.tag in _BLOCKS and text_of(c) for c in el):
        return ""
    return text


def _date_just_before(el: Any) -> tuple[str, str | None] | None:
    """K2 and some portals print the date right above the headline, in the same box."""
    for sibling in list(el.itersiblings(preceding=True))[:2]:
        own = _own_text(sibling) if isinstance(sibling.tag, str) else ""
        if own and dates.is_date_line(own):
            return dates.parse_vn_date(own)
    return None


_META_DATES = (
    "//meta[@property='article:published_time' or @name='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//*[@itemprop='datePublished']/@datetime",
    "//meta[translate(@name, 'PUBDATEISH', 'pubdateish')='pubdate' or @name='publishdate' "
    "or translate(@name, 'DCATE', 'dcate')='dc.date' or @name='dcterms.created' "
    "or @name='DC.date.issued']/@content",
)


def _date_from_meta(page: Page) -> tuple[str, str | None] | None:
    for xpath in _META_DATES:
        for value in page.tree.xpath(xpath):
            found = dates.parse_timestamp(str(value))
            if found:
                return found
    return _date_from_json_ld(page)


def _date_from_json_ld(page: Page) -> tuple[str, str | None] | None:
    for script in page.tree.xpath("//script[@type='application/ld+json']/text()"):
        m = re.search(r'"datePublished"\s*:\s*"([^"]+)"', str(script))
        if m:
            found = dates.parse_timestamp(m.group(1))
            if found:
                return found
    return None


def _date_from_url(page: Page) -> tuple[str, str | None] | None:
    day = dates.date_from_url(page.url)
    return (day, None) if day else None


def _date_from_htmldate(page: Page) -> str | None:
    """htmldate's markup heuristics, on the article's container only (never the header clock)."""
    node = content_node(page)
    if node is None:
        return None
    from htmldate import find_date as htmldate_find

    wrapper = lxml.html.fromstring("<html><body></body></html>")
    wrapper.find("body").append(copy.deepcopy(node))
    try:
        return htmldate_find(
            wrapper,
            extensive_search=False,
            original_date=True,
            min_date="1995-01-01",
            max_date="2100-12-31",
        )
    except Exception:  # noqa: BLE001 - htmldate is a last resort
        return None


# --------------------------------------------------------------------------- body


def body_paragraphs(page: Page, content: Any | None) -> tuple[list[str], list[str]]:
    """The paragraphs of the article's container (or of the page), chrome and captions pruned.

    Returns trafilatura's paragraphs and our own block rendering of the same
    pruned copy; the rendering replaces trafilatura's output when trafilatura
    dropped more than a tenth of a container the rules picked out.
    """
    work = _working_copy(page, content)
    prune(work, page.chain)
    unwrap_layout_tables(work)
    paragraphs = _trafilatura(work, page.url, focused=content is not None)
    rendered = render_blocks(work)
    if content is not None and _coverage(paragraphs, rendered) < 0.9:
        return rendered, rendered
    return (paragraphs or (rendered if content is not None else [])), rendered


def unwrap_layout_tables(work: Any) -> None:
    """Layout tables (cells holding paragraphs) become divs, so text is not read as a grid.

    Only a table's own rows and cells change: a data table nested in a layout
    cell stays a table.
    """
    for table in list(work.iter("table")):
        sections = table.xpath("./tbody | ./thead | ./tfoot")
        rows = table.xpath("./tr | ./tbody/tr | ./thead/tr | ./tfoot/tr")
        cells = [c for row in rows for c in row if c.tag in ("td", "th")]
        if any(_layout_cell(c) for c in cells):
            for el in (table, *sections, *rows, *cells):
                el.tag = "div"


def _layout_cell(cell: Any) -> bool:
    return (
        bool(cell.xpath("./p | ./div | ./table | ./ul | ./font[.//br]")) or len(text_of(cell)) > 250
    )


def _working_copy(page: Page, content: Any | None) -> Any:
    if content is None:
        return copy.deepcopy(page.tree)
    root = lxml.html.fromstring("<html><head></head><body></body></html>")
    root.find("body").append(copy.deepcopy(content))
    return root


def prune(work: Any, chain: list[CmsRule]) -> None:
    """Remove chrome from the working copy: rule selectors, generic chrome, captions."""
    targets: list[Any] = []
    for rule in chain:
        for selector in rule.prune:
            targets.extend(rules.select(work, selector))
    for selector in rules.BOILERPLATE_PRUNE:
        targets.extend(rules.select(work, selector))
    targets.extend(_chrome_blocks(work))
    targets.extend(caption_elements(work))
    total = len(text_of(work)) or 1
    for el in targets:
        if el.getparent() is not None and len(text_of(el)) <= 0.5 * total:
            _remove(el)


def _chrome_blocks(work: Any) -> list[Any]:
    found = []
    for el in work.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body"):
            continue
        marks = re.split(r"[\s_\-]+", f"{el.get('class', '')} {el.get('id', '')}".lower())
        joined = "-".join(marks)
        if any(w in joined for w in rules.CHROME_WORDS if "-" in w) or any(
            m in rules.CHROME_WORDS for m in marks
        ):
            found.append(el)
    return found


def _remove(el: Any) -> None:
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


def _trafilatura(work: Any, url: str, focused: bool) -> list[str]:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            work,
            url=url or None,
            with_metadata=False,
            include_comments=False,
            include_tables=True,
            include_images=False,
            favor_recall=focused,
            favor_precision=not focused,
            deduplicate=False,
        )
    except Exception:  # noqa: BLE001
        return []
    text = getattr(doc, "text", None) if doc is not None else None
    return [line for line in (_norm(x) for x in (text or "").split("\n")) if line]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text.replace("\xa0", " "))).strip()


def render_blocks(root: Any) -> list[str]:
    """Our own text rendering: one paragraph per block element or ``<br>``-separated run."""
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        line = _norm("".join(buffer))
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
            if tag in _BLOCKS or tag == "br":
                flush()
            if el.text and tag not in ("script", "style"):
                buffer.append(el.text)
        else:
            if tag in _BLOCKS:
                flush()
            if el.tail:
                buffer.append(el.tail)
    flush()
    return lines


def _coverage(got: list[str], reference: list[str]) -> float:
    """Share of the reference's words that ``got`` kept."""
    ref = Counter(titles.words(" ".join(reference)))
    if not ref:
        return 1.0
    kept = Counter(titles.words(" ".join(got)))
    return sum((ref & kept).values()) / sum(ref.values())


# --------------------------------------------------------------------------- cleaning

_CHROME_LINES = tuple(re.compile(p, re.IGNORECASE) for p in rules.BOILERPLATE_LINES)


def is_chrome_line(line: str) -> bool:
    return len(line) <= 200 and any(p.search(line) for p in _CHROME_LINES)


def _drop_known(paragraphs: list[str], title: str, captions: list[str]) -> list[str]:
    """Remove chrome lines, date lines, the headline and captions that survived extraction."""
    title_key = titles.clean_title(title).casefold()
    caption_keys = {c.casefold() for c in captions}
    kept: list[str] = []
    for line in paragraphs:
        key = titles.clean_title(line).casefold()
        if not key or key == title_key or key in caption_keys:
            continue
        if is_chrome_line(line) or (len(line) <= SHORT_TEXT and dates.is_date_line(line)):
            continue
        if kept and kept[-1] == line:
            continue
        kept.append(line)
    return kept


def edge_bylines(lines: list[str]) -> tuple[set[str], str | None, str | None]:
    """Byline lines at either end of the body (and who and where they name)."""
    kept, author, source = strip_bylines(lines)
    removed = set(lines) - set(kept)
    return removed, author, source


def strip_bylines(paragraphs: list[str]) -> tuple[list[str], str | None, str | None]:
    """Move credit lines at the end (and an author block at the start) out of the body."""
    body = list(paragraphs)
    author = source = None
    for _ in range(MAX_TAIL_CREDITS):  # a list of names closing an article is not all bylines
        found = _tail_byline(body) if body else None
        if found is None:
            break
        count, who, where = found
        del body[-count:]
        author, source = author or who, source or where
    head = _head_byline(body)
    if head is not None:
        count, who = head
        del body[:count]
        author = author or who
    return body, author, source


def _tail_byline(body: list[str]) -> tuple[int, str | None, str | None] | None:
    last = body[-1]
    if len(last) > 120:
        return None
    parsed = parse_byline(last)
    if parsed is not None:
        if _bare_name(last, parsed) and len(body) >= 2 and _bare_name(body[-2]):
            return None  # the end of a list of names, not a signature
        return 1, parsed[0], parsed[1]
    if len(body) >= 2 and is_role_line(last):
        above = parse_byline(body[-2])
        if above is not None and above[0]:
            return 2, above[0], above[1]
    return None


def _bare_name(line: str, parsed: tuple[str | None, str | None] | None = None) -> bool:
    """The line is nothing but a person's name (no label, degree or role)."""
    parsed = parsed if parsed is not None else parse_byline(line)
    return parsed is not None and parsed[0] == titles.clean_title(line)


def _head_byline(body: list[str]) -> tuple[int, str | None] | None:
    """``TS. Hồ Ngọc Trường`` / ``Tỉnh uỷ viên, Hiệu trưởng ...`` above the first paragraph."""
    if len(body) < 2 or len(body[0]) > 120:
        return None
    parsed = parse_byline(body[0])
    if parsed is None or not parsed[0]:
        return None
    has_role = is_role_line(body[1])
    if _bare_name(body[0], parsed) and not has_role:
        return None
    return (2 if has_role else 1), parsed[0]


def _lead_text(lead_el: Any | None, content: Any | None) -> str | None:
    if lead_el is None or (content is not None and _inside(lead_el, content)):
        return None
    work = copy.deepcopy(lead_el)
    for el in caption_elements(work):
        _remove(el)
    text = _norm(" ".join(render_blocks(work)))
    return text or None


def _inside(el: Any, container: Any) -> bool:
    return el is container or any(a is container for a in el.iterancestors())


def _with_lead(paragraphs: list[str], lead: str | None) -> list[str]:
    """Put the lead first unless the body already starts with it."""
    if not lead:
        return paragraphs
    key = " ".join(titles.words(lead))
    head = " ".join(titles.words(" ".join(paragraphs[:3])))
    if key and key[:120] in head:
        return paragraphs
    return [lead, *paragraphs]


# --------------------------------------------------------------------------- captions

_CAPTION_XPATHS = (
    "//figcaption",
    "//*[contains(@class, 'caption') or contains(@class, 'image_desc')"
    " or contains(@class, 'img-desc') or contains(@class, 'pCaption')"
    " or contains(@class, 'expNoEdit') or contains(@class, 'ImageCaption')]",
    "//table[contains(@class, 'image') or contains(@class, 'picture')]//td[not(.//img)]",
)


def caption_elements(root: Any) -> list[Any]:
    """Caption blocks: figcaptions, caption classes, and short italic lines under an image."""
    found: list[Any] = []
    for xpath in _CAPTION_XPATHS:
        found.extend(el for el in root.xpath(xpath) if text_of(el))
    for el in root.iter("em", "i"):
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
    if block.xpath(".//img"):
        return el
    previous = block.getprevious()
    if previous is not None and previous.xpath("descendant-or-self::img") and not text_of(previous):
        return block
    return None


def find_captions(roots: list[Any]) -> list[str]:
    texts: list[str] = []
    for root in roots:
        texts.extend(text_of(el) for el in caption_elements(root))
    return [t for t in texts if t]


# --------------------------------------------------------------------------- credits


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


#: Elements after the body still read for an author row or a source line.
REGION_TAIL = 30


def find_credits(page: Page, content: Any | None, near: Region) -> tuple[str | None, str | None]:
    """Author and source from byline/source selectors and labelled lines near the body."""
    author = source = None
    for rule, el in matches(page, "byline"):
        parsed = _byline_in(el) if near.accepts(rule, el) else None
        if parsed:
            author, source = author or parsed[0], source or parsed[1]
    for _, el in matches(page, "source"):
        source = source or _source_text(text_of(el))
    if content is not None and not (author and source):
        for index, line in enumerate(_lines_after(content)):
            bare_name_first = index == 0 and len(line) <= 40 and not author
            parsed = parse_byline(line) if _labelled(line) or bare_name_first else None
            if parsed:
                author, source = author or parsed[0], source or parsed[1]
    return author, source


def _byline_in(el: Any) -> tuple[str | None, str | None] | None:
    """The first line of a byline block that names someone (name, then role, on two lines)."""
    for line in render_blocks(copy.deepcopy(el)) or [text_of(el)]:
        parsed = parse_byline(line)
        if parsed and (parsed[0] or parsed[1]):
            return parsed
    return None


def _source_text(text: str) -> str | None:
    text = re.sub(
        r"^(?:nguồn(?:\s*tin)?|theo|source)\s*:?\s*", "", text, flags=re.IGNORECASE
    ).strip(" .()")
    return text or None


_LABEL = re.compile(
    r"^\(?\s*(?:tác\s*giả|nguồn|theo|tin|bài|người\s*viết)\b[^:]{0,20}:", re.IGNORECASE
)


def _labelled(line: str) -> bool:
    return bool(_LABEL.match(line))


def _lines_after(content: Any, limit: int = 12) -> Iterator[str]:
    """Short text blocks right after the article's container (author rows, source fields)."""
    count = 0
    for node in _following(content):
        own = _own_text(node)
        if own:
            yield own
            count += 1
            if count >= limit:
                return


# --------------------------------------------------------------------------- links and language


def find_attachments(page: Page, content: Any | None) -> list[str]:
    """Absolute URLs of documents linked from the body or from the rule's attachment blocks."""
    roots = [content] if content is not None else []
    roots += [el for _, el in matches(page, "attachments")]
    patterns = [re.compile(p, re.IGNORECASE) for r in page.chain for p in r.attachment_url]
    found: list[str] = []
    for root in roots:
        for href in root.xpath(".//a/@href | self::a/@href"):
            href = str(href).strip()
            wanted = DOCUMENT_LINK.search(href) or any(p.search(href) for p in patterns)
            if wanted and (absolute := web_link(page.base, href)):
                found.append(absolute)
    return list(dict.fromkeys(found))


def canonical_url(page: Page) -> str | None:
    for href in page.tree.xpath(
        "//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href"
    ):
        if absolute := web_link(page.base, str(href)):
            return absolute
    return None


_VN_LETTERS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


def language(tree: Any, paragraphs: list[str]) -> str | None:
    """'vi' when the text is Vietnamese, else the page's declared language."""
    sample = " ".join(paragraphs)[:5000]
    letters = sum(map(str.isalpha, sample))  # 4x faster than a generator, same count
    if letters and len(_VN_LETTERS.findall(sample)) >= 0.03 * letters:
        return "vi"
    declared = str(tree.get("lang") or tree.get("xml:lang") or "").strip().lower()
    return declared.split("-")[0] or None
