"""The generator's own link check: every link it writes points to a page it writes or a file in docs/."""

from __future__ import annotations

import pytest

from generator.config import Config
from generator.model import Page
from generator.pipeline import build, generate
from generator.render.linkcheck import broken_links, link_targets, page_url, target_files


def test_markdown_and_html_targets_are_found_and_external_ones_skipped():
    text = (
        "Zie [de NAVO](../actors/navo.md) en [tijdlijn](../timeline.md?actor=navo#lijst), "
        "[bron](<https://example.org/a b>), [mail](mailto:a@b.nl), [boven](#top), "
        'escaped \\[niet\\](geen-link.md) <a href="../../actors/eu/">EU</a> <img src=\'../../assets/x.png\'>'
    )
    assert list(link_targets(text)) == [
        ("md", "../actors/navo.md"), ("md", "../timeline.md"),
        ("html", "../../actors/eu/"), ("html", "../../assets/x.png"),
    ]


@pytest.mark.parametrize(("page", "directory_urls", "url"), [
    ("index.md", True, ""),
    ("briefings/index.md", True, "briefings/"),
    ("briefings/2025-07-x.md", True, "briefings/2025-07-x/"),
    ("briefings/2025-07-x.md", False, "briefings/2025-07-x.html"),
    ("feeds/briefings.xml", True, "feeds/briefings.xml"),
])
def test_page_urls_follow_mkdocs(page, directory_urls, url):
    assert page_url(page, directory_urls) == url


@pytest.mark.parametrize(("page", "kind", "target", "directory_urls", "files"), [
    ("briefings/a.md", "md", "../actors/navo.md", True, ["actors/navo.md"]),
    ("briefings/a.md", "html", "../../actors/navo/", True, ["actors/navo.md", "actors/navo/index.md"]),
    ("briefings/a.md", "html", "../actors/navo.html", False, ["actors/navo.md", "actors/navo.html"]),
    ("index.md", "html", "timeline/", True, ["timeline.md", "timeline/index.md"]),
    ("briefings/index.md", "html", "../", True, ["index.md"]),
])
def test_a_target_resolves_to_the_files_it_can_come_from(page, kind, target, directory_urls, files):
    assert target_files(page, kind, target, directory_urls) == files


def test_a_link_to_a_page_nobody_writes_is_an_error_naming_the_page(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "graph.js").write_text("")
    pages = [
        Page("briefings/a.md", "[NAVO](../actors/navo.md) [script](../assets/graph.js) [weg](../actors/verdwenen.md)"),
        Page("actors/navo.md", '<a href="../../briefings/a/">a</a> <a href="../../briefings/b/">b</a>'),
        Page("briefings/c.md", None, "fingerprint"),  # not rendered this run: nothing to check
    ]
    problems = broken_links(pages, tmp_path, "docs")
    assert [(p.file, p.severity) for p in problems] == [("docs/briefings/a.md", "error"), ("docs/actors/navo.md", "error")]
    assert "../actors/verdwenen.md" in problems[0].message
    assert "../../briefings/b/" in problems[1].message


def test_a_link_out_of_docs_is_broken(tmp_path):
    assert broken_links([Page("index.md", "[x](../README.md)")], tmp_path, "docs")


def test_every_link_the_generator_writes_for_the_project_resolves(project):
    config = Config(sources=project / "seeds", docs=project / "docs", data=project / "data", root=project)
    _, pages, _ = generate(config)
    links = sum(1 for page in pages if page.text for _ in link_targets(page.text))
    assert links > 500  # the check looked at the pages' real links
    assert broken_links(pages, config.docs, "docs") == []


def test_a_broken_generated_link_fails_the_build(project, monkeypatch):
    from generator.incremental import pages as incremental

    original = incremental.render_changed

    def with_a_broken_link(*args, **kwargs):
        pages = original(*args, **kwargs)
        return [Page(p.path, p.text + "\n[kapot](actors/bestaat-niet.md)\n", p.fingerprint) if p.path == "index.md" else p for p in pages]

    monkeypatch.setattr("generator.pipeline.render_changed", with_a_broken_link)
    report = build(Config(sources=project / "seeds", docs=project / "docs", data=project / "data", root=project))
    assert report.errors == 1
    [problem] = [p for p in report.all_problems() if p.severity == "error"]
    assert problem.file.endswith("docs/index.md") and "actors/bestaat-niet.md" in problem.message
