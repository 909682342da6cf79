"""Pilot tests of 覆盖单位 (`[[enterprise]]`) in the 组织 tab: add, edit and remove a unit an
organisation covers, each field checked as it is typed (统一社会信用代码 by the core)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox, DataTable, Input, Static
from tuikit import app_for, ready, union
from unioncore_tui.app import UnionApp
from unioncore_tui.screens.dialogs import ChoiceDialog
from unioncore_tui.screens.org_forms import EnterpriseForm, EnterpriseList

from unioncore.identifiers import uscc_check_char

GOOD_USCC = "91110000600037342" + uscc_check_char("91110000600037342")
BAD_USCC = GOOD_USCC[:-1] + ("0" if GOOD_USCC[-1] != "0" else "1")

ORG_F_COVERING = """
    [organisation]
    code = "F"
    name = "幸福街道总工会"
    kind = "街道总工会"

    [[enterprise]]
    name = "甲公司"
    employees = 40
    union = "A"

    [[enterprise]]
    name = "乙商店"
    employees = 12
"""


def text_of(widget: Static) -> str:
    return str(widget.render())


def info(app: UnionApp) -> str:
    return text_of(app.pane("orgs").query_one("#org-info", Static))


def rows(screen: EnterpriseList) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def error_of(form: EnterpriseForm, field: str) -> str:
    return text_of(form.body.row(field).query_one(".field-error", Static))


async def test_add_edit_and_remove_a_covered_unit(tmp_path: Path) -> None:
    root = union(tmp_path / "ws", {"orgs/F/organisation.toml": ORG_F_COVERING})
    app = app_for(root)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        assert "覆盖单位 2 家，应建会 2 家，已建会 1 家" in info(app)  # F, first in the tree
        await pilot.press("u")
        units = app.screen
        assert isinstance(units, EnterpriseList)
        assert rows(units) == [
            ["甲公司", "", "40", "是", "A 甲公司工会"],
            ["乙商店", "", "12", "是", "未建会"],
        ]
        # a new unit: each field checked as it is typed, the 信用代码 by the core's check
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, EnterpriseForm)
        body = form.body
        assert body.row("required").query_one(Checkbox).value  # 应建会 by default
        body.row("name").query_one(Input).value = "丙餐馆"
        body.row("uscc").query_one(Input).value = BAD_USCC
        body.row("employees").query_one(Input).value = "三十"
        body.row("union").query_one(Input).value = "Z"
        await pilot.pause()
        assert "校验码" in error_of(form, "uscc")
        assert "整数" in error_of(form, "employees")
        assert "不存在" in error_of(form, "union")
        await pilot.press("ctrl+s")
        assert app.screen is form  # refused
        assert app.session is not None and len(app.session.ws.org("F").enterprises) == 2
        body.row("uscc").query_one(Input).value = GOOD_USCC
        body.row("employees").query_one(Input).value = "30"
        body.row("union").query_one(Input).value = ""
        await pilot.pause()
        assert not any(r.has_class("-invalid") for r in body.rows)
        await pilot.press("ctrl+s")
        assert app.screen is units
        assert rows(units)[2] == ["丙餐馆", GOOD_USCC, "30", "是", "未建会"]
        assert units.query_one(DataTable).cursor_row == 2
        # 乙商店 need not build a union: Enter opens it, 应建会 unticked
        units.query_one(DataTable).move_cursor(row=1)
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, EnterpriseForm)
        assert form.body.row("name").value() == "乙商店" and form.body.row("employees").value() == 12
        form.body.row("required").query_one(Checkbox).value = False
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert app.screen is units
        assert rows(units)[1] == ["乙商店", "", "12", "否", "未建会"]
        # 甲公司 removed, after a question
        units.query_one(DataTable).move_cursor(row=0)
        await pilot.press("d")
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog) and "甲公司" in dialog.message
        await pilot.click("#choice-remove")
        await pilot.pause()
        assert app.screen is units
        assert [r[0] for r in rows(units)] == ["乙商店", "丙餐馆"]
        await pilot.press("escape")
        assert app.screen is not units
        assert app.title.startswith("●")
        assert "覆盖单位 2 家，应建会 1 家，已建会 0 家" in info(app)
        # saved, and read again from disk
        await pilot.press("ctrl+s")
        saved = (root / "orgs/F/organisation.toml").read_text(encoding="utf-8")
        assert "甲公司" not in saved and f'uscc = "{GOOD_USCC}"' in saved and "required = false" in saved
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await ready(pilot)
        units_on_disk = app.session.ws.org("F").enterprises
        assert [(e.name, e.uscc, e.employees, e.required, e.union) for e in units_on_disk] == [
            ("乙商店", None, 12, False, None),
            ("丙餐馆", GOOD_USCC, 30, True, None),
        ]
        assert not [p for p in app.session.problems if p.rule in ("org.uscc", "org.enterprise")]


async def test_a_unit_that_built_its_union_and_an_empty_list(tmp_path: Path) -> None:
    root = union(tmp_path / "ws")
    app = app_for(root)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("u")  # 幸福街道总工会 covers nothing yet
        units = app.screen
        assert isinstance(units, EnterpriseList)
        assert rows(units) == [] and "按 n 新增" in text_of(units.query_one("#enterprise-summary", Static))
        await pilot.press("e")  # nothing to edit: told so, nothing opens
        assert app.screen is units
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, EnterpriseForm)
        await pilot.press("ctrl+s")  # 单位名称 is required
        assert app.screen is form and "单位名称" in error_of(form, "name")
        form.body.row("name").query_one(Input).value = "甲公司"
        form.body.row("union").query_one(Input).value = "A"
        await pilot.pause()
        assert "甲公司工会" in text_of(form.body.row("union").query_one(".field-ref", Static))
        await pilot.press("ctrl+s")
        assert rows(units) == [["甲公司", "", "", "是", "A 甲公司工会"]]
        await pilot.press("escape")
        assert app.session is not None
        assert app.session.ws.org("F").enterprises[0].unionised
        assert "覆盖单位 1 家，应建会 1 家，已建会 1 家" in info(app)
        # closing without a change leaves the workspace as it was
        await pilot.press("ctrl+s")
        assert not app.session.ws.dirty
        await pilot.press("u", "escape")
        assert not app.session.ws.dirty
