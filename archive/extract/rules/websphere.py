"""IBM WebSphere Portal with Web Content Manager."""

from __future__ import annotations

from archive.extract.rules.rule import CmsRule, has_class

RULE = CmsRule(
    id="websphere",
    name="IBM WebSphere Portal (+WCM)",
    markers=(
        "//script[contains(., 'ibmCfg')]",
        f"//*[{has_class('wpthemeFrame')}]",
        "//link[contains(@href, '/wps/')]",
    ),
    article_url=(
        r"/wps/portal/.*trang-tin-chi-tiet",
        r"[?&]urile=wcm(?::|%3a)path(?::|%3a)",
        r"/wps/wcm/connect/.+",
    ),
    listing_url=(r"/wps/portal/[^!?]*(?:tin-tuc|danh-sach)[^!?]*/?$",),
    content=(".news-detail .content-detail", ".wcm-content", ".news-detail"),
    title=(".news-detail .title-detail", ".news-detail h1", ".wcm-title"),
    date=(".news-detail .date-detail",),
    byline=(".news-detail .author-detail",),
    lead=(".news-detail .summary-detail",),
    prune=(".wpthemeControlHeader", ".tool-detail"),
    notes="One article can have several opaque !ut/p/z0 tokens: deduplicate on title + date. "
    "Dates are printed time first: '07:37 18/08/2023'.",
)
