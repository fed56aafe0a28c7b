"""Page templates: HTML files in ``templates/`` with ``$name`` placeholders.

A template is compiled once into a ``str.format_map`` pattern (braces of CSS
and JavaScript escaped), which renders far faster than ``string.Template``
and keeps the long HTML lines out of the Python modules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib import resources

_PLACEHOLDER = re.compile(r"\$(?:\{(\w+)\}|(\w+))")


@cache
def template(name: str) -> Callable[..., str]:
    """The renderer of ``templates/<name>.html``: call it with the placeholders."""
    raw = (resources.files("archive.sampleweb") / "templates" / f"{name}.html").read_text("utf-8")
    pattern = _PLACEHOLDER.sub(
        lambda m: "{" + (m.group(1) or m.group(2)) + "}",
        raw.replace("{", "{{").replace("}", "}}"),
    )
    return lambda **values: pattern.format_map(values)
