"""The sample web's data: site descriptions, compact article entries, the ground truth.

Memory stays small at benchmark scale (20 sites × 1000 articles) because an
entry keeps only a seed and a few facts; text is regenerated on request (see
:mod:`sampleweb.web`). :class:`SampleArticle` is the ground truth the tests
compare the archive against.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class SampleArticle:
    """Ground truth for one article, as a reader of the page sees it.

    ``paragraphs`` holds the lead and the body paragraphs, without the title,
    the date, the byline, the source line or photo captions (``captions``).
    ``url`` and ``alias_urls`` are absolute once a server is bound, paths before.
    """

    site_id: str
    url: str
    alias_urls: tuple[str, ...]
    title: str
    date: str
    published_at: str | None
    author: str | None
    source: str | None
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...]
    near_copy_of: str | None
    boilerplate: tuple[str, ...]
    attachments: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def urls(self) -> tuple[str, ...]:
        """Every URL serving the article. Where the page names no canonical URL
        (WebSphere tokens, Joomla's featured path, ASP.NET's Default.aspx) an
        archive may fairly keep any of them as the article's URL."""
        return (self.url, *self.alias_urls)


@dataclass(frozen=True)
class SampleSite:
    """One school site of the sample web; ``index`` picks its loopback IP."""

    id: str
    name: str
    province: str
    cms: str
    index: int
    variant: int
    path_prefix: str | None
    start_path: str
    sitemap_paths: tuple[str, ...]
    feed_paths: tuple[str, ...]
    encoding: str
    private_paths: tuple[str, ...]

    def host(self, host_base: str = "127.0.0") -> str:
        return f"{host_base}.{self.index + 2}"


@dataclass(frozen=True)
class Byline:
    """An author as printed: ``name`` is the ground truth, the rest decoration."""

    name: str
    degree: str
    role: str

    @property
    def full(self) -> str:
        return f"{self.degree} {self.name}".strip()


@dataclass(eq=False, slots=True)
class Entry:
    """One article of one site: a seed plus the facts its pages print."""

    site: int
    index: int
    id: int
    seed: int
    event: str
    k: int
    title: str
    category: int
    published: datetime
    author: Byline | None
    source: str | None
    views: int
    tags: tuple[int, ...]
    long: bool = False
    copy_of: Entry | None = None
    extra_category: int | None = None
    aliased: bool = False
    attachment: bool = False
    version: int = 0
    extra: tuple[str, ...] = ()
    modified: float = 0.0
    removed: bool = False

    @property
    def day(self) -> str:
        return self.published.date().isoformat()


@dataclass(frozen=True)
class Category:
    """A news category (or research section) of a CMS, with its URL slug."""

    slug: str
    name: str
    kind: str = "news"
    weight: int = 1


@dataclass(frozen=True)
class Tag:
    slug: str
    name: str


TAGS = (
    Tag("dao-tao", "đào tạo"),
    Tag("boi-duong", "bồi dưỡng"),
    Tag("hoi-nghi", "hội nghị"),
    Tag("nghien-cuu-khoa-hoc", "nghiên cứu khoa học"),
    Tag("dang-bo", "đảng bộ"),
    Tag("hoc-vien", "học viên"),
)
