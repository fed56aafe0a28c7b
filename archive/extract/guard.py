"""One failing field costs that field, never the article.

Extraction reads many independent fields from hostile markup (a leap second
in ``article:published_time``, a selector that trips lxml). :func:`attempt`
runs one field's finder, keeps its default on any exception and notes why in
``problems``, which reaches ``pages.error`` (archive.extract.page): nothing is
swallowed without a trace.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

#: Characters kept of one problem's description (a page row, not a traceback).
MAX_NOTE = 200


def attempt(problems: list[str], name: str, find: Callable[[], T], default: T) -> T:
    """``find()``, or ``default`` with ``"name: Error: message"`` appended to ``problems``."""
    try:
        return find()
    except Exception as exc:  # noqa: BLE001 - one field must never cost the article
        problems.append(f"{name}: {describe(exc)}")
        return default


def describe(exc: BaseException) -> str:
    """``ValueError: second must be in 0..59``, cut to one short line."""
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text[:MAX_NOTE]
