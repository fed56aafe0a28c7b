"""Extract: one fetched page in; its kind, links and article out.

Charset detection, parsing, page kinds, the per-CMS rules, and the finders for
title, date, byline, body and captions. Pure functions: no I/O, no clock, no
database. May import ``archive.sites`` only.
"""
