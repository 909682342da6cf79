"""Pilot tests of the 组织 tab's changes: 新建组织, 修改组织 and 换届."""

from __future__ import annotations

from pathlib import Path

from conftest import write_workspace
from textual.widgets import Input, Select, SelectionList, Static
from textual.widgets.tree import TreeNode
from tuikit import app_for, org_a, ready, today, union
from unioncore_tui.app import UnionApp
from unioncore_tui.screens.dialogs import ChoiceDialog
from unioncore_tui.screens.member_picker import MemberPicker
from unioncore_tui.screens.org_forms import CommitteeForm, OrgForm, term_end

from unioncore.identifiers import uscc_check_char
from unioncore.organisation import CommitteeKind, CommitteeSeat

GOOD_USCC = "91110000600037342" + uscc_check_char("91110000600037342")
BAD_USCC = GOOD_USCC[:-1] + ("0" if GOOD_USCC[-1] != "0" else "1")

ORG_A_EXPIRED = org_a(
    """
    [[committee]]
    kind = "工会委员会"
    term_start = 2020-01-01
    term_end = 2022-12-31

    [[committee.seat]]
    role = "主席"
    name = "赵一"
"""
)


ORG_INDUSTRY = """
    [organisation]
    code = "I"
    name = "幸福街道餐饮行业工会联合会"
    kind = "行业工会联合会"
    parent = "F"
"""


def text_of(widget: Static) -> str:
    return str(widget.render())


def info(app: UnionApp) -> str:
    return text_of(app.pane("orgs").query_one("#org-info", Static))


def error_of(form: OrgForm | CommitteeForm, field: str) -> str:
    return text_of(form.body.row(field).query_one(".field-error", Static))


def cursor(app: UnionApp) -> TreeNode[str] | None:
    return app.pane("orgs").query_one("#org-tree").cursor_node  # type: ignore[attr-defined, no-any-return]


async def test_create_a_federation_and_a_union_in_an_empty_workspace(tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "ws", base=False)
    app = app_for(root)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        assert "还没有组织" in info(app) and "按 n 新建组织" in info(app)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"新建组织", "修改组织", "登记换届", "更正本届委员会", "覆盖单位"} <= titles
        # the 街道总工会, with a bad 统一社会信用代码 first
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, OrgForm)
        body = form.body
        assert body.row("parent").value() is None and body.row("code").value() is None
        await pilot.press(*"XF")  # 组织代码, focused first
        body.row("name").query_one(Input).value = "幸福街道总工会"
        body.row("kind").set_value("街道总工会")
        uscc = body.row("uscc").query_one(Input)
        uscc.value = BAD_USCC
        await pilot.pause()
        assert body.row("uscc").has_class("-invalid") and "校验码" in error_of(form, "uscc")
        await pilot.press("ctrl+s")
        assert app.screen is form  # refused: the error stays beside the field
        assert app.session is not None and not app.session.ws.organisations
        uscc.value = GOOD_USCC
        await pilot.pause()
        assert not body.row("uscc").has_class("-invalid")
        await pilot.press("ctrl+s")
        assert app.screen is not form
        assert app.session.current_org == "XF" and app.title.startswith("●")
        node = cursor(app)
        assert node is not None and node.data == "XF"
        assert "幸福街道总工会" in info(app) and GOOD_USCC in info(app)
        # a 基层工会 under it: the parent and a code are suggested from the selection
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, OrgForm)
        body = form.body
        assert body.row("parent").value() == "XF" and body.row("code").value() == "XF-01"
        body.row("name").query_one(Input).value = "甲公司工会"
        body.row("kind").query_one(Select).value = "基层工会"
        body.row("employees").query_one(Input).value = "40"
        body.row("founded").query_one(Input).value = "2019-05-01"
        await pilot.press("ctrl+s")
        assert app.screen is not form
        node = cursor(app)
        assert node is not None and node.data == "XF-01" and node.parent is not None
        assert node.parent.data == "XF"
        assert "上级 幸福街道总工会（XF）" in info(app) and "职工  40 人" in info(app)
        # save, then read everything again from disk
        await pilot.press("ctrl+s")
        assert not app.title.startswith("●")
        assert (root / "orgs/XF-01/organisation.toml").is_file()
        old = app.session
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await ready(pilot)
        assert app.session is not old
        orgs = app.session.ws.organisations
        assert orgs["XF"].uscc == GOOD_USCC and orgs["XF-01"].parent == "XF"
        assert str(orgs["XF-01"].founded) == "2019-05-01"
        tree = app.pane("orgs").query_one("#org-tree")
        assert [n.data for n in tree.root.children] == ["XF"]  # type: ignore[attr-defined]
        assert [n.data for n in tree.root.children[0].children] == ["XF-01"]  # type: ignore[attr-defined]


async def test_edit_an_organisation(tmp_path: Path) -> None:
    app = app_for(union(tmp_path / "ws", {"orgs/I/organisation.toml": ORG_INDUSTRY}))
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("down", "e")  # 甲公司工会
        form = app.screen
        assert isinstance(form, OrgForm)
        body = form.body
        assert body.row("code").query_one(Input).disabled  # the code is its folder's name
        assert body.row("employees").value() == 40 and body.row("parent").value() == "F"
        employees = body.row("employees").query_one(Input)
        employees.value = "四十五"
        await pilot.pause()
        assert "整数" in error_of(form, "employees")
        employees.value = "45"
        # 同时隶属: chosen from the industry and regional federations
        body.row("also_under").query_one(SelectionList).select("I")
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert app.screen is not form
        assert app.session is not None
        org = app.session.ws.org("A")
        assert org.employees == 45 and org.name == "甲公司工会" and org.parent == "F"
        assert org.also_under == ("I",)
        assert "职工  45 人" in info(app) and "入会率 6.7%" in info(app)  # 3 ÷ 45
        assert app.title.startswith("●")
        node = cursor(app)
        assert node is not None and node.data == "A"


async def test_a_federation_cannot_be_put_under_its_own_union(tmp_path: Path) -> None:
    app = app_for(union(tmp_path / "ws"))
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        # a parent that would make a loop is refused beside the field (the core's check)
        await pilot.press("e")  # 幸福街道总工会, the first in the tree
        form = app.screen
        assert isinstance(form, OrgForm)
        form.body.row("parent").set_value("A")
        await pilot.pause()
        assert "循环" in error_of(form, "parent")
        await pilot.press("ctrl+s")
        assert app.screen is form
        assert app.session is not None and not app.session.ws.dirty


async def test_record_an_election_for_an_expired_term(tmp_path: Path) -> None:
    app = app_for(union(tmp_path / "ws", {"orgs/A/organisation.toml": ORG_A_EXPIRED}))
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("down")
        assert "已届满" in info(app) and "应换届" in info(app)
        await pilot.press("h")
        form = app.screen
        assert isinstance(form, CommitteeForm)
        body = form.body
        assert body.row("kind").value() == "工会委员会"
        # the end follows the start: three years less a day, or five
        assert body.row("term_start").value() == "2026-11-30"
        assert body.row("term_end").value() == "2029-11-29"
        body.row("term_start").query_one(Input).value = "2026-11-20"
        await pilot.pause()
        assert body.row("term_end").value() == "2029-11-19"
        body.row("years").set_value("5")
        await pilot.pause()
        assert body.row("term_end").value() == "2031-11-19"
        body.row("years").set_value("3")
        await pilot.pause()
        # the chair picked from the union's members, a member of the committee who is not one
        body.row("seat0_role").set_value("主席")
        body.row("seat0_member").query_one("#pick-seat0_member").press()  # type: ignore[attr-defined]
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, MemberPicker)
        await pilot.press("z", "s", "enter", "enter")
        assert app.screen is form and body.row("seat0_member").value() == "M0001"
        body.row("seat1_name").query_one(Input).value = "王五"
        await pilot.pause()
        # a seat without its role is refused, the problem beside it
        await pilot.press("ctrl+s")
        assert app.screen is form and "职务" in error_of(form, "seat1_role")
        body.row("seat1_role").set_value("委员")
        await pilot.press("ctrl+n")  # one more line
        assert body.has_row("seat3_role")
        await pilot.press("ctrl+s")
        assert app.screen is not form
        assert app.session is not None
        current = app.session.ws.org("A").committee(CommitteeKind.UNION)
        assert current is not None and current.term_end == term_end(current.term_start, 3)
        assert [(s.role, s.member, s.name) for s in current.seats] == [
            ("主席", "M0001", None),
            ("委员", None, "王五"),
        ]
        shown = info(app)
        assert "工会委员会 2026-11-20 至 2029-11-19，主席 张三" in shown
        assert "本届成员\n  工会委员会 2 人：主席 张三、委员 王五" in shown
        # the problems were refreshed: the reminder is gone
        assert "应换届" not in shown and "已届满" not in shown
        assert not [p for p in app.session.problems if p.rule == "org.term-expired"]
        assert app.title.startswith("●")


ORG_A_TWO_BODIES = org_a(
    """
    [[committee]]
    kind = "工会委员会"
    term_start = 2020-01-01
    term_end = 2022-12-31

    [[committee]]
    kind = "工会委员会"
    term_start = 2024-01-01
    term_end = 2026-12-31

    [[committee.seat]]
    role = "主席"
    name = "赵一"

    [[committee.seat]]
    role = "委员"
    name = "钱二"

    [[committee]]
    kind = "经费审查委员会"
    term_start = 2024-01-01
    term_end = 2028-06-30

    [[committee.seat]]
    role = "经审会主任"
    member = "M0003"
"""
)


async def test_correct_the_current_committee(tmp_path: Path) -> None:
    app = app_for(union(tmp_path / "ws", {"orgs/A/organisation.toml": ORG_A_TWO_BODIES}))
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("down")  # 甲公司工会
        # two bodies have a current term: which one is asked
        await pilot.press("c")
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        await pilot.click("#choice-UNION")
        form = app.screen
        assert isinstance(form, CommitteeForm) and form.current is not None
        body = form.body
        assert body.row("kind").query_one(Select).disabled  # another kind would be another body
        assert body.row("term_start").value() == "2024-01-01" and body.row("years").value() == "3"
        assert body.row("term_end").value() == "2026-12-31"
        assert [body.row(f"seat{n}_name").value() for n in range(3)] == ["赵一", "钱二", None]
        # 赵一 is the member 张三; 钱二 is taken off (the line emptied); a member who is not there
        body.row("seat0_name").query_one(Input).value = ""
        body.row("seat0_member").query_one(Input).value = "M0001"
        body.row("seat1_role").set_value(None)
        body.row("seat1_name").query_one(Input).value = ""
        body.row("seat2_role").set_value("委员")
        body.row("seat2_member").query_one(Input).value = "M0099"
        await pilot.pause()
        await pilot.press("ctrl+s")
        # the core's refusal is shown beside the seat's line
        assert app.screen is form and "不存在" in error_of(form, "seat2_member")
        body.row("seat2_member").query_one(Input).value = "M0002"
        # the term's end corrected
        body.row("term_end").query_one(Input).value = "2026-12-30"
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert app.screen is not form
        assert app.session is not None
        org = app.session.ws.org("A")
        # no new term: the current one corrected in its place, the earlier one and 经审会 kept
        assert [(c.kind, str(c.term_start)) for c in org.committees] == [
            (CommitteeKind.UNION, "2020-01-01"),
            (CommitteeKind.UNION, "2024-01-01"),
            (CommitteeKind.AUDIT, "2024-01-01"),
        ]
        current = org.committee(CommitteeKind.UNION)
        assert current is not None and str(current.term_end) == "2026-12-30"
        assert [(s.role, s.member, s.name) for s in current.seats] == [
            ("主席", "M0001", None),
            ("委员", "M0002", None),
        ]
        assert "本届成员\n  工会委员会 2 人：主席 张三、委员 李四" in info(app)
        assert app.title.startswith("●")
        await pilot.press("ctrl+s")
        saved = (tmp_path / "ws/orgs/A/organisation.toml").read_text(encoding="utf-8")
        assert "钱二" not in saved and "赵一" not in saved and 'member = "M0003"' in saved


async def test_correcting_needs_a_committee(tmp_path: Path) -> None:
    app = app_for(union(tmp_path / "ws"))
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("down", "c")  # 甲公司工会 has no committee on file
        assert not isinstance(app.screen, CommitteeForm)
        assert app.session is not None and not app.session.ws.dirty
        # with a single body the form opens at once
        app.session.ws.add_committee(
            "A", CommitteeKind.WOMEN, today(), term_end(today(), 5), [CommitteeSeat("女职委主任", "M0002")]
        )
        await pilot.press("c")
        form = app.screen
        assert isinstance(form, CommitteeForm) and form.current is not None
        assert form.current.kind is CommitteeKind.WOMEN and form.body.row("years").value() == "5"
        await pilot.press("escape")
        assert len(app.session.ws.org("A").committees) == 1
