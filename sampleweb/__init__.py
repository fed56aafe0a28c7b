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

Modules: :mod:`.model` (sites, entries, ground truth), :mod:`.text` and
:mod:`.vocab` (Vietnamese text), one module per CMS style (:mod:`.nukeviet`,
:mod:`.liferay`, :mod:`.websphere`, :mod:`.drupal`, :mod:`.joomla`,
:mod:`.aspnet`, :mod:`.wordpress`), :mod:`.routing` (request → response,
conditional requests), :mod:`.server` (loopback server, faults hook) and
:mod:`.static` (files + manifest + nginx snippet) and :mod:`.throughput`
(``python -m sampleweb bench``: pages/s for one keep-alive client).

Ground truth: ``web.articles`` (regenerated on each call), ``web.article(url)``,
``web.listing_urls(site)``, ``web.other_urls(site)``, ``web.outside_urls(site)``
(portal pages beyond the path prefix). Article URLs are paths until a server
(or :func:`write_static`) binds the sites to base URLs.
"""

from sampleweb.model import SampleArticle, SampleSite, SampleWeb, build_sample_web
from sampleweb.routing import Request, Response
from sampleweb.server import FAULT_HANDLERS, ResetConnection, SampleWebServer
from sampleweb.static import write_static

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
