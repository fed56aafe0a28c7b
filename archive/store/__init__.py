"""Store: the archive's one SQLite file.

The schema and its migrations, the writer (``save_*`` functions), exact and
near-duplicate keys, Vietnamese search folding, the summary tables, the lock
and storage checks. May import ``archive.sites`` and ``archive.extract``
(the records it stores).
"""
