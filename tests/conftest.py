"""Shared fixtures: fresh archives, articles, and sites files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from archive.extract.records import Article
from archive.sites.registry import Site
from archive.store.migrations import open_db


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_db(str(tmp_path / "archive.db"))
    for site_id in ("s1", "s2"):
        database.table("sites").insert({"id": site_id, "name": site_id, "province": "Thái Nguyên"})
    yield database
    database.close()


@pytest.fixture
def site() -> Site:
    return Site(
        id="thai-nguyen",
        name="Trường Chính trị tỉnh Thái Nguyên",
        province="Thái Nguyên",
        start_urls=("http://127.0.0.9:8080/",),
        allowed_domains=("127.0.0.9",),
    )


PARAGRAPHS = [
    "Chiều ngày 29/6/2022, Đảng bộ Trường Chính trị tổ chức Hội nghị sơ kết công tác 6 tháng "
    "đầu năm 2022 và triển khai phương hướng, nhiệm vụ công tác Đảng 6 tháng cuối năm.",
    "Báo cáo đánh giá tổng kết công tác 6 tháng đầu năm 2022 của Đảng bộ Trường Chính trị đã "
    "nêu rõ những kết quả đáng kể trên tất cả các mặt công tác đào tạo, bồi dưỡng cán bộ.",
    "Trong 6 tháng đầu năm 2022, đã tổ chức giảng dạy, phục vụ 27 lớp với số lượng 3.789 học "
    "viên; công tác nghiên cứu khoa học đang triển khai thực hiện 08 đề tài khoa học cấp cơ sở.",
    "Phương hướng 6 tháng cuối năm 2022, Đảng ủy Nhà trường xác định nhiệm vụ trọng tâm là tiếp "
    "tục đổi mới, nâng cao chất lượng công tác giáo dục chính trị, tư tưởng và đạo đức cách mạng.",
]


def make_article(url: str, text: str | None = None, **fields: object) -> Article:
    values: dict[str, object] = {
        "title": "Đảng bộ Trường Chính trị tổ chức Hội nghị sơ kết",
        "date": "2022-07-01",
        "author": "Võ Thị Nhiên",
        "text": text if text is not None else "\n\n".join(PARAGRAPHS),
    }
    values.update(fields)
    return Article(url=url, **values)  # type: ignore[arg-type]


@pytest.fixture
def sites_file(tmp_path: Path):
    def write(text: str) -> Path:
        path = tmp_path / "sites.toml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


# Session fixtures: the sample web crawled once with WARC capture (tests/capture_crawl.py).
from capture_crawl import captured, small_crawl  # noqa: E402, F401


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Long campaigns (@pytest.mark.slow) run only when asked for: pytest -m slow."""
    if "slow" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="long campaign: run with -m slow, or benchmarks/chaos.py")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
