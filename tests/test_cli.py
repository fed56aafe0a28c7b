"""The command line: bad input gets one clear message, exit status 2, and nothing written."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import OPTION_SETTINGS, cli, settings_from_options

GOOD = """
[[site]]
id = "sample"
name = "Trường Chính trị mẫu"
province = "Thái Nguyên"
start_urls = ["http://127.0.0.9:9/"]
"""


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_sites_lists_the_packaged_registry():
    result = run("sites")
    assert result.exit_code == 0
    assert "thai-nguyen" in result.output and "can-tho" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["crawl", "--sites", "{bad}"], "field 'start_urls': is required"),
        (["crawl", "--sites", "{good}", "atlantis"], "unknown site id(s): atlantis"),
        (["crawl", "--sites", "{good}", "-s", "DOWNLOAD_DELAI=1"], "did you mean DOWNLOAD_DELAY"),
        (["crawl", "--sites", "{good}", "-s", "DOWNLOAD_DELAY=soon"], "not a valid float"),
        (["crawl", "--sites", "{good}", "-s", "ROBOTSTXT_OBEY=maybe"], "not a valid bool"),
        (["crawl", "--sites", "{good}", "-s", "nonsense"], "expected NAME=VALUE"),
        (["crawl", "--sites", "{good}", "--db", "{corrupt}"], "not an SQLite database"),
        (["crawl", "--sites", "{good}", "--db", "{nodir}"], "does not exist"),
        (["sites", "--sites", "{bad}"], "entry 1 (sample)"),
        (["stats", "--db", "{missing}"], "no such archive"),
        (["serve", "--db", "{missing}"], "no such archive"),
    ],
)
def test_bad_input_exits_2_with_one_clear_message(tmp_path: Path, args, message):
    good = tmp_path / "good.toml"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD.replace('start_urls = ["http://127.0.0.9:9/"]', ""), encoding="utf-8")
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"this is not sqlite at all" * 100)
    paths = {"good": good, "bad": bad, "corrupt": corrupt, "nodir": tmp_path / "no" / "x.db",
             "missing": tmp_path / "missing.db"}  # fmt: skip
    before = sorted(p.name for p in tmp_path.iterdir())
    result = run(*[a.format(**paths) for a in args])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert result.output.count("Error:") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written
    assert corrupt.read_bytes().startswith(b"this is not sqlite")


def test_options_map_onto_settings_through_one_table():
    overrides = settings_from_options(
        {"db": "x.db", "sites_file": "s.toml", "site_ids": ("a", "b"), "max_pages": 5,
         "workers": 0, "log_file": None, "log_level": "INFO"},
        ("DOWNLOAD_DELAY=2.5", "ARCHIVE_DB=ignored.db"),
    )  # fmt: skip
    assert overrides == {
        "DOWNLOAD_DELAY": 2.5, "ARCHIVE_DB": "x.db", "ARCHIVE_SITES_FILE": "s.toml",
        "ARCHIVE_SITES": ["a", "b"], "ARCHIVE_MAX_PAGES_PER_SITE": 5,
        "ARCHIVE_EXTRACT_WORKERS": 0, "LOG_LEVEL": "INFO",
    }  # fmt: skip
    assert set(OPTION_SETTINGS.values()) >= {"ARCHIVE_DB", "ARCHIVE_SITES_FILE", "ARCHIVE_SITES"}


def test_every_command_is_documented_in_the_readme():
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert f"`{name}" in readme, f"command {name} missing from README"
        assert command.help, f"command {name} has no help"


def test_the_worker_count_is_read_before_the_settings():
    """So that the forkserver can start before Scrapy is imported (archive/cli.py)."""
    from archive.cli import extraction_workers

    assert extraction_workers(None, ()) is None
    assert extraction_workers(0, ("ARCHIVE_EXTRACT_WORKERS=3",)) == 0
    assert (
        extraction_workers(None, ("ARCHIVE_EXTRACT_WORKERS=2", "ARCHIVE_EXTRACT_WORKERS = 0")) == 0
    )
    assert extraction_workers(None, ("ARCHIVE_EXTRACT_WORKERS=-1",)) == -1
    assert extraction_workers(None, ("DOWNLOAD_DELAY=0", "ARCHIVE_EXTRACT_WORKERS=many")) is None
