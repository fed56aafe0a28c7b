"""PHP-Nuke style portals."""

from __future__ import annotations

from archive.extract.rules.rule import CmsRule

RULE = CmsRule(
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
