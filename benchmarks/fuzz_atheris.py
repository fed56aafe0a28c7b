"""Coverage-guided fuzzing of page analysis and sitemap parsing with atheris (libFuzzer).

    python benchmarks/fuzz_atheris.py CORPUS_DIR -max_total_time=60 -timeout=20

Each input is one page: ``analyze_page`` (decode, parse, links, kind,
extraction) and ``parse_listing`` must return, whatever the bytes; an
exception is a crash, an input running past ``-timeout`` a hang, and
libFuzzer saves it as ``crash-*`` / ``timeout-*``. ``--seed-corpus DIR``
writes the sample web's pages (every CMS style) as a starting corpus.
``benchmarks/chaos.py`` runs this for a minute when atheris is installed
(``pip install atheris``); it is not part of the default tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from archive.capture.feeds import parse_listing
    from archive.extract.page import analyze_page
    from archive.sites.registry import Site

SITE = Site(id="fuzz", name="x", province="x", start_urls=("http://127.0.0.9/",),
            allowed_domains=("127.0.0.9",), hints={"cms": "nukeviet"})  # fmt: skip
URL = "http://127.0.0.9/vi/news/tin-tuc/bai-viet-123.html"


def one_input(data: bytes) -> None:
    analyze_page(data, URL, SITE)
    parse_listing(data)


def seed_corpus(folder: Path) -> int:
    """The fuzz tests' seeds (tests/test_fuzz.py) written as files."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from test_fuzz import seeds

    folder.mkdir(parents=True, exist_ok=True)
    html, xml = seeds()
    for number, (_, _, body) in enumerate(html):
        (folder / f"page-{number}.html").write_bytes(body)
    for number, body in enumerate(xml):
        (folder / f"listing-{number}.xml").write_bytes(body)
    return len(html) + len(xml)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--seed-corpus":
        print(seed_corpus(Path(sys.argv[2])), "seed files")
        sys.exit(0)
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
