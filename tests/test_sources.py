"""Reading sources: headers, encodings, line ends, empty and binary files."""

import codecs

import pytest

from generator.inputs.sources import read_source
from tests.conftest import read_sources

TEXT = "De NAVO en Oekraïne.\n\nTweede alinea."


@pytest.mark.parametrize(
    ("data", "warns"),
    [
        (TEXT.encode("utf-8"), False),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), False),
        (TEXT.encode("utf-16"), False),
        (TEXT.replace("\n", "\r\n").encode("utf-8"), False),
        (TEXT.encode("cp1252"), True),
    ],
)
def test_encodings_and_line_ends_give_the_same_text(data, warns):
    source, problems = read_source(data, "seeds/a.txt")
    assert source.text == TEXT
    assert bool(problems) == warns
    if warns:
        assert problems[0].file == "seeds/a.txt" and "UTF-8" in problems[0].message


@pytest.mark.parametrize(("data", "reason"), [(b"", "no text"), (b"  \n\t\n", "no text"), (b"\x89PNG\r\n\x1a\n\x00\x00", "binary")])
def test_unpublishable_files_are_reported_by_name(data, reason):
    source, problems = read_source(data, "seeds/leeg.txt")
    assert source is None
    assert problems[0].file == "seeds/leeg.txt" and reason in problems[0].message


def test_header_on_the_same_line_as_the_text():
    source, _ = read_source(b" date 2025-07 LONDEN (ANP) - Tekst.\n\nMeer.", "seeds/a.txt")
    assert source.header_date == "2025-07"
    assert source.text == "LONDEN (ANP) - Tekst.\n\nMeer."


def test_header_alone_on_its_line():
    source, _ = read_source(b"\n  date 2026-03-02\nTekst.", "seeds/a.txt")
    assert (source.header_date, source.text) == ("2026-03-02", "Tekst.")


def test_header_only_file_is_empty():
    source, problems = read_source(b" date 2025-07\n", "seeds/a.txt")
    assert source is None and "no text" in problems[0].message


def test_folder_is_read_in_name_order_and_other_files_are_ignored(tmp_path):
    (tmp_path / "b.txt").write_text("Twee.")
    (tmp_path / "a.md").write_text("---\ntitle: Een\n---\nEen.")
    (tmp_path / "c.yml").write_text("title: niet een bron")
    (tmp_path / ".verborgen.txt").write_text("Nee.")
    (tmp_path / "d.txt").write_bytes(b"")
    sources, problems = read_sources(tmp_path, tmp_path)
    assert [s.path for s in sources] == ["a.md", "b.txt"]
    assert [p.file for p in problems] == ["d.txt"]


def test_unknown_front_matter_keys_warn():
    source, problems = read_source(b"---\ntitel: x\n---\nTekst.", "seeds/a.md", "markdown")
    assert source is not None
    assert "front matter key 'titel' is not used" in problems[0].message


def test_a_markdown_source_url_must_be_a_web_address():
    from generator.inputs.sources import read_source

    good, problems = read_source(b"---\nurl: https://nos.nl/artikel/1\n---\nTekst.\n", "seeds/a.md", "markdown")
    assert good.meta_value("url") == "https://nos.nl/artikel/1" and problems == []
    bad, problems = read_source(b"---\nurl: javascript:alert(1)\n---\nTekst.\n", "seeds/b.md", "markdown")
    assert bad.meta_value("url") is None
    assert any("not a web address" in p.message and p.file == "seeds/b.md" for p in problems)
