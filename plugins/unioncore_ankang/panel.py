"""The 安康杯 tab of the terminal UI: the hazards (隐患) with their status, overdue ones marked and first.

Only the TUI imports this module (through the panel factory in hooks.py), so the plugin works with
the core alone, without Textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from .hazards import HazardRow, hazard_rows
from .model import DONE_STATUSES, LEVEL_MAJOR

if TYPE_CHECKING:
    from unioncore import Workspace

COLUMNS = ("编号", "单位", "发现日期", "等级", "隐患", "整改期限", "状态", "逾期")


def overdue_marker(row: HazardRow) -> Text:
    if row.overdue is None:
        return Text("")
    return Text(f"⚠ 逾期{row.overdue}天", style="bold red")


def summary(rows: list[HazardRow]) -> str:
    done = sum(1 for r in rows if r.status in DONE_STATUSES)
    overdue = sum(1 for r in rows if r.overdue is not None)
    text = f"隐患 {len(rows)} 项，已整改 {done} 项"
    if overdue:
        text += f"，逾期未整改 {overdue} 项"
    return text


class HazardPanel(Vertical):
    """A summary line and a table of every hazard of the workspace."""

    DEFAULT_CSS = """
    HazardPanel { height: 1fr; }
    HazardPanel > #ankang-summary { height: auto; padding: 0 1; }
    HazardPanel > DataTable { height: 1fr; }
    """

    def __init__(self, workspace: Workspace, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.workspace = workspace
        self.rows = hazard_rows(workspace)

    def compose(self) -> ComposeResult:
        yield Static(summary(self.rows), id="ankang-summary")
        yield DataTable(id="ankang-hazards", zebra_stripes=True, cursor_type="row")

    def on_mount(self) -> None:
        self.refresh_rows()

    def refresh_rows(self) -> None:
        """Re-read the hazards from the workspace (after a change) and redraw."""
        self.rows = hazard_rows(self.workspace)
        self.query_one("#ankang-summary", Static).update(summary(self.rows))
        table: DataTable[Any] = self.query_one("#ankang-hazards", DataTable)
        table.clear(columns=True)
        table.add_columns(*COLUMNS)
        for r in self.rows:
            level = Text(r.level, style="bold" if r.level == LEVEL_MAJOR else "")
            table.add_row(
                r.id, r.unit, r.found, level, r.description, r.deadline, r.status, overdue_marker(r), key=r.id
            )


def build(workspace: Workspace) -> HazardPanel:
    return HazardPanel(workspace, id="ankang-panel")
