"""Year-end reports with traceable figures: 统计年报, 收支公开 and the 工作总结 draft.

    from unioncore.reports import build, render
    report, problems = build(ws, "statistics", year=2026)
    render(report, "md")                       # -> text; "toml" likewise
    render(report, "docx", "统计年报.docx")     # Word; "xlsx" Excel (one sheet per table)

Every number a report prints is a `Figure` with the records behind it (`explain`); a figure no
record supports is never printed. `rollup` sums the statistics that lower unions export as TOML.
"""

from __future__ import annotations

from pathlib import Path

from ..gcpause import paused_gc
from ..problems import Problem
from ..workspace import Workspace
from .explain import Explanation, describe_ref, explain
from .model import KIND_TITLES, Report
from .public_account import build_public_account
from .rollup import read_export, rollup, rollup_files
from .statistics import build_statistics
from .summary import build_summary

KINDS = ("statistics", "public_account", "summary")
FORMATS = ("md", "docx", "xlsx", "toml")


def build(
    ws: Workspace, kind: str, year: int | None = None, org: str | None = None
) -> tuple[Report, list[Problem]]:
    """One report: kind is "statistics", "public_account" (optionally of one `org`) or "summary"."""
    builders = {
        "statistics": lambda: build_statistics(ws, year),
        "public_account": lambda: build_public_account(ws, year, org),
        "summary": lambda: build_summary(ws, year),
    }
    if kind not in builders:
        raise ValueError(f"unknown report kind {kind!r}; one of {', '.join(KINDS)}")
    with paused_gc():  # figures over a district's records: no cycles, see gcpause
        return builders[kind]()


def render(report: Report, fmt: str, path: str | Path | None = None) -> str | None:
    """Text for md and toml (also written to `path` if given); docx and xlsx need `path`."""
    if fmt in ("md", "toml"):
        from .render_md import render_md
        from .render_toml import render_toml

        text = render_md(report) if fmt == "md" else render_toml(report)
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text
    if path is None:
        raise ValueError(f"{fmt} output needs a path")
    if fmt == "docx":
        from .render_docx import render_docx

        render_docx(report, path)
    elif fmt == "xlsx":
        from .render_xlsx import render_xlsx

        render_xlsx(report, path)
    else:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    return None


__all__ = [
    "FORMATS",
    "KINDS",
    "KIND_TITLES",
    "Explanation",
    "Report",
    "build",
    "build_public_account",
    "build_statistics",
    "build_summary",
    "describe_ref",
    "explain",
    "read_export",
    "render",
    "rollup",
    "rollup_files",
]
