"""Command line: `python -m generator build|check|validate|watch|serve`. Thin: parse, run the pipeline, print."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import click

from generator.config import ROOT, Config
from generator.errors import GeneratorError
from generator.pipeline import Report, build, validate

_FOLDERS = [
    click.option("--sources", type=click.Path(file_okay=False, path_type=Path), default=ROOT / "seeds", show_default="seeds/", help="Folder with source files."),
    click.option("--docs", type=click.Path(file_okay=False, path_type=Path), default=ROOT / "docs", show_default="docs/", help="MkDocs docs folder to write into."),
    click.option("--data", type=click.Path(file_okay=False, path_type=Path), default=ROOT / "data", show_default="data/", help="Folder with actors.yml and topics.yml."),
    click.option("--jobs", type=click.IntRange(min=1), default=min(os.cpu_count() or 1, 8), show_default="the number of CPUs, at most 8",
                 help="Processes for extracting many sources; the output is the same for any number."),
    click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=Path), default=ROOT / ".cache" / "generator",
                 show_default=".cache/generator/", help="Folder for the build cache (git-ignored; deleting it only costs time)."),
    click.option("--no-cache", is_flag=True, help="Neither read nor update the build cache."),
]


def _config(sources: Path, docs: Path, data: Path, jobs: int = 1, cache_dir: Path | None = None, no_cache: bool = False) -> Config:
    """Source paths are shown from the project root, or from the sources' parent when outside it."""
    sources = sources.resolve()
    root = ROOT if sources.is_relative_to(ROOT) else sources.parent
    return Config(sources=sources, docs=docs.resolve(), data=data.resolve(), root=root,
                  cache=None if no_cache or cache_dir is None else cache_dir.resolve(), jobs=jobs)


def _folders(func):
    for option in reversed(_FOLDERS):
        func = option(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Generate the briefing site's Markdown pages from sources and registries."""


@cli.command("build")
@_folders
@click.option("--strict", is_flag=True, help="Exit non-zero on warnings too.")
def build_command(sources: Path, docs: Path, data: Path, jobs: int, cache_dir: Path, no_cache: bool, strict: bool) -> None:
    """Generate docs/ pages from the sources and registries."""
    report = _run(_config(sources, docs, data, jobs, cache_dir, no_cache), write=True)
    _print_report(report)
    sys.exit(1 if report.errors or (strict and report.warnings) else 0)


@cli.command("watch")
@_folders
@click.option("--interval", type=click.FloatRange(min=0.1), default=1.0, show_default=True, help="Seconds between checks for changes.")
def watch_command(sources: Path, docs: Path, data: Path, jobs: int, cache_dir: Path, no_cache: bool, interval: float) -> None:
    """Build, then build again whenever a source, sidecar, registry or mkdocs.yml changes (Ctrl-C stops)."""
    from generator.watch import watch

    def show(outcome: Report | GeneratorError) -> None:
        if isinstance(outcome, GeneratorError):
            click.echo(f"Error: {outcome}", err=True)
        else:
            _print_report(outcome)

    click.echo("watch: building now and after every change to the sources, sidecars, registries or mkdocs.yml (Ctrl-C stops)", err=True)
    try:
        watch(_config(sources, docs, data, jobs, cache_dir, no_cache), show, interval)
    except KeyboardInterrupt:
        sys.exit(0)


@cli.command("serve")
@_folders
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8000, show_default=True, help="Port on 127.0.0.1 (0 picks a free one).")
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              show_default=".cache/preview/", help="Folder for the preview's pages (git-ignored).")
@click.option("--interval", type=click.FloatRange(min=0.1), default=0.3, show_default=True, help="Seconds between checks for changes.")
def serve_command(sources: Path, docs: Path, data: Path, jobs: int, cache_dir: Path, no_cache: bool, port: int,
                  site_dir: Path | None, interval: float) -> None:
    """Preview the site on 127.0.0.1; after every edit only the changed pages are built again, and the browser reloads."""
    from generator.preview import Site, default_site_dir, follow, serving

    config = _config(sources, docs, data, jobs, cache_dir, no_cache)
    site = Site(config, (site_dir or default_site_dir(config)).resolve())

    def show(outcome: Report | GeneratorError, seconds: float) -> None:
        if isinstance(outcome, GeneratorError):
            click.echo(f"Error: {outcome}", err=True)
        else:
            _print_report(outcome)
            click.echo(f"serve: site updated in {seconds:.1f} s", err=True)

    try:
        with serving(site, port=port) as url:
            click.echo(f"serve: preview at {url} — follows every edit to the sources, sidecars, registries, mkdocs.yml "
                       "and theme (Ctrl-C stops)", err=True)
            follow(config, site, show, interval)
    except OSError as exc:
        raise click.ClickException(f"cannot serve on 127.0.0.1:{port} ({exc.strerror}); choose another port with --port") from exc
    except KeyboardInterrupt:
        sys.exit(0)


def _print_report(report: Report) -> None:
    _print_problems(report)
    _print_candidates(report)
    click.echo(summary(report))


def summary(report: Report) -> str:
    """The one line that says what happened, as it happened on disk."""
    plan = report.plan
    counts = f"{report.warnings} warnings, {report.errors} errors; {report.seconds:.2f} s"
    if not report.wrote:
        return f"build: {report.sources} sources read; nothing in docs/ was written or removed; {counts}"
    held = f", {len(report.held)} kept as last published until their errors are fixed" if report.held else ""
    refused = f", {len(plan.refused)} left alone (see the errors)" if plan.refused else ""
    pageless = sum(1 for c in report.candidates if not c[3])
    without = f", {pageless} of them named once and without a page" if pageless else ""
    return (
        f"build: {report.sources} sources → {report.briefings} briefings, {report.actors} actors "
        f"({len(report.candidates)} not yet in the registry{without}), {report.topics} topics mentioned; "
        f"{len(plan.write)} pages written, {len(plan.unchanged)} unchanged, {len(plan.remove)} removed{held}{refused}; "
        f"{counts}"
    )


@cli.command("check")
@_folders
def check_command(sources: Path, docs: Path, data: Path, jobs: int, cache_dir: Path, no_cache: bool) -> None:
    """Write nothing in docs/; exit 1 when docs/ is not what `build` would produce."""
    config = _config(sources, docs, data, jobs, cache_dir, no_cache)
    report = _run(config, write=False)
    # The same problems and advice as `build`: a page build would refuse to write is named
    # with what to do about it, never with "run build" (which would only refuse it again).
    _print_problems(report)
    _print_candidates(report)
    docs_label = config.label(docs)
    refused = {p.file for p in report.plan.refused}
    stale = [path for path in report.plan.stale if path not in refused]
    for path in stale:
        shown = path if path.startswith(docs_label + "/") else f"{docs_label}/{path}"
        click.echo(f"stale: {shown}")
    advice = []
    if stale:
        advice.append(f"{len(stale)} files in {docs_label}/ differ from what build would write; run `python -m generator build` and commit the result")
    if refused:
        advice.append(f"{len(refused)} files in {docs_label}/ were changed by hand; build leaves them alone, so follow the advice given for each above")
    errors = report.errors - len(report.plan.refused)
    if errors:
        advice.append(f"{errors} errors in the inputs (above); fix them, then run `python -m generator build`")
    if advice:
        click.echo("check: " + "; ".join(advice), err=True)
        sys.exit(1)
    click.echo(f"check: {docs_label}/ is up to date ({len(report.plan.unchanged)} pages)")


@cli.command("validate")
@_folders
def validate_command(sources: Path, docs: Path, data: Path, jobs: int, cache_dir: Path, no_cache: bool) -> None:
    """Check registries, sources and corrections; list every problem with file and line."""
    try:
        problems = validate(_config(sources, docs, data, jobs, cache_dir, no_cache))
    except GeneratorError as exc:
        raise click.ClickException(str(exc)) from exc
    for problem in problems:
        click.echo(str(problem), err=True)
    errors = sum(1 for p in problems if p.severity == "error")
    click.echo(f"validate: {errors} errors, {len(problems) - errors} warnings")
    sys.exit(1 if errors else 0)


def _run(config: Config, write: bool) -> Report:
    try:
        return build(config, write=write)
    except GeneratorError as exc:
        raise click.ClickException(str(exc)) from exc


def _print_candidates(report: Report) -> None:
    for actor_id, name, kind, count in report.candidates:
        if count:
            click.echo(f"candidate: {name} ({kind}, id '{actor_id}') in {count} briefing{'s' if count != 1 else ''}; "
                       "add it to data/actors.yml to review it", err=True)
        else:
            click.echo(f"candidate: {name} ({kind}, id '{actor_id}') named once, with no role or quotation, so it has no page yet; "
                       "add it to data/actors.yml if it is one", err=True)


def _print_problems(report: Report) -> None:
    for problem in report.all_problems():
        click.echo(str(problem), err=True)


# A build holds tens of thousands of small objects that live until it ends, and makes few
# reference cycles. With Python's default thresholds the collector walks all of them again
# and again: about a sixth of a rebuild at 10,000 sources (measured with `make bench`).
GC_THRESHOLDS = (50_000, 20, 20)


def main() -> int:
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        cli.main(prog_name="python -m generator", standalone_mode=True)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0
