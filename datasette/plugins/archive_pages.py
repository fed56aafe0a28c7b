"""The archive's own pages: the article page, charts, feeds, links, raw captures.

Hooks stay small; the work is in plain functions the tests call directly.
Everything archived reaches the templates as plain values, and Jinja's
autoescaping (Datasette turns it on) prints it as text, never as markup.

Feeds are canned queries rendered by datasette-atom. `vn_feed_html` builds
an entry from the archived text by escaping it paragraph by paragraph (and
datasette-atom's bleach pass is a second line of defence); `vn_page_url`
makes the entry link absolute from the request's Host header locally, and in
public mode from the configured ``base_url`` only (else relative). A search that
matches nothing must still be a feed, but datasette-atom 0.9 fails on zero
rows: an empty result gets an empty, valid feed here, everything else goes
to datasette-atom.
"""

import asyncio
import html
import io
import re
import sqlite3
import weakref
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.utils.asgi import Response
from markupsafe import Markup

DATABASE = "archive"
PLUGIN = "tct-archive"
_PARAGRAPHS = re.compile(r"\n\s*\n")
_HOST = re.compile(r"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")
MAX_RECORD_BYTES = 64 * 1024 * 1024
#: Public mode: the longest string or blob one SQL value may be (SQLITE_LIMIT_LENGTH; the
#: longest archived text is under 3 MB), the bytes of values one query may return, and
#: how many requests with custom SQL (?sql=) run at once (the others wait their turn).
MAX_VALUE_BYTES = 8_000_000
MAX_RESULT_BYTES = 32_000_000
CUSTOM_SQL_AT_ONCE = 1
#: Public mode keeps operations data local: these tables are neither listed nor readable,
#: these columns read as NULL, these pages (a file path, threads, plugin settings) are 404.
WITHHELD_TABLES = frozenset({"frontier", "ingest_progress", "_sqlite_migrations"})
WITHHELD_COLUMNS = frozenset({("crawls", "pid"), ("crawls", "message"), ("pages", "error")})
WITHHELD_PAGES = re.compile(r"^/-/(databases|threads|metadata)(\.json)?$")


def safe_href(url):
    """The URL if it is http(s), else None: an archived URL never becomes a javascript: link."""
    url = (url or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else None


def paragraphs(text):
    """The article's paragraphs (stored separated by a blank line)."""
    return [p.strip() for p in _PARAGRAPHS.split(text or "") if p.strip()]


def first_lines(text, lines=3, width=300):
    """The opening lines of a document's text, for the article page."""
    found = [" ".join(line.split()) for line in (text or "").splitlines() if line.strip()]
    return [line[:width] for line in found[:lines]]


def warc_path(warc_dir, warc_file):
    """The WARC file for a capture, only if it lies inside the WARC directory."""
    if not warc_dir or not warc_file:
        return None
    root = Path(warc_dir).resolve()
    path = (root / warc_file).resolve()
    if root not in path.parents or not path.is_file():
        return None
    return path


def read_record(path, offset, length):
    """The bytes of one stored record, or None when offset/length do not fit the file."""
    if offset is None or length is None or offset < 0 or not 0 < length <= MAX_RECORD_BYTES:
        return None
    if offset + length > path.stat().st_size:
        return None
    with open(path, "rb") as f:
        f.seek(offset)
        return f.read(length)


def feed_html(text, url, site_name, published):
    """An entry's content: escaped paragraphs, then where it came from."""
    parts = [f"<p>{html.escape(p)}</p>" for p in paragraphs(text)]
    origin = " · ".join(html.escape(v) for v in (site_name, published) if v)
    if origin:
        parts.insert(0, f"<p><em>{origin}</em></p>")
    href = safe_href(url)
    if href:
        link = html.escape(href)
        parts.append(f'<p>Bài gốc / Original: <a href="{link}">{link}</a></p>')
    return "\n".join(parts)


def page_url(host, proto, path):
    """An absolute URL on this server for a feed link; relative if the host looks wrong."""
    path = "/" + (path or "").lstrip("/")
    if not host or not _HOST.match(host):
        return path
    scheme = proto if proto in ("http", "https") else "http"
    return f"{scheme}://{host}{path}"


def public_page_url(base_url):
    """``vn_page_url`` with a base URL or in public mode: never from the client's Host header
    (a shared cache would keep the link it names); the base URL, else a relative link."""

    def url(_host, _proto, path):
        path = "/" + (path or "").lstrip("/")
        return base_url.rstrip("/") + path if base_url else path

    return url


def empty_feed(request, title):
    """A valid Atom feed with no entries."""
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    url = html.escape(request.url, quote=True)
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"  <id>{url}</id>\n  <title>{html.escape(title)}</title>\n"
        f"  <updated>{now}</updated>\n"
        f'  <link href="{url}" rel="self"/>\n'
        '  <generator uri="https://github.com/simonw/datasette">Datasette</generator>\n'
        "</feed>\n"
    )
    return Response(body, content_type="application/xml; charset=utf-8", status=200)


def render_atom(
    datasette, request, sql, columns, rows, database, table, query_name, view_name, data
):
    """datasette-atom's renderer, except that no rows make an empty feed, not an error."""
    import datasette_atom

    if rows or not datasette_atom.REQUIRED_COLUMNS.issubset(columns):
        return datasette_atom.render_atom(
            datasette, request, sql, columns, rows, database, table, query_name, view_name, data
        )
    return empty_feed(request, _query_title(datasette, database, query_name))


def _query_title(datasette, database, query_name):
    """A canned query's title: in the metadata (Datasette 0.65) or the config (1.0)."""
    for source in (
        lambda: datasette.metadata(database=database)["queries"],
        lambda: datasette.config["databases"][database]["queries"],
    ):
        try:
            return source()[query_name]["title"]
        except (AttributeError, KeyError, TypeError):
            continue
    return query_name or "Datasette"


async def _rows(db, sql, params=()):
    return [dict(r) for r in (await db.execute(sql, params)).rows]


async def article_context(db, article_id, warc_dir=None):
    """Everything the article page shows, or None if there is no such article."""
    found = await _rows(
        db,
        "select a.*, s.name as site_name from articles a "
        "left join sites s on s.id = a.site_id where a.id = ?",
        [article_id],
    )
    if not found:
        return None
    article = found[0]
    root = article["duplicate_of"] or article["id"]
    article["paragraphs"] = paragraphs(article["text"])
    article["caption_lines"] = [c for c in (article.get("captions") or "").splitlines() if c]
    article["href"] = safe_href(article["url"])
    article["aliases"] = await _rows(
        db,
        "select url, first_seen, last_seen from article_urls "
        "where article_id = ? and url != ? order by first_seen, url",
        [article_id, article["url"] or ""],
    )
    for alias in article["aliases"]:
        alias["href"] = safe_href(alias["url"])
    article["near_duplicates"] = await _rows(
        db,
        "select a.id, a.title, a.site_id, s.name as site_name, a.published, "
        "a.id = :root as is_original from articles a left join sites s on s.id = a.site_id "
        "where (a.id = :root or a.duplicate_of = :root) and a.id != :id "
        "order by a.published, a.id limit 100",
        {"root": root, "id": article_id},
    )
    article["versions"] = await _rows(
        db,
        "select version, captured_at, title, length(text) as chars from article_versions "
        "where article_id = ? order by version desc",
        [article_id],
    )
    article["captures"] = await _rows(
        db,
        "select id, url, fetched, status, content_type, warc_file, offset, length "
        "from captures where article_id = ? order by fetched desc, id desc",
        [article_id],
    )
    for capture in article["captures"]:
        capture["downloadable"] = warc_path(warc_dir, capture["warc_file"]) is not None
    article["attachments"] = await _rows(
        db,
        "select t.id, t.url, t.file_name, t.media_type, t.size, t.pages, t.text_method, "
        "t.text_error, substr(t.text, 1, 600) as opening, t.capture_id, c.warc_file "
        "from attachments t left join captures c on c.id = t.capture_id "
        "where t.article_id = ? order by t.id",
        [article_id],
    )
    for attachment in article["attachments"]:
        attachment["href"] = safe_href(attachment["url"])
        attachment["first_lines"] = first_lines(attachment.pop("opening"))
        attachment["captured"] = warc_path(warc_dir, attachment.pop("warc_file")) is not None
    return article


async def dashboard_data(db):
    """Articles per site and month for the charts (the page aggregates them further in
    the browser), with totals per site and province for the table under the charts.

    The counts come from the summary tables the triggers keep (archive/store/summary.py),
    not from the articles: a few thousand rows whatever the size of the archive."""
    sites = await _rows(db, "select id, name, province from sites order by province, id")
    try:
        counts = (await db.execute("select site_id, month, articles from site_months")).rows
        undated = (await db.execute("select coalesce(sum(no_date), 0) from site_stats")).rows
    except QueryInterrupted:
        return {"sites": sites, "counts": [], "by_site": [], "by_province": [], "timed_out": True}
    per_site: dict = {}
    for site_id, _month, n in counts:
        per_site[site_id] = per_site.get(site_id, 0) + n
    by_site = [{**s, "articles": per_site.get(s["id"], 0)} for s in sites]
    per_province: dict = {}
    for s in by_site:
        key = s["province"] or "?"
        per_province[key] = per_province.get(key, 0) + s["articles"]
    return {
        "sites": sites,
        "counts": [[r[0], r[1], r[2]] for r in counts],
        "by_site": sorted(by_site, key=lambda s: (-s["articles"], s["id"])),
        "by_province": sorted(
            ({"province": k, "articles": v} for k, v in per_province.items()),
            key=lambda p: (-p["articles"], p["province"]),
        ),
        "total": sum(per_site.values()),
        "undated": undated[0][0],
        "timed_out": False,
    }


def _warc_dir(datasette):
    """plugins: tct-archive: warc_dir, else warcs/ beside the database file."""
    configured = (datasette.plugin_config(PLUGIN) or {}).get("warc_dir")
    if configured:
        return configured
    path = datasette.get_database(DATABASE).path
    return str(Path(path).resolve().parent / "warcs") if path else None


def _article_id(row):
    keys = row.keys()
    for key in ("id", "article_id"):
        if key in keys and isinstance(row[key], int):
            return row[key]
    return None


#: Crawl statuses that need a person: site health shows their rows in red.
ALERT_STATUSES = ("failed", "no-articles", "fewer-articles")


def status_cell(value):
    """A site's last crawl status, marked when it needs a person (the row turns red)."""
    if value in ALERT_STATUSES:
        return Markup('<span class="status-alert">{}</span>').format(value)
    return None


def alerts_cell(value, site_id, href):
    """Site health's count of failed monitors: linked to them, marked when not zero."""
    if not value or not site_id:
        return None
    return Markup('<a class="status-alert" href="{}">{} alerts</a>').format(href, value)


def result_cell(value):
    """A monitor's result in the crawl's report: a failure is marked (the row turns red)."""
    if value == "failed":
        return Markup('<span class="status-alert">failed</span>')
    return None


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """In query results, a title next to an article id links to the article page; a
    site's failing status is marked (site health), its alerts linked; a failed monitor is
    marked (monitor_report)."""
    if database == DATABASE and column in ("last_status", "status") and table != "pages":
        return status_cell(value)
    columns = row.keys()  # a sqlite3.Row: `in row` would look among its values
    if database == DATABASE and table is None and column == "alerts" and "site_id" in columns:
        site_id = row["site_id"]
        href = datasette.urls.path(f"/{DATABASE}/site_alerts?" + urlencode({"site": site_id or ""}))
        return alerts_cell(value, site_id, href)
    if database == DATABASE and table is None and column == "result":
        return result_cell(value)
    if database != DATABASE or table is not None or column != "title" or value is None:
        return None
    article_id = _article_id(row)
    if article_id is None:
        return None
    href = datasette.urls.row(DATABASE, "articles", str(article_id))
    return Markup('<a href="{}">{}</a>').format(href, str(value))


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    async def article():
        pks = request.url_vars.get("pks", "")
        if not pks.isdigit():
            return {}
        db = datasette.get_database(DATABASE)
        return {"article": await article_context(db, int(pks), _warc_dir(datasette))}

    async def dashboard():
        return {"dashboard": await dashboard_data(datasette.get_database(DATABASE))}

    if view_name == "row" and database == DATABASE and table == "articles":
        return article
    if template == "pages/dashboard.html":
        return dashboard
    return {}


@hookimpl
def menu_links(datasette):
    path = datasette.urls.path
    return [
        {"href": path("/archive/search"), "label": "Tìm kiếm / Search"},
        {"href": path("/archive/articles"), "label": "Bài viết / Articles"},
        {"href": path("/dashboard"), "label": "Biểu đồ / Charts"},
        {"href": path("/archive/site_health_report"), "label": "Tình trạng / Site health"},
        {"href": path("/archive/feed.atom"), "label": "Atom feed"},
    ]


async def capture_record(datasette, request):
    """The raw WARC record of one capture, as a download (never rendered by the browser)."""
    capture_id = int(request.url_vars["capture_id"])
    rows = await _rows(
        datasette.get_database(DATABASE),
        "select warc_file, offset, length from captures where id = ?",
        [capture_id],
    )
    path = warc_path(_warc_dir(datasette), rows[0]["warc_file"]) if rows else None
    body = read_record(path, rows[0]["offset"], rows[0]["length"]) if path else None
    if body is None:
        return Response.text("No stored record for this capture", status=404)
    suffix = ".warc.gz" if path.name.endswith(".gz") else ".warc"
    return download(body, "application/warc", f"capture-{capture_id}{suffix}")


def download(body, content_type, file_name):
    """Bytes from the archive as a download the browser never renders nor sniffs."""
    return Response(
        body,
        status=200,
        content_type=content_type,
        headers={
            "content-disposition": f'attachment; filename="{file_name}"',
            "x-content-type-options": "nosniff",
            "content-security-policy": "sandbox",
        },
    )


async def captured_document(datasette, request):
    """An attached document as captured (the body of its WARC record), as a download:
    never rendered by the browser, whatever the site said it was."""
    attachment_id = int(request.url_vars["attachment_id"])
    rows = await _rows(
        datasette.get_database(DATABASE),
        "select t.file_name, t.media_type, c.warc_file, c.offset, c.length from attachments t "
        "join captures c on c.id = t.capture_id where t.id = ?",
        [attachment_id],
    )
    path = warc_path(_warc_dir(datasette), rows[0]["warc_file"]) if rows else None
    record = read_record(path, rows[0]["offset"], rows[0]["length"]) if path else None
    body = record_body(record) if record else None
    if body is None:
        return Response.text("No stored capture of this document", status=404)
    name = re.sub(r"[^\w.\- ]", "_", rows[0]["file_name"] or f"document-{attachment_id}")
    return download(body, "application/octet-stream", name)


def record_body(record):
    """The payload of one stored WARC response record (gzip member), decoded as served."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        for item in ArchiveIterator(io.BytesIO(record)):
            if item.rec_type == "response":
                return item.content_stream().read(MAX_RECORD_BYTES)
    except Exception:
        return None
    return None


@hookimpl
def register_routes():
    return [
        (r"^/-/capture/(?P<capture_id>\d+)\.warc$", capture_record),
        (r"^/-/document/(?P<attachment_id>\d+)$", captured_document),
    ]


def read_only(app, is_public):
    """ASGI wrapper: when the archive is published read-only, answer any method but
    GET, HEAD and OPTIONS with 405, whatever route or plugin would handle it."""

    async def wrapped(scope, receive, send):
        writing = scope["type"] == "http" and scope["method"] not in ("GET", "HEAD", "OPTIONS")
        if writing and is_public():
            await Response.text("Read-only archive", status=405).asgi_send(send)
            return
        await app(scope, receive, send)

    return wrapped


def one_query_at_a_time(app, is_public, at_once=CUSTOM_SQL_AT_ONCE):
    """ASGI wrapper: in public mode, requests carrying custom SQL (``?sql=``) take turns,
    so however many arrive, their results are held in memory only ``at_once`` at a time
    and the other SQL threads stay free for table pages."""
    turns = None

    async def wrapped(scope, receive, send):
        nonlocal turns
        query = scope.get("query_string", b"").decode("latin-1") if scope["type"] == "http" else ""
        if "sql" not in parse_qs(query) or not is_public():
            await app(scope, receive, send)
            return
        turns = turns or asyncio.Semaphore(at_once)
        async with turns:
            await app(scope, receive, send)

    return wrapped


def pinned_origin(app, is_public, base_url=None):
    """ASGI wrapper: every URL Datasette makes absolute (feed ids, ``next_url``) names the
    configured base URL; without one, in public mode, the address the server answers on:
    never the client's Host or X-Forwarded-* headers."""
    forged = (b"host", b"x-forwarded-host", b"x-forwarded-proto", b"forwarded")
    base = urlsplit(base_url) if base_url else None

    async def wrapped(scope, receive, send):
        if scope["type"] != "http" or not (base or is_public()):
            await app(scope, receive, send)
            return
        if base:
            scheme, host = base.scheme, base.netloc
        else:
            address, port = scope.get("server") or ("localhost", None)
            scheme = "http"  # tct-archive serve speaks plain HTTP; a TLS proxy: --base-url
            host = f"[{address}]" if ":" in address else address
            host += f":{port}" if port else ""
        headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() not in forged]
        headers.append((b"host", host.encode("idna")))
        await app({**scope, "scheme": scheme, "headers": headers}, receive, send)

    return wrapped


def withheld_pages(app, is_public):
    """ASGI wrapper: in public mode, Datasette's pages about the server itself (the file's
    absolute path, threads, plugin settings) answer 404."""

    async def wrapped(scope, receive, send):
        if scope["type"] == "http" and WITHHELD_PAGES.match(scope["path"]) and is_public():
            await Response.text("Not found", status=404).asgi_send(send)
            return
        await app(scope, receive, send)

    return wrapped


def withhold(action, table, column, _database, _trigger):
    """SQLite authorizer for public mode: operations tables cannot be read at all, and
    operations columns read as NULL, whatever SQL asks for them."""
    if action != sqlite3.SQLITE_READ:
        return sqlite3.SQLITE_OK
    if table in WITHHELD_TABLES:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_IGNORE if (table, column) in WITHHELD_COLUMNS else sqlite3.SQLITE_OK


def _is_public(datasette):
    """Published read-only: the archive is open immutable (``--public``, or ``datasette -i``)."""
    return DATABASE in datasette.databases and not datasette.databases[DATABASE].is_mutable


@hookimpl
def asgi_wrapper(datasette):
    def is_public():
        return _is_public(datasette)

    base_url = (datasette.plugin_config(PLUGIN) or {}).get("base_url")

    def wrap(app):
        app = one_query_at_a_time(read_only(app, is_public), is_public)
        return pinned_origin(withheld_pages(app, is_public), is_public, base_url)

    return wrap


@hookimpl
def permission_allowed(datasette, action, resource):
    """In public mode the operations tables are not shown (and not readable: ``withhold``)."""
    withheld = (
        action == "view-table"
        and tuple(resource or ())[1:]
        and (resource[0] == DATABASE and resource[1] in WITHHELD_TABLES)
    )
    return False if withheld and _is_public(datasette) else None


def capped_rows(limit=MAX_RESULT_BYTES):
    """A row factory that refuses a query once its values pass ``limit`` bytes: SQLite's
    time limit cannot stop rows that are each quick but together take gigabytes."""
    seen = {"cursor": lambda: None, "bytes": 0}

    def row(cursor, values):
        if seen["cursor"]() is not cursor:
            seen["cursor"], seen["bytes"] = weakref.ref(cursor), 0
        seen["bytes"] += sum(len(v) for v in values if isinstance(v, str | bytes))
        if seen["bytes"] > limit:
            raise sqlite3.OperationalError(
                f"result too large: over {limit // 1_000_000} MB; select fewer rows or columns"
            )
        return sqlite3.Row(cursor, values)

    return row


@hookimpl
def prepare_connection(conn, database, datasette):
    conn.create_function("vn_feed_html", 4, feed_html, deterministic=True)
    conn.create_function("vn_page_url", 3, page_url, deterministic=True)
    base_url = (datasette.plugin_config(PLUGIN) or {}).get("base_url")
    public = database == DATABASE and _is_public(datasette)
    if base_url or public:
        conn.create_function("vn_page_url", 3, public_page_url(base_url), deterministic=True)
    if public:
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
        conn.row_factory = capped_rows()
        conn.set_authorizer(withhold)


@hookimpl(trylast=True)
def register_output_renderer():
    """Registered after datasette-atom's, so this one is used for .atom."""
    import datasette_atom

    return {
        "extension": "atom",
        "render": render_atom,
        "can_render": datasette_atom.can_render_atom,
    }
