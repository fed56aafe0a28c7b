"""A bulletin sent as e-mail and saved as a web page (Outlook's or Word's "save as web
page", a mail archive's message view): its header block says who sent it and when, and
its greeting and closing frame the article rather than belong to it.

Only a page that prints a mail header is read so: a letter published as an article
("Thư chúc Tết …") keeps its "Kính gửi" and "Trân trọng" as part of its text.
"""

from __future__ import annotations

import re

from archive.extract import dates, titles
from archive.extract.tree import BLOCKS, Page, text_lines

#: A field of a mail header, in Outlook's English and Vietnamese forms.
_FIELD = re.compile(
    r"^\W*(?P<name>from|sent|date|to|cc|subject|từ|đã\s*gửi|ngày\s*gửi|gửi\s*lúc|đến|tới"
    r"|chủ\s*đề|tiêu\s*đề)\s*:(?P<value>\s*\S)?",
    re.IGNORECASE,
)
#: The fields that say when the mail was sent.
_SENT = {"sent", "date", "đã gửi", "ngày gửi", "gửi lúc"}
#: The fields without which a run of labelled lines is not a mail header.
_ADDRESSING = {"from", "to", "subject", "từ", "đến", "tới", "chủ đề", "tiêu đề"}
#: The greeting above the bulletin, and its one-line introduction.
_GREETING = re.compile(r"^\W*(?:kính\s*gửi|kính\s*thưa|thân\s*gửi|dear|xin\s*chào)\b", re.I)
#: The closing under it: what follows is the sender's signature and the mailer's footer.
_CLOSING = re.compile(
    r"^\W*(?:trân\s*trọng|thân\s*ái|best\s*regards|kind\s*regards|regards|sincerely)"
    r"\s*(?:cảm\s*ơn)?\s*[,.!]*$",
    re.IGNORECASE,
)
#: Lines looked at for the header and the greeting.
TOP_LINES = 8
#: Longest greeting or introduction line dropped above the headline.
FRAME_LINE = 120


def _field(line: str, bare: bool = False) -> str | None:
    """The header field a line prints (``bare``: a label alone, as in ``<b>From:</b>``)."""
    found = _FIELD.match(line)
    if not found or not (bare or found.group("value")):
        return None
    return " ".join(found.group("name").casefold().split())


def _header_fields(lines: list[str]) -> set[str]:
    return {name for line in lines if (name := _field(line))}


def is_mail_header(lines: list[str]) -> bool:
    """Three fields or more, one of them an addressee, a sender or a subject."""
    names = _header_fields(lines)
    return len(names) >= 3 and bool(names & _ADDRESSING)


def mail_sent_date(page: Page) -> tuple[str, str | None] | None:
    """The "Sent:" date of the page's mail header block."""
    for el in page.tree.iter("b", "strong", "span", "p", "td"):
        if not _field(el.text or "", bare=True):
            continue
        block = next((a for a in el.iterancestors() if a.tag in BLOCKS), None)
        lines = text_lines(el if el.tag in BLOCKS or block is None else block)
        if len(lines) > 12 or not is_mail_header(lines):
            continue
        for line in lines:
            if _field(line) in _SENT and dates.find_dates(line):
                return dates.parse_vn_date(line)
    return None


def without_mail_frame(paragraphs: list[str], title_key: str) -> list[str]:
    """Without the mail header, the greeting above the headline and everything from the
    closing on, when the text starts with a mail header."""
    top = paragraphs[:TOP_LINES]
    header_end = next((i for i, line in enumerate(top) if not _field(line)), len(top))
    if not is_mail_header(paragraphs[:header_end]) and not (
        header_end == 0 and top and is_mail_header(top[0].split("\n"))
    ):
        return paragraphs
    rest = paragraphs[max(header_end, 1) :]
    return _before_closing(_after_greeting(rest, title_key))


def _after_greeting(lines: list[str], title_key: str) -> list[str]:
    """From the headline on, when a greeting (and its introduction) stands above it."""
    top = lines[:TOP_LINES]
    greeting = next((i for i, line in enumerate(top) if _GREETING.match(line)), None)
    if greeting is None:
        return lines
    headline = next(
        (
            i
            for i, line in enumerate(top)
            if i > greeting and titles.clean_title(line).casefold() == title_key
        ),
        None,
    )
    if headline is not None and all(len(line) <= FRAME_LINE for line in lines[:headline]):
        return lines[headline:]
    return lines[:greeting] + lines[greeting + 1 :]


def _before_closing(lines: list[str]) -> list[str]:
    closing = next((i for i, line in enumerate(lines) if i and _CLOSING.match(line)), None)
    return lines if closing is None else lines[:closing]
