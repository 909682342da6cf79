"""检查: every problem of the workspace (`Workspace.check`) with its file and line, refreshed after
each change and save; Enter jumps to the record, `e` opens the file at the line in `$EDITOR`."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Select, Static

from unioncore.problems import Problem, Severity, count_by_severity

from ..widgets.paged_table import Cell, PagedTable
from .base import Pane

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.HINT: "cyan"}


class ProblemPane(Pane):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "jump", "跳到记录", show=True),
        Binding("e", "editor", "用编辑器打开"),
        Binding("c", "recheck", "重新检查"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: list[Problem] = []

    def compose(self) -> ComposeResult:
        with Horizontal(classes="filters"):
            yield Static("", id="problem-counts")
            yield Select(
                [(s.label, s.value) for s in Severity],
                prompt="全部级别",
                id="problem-severity",
                compact=True,
            )
        yield PagedTable(
            [("级别", 4), ("位置", 30), ("问题", None)], id="problem-table", empty="没有发现问题。"
        )
        yield Static("", id="problem-detail")

    @property
    def table(self) -> PagedTable:
        return self.query_one("#problem-table", PagedTable)

    def refresh_data(self) -> None:
        problems = self.session.problems
        counts = count_by_severity(problems)
        self.query_one("#problem-counts", Static).update(
            Text.assemble(
                (f"错误 {counts[Severity.ERROR]}", STYLE[Severity.ERROR]),
                "  ",
                (f"警告 {counts[Severity.WARNING]}", STYLE[Severity.WARNING]),
                "  ",
                (f"提示 {counts[Severity.HINT]}", STYLE[Severity.HINT]),
                ("   （每次修改和保存后重新检查）", "dim"),
            )
        )
        wanted = self.query_one("#problem-severity", Select).value
        self._shown = [p for p in problems if not isinstance(wanted, str) or p.severity.value == wanted]
        self.table.set_rows([str(i) for i in range(len(self._shown))], self._row)
        self._show_detail(self.table.selected_key)

    def _row(self, key: str) -> list[Cell]:
        p = self._shown[int(key)]
        return [Text(p.severity.label, style=STYLE[p.severity]), p.location(), p.message]

    def _show_detail(self, key: str | None) -> None:
        detail = self.query_one("#problem-detail", Static)
        p = self.selected_problem(key)
        detail.update(Text(p.format()) if p else "")

    def selected_problem(self, key: str | None = None) -> Problem | None:
        key = key if key is not None else self.table.selected_key
        if key is None or not key.isdigit() or int(key) >= len(self._shown):
            return None
        return self._shown[int(key)]

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if not self.stale:  # not before the tab was first shown
            self.refresh_data()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(str(event.row_key.value))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_jump()

    def action_jump(self) -> None:
        p = self.selected_problem()
        if p is not None:
            self.uapp.jump_to(p)

    def action_editor(self) -> None:
        p = self.selected_problem()
        if p is not None:
            self.uapp.open_in_editor(p)

    def action_recheck(self) -> None:
        self.uapp.recheck(notify=True)
