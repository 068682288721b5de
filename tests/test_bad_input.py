"""Every class of bad input: a clear message naming the file, no code run, nothing written
outside docs/'s generated places, every good source still published, text kept as text."""

import codecs
from pathlib import Path

import pytest

from generator.config import Config
from generator.pipeline import build

GOOD = " date 2025-07 De NAVO en Frankrijk spreken over kernwapens, afschrikking en de nucleaire paraplu."


def make_project(tmp_path: Path, files: dict[str, bytes]) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "docs").mkdir()
    data = Path(__file__).resolve().parents[1] / "data"
    (tmp_path / "data").mkdir()
    for name in ("actors.yml", "topics.yml"):
        (tmp_path / "data" / name).write_bytes((data / name).read_bytes())
    (tmp_path / "seeds" / "000_goed.txt").write_text(GOOD, encoding="utf-8")
    for name, content in files.items():
        (tmp_path / "seeds" / name).write_bytes(content)
    return tmp_path


def run(project: Path):
    report = build(Config(sources=project / "seeds", docs=project / "docs", data=project / "data", root=project))
    briefings = {p.name: p.read_text(encoding="utf-8") for p in (project / "docs" / "briefings").glob("*.md") if p.name != "index.md"}
    outside = [p for p in project.rglob("*") if p.is_file() and not p.is_relative_to(project / "docs")
               and not p.is_relative_to(project / "seeds") and not p.is_relative_to(project / "data")]
    assert outside == [], "nothing may be written outside docs/"
    assert any("de-navo-en-frankrijk" in name for name in briefings), "the good source is still published"
    return report, briefings


def messages_for(report, name):
    return [p for p in report.all_problems() if p.file.endswith(name)]


@pytest.mark.parametrize(
    ("content", "warns"),
    [
        (codecs.BOM_UTF8 + "Tekst over de NAVO in Oekraïne.".encode(), False),
        ("Tekst over de NAVO in Oekraïne.".encode("utf-16"), False),
        ("Tekst over de NAVO in Oekraïne.\r\nTweede regel.\r\n".encode(), False),
        ("Tekst over de NAVO in Oekraïne, café.".encode("cp1252"), True),
        ("Tekst over de NAVO in Oekraïne, café.".encode("latin-1"), True),
    ],
)
def test_encodings_are_read_and_the_text_is_published(tmp_path, content, warns):
    report, briefings = run(make_project(tmp_path, {"001_tekst.txt": content}))
    page = next(text for name, text in briefings.items() if "tekst-over-de-navo" in name)
    assert "Oekraïne" in page and "\r" not in page
    warnings = messages_for(report, "001_tekst.txt")
    assert any("UTF-8" in p.message for p in warnings) is warns


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "has no text"), (b"  \n\n\t \n", "has no text"), (b"\x00\x01\x02PNG\x00\xff" * 10, "binary"), (b" date 2025-07\n", "has no text")],
)
def test_unpublishable_files_are_named_and_skipped(tmp_path, content, reason):
    report, briefings = run(make_project(tmp_path, {"001_kapot.txt": content}))
    problems = messages_for(report, "001_kapot.txt")
    assert problems and reason in problems[0].message and problems[0].severity == "error"
    assert len(briefings) == 1


def test_invalid_header_date_warns_and_still_publishes(tmp_path):
    report, briefings = run(make_project(tmp_path, {"001_datum.txt": b" date 2025-13 Tekst over de NAVO."}))
    assert "month 13 does not exist" in messages_for(report, "001_datum.txt")[0].message
    assert len(briefings) == 2


def test_identical_texts_are_published_once_with_a_warning(tmp_path):
    report, briefings = run(make_project(tmp_path, {"001_kopie.txt": GOOD.encode()}))
    assert len(briefings) == 1
    assert "same text as seeds/000_goed.txt" in messages_for(report, "001_kopie.txt")[0].message


def test_corrections_for_a_duplicate_say_that_their_source_is_a_duplicate(tmp_path):
    project = make_project(tmp_path, {"001_kopie.txt": GOOD.encode(), "001_kopie.yml": b"title: Een titel\n"})
    report, briefings = run(project)
    assert len(briefings) == 1
    [problem] = messages_for(report, "001_kopie.yml")
    assert "not published because another source has the same text" in problem.message
    assert "does not exist" not in problem.message


def test_titles_that_collide_get_distinct_pages(tmp_path):
    files = {f"00{i}_x.txt": f" date 2025-07 De NAVO en Frankrijk spreken over kernwapens. Variant {i}.".encode() for i in (1, 2)}
    report, briefings = run(make_project(tmp_path, files))
    assert len(briefings) == 3 and report.errors == 0


@pytest.mark.parametrize("name", ["met spaties erin.txt", "Oekraïne-ëñ.txt", "-begint-met-streep.txt", "x" * 200 + ".txt"])
def test_odd_file_names(tmp_path, name):
    report, briefings = run(make_project(tmp_path, {name: b" date 2024-01 Een bericht over de EU."}))
    assert report.errors == 0
    page = next(text for n, text in briefings.items() if "een-bericht-over-de-eu" in n)
    assert "source: " in page and name[:50] in page


def test_very_large_file_builds(tmp_path):
    paragraph = "De NAVO en Rusland spraken in Kiev over 10.000 troepen. “Dit is een lang citaat van een minister,” zei Mark Rutte.\n\n"
    content = (" date 2025-01 " + paragraph * (5_200_000 // len(paragraph))).encode()
    assert len(content) > 5_000_000
    report, briefings = run(make_project(tmp_path, {"001_groot.txt": content}))
    assert report.errors == 0 and len(briefings) == 2


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"---\ntitle: !!python/object/apply:os.system ['touch pwned']\n---\nTekst.", "not valid YAML"),
        (b"---\ntitle: [unclosed\n---\nTekst.", "not valid YAML"),
        (b"---\n- a list\n---\nTekst.", "must be a mapping"),
    ],
)
def test_unsafe_or_broken_markdown_front_matter_is_refused(tmp_path, content, expected):
    project = make_project(tmp_path, {"001_bron.md": content})
    report, _ = run(project)
    assert expected in messages_for(report, "001_bron.md")[0].message
    assert not list(project.rglob("pwned"))


def test_slug_with_path_traversal_stays_inside_docs(tmp_path):
    project = make_project(tmp_path, {"001_bron.md": b"---\nslug: ../../evil\ntitle: Boos\n---\nTekst over de EU."})
    report, briefings = run(project)
    assert "slug '../../evil' is not allowed" in messages_for(report, "001_bron.md")[0].message
    assert any(name.startswith("boos") for name in briefings)


def test_broken_front_matter_keeps_the_published_page_and_says_where(tmp_path):
    project = make_project(tmp_path, {"001_bron.md": b"---\ntitle: Over de EU\n---\nTekst over de EU en de NAVO."})
    report, before = run(project)
    assert report.errors == 0
    (project / "seeds" / "001_bron.md").write_bytes(b"---\ntitle: Over de EU\nlead: De EU: een stand\n---\nTekst over de EU en de NAVO.")
    report, after = run(project)
    assert after == before
    [problem] = messages_for(report, "001_bron.md")
    assert str(problem).startswith("seeds/001_bron.md:3:")  # the line in the file, not in the front matter
    assert "put the value in quotes" in problem.message and "stays as last published" in problem.message
