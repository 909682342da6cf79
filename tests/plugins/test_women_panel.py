"""The 女职工 panel mounts in a tiny Textual app and shows the workspace's figures."""

from __future__ import annotations

from typing import Any

from conftest import open_ws
from test_women import FIGURE_FILES, org_a, workspace
from textual.app import App, ComposeResult
from textual.widgets import Checkbox, DataTable, Input, Static


class PanelApp(App[None]):
    def __init__(self, widget: Any) -> None:
        super().__init__()
        self.widget = widget

    def compose(self) -> ComposeResult:
        yield self.widget


async def test_panel_mounts_and_calculates(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/A/organisation.toml": org_a(female=14), **FIGURE_FILES}
    ws, _ = open_ws(workspace(make_workspace, files))
    panels, errors = ws.tui_panels()
    assert errors == []
    [panel] = [p for p in panels if p.plugin == "women"]
    app = PanelApp(panel.factory(ws))
    async with app.run_test() as pilot:
        orgs = app.query_one("#women-orgs", DataTable)
        assert orgs.row_count == 1
        row = orgs.get_row("A")
        assert row[0] == "甲公司工会" and row[2] == "12" and row[4] == "35.0%" and row[5] == "女职工委员会"
        insurance = app.query_one("#women-insurance", DataTable)
        assert insurance.row_count == 1
        assert insurance.get_row_at(0)[3:6] == ["10", "12", "83.3%"]
        leave = app.query_one("#leave", Static)
        assert "产假 98 天" in str(leave.render())
        app.query_one("#babies", Input).value = "2"
        app.query_one("#difficult", Checkbox).value = True
        await pilot.pause()
        assert "产假 128 天" in str(leave.render())
        app.query_one("#miscarriage", Input).value = "3"
        await pilot.pause()
        assert "产假 15 天" in str(leave.render())
