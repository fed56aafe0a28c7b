"""Search the way Vietnamese readers type: with or without diacritics.

The FTS index holds folded text (archive.search.fold); these functions fold
the query the same way. Overriding Datasette's own `escape_fts` (registered
last, so ours wins) makes the table's search box fold too, and keeps its
phrase syntax: a query in double quotes is matched as a phrase.
"""

from datasette import hookimpl
from datasette.utils import escape_fts

from archive.search import fold, fold_query, snippet


def escape_folded(query):
    return escape_fts(fold_query(query or ""))


@hookimpl(trylast=True)
def prepare_connection(conn):
    conn.create_function("escape_fts", 1, escape_folded, deterministic=True)
    conn.create_function("vn_fold", 1, lambda text: fold(text or ""), deterministic=True)
    conn.create_function("vn_snippet", 2, snippet, deterministic=True)
