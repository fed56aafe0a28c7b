from pathlib import Path

import pytest

from archive.sites.registry import RegistryError, load_sites, select_sites

GOOD = """
[[site]]
id = "thai-nguyen"
name = "Trường Chính trị tỉnh Thái Nguyên"
province = "Thái Nguyên"
start_urls = ["http://truongchinhtrithainguyen.gov.vn/"]
"""


def test_packaged_registry_lists_the_seen_schools():
    sites = load_sites()
    assert len(sites) >= 40
    ids = {s.id for s in sites}
    assert {"thai-nguyen", "dong-thap", "can-tho", "ha-noi"} <= ids
    can_tho = next(s for s in sites if s.id == "can-tho")
    assert can_tho.path_prefix == "/wps/portal/truongchinhtri/"
    assert can_tho.allowed_domains == ("cantho.gov.vn",)


def test_minimal_entry_gets_domains_from_start_urls(sites_file):
    (site,) = load_sites(sites_file(GOOD))
    assert site.allowed_domains == ("truongchinhtrithainguyen.gov.vn",)
    assert site.path_prefix is None and site.hints == {}


@pytest.mark.parametrize(
    ("text", "entry", "field"),
    [
        (GOOD.replace('id = "thai-nguyen"', 'id = "Thái Nguyên"'), "entry 1", "id"),
        (
            GOOD.replace(
                'start_urls = ["http://truongchinhtrithainguyen.gov.vn/"]',
                'start_urls = ["ftp://x/"]',
            ),
            "entry 1 (thai-nguyen)",
            "start_urls",
        ),
        (GOOD.replace("province", "provinse"), "entry 1 (thai-nguyen)", "provinse"),
        (GOOD + 'article_allow = ["(unclosed"]\n', "entry 1 (thai-nguyen)", "article_allow"),
        (GOOD + 'path_prefix = "no-slash"\n', "entry 1 (thai-nguyen)", "path_prefix"),
        (GOOD + "max_pages = -1\n", "entry 1 (thai-nguyen)", "max_pages"),
        (GOOD + 'hints = { colour = "x" }\n', "entry 1 (thai-nguyen)", "hints.colour"),
        (GOOD + GOOD, "entry 2 (thai-nguyen)", "id"),
    ],
)
def test_malformed_entry_names_file_entry_and_field(sites_file, text, entry, field):
    path = sites_file(text)
    with pytest.raises(RegistryError) as error:
        load_sites(path)
    message = str(error.value)
    assert str(path) in message and entry in message and f"field '{field}'" in message


def test_missing_required_field(sites_file):
    with pytest.raises(RegistryError, match="field 'province': is required"):
        load_sites(sites_file(GOOD.replace('province = "Thái Nguyên"\n', "")))


def test_not_toml_and_missing_file(sites_file, tmp_path: Path):
    with pytest.raises(RegistryError, match="not valid TOML"):
        load_sites(sites_file("[[site]\nid="))
    with pytest.raises(RegistryError, match="cannot read"):
        load_sites(tmp_path / "nope.toml")


def test_select_sites_rejects_unknown_ids(sites_file):
    sites = load_sites(sites_file(GOOD))
    assert select_sites(sites, []) == sites
    with pytest.raises(KeyError):
        select_sites(sites, ["thai-nguyen", "atlantis"])
