"""The extraction quality floor, and the evaluation harness itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive import evaluate as ev

EVALDATA = Path(__file__).parent / "evaldata"
FLOOR = json.loads((EVALDATA / "floor.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report() -> ev.Report:
    return ev.evaluate(EVALDATA / "pages")


def test_the_set_is_big_and_varied() -> None:
    cases = ev.load_cases(EVALDATA / "pages")
    assert len(cases) >= 30
    assert len({c.layout for c in cases}) >= FLOOR["layouts_at_least"]
    assert {c.split for c in cases} == {"tune", "holdout"}
    for case in cases:
        assert case.paragraphs and case.must_not and case.expected.get("title"), case.id


@pytest.mark.parametrize("split", ["tune", "holdout", "all"])
def test_quality_floor(report: ev.Report, split: str) -> None:
    floor = FLOOR["splits"][split]
    got = report.summary(None if split == "all" else split)
    assert got.pages == floor["pages"]
    assert got.f1 >= floor["f1"], ev.leak_details(report)
    assert got.min_f1 >= floor["min_f1"], ev.leak_details(report)
    assert got.leaked <= floor["leaked"], ev.leak_details(report)
    for field in ("title", "date", "author"):
        assert getattr(got, field) >= floor[field], (field, ev.leak_details(report))


def test_issue_targets_on_the_holdout(report: ev.Report) -> None:
    """Issue 3: F1 >= 0.97 on every page, no leaks, titles and dates right, authors >= 90 %."""
    for page in report.select("holdout"):
        assert page.ours.f1 >= 0.97 and not page.ours.leaked, page.case.id
        assert page.ours.title and page.ours.date, page.case.id
    assert report.summary("holdout").author >= 0.9


def test_better_than_bare_trafilatura(report: ev.Report) -> None:
    ours, bare = report.summary(), report.summary(bare=True)
    assert ours.f1 - bare.f1 >= FLOOR["over_bare_f1"]
    assert ours.leaked < bare.leaked


def test_table_shows_both_extractors_per_page_and_overall(report: ev.Report) -> None:
    table = ev.format_report(report)
    assert "bare trafilatura" in table
    for split in ("tune", "holdout", "all"):
        assert f"\n{split} " in table
    assert all(p.case.id in table for p in report.pages)


def test_main_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert ev.main([str(EVALDATA / "pages")]) == 0
    assert "holdout" in capsys.readouterr().out


def case(
    paragraphs: tuple[str, ...], captions: tuple[str, ...] = (), bylines: tuple[str, ...] = ()
) -> ev.Case:
    return ev.Case(
        id="x",
        html=b"",
        url="http://x.vn/a",
        layout="l",
        split="tune",
        hints={},
        http_encoding=None,
        expected={"title": "Tiêu đề bài", "date": "2023-01-06", "author": None},
        paragraphs=paragraphs,
        captions=captions,
        bylines=bylines,
        must_not=("Tin khác",),
    )


def test_body_scores_captions_and_bylines_are_free() -> None:
    c = case(
        ("Một hai ba bốn",), captions=("Quang cảnh hội nghị",), bylines=("Tin, ảnh: Võ Thị Nhiên",)
    )
    assert ev.body_scores("Một hai ba bốn", c) == (1.0, 1.0, 1.0)
    assert (
        ev.body_scores("Một hai ba bốn\n\nQuang cảnh hội nghị\n\nTin, ảnh: Võ Thị Nhiên", c)[0]
        == 1.0
    )
    precision, recall, _ = ev.body_scores("Một hai ba bốn Tin khác", case(c.paragraphs))
    assert precision == pytest.approx(4 / 6) and recall == 1.0
    assert ev.body_scores("", c) == (0.0, 0.0, 0.0)
    assert ev.body_scores("Một hai", c)[1] == 0.5


def test_score_fields() -> None:
    c = case(("Một hai ba",))
    good = ev.score(ev.Fields(" Tiêu  đề bài", "2023-01-06", None, "Một hai ba"), c)
    assert good.title and good.date and good.author and not good.leaked
    bad = ev.score(ev.Fields("Khác", "2023-01-07", "Ai đó", "Một hai ba Tin khác"), c)
    assert not (bad.title or bad.date or bad.author) and bad.leaked == ("Tin khác",)


def test_eval_scores_only_the_splits_asked_for() -> None:
    """The blind set's sealed part must be scorable apart: --split selects pages."""
    from click.testing import CliRunner

    from archive.cli import cli

    result = CliRunner().invoke(cli, ["eval", str(EVALDATA / "pages"), "--split", "holdout"])
    assert result.exit_code == 0, result.output
    rows = [line.split()[1] for line in result.output.splitlines()[1:] if " | " in line]
    holdout = sum(c.split == "holdout" for c in ev.load_cases(EVALDATA / "pages"))
    assert rows and set(rows) == {"holdout"} and len(rows) == holdout
    assert "tune " not in result.output


#: Issue 23's targets on the blind sets' open splits (tests/blind*/SCORES.md). The sealed
#: thirds are never scored by the suite: each is scored once, to report generalization.
BLIND_TARGETS = {"f1": 0.97, "min_f1": 0.97, "leaked": 0, "title": 0.97, "date": 0.97,
                 "author": 0.90}  # fmt: skip


@pytest.mark.parametrize(
    ("folder", "pages"),
    [
        ("blind", 27),
        ("blind2", 24),
        ("blind3", 24),
        ("blind4", 24),
        ("blind5", 24),
        ("blind6", 24),
        ("blind8", 24),
        ("blind9", 24),
        ("blind10", 24),
        ("blind11", 24),
        ("blind12", 24),
        ("blind13", 24),
        ("blind14", 24),
        ("blind15", 24),
        ("blind16", 24),
    ],
)
def test_the_blind_split_meets_the_issue_targets(folder: str, pages: int) -> None:
    report = ev.evaluate(Path(__file__).parent / folder / "pages", splits=["blind"])
    assert {p.case.split for p in report.pages} == {"blind"}
    got = report.summary("blind")
    assert got.pages >= pages
    assert got.f1 >= BLIND_TARGETS["f1"] and got.min_f1 >= BLIND_TARGETS["min_f1"]
    assert got.leaked <= BLIND_TARGETS["leaked"], ev.leak_details(report)
    for field in ("title", "date", "author"):
        assert getattr(got, field) >= BLIND_TARGETS[field], (field, ev.leak_details(report))


def test_a_data_table_inside_the_body_is_neither_required_nor_penalised() -> None:
    """The blind sets' writers count a table between the body's paragraphs as the article's,
    without listing its cells as paragraphs; a table after the body is still chrome."""
    paragraphs = ["Đoạn mở đầu của bài viết về kết quả hội thi năm nay.",
                  "Đoạn kết của bài viết nói về kế hoạch năm sau."]  # fmt: skip
    html = (
        "<html><head><meta charset='utf-8'></head><body>"
        f"<p>{paragraphs[0]}</p><table><tr><td>Giải</td><td>Lớp</td></tr>"
        f"<tr><td>Nhất</td><td>K114</td></tr></table><p>{paragraphs[1]}</p>"
        "<table><tr><td>Thống kê</td><td>truy cập</td></tr></table></body></html>"
    ).encode()
    tables = ev.body_tables(html, None, paragraphs)
    assert tables == ("Giải Lớp Nhất K114",)
    case = ev.Case(id="t", html=html, url="http://x/", layout="t", split="blind", hints={},
                   http_encoding=None, expected={}, paragraphs=tuple(paragraphs), captions=(),
                   bylines=(), must_not=(), tables=tables)  # fmt: skip
    assert ev.body_scores(" ".join([*paragraphs, "Giải Lớp Nhất K114"]), case)[0] == 1.0
    assert ev.body_scores(" ".join([*paragraphs, "Thống kê truy cập"]), case)[0] < 1.0


def test_a_table_inside_a_br_separated_body_is_between_its_paragraphs() -> None:
    """A body of ``<br><br>`` runs in one block (Bitrix's ``detail_text``) holds its table
    between its first and last paragraph too, though one element holds them all."""
    first, last = "Đoạn mở đầu của bản tin về lớp học.", "Đoạn kết của bản tin về lớp học."
    html = (
        "<html><head><meta charset='utf-8'></head><body><div class='detail_text'>"
        f"{first}<table><tr><th>Nội dung</th><th>Số lượng</th></tr><tr><td>Học viên</td>"
        f"<td>207</td></tr></table><br><br>{last}</div><table><tr><td>Thống kê</td></tr>"
        "</table></body></html>"
    ).encode()
    assert ev.body_tables(html, None, [first, last]) == ("Nội dung Số lượng Học viên 207",)
