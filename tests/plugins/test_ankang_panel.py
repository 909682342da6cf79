"""The 安康杯 TUI panel: hazards with status and an overdue marker, mounted in a tiny Textual app;
and the plugin itself never imports Textual."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

from conftest import WriteWorkspace, open_ws
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Static
from unioncore_ankang.hazards import hazard_rows

from unioncore.workspace import Workspace

HAZARDS = """
[[ankang_hazard]]
id = "H1"
unit = "A"
found = 2026-02-01
description = "配电箱线路裸露"
level = "一般"
status = "已验收"
rectified = 2026-02-10
verified = 2026-02-15

[[ankang_hazard]]
id = "H2"
unit = "A"
found = 2026-10-01
description = "照明不足"
level = "一般"
deadline = 2026-12-31
status = "待整改"

[[ankang_hazard]]
id = "H3"
unit = "A"
found = 2026-06-01
description = "货架立柱变形"
level = "重大"
deadline = 2026-11-20
status = "整改中"
reported_congress = true
reported_regulator = true
"""


def workspace(make_workspace: WriteWorkspace) -> Workspace:
    ws, _ = open_ws(make_workspace({"plugins/ankang/hazards.toml": HAZARDS}, enabled=["ankang"]))
    return ws


def test_rows_put_overdue_hazards_first(make_workspace: WriteWorkspace) -> None:
    rows = hazard_rows(workspace(make_workspace))
    assert [(r.id, r.overdue) for r in rows] == [("H3", 10), ("H2", None), ("H1", None)]
    assert rows[0].unit == "甲公司工会" and rows[0].status == "整改中"


class PanelApp(App[None]):
    def __init__(self, widget: Any) -> None:
        super().__init__()
        self.widget = widget

    def compose(self) -> ComposeResult:
        yield self.widget


async def test_panel_mounts_and_lists_hazards(make_workspace: WriteWorkspace) -> None:
    ws = workspace(make_workspace)
    panels, errors = ws.tui_panels()
    assert errors == []
    mine = [p for p in panels if p.plugin == "ankang"]
    assert [(p.id, p.title) for p in mine] == [("ankang.hazards", "安康杯·隐患")]
    app = PanelApp(mine[0].factory(ws))
    async with app.run_test() as pilot:
        await pilot.pause()
        table: DataTable[Any] = app.query_one("#ankang-hazards", DataTable)
        assert table.row_count == 3
        assert [str(c.label) for c in table.columns.values()] == [
            "编号",
            "单位",
            "发现日期",
            "等级",
            "隐患",
            "整改期限",
            "状态",
            "逾期",
        ]
        first = table.get_row_at(0)
        assert first[0] == "H3" and first[6] == "整改中" and str(first[7]) == "⚠ 逾期10天"
        assert str(table.get_row_at(1)[7]) == "" and str(table.get_row_at(2)[7]) == ""
        summary = app.query_one("#ankang-summary", Static)
        assert str(summary.content) == "隐患 3 项，已整改 1 项，逾期未整改 1 项"


def test_plugin_works_without_textual() -> None:
    code = (
        "import sys, unioncore_ankang.hooks, unioncore_ankang.stats, unioncore_ankang.report; "
        "sys.exit(1 if any(m == 'textual' or m.startswith('textual.') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
