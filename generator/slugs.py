"""Slugs and page paths: one pure module, so every link agrees with every file name."""

from __future__ import annotations

import re
from functools import lru_cache

from slugify import slugify as _slugify

MAX_SLUG = 60
_APOSTROPHES = re.compile(r"['’‘`]")
# Words a cut-off slug should not end on.
_DANGLING = {
    "de", "het", "een", "en", "of", "van", "voor", "op", "in", "met", "aan", "bij", "tot", "te",
    "om", "dat", "die", "als", "naar", "over", "door", "uit", "maar", "nr", "nog", "niet", "zijn", "hun",
}
VALID_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def slugify(text: str, fallback: str = "briefing", max_length: int = MAX_SLUG) -> str:
    """Lowercase ASCII words joined by hyphens; `NAVO's` gives `navos`, never an empty string."""
    text = _APOSTROPHES.sub("", text)
    # text-unidecode is what "auto" ends up with here; naming it skips a failing import per call.
    slug = _slugify(text, max_length=max_length, word_boundary=True, save_order=True, backend="text-unidecode")
    return slug or fallback


def briefing_slug(title: str, date_iso: str | None, fallback: str) -> str:
    """`2025-07-frankrijk-en-het-verenigd-koninkrijk-…`: sorts by date in a folder listing."""
    words = slugify(title, fallback=slugify(fallback)).split("-")
    while len(words) > 1 and words[-1] in _DANGLING:
        words.pop()
    base = "-".join(words)
    return f"{date_iso}-{base}" if date_iso else base


def unique_slugs(wanted: list[str], first: set[int] | frozenset[int] = frozenset()) -> list[str]:
    """Suffix -2, -3, … to repeated slugs, in input order (which the caller keeps stable).

    The slugs at the indexes in `first` (addresses already published) are served before all
    others, so a new page never takes a published page's address from it.
    """
    seen: set[str] = set(wanted)
    counts: dict[str, int] = {}
    result: list[str] = [""] * len(wanted)
    order = sorted(range(len(wanted)), key=lambda i: (i not in first, i))
    for index in order:
        slug = wanted[index]
        counts[slug] = counts.get(slug, 0) + 1
        if counts[slug] == 1:
            result[index] = slug
            continue
        n = counts[slug]
        while f"{slug}-{n}" in seen:
            n += 1
        seen.add(f"{slug}-{n}")
        counts[slug] = n
        result[index] = f"{slug}-{n}"
    return result


def briefing_path(slug: str) -> str:
    return f"briefings/{slug}.md"


def actor_path(actor_id: str) -> str:
    return f"actors/{actor_id}.md"


def dossier_id(dossier: str) -> str:
    """The page name of a Kamerstuk dossier: `36 045` is `36045`, `21 501-28` is `21501-28`."""
    return re.sub(r"[^0-9A-Za-z-]", "", dossier).lower()


def dossier_path(dossier: str) -> str:
    return f"dossiers/{dossier_id(dossier)}.md"


def topic_path(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def relative_link(from_page: str, to_page: str) -> str:
    """A relative link between two docs/ paths, as MkDocs resolves Markdown links."""
    return _relative(from_page.rpartition("/")[0], to_page)


def page_url(page_path: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a docs/ page, relative to the site root: `briefings/x.md` is
    `briefings/x/` (or `briefings/x.html`), an `index.md` its folder; other files keep their path."""
    if not page_path.endswith(".md"):
        return page_path
    stem = page_path[:-3]
    if not directory_urls:
        return f"{stem}.html"
    return stem[:-5] if stem == "index" or stem.endswith("/index") else f"{stem}/"


def url_link(from_page: str, to_page: str, directory_urls: bool = True) -> str:
    """A link for an HTML `href` between two docs/ paths: relative to the page's URL, in the
    form MkDocs writes its own links (`../../actors/navo/`)."""
    return _url_relative(page_url(from_page, directory_urls), page_url(to_page, directory_urls))


@lru_cache(maxsize=65536)
def _url_relative(here: str, there: str) -> str:
    folder = here if here.endswith("/") or not here else here.rpartition("/")[0] + "/" if "/" in here else ""
    up = folder.count("/")
    parts = folder.split("/")[:-1]
    target = there.split("/")
    common = 0
    while common < len(parts) and common < len(target) - 1 and parts[common] == target[common]:
        common += 1
    link = "/".join([".."] * (up - common) + target[common:])
    return link or "./"


@lru_cache(maxsize=65536)
def _relative(folder: str, to_page: str) -> str:
    here = folder.split("/") if folder else []
    there = to_page.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])
