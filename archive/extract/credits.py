"""Who wrote the article and where it came from.

Byline and source selectors, labelled lines right after the body, and credit
lines at either end of the body (moved out of the text into ``author`` and
``source``). Parsing one byline is :mod:`archive.extract.bylines`.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from itertools import islice
from typing import Any

from lxml import etree

from archive.extract import titles
from archive.extract.bylines import (
    BY_TRAILER,
    FIELD_BREAK,
    is_person_name,
    is_role_line,
    labelled_author,
    name_and_date,
    names_in,
    parse_byline,
    unit_signature,
)
from archive.extract.chrome import in_chrome, in_reply, opening_post
from archive.extract.dating import ends_header
from archive.extract.tree import (
    BLOCKS,
    Page,
    Region,
    following,
    icon_fields,
    inside,
    just_before,
    layout_cell,
    matches,
    own_text,
    render_blocks,
    text_lines,
    text_of,
)

#: Credit lines taken from the end of a body: author (with role line) and source.
MAX_TAIL_CREDITS = 2


#: An attachment row rendered after the body ("Tài liệu đính kèm:", a file's name): the
#: signature above it still ends the article.
_ATTACHMENT_LINE = re.compile(
    r"^(?:(?:tài liệu|tệp|tập tin|file|văn bản)(?:\s+đính\s+kèm)?\s*:.{0,200}"
    r"|(?:tài liệu|tệp|tập tin|file|văn bản)\s+đính\s+kèm"
    r"|.{1,150}\.(?:pdf|docx?|xlsx?|pptx?|zip|rar))$",
    re.IGNORECASE,
)

#: Path of a credit found by reading the lines near the body rather than a rule's selector.
GENERIC = "generic"


def find_credits(
    page: Page, content: Any | None, near: Region, signed: bool = False,
    title_el: Any | None = None,
) -> dict[str, tuple[str, str]]:  # fmt: skip
    """Author and source from byline/source selectors and labelled lines near the body:
    ``{"author": (name, path), "source": (name, path)}`` for those found, the path being
    the rule's path or "generic". ``signed``: the body's edges already name the author, so
    the page around it need not be read for a labelled byline."""
    found: dict[str, tuple[str, str]] = {}

    def keep(author: str | None, source: str | None, path: str) -> None:
        for field, value in (("author", author), ("source", source)):
            if value and field not in found:
                found[field] = (value, path)

    for rule, el in matches(page, "byline"):
        parsed = _byline_in(el) if near.accepts(rule, el) else None
        if parsed:
            keep(parsed[0], parsed[1], rule.path)
    for rule, el in matches(page, "source"):
        keep(None, _source_text(text_of(el)), rule.path)
    team = _meta_team(page)
    if team and found.get("author", ("",))[0] in team:
        found["author"] = (", ".join(team), "meta")  # the byline printed the first of them
    if "author" not in found:  # every author, where a byline has one
        keep(_scholarly_authors(page) or ", ".join(team), None, "meta")
    if "author" not in found and not signed:
        keep(
            _marked_near(page, near)
            or _marked_in_header(title_el)
            or _labelled_near(page, near)
            or _author_field(page)
            or _created_by(page)
            or _poster_of_post(title_el),
            None,
            GENERIC,
        )
    if "author" not in found and not signed and title_el is not None:
        keep(_name_under_headline(title_el) or _credit_over_headline(title_el), None, GENERIC)
    if content is not None and len(found) < 2:
        for index, line in enumerate(_lines_after(content)):
            bare_name_first = index == 0 and len(line) <= BARE_NAME_LINE and "author" not in found
            parsed = parse_byline(line) if _labelled(line) or bare_name_first else None
            if parsed:
                keep(parsed[0], parsed[1], GENERIC)
            elif bare_name_first:
                keep(unit_signature(line), None, GENERIC)  # a unit signing under the text
    return found


#: Class, id or itemprop of an element that holds the article's author (``author vcard``,
#: ``ArticleAuthor``, ``wp-block-post-author-name``, ``byline``), not a commenter's.
_AUTHOR_MARK = re.compile(
    r"author|byline|tac-?gia|tacgia|nguoi-?viet|user-?name|signature|poster(?!-?image)",
    re.IGNORECASE,
)
_NOT_AUTHOR_MARK = re.compile(r"comment|avatar|bio|desc|box|url|link", re.IGNORECASE)
#: What a marked author element may hold besides a person or a unit: the newsroom's
#: anonymous credits (``CTV``: a contributor, ``PV``: a reporter) and a one-word unit.
_MARKED_CREDIT = re.compile(r"^(?:CTV|PV|BTV|Thư viện|Văn phòng|Phóng viên|Cộng tác viên)$")


def _marked_near(page: Page, near: Region) -> str | None:
    """An element marked as the author in the article's stretch of the page: a person
    (label, degree and role dropped) or a unit signing alone (``Phòng Đào tạo``); else a
    forum's poster box just before the post's subject (SMF's ``div.poster``: the name on
    its first line, then the member's group and post count)."""
    start = max(near.start, 0)
    for el in islice(page.order, start, near.end + 1):
        if not isinstance(el.tag, str) or not _author_marked(el) or in_reply(el):
            continue
        if found := _marked_author(el) or _first_line_credit(el):
            return found
    for el in islice(page.order, max(start - POSTER_BEFORE, 0), start):
        if isinstance(el.tag, str) and _author_marked(el) and not in_chrome(el):
            parsed = _byline_in(el)
            if parsed and parsed[0]:
                return parsed[0]
    return None


#: Elements looked at before the headline for the poster's box of a forum post.
POSTER_BEFORE = 12


def _first_line_credit(el: Any) -> str | None:
    """The name on the first line of a marked author box (MyBB's ``author_information``:
    the poster, then the member's rank)."""
    parsed = _byline_in(el)
    if parsed and parsed[0]:
        return parsed[0]
    lines = text_lines(el)
    return unit_signature(lines[0]) if lines else None


def _marked_author(el: Any) -> str | None:
    line = _short_text(el)
    if _EDITED_BY.match(line):
        return None
    parsed = parse_byline(line) if line else None
    if parsed and parsed[0]:
        return parsed[0]
    if line and (unit := unit_signature(line)):
        return unit
    if line and _MARKED_CREDIT.match(line):
        return line
    return None


#: The label of a record's author field (a repository's item page).
_CITATION_AUTHORS = etree.XPath("//meta[@name='citation_author']/@content")
#: One author a tag; a single one names the site's account as often as the writer.
_META_AUTHORS = etree.XPath("//meta[@name='author']/@content")
_AUTHOR_FIELD = re.compile(r"^(?:tác\s*giả|người\s*viết|author|authors)\s*:?$", re.IGNORECASE)


def _author_field(page: Page) -> str | None:
    """A record's author field: its label in one element, the names in the next
    (``<h2>Tác giả</h2><div>Khoa Lý luận cơ sở</div>``)."""
    for label in page.tree.iter("h2", "h3", "h4", "h5", "h6", "dt", "th", "td", "strong", "b"):
        if not _AUTHOR_FIELD.match(text_of(label)) or in_chrome(label):
            continue
        value = _column_below(label) if label.tag == "th" else label.getnext()
        if value is not None and (credit := _first_credit(value)):
            return credit
    return None


def _column_below(header: Any) -> Any | None:
    """The first row's cell under a column header (JForum's ``Tác giả | Thông điệp``)."""
    row = header.getparent()
    below = row.getnext() if row is not None else None
    if below is None or below.tag != "tr":
        return header.getnext()
    index = [c for c in row if isinstance(c.tag, str)].index(header)
    cells = [c for c in below if isinstance(c.tag, str)]
    return cells[index] if index < len(cells) else None


def _first_credit(value: Any) -> str | None:
    """The person or unit a field's value names, as one line or on its first line."""
    lines = text_lines(value)
    return _person_or_unit(_short_text(value)) or (_person_or_unit(lines[0]) if lines else None)


def _scholarly_authors(page: Page) -> str | None:
    """A journal article's or repository item's authors (``citation_author``, Highwire's
    names, which Open Journal Systems and DSpace print one per author): persons, not the
    account that posted it."""
    names = [str(v).strip() for v in _CITATION_AUTHORS(page.tree)]
    people = [n for n in dict.fromkeys(names) if is_person_name(n)]
    return ", ".join(people) or None


#: A wiki page's details (BookStack's ``Đã tạo 3 tháng trước bởi X``, ``Created 2 days
#: ago by X``): who made the page, wherever the box sits; never who edited it last.
_CREATED_BY = re.compile(
    r"^\W*(?:đã\s+)?(?:được\s+)?(?:tạo|created)\b.{0,40}?\s(?:bởi|by)\s+(?P<name>.{2,60})$",
    re.IGNORECASE,
)
_META_BLOCKS = ("span", "div", "p", "li", "dd", "td", "small")
_CREATED_HINT = re.compile(r"tạo|created", re.IGNORECASE)


def _created_by(page: Page) -> str | None:
    for el in page.tree.iter(*_META_BLOCKS):
        if not _CREATED_HINT.search(el.text or ""):
            continue  # cheap, before reading the element's whole text
        text = text_of(el)
        if len(text) <= 120 and (m := _CREATED_BY.match(text)) and not in_reply(el):
            name = names_in(BY_TRAILER.sub("", m.group("name")))
            if name and is_person_name(name):
                return name
    return None


#: A link to a member's profile (FluxBB's ``profile.php?id=12``, ``/users/5``, ``/u/x``).
_PROFILE_HREF = re.compile(
    r"(?:^|/)(?:profile\.php\?|memberlist\.php\?mode=viewprofile|members?/|users?/|u/)",
    re.IGNORECASE,
)


def _poster_of_post(title_el: Any | None) -> str | None:
    """The poster of a forum thread's first post, by the link to their profile in the
    post's box (FluxBB's ``postleft``: the name, then the member's rank)."""
    post = opening_post(title_el) if title_el is not None else None
    if post is None:
        return None
    for link in post.iter("a"):
        name = text_of(link)
        if _PROFILE_HREF.search(link.get("href", "")) and is_person_name(name):
            return name
    return None


def _meta_team(page: Page) -> list[str]:
    """A report's authors, one ``meta name=author`` each (Quarto, Pandoc): two or more
    persons (a single one names the site's account as often as the writer)."""
    metas = [parse_byline(str(v)) for v in _META_AUTHORS(page.tree)]
    named = list(dict.fromkeys(b[0] for b in metas if b and b[0] and is_person_name(b[0])))
    return named if len(named) >= 2 else []


#: Text in the headline's own block beyond which it is not the post's header.
HEADER_TEXT = 400


def _marked_in_header(title_el: Any | None) -> str | None:
    """An author marked above the headline in the post's own header (Wix's ``user-name``
    over the title and date): the block holding the headline and little else."""
    header = title_el.getparent() if title_el is not None else None
    if header is None or header.tag in ("body", "html") or len(text_of(header)) > HEADER_TEXT:
        return None
    for el in header.iter():
        if el is title_el:
            return None
        if not isinstance(el.tag, str) or not _author_marked(el):
            continue
        parsed = parse_byline(_short_text(el))
        if parsed and parsed[0]:
            return parsed[0]
    return None


def _author_marked(el: Any) -> bool:
    marks = f"{el.get('class', '')} {el.get('id', '')} {el.get('itemprop', '')}"
    return bool(_AUTHOR_MARK.search(marks)) and not _NOT_AUTHOR_MARK.search(marks)


#: Elements looked at between the headline and the text for a name standing alone.
UNDER_HEADLINE = 25


def _name_under_headline(title_el: Any) -> str | None:
    """A name alone on its line between the headline and the text's first paragraph (Odoo's
    blog header, ``TS. X - Khoa Lý luận cơ sở`` above an essay); date lines pass."""
    edited: Any | None = None  # the box of a last edit's label
    for i, node in enumerate(following(title_el)):
        if i > UNDER_HEADLINE or _prose_block(node) or ends_header(node):
            break
        own = own_text(node)
        if own and _EDITED_BY.match(own):
            edited = node.getparent()
            continue
        if edited is not None and inside(node, edited):
            continue  # the last editor's name, under that label (Wiki.js's author card)
        if own and _data_cell(node):
            continue  # a field's value (an infobox's ``Đơn vị chủ trì | Phòng X``), not a credit
        for line in (own, *_broken_lines(node), *icon_fields(node)) if own else ():
            if credit := _person_or_unit(line):
                return credit
    return None


def _broken_lines(node: Any) -> list[str]:
    """The lines of a block parted by ``<br>`` (Trac's ``<em>Ngày 09/01/2025</em><br>
    Điểu Thị Ngân``: the date, then the name)."""
    return text_lines(node) if node.find("br") is not None else []


def _credit_over_headline(title_el: Any) -> str | None:
    """A person or unit sharing a line with the date right over the headline, in the block
    before the headline's (Neos: ``18.10.2024 | Phòng Tổ chức - Hành chính``)."""
    return next(
        (credit for b in just_before(title_el) if (credit := name_and_date(text_of(b))[0])),
        None,
    )


def _person_or_unit(line: str) -> str | None:
    """The person a short credit line names, else the unit signing it (a date beside either
    may share the line)."""
    parsed = parse_byline(line) if line and len(line) <= 80 else None
    if parsed and parsed[0]:
        return parsed[0]
    return (unit_signature(line) or name_and_date(line)[0]) if line else None


def _data_cell(node: Any) -> bool:
    """Inside a table row of several cells: a label and its value, not a line of its own."""
    cell = next((a for a in (node, *node.iterancestors()) if a.tag in ("td", "th")), None)
    row = cell.getparent() if cell is not None else None
    if row is None or row.tag != "tr" or layout_cell(cell):
        return False  # a layout table's column (PmWiki's ``td#wikibody``), not a field
    return sum(c.tag in ("td", "th") for c in row) > 1


def _prose_block(node: Any) -> bool:
    """A paragraph of the text: where the article's header ends."""
    if any(isinstance(c.tag, str) and c.tag in BLOCKS for c in node):
        return False
    return len(text_of(node)) >= 150


def _labelled_near(page: Page, near: Region) -> str | None:
    """A labelled byline line anywhere in the article's stretch of the page (theme meta rows
    such as ``Gửi bởi X vào ...``, ``Ngày xuất bản: ... | Người đăng: X``)."""
    for el in islice(page.order, max(near.start, 0), near.end + 1):
        if isinstance(el.tag, str) and _may_credit(el) and not in_chrome(el):
            line = own_text(el) or _short_text(el)
            found = labelled_author(line) if line else None
            if found:
                return found
    return None


def _may_credit(el: Any) -> bool:
    """A label word in the element's own text or its children's (cheap, before reading it)."""
    return bool(
        _LABEL_HINT.search(el.text or "")
        or any(
            _LABEL_HINT.search(c.text or "") or _LABEL_HINT.search(c.tail or "")
            for c in el
            if isinstance(c.tag, str)
        )  # ``Chuyên mục: <a>X</a> | Đăng bởi: <a>Y</a>``: the label in a tail
    )


def _short_text(el: Any) -> str:
    """A meta row split into inline blocks (``<div>By</div> <a>Name</a>``, WordPress block
    themes' ``<p>bởi</p><div>Name</div>``), read as one line, a space between the blocks."""
    parts: list[str] = []
    _spaced(el, parts)
    text = " ".join("".join(parts).split())
    return text if len(text) <= 80 else ""


def _spaced(node: Any, parts: list[str]) -> None:
    """The node's text with a space at each block's edges (inline tags join as printed)."""
    parts.append(node.text or "")
    for child in node:
        if isinstance(child.tag, str) and _AVATAR.search(child.get("class", "")):
            parts.append(" ")  # a forum's avatar: the poster's initial, not the name's
        elif isinstance(child.tag, str):
            edge = " " if child.tag in BLOCKS else ""
            parts.append(edge)
            _spaced(child, parts)
            parts.append(edge)
        parts.append(child.tail or "")


#: The class of a user's picture, or the initial printed in its place (Flarum, Discourse).
_AVATAR = re.compile(r"avatar", re.IGNORECASE)


#: A box naming who edited the page last (Wiki.js's ``page-author-card``: ``Chỉnh sửa
#: lần cuối bởi`` over a name and a date): an editor, not the author.
_EDITED_BY = re.compile(
    r"^\W*(?:(?:chỉnh\s*)?sửa|cập\s*nhật)(?:\s*lần\s*cuối)?\s*bởi"
    r"|^\W*(?:last\s*)?(?:edited|modified|updated)\s*by",
    re.IGNORECASE,
)


def _byline_in(el: Any) -> tuple[str | None, str | None] | None:
    """The first line of a byline block that names someone (name, then role, on two lines)."""
    if _EDITED_BY.match(text_of(el)):
        return None
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


#: Longest first line after the text read as a name standing alone (``Nguyễn Văn Hòa (Trung
#: tâm Chính trị huyện Châu Đức)``).
BARE_NAME_LINE = 80
#: Words every labelled byline starts with (bylines.AUTHOR_LABEL and BY_LABEL).
_LABEL_HINT = re.compile(
    r"bởi|\bby\b|tác\s*giả|người\s*(?:viết|đăng|ghi|gửi|soạn)|\btin\b|\bbài\b|author|thực\s*hiện"
    r"|phóng\s*viên|\bpv\b|\bctv\b",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"^\(?\s*(?:tác\s*giả|nguồn|theo|tin|bài|người\s*(?:viết|ghi|gửi|soạn)"
    r"|(?:đăng|gửi|viết)\s*bởi)\b[^:]{0,20}:",
    re.IGNORECASE,
)


def _labelled(line: str) -> bool:
    """A credit label starts the line, or one of a meta row's fields (``… | Đăng bởi: X``)."""
    return any(_LABEL.match(field) for field in FIELD_BREAK.split(line))


def _lines_after(content: Any, limit: int = 12) -> Iterator[str]:
    """Short text blocks right after the article's container (author rows, source fields)."""
    count = 0
    for node in following(content):
        own = own_text(node)
        if own:
            yield own
            count += 1
            if count >= limit:
                return


def edge_bylines(lines: list[str]) -> tuple[set[str], str | None, str | None]:
    """Byline lines at either end of the body (and who and where they name), and the
    attachment rows after them (the documents are stored apart: ``attachments``)."""
    end = len(lines)
    while end and _ATTACHMENT_LINE.match(lines[end - 1].strip()):
        end -= 1
    kept, author, source = strip_bylines(lines[:end])
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
    unit = unit_signature(last) if len(body) >= 2 and _prose(body[-2]) else None
    return (1, unit, None) if unit else None


def _prose(line: str) -> bool:
    """A sentence of the text, not an item of a list of units (``- Khoa Dân vận``)."""
    return len(line) > 120 or (
        len(line.split()) >= 8 and line.rstrip().endswith((".", "!", "”", '"'))
    )


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
