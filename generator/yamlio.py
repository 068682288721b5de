"""YAML in and out: safe loading with line numbers, safe dumping with a fixed style."""

from __future__ import annotations

import yaml

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class LineDict(dict):
    """A mapping read from YAML that remembers the line (1-based) it started on."""

    line: int = 0
    key_lines: dict  # key -> line (1-based) where the key is written


class DuplicateKey(yaml.YAMLError):
    pass


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader that records lines of mappings and refuses duplicate keys."""

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise DuplicateKey(
                    f"line {key_node.start_mark.line + 1}: key '{key}' appears twice "
                    f"(first on line {seen[key]}); keep one"
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


def error_line(exc: yaml.YAMLError) -> int:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 if mark is not None else 0


def error_text(exc: yaml.YAMLError) -> str:
    if isinstance(exc, DuplicateKey):
        return str(exc)
    problem = getattr(exc, "problem", None) or str(exc)
    line = error_line(exc)
    return f"line {line}: {problem}" if line else problem


def dump(data: dict) -> str:
    """Front matter as block-style YAML, keys in the given order, Unicode kept."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,
    )
