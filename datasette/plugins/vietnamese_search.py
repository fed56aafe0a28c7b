"""Search the way Vietnamese readers type: with or without diacritics.

The FTS index holds folded text (archive.search.fold); these functions fold
the query the same way. Overriding Datasette's own `escape_fts` (registered
last, so ours wins) makes the table's search box fold too, and keeps its
phrase syntax: a query in double quotes is matched as a phrase.

Snippets come back as HTML-escaped text with <mark> around the matches;
`marked` re-escapes any cell named `snippet` and lets only <mark> through,
so a custom SQL query cannot smuggle markup in by naming a column so.
"""

import html
import re
import sys
from pathlib import Path

from datasette import hookimpl
from datasette.utils import escape_fts
from markupsafe import Markup

try:
    from archive.search import fold, fold_query, snippet
except ImportError:  # a published bundle (archive.serve.write_bundle) ships search.py here
    sys.path.append(str(Path(__file__).resolve().parent))
    from archive.search import fold, fold_query, snippet

_MARK = re.compile(r"(</?mark>)")


def escape_folded(query):
    """Fold, then escape as Datasette does; an empty query matches nothing instead of failing."""
    return escape_fts(fold_query(query or "")) or '""'


def marked(value):
    """Markup for a snippet: every part escaped (once) except the <mark> tags."""
    parts = _MARK.split("" if value is None else str(value))
    return Markup(
        "".join(p if _MARK.fullmatch(p) else html.escape(html.unescape(p)) for p in parts)
    )


@hookimpl(trylast=True)
def prepare_connection(conn):
    conn.create_function("escape_fts", 1, escape_folded, deterministic=True)
    conn.create_function("vn_fold", 1, lambda text: fold(text or ""), deterministic=True)
    conn.create_function("vn_snippet", 2, snippet, deterministic=True)


@hookimpl
def render_cell(value, column, database):
    if database == "archive" and column == "snippet" and isinstance(value, str):
        return marked(value)
    return None


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["vn_marked"] = marked
