"""The article's text: its lead, its paragraphs and their language.

A copy of the article's container (or of the page) is pruned of chrome and
captions, layout tables become divs, and trafilatura extracts the text; our
own block rendering replaces it when trafilatura dropped too much of a
container. The paragraphs are then cleaned of chrome lines, date lines, the
headline and captions.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from functools import lru_cache
from typing import Any

import lxml.html
from lxml import etree

from archive.extract import dates, letters, titles
from archive.extract.captions import caption_elements
from archive.extract.chrome import document_href, is_chrome_line, opens_related_list, prune
from archive.extract.tree import (
    BLOCKS,
    SHORT_TEXT,
    Page,
    inside,
    layout_cell,
    norm,
    remove,
    render_blocks,
    text_of,
)

_VN_LETTERS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
#: XPaths compiled once (``el.xpath(text)`` compiles its text on every call).
_SECTIONS = etree.XPath("./tbody | ./thead | ./tfoot")
_ROWS = etree.XPath("./tr | ./tbody/tr | ./thead/tr | ./tfoot/tr")
_IMAGES = etree.XPath(".//img")


def body_paragraphs(
    page: Page, content: Any | None, span: tuple[int, int] | None = None
) -> tuple[list[str], list[str]]:
    """The paragraphs of the article's container (or of the page, or of ``span``, the body's
    children that hold a flat page's article), chrome and captions pruned.

    Returns trafilatura's paragraphs and our own block rendering of the same
    pruned copy; the rendering replaces trafilatura's output when trafilatura
    dropped more than a tenth of a container the rules picked out.
    """
    work = _working_copy(page, content, span)
    prune(work, page.chain)
    unwrap_layout_tables(work)
    _standalone_links_as_lines(work)
    paragraphs = _trafilatura(work, page.url, focused=content is not None)
    rendered = render_blocks(work)
    if content is not None and _coverage(paragraphs, rendered) < 0.9:
        return rendered, rendered
    return (paragraphs or (rendered if content is not None else [])), rendered


def unwrap_layout_tables(work: Any) -> None:
    """Layout tables (cells holding paragraphs, or a single cell) become divs, so text is
    not read as a grid.

    Only a table's own rows and cells change: a data table nested in a layout
    cell stays a table.
    """
    for table in list(work.iter("table")):
        sections = _SECTIONS(table)
        rows = _ROWS(table)
        cells = [c for row in rows for c in row if c.tag in ("td", "th")]
        if len(cells) == 1 or any(layout_cell(c) for c in cells):  # one cell holds no data
            for el in (table, *sections, *rows, *cells):
                el.tag = "div"


def _standalone_links_as_lines(work: Any) -> None:
    """A link alone between blocks (``</div><a>Quay lại danh sách tin</a></div>``) is a
    line of its own, as a browser shows it: trafilatura would glue its text to the end of
    the block before it, where no chrome test can take it apart again."""
    for link in list(work.iter("a")):
        before, after = link.getprevious(), link.getnext()
        if before is None or before.tag not in BLOCKS or (before.tail or "").strip():
            continue
        if (link.tail or "").strip() or (after is not None and after.tag not in BLOCKS):
            continue
        line = lxml.html.Element("p")
        link.addprevious(line)
        line.append(link)


def _working_copy(page: Page, content: Any | None, span: tuple[int, int] | None) -> Any:
    if content is None:
        work = copy.deepcopy(page.tree)
        body = work.find("body")
        if span is not None and body is not None:
            children = list(body)
            for child in children[: span[0]] + children[span[1] :]:
                body.remove(child)
        return work
    root = lxml.html.fromstring("<html><head></head><body></body></html>")
    for part in (content, *continuations(content)):
        block = copy.deepcopy(part)
        block.tail = None
        if block.tag in ("td", "th", "tr", "tbody"):
            block.tag = "div"  # a layout cell out of its table: not a one-cell grid
        root.find("body").append(block)
    return root


#: The most text a photo's block holds (its caption) between two parts of the text.
CAPTION_TEXT = 200


def continuations(content: Any) -> list[Any]:
    """Blocks after the container that go on with its text: the same tag and class, after
    a photo's block (a page builder's text sections around an image section)."""
    found: list[Any] = []
    mark = (content.tag, (content.get("class") or "").split()[:1])
    if not mark[1]:
        return found
    photo = False
    for sibling in content.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        same = (sibling.tag, (sibling.get("class") or "").split()[:1]) == mark
        if same and photo and text_of(sibling) and not opens_related_list(sibling):
            found.append(sibling)
            photo = False
        elif _between_parts(sibling) and len(text_of(sibling)) <= CAPTION_TEXT:
            photo = True
        else:
            break  # anything but a photo (and its caption) ends the text
    return found


def _between_parts(block: Any) -> bool:
    """A photo's block, or a document's download box (AEM's ``cmp-download``), between
    two parts of the text."""
    return bool(_IMAGES(block)) or any(document_href(a.get("href", "")) for a in block.iter("a"))


def _trafilatura(work: Any, url: str, focused: bool) -> list[str]:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(work, options=_options(focused, url or None))
    except Exception:  # noqa: BLE001
        return []
    text = getattr(doc, "text", None) if doc is not None else None
    return [line for line in (norm(x) for x in (text or "").split("\n")) if line]


def _options(focused: bool, url: str | None) -> Any:
    """trafilatura's settings for one page: a copy of the focus's, with the page's URL.

    trafilatura builds them from its config file's values on every call otherwise (a
    dozen ``ConfigParser`` reads, 40 µs a page)."""
    options = copy.copy(_settings(focused))
    options.url = url
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")
    return options


@lru_cache(maxsize=2)
def _settings(focused: bool) -> Any:
    """Recall for a container a rule or the headline picked out, precision for a whole page."""
    from trafilatura.settings import Extractor

    return Extractor(
        output_format="python",
        with_metadata=False,
        comments=False,
        tables=True,
        images=False,
        recall=focused,
        precision=not focused,
        dedup=False,
    )


def _coverage(got: list[str], reference: list[str]) -> float:
    """Share of the reference's words that ``got`` kept."""
    ref = Counter(titles.words(" ".join(reference)))
    if not ref:
        return 1.0
    kept = Counter(titles.words(" ".join(got)))
    return sum((ref & kept).values()) / sum(ref.values())


def drop_known(paragraphs: list[str], title: str, captions: list[str]) -> list[str]:
    """Remove chrome lines, date lines, the headline and captions that survived extraction."""
    title_key = titles.clean_title(title).casefold()
    caption_keys = {c.casefold() for c in captions}
    kept: list[str] = []
    framed = letters.without_mail_frame(paragraphs, title_key)
    for line in _headline_lines_dropped(_before_signature(framed), title_key):
        key = titles.clean_title(_SUBJECT_LABEL.sub("", line)).casefold()
        if not key or key == title_key or key in caption_keys or _dated_title(key, title_key):
            continue
        if is_chrome_line(line) or (
            len(line) <= SHORT_TEXT and not _TEXT_WITH_DATE.match(line) and dates.is_date_line(line)
        ):
            continue
        if len(line) <= LAST_EDIT_LINE and _LAST_EDIT.match(line) and _when(line):
            continue  # ``Sửa lần cuối: 07/01/2025 10:11``: the page's last edit
        if kept and kept[-1] == line:
            continue
        kept.append(line)
    return kept


#: A forum post's subject line: ``Tiêu đề: <the headline>``.
_SUBJECT_LABEL = re.compile(r"^(?:tiêu\s*đề|chủ\s*đề|subject|re)\s*:\s*", re.IGNORECASE)
#: A line of the text that holds a date but is no date line: a list item as trafilatura
#: writes it, an event's time or deadline (``Thời gian: 7 giờ 30 phút, ngày 20/10/2022``).
_TEXT_WITH_DATE = re.compile(r"^(?:[-•]\s|\W*(?:thời\s*gian|hạn\s*(?:chót|nộp))\s*:)", re.I)
#: A forum post's signature starts under a line of underscores (vBulletin, phpBB) or "--".
_SIGNATURE_RULE = re.compile(r"^(?:_{5,}|--)$")
_FOOTNOTE = re.compile(r"^[\[(]?\d")


#: A page's last edit under the text (never a sentence of it: ``Hạn nộp … trước ngày …``).
_LAST_EDIT = re.compile(
    r"^\W*(?:sửa\s*lần\s*cuối|(?:ngày\s*)?cập\s*nhật\s*lần\s*cuối|lần\s*cập\s*nhật\s*cuối"
    r"|last\s*(?:updated|modified|edited))",
    re.IGNORECASE,
)
LAST_EDIT_LINE = 60
#: A time told relatively (``2 tháng trước``, ``3 days ago``), as docs platforms print it.
_AGO = re.compile(
    r"\d+\s*(?:giây|phút|giờ|ngày|tuần|tháng|năm)\s*trước"
    r"|\d+\s*(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s*ago",
    re.IGNORECASE,
)


def _when(line: str) -> bool:
    return bool(dates.find_dates(line) or _AGO.search(line))


def _before_signature(paragraphs: list[str]) -> list[str]:
    """Without a forum signature: a rule and at most three short lines after it, none of
    them a footnote (a Word body's footnotes sit under a rule too)."""
    for i, line in enumerate(paragraphs):
        if _SIGNATURE_RULE.match(line.strip()):
            rest = paragraphs[i + 1 :]
            if len(rest) <= 3 and all(len(r) <= 100 and not _FOOTNOTE.match(r) for r in rest):
                return paragraphs[:i]
    return paragraphs


def _headline_lines_dropped(paragraphs: list[str], title_key: str) -> list[str]:
    """Without the headline broken over two to four lines near the top (a converted PDF
    repeats it so, under its running header)."""
    head = title_key[:8]
    starts = [i for i, line in enumerate(paragraphs[:8]) if line[:8].casefold() == head]
    if not head or not starts:
        return paragraphs
    keys = [titles.clean_title(line).casefold() for line in paragraphs[:8]]
    for start in starts:
        joined = keys[start]
        for end in range(start + 1, min(start + 4, len(keys))):
            joined = f"{joined} {keys[end]}"
            if joined == title_key:
                return paragraphs[:start] + paragraphs[end + 1 :]
            if not title_key.startswith(joined):
                break
    return paragraphs


#: Shortest line kept above the first paragraph of an inferred container (a lead, not a meta row).
LEAD_MIN = 100


def starting_at(paragraphs: list[str], first: str | None) -> list[str]:
    """Drop the meta rows (category, "By", a name, counters) printed between an inferred
    container's headline and the first paragraph of its text; a lead above it stays."""
    key = norm(first or "")[:80]
    start = next((i for i, line in enumerate(paragraphs) if key and line.startswith(key)), None)
    if not start:
        return paragraphs
    return [p for p in paragraphs[:start] if len(p) >= LEAD_MIN] + paragraphs[start:]


def _dated_title(key: str, title_key: str) -> bool:
    """The headline with its date printed after it (``Headline (14/06/2017, 15:42)``)."""
    return (
        bool(title_key) and key.startswith(title_key) and dates.is_date_line(key[len(title_key) :])
    )


def lead_text(lead_el: Any | None, content: Any | None) -> str | None:
    """The lead's text, captions removed; None when the lead sits inside the body already."""
    if lead_el is None or (content is not None and inside(lead_el, content)):
        return None
    work = copy.deepcopy(lead_el)
    for el in caption_elements(work):
        remove(el)
    text = norm(" ".join(render_blocks(work)))
    return text or None


def with_lead(paragraphs: list[str], lead: str | None) -> list[str]:
    """Put the lead first unless the body already starts with it."""
    if not lead:
        return paragraphs
    key = " ".join(titles.words(lead))
    head = " ".join(titles.words(" ".join(paragraphs[:3])))
    if key and key[:120] in head:
        return paragraphs
    return [lead, *paragraphs]


def language(tree: Any, paragraphs: list[str]) -> str | None:
    """'vi' when the text is Vietnamese, else the page's declared language."""
    sample = " ".join(paragraphs)[:5000]
    letters = sum(map(str.isalpha, sample))  # 4x faster than a generator, same count
    if letters and len(_VN_LETTERS.findall(sample)) >= 0.03 * letters:
        return "vi"
    declared = str(tree.get("lang") or tree.get("xml:lang") or "").strip().lower()
    return declared.split("-")[0] or None
