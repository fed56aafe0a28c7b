"""Requests spent per archived article on the sample web's first crawl, per site.

    python benchmarks/requests_per_article.py [--articles-per-site N]

Issue 23 asks for at most 3 on a WordPress-like site's first crawl. The figure
falls as sites grow: home pages, categories, tags and sitemaps are a fixed cost.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlite_utils import Database  # noqa: E402

from sampleweb import SampleWebServer, build_sample_web  # noqa: E402

FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles-per-site", type=int, default=40)
    args = parser.parse_args()
    web = build_sample_web(articles_per_site=args.articles_per_site)
    with tempfile.TemporaryDirectory() as tmp, SampleWebServer(web) as server:
        sites = server.write_sites(Path(tmp) / "sites.toml")
        db_path = Path(tmp) / "archive.db"
        done = subprocess.run(
            [sys.executable, "-m", "archive", "crawl", "--db", str(db_path), "--sites",
             str(sites), *FAST], capture_output=True, text=True, timeout=1200,
        )  # fmt: skip
        db = Database(db_path)
        requests = db.execute("select requests from crawls").fetchone()[0]
        articles = db.execute("select count(*) from articles").fetchone()[0]
        per = requests / articles
        head = f"{args.articles_per_site} articles per site, exit {done.returncode}"
        print(f"{head}: {requests} requests for {articles} articles = {per:.2f}")
        for row in db.query("select site_id, pages, articles_new from crawl_sites order by 1"):
            ratio = row["pages"] / max(1, row["articles_new"])
            print(f"  {row['site_id']:<10} {row['pages']:>4} pages / "
                  f"{row['articles_new']:>3} articles = {ratio:.2f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
