"""The 预算执行 panel (budget against actual per account), run in a Textual test app."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import WriteWorkspace
from test_policy_support import Build, entry, make_builder
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Static

from unioncore import Workspace


@pytest.fixture
def build(make_workspace: WriteWorkspace) -> Build:
    return make_builder(make_workspace)


BUDGET = """
[[line]]
account = "50102"
amount = "1000.00"

[[line]]
account = "50105"
amount = "2000.00"

[[adjustment]]
date = 2026-07-01
account = "50105"
amount = "500.00"
"""

LEDGER = (
    entry("记-001", "2026-03-01", "50102", "1200.00", memo="球赛", signed=False)
    + entry("记-002", "2026-06-12", "50105", "500.00", purpose="住院慰问", member="M1")
    + entry("记-003", "2026-07-20", "50405", "300.00", purpose="送清凉", member="M1", method="实物")
)


class PanelApp(App[None]):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace

    def compose(self) -> ComposeResult:
        (panel,) = [p for p in self.workspace.tui_panels()[0] if p.plugin == "policy"]
        yield panel.factory(self.workspace)


async def test_budget_panel_shows_budget_against_actual(build: Build) -> None:
    ws, _ = build(LEDGER, budget=BUDGET)
    app = PanelApp(ws)
    async with app.run_test() as pilot:
        await pilot.pause()
        table = app.query_one("#policy-budget-table", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows == [
            [
                "甲公司工会",
                "50102 文体活动支出",
                "1,000.00",
                "0.00",
                "1,000.00",
                "1,200.00",
                "-200.00",
                "120.0%（超支）",
            ],
            [
                "甲公司工会",
                "50105 会员活动支出",
                "2,000.00",
                "500.00",
                "2,500.00",
                "500.00",
                "2,000.00",
                "20.0%",
            ],
            ["甲公司工会", "50405 送温暖支出", "0.00", "0.00", "0.00", "300.00", "-300.00", "无预算（超支）"],
        ]
        summary = str(app.query_one("#policy-budget-summary", Static).render())
        assert "2026年预算执行情况" in summary and "超支科目 2 个" in summary


async def test_budget_panel_of_a_workspace_without_budgets(build: Build) -> None:
    ws, _ = build(budget=None)
    app = PanelApp(ws)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.query_one(DataTable).row_count == 0


def test_plugin_hooks_do_not_import_textual() -> None:
    code = "import sys, unioncore_policy.hooks; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
