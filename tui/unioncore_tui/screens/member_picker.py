"""Pick one or several members with the same search as the 会员 tab (name, pinyin, 身份证 tail)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Static

from unioncore.member import Status

from ..session import Session
from ..widgets.paged_table import Cell, PagedTable


class MemberPicker(ModalScreen[list[str] | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "done", "确定"),
        Binding("escape", "cancel", "取消"),
    ]

    def __init__(
        self,
        session: Session,
        selected: list[str],
        *,
        multiple: bool = True,
        title: str = "选择会员",
        orgs: set[str] | None = None,
    ) -> None:
        """`orgs`: offer only the members of these organisations (all when None)."""
        super().__init__(classes="record-form")
        self.session = session
        self.selected = list(dict.fromkeys(selected))
        self.multiple = multiple
        self.title_text = title
        # members who hold 会籍 (在职, 退休): who takes part in events and receives money
        self.pool = session.index.candidates(orgs, statuses={Status.ACTIVE, Status.RETIRED})

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker-dialog"):
            yield Static(self.title_text, classes="dialog-title")
            yield Input(
                placeholder="姓名、拼音、首字母或身份证后几位；回车到列表",
                id="picker-search",
                compact=True,
            )
            yield PagedTable(
                [("", 2), ("编号", 8), ("姓名", 8), ("单位", 10), ("状态", 4)],
                page_size=50,
                id="picker-table",
            )
            yield Static("", id="picker-selected")
            with Horizontal(classes="buttons"):
                yield Button("确定 ^s", id="picker-ok", variant="primary", compact=True)
                yield Button("取消 Esc", id="picker-cancel", compact=True)

    def on_mount(self) -> None:
        self._search("")
        self._show_selected()
        self.query_one("#picker-search", Input).focus()

    def _row(self, pos: int) -> list[Cell]:
        mid = self.session.index.ids[pos]
        m = self.session.ws.members[mid]
        mark = Text("✓", style="bold green") if mid in self.selected else ""
        return [mark, m.id, m.name, m.org, m.status.value]

    def _search(self, query: str) -> None:
        index = self.session.index
        found = index.search(query, self.pool)
        self.query_one(PagedTable).set_rows(found, self._row, key=index.ids.__getitem__)

    def _show_selected(self) -> None:
        names = [self.session.ws.members[m].name for m in self.selected if m in self.session.ws.members]
        text = "、".join(names[:12]) + (f" 等 {len(names)} 人" if len(names) > 12 else "")
        prefix = f"已选 {len(names)} 人：" if self.multiple else "已选："
        self.query_one("#picker-selected", Static).update(prefix + (text or "（无）"))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._search(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(PagedTable).table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        mid = str(event.row_key.value)
        if not self.multiple:
            self.dismiss([mid])
            return
        if mid in self.selected:
            self.selected.remove(mid)
        else:
            self.selected.append(mid)
        self.query_one(PagedTable).refresh_rows()
        self._show_selected()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "picker-ok":
            event.stop()
            self.action_done()
        elif event.button.id == "picker-cancel":
            event.stop()
            self.action_cancel()

    def action_done(self) -> None:
        self.dismiss(list(self.selected))

    def action_cancel(self) -> None:
        self.dismiss(None)
