"""What every page renderer shares: the Jinja environment, Markdown and HTML links, the page
assembler, and the helpers for source text, notes and letters.

Every value a template prints is escaped as Markdown text unless it is an `Md`
(Markdown this package built itself, such as a link), so source text cannot
become markup however a template is written."""

from __future__ import annotations

import re

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator import yamlio
from generator.model import SOURCE_TYPES, Block, Briefing, Page, PartialDate, Site
from generator.render.escape import escape_inline, escape_line, html_text
from generator.render.stamp import mark, stamp
from generator.slugs import actor_path, briefing_path, relative_link, topic_path, url_link

# Where a reader who wants to correct a page is sent (each page's `generated.edit`).
EDIT_SOURCES, EDIT_ACTORS, EDIT_TOPICS = "seeds/", "data/actors.yml", "data/topics.yml"
UNDATED = "zonder datum"


def dutch_date(date: PartialDate | None) -> str:
    """A date as the site prints it, in Dutch at its precision; `zonder datum` for none."""
    return date.dutch if date else UNDATED


KIND_LABELS = {"person": "Persoon", "country": "Land", "organisation": "Organisatie"}


KIND_PLURALS = {"person": "Personen", "country": "Landen", "organisation": "Organisaties"}


class Md(str):
    """Markdown built by the generator itself: printed as is."""


def finalize(value: object) -> str:
    if isinstance(value, Md):
        return value
    if value is None:
        return ""
    return escape_line(str(value))


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator.render", "templates"),
        undefined=StrictUndefined,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["mdjoin"] = lambda items, sep=" · ": Md(sep.join(finalize(i) for i in items))
    env.filters["dutch_date"] = dutch_date
    env.filters["source_type_label"] = lambda t: SOURCE_TYPES.get(t, t)
    env.filters["kind_label"] = lambda k: KIND_LABELS[k]
    return env


ENV = _environment()


def linker(page_path: str):
    def link(text: object, target: str) -> Md:
        return Md(f"[{finalize(text)}]({relative_link(page_path, target)})")

    return link


# The lists the generator computes (figures, quotations, related briefings, provenance, an
# actor's briefings) are written as HTML blocks: Python-Markdown passes them through without
# running its inline patterns over every link, which is most of a site build's time. Every
# text in them is HTML-escaped (`html_text`), every link is relative to the page's URL as
# MkDocs writes its own, and the build checks each one (render/linkcheck.py).

def html_list(items, css: str = "") -> Md:
    """A `<ul>` block of list items that are already HTML."""
    opening = f'<ul class="{css}">' if css else "<ul>"
    return Md("\n".join([opening, *(f"<li>{item}</li>" for item in items), "</ul>"]))


def html_linker(page_path: str, directory_urls: bool):
    def link(text: object, target: str) -> str:
        return f'<a href="{html_text(url_link(page_path, target, directory_urls))}">{html_text(text)}</a>'

    return link


def external_link(text: object, url: str | None) -> str:
    """A link to a page outside the site, http(s) only; anything else stays text."""
    if url and re.match(r"https?://", url, re.IGNORECASE):
        return f'<a href="{html_text(url)}">{html_text(text)}</a>'
    return html_text(text)


# How lists mark an actor that is not in data/actors.yml yet (the briefing header and the
# graph say the same in their own way): in words, not by colour alone.
UNREVIEWED_LABEL = "nog niet gecontroleerd"


UNREVIEWED_MARK = f"*({UNREVIEWED_LABEL})*"


def page_context(site: Site, page_path: str, directory_urls: bool = True) -> dict:
    registry = site.registry
    link = linker(page_path)
    hlink = html_linker(page_path, directory_urls)
    candidates = site.unreviewed  # (only actors with a page are linked)

    def actor_a(actor_id: str, mark: bool = True) -> str:
        """An HTML link to an actor's page, marked in words when the actor is not reviewed."""
        shown = hlink(site.actors[actor_id].name, actor_path(actor_id))
        return f"{shown} <em>({UNREVIEWED_LABEL})</em>" if mark and actor_id in candidates else shown

    def actor_link(actor_id: str, mark: bool = True) -> Md:
        """A link to an actor's page; a name not yet in the registry says so in words."""
        shown = link(site.actors[actor_id].name, actor_path(actor_id))
        return Md(f"{shown} {UNREVIEWED_MARK}") if mark and actor_id in candidates else shown

    topic_link = lambda topic_id: link(registry.topic_by_id[topic_id].label, topic_path(topic_id))  # noqa: E731
    return {
        "link": link,
        "link_external": lambda text, url: Md(f"[{finalize(text)}](<{url.replace('>', '%3E').replace(' ', '%20')}>)"),
        "actor_link": actor_link,
        "topic_link": topic_link,
        "briefing_link": lambda slug: link(site.briefing(slug).title, briefing_path(slug)),
        "hlink": hlink,
        "actor_a": actor_a,
        "briefing_a": lambda slug: hlink(site.briefing(slug).title, briefing_path(slug)),
        "html_list": html_list,
        "h": html_text,
        "site": site,
        "registry": registry,
    }


def make_page(path: str, front: dict, template: str, edit: str, **context) -> Page:
    """Assemble front matter and body; the checksum lets `write` spot hand edits."""
    front = dict(front)
    front["generated"] = mark(edit)
    body = ENV.get_template(template).render(**context)
    return Page(path, stamp(f"---\n{yamlio.dump(front)}---\n\n{body.rstrip()}\n"))


def note_block(note: str) -> Md:
    """An analyst's note as escaped paragraphs, indented for an admonition: shown as text."""
    paragraphs = [
        "<br>\n    ".join(escape_line(line) for line in para.splitlines() if line.strip())
        for para in re.split(r"\n\s*\n", note)
        if para.strip()
    ]
    return Md("    " + "\n\n    ".join(paragraphs))


def source_lines(block: Block, actor_target=None) -> Md:
    """A paragraph of source text, each line escaped, line breaks kept, first mentions linked.

    `actor_target(actor_id)` gives the relative link to an actor page, or None for no
    link (as for an actor a contributor removed from the briefing).
    """
    lines = []
    for index, line in enumerate(block.lines):
        links = []
        for i, start, end, actor_id in block.links:  # in text order: a target may count first mentions
            target = actor_target(actor_id) if i == index and actor_target is not None else None
            if target is not None:
                links.append((start, end, target))
        if not links:
            lines.append(escape_line(line))
            continue
        links.sort()
        parts, cursor = [], 0
        for start, end, target in links:
            piece = line[cursor:start]
            if cursor == 0:
                parts.append(escape_line(piece) + piece[len(piece.rstrip()) :] if piece.strip() else "")
            else:
                parts.append(_escape_middle(piece))
            parts.append(f"[{escape_inline(line[start:end])}]({target})")
            cursor = end
        parts.append(_escape_middle(line[cursor:]))
        lines.append("".join(parts))
    return Md("<br>\n".join(lines))


def _escape_middle(text: str) -> str:
    """Escape a piece of a line that does not start it: spaces at its edges are kept."""
    if not text.strip():
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return lead + escape_inline(text.strip()) + trail


def reading_minutes(briefing: Briefing) -> int:
    """Minutes a reader needs for the source text, at 200 words a minute."""
    words = sum(len(line.split()) for block in briefing.blocks for line in block.lines)
    return max(1, -(-words // 200))


def official_url(briefing: Briefing) -> str | None:
    """A Kamerstuk's page on the official publication site, from its dossier and number."""
    letter = briefing.letter
    if not letter or not letter.dossier or not letter.number:
        return None
    dossier = re.sub(r"\s+", "", letter.dossier)
    if not re.fullmatch(r"\d{4,6}(?:-[A-Z]{1,3})?", dossier) or not letter.number.isdigit():
        return None
    return f"https://zoek.officielebekendmakingen.nl/kst-{dossier}-{letter.number}.html"


def dossier_title(site: Site, dossier: str) -> str:
    """The dossier's title as its newest letter that gives one prints it."""
    return next((t for s in site.by_dossier.get(dossier, ()) if (t := site.briefing(s).letter.dossier_title)), "")


def timeline_filter(page_path: str, key: str, value: str) -> Md:
    """A link to the timeline with its filter set (the browser script reads ?actor= and ?topic=)."""
    return Md(f"{relative_link(page_path, 'timeline.md')}?{key}={value}")
