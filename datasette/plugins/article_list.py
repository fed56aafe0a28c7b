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
    from archive.store.search import snippet
except ImportError:  # a published bundle (archive.serve.write_bundle) ships search.py here
    sys.path.append(str(Path(__file__).resolve().parent))
    from archive.store.search import snippet

DATABASE = "archive"
TABLE = "articles"
#: Query-string arguments that choose columns: the reader asked for the grid.
GRID_ARGS = ("_col", "_nocol")
SNIPPET_WIDTH = 220
_MARK = re.compile(r"(</?mark>)")


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
                "snippet": marked(snippet(values.get("text"), search or "", SNIPPET_WIDTH)),
            }
        )
    return items


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
