"""Vietnamese bylines: who wrote an item and where it was republished from.

Forms seen on school sites (registry notes §4): ``Tin, ảnh: Võ Thị Nhiên``,
``ThS. Đỗ Xuân Hoà - GV khoa Xây dựng Đảng``, ``TS. Hồ Ngọc Trường`` with a
role line under it, ``(Tin: Hà Lan; Ảnh: Việt Anh)``, ``Tác giả bài viết: Hữu
Dư``, a bare name at the end (``Đào Quyên``), two names joined by a dash
(``Nhâm Dung – Mạnh Hà``), and sources (``Theo Báo An Giang Online``,
``Nguồn: Báo Hưng Yên``). The author is the person's name only: degrees
(TS., ThS., PGS.TS., Th.s) and roles are dropped; several names are joined
with ", ".
"""

from __future__ import annotations

import re
import unicodedata

from archive.extract import dates

MAX_LINE = 120

#: Academic and honorific prefixes written before a name.
DEGREE = re.compile(
    r"^(?:(?:GS|PGS|TS|ThS|Th\.s|Ths|NCS|GVCC|GVC|CN|KS|BS|Đ/c|Đc|đồng\s+chí)(?=[\s.,;]|$)[\s.,;]*)+",
    re.IGNORECASE,
)
AUTHOR_LABEL = re.compile(
    r"^(?:tác\s*giả(?:\s*bài\s*viết)?|người\s*viết|người\s*đăng|người\s*ghi|người\s*gửi|người\s*soạn|(?:người\s*)?biên\s*soạn|chủ\s*nhiệm\s*đề\s*tài|bài\s*viết"
    r"|bài\s*(?:và|,|/|&)\s*ảnh|tin\s*(?:và|,|/|&)\s*ảnh|bài|tin|(?:người\s*)?thực\s*hiện"
    r"|nhóm\s*phóng\s*viên|phóng\s*viên|pv|ctv|author|written\s*by|posted\s*by)\s*:\s*",
    re.IGNORECASE,
)
#: Theme bylines written without a colon ("Posted by X at 8:36 AM", "Đăng bởi X vào lúc 08:15",
#: "Gửi bởi X vào Thứ Sáu, ..."): a label only when a name follows it.
BY_LABEL = re.compile(
    r"^(?:(?:được\s*)?(?:đăng|gửi|viết|cập\s*nhật)\s*bởi|bởi|ghi\s*chép\s*của|posted\s*by"
    r"|written\s*by|by)\s*:?\s+",
    re.IGNORECASE,
)
#: What follows a name on a theme's byline line: the time, a separator, a dash.
BY_TRAILER = re.compile(
    r"\s+(?:vào\s*lúc|vào|lúc|at|on|ngày)\s+.*$|\s*[|•·]\s*.*$|[\s\-–—,:]+$", re.IGNORECASE
)


def _sentence_cut(text: str) -> str:
    """A name and the sentence after it (``bởi Hầu Mí Sính. Tin tức``): the name; a degree's
    period (``ThS. X``) is not a sentence's end."""
    for end in re.finditer(r"\.(?:\s|$)", text):
        before = text[: end.start()].split()
        if len(before) >= 2 and not DEGREE.match(before[-1]):
            return text[: end.start()]
    return text


PHOTO_LABEL = re.compile(r"^(?:ảnh|video|clip|đồ\s*họa)\s*:\s*", re.IGNORECASE)
#: ``Đạo Thị Ngọc Hà (Trường Chính trị tỉnh)``: a role in brackets after the name.
ROLE_IN_BRACKETS = re.compile(r"\s*\(([^()]{2,80})\)\s*$")
#: What an interviewer or compiler adds after the name: ``Ngọc Hân (thực hiện)``.
CREDIT_ROLE = re.compile(r"^(?:thực\s*hiện|tổng\s*hợp|lược\s*ghi|ghi|biên\s*soạn)$", re.IGNORECASE)
SOURCE_LINE = re.compile(
    r"^\(?\s*(?:theo|nguồn(?:\s*tin)?|source)\s*:?\s+(?P<src>[^()]+?)\s*\)?\s*\.?$", re.IGNORECASE
)
SOURCE_TAIL = re.compile(
    r"[\s\-–—]*\(\s*(?:theo|nguồn(?:\s*tin)?)\s*:?\s+(?P<src>[^()]+?)\s*\)\s*\.?$", re.IGNORECASE
)
NAME_SPLIT = re.compile(r"\s+[-–—]\s+|\s*,\s*|\s+&\s+|\s+và\s+")

#: First words of role lines ("Phó Khoa ...", "Tỉnh uỷ viên, Hiệu trưởng ...").
ROLE_WORDS = frozenset(
    [
        "khoa",
        "phòng",
        "trưởng",
        "phó",
        "ban",
        "trường",
        "trung",
        "viện",
        "sở",
        "báo",
        "đài",
        "hội",
        "lớp",
        "bộ",
        "cục",
        "vụ",
        "công",
        "chi",
        "đảng",
        "tỉnh",
        "huyện",
        "xã",
        "thành",
        "ủy",
        "uỷ",
        "học",
        "giảng",
        "hiệu",
        "bí",
        "chủ",
        "giám",
        "cán",
        "chuyên",
        "nguyên",
        "tuv",
        "gv",
        "gvc",
        "tổ",
        "nhóm",
        "quang",
        "toàn",
        "đại",
        "lễ",
        "các",
        "hình",
        "ảnh",
    ]
)
#: Words that never appear in a person's name on these sites.
NOT_NAME = frozenset(
    [
        "super",
        "user",
        "admin",
        "administrator",
        "webmaster",
        "quản",
        "biên",
        "tập",
        "website",
        "tin",
        "bài",
        "ảnh",
        "video",
        "chủ",
        "kết",
        "xem",
        "thêm",
        "tất",
        "cả",
        "đầu",
        "trở",
        "về",
        "in",
        "gửi",
        "chia",
        "sẻ",
        "lượt",
        "hôm",
        "nay",
        "qua",
        "online",
        "nguồn",
        "theo",
        "thứ",  # a weekday after the name: "bởi X - Thứ Hai, 12 tháng 5 2025"
    ]
)


def parse_byline(text: str) -> tuple[str | None, str | None] | None:
    """``(author, source)`` when ``text`` is a byline or credit line, else None.

    A credit with no person (``Ảnh: ...``, an empty ``Tác giả :``) gives
    ``(None, None)``: it is a byline, but names nobody.
    """
    line = _clean(text)
    if len(line) > MAX_LINE and (fields := _meta_fields(line)):
        return next((found for f in fields if (found := parse_byline(f)) and found[0]), None)
    if not line or len(line) > MAX_LINE or dates.place_date(line):
        return None  # ``Thái Nguyên, ngày 28 tháng 10 năm 2024``: a place, not a name
    line, source = _split_source(line)
    if not line:
        return (None, source) if source else None
    labelled, author = _labelled(line)
    if not labelled:
        author = names_in(line) or _name_after_role(line)
        if author is None:
            return (None, source) if source else None
    return author, source


def _meta_fields(line: str) -> list[str]:
    """A long meta row of short fields (uCoz's ``Chuyên mục: X | Lượt xem: 412 | Đăng
    bởi: Y | Ngày: …``): its fields, each read as a line of its own."""
    fields = FIELD_BREAK.split(line)
    return fields if len(fields) >= 3 and all(len(f) <= META_FIELD for f in fields) else []


#: The longest field of a meta row.
META_FIELD = 60
#: Between the fields of a meta row.
FIELD_BREAK = re.compile(r"\s+[|·•]\s+")


def _name_after_role(line: str) -> str | None:
    """The name after its holder's role: ``Giáo viên chủ nhiệm Mai Văn Toàn``."""
    words = line.split()
    for size in (4, 3, 2):
        name, role = " ".join(words[-size:]), " ".join(words[:-size])
        if len(words) > size and is_person_name(name) and _ROLE_BEFORE_NAME.match(role):
            return name
    return None


#: A role printed before its holder's name in a signature.
_ROLE_BEFORE_NAME = re.compile(
    r"^(?:giáo\s*viên|giảng\s*viên|trưởng|phó|bí\s*thư|chủ\s*nhiệm|lớp\s*trưởng|hiệu\s*trưởng"
    r"|thư\s*viện\s*viên|cán\s*bộ|chuyên\s*viên)(?:\s+[^\s,;:]+){0,4}$",
    re.IGNORECASE,
)


def labelled_author(text: str) -> str | None:
    """The author of a line that says it is a byline (``Người đăng: X``, ``Posted by X at ...``),
    wherever it sits: a bare name is only an author at the body's edges."""
    line = _clean(text)
    if len(line) > MAX_LINE and (fields := _meta_fields(line)):
        return next((found for f in fields if (found := labelled_author(f))), None)
    if not line or len(line) > MAX_LINE:
        return None
    labelled, author = _labelled(_split_source(line)[0])
    return author if labelled else None


def _clean(text: str) -> str:
    line = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip()
    line = re.sub(r"^(?:[—–―]|--)\s*", "", line)  # a signature's dash: ``— Lê Hữu Phước``
    line = "".join(c for c in line if unicodedata.category(c) != "Co").strip()  # icon fonts
    if line.startswith("(") and line.endswith(")") and line.count("(") == 1:
        line = line[1:-1].strip()
    return line


def _split_source(line: str) -> tuple[str, str | None]:
    whole = SOURCE_LINE.match(line)
    if whole and _plausible_source(whole.group("src")):
        return "", whole.group("src").strip(" .")
    tail = SOURCE_TAIL.search(line)
    if tail and _plausible_source(tail.group("src")):
        return line[: tail.start()].strip(), tail.group("src").strip(" .")
    return line, None


def _plausible_source(src: str) -> bool:
    """``Báo An Giang Online`` is a source; ``báo cáo, năm 2022 ...`` is prose."""
    src = src.strip()
    return bool(src) and src[0].isupper() and len(src) <= 60 and not re.search(r"[,;:]", src)


#: ``Được chia sẻ bởi X`` (a shared note's owner), ``Thiết kế bởi X`` (the site's maker).
_SHARED_BY = re.compile(
    r"\b(?:chia\s*sẻ|shared|thiết\s*kế|phát\s*triển|vận\s*hành|designed|developed|powered)"
    r"\s*(?:bởi|by)\s",
    re.IGNORECASE,
)


def _labelled(line: str) -> tuple[bool, str | None]:
    """Credits such as ``Tin, ảnh: X``, ``Tin: X; Ảnh: Y`` (the photographer is not the
    author: the sample web's convention), ``Đăng bởi X vào lúc 08:15`` or ``Ngày xuất bản:
    ... | Người đăng: X``: (was it labelled, author)."""
    if _SHARED_BY.search(line):
        return False, None  # who shared a note or built the site, not the author
    labelled = False
    names: list[str] = []
    for part in re.split(
        r"\s*[;|·•]\s*|\s[-–—]\s(?=[^:\-–—]{1,25}:)|\s(?=bởi\s)"
        r"|\s(?=(?:người\s*(?:viết|đăng)|tác\s*giả|nguồn|lượt\s*xem)\s*:)",
        line,
        flags=re.IGNORECASE,
    ):
        m = AUTHOR_LABEL.match(part)
        by = None if m else BY_LABEL.match(part)
        shot = None if m or by else PHOTO_LABEL.match(part)
        found = m or by or shot
        rest = BY_TRAILER.sub("", _sentence_cut(part[found.end() :])) if found else ""
        name = (names_in(rest) or (unit_signature(rest) if m or by else None)) if found else None
        said = m is not None and not name and _prose(part[m.end() :])  # "PV: Xin cảm ơn!"
        if (m and not said) or shot or (by and name):
            labelled = True
        if name and not shot:
            names.append(name)
    return labelled, (", ".join(names) or None)


def _prose(text: str) -> bool:
    """A sentence, not a credit: an interview's ``PV:`` question or answer."""
    text = text.strip()
    return text.endswith((".", "!", "?", "…")) or len(text.split()) > 6


def strip_degree(text: str) -> str:
    return DEGREE.sub("", text.strip()).strip()


def names_in(chunk: str) -> str | None:
    """The person names at the start of ``chunk``, degrees and trailing role removed."""
    names: list[str] = []
    bracket = ROLE_IN_BRACKETS.search(chunk)
    if bracket and (
        is_role_line(bracket.group(1))
        or CREDIT_ROLE.match(bracket.group(1))
        or LONE_UNIT.match(bracket.group(1).strip())
    ):
        chunk = chunk[: bracket.start()]
    for index, piece in enumerate(NAME_SPLIT.split(strip_degree(chunk))):
        piece = strip_degree(piece).strip(" .()")
        if is_person_name(piece):
            names.append(piece)
        elif index == 0:
            return None
        else:
            break
    return ", ".join(names) or None


INTERFACE_PHRASE = re.compile(r"\bliên\s+(?:kết|hệ)\b", re.IGNORECASE)


def is_person_name(text: str) -> bool:
    """Two to five capitalised words, none of them a role or interface word."""
    words = text.split()
    if len(words) == 1 and _one_word_name(words[0]):
        return True
    if not 2 <= len(words) <= 5 or words[0].casefold() in ROLE_WORDS:
        return False
    if INTERFACE_PHRASE.search(text):
        return False  # "Liên kết website", "Liên hệ": Liên is a name, these are not
    return all(_name_word(w) and w.casefold() not in NOT_NAME for w in words)


#: A Central Highlands name written as one word (``K'Điểu``, ``H’Nhi``): a one- or
#: two-letter prefix, an apostrophe, a capitalised name.
_ONE_WORD_NAME = re.compile(r"^[A-ZĐ][a-z]?['’][A-ZĐ]\w+$")


def _one_word_name(word: str) -> bool:
    return bool(_ONE_WORD_NAME.match(word)) and _name_word(word)


def _name_word(word: str) -> bool:
    """``Hoa``, ``Y``, and Central Highlands names such as ``H’Nhi`` (capitalised parts)."""
    parts = re.split(r"[’']", word)
    return len(parts) <= 2 and all(
        p.isalpha() and p[0].isupper() and (len(p) == 1 or p[1:].islower()) for p in parts
    )


#: First words of a school unit that signs an item alone (``Khoa Xây dựng Đảng``).
#: A unit named by one word pair, in brackets after a name: ``Trịnh Minh Phương (Văn phòng)``.
LONE_UNIT = re.compile(r"^(?:văn\s+phòng|thư\s+viện|công\s+đoàn|chi\s+đoàn)$", re.IGNORECASE)
UNIT_WORDS = re.compile(
    r"^(?:khoa|phòng|ban|bộ\s+môn|trung\s+tâm|văn\s+phòng|đoàn\s+thanh\s+niên|công\s+đoàn"
    r"|chi\s+bộ|chi\s+đoàn|đảng\s+ủy|đảng\s+uỷ|đảng\s+bộ|thư\s+viện|hội\s+đồng"
    r"|hội\s+cựu\s+chiến\s+binh|ủy\s+ban|uỷ\s+ban|tổ(?!\s+chức))\s+\S",
    re.IGNORECASE,
)


def unit_signature(text: str) -> str | None:
    """A unit signing the item on the last line (``Khoa Xây dựng Đảng``, ``Phòng Đào tạo``):
    short, capitalised, no sentence punctuation."""
    line = _clean(text).strip(" .")
    words = line.split()
    if not UNIT_WORDS.match(line) or not 2 <= len(words) <= UNIT_WORDS_MAX:
        return None
    if " - " in line:
        first, rest = line.split(" - ", 1)
        if (unit := unit_signature(first)) and unit_signature(rest):
            return unit  # ``Tổ Thư viện - Phòng Tổ chức, Hành chính``: a unit, then its parent
        if "," in line:
            return None  # ``Khoa X - Trường Chính trị Trần Phú, Hà Tĩnh``: an affiliation
    if re.search(r"[;:!?]|,(?!\s+[A-ZĐ])|(?<!\w)\d", line) or line.count(",") > 1:
        return None  # prose or a date (``Ban cán sự lớp K58`` and ``Phòng Tổ chức, Hành
        # chính`` are units)
    if EDITORS.match(line):
        return None  # the website's editors, like a CMS account: nobody in particular
    if any(w.casefold() in _SENTENCE_WORDS for w in words[1:]):
        return None  # a caption or a sentence (``Ban Tổ chức trao giải cho các giảng viên``)
    return line if line[0].isupper() else None


#: Words of a sentence, never of a unit's name.
_SENTENCE_WORDS = frozenset(["cho", "tại", "đã", "được", "đang", "sẽ", "những"])


EDITORS = re.compile(r"^ban\s+biên\s+tập\b", re.IGNORECASE)
#: The longest unit name signing an item (``Phòng Quản lý đào tạo và Nghiên cứu khoa học``).
UNIT_WORDS_MAX = 12


def is_role_line(text: str) -> bool:
    """The line under an author's name: ``Phó Khoa Nhà nước và Pháp luật``, ``(Phòng NCKH)``."""
    line = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip()
    if not line or len(line) > 90 or line.endswith((".", ":", "?", "!")):
        return False
    inner = line.strip("() ")
    first = re.split(r"[\s,\-–]+", inner, maxsplit=1)[0].casefold()
    return first in ROLE_WORDS and first not in ("quang", "toàn", "đại", "lễ", "các", "hình", "ảnh")


#: Between a credit and a date on one line: ``Bùi Thị Nhàn — 20/10/2022``, ``Tổ Công nghệ
#: thông tin | Thứ tư 02 Tháng 10, 2024 08:41``.
_NAME_DATE_SEPARATOR = re.compile(r"\s+[-–—|·•/]\s+|,\s+")


def name_and_date(line: str) -> tuple[str | None, str | None]:
    """``(credit, date text)`` of a line that is a person or a unit and a date, either way
    round (the issue's "a name and a date on one line"); ``(None, None)`` otherwise."""
    parts = _NAME_DATE_SEPARATOR.split(line, maxsplit=1) if len(line) <= 100 else []
    if len(parts) != 2 or dates.place_date(line):
        return None, None  # ``Hà Tĩnh, ngày 27 tháng 12 năm 2024``: a place, not a name
    for date_part, credit in (parts, parts[::-1]):
        credit = _clean(credit)
        if dates.is_date_line(date_part) and (is_person_name(credit) or unit_signature(credit)):
            return credit, date_part
    return None, None
