"""The one way source text enters Markdown: as text, never as markup.

Everything that Markdown, its extensions or HTML could read as structure is
written as a numeric character reference. Python-Markdown passes references
through untouched and the browser shows the character, so the reader sees the
source text exactly, and search indexes it as text.
"""

from __future__ import annotations

import html
import re

# Characters with a meaning anywhere in a line: HTML (<, >, &), emphasis and
# code (*, _, `, ~, ^, =), links, images, footnotes and abbreviations ([, ]),
# attribute lists and template tags ({, }), tables (|), escapes (\) and
# heading marks (#, which also closes a heading at the end of a line).
# Parentheses, quotes and colons only mean something after one of these, so
# they stay readable in the Markdown a reviewer diffs.
_INLINE = re.compile(r"[<>&*_`~^=\[\]{}|\\#]")
# What makes a block when it starts a line: headings, quotes, lists,
# rules, setext underlines, fences, numbered lists (`1.` / `1)`), and the
# admonition (`!!! note`) and details (`??? note`) blocks of the site's extensions.
_LINE_START = re.compile(r"^(?:[-+*>=#|~`:!?]|\d+[.)])")


def _ref(match: re.Match) -> str:
    return f"&#{ord(match.group(0))};"


def escape_inline(text: str) -> str:
    """Escape text that stays inside one line (titles, names, link texts)."""
    text = " ".join(text.split())
    return _INLINE.sub(_ref, text)


def escape_line(line: str) -> str:
    """Escape one line of a paragraph, including what would make it a block."""
    line = escape_inline(line)
    match = _LINE_START.match(line)
    if match:
        first = match.group(0)
        # A number before '.' or ')' keeps its digits; only the marker is encoded.
        line = f"{first[:-1]}&#{ord(first[-1])};{line[len(first):]}"
    return line


def attribute_safe(text: str) -> str:
    """Plain text that the theme may print unescaped, for front-matter titles and descriptions.

    MkDocs themes print `title` and `description` without HTML escaping (and
    Material's `striptags` even decodes references), so these values must hold
    no markup characters at all: they get typographic look-alikes instead.
    """
    text = " ".join(text.split())
    text = re.sub(r'"([^"]*)"', "“\\1”", text)
    return text.translate(str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”", "\\": "∖"}))


def html_text(text: object) -> str:
    """Text for an HTML block the generator writes: every character that HTML reads as markup
    is a reference, and line breaks are spaces (a blank line would end the block early)."""
    return html.escape(" ".join(str(text).split()), quote=True)
