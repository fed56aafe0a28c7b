"""The canned search (``/archive/search``) says how many articles match, and where the rest are.

The query shows the 50 best-ranked matches (datasette.yml); Datasette's page said
"returning 50 rows" whatever the number of matches. Its template
(``templates/query-archive-search.html``) says "Kết quả 1–50 trong 83 / Results 1–50 of
83" instead, counted here the way the query counts (up to COUNTED + 1, as its
``matches`` step does), and links to all of them in the articles table (newest first,
with facets and pages), which lists every match of the same search.
"""

from urllib.parse import urlencode

from datasette import hookimpl

DATABASE = "archive"
QUERY = "search"
TEMPLATE = f"query-{DATABASE}-{QUERY}.html"
COUNTED = 10_000  # the canned query's own bound (its matches step counts to 10,001)
COUNT = (
    "select count(*) from (select 1 from articles_fts f "
    "where articles_fts match escape_fts(:q) "
    "and (:site = '' or f.rowid in (select id from articles where site_id = :site)) "
    "limit :bound)"
)


def summary(total, q, site, table_url):
    """What the page says above the results: how many of how many, and the way to the rest.

    ``total`` is the count up to COUNTED + 1 (more means "more than COUNTED").
    """
    many = total > COUNTED
    args = [("_search", q)] + ([("site_id", site)] if site else [])
    return {
        "total": total,
        "many": many,
        "total_text": f"hơn {COUNTED:,}" if many else f"{total:,}",
        "total_text_en": f"more than {COUNTED:,}" if many else f"{total:,}",
        "table_url": f"{table_url}?{urlencode(args)}",
    }


async def count_matches(db, q, site):
    rows = await db.execute(COUNT, {"q": q, "site": site or "", "bound": COUNTED + 1})
    return rows.rows[0][0]


@hookimpl
def extra_template_vars(template, database, request, datasette):
    if template != TEMPLATE or database != DATABASE:
        return {}

    async def inner():
        q = request.args.get("q")
        if not q:
            return {"search_summary": None}
        site = request.args.get("site") or ""
        db = datasette.get_database(DATABASE)
        total = await count_matches(db, q, site)
        table_url = datasette.urls.table(DATABASE, "articles")
        return {"search_summary": summary(total, q, site, table_url)}

    return inner
