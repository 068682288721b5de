"""Contracts between the parts: README and Makefile agree, pins agree, CI runs the tests."""

import re
import subprocess
import sys
import tomllib

import yaml

from generator.config import ROOT
from generator.inputs.sources import MARKDOWN_KEYS
from generator.model import SOURCE_TYPES

README = (ROOT / "README.md").read_text(encoding="utf-8")


FIRST_SCREEN = "\n".join(README.splitlines()[:32])
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
DOCUMENTED_TARGETS = re.findall(r"^## ([\w-]+):", MAKEFILE, re.MULTILINE)


def test_readme_first_screen_shows_the_two_commands():
    assert "make site" in FIRST_SCREEN and "make test" in FIRST_SCREEN


def test_readme_first_screen_says_what_a_fresh_machine_needs_for_each_command():
    for needed in ("Python 3.11", "pip", "git", "make", "Chromium", "npm", ".ci/run", "make test-fast", "make help"):
        assert needed in FIRST_SCREEN, needed
    # The generator as a newcomer can run it: from the virtual environment make creates.
    assert ".venv/bin/python -m generator" in FIRST_SCREEN


def make_dry_run(*args: str) -> str:
    result = subprocess.run(["make", "-n", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_make_help_lists_every_documented_target():
    result = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    listed = re.findall(r"^  make ([\w-]+)\s+\S", result.stdout, re.MULTILINE)
    assert listed == DOCUMENTED_TARGETS and {"help", "test", "test-fast", "site"} <= set(listed)


def test_make_test_fast_leaves_out_the_browser_tests_and_make_test_installs_axe():
    fast = make_dry_run("-B", "test-fast")
    assert "-m pytest --ignore=tests/browser" in fast and "npm" not in fast
    full = make_dry_run("-B", "test")
    assert "npm ci" in full and "-m pytest\n" in full


def test_axe_core_is_pinned_in_package_json_and_the_lock_file():
    import json

    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    for name, version in {**package["dependencies"], **package["devDependencies"]}.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), (name, version)  # exact, no range
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
    assert "axe-core" in package["devDependencies"]


def test_ci_installs_what_the_browser_tests_need():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "install -y -qq chromium" in ci and "install -y -qq nodejs npm" in ci
    assert ci.index("nodejs npm") < ci.index("\nmake test\n")


def test_readme_lists_every_cli_command_and_makefile_target():
    from generator.cli import cli

    for name in cli.commands:
        assert f"python -m generator {name}" in README
    for target in DOCUMENTED_TARGETS:
        assert f"make {target}" in README


def test_readme_lists_markdown_front_matter_keys():
    for key in MARKDOWN_KEYS:
        assert f"`{key}`" in README


def test_direct_dependencies_are_pinned_identically_in_pyproject_and_requirements():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = project["dependencies"] + project["optional-dependencies"]["test"]
    locked = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            locked[name.lower().replace("_", "-")] = version
    for pin in pins:
        name, version = pin.split("==")
        assert locked[name.split("[")[0].lower()] == version, pin


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def test_theme_override_knows_every_source_type():
    header = (ROOT / "overrides" / "partials" / "briefing-header.html").read_text(encoding="utf-8")
    for key, label in SOURCE_TYPES.items():
        assert f'"{key}": "{label}"' in header


def _yaml_blocks(markdown_text: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", markdown_text, re.DOTALL)


def test_contributing_examples_work_as_written(project):
    """The YAML examples in CONTRIBUTING.md, used exactly as a contributor would paste them."""
    from generator.config import Config
    from generator.pipeline import build

    sidecar, quotes, actor, topic = _yaml_blocks((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"))
    (project / "seeds" / "000_1b0f54b0f7aa023a.yml").write_text(sidecar, encoding="utf-8")
    (project / "seeds" / "003_08acea90bc03d1a2.yml").write_text(quotes, encoding="utf-8")
    with open(project / "data" / "actors.yml", "a", encoding="utf-8") as handle:
        handle.write("\n" + actor)
    with open(project / "data" / "topics.yml", "a", encoding="utf-8") as handle:
        handle.write("\n" + topic)
    report = build(Config(sources=project / "seeds", docs=project / "docs", data=project / "data", root=project))
    assert report.errors == 0 and report.warnings == 0, report.all_problems()
    # The new actor has its page once a briefing names it.
    assert not (project / "docs" / "actors" / "mark-carney.md").exists()
    (project / "seeds" / "zz_canada.txt").write_text(
        " date 2025-09-01\nCanada en de NAVO\n\nPremier Mark Carney wil dat Canada meer uitgeeft aan defensie.\n", encoding="utf-8")
    report = build(Config(sources=project / "seeds", docs=project / "docs", data=project / "data", root=project))
    assert report.errors == 0, report.all_problems()
    assert "Premier van Canada sinds maart 2025" in (project / "docs" / "actors" / "mark-carney.md").read_text(encoding="utf-8")
    assert (project / "docs" / "topics" / "hybride-dreigingen.md").is_file()
    page = next((project / "docs" / "briefings").glob("2025-07-*.md")).read_text(encoding="utf-8")
    assert "Frankrijk en het VK stemmen hun nucleaire afschrikking af" in page
    assert "role: premier van het Verenigd Koninkrijk" in page and "- twee kernmachten" in page
    letter = next((project / "docs" / "briefings").glob("2023-01-*.md")).read_text(encoding="utf-8")
    assert "- speaker: jens-stoltenberg\n  text: De NAVO blijft het fundament" in letter
    figures = yaml.safe_load(letter.split("---\n")[1]).get("figures", [])
    # The figure is in the source text, and the sidecar took it out of the briefing's figures.
    assert "27 EU-landen" in letter and not any("27 EU-landen" in f for f in figures)


def test_workflow_runs_the_readme_commands():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    build_steps = workflow["jobs"]["build"]["steps"]
    runs = [step["run"] for step in build_steps if "run" in step]
    assert runs[0] == "make test"
    assert any("python -m generator check" in run for run in runs)
    assert any("mkdocs build --strict" in run for run in runs)
    for command in ("make test", "python -m generator check", "mkdocs build --strict"):
        assert command in README or command in (ROOT / "Makefile").read_text(encoding="utf-8")
    setup = next(step for step in build_steps if step.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip" and setup["with"]["python-version"] == "3.11"
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)
    trigger = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as true
    assert "pull_request" in trigger and trigger["push"]["branches"] == ["main"]


def test_pre_commit_runs_ruff_yamllint_and_check():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = " ".join(hook["entry"] for repo in config["repos"] for hook in repo["hooks"])
    assert "ruff check" in entries and "yamllint" in entries and "generator check" in entries


def test_registries_pass_the_yaml_linter():
    result = subprocess.run([sys.executable, "-m", "yamllint", "-c", str(ROOT / ".yamllint.yml"), str(ROOT / "data")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
