"""The sample web: generated school sites served on loopback, with ground truth.

Seven sites reproduce the CMS shapes of the real school sites (registry
notes §2–§5): NukeViet 4, Liferay, a WebSphere portal subsite behind a path
prefix, Drupal 7, Joomla 3, an old table-laid ASP.NET site served in
windows-1258, and WordPress. Tests, the demo, the benchmarks and the
fault-injection campaign crawl it; :class:`SampleArticle` records what the
archive should find. It never imports Scrapy.

    web = build_sample_web(articles_per_site=12)
    with SampleWebServer(web) as server:
        server.write_sites("sites.toml")
        truth = web.articles            # absolute URLs once bound

Modules, each importing only those listed before it:
:mod:`.core` (the shared core: entries, sites and ground truth, the
:class:`~.core.site.CmsStyle` base, page chrome, request/response types and
:func:`~.core.routing.dispatch`, Vietnamese text, dates, windows-1258,
templates, feeds, PDFs); :mod:`.cms` (one emulation per CMS: :mod:`.cms.nukeviet`,
:mod:`.cms.liferay`, :mod:`.cms.websphere`, :mod:`.cms.drupal`,
:mod:`.cms.joomla`, :mod:`.cms.aspnet`, :mod:`.cms.wordpress`; never each
other); :mod:`.styles` (the style table); :mod:`.web` (:func:`build_sample_web`,
:class:`SampleWeb`); :mod:`.server` (loopback server, faults hook) and
:mod:`.static` (files + manifest + nginx snippet); :mod:`.faults` (the fault
catalogue); :mod:`.audit` (crawls in subprocesses, checks against the truth) and
:mod:`.throughput` (``python -m sampleweb bench``: pages/s for one keep-alive
client). ``pyproject.toml``'s import contracts check the order.

Ground truth: ``web.articles`` (regenerated on each call), ``web.article(url)``,
``web.listing_urls(site)``, ``web.other_urls(site)``, ``web.outside_urls(site)``
(portal pages beyond the path prefix). Article URLs are paths until a server
(or :func:`write_static`) binds the sites to base URLs.
"""

from sampleweb.core.entries import SampleArticle, SampleSite
from sampleweb.core.pages import Request, Response
from sampleweb.server import FAULT_HANDLERS, ResetConnection, SampleWebServer
from sampleweb.static import write_static
from sampleweb.web import SampleWeb, build_sample_web

__all__ = [
    "FAULT_HANDLERS",
    "Request",
    "ResetConnection",
    "Response",
    "SampleArticle",
    "SampleSite",
    "SampleWeb",
    "SampleWebServer",
    "build_sample_web",
    "write_static",
]
