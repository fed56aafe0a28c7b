"""URL shapes, learned from a site's own pages during the crawl.

Every school site has its own way of naming articles (``/tin-tuc/bai-12.html``,
``/?p=123``, ``/1462/39937/69613/slug``), often not its CMS's usual one, and
pages of another shape around them (a theme's "recent posts" sidebar, dead
template links). A CMS's URL patterns are therefore only a guess. A site's
URL *shape* (:func:`shape_of`: the path with numbers and slugs abstracted,
and the query's names) becomes a shortcut only once this site's own pages of
that shape have been read and found, by their content, to be all articles or
all listings (:class:`ShapeBook`). Until then every page is read.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict, deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import parse_qsl, urlsplit

#: Pages of a shape read before its verdict is trusted, and the share they must agree by.
CONFIRM_PAGES = 3
CONFIRM_SHARE = 0.9

_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"^[a-z_]+$")
_LONG_QUERY_VALUE = 24  # longer values are tokens, not names


@lru_cache(maxsize=65536)
def shape_of(url: str) -> str:
    """The URL with what varies between pages of one kind abstracted.

    Path segments: the first, a section name (``tin-tuc``), stays unless it
    holds digits; after it, digits become ``#``, a segment with a dash or
    digits is a slug (``~``, ``~#`` if it holds digits) keeping its
    extension, and a plain word stays. Query: names kept, numeric
    values ``#``, short word values kept (``name=News``), others ``~``.
    """
    parts = urlsplit(url)
    names = parts.path.lower().split("/")[1:]
    first = names[0] if names and names[0] and not _DIGITS.search(names[0]) else None
    segments = [first if i == 0 and first else _segment(s) for i, s in enumerate(names)]
    query = sorted(
        f"{name.lower()}={_value(value)}" for name, value in parse_qsl(parts.query, True)
    )
    return "/" + "/".join(segments) + ("?" + "&".join(query) if query else "")


def _segment(segment: str) -> str:
    stem, dot, ext = segment.rpartition(".") if "." in segment else (segment, "", "")
    ext = f".{ext}" if dot and ext.isalnum() and len(ext) <= 5 else ""
    stem = stem if ext else segment
    if not stem:
        return ext
    if stem.isdigit():
        return "#" + ext
    if _WORD.match(stem) and len(stem) <= 20:
        return stem + ext
    return ("~#" if _DIGITS.search(stem) else "~") + ext


def _value(value: str) -> str:
    if value.isdigit():
        return "#"
    if _WORD.match(value.lower()) and len(value) <= _LONG_QUERY_VALUE:
        return value.lower()
    return "~"


#: One page in this many of a confirmed shape is read all the same, so that a site whose
#: articles turn up under a listing's shape is noticed and the shape trusted no more.
AUDIT_EVERY = 10
#: Pages handed a listing verdict kept per shape, to be read again if an article turns up
#: under it (the oldest go first: by then a hundred audits have agreed with the verdict).
HANDED_KEPT = 5000


@dataclass
class ShapeBook:
    """What one site's pages of each shape turned out to be, read by their content.

    A listing verdict is the one that loses articles if wrong (the page is not read), so it
    asks more: no article ever read under the shape, and the site's articles confirmed
    under another (read its category pages first, as a crawl does, and a shape that names
    articles too passes for a listing's). Should an article turn up under it later, the
    verdict goes, and the pages it was handed are given back, to be read again.
    """

    seen: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    trusted: dict[str, str] = field(default_factory=dict)  # confirmed verdicts, kept current
    skipped: Counter[str] = field(default_factory=Counter)  # pages handed a verdict, per shape
    handed: defaultdict[str, deque[tuple[str, int]]] = field(
        default_factory=lambda: defaultdict(lambda: deque(maxlen=HANDED_KEPT))
    )  # pages (URL, depth) handed a listing verdict unread, per shape
    seeds: dict[str, Counter[str]] = field(default_factory=dict)  # earlier crawls' counts

    def record(self, url: str, kind: str) -> list[tuple[str, int]]:
        """A page read by its content: its kind counts for its shape. Returns the pages
        to read again (those handed a listing verdict this page proved wrong)."""
        shape = shape_of(url)
        self.seen[shape][kind] += 1
        return self._judge(shape)

    def seed(self, shape: str, counts: Mapping[str, int]) -> None:
        """What earlier crawls found the site's pages of ``shape`` to be. Each kind counts
        one page short of confirming it, so one page read in this crawl must agree; an
        article ever read under the shape still keeps it from a listing verdict."""
        self.seeds[shape] = Counter(counts)
        self._merge(shape, {kind: _seeded(count) for kind, count in counts.items()})

    def totals(self) -> dict[str, dict[str, int]]:
        """Per shape, earlier crawls' counts and this one's: what the next crawl seeds."""
        totals = {}
        for shape, counts in self.seen.items():
            seeds = self.seeds.get(shape, Counter())
            totals[shape] = {
                kind: seeds[kind] + counts[kind] - _seeded(seeds[kind])
                for kind in counts.keys() | seeds.keys()
            }
        return totals

    def adopt(self, shape: str, counts: Mapping[str, int]) -> list[tuple[str, int]]:
        """What other crawl processes read of the site's pages of ``shape`` (the counts
        of all, this one's included, as far as they were told): as :meth:`record`."""
        self._merge(shape, counts)
        return self._judge(shape)

    def _merge(self, shape: str, counts: Mapping[str, int]) -> None:
        """Counts told from elsewhere, taken where they are higher than this crawl's own."""
        mine = self.seen[shape]
        for kind, count in counts.items():
            mine[kind] = max(mine[kind], count)

    def _judge(self, shape: str) -> list[tuple[str, int]]:
        was, verdict = self.trusted.get(shape), self.verdict(shape)
        if verdict is None:
            self.trusted.pop(shape, None)
        else:
            self.trusted[shape] = verdict
        if was == "listing" and verdict != "listing":
            return list(self.handed.pop(shape, ()))
        return []

    def for_page(self, url: str) -> dict[str, str]:
        """The verdicts a worker may use for this page: all confirmed ones, except for
        every ``AUDIT_EVERY``-th page of a confirmed shape, which is read."""
        shape = shape_of(url)
        if shape in self.trusted:
            self.skipped[shape] += 1
            if self.skipped[shape] % AUDIT_EVERY == 0:
                return {k: v for k, v in self.trusted.items() if k != shape}
        return self.trusted

    def hand(self, url: str, depth: int) -> None:
        """The page was taken for a listing by its shape's verdict, unread."""
        shape = shape_of(url)
        if self.trusted.get(shape) == "listing":
            self.handed[shape].append((url, depth))

    def article_shaped(self, links: list[str]) -> list[str]:
        """Links of a shape this site's pages have been articles of, confirmed or not: the
        trap guard counts them as article links (WebSphere's opaque ``!ut/p/z0/...`` URLs
        name articles and listing pages alike, so the shape is never confirmed)."""
        return [link for link in links if (c := self.seen.get(shape_of(link))) and c["article"]]

    def verdict(self, shape: str) -> str | None:
        """'article' or 'listing' once this site's pages of the shape confirmed it."""
        counts = self.seen.get(shape)
        if not counts:
            return None
        kind = _confirmed(counts)
        if kind == "article":
            return kind
        if kind == "listing" and not counts["article"] and self._articles_elsewhere(shape):
            return kind
        return None

    def _articles_elsewhere(self, shape: str) -> bool:
        """The site's articles confirmed under another shape, in this crawl or an earlier."""
        if any(v == "article" for s, v in self.trusted.items() if s != shape):
            return True
        return any(_confirmed(c) == "article" for s, c in self.seeds.items() if s != shape)


def _seeded(count: int) -> int:
    """An earlier crawls' count as a new crawl starts from it: one short of confirming."""
    return min(count, CONFIRM_PAGES - 1)


def _confirmed(counts: Counter[str]) -> str | None:
    """The kind these counts confirm: CONFIRM_PAGES pages at least, CONFIRM_SHARE of all."""
    kind, count = counts.most_common(1)[0]
    if count < CONFIRM_PAGES or count < CONFIRM_SHARE * sum(counts.values()):
        return None
    return kind
