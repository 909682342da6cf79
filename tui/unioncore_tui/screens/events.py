"""活动: events by year and type (the core's and the plugins' types), add and edit."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Select, Static

from unioncore.event import Event
from unioncore.registry import Period

from ..widgets.paged_table import Cell, PagedTable
from .base import Pane, needs_members
from .event_form import EventForm, type_choices


class EventPane(Pane):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "add", "新增活动"),
        Binding("e", "edit", "修改"),
        Binding("slash", "search", "搜索"),
    ]
    WAIT_NOTE = "正在载入活动……"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._years: list[int] = []
        self._types: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        with Horizontal(classes="filters"):
            year = self.session.ws.year
            yield Select([(f"{year}年", year)], value=year, allow_blank=False, id="event-year", compact=True)
            yield Select([], prompt="全部类型", id="event-type", compact=True)
            yield Select(
                (("全部组织", "all"), ("所选组织", "org")),
                value="all",
                allow_blank=False,
                id="event-scope",
                compact=True,
            )
            yield Input(placeholder="按名称搜索", id="event-search", compact=True)
        yield PagedTable(
            [("编号", 11), ("日期", 10), ("类型", 10), ("名称", None), ("主办", 8), ("人次", 5)],
            id="event-table",
        )
        yield Static("", id="event-detail")

    @property
    def table(self) -> PagedTable:
        return self.query_one("#event-table", PagedTable)

    def refresh_data(self, select: str | None = None) -> None:
        ws = self.session.ws
        years = sorted({e.start.year for e in ws.events.values()} | {ws.year}, reverse=True)
        self._years = self.offer_years(self.query_one("#event-year", Select), years, self._years)
        with self.prevent(Select.Changed):
            types = type_choices(ws.event_types.values())
            if types != self._types:
                self._types = types
                type_select = self.query_one("#event-type", Select)
                current_type = type_select.value
                type_select.set_options(types)
                if current_type in {v for _, v in types}:
                    type_select.value = current_type
            code = self.session.current_org
            scope = self.query_one("#event-scope", Select)
            value = scope.value
            name = ws.organisations[code].name if code in ws.organisations else "—"
            scope.set_options((("全部组织", "all"), (f"主办：{name}", "org")))
            scope.value = value if value is not Select.NULL else "all"
        self._filter(select=select)

    def _filter(self, select: str | None = None) -> None:
        ws = self.session.ws
        year = self.query_one("#event-year", Select).value
        etype = self.query_one("#event-type", Select).value
        scope = self.query_one("#event-scope", Select).value
        text = self.query_one("#event-search", Input).value.strip()
        events = ws.events_of(
            type=etype if isinstance(etype, str) else None,
            period=Period.year(year) if isinstance(year, int) else None,
            org=self.session.current_org if scope == "org" else None,
        )
        keys = [e.id for e in events if not text or text in e.title or text in e.id]
        self.table.set_rows(keys, self._row, select=select)
        self._show_detail(self.table.selected_key)

    def _row(self, eid: str) -> list[Cell]:
        ws = self.session.ws
        e = ws.events[eid]
        t = ws.event_types.get(e.type)
        return [e.id, e.start.isoformat(), t.label if t else e.type, e.title, e.org, str(e.attendance)]

    def _show_detail(self, eid: str | None) -> None:
        ws = self.session.ws
        e = ws.events.get(eid or "")
        detail = self.query_one("#event-detail", Static)
        if e is None:
            detail.update("")
            return
        t = ws.event_types.get(e.type)
        parts = [e.title]
        if e.end and e.end != e.start:
            parts.append(f"{e.start.isoformat()} 至 {e.end.isoformat()}")
        if e.place:
            parts.append(f"地点：{e.place}")
        parts.append(f"参加会员 {len(e.participants)} 人，人次 {e.attendance}")
        if t is not None:
            for f in t.fields:
                if e.fields.get(f.name) not in (None, [], ""):
                    parts.append(f"{f.title}：{e.fields[f.name]}")
        if e.note:
            parts.append(f"备注：{e.note}")
        detail.update(" · ".join(parts))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if not self.stale:  # not before the tab was first shown
            self._filter()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.session.ready:  # (the box is hidden before: `Pane.WAIT_NOTE`)
            self._filter()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(str(event.row_key.value))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def show_event(self, eid: str) -> None:
        e = self.session.ws.events.get(eid)
        if e is None:
            return
        with self.prevent(Select.Changed, Input.Changed):
            self.query_one("#event-year", Select).value = e.start.year
            self.query_one("#event-type", Select).value = Select.NULL
            self.query_one("#event-scope", Select).value = "all"
            self.query_one("#event-search", Input).value = ""
        self._filter(select=eid)
        self.table.table.focus()

    @needs_members
    def action_search(self) -> None:
        self.query_one("#event-search", Input).focus()

    def _after(self, result: Event | None, message: str) -> None:
        if result is not None:
            self.uapp.after_change(message=message.format(title=result.title))
            self.refresh_data()
            self.show_event(result.id)

    @needs_members
    def action_add(self) -> None:
        self.app.push_screen(
            EventForm(self.session, org=self.session.current_org),
            lambda r: self._after(r, "已新增活动：{title}（未保存）"),
        )

    @needs_members
    def action_edit(self) -> None:
        eid = self.table.selected_key
        event = self.session.ws.events.get(eid or "")
        if event is None:
            self.notify("请先在列表中选中一项活动", severity="warning")
            return
        self.app.push_screen(
            EventForm(self.session, event), lambda r: self._after(r, "已修改活动：{title}（未保存）")
        )
