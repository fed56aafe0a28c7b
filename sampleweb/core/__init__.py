"""The sample web's shared core, which imports nothing else of :mod:`sampleweb`.

Data: :mod:`.entries` (site descriptions, article entries, categories, tags,
the ground truth :class:`~.entries.SampleArticle`); :mod:`.site` (the run-time
:class:`~.site.SiteModel` and :class:`~.site.CmsStyle`, the base of every CMS
emulation); :mod:`.pages` (request, page, response types) and :mod:`.routing`
(:func:`~.routing.dispatch`: request → response, conditional requests);
:mod:`.chrome` (page chrome every CMS prints). Helpers: :mod:`.text` and
:mod:`.vocab` (Vietnamese text), :mod:`.dates`, :mod:`.cp1258`,
:mod:`.templates`, :mod:`.feeds`, :mod:`.pdf`.
"""
