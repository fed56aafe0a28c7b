"""The publication date of a parsed page, and where on the page it is looked for.

The order matters: rule selectors, then the date line printed next to the
headline (never a header clock or a sidebar), then metadata, then the URL,
then htmldate on the article's container. Parsing the text of a date is
:mod:`archive.extract.dates`.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import lxml.html
from lxml import etree

from archive.extract import bylines, dates, letters
from archive.extract.chrome import chrome_marked, in_chrome, opening_post
from archive.extract.tree import (
    BLOCKS,
    Page,
    content_node,
    following,
    icon_fields,
    inside,
    just_before,
    matches,
    own_text,
    text_lines,
    text_of,
)

#: Elements scanned after the headline for its date line.
DATE_WINDOW = 40


def find_date(page: Page, title_el: Any | None) -> tuple[str | None, str | None, str | None]:
    """The publication day, printed time and the path that found them: rule selectors (the
    rule's path), then the date line next to the headline ("generic"), then metadata
    ("meta"), then the URL ("url"), then htmldate on the article's container ("generic")."""
    found = _date_from_rules(page, in_chrome_too=False)
    if found:
        return found
    for finder, path in (
        (lambda p: _date_near_title(p, title_el), "generic"),
        (letters.mail_sent_date, "generic"),
        (_date_from_meta, "meta"),
        (_date_from_url, "url"),
        (lambda p: _labelled_date_after(title_el), "generic"),
        (lambda p: _marked_date_after(title_el), "generic"),
    ):
        day = finder(page)
        if day:
            return day[0], day[1], path
    # a selector's match that looks like chrome: a header's clock, or on a page whose
    # unclosed tags put the article inside its menu
    found = _date_from_rules(page, in_chrome_too=True)
    if found:
        return found
    day_only = _date_from_htmldate(page)
    return day_only, None, ("generic" if day_only else None)


#: Class/id fragments of the date widgets of a site's header: today's date, never the
#: article's (DotNetNuke's CURRENTDATE skin object has an id ending in lblDate, as ASP.NET
#: article dates do).
CLOCK_MARKS = ("currentdate", "current-date", "current_date", "datetoken", "clock", "today")


def _date_from_rules(page: Page, in_chrome_too: bool) -> tuple[str, str | None, str] | None:
    for rule, el in matches(page, "date"):
        if dates.is_clock(text_of(el)) or _clock_marked(el):
            continue
        if not in_chrome_too and in_chrome(el):
            continue  # a header's clock or a sidebar's date, whatever the selector says
        for value in (el.get("datetime"), el.get("content"), text_of(el)):
            found = _parse_date_text(value)
            if found:
                return found[0], found[1], rule.path
    return None


def _clock_marked(el: Any) -> bool:
    for node in (el, el.getparent()):
        if node is not None:
            marks = f"{node.get('class', '')} {node.get('id', '')}".lower()
            if any(m in marks for m in CLOCK_MARKS):
                return True
    return False


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
    return (
        _date_inside(title_el)
        or _date_in_post(title_el)
        or _labelled_just_before(title_el)
        or _date_after(title_el)
        or _date_just_before(title_el)
    )


def _date_in_post(el: Any) -> tuple[str, str | None] | None:
    """A forum thread's first post: the first date line in it (FluxBB prints it in the
    post's own header, above the poster's box and the subject), not the poster's join
    date, nor a reply's."""
    post = opening_post(el)
    if post is None:
        return None
    for node in post.iter():
        own = own_text(node) if isinstance(node.tag, str) else ""
        if own and not OTHER_DATE_LABEL.match(own) and dates.is_date_line(own):
            return dates.parse_vn_date(own)
    return None


def _labelled_just_before(el: Any) -> tuple[str, str | None] | None:
    """A publication date labelled as such in the blocks right above the headline (Canvas's
    ``Đã đăng: 14 thg 3, 2025 lúc 8:30`` under the poster's name): it beats a date line
    below, which may be the text's own (an exam timetable's)."""
    for block in just_before(el):
        for node in block.iter():
            own = own_text(node) if isinstance(node.tag, str) else ""
            if own and (field := _published_field(own)) and dates.is_date_line(field):
                return dates.parse_vn_date(field)
    return None


def _date_inside(el: Any) -> tuple[str, str | None] | None:
    """A date printed inside the headline's element (``<h2>Headline <span>(14/06/2017)</span>``)."""
    for child in el.iterdescendants():
        own = own_text(child) if isinstance(child.tag, str) else ""
        if own and dates.is_date_line(own):
            return dates.parse_vn_date(own)
    return None


def _date_after(el: Any) -> tuple[str, str | None] | None:
    """The first date line after the headline, before the body or a list of other news starts."""
    other: Any | None = None  # the box of another date's label (a wiki's last edit card)
    widgets = not _in_widget(el)
    for i, node in enumerate(following(el)):
        if i > DATE_WINDOW or ends_header(node, widgets):
            break
        own = own_text(node)
        if own and (field := _meta_row_time(own)):
            return dates.parse_vn_date(field)
        if own and (OTHER_DATE_LABEL.match(own) or _modified_marked(node)):
            other = node.getparent()
            continue  # a date, but not the article's (the poster's join date, a last edit)
        if other is not None and inside(node, other):
            continue  # under that label, in its box
        if own and (posted := posted_date(text_of(node))):
            return posted
        if node.tag == "time" or (own and dates.is_date_line(own)):
            stamp = next(filter(None, map(_time_element, node.iter("time"))), None)
            if found := stamp or dates.parse_vn_date(own):
                return found
        if own and dated_first_line(node):
            return dates.parse_vn_date(own)
        if own and (field := _dated_field(node) or bylines.name_and_date(own)[1]):
            return dates.parse_vn_date(field)
        if own and (field := _date_among_fields(own)):
            return dates.parse_vn_date(field)
    return None


#: A meta row of fields: its topic, its date (``TIN SỰ KIỆN | 25/10/2024``).
META_ROW = 80
_TIME_LABEL = re.compile(r"^\W*thời\s*gian\s*:", re.IGNORECASE)
_CREDIT_FIELD = re.compile(r"^\W*(?:tác\s*giả|người\s*(?:viết|đăng)|nguồn)\s*:", re.IGNORECASE)


def _meta_row_time(line: str) -> str | None:
    """``Thời gian: 2024-11-05 15:20  Tác giả: X  Nguồn: Y`` (DedeCMS's article info): in a
    row with a credit field, "Thời gian:" is when the item was posted, not an event's time."""
    fields = dates.FIELD_SEPARATOR.split(line)
    if not _TIME_LABEL.match(fields[0]) or not any(_CREDIT_FIELD.match(f) for f in fields[1:]):
        return None
    return fields[0] if dates.is_date_line(fields[0]) else None


def _date_among_fields(line: str) -> str | None:
    if len(line) > META_ROW:
        return None
    fields = dates.FIELD_SEPARATOR.split(line)
    return next((f for f in fields[1:] if dates.is_date_line(f.strip())), None)


def _dated_field(node: Any) -> str | None:
    """The date among a meta row's icon-parted fields (Bludit's ``page-meta``: a calendar
    icon and the date, a user icon and the author)."""
    return next((f for f in icon_fields(node) if dates.is_date_line(f)), None)


def dated_first_line(node: Any) -> bool:
    """A meta block whose first line is the date (Multiply's ``Oct 3, '09 9:47 PM<br>for
    everyone``): what follows the ``<br>`` is not part of the date line."""
    if node.find("br") is None:
        return False
    lines = text_lines(node)
    return len(lines) > 1 and dates.is_date_line(lines[0])


def _time_element(node: Any) -> tuple[str, str | None] | None:
    """A ``<time datetime>`` (block themes print "12 Tháng Mười, 2020" and keep the time in
    the attribute); never the "updated" one WordPress prints beside it."""
    marks = f"{node.get('class', '')} {node.get('itemprop', '')}".lower()
    if "updated" in marks or "modified" in marks:
        return None
    return _parse_date_text(node.get("datetime"))


#: A date line that says it is another date than the article's.
OTHER_DATE_LABEL = re.compile(
    r"^\W*(?:ngày\s*tham\s*gia|tham\s*gia|joined|đăng\s*ký\s*:|ngày\s*sinh|sinh\s*ngày"
    r"|(?:ngày\s*)?cập\s*nhật\s*lần\s*cuối|lần\s*cập\s*nhật\s*cuối|(?:chỉnh\s*)?sửa\s*lần\s*cuối"
    r"|last\s*(?:updated|modified|edited)|hạn\s*(?:chót|nộp)|ngày\s*hết\s*hạn"
    r"|thời\s*gian\s*:)",  # an event's time (``Thời gian: 7 giờ 30 phút, ngày 20/10/2022``)
    re.IGNORECASE,
)
_MODIFIED_MARK = re.compile(r"modif|updated|edited|last-?change", re.IGNORECASE)


def _modified_marked(node: Any) -> bool:
    """A last edit's date by its class (Confluence's ``a.last-modified``)."""
    return bool(_MODIFIED_MARK.search(f"{node.get('class', '')} {node.get('id', '')}"))


#: A date line that says it is the article's: ``Thời gian đăng: 05/09/2024 15:20``.
PUBLISHED_LABEL = re.compile(
    r"^\W*(?:ngày\s*(?:đăng|gửi|xuất\s*bản)|(?:đã\s*)?đăng\s*(?:ngày|lúc|:)|thời\s*gian\s*đăng"
    r"|published|posted)",
    re.IGNORECASE,
)
#: ``Đăng bởi admin lúc 02/03/2025 15:20 · Đoàn thể · 154 Lượt đọc``: the poster, then the
#: date, in a news footer of several fields.
POSTED_BY_AT = re.compile(
    r"^\W*(?:đăng|gửi|viết|tạo|post(?:ed)?|submitted|created)\s+(?:bởi|by)\s+.{1,50}?\s+"
    r"(?:lúc|vào|ngày|on|at|\||/)\s+"
    r"(?P<date>.{6,60})",
    re.IGNORECASE,
)


def _published_field(line: str) -> str | None:
    """The field of a meta line labelled as the publication date (``Người gửi: X - Ngày
    đăng: 11/10/2022 14:05``)."""
    return next(
        (f for f in dates.FIELD_SEPARATOR.split(line) if PUBLISHED_LABEL.match(f.strip())), None
    )


#: ``Bài viết đăng ngày 04/03/2025 bởi X - Phòng Đào tạo.`` (Anchor's footnote): the date,
#: then the poster.
POSTED_ON_BY = re.compile(
    r"^\W*(?:(?:bài\s*viết|bài|tin)\s+)?(?:được\s+)?(?:đăng|gửi|viết)\s+(?:ngày|lúc|vào)\s+"
    r"(?P<date>.{6,40}?)\s+bởi\s+\S",
    re.IGNORECASE,
)


def posted_date(text: str) -> tuple[str, str | None] | None:
    """The date of ``Đăng bởi quantri lúc Thứ sáu 09 Tháng 4 2021 - 15:00:00 · Mục``."""
    posted = POSTED_BY_AT.match(" ".join(text.split()))
    return dates.parse_vn_date(posted.group("date")) if posted else None


#: Elements scanned after the headline for a labelled date line below the body.
LABELLED_WINDOW = 600


def _labelled_date_after(el: Any | None) -> tuple[str, str | None] | None:
    """A labelled publication date below the body (portals' meta zones under the text), or
    the place and date a document is signed with, outside menus, sidebars and lists of
    other news."""
    if el is None:
        return None
    for i, node in enumerate(following(el)):
        if i > LABELLED_WINDOW:
            break
        own = own_text(node)
        if not own or in_chrome(node):
            continue
        if (published := _published_field(own)) and dates.is_date_line(own):
            return dates.parse_vn_date(published)
        if footnote := POSTED_ON_BY.match(own):
            return dates.parse_vn_date(footnote.group("date"))
        if signed := dates.place_date(own):
            return signed  # ``Thái Nguyên, ngày 28 tháng 10 năm 2024`` over the signature
        if posted := posted_date(text_of(node)):
            return posted
        if node.find("br") is not None and (signed := _signature_date(node)):
            return signed
    return None


def _signature_date(node: Any) -> tuple[str, str | None] | None:
    """The date under a signature, on the line after the name (``<em>Khoa Lý luận cơ
    sở</em><br>Ngày 11/05/2021 09:20``)."""
    lines = text_lines(node)
    field = bylines.name_and_date(" | ".join(lines))[1] if len(lines) == 2 else None
    return dates.parse_vn_date(field) if field else None


#: Class, id or itemprop words of an element that prints the post's date, or that makes it
#: the post's footer row (Yahoo! 360's ``p.footer``: a line that is nothing but a date).
_DATE_MARK = re.compile(
    r"(?:^|[\s_-])(?:date|time|published|posted|post-date|entry-date|footer)", re.I
)


def _marked_date_after(el: Any | None) -> tuple[str, str | None] | None:
    """A date marked as the post's (``<a class="date">21 tháng 7, 2023</a>``) in its meta row
    below the text (Tumblr's themes), outside chrome and lists of other news; the page's own
    ``<footer>`` is never the post's."""
    if el is None:
        return None
    for i, node in enumerate(following(el)):
        if i > LABELLED_WINDOW:
            break
        marks = f"{node.get('class', '')} {node.get('id', '')} {node.get('itemprop', '')}"
        own = own_text(node)
        if not own or not _DATE_MARK.search(marks) or not dates.is_date_line(own):
            continue
        if (
            node.tag == "footer"
            or in_chrome(node)
            or any(a.tag == "li" for a in node.iterancestors())
        ):
            continue
        return dates.parse_vn_date(own)
    return None


def date_follows(el: Any) -> bool:
    """The headline's own date line comes next (short tool lines like 'Cỡ chữ' may sit between)."""
    skipped = 0
    for i, node in enumerate(following(el)):
        own = own_text(node)
        if i > DATE_WINDOW or ends_header(node):
            return False
        if not own:
            continue
        if dates.is_date_line(own) or posted_date(text_of(node)):
            return True
        skipped += 1
        if len(own) > 40 or skipped > 2:
            return False
    return False


def ends_header(node: Any, widgets: bool = True) -> bool:
    """A body paragraph, a news-list item or chrome: the headline's date is not beyond it.
    ``widgets=False``: a page builder's page, whose "widget" blocks are not chrome."""
    if node.tag == "li" and any(len(text_of(a)) >= 20 for a in node.iter("a")):
        return True
    if chrome_marked(node, widgets) and not _post_footer(node):
        return True
    if _COMMENTS.search(f" {node.get('class', '')} {node.get('id', '')} "):
        return True  # the readers' comments: their dates are not the article's
    text = text_of(node)
    return len(text) > 200 and not any(
        isinstance(c.tag, str) and c.tag in BLOCKS and text_of(c) for c in node
    )


#: A comment section by a class or id word of its own (``ol.comments``, ``#comments``,
#: ``comment-list``); not a post whose type is a comment (Flarum's ``CommentPost``).
_COMMENTS = re.compile(
    r"\s(?:comments?(?:[-_](?:list|area|section|wrap|container|block))?|commentlist"
    r"|binh-?luan)\s",
    re.IGNORECASE,
)


def _in_widget(el: Any) -> bool:
    """The headline sits in a "widget" block: a page builder's (ImpressPages' ``ipWidget``,
    Percussion's ``perc-widget``), whose date sits in the next widget."""
    return any("widget" in (a.get("class") or "").lower() for a in el.iterancestors())


def _post_footer(node: Any) -> bool:
    """A post's own footer row (``entry-footer``, Odoo's ``post_page_cover_footer``): its
    meta (author, date) is the article's, not the site's."""
    marks = f"{node.get('class', '')} {node.get('id', '')}".lower()
    return node.tag != "footer" and "footer" in marks and bool(_POST_MARK.search(marks))


_POST_MARK = re.compile(r"post|entry|article|cover|news")


def _date_just_before(el: Any) -> tuple[str, str | None] | None:
    """K2 and some portals print the date right above the headline, in the same box (or
    the row above the headline's cell, in a table)."""
    for block in just_before(el):
        own = text_of(block)
        if own and len(own) <= 60 and dates.is_date_line(own):
            return dates.parse_vn_date(own)
        if own and (field := bylines.name_and_date(own)[1]):
            return dates.parse_vn_date(field)  # Neos: ``18.10.2024 | Phòng X`` above
    return None


_META_DATES = tuple(
    etree.XPath(xpath)
    for xpath in (
        "//meta[@property='article:published_time' or @name='article:published_time']/@content",
        "//meta[@itemprop='datePublished']/@content",
        "//abbr[contains(concat(' ', normalize-space(@class), ' '), ' published ')]/@title",
        "//*[@itemprop='datePublished']/@datetime",
        "//meta[translate(@name, 'PUBDATEISH', 'pubdateish')='pubdate' or @name='publishdate' "
        "or translate(@name, 'DCATE', 'dcate')='dc.date' or @name='dcterms.created' "
        "or @name='DC.date.issued']/@content",
        # scholarly pages (Open Journal Systems, DSpace): Highwire's and Dublin Core's names
        "//meta[@name='citation_publication_date' or @name='citation_date' "
        "or translate(@name, 'DCATEISU', 'dcateisu')='dc.date.issued']/@content",
    )
)


def _date_from_meta(page: Page) -> tuple[str, str | None] | None:
    for xpath in _META_DATES:
        for value in xpath(page.tree):
            found = dates.parse_timestamp(re.sub(r"^(\d{4})/(\d{2})/(\d{2})", r"\1-\2-\3", value))
            if found:
                return found
    return _date_from_json_ld(page)


_JSON_LD = etree.XPath("//script[@type='application/ld+json']/text()")


def _date_from_json_ld(page: Page) -> tuple[str, str | None] | None:
    for script in _JSON_LD(page.tree):
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
