"""Incremental builds, wrapped around the stages from outside; the stages do not depend on it.

- `cache`: the SQLite build cache kept between runs (extracted sources keyed by their bytes,
  the registries and the generator's code; pages' fingerprints, file sizes and times).
- `rows`: the cache's form of a briefing (plain tuples, contexts unpickled only when read).
- `links`: the previous build's related lists and actor pairs, reused where they cannot change.
- `pages`: a fingerprint of what each page shows; pages whose fingerprint and file are as the
  previous build left them are not rendered again.
"""
