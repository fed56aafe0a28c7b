"""Render the whole sample web to files, for serving with nginx in benchmarks.

``write_static(web, directory, host_base="127.0.0", port=8080)`` writes:

* ``<directory>/<site id>/<hash>.<ext>``: one file per distinct URL (images
  share ``pixel.png``). Names are a hash of the request target, so query
  strings and Unicode paths need no escaping;
* ``<directory>/manifest.json``: ``{"sites": {site id: {"base": ...,
  "encoding": ..., "urls": {target: {"file", "status", "type"[, "location"]}}}}}``
  where ``target`` is the path plus query exactly as a crawler requests it
  (percent-encoded, ``&`` unescaped);
* ``<directory>/nginx.conf``: an ``http``-level snippet (include it inside
  ``http {}``) with a ``map`` from ``$server_addr$request_uri`` to the file
  and one ``server`` per site listening on ``<host_base>.<2+index>:<port>``;
  redirects become ``return`` rules. nginx then adds ETag/Last-Modified itself.

The snapshot is rendered once: the counters, today's date and the ASP.NET
session ids are frozen (links carry no session ids in static mode).
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from sampleweb.core import dates
from sampleweb.core.pages import Ctx, Request
from sampleweb.core.routing import dispatch
from sampleweb.core.site import SiteModel
from sampleweb.web import SampleWeb

_EXTENSIONS = {
    "text/html": ".html",
    "application/xml": ".xml",
    "application/rss+xml": ".rss",
    "text/plain": ".txt",
    "application/pdf": ".pdf",
    "image/png": ".png",
    "application/json": ".json",
}


def write_static(
    web: SampleWeb, directory: str | Path, host_base: str = "127.0.0", port: int = 8080
) -> Path:
    """Render every URL of every site; returns the path of ``manifest.json``."""
    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    bases = {m.site.id: _base(m, host_base, port) for m in web.models}
    web.bind(bases)
    manifest: dict[str, Any] = {"sites": {}}
    for model in web.models:
        manifest["sites"][model.site.id] = _write_site(model, root, bases[model.site.id])
    path = root / "manifest.json"
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    (root / "nginx.conf").write_text(nginx_conf(web, manifest, root, host_base, port), "utf-8")
    return path


def _base(model: SiteModel, host_base: str, port: int) -> str:
    host = model.site.host(host_base)
    return f"http://{host}" if port == 80 else f"http://{host}:{port}"


def site_targets(model: SiteModel) -> list[str]:
    """Every request target the site serves, in a stable order."""
    style = model.style
    targets = [
        *style.listing_paths(),
        *style.other_paths(),
        *style.outside_paths(),
        *style.static_paths(),
    ]
    for entry in model.live():
        targets += [
            style.article_path(entry),
            *style.alias_paths(entry),
            *style.attachment_paths(entry),
        ]
        body = style.body(entry)
        targets += [style.image(entry, index) for index in body.figures]
        targets.append(style.image(entry, 0))
    return list(dict.fromkeys(targets))


def _write_site(model: SiteModel, root: Path, base: str) -> dict[str, Any]:
    folder = root / model.site.id
    folder.mkdir(exist_ok=True)
    ctx = Ctx(base, datetime.now(dates.VN), sessions=False)
    urls: dict[str, dict[str, Any]] = {}
    for target in site_targets(model):
        response = dispatch(model, Request.make(model.site.id, base, target), ctx)
        kind = response.content_type.split(";")[0]
        entry: dict[str, Any] = {"status": response.status, "type": response.content_type}
        if "Location" in response.headers:
            entry["location"] = response.headers["Location"]
        elif response.status == 200:
            name = "pixel.png" if kind == "image/png" else _name(target, kind)
            (folder / name).write_bytes(response.body)
            entry["file"] = f"{model.site.id}/{name}"
        urls[target] = entry
    return {"base": base, "encoding": model.site.encoding, "urls": urls}


def _name(target: str, kind: str) -> str:
    digest = hashlib.blake2b(target.encode(), digest_size=10).hexdigest()
    return digest + _EXTENSIONS.get(kind, ".bin")


def nginx_conf(
    web: SampleWeb, manifest: dict[str, Any], root: Path, host_base: str, port: int
) -> str:
    """An ``http``-level nginx snippet serving the snapshot on the same addresses."""
    rows, servers = [], []
    for model in web.models:
        host = model.site.host(host_base)
        site = manifest["sites"][model.site.id]
        redirects = []
        for target, entry in site["urls"].items():
            if "file" in entry:
                rows.append(f'    "{host}{target}" "/{entry["file"]}";')
            elif "location" in entry:
                redirects.append(
                    f"    location = {target} {{ return {entry['status']} {entry['location']}; }}"
                )
        if model.site.encoding == "windows-1258":  # only the HTML is in windows-1258
            charset = "    charset windows-1258;\n    charset_types application/xml;\n"
        else:
            charset = (
                "    charset utf-8;\n"
                "    charset_types application/xml text/plain application/rss+xml;\n"
            )
        servers.append(
            f"server {{\n    listen {host}:{port};\n    root {root.resolve()};\n{charset}"
            + "\n".join(redirects)
            + "\n"
            '    location ~* \\.(css|js|ico)$ { return 200 "/* sample web */\\n"; }\n'
            '    location / {\n        if ($sampleweb_file = "") { return 404; }\n'
            "        try_files $sampleweb_file =404;\n    }\n}\n"
        )
    return (
        "# Generated by sampleweb.static.write_static; include inside http {}.\n"
        "map_hash_max_size 1048576;\nmap_hash_bucket_size 512;\n"
        "types { text/html html; application/xml xml; application/rss+xml rss; text/plain txt; "
        "application/pdf pdf; image/png png; application/json json; }\n"
        'map "$server_addr$request_uri" $sampleweb_file {\n    default "";\n'
        + "\n".join(rows)
        + "\n}\n\n"
        + "\n".join(servers)
    )
