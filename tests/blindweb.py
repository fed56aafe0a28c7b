"""The blind discovery web (``tests/blind/discovery``), served on loopback.

Each folder there is one static site written by someone who never saw our
rules: a ``site.json`` maps paths (with their query) to files, and lists the
articles a crawl must archive. Every site gets its own loopback address, and
every request is recorded, so a crawl can be scored on what it found and on
what it spent.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from sqlite_utils import Database

from archive.sites.urls import canonical_url

ROOT = Path(__file__).parent / "blind" / "discovery"


@dataclass
class BlindSite:
    id: str
    folder: Path
    start: str
    routes: dict[str, str]
    content_types: dict[str, str]
    articles: dict[str, dict[str, Any]]
    hints: dict[str, Any]
    requests: list[str] = field(default_factory=list)
    base: str = ""

    @classmethod
    def load(cls, folder: Path) -> BlindSite:
        spec = json.loads((folder / "site.json").read_text(encoding="utf-8"))
        return cls(
            id=spec["id"], folder=folder, start=spec.get("start", "/"),
            routes=spec["routes"], content_types=spec.get("content_types", {}),
            articles=spec["articles"], hints=spec.get("hints") or {},
        )  # fmt: skip

    def change_to(self, name: str) -> None:
        """The site as a later crawl sees it (``site.later.json``: what it published since)."""
        spec = json.loads((self.folder / name).read_text(encoding="utf-8"))
        self.routes, self.articles = spec["routes"], spec["articles"]
        self.content_types = spec.get("content_types", {})

    def answer(self, target: str) -> tuple[int, str, bytes]:
        """Status, content type and body for a path with its query."""
        self.requests.append(target)
        name = self.routes.get(target) or self._decoded().get(unquote(target))
        if name is None:
            return 404, "text/html; charset=utf-8", b"<html><body><h1>404</h1></body></html>"
        kind = self.content_types.get(target, "text/html; charset=utf-8")
        return 200, kind, (self.folder / name).read_bytes()

    def _decoded(self) -> dict[str, str]:
        """Routes by their decoded path: a server reads ``%E1%BB%A9`` and ``%e1%bb%a9`` alike."""
        return {unquote(path): name for path, name in self.routes.items()}


def load_sites(root: Path = ROOT) -> list[BlindSite]:
    return [BlindSite.load(p.parent) for p in sorted(root.glob("*/site.json"))]


class _Handler(BaseHTTPRequestHandler):
    site: BlindSite

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        parts = urlsplit(self.path)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        status, kind, body = self.site.answer(target)
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


class BlindWeb:
    """Every blind site on its own loopback address, for the time of a ``with``."""

    def __init__(self, sites: list[BlindSite], first_host: int = 60):
        self.sites = sites
        self.first_host = first_host
        self.servers: list[ThreadingHTTPServer] = []

    def __enter__(self) -> BlindWeb:
        for number, site in enumerate(self.sites):
            handler = type("Handler", (_Handler,), {"site": site})
            server = ThreadingHTTPServer((f"127.0.0.{self.first_host + number}", 0), handler)
            site.base = f"http://{server.server_address[0]}:{server.server_address[1]}"
            threading.Thread(target=server.serve_forever, daemon=True).start()
            self.servers.append(server)
        return self

    def __exit__(self, *exc: object) -> None:
        for server in self.servers:
            server.shutdown()
            server.server_close()

    def sites_toml(self) -> str:
        blocks = []
        for site in self.sites:
            hints = ", ".join(f"{k} = {json.dumps(v)}" for k, v in site.hints.items())
            blocks.append(
                "[[site]]\n"
                f"id = {json.dumps(site.id)}\nname = {json.dumps(site.id)}\n"
                f'province = "blind"\nstart_urls = {json.dumps([site.base + site.start])}\n'
                + (f"hints = {{ {hints} }}\n" if hints else "")
            )
        return "\n".join(blocks)


def score(db_path: Path, sites: list[BlindSite]) -> list[dict[str, Any]]:
    """Per site: articles expected and archived (by any of their URLs), requests spent."""
    db = Database(db_path)
    rows = []
    for site in sites:
        known = {
            url
            for (url,) in db.execute(
                "select u.url from article_urls u join articles a on a.id = u.article_id "
                "where a.site_id = ?",
                [site.id],
            )
        }
        found = [path for path in site.articles if canonical_url(site.base + path) in known]
        status = db.execute(
            "select status from crawl_sites where site_id = ? order by crawl_id desc limit 1",
            [site.id],
        ).fetchone()
        stored = db.execute("select count(*) from articles where site_id = ?", [site.id])
        rows.append({
            "site": site.id, "expected": len(site.articles), "archived": len(found),
            "stored": stored.fetchone()[0],  # more than archived: a duplicate or a non-article
            "missed": sorted(set(site.articles) - set(found)), "requests": len(site.requests),
            "per_article": round(len(site.requests) / max(len(found), 1), 2),
            "status": status[0] if status else None,
        })  # fmt: skip
    return rows
