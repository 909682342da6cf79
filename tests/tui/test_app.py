"""Pilot tests of each tab's main flow, on a small union written in the test."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input, Select, SelectionList, Static
from tuikit import LI_SI, ZHANG_SAN, app_for, org_a, ready, union
from unioncore_tui.app import UnionApp
from unioncore_tui.screens.dialogs import ChoiceDialog
from unioncore_tui.screens.entry_form import EntryForm
from unioncore_tui.screens.event_form import EventForm
from unioncore_tui.screens.form_screen import given
from unioncore_tui.screens.member_forms import MemberForm, StatusForm, TransferForm
from unioncore_tui.screens.member_picker import MemberPicker
from unioncore_tui.widgets.form import FieldRow

import unioncore
from unioncore.identifiers import mask_ric
from unioncore.member import Status

ORG_A_WITH_TERM = org_a(
    """
    [[committee]]
    kind = "工会委员会"
    term_start = 2024-01-01
    term_end = 2027-01-01

    [[committee.seat]]
    role = "主席"
    member = "M0001"
"""
)

ORG_B = """
    [organisation]
    code = "B"
    name = "乙公司工会"
    kind = "基层工会"
    parent = "F"
    employees = 10
"""


def text_of(widget: Static) -> str:
    return str(widget.render())


def row_text(table: DataTable[Any], key: str) -> list[str]:
    return [str(c) for c in table.get_row(key)]


async def test_org_tree_details_term_reminder_and_rate(tmp_path: Path) -> None:
    app = app_for(union(tmp_path / "ws", {"orgs/A/organisation.toml": ORG_A_WITH_TERM}))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        pane = app.pane("orgs")
        info = pane.query_one("#org-info", Static)
        assert app.session is not None and app.session.current_org == "F"
        assert "幸福街道总工会" in text_of(info)
        assert "含下级在职 3 人" in text_of(info)
        await pilot.press("down")
        assert app.session.current_org == "A"
        shown = text_of(info)
        # 3 in-service members ÷ 40 employees
        assert "入会率 7.5%" in shown
        assert "工会委员会 2024-01-01 至 2027-01-01，主席 张三" in shown
        assert "距届满还有 32 天" in shown
        # the reminder is the core's problem (org.term-due), not a rule of the TUI
        assert "请准备换届" in shown
        # m shows the members of the selected organisation
        await pilot.press("m")
        assert app.tabs.active == "tab-members"
        assert app.pane("members").table.keys == ["M0001", "M0002", "M0003"]


async def test_member_search_by_pinyin_initials_and_masked_ids(tmp_path: Path) -> None:
    app = app_for(union(tmp_path / "ws"))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        pane = app.pane("members")
        assert pane.table.keys == ["M0001", "M0002", "M0003"]
        await pilot.press("slash", "z", "s")
        assert pane.table.keys == ["M0001"]
        cells = pane.table.table.get_row_at(0)
        assert cells[1] == "张三"
        assert cells[3] == mask_ric(ZHANG_SAN) and ZHANG_SAN not in map(str, cells)
        assert cells[4] == "138****5678"
        for _ in range(2):
            await pilot.press("backspace")
        await pilot.press(*LI_SI[-4:])
        assert pane.table.keys == ["M0002"]


async def test_add_member_with_bad_id_number_then_fix_save_and_reload(tmp_path: Path) -> None:
    root = union(tmp_path / "ws")
    app = app_for(root)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2", "n")
        form = app.screen
        assert isinstance(form, MemberForm)
        body = form.body
        assert body.row("id").value() == "M0004"  # the next free id, only a suggestion
        await pilot.press("A")  # 所属工会, focused first
        body.row("name").query_one(Input).value = "王五"
        bad = ZHANG_SAN[:-1] + ("0" if ZHANG_SAN[-1] != "0" else "1")
        id_input = body.row("id_number").query_one(Input)
        id_input.focus()
        await pilot.press(*bad)
        row = body.row("id_number")
        error = text_of(row.query_one(".field-error", Static))
        assert row.has_class("-invalid") and "校验位" in error
        assert bad not in error  # masked in the message
        # submitting anyway is refused by the core, the error stays beside the field
        await pilot.press("ctrl+s")
        assert app.screen is form and row.has_class("-invalid")
        assert app.session is not None and "M0004" not in app.session.ws.members
        # fix it: the error goes
        good = "11010519900307" + "0038"
        from unioncore.identifiers import ric_check_char

        good = good[:17] + ric_check_char(good[:17])
        id_input.value = good
        await pilot.pause()
        assert not row.has_class("-invalid")
        await pilot.press("ctrl+s")
        assert app.screen is not form
        assert app.session.ws.members["M0004"].name == "王五"
        assert app.title.startswith("●") and "未保存" in app.sub_title
        assert app.pane("members").table.selected_key == "M0004"
        # save
        assert not app.wrote_files
        await pilot.press("ctrl+s")
        assert not app.title.startswith("●") and app.wrote_files
        assert 'name = "王五"' in (root / "orgs/A/members.toml").read_text(encoding="utf-8")
        # reload from disk and find the member by pinyin initials
        old = app.session
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await ready(pilot)
        assert app.session is not old
        await pilot.press("2", "slash", "w", "w")
        assert app.pane("members").table.keys == ["M0004"]


async def test_ledger_entry_changes_the_balance(tmp_path: Path) -> None:
    app = app_for(union(tmp_path / "ws"))
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("down")  # 甲公司工会 in the tree
        await pilot.press("4")
        pane = app.pane("funds")
        summary = pane.query_one("#fund-summary", DataTable)
        assert row_text(summary, "401")[1] == "500.00"
        assert row_text(summary, "102")[1] == "9,700.00"  # 10000 + 500 − 800
        # budget vs actual for 501 职工活动支出: 800 of 3000
        assert row_text(summary, "501")[1:] == ["800.00", "3,000.00", "27%"]
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, EntryForm)
        body = form.body
        assert body.row("voucher").value() == "记-003"
        body.row("account").set_value("401")
        body.row("amount").query_one(Input).value = "120.5"
        body.row("memo").query_one(Input).value = "11月会费"
        await pilot.press("ctrl+s")
        assert app.screen is not form
        assert row_text(summary, "401")[1] == "620.50"
        assert row_text(summary, "102")[1] == "9,820.50"
        assert pane.balance_of("102") == Decimal("9820.50")
        assert pane.query_one("#fund-ledger").selected_key == "A:2026:记-003"  # type: ignore[attr-defined]


async def test_ledger_entry_amount_is_checked_beside_the_field(tmp_path: Path) -> None:
    app = app_for(union(tmp_path / "ws"))
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("down", "4", "n")
        form = app.screen
        assert isinstance(form, EntryForm)
        form.body.row("account").set_value("401")
        amount = form.body.row("amount")
        amount.query_one(Input).value = "12.345"
        await pilot.pause()
        assert "两位小数" in text_of(amount.query_one(".field-error", Static))
        await pilot.press("ctrl+s")
        assert app.screen is form
        assert app.session is not None and not app.session.ws.dirty


async def test_problems_tab_lists_a_broken_file_and_jumps_to_the_record(tmp_path: Path) -> None:
    bad_member = """
        [[member]]
        id = "M0001"
        name = "张三"
        id_number = "110105198001010010"
    """
    root = union(
        tmp_path / "ws", {"orgs/A/members.toml": bad_member, "orgs/A/events/2026.toml": "[[event]\n"}
    )
    app = app_for(root)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        await pilot.press("5")
        pane = app.pane("problems")
        table = pane.table.table
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        broken = [r for r in rows if r[1].startswith("orgs/A/events/2026.toml:1")]
        assert broken and broken[0][0] == "错误"
        ric = [i for i, r in enumerate(rows) if r[1].startswith("orgs/A/members.toml:") and "校验位" in r[2]]
        assert ric
        table.move_cursor(row=ric[0])
        await pilot.press("enter")
        assert app.tabs.active == "tab-members"
        assert app.pane("members").table.selected_key == "M0001"


async def test_a_plugin_panel_that_raises_shows_an_error_in_its_tab(tmp_path: Path) -> None:
    def broken(ws: object) -> object:
        raise RuntimeError("面板坏了")

    class Panels:
        @unioncore.hookimpl
        def unioncore_tui_panels(self, workspace: object) -> list[unioncore.TuiPanel]:
            return [
                unioncore.TuiPanel("boom", "坏面板", broken),
                unioncore.TuiPanel("fine", "好面板", lambda ws: Static("好面板的内容", id="fine")),
            ]

    root = union(tmp_path / "ws", enabled=["panels"])
    app = app_for(root, plugins={"panels": Panels()})
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        # 6 is 报表; the plugins' tabs follow it
        await pilot.press("7")
        await pilot.pause()
        error = app.query_one(".panel-error", Static)
        assert "坏面板" in text_of(error) and "面板坏了" in text_of(error)
        await pilot.press("8")
        await pilot.pause()
        assert text_of(app.query_one("#fine", Static)) == "好面板的内容"
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"转到：报表", "转到：坏面板", "转到：好面板"} <= set(titles)
        labels = [str(t.label) for t in app.tabs.query("ContentTab")]
        assert labels == ["组织", "会员", "活动", "经费", "检查", "报表", "坏面板", "好面板"]
        # the rest of the app still works
        await pilot.press("2")
        assert app.pane("members").table.keys == ["M0001", "M0002", "M0003"]


async def test_save_refused_when_the_file_changed_on_disk(tmp_path: Path) -> None:
    root = union(tmp_path / "ws")
    app = app_for(root)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        pane = app.pane("members")
        pane.table.select_key("M0002")
        await pilot.press("r")
        form = app.screen
        assert isinstance(form, StatusForm)
        await pilot.press("ctrl+s")
        assert app.session is not None
        assert app.session.ws.members["M0002"].status is Status.RETIRED
        # another program changes the file meanwhile
        members = root / "orgs/A/members.toml"
        members.write_text(
            members.read_text(encoding="utf-8") + '\n[[member]]\nid = "M0009"\nname = "赵九"\n',
            encoding="utf-8",
        )
        before = members.read_bytes()
        await pilot.press("ctrl+s")
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog) and dialog.id == "save-refused"
        assert any(p.file == "orgs/A/members.toml" for p in dialog.problems)
        assert members.read_bytes() == before  # never overwritten
        await pilot.click("#choice-reload")
        await app.workers.wait_for_complete()
        await ready(pilot)
        ws = app.session.ws
        assert not ws.dirty and "M0009" in ws.members
        assert ws.members["M0002"].status is Status.ACTIVE


async def test_watching_reloads_or_asks(tmp_path: Path) -> None:
    root = union(tmp_path / "ws")
    app = app_for(root)
    members = root / "orgs/A/members.toml"
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        first = app.session
        members.write_text(
            members.read_text(encoding="utf-8") + '\n[[member]]\nid = "M0009"\nname = "赵九"\n',
            encoding="utf-8",
        )
        app._poll_disk()
        await app.workers.wait_for_complete()
        await ready(pilot)
        assert app.session is not first and "M0009" in app.session.ws.members  # type: ignore[union-attr]
        # with unsaved changes it asks instead of dropping them
        assert app.session is not None
        app.session.ws.retire_member("M0002", app.session.ws.as_of)
        app.after_change()
        members.write_text(
            members.read_text(encoding="utf-8") + '\n[[member]]\nid = "M0010"\nname = "钱十"\n',
            encoding="utf-8",
        )
        app._poll_disk()
        await app.workers.wait_for_complete()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog) and dialog.id == "disk-changed"
        await pilot.click("#choice-keep")
        assert app.session.ws.dirty and "M0010" not in app.session.ws.members
        # it does not ask again about the same change
        app._poll_disk()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceDialog)


async def test_quitting_with_unsaved_changes_asks(tmp_path: Path) -> None:
    app = app_for(union(tmp_path / "ws"))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert app.session is not None
        app.session.ws.leave_member("M0003", app.session.ws.as_of)
        app.after_change()
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ChoiceDialog) and app.screen.id == "quit-dialog"
        await pilot.press("escape")
        assert not isinstance(app.screen, ChoiceDialog) and app.is_running
        await pilot.press("ctrl+q")
        await pilot.click("#choice-discard")
        await pilot.pause()
    assert app.return_code == 0


async def test_transfer_and_leave(tmp_path: Path) -> None:
    app = app_for(union(tmp_path / "ws", {"orgs/B/organisation.toml": ORG_B}))
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        pane = app.pane("members")
        pane.table.select_key("M0003")
        await pilot.press("t")
        form = app.screen
        assert isinstance(form, TransferForm)
        form.body.row("to_org").query_one(Input).value = "B"
        await pilot.pause()
        assert "乙公司工会" in text_of(form.body.row("to_org").query_one(".field-ref", Static))
        await pilot.press("ctrl+s")
        assert app.session is not None
        moved = app.session.ws.members["M0003"]
        assert moved.org == "B" and moved.history[-1].kind.value == "转会"
        pane.table.select_key("M0002")
        await pilot.press("l")
        assert isinstance(app.screen, StatusForm)
        await pilot.press("ctrl+s")
        assert app.session.ws.members["M0002"].status is Status.LEFT
        # a member who left is no longer 在册: the default filter hides them
        assert "M0002" not in pane.table.keys


async def test_add_event_with_the_types_own_fields_and_participants(tmp_path: Path) -> None:
    app = app_for(union(tmp_path / "ws"))
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("down", "3", "n")
        form = app.screen
        assert isinstance(form, EventForm)
        body = form.body
        assert body.row("org").value() == "A" and body.row("id").value() == "E2026-0002"
        assert not body.has_row("hours")
        body.row("type").set_value("education")
        await pilot.pause()
        assert body.has_row("hours")  # 学时, a field of the education type
        body.row("title").query_one(Input).value = "安全生产培训"
        body.row("start").query_one(Input).value = "2026-06-01"
        body.row("hours").query_one(Input).value = "4"
        body.row("participants").query_one("#pick-participants").press()
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, MemberPicker)
        await pilot.press("l", "s", "enter", "enter")
        assert picker.selected == ["M0002"]
        await pilot.press("ctrl+s")
        assert app.screen is form
        assert body.row("participants").value() == ["M0002"]
        await pilot.press("ctrl+s")
        assert app.screen is not form
        assert app.session is not None
        event = app.session.ws.events["E2026-0002"]
        assert event.participants == ("M0002",) and event.fields == {"hours": 4}
        assert app.pane("events").table.selected_key == "E2026-0002"


async def test_edit_event_and_invalid_date_beside_the_field(tmp_path: Path) -> None:
    app = app_for(union(tmp_path / "ws"))
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("3")
        pane = app.pane("events")
        assert pane.table.keys == ["E2026-0001"]
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, EventForm)
        start = form.body.row("start")
        start.query_one(Input).value = "2026-13-01"
        await pilot.pause()
        assert "日期" in text_of(start.query_one(".field-error", Static))
        start.query_one(Input).value = "2026-05-01"
        form.body.row("place").query_one(Input).value = "职工之家"
        await pilot.press("ctrl+s")
        assert app.screen is not form
        assert app.session is not None
        event = app.session.ws.events["E2026-0001"]
        assert event.place == "职工之家" and str(event.start) == "2026-05-01"


async def test_command_palette_lists_the_actions(tmp_path: Path) -> None:
    from textual.command import CommandPalette

    app = app_for(union(tmp_path / "ws"))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("down")  # 甲公司工会 in the tree
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"保存", "重新加载", "退出", "转到：会员", "新增会员（入会）", "记账", "新增活动"} <= set(
            titles
        )
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"记账")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntryForm)


def test_field_rows_follow_the_core_field_declarations() -> None:
    from unioncore_tui.widgets.form import rows_for

    from unioncore.ledger import ENTRY_FIELDS

    rows = rows_for(ENTRY_FIELDS)
    assert [r.field.name for r in rows] == [f.name for f in ENTRY_FIELDS]
    assert all(isinstance(r, FieldRow) for r in rows)


async def test_editor_opens_the_problem_line_and_the_change_is_reloaded(
    tmp_path: Path, monkeypatch: Any
) -> None:
    import contextlib

    from unioncore_tui import app as app_module

    bad = '[[member]]\nid = "M0001"\nname = "张三"\nphone = 12345\n'
    root = union(tmp_path / "ws", {"orgs/A/members.toml": bad})
    calls: list[list[str]] = []

    def editor(cmd: list[str], check: bool = False) -> None:
        calls.append(cmd)
        Path(cmd[-1]).write_text(
            '[[member]]\nid = "M0001"\nname = "张三"\nphone = "13812345678"\n', encoding="utf-8"
        )

    monkeypatch.setenv("EDITOR", "myeditor --wait")
    monkeypatch.setattr(app_module.subprocess, "run", editor)
    app = app_for(root)
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        await pilot.press("5")
        pane = app.pane("problems")
        keys = pane.table.keys  # type: ignore[attr-defined]
        shown = [pane.selected_problem(k) for k in keys]  # type: ignore[attr-defined]
        row = next(
            i for i, p in enumerate(shown) if p.file == "orgs/A/members.toml" and p.path[-1] == "phone"
        )
        pane.table.table.move_cursor(row=row)  # type: ignore[attr-defined]
        problem = pane.selected_problem()  # type: ignore[attr-defined]
        assert problem is not None and problem.line == 4
        first = app.session
        await pilot.press("e")
        assert calls == [["myeditor", "--wait", "+4", str(root / "orgs/A/members.toml")]]
        await app.workers.wait_for_complete()
        await ready(pilot)
        assert app.session is not first  # the edited file was read again
        assert not [p for p in app.session.problems if p.path and p.path[-1] == "phone"]  # type: ignore[union-attr]


async def test_ledger_filtered_by_account_and_events_by_type(tmp_path: Path) -> None:
    app = app_for(union(tmp_path / "ws"))
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("down", "4")
        funds = app.pane("funds")
        ledger = funds.query_one("#fund-ledger")
        assert ledger.keys == ["A:2026:记-001", "A:2026:记-002"]  # type: ignore[attr-defined]
        funds.query_one("#fund-account", Select).value = "401"
        await pilot.pause()
        assert ledger.keys == ["A:2026:记-001"]  # type: ignore[attr-defined]
        await pilot.press("3")
        events = app.pane("events")
        events.query_one("#event-type", Select).value = "education"
        await pilot.pause()
        assert events.table.keys == []  # type: ignore[attr-defined]
        events.query_one("#event-type", Select).value = "culture_sports"
        await pilot.pause()
        assert events.table.keys == ["E2026-0001"]  # type: ignore[attr-defined]


async def test_member_category_with_its_own_fields(tmp_path: Path) -> None:
    root = union(tmp_path / "ws")
    app = app_for(root)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        app.pane("members").table.select_key("M0002")  # type: ignore[attr-defined]
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, MemberForm)
        body = form.body
        assert not body.has_row("cat-model_worker__level")
        # ticking 劳模 shows its fields; 级别 is required
        body.row("categories").query_one(SelectionList).select("model_worker")
        await pilot.pause()
        level = body.row("cat-model_worker__level")
        assert level.field.title == "级别" and body.has_row("cat-model_worker__year")
        await pilot.press("ctrl+s")
        assert app.screen is form
        assert "级别" in text_of(level.query_one(".field-error", Static))
        level.set_value("市级")
        year = body.row("cat-model_worker__year")
        year.query_one(Input).value = "二〇一五"
        await pilot.pause()
        assert "整数" in text_of(year.query_one(".field-error", Static))
        year.query_one(Input).value = "2015"
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert app.screen is not form
        assert app.session is not None
        member = app.session.ws.members["M0002"]
        assert member.categories == ("model_worker",)
        assert given(member.category_data["model_worker"]) == {"level": "市级", "year": 2015}
        # the form shows what was saved; unticking takes the fields away
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, MemberForm)
        assert form.body.row("cat-model_worker__level").value() == "市级"
        form.body.row("categories").query_one(SelectionList).deselect("model_worker")
        await pilot.pause()
        assert not form.body.has_row("cat-model_worker__level")
        await pilot.press("escape")
        # a new member with a category and its fields
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, MemberForm)
        await pilot.press("A")
        form.body.row("name").query_one(Input).value = "赵六"
        form.body.row("categories").query_one(SelectionList).select("model_worker")
        await pilot.pause()
        form.body.row("cat-model_worker__level").set_value("全国")
        form.body.row("cat-model_worker__title").query_one(Input).value = "全国劳动模范"
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert app.screen is not form
        added = app.session.ws.members["M0004"]
        assert given(added.category_data["model_worker"]) == {"level": "全国", "title": "全国劳动模范"}
        await pilot.press("ctrl+s")
        saved = (root / "orgs/A/members.toml").read_text(encoding="utf-8")
        assert 'level = "市级"' in saved and 'title = "全国劳动模范"' in saved


async def test_ledger_entry_edited_and_voided(tmp_path: Path) -> None:
    root = union(tmp_path / "ws")
    app = app_for(root)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("down", "4")
        pane = app.pane("funds")
        summary = pane.query_one("#fund-summary", DataTable)
        ledger = pane.query_one("#fund-ledger")
        assert row_text(summary, "102")[1] == "9,700.00"
        # Enter on an entry opens it; the amount of 记-002 becomes 300.00
        ledger.select_key("A:2026:记-002")  # type: ignore[attr-defined]
        ledger.table.focus()  # type: ignore[attr-defined]
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, EntryForm)
        assert form.body.row("amount").value() == "800.00" and form.body.row("memo").value() == "三八节活动"
        assert form.body.row("org").query_one(Input).disabled  # the entry stays in its ledger
        form.body.row("amount").query_one(Input).value = "-5"
        await pilot.press("ctrl+s")
        assert app.screen is form  # refused by the core, beside the field
        assert "大于零" in text_of(form.body.row("amount").query_one(".field-error", Static))
        form.body.row("amount").query_one(Input).value = "300.00"
        await pilot.press("ctrl+s")
        assert app.screen is not form
        assert row_text(summary, "102")[1] == "10,200.00"  # 10000 + 500 − 300
        assert row_text(summary, "501")[1:3] == ["300.00", "3,000.00"]
        assert ledger.selected_key == "A:2026:记-002"  # type: ignore[attr-defined]
        # 作废 asks first; cancelling keeps the entry
        await pilot.press("delete")
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog) and dialog.id == "void-dialog"
        assert "记-002" in dialog.message
        await pilot.press("escape")
        assert ledger.keys == ["A:2026:记-001", "A:2026:记-002"]  # type: ignore[attr-defined]
        await pilot.press("delete")
        await pilot.click("#choice-void")
        await pilot.pause()
        assert ledger.keys == ["A:2026:记-001"]  # type: ignore[attr-defined]
        assert row_text(summary, "102")[1] == "10,500.00"
        assert pane.balance_of("102") == Decimal("10500.00")
        await pilot.press("ctrl+s")
        text = (root / "orgs/A/ledger/2026.toml").read_text(encoding="utf-8")
        assert "记-001" in text and "记-002" not in text


def test_a_session_that_saved_refreshes_the_cache_when_it_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`unioncore tui`: after a session that wrote files, a detached check rewrites the cache so the
    next open is fast; a session that only looked leaves it alone."""
    from unioncore_tui import app as app_module

    from unioncore import cache

    refreshed: list[Path] = []
    monkeypatch.setattr(cache, "refresh_detached", lambda root: refreshed.append(root) or True)
    for wrote in (False, True):

        def fake_run(self: UnionApp, wrote: bool = wrote) -> int:
            self.wrote_files = wrote
            return 0

        monkeypatch.setattr(UnionApp, "run", fake_run)
        assert app_module.run(str(tmp_path)) == 0
    assert refreshed == [tmp_path]
