"""Vietnamese publication dates, as the school sites print them.

Day always comes before month (``06/01/2023`` is 6 January). Formats seen on
real sites (registry notes §3): ``Thứ năm, 19 Tháng 9, 2019 - 07:30``,
``Ngày đăng: 01/02/2021``, ``Thứ 6, 06/01/2023 | 15:26:43``, ``Chủ nhật,
28.11.2021 02:16``, ``07:37 18/08/2023`` (time first), ``Ngày đăng 22/10/2019 |
8:36 AM``, ``6/6/2016 9:35``, ``23 Tháng 4 2015 08:43``, ``(27/12/2016, 08:17)``,
ASP.NET's vi-VN ``10/08/2023 8:05:12 SA`` (SA = morning, CH = afternoon) and
dates in URLs. Times are local (UTC+07:00).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache

VN_TZ = timezone(timedelta(hours=7))
MIN_YEAR, MAX_YEAR = 1990, 2100

_MONTHS_EN = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}

_NUMERIC = (
    r"(?<![\d/.\-])(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d/.\-]\d)"
)
_WORDS = (
    r"(?<!\d)(?:ngày\s+)?(?P<d>\d{1,2})\s+(?:tháng|thg\.?)\s+(?P<m>\d{1,2})"
    r"\s*[,/]?\s*(?:năm\s+)?(?P<y>\d{4})(?!\d)"
)
#: ``2 August 2023``, and Java's ``02-Aug-2023`` (JSPWiki).
_ENGLISH = (
    r"(?<!\d)(?P<d>\d{1,2})(?:\s+|-(?=[A-Za-z]{3}-))(?P<mn>[A-Za-z]{3,9})\.?,?(?:\s+|-)"
    r"(?P<y>\d{4})(?!\d)"
)
_ISO = r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"
#: Year first with slashes: XWiki's and Japanese-style ``2024/07/10``; with dashes and
#: unpadded, emlog's ``2024-4-18``.
_YEAR_FIRST = (
    r"(?<![\d/\-])(?P<y>(?:19|20)\d{2})(?P<ys>[/\-])(?P<m>\d{1,2})(?P=ys)(?P<d>\d{1,2})"
    r"(?![\d/\-])"
)
#: WordPress's and Drupal's Vietnamese month names (``12 Tháng Mười, 2020``, ``Tháng Mười
#: Một 22, 2023``) and English month-first dates on English-UI themes (``October 18, 2023``).
_MONTHS_VI = {
    "một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12,
}  # fmt: skip
_VI_MONTH = r"(?P<mw>mười\s+một|mười\s+hai|mười|một|giêng|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|chạp)"
_WORDS_VI_NAMED = (
    r"(?<!\d)(?P<d>\d{1,2})\.?\s+tháng\s+" + _VI_MONTH + r"\s*,?\s*(?:năm\s+)?(?P<y>\d{4})(?!\d)"
)
_WORDS_VI_FIRST = (
    r"tháng\s+(?:" + _VI_MONTH + r"|(?P<m>\d{1,2}))\s+(?P<d>\d{1,2})\s*,?\s*(?P<y>\d{4})(?!\d)"
)  # ``tháng Ba 12, 2024``, Geeklog's ``Tháng ba 05 2021``, and Java's Vietnamese
# ``tháng 3 12, 2024`` (Apache Roller)
_ENGLISH_FIRST = (
    r"\b(?P<mn>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?P<d>\d{1,2})"
    r"(?:st|nd|rd|th)?,?\s+(?P<y>\d{4}|['’]\d{2})(?!\d)"  # Multiply's ``Oct 3, '09``
)
DATE_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        _NUMERIC,
        _WORDS,
        _WORDS_VI_FIRST,
        _WORDS_VI_NAMED,
        _ENGLISH,
        _ENGLISH_FIRST,
        _ISO,
        _YEAR_FIRST,
    )
)

_TIME = (
    r"(?P<h>\d{1,2})(?::|h)(?P<mi>\d{2})(?::(?P<s>\d{2}))?"
    r"(?:\s*(?P<ampm>AM|PM|SA|CH|A\.M\.|P\.M\.))?(?![\d:])"
)
_TIME_AFTER = re.compile(r"^[\s,|\-–—(\[]{0,6}(?:lúc\s*)?" + _TIME, re.IGNORECASE)
_TIME_BEFORE = re.compile(r"(?<![\d:])" + _TIME + r"\s*(?:ngày\s*)?[\s,|\-–—]{0,4}$", re.IGNORECASE)

WEEKDAY = re.compile(
    r"\b(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.IGNORECASE,
)
#: Words that may sit next to a date in a date line without making it prose.
DATE_LINE_WORDS = re.compile(
    r"ngày\s*(?:đăng|gửi|viết)|(?:đăng|gửi)\s*(?:ngày|lúc)|số\s*lần\s*xem|ngày\s*cập\s*nhật|cập\s*nhật(?:\s*lúc)?|ngày\s*xuất\s*bản|thời\s*gian"
    r"|(?:đã\s*)?phát\s*hành|(?:đã\s*)?xuất\s*bản"
    r"|publish(?:ed)?\s*(?:date|on)?|posted(?:\s*on)?|updated|view\s*count|lượt\s*xem|lượt\s*đọc|views?"
    r"|lúc|ngày|tháng|năm|gmt\s*\+?\s*7|ict|sa|ch|am|pm|\bcn\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMatch:
    """A date found in a text: ``day`` is YYYY-MM-DD, ``time`` HH:MM or HH:MM:SS."""

    day: str
    time: str | None
    start: int
    end: int


def parse_vn_date(text: str) -> tuple[str, str | None] | None:
    """The first date printed in ``text`` as ``(YYYY-MM-DD, HH:MM[:SS] or None)``."""
    found = find_dates(text)
    return (found[0].day, found[0].time) if found else None


def _year(printed: str) -> int:
    """``2009``, or ``'09`` as blogs of the 2000s printed it."""
    digits = printed.lstrip("'’")
    return int(digits) + 2000 if len(digits) == 2 else int(digits)


_DIGIT = re.compile(r"\d")


def find_dates(text: str) -> list[DateMatch]:
    """Every valid date in ``text``, in order, each with the time printed next to it."""
    text = unicodedata.normalize("NFC", text or "")
    spans: list[DateMatch] = []
    if not _DIGIT.search(text):  # every pattern has a numeric day: half the lines asked have none
        return spans
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(s.start < m.end() and m.start() < s.end for s in spans):
                continue
            day = _day(m, _US_CLOCK.match(text, m.end()) is not None)
            if day:
                spans.append(
                    DateMatch(day, _time_near(text, m.start(), m.end()), m.start(), m.end())
                )
    return sorted(spans, key=lambda s: s.start)


#: ASP.NET's en-US default, ``3/4/2024 9:27 AM``: day and month unpadded, an unpadded hour
#: and AM/PM, month first. Vietnamese pages that print AM/PM pad their day-first dates
#: (``12/01/2020 12:10 AM``, Liferay's ``22/10/2019 | 8:36 AM``).
_US_CLOCK = re.compile(r"\s+(?:[1-9]|1[0-2]):\d{2}(?::\d{2})?\s*[AP]M\b")


def _day(m: re.Match[str], month_first: bool = False) -> str | None:
    groups = m.groupdict()
    if groups.get("mn"):
        month = _MONTHS_EN.get(groups["mn"].lower())
    elif groups.get("mw"):
        month = _MONTHS_VI.get(re.sub(r"\s+", " ", groups["mw"].lower()))
    else:
        month = int(groups["m"])
    if not month:
        return None
    day = int(groups["d"])
    unpadded = not groups["d"].startswith("0") and not str(groups.get("m") or "").startswith("0")
    if groups.get("sep") == "/" and (month > 12 >= day or (month_first and unpadded and day <= 12)):
        day, month = month, day  # Drupal's and ASP.NET's en-US "10/18/2023": no 18th month
    try:
        value = date(_year(groups["y"]), month, day)
    except ValueError:
        return None
    return value.isoformat() if MIN_YEAR <= value.year <= MAX_YEAR else None


def _time_near(text: str, start: int, end: int) -> str | None:
    after = _TIME_AFTER.match(text[end : end + 24])
    if after and not _looks_like_date_after(text, end + after.end()):
        value = _clock(after)
        if value:
            return value
    before = _TIME_BEFORE.search(text[max(0, start - 24) : start])
    return _clock(before) if before else None


def _looks_like_date_after(text: str, pos: int) -> bool:
    """``10/08/2023 10:15`` is a time, but ``1/2`` in ``1/2/2024`` is not."""
    return bool(re.match(r"[/.]\d", text[pos : pos + 2]))


def _clock(m: re.Match[str]) -> str | None:
    hour, minute = int(m.group("h")), int(m.group("mi"))
    ampm = (m.group("ampm") or "").upper().replace(".", "")
    if ampm in ("PM", "CH") and hour < 12:
        hour += 12
    elif ampm in ("AM", "SA") and hour == 12:
        hour = 0
    second = m.group("s")
    if hour > 23 or minute > 59 or (second and int(second) > 59):
        return None
    return f"{hour:02d}:{minute:02d}" + (f":{second}" if second else "")


#: A header clock ("Hôm nay: Chủ nhật, ngày 06/12/2026"): the day it was viewed, never published.
CLOCK = re.compile(r"^\W*(?:hôm\s*nay|today|bây\s*giờ|now)\b", re.IGNORECASE)
#: ``Ngày xuất bản: 12/04/2023 10:20 | Người đăng: X | Lượt xem: 576``: a date and meta fields.
_META_FIELD = re.compile(r"^[^:|]{1,25}:\s*(?:[^:|]{1,40}|\d{1,2}[:h]\d{2}(?::\d{2})?)$")
#: Between the fields of a meta line: ``|``, or a dash before a labelled field
#: (``Đăng ngày 08/12/2021 - Người đăng: X``).
FIELD_SEPARATOR = re.compile(
    r"\s[|·•]\s|\s[-–—]\s(?=[^:|\-–—]{1,25}:|thứ\s|chủ\s*nhật|[a-z]+day\b)|\s(?=bởi\s)"
    r"|\s(?=(?:trong|thuộc)\s+(?:chuyên\s*mục|mục|danh\s*mục)\s)"
    r"|\s(?=(?:người\s*(?:viết|đăng)|tác\s*giả|nguồn|lượt\s*xem)\s*:)"
    r"|\s(?=in\s+\w)",  # ``Posted at 12/03/2024 08:15 in Tin tức``
    re.IGNORECASE,
)
#: ``bởi X`` after the date (``Đăng ngày 05/11/2024 bởi Phan Thị Kim Oanh``), ``by X``.
_BY_FIELD = re.compile(r"^(?:bởi|by)\s+\S[^:|]{0,40}$", re.IGNORECASE)
#: ``19/1/2021 | 0 Bình luận``: a counter after the date.
_COUNT_FIELD = re.compile(
    r"^\d[\d.,]*\s+(?:bình\s*luận|lượt\s*(?:xem|đọc)|ghi\s*chú|comments?|views?)$"
    r"|^(?:bình\s*luận|comments?|lượt\s*xem|views?)\s*[\[(]\d[\d.,]*[\])]$"  # ``Bình luận [0]``
    r"|^(?:permalink|trackbacks?|liên\s*kết\s*cố\s*định)$",  # a blog's entry links
    re.IGNORECASE,
)
#: ``… trong chuyên mục Tin hoạt động`` after the date: the post's category.
_CATEGORY_FIELD = re.compile(
    r"^(?:(?:trong|thuộc)\s+(?:chuyên\s*mục|mục|danh\s*mục)|in)\s+\S[^:|]{0,60}$", re.IGNORECASE
)


def is_clock(text: str) -> bool:
    return bool(CLOCK.match(unicodedata.normalize("NFC", text or "")))


@lru_cache(maxsize=4096)
def is_date_line(text: str, max_rest: int = 8) -> bool:
    """A short line that is mostly a date: ``Ngày đăng: 01/02/2021 | Lượt xem: 30``, also
    when the other ``|`` fields are labelled (``Người đăng: X``).

    Prose that merely mentions a date (``Chiều ngày 29/6/2022, Đảng bộ ...``)
    is not a date line. Cached: the title, date, byline and body passes ask of the same
    lines, and a site's header and footer lines come back on every page (16,000 questions
    of 3,500 lines in 1,000 article pages).
    """
    text = unicodedata.normalize("NFC", text or "")
    if _mostly_date(text, max_rest) or place_date(text):
        return True
    parts = [p.strip() for p in FIELD_SEPARATOR.split(text)]
    dated = [p for p in parts if _mostly_date(p, max_rest)]
    return (
        len(parts) > 1
        and len(dated) == 1
        and all(
            p in dated
            or _META_FIELD.match(p)
            or _BY_FIELD.match(p)
            or _CATEGORY_FIELD.match(p)
            or _COUNT_FIELD.match(p)
            for p in parts
        )
    )


#: A document's place and date of signing: ``Thái Nguyên, ngày 28 tháng 10 năm 2024``.
_PLACE_DATE = re.compile(r"^(?P<place>[^\W\d][^\d,;:.!?]{1,40}),\s*(?P<date>ngày\s.{6,30})$")


def place_date(text: str) -> tuple[str, str | None] | None:
    """The date of a line that is nothing but a place and a date (the line above a
    document's signature), else None."""
    line = unicodedata.normalize("NFC", " ".join((text or "").split())).rstrip(" .")
    found = _PLACE_DATE.match(line)
    if not found or not found.group("place")[0].isupper():
        return None
    if not _mostly_date(found.group("date"), 0):
        return None
    return parse_vn_date(found.group("date"))


def _mostly_date(text: str, max_rest: int) -> bool:
    if len(text) > 160:
        return False
    found = find_dates(text)
    if not found:
        return False
    rest = text
    for m in reversed(found):
        rest = rest[: m.start] + " " + rest[m.end :]
    rest = WEEKDAY.sub(" ", rest)
    rest = re.sub(_TIME, " ", rest, flags=re.IGNORECASE)
    rest = DATE_LINE_WORDS.sub(" ", rest)
    letters = re.sub(r"[\W\d_]+", "", rest)
    return len(letters) <= max_rest


# --------------------------------------------------------------------------- other sources

_URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$|[-_])"),
    re.compile(r"(?<![\d])(?P<y>(?:19|20)\d{2})[-_](?P<m>\d{2})[-_](?P<d>\d{2})(?![\d])"),
    re.compile(r"(?<![\d])(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?![\d])"),
)


def date_from_url(url: str) -> str | None:
    """A YYYY-MM-DD date in a URL path: ``/2021/03/15/``, Joomla's ``1935-2021-06-08-02-41-17``."""
    path = (url or "").split("?", 1)[0].split("#", 1)[0]
    for pattern in _URL_DATES:
        for m in pattern.finditer(path):
            try:
                value = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            except ValueError:
                continue
            if MIN_YEAR <= value.year <= MAX_YEAR:
                return value.isoformat()
    return None


_ISO_STAMP = re.compile(
    r"^\s*(?P<day>\d{4}-\d{2}-\d{2})(?:[T\s]|[A-Z]{2,5})?"
    r"(?P<time>\d{2}:\d{2}(?::\d{2})?)?(?:\.\d+)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?"
)


def parse_timestamp(value: str) -> tuple[str, str | None] | None:
    """A machine timestamp from metadata, moved to Vietnam time.

    Accepts ISO 8601 and NukeViet's ``2023-06-16ICT16:45:00`` (a timezone
    abbreviation where the ``T`` belongs). A zone-less time is taken as local.
    A time no clock shows (second 60, hour 24, offset ``+25:00``) costs the time,
    never the day: ``(day, None)``.
    """
    m = _ISO_STAMP.match(value or "")
    if not m:
        return None
    try:
        day = date.fromisoformat(m.group("day"))
    except ValueError:
        return None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        return None
    if not m.group("time"):
        return day.isoformat(), None
    try:
        return _to_local(day, m.group("time"), m.group("tz"))
    except (ValueError, OverflowError):  # datetime() and timezone() refuse such values
        return day.isoformat(), None


def _to_local(day: date, clock: str, tz: str | None) -> tuple[str, str | None]:
    parts = [int(p) for p in clock.split(":")]
    stamp = datetime(
        day.year, day.month, day.day, parts[0], parts[1], parts[2] if len(parts) > 2 else 0
    )
    if tz:
        offset = UTC if tz == "Z" else _offset(tz)
        stamp = stamp.replace(tzinfo=offset).astimezone(VN_TZ).replace(tzinfo=None)
    text = stamp.strftime("%H:%M:%S" if len(parts) > 2 else "%H:%M")
    return stamp.date().isoformat(), text


def _offset(tz: str) -> timezone:
    sign = -1 if tz.startswith("-") else 1
    digits = tz[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))


def published_at(day: str | None, time: str | None) -> str | None:
    """ISO 8601 with the +07:00 offset, only when a time was printed."""
    if not day or not time:
        return None
    clock = time if time.count(":") == 2 else time + ":00"
    return f"{day}T{clock}+07:00"
