"""The articles table's search box, quick at any size of archive.

Datasette's own table search puts ``id in (select rowid from articles_fts
where ... match ...)`` into the page's query, its row count and each of its
four facets. For a word found in most articles, each of those six queries
reads every match: 4-8 s at 1,000,000 articles. So `articles` has no
``fts_table`` in datasette.yml and ``?_search=`` is handled here, with a plan
chosen by how many articles match, counted first up to a bound (a few ms):

* up to COUNTED (10,000) matches: Datasette's own query, with the row count
  and the facets, as before;
* more: no row count and no facets (the page says so and how to narrow the
  search; it is the same for the JSON API, ``filtered_table_rows_count`` is
  null), and the rows are found without reading every match:

  - when the matches are a large share of the archive (over 1 in
    PROBE_SHARE), the page walks the articles in the order it shows them
    (``published``, or ``(site_id | province | year | author, published)``
    for a filter on one of the facet columns) and asks the full-text index
    about each one in turn (``rowid =`` and MATCH, about 0.1 ms): a page of
    50 costs at most 50 x PROBE_SHARE such questions;
  - otherwise, or for other filters and sorts, the matches are read once
    into a list that is then only looked up (``+id in (...)``: SQLite walks
    its own choice of index instead of fetching and sorting every match).

The rows and their order are those of Datasette's own search in every case
(rows that tie on the sort column come in no defined order, there as here).
The decision is made in an ASGI wrapper, which must add ``_nocount`` and
``_nofacet`` to the query string before Datasette reads it, and marks them
as its own (``_matches=many``) so that the next search from the same page
decides afresh.
"""

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.filters import FilterArguments

DATABASE = "archive"
TABLE = "articles"
PATHS = (f"/{DATABASE}/{TABLE}", f"/{DATABASE}/{TABLE}.json", f"/{DATABASE}/{TABLE}.csv")
COUNTED = 10_000  # at most this many matches: counted and faceted
PROBE_SHARE = 20  # more than 1 article in PROBE_SHARE matching: ask the index row by row
MARK = ("_matches", "many")
#: Filters with a (column, published) index: a walk in publication order stays in the index.
ORDERED_FILTERS = frozenset({"site_id", "province", "year", "author"})
#: Articles whose attached documents match (attachments_fts, m015): found like their text.
DOCUMENT_MATCHES = (
    "select article_id from attachments where id in (select rowid from attachments_fts "
    "where attachments_fts match escape_fts(:search))"
)
MATCHES = (
    "select rowid from articles_fts where articles_fts match escape_fts(:search) "
    f"union {DOCUMENT_MATCHES}"
)
CLAUSES = {
    "list": f"id in ({MATCHES})",  # Datasette's own: from the matches to the articles
    "lookup": f"+id in ({MATCHES})",  # matches read once, articles walked by SQLite's index
    "probe": (
        "(exists (select 1 from articles_fts where articles_fts.rowid = articles.id "
        f"and articles_fts match escape_fts(:search)) or articles.id in ({DOCUMENT_MATCHES}))"
    ),
}
STATE = "tct_archive_search"


@dataclass(frozen=True)
class Plan:
    """How one table search runs: ``matches`` counted up to ``bound`` (``bound`` means more)."""

    matches: int
    bound: int
    total: int
    clause: str

    @property
    def counted(self):
        return self.matches <= COUNTED


async def plan_search(db, search, args):
    """The plan for ``_search=search`` with the request's other arguments ``args`` (pairs)."""
    total = (await db.execute("select coalesce(max(rowid), 0) from articles")).rows[0][0]
    bound = max(COUNTED, total // PROBE_SHARE) + 1
    rows = await db.execute(
        f"select count(*) from ({MATCHES} limit {bound})",
        {"search": search},
    )
    matches = rows.rows[0][0]
    if matches <= COUNTED:
        clause = "list"
    elif matches >= bound and walks_in_order(args):
        clause = "probe"
    else:
        clause = "lookup"
    return Plan(matches, bound, total, clause)


def walks_in_order(args):
    """True when the page's query walks an index in the order it shows, whatever matches:
    no filter, or equality filters on facet columns with the default order (publication)."""
    filters = [k for k, _ in args if not k.startswith("_") or k in ("_where", "_through")]
    given = dict(reversed(args))  # the first of each, as request.args reads them
    sort = given.get("_sort") or given.get("_sort_desc")
    if not filters:
        return sort in (None, "", "published", "first_seen", "id")
    return sort in (None, "", "published") and all(k in ORDERED_FILTERS for k in filters)


def description(search, plan):
    text = f'search matches "{search}"'
    if plan is not None and not plan.counted:
        text += (
            f" (more than {COUNTED:,} articles: not counted, no facets; "
            'add a word, a "phrase" or a filter to narrow the search)'
        )
    return text


def rewritten(query_string, plan):
    """The query string Datasette will read: ours marked, the user's own flags kept."""
    args = parse_qsl(query_string, keep_blank_values=True)
    if MARK in args:  # added here for an earlier page: decide again
        args = [a for a in args if a[0] not in ("_nocount", "_nofacet", MARK[0])]
    if not plan.counted:
        args = [a for a in args if a[0] not in ("_nocount", "_nofacet")]
        args += [("_nocount", "1"), ("_nofacet", "1"), MARK]
    return urlencode(args)


def search_plans(app, datasette):
    """ASGI wrapper: plan each search of the articles table before Datasette reads it."""

    async def wrapped(scope, receive, send):
        if scope["type"] == "http" and scope.get("path") in PATHS:
            query_string = scope.get("query_string", b"").decode("latin-1")
            args = parse_qsl(query_string, keep_blank_values=True)
            search = next((v for k, v in args if k == "_search"), None)
            if search is not None and DATABASE in datasette.databases:
                db = datasette.get_database(DATABASE)
                plan = await plan_search(db, search, args)
                scope = dict(scope, query_string=rewritten(query_string, plan).encode())
                scope[STATE] = plan
        await app(scope, receive, send)

    return wrapped


@hookimpl
def asgi_wrapper(datasette):
    return lambda app: search_plans(app, datasette)


@hookimpl(trylast=True)  # after Datasette's own search filter: our supports_search wins
def filters_from_request(request, database, table, datasette):
    if database != DATABASE or table != TABLE:
        return None

    async def inner():
        context = {"supports_search": True}
        if "_search" not in request.args:
            return FilterArguments([], extra_context=context)
        search = request.args["_search"]
        plan = request.scope.get(STATE)
        if plan is None:  # a request that did not come through the wrapper
            args = [(k, v) for k in request.args for v in request.args.getlist(k)]
            plan = await plan_search(datasette.get_database(database), search, args)
        return FilterArguments(
            [CLAUSES[plan.clause]],
            {"search": search},
            [description(search, plan)],
            {**context, "search": search},
        )

    return inner
