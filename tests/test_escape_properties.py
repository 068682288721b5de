"""Property-based: whatever text goes through the escaping, it renders as that text and nothing else."""

import html
import re

import markdown
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.config import ROOT
from generator.inputs.siteconfig import read_mkdocs_yml
from generator.render.escape import attribute_safe, escape_inline, escape_line


def site_extensions():
    """The Markdown extensions the site really uses, read from mkdocs.yml."""
    config = read_mkdocs_yml(ROOT / "mkdocs.yml")
    names = []
    for item in config.get("markdown_extensions", []):
        names.append(next(iter(item)) if isinstance(item, dict) else item)
    return names + ["tables", "md_in_html", "footnotes", "abbr", "def_list"]  # and some it might add later


EXTENSIONS = site_extensions()
# Text as sources contain it: any printable characters, lots of markup characters, no line breaks.
MARKUP = "<>&*_`~^=[]{}()|\\#!-+:.\"' /\t1"
line_text = st.text(alphabet=st.one_of(st.sampled_from(MARKUP), st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))), max_size=80)


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def visible(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


def normalise(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(line_text)
@example("<script>alert(1)</script>")
@example("1. * [x](javascript:alert(1)) {{ x }} {% y %} <!-- z")
@example("    ```\t|a|b|")
@example('!!! danger "Gehackt"')
@example("??? note")
def test_escaped_line_is_one_paragraph_of_the_same_text(text):
    rendered = render(escape_line(text))
    if not normalise(text):
        assert rendered == ""
        return
    assert re.findall(r"</?([a-zA-Z][\w-]*)", rendered) == ["p", "p"], rendered
    assert visible(rendered) == normalise(text)


@settings(max_examples=300, deadline=None)
@given(line_text, line_text)
def test_escaped_text_never_changes_the_structure_around_it(before, inside):
    page = f"# Kop\n\n{escape_line(before) or 'x'}\n\n- [{escape_inline(inside) or 'x'}](../actors/navo.md)\n"
    tags = re.findall(r"</?([a-zA-Z][\w-]*)", render(page))
    assert tags == ["h1", "h1", "p", "p", "ul", "li", "a", "a", "li", "ul"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_attribute_safe_text_cannot_open_a_tag_or_an_entity(text):
    safe = attribute_safe(text)
    assert not set(safe) & set('<>&"\\')
    assert "\n" not in safe
