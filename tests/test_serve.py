"""Public mode: read-only, immutable, time-limited; the real server; the publish bundle."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest

from archive.serve import PUBLIC_SETTINGS, PublicModeError, make_datasette, write_bundle
from archive.store import writer as store
from archive.store.migrations import open_db
from tests.conftest import make_article
from tests.test_datasette import build_archive

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "archive.db"
    build_archive(path)
    return path


async def test_public_mode_is_immutable_and_refuses_writes(archive):
    ds = make_datasette(archive, public=True)
    db = ds.get_database("archive")
    assert not db.is_mutable
    response = await ds.client.get(
        "/archive.json", params={"sql": "insert into sites(id) values ('x')"}
    )
    assert response.status_code == 400 and "Statement must be a SELECT" in response.text
    response = await ds.client.get(
        "/archive.json", params={"sql": "select 1; delete from articles"}
    )
    assert response.status_code == 400
    with pytest.raises(AssertionError):
        await db.execute_write("delete from articles")
    for path in ("/-/permissions", "/archive.db"):
        assert (await ds.client.get(path)).status_code == 403, path
    for path in ("/archive/search", "/-/messages", "/-/logout", "/archive/articles/-/insert"):
        assert (await ds.client.post(path, data={"q": "x"})).status_code == 405, path
    count = await ds.client.get("/archive.json", params={"sql": "select count(*) from articles"})
    assert count.json()["rows"] == [[4]]


async def test_public_settings_limit_queries(archive):
    ds = make_datasette(archive, public=True)
    settings = (await ds.client.get("/-/settings.json")).json()
    for key, value in PUBLIC_SETTINGS.items():
        assert settings[key] == value, key
    slow = "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n"
    response = await ds.client.get("/archive.json", params={"sql": slow, "_timelimit": 50})
    assert response.status_code == 400 and "SQL query took too long" in response.text


async def test_public_mode_folds_in_the_write_ahead_log(tmp_path):
    path = tmp_path / "archive.db"
    db = open_db(str(path))
    db.table("sites").insert({"id": "s1", "name": "s1", "province": "Huế"})
    store.save_article(db, "s1", "http://a/1", make_article("http://a/1"), fetched="t", crawl_id=1)
    assert Path(f"{path}-wal").stat().st_size > 0  # the rows are still only in the log
    ds = make_datasette(path, public=True)
    assert Path(f"{path}-wal").stat().st_size == 0
    rows = (await ds.client.get("/archive/articles.json?_shape=array")).json()
    assert [r["province"] for r in rows] == ["Huế"]
    db.close()


def test_public_mode_refuses_an_archive_a_crawl_is_writing(tmp_path):
    path = tmp_path / "archive.db"
    db = open_db(str(path))
    db.table("crawls").insert({"id": 7, "status": "running", "pid": os.getpid()})
    db.close()
    with pytest.raises(PublicModeError, match=r"crawl 7 \(pid \d+\) is still writing.*vacuum into"):
        make_datasette(path, public=True)
    assert PublicModeError("x").exit_code == 2


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(
    db: Path, *, public: bool = True, args: Sequence[str] = (), prefix: Sequence[str] = ()
) -> Iterator[str]:
    """`python -m archive serve` in a subprocess on a free loopback port (``prefix`` runs
    it, e.g. in a mount namespace); yields its URL."""
    port = free_port()
    command = [*prefix, sys.executable, "-m", "archive", "serve", "--db", str(db),
               "--port", str(port), *args]  # fmt: skip
    process = subprocess.Popen(
        command + (["--public"] if public else []), cwd=ROOT,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/-/versions.json", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(process.stderr.read().decode()) from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stderr.close()


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        body = exc.read().decode()
        exc.close()
        return exc.code, body


def test_real_public_server(archive):
    with running_server(archive) as url:
        status, body = fetch(f"{url}/archive/articles.json?_search=dang+uy&_shape=array")
        assert status == 200 and len(json.loads(body)) == 3
        status, body = fetch(f"{url}/archive.json?sql=update+articles+set+title%3D%27x%27")
        assert status == 400
        status, body = fetch(f"{url}/archive/feed.atom")
        assert status == 200 and body.startswith("<?xml")
        status, body = fetch(f"{url}/archive.json")
        assert status == 200 and json.loads(body)["database"] == "archive"


def test_bundle_runs_without_the_archive_package(archive, tmp_path):
    """What `datasette publish` copies must work where only datasette is installed."""
    bundle = write_bundle(tmp_path / "bundle")
    assert (bundle / "plugins" / "archive" / "store" / "search.py").exists()
    metadata = json.loads((bundle / "metadata.json").read_text(encoding="utf-8"))
    assert "search" in metadata["databases"]["archive"]["queries"]
    script = f"""
import asyncio, importlib.abc, importlib.machinery, json, sys
class Block(importlib.abc.MetaPathFinder):
    # only the bundle's copy of archive/ can be imported
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] != "archive":
            return None
        roots = path if path is not None else [p for p in sys.path if "bundle" in p]
        spec = importlib.machinery.PathFinder.find_spec(name, roots)
        if spec is None:
            raise ImportError("archive package hidden for this test")
        return spec
sys.meta_path.insert(0, Block())
from datasette.app import Datasette
ds = Datasette([{str(archive)!r}], metadata=json.load(open({str(bundle / "metadata.json")!r})),
               plugins_dir={str(bundle / "plugins")!r}, template_dir={str(bundle / "templates")!r})
async def main():
    r = await ds.client.get("/archive/articles.json?_search=dang+uy&_shape=array")
    print(r.status_code, len(r.json()))
    r = await ds.client.get("/archive/search.json?q=hoa+binh&site=&_shape=array")
    print(r.status_code, r.json()[0]["snippet"][:45])
asyncio.run(main())
print(sys.modules["archive.store.search"].__file__)
"""
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": ""}, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == ["200 3", "200 <mark>Hoà</mark> <mark>bình</mark> &lt;img sr"]
    assert lines[2] == str(bundle / "plugins" / "archive" / "store" / "search.py")
