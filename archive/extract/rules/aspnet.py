"""ASP.NET WebForms sites without a named CMS."""

from __future__ import annotations

from archive.extract.rules.rule import CmsRule

RULE = CmsRule(
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
