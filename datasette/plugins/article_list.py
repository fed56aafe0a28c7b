"""The articles table as a reader's list (``templates/_table-archive-articles.html``).

Datasette shows a table's rows as a grid of every column; for `articles` that
puts ``id``, ``site_id`` and ``url`` on screen and makes each row as tall as its
whole text. The list shows, per article, the linked title, the school, the
date, the author and a short snippet (around the matches when searching),
and keeps the grid one click away: ``_col`` or ``_nocol`` in the query string
(the list's "all columns" link adds ``_nocol=text``) shows Datasette's own
grid, and JSON and CSV are untouched.

The template calls :func:`article_items` on the page's rows; the hook below
gives it the school names and says which of the two views to draw.
"""

import re
import sys
from html import unescape
from pathlib import Path

from datasette import hookimpl
from markupsafe import Markup, escape

try:
    from archive.store.search import fold, snippet
except ImportError:  # a published bundle (archive.serve.write_bundle) ships search.py here
    sys.path.append(str(Path(__file__).resolve().parent))
    from archive.store.search import fold, snippet

DATABASE = "archive"
TABLE = "articles"
#: Query-string arguments that choose columns: the reader asked for the grid.
GRID_ARGS = ("_col", "_nocol")
SNIPPET_WIDTH = 220
_MARK = re.compile(r"(</?mark>)")
_WORD = re.compile(r"\w+")
_OPERATORS = ("AND", "OR", "NOT", "NEAR")


def list_mode(args):
    """True unless the request picks columns (``_col``, ``_nocol``): then the grid."""
    return not any(key in args for key in GRID_ARGS)


def marked(html_text):
    """Markup for an escaped snippet: only the <mark> tags pass as tags."""
    parts = _MARK.split(html_text or "")
    return Markup("".join(p if _MARK.fullmatch(p) else str(escape(unescape(p))) for p in parts))


def article_items(rows, search=None, site_names=None):
    """One plain dictionary per row for the list: title, school, date, author, snippet."""
    names = site_names or {}
    items = []
    for row in rows:
        values = dict(zip(row.keys(), tuple(row), strict=True))
        site_id = _plain(values.get("site_id"))
        items.append(
            {
                "id": values.get("id"),
                "title": values.get("title"),
                "title_html": _whole(values.get("title"), search),
                "site_id": site_id,
                "school": names.get(site_id) or site_id,
                "province": values.get("province"),
                "published": values.get("published"),
                "author": values.get("author"),
                "removed": values.get("removed"),
                "duplicate_of": values.get("duplicate_of"),
                "snippet": excerpt(values.get("text"), search, SNIPPET_WIDTH),
            }
        )
    return items


def excerpt(text, search, width=SNIPPET_WIDTH):
    """archive.store.search.snippet's excerpt (escaped, matches in <mark>), read from a window
    of the text instead of the whole of it: the reference folds every word of the text, which
    cost 1 ms per article of 2,000 characters, 50 ms a page. Without a search: the start."""
    text = text or ""
    if not search:
        end = "…" if len(text) > width else ""
        return Markup(str(escape(text[:width])).replace("\n", " ") + end)
    terms = {fold(t) for t in _WORD.findall(search) if t not in _OPERATORS}
    folded = fold(text)
    if not terms or len(folded) != len(text):  # folding moved letters: the reference, whole
        return marked(snippet(text, search, width))
    pattern = r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(terms))) + r")(?!\w)"
    first = re.search(pattern, folded)
    start = max(0, first.start() - width // 3) if first else 0
    if _cuts_a_word(text, start) or _cuts_a_word(text, start + width):
        return marked(snippet(text, search, width))  # a cut word's part must not match
    window = snippet(text[start : start + width], search, width)  # its first match: <= width/3
    before = "…" if start > 0 else ""
    after = "…" if start + width < len(text) else ""
    return marked(before + window + after)


def _cuts_a_word(text, at):
    return 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()


def _plain(value):
    """A column's value: Datasette hands expanded foreign keys over as {value, label}."""
    return value.get("value") if isinstance(value, dict) else value


def _whole(text, search):
    """All of a short text (a title), escaped, the search's words marked."""
    if not text:
        return None
    return marked(snippet(text, search or "", 3 * len(text) + 3))


async def site_names(db):
    """Every site's name by id (one row per registered school: a few hundred at most)."""
    return {row[0]: row[1] for row in (await db.execute("select id, name from sites")).rows}


@hookimpl
def extra_template_vars(view_name, database, table, request, datasette):
    if view_name != "table" or database != DATABASE or table != TABLE:
        return {}

    async def inner():
        mode = list_mode(request.args)
        names = await site_names(datasette.get_database(DATABASE)) if mode else {}
        return {"article_list_mode": mode, "article_site_names": names}

    return inner


@hookimpl
def prepare_jinja2_environment(env):
    env.globals["archive_article_items"] = article_items
