"""Statistics against figures computed by hand from a small workspace."""

from __future__ import annotations

import datetime
from decimal import Decimal

from conftest import open_ws

from unioncore import Period
from unioncore.cli import main

FILES = {
    "orgs/F/organisation.toml": """
        [organisation]
        code = "F"
        name = "幸福街道总工会"
        kind = "街道总工会"

        [[enterprise]]
        name = "甲公司"
        union = "A"

        [[enterprise]]
        name = "乙公司"
        union = "B"

        [[enterprise]]
        name = "丙公司"

        [[enterprise]]
        name = "丁工作室"
        required = false
    """,
    "orgs/B/organisation.toml": """
        [organisation]
        code = "B"
        name = "乙公司工会"
        kind = "基层工会"
        parent = "F"
        employees = 10
    """,
    "orgs/A/members.toml": """
        [[member]]
        id = "M1"
        name = "张三"
        gender = "男"
        joined = 2020-01-01
        categories = ["migrant_worker"]

        [[member]]
        id = "M2"
        name = "李四"
        gender = "女"
        joined = 2026-02-01

        [[member]]
        id = "M3"
        name = "王五"
        gender = "女"
        joined = 2001-01-01
        status = "退休"
        history = [
            { date = 2001-01-01, kind = "入会" },
            { date = 2026-05-01, kind = "退休" },
        ]

        [[member]]
        id = "M4"
        name = "赵六"
        gender = "男"
        joined = 2010-01-01
        status = "退会"
        history = [
            { date = 2010-01-01, kind = "入会" },
            { date = 2025-12-01, kind = "退会" },
        ]
    """,
    "orgs/B/members.toml": """
        [[member]]
        id = "M5"
        name = "孙七"
        gender = "女"
        joined = 2015-01-01
        categories = ["migrant_worker", "model_worker"]
        model_worker = { level = "市级" }
    """,
    "orgs/A/events/2026.toml": """
        [[event]]
        id = "E1"
        type = "culture_sports"
        title = "运动会"
        start = 2026-05-01
        participants = ["M1", "M2"]

        [[event]]
        id = "E2"
        type = "culture_sports"
        title = "拔河比赛"
        start = 2026-09-01
        headcount = 30

        [[event]]
        id = "E3"
        type = "education"
        title = "培训"
        start = 2026-10-01
        participants = ["M1"]
        hours = 4
    """,
    "orgs/A/events/2025.toml": """
        [[event]]
        id = "E0"
        type = "culture_sports"
        title = "去年的活动"
        start = 2025-05-01
        headcount = 99
    """,
    "orgs/A/ledger/2026.toml": """
        [opening]
        "101" = "100.00"
        "102" = "1000.00"

        [[entry]]
        voucher = "1"
        date = 2026-01-10
        account = "401"
        amount = "300.00"

        [[entry]]
        voucher = "2"
        date = 2026-02-10
        account = "402"
        amount = "1200.00"

        [[entry]]
        voucher = "3"
        date = 2026-02-10
        account = "211"
        amount = "800.00"

        [[entry]]
        voucher = "4"
        date = 2026-02-20
        account = "211"
        side = "借"
        amount = "800.00"

        [[entry]]
        voucher = "5"
        date = 2026-05-01
        account = "50102"
        amount = "450.50"
        event = "E1"

        [[entry]]
        voucher = "6"
        date = 2026-06-01
        account = "50105"
        amount = "200.00"
        cash = "101"
        member = "M1"

        [[entry]]
        voucher = "7"
        date = 2026-06-05
        account = "50102"
        side = "贷"
        amount = "50.50"
        memo = "退回多付的场地费"
    """,
}


def figures(root):  # type: ignore[no-untyped-def]
    ws, _ = open_ws(root)
    figs, errors = ws.figures(Period.year(2026))
    assert errors == []
    return ws, {f.key: f for f in figs}


def test_member_figures(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws, f = figures(make_workspace(FILES))
    assert f["members.total"].value == 4  # M1 M2 M3(retired) M5; M4 left
    assert f["members.status.active"].value == 3
    assert f["members.status.retired"].value == 1
    assert f["members.status.left"].value == 1
    assert f["members.female"].value == 3
    assert f["members.category.migrant_worker"].value == 2
    assert f["members.category.model_worker"].refs == ("member:M5",)
    assert f["members.joined"].refs == ("member:M2",)
    assert ws.members["M5"].category_data == {"model_worker": {"level": "市级", "title": None, "year": None}}
    # at the end of 2025 M2 had not joined, M3 was still in service and M4 had left
    f25 = {x.key: x for x in ws.figures(Period.year(2025))[0]}
    assert f25["members.status.active"].value == 3  # M1 M3 M5


def test_rates(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, f = figures(make_workspace(FILES))
    # in-service members of unions with an employee count: A (40 employees: M1, M2) and B (10: M5)
    assert f["rates.membership"].value == Decimal("6.0")  # 3 / 50
    assert "3 人 ÷ 已建会单位职工 50 人" in f["rates.membership"].note
    # enterprises that should have a union: 甲 乙 丙 (丁 not required); with a union: 甲 乙
    assert f["rates.unionisation"].value == Decimal("66.7")


def test_event_figures(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, f = figures(make_workspace(FILES))
    assert f["events.total"].value == 3
    assert f["events.attendance"].value == 2 + 30 + 1
    assert f["events.type.culture_sports.count"].value == 2
    assert f["events.type.culture_sports.attendance"].value == 32
    assert set(f["events.type.culture_sports.count"].refs) == {"event:E1", "event:E2"}


def test_fund_figures_and_balances(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws, f = figures(make_workspace(FILES))
    assert f["funds.income"].value == Decimal("1500.00")
    assert f["funds.expense"].value == Decimal("600.00")  # 450.50 + 200 − 50.50
    assert f["funds.account.501"].value == Decimal("600.00")
    assert f["funds.account.50102"].value == Decimal("400.00")
    assert f["funds.account.50102"].refs == ("entry:A:2026:5", "entry:A:2026:7")
    # bank: 1000 + 300 + 1200 + 800 − 800 − 450.50 + 50.50 = 2100; cash: 100 − 200 = −100
    assert ws.balance("A", "102", 2026) == Decimal("2100.00")
    assert ws.balance("A", "101", 2026) == Decimal("-100.00")
    assert ws.balance("A", "211", 2026) == Decimal("0.00")
    assert f["funds.cash"].value == Decimal("2000.00")


def test_stats_command_prints_the_figures(make_workspace, capsys) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace(FILES)
    assert main(["stats", str(root), "--year", "2026"]) == 0
    out = capsys.readouterr().out
    for text in ("会员总数", "4人", "职工入会率", "6.0%", "建会率", "66.7%", "文体活动次数", "1,500.00元"):
        assert text in out


def test_event_cost_is_its_linked_expenses(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws, _ = figures(make_workspace(FILES))
    assert ws.event_cost("E1") == Decimal("450.50")
    assert ws.event_cost("E2") == Decimal("0")


def test_cached_figures_follow_every_change(make_workspace) -> None:  # type: ignore[no-untyped-def]
    """Figures are computed once per workspace state: a change through the API gives new ones."""
    ws, f = figures(make_workspace(FILES))
    assert f["funds.income"].value == Decimal("1500.00")
    # asked again without a change: the same figures (and a caller's list is its own)
    again, _ = ws.figures(Period.year(2026))
    again.clear()
    assert {x.key: x for x in ws.figures(Period.year(2026))[0]} == f

    ws.add_entry("A", voucher="8", date="2026-07-01", account="401", amount="99.50")
    g = {x.key: x for x in ws.figures(Period.year(2026))[0]}
    assert g["funds.income"].value == Decimal("1599.50")
    assert g["funds.income"].refs[-1] == "entry:A:2026:8"
    assert g["funds.account.401"].value == Decimal("399.50")
    assert g["funds.surplus"].value == Decimal("999.50")
    assert g["funds.cash"].value == Decimal("2099.50")
    # the year-end report is written from the new figures too
    from unioncore import reports

    text = reports.render(reports.build(ws, "summary", 2026)[0], "md")
    assert text is not None and "1,599.50元" in text

    ws.update_entry("A:2026:8", amount="0.50")
    assert {x.key: x for x in ws.figures(Period.year(2026))[0]}["funds.income"].value == Decimal("1500.50")
    ws.remove_entry("A:2026:8")
    assert {x.key: x for x in ws.figures(Period.year(2026))[0]} == f

    ws.add_member("B", id="M6", name="周八", gender="女", joined="2026-03-01")
    h = {x.key: x for x in ws.figures(Period.year(2026))[0]}
    assert h["members.total"].value == 5
    assert h["members.joined"].refs == ("member:M2", "member:M6")
    assert h["members.female"].value == 4
    ws.retire_member("M1", datetime.date(2026, 6, 30))
    h = {x.key: x for x in ws.figures(Period.year(2026))[0]}
    assert h["members.status.retired"].refs == ("member:M1", "member:M3")
    assert h["members.total"].value == 5
    # another period is computed apart: at the end of 2025, M1 was still in service
    h25 = {x.key: x for x in ws.figures(Period.year(2025))[0]}
    assert h25["members.status.retired"].value == 0
