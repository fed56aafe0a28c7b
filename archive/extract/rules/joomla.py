"""Joomla 1.5 to 4, with and without K2."""

from __future__ import annotations

from archive.extract.rules.rule import CmsRule, has_class

RULE = CmsRule(
    id="joomla",
    name="Joomla (1.5 to 4, with K2)",
    generator=(r"joomla",),
    markers=(
        "//*[@id='k2Container']",
        f"//*[{has_class('item-page')}]",
        f"//table[{has_class('contentpaneopen')}]",
        "//script[contains(@src, '/media/system/js/') or contains(@src, '/media/jui/')]",
    ),
    article_url=(
        r"/item/\d+-[^/]+(?:\.html)?$",
        r"/\d+-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}(?:\.html)?$",
        r"/index\.php/(?:[^/?]+/)+\d+-[^/?]+$",
        r"[?&]option=com_content(?:&|&amp;)(?:.*&)?view=article",
    ),
    listing_url=(r"[?&](?:limit)?start=\d+", r"/itemlist/", r"view=category", r"/category/"),
    content=(
        ".itemView .itemFullText",
        ".item-page [itemprop='articleBody']",
        ".item-page",
        f"//table[{has_class('contentpaneopen')}][not(.//td[{has_class('contentheading')}])]",
    ),
    title=(".itemView .itemTitle", ".item-page h2", ".item-page h1", "td.contentheading"),
    date=(".itemView .itemDateCreated", ".item-page dd.published", "td.createdate"),
    lead=(".itemView .itemIntroText",),
    prune=(
        ".itemAuthor",
        ".itemToolbar",
        ".itemHits",
        ".itemLinks",
        ".itemRelated",
        ".itemNavigation",
        ".itemSocialSharing",
        ".itemRatingBlock",
        ".itemCommentsBlock",
        ".itemImageBlock",
        "td.buttonheading",
        "td.modifydate",
        "dl.article-info",
        ".article-info",
        ".pagenav",
        "span.article_separator",
        ".icons",
    ),
    notes="K2's 'Viết bởi <account>' is the CMS account, never the author. Joomla makes the alias "
    "from the creation time when the title has no Latin slug: '1935-2021-06-08-02-41-17'.",
)
