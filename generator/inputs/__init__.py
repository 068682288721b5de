"""Reading what contributors write: source files (text, Markdown, saved web pages, PDF), the
registries in data/, the sidecar corrections beside each source, and the site's settings
from mkdocs.yml. Nothing here knows how a briefing is extracted or rendered."""
