"""Policy plugin: 拨缴经费 (2%, the 211 split), the year-end close, the provincial presets,
statistics, the report section, the disabled plugin and the example workspace."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from conftest import EXAMPLE, WriteWorkspace, open_ws, snapshot_bytes
from test_policy_support import Build, entry, make_builder, policy
from unioncore_policy.closing import close_year, closing_entries
from unioncore_policy.presets import NATIONAL, PRESETS

import unioncore
from unioncore import Period, Severity
from unioncore.cli import main


@pytest.fixture
def build(make_workspace: WriteWorkspace) -> Build:
    return make_builder(make_workspace)


PAYROLL = {
    "plugins/policy/payroll/2026.toml": """
        [[payroll]]
        id = "A-2026"
        org = "A"
        employer = "甲公司"
        year = 2026
        monthly = "100000.00"
    """
}


def receipt(voucher: str, day: str, own: str, upward: str) -> str:
    """A 2% allocation received: this level's share to 402, the upward share to 211."""
    return entry(voucher + "a", day, "402", own, memo="拨缴经费（留成）", signed=False) + entry(
        voucher + "b", day, "211", upward, memo="拨缴经费应上解部分", signed=False
    )


# -- 拨缴经费 -----------------------------------------------------------------------------------------
def test_allocation_received_in_full(build: Build) -> None:
    # as of 2026-11-30 three quarters are due (each a month after the quarter): 2% × 100000 × 9
    _, problems = build(receipt("记-1", "2026-03-15", "10800.00", "7200.00"), files=PAYROLL)
    assert policy(problems) == []


def test_allocation_in_arrears(build: Build) -> None:
    _, problems = build(receipt("记-1", "2026-03-15", "6000.00", "4000.00"), files=PAYROLL)
    found = policy(problems, "policy.allocation-arrears")
    assert len(found) == 1 and found[0].severity is Severity.WARNING
    assert found[0].file == "plugins/policy/payroll/2026.toml" and found[0].key == "payroll[0].monthly"
    assert "应拨 18,000.00 元" in found[0].message and "欠缴 8,000.00 元" in found[0].message


def test_receipt_added_after_a_check_is_seen_by_the_next(build: Build) -> None:
    ws, problems = build(receipt("记-1", "2026-03-15", "6000.00", "4000.00"), files=PAYROLL)
    assert len(policy(problems, "policy.allocation-arrears")) == 1
    assert len(policy(ws.check(), "policy.allocation-arrears")) == 1  # asked again, unchanged
    for voucher, account, amount in (("记-2a", "402", "4800.00"), ("记-2b", "211", "3200.00")):
        ws.add_entry(
            "A",
            voucher=voucher,
            date=datetime.date(2026, 9, 15),
            account=account,
            amount=Decimal(amount),
            memo="拨缴经费",
        )
    problems = ws.check()
    assert policy(problems, "policy.allocation-arrears") == []
    assert policy(problems, "policy.allocation-split") == []
    figs = {f.key: f for f in ws.figures()[0]}
    assert figs["policy.allocation.received"].value == Decimal("18000.00")


def test_allocation_due_monthly_by_setting(build: Build) -> None:
    # monthly, 30 days' grace: January to October are due on 2026-11-30
    _, problems = build(
        receipt("记-1", "2026-03-15", "10800.00", "7200.00"),
        files=PAYROLL,
        settings='allocation_schedule = "month"',
    )
    found = policy(problems, "policy.allocation-arrears")
    assert len(found) == 1 and "10 个月" in found[0].message and "欠缴 2,000.00 元" in found[0].message


def test_payroll_raised_mid_year(build: Build) -> None:
    files = {
        "plugins/policy/payroll/2026.toml": """
            [[payroll]]
            id = "A-2026-1"
            org = "A"
            year = 2026
            monthly = "100000.00"
            to_month = 6

            [[payroll]]
            id = "A-2026-2"
            org = "A"
            year = 2026
            monthly = "120000.00"
            from_month = 7
        """
    }
    # due: 6 × 2000 + 3 × 2400 = 19200
    _, problems = build(receipt("记-1", "2026-03-15", "10800.00", "7200.00"), files=files)
    found = policy(problems, "policy.allocation-arrears")
    assert len(found) == 1 and "应拨 19,200.00 元" in found[0].message
    _, problems = build(receipt("记-1", "2026-03-15", "11520.00", "7680.00"), files=files)
    assert policy(problems) == []


def test_payroll_months_out_of_order(build: Build) -> None:
    files = {
        "plugins/policy/payroll/2026.toml": """
            [[payroll]]
            id = "A-2026"
            org = "A"
            year = 2026
            monthly = "100000.00"
            from_month = 7
            to_month = 3
        """
    }
    _, problems = build(files=files)
    assert [p.key for p in policy(problems, "policy.payroll")] == ["payroll[0].from_month"]


def test_receipt_without_the_upward_share(build: Build) -> None:
    _, problems = build(entry("记-1", "2026-03-15", "402", "6000.00", signed=False))
    found = policy(problems, "policy.allocation-split")
    assert len(found) == 1 and found[0].key == "entry[0].account" and "应为 4,000.00 元" in found[0].message


def test_upward_share_at_the_wrong_ratio(build: Build) -> None:
    _, problems = build(receipt("记-1", "2026-03-15", "6000.00", "3000.00"))
    found = policy(problems, "policy.allocation-split")
    assert len(found) == 1 and found[0].key == "entry[1].amount"
    assert "3,000.00" in found[0].message and "4,000.00" in found[0].message


def test_upward_share_within_the_rounding_tolerance(build: Build) -> None:
    # 14923.66 × 0.4 / 0.6 = 9949.1067
    _, problems = build(receipt("记-1", "2026-03-15", "14923.66", "9949.10"))
    assert policy(problems) == []


@pytest.mark.parametrize(
    ("settings", "upward", "count"),
    [
        ('retain_ratio = "1"', None, 0),  # the whole allocation stays: no 211 share
        ('retain_ratios = { F = "0.5" }', "6000.00", 0),  # F keeps half
        ('retain_ratios = { F = "0.5" }', "4000.00", 1),
        ("split_days = 3", "4000.00", 0),  # booked two days later
    ],
)
def test_split_settings(build: Build, settings: str, upward: str | None, count: int) -> None:
    ledger = entry("记-1", "2026-03-15", "402", "6000.00", signed=False)
    if upward is not None:
        day = "2026-03-17" if "split_days" in settings else "2026-03-15"
        ledger += entry("记-2", day, "211", upward, signed=False)
    _, problems = build(ledger, settings=settings)
    assert len(policy(problems, "policy.allocation-split")) == count
    assert len(policy(problems)) == count


def test_paying_the_upward_share_is_not_a_receipt(build: Build) -> None:
    ledger = receipt("记-1", "2026-03-15", "10800.00", "7200.00") + entry(
        "记-2", "2026-03-25", "211", "7200.00", side="借", memo="上解经费", signed=False
    )
    _, problems = build(ledger, files=PAYROLL)
    assert policy(problems) == []


# -- year-end close ----------------------------------------------------------------------------------
LEDGER_2025 = (
    entry("记-001", "2025-03-01", "401", "1000.00", memo="会费", signed=False)
    + entry("记-002", "2025-05-01", "50102", "300.00", memo="球赛", signed=False)
    + entry("记-003", "2025-09-01", "50105", "200.00", memo="观影", project="职工观影专项", signed=False)
)


def test_closing_entries_computed(build: Build) -> None:
    ws, _ = build(LEDGER_2025, year=2025)
    assert closing_entries(ws, "A", 2025) == [
        {
            "voucher": "结-001",
            "date": datetime.date(2025, 12, 31),
            "account": "401",
            "amount": Decimal("1000.00"),
            "side": "借",
            "cash": "322",
            "memo": "年终结账：结转401会费收入",
            "project": None,
        },
        {
            "voucher": "结-002",
            "date": datetime.date(2025, 12, 31),
            "account": "50102",
            "amount": Decimal("300.00"),
            "side": "贷",
            "cash": "322",
            "memo": "年终结账：结转50102文体活动支出",
            "project": None,
        },
        {
            "voucher": "结-003",
            "date": datetime.date(2025, 12, 31),
            "account": "50105",
            "amount": Decimal("200.00"),
            "side": "贷",
            "cash": "321",
            "memo": "年终结账：结转50105会员活动支出",
            "project": "职工观影专项",
        },
    ]


def test_year_not_closed_long_after_its_end(build: Build) -> None:
    _, problems = build(LEDGER_2025, year=2025)
    found = policy(problems, "policy.year-end-close")
    assert len(found) == 1 and found[0].file == "orgs/A/ledger/2025.toml"
    # the current year is not due yet
    _, problems = build(LEDGER_2025.replace("2025-", "2026-"))
    assert policy(problems, "policy.year-end-close") == []


def test_closed_year_has_no_income_or_expense_balance(build: Build) -> None:
    ws, _ = build(LEDGER_2025, year=2025)
    before = ws.figures(Period.year(2025))[0]
    added = close_year(ws, "A", 2025)
    assert [e.voucher for e in added] == ["结-001", "结-002", "结-003"]
    assert ws.balance("A", "4", 2025) == 0 and ws.balance("A", "5", 2025) == 0
    assert ws.balance("A", "322", 2025) == Decimal("700.00")  # 1000 income − 300 spent
    assert ws.balance("A", "321", 2025) == Decimal("-200.00")  # the project spent 200 from ring-fenced money
    ws.save()
    ws2, problems = open_ws(ws.root)
    assert [p for p in policy(problems) if p.rule and "close" in p.rule] == []
    assert closing_entries(ws2, "A", 2025) == []
    # closing entries are not spending: budget, welfare and report figures do not change
    after = {f.key: f.value for f in ws2.figures(Period.year(2025))[0] if f.key.startswith("policy.")}
    assert after == {f.key: f.value for f in before if f.key.startswith("policy.")}
    assert policy(problems, "policy.closed-balance") == []


def test_partly_closed_year(build: Build) -> None:
    closing = entry(
        "结-001", "2025-12-31", "401", "1000.00", side="借", cash="322", memo="年终结账", signed=False
    )
    _, problems = build(LEDGER_2025 + closing, year=2025)
    found = policy(problems, "policy.closed-balance")
    assert len(found) == 2 and all(p.key == "entry[3].account" for p in found)
    assert "50102 文体活动支出" in found[0].message and "300.00" in found[0].message
    assert "项目：职工观影专项" in found[1].message
    assert policy(problems, "policy.year-end-close") == []


def test_closing_entry_not_on_the_last_day(build: Build) -> None:
    ws, _ = build(LEDGER_2025, year=2025)
    close_year(ws, "A", 2025, day=datetime.date(2025, 12, 30))
    ws.save()
    _, problems = open_ws(ws.root)
    found = policy(problems, "policy.close-date")
    assert len(found) == 3 and all("2025-12-31" in p.message for p in found)


# -- presets -------------------------------------------------------------------------------------------
YEARLY = [(pid, p.caps["festival_year"]) for pid, p in PRESETS.items() if "festival_year" in p.caps]


def test_presets_cover_the_provinces_of_the_domain_notes() -> None:
    assert {"anhui-2018", "anhui-2025", "xinjiang-2025", "heilongjiang-2017", "guizhou"} <= set(PRESETS)
    assert dict(YEARLY) == {
        "anhui-2018": Decimal(1500),
        "anhui-2025": Decimal(2200),
        "xinjiang-2019": Decimal(1500),
        "xinjiang-2025": Decimal(2000),
        "heilongjiang-2017": Decimal(1000),
    }
    assert all(p.source for p in PRESETS.values())
    assert NATIONAL.caps == {} and NATIONAL.festival_caps == {} and NATIONAL.festival_methods is None


@pytest.mark.parametrize(("preset", "cap"), YEARLY)
def test_yearly_festival_cap_of_each_preset(build: Build, preset: str, cap: Decimal) -> None:
    def gift(amount: Decimal) -> str:
        return entry(
            "记-001",
            "2026-01-20",
            "50105",
            f"{amount:.2f}",
            purpose="节日慰问",
            festival="春节",
            method="实物",
            member="M1",
        )

    _, problems = build(gift(cap), settings=f'preset = "{preset}"')
    assert policy(problems) == []
    _, problems = build(gift(cap + Decimal("0.01")), settings=f'preset = "{preset}"')
    found = policy(problems, "policy.festival-cap")
    assert len(found) == 1 and found[0].source == PRESETS[preset].source


@pytest.mark.parametrize(("festival", "cap"), [("春节", "500.00"), ("端午", "200.00"), ("中秋", "200.00")])
def test_guizhou_caps_per_festival(build: Build, festival: str, cap: str) -> None:
    def gift(amount: str) -> str:
        return entry(
            "记-001",
            "2026-06-01",
            "50105",
            amount,
            purpose="节日慰问",
            festival=festival,
            method="实物",
            member="M1",
        )

    _, problems = build(gift(cap), settings='preset = "guizhou"')
    assert policy(problems) == []
    _, problems = build(gift(str(Decimal(cap) + 1)), settings='preset = "guizhou"')
    found = policy(problems, "policy.festival-cap")
    assert len(found) == 1 and f"每人 {Decimal(cap):,.2f} 元" in found[0].message


def test_guizhou_has_no_yearly_cap(build: Build) -> None:
    ledger = "".join(
        entry(f"记-{i}", day, "50105", amount, purpose="节日慰问", festival=fest, method="实物", member="M1")
        for i, (day, fest, amount) in enumerate(
            [
                ("2026-01-20", "春节", "500.00"),
                ("2026-06-01", "端午", "200.00"),
                ("2026-09-20", "中秋", "200.00"),
                ("2026-09-30", "国庆", "200.00"),
            ]
        )
    )
    _, problems = build(ledger, settings='preset = "guizhou"')
    assert policy(problems) == []


@pytest.mark.parametrize(("preset", "count"), [("anhui-2025", 1), ("anhui-2018", 0), ("xinjiang-2025", 0)])
def test_only_anhui_2025_forbids_shopping_cards(build: Build, preset: str, count: int) -> None:
    ledger = entry(
        "记-001",
        "2026-01-20",
        "50105",
        "300.00",
        purpose="节日慰问",
        festival="春节",
        method="购物卡",
        member="M1",
    )
    _, problems = build(ledger, settings=f'preset = "{preset}"')
    assert len(policy(problems, "policy.festival-method")) == count


# -- statistics and the report --------------------------------------------------------------------
STATS_LEDGER = (
    entry(
        "记-001",
        "2026-01-20",
        "50105",
        "1200.00",
        purpose="节日慰问",
        festival="春节",
        method="实物",
        recipients=["M1", "M2"],
    )
    + entry(
        "记-002",
        "2026-09-20",
        "50105",
        "400.00",
        purpose="节日慰问",
        festival="中秋",
        method="实物",
        member="M1",
    )
    + entry(
        "记-003",
        "2026-06-12",
        "50105",
        "500.00",
        purpose="住院慰问",
        member="M1",
        memo="住院慰问（病因：肺炎）",
    )
    + entry("记-004", "2026-01-18", "50404", "1000.00", purpose="困难帮扶", member="M2")
    + entry("记-005", "2026-03-01", "50102", "900.00", memo="球赛", signed=False)
    + receipt("记-006", "2026-02-15", "10800.00", "7200.00")
    + entry("记-007", "2026-01-10", "401", "500.00", memo="会费", signed=False)
)
STATS_BUDGET = """
[[line]]
account = "501"
amount = "5000.00"

[[line]]
account = "504"
amount = "2000.00"
"""


def test_figures_against_hand_computed_values(build: Build) -> None:
    ws, problems = build(STATS_LEDGER, budget=STATS_BUDGET, files=PAYROLL, settings='preset = "anhui-2025"')
    assert policy(problems) == []
    figs = {f.key: f for f in ws.figures()[0] if f.key.startswith("policy.")}
    value = {k: f.value for k, f in figs.items()}
    assert value["policy.welfare.festival"] == Decimal("1600.00")
    assert value["policy.welfare.festival.people"] == 2
    assert value["policy.welfare.hospital"] == Decimal("500.00")
    assert value["policy.welfare.hardship"] == Decimal("1000.00")
    assert value["policy.welfare.total"] == Decimal("3100.00")
    assert value["policy.festival.per_member"] == Decimal("800.00")  # (600+400 + 600) / 2
    assert value["policy.festival.max_member"] == Decimal("1000.00")  # M1
    assert figs["policy.festival.max_member"].refs == (
        "member:M1",
        "entry:A:2026:记-001",
        "entry:A:2026:记-002",
    )
    assert value["policy.budget.total"] == Decimal("7000.00")
    assert value["policy.budget.spent"] == Decimal("4000.00")
    assert value["policy.budget.execution"] == Decimal("57.1")
    assert value["policy.budget.A.execution"] == Decimal("57.1")
    assert value["policy.allocation.expected"] == Decimal("24000.00")
    assert value["policy.allocation.received"] == Decimal("18000.00")
    assert value["policy.allocation.arrears"] == 0
    assert "entry:A:2026:记-004" in figs["policy.welfare.hardship"].refs
    assert figs["policy.allocation.expected"].refs == ("payroll:A-2026",)
    assert all(f.refs for f in figs.values() if f.value)
    assert all(f.group == "经费" for f in figs.values())


def test_report_section(build: Build) -> None:
    ws, _ = build(STATS_LEDGER, budget=STATS_BUDGET, files=PAYROLL)
    sections = [s for s in ws.report_sections()[0] if s.plugin == "policy"]
    assert len(sections) == 1 and sections[0].title == "经费收支"
    text = "".join(sections[0].paragraphs)
    assert "全年经费收入11,300.00元，其中拨缴经费收入10,800.00元、会费收入500.00元" in text
    assert "经费支出4,000.00元，其中职工活动支出3,000.00元、维权支出1,000.00元" in text
    assert "节日慰问1,600.00元（2人）、住院慰问500.00元（1人）、困难帮扶1,000.00元（1人）" in text
    assert "人均节日慰问800.00元" in text
    assert "预算执行率57.1%" in text
    assert "全年应拨缴经费24,000.00元，截至期末实收18,000.00元。" in text and "欠缴" not in text
    assert all(f.value for f in sections[0].figures)


def test_report_leaves_out_what_no_record_supports(build: Build) -> None:
    ws, _ = build(budget=None)
    assert [s for s in ws.report_sections()[0] if s.plugin == "policy"] == []
    ws, _ = build(entry("记-001", "2026-01-10", "401", "500.00", signed=False), budget=None)
    (section,) = [s for s in ws.report_sections()[0] if s.plugin == "policy"]
    assert section.paragraphs == ("全年经费收入500.00元，其中会费收入500.00元。",)


# -- the plugin switched off ----------------------------------------------------------------------
def test_disabled_plugin_leaves_its_files_alone(build: Build) -> None:
    files = {
        "plugins/policy/payroll/2026.toml": """
            # 工资总额（手写注释）
            [[payroll]]
            id = "A-2026"
            monthly = 100000
        """
    }
    bad = entry(
        "记-001",
        "2026-03-08",
        "50105",
        "9000.00",
        purpose="节日慰问",
        festival="三八",
        method="购物卡",
        recipients=["M9"],
        signed=False,
    )
    ws, problems = build(bad, files=files, enabled=())
    assert [p for p in problems if p.plugin == "policy" or (p.rule or "").startswith("policy.")] == []
    assert not any(code.startswith("policy.") for code in ws.rules)
    assert "payroll" not in ws.collections
    assert not any(f.key.startswith("policy.") for f in ws.figures()[0])
    assert ws.tui_panels()[0] == []
    before = snapshot_bytes(ws.root)
    ws.set_opening("A", 2026, {"102": Decimal("100.00")})
    assert ws.save() == ["orgs/A/ledger/2026.toml"]
    after = snapshot_bytes(ws.root)
    changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    assert changed <= {"orgs/A/ledger/2026.toml", ".unioncore.lock"}
    assert after["plugins/policy/payroll/2026.toml"] == before["plugins/policy/payroll/2026.toml"]


def test_rules_command_lists_every_policy_rule_with_its_source(
    build: Build, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # one table row per rule
    ws, _ = build()
    assert main(["rules", str(ws.root)]) == 0
    out = capsys.readouterr().out
    codes = [c for c in ws.rules if c.startswith("policy.")]
    assert len(codes) == 29
    assert all(c in out for c in codes)
    assert all(ws.rules[c].source for c in codes)


# -- the example workspace --------------------------------------------------------------------------
def test_example_workspace_keeps_the_policy_of_anhui_2025() -> None:
    ws, problems = open_ws(EXAMPLE)
    assert ws.setting("policy")["preset"] == "anhui-2025"
    mine = policy(problems)
    assert [p.format() for p in mine if p.is_error] == []
    # the deliberate warnings: a second budget adjustment, a hospital visit not yet signed for
    assert sorted((p.file, p.rule) for p in mine) == [
        ("orgs/XF-04/budget/2026.toml", "policy.budget-adjustments"),
        ("orgs/XF-06/ledger/2026.toml", "policy.approval"),
    ]
    figs = {f.key: f.value for f in ws.figures()[0]}
    assert figs["policy.allocation.arrears"] == 0
    assert figs["policy.allocation.expected"] == figs["policy.allocation.received"]
    assert Decimal(0) < figs["policy.festival.max_member"] <= PRESETS["anhui-2025"].caps["festival_year"]


def test_library_use_without_checks() -> None:
    ws, _ = unioncore.load(EXAMPLE, as_of=datetime.date(2026, 11, 30))
    assert closing_entries(ws, "XF-01", 2026)[0]["cash"] == "322"
