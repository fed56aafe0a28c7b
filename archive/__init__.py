"""tct-archive: the web archive of Vietnam's provincial political schools.

The plain-Python core (registry, extraction, storage, dedup, CLI). It never
imports Scrapy; the crawler package imports it.
"""

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
