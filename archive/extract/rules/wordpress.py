"""WordPress."""

from __future__ import annotations

from archive.extract.rules.rule import CmsRule

RULE = CmsRule(
    id="wordpress",
    name="WordPress",
    generator=(r"wordpress",),
    markers=(
        "//link[contains(@href, '/wp-content/') or contains(@href, '/wp-includes/')]",
        "//*[contains(@class, 'entry-content')]",
    ),
    article_url=(r"/\d{4}/\d{2}/\d{2}/[^/]+/?$", r"/\d{4}/\d{2}/[^/]+/?$", r"[?&]p=\d+$"),
    listing_url=(
        r"/category/",
        r"/tag/",
        r"/page/\d+/?$",
        r"/\d{4}/\d{2}/?$",
        r"/author/",
        r"[?&]s=",
    ),
    content=("article .entry-content", ".entry-content", ".post-content"),
    title=("h1.entry-title", "article header h1"),
    date=("time.entry-date", ".entry-meta .posted-on"),
    byline=(".entry-meta .author .fn", ".entry-meta .byline .author"),
    prune=(
        "//*[@data-elementor-type='header' or @data-elementor-type='footer']",
        ".sharedaddy",
        "#jp-relatedposts",
        ".jp-relatedposts",
        "#comments",
        ".comments-area",
        ".post-navigation",
        ".entry-footer",
        ".addtoany_share_save_container",
        ".yarpp-related",
    ),
    notes="Permalinks carry the date (/yyyy/mm/dd/slug/); many themes do not print it.",
)
