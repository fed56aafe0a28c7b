"""Kentico CMS."""

from __future__ import annotations

from archive.extract.rules.rule import CmsRule

RULE = CmsRule(
    id="kentico",
    name="Kentico CMS",
    generator=(r"kentico",),
    markers=(
        "//input[@name='__CMSCsrfToken']",
        "//link[contains(@href, '/CMSPages/GetResource.ashx')]",
        "//*[contains(@src, '/getattachment/')]",
    ),
    article_url=(r"^/(?!getattachment/)[^?]+/[^/?]+\.aspx$",),
    listing_url=(r"\.aspx\?(?:.*&)?page=\d+",),
    content=(".NewsDetail .NewsText", ".BlogPostText"),
    title=(".NewsDetail h1", ".NewsDetail .NewsTitle"),
    date=(".NewsDetail .NewsDate",),
    lead=(".NewsDetail .NewsSummary",),
    attachments=(".NewsAttachments",),
    attachment_url=(r"/getattachment/[^\"'\s]+",),
    prune=(".NewsRelated", ".CMSBreadCrumbs"),
    notes="<title> is 'Site - Page'; files are served from /getattachment/<guid>/<name>.aspx.",
)
