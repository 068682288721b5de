"""Incremental builds: the cache kept between runs (extracted sources, rendered pages'
fingerprints, file sizes and times), so that an edit rebuilds only what it changes.
The stages themselves do not depend on it."""
