"""Errors that name the file, the line and the key, and say what was expected.

Every problem with data or translation files is raised as a ``DataError``. The build glue turns
it into MkDocs' ``PluginError`` so the build stops with one readable message and no traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One problem in one input file."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        if self.path:
            return f"{where}: {self.path}: {self.message}"
        return f"{where}: {self.message}"


@dataclass
class DataError(Exception):
    """One or more problems found in the project's data or translation files."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [str(p) for p in self.problems]
        if len(lines) > 1:
            lines.insert(0, f"{len(lines)} problems in the data files:")
        return "\n".join(lines)


def fail(file: str, line: int | None, path: str, message: str) -> DataError:
    """Build a ``DataError`` with a single problem (raise the result)."""
    return DataError([Problem(file, line, path, message)])
