"""收支公开 (工会02表 by account against the budget, balances, 211) computed by hand."""

from __future__ import annotations

from decimal import Decimal

from conftest import open_ws

from unioncore.reports.public_account import build_public_account
from unioncore.reports.render_md import render_md

FILES = {
    "orgs/A/organisation.toml": """
        [organisation]
        code = "A"
        name = "甲公司工会"
        kind = "基层工会"
        parent = "F"
        employees = 40

        [[committee]]
        kind = "工会委员会"
        term_start = 2024-01-01
        term_end = 2028-12-31
        seat = [{ role = "主席", name = "张主席" }]

        [[committee]]
        kind = "经费审查委员会"
        term_start = 2024-01-01
        term_end = 2028-12-31
        seat = [{ role = "经审会主任", name = "李主任" }]
    """,
    "orgs/A/ledger/2026.toml": """
        [opening]
        101 = "200.00"
        102 = "1000.00"

        [[entry]]
        voucher = "记-1"
        date = 2026-01-10
        account = "401"
        amount = "300.00"

        [[entry]]
        voucher = "记-2"
        date = 2026-02-10
        account = "402"
        amount = "600.00"

        [[entry]]
        voucher = "记-3"
        date = 2026-02-10
        account = "211"
        amount = "400.00"
        memo = "应上解部分"

        [[entry]]
        voucher = "记-4"
        date = 2026-03-01
        account = "211"
        amount = "400.00"
        side = "借"
        memo = "上解上级"

        [[entry]]
        voucher = "记-5"
        date = 2026-04-01
        account = "50102"
        amount = "250.00"

        [[entry]]
        voucher = "记-6"
        date = 2026-05-01
        account = "50105"
        amount = "150.00"
        cash = "101"

        [[entry]]
        voucher = "记-7"
        date = 2026-06-01
        account = "50102"
        amount = "50.00"
        side = "贷"
        memo = "退回"
    """,
    "orgs/A/budget/2026.toml": """
        [[line]]
        account = "50102"
        amount = "400.00"

        [[line]]
        account = "50105"
        amount = "100.00"

        [[line]]
        account = "50501"
        amount = "300.00"

        [[adjustment]]
        date = 2026-06-01
        account = "50105"
        amount = "100.00"
        reason = "追加"
    """,
}


def _account(make_workspace):  # type: ignore[no-untyped-def]
    ws, problems = open_ws(make_workspace(FILES))
    assert [p.format() for p in problems if p.is_error] == []
    report, problems = build_public_account(ws, 2026)
    assert problems == []
    return report


def test_statement_by_account_against_budget(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = _account(make_workspace)
    v = {f.key: f.value for f in report.figures}
    assert v["public.A.income"] == Decimal("900.00")
    assert v["public.A.401"] == Decimal("300.00")
    assert v["public.A.402"] == Decimal("600.00")
    # the reversal (贷方 50102) reduces the expense
    assert v["public.A.50102"] == Decimal("200.00")
    assert v["public.A.50105"] == Decimal("150.00")
    assert v["public.A.501"] == Decimal("350.00")
    assert v["public.A.expense"] == Decimal("350.00")
    assert v["public.A.surplus"] == Decimal("550.00")
    # budget with its adjustment, and the execution rate
    assert v["public.A.50105.budget"] == Decimal("200.00")
    assert v["public.A.501.budget"] == Decimal("600.00")
    assert v["public.A.expense.budget"] == Decimal("900.00")
    assert v["public.A.50102.rate"] == Decimal("50.0")
    assert v["public.A.501.rate"] == Decimal("58.3")
    assert v["public.A.expense.rate"] == Decimal("38.9")
    # budgeted but nothing spent: the budget is printed, the actual is a dash, never an invented 0
    assert "public.A.50501" not in v
    assert v["public.A.50501.budget"] == Decimal("300.00")
    [statement] = [t for t in report.tables() if t.title.startswith("收入支出表")]
    row = statement.rows[statement.keys.index("public.A.50501")]
    assert row[1] == Decimal("300.00") and row[2] == "—"


def test_balances_and_upward_share(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = _account(make_workspace)
    v = {f.key: f.value for f in report.figures}
    assert v["public.A.balance.101.opening"] == Decimal("200.00")
    assert v["public.A.balance.101.closing"] == Decimal("50.00")
    assert v["public.A.balance.102.increase"] == Decimal("1350.00")
    assert v["public.A.balance.102.decrease"] == Decimal("650.00")
    assert v["public.A.balance.102.closing"] == Decimal("1700.00")
    assert v["public.A.balance.211.increase"] == Decimal("400.00")
    assert v["public.A.balance.211.closing"] == Decimal("0.00")
    assert v["public.A.cash.opening"] == Decimal("1200.00")
    assert v["public.A.cash.closing"] == v["public.A.cash.opening"] + v["public.A.surplus"]  # type: ignore[operator]
    text = render_md(report)
    assert "年初货币资金1,200.00元，本年收入900.00元，本年支出350.00元，年末货币资金1,750.00元。" in text
    assert "应上解上级工会400.00元（计入211应付上级经费），已上解400.00元。" in text
    assert "工会主席：张主席" in text and "经费审查委员会主任：李主任" in text
    assert report.title == "甲公司工会2026年度经费收支情况公示"


def test_every_amount_names_its_records(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = _account(make_workspace)
    f = report.figure("public.A.50102")
    assert f is not None and f.refs == ("entry:A:2026:记-5", "entry:A:2026:记-7")
    budget = report.figure("public.A.50102.budget")
    assert budget is not None and budget.refs == ("budget:A:2026",)
    opening = report.figure("public.A.balance.102.opening")
    assert opening is not None and opening.refs == ("opening:A:2026",)


def test_no_ledger_no_report_but_no_crash(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws, _ = open_ws(make_workspace())
    report, problems = build_public_account(ws, 2026)
    assert report.figures == ()
    assert any("没有任何组织记账" in p.message for p in problems)
    assert render_md(report).startswith("# ")
