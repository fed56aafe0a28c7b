"""DotNetNuke (DNN)."""

from __future__ import annotations

from archive.extract.rules.rule import CmsRule

RULE = CmsRule(
    id="dotnetnuke",
    name="DotNetNuke (DNN)",
    generator=(r"dotnetnuke", r"\bdnn\b"),
    markers=("//*[starts-with(@id, 'dnn_')]", "//meta[@id='MetaGenerator']"),
    article_url=(
        r"/tabid/\d+/(?:.*/)?(?:post|articleid|itemid|newsid)/\d+",
        r"/tabid/\d+/.+/\d+/[^/]+\.aspx$",
    ),
    listing_url=(r"/tabid/\d+/(?:Default\.aspx)?$", r"/tabid/\d+/(?:category|currentpage|page)/"),
    content=(".articleEntry", ".edn_articleContent", ".DNNModuleContent .Normal"),
    title=(".articleHeadline h1", "h1.edn_articleTitle"),
    date=(".articleDetails .articleDate", ".articleDetails", ".edn_articleDate"),
    lead=(".articleSummary", ".edn_articleSummary"),
    prune=(".articleTools", ".articleOther", ".c_head"),
    notes="The page <title> is the module or tab name. "
    "Dates use the vi-VN culture: '10/08/2023 8:05:12 SA'.",
)
