"""Golden pages: the generated docs/ tree for tests/fixtures/golden, compared file by file.

After an intended change, run `make golden` (pytest --update-golden), then review
`git diff tests/golden` before committing: these files are the reviewed output.
"""

import difflib
import shutil
from pathlib import Path

from generator.config import Config
from generator.pipeline import build

FIXTURE = Path(__file__).parent / "fixtures" / "golden"
GOLDEN = Path(__file__).parent / "golden" / "docs"


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.md"))}


def test_generated_pages_match_the_golden_files(tmp_path, request):
    docs = tmp_path / "docs"
    report = build(Config(sources=FIXTURE / "sources", docs=docs, data=FIXTURE / "data", root=FIXTURE))
    assert report.errors == 0
    assert [str(p) for p in report.problems] == [
        "sources/004_hostile-undated.txt:1: warning: no publication date found (no ' date' header, letter date line, dated dateline "
        "or 'Gepubliceerd'/'Geplaatst op' line; dates in the text are events); start the file with a line ' date YYYY-MM-DD' "
        "(or YYYY-MM), or set 'date: YYYY-MM-DD' in its sidecar sources/004_hostile-undated.yml; the briefing is listed as undated"]
    got = tree(docs)
    if request.config.getoption("--update-golden"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(docs, GOLDEN)
        return
    want = tree(GOLDEN)
    assert sorted(got) == sorted(want), "pages added or missing; run `make golden` and review the diff"
    diffs = []
    for name in sorted(want):
        if got[name] != want[name]:
            diffs.append("".join(difflib.unified_diff(
                want[name].splitlines(keepends=True), got[name].splitlines(keepends=True), f"golden/{name}", f"generated/{name}")))
    assert not diffs, "generated pages differ from the golden files:\n" + "\n".join(diffs)
