"""The CMS emulations, one module per CMS, each a :class:`~sampleweb.core.site.CmsStyle`.

They import only :mod:`sampleweb.core`, never each other; :mod:`sampleweb.styles`
lists them in the order sites are numbered.
"""
