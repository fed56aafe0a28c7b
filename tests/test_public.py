"""Public mode against what one request can do: a real `tct-archive serve --public`
process on loopback, asked over HTTP (issue 19)."""

from __future__ import annotations

import asyncio
import json
import urllib.parse
from collections.abc import Iterator

import pytest

from tests.test_datasette import build_archive
from tests.test_serve import fetch, running_server


@pytest.fixture(scope="module")
def public_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("public") / "archive.db"
    build_archive(path)
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
