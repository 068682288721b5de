"""Word lists that the extraction rules use; plain data, loaded once."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def words(name: str) -> frozenset[str]:
    """The words of `<name>.txt` in this folder, comments (#) removed."""
    text = files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    found = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        found.update(line.split())
    return frozenset(found)
