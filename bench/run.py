"""Benchmark the generator and the site build over synthetic corpora: `make bench`.

For each corpus size N (default 1000 and 10000) it measures, each in a fresh process:
- a full `python -m generator build` into an empty docs/ with an empty cache: seconds,
  sources per second and peak memory (resident set of the largest process);
- the same build after one source was changed (a sentence naming NAVO added to a source
  that did not name it, or a sentence naming no one), after one was added, and with nothing
  changed (the cache from the full build in place), each three times: the median and range;
- the floor: a bare pass that reads every source, matches the registry's names, dumps a
  small front matter and writes one file per source, and the full build's ratio to it;
- `mkdocs build` of the generated site, and of a plain MkDocs + Material site with the
  same number of pages of the same text (no generator, no overrides), and the site sizes;
- the preview (`python -m generator serve`): seconds from saving an edit to a source, a
  sidecar or the registry until the page is served with it (see bench/preview.py);
- the search: Pagefind's index time and size, and in headless Chromium (when installed) the
  bytes a reader downloads before the first result (raw and gzip-compressed) and the time from
  typing a query in the header box until the first result shows.
Prints a Markdown table; `--output FILE` also writes it (bench/results.md is the record).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.formats import reader_costs, write_html_corpus  # noqa: E402
from bench.preview import preview_latency  # noqa: E402
from bench.synth import write_corpus  # noqa: E402

PYTHON = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}
# Rebuilds are timed this many times each (the median is reported): they take seconds, and
# the same one varies by a second or more on a shared machine.
REPEATS = 3


def run(cmd: list[str], cwd: Path = ROOT, env: dict | None = None) -> tuple[float, float]:
    """Run a command to completion: (seconds, peak resident MiB of its largest process)."""
    started = time.perf_counter()
    # Output goes to files, not pipes: a command that prints more than a pipe holds would
    # block on writing while this process waits for it to end.
    with tempfile.TemporaryFile() as out_file, tempfile.TemporaryFile() as err_file:
        process = subprocess.Popen(cmd, cwd=cwd, env=env or ENV, stdout=out_file, stderr=err_file)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        out_file.seek(0)
        err_file.seek(0)
        out, err = out_file.read().decode(errors="replace"), err_file.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{out[-2000:]}\n{err[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


FLOOR = textwrap.dedent("""
    import sys, time, yaml
    from pathlib import Path
    from generator.extract.matching import actor_matcher
    from generator.inputs.registry import load_registry
    src, out = Path(sys.argv[1]), Path(sys.argv[2])
    started = time.perf_counter()
    registry, _ = load_registry(Path(sys.argv[3]))
    matcher = actor_matcher(registry)
    out.mkdir(parents=True, exist_ok=True)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    for path in sorted(src.iterdir()):
        text = path.read_text(encoding="utf-8")
        actors = sorted({key for key, _, _ in matcher.finditer(text)})
        front = yaml.dump({"title": text[:80], "source": path.name, "actors": actors}, Dumper=dumper, allow_unicode=True, sort_keys=False)
        (out / (path.stem + ".md")).write_text("---\\n" + front + "---\\n\\n" + text, encoding="utf-8")
""")


def generator_build(sources: Path, docs: Path, cache: Path, jobs: int) -> tuple[float, float]:
    return run([PYTHON, "-m", "generator", "build", "--sources", str(sources), "--docs", str(docs),
                "--data", str(ROOT / "data"), "--cache", str(cache), "--jobs", str(jobs)])


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def our_site(work: Path, docs: Path) -> Path:
    """A project folder with our configuration around the generated docs."""
    from tests.conftest import copy_site_config

    project = work / "site-project"
    (project / "docs").mkdir(parents=True)
    copy_site_config(project)
    shutil.copytree(docs, project / "docs", dirs_exist_ok=True)
    return project


def plain_site(work: Path, sources: Path) -> Path:
    """The same number of pages of the same text as a plain MkDocs + Material site."""
    project = work / "plain-project"
    (project / "docs" / "pages").mkdir(parents=True)
    names = sorted(p.name for p in sources.iterdir())
    for name in names:
        text = (sources / name).read_text(encoding="utf-8")
        (project / "docs" / "pages" / (name[:-4] + ".md")).write_text(f"# {name}\n\n{text}", encoding="utf-8")
    (project / "docs" / "index.md").write_text("# Plain\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(textwrap.dedent("""
        site_name: Plain
        theme: {name: material, language: nl, font: false}
        nav: [{Home: index.md}]
        plugins: [{search: {lang: nl}}]
        validation: {nav: {omitted_files: ignore}}
    """), encoding="utf-8")
    return project


def mkdocs_build(project: Path, env: dict | None = None) -> tuple[float, float]:
    return run([PYTHON, "-m", "mkdocs", "build", "--quiet", "-f", str(project / "mkdocs.yml")], cwd=project, env=env)


def browser_search(site: Path, query: str) -> dict | None:
    """A first search in headless Chromium (see tests/browser/serve.py); None without Chromium."""
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(chromium).is_file():
        return None
    from tests.browser.serve import measure_search

    return measure_search(site, chromium, query)


def pagefind(site: Path) -> tuple[float, float]:
    return run([PYTHON, "-m", "pagefind", "--site", str(site), "--silent"])


def bench(count: int, jobs: int, keep: Path | None) -> dict:
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"bench-{count}-", dir=keep))
    result: dict = {"count": count}
    try:
        sources = work / "sources"
        write_corpus(count, sources)
        result["corpus_mb"] = folder_bytes(sources) / 2**20
        docs, cache = work / "docs", work / "cache"
        result["full_s"], result["full_mb"] = generator_build(sources, docs, cache, jobs)
        result["full_1job_s"], result["full_1job_mb"] = generator_build(sources, work / "docs-1", work / "cache-1", 1)
        # The same sources as saved web pages: a full build of those against the text one.
        write_html_corpus(sources, work / "sources-html")
        result["full_html_s"], _ = generator_build(work / "sources-html", work / "docs-html", work / "cache-html", jobs)
        result.update(reader_costs(sources, work / "sources-html"))
        # Each kind of rebuild REPEATS times (another source each time), as timings on a
        # shared machine vary: a sentence naming NAVO added to a source that did not name it
        # (a new actor for the briefing), a smaller edit such as a correction (a sentence that
        # names no actor, figure or topic), a new source, and no change at all.
        def rebuild(change) -> float:
            change()
            return generator_build(sources, docs, cache, jobs)[0]

        def append(path: Path, sentence: str) -> None:
            path.write_text(path.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")

        def add(index: int) -> None:
            (sources / f"zz_added_{index}.txt").write_text(
                f" date 2026-11-{index + 10} DEN HAAG (ANP) - Het kabinet stuurt meer luchtverdediging naar Polen, "
                "meldt minister Ruben Brekelmans. De NAVO noemt het een belangrijke stap.\n", encoding="utf-8")

        files = sorted(sources.iterdir())
        without_navo = islice((p for p in files[count // 2:] if "NAVO" not in p.read_text(encoding="utf-8")), REPEATS)
        result["touch_s"] = [rebuild(lambda p=p: append(p, "De NAVO reageerde nog niet.")) for p in list(without_navo)]
        result["edit_s"] = [rebuild(lambda p=p: append(p, "Het overleg duurde langer dan gepland."))
                            for p in files[count // 3:count // 3 + REPEATS]]
        result["add_s"] = [rebuild(lambda i=i: add(i)) for i in range(REPEATS)]
        result["nochange_s"] = [rebuild(lambda: None) for _ in range(REPEATS)]
        result["floor_s"], _ = run([PYTHON, "-c", FLOOR, str(sources), str(work / "floor"), str(ROOT / "data")])
        project = our_site(work, docs)
        result["mkdocs_s"], result["mkdocs_mb"] = mkdocs_build(project)
        result["site_mb"] = folder_bytes(project / "site") / 2**20
        result["pagefind_s"], _ = pagefind(project / "site")
        result["pagefind_mb"] = folder_bytes(project / "site" / "pagefind") / 2**20
        result["search"] = browser_search(project / "site", "kernwapen")
        plain = plain_site(work, sources)
        result["plain_s"], result["plain_mb"] = mkdocs_build(plain)
        result["plain_site_mb"] = folder_bytes(plain / "site") / 2**20
        result.update(preview_latency(work, sources, project, ROOT / "data"))
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return result


def table(results: list[dict], jobs: int) -> str:
    def kb(value) -> str:
        return "–" if value is None else f"{value / 1024:,.0f} KB"

    def searched(key: str):
        def cell(r) -> str:
            found = r.get("search")
            if found is None:
                return "– (no Chromium)"
            if not found["answered"]:
                return "no result within 60 s"
            return f"{found['ms']:.0f} ms" if key == "ms" else f"{kb(found['raw'])} / {kb(found['gzip'])}"
        return cell

    def seconds(value: float | None) -> str:
        return "not shown within 300 s" if value is None else f"{value:.1f} s"

    def spread(times: list[float]) -> str:
        return f"{statistics.median(times):.2f} s (median of {len(times)}: {min(times):.2f}–{max(times):.2f} s)"

    def share(key: str):
        return lambda r: f"{spread(r[key])}, {100 * statistics.median(r[key]) / r['full_s']:.0f} % of full"

    rows = [
        ("sources (about 3 KB each)", lambda r: f"{r['count']:,} ({r['corpus_mb']:.1f} MB)"),
        (f"generator: full build, {jobs} processes", lambda r: f"{r['full_s']:.1f} s"),
        ("generator: sources per second", lambda r: f"{r['count'] / r['full_s']:,.0f}"),
        ("generator: peak memory (largest process)", lambda r: f"{r['full_mb']:.0f} MiB"),
        ("generator: full build, 1 process", lambda r: f"{r['full_1job_s']:.1f} s ({r['full_1job_mb']:.0f} MiB)"),
        ("generator: rebuild after touching one source (a sentence naming NAVO, new to it)", share("touch_s")),
        ("generator: rebuild after touching one source (a sentence naming no one)", share("edit_s")),
        ("generator: rebuild after adding one source", share("add_s")),
        ("generator: rebuild with nothing changed", lambda r: spread(r["nochange_s"])),
        ("generator: full build of the same sources as saved web pages (.html)",
         lambda r: f"{r['full_html_s']:.1f} s ({r['full_html_s'] / r['full_s']:.2f}× the text build)"),
        ("reading a saved web page (trafilatura) / a PDF page (pypdfium2)",
         lambda r: f"{r['html_page_ms']:.1f} ms / {r['pdf_page_ms']:.1f} ms"),
        ("floor: read, match, dump, write", lambda r: f"{r['floor_s']:.1f} s"),
        ("full build / floor", lambda r: f"{r['full_s'] / r['floor_s']:.1f}×"),
        ("mkdocs build, this site", lambda r: f"{r['mkdocs_s']:.0f} s, {r['mkdocs_mb']:.0f} MiB, site {r['site_mb']:.0f} MB"),
        ("mkdocs build, plain Material site, same pages", lambda r: f"{r['plain_s']:.0f} s, {r['plain_mb']:.0f} MiB, site {r['plain_site_mb']:.0f} MB"),
        ("search: Pagefind index time, index size", lambda r: f"{r['pagefind_s']:.1f} s, {r['pagefind_mb']:.1f} MB"),
        ("search: downloaded before the first result, raw / gzip (browser)", searched("raw")),
        ("search: typing a query until the first result shows (browser)", searched("ms")),
        ("preview (`generator serve`): first build of docs/ and the site", lambda r: f"{r['preview_first_s']:.0f} s"),
        ("preview: a sentence added to a source, until the page is served with it", lambda r: seconds(r["preview_source_s"])),
        ("preview: a title corrected in a sidecar, until served", lambda r: seconds(r["preview_sidecar_s"])),
        ("preview: an actor's description changed in the registry, until served", lambda r: seconds(r["preview_registry_s"])),
    ]
    lines = ["| measure | " + " | ".join(f"N = {r['count']:,}" for r in results) + " |",
             "|---|" + "---|" * len(results)]
    for label, cell in rows:
        lines.append(f"| {label} | " + " | ".join(cell(r) for r in results) + " |")
    return "\n".join(lines)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 2**20:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs ({cpu}){mem}, Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="*", type=int, default=[1000, 10000], help="corpus sizes (default: 1000 10000)")
    parser.add_argument("--jobs", type=int, default=min(os.cpu_count() or 1, 8), help="generator processes")
    parser.add_argument("--output", type=Path, help="also write the table (with the machine) to this Markdown file")
    parser.add_argument("--keep", type=Path, help="keep the work folders under this folder")
    parser.add_argument("--json", action="store_true", help="print the raw numbers as JSON too")
    args = parser.parse_args()
    results = []
    for count in args.counts:
        print(f"benchmarking N = {count} …", file=sys.stderr, flush=True)
        results.append(bench(count, args.jobs, args.keep))
    text = f"Machine: {machine()}\n\n{table(results, args.jobs)}\n"
    print(text)
    if args.json:
        print(json.dumps(results, indent=2))
    if args.output:
        args.output.write_text(f"# Benchmark results\n\nMeasured with `make bench` ({' '.join(map(str, args.counts))} sources).\n\n{text}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
