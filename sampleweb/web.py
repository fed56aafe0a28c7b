"""The whole sample web: its sites built from the style table, and the ground truth.

:func:`build_sample_web` builds one :class:`~sampleweb.core.site.SiteModel`
per site from :data:`sampleweb.styles.STYLES`; :class:`SampleWeb` holds them,
regenerates an article's text on request (cached for the most recent
articles) and answers the ground truth (:class:`~sampleweb.core.entries.SampleArticle`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta
from functools import lru_cache
from random import Random
from urllib.parse import quote, unquote, urlsplit

from sampleweb.core import dates, text, vocab
from sampleweb.core.entries import TAGS, Byline, Entry, SampleArticle, SampleSite
from sampleweb.core.site import CmsStyle, SiteModel
from sampleweb.styles import STYLES

#: Articles are dated between these days (inclusive), in +07:00.
FIRST_DAY = datetime(2012, 1, 2, tzinfo=dates.VN)
LAST_DAY = datetime(2025, 6, 30, tzinfo=dates.VN)


_EVENT_WEIGHTS = {
    "khai-giang": 4,
    "be-giang": 3,
    "tong-ket": 3,
    "hoi-thao": 2,
    "thuc-te": 2,
    "boi-duong": 3,
    "hoi-thi": 1,
    "ky-niem": 1,
    "dai-hoi": 1,
    "nghien-cuu": 3,
}


class SampleWeb:
    """The whole sample web: sites, their entries and the ground truth.

    Thread-safe for the server's readers; :meth:`edit_article` and
    :meth:`remove_article` mutate it between crawls.
    """

    def __init__(
        self, models: list[SiteModel], seed: int, page_size: int, crawl_delay: float | None = None
    ):
        self.models = models
        self.seed = seed
        self.page_size = page_size
        self.crawl_delay = crawl_delay
        self.bases: dict[str, str] = {}
        self.lock = threading.RLock()
        self._by_id = {m.site.id: m for m in models}
        for model in models:
            model.style.web = self
        self._paths: dict[tuple[str, str], Entry] | None = None

    # -- sites --------------------------------------------------------------
    @property
    def sites(self) -> list[SampleSite]:
        return [m.site for m in self.models]

    def model(self, site_id: str) -> SiteModel:
        return self._by_id[site_id]

    def bind(self, bases: Mapping[str, str]) -> None:
        """Record each site's base URL (``http://127.0.0.2:8080``) once served."""
        self.bases = {k: v.rstrip("/") for k, v in bases.items()}

    def absolute(self, site_id: str, path: str) -> str:
        return self.bases.get(site_id, "") + path

    # -- ground truth -------------------------------------------------------
    @property
    def articles(self) -> list[SampleArticle]:
        """Ground truth for every live article (generated on each call)."""
        return [self.truth(e) for m in self.models for e in m.entries if not e.removed]

    def iter_entries(self) -> Iterator[tuple[SiteModel, Entry]]:
        for model in self.models:
            for entry in model.entries:
                if not entry.removed:
                    yield model, entry

    def truth(self, entry: Entry) -> SampleArticle:
        model = self.models[entry.site]
        style = model.style
        site_id = model.site.id
        body = self.body(entry)
        original = None
        if entry.copy_of is not None:
            original = self.absolute(
                self.models[entry.copy_of.site].site.id,
                self.models[entry.copy_of.site].style.article_path(entry.copy_of),
            )
        return SampleArticle(
            site_id=site_id,
            url=self.absolute(site_id, style.article_path(entry)),
            alias_urls=tuple(self.absolute(site_id, p) for p in style.alias_paths(entry)),
            title=style.title(entry),
            date=entry.day,
            published_at=dates.iso(entry.published),
            author=entry.author.name if entry.author else None,
            source=entry.source,
            paragraphs=body.paragraphs + entry.extra,
            captions=body.captions,
            near_copy_of=original,
            boilerplate=style.boilerplate(entry),
            attachments=tuple(self.absolute(site_id, p) for p in style.attachment_paths(entry)),
        )

    def body(self, entry: Entry) -> text.Body:
        """The generated text of an entry (without edits; see ``entry.extra``)."""
        if entry.copy_of is not None:
            return _copied_body(self._body_key(entry.copy_of), entry.seed)
        return _body(self._body_key(entry))

    def lead(self, entry: Entry) -> str:
        """The lead paragraph (copies keep their original's lead)."""
        return _lead(self._body_key(entry.copy_of or entry))

    def _body_key(self, entry: Entry) -> BodyKey:
        site = self.models[entry.site].site
        return (
            entry.seed,
            entry.event,
            site.name,
            site.province,
            entry.published.date().isoformat(),
            entry.k,
            entry.long,
        )

    def listing_urls(self, site_id: str) -> list[str]:
        """Home page, category listings with every pagination page, tag pages."""
        model = self.model(site_id)
        return [self.absolute(site_id, p) for p in model.style.listing_paths()]

    def other_urls(self, site_id: str) -> list[str]:
        """Pages that are neither articles nor listings (about, contact)."""
        model = self.model(site_id)
        return [self.absolute(site_id, p) for p in model.style.other_paths()]

    def outside_urls(self, site_id: str) -> list[str]:
        """Pages of the same host outside the school's path prefix (must not be crawled)."""
        model = self.model(site_id)
        return [self.absolute(site_id, p) for p in model.style.outside_paths()]

    # -- lookup and mutation --------------------------------------------------
    def entry_for(self, url: str) -> Entry | None:
        """The live entry served at a canonical or alias URL (absolute or path)."""
        parts = urlsplit(url)
        path = quote(unquote(parts.path), safe="/!-._~")  # Drupal's aliases may come unencoded
        target = path + (f"?{parts.query}" if parts.query else "")
        index = self._path_index()
        if parts.netloc:
            base = f"{parts.scheme}://{parts.netloc}"
            site_ids = [s for s, b in self.bases.items() if b == base]
        else:
            site_ids = list(self._by_id)
        for site_id in site_ids:
            entry = index.get((site_id, target))
            if entry is not None:
                return None if entry.removed else entry
        return None

    def article(self, url: str) -> SampleArticle:
        entry = self.entry_for(url)
        if entry is None:
            raise KeyError(url)
        return self.truth(entry)

    def edit_article(self, url: str, new_paragraph: str) -> SampleArticle:
        """Append a paragraph: the next request serves it with a new ETag/Last-Modified."""
        with self.lock:
            entry = self._require(url)
            entry.extra = (*entry.extra, text.nfc(new_paragraph))
            entry.version += 1
            entry.modified = max(time.time(), entry.modified + 1)
            self.models[entry.site].touch(entry.modified)
            return self.truth(entry)

    def remove_article(self, url: str) -> None:
        """Delete an article: its URLs answer 404 and listings drop it."""
        with self.lock:
            entry = self._require(url)
            entry.removed = True
            self.models[entry.site].touch(time.time())

    def _require(self, url: str) -> Entry:
        entry = self.entry_for(url)
        if entry is None:
            raise KeyError(f"no article at {url}")
        return entry

    def _path_index(self) -> dict[tuple[str, str], Entry]:
        if self._paths is None:
            index: dict[tuple[str, str], Entry] = {}
            for model in self.models:
                for entry in model.entries:
                    style = model.style
                    for path in (style.article_path(entry), *style.alias_paths(entry)):
                        index[(model.site.id, path)] = entry
            self._paths = index
        return self._paths


BodyKey = tuple[int, str, str, str, str, int, bool]


@lru_cache(maxsize=4096)
def _body(key: BodyKey) -> text.Body:
    return text.compose(key[0], key[1], _facts(key), key[6])


@lru_cache(maxsize=65536)
def _lead(key: BodyKey) -> str:
    return text.lead(key[0], key[1], _facts(key))


def _facts(key: BodyKey) -> dict[str, str]:
    seed, _, school, province, day, k, _ = key
    return text.article_facts(seed, school, province, datetime.fromisoformat(day).date(), k)


@lru_cache(maxsize=256)
def _copied_body(key: BodyKey, seed: int) -> text.Body:
    return text.near_copy(_body(key), seed)


# -- building -------------------------------------------------------------------


def build_sample_web(
    articles_per_site: int = 12,
    sites: int | None = None,
    seed: int = 0,
    *,
    page_size: int | None = None,
    crawl_delay: float | None = None,
) -> SampleWeb:
    """Build the model: one site per CMS style, repeated with new ids past seven.

    ``page_size`` defaults to a size that gives several listing pages for the
    small test web and ten per page at benchmark scale.
    """
    count = len(STYLES) if sites is None else sites
    size = page_size or max(3, min(10, articles_per_site // 4))
    models: list[SiteModel] = []
    for index in range(count):
        style_cls = STYLES[index % len(STYLES)]
        site = style_cls.describe(index, index // len(STYLES))
        previous = models[index - 1] if index % 2 == 1 else None
        entries = _entries(site, style_cls, articles_per_site, seed, previous)
        model = SiteModel(site, entries)
        model.style = style_cls(model, size)
        model.modified = max((e.modified for e in entries), default=FIRST_DAY.timestamp())
        models.append(model)
    return SampleWeb(models, seed, size, crawl_delay)


def _entries(
    site: SampleSite, style_cls: type[CmsStyle], count: int, seed: int, previous: SiteModel | None
) -> list[Entry]:
    rng = Random(f"{seed}:{site.id}")
    copy = (
        _near_copy(site, previous, rng)
        if previous and count >= 2 and len(previous.entries) >= 2
        else None
    )
    own = count - 1 if copy else count
    moments = sorted(_moment(rng) for _ in range(own))
    used = {copy.title} if copy else set()
    k = rng.randint(20, 90)
    drafts = []
    for position, moment in enumerate(moments):
        drafts.append(_draft(site, style_cls, rng, moment, k + position, used, position))
    if copy:
        drafts.append(copy)
    drafts.sort(key=lambda e: e.published)
    ident = style_cls.id_base + rng.randint(0, 40)
    for index, entry in enumerate(drafts):
        entry.index, entry.id = index, ident
        ident += rng.randint(1, 4)
    return drafts


def _moment(rng: Random) -> datetime:
    span = int((LAST_DAY - FIRST_DAY).total_seconds() // 60)
    moment = FIRST_DAY + timedelta(minutes=rng.randrange(span))
    return moment.replace(hour=rng.randint(6, 22))


def _draft(
    site: SampleSite,
    style_cls: type[CmsStyle],
    rng: Random,
    moment: datetime,
    k: int,
    used: set[str],
    position: int,
) -> Entry:
    article_seed = rng.getrandbits(40)
    event = rng.choices(list(_EVENT_WEIGHTS), weights=list(_EVENT_WEIGHTS.values()))[0]
    facts = text.article_facts(article_seed, site.name, site.province, moment.date(), k)
    title = _unique_title(event, facts, used)
    if title is None:
        event = "khai-giang"
        title = _unique_title(event, facts, used) or f"{facts['school']} - bản tin số {k}"
    used.add(title)
    categories = style_cls.categories
    kind = vocab.EVENTS[event]["category"]
    choices = [i for i, c in enumerate(categories) if c.kind == kind] or [0]
    category = rng.choices(choices, weights=[categories[i].weight for i in choices])[0]
    news = [i for i, c in enumerate(categories) if c.kind == "news" and i != category]
    return Entry(
        site=site.index,
        index=0,
        id=0,
        seed=article_seed,
        event=event,
        k=k,
        title=title,
        category=category,
        published=moment,
        author=_byline(rng, style_cls.pen_names),
        source=f"Báo {site.province}" if position % 7 == 5 else None,
        views=rng.randint(120, 5200),
        tags=tuple(sorted(rng.sample(range(len(TAGS)), k=rng.randint(1, 3)))),
        extra_category=news[0] if news and position % 7 == 3 else None,
        aliased=position % 5 == 2,
        attachment=position % 3 == 0,
        modified=moment.timestamp(),
    )


def _unique_title(event: str, facts: dict[str, str], used: set[str]) -> str | None:
    for attempt in range(6):
        title = text.make_title(event, facts, attempt)
        if title not in used:
            return title
    return None


def _byline(rng: Random, pen_names: bool) -> Byline | None:
    if rng.random() < 0.18:
        return None
    if pen_names and rng.random() < 0.6:
        return Byline(rng.choice(vocab.PEN_NAMES), "", "")
    degree = rng.choice(vocab.DEGREES) if rng.random() < 0.75 else ""
    return Byline(rng.choice(vocab.AUTHORS), degree, rng.choice(vocab.ROLES))


def _near_copy(site: SampleSite, previous: SiteModel, rng: Random) -> Entry:
    """A later, lightly edited copy of an article of the previous site."""
    original = previous.entries[len(previous.entries) // 2]
    original.long = True
    when = original.published + timedelta(days=rng.randint(2, 20), minutes=rng.randint(5, 600))
    return Entry(
        site=site.index,
        index=0,
        id=0,
        seed=rng.getrandbits(40),
        event=original.event,
        k=original.k,
        title=original.title,
        category=0,
        published=when,
        author=original.author,
        source=previous.site.name,
        views=rng.randint(50, 900),
        tags=original.tags,
        copy_of=original,
        modified=when.timestamp(),
    )
