"""YAML in and out: safe loading with line numbers, safe dumping with a fixed style."""

from __future__ import annotations

import json
import re

import yaml


class LineDict(dict):
    """A mapping read from YAML that remembers the line (1-based) it started on."""

    line: int = 0
    key_lines: dict  # key -> line (1-based) where the key is written


class DuplicateKey(yaml.YAMLError):
    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.line, self.column = line, column


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader that records lines of mappings and refuses duplicate keys."""

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise DuplicateKey(
                    f"line {key_node.start_mark.line + 1}: key '{key}' appears twice "
                    f"(first on line {seen[key]}); keep one",
                    key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                )
            seen[key] = key_node.start_mark.line + 1
        mapping = LineDict(super().construct_mapping(node, deep=deep))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = seen
        return mapping


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_mapping)


def load_with_lines(text: str):
    """Parse YAML safely; mappings come back as LineDict. Raises yaml.YAMLError."""
    return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass


_OPENED = ("flow sequence", "flow mapping", "quoted scalar")


def error_line(exc: yaml.YAMLError) -> int:
    """The line of a YAML error; for a bracket or quote never closed, the line that opened it."""
    if isinstance(exc, DuplicateKey):
        return exc.line
    context = getattr(exc, "context", None) or ""
    context_mark = getattr(exc, "context_mark", None)
    if context_mark is not None and any(what in context for what in _OPENED):
        return context_mark.line + 1
    mark = getattr(exc, "problem_mark", None) or context_mark
    return mark.line + 1 if mark is not None else 0


def error_text(exc: yaml.YAMLError) -> str:
    """What is wrong, without the line (messages give that once, in front)."""
    if isinstance(exc, DuplicateKey):
        return str(exc).split(": ", 1)[1]
    context = getattr(exc, "context", None) or ""
    if getattr(exc, "context_mark", None) is not None and any(what in context for what in _OPENED):
        if "sequence" in context:
            return "a [ that is never closed; close it with ]"
        if "mapping" in context:
            return "a { that is never closed; close it with }"
        return "a quote that is never closed; end the text with the same quote, or remove it"
    return getattr(exc, "problem", None) or str(exc)


def describe_error(exc: yaml.YAMLError, text: str, first_line: int = 1) -> tuple[int, int, str]:
    """(line, column, message) of a YAML error as a person fixes it: where the mistake is, what
    it is, and a hint for the usual causes. `first_line` is the file line the YAML text starts on
    (2 for front matter after its `---`); line and column are 1-based, 0 when unknown.

    A parser notices an unclosed bracket or quote only at the end of the text, so the place
    given is where the bracket or quote was opened, not the end of the file.
    """
    offset = first_line - 1
    if isinstance(exc, DuplicateKey):
        return exc.line + offset, exc.column, f"invalid YAML: {str(exc).split(': ', 1)[1]}"
    problem = getattr(exc, "problem", None)
    mark = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context", None) or ""
    context_mark = getattr(exc, "context_mark", None)
    if problem is None or mark is None:
        return 0, 0, f"invalid YAML: {exc}"
    lines = text.split("\n")
    line_text = lines[mark.line] if mark.line < len(lines) else ""
    hint = ""
    opened = context_mark is not None and context_mark.line < len(lines) and context_mark.column < len(lines[context_mark.line])
    if opened and ("flow sequence" in context or "flow mapping" in context or "quoted scalar" in context):
        char = lines[context_mark.line][context_mark.column]
        closing = {"[": "]", "{": "}"}.get(char, char)
        what = "quote" if char in "\"'" else "bracket"
        problem = f"the {what} {char} is never closed"
        hint = f"close it with {closing}" if what == "bracket" else f"end the text with {closing}, or remove the {char}"
        mark = context_mark
    elif "\t" in line_text[: mark.column + 1] or "tab" in problem:
        problem = "a tab character"
        hint = "indent with spaces, never tabs"
    elif "mapping values are not allowed" in problem:
        if line_text[: len(line_text) - len(line_text.lstrip())] and ":" not in line_text[: mark.column].strip():
            problem = "this line is indented further than the key above it"
            hint = "start it in the same column as the key above, or put the key above in quotes if it is text"
        else:
            problem = "a colon followed by a space inside a value"
            hint = 'put the value in quotes, for example title: "Oekraïne: de stand van zaken"'
    elif "expected key" in problem or "block end" in problem:
        hint = "check the indentation: keys of one mapping start in the same column, list items under their key"
    return mark.line + 1 + offset, mark.column + 1, f"invalid YAML: {problem}" + (f"; {hint}" if hint else "")


# A string is written plain (unquoted) only when no YAML reader can take it for anything
# else: it starts with a letter, holds only letters, digits, spaces and harmless
# punctuation (no `:` or `#`), and is not a YAML 1.1 boolean or null word. Everything
# else is written double-quoted, with JSON's escapes (which YAML shares), plus escapes
# for the characters a YAML reader refuses or reads as a line break.
_PLAIN = re.compile(r"[^\W\d_][\w .,'’()/&+%\-–—„”“;!?]*(?<! )")
_KEYWORDS = {"yes", "no", "true", "false", "on", "off", "null", "y", "n"}
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if not isinstance(value, str):
        raise TypeError(f"front matter holds only text, numbers, true/false and null, not {type(value).__name__}")
    if _PLAIN.fullmatch(value) and value.lower() not in _KEYWORDS:
        return value
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def _key(key: object) -> str:
    if not isinstance(key, str) or not _PLAIN.fullmatch(key) or key.lower() in _KEYWORDS:
        raise ValueError(f"front matter key {key!r} must be a plain word")
    return key


def _lines(value: object, indent: str, out: list[str], key: str) -> None:
    """`key: value` at `indent`, with lists and mappings in block style (lists not indented)."""
    if isinstance(value, dict) and value:
        out.append(f"{indent}{key}:")
        for k, v in value.items():
            _lines(v, indent + "  ", out, _key(k))
    elif isinstance(value, (list, tuple)) and value:
        out.append(f"{indent}{key}:")
        for item in value:
            if isinstance(item, dict) and item:
                first = True
                for k, v in item.items():
                    sub: list[str] = []
                    _lines(v, indent + "  ", sub, _key(k))
                    sub[0] = (indent + "- " if first else indent + "  ") + sub[0][len(indent) + 2:]
                    out.extend(sub)
                    first = False
            elif isinstance(item, (list, tuple)) and item:
                raise TypeError("front matter does not nest lists in lists")
            elif isinstance(item, (dict, list, tuple)):
                out.append(f"{indent}- {'{}' if isinstance(item, dict) else '[]'}")
            else:
                out.append(f"{indent}- {_scalar(item)}")
    elif isinstance(value, dict):
        out.append(f"{indent}{key}: {{}}")
    elif isinstance(value, (list, tuple)):
        out.append(f"{indent}{key}: []")
    else:
        out.append(f"{indent}{key}: {_scalar(value)}")


def dump(data: dict) -> str:
    """Front matter as block-style YAML, keys in the given order, Unicode kept.

    Written here rather than by yaml.dump, whose Python representer was a fifth of
    rendering a page; test_yamlio checks that yaml.safe_load reads back every value.
    """
    out: list[str] = []
    for key, value in data.items():
        _lines(value, "", out, _key(key))
    return "\n".join(out) + "\n" if out else "{}\n"
