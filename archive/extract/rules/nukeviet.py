"""NukeViet 3.x and 4.x, and their print/savefile views."""

from __future__ import annotations

from archive.extract.rules.rule import CmsRule

RULE = CmsRule(
    id="nukeviet",
    name="NukeViet 3.x/4.x",
    generator=(r"nukeviet",),
    markers=(
        "//script[contains(., 'nv_base_siteurl')]",
        "//*[@id='news-bodyhtml' or @id='news_detail' or @id='hometext']",
        "//div[contains(@class, 'news_column')]",
    ),
    article_url=(
        r"/news/(?!tag/|topic/|rss|groups/|search)[^/]+/[^/]+-\d+\.html?$",
        r"/index\.php/news/[^/]+/[^/]+-\d+/?$",
        r"/news/(?:savefile|print)/[^/]+/[^/]+-\d+\.html?$",
        r"^/(?:vi|en)/[^/]+/[^/]+/[^/]+-\d+\.html?$",
    ),
    listing_url=(
        r"/news/?$",
        r"/news/(?!savefile|print)[^/]+/?$",
        r"/news/[^/]+/page-\d+/?$",
        r"/news/(?:tag|topic|groups)/",
        r"/news/rss/?",
        r"/index\.php/news/[^/]+/?$",
    ),
    content=("#news-bodyhtml", "#news_detail .bodytext", "#bodytext", "div.bodytext"),
    title=(".news_column h1", "#news_detail h1", "#print #content h1"),
    date=(
        ".news_column span.h5",
        "#news_detail span.time",
        ".news_column em.time",
        "#print #content ul.list-inline > li",
    ),
    byline=(".news_column p.h5.text-right", "#news_detail > p[style*='right']", "#print #author p"),
    lead=(".news_column .hometext", "#hometext", "div.hometext"),
    attachments=(".news-download-file",),
    prune=(
        ".other-news",
        "ul.related",
        "#form3B",
        ".socialicon",
        "#idcomment",
        ".keywords",
        "#hd_print",
        "#print #footer",
        ".control",
        "#imghome",
        ".imghome",
        "figure.article",
    ),
    notes="Print/savefile views repeat the article: the canonical link names the real URL. "
    "The author field reads 'Tác giả bài viết:', the source 'Nguồn tin:'.",
)
