"""Policy rules (经费开支政策): for each rule a workspace that breaks it and one that keeps it.

Workspaces are inline TOML (see test_policy_support.py); `open_ws` loads them with today
2026-11-30. A "keeps it" workspace has no policy problem at all.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from conftest import WriteWorkspace
from test_policy_support import Build, entry, make_builder, policy
from unioncore_policy.presets import PRESETS

from unioncore import Collection, Field, Kind, Severity, hookimpl


@pytest.fixture
def build(make_workspace: WriteWorkspace) -> Build:
    return make_builder(make_workspace)


HOSPITAL_M1 = entry(
    "记-001",
    "2026-06-12",
    "50105",
    "500.00",
    purpose="住院慰问",
    member="M1",
    memo="住院慰问 张一（病因：肺炎）",
)


def test_clean_payment_has_no_policy_problem(build: Build) -> None:
    _, problems = build(HOSPITAL_M1, settings='preset = "anhui-2025"')
    assert policy(problems) == []


# -- settings --------------------------------------------------------------------------------------
def test_unknown_preset_and_bad_values_are_reported_on_the_config(build: Build) -> None:
    _, problems = build(
        HOSPITAL_M1,
        settings="""
        preset = "mars-2030"
        retain_ratio = 0.6
        [settings.policy.caps]
        festival_year = 2200
        birthday_cake = "300.00"
        """,
    )
    found = policy(problems, "policy.settings")
    assert len(found) == 4
    assert all(p.file == "unioncore.toml" and p.line for p in found)
    text = " ".join(p.message for p in found)
    assert "mars-2030" in text and "anhui-2025" in text
    assert "retain_ratio" in text and "birthday_cake" in text


def test_valid_settings_are_quiet(build: Build) -> None:
    _, problems = build(
        HOSPITAL_M1,
        settings="""
        preset = "anhui-2018"
        retain_ratio = "0.7"
        retain_ratios = { F = "0.6" }
        [settings.policy.caps]
        festival_year = "1200.00"
        """,
    )
    assert policy(problems) == []


# -- chart of accounts ----------------------------------------------------------------------------
def test_account_of_another_level(build: Build) -> None:
    _, problems = build(entry("记-001", "2026-03-01", "50202", "300.00", memo="文体活动", signed=False))
    found = policy(problems, "policy.account-level")
    assert len(found) == 1
    assert "50202" in found[0].message and "基层工会" in found[0].message
    assert found[0].file == "orgs/A/ledger/2026.toml" and found[0].line == 4  # the account line
    assert found[0].key == "entry[0].account"


def test_federation_books_on_the_county_chart(build: Build) -> None:
    files = {
        "orgs/Q/organisation.toml": """
            [organisation]
            code = "Q"
            name = "某区总工会"
            kind = "总工会"
        """,
        "orgs/Q/ledger/2026.toml": """
            [[entry]]
            voucher = "记-001"
            date = 2026-01-10
            account = "401"
            amount = "100.00"
        """,
    }
    _, problems = build(files=files)
    found = policy(problems, "policy.account-level")
    assert [p.file for p in found] == ["orgs/Q/ledger/2026.toml"]
    assert "县级以上工会" in found[0].message


def test_grassroots_accounts_are_fine(build: Build) -> None:
    ledger = entry("记-001", "2026-01-10", "401", "100.00", signed=False) + entry(
        "记-002", "2026-03-01", "221", "300.00", memo="代收女职工安康互助保险费", signed=False
    )
    _, problems = build(ledger)
    assert policy(problems) == []


def test_first_level_account_with_sub_accounts(build: Build) -> None:
    _, problems = build(entry("记-001", "2026-03-01", "501", "300.00", memo="文体活动", signed=False))
    found = policy(problems, "policy.sub-account")
    assert len(found) == 1 and found[0].severity is Severity.WARNING
    assert "50102 文体活动支出" in found[0].message


def test_first_level_account_without_sub_accounts_is_fine(build: Build) -> None:
    _, problems = build(
        entry("记-001", "2026-03-01", "510", "30.00", memo="银行手续费", signed=False),
        budget="""
        [[line]]
        account = "510"
        amount = "100.00"
        """,
    )
    assert policy(problems) == []


# -- budget --------------------------------------------------------------------------------------
def test_spending_without_any_budget(build: Build) -> None:
    _, problems = build(
        HOSPITAL_M1 + entry("记-002", "2026-07-01", "50102", "80.00", signed=False), budget=None
    )
    found = policy(problems, "policy.budget-missing")
    assert len(found) == 1  # once per organisation and year, not per entry
    assert "没有编制预算" in found[0].message and "2 笔支出" in found[0].message


def test_spending_on_an_account_without_a_budget_line(build: Build) -> None:
    ledger = entry("记-001", "2026-04-01", "50702", "900.00", memo="打印机", signed=False) + entry(
        "记-002", "2026-05-01", "50702", "100.00", memo="硒鼓", signed=False
    )
    _, problems = build(ledger)
    found = policy(problems, "policy.budget-missing")
    assert len(found) == 1 and found[0].key == "entry[0].account"
    assert "50702 办公设备购置" in found[0].message


def test_budget_line_on_the_parent_covers_sub_accounts(build: Build) -> None:
    _, problems = build(
        entry("记-001", "2026-03-01", "50102", "800.00", memo="球赛", signed=False),
        budget="""
        [[line]]
        account = "501"
        amount = "800.00"
        """,
    )
    assert policy(problems) == []


def test_spending_above_the_budget_is_reported_where_it_crosses(build: Build) -> None:
    budget = """
    [[line]]
    account = "50102"
    amount = "1000.00"
    """
    ledger = (
        entry("记-001", "2026-03-01", "50102", "600.00", signed=False)
        + entry("记-002", "2026-04-01", "50102", "500.00", signed=False)
        + entry("记-003", "2026-05-01", "50102", "100.00", signed=False)
    )
    _, problems = build(ledger, budget=budget)
    found = policy(problems, "policy.budget-exceeded")
    assert [p.key for p in found] == ["entry[1].amount"]
    assert "1,100.00" in found[0].message and "超支 100.00" in found[0].message


def test_entries_added_after_a_check_are_seen_by_the_next(build: Build) -> None:
    """The ledger is read once per workspace state: a change through the workspace is seen."""
    budget = """
    [[line]]
    account = "50102"
    amount = "1000.00"
    """
    ledger = entry(
        "记-001", "2026-02-01", "50105", "200.00", purpose="生日慰问", method="蛋糕券", member="M1"
    ) + entry("记-002", "2026-03-01", "50102", "600.00", signed=False)
    ws, problems = build(ledger, budget=budget + '\n[[line]]\naccount = "50105"\namount = "1000.00"\n')
    assert policy(problems) == []
    assert policy(ws.check()) == []  # asked again, unchanged
    ws.add_entry(
        "A", voucher="记-003", date=datetime.date(2026, 4, 1), account="50102", amount=Decimal("500.00")
    )
    ws.add_entry(
        "A",
        voucher="记-004",
        date=datetime.date(2026, 8, 1),
        account="50105",
        amount=Decimal("200.00"),
        purpose="生日慰问",
        method="蛋糕券",
        member="M1",
        approver="张主席",
        signed=True,
    )
    problems = ws.check()
    exceeded = policy(problems, "policy.budget-exceeded")
    assert (
        len(exceeded) == 1
        and "截至 2026-04-01" in exceeded[0].message
        and "超支 100.00" in exceeded[0].message
    )
    assert len(policy(problems, "policy.birthday-once")) == 1
    figs = {f.key: f for f in ws.figures()[0]}
    assert figs["policy.welfare.birthday"].value == Decimal("400.00")
    assert figs["policy.welfare.birthday"].refs == ("entry:A:2026:记-001", "entry:A:2026:记-004")


def test_an_adjustment_before_the_spending_raises_the_budget(build: Build) -> None:
    budget = """
    [[line]]
    account = "50102"
    amount = "1000.00"

    [[adjustment]]
    date = 2026-03-15
    account = "50102"
    amount = "200.00"
    reason = "增加篮球赛"
    """
    ledger = entry("记-001", "2026-03-01", "50102", "600.00", signed=False) + entry(
        "记-002", "2026-04-01", "50102", "500.00", signed=False
    )
    _, problems = build(ledger, budget=budget)
    assert policy(problems) == []


def test_an_adjustment_after_the_spending_does_not_cover_it(build: Build) -> None:
    budget = """
    [[line]]
    account = "50102"
    amount = "1000.00"

    [[adjustment]]
    date = 2026-05-01
    account = "50102"
    amount = "200.00"
    """
    ledger = entry("记-001", "2026-03-01", "50102", "600.00", signed=False) + entry(
        "记-002", "2026-04-01", "50102", "500.00", signed=False
    )
    _, problems = build(ledger, budget=budget)
    assert [p.key for p in policy(problems, "policy.budget-exceeded")] == ["entry[1].amount"]


ADJUSTED_TWICE = """
[[line]]
account = "501"
amount = "5000.00"

[[adjustment]]
date = 2026-04-01
account = "501"
amount = "300.00"

[[adjustment]]
date = 2026-04-01
account = "504"
amount = "100.00"

[[adjustment]]
date = 2026-09-01
account = "501"
amount = "200.00"
"""


def test_budget_adjusted_twice_in_a_year(build: Build) -> None:
    _, problems = build(budget=ADJUSTED_TWICE)
    found = policy(problems, "policy.budget-adjustments")
    assert len(found) == 1  # two lines on one date are one adjustment
    assert found[0].file == "orgs/A/budget/2026.toml" and found[0].key == "adjustment[2].date"
    assert found[0].line == 16 and "第2次" in found[0].message


def test_budget_adjustments_allowed_by_setting(build: Build) -> None:
    _, problems = build(budget=ADJUSTED_TWICE, settings="budget_adjustments_per_year = 2")
    assert policy(problems) == []


# -- named payments (实名发放) ----------------------------------------------------------------------
def test_welfare_without_a_named_member(build: Build) -> None:
    _, problems = build(entry("记-001", "2026-06-12", "50105", "500.00", purpose="住院慰问"))
    found = policy(problems, "policy.payee-named")
    assert len(found) == 1 and "实名发放" in found[0].message


def test_welfare_to_a_member_of_another_union(build: Build) -> None:
    _, problems = build(entry("记-001", "2026-06-12", "50105", "500.00", purpose="住院慰问", member="M9"))
    found = policy(problems, "policy.payee-union")
    assert len(found) == 1
    assert "M9 孙九" in found[0].message and "（B）" in found[0].message


def test_welfare_before_the_member_joined(build: Build) -> None:
    _, problems = build(
        entry(
            "记-001",
            "2026-01-20",
            "50105",
            "600.00",
            purpose="节日慰问",
            festival="春节",
            method="实物",
            recipients=["M1", "M3"],
        )
    )
    found = policy(problems, "policy.payee-union")
    assert len(found) == 1 and "M3 王三" in found[0].message and "2026-06-01" in found[0].message


def test_federation_may_pay_members_of_its_unions(build: Build) -> None:
    files = {
        "orgs/F/ledger/2026.toml": entry(
            "记-001", "2026-01-15", "50405", "500.00", purpose="送温暖", member="M2", memo="春节送温暖"
        ),
        "orgs/F/budget/2026.toml": """
            [[line]]
            account = "504"
            amount = "1000.00"
        """,
    }
    _, problems = build(files=files)
    assert policy(problems) == []


def test_transferred_member_counts_for_the_union_of_the_day(build: Build) -> None:
    members_b = """
    [[member]]
    id = "M9"
    name = "孙九"
    joined = 2019-01-01
    history = [
        { date = 2019-01-01, kind = "入会" },
        { date = 2026-08-01, kind = "转会", from_org = "A", to_org = "B" },
    ]
    """
    ledger = entry(
        "记-001",
        "2026-06-12",
        "50105",
        "500.00",
        purpose="住院慰问",
        member="M9",
        memo="住院慰问（病因：骨折）",
    )
    _, problems = build(ledger, files={"orgs/B/members.toml": members_b})
    assert policy(problems) == []  # in June he was still A's member
    late = entry("记-001", "2026-09-12", "50105", "500.00", purpose="住院慰问", member="M9")
    _, problems = build(late, files={"orgs/B/members.toml": members_b})
    assert len(policy(problems, "policy.payee-union")) == 1


def test_retired_member_gets_no_festival_gift(build: Build) -> None:
    ledger = entry(
        "记-001",
        "2026-09-20",
        "50105",
        "400.00",
        purpose="节日慰问",
        festival="中秋",
        method="实物",
        recipients=["M1", "M4"],
    )
    _, problems = build(ledger)
    # the core's 保留会籍 rule reports it once; the policy plugin does not repeat it
    found = [p for p in problems if p.rule == "member.retained-welfare"]
    assert len(found) == 1 and found[0].severity is Severity.WARNING and "M4" in found[0].message
    assert [p for p in problems if p.rule and p.rule.startswith("policy.payee")] == []


def test_retirement_souvenir_for_the_retiring_member_is_fine(build: Build) -> None:
    ledger = entry("记-001", "2026-03-01", "50105", "800.00", purpose="退休纪念", member="M4", method="实物")
    _, problems = build(ledger)
    assert policy(problems) == []


def test_missing_approver_and_signature(build: Build) -> None:
    _, problems = build(
        entry("记-001", "2026-06-12", "50105", "500.00", purpose="住院慰问", member="M1", signed=False)
    )
    found = policy(problems, "policy.approval")
    assert sorted(p.key or "" for p in found) == ["entry[0].approver", "entry[0].signed"]
    assert all(p.severity is Severity.WARNING for p in found)


def test_purpose_on_the_wrong_account(build: Build) -> None:
    _, problems = build(entry("记-001", "2026-06-12", "50404", "500.00", purpose="住院慰问", member="M2"))
    found = policy(problems, "policy.purpose-account")
    assert len(found) == 1 and "50105 会员活动支出" in found[0].message


def test_purpose_on_its_account(build: Build) -> None:
    ledger = entry("记-001", "2026-07-20", "50405", "200.00", purpose="送清凉", member="M1", method="实物")
    _, problems = build(ledger)
    assert policy(problems) == []


def test_payment_to_a_person_without_a_purpose_is_hinted(build: Build) -> None:
    _, problems = build(entry("记-001", "2026-06-12", "50105", "500.00", member="M1", memo="住院慰问 张一"))
    found = policy(problems)
    assert [p.rule for p in found] == ["policy.purpose-missing"]
    assert found[0].severity is Severity.HINT


# -- festivals -------------------------------------------------------------------------------------
@pytest.mark.parametrize("festival", ["三八", "重阳"])
def test_festival_gift_outside_the_statutory_festivals(build: Build, festival: str) -> None:
    ledger = entry(
        "记-001",
        "2026-03-08",
        "50105",
        "200.00",
        purpose="节日慰问",
        festival=festival,
        method="实物",
        member="M1",
    )
    _, problems = build(ledger)
    found = policy(problems, "policy.festival-statutory")
    assert len(found) == 1 and f"“{festival}”不是" in found[0].message


def test_festival_gift_without_a_festival(build: Build) -> None:
    _, problems = build(entry("记-001", "2026-03-08", "50105", "200.00", purpose="节日慰问", member="M1"))
    assert len(policy(problems, "policy.festival-statutory")) == 1


def test_configured_minority_festival_named_in_the_memo(build: Build) -> None:
    ledger = entry(
        "记-001",
        "2026-03-20",
        "50105",
        "200.00",
        purpose="节日慰问",
        festival="其他",
        memo="肉孜节慰问品",
        method="实物",
        member="M1",
    )
    _, problems = build(ledger, settings='minority_festivals = ["肉孜节", "古尔邦节"]')
    assert policy(problems) == []
    _, problems = build(ledger)  # not configured
    assert len(policy(problems, "policy.festival-statutory")) == 1


def test_festival_cap_per_member_and_year(build: Build) -> None:
    ledger = entry(
        "记-001",
        "2026-01-20",
        "50105",
        "2400.00",
        purpose="节日慰问",
        festival="春节",
        method="实物",
        recipients=["M1", "M2"],
    ) + entry(
        "记-002",
        "2026-09-20",
        "50105",
        "1000.00",
        purpose="节日慰问",
        festival="中秋",
        method="实物",
        member="M1",
    )
    _, problems = build(ledger, settings='preset = "anhui-2025"')
    found = policy(problems, "policy.festival-cap")
    # M1: 1200 + 1000 = 2200, the cap: not above it
    assert found == []
    more = ledger + entry(
        "记-003",
        "2026-10-01",
        "50105",
        "0.02",
        purpose="节日慰问",
        festival="国庆",
        method="实物",
        recipients=["M1", "M2"],
    )
    _, problems = build(more, settings='preset = "anhui-2025"')
    found = policy(problems, "policy.festival-cap")
    assert len(found) == 1 and found[0].key == "entry[2].recipients"
    assert "M1 张一 累计 2,200.01 元" in found[0].message and "M2" not in found[0].message
    assert found[0].source == "皖工发〔2025〕18号《安徽省基层工会经费收支管理实施办法》"


def test_festival_cap_overridden_in_the_workspace(build: Build) -> None:
    ledger = entry(
        "记-001",
        "2026-01-20",
        "50105",
        "1100.00",
        purpose="节日慰问",
        festival="春节",
        method="实物",
        member="M1",
    )
    settings = """
    preset = "anhui-2025"
    [settings.policy.caps]
    festival_year = "1000.00"
    """
    _, problems = build(ledger, settings=settings)
    found = policy(problems, "policy.festival-cap")
    assert len(found) == 1 and "自定标准" in (found[0].source or "")


def test_no_preset_no_caps(build: Build) -> None:
    ledger = entry(
        "记-001",
        "2026-01-20",
        "50105",
        "5000.00",
        purpose="节日慰问",
        festival="春节",
        method="购物卡",
        member="M1",
    ) + entry("记-002", "2026-06-12", "50105", "5000.00", purpose="住院慰问", member="M1")
    _, problems = build(ledger)
    assert policy(problems) == []


@pytest.mark.parametrize("method", ["购物卡", "现金", "转账"])
def test_festival_gift_in_cash_or_shopping_cards(build: Build, method: str) -> None:
    ledger = entry(
        "记-001",
        "2026-01-20",
        "50105",
        "300.00",
        purpose="节日慰问",
        festival="春节",
        method=method,
        member="M1",
    )
    _, problems = build(ledger, settings='preset = "anhui-2025"')
    found = policy(problems, "policy.festival-method")
    assert len(found) == 1 and found[0].severity is Severity.ERROR and method in found[0].message


def test_festival_gift_method_missing_is_a_warning(build: Build) -> None:
    ledger = entry(
        "记-001", "2026-01-20", "50105", "300.00", purpose="节日慰问", festival="春节", member="M1"
    )
    _, problems = build(ledger, settings='preset = "anhui-2025"')
    found = policy(problems, "policy.festival-method")
    assert len(found) == 1 and found[0].severity is Severity.WARNING


@pytest.mark.parametrize("method", ["实物", "提货券"])
def test_festival_gift_in_kind(build: Build, method: str) -> None:
    ledger = entry(
        "记-001",
        "2026-01-20",
        "50105",
        "300.00",
        purpose="节日慰问",
        festival="春节",
        method=method,
        member="M1",
    )
    _, problems = build(ledger, settings='preset = "anhui-2025"')
    assert policy(problems) == []


# -- per-occasion caps -----------------------------------------------------------------------------
def test_birthday_twice_a_year(build: Build) -> None:
    ledger = entry(
        "记-001", "2026-02-01", "50105", "200.00", purpose="生日慰问", method="蛋糕券", member="M1"
    )
    _, problems = build(ledger)
    assert policy(problems) == []
    twice = ledger + entry(
        "记-002",
        "2026-08-01",
        "50105",
        "200.00",
        purpose="生日慰问",
        method="蛋糕券",
        recipients=["M1", "M2"],
    )
    _, problems = build(twice)
    found = policy(problems, "policy.birthday-once")
    assert len(found) == 1 and found[0].key == "entry[1].recipients" and "M1 张一" in found[0].message


def test_birthday_in_cash(build: Build) -> None:
    ledger = entry("记-001", "2026-02-01", "50105", "200.00", purpose="生日慰问", method="现金", member="M1")
    _, problems = build(ledger)
    found = policy(problems, "policy.birthday-method")
    assert len(found) == 1 and found[0].severity is Severity.WARNING


OCCASIONS = [
    ("生日慰问", "生日蛋糕", "birthday"),
    ("婚育慰问", "结婚慰问", "wedding_childbirth"),
    ("住院慰问", "住院慰问（病因：肺炎）", "hospital"),
    ("丧葬慰问", "会员去世慰问", "death_member"),
    ("丧葬慰问", "丧葬慰问（亲属：父亲）", "death_relative"),
    ("退休纪念", "退休纪念品", "retirement"),
]
# anhui-2018 (S12): 300 / 600 / 1000 / 2000 / 1000 / 1000; anhui-2025: 500, the others 2000
CAPS = {
    "anhui-2018": ("300.00", "600.00", "1000.00", "2000.00", "1000.00", "1000.00"),
    "anhui-2025": ("500.00", "2000.00", "2000.00", "2000.00", "2000.00", "2000.00"),
}


@pytest.mark.parametrize(
    ("preset", "purpose", "memo", "key", "cap"),
    [
        (pid, *occasion, cap)
        for pid, caps in CAPS.items()
        for occasion, cap in zip(OCCASIONS, caps, strict=True)
    ],
)
def test_per_occasion_caps(build: Build, preset: str, purpose: str, memo: str, key: str, cap: str) -> None:
    assert PRESETS[preset].caps[key] == Decimal(cap)
    member = "M4" if purpose == "退休纪念" else "M1"

    def one(amount: str) -> str:
        return entry(
            "记-001", "2026-02-20", "50105", amount, purpose=purpose, memo=memo, method="实物", member=member
        )

    _, problems = build(one(cap), settings=f'preset = "{preset}"')
    assert policy(problems) == []
    over = str(Decimal(cap) + Decimal("0.01"))
    _, problems = build(one(over), settings=f'preset = "{preset}"')
    found = policy(problems, "policy.event-cap")
    assert len(found) == 1 and f"标准 {Decimal(cap):,.2f} 元" in found[0].message
    assert found[0].source == PRESETS[preset].source


def test_hardship_cap_of_anhui_2025_is_per_person(build: Build) -> None:
    ledger = entry(
        "记-001",
        "2026-01-18",
        "50404",
        "4000.00",
        purpose="困难帮扶",
        recipients=["M1", "M2"],
        memo="困难帮扶",
    )
    members = """
    [[member]]
    id = "M1"
    name = "张一"
    joined = 2020-01-01
    categories = ["hardship"]

    [[member]]
    id = "M2"
    name = "李二"
    joined = 2020-01-01
    categories = ["hardship"]
    """
    _, problems = build(ledger, settings='preset = "anhui-2025"', files={"orgs/A/members.toml": members})
    assert policy(problems) == []  # 2000 each
    _, problems = build(
        ledger.replace("4000.00", "4001.00"),
        settings='preset = "anhui-2025"',
        files={"orgs/A/members.toml": members},
    )
    found = policy(problems, "policy.event-cap")
    assert len(found) == 1 and "每人 2,000.50 元" in found[0].message


def test_same_illness_twice_a_year(build: Build) -> None:
    ledger = HOSPITAL_M1 + entry(
        "记-002",
        "2026-09-12",
        "50105",
        "500.00",
        purpose="住院慰问",
        member="M1",
        memo="住院慰问 张一（病因：肺炎）",
    )
    _, problems = build(ledger, settings='preset = "anhui-2025"')
    found = policy(problems, "policy.hospital-once")
    assert len(found) == 1 and found[0].key == "entry[1].memo" and "“肺炎”" in found[0].message
    _, problems = build(ledger)  # national rules only: no once-a-year limit
    assert policy(problems) == []


def test_different_illnesses_in_a_year(build: Build) -> None:
    ledger = HOSPITAL_M1 + entry(
        "记-002",
        "2026-09-12",
        "50105",
        "500.00",
        purpose="住院慰问",
        member="M1",
        memo="住院慰问 张一（病因：骨折）",
    )
    _, problems = build(ledger, settings='preset = "anhui-2025"')
    assert policy(problems) == []


def test_second_hospital_visit_without_an_illness_note(build: Build) -> None:
    ledger = HOSPITAL_M1 + entry(
        "记-002", "2026-09-12", "50105", "500.00", purpose="住院慰问", member="M1", memo="住院慰问 张一"
    )
    _, problems = build(ledger, settings='preset = "anhui-2025"')
    found = policy(problems, "policy.hospital-illness")
    assert len(found) == 1 and found[0].severity is Severity.WARNING and "病因" in found[0].message


def test_retirement_souvenir_twice(build: Build) -> None:
    ledger = entry("记-001", "2026-03-01", "50105", "800.00", purpose="退休纪念", member="M4", method="实物")
    twice = ledger + entry(
        "记-002", "2026-04-01", "50105", "200.00", purpose="退休纪念", member="M4", method="实物"
    )
    _, problems = build(twice)
    found = policy(problems, "policy.retirement-once")
    assert len(found) == 1 and found[0].key == "entry[1].member"


@pytest.mark.parametrize(("relation", "count"), [("表哥", 1), ("父亲", 0), ("配偶", 0)])
def test_death_of_a_relative_must_be_direct(build: Build, relation: str, count: int) -> None:
    ledger = entry(
        "记-001",
        "2026-05-01",
        "50105",
        "500.00",
        purpose="丧葬慰问",
        member="M1",
        memo=f"丧葬慰问 张一（亲属：{relation}）",
    )
    _, problems = build(ledger)
    assert len(policy(problems, "policy.death-relative")) == count
    assert len(policy(problems)) == count


# -- hardship files ----------------------------------------------------------------------------------
def test_hardship_aid_needs_the_hardship_category_without_the_assistance_plugin(build: Build) -> None:
    ok = entry("记-001", "2026-01-18", "50404", "1000.00", member="M2", purpose="困难帮扶")
    _, problems = build(ok)
    assert policy(problems) == []
    bad = entry("记-001", "2026-01-18", "50404", "1000.00", member="M1", purpose="困难帮扶")
    _, problems = build(bad)
    found = policy(problems, "policy.hardship-file")
    assert len(found) == 1 and "M1 张一" in found[0].message and "hardship" in found[0].message


def test_hardship_account_without_purpose_is_still_hardship_aid(build: Build) -> None:
    _, problems = build(entry("记-001", "2026-01-18", "50404", "1000.00", member="M1"))
    assert {p.rule for p in policy(problems)} == {"policy.hardship-file", "policy.purpose-missing"}


class HardshipFiles:
    """Stands in for the assistance plugin: it owns the `hardship_file` collection."""

    @hookimpl
    def unioncore_collections(self) -> list[Collection]:
        return [
            Collection(
                "hardship_file",
                "困难职工档案",
                (
                    Field("id", required=True),
                    Field("member", ref="member", required=True),
                    Field("opened", Kind.DATE, required=True),
                    Field("closed", Kind.DATE),
                ),
                default_file="files.toml",
            )
        ]


FILES = """
[[hardship_file]]
id = "K1"
member = "M1"
opened = 2026-03-01

[[hardship_file]]
id = "K2"
member = "M2"
opened = 2024-01-01
closed = 2025-12-31
"""


@pytest.mark.parametrize(
    ("member", "day", "count"),
    [("M1", "2026-02-01", 1), ("M1", "2026-03-01", 0), ("M2", "2026-01-18", 1), ("M3", "2026-07-01", 1)],
)
def test_hardship_aid_with_hardship_file_records(build: Build, member: str, day: str, count: int) -> None:
    ledger = entry("记-001", day, "50404", "1000.00", member=member, purpose="困难帮扶")
    _, problems = build(
        ledger,
        enabled=("policy", "fakeassist"),
        plugins={"fakeassist": HardshipFiles()},
        files={"plugins/fakeassist/files.toml": FILES},
    )
    found = policy(problems, "policy.hardship-file")
    assert len(found) == count
    assert len(policy(problems)) == count  # M2's category does not count once files are kept


# -- money held for others -----------------------------------------------------------------------
def test_mutual_insurance_premium_booked_as_income(build: Build) -> None:
    _, problems = build(
        entry("记-001", "2026-03-16", "408", "1560.00", memo="代收女职工安康互助保险费", signed=False)
    )
    found = policy(problems, "policy.premium-custody")
    assert len(found) == 1 and "221 代管经费" in found[0].message and "408 其他收入" in found[0].message


def test_mutual_insurance_premium_held_in_221(build: Build) -> None:
    ledger = entry(
        "记-001", "2026-03-16", "221", "1560.00", memo="代收女职工安康互助保险费", signed=False
    ) + entry("记-002", "2026-03-25", "221", "1560.00", side="借", memo="转付互助保险费", signed=False)
    _, problems = build(ledger)
    assert policy(problems) == []


def test_rules_can_be_switched_off_and_relevelled(build: Build) -> None:
    ledger = entry("记-001", "2026-06-12", "50105", "500.00", purpose="住院慰问", member="M1", signed=False)
    settings = """
    [rules]
    "policy.approval" = "off"
    "policy.purpose-account" = "警告"
    """
    _, problems = build(ledger.replace("50105", "50405"), settings=settings)
    assert policy(problems, "policy.approval") == []
    relevelled = policy(problems, "policy.purpose-account")
    assert len(relevelled) == 1 and relevelled[0].severity is Severity.WARNING
