"""The generator checks every link it writes: each points to a page it writes or to a file in docs/.

MkDocs only warns about broken Markdown links, and not at all about links inside HTML blocks,
so the generator checks its own pages before they are written: a broken link is an error that
names the page and the target, and the build exits 1.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote

from generator.errors import ERROR, Problem
from generator.model import Page
from generator.slugs import page_url

# A Markdown link or image target, `](target)` or `](<target>)`, not one escaped as text
# (`\]`), and an HTML `href`/`src` attribute in a block the generator wrote.
_MARKDOWN_TARGET = re.compile(r"(?<!\\)\]\((?:<([^>\n]*)>|([^)\s]*))")
_HTML_TARGET = re.compile(r"""\b(?:href|src)=(?:"([^"]*)"|'([^']*)')""")
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.IGNORECASE)


def link_targets(text: str) -> Iterable[tuple[str, str]]:
    """Every relative link in a page's text as (kind, target) without query and fragment:
    kind "md" for a Markdown link (relative to the page's file), "html" for an HTML attribute
    (relative to the page's URL)."""
    for kind, pattern in (("md", _MARKDOWN_TARGET), ("html", _HTML_TARGET)):
        for match in pattern.finditer(text):
            target = match.group(1) if match.group(1) is not None else match.group(2)
            if not target or _EXTERNAL.match(target):
                continue
            target = re.split(r"[?#]", target, maxsplit=1)[0]
            if target:
                yield kind, unquote(target)


def _url_candidates(url: str) -> list[str]:
    """The docs/ files a site URL can come from."""
    if url in ("", "."):
        return ["index.md"]
    if url.endswith("/"):
        stem = url.rstrip("/")
        return [f"{stem}.md", f"{stem}/index.md"]
    if url.endswith(".html"):
        return [f"{url[:-5]}.md", url]
    return [url]


def target_files(page_path: str, kind: str, target: str, directory_urls: bool = True) -> list[str]:
    """The docs/ paths a link from a page can point to (any one of them existing is enough)."""
    if kind == "md":
        return [posixpath.normpath(posixpath.join(posixpath.dirname(page_path), target))]
    base = page_url(page_path, directory_urls)
    folder = base if base.endswith("/") or not base else posixpath.dirname(base) + "/" if "/" in base else ""
    url = posixpath.normpath(posixpath.join(folder, target)) + ("/" if target.endswith("/") else "")
    return _url_candidates(url.removeprefix("./"))


def broken_links(pages: list[Page], docs: Path, label: str, directory_urls: bool = True) -> list[Problem]:
    """An error for every link in a rendered page that points to no page written and no file in docs/."""
    written = {page.path for page in pages}

    def exists(path: str) -> bool:
        return not path.startswith("..") and (path in written or (docs / path).is_file())

    problems = []
    for page in pages:
        if page.text is None:  # not rendered this run: its links were checked when it was
            continue
        missing = sorted({target for kind, target in link_targets(page.text)
                          if not any(exists(p) for p in target_files(page.path, kind, target, directory_urls))})
        problems += [
            Problem(f"{label}/{page.path}", 0, ERROR,
                    f"links to {target}, which is neither a page the generator writes nor a file in {label}/; "
                    "this is a bug in the generator or a template: report it with this message")
            for target in missing
        ]
    return problems
