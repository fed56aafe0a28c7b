"""The Scrapy project: discovery, politeness and fetching for tct-archive."""
