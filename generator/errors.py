"""Problems found while building: collected, never thrown one by one."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one input file; `line` is 1-based or 0 when unknown."""

    file: str
    line: int
    severity: str
    message: str
    column: int = 0  # 1-based, 0 when unknown or not useful

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        where += f":{self.column}" if self.line and self.column else ""
        return f"{where}: {self.severity}: {self.message}"


class GeneratorError(Exception):
    """A problem that stops the whole run (bad arguments, unreadable folders)."""
