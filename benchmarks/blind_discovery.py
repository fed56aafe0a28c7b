"""Crawl the blind discovery web (tests/blind/discovery) and score what was found.

    python benchmarks/blind_discovery.py [--crawls 2] [--root tests/blind2/discovery]

Per site: articles expected and archived, requests spent (all of them, robots.txt
included) and requests per archived article, and the crawl's status for the site;
a second crawl shows what a recrawl fetches again. The sites were written by a
helper who never saw the rules (tests/blind/README.md).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from blindweb import BlindWeb, load_sites, score  # noqa: E402

FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "--workers", "0"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--crawls", type=int, default=2)
    parser.add_argument("--root", type=Path, default=None, help="a blind set's discovery folder")
    args = parser.parse_args()
    sites = load_sites(args.root) if args.root else load_sites()
    with tempfile.TemporaryDirectory() as tmp, BlindWeb(sites) as web:
        registry = Path(tmp) / "sites.toml"
        registry.write_text(web.sites_toml(), encoding="utf-8")
        db = Path(tmp) / "archive.db"
        for crawl in range(1, args.crawls + 1):
            for site in sites:
                site.requests.clear()
            done = subprocess.run(
                [sys.executable, "-m", "archive", "crawl", "--db", str(db), "--sites",
                 str(registry), *FAST], capture_output=True, text=True, timeout=600,
            )  # fmt: skip
            print(f"crawl {crawl}: exit {done.returncode}")
            print(f"{'site':<34} {'expected':>8} {'archived':>8} {'stored':>6} {'requests':>8} "
                  f"{'per art.':>8}  status")  # fmt: skip
            for row in score(db, sites):
                print(f"{row['site']:<34} {row['expected']:>8} {row['archived']:>8} "
                      f"{row['stored']:>6} {row['requests']:>8} {row['per_article']:>8}  "
                      f"{row['status']}")  # fmt: skip
                if row["missed"] and crawl == 1:
                    print(f"    missed: {' '.join(row['missed'][:8])}")
            if crawl < args.crawls:
                print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
