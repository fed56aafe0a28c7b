"""Only for `scrapyd-deploy`, which builds eggs with `python setup.py bdist_egg` (and
would write its own setup.py, without the package data, if this one were missing).
Everything is configured in pyproject.toml."""

from setuptools import setup

setup()
