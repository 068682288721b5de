"""Read source files: decode, normalise line ends, split off headers and front matter."""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from generator.errors import ERROR, WARNING, Problem
from generator.inputs.formats import read_html, read_pdf, sniff
from generator.model import Source
from generator.yamlio import describe_error, load_with_lines

SOURCE_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".pdf": "pdf"}
# Files beside the sources that are no sources: sidecars (corrections) and notes for people.
NOT_SOURCES = {".yml", ".yaml"}
_RENAME = {"pdf": ".pdf", "html": ".html"}
MAX_BYTES = 20 * 1024 * 1024

# ` date 2025-07 LONDEN (ANP) - …`: the header may share its line with the text.
_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\S+)[ \t]*")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
MARKDOWN_KEYS = ("title", "date", "source_type", "slug", "lead", "url")
_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"'`]+")


def source_files(source_dir: Path, root: Path) -> Iterator[tuple[Path, str, str]]:
    """(path, path as shown to contributors, format) of every source file, by file name."""
    folder = _display_path(source_dir, root)
    with os.scandir(source_dir) as found:
        names = sorted(entry.name for entry in found if not entry.name.startswith(".") and entry.is_file())
    for name in names:
        fmt = SOURCE_SUFFIXES.get(os.path.splitext(name)[1].lower())
        if fmt is not None:
            yield source_dir / name, name if folder == "." else f"{folder}/{name}", fmt


def unread_files(source_dir: Path, root: Path) -> list[Problem]:
    """A warning for every file in the sources folder that is neither a source nor a sidecar."""
    folder = _display_path(source_dir, root)
    known = ", ".join(sorted(SOURCE_SUFFIXES))
    problems = []
    with os.scandir(source_dir) as found:
        names = sorted(entry.name for entry in found if not entry.name.startswith(".") and entry.is_file())
    for name in names:
        suffix = os.path.splitext(name)[1].lower()
        if suffix in SOURCE_SUFFIXES or suffix in NOT_SOURCES:
            continue
        display = name if folder == "." else f"{folder}/{name}"
        problems.append(Problem(display, 0, WARNING, f"is not read: sources are {known} files (and .yml sidecars next to "
                                                     "them); save it in one of those formats or move it out of the folder"))
    return problems


def _display_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def decode(data: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """Text from bytes: UTF-8 (BOM optional), UTF-16 with BOM, else cp1252 with a warning."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            return None, [Problem(display, 0, ERROR, "starts like UTF-16 but does not decode; save it as UTF-8")]
    if b"\x00" in data:
        return None, [Problem(display, 0, ERROR, "looks like a binary file, not text; remove it or save it as UTF-8 text")]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        text = data.decode("cp1252", errors="replace")
        return text, [Problem(display, line, WARNING, "not valid UTF-8; read as Windows-1252 (cp1252). Check the accents on the page and save the file as UTF-8")]


def read_source(data: bytes, display: str, fmt: str = "text") -> tuple[Source | None, list[Problem]]:
    """One source from its bytes; None (with the reason) when it cannot be published."""
    if len(data) > MAX_BYTES:
        return None, [Problem(display, 0, ERROR, f"is {len(data) // (1024 * 1024)} MB, over the {MAX_BYTES // (1024 * 1024)} MB limit for one source; split it")]
    if fmt in ("html", "pdf"):
        return _read_document(data, display, fmt)
    kind = sniff(data)
    if kind is not None:
        advice = f"rename it to {_RENAME[kind]}" if kind in _RENAME else "save its text as UTF-8 text"
        what = "a PDF" if kind == "pdf" else "a web page (HTML)" if kind == "html" else f"a binary file ({kind})"
        return None, [Problem(display, 0, ERROR, f"is {what}, not text, although its name says so; {advice} and build again")]
    text, problems = decode(data, display)
    if text is None:
        return None, problems
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    meta: tuple = ()
    if fmt == "markdown":
        text, meta, found = _split_front_matter(text, display)
        problems += found
        if meta is None:
            return None, problems
    header_date = None
    stripped = text.lstrip("\n")
    header = _HEADER.match(stripped)
    if header:
        header_date = header.group(1)
        text = stripped[header.end():]
    if not text.strip():
        problems.append(Problem(display, 0, ERROR, "has no text; add the article or letter, or remove the file"))
        return None, problems
    return Source(display, text.strip("\n"), fmt, header_date, meta), problems


def _read_document(data: bytes, display: str, fmt: str) -> tuple[Source | None, list[Problem]]:
    """A saved web page or a PDF as a source: its text and its metadata (see generator/formats.py)."""
    if fmt == "pdf" and data and not data.lstrip()[:5] == b"%PDF-":
        return None, [Problem(display, 0, ERROR, "is named .pdf but is no PDF; download it again, or give it the name of its format")]
    read = read_html(data, display) if fmt == "html" else read_pdf(data, display)
    if read.text is None:
        return None, read.problems
    return Source(display, read.text, fmt, None, tuple(read.meta)), read.problems


def _split_front_matter(text: str, display: str) -> tuple[str, tuple | None, list[Problem]]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, (), []
    try:
        data = load_with_lines(match.group(1) or "")
    except yaml.YAMLError as exc:
        # The front matter starts on the line after the first `---`.
        line, column, message = describe_error(exc, match.group(1) or "", first_line=2)
        return text, None, [Problem(display, line, ERROR, message.replace("invalid YAML", "front matter is not valid YAML", 1), column)]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return text, None, [Problem(display, 2, ERROR, "front matter must be a mapping of keys (title: …, date: …)")]
    problems = []
    meta = []
    for key, value in data.items():
        if key not in MARKDOWN_KEYS:
            problems.append(Problem(display, 0, WARNING, f"front matter key '{key}' is not used; known keys: {', '.join(MARKDOWN_KEYS)}"))
            continue
        if key == "date" and not isinstance(value, str):
            value = str(value)  # YAML reads 2025-07-01 as a date object
        if not isinstance(value, str):
            problems.append(Problem(display, 0, WARNING, f"front matter key '{key}' should be text; ignored"))
            continue
        if key == "url" and not _WEB_ADDRESS.fullmatch(value.strip()):
            problems.append(Problem(display, 0, WARNING, f"front matter url '{value}' is not a web address (http:// or https://); ignored"))
            continue
        meta.append((key, value.strip() if key == "url" else value))
    return text[match.end():], tuple(meta), problems
