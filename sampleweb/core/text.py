"""Vietnamese article text: seed sentences recombined with generated ones.

Everything here is a pure function of an integer seed, so the sample web
keeps only seeds in memory and regenerates an article's text on request.
The five seed articles (``content/seeds.txt``) supply real sentences and
clauses; the templates in :mod:`sampleweb.core.vocab` supply sentences
whose random slots (class numbers, counts, names, dates) make every article
distinct. All output is NFC.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from random import Random

from sampleweb.core import vocab

#: Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset({"TS", "ThS", "Th.s", "PGS", "GS", "Đ/c", "TP", "ThS.", "PGS.TS", "Tp"})
_SENTENCE_END = re.compile(r"[.!?…]+[”\"]?\s+")
_SEED_PROVINCES = ("Vĩnh Phúc", "Bến Tre", "Thái Bình", "Phú Thọ")
_ROMAN = ("XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV")


@dataclass(frozen=True)
class SeedText:
    """Sentences, clauses and captions cut from the seed articles."""

    sentences: tuple[str, ...]
    clauses: tuple[str, ...]
    captions: tuple[str, ...]


@dataclass(frozen=True)
class Body:
    """An article body: the lead, paragraphs as lists of sentences, captions.

    ``figures`` places each caption after a paragraph index (0 = after the lead).
    """

    sentences: tuple[tuple[str, ...], ...]
    captions: tuple[str, ...]
    figures: tuple[int, ...]

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(" ".join(p) for p in self.sentences)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def split_sentences(text: str) -> list[str]:
    """Split on sentence ends, but not after degree abbreviations like ``TS.``."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if end >= len(text) or not (text[end].isupper() or text[end] in '“"'):
            continue
        words = text[start : match.start() + 1].split()
        if words and words[-1].rstrip(".") in _ABBREVIATIONS:
            continue
        sentences.append(text[start:end].strip())
        start = end
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


@lru_cache(maxsize=1)
def seed_text() -> SeedText:
    """The packaged seed paragraphs, split once per process."""
    raw = (resources.files("sampleweb") / "content" / "seeds.txt").read_text("utf-8")
    sentences: list[str] = []
    captions: list[str] = []
    for line in raw.splitlines():
        if line.startswith("P: "):
            found = split_sentences(nfc(line[3:]))
            sentences.extend(s for s in found if 8 <= len(s.split()) <= 120)
        elif line.startswith("C: "):
            captions.append(nfc(line[3:]).rstrip("."))
    clauses = [
        c.strip().rstrip(".;:")
        for s in sentences
        for c in s.split("; ")
        if 8 <= len(c.split()) <= 45
    ]
    return SeedText(tuple(dict.fromkeys(sentences)), tuple(dict.fromkeys(clauses)), tuple(captions))


@lru_cache(maxsize=65536)
def slugify(text: str, limit: int = 80) -> str:
    """ASCII slug as the CMSs make them: no tone marks, ``đ`` → ``d``."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    return _cut(slug, limit)


@lru_cache(maxsize=65536)
def unicode_slug(text: str, limit: int = 80) -> str:
    """Drupal-style Unicode path alias: keeps the tone marks, lowercase, dashes."""
    slug = re.sub(r"[^\w]+", "-", nfc(text).lower()).strip("-")
    return _cut(slug.replace("_", "-"), limit)


def _cut(slug: str, limit: int) -> str:
    if len(slug) <= limit:
        return slug
    return slug[:limit].rsplit("-", 1)[0]


def vn_date(day: date) -> str:
    """``29/6/2022``: the unpadded form the articles use in running text."""
    return f"{day.day}/{day.month}/{day.year}"


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Slots(dict[str, str]):
    """Template slots: fixed facts of the article, random values drawn on demand."""

    def __init__(self, facts: dict[str, str], rng: Random, state: dict[str, int]):
        super().__init__(facts)
        self.rng = rng
        self.state = state
        self.day: date | None = None

    def __missing__(self, key: str) -> str:
        value = self._draw(key)
        self[key] = value
        return value

    def _draw(self, key: str) -> str:  # noqa: C901 - a flat table of slot kinds
        rng, year = self.rng, int(self["year"])
        if key in _NUMBER_RANGES:
            low, high = _NUMBER_RANGES[key]
            return str(rng.randint(low, high))
        if key == "pct":
            return f"{rng.randint(70, 99)},{rng.randint(1, 9)}"
        if key == "name":
            family, middle = rng.choice(vocab.FAMILY), rng.choice(vocab.MIDDLE)
            return f"{family} {middle} {rng.choice(vocab.GIVEN)}"
        if key == "date":
            return vn_date(self._day())
        if key == "date2":
            return vn_date(self._day() + timedelta(days=rng.randint(3, 90)))
        if key == "period":
            return rng.choice(
                (f"6 tháng đầu năm {year}", f"năm học {year - 1}-{year}", f"quý III năm {year}")
            )
        if key == "year2":
            return str(year + rng.randint(2, 5))
        if key == "ordinal":
            index = self.state.get("ordinal", 0)
            self.state["ordinal"] = index + 1
            return vocab.ORDINALS[index % len(vocab.ORDINALS)]
        if key == "district2":
            return rng.choice(vocab.DISTRICTS)
        return rng.choice(_CHOICES[key])

    def _day(self) -> date:
        """One random day of the article's year per sentence, so date2 follows date."""
        if self.day is None:
            self.day = date(int(self["year"]), 1, 1) + timedelta(days=self.rng.randint(0, 300))
        return self.day


_NUMBER_RANGES = {
    "n1": (2, 40),
    "n2": (31, 240),
    "n3": (3, 30),
    "n4": (2, 9),
    "n5": (500, 9000),
    "money": (60, 950),
}
_CHOICES: dict[str, tuple[str, ...]] = {
    "position": vocab.POSITIONS,
    "claim": vocab.CLAIMS,
    "task": vocab.TASKS,
    "document": vocab.DOCUMENTS,
    "organisation": vocab.ORGANISATIONS,
    "topic_list": vocab.TOPIC_LISTS,
    "grade": vocab.GRADES,
    "part": vocab.PARTS,
    "solution": vocab.SOLUTIONS,
    "campus": vocab.CAMPUSES,
    "mode": vocab.MODES,
    "daypart": vocab.DAYPARTS,
    "department": vocab.DEPARTMENTS,
    "aspect": vocab.ASPECTS,
    "topic": vocab.TOPICS,
    "program": vocab.PROGRAMS,
}


def article_facts(seed: int, school: str, province: str, published: date, k: int) -> dict[str, str]:
    """The fixed facts of one article, shared by its title, lead and body."""
    rng = Random(seed)
    year = published.year
    topic = rng.choice(vocab.TOPICS)
    department = rng.choice(vocab.DEPARTMENTS)
    event_day = published - timedelta(days=rng.randint(0, 3))
    return {
        "school": school,
        "province": province,
        "k": str(k),
        "year": str(year),
        "year1": str(year + 1),
        "year5": str(year + 5),
        "m": str(rng.randint(1, 12)),
        "district": rng.choice(vocab.DISTRICTS),
        "department": department,
        "department_cap": _capitalise(department),
        "program": rng.choice(vocab.PROGRAMS),
        "topic": topic,
        "topic_lower": topic[0].lower() + topic[1:],
        "aspect": rng.choice(vocab.ASPECTS),
        "task": rng.choice(vocab.TASKS),
        "mode": rng.choice(vocab.MODES),
        "campus": rng.choice(vocab.CAMPUSES),
        "campus_name": rng.choice(("cơ sở 1", "cơ sở 2", "hội trường A", "hội trường B")),
        "anniversary": str(year - 1982),
        "roman": rng.choice(_ROMAN),
        "event_date": vn_date(event_day),
        "daypart": rng.choice(vocab.DAYPARTS),
    }


def fill(template: str, facts: dict[str, str], rng: Random, state: dict[str, int]) -> str:
    return nfc(template.format_map(_Slots(facts, rng, state)))


def make_title(event: str, facts: dict[str, str], attempt: int) -> str:
    """Title number ``attempt`` for an event (callers retry on a clash)."""
    titles = vocab.EVENTS[event]["titles"]
    rng = Random(f"{facts['k']}:{event}:{attempt}")
    template = titles[(attempt + rng.randrange(len(titles))) % len(titles)]
    return fill(template, facts, rng, {})


def lead(seed: int, event: str, facts: dict[str, str]) -> str:
    """The first paragraph alone: the same draws as :func:`compose` makes first."""
    return _lead(Random(seed * 31 + 7), event, facts, {})


def _lead(rng: Random, event: str, facts: dict[str, str], state: dict[str, int]) -> str:
    return fill(rng.choice(vocab.EVENTS[event]["leads"]), facts, rng, state)


def compose(seed: int, event: str, facts: dict[str, str], long: bool = False) -> Body:
    """The body of one article: a lead, paragraphs of 2–4 sentences, captions."""
    rng = Random(seed * 31 + 7)
    state: dict[str, int] = {}
    spec = vocab.EVENTS[event]
    lead = _lead(rng, event, facts, state)
    own = list(spec["sentences"])
    rng.shuffle(own)
    generic = rng.sample(vocab.GENERIC_SENTENCES, k=min(len(vocab.GENERIC_SENTENCES), 28))
    total = rng.randint(34, 42) if long else rng.randint(8, 13)
    picked = [fill(t, facts, rng, state) for t in own[:3]]
    picked += _seed_sentences(rng, facts["school"], facts["province"], long)
    while len(picked) < total and generic:
        picked.append(fill(generic.pop(), facts, rng, state))
    first, rest = picked[0], picked[1:]
    rng.shuffle(rest)
    paragraphs = [(lead,), *_group(rng, [first, *rest])]
    captions, figures = _captions(rng, facts, state, len(paragraphs))
    return Body(tuple(paragraphs), captions, figures)


def _seed_sentences(rng: Random, school: str, province: str, long: bool) -> list[str]:
    seeds = seed_text()
    count = rng.choice((1, 2, 2)) if long else rng.choice((0, 1, 1, 2))
    picked = rng.sample(seeds.sentences, k=count)
    chosen = [_localise(s, school, province) for s in picked]
    for _ in range(rng.randint(2, 3) if long else rng.randint(1, 2)):
        first, second = rng.sample(seeds.clauses, k=2)
        if any(first in s or second in s for s in picked):
            continue  # a clause of a sentence already used would repeat it
        chosen.append(_localise(f"{_capitalise(first)}; {second}.", school, province))
    return chosen


def _localise(sentence: str, school: str, province: str) -> str:
    """Seed sentences name other provinces' schools: name this site's instead."""
    for other in _SEED_PROVINCES:
        sentence = sentence.replace(f"Trường Chính trị tỉnh {other}", school)
        sentence = sentence.replace(other, province)
    return sentence


def _group(rng: Random, sentences: list[str]) -> list[tuple[str, ...]]:
    groups: list[tuple[str, ...]] = []
    index = 0
    while index < len(sentences):
        size = rng.randint(2, 4)
        groups.append(tuple(sentences[index : index + size]))
        index += size
    return groups


def _captions(
    rng: Random, facts: dict[str, str], state: dict[str, int], paragraphs: int
) -> tuple[tuple[str, ...], tuple[int, ...]]:
    count = min(rng.choice((0, 1, 1, 2)), paragraphs - 1)
    if count <= 0:
        return (), ()
    templates = rng.sample(vocab.CAPTIONS, k=count)
    captions = tuple(fill(t, facts, rng, state) for t in templates)
    figures = tuple(sorted(rng.sample(range(paragraphs - 1), k=count)))
    return captions, figures


def near_copy(body: Body, seed: int) -> Body:
    """A republished copy: two sentences lightly edited (a number, a phrase)."""
    rng = Random(seed * 17 + 3)
    paragraphs = [list(p) for p in body.sentences]
    slots = [(i, j) for i, p in enumerate(paragraphs) for j in range(len(p)) if i > 0]
    rng.shuffle(slots)
    edits = [_bump_number, _reword]
    for i, j in slots:
        edited = edits[0](paragraphs[i][j], rng)
        if edited != paragraphs[i][j]:
            paragraphs[i][j] = edited
            edits.pop(0)
            if not edits:
                break
    return Body(tuple(tuple(p) for p in paragraphs), body.captions, body.figures)


def _bump_number(sentence: str, rng: Random) -> str:
    match = re.search(r"\b\d{2,4}\b", sentence)
    if match is None:
        return sentence
    value = int(match.group()) + rng.randint(1, 9)
    return sentence[: match.start()] + str(value) + sentence[match.end() :]


_REWORDINGS = (
    ("nhà trường", "Trường"),
    ("học viên", "các học viên"),
    ("đồng chí", "đ/c"),
    ("tổ chức", "tiến hành"),
    ("cán bộ", "cán bộ, công chức"),
)


def _reword(sentence: str, rng: Random) -> str:
    for old, new in rng.sample(_REWORDINGS, k=len(_REWORDINGS)):
        if old in sentence:
            return sentence.replace(old, new, 1)
    return sentence


def about_text(school: str, province: str) -> tuple[str, ...]:
    """Paragraphs of the 'Giới thiệu' page: long text that is not an article."""
    rng = Random(province)
    facts = {"school": school, "province": province, "year": "2020"}
    return tuple(fill(p, facts, rng, {}) for p in vocab.ABOUT)
