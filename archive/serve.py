"""Datasette on the archive, with the repository's metadata, templates and plugins.

The database is always published under the name ``archive`` whatever its
file is called, because the metadata, the canned queries and the per-table
templates (``row-archive-articles.html``) are keyed on that name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

DATABASE_NAME = "archive"
PUBLIC_SETTINGS = {
    "sql_time_limit_ms": 1000,
    "max_returned_rows": 1000,
    "allow_download": False,
    "default_page_size": 50,
    "facet_time_limit_ms": 500,
}
LOCAL_SETTINGS = {"sql_time_limit_ms": 5000, "default_page_size": 50}


def datasette_dir() -> Path:
    """The `datasette/` folder: beside the packages in a checkout, packaged otherwise."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "datasette", here / "datasette_files"):
        if (candidate / "metadata.yml").exists():
            return candidate
    raise FileNotFoundError("datasette/metadata.yml not found beside the archive package")


def load_metadata() -> dict[str, Any]:
    with open(datasette_dir() / "metadata.yml", encoding="utf-8") as f:
        return dict(yaml.safe_load(f))


def make_datasette(db_path: str | Path, *, public: bool = False) -> Any:
    """A configured Datasette instance (also what the tests use in-process)."""
    from datasette.app import Datasette
    from datasette.database import Database

    folder = datasette_dir()
    ds = Datasette(
        [],
        metadata=load_metadata(),
        template_dir=str(folder / "templates"),
        plugins_dir=str(folder / "plugins"),
        static_mounts=[("assets", str(folder / "static"))],
        settings=PUBLIC_SETTINGS if public else LOCAL_SETTINGS,
    )
    database = Database(ds, path=str(db_path), is_mutable=not public)
    ds.add_database(database, name=DATABASE_NAME)
    return ds


def serve(db_path: str | Path, *, host: str, port: int, public: bool) -> None:
    """Serve until interrupted (uvicorn, as `datasette serve` does)."""
    import uvicorn

    ds = make_datasette(db_path, public=public)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")
