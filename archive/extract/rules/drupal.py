"""Drupal 7 and 8+."""

from __future__ import annotations

from archive.extract.rules.rule import CmsRule

RULE = CmsRule(
    id="drupal",
    name="Drupal 7/8+",
    generator=(r"drupal",),
    markers=(
        "//*[@id='skip-link']",
        "//*[contains(@class, 'field-name-body') or contains(@class, 'field--name-body')]",
        "//script[contains(., 'Drupal.settings') or contains(@src, '/misc/drupal.js')]",
    ),
    article_url=(r"/node/\d+/?$",),
    listing_url=(r"[?&]page=\d+", r"/taxonomy/term/\d+", r"/node/?$"),
    content=(
        ".node .field-name-body .field-item",
        ".node .field--name-body",
        "article .node__content",
    ),
    title=("h1#page-title", "h1.page-title", ".node h2.node-title"),
    date=(".node .submitted", ".node__meta", ".node .field--name-created", ".date-display-single"),
    prune=(
        "ul.links.inline",
        ".field-name-field-tags",
        ".field--name-field-tags",
        ".comment-wrapper",
        "#comments",
    ),
    notes="Bến Tre prints a header clock in the node date format "
    "('Thứ ba, 23 Tháng 4, 2024 - 23:01'); "
    "node dates read 'Ngày Đăng : dd/mm/yyyy'.",
)
