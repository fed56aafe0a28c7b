"""Per-CMS extraction rules, as data.

Each :class:`CmsRule` says how to recognise a CMS (generator meta, markup
markers, URL shapes) and where its pages keep the article's parts (content,
title, date, byline, lead, attachments) and their chrome (``prune``). A
registry site entry can add its own selectors through ``hints``; those win
over the CMS rule, which wins over :data:`GENERIC`.

Selectors are strings: XPath when they start with ``/``, ``./`` or ``(``,
CSS otherwise. ``article_url`` and ``listing_url`` are regular expressions
over the URL (path and query) of article and listing pages; the crawler uses
them to tell the two apart (registry notes §2), so keep them specific.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from lxml.cssselect import CSSSelector


@dataclass(frozen=True)
class CmsRule:
    """What one CMS looks like and where its article pages keep each part."""

    id: str
    name: str
    #: regexes matched (case-insensitively) against ``<meta name="generator">``
    generator: tuple[str, ...] = ()
    #: selectors whose presence signals the CMS
    markers: tuple[str, ...] = ()
    #: URL regexes of article pages (used by the crawler too)
    article_url: tuple[str, ...] = ()
    #: URL regexes of listing pages: categories, pagers, tags (used by the crawler)
    listing_url: tuple[str, ...] = ()
    content: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    byline: tuple[str, ...] = ()
    #: elements whose whole text is the source an item was republished from
    source: tuple[str, ...] = ()
    lead: tuple[str, ...] = ()
    #: blocks listing attached files outside the body
    attachments: tuple[str, ...] = ()
    #: URL regexes of downloads that do not end in a document extension
    attachment_url: tuple[str, ...] = ()
    prune: tuple[str, ...] = ()
    notes: str = ""


def _cls(name: str) -> str:
    """XPath test for one class token (CSS ``.name`` without cssselect's cost)."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


NUKEVIET = CmsRule(
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
    lead=(".news_column .hometext", "#hometext"),
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

LIFERAY = CmsRule(
    id="liferay",
    name="Liferay Portal",
    markers=(
        "//script[contains(., 'Liferay')]",
        "//*[starts-with(@id, 'p_p_id_')]",
        f"//*[{_cls('portlet-boundary')}]",
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

WEBSPHERE = CmsRule(
    id="websphere",
    name="IBM WebSphere Portal (+WCM)",
    markers=(
        "//script[contains(., 'ibmCfg')]",
        f"//*[{_cls('wpthemeFrame')}]",
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

DRUPAL = CmsRule(
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

JOOMLA = CmsRule(
    id="joomla",
    name="Joomla (1.5 to 4, with K2)",
    generator=(r"joomla",),
    markers=(
        "//*[@id='k2Container']",
        f"//*[{_cls('item-page')}]",
        f"//table[{_cls('contentpaneopen')}]",
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
        f"//table[{_cls('contentpaneopen')}][not(.//td[{_cls('contentheading')}])]",
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

ASPNET = CmsRule(
    id="aspnet",
    name="ASP.NET WebForms (generic)",
    markers=("//input[@name='__VIEWSTATE']",),
    article_url=(
        r"ArticleDetail\.aspx\?",
        r"/post/\d+/[^/]+\.aspx$",
        r"\.aspx\?(?:.*&)?(?:tin_id|NewsID|_Article_ID|ArticleID|newsid|ID)=\d+",
    ),
    listing_url=(r"/List[^/]*\.aspx", r"[?&]cdtype=", r"[?&](?:page|trang)=\d+"),
    content=(
        "//*[contains(@id, 'pnlContent') or contains(@id, 'lblContent')]",
        ".ArticleContent",
        ".detail .detail-content",
    ),
    title=("//*[contains(@id, 'lblTitle')]", ".ArticleTitle", ".detail .detail-title"),
    date=("//*[contains(@id, 'lblDate')]", ".ArticleDate", ".detail .detail-date"),
    lead=("//*[contains(@id, 'lblSummary')]", ".ArticleSummary", ".detail .detail-sapo"),
    byline=("//td[starts-with(normalize-space(.), 'Tác giả')]",),
    attachments=("//td[starts-with(normalize-space(.), 'File đính kèm')]",),
    prune=(".detail-tool", ".other-news"),
    notes="Whole pages sit in <form id='aspnetForm'> and tables; bodies are often pasted from Word "
    "(MsoNormal, conditional comments).",
)

DOTNETNUKE = CmsRule(
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

KENTICO = CmsRule(
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

PHPNUKE = CmsRule(
    id="phpnuke",
    name="PHP-Nuke style portals",
    generator=(r"php-?nuke",),
    markers=("//a[contains(@href, 'modules.php?name=')]", "//font[@class='title']"),
    article_url=(
        r"modules\.php\?(?:.*&)?(?:op=viewst|file=article)",
        r"modules\.php\?(?:.*&)?sid=\d+",
    ),
    listing_url=(
        r"modules\.php\?name=[^&]+$",
        r"modules\.php\?(?:.*&)?(?:new_topic|catid|pagenum)=\d+",
    ),
    content=("//td[font[@class='content']][not(.//table)]/font[@class='content']",),
    title=("font.title", "td.title"),
    date=("//td[font[@class='content']]/font[@class='content'][i]",),
    prune=(),
    notes="Table layouts, bodies as text separated by <br><br>, often windows-1258.",
)

WORDPRESS = CmsRule(
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


def _with_class(tags: str, names: str) -> str:
    """XPath for ``tags`` (``div|p``) carrying any of the space-separated class ``names``."""
    test = " or ".join(f"self::{t}" for t in tags.split("|"))
    classes = " or ".join(_cls(n) for n in names.split())
    return f"//*[{test}][@class][{classes}]"


GENERIC = CmsRule(
    id="generic",
    name="Any site (common Vietnamese portal markup)",
    content=(
        "[itemprop='articleBody']",
        "//*[self::div or self::section or self::article][@id][contains(translate(@id, "
        "'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), 'noidung') "
        "or contains(@id, 'content-detail')]",
        _with_class(
            "div|section|article",
            "news-content detail-content content-detail article-content article-body "
            "news-detail-content post-content entry-content noidung noi-dung chitiet chi-tiet "
            "NewsContent ArticleContent detail-body news-body content-news",
        ),
    ),
    title=(
        "[itemprop='headline']",
        _with_class(
            "h1|h2|h3|p|div",
            "news-title detail-title title-detail article-title title-news entry-title post-title "
            "NewsTitle ArticleTitle tieude tieu-de title-article",
        ),
    ),
    date=("[itemprop='datePublished']",),
    lead=(
        _with_class(
            "div|p|h2|h3",
            "sapo news-sapo detail-sapo summary article-summary news-summary lead news-lead "
            "tomtat tom-tat chapeau",
        ),
    ),
    byline=(
        "[itemprop='author']",
        _with_class(
            "div|p|span",
            "author author-name author-block author-box byline news-author article-author "
            "tacgia tac-gia",
        ),
    ),
    notes="Tried after the hint and CMS rules, and alone when no CMS is detected. Its lead and "
    "byline matches count only next to the article (between the headline and the body's end).",
)

RULES: dict[str, CmsRule] = {
    r.id: r
    for r in (
        NUKEVIET,
        LIFERAY,
        WEBSPHERE,
        DRUPAL,
        JOOMLA,
        DOTNETNUKE,
        KENTICO,
        ASPNET,
        PHPNUKE,
        WORDPRESS,
        GENERIC,
    )
}

#: Chrome that no article keeps, whatever the CMS: related lists, tools, counters, forms.
BOILERPLATE_PRUNE: tuple[str, ...] = (
    "//script",
    "//style",
    "//noscript",
    "//form//input",
    "//select",
    "//textarea",
    "//button",
    "//marquee",
    "//iframe",
    "//*[@role='navigation' or @role='banner' or @role='contentinfo' or @role='complementary']",
    "//nav",
    "//aside",
    "//footer",
)

#: Class/id words of blocks that are chrome when they sit inside an article.
CHROME_WORDS: tuple[str, ...] = (
    "related",
    "other-news",
    "othernews",
    "other_news",
    "tinkhac",
    "tin-khac",
    "same-category",
    "share",
    "sharing",
    "social",
    "print",
    "comment",
    "rating",
    "tags",
    "keywords",
    "breadcrumb",
    "pagination",
    "pager",
    "nav-links",
    "post-navigation",
    "counter",
    "poll",
    "login",
    "toolbar",
    "tools",
    "copyright",
    "advert",
    "banner",
)

#: Whole text lines that are chrome when they survive into the extracted text.
BOILERPLATE_LINES: tuple[str, ...] = (
    r"^(?:các\s+|những\s+)?(?:tin|bài|bài viết|tin bài)\s+"
    r"(?:khác|liên quan|mới hơn|cũ hơn|cùng chuyên mục"
    r"|đã đưa|mới nhất|xem nhiều|mới|nổi bật)\s*:?$",
    r"^(?:related( news| posts)?|same category|more news|read more|có liên quan)\s*:?$",
    r"^(?:số\s+)?(?:lượt xem|lượt đọc|view count|views|lượt truy cập|số người online|đang truy cập"
    r"|hôm nay|hôm qua|tổng lượt truy cập)\s*:?\s*[\d.,\s]*$",
    r"^[\d.,]+\s+(?:lượt xem|lượt đọc|views?)$",
    r"^\[?\s*(?:in bài(?: viết)?|in trang|bản in|bản để in|in ra"
    r"|gửi (?:email|e-mail|cho bạn bè|bạn bè|bài viết)"
    r"|chia sẻ|về đầu trang|đầu trang|lên đầu trang|trở về|quay lại"
    r"|xem tiếp|xem thêm|xem tất cả|đóng cửa sổ"
    r"|print|email|e-mail|share)\b.{0,60}$",
    r"^(?:từ khóa|từ khoá|tags?|thẻ|chủ đề)\s*:",
    r"^(?:tổng số điểm của bài viết|click để đánh giá|đánh giá bài viết|xếp hạng)\b",
    r"^(?:file|tập tin|tài liệu) đính kèm\s*:",
    r"^(?:url của bản tin này|nguồn bài viết)\s*:",
)


# --------------------------------------------------------------------------- selectors


def is_xpath(text: str) -> bool:
    return text.startswith(("/", "./", "("))


@lru_cache(maxsize=1024)
def compile_selector(text: str) -> etree.XPath | None:
    """An XPath or CSS selector, compiled once; None when it does not parse."""
    try:
        if is_xpath(text):
            return etree.XPath(text)
        return etree.XPath(CSSSelector(text).path)
    except Exception:  # noqa: BLE001 - a broken selector in a hint must not stop extraction
        return None


def select(tree: Any, text: str) -> list[Any]:
    """Elements matched by one selector string (never raises)."""
    compiled = compile_selector(text)
    if compiled is None:
        return []
    try:
        found = compiled(tree)
    except Exception:  # noqa: BLE001 - e.g. an XPath that evaluates to a number
        return []
    return [f for f in found if isinstance(f, etree.ElementBase)] if isinstance(found, list) else []


# --------------------------------------------------------------------------- detection


def detect_cms(tree: Any, url: str, hint: str | None = None) -> str | None:
    """The CMS id of a page: the registry hint, else generator meta, markers and URL shape.

    Returns None when nothing points to a known CMS (the generic rules apply).
    """
    if hint and hint in RULES:
        return hint
    scores = {rule.id: _score(rule, tree, url) for rule in RULES.values() if rule.id != "generic"}
    best = max(scores.items(), key=lambda kv: kv[1], default=("", 0))
    return best[0] if best[1] > 0 else None


def _score(rule: CmsRule, tree: Any, url: str) -> int:
    score = 0
    generator = _generator(tree) if tree is not None else ""
    if generator and any(re.search(p, generator, re.IGNORECASE) for p in rule.generator):
        score += 6
    if tree is not None:
        score += 2 * sum(1 for m in rule.markers if select(tree, m))
    target = _path_and_query(url)
    if any(re.search(p, target, re.IGNORECASE) for p in rule.article_url + rule.listing_url):
        score += 1
    return score


def _generator(tree: Any) -> str:
    values = tree.xpath("//meta[translate(@name, 'GENRATO', 'genrato')='generator']/@content")
    return " ".join(str(v) for v in values)


def _path_and_query(url: str) -> str:
    parts = urlsplit(url or "")
    return parts.path + ("?" + parts.query if parts.query else "")


def url_kind(url: str, cms: str | None = None) -> str | None:
    """'article' or 'listing' when a CMS rule's URL shapes recognise ``url``, else None."""
    target = _path_and_query(url)
    rules = [RULES[cms]] if cms in RULES else list(RULES.values())
    for rule in rules:
        if any(re.search(p, target, re.IGNORECASE) for p in rule.listing_url):
            return "listing"
        if any(re.search(p, target, re.IGNORECASE) for p in rule.article_url):
            return "article"
    return None


# --------------------------------------------------------------------------- hints

_HINT_FIELDS = ("content", "title", "date", "byline", "source", "lead")


def rules_for(cms: str | None, hints: Mapping[str, Any] | None = None) -> list[CmsRule]:
    """The rules to try, most specific first: site hints, the CMS rule, the generic rule."""
    chain: list[CmsRule] = []
    hint_rule = rule_from_hints(hints or {})
    if hint_rule is not None:
        chain.append(hint_rule)
    if cms in RULES and cms != "generic":
        chain.append(RULES[cms])
    chain.append(GENERIC)
    return chain


def rule_from_hints(hints: Mapping[str, Any]) -> CmsRule | None:
    """A registry site's ``hints`` table as a rule (``author`` is an alias of ``byline``)."""
    values: dict[str, Any] = {}
    for name in _HINT_FIELDS:
        key = "author" if name == "byline" and "author" in hints else name
        if isinstance(hints.get(key), str) and hints[key]:
            values[name] = (hints[key],)
    prune = hints.get("prune")
    if isinstance(prune, list | tuple):
        values["prune"] = tuple(p for p in prune if isinstance(p, str) and p)
    if not values:
        return None
    return replace(CmsRule(id="site", name="site hints"), **values)
