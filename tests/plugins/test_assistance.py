"""困难职工帮扶与慰问 (plugin `assistance`): hardship files, aid, mutual medical cover — each rule
broken and kept, the figures against hand-computed values, the report sentence and the TUI panel."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import EXAMPLE, WriteWorkspace, open_ws, snapshot_bytes
from hypothesis import given
from hypothesis import strategies as st
from unioncore_assistance import hardship
from unioncore_assistance.report import wan

from unioncore import Period, Problem

SETTINGS = """
[settings.assistance]
city = "测试市"

[settings.assistance.dibao."测试市"]
2025 = "950.00"
2026 = "1000.00"
"""

MEMBERS = """
[[member]]
id = "M1"
name = "张三"
joined = 2020-01-01
categories = ["hardship"]

[[member]]
id = "M2"
name = "李四"
joined = 2020-01-01

[[member]]
id = "M3"
name = "王五"
joined = 2026-06-01

[[member]]
id = "M4"
name = "赵六"
joined = 2010-01-01
status = "退会"
history = [
    { date = 2010-01-01, kind = "入会" },
    { date = 2025-12-31, kind = "退会" },
]
"""

LEDGER = """
[[entry]]
voucher = "记-001"
date = 2026-01-18
account = "50404"
amount = "2000.00"
member = "M1"

[[entry]]
voucher = "记-002"
date = 2026-01-20
account = "50405"
amount = "900.00"
memo = "春节送温暖（3户）"
"""

# one deep-hardship household: (36000 - 6000) / 12 / 3 = 833.33 < 1000
FILE_M1 = """
[[hardship_file]]
id = "F1"
member = "M1"
opened = 2026-01-10
household = 3
income = "36000.00"
rigid_expenses = "6000.00"
class = "深度困难"
"""

AID_M1 = """
[[aid]]
id = "A1"
date = 2026-01-18
member = "M1"
file = "F1"
kind = "生活救助"
cash = "2000.00"
entry = "A:2026:记-001"
"""


def config(enabled: list[str], settings: str = SETTINGS) -> str:
    names = ", ".join(f'"{n}"' for n in enabled)
    return f"""
format_version = 1

[workspace]
name = "测试工会"
year = 2026

[plugins]
enabled = [{names}]
{settings}
"""


def make(
    make_workspace: WriteWorkspace,
    *,
    files: str = FILE_M1,
    aid: str = AID_M1,
    mutual: str = "",
    settings: str = SETTINGS,
    ledger: str = LEDGER,
    members: str = MEMBERS,
    enabled: tuple[str, ...] = ("assistance",),
) -> Path:
    tree = {
        "orgs/A/members.toml": members,
        "orgs/A/ledger/2026.toml": ledger,
        "plugins/assistance/hardship_files.toml": files,
        "plugins/assistance/aid/2026.toml": aid,
    }
    if mutual:
        tree["plugins/assistance/mutual_medical/2026.toml"] = mutual
    return make_workspace(tree, config=config(list(enabled), settings))


def ours(problems: list[Problem], rule: str | None = None) -> list[Problem]:
    return [p for p in problems if p.plugin == "assistance" and (rule is None or p.rule == rule)]


def only(problems: list[Problem], rule: str) -> Problem:
    found = ours(problems, rule)
    assert len(found) == 1, [p.format() for p in ours(problems)]
    return found[0]


def test_clean_workspace_has_no_problem(make_workspace: WriteWorkspace) -> None:
    _, problems = open_ws(make(make_workspace))
    assert ours(problems) == []
    assert [p.format() for p in problems if p.is_error] == []


# -- classification (domain §8.8) --------------------------------------------------------------------
def _classify(
    income: str, rigid: str, household: int, cause: str | None = None, loss: str | None = None
) -> str | None:
    return hardship.classify(
        Decimal(income),
        Decimal(rigid),
        household,
        Decimal("1000"),
        relative_multiple=Decimal(2),
        cause=cause,
        loss=Decimal(loss) if loss else None,
        accident_loss_ratio=Decimal("0.8"),
    )


@pytest.mark.parametrize(
    ("income", "rigid", "household", "cause", "loss", "expected"),
    [
        ("36000", "6000", 3, None, None, "深度困难"),  # 833.33 < 1000
        ("36000", "0", 3, None, None, "相对困难"),  # exactly 1000: not below the line
        ("71999", "0", 3, None, None, "相对困难"),  # 1999.97 < 2000
        ("72000", "0", 3, None, None, None),  # exactly 2 × 低保
        ("120000", "0", 3, "意外事故", "96001", "意外致困"),  # loss > 80% of income
        ("120000", "0", 3, "意外事故", "96000", None),  # exactly 80%: not above
        ("120000", "0", 3, "子女就学", "100000", None),  # not an accident cause
        ("30000", "0", 3, "重大疾病", "29000", "深度困难"),  # income test comes first
    ],
)
def test_classify(
    income: str, rigid: str, household: int, cause: str | None, loss: str | None, expected: str | None
) -> None:
    assert _classify(income, rigid, household, cause, loss) == expected


@given(
    income=st.integers(min_value=0, max_value=500_000),
    rigid=st.integers(min_value=0, max_value=100_000),
    household=st.integers(min_value=1, max_value=8),
)
def test_classify_follows_the_per_capita_income(income: int, rigid: int, household: int) -> None:
    pc = Decimal(income - rigid) / 12 / household
    got = _classify(str(income), str(rigid), household)
    assert (got == "深度困难") == (pc < 1000)
    assert (got == "相对困难") == (1000 <= pc < 2000)
    assert (got is None) == (pc >= 2000)


def test_stored_class_that_disagrees_is_reported(make_workspace: WriteWorkspace) -> None:
    files = FILE_M1.replace('class = "深度困难"', 'class = "相对困难"')
    _, problems = open_ws(make(make_workspace, files=files))
    p = only(problems, "assistance.class")
    assert "按测算应为“深度困难”" in p.message and "家庭人均月收入833.33元" in p.message
    assert p.file == "plugins/assistance/hardship_files.toml" and p.line is not None
    assert p.source and "困难职工建档标准" in p.source


def test_household_above_twice_the_line_is_no_longer_in_hardship(make_workspace: WriteWorkspace) -> None:
    files = FILE_M1.replace('income = "36000.00"', 'income = "90000.00"')  # 2333.33 per head
    _, problems = open_ws(make(make_workspace, files=files))
    assert "已不属于困难职工" in only(problems, "assistance.class").message


def test_class_uses_the_line_of_the_year_of_the_last_review(make_workspace: WriteWorkspace) -> None:
    # 2025 line 950: 975 per head is 相对困难 in 2025 but 深度困难 under the 2026 line of 1000
    files = """
        [[hardship_file]]
        id = "F1"
        member = "M1"
        opened = 2025-03-01
        household = 2
        income = "23400.00"
        class = "相对困难"
    """
    _, problems = open_ws(make(make_workspace, files=files))
    assert ours(problems, "assistance.class") == []
    reviewed = files + "review = [{ date = 2026-02-20 }]\n"
    _, problems = open_ws(make(make_workspace, files=reviewed))
    assert "应为“深度困难”" in only(problems, "assistance.class").message


def test_missing_dibao_line_is_reported(make_workspace: WriteWorkspace) -> None:
    settings = '[settings.assistance]\ncity = "别的市"\n'
    _, problems = open_ws(make(make_workspace, settings=settings))
    p = only(problems, "assistance.dibao")
    assert "别的市2026年" in p.message
    assert ours(problems, "assistance.class") == []


def test_a_file_may_name_its_own_city(make_workspace: WriteWorkspace) -> None:
    settings = SETTINGS + '\n[settings.assistance.dibao."乙市"]\n2026 = "700.00"\n'
    files = FILE_M1 + 'city = "乙市"\n'  # 833.33 ≥ 700: 相对困难 there
    _, problems = open_ws(make(make_workspace, files=files, settings=settings))
    assert "应为“相对困难”" in only(problems, "assistance.class").message


# -- reviews, help, categories, dates ----------------------------------------------------------------
def test_file_not_reviewed_for_a_year(make_workspace: WriteWorkspace) -> None:
    files = FILE_M1.replace("opened = 2026-01-10", "opened = 2025-11-01")
    _, problems = open_ws(make(make_workspace, files=files))
    p = only(problems, "assistance.review")
    assert "2025-11-01" in p.message and "365天" in p.message
    reviewed = files + 'review = [{ date = 2026-10-20, note = "维持" }]\n'
    _, problems = open_ws(make(make_workspace, files=reviewed))
    assert ours(problems, "assistance.review") == []
    # the interval is a setting
    _, problems = open_ws(
        make(
            make_workspace,
            files=reviewed,
            settings=SETTINGS.replace('city = "测试市"', 'city = "测试市"\nreview_days = 30'),
        )
    )
    assert "30天" in only(problems, "assistance.review").message


def test_file_never_helped_is_a_hint(make_workspace: WriteWorkspace) -> None:
    _, problems = open_ws(make(make_workspace, aid=""))
    p = only(problems, "assistance.never-helped")
    assert p.severity.value == "hint" and "没有帮扶记录" in p.message


def test_closed_file_is_not_checked_for_help_review_or_class(make_workspace: WriteWorkspace) -> None:
    files = (
        FILE_M1.replace("opened = 2026-01-10", "opened = 2023-01-10").replace(
            'class = "深度困难"', 'class = "相对困难"'
        )
        + "closed = 2025-12-31\n"
    )
    members = MEMBERS.replace('categories = ["hardship"]\n', "")
    _, problems = open_ws(make(make_workspace, files=files, aid="", members=members))
    assert ours(problems) == []


def test_category_and_file_agree(make_workspace: WriteWorkspace) -> None:
    # M1 is 困难职工 without a file
    _, problems = open_ws(make(make_workspace, files="", aid=""))
    p = only(problems, "assistance.category")
    assert p.file == "orgs/A/members.toml" and "没有在档的困难职工档案" in p.message
    # a file for M2, who lacks the category
    files = FILE_M1 + FILE_M1.replace('"F1"', '"F2"').replace('member = "M1"', 'member = "M2"')
    _, problems = open_ws(make(make_workspace, files=files))
    assert "李四有在档困难档案" in only(problems, "assistance.category").message


def test_two_open_files_for_one_member(make_workspace: WriteWorkspace) -> None:
    files = FILE_M1 + FILE_M1.replace('"F1"', '"F2"').replace("2026-01-10", "2026-03-01")
    _, problems = open_ws(make(make_workspace, files=files))
    assert "F1" in only(problems, "assistance.duplicate-file").message
    closed = (
        FILE_M1
        + "closed = 2026-02-28\n"
        + FILE_M1.replace('"F1"', '"F2"').replace("2026-01-10", "2026-03-01")
    )
    _, problems = open_ws(make(make_workspace, files=closed))
    assert ours(problems, "assistance.duplicate-file") == []


def test_dates_of_a_file(make_workspace: WriteWorkspace) -> None:
    files = FILE_M1 + "review = [{ date = 2025-12-01 }]\nclosed = 2025-12-31\n"
    _, problems = open_ws(make(make_workspace, files=files, aid=""))
    msgs = sorted(p.message for p in ours(problems, "assistance.dates"))
    assert msgs == ["复核日期早于建档日期", "脱困日期早于建档日期"]


# -- aid -------------------------------------------------------------------------------------------
def _aid(extra: str, **kw: str) -> str:
    fields = {"id": "A2", "date": "2026-03-01", "member": "M2", "kind": "探望", "occasion": "患病住院"}
    fields.update(kw)
    lines = [f"{k} = {v}" if k == "date" else f'{k} = "{v}"' for k, v in fields.items()]
    return "[[aid]]\n" + "\n".join(lines) + "\n" + extra + "\n"


GOODS = 'goods = "100.00"'


def test_aid_needs_a_recipient(make_workspace: WriteWorkspace) -> None:
    aid = (
        AID_M1 + '[[aid]]\nid = "A2"\ndate = 2026-03-01\nkind = "探望"\noccasion = "生育"\ngoods = "100.00"\n'
    )
    _, problems = open_ws(make(make_workspace, aid=aid))
    assert "帮扶没有对象" in only(problems, "assistance.recipient").message


def test_aid_to_someone_not_yet_a_member(make_workspace: WriteWorkspace) -> None:
    aid = AID_M1 + _aid(GOODS, member="M3", date="2026-03-01")
    _, problems = open_ws(make(make_workspace, aid=aid))
    p = only(problems, "assistance.recipient")
    assert "王五在2026-03-01尚未入会" in p.message and p.severity.value == "error"
    # after joining: fine
    _, problems = open_ws(make(make_workspace, aid=AID_M1 + _aid(GOODS, member="M3", date="2026-06-02")))
    assert ours(problems, "assistance.recipient") == []


def test_aid_to_a_worker_with_a_hardship_file_before_joining(make_workspace: WriteWorkspace) -> None:
    files = FILE_M1 + FILE_M1.replace('"F1"', '"F3"').replace('member = "M1"', 'member = "M3"')
    aid = AID_M1 + _aid(GOODS, member="M3", date="2026-03-01", file="F3")
    _, problems = open_ws(make(make_workspace, files=files, aid=aid))
    assert ours(problems, "assistance.recipient") == []


def test_aid_to_a_member_who_left(make_workspace: WriteWorkspace) -> None:
    _, problems = open_ws(make(make_workspace, aid=AID_M1 + _aid(GOODS, member="M4")))
    assert "赵六在2026-03-01已退会" in only(problems, "assistance.recipient").message


def test_aid_member_and_file_must_agree(make_workspace: WriteWorkspace) -> None:
    _, problems = open_ws(make(make_workspace, aid=AID_M1 + _aid(GOODS, member="M2", file="F1")))
    assert "不一致" in only(problems, "assistance.recipient").message


def test_aid_naming_a_file_not_on_record(make_workspace: WriteWorkspace) -> None:
    files = (
        FILE_M1.replace('"F1"', '"F0"').replace("2026-01-10", "2024-01-10")
        + "closed = 2025-06-30\n"
        + FILE_M1
    )
    aid = AID_M1 + _aid(GOODS, member="M1", file="F0", kind="送温暖")
    _, problems = open_ws(make(make_workspace, files=files, aid=aid))
    assert "F0" in only(problems, "assistance.file-open").message


def test_living_aid_needs_a_hardship_file(make_workspace: WriteWorkspace) -> None:
    aid = AID_M1 + _aid(GOODS, kind="生活救助")
    _, problems = open_ws(make(make_workspace, aid=aid))
    p = only(problems, "assistance.file-required")
    assert "生活救助应发给在档困难职工" in p.message and "皖工发〔2025〕18号" in (p.source or "")
    # a kind not in file_required_kinds
    _, problems = open_ws(make(make_workspace, aid=AID_M1 + _aid(GOODS, kind="送清凉")))
    assert ours(problems, "assistance.file-required") == []
    # the list is a setting
    settings = SETTINGS.replace('city = "测试市"', 'city = "测试市"\nfile_required_kinds = []')
    _, problems = open_ws(make(make_workspace, aid=aid, settings=settings))
    assert ours(problems, "assistance.file-required") == []


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('goods = "0.00"', "帮扶没有金额"),
        ("", "帮扶没有金额"),
        ('goods = "-5.00"', "不能为负数"),
    ],
)
def test_aid_amounts(make_workspace: WriteWorkspace, extra: str, message: str) -> None:
    _, problems = open_ws(make(make_workspace, aid=AID_M1 + _aid(extra)))
    assert message in only(problems, "assistance.amount").message


def test_cash_aid_needs_a_ledger_entry(make_workspace: WriteWorkspace) -> None:
    _, problems = open_ws(make(make_workspace, aid=AID_M1 + _aid('cash = "300.00"')))
    p = only(problems, "assistance.entry")
    assert "没有对应的记账凭证" in p.message and p.line is not None
    # paid directly by the higher union: not in this union's ledger
    _, problems = open_ws(make(make_workspace, aid=AID_M1 + _aid('cash = "300.00"', funded_by="上级工会")))
    assert ours(problems, "assistance.entry") == []


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("A:2026:记-099", "不存在"),
        ("A-2026-记-001", "应写成“组织代码:年度:凭证号”"),
        ("B:2026:记-001", "不存在"),
    ],
)
def test_entry_reference_must_exist(make_workspace: WriteWorkspace, ref: str, message: str) -> None:
    _, problems = open_ws(make(make_workspace, aid=AID_M1.replace("A:2026:记-001", ref)))
    assert message in only(problems, "assistance.entry").message


def test_entry_and_file_added_after_a_check_are_seen_by_the_next(make_workspace: WriteWorkspace) -> None:
    aid = AID_M1.replace("A:2026:记-001", "A:2026:记-099") + _aid(GOODS, kind="生活救助")
    ws, problems = open_ws(make(make_workspace, aid=aid))
    assert "不存在" in only(problems, "assistance.entry").message
    assert len(ours(problems, "assistance.file-required")) == 1  # M2 has no hardship file
    ws.add_entry(
        "A",
        voucher="记-099",
        date=datetime.date(2026, 1, 18),
        account="50404",
        amount=Decimal("2000.00"),
        member="M1",
    )
    ws.add_record(
        "hardship_file",
        **{"class": "深度困难"},
        id="F2",
        member="M2",
        opened=datetime.date(2026, 2, 1),
        household=3,
        income=Decimal("36000"),
        rigid_expenses=Decimal("6000"),
    )
    problems = ws.check()
    assert ours(problems, "assistance.entry") == []
    assert ours(problems, "assistance.file-required") == []


def test_entry_amount_must_match(make_workspace: WriteWorkspace) -> None:
    aid = AID_M1.replace('cash = "2000.00"', 'cash = "1800.00"')
    _, problems = open_ws(make(make_workspace, aid=aid))
    p = only(problems, "assistance.entry")
    assert "金额2,000.00元，与帮扶现金1,800.00元不符" in p.message


def _batch(n: int, cash: str) -> str:
    out = ""
    for i, m in enumerate(["M1", "M2", "M3"][:n]):
        day = "2026-06-20" if m == "M3" else "2026-01-20"
        out += f'[[aid]]\nid = "W{i}"\ndate = {day}\nmember = "{m}"\nkind = "送温暖"\ncash = "{cash}"\nentry = "A:2026:记-002"\n'
    return out


def test_one_entry_may_pay_a_batch_of_aid(make_workspace: WriteWorkspace) -> None:
    ledger = LEDGER.replace('amount = "900.00"', 'amount = "600.00"')
    _, problems = open_ws(make(make_workspace, aid=AID_M1 + _batch(2, "300.00"), ledger=ledger))
    assert ours(problems, "assistance.entry") == []
    _, problems = open_ws(make(make_workspace, aid=AID_M1 + _batch(2, "250.00"), ledger=ledger))
    assert "（2条帮扶记录合计）" in only(problems, "assistance.entry").message


def test_goods_bought_with_one_entry(make_workspace: WriteWorkspace) -> None:
    aid = AID_M1 + "".join(
        _aid(
            'goods = "450.00"\nentry = "A:2026:记-002"',
            id=f"G{i}",
            member=m,
            kind="送清凉",
            date="2026-01-20",
        )
        for i, m in enumerate(["M1", "M2"])
    )
    _, problems = open_ws(make(make_workspace, aid=aid))
    assert ours(problems, "assistance.entry") == []


def test_entry_names_someone_else(make_workspace: WriteWorkspace) -> None:
    aid = _aid(
        'cash = "2000.00"\nentry = "A:2026:记-001"', id="A1", kind="送温暖", member="M2", date="2026-01-18"
    )
    _, problems = open_ws(make(make_workspace, aid=aid, files=""))
    p = only(problems, "assistance.entry-member")
    assert "领取人中没有帮扶对象“M2”" in p.message


def test_entry_date_far_from_the_aid(make_workspace: WriteWorkspace) -> None:
    aid = AID_M1.replace("date = 2026-01-18", "date = 2026-07-18")
    _, problems = open_ws(make(make_workspace, aid=aid))
    assert "相差181天" in only(problems, "assistance.entry-date").message


def test_yearly_limits_per_member(make_workspace: WriteWorkspace) -> None:
    settings = (
        SETTINGS
        + '\n[settings.assistance.limits]\n"生活救助" = "3000.00"\n"节日慰问" = "500.00"\n"合计" = "4000.00"\n'
    )
    ledger = (
        LEDGER
        + '\n[[entry]]\nvoucher = "记-003"\ndate = 2026-06-18\naccount = "50404"\namount = "2000.00"\nmember = "M1"\n'
    )
    second = AID_M1.replace('"A1"', '"A1b"').replace("2026-01-18", "2026-06-18").replace("记-001", "记-003")
    _, problems = open_ws(make(make_workspace, aid=AID_M1 + second, ledger=ledger, settings=settings))
    p = only(problems, "assistance.limit")
    assert p.message == "张三2026年生活救助累计4,000.00元，超过每人每年上限3,000.00元"
    assert p.line is not None and "A1b" not in p.message
    # festival aid: 送温暖 and aid given for a festival count together; goods count too
    festival = _aid('goods = "300.00"', id="F1", member="M1", kind="送温暖", date="2026-01-25") + _aid(
        'goods = "300.00"\nfestival = "中秋"', id="F2", member="M1", kind="探望", date="2026-09-20"
    )
    _, problems = open_ws(make(make_workspace, aid=AID_M1 + festival, settings=settings))
    assert "节日慰问累计600.00元" in only(problems, "assistance.limit").message
    # 合计 over every kind
    more = _aid('goods = "2500.00"', id="X", member="M1", kind="医疗救助", date="2026-05-01")
    _, problems = open_ws(make(make_workspace, aid=AID_M1 + more, settings=settings))
    assert "全部帮扶累计4,500.00元" in only(problems, "assistance.limit").message
    # the higher union's money is not this union's limit
    funded = more.replace('kind = "医疗救助"', 'kind = "医疗救助"\nfunded_by = "上级工会"')
    _, problems = open_ws(make(make_workspace, aid=AID_M1 + funded, settings=settings))
    assert ours(problems, "assistance.limit") == []


def test_per_aid_limit(make_workspace: WriteWorkspace) -> None:
    settings = SETTINGS + '\n[settings.assistance.per_aid_limits]\n"生活救助" = "1500.00"\n'
    _, problems = open_ws(make(make_workspace, settings=settings))
    assert "单次生活救助2,000.00元，超过上限1,500.00元" in only(problems, "assistance.per-aid-limit").message
    _, problems = open_ws(make(make_workspace, settings=settings.replace("1500.00", "2000.00")))
    assert ours(problems, "assistance.per-aid-limit") == []


def test_school_aid_and_visits_say_what_they_were_for(make_workspace: WriteWorkspace) -> None:
    school = _aid('goods = "800.00"', kind="金秋助学", member="M1", file="F1", child="张小明")
    visit = _aid(GOODS, id="A3").replace('occasion = "患病住院"\n', "")
    _, problems = open_ws(make(make_workspace, aid=AID_M1 + school + visit))
    msgs = sorted(p.message for p in ours(problems, "assistance.aid-fields"))
    assert msgs == ["探望应写明事由（患病住院、生育或丧亲）", "金秋助学应写明就读学校"]


# -- mutual medical ---------------------------------------------------------------------------------
MUTUAL = """
[[mutual_medical]]
id = "H1"
member = "M1"
year = 2026
scheme = "职工互助医疗保障"
premium = "60.00"
claim = [{ date = 2026-05-03, reason = "住院", amount = "3000.00", paid = "1500.00" }]

[[mutual_medical]]
id = "H2"
member = "M2"
year = 2026
scheme = "职工互助医疗保障"
premium = "60.00"

[[mutual_medical]]
id = "H3"
member = "M2"
year = 2026
scheme = "大病互助"
premium = "100.00"
"""


def test_mutual_medical_rules(make_workspace: WriteWorkspace) -> None:
    _, problems = open_ws(make(make_workspace, mutual=MUTUAL))
    assert ours(problems) == []
    bad = (
        MUTUAL.replace("2026-05-03", "2025-12-20")  # before the year of cover
        .replace('paid = "1500.00"', 'paid = "3500.00"')  # more than claimed
        .replace('id = "H3"\nmember = "M2"', 'id = "H3"\nmember = "M3"')  # M3 joins in June
    )
    bad += '[[mutual_medical]]\nid = "H4"\nmember = "M2"\nyear = 2026\nscheme = "职工互助医疗保障"\npremium = "60.00"\n'
    _, problems = open_ws(make(make_workspace, mutual=bad))
    assert "2026年职工互助医疗保障已登记（“H2”）" in only(problems, "assistance.mutual-duplicate").message
    claims = sorted(p.message for p in ours(problems, "assistance.mutual-claim"))
    assert claims == [
        "就医日期2025-12-20不在保障期（2026-01-01至2026-12-31）内",
        "给付3,500.00元超过申请金额3,000.00元",
    ]
    assert "王五在2026-01-01不是会员" in only(problems, "assistance.mutual-member").message


# -- settings --------------------------------------------------------------------------------------
def test_bad_settings_are_reported_in_unioncore_toml(make_workspace: WriteWorkspace) -> None:
    settings = (
        SETTINGS.replace('2026 = "1000.00"', "2026 = 1000.5")
        + '\n[settings.assistance.limits]\n"旅游" = "1.00"\n'
    )
    settings = settings.replace('city = "测试市"', 'city = "测试市"\nreview_dayz = 3')
    _, problems = open_ws(make(make_workspace, settings=settings))
    found = ours(problems, "assistance.settings")
    assert {p.file for p in found} == {"unioncore.toml"} and all(p.line for p in found)
    text = " ".join(p.message for p in found)
    assert "review_dayz" in text and "浮点数" in text and "“旅游”无效" in text


# -- figures and the report -------------------------------------------------------------------------
FIG_FILES = (
    FILE_M1
    + """
[[hardship_file]]
id = "F2"
member = "M2"
opened = 2025-05-01
household = 2
income = "30000.00"
class = "相对困难"
review = [{ date = 2026-04-20 }]

[[hardship_file]]
id = "F3"
member = "M4"
opened = 2024-01-01
household = 4
income = "50000.00"
class = "深度困难"
closed = 2026-09-30
"""
)

FIG_AID = (
    AID_M1
    + """
[[aid]]
id = "A2"
date = 2026-01-20
member = "M1"
kind = "送温暖"
cash = "300.00"
goods = "150.50"
entry = "A:2026:记-002"

[[aid]]
id = "A3"
date = 2026-01-20
member = "M2"
kind = "送温暖"
cash = "600.00"
entry = "A:2026:记-002"

[[aid]]
id = "A4"
date = 2026-08-25
file = "F1"
kind = "金秋助学"
cash = "1500.00"
funded_by = "上级工会"
child = "张大宝"
school = "一中"

[[aid]]
id = "A5"
date = 2026-08-25
file = "F1"
kind = "金秋助学"
cash = "1000.00"
funded_by = "上级工会"
child = "张小宝"
school = "二小"

[[aid]]
id = "A6"
date = 2025-12-20
member = "M2"
kind = "生活救助"
goods = "700.00"
"""
)


def test_figures_against_hand_computed_values(make_workspace: WriteWorkspace) -> None:
    ws, _ = open_ws(make(make_workspace, files=FIG_FILES, aid=FIG_AID, mutual=MUTUAL))
    figs = {f.key: f for f in ws.figures(Period.year(2026))[0] if f.plugin == "assistance"}

    def v(key: str) -> int | Decimal:
        return figs[f"assistance.{key}"].value

    # 2026: A1 (2000), A2 (300 + 150.50), A3 (600), A4 (1500), A5 (1000); A6 is 2025
    assert v("aid.records") == 5
    assert v("aid.people") == 4  # M1, M2, and M1's two children for 金秋助学
    assert v("aid.value") == Decimal("5550.50")
    assert v("aid.cash") == Decimal("5400.00") and v("aid.goods") == Decimal("150.50")
    assert (v("aid.living.records"), v("aid.living.people"), v("aid.living.value")) == (
        1,
        1,
        Decimal("2000.00"),
    )
    assert (v("aid.winter.records"), v("aid.winter.people"), v("aid.winter.value")) == (
        2,
        2,
        Decimal("1050.50"),
    )
    assert (v("aid.school.records"), v("aid.school.people"), v("aid.school.value")) == (
        2,
        2,
        Decimal("2500.00"),
    )
    assert v("aid.visit.records") == 0 and figs["assistance.aid.visit.records"].refs == ()
    assert figs["assistance.aid.records"].refs == ("aid:A1", "aid:A2", "aid:A3", "aid:A4", "aid:A5")
    assert all(f.group == "困难帮扶" for f in figs.values())
    # files on record at 2026-12-31: F1 (深度), F2 (相对); F3 closed on 2026-09-30
    assert v("files.open") == 2 and figs["assistance.files.open"].refs == (
        "hardship_file:F2",
        "hardship_file:F1",
    )
    assert (v("files.deep"), v("files.relative"), v("files.accident")) == (1, 1, 0)
    assert v("files.opened") == 1 and v("files.closed") == 1
    # mutual medical
    assert v("mutual.people") == 2 and v("mutual.enrolments") == 3
    assert v("mutual.premium") == Decimal("220.00")
    assert v("mutual.claims") == 1 and v("mutual.claims_paid") == Decimal("1500.00")
    # 2025 has only A6 and F3, F2 on record
    figs25 = {f.key: f.value for f in ws.figures(Period.year(2025))[0] if f.plugin == "assistance"}
    assert figs25["assistance.aid.records"] == 1 and figs25["assistance.aid.living.value"] == Decimal(
        "700.00"
    )
    assert figs25["assistance.files.open"] == 2


def test_report_section(make_workspace: WriteWorkspace) -> None:
    ws, _ = open_ws(make(make_workspace, files=FIG_FILES, aid=FIG_AID, mutual=MUTUAL))
    sections = [s for s in ws.report_sections(Period.year(2026))[0] if s.plugin == "assistance"]
    assert len(sections) == 1
    paras = sections[0].paragraphs
    assert paras[0] == (
        "全年帮扶困难职工5人次，帮扶款物0.56万元，其中生活救助1人（0.20万元）、金秋助学2人（0.25万元）、送温暖2人（0.11万元）。"
    )
    assert paras[1] == "年末在档困难职工2户，其中深度困难1户、相对困难1户；全年新建档1户、帮助1户脱困。"
    assert paras[2] == "2名职工参加职工互助医疗保障，缴纳互助金0.02万元；全年获得互助金给付1人次、0.15万元。"
    keys = {f.key for f in sections[0].figures}
    assert "assistance.aid.records" in keys and "assistance.aid.visit.people" not in keys


def test_report_leaves_out_what_no_record_supports(make_workspace: WriteWorkspace) -> None:
    ws, _ = open_ws(make(make_workspace, files="", aid=""))
    assert [s for s in ws.report_sections()[0] if s.plugin == "assistance"] == []


def test_wan() -> None:
    assert wan(Decimal("748704.40")) == "74.87"
    assert wan(Decimal("544950.00")) == "54.50"  # half up
    assert wan(Decimal("0")) == "0.00"


def test_reference_sentence(make_workspace: WriteWorkspace) -> None:
    """全年帮扶困难职工988人次，帮扶款物74.87万元，其中生活救助779人（54.49万元）, from data built to
    match it: 779 members get 生活救助 (20 of them twice: 799 records) and 189 get a visit."""
    members = "".join(
        f'[[member]]\nid = "P{i:03d}"\nname = "职工{i}"\njoined = 2020-01-01\n\n' for i in range(800)
    )
    records = [(f"P{i:03d}", "生活救助", 'cash = "699.00"') for i in range(779)]  # 544,521.00
    records += [(f"P{i:03d}", "生活救助", 'cash = "19.50"') for i in range(20)]  # + 390.00 = 544,911.00
    # 189 visits of 1,075.00 cash and 3.30 of goods: 203,798.70 -> 748,709.70 in all
    records += [
        (f"P{i:03d}", "探望", 'cash = "1075.00"\ngoods = "3.30"\noccasion = "生育"') for i in range(189)
    ]
    aid = "".join(
        f'[[aid]]\nid = "R{k:04d}"\ndate = 2026-05-01\nmember = "{m}"\nkind = "{kind}"\n{money}\n'
        'funded_by = "上级工会"\n\n'
        for k, (m, kind, money) in enumerate(records)
    )
    settings = SETTINGS.replace('city = "测试市"', 'city = "测试市"\nfile_required_kinds = []')
    ws, problems = open_ws(
        make(make_workspace, files="", aid=aid, members=members, ledger="", settings=settings)
    )
    assert ours(problems) == []
    figs = {f.key: f.value for f in ws.figures(Period.year(2026))[0]}
    assert figs["assistance.aid.records"] == 988
    assert figs["assistance.aid.value"] == Decimal("748709.70")
    assert figs["assistance.aid.living.records"] == 799 and figs["assistance.aid.living.people"] == 779
    assert figs["assistance.aid.living.value"] == Decimal("544911.00")
    section = next(s for s in ws.report_sections(Period.year(2026))[0] if s.plugin == "assistance")
    assert section.paragraphs[0] == (
        "全年帮扶困难职工988人次，帮扶款物74.87万元，其中生活救助779人（54.49万元）、探望189人（20.38万元）。"
    )


# -- plugin disabled, records added and saved -------------------------------------------------------
def test_disabled_plugin_leaves_its_files_alone(make_workspace: WriteWorkspace) -> None:
    path = make(make_workspace, aid=AID_M1.replace('cash = "2000.00"', "cash = 12.5"), enabled=())
    before = snapshot_bytes(path / "plugins")
    ws, problems = open_ws(path)
    assert [p for p in problems if p.plugin == "assistance" or (p.file or "").startswith("plugins/")] == []
    assert not any(f.key.startswith("assistance.") for f in ws.figures()[0])
    assert not any(s.title == "困难职工帮扶" for s in ws.report_sections()[0])
    assert not any(p.id == "assistance" for p in ws.tui_panels()[0])
    ws.add_member("A", id="M9", name="新会员", joined=datetime.date(2026, 5, 1))
    ws.save()
    assert snapshot_bytes(path / "plugins") == before


def test_added_records_go_to_their_files(make_workspace: WriteWorkspace) -> None:
    path = make(make_workspace)
    ws, _ = open_ws(path)
    ws.add_record(
        "aid", id="A9", date=datetime.date(2027, 1, 5), member="M2", kind="送温暖", goods=Decimal("200")
    )
    ws.add_record("mutual_medical", id="H9", member="M2", year=2027, scheme="大病互助", premium="100.00")
    written = ws.save()
    assert written == ["plugins/assistance/aid/2027.toml", "plugins/assistance/mutual_medical/2027.toml"]
    again, _ = open_ws(path)
    assert again.record("aid", "A9")["goods"] == Decimal("200.00")
    assert again.save() == []


# -- TUI panel and the example workspace ------------------------------------------------------------
async def test_panel_lists_files_and_aid(make_workspace: WriteWorkspace) -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable, Static

    ws, _ = open_ws(make(make_workspace, files=FIG_FILES, aid=FIG_AID, mutual=MUTUAL))
    panel = next(p for p in ws.tui_panels()[0] if p.id == "assistance")

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield panel.factory(ws)

    async with Host().run_test() as pilot:
        files = pilot.app.query_one("#assistance-files", DataTable)
        given = pilot.app.query_one("#assistance-aid", DataTable)
        mutual = pilot.app.query_one("#assistance-mutual", DataTable)
        assert (files.row_count, given.row_count, mutual.row_count) == (3, 5, 3)
        summary = pilot.app.query_one("#assistance-summary", Static)
        assert "全年帮扶困难职工5人次" in str(summary.render())


def test_plugin_imports_without_textual() -> None:
    import subprocess
    import sys

    code = "import sys, unioncore_assistance.hooks; assert 'textual' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_example_workspace(tmp_path: Path) -> None:
    ws, problems = open_ws(EXAMPLE)
    mine = ours(problems)
    assert [p.format() for p in mine if p.is_error] == []
    assert {p.rule for p in mine} <= {"assistance.review", "assistance.never-helped"}
    figs = {f.key: f.value for f in ws.figures(Period.year(2026))[0]}
    assert figs["assistance.files.open"] >= 3 and figs["assistance.aid.records"] >= 10
    assert figs["assistance.mutual.people"] >= 1
    kinds = {r["kind"] for r in ws.records_of("aid")}
    assert kinds == {"生活救助", "医疗救助", "金秋助学", "送温暖", "送清凉", "探望"}


def test_incomplete_records_do_not_break_the_plugin(make_workspace: WriteWorkspace) -> None:
    files = FILE_M1.replace("opened = 2026-01-10\n", "") + 'review = [{ note = "没有日期" }]\n'
    aid = AID_M1 + '[[aid]]\nid = "A2"\nmember = "M2"\nkind = "探望"\ncash = 12.5\n'
    mutual = '[[mutual_medical]]\nid = "H1"\nmember = "M1"\nyear = "2026"\nscheme = "大病互助"\npremium = "60.00"\n'
    mutual += 'claim = [{ reason = "住院", paid = "100.00" }]\n'
    ws, problems = open_ws(make(make_workspace, files=files, aid=aid, mutual=mutual))
    assert [p.format() for p in problems if p.rule == "plugin.error"] == []
    assert {p.rule for p in problems if p.file and p.file.startswith("plugins/")} >= {"record.field"}
    figs = {f.key: f.value for f in ws.figures()[0]}
    assert figs["assistance.aid.records"] == 1 and figs["assistance.files.open"] == 0
    assert figs["assistance.mutual.enrolments"] == 0
