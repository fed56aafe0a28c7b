"""Chrome: the page around the article (menus, sidebars, mastheads, lists of other
news, tools, counters), told by tag, class and id, and pruned from the body.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from typing import Any

from lxml import etree

from archive.extract.captions import caption_elements
from archive.extract.rules import (
    ATTACHMENT_LABEL,
    BOILERPLATE_LINES,
    BOILERPLATE_PRUNE,
    CHROME_WORDS,
    RELATED_HEADING,
    SIDEBAR_MARKS,
    CmsRule,
    select,
)
from archive.extract.tree import BLOCKS, inside, own_text, remove, text_of

#: Ancestors that make a heading part of the chrome.
_CHROME_ANCESTORS = frozenset(
    ["nav", "footer", "aside", "marquee", "li", "select", "option", "a", "button", "label"]
)
#: Class/id fragments of menus, sidebars and lists of other news.
_CHROME_MARKS = (
    *SIDEBAR_MARKS,
    "duong-dan",
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
#: Class/id words of the site's header and logo.
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
_CHROME_LINES = tuple(re.compile(p, re.IGNORECASE) for p in BOILERPLATE_LINES)
_RELATED = re.compile(RELATED_HEADING, re.IGNORECASE)
_ATTACHED = re.compile(ATTACHMENT_LABEL, re.IGNORECASE)
#: Share of a block's text in links that makes it a list of links.
LINK_DENSE = 0.6
#: XPaths compiled once (``el.xpath(text)`` compiles its text on every call).
_TABLE_ROWS = etree.XPath("./tr | ./tbody/tr")
_HEADER_CELLS = etree.XPath("./th")
_HREFS = etree.XPath(".//a/@href")


def in_chrome(el: Any) -> bool:
    """Headings in menus, sidebars, lists of other news, or the site's header and logo."""
    for anc in el.iterancestors():
        if anc.tag in ("body", "html"):
            break  # its classes describe the page (Drupal's ``one-sidebar``), not a part of it
        if anc.tag == "li" and el.tag == "h1":
            continue  # the page's heading in a row of items (Flarum's ``DiscussionHero``)
        if anc.tag in _CHROME_ANCESTORS or _masthead(anc):
            return True
        if chrome_marked(anc, widgets=el.tag != "h1"):  # a page builder's headline widget
            return True
    return _masthead(el)


def chrome_marked(el: Any, widgets: bool = True) -> bool:
    """The element's class or id names a menu, a sidebar or a list of other news
    (``widgets=False``: a page builder's, where every block is a "widget", is not)."""
    marks = _NEGATED.sub(" ", f"{el.get('class', '')} {el.get('id', '')}".lower())
    found = [w for w in _CHROME_MARKS if w in marks and (widgets or w != "widget")]
    if found == ["menu"] and _link_density(el) < MENU_LINKS:
        return False  # prose, not links: a theme's content column (e107's ``default_menu``)
    if found and set(found) <= _COLUMN_MARKS | {"widget"} and _holds_prose(el):
        return False  # a portal's ``col-left``, a page builder's text widget: the article
    if found and set(found) <= _BOX_TITLE_MARKS and _article_box(el.getparent()):
        return False  # the title bar of the article's own box (phpWebSite's ``box article``)
    if found and _page_wrapper(el):
        return False  # eZ Publish's ``div.page.sidemenu``: its classes say what the page has
    return bool(found)


#: Share of the page's text a wrapper holds: more than any menu or sidebar can.
WRAPPER_SHARE = 0.8


def _page_wrapper(el: Any) -> bool:
    """A block straight under ``<body>`` holding nearly all of the page's text."""
    body = el.getparent()
    if body is None or body.tag != "body":
        return False
    total = len(text_of(body))
    return bool(total) and len(text_of(el)) >= WRAPPER_SHARE * total


#: Marks of a box's title bar: a sidebar box's, unless the box is the article's.
_BOX_TITLE_MARKS = frozenset(["portlet-title", "block-title", "box-title", "boxtitle"])
_ARTICLE_BOX = re.compile(r"(?:^|[\s_-])(?:article|post|entry|news-?detail)(?:$|[\s_-])", re.I)


def _article_box(box: Any) -> bool:
    return box is not None and bool(_ARTICLE_BOX.search(box.get("class", "")))


#: Marks that name a column by its place on the page, not by what it holds.
_COLUMN_MARKS = frozenset(["cot-trai", "cot-phai", "cottrai", "cotphai", "col-left", "col-right"])
#: Text that makes a column the article's rather than a sidebar, most of it outside links.
COLUMN_TEXT = 500
COLUMN_LINKS = 0.35


def _holds_prose(column: Any) -> bool:
    return len(text_of(column)) >= COLUMN_TEXT and _link_density(column) < COLUMN_LINKS


#: A class word that says what the block is not (Weebly's ``wsite-not-footer``, a page's
#: ``no-sidebar``), or that the page has a sidebar (DokuWiki's ``hasSidebar`` wrapper).
_NEGATED = re.compile(
    r"(?:^|(?<=[\s_-]))(?:not|no|non)[-_][\w-]+"
    r"|(?:has|show|with|without|no|one|two|both)[-_]?sidebars?\b"  # a page wrapper's layout
)
#: Share of a "menu" block's text in links below which it is prose, not a menu.
MENU_LINKS = 0.25


def link_dense(el: Any) -> bool:
    """Mostly links: a menu or a list of other pages, not prose."""
    return _link_density(el) >= LINK_DENSE


def _link_density(el: Any) -> float:
    """Share of the element's text in links, remembered while the element lives: a column
    is asked about once for each element under it."""
    if (known := _DENSITIES.get(el)) is not None:
        return known
    text = len(text_of(el))
    density = sum(len(text_of(a)) for a in el.iter("a")) / text if text else 1.0
    _DENSITIES[el] = density
    return density


_DENSITIES: weakref.WeakKeyDictionary[Any, float] = weakref.WeakKeyDictionary()


def _masthead(el: Any) -> bool:
    if el.tag == "header" and el.get("role") == "banner":
        return True
    tokens = f"{el.get('class', '')} {el.get('id', '')}".lower().split()
    if not any(t in _MASTHEAD for t in tokens):
        return False
    return not any(a.tag == "article" for a in el.iterancestors())  # a post's own header


def prune(work: Any, chain: list[CmsRule]) -> None:
    """Remove chrome from the working copy: rule selectors, generic chrome, captions."""
    targets: list[Any] = []
    for rule in chain:
        for selector in rule.prune:
            targets.extend(select(work, selector))
    for selector in BOILERPLATE_PRUNE:
        targets.extend(select(work, selector))
    targets.extend(_chrome_blocks(work))
    targets.extend(_replies(work))
    targets.extend(_news_lists(work))
    targets.extend(_record_fields(work))
    targets.extend(_file_tables(work))
    targets.extend(_related_lists(work))
    targets.extend(_attachment_boxes(work))
    targets.extend(_document_links(work))
    targets.extend(caption_elements(work))
    total = len(text_of(work)) or 1
    post = first_post(work)
    for el in targets:
        if el.getparent() is None or len(text_of(el)) > 0.5 * total:
            continue
        if post is None or not _holds_whole(el, post):
            remove(el)


#: A word boundary inside a camelCase class name (IBM Connections' ``lotusActionBar``).
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _chrome_blocks(work: Any) -> list[Any]:
    """Blocks whose class or id words are chrome words (share, print, tags, pager...)."""
    found = []
    for el in work.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body"):
            continue
        names = _CAMEL.sub("-", f"{el.get('class', '')} {el.get('id', '')}")
        marks = re.split(r"[\s_\-]+", names.lower())
        joined = "-".join(marks)
        if any(w in joined for w in CHROME_WORDS if "-" in w) or any(
            m in CHROME_WORDS for m in marks
        ):
            found.append(el)
    return found


#: A reply's subject in a forum thread: ``Re: <topic>``.
_REPLY = re.compile(r"^(?:re|trả\s*lời)\s*:", re.IGNORECASE)


def _replies(work: Any) -> list[Any]:
    """The replies of a forum thread: each post (a block repeated beside the first one)
    whose heading is ``Re: …``; the first post is the article, the replies its comments."""
    found = []
    for heading in work.iter("h2", "h3", "h4", "h5"):
        if not _REPLY.match(text_of(heading)):
            continue
        post = next((a for a in heading.iterancestors() if _repeated(a)), None)
        if post is not None:
            found.append(post)
    return found + _numbered_posts_after_the_first(work)


#: A forum post's id: ``post_1057`` (MyBB, vBulletin), ``p123`` (phpBB), ``msg_88`` (SMF),
#: ``post-12`` (XenForo).
_POST_ID = re.compile(r"^(?:post|p|pid|msg|message)[-_]?\d+$", re.IGNORECASE)


def _numbered_posts_after_the_first(work: Any) -> list[Any]:
    """The posts of a thread after its first, by their numbered ids: replies, not text."""
    return [el for el in work.iter(*_POST_TAGS) if _later_post(el)]


_POST_TAGS = ("div", "article", "li", "table")


#: Attributes numbering a thread's posts (Flarum's ``data-number``, Discourse's
#: ``data-post-number``).
_POST_NUMBERS = ("data-number", "data-post-number")


def _numbered(el: Any) -> bool:
    """A forum post by its id or its number attribute."""
    if not isinstance(el.tag, str):
        return False
    if _POST_ID.match(el.get("id", "")):
        return True
    return any(el.get(name, "").isdigit() for name in _POST_NUMBERS)


def _later_post(el: Any) -> bool:
    if not _numbered(el):
        return False
    before = el.getprevious()
    while before is not None and not _numbered(before):
        before = before.getprevious()
    return before is not None and before.tag == el.tag


def opening_post(el: Any) -> Any | None:
    """The first post of a thread that ``el`` is in (or is): a numbered post with replies
    after it. A blog's single ``article#post-12`` is no thread."""
    post = next((a for a in (el, *el.iterancestors()) if _numbered(a)), None)
    return post if post is not None and _opens_thread(post) else None


def first_post(work: Any) -> Any | None:
    """The first post of a thread (numbered posts, one after another): the article."""
    return next((el for el in work.iter(*_POST_TAGS) if _opens_thread(el)), None)


def _opens_thread(el: Any) -> bool:
    if not _numbered(el) or _later_post(el):
        return False
    after = el.getnext()
    while after is not None and not _numbered(after):
        after = after.getnext()
    return after is not None and after.tag == el.tag


def _holds_whole(el: Any, post: Any) -> bool:
    """``el`` holds the post, or is the post's own box (its text nearly all of it)."""
    if inside(post, el):
        return True
    return inside(el, post) and len(text_of(el)) >= 0.8 * len(text_of(post))


def in_reply(el: Any) -> bool:
    """Inside a thread's post after the first (a replier's name is not the author's)."""
    return any(a.tag in _POST_TAGS and _later_post(a) for a in el.iterancestors())


def _repeated(el: Any) -> bool:
    """A block shaped like the one before it (same tag, a class word in common)."""
    before = el.getprevious()
    while before is not None and (not isinstance(before.tag, str) or before.tag in ("hr", "br")):
        before = before.getprevious()
    if before is None or before.tag != el.tag or el.tag in ("body", "html"):
        return False
    mine, theirs = set(el.get("class", "").split()), set(before.get("class", "").split())
    return bool(mine & theirs)


def _news_lists(work: Any) -> list[Any]:
    """Lists of other news wherever they sit and whatever their heading ("Đọc thêm trên
    website", "Tin vắn trong tháng"): two or more items, each a link to a page and at most
    its date, under at most one unlinked heading item; with the heading right above."""
    found = []
    for box in work.iter("ul", "ol", "table"):
        items = _items(box)
        if items and items[0].find(".//a") is None and len(text_of(items[0])) <= 60:
            items = items[1:]  # the list's own heading row
        if len(items) >= 2 and all(_news_item(item) for item in items):
            found.append(box)
            heading = box.getprevious()
            if heading is not None and _list_heading(heading):
                found.append(heading)
    return found


def _list_heading(el: Any) -> bool:
    return (
        el.tag in ("h2", "h3", "h4", "h5", "p", "strong")
        and el.find(".//a") is None
        and 0 < len(text_of(el)) <= 60
    )


#: Fields of a catalogue record that a long value (an abstract) keeps as the text.
RECORD_FIELDS = 4
LONG_VALUE = 200


def _record_fields(work: Any) -> list[Any]:
    """A catalogue record's fields (a repository's item page: ``Nhà xuất bản | X``,
    ``Từ khóa | Y``): four or more labels of one kind, each with its value beside it. The
    labels and the short values go; a long value (the abstract) stays as the text."""
    groups: dict[tuple[str, str], list[tuple[Any, Any]]] = {}
    for label in work.iter("h2", "h3", "h4", "h5", "h6", "dt", "th", "td"):
        value = label.getnext()
        if value is None or not isinstance(value.tag, str) or not 0 < len(text_of(label)) <= 40:
            continue
        if label.tag == "td" and value.tag != "td":
            continue
        kind = (label.tag, (label.get("class") or "").split(" ")[0])
        groups.setdefault(kind, []).append((label, value))
    found = []
    for pairs in groups.values():
        if len(pairs) >= RECORD_FIELDS and _mostly_short(pairs):
            for label, value in pairs:
                found.append(label)
                if len(text_of(value)) < LONG_VALUE:
                    found.append(value)
    return found


#: A record field's value: a name, a date, keywords, not a paragraph.
SHORT_VALUE = 80


def _mostly_short(pairs: list[tuple[Any, Any]]) -> bool:
    """Most values short: a record's fields, not a report's numbered sections (``1. Đặt
    vấn đề`` over a paragraph each)."""
    short = sum(len(text_of(value)) <= SHORT_VALUE for _, value in pairs)
    return 2 * short > len(pairs)


def _file_tables(work: Any) -> list[Any]:
    """A table listing documents, a link to a file on every row under its header (the
    files are stored apart: ``attachments``)."""
    found = []
    for table in work.iter("table"):
        rows = [r for r in _TABLE_ROWS(table) if not _HEADER_CELLS(r)]
        if rows and all(_DOCUMENT_HREF.search(" ".join(_HREFS(r))) for r in rows):
            found.append(table)
    return found


def _items(box: Any) -> list[Any]:
    if box.tag == "table":
        return [row for row in _TABLE_ROWS(box) if text_of(row)]
    return [li for li in box if li.tag == "li"]


_DATE_REST = re.compile(r"^[\s\-–—|()\[\],.:]*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})?[\s)\]]*$")


def _news_item(item: Any) -> bool:
    links = item.findall(".//a")
    if len(links) != 1 or len(text_of(links[0])) < 15 or item.findall(".//img"):
        return False
    rest = text_of(item).replace(text_of(links[0]), " ", 1)
    return bool(_DATE_REST.match(rest))


def is_related_heading(el: Any) -> bool:
    """The heading of a list of other news ("Các tin khác", "Xem thêm"), by its text."""
    return isinstance(el.tag, str) and bool(_RELATED.search(text_of(el)))


def opens_related_list(block: Any) -> bool:
    """A block whose first line is the heading of a list of other news."""
    first = next((el for el in block.iter() if isinstance(el.tag, str) and own_text(el)), None)
    return first is not None and is_related_heading(first)


def _related_lists(work: Any) -> list[Any]:
    """A "Các tin khác" heading and the lists of links right after it, however they are marked
    up (a bold paragraph and a table on FrontPage pages); after a heading's list, the short
    lines that close the flow (a one-page site's address, license and builder's credit)."""
    found = _labelled_blocks(work, _RELATED.search, text_of)
    for block in [b for b in found if b.tag in ("h2", "h3", "h4", "h5", "h6")]:
        sibling = block.getnext()
        while sibling is not None and (not isinstance(sibling.tag, str) or sibling in found):
            sibling = sibling.getnext()
        closing: list[Any] = []
        while sibling is not None and isinstance(sibling.tag, str):
            if len(text_of(sibling)) > CLOSING_LINE:
                closing = []  # more text follows: the list sat inside the article
                break
            closing.append(sibling)
            sibling = sibling.getnext()
        found.extend(closing)
    return found


#: The longest line of a page's closing (address, license) after its list of other news.
CLOSING_LINE = 200


def _attachment_boxes(work: Any) -> list[Any]:
    """A "Tài liệu đính kèm" label with its document links, in one block or as a heading
    over a list of them."""
    return _labelled_blocks(work, _ATTACHED.match, _text_beside_links)


def _labelled_blocks(
    work: Any, label: Callable[[str], Any], what_else: Callable[[Any], str]
) -> list[Any]:
    """Blocks that start with ``label`` and say nothing else (``what_else`` of the block is a
    label too), with the lists of links right after them."""
    found = []
    for el in work.iter():
        if not isinstance(el.tag, str) or not el.text or not label(el.text.strip()):
            continue
        block = next((a for a in (el, *el.iterancestors()) if a.tag in BLOCKS), el)
        if not label(what_else(block)):
            # an inline label before its list, in a larger cell (``<b>…:</b><ul>``,
            # ``<font><b>Tin cùng chuyên mục</b></font><br>`` and a link per line)
            block = _outer_inline(el)
            if not label(what_else(block)) or not _link_list_follows(block):
                continue
        row = block.getparent()
        if block.tag in ("td", "th") and row is not None and row.tag == "tr" and len(row) == 1:
            block = row  # a one-cell row of a layout table: the list is in the rows below
        found.append(block)
        sibling = block.getnext()
        while sibling is not None and isinstance(sibling.tag, str) and _list_part(sibling):
            found.append(sibling)
            sibling = sibling.getnext()
    return found


def _outer_inline(el: Any) -> Any:
    """The outermost inline element around ``el`` that holds nothing more than it."""
    while (parent := el.getparent()) is not None and parent.tag not in BLOCKS:
        if text_of(parent) != text_of(el):
            break
        el = parent
    return el


def _list_part(el: Any) -> bool:
    """A list of links, or what separates its lines (``<br>``, a spacer image)."""
    return _link_list(el) or (el.tag == "img" and not (el.tail or "").strip())


def _link_list_follows(el: Any) -> bool:
    sibling = el.getnext()
    while sibling is not None and sibling.tag in ("br", "img") and not (sibling.tail or "").strip():
        sibling = sibling.getnext()
    return sibling is not None and isinstance(sibling.tag, str) and _link_list(sibling)


def _text_beside_links(block: Any) -> str:
    """The block's text outside its links, and outside the files' sizes printed beside them
    (``Tải về: <a>lich-hoc.pdf</a> (96 KB)``)."""
    rest = text_of(block)
    for link in block.iter("a"):
        rest = rest.replace(text_of(link), " ", 1)
    return " ".join(_FILE_SIZE.sub(" ", rest).split())


_FILE_SIZE = re.compile(r"\(\s*[\d.,]+\s*(?:kb|mb|gb|bytes?)\s*\)", re.IGNORECASE)


#: Where a link leads to a document rather than a page: a file, or a document host's viewer.
_DOCUMENT_HREF = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar)(?:[?#]|$)"
    r"|//(?:drive|docs)\.google\.com/|//(?:www\.)?dropbox\.com/|//onedrive\.live\.com/",
    re.IGNORECASE,
)


def document_href(href: str) -> bool:
    """A link to a document file (PDF, Word, a spreadsheet...) rather than a page."""
    return bool(_DOCUMENT_HREF.search(href))


def _document_links(work: Any) -> list[Any]:
    """A paragraph that is nothing but a link to a document (``Bảng điểm (Google Drive)``),
    or a label and the link (``Tải về: Bản Word của bài viết``): the document is an
    attachment, its link is not the article's text."""
    found = []
    for link in work.iter("a"):
        if not _DOCUMENT_HREF.search(link.get("href", "")):
            continue
        block = next((a for a in link.iterancestors() if a.tag in ("p", "li", "div")), None)
        text = text_of(block) if block is not None else ""
        if text and (text == text_of(link) or _download_label(_text_beside_links(block))):
            found.append(block)
    return found


#: What a document's link is labelled with when it stands alone under the text.
_DOWNLOAD_LABEL = re.compile(
    r"^(?:tải\s*(?:về|xuống)|download|xem\s*(?:file|tệp|tập\s*tin|văn\s*bản|toàn\s*văn)"
    r"|file|tệp|tập\s*tin|phụ\s*lục"
    r"|(?:mẫu|biểu\s*mẫu|tài\s*liệu|văn\s*bản)\s*(?:kèm\s*theo|đính\s*kèm))\s*:?$",
    re.IGNORECASE,
)


def _download_label(text: str) -> bool:
    """``Tải về:``, or any short label ending in a colon (``Báo cáo đầy đủ:``) before the
    link."""
    return bool(_DOWNLOAD_LABEL.match(text)) or (text.endswith(":") and len(text) <= 40)


def _link_list(el: Any) -> bool:
    if el.tag in ("hr", "br"):
        return True
    text = text_of(el)
    linked = sum(len(text_of(a)) for a in el.iter("a"))
    return bool(text) and linked >= LINK_DENSE * len(text)


def is_chrome_line(line: str) -> bool:
    """A whole short line of chrome ("Tin khác", "Lượt xem: 307", "In bài viết"), or a row
    of such items ("Trang in | Gửi bài viết cho bạn bè | Đánh giá bài viết")."""
    if len(line) > 200:
        return False
    if any(p.search(line) for p in _CHROME_LINES):
        return True
    parts = _ROW_SEPARATOR.split(line)
    if len(parts) < 2:
        return False
    chrome = [any(p.search(part) for p in _CHROME_LINES) for part in parts]
    return any(chrome) and all(
        c or _META_FIELD.match(part) for c, part in zip(chrome, parts, strict=True)
    )


#: Between the items of a meta row: ``10:12:00 - admin - Chuyên mục: Tin hoạt động``.
_ROW_SEPARATOR = re.compile(r"\s[|\-–·•]\s")
#: A meta row's other items: a clock, an account's one-word name, a category.
_META_FIELD = re.compile(
    r"^(?:\d{1,2}:\d{2}(?::\d{2})?|\S+|(?:chuyên\s*mục|danh\s*mục|category)\s*:.{1,40})$",
    re.IGNORECASE,
)
