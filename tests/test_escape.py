"""Source text must reach the page as text: no HTML, no Markdown structure, nothing lost."""

import html
import re

import markdown
import pytest

from generator.render.escape import attribute_safe, escape_inline, escape_line

EXTENSIONS = ["toc", "attr_list", "admonition", "tables", "md_in_html", "footnotes", "abbr", "def_list"]

HOSTILE = [
    "<script>alert('x')</script>",
    '<iframe src="https://example.org"></iframe>',
    "<img src=x onerror=alert(1)>",
    "[klik](javascript:alert(1))",
    "![beeld](javascript:alert(1))",
    "<https://example.org>",
    "# geen kop",
    "## ook geen kop ##",
    "> geen citaat",
    "- geen lijst",
    "* geen lijst",
    "+ geen lijst",
    "1. geen lijst",
    "2) geen lijst",
    "---",
    "===",
    "| a | b |",
    "```python",
    "~~~",
    "    geen code door inspringen",
    "<!-- geen commentaar",
    "{{ config.site_name }} {% include 'x' %}",
    "Tekst { #id .class onclick=alert(1) }",
    "*nadruk* en **vet** en _ook_ en `code`",
    "Prijs: 10.000 euro & 2 procent < 3 procent > 1 procent",
    "&lt;script&gt; blijft tekst",
    "[^1]: geen voetnoot",
    "*[NAVO]: geen afkorting",
    "term\n: geen definitie",
    "regel met backslash \\ en \\*",
]


def render(markdown_text: str) -> str:
    return markdown.markdown(markdown_text, extensions=EXTENSIONS)


def visible_text(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_line_renders_as_one_plain_paragraph_with_the_same_text(text):
    text = " ".join(text.split())
    rendered = render(escape_line(text))
    tags = re.findall(r"</?([a-z0-9]+)", rendered)
    assert tags == ["p", "p"], rendered
    assert visible_text(rendered) == text


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_inside_a_link_stays_link_text(text):
    rendered = render(f"[{escape_inline(text)}](../actors/navo.md)")
    assert re.findall(r"</?([a-z0-9]+)", rendered) == ["p", "a", "a", "p"]
    assert visible_text(rendered) == " ".join(text.split())


def test_readable_text_stays_readable_in_the_markdown():
    text = 'Macron zei: "Het is niet unaniem" (donderdag), aldus de Franse president.'
    assert escape_line(text) == text


@pytest.mark.parametrize("text", ["</title><script>alert(1)</script>", 'a"b', "&lt;/title&gt;", "x\\y"])
def test_attribute_safe_text_has_no_markup_characters(text):
    safe = attribute_safe(text)
    assert not set(safe) & set('<>&"\\')
    assert len(safe) == len(text)
