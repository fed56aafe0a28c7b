"""Search the way Vietnamese readers type: with or without diacritics.

The FTS index holds folded text (archive.store.search.fold); these functions fold
the query the same way. Overriding Datasette's own `escape_fts` (registered
last, so ours wins) makes the table's search box fold too, and keeps the
syntax users get: a query in double quotes is matched as a phrase, `OR`,
`AND` and `NOT` (in capitals) combine terms, `word*` matches a prefix.

Snippets come back as HTML-escaped text with <mark> around the matches;
`marked` re-escapes any cell named `snippet` and lets only <mark> through,
so a custom SQL query cannot smuggle markup in by naming a column so.
"""

import html
import re
import sys
from pathlib import Path

from datasette import hookimpl
from markupsafe import Markup

try:
    from archive.store.search import fold, fts_query, snippet
except ImportError:  # a published bundle (archive.serve.write_bundle) ships search.py here
    sys.path.append(str(Path(__file__).resolve().parent))
    from archive.store.search import fold, fts_query, snippet

_MARK = re.compile(r"(</?mark>)")
_WORD = re.compile(r"\w+", re.UNICODE)
_OPERATORS = ("AND", "OR", "NOT", "NEAR")


def fast_snippet(text, query, width=240):
    """archive.store.search.snippet, same output, about ten times faster on long texts.

    It folds the whole text once instead of word by word; when folding keeps
    every character in place (it does for Vietnamese in NFC: one letter per
    letter), match positions in the folded text are positions in the text.
    Otherwise it hands over to archive.store.search.snippet.
    """
    text = text or ""
    folded = fold(text)
    if len(folded) != len(text):
        return snippet(text, query, width)
    terms = {fold(t) for t in _WORD.findall(query or "") if t not in _OPERATORS}
    hits = [m.span() for m in _WORD.finditer(folded) if m.group(0) in terms]
    start = max(0, hits[0][0] - width // 3) if hits else 0
    end = min(len(text), start + width)
    out, pos = [], start
    for a, b in hits:
        if a < start or b > end:
            continue
        out.append(html.escape(text[pos:a]))
        out.append(f"<mark>{html.escape(text[a:b])}</mark>")
        pos = b
    out.append(html.escape(text[pos:end]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + "".join(out).replace("\n", " ") + suffix


def escape_folded(query):
    """The search box's query for FTS5 (archive.store.search.fts_query): folded, every term
    quoted, ``OR`` / ``AND`` / ``NOT`` between terms and a trailing ``*`` kept; never a
    syntax error, and an empty query matches nothing."""
    return fts_query(query or "")


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
    conn.create_function("vn_snippet", 2, fast_snippet, deterministic=True)


@hookimpl
def render_cell(value, column, database):
    if database == "archive" and column == "snippet" and isinstance(value, str):
        return marked(value)
    return None


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["vn_marked"] = marked
