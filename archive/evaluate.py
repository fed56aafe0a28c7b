"""Extraction quality, measured: our extractor against bare trafilatura.

The evaluation set is a directory of ``<id>.html`` pages, each with an
``<id>.json`` record (url, hints, expected title/date/author/source, body
paragraphs, captions, bylines, boilerplate snippets that must not appear, and a
``split``: ``tune`` or ``holdout`` here, ``blind`` or ``sealed`` in the blind set
of ``tests/blind``). Body quality is token precision/recall/F1
(bag of lowercased words): caption and byline words are neither required nor
penalised, nor are the words of a data table inside the body (the blind sets' writers
count such a table as the article's but list no paragraph for its cells).
``python -m archive.evaluate [DIR] [--split=NAME]`` prints the table.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean
from typing import Any

from archive.extract.records import Article

#: Where the repository keeps the evaluation set.
DEFAULT_DIR = Path(__file__).resolve().parent.parent / "tests" / "evaldata" / "pages"

Extractor = Callable[[bytes, str, Mapping[str, Any], str | None], "Fields"]
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Case:
    """One evaluation page and what a perfect extractor returns for it."""

    id: str
    html: bytes
    url: str
    layout: str
    split: str
    hints: Mapping[str, Any]
    http_encoding: str | None
    expected: Mapping[str, Any]
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...]
    bylines: tuple[str, ...]
    must_not: tuple[str, ...]
    tables: tuple[str, ...] = ()  # the text of data tables between the body's paragraphs


@dataclass(frozen=True)
class Fields:
    """The four things scored on every page."""

    title: str | None
    date: str | None
    author: str | None
    text: str


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    leaked: tuple[str, ...]
    title: bool
    date: bool
    author: bool


@dataclass(frozen=True)
class PageScore:
    case: Case
    ours: Score
    bare: Score


@dataclass(frozen=True)
class Summary:
    """Figures over a set of pages; ``min_f1`` is the worst page."""

    pages: int
    precision: float
    recall: float
    f1: float
    min_f1: float
    leaked: int
    title: float
    date: float
    author: float


@dataclass
class Report:
    pages: list[PageScore] = field(default_factory=list)

    def select(self, split: str | None = None) -> list[PageScore]:
        return [p for p in self.pages if split is None or p.case.split == split]

    def summary(self, split: str | None = None, *, bare: bool = False) -> Summary:
        """Macro averages over the pages of ``split`` (all pages when None)."""
        scores = [p.bare if bare else p.ours for p in self.select(split)]
        return summarize(scores)


def summarize(scores: Sequence[Score]) -> Summary:
    if not scores:
        return Summary(0, 0.0, 0.0, 0.0, 0.0, 0, 0.0, 0.0, 0.0)
    return Summary(
        pages=len(scores),
        precision=mean(s.precision for s in scores),
        recall=mean(s.recall for s in scores),
        f1=mean(s.f1 for s in scores),
        min_f1=min(s.f1 for s in scores),
        leaked=sum(len(s.leaked) for s in scores),
        title=mean(s.title for s in scores),
        date=mean(s.date for s in scores),
        author=mean(s.author for s in scores),
    )


# --------------------------------------------------------------------------- loading


def load_cases(directory: str | Path | None = None) -> list[Case]:
    """Read every ``*.json`` record of ``directory`` with its HTML file."""
    root = Path(directory) if directory is not None else DEFAULT_DIR
    return [_case(path) for path in sorted(root.glob("*.json"))]


def _case(path: Path) -> Case:
    record = json.loads(path.read_text(encoding="utf-8"))
    html = (path.parent / record["file"]).read_bytes()
    return Case(
        id=record["id"],
        html=html,
        url=record["url"],
        layout=record["layout"],
        split=record["split"],
        hints=record.get("hints") or {},
        http_encoding=record.get("http_encoding"),
        expected=record["expected"],
        paragraphs=tuple(record["paragraphs"]),
        captions=tuple(record.get("captions", ())),
        bylines=tuple(record.get("bylines", ())),
        must_not=tuple(record.get("must_not", ())),
        tables=body_tables(html, record.get("http_encoding"), record["paragraphs"]),
    )


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def body_tables(
    html: bytes, http_encoding: str | None, paragraphs: Sequence[str]
) -> tuple[str, ...]:
    """The text of the innermost tables that hold none of the expected paragraphs and sit
    between the first and the last of them: data tables inside the article's body."""
    import lxml.html

    if not paragraphs:
        return ()
    sniffed = _META_CHARSET.search(html[:4096])
    encoding = http_encoding or (sniffed.group(1).decode() if sniffed else "utf-8")
    try:
        parser = lxml.html.HTMLParser(encoding=encoding)
        tree = lxml.html.document_fromstring(html, parser=parser)
    except (LookupError, ValueError):
        return ()
    page = flat(" ".join(tree.itertext()))
    wanted = [flat(p) for p in paragraphs]
    start, end = page.find(wanted[0][:60]), page.rfind(wanted[-1][:60])
    if start < 0 or end < 0:
        return ()
    found = []
    for table in tree.iter("table"):
        text = flat(" ".join(table.itertext()))
        if table.xpath(".//table") or not text or any(p[:60] in text for p in wanted):
            continue
        if start < page.find(text, start) < end:
            found.append(text)  # printed between the first paragraph and the last
    return tuple(found)


# --------------------------------------------------------------------------- scoring


def tokens(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


def body_scores(text: str, case: Case) -> tuple[float, float, float]:
    """Token precision, recall and F1; caption, byline and body-table words are free."""
    got = Counter(tokens(text))
    want = Counter(tokens(" ".join(case.paragraphs)))
    hits = sum((got & want).values())
    free = Counter(tokens(" ".join(case.captions + case.bylines + case.tables)))
    penalised = sum(((got - want) - free).values())
    precision = hits / (hits + penalised) if hits + penalised else 0.0
    recall = hits / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def flat(text: str | None) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip()


def leaked(text: str, snippets: Iterable[str]) -> tuple[str, ...]:
    body = flat(text)
    return tuple(s for s in snippets if flat(s) and flat(s) in body)


def score(fields: Fields, case: Case) -> Score:
    precision, recall, f1 = body_scores(fields.text, case)
    exp = case.expected
    return Score(
        precision=precision,
        recall=recall,
        f1=f1,
        leaked=leaked(fields.text, case.must_not),
        title=flat(fields.title) == flat(exp.get("title")),
        date=fields.date == exp.get("date"),
        author=(flat(fields.author) or None) == (flat(exp.get("author")) or None),
    )


# --------------------------------------------------------------------------- extractors


def ours(html: bytes, url: str, hints: Mapping[str, Any], encoding: str | None) -> Fields:
    from archive.extract.article import extract_article

    return _fields(extract_article(html, url, hints, encoding=encoding))


def bare_trafilatura(
    html: bytes, url: str, hints: Mapping[str, Any], encoding: str | None
) -> Fields:
    """trafilatura as a user would call it: bytes in, metadata on, nothing else."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return Fields(None, None, None, "")
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    return Fields(get("title"), get("date"), get("author"), get("text") or "")


def _fields(article: Article) -> Fields:
    return Fields(article.title, article.date, article.author, article.text)


def evaluate(
    directory: str | Path | None = None,
    *,
    splits: Iterable[str] | None = None,
    extractor: Extractor = ours,
    baseline: Extractor = bare_trafilatura,
) -> Report:
    """Score ``extractor`` and ``baseline`` on every page of the evaluation set."""
    wanted = set(splits) if splits is not None else None
    report = Report()
    for case in load_cases(directory):
        if wanted is not None and case.split not in wanted:
            continue
        args = (case.html, case.url, case.hints, case.http_encoding)
        report.pages.append(
            PageScore(case, score(extractor(*args), case), score(baseline(*args), case))
        )
    return report


# --------------------------------------------------------------------------- table


def _cells(s: Score) -> str:
    marks = "".join("y" if ok else "-" for ok in (s.title, s.date, s.author))
    return f"{s.precision:5.3f} {s.recall:5.3f} {s.f1:5.3f} {len(s.leaked):4d} {marks:>5}"


def _summary_cells(s: Summary) -> str:
    return (
        f"{s.precision:5.3f} {s.recall:5.3f} {s.f1:5.3f} {s.leaked:4d} "
        f"{s.title:4.0%} {s.date:4.0%} {s.author:4.0%} min F1 {s.min_f1:5.3f}"
    )


HEADER = "      P     R    F1 leak   TDA"
#: The evaluation set's splits (tests/evaldata), then the blind set's (tests/blind).
SPLIT_ORDER = ("tune", "holdout", "blind", "sealed")


def format_report(report: Report) -> str:
    """Per page and overall (tune, holdout, all): ours | bare trafilatura."""
    width = max((len(p.case.id) for p in report.pages), default=10)
    lines = [
        f"{'page':<{width}} {'split':<7} | ours:{HEADER} | bare trafilatura:{HEADER}",
    ]
    rank = {s: i for i, s in enumerate(SPLIT_ORDER)}
    for p in sorted(report.pages, key=lambda p: (rank.get(p.case.split, 9), p.case.id)):
        lines.append(
            f"{p.case.id:<{width}} {p.case.split:<7} |      {_cells(p.ours)} |"
            f"                  {_cells(p.bare)}"
        )
    lines.append("")
    lines.append(
        "TDA = title, date, author exact match. Overall: macro means; T/D/A as share of pages."
    )
    present = list(dict.fromkeys(p.case.split for p in report.pages))
    ordered = [s for s in SPLIT_ORDER if s in present] + [
        s for s in present if s not in SPLIT_ORDER
    ]
    for split in [*ordered, None]:
        if not report.select(split):
            continue
        name = split or "all"
        n = len(report.select(split))
        lines.append(f"{name:<8} ({n:2d} pages) ours: {_summary_cells(report.summary(split))}")
        lines.append(f"{'':<8} {'':<11} bare: {_summary_cells(report.summary(split, bare=True))}")
    return "\n".join(lines)


def leak_details(report: Report) -> str:
    """Which snippets leaked and which fields missed, page by page (ours only)."""
    lines = []
    for p in report.pages:
        s, exp = p.ours, p.case.expected
        misses = [
            name
            for name, ok in (("title", s.title), ("date", s.date), ("author", s.author))
            if not ok
        ]
        if s.leaked or misses or s.f1 < 0.97:
            lines.append(
                f"{p.case.id}: F1 {s.f1:.3f} leaked {list(s.leaked)} missed {misses} expected "
                f"{ {k: exp.get(k) for k in misses} }"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    splits = [a.removeprefix("--split=") for a in args if a.startswith("--split=")]
    args = [a for a in args if not a.startswith("--split=")]
    report = evaluate(args[0] if args else None, splits=splits or None)
    print(format_report(report))
    if verbose:
        print()
        print(leak_details(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
