"""Briefing-site generator: Dutch security-policy sources in, MkDocs pages out."""

__version__ = "0.1.0"
