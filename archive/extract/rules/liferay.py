"""Liferay Portal: asset publisher and journal content portlets."""

from __future__ import annotations

from archive.extract.rules.rule import CmsRule, has_class

RULE = CmsRule(
    id="liferay",
    name="Liferay Portal",
    markers=(
        "//script[contains(., 'Liferay')]",
        "//*[starts-with(@id, 'p_p_id_')]",
        f"//*[{has_class('portlet-boundary')}]",
    ),
    article_url=(
        r"/-/[^/?#]+-\d+/?$",
        r"/-/view[_-]content/\d+",
        r"/-/asset_publisher/[^/]+/content/",
        r"/chi-tiet/-/",
    ),
    listing_url=(
        r"[?&]_?\w*cur=\d+",
        r"/-/categories/",
        r"/tag/",
        r"/-/asset_publisher/[^/]+/?(?:\?|$)",
    ),
    content=(
        ".journal-content-article .news-content",
        ".news-detail .content-news",
        ".asset-full-content .journal-content-article",
        ".asset-full-content .asset-content",
    ),
    title=(
        ".asset-full-content .header-title",
        ".taglib-header .header-title",
        "h1.title-news",
        ".asset-full-content .asset-title",
    ),
    date=(
        ".journal-content-article .news-date",
        ".news-detail .info-news",
        ".asset-full-content .metadata-publish-date",
    ),
    byline=(".news-detail .author-news",),
    lead=(
        ".journal-content-article .news-summary",
        ".news-detail .sapo",
        ".asset-full-content .asset-summary",
    ),
    prune=(
        ".portlet-topper",
        ".taglib-header .header-back-to",
        ".asset-ratings",
        ".taglib-social-bookmarks",
        ".asset-links",
        ".related-news",
        ".same-category",
        ".social-share",
        "#skip-to-content",
        ".text-tools",
        ".lfr-meta-actions",
    ),
    notes="The asset publisher prints 'null <Title>' and its portlet title ('Xuất bản thông tin', "
    "zh '资产发布器'); skip links read 'Truy cập nội dung luôn' / 'Skip to Content'.",
)
