"""Run the spider in this process with the project settings plus overrides.

Used by `tct-archive crawl` and `tct-archive demo`. Overrides are applied at
the "cmdline" priority, exactly like `scrapy crawl -s NAME=VALUE`.
"""

from __future__ import annotations

import difflib
import json
import os
import sys
from collections.abc import Iterable, Mapping
from typing import Any

# Scrapy's TLS modules call inspect.stack() as they are imported (create_deprecated_class),
# which reads the source of every frame above: imported with this module, near the top of
# the command's stack, rather than 50 frames deep in the engine's construction.
import scrapy.core.downloader.contextfactory  # noqa: F401
from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings, default_settings
from scrapy.utils.project import get_project_settings

from archive.store.storage import StorageError, describe, storage_problem

SETTINGS_MODULE = "crawler.settings"


def project_settings() -> Settings:
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", SETTINGS_MODULE)
    return get_project_settings()


def known_settings() -> dict[str, Any]:
    """Every setting name Scrapy or this project defines, with its default."""
    names = {k: getattr(default_settings, k) for k in dir(default_settings) if k.isupper()}
    names.update(dict(project_settings().items()))
    return names


def parse_overrides(pairs: Iterable[str]) -> dict[str, Any]:
    """Turn `-s NAME=VALUE` pairs into typed settings; ValueError names the bad one."""
    known = known_settings()
    parsed: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise ValueError(f"-s {pair!r}: expected NAME=VALUE")
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise ValueError(f"-s {name}: unknown setting{hint}")
        parsed[name] = _coerce(name, value, known[name])
    return parsed


def _coerce(name: str, value: str, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            if value.lower() not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
                raise ValueError
            return value.lower() in ("1", "true", "yes", "on")
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
        if isinstance(default, dict):
            loaded = json.loads(value)
            if not isinstance(loaded, dict):
                raise ValueError
            return loaded
        if isinstance(default, list | tuple):
            return (
                json.loads(value) if value.startswith("[") else [v for v in value.split(",") if v]
            )
    except (ValueError, json.JSONDecodeError):
        kind = type(default).__name__
        raise ValueError(f"-s {name}={value}: not a valid {kind}") from None
    return value


def run_crawl(overrides: Mapping[str, Any]) -> int:
    """Crawl with the project settings plus ``overrides``; returns the crawl id."""
    settings, crawler, failures = _run(overrides)
    stopped = getattr(crawler, "storage_error", None)
    if stopped:
        raise StorageError(stopped)
    spider = crawler.spider
    if spider is None or not hasattr(spider, "session"):
        error = failures[0].value if failures else None
        if error is not None and storage_problem(error):
            raise StorageError(describe(error, str(settings.get("ARCHIVE_DB"))))
        raise RuntimeError("the crawl did not start; see the log above")
    return int(spider.session.crawl_id)


def run_worker(overrides: Mapping[str, Any]) -> bool:
    """One Redis-mode worker (``ARCHIVE_REDIS_URL`` among ``overrides``) until the shared
    frontier is done; False when it stopped before (a signal, an error at start)."""
    _settings, crawler, _failures = _run(overrides)
    return bool(crawler.stats and crawler.stats.get_value("finish_reason") == "finished")


def _run(overrides: Mapping[str, Any]) -> tuple[Settings, Any, list[Any]]:
    _without_pydantic()
    settings = project_settings()
    settings.setdict(dict(overrides), priority="cmdline")
    process = CrawlerProcess(settings)
    crawler = process.create_crawler("schools")
    failures: list[Any] = []
    process.crawl(crawler).addErrback(failures.append)
    process.start()
    return settings, crawler, failures


def _without_pydantic() -> None:
    """itemadapter, which Scrapy and Spidermon import as the crawl starts, probes for
    pydantic at its own import (to take pydantic models for items). No item here is one,
    and the probe loaded pydantic into every crawl: 73 ms of a 1 s crawl's start, 7 MB
    (it is installed for the WACZ export's frictionless). The crawl's process keeps it out,
    unless something loaded it already."""
    sys.modules.setdefault("pydantic", None)  # type: ignore[arg-type]
