"""Public mode against what one request can do: a real `tct-archive serve --public`
process on loopback, asked over HTTP (issue 19)."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli
from tests.test_datasette import build_archive
from tests.test_serve import ROOT, fetch, running_server


@pytest.fixture(scope="module")
def public_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("public") / "archive.db"
    build_archive(path)
    with closing(sqlite3.connect(path)) as conn, conn:  # operations data a crawl leaves
        conn.execute("update crawls set pid = 4242, message = 'disk full writing /srv/x.db'")
        conn.execute(
            "insert into pages(url, site_id, kind, error) values "
            "('http://tn/9', 'thai-nguyen', 'error', 'AddressRefused: 10.0.0.1')"
        )
        conn.execute("insert into frontier(url, site_id, depth, kind, crawl_id, added) values "
                     "('http://tn/10', 'thai-nguyen', 0, 'page', 1, 't')")  # fmt: skip
    with running_server(path) as url:
        yield url


def sql(url: str, query: str) -> tuple[int, str]:
    return fetch(f"{url}/archive.json?" + urllib.parse.urlencode({"sql": query}))


def test_one_value_cannot_be_huge(public_url):
    """The audit's randomblob: refused by SQLite's length limit before it is made."""
    status, body = sql(public_url, "select length(hex(randomblob(10000000))) as n")
    assert status == 400 and "too big" in json.loads(body)["error"]
    status, body = sql(public_url, "select length(hex(randomblob(1000000))) as n")
    assert status == 200 and json.loads(body)["rows"] == [[2000000]]


def test_one_result_cannot_be_huge(public_url):
    """Many rows, each under the value limit, together over the result cap: refused."""
    many = (
        "with recursive n(i) as (select 1 union all select i + 1 from n limit 20) "
        "select hex(randomblob(2000000)) as x from n"
    )
    status, body = sql(public_url, many)
    assert status == 400 and "result too large" in json.loads(body)["error"]
    status, body = fetch(f"{public_url}/archive/articles.json?_shape=array&_size=max")
    assert status == 200 and len(json.loads(body)) == 4


async def test_custom_sql_takes_turns():
    """However many ?sql= requests arrive, one runs at a time; other requests do not wait."""
    import importlib.util

    from archive.serve import datasette_dir

    spec = importlib.util.spec_from_file_location(
        "archive_pages_under_test", datasette_dir() / "plugins" / "archive_pages.py"
    )
    assert spec and spec.loader
    plugin = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(plugin)
    running, most, release = 0, 0, asyncio.Event()

    async def app(scope, receive, send):
        nonlocal running, most
        running += 1
        most = max(most, running)
        await release.wait()
        running -= 1

    wrapped = plugin.one_query_at_a_time(app, lambda: True)
    scope = {"type": "http", "method": "GET", "query_string": b"sql=select+1"}
    tasks = [asyncio.ensure_future(wrapped(scope, None, None)) for _ in range(3)]
    table = asyncio.ensure_future(wrapped({**scope, "query_string": b"_size=1"}, None, None))
    for _ in range(5):
        await asyncio.sleep(0)
    assert (running, most) == (2, 2)  # one custom SQL and the table read
    release.set()
    await asyncio.gather(*tasks, table)
    assert most == 2


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        body = exc.read().decode()
        exc.close()
        return exc.code, body


FORGED = {"Host": "evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https"}


def test_feeds_never_name_the_client_host(public_url):
    """Without --base-url, links are relative and absolute URLs name the server itself."""
    for path in ("/archive/feed.atom", "/archive/feed_search.atom?q=dang+uy",
                 "/archive/articles.json?_size=1"):  # fmt: skip
        status, body = get(public_url + path, FORGED)
        assert status == 200 and "evil.example" not in body, path
    status, body = get(public_url + "/archive/feed.atom", FORGED)
    assert re.search(r'<link href="/archive/articles/\d+"', body)
    assert f"<id>{public_url}/archive/feed.atom</id>" in body


def test_base_url_names_the_public_address(tmp_path):
    path = tmp_path / "archive.db"
    build_archive(path)
    with running_server(path, args=["--base-url", "https://archive.example/"]) as url:
        status, body = get(url + "/archive/feed.atom", FORGED)
        assert status == 200 and "evil.example" not in body
        assert re.search(r'<link href="https://archive\.example/archive/articles/\d+"', body)
        assert "<id>https://archive.example/archive/feed.atom</id>" in body
        status, body = get(url + "/archive/articles.json?_size=1", FORGED)
        assert json.loads(body)["next_url"].startswith("https://archive.example/archive/")


def test_base_url_must_be_an_origin(tmp_path):
    for bad in ("archive.example", "ftp://archive.example/", "https://archive.example/tct/"):
        result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "x.db"), "--public",
                                          "--base-url", bad])  # fmt: skip
        assert result.exit_code == 2 and "--base-url" in result.output, bad
        assert "http(s) URL" in result.output or "only scheme" in result.output, bad


def test_operations_data_stays_local(public_url):
    """Readers get the archive; pids, errors, the frontier, paths and threads stay local."""
    for path in ("/-/databases.json", "/-/threads.json", "/-/metadata.json", "/-/databases"):
        assert get(public_url + path)[0] == 404, path
    status, body = get(public_url + "/archive.json")
    tables = {t["name"] for t in json.loads(body)["tables"]}
    assert {"articles", "sites", "pages", "crawls"} <= tables
    assert not tables & {"frontier", "_sqlite_migrations"}
    assert get(public_url + "/archive/frontier.json")[0] == 403
    for query in ("select * from frontier", "select count(url) from frontier",
                  "select name from _sqlite_migrations"):  # fmt: skip
        status, body = sql(public_url, query)
        assert status == 400 and "prohibited" in json.loads(body)["error"], query
    status, body = sql(public_url, "select pid, message, status from crawls")
    assert json.loads(body)["rows"] == [[None, None, "finished"]]
    status, body = sql(public_url, "select kind, error from pages where url = 'http://tn/9'")
    assert json.loads(body)["rows"] == [["error", None]]
    status, body = get(public_url + "/archive/pages.json?_shape=array")
    assert status == 200 and "AddressRefused" not in body and "4242" not in body
    assert "/srv/x.db" not in get(public_url + "/archive/crawls.json")[1]


#: Runs a command with the folder "$0" mounted read-only in a private mount namespace: read-only
#: storage as root sees it (root ignores file modes, so chmod would prove nothing).
READ_ONLY = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" "$0" && exec "$@"'


def read_only(folder: Path) -> list[str]:
    probe = subprocess.run(["unshare", "-m", "sh", "-c", READ_ONLY, str(folder), "true"],
                           capture_output=True)  # fmt: skip
    if probe.returncode:
        pytest.skip(f"no private read-only mount here: {probe.stderr.decode().strip()}")
    return ["unshare", "-m", "sh", "-c", READ_ONLY, str(folder)]


def test_a_wal_archive_on_read_only_storage_is_served(tmp_path):
    """A WAL-mode snapshot without a log, on a read-only mount: opened immutable."""
    path = tmp_path / "snapshot" / "archive.db"
    path.parent.mkdir()
    build_archive(path)
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("pragma journal_mode").fetchone() == ("wal",)
    assert not Path(f"{path}-wal").exists()
    with running_server(path, prefix=read_only(path.parent)) as url:
        status, body = get(url + "/archive/articles.json?_shape=array")
        assert status == 200 and len(json.loads(body)) == 4
    assert sorted(p.name for p in path.parent.iterdir()) == ["archive.db", "warcs"]


def test_a_write_ahead_log_on_read_only_storage_is_refused_with_what_to_do(tmp_path):
    live, path = tmp_path / "live.db", tmp_path / "snapshot" / "archive.db"
    path.parent.mkdir()
    build_archive(live)
    with closing(sqlite3.connect(live)) as conn:  # rows still only in the log when copied
        conn.execute("pragma wal_autocheckpoint = 0")
        conn.execute("update sites set name = 'mới' where id = 'ben-tre'")
        conn.commit()
        shutil.copy(live, path)
        shutil.copy(f"{live}-wal", f"{path}-wal")
    command = [*read_only(path.parent), sys.executable, "-m", "archive", "serve", "--db",
               str(path), "--public", "--port", "1"]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "read-only storage" in done.stderr and "wal_checkpoint(truncate)" in done.stderr
