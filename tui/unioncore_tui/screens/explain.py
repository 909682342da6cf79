"""The records behind a figure (what `unioncore explain` prints), one row each with where it is
written. Records are described by the reports library (`describe_ref`), which masks 身份证 and
phone numbers; rows are described page by page, so a figure behind 100,000 members opens at once.
Enter on a record closes the list and goes to the record."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Static

from unioncore.ledger import Entry
from unioncore.registry import Figure
from unioncore.reports.explain import RecordInfo, describe_ref, entry_index
from unioncore.workspace import Workspace

from ..widgets.paged_table import Cell, PagedTable

# kinds of record the app can show in one of its tabs
SHOWABLE = ("member", "event", "entry", "organisation", "budget", "opening")


class ExplainScreen(ModalScreen[str | None]):
    """Dismissed with the reference of the record to go to ("member:M0001"), or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "关闭")]

    def __init__(self, ws: Workspace, figure: Figure, context: str = "") -> None:
        super().__init__(classes="record-form")
        self.ws = ws
        self.figure = figure
        self.context = context
        self.refs = list(dict.fromkeys(figure.refs))
        self._entries: dict[str, Entry] | None = None

    def compose(self) -> ComposeResult:
        f = self.figure
        with Vertical(classes="dialog picker-dialog", id="explain-dialog"):
            yield Static(Text(f"{f.label} = {f.formatted()}"), classes="dialog-title")
            lines = [f"指标编号：{f.key}" + (f"　见于：{self.context}" if self.context else "")]
            if f.note:
                lines.append(f"说明：{f.note}")
            lines.append(
                f"背后的记录 {len(self.refs):,} 条（身份证号、手机号部分隐去）；回车转到该记录"
                if self.refs
                else "没有记录支持这个指标，报表中不打印它。"
            )
            yield Static(Text("\n".join(lines)), id="explain-note")
            yield PagedTable([("类别", 8), ("记录", None), ("位置", None)], page_size=100, id="explain-table")
            yield Static("", id="explain-detail")
            with Horizontal(classes="buttons"):
                yield Button("关闭 Esc", id="explain-close", compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#explain-table", PagedTable)
        table.set_rows(self.refs, self._row)
        table.table.focus()

    def _describe(self, ref: str) -> RecordInfo:
        if self._entries is None and ref.startswith("entry:"):
            self._entries = entry_index(self.ws)
        return describe_ref(self.ws, ref, self._entries if self._entries is not None else {})

    def _row(self, ref: str) -> list[Cell]:
        info = self._describe(ref)
        return [info.kind, Text(info.text), info.location]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        info = self._describe(str(event.row_key.value))
        text = Text(f"{info.location or '（位置不详）'}\n", style="dim")
        text.append(f"{info.kind} {info.text}")
        self.query_one("#explain-detail", Static).update(text)

    @property
    def selected_ref(self) -> str | None:
        return self.query_one("#explain-table", PagedTable).selected_key

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        ref = str(event.row_key.value)
        if ref.partition(":")[0] in SHOWABLE:
            self.dismiss(ref)
        else:
            self.notify("这是插件的记录，请在插件的标签页中查看", severity="warning")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "explain-close":
            event.stop()
            self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
