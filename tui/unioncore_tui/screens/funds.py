"""经费: the selected organisation's ledger by year, filtered by account; per account its balance
(`Workspace.balance`) and its budget (`Budget.amount_for`); add an entry (记账), change the selected
one (`Workspace.update_entry`) or void it (作废, `Workspace.remove_entry`, after a confirmation)."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Select, Static

from unioncore import layout
from unioncore.ledger import Entry
from unioncore.problems import UnioncoreError

from ..widgets.paged_table import Cell, PagedTable
from .base import Pane, needs_members
from .dialogs import ChoiceDialog
from .entry_form import EntryForm


def money(amount: Decimal) -> Text:
    return Text(f"{amount:,.2f}", justify="right")


class FundPane(Pane):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "add", "记账"),
        Binding("e", "edit", "修改"),
        Binding("delete", "void", "作废"),
        Binding("d", "void", "作废", show=False),
    ]
    WAIT_NOTE = "正在载入经费账目……"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: dict[str, Entry] = {}
        self._years: list[int] = []

    def compose(self) -> ComposeResult:
        with Horizontal(classes="filters"):
            yield Static("", id="fund-org")
            year = self.session.ws.year
            yield Select([(f"{year}年", year)], value=year, allow_blank=False, id="fund-year", compact=True)
            yield Select([], prompt="全部科目", id="fund-account", compact=True)
        summary: DataTable[Cell] = DataTable(id="fund-summary", cursor_type="row", zebra_stripes=True)
        summary.add_column("科目", width=22)
        summary.add_column("余额/发生额", width=14)
        summary.add_column("预算", width=12)
        summary.add_column("执行率", width=6)
        yield summary
        yield PagedTable(
            [
                ("日期", 10),
                ("凭证号", 8),
                ("科目", 18),
                ("方向", 4),
                ("金额", 12),
                ("对方", 4),
                ("摘要", None),
            ],
            id="fund-ledger",
        )

    @property
    def org(self) -> str | None:
        return self.session.current_org

    @property
    def year(self) -> int:
        value = self.query_one("#fund-year", Select).value
        return value if isinstance(value, int) else self.session.ws.year

    def refresh_data(self, select: str | None = None) -> None:
        ws = self.session.ws
        code = self.org
        self.query_one("#fund-org", Static).update(self.session.org_label(code) if code else "（未选组织）")
        prefix = f"{layout.ORGS}/{code}/{layout.LEDGER_DIR}/"
        years = {ws.year}
        for rel in [*ws.entries, *ws.openings]:
            if rel.startswith(prefix):
                years.add(int(rel[len(prefix) : len(prefix) + 4]))
        ordered = sorted(years, reverse=True)
        self._years = self.offer_years(self.query_one("#fund-year", Select), ordered, self._years)
        self._show(select=select)

    def _accounts(self) -> list[str]:
        """Accounts the organisation's year uses: opening balances, budget lines and entries."""
        ws = self.session.ws
        code, year = self.org, self.year
        if not code:
            return []
        used: set[str] = set(ws.opening(code, year).balances)
        budget = ws.budget(code, year)
        used.update(line.account for line in budget.lines)
        used.update(a.account for a in budget.adjustments)
        for e in ws.ledger(org=code, year=year):
            used.add(e.account)
            used.add(e.cash_account)
        with_parents = set(used)
        for acc in used:
            a = ws.chart.get(acc)
            while a is not None and a.parent_code:
                with_parents.add(a.parent_code)
                a = ws.chart.get(a.parent_code)
        return sorted(with_parents)

    def _show(self, select: str | None = None) -> None:
        ws = self.session.ws
        code, year = self.org, self.year
        accounts = self._accounts()
        account_select = self.query_one("#fund-account", Select)
        chosen = account_select.value
        with self.prevent(Select.Changed):
            labels = [(ws.chart.get(a).label if ws.chart.get(a) else a, a) for a in accounts]  # type: ignore[union-attr]
            account_select.set_options(labels)
            if chosen in accounts:
                account_select.value = chosen
        summary = self.query_one("#fund-summary", DataTable)
        summary.clear()
        if code:
            budget = ws.budget(code, year)
            for acc in accounts:
                a = ws.chart.get(acc)
                name = a.label if a else acc
                indent = "  " * ((len(acc) - 3) // 2)
                actual = ws.balance(code, acc, year)
                planned = budget.amount_for(acc)
                has_budget = any(ln.account.startswith(acc) for ln in budget.lines)
                rate = f"{actual / planned * 100:.0f}%" if has_budget and planned else ""
                summary.add_row(
                    indent + name,
                    money(actual),
                    money(planned) if has_budget else "",
                    Text(rate, justify="right"),
                    key=acc,
                )
        account = account_select.value
        entries = (
            ws.ledger(org=code, account=account if isinstance(account, str) else None, year=year)
            if code
            else []
        )
        self._entries = {e.ref: e for e in entries}
        ledger = self.query_one("#fund-ledger", PagedTable)
        if not code:
            ledger.empty = "请先在“组织”中选择一个组织"
        elif isinstance(account, str):
            ledger.empty = f"{year}年没有涉及此科目的凭证"
        else:
            ledger.empty = f"{self.session.org_label(code)} {year}年还没有账目（按 n 记账）"
        ledger.set_rows(list(self._entries), self._row, select=select)

    def _row(self, ref: str) -> list[Cell]:
        e = self._entries[ref]
        chart = self.session.ws.chart
        a = chart.get(e.account)
        side = e.side or ("借" if a is None or a.cls.debit_normal else "贷")
        return [
            e.date.isoformat(),
            e.voucher,
            a.label if a else e.account,
            side,
            money(e.amount),
            e.cash_account,
            e.memo or "",
        ]

    def balance_of(self, account: str) -> Decimal | None:
        """The balance shown for an account (for tests and the command palette)."""
        code = self.org
        return self.session.ws.balance(code, account, self.year) if code else None

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if not self.stale:  # not before the tab was first shown
            self._show()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.data_table.id == "fund-summary":
            account = str(event.row_key.value)
            self.query_one("#fund-account", Select).value = account
        else:  # Enter on an entry of the ledger
            self.action_edit()

    @property
    def selected_entry(self) -> Entry | None:
        ref = self.query_one("#fund-ledger", PagedTable).selected_key
        return self._entries.get(ref) if ref else None

    def show_entry(self, ref: str) -> None:
        """Select the organisation's year of the entry `org:year:voucher` and put the cursor on it."""
        org, year, _ = ref.split(":", 2)
        self.uapp.set_current_org(org)
        self.refresh_data()
        with self.prevent(Select.Changed):
            self.query_one("#fund-year", Select).value = int(year)
            self.query_one("#fund-account", Select).value = Select.NULL
        self._show(select=ref)
        self.query_one("#fund-ledger", PagedTable).table.focus()

    def show_year(self, org: str, year: int | None) -> None:
        """The ledger of `org` for `year` (a budget or opening balances the officer asked about)."""
        self.uapp.set_current_org(org)
        self.refresh_data()
        if year is not None and year in self._years:
            with self.prevent(Select.Changed):
                self.query_one("#fund-year", Select).value = year
                self.query_one("#fund-account", Select).value = Select.NULL
            self._show()
        self.query_one("#fund-summary", DataTable).focus()

    @needs_members
    def action_edit(self) -> None:
        entry = self.selected_entry
        if entry is None:
            self.notify("请先在账目列表中选择一张凭证", severity="warning")
            return

        def after(changed: Entry | None) -> None:
            if changed is not None:
                self.uapp.after_change(
                    message=f"已修改凭证：{changed.voucher} {changed.amount:,.2f} 元（未保存）"
                )
                self.show_entry(changed.ref)

        self.app.push_screen(EntryForm(self.session, entry.org, entry.date.year, entry=entry), after)

    @needs_members
    def action_void(self) -> None:
        entry = self.selected_entry
        if entry is None:
            self.notify("请先在账目列表中选择一张凭证", severity="warning")
            return
        ws = self.session.ws
        a = ws.chart.get(entry.account)
        what = f"{entry.voucher}（{entry.date.isoformat()}，{a.label if a else entry.account}，{entry.amount:,.2f}元"
        what += f"，摘要“{entry.memo}”）" if entry.memo else "）"

        def answer(choice: str | None) -> None:
            if choice != "void":
                return
            try:
                gone = ws.remove_entry(entry.ref)
            except UnioncoreError as exc:
                self.notify("；".join(p.message for p in exc.problems), severity="error")
                return
            self.uapp.after_change(message=f"已作废凭证 {gone.voucher}（未保存，ctrl+s 写入文件）")

        self.app.push_screen(
            ChoiceDialog(
                "作废凭证",
                f"作废凭证 {what}？它将从{entry.date.year}年的账簿中删除，余额随之改变；保存后写入文件。",
                [("cancel", "取消", "primary"), ("void", "作废", "error")],
                id="void-dialog",
            ),
            answer,
        )

    @needs_members
    def action_add(self) -> None:
        def after(entry: Entry | None) -> None:
            if entry is not None:
                self.uapp.after_change(message=f"已记账：{entry.voucher} {entry.amount:,.2f} 元（未保存）")
                self.refresh_data()
                self.show_entry(entry.ref)

        self.app.push_screen(EntryForm(self.session, self.org, self.year), after)
