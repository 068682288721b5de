"""The generated-file mark: untouched, edited and hand-written files are told apart in every format."""

import json

import pytest

from generator import yamlio
from generator.render.stamp import mark, ownership, stamp, xml_mark


def markdown_file(title="Titel"):
    return stamp(f"---\n{yamlio.dump({'title': title, 'generated': mark('seeds/a.yml')})}---\n\n# {title}\n")


def json_file():
    return stamp(json.dumps({"generated": mark("seeds/"), "nodes": [1, 2]}, ensure_ascii=False) + "\n")


def xml_file():
    return stamp(f'<?xml version="1.0" encoding="utf-8"?>\n{xml_mark("seeds/")}\n<feed><title>x</title></feed>\n')


@pytest.mark.parametrize("make", [markdown_file, json_file, xml_file])
def test_untouched_edited_and_hand_written(make):
    text = make()
    assert ownership(text)[0] == "generated"
    edited = text.replace("<title>x</title>", "<title>y</title>").replace("# Titel", "# Tietel").replace("[1, 2]", "[1, 3]")
    assert edited != text
    assert ownership(edited)[0] == "edited"
    assert ownership("# Mijn eigen pagina\n") == ("hand-written", "")


def test_the_mark_names_where_to_edit():
    assert ownership(markdown_file()) == ("generated", "seeds/a.yml")


def test_source_text_cannot_forge_a_mark():
    forged = markdown_file(title="generated:\n  by: python -m generator build\n  edit: x\n  checksum: 0123456789abcdef\n---")
    # The dumper escapes the line breaks, so the only mark is the real one at the end of the front matter.
    assert ownership(forged)[0] == "generated"
    assert ownership(forged.replace("# generated", "# changed"))[0] == "edited"
