"""Common Vietnamese portal markup: tried after the site and CMS rules, alone when no CMS is
detected. Always the last rule."""

from __future__ import annotations

from archive.extract.rules.rule import CmsRule, with_class

RULE = CmsRule(
    id="generic",
    name="Any site (common Vietnamese portal markup)",
    content=(
        "[itemprop='articleBody']",
        "//*[self::div or self::section or self::article][@id][contains(translate(@id, "
        "'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), 'noidung') "
        "or contains(@id, 'content-detail')]",
        with_class(
            "div|section|article",
            "news-content detail-content content-detail article-content article-body "
            "news-detail-content post-content entry-content noidung noi-dung chitiet chi-tiet "
            "NewsContent ArticleContent detail-body news-body content-news",
        ),
    ),
    title=(
        "[itemprop='headline']",
        with_class(
            "h1|h2|h3|p|div",
            "news-title detail-title title-detail article-title title-news entry-title post-title "
            "NewsTitle ArticleTitle tieude tieu-de title-article",
        ),
    ),
    date=("[itemprop='datePublished']",),
    lead=(
        with_class(
            "div|p|h2|h3",
            "sapo news-sapo detail-sapo sapo-detail summary article-summary news-summary lead "
            "news-lead tomtat tom-tat chapeau chapo",
        ),
        # "sapo" is the Vietnamese newsroom's word for the lead, in any vendor's class name
        "//*[self::div or self::p][contains(@class, 'sapo')]",
        # ``entry-lead``, ``post_lead``: "lead" as a word of a compound class
        "//*[self::div or self::p][contains(concat(' ', translate(@class, '-_', '  '), ' '),"
        " ' lead ')]",
    ),
    byline=(
        "[itemprop='author']",
        with_class(
            "div|p|span",
            "author author-name author-block author-box byline news-author article-author "
            "tacgia tac-gia",
        ),
    ),
    notes="Tried after the hint and CMS rules, and alone when no CMS is detected. Its lead and "
    "byline matches count only next to the article (between the headline and the body's end).",
)
