"""The TUI panel 预算执行: budget against actual per organisation and account.

Imported only when the TUI builds the panel (hooks.py imports it lazily), so the plugin works with
the core alone, without Textual.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from .budget import BudgetRow, budget_rows
from .settings import read_settings

if TYPE_CHECKING:
    from unioncore import Workspace

COLUMNS = ("组织", "科目", "预算", "调整", "可用", "已支出", "余额", "执行率")


def _money(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def row_cells(ws: Workspace, row: BudgetRow) -> tuple[Any, ...]:
    over = row.spent > row.available
    style = "bold red" if over else ""
    rate = "无预算" if row.rate is None else f"{row.rate}%"
    org = ws.organisations.get(row.org)
    return (
        org.name if org else row.org,
        f"{row.account} {row.name}",
        Text(_money(row.budget), justify="right"),
        Text(_money(row.adjusted), justify="right"),
        Text(_money(row.available), justify="right"),
        Text(_money(row.spent), style=style, justify="right"),
        Text(_money(row.remaining), style=style, justify="right"),
        Text(rate + ("（超支）" if over else ""), style=style, justify="right"),
    )


class BudgetPanel(Vertical):
    """预算执行情况: one row per budgeted account (and per account spent without a budget)."""

    DEFAULT_CSS = """
    BudgetPanel { height: 1fr; }
    BudgetPanel > Static { padding: 0 1; }
    BudgetPanel > DataTable { height: 1fr; }
    """

    def __init__(self, workspace: Workspace, year: int | None = None, **kw: Any) -> None:
        super().__init__(**kw)
        self.workspace = workspace
        self.year = year or workspace.year
        self.rows = budget_rows(workspace, self.year)

    def compose(self) -> ComposeResult:
        settings, _ = read_settings(self.workspace)
        over = sum(1 for r in self.rows if r.spent > r.available)
        summary = f"{self.year}年预算执行情况　标准：{settings.preset.name}"
        if over:
            summary += f"　超支科目 {over} 个"
        yield Static(summary, id="policy-budget-summary")
        yield DataTable(id="policy-budget-table", zebra_stripes=True, cursor_type="row")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        for row in self.rows:
            table.add_row(*row_cells(self.workspace, row), key=f"{row.org}:{row.account}")


def build(workspace: Workspace) -> BudgetPanel:
    return BudgetPanel(workspace)
