"""Contributor corrections in sidecars: applied on every build, validated with file, line and a fix."""

from pathlib import Path

import pytest

from generator.config import Config
from generator.inputs.corrections import load_correction
from generator.pipeline import build
from tests.conftest import source_count

SEED = "000_1b0f54b0f7aa023a"


def config(project: Path) -> Config:
    return Config(sources=project / "seeds", docs=project / "docs", data=project / "data", root=project)


def page_of(project: Path) -> str:
    return next((project / "docs" / "briefings").glob("2025-07-*.md")).read_text(encoding="utf-8")


def test_corrections_are_applied_and_survive_rebuilds(project):
    (project / "seeds" / f"{SEED}.yml").write_text(
        "title: Frankrijk en het VK bundelen hun kernwapens\n"
        "date: 2025-07-10\n"
        "actors:\n  add: [jens-stoltenberg]\n  remove: [donald-trump]\n"
        "topics:\n  add: [europese-strategische-autonomie]\n  remove: [wapenindustrie]\n"
        "note: |\n  Eerste Europese nucleaire coördinatie buiten de NAVO.\n",
        encoding="utf-8",
    )
    report = build(config(project))
    assert report.errors == 0, report.all_problems()
    for _ in range(2):
        text = page_of(project)
        assert "title: Frankrijk en het VK bundelen hun kernwapens" in text
        assert 'date: "2025-07-10"' in text
        assert "- jens-stoltenberg" in text and "- donald-trump" not in text
        assert "- europese-strategische-autonomie" in text and "- wapenindustrie" not in text
        assert '!!! note "Analyse"\n    Eerste Europese nucleaire coördinatie buiten de NAVO.' in text
        assert "corrected: true" in text
        build(config(project))
    trump = (project / "docs" / "actors" / "donald-trump.md").read_text(encoding="utf-8")
    assert "2025-07-frankrijk" not in trump


def test_a_corrected_title_keeps_the_page_address(project):
    build(config(project))
    before = sorted(p.name for p in (project / "docs" / "briefings").iterdir())
    (project / "seeds" / f"{SEED}.yml").write_text("title: Een heel andere titel\n", encoding="utf-8")
    build(config(project))
    assert sorted(p.name for p in (project / "docs" / "briefings").iterdir()) == before


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("titel: x\n", 1, "unknown field 'titel'; did you mean 'title'?"),
        ("title: x\ndate: 2025-13\n", 2, "date: month 13 does not exist"),
        ("actors:\n  add: [emanuel-macron]\n", 1, "unknown id 'emanuel-macron'; did you mean 'emmanuel-macron'?"),
        ("topics:\n  add: [kernwapens]\n", 1, "topics to add: unknown id 'kernwapens'"),
        ("actors: [navo]\n", 1, "'actors' must have 'add:' and/or 'remove:' lists of ids"),
        ("source_type: nieuws\n", 1, "source_type 'nieuws' is not one of"),
        ("slug: ../../etc\n", 1, "slug '../../etc' must be lowercase"),
        ("title: [unclosed\n", 1, "the bracket [ is never closed"),
    ],
)
def test_bad_sidecars_are_reported_with_file_line_and_fix(tmp_path, registry, text, line, message):
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    correction, problems = load_correction(path, "seeds/x.yml", registry)
    assert correction is None
    assert problems[0].file == "seeds/x.yml" and problems[0].line == line
    assert message in problems[0].message


@pytest.mark.parametrize(
    ("text", "where", "hint"),
    [
        # An unclosed bracket is noticed at the end of the file: the place given is where it opened.
        ("title: Een titel\nactors:\n  remove: [navo\n", "seeds/x.yml:3:11:", "the bracket [ is never closed; close it with ]"),
        ("title: Oekraïne: de stand\n", "seeds/x.yml:1:16:", 'a colon followed by a space inside a value; put the value in quotes'),
        ("title: Een titel\nactors:\n\tadd: [navo]\n", "seeds/x.yml:3:1:", "indent with spaces, never tabs"),
        ('title: "Een titel\nnote: x\n', "seeds/x.yml:1:8:", 'the quote " is never closed'),
        ("title: a\ntitle: b\n", "seeds/x.yml:2:1:", "key 'title' appears twice (first on line 1)"),
    ],
)
def test_invalid_yaml_is_reported_once_where_the_mistake_is_with_a_hint(tmp_path, registry, text, where, hint):
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    _, problems = load_correction(path, "seeds/x.yml", registry)
    assert len(problems) == 1
    shown = str(problems[0])
    assert shown.startswith(f"{where} error: invalid YAML: ") and hint in shown, shown
    assert shown.count("line") <= 1 + ("first on line" in hint), shown  # the line is given once, in front
    assert problems[0].line <= text.count("\n")  # never past the end of the file


BROKEN = "title: Gecorrigeerd\nactors:\n  remove: [donald-trump\n"


def test_a_broken_sidecar_keeps_the_published_page_as_it_was_and_everything_else_builds(project):
    (project / "seeds" / f"{SEED}.yml").write_text("title: Gecorrigeerd\nactors:\n  remove: [donald-trump]\n", encoding="utf-8")
    assert build(config(project)).errors == 0
    published = page_of(project)
    assert "title: Gecorrigeerd" in published and "- donald-trump" not in published
    others = {p.name: p.read_text(encoding="utf-8") for p in (project / "docs" / "briefings").glob("*.md") if not p.name.startswith("2025-07-")}

    (project / "seeds" / f"{SEED}.yml").write_text(BROKEN, encoding="utf-8")
    report = build(config(project))
    assert page_of(project) == published  # the correction is not dropped from the site
    assert report.errors == 1
    [problem] = [p for p in report.all_problems() if p.severity == "error"]
    assert str(problem).startswith(f"seeds/{SEED}.yml:3:11: error:")
    assert "stays as last published" in problem.message
    for name in others:  # the other briefings are still published
        assert (project / "docs" / "briefings" / name).exists(), name
    trump = (project / "docs" / "actors" / "donald-trump.md").read_text(encoding="utf-8")
    assert "2025-07-frankrijk" not in trump  # the uncorrected briefing is shown nowhere

    (project / "seeds" / f"{SEED}.yml").write_text("title: Gecorrigeerd\nactors:\n  remove: [donald-trump]\n", encoding="utf-8")
    assert build(config(project)).errors == 0
    assert page_of(project) == published


def test_a_new_source_with_a_broken_sidecar_is_not_published(project):
    (project / "seeds" / f"{SEED}.yml").write_text(BROKEN, encoding="utf-8")
    report = build(config(project))
    assert report.errors == 1
    assert not list((project / "docs" / "briefings").glob("2025-07-*.md"))
    assert "until then the source is not published" in report.all_problems()[0].message
    assert len(list((project / "docs" / "briefings").glob("*.md"))) == source_count(project / "seeds")  # the others, and the index


def test_a_sidecar_with_a_bad_value_is_held_back_too(project):
    build(config(project))
    published = page_of(project)
    (project / "seeds" / f"{SEED}.yml").write_text("title: Goed\nactors:\n  add: [onbekend]\n", encoding="utf-8")
    report = build(config(project))
    assert report.errors == 1
    assert page_of(project) == published


def test_sidecar_without_a_source_is_reported(project):
    (project / "seeds" / "999_bestaat-niet.yml").write_text("title: x\n", encoding="utf-8")
    report = build(config(project))
    assert any(p.file == "seeds/999_bestaat-niet.yml" and "does not exist" in p.message for p in report.problems)


def test_note_is_shown_as_text(project):
    (project / "seeds" / f"{SEED}.yml").write_text("note: <script>alert(1)</script> en [x](javascript:y)\n", encoding="utf-8")
    build(config(project))
    text = page_of(project)
    assert "<script>" not in text and "&#60;script&#62;alert(1)&#60;/script&#62;" in text


def test_a_misspelt_id_to_remove_is_reported_with_its_line(project):
    (project / "seeds" / "000_1b0f54b0f7aa023a.yml").write_text("title: Titel\nactors:\n  remove: [navoo]\n", encoding="utf-8")
    report = build(Config(sources=project / "seeds", docs=project / "docs", data=project / "data", root=project))
    messages = [str(p) for p in report.all_problems()]
    assert any(m.startswith("seeds/000_1b0f54b0f7aa023a.yml:2: warning:") and "'navoo'" in m and "did you mean 'navo'" in m for m in messages), messages


LETTER = "003_08acea90bc03d1a2"


def briefing_page(project: Path, prefix: str) -> str:
    return next((project / "docs" / "briefings").glob(f"{prefix}-*.md")).read_text(encoding="utf-8")


def test_lead_roles_quotation_speakers_and_figures_can_be_corrected(project):
    (project / "seeds" / f"{LETTER}.yml").write_text(
        "lead: Een eigen samenvatting van de verklaring.\n"
        "roles:\n  add: {charles-michel: voorzitter van de Europese Raad}\n  remove: [jens-stoltenberg]\n"
        "quotes:\n"
        "  - quote: De NAVO blijft het fundament\n    speaker: jens-stoltenberg\n"
        "  - quote: veel meer politiek\n    remove: true\n"
        "figures:\n  add: [drie terreinen]\n  remove: [27 EU-landen]\n",
        encoding="utf-8",
    )
    report = build(config(project))
    assert report.errors == 0, report.all_problems()
    page = briefing_page(project, "2023-01")
    front = page.split("\n---\n", 1)[0]
    assert 'lead: Een eigen samenvatting van de verklaring.' in front and "description: Een eigen samenvatting" in front
    assert "- actor: charles-michel\n  role: voorzitter van de Europese Raad" in front
    assert "actor: jens-stoltenberg" not in front
    assert "- speaker: jens-stoltenberg\n  text: De NAVO blijft het fundament" in front
    assert "veel meer politiek dan" not in front
    assert "- drie terreinen" in front and "27 EU-landen" not in front
    body = page.split("\n---\n", 1)[1]
    assert "Een eigen samenvatting van de verklaring." in body and "drie terreinen" in body


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("quotes:\n  - quote: Dit staat nergens\n    speaker: jens-stoltenberg\n", "no quotation of this briefing starts with „Dit staat nergens”"),
        ("figures:\n  remove: [28 EU-landen]\n", "did you mean '27 EU-landen'?"),
        ("roles:\n  add: {keir-starmer: Britse premier}\n", "'keir-starmer' is not one of this briefing's actors"),
    ],
)
def test_a_correction_that_names_what_the_briefing_lacks_holds_the_page_back(project, text, message):
    build(config(project))
    before = briefing_page(project, "2023-01")
    (project / "seeds" / f"{LETTER}.yml").write_text(text, encoding="utf-8")
    report = build(config(project))
    assert report.errors == 1
    [problem] = [p for p in report.all_problems() if p.severity == "error"]
    assert problem.file == f"seeds/{LETTER}.yml" and message in problem.message and "stays as last published" in problem.message
    assert briefing_page(project, "2023-01") == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("leed: x\n", "unknown field 'leed'; did you mean 'lead'?"),
        ("figures:\n  ad: [x]\n", "unknown: 'ad'; did you mean 'add'?"),
        ("roles:\n  add: {keir-starmr: premier}\n", "unknown actor id 'keir-starmr'; did you mean 'keir-starmer'?"),
        ("quotes:\n  - quote: x\n    spreker: navo\n", "unknown key 'spreker'; did you mean 'speaker'?"),
        ("quotes:\n  - quote: x\n    speaker: jens-stoltenbreg\n", "did you mean 'jens-stoltenberg'?"),
        ("quotes:\n  - quote: x\n", "either 'speaker:' or 'remove: true'"),
    ],
)
def test_new_fields_are_checked_with_did_you_mean(tmp_path, registry, text, message):
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    correction, problems = load_correction(path, "seeds/x.yml", registry)
    assert correction is None and message in problems[0].message, problems
