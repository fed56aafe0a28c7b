"""Sites: what the archive covers and how a URL is named.

The registry (TOML, validated) and URL canonicalization and scope. The ground
of ``archive``: it imports nothing else from the package.
"""
