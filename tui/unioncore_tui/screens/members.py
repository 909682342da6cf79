"""会员: the members of the selected organisation (or all), filtered by status and category and
searched by name, pinyin, initials or the last digits of the 身份证; 身份证 and phone masked."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Select, Static

from unioncore.member import Member, Status

from ..widgets.paged_table import Cell, PagedTable
from .base import Pane, needs_members
from .member_forms import MemberForm, StatusForm, TransferForm

SCOPES = (("全部组织", "all"), ("所选组织", "org"), ("所选及下级", "sub"))
HOLDING = "holding"  # 在册: 在职 and 退休 (保留会籍)


class SearchInput(Input):
    """The search box. Its size is fixed by the CSS, so the width of what is typed changes only
    how far it can scroll: Input would lay out the whole screen again on every keystroke."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)


class MemberPane(Pane):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "add", "入会"),
        Binding("e", "edit", "修改"),
        Binding("t", "transfer", "转会"),
        Binding("r", "retire", "退休"),
        Binding("l", "leave", "退会"),
        Binding("d", "decease", "去世", show=False),
        Binding("slash", "search", "搜索"),
    ]
    WAIT_NOTE = "正在载入会员……"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._pool: list[int] = []
        self._cat_options: list[tuple[str, str]] = []
        self._detail = ""
        self._quiet = False  # True while the filters are set together (`search_for`)

    def compose(self) -> ComposeResult:
        with Horizontal(classes="filters"):
            yield SearchInput(
                placeholder="搜索：姓名/拼音/首字母/身份证后几位", id="member-search", compact=True
            )
            yield Select(SCOPES, value="all", allow_blank=False, id="member-scope", compact=True)
            statuses = [("在册", HOLDING), *((s.value, s.name) for s in Status)]
            yield Select(statuses, prompt="全部状态", value=HOLDING, id="member-status", compact=True)
            yield Select([], prompt="全部类别", id="member-category", compact=True)
        yield PagedTable(
            [
                ("编号", 8),
                ("姓名", 6),
                ("性别", 4),
                ("公民身份号码", 18),
                ("手机", 11),
                ("状态", 4),
                ("单位", 8),
                ("入会日期", 10),
            ],
            id="member-table",
        )
        yield Static("", id="member-detail")

    @property
    def table(self) -> PagedTable:
        return self.query_one("#member-table", PagedTable)

    # -- data --------------------------------------------------------------------------------
    def refresh_data(self, select: str | None = None) -> None:
        session = self.session
        if not session.ready:  # the list waits for the index (`Pane.WAIT_NOTE`)
            self.mark_stale()
            return
        cat = self.query_one("#member-category", Select)
        current = cat.value
        options = [(c.label, cid) for cid, c in session.ws.categories.items()]
        if options != self._cat_options:
            self._cat_options = options
            with self.prevent(Select.Changed):
                cat.set_options(options)
                if current in {v for _, v in options}:
                    cat.value = current
        self._update_scope_label()
        self._filter(select=select)

    def _update_scope_label(self) -> None:
        code = self.session.current_org
        name = self.session.ws.organisations[code].name if code in self.session.ws.organisations else "—"
        scope = self.query_one("#member-scope", Select)
        value = scope.value
        with self.prevent(Select.Changed):
            scope.set_options((("全部组织", "all"), (f"本级：{name}", "org"), (f"含下级：{name}", "sub")))
            scope.value = value if value is not Select.NULL else "all"

    def _filter(self, select: str | None = None) -> None:
        session = self.session
        scope = self.query_one("#member-scope", Select).value
        status = self.query_one("#member-status", Select).value
        category = self.query_one("#member-category", Select).value
        orgs: set[str] | None = None
        code = session.current_org
        if scope == "org" and code:
            orgs = {code}
        elif scope == "sub" and code:
            orgs = set(session.subtree(code))
        statuses: set[Status] | None
        if status == HOLDING:
            statuses = {s for s in Status if s.is_member}
        elif isinstance(status, str):
            statuses = {Status[status]}
        else:
            statuses = None
        self._pool = session.index.candidates(orgs, statuses, category if isinstance(category, str) else None)
        self._search(select=select)

    def _search(self, select: str | None = None) -> None:
        query = self.query_one("#member-search", Input).value
        index = self.session.index
        found = index.search(query, self._pool)
        self.table.set_rows(found, self._row, key=index.ids.__getitem__, select=select)
        self._show_detail(self.table.selected_key)

    def _row(self, pos: int) -> list[Cell]:
        m = self.session.ws.members[self.session.index.ids[pos]]
        return [
            m.id,
            m.name,
            m.gender or "",
            m.masked_id_number,
            m.masked_phone,
            m.status.value,
            m.org,
            m.joined.isoformat() if m.joined else "",
        ]

    def _show_detail(self, mid: str | None) -> None:
        self._set_detail(self._detail_text(mid))

    def _set_detail(self, text: str) -> None:
        if text == self._detail:
            return  # the cursor landed on the member already shown (e.g. after a search)
        self._detail = text
        # the detail line's size is fixed by the CSS (height 2, full width): no layout pass needed
        self.query_one("#member-detail", Static).update(text, layout=False)

    def _detail_text(self, mid: str | None) -> str:
        ws = self.session.ws
        m = ws.members.get(mid or "")
        if m is None:
            return ""
        age = m.age(ws.as_of)
        parts = [f"{m.name}（{m.id}）", self.session.org_label(m.org)]
        if age is not None:
            parts.append(f"{age} 岁")
        cats = [ws.categories[c].label if c in ws.categories else c for c in m.categories]
        if cats:
            parts.append("类别：" + "、".join(cats))
        if m.card_no:
            parts.append(f"会员证 {m.card_no}")
        if m.history:
            h = m.history[-1]
            parts.append(f"最近变动：{h.date.isoformat()} {h.kind.value}")
        if m.note:
            parts.append(f"备注：{m.note}")
        return " · ".join(parts)

    # -- events ------------------------------------------------------------------------------
    def on_mount(self) -> None:
        # Search as the box's value changes, in the same step as the keystroke: the box and the
        # list are then drawn together, once. (The Input.Changed message arrives a few message
        # hops later, after the box alone has been drawn.)
        self.watch(self.query_one("#member-search", Input), "value", self._search_typed, init=False)

    def _search_typed(self) -> None:
        if not self._quiet and self.session.ready:
            self._search()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "member-search":
            event.stop()  # searched already (`_search_typed`)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "member-search":
            event.stop()
            self.table.table.focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if not self.stale:  # not before the tab was first shown
            self._filter()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(str(event.row_key.value))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    # -- actions -----------------------------------------------------------------------------
    def search_for(self, text: str, *, scope: str = "all", select: str | None = None) -> None:
        """Show members matching `text` (used when jumping to a member from a problem)."""
        self._quiet = True
        try:
            with self.prevent(Input.Changed, Select.Changed):
                self.query_one("#member-scope", Select).value = scope
                self.query_one("#member-status", Select).value = Select.NULL
                self.query_one("#member-category", Select).value = Select.NULL
                self.query_one("#member-search", Input).value = text
        finally:
            self._quiet = False
        self._filter(select=select)
        self.table.table.focus()

    @needs_members
    def action_search(self) -> None:
        self.query_one("#member-search", Input).focus()

    def _selected(self) -> Member | None:
        mid = self.table.selected_key
        member = self.session.ws.members.get(mid or "")
        if member is None:
            self.notify("请先在列表中选中一名会员", severity="warning")
        return member

    def _open(self, screen: ModalScreen[Member | None], done: str) -> None:
        def after(result: Member | None) -> None:
            if result is not None:
                self.uapp.after_change(member=result, message=done.format(name=result.name))
                self.refresh_data(select=result.id)

        self.app.push_screen(screen, after)

    @needs_members
    def action_add(self) -> None:
        session = self.session
        code = session.current_org
        org = session.ws.organisations.get(code or "")
        default = code if org is not None and org.kind.is_grassroots else None
        self._open(MemberForm(session, org=default), "已登记入会：{name}（未保存）")

    @needs_members
    def action_edit(self) -> None:
        m = self._selected()
        if m is not None:
            self._open(MemberForm(self.session, m), "已修改：{name}（未保存）")

    @needs_members
    def action_transfer(self) -> None:
        m = self._selected()
        if m is not None:
            self._open(TransferForm(self.session, m), "已办理转会：{name}（未保存）")

    def _status(self, kind: str, done: str) -> Callable[[], None]:
        def act() -> None:
            m = self._selected()
            if m is not None:
                self._open(StatusForm(self.session, m, kind), done)

        return act

    @needs_members
    def action_retire(self) -> None:
        self._status("retire", "已办理退休：{name}（未保存）")()

    @needs_members
    def action_leave(self) -> None:
        self._status("leave", "已办理退会：{name}（未保存）")()

    @needs_members
    def action_decease(self) -> None:
        self._status("decease", "已登记去世：{name}（未保存）")()
