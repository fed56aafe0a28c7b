"""The site registry: which schools we crawl and how.

The registry is a TOML file of ``[[site]]`` tables. The packaged file
(``archive/data/sites.toml``) lists the real schools; ``--sites FILE``
replaces it. Validation is strict and happens before anything is written,
so a typo names the file, the entry and the field instead of half-crawling.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HINT_KEYS = frozenset(
    {"cms", "content", "title", "date", "author", "source", "prune", "lead", "encoding"}
)
STATUSES = ("active", "frozen", "merged", "moved", "unconfirmed")


class RegistryError(ValueError):
    """A malformed sites file: names the file, the entry and the field."""

    def __init__(self, path: str, message: str, entry: str | None = None, fld: str | None = None):
        self.path, self.entry, self.field = path, entry, fld
        where = path
        if entry is not None:
            where += f": {entry}"
        if fld is not None:
            where += f": field '{fld}'"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Site:
    """One school website, as declared in the registry."""

    id: str
    name: str
    province: str
    start_urls: tuple[str, ...]
    allowed_domains: tuple[str, ...] = ()
    path_prefix: str | None = None
    sitemap_urls: tuple[str, ...] = ()
    feed_urls: tuple[str, ...] = ()
    article_allow: tuple[str, ...] = ()
    article_deny: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    hints: Mapping[str, Any] = field(default_factory=dict)
    max_pages: int | None = None
    max_depth: int | None = None
    crawl_delay: float | None = None
    status: str = "active"
    merged_into: str | None = None
    notes: str | None = None

    def to_row(self) -> dict[str, Any]:
        """The row stored in the ``sites`` table (lists as JSON by sqlite-utils)."""
        return {
            "id": self.id,
            "name": self.name,
            "province": self.province,
            "start_urls": list(self.start_urls),
            "allowed_domains": list(self.allowed_domains),
            "path_prefix": self.path_prefix,
            "sitemap_urls": list(self.sitemap_urls),
            "feed_urls": list(self.feed_urls),
            "cms": self.hints.get("cms"),
            "status": self.status,
            "merged_into": self.merged_into,
        }


_TUPLE_FIELDS = (
    "start_urls",
    "allowed_domains",
    "sitemap_urls",
    "feed_urls",
    "article_allow",
    "article_deny",
    "deny",
)
_KNOWN = {f.name for f in fields(Site)}


def default_sites_path() -> Path:
    return Path(str(resources.files("archive") / "data" / "sites.toml"))


def load_sites(path: str | Path | None = None) -> list[Site]:
    """Read and validate a sites file (the packaged registry when ``path`` is None)."""
    path = Path(path) if path is not None else default_sites_path()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RegistryError(str(path), f"cannot read the file ({exc.strerror})") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise RegistryError(str(path), "not UTF-8 text") from exc
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(str(path), f"not valid TOML ({exc})") from exc
    return parse_sites(data, str(path))


def parse_sites(data: Mapping[str, Any], path: str = "<sites>") -> list[Site]:
    """Validate the parsed TOML document and build the sites."""
    extra = set(data) - {"site"}
    if extra:
        raise RegistryError(path, f"unknown top-level key(s) {sorted(extra)}; expected [[site]]")
    entries = data.get("site")
    if not isinstance(entries, list) or not entries:
        raise RegistryError(path, "no [[site]] entries")
    sites: list[Site] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries, start=1):
        site = _parse_entry(entry, path, index)
        if site.id in seen:
            raise RegistryError(path, "duplicate id", f"entry {index} ({site.id})", "id")
        seen.add(site.id)
        sites.append(site)
    return sites


def _parse_entry(entry: Any, path: str, index: int) -> Site:
    label = f"entry {index}"
    if not isinstance(entry, dict):
        raise RegistryError(path, "must be a table", label)
    if isinstance(entry.get("id"), str):
        label = f"entry {index} ({entry['id']})"

    def fail(fld: str, message: str) -> RegistryError:
        return RegistryError(path, message, label, fld)

    unknown = set(entry) - _KNOWN
    if unknown:
        name = sorted(unknown)[0]
        raise fail(name, f"unknown field; known fields are {', '.join(sorted(_KNOWN))}")
    for required in ("id", "name", "province", "start_urls"):
        if required not in entry:
            raise fail(required, "is required")
    values: dict[str, Any] = {}
    for key, value in entry.items():
        values[key] = _check_field(key, value, fail)
    if not SLUG.match(values["id"]):
        raise fail("id", "must be a lowercase slug such as 'thai-nguyen'")
    if not values["start_urls"]:
        raise fail("start_urls", "must list at least one URL")
    if not values.get("allowed_domains"):
        values["allowed_domains"] = _hosts(values["start_urls"])
    return Site(**values)


def _check_field(key: str, value: Any, fail: Any) -> Any:
    if key in _TUPLE_FIELDS:
        return _check_list(key, value, fail)
    if key in ("id", "name", "province", "merged_into", "notes"):
        if not isinstance(value, str) or not value.strip():
            raise fail(key, "must be a non-empty string")
        return value.strip()
    if key == "path_prefix":
        if not isinstance(value, str) or not value.startswith("/"):
            raise fail(key, "must be a path starting with '/'")
        return value
    if key in ("max_pages", "max_depth"):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise fail(key, "must be a whole number >= 0")
        return value
    if key == "crawl_delay":
        if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
            raise fail(key, "must be a number of seconds >= 0")
        return float(value)
    if key == "status":
        if value not in STATUSES:
            raise fail(key, f"must be one of {', '.join(STATUSES)}")
        return value
    if key == "hints":
        return _check_hints(value, fail)
    raise fail(key, "unknown field")  # pragma: no cover - guarded by _KNOWN


def _check_list(key: str, value: Any, fail: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise fail(key, "must be a list of strings")
    if key in ("start_urls", "sitemap_urls", "feed_urls"):
        for url in value:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise fail(key, f"{url!r} is not an http(s) URL")
    elif key in ("article_allow", "article_deny", "deny"):
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise fail(key, f"{pattern!r} is not a valid regular expression ({exc})") from exc
    elif key == "allowed_domains":
        for domain in value:
            if "/" in domain or " " in domain:
                raise fail(key, f"{domain!r} is not a host name")
        value = [d.lower() for d in value]
    return tuple(value)


def _check_hints(value: Any, fail: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise fail("hints", "must be a table")
    unknown = set(value) - HINT_KEYS
    if unknown:
        raise fail(
            f"hints.{sorted(unknown)[0]}", f"unknown hint; known: {', '.join(sorted(HINT_KEYS))}"
        )
    for key, hint in value.items():
        if key == "prune":
            ok = isinstance(hint, list) and all(isinstance(h, str) and h for h in hint)
        else:
            ok = isinstance(hint, str) and bool(hint)
        if not ok:
            raise fail(
                f"hints.{key}",
                "must be a string" if key != "prune" else "must be a list of strings",
            )
    return dict(value)


def _hosts(urls: Iterable[str]) -> tuple[str, ...]:
    hosts: list[str] = []
    for url in urls:
        host = (urlsplit(url).hostname or "").lower()
        if host and host not in hosts:
            hosts.append(host)
    return tuple(hosts)


def select_sites(sites: list[Site], ids: Iterable[str]) -> list[Site]:
    """The sites named by ``ids`` (all when empty); unknown ids raise KeyError."""
    wanted = list(ids)
    if not wanted:
        return sites
    by_id = {s.id: s for s in sites}
    missing = [i for i in wanted if i not in by_id]
    if missing:
        raise KeyError(", ".join(missing))
    return [by_id[i] for i in wanted]
