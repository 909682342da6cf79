"""Problems: what is wrong in a workspace, as values — never raised on bad data.

A problem carries where it is (file relative to the workspace, line and column when the parser or
the line index gave them — a made-up line number is worse than none), the key path inside the file,
a message in Chinese, a severity (错误 / 警告 / 提示), and the rule and source that raised it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    HINT = "hint"

    @property
    def label(self) -> str:
        return _SEVERITY_LABELS[self]

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    @classmethod
    def parse(cls, text: str) -> Severity | None:
        """Accept the English value or the Chinese label (as written in `unioncore.toml`)."""
        for sev in cls:
            if text in (sev.value, sev.label):
                return sev
        return None


_SEVERITY_LABELS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.HINT: "提示"}
_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.HINT: 2}

# A key path inside a TOML file: table names and array indices, e.g. ("member", 3, "id_number").
KeyPath = tuple[str | int, ...]


def format_path(path: KeyPath | None) -> str | None:
    """("member", 3, "id_number") -> "member[3].id_number"."""
    if not path:
        return None
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


@attrs.frozen
class Problem:
    message: str
    severity: Severity = Severity.ERROR
    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: KeyPath | None = None
    rule: str | None = None
    source: str | None = None
    plugin: str | None = None

    @property
    def key(self) -> str | None:
        return format_path(self.path)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self) -> str:
        """`file:line:col` with whatever parts are known."""
        parts = [self.file or "<工作区>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def format(self) -> str:
        """One line, as a compiler prints it: `file:line:col: 错误: message（key；rule；source）`."""
        extra = [x for x in (self.key, self.rule, self.source) if x]
        if self.plugin:
            extra.append(f"插件 {self.plugin}")
        tail = f"（{'；'.join(extra)}）" if extra else ""
        return f"{self.location()}: {self.severity.label}: {self.message}{tail}"

    def sort_key(self) -> tuple[str, int, int, int, str]:
        return (self.file or "", self.line or 0, self.column or 0, self.severity.rank, self.message)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=Problem.sort_key)


def count_by_severity(problems: Iterable[Problem]) -> dict[Severity, int]:
    counts = dict.fromkeys(Severity, 0)
    for p in problems:
        counts[p.severity] += 1
    return counts


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)


class UnioncoreError(Exception):
    """Raised by API calls that change records or save, carrying the problems that stopped them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))


class ValidationError(UnioncoreError):
    """A change was refused because the new record is not valid; `problems` name the fields."""


class SaveError(UnioncoreError):
    """A save was refused (conflict on disk, a file that failed to load, hand-written comments)."""
