"""The crawl benchmark harness runs end to end on a tiny sample web (figures not checked)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.2", 0))
        return int(probe.getsockname()[1])


def test_harness_runs_and_reports_every_figure(tmp_path):
    out = tmp_path / "figures.json"
    command = [sys.executable, str(ROOT / "benchmarks" / "crawl_bench.py"), "--sites", "2",
               "--articles-per-site", "4", "--floor-sample", "4", "--load-seconds", "1",
               "--port", str(free_port()), "--work", str(tmp_path), "--json", str(out)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    figures = json.loads(out.read_text("utf-8"))
    assert figures["crawl"]["articles_new"] == 8
    assert figures["recrawl"]["articles_new"] == 0
    assert figures["peer"]["extracted"] == 8
    assert figures["floor"]["articles"] == 4
    assert figures["scrapy_alone"]["fetched"] == 8  # bare Scrapy, not our project's middlewares
    assert set(figures["ratios"]) >= {
        "cpu_vs_floor",
        "recrawl_vs_first_wall",
        "articles_per_s_vs_peer",
        "bound_cpu_vs_floor",
        "bound_vs_peer",
    }
    assert "articles/s vs peer" in done.stdout
    assert "lower bound" in done.stdout
