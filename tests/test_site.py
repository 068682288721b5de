"""End to end without a browser: generate, `mkdocs build --strict`, inspect the HTML."""

import html as htmllib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.meta import get_data

from generator.config import ROOT, Config
from generator.pipeline import build
from tests.conftest import copy_site_config

FIXTURE = Path(__file__).parent / "fixtures" / "golden"


def build_site(tmp_path: Path, sources: Path, data: Path, root: Path) -> tuple[Path, subprocess.CompletedProcess]:
    copy_site_config(tmp_path)
    report = build(Config(sources=sources, docs=tmp_path / "docs", data=data, root=root))
    assert report.errors == 0
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tmp_path / "mkdocs.yml")],
                            capture_output=True, text=True, timeout=300, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return tmp_path / "site", result


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fixture-site")
    site, result = build_site(tmp, FIXTURE / "sources", FIXTURE / "data", FIXTURE)
    assert result.returncode == 0, result.stderr
    return site, result


@pytest.fixture(scope="module")
def project_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("project-site")
    site, result = build_site(tmp, ROOT / "seeds", ROOT / "data", ROOT)
    assert result.returncode == 0, result.stderr
    return site, result


def page(site: Path, glob: str) -> str:
    return next(site.glob(glob)).read_text(encoding="utf-8")


def test_strict_build_of_the_project_has_no_warnings(project_site):
    _, result = project_site
    assert not re.search(r"^(WARNING|ERROR)\s+-", result.stderr, re.MULTILINE), result.stderr


def test_every_actor_a_briefing_names_and_every_topic_has_a_page(project_site, registry):
    site, _ = project_site
    named = {a for p in (site.parent / "docs" / "briefings").glob("*.md")
             for a in yaml.safe_load(p.read_text(encoding="utf-8").split("---\n")[1]).get("actors", [])}
    assert named
    for actor in registry.actors:  # an actor no briefing names has no (empty) page
        assert (site / "actors" / actor.id / "index.html").is_file() is (actor.id in named), actor.id
    for topic in registry.topics:
        assert (site / "topics" / topic.id / "index.html").is_file()
    for name in ("index.html", "timeline/index.html", "briefings/index.html", "actors/index.html", "topics/index.html"):
        assert (site / name).is_file()


def test_site_is_dutch_with_one_search_fed_from_the_front_matter(project_site):
    site, _ = project_site
    assert '<html lang="nl"' in page(site, "index.html")
    # Pagefind is the only search: no lunr index is built, the header box's script is on every page.
    assert not (site / "search" / "search_index.json").exists()
    assert "assets/search.js" in page(site, "index.html")
    html = page(site, "briefings/2025-07-*/index.html")
    fields = html[html.index("data-pagefind-ignore"):]
    fields = fields[: fields.index("</div>")]
    assert '<span data-pagefind-filter="soort">Nieuwsbericht</span>' in fields
    assert '<span data-pagefind-filter="actor">Emmanuel Macron</span>' in fields
    assert '<span data-pagefind-filter="onderwerp">Nucleaire afschrikking</span>' in fields
    assert '<span data-pagefind-filter="jaar">2025</span>' in fields
    assert '<span data-pagefind-sort="date">2025-07</span>' in fields
    actor = page(site, "actors/navo/index.html")
    assert '<span data-pagefind-filter="soort">Actor</span>' in actor
    assert 'data-pagefind-weight="10"' in actor and "Noord-Atlantische Verdragsorganisatie" in actor


def test_briefing_header_renders_front_matter(project_site):
    site, _ = project_site
    html = page(site, "briefings/2025-07-*/index.html")
    header = html[html.index("data-briefing-header"):]
    header = header[: header.index("</div>")]
    assert '<time datetime="2025-07">juli 2025</time>' in header
    assert "Nieuwsbericht" in header and "Londen (ANP/Bloomberg/AFP)" in header
    assert 'href="../../actors/emmanuel-macron/">Emmanuel Macron</a>' in header
    assert 'href="../../topics/nucleaire-afschrikking/">Nucleaire afschrikking</a>' in header
    letter = page(site, "briefings/2026-03-02-*/index.html")
    assert '<time datetime="2026-03-02">2 maart 2026</time>' in letter and "Kamerstuk 33 279, nr. 40" in letter


def test_actor_page_lists_briefings_newest_first(project_site):
    site, _ = project_site
    html = page(site, "actors/emmanuel-macron/index.html")
    dates = re.findall(r"<li>(\d* ?\w+ \d{4}) — <a", html)
    assert dates == ["2 maart 2026", "juli 2025", "mei 2025", "februari 2020"]


def test_navigation_lists_only_the_index_pages(project_site):
    site, _ = project_site
    html = page(site, "index.html")
    nav = html[html.index('class="md-tabs"'):]
    nav = nav[: nav.index("</nav>")]
    assert "briefings/2025" not in nav
    for label in ("Briefings", "Tijdlijn", "Actoren", "Onderwerpen"):
        assert label in nav


def visible(fragment: str) -> str:
    """The text a reader sees: tags removed, character references decoded."""
    return htmllib.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_hostile_source_text_is_shown_as_text_and_never_runs(fixture_site):
    site, _ = fixture_site
    html = page(site, "briefings/een-bericht-*/index.html")
    article = html[html.index("<article"): html.index("</article>")]
    assert "<script>alert" not in html and "<iframe" not in html
    assert 'href="javascript' not in html.lower()
    text = visible(article)
    for original in ['<script>alert("x")</script>', "[een link](javascript:alert(1))", "# Geen kop", "| geen | tabel |",
                     "{{ config.site_name }} {% if x %} en <!-- geen commentaar", "```"]:
        assert original in text
    assert article.count("<h1") == 1
    assert "<table" not in article and "<hr" not in article and "<pre" not in article and "<blockquote" not in article


def test_title_with_markup_characters_is_safe_in_head_and_header(fixture_site):
    site, _ = fixture_site
    html = page(site, "briefings/2025-06-analyse-*/index.html")
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "<" not in title and "‹in Den Haag›" in title
    assert "<in Den Haag>" not in html


def test_front_matter_round_trips_through_mkdocs_own_parser(tmp_path):
    docs = tmp_path / "docs"
    build(Config(sources=FIXTURE / "sources", docs=docs, data=FIXTURE / "data", root=FIXTURE))
    for path in docs.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        _, meta = get_data(text)
        front = text.split("---\n")[1]
        assert meta == yaml.safe_load(front), path
        assert meta["title"] and meta["generated"]["checksum"]
        if path.parent.name == "briefings" and path.name != "index.md":
            assert isinstance(meta["date"], (str, type(None)))
            assert list(meta)[:7] == ["title", "date", "source", "source_type", "actors", "topics", "tags"]
