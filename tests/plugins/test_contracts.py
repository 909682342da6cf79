"""集体合同与工资集体协商 (plugin `contracts`): each rule broken and kept, the dates the plugin computes,
the figures against hand-computed values, the reference sentence and the TUI panel."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE, WriteWorkspace, open_ws, snapshot_bytes
from hypothesis import given
from hypothesis import strategies as st
from unioncore_contracts import terms
from unioncore_contracts.records import CONTRACT_FIELDS
from unioncore_contracts.settings import ContractSettings

from unioncore import Kind, Period, Problem
from unioncore.records import Record

FEDERATION = """
[organisation]
code = "F"
name = "幸福街道总工会"
kind = "街道总工会"

[[enterprise]]
name = "甲公司"
employees = 40
union = "A"

[[enterprise]]
name = "乙商贸"
uscc = "91120101DA1RC3DA35"
employees = 30

[[enterprise]]
name = "丙物业"
employees = 50

[[enterprise]]
name = "丁工作室"
employees = 5
required = false
"""

EVENTS = """
[[event]]
id = "E1"
type = "staff_congress"
title = "第三届职代会第二次会议"
start = 2026-03-05
delegates = 30

[[event]]
id = "E2"
type = "culture_sports"
title = "篮球赛"
start = 2026-03-06
"""

DEFAULTS: dict[str, Any] = {
    "id": "C1",
    "org": "A",
    "kind": "综合",
    "scope": "单独",
    "vote": "{ total = 30, present = 25, yes = 20 }",
    "signed": "2026-03-10",
    "term_start": "2026-04-01",
    "term_end": "2029-03-31",
    "filed": "2026-03-15",
    "employees": 40,
}
RAW = {
    "vote",
    "signed",
    "term_start",
    "term_end",
    "filed",
    "received",
    "objection",
    "enterprises",
    "employees",
}
RAW |= {"female_employees", "covered"}


def contract(**kw: Any) -> str:
    """One [[contract]] table: the defaults, changed by `kw` (None drops a key)."""
    values = {**DEFAULTS, **kw}
    lines = ["[[contract]]"]
    for key, value in values.items():
        if value is None:
            continue
        lines.append(f"{key} = {value}" if key in RAW or isinstance(value, int) else f'{key} = "{value}"')
    return "\n".join(lines) + "\n\n"


def make(
    make_workspace: WriteWorkspace,
    contracts: str,
    *,
    settings: str = "",
    enabled: tuple[str, ...] = ("contracts",),
) -> Path:
    names = ", ".join(f'"{n}"' for n in enabled)
    config = f'format_version = 1\n\n[workspace]\nname = "测试"\nyear = 2026\n\n[plugins]\nenabled = [{names}]\n{settings}'
    files = {
        "orgs/F/organisation.toml": FEDERATION,
        "orgs/A/events/2026.toml": EVENTS,
        "plugins/contracts/contracts.toml": contracts,
    }
    return make_workspace(files, config=config)


def ours(problems: list[Problem], rule: str | None = None) -> list[Problem]:
    return [p for p in problems if p.plugin == "contracts" and (rule is None or p.rule == rule)]


def only(problems: list[Problem], rule: str) -> Problem:
    found = ours(problems, rule)
    assert len(found) == 1, [p.format() for p in ours(problems)]
    return found[0]


def check(make_workspace: WriteWorkspace, contracts: str, settings: str = "") -> list[Problem]:
    return open_ws(make(make_workspace, contracts, settings=settings))[1]


def test_clean_contract_has_no_problem(make_workspace: WriteWorkspace) -> None:
    problems = check(make_workspace, contract())
    assert ours(problems) == []
    assert [p.format() for p in problems if p.is_error] == []


def test_collection_keeps_the_interface_other_plugins_read() -> None:
    fields = {f.name: f for f in CONTRACT_FIELDS}
    assert fields["org"].ref == "organisation"
    assert fields["kind"].choices == ("综合", "工资专项", "女职工专项", "安全卫生专项")
    assert fields["scope"].choices == ("单独", "区域性", "行业性")
    for name in ("signed", "term_start", "term_end"):
        assert fields[name].kind is Kind.DATE
    for name in ("enterprises", "employees", "female_employees"):
        assert fields[name].kind is Kind.INT


# -- the vote (集体合同规定 Art 36) -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("total", "present", "yes", "adopted"),
    [
        (60, 40, 31, True),  # exactly two thirds present, 31 > 30
        (60, 39, 31, False),  # fewer than two thirds present
        (60, 40, 30, False),  # exactly half of all: not more than half
        (61, 41, 31, True),  # 41 × 3 = 123 ≥ 122
        (61, 40, 31, False),
        (5, 4, 3, True),
    ],
)
def test_is_adopted(total: int, present: int, yes: int, adopted: bool) -> None:
    assert terms.is_adopted(total, present, yes) is adopted


@given(st.integers(1, 500), st.data())
def test_is_adopted_is_the_exact_fraction(total: int, data: st.DataObject) -> None:
    present = data.draw(st.integers(0, total))
    yes = data.draw(st.integers(0, present))
    from fractions import Fraction

    expected = Fraction(present, total) >= Fraction(2, 3) and Fraction(yes, total) > Fraction(1, 2)
    assert terms.is_adopted(total, present, yes) is expected


def test_failed_vote_is_an_error(make_workspace: WriteWorkspace) -> None:
    p = only(check(make_workspace, contract(vote="{ total = 30, present = 19, yes = 15 }")), "contracts.vote")
    assert p.severity.value == "error" and "第三十六条" in (p.source or "")
    assert p.message == "职工代表大会表决未通过：实到19人不足应到30人的三分之二，赞成15票未超过全体30人的半数"
    assert p.file == "plugins/contracts/contracts.toml" and p.line is not None


@pytest.mark.parametrize(
    ("vote", "message"),
    [
        ("{ total = 30, present = 31, yes = 20 }", "实到31人多于应到30人"),
        ("{ total = 30, present = 25, yes = 26 }", "赞成26票多于实到25人"),
    ],
)
def test_impossible_vote_counts(make_workspace: WriteWorkspace, vote: str, message: str) -> None:
    assert only(check(make_workspace, contract(vote=vote)), "contracts.vote").message == message


def test_missing_vote_is_a_warning(make_workspace: WriteWorkspace) -> None:
    p = only(check(make_workspace, contract(vote=None)), "contracts.vote-missing")
    assert p.severity.value == "warning" and "第五十一条" in (p.source or "")


def test_vote_at_a_staff_congress_event(make_workspace: WriteWorkspace) -> None:
    ok = contract(vote='{ event = "E1", total = 30, present = 28, yes = 27 }')
    assert ours(check(make_workspace, ok)) == []
    problems = check(make_workspace, contract(vote='{ event = "E9", total = 30, present = 28, yes = 27 }'))
    assert "“E9”不存在" in only(problems, "contracts.ref").message
    problems = check(make_workspace, contract(vote='{ event = "E2", total = 30, present = 28, yes = 27 }'))
    assert "不是职工代表大会" in only(problems, "contracts.vote-event").message
    problems = check(make_workspace, contract(vote='{ event = "E1", total = 32, present = 28, yes = 27 }'))
    assert "与职代会“E1”的职工代表人数30不一致" in only(problems, "contracts.vote-event").message


def test_vote_after_signing(make_workspace: WriteWorkspace) -> None:
    problems = check(
        make_workspace, contract(vote="{ date = 2026-03-12, total = 30, present = 25, yes = 20 }")
    )
    assert "表决日期2026-03-12晚于签订日期2026-03-10" in only(problems, "contracts.vote-date").message
    late_event = EVENTS.replace("2026-03-05", "2026-03-20")
    path = make(make_workspace, contract(vote='{ event = "E1", total = 30, present = 28, yes = 27 }'))
    (path / "orgs/A/events/2026.toml").write_text(late_event, encoding="utf-8")
    assert "2026-03-20" in only(open_ws(path)[1], "contracts.vote-date").message


# -- dates, term, filing, effect ---------------------------------------------------------------------
def test_dates_out_of_order(make_workspace: WriteWorkspace) -> None:
    problems = check(make_workspace, contract(term_end="2026-03-01"))
    assert only(problems, "contracts.dates").message == "期限届满日期早于开始日期"
    problems = check(make_workspace, contract(filed="2026-03-01"))
    assert only(problems, "contracts.dates").message == "报送日期早于签订日期"


@pytest.mark.parametrize(
    ("kind", "start", "end", "message"),
    [
        ("综合", "2026-04-01", "2030-03-31", "期限一般为1至3年，此合同约4.0年"),
        ("综合", "2026-04-01", "2026-09-30", "期限一般为1至3年，此合同约0.5年"),
        ("工资专项", "2026-04-01", "2028-03-31", "一年一订，此合同期限约2.0年"),
        ("综合", "2026-04-01", "2029-03-31", None),
        ("综合", "2026-04-01", "2027-03-31", None),
        ("工资专项", "2026-04-01", "2027-03-31", None),
    ],
)
def test_term_length(
    make_workspace: WriteWorkspace, kind: str, start: str, end: str, message: str | None
) -> None:
    found = ours(check(make_workspace, contract(kind=kind, term_start=start, term_end=end)), "contracts.term")
    if message is None:
        assert found == []
    else:
        assert len(found) == 1 and message in found[0].message


@pytest.mark.parametrize(
    ("kind", "filed", "late"),
    [
        ("综合", "2026-03-20", False),  # the 10th day
        ("综合", "2026-03-21", True),
        ("工资专项", "2026-03-17", False),  # the 7th day
        ("工资专项", "2026-03-18", True),
    ],
)
def test_filing_deadline(make_workspace: WriteWorkspace, kind: str, filed: str, late: bool) -> None:
    term = {"term_end": "2027-03-31"} if kind == "工资专项" else {}
    found = ours(check(make_workspace, contract(kind=kind, filed=filed, **term)), "contracts.filing")
    assert bool(found) is late
    if late:
        days = 7 if kind == "工资专项" else 10
        assert f"应在{days}日内" in found[0].message and "第四十二条" in (found[0].source or "")


def test_not_filed(make_workspace: WriteWorkspace) -> None:
    p = only(check(make_workspace, contract(filed=None)), "contracts.filing")
    assert "仍未报送" in p.message and "尚未生效" in p.message
    # signed two days before 'today' (2026-11-30): still within the 10 days
    fresh = contract(
        filed=None, signed="2026-11-28", term_start="2026-12-01", term_end="2029-11-30", vote=None
    )
    assert ours(check(make_workspace, fresh), "contracts.filing") == []
    # the filing deadline is a setting
    problems = check(make_workspace, contract(filed="2026-03-20"), "[settings.contracts]\nfiling_days = 5\n")
    assert "应在5日内" in only(problems, "contracts.filing").message


def _rec(**values: Any) -> Record:
    base = {"kind": "综合", "signed": datetime.date(2026, 3, 1), "term_start": datetime.date(2026, 4, 1)}
    base["term_end"] = datetime.date(2029, 3, 31)
    base.update(values)
    return Record("contract", "C", base)


def test_effective_date() -> None:
    s = ContractSettings()
    received = _rec(filed=datetime.date(2026, 3, 3))
    assert terms.effective_date(received, s) == datetime.date(2026, 3, 18)
    later = _rec(filed=datetime.date(2026, 3, 3), received=datetime.date(2026, 3, 9))
    assert terms.effective_date(later, s) == datetime.date(2026, 3, 24)
    assert terms.effective_date(_rec(), s) is None
    objected = _rec(filed=datetime.date(2026, 3, 3), objection=datetime.date(2026, 3, 18))
    assert terms.effective_date(objected, s) is None
    too_late = _rec(filed=datetime.date(2026, 3, 3), objection=datetime.date(2026, 3, 19))
    assert terms.effective_date(too_late, s) == datetime.date(2026, 3, 18)
    assert terms.filing_deadline(_rec(kind="工资专项"), s) == datetime.date(2026, 3, 8)


def test_objection_means_not_effective(make_workspace: WriteWorkspace) -> None:
    p = only(check(make_workspace, contract(objection="2026-03-25")), "contracts.objection")
    assert "未生效" in p.message and "第五十四条" in (p.source or "")
    assert ours(check(make_workspace, contract(objection="2026-04-05")), "contracts.objection") == []


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2027-01-31", -3, "2026-10-31"),
        ("2026-05-31", -3, "2026-02-28"),
        ("2028-05-31", -3, "2028-02-29"),
        ("2026-12-15", 2, "2027-02-15"),
        ("2026-01-31", 13, "2027-02-28"),
    ],
)
def test_add_months(day: str, months: int, expected: str) -> None:
    got = terms.add_months(datetime.date.fromisoformat(day), months)
    assert got == datetime.date.fromisoformat(expected)


def test_status() -> None:
    s = ContractSettings()
    rec = _rec(filed=datetime.date(2026, 3, 3), term_end=datetime.date(2027, 1, 31))
    day = datetime.date.fromisoformat
    assert terms.status(rec, day("2026-03-10"), s, False) is terms.Status.UNDER_REVIEW
    assert terms.status(rec, day("2026-03-25"), s, False) is terms.Status.NOT_STARTED
    assert terms.status(rec, day("2026-06-01"), s, False) is terms.Status.IN_FORCE
    assert terms.status(rec, day("2026-11-30"), s, False) is terms.Status.EXPIRING
    assert terms.status(rec, day("2027-02-01"), s, False) is terms.Status.EXPIRED
    assert terms.status(rec, day("2027-02-01"), s, True) is terms.Status.RENEWED
    assert terms.status(_rec(), day("2026-06-01"), s, False) is terms.Status.NOT_FILED


# -- expiry and renewal -----------------------------------------------------------------------------
def test_expiring_contract_is_reminded(make_workspace: WriteWorkspace) -> None:
    # today is 2026-11-30; the reminder starts three months before the end
    p = only(
        check(
            make_workspace,
            contract(term_start="2024-02-01", term_end="2027-01-31", signed="2024-01-20", filed="2024-01-25"),
        ),
        "contracts.expiring",
    )
    assert p.severity.value == "hint" and "2027-01-31期满（还有62天）" in p.message
    not_yet = contract(
        term_start="2024-04-01", term_end="2027-03-31", signed="2024-03-20", filed="2024-03-25"
    )
    assert ours(check(make_workspace, not_yet), "contracts.expiring") == []
    # the reminder period is a setting
    problems = check(make_workspace, not_yet, "[settings.contracts]\nexpiry_reminder_months = 6\n")
    assert len(ours(problems, "contracts.expiring")) == 1


OLD = contract(
    id="C0", term_start="2023-07-01", term_end="2026-06-30", signed="2023-06-20", filed="2023-06-25"
)


def test_expired_contract_without_renewal(make_workspace: WriteWorkspace) -> None:
    p = only(check(make_workspace, OLD), "contracts.expired")
    assert p.message == "合同已于2026-06-30期满，未见续订或重新签订"
    renewed = OLD + contract(
        id="C1",
        renews="C0",
        signed="2026-06-20",
        filed="2026-06-25",
        term_start="2026-07-01",
        term_end="2029-06-30",
    )
    assert ours(check(make_workspace, renewed)) == []
    # a later contract of the same kind in force today replaces it too
    replaced = OLD + contract(
        id="C1", signed="2026-08-10", filed="2026-08-12", term_start="2026-09-01", term_end="2029-08-31"
    )
    assert ours(check(make_workspace, replaced), "contracts.expired") == []


def test_only_a_contract_of_the_same_union_kind_and_scope_replaces(make_workspace: WriteWorkspace) -> None:
    later = dict(signed="2026-08-10", filed="2026-08-12", term_start="2026-09-01", term_end="2029-08-31")
    wage = contract(id="C1", kind="工资专项", **{**later, "term_end": "2027-08-31"})
    ws, problems = open_ws(make(make_workspace, OLD + wage))
    assert len(ours(problems, "contracts.expired")) == 1  # a wage agreement does not replace it
    # a contract added after a check is seen by the next one
    values = {k: datetime.date.fromisoformat(v) for k, v in later.items()}
    ws.add_record("contract", id="C2", org="A", kind="综合", scope="单独", employees=40, **values)
    assert ours(ws.check(), "contracts.expired") == []


def test_renewal_links(make_workspace: WriteWorkspace) -> None:
    new = {
        "signed": "2026-06-20",
        "filed": "2026-06-25",
        "term_start": "2026-07-01",
        "term_end": "2029-06-30",
    }
    problems = check(make_workspace, OLD + contract(id="C1", renews="C0", kind="安全卫生专项", **new))
    assert "是综合合同，不是安全卫生专项" in only(problems, "contracts.renewal").message
    twice = OLD + contract(id="C1", renews="C0", **new) + contract(id="C2", renews="C0", **new)
    assert "已由“C1”续订" in only(check(make_workspace, twice), "contracts.renewal").message
    problems = check(make_workspace, OLD + contract(id="C1", renews="C1", **new))
    assert "不能续订它自己" in only(problems, "contracts.renewal").message
    problems = check(make_workspace, contract(id="C1", renews="C9"))
    assert any(p.rule == "record.ref" and "C9" in p.message for p in problems)


def test_overlapping_contracts_of_one_union(make_workspace: WriteWorkspace) -> None:
    twin = contract(
        id="C2", signed="2026-05-10", filed="2026-05-12", term_start="2026-06-01", term_end="2029-05-31"
    )
    p = only(check(make_workspace, contract() + twin), "contracts.overlap")
    assert "与同类合同“C1”（至2029-03-31）期限重叠" in p.message
    other_kind = twin.replace('kind = "综合"', 'kind = "女职工专项"') + "female_employees = 20\n"
    assert ours(check(make_workspace, contract() + other_kind), "contracts.overlap") == []


# -- coverage --------------------------------------------------------------------------------------
REGIONAL = contract(
    id="R1",
    org="F",
    scope="区域性",
    covered='["91120101DA1RC3DA35", "丙物业"]',  # 乙商贸 by its 统一社会信用代码
    employees=None,
)


def test_regional_contract_coverage(make_workspace: WriteWorkspace) -> None:
    ws, problems = open_ws(make(make_workspace, REGIONAL))
    assert ours(problems) == []
    figs = {f.key: f.value for f in ws.figures()[0] if f.plugin == "contracts"}
    assert figs["contracts.regional.enterprises"] == 2  # from the list
    assert figs["contracts.regional.employees"] == 80  # 30 + 50 from the federation's list


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"org": "A"}, "应由区域或行业工会签订"),
        ({"covered": None, "employees": 100}, "应填写覆盖企业数（enterprises）或覆盖单位（covered）"),
        ({"covered": '["乙商贸", "戊公司"]', "employees": 80}, "覆盖单位“戊公司”不在上级工会的单位名录中"),
        ({"enterprises": 1}, "覆盖企业数1少于列出的覆盖单位2家"),
        ({"covered": None, "enterprises": 30}, "缺少覆盖职工人数"),
    ],
)
def test_regional_coverage_problems(
    make_workspace: WriteWorkspace, changes: dict[str, Any], message: str
) -> None:
    text = REGIONAL
    for key, value in changes.items():
        lines = [ln for ln in text.splitlines() if not ln.startswith(f"{key} =")]
        if value is not None:
            lines.insert(2, f"{key} = {value}" if key != "org" else f'{key} = "{value}"')
        text = "\n".join(lines) + "\n"
    assert message in only(check(make_workspace, text), "contracts.coverage").message


def test_single_contract_coverage(make_workspace: WriteWorkspace) -> None:
    problems = check(make_workspace, contract(enterprises=3))
    assert "覆盖一家企业，不是3家" in only(problems, "contracts.coverage").message
    problems = check(make_workspace, contract(org="F"))
    assert "它签订的合同应为区域性或行业性" in only(problems, "contracts.coverage").message
    # employees default to the union's (A has 40)
    ws, problems = open_ws(make(make_workspace, contract(employees=None)))
    assert ours(problems) == []
    assert {f.key: f.value for f in ws.figures()[0]}["contracts.employees"] == 40


def test_women_contract_counts_women(make_workspace: WriteWorkspace) -> None:
    p = only(check(make_workspace, contract(kind="女职工专项")), "contracts.coverage")
    assert "应填写覆盖女职工人数" in p.message
    p = only(check(make_workspace, contract(kind="女职工专项", female_employees=41)), "contracts.female")
    assert p.message == "覆盖女职工41人多于覆盖职工40人" and p.severity.value == "error"
    assert ours(check(make_workspace, contract(kind="女职工专项", female_employees=18))) == []


def test_minimum_wage(make_workspace: WriteWorkspace) -> None:
    settings = '[settings.contracts.minimum_wage]\n2025 = "2300.00"\n2026 = "2420.00"\n'
    p = only(check(make_workspace, contract(lowest_wage="2400.00"), settings), "contracts.minimum-wage")
    assert "2,400.00元低于当地最低工资标准2,420.00元" in p.message and "第五十五条" in (p.source or "")
    assert ours(check(make_workspace, contract(lowest_wage="2420.00"), settings)) == []
    flat = '[settings.contracts]\nminimum_wage = "2500.00"\n'
    assert (
        len(ours(check(make_workspace, contract(lowest_wage="2420.00"), flat), "contracts.minimum-wage")) == 1
    )


def test_bad_settings(make_workspace: WriteWorkspace) -> None:
    settings = '[settings.contracts]\nfiling_days = "十"\nfilling_days = 3\nminimum_wage = 2400\n'
    found = ours(check(make_workspace, contract(), settings), "contracts.settings")
    assert {p.file for p in found} == {"unioncore.toml"} and all(p.line for p in found)
    text = " ".join(p.message for p in found)
    assert "filing_days 应为正整数" in text and "filling_days" in text and "minimum_wage" in text


# -- figures and the report -------------------------------------------------------------------------
FIGURE_SET = (
    contract(
        id="W0",
        kind="工资专项",
        signed="2025-03-10",
        filed="2025-03-15",
        term_start="2025-04-01",
        term_end="2026-03-31",
    )
    + contract(id="W1", kind="工资专项", renews="W0", term_end="2027-03-31")
    + contract(
        id="G1", signed="2025-12-20", filed="2025-12-25", term_start="2026-01-01", term_end="2028-12-31"
    )
    + contract(
        id="N1",
        kind="女职工专项",
        female_employees=15,
        signed="2026-12-20",
        filed="2026-12-22",
        term_start="2027-01-01",
        term_end="2029-12-31",
    )
    + REGIONAL
    + contract(
        id="I1",
        org="F",
        scope="行业性",
        kind="工资专项",
        enterprises=12,
        employees=300,
        term_end="2027-03-31",
    )
    + contract(
        id="X1",
        signed="2022-01-10",
        filed="2022-01-12",
        term_start="2022-02-01",
        term_end="2025-01-31",
        vote=None,
    )
)


def test_figures_against_hand_computed_values(make_workspace: WriteWorkspace) -> None:
    ws, _ = open_ws(make(make_workspace, FIGURE_SET))
    figs = {
        f.key.removeprefix("contracts."): f
        for f in ws.figures(Period.year(2026))[0]
        if f.plugin == "contracts"
    }

    def v(key: str) -> Any:
        return figs[key].value

    # counted in 2026: G1, W1 (renews W0, so W0 is left out), R1, I1; not N1 (term starts 2027), not X1
    assert v("total") == 4 and figs["total"].refs == (
        "contract:G1",
        "contract:I1",
        "contract:R1",
        "contract:W1",
    )
    assert (v("scope.single"), v("scope.regional"), v("scope.industry")) == (2, 1, 1)
    assert (v("kind.general"), v("kind.wage"), v("kind.women"), v("kind.safety")) == (2, 2, 0, 0)
    assert (v("kind.wage.enterprises"), v("kind.wage.employees")) == (13, 340)
    assert (v("enterprises"), v("employees")) == (1 + 1 + 2 + 12, 40 + 40 + 80 + 300)
    assert (v("regional"), v("regional.enterprises"), v("regional.employees")) == (2, 14, 380)
    assert v("regional.share") == Decimal("50.0")
    assert v("regional.enterprise_share") == Decimal("87.5")  # 14 / 16
    assert v("regional.employee_share") == Decimal("82.6")  # 380 / 460
    # signed in 2026: W1, R1, I1, N1
    assert v("signed") == 4 and v("renewed") == 1 and v("signed.wage") == 2
    # the workspace's units: 甲公司 (A), 乙商贸, 丙物业, 丁工作室 = 4 units, 125 employees
    assert (v("base.enterprises"), v("base.employees")) == (4, 125)
    assert (v("covered.enterprises"), v("covered.employees")) == (3, 120)  # 甲 by G1/W1, 乙 and 丙 by R1
    assert v("coverage.enterprises") == Decimal("75.0") and v("coverage.employees") == Decimal("96.0")
    assert all(f.group == "集体合同" for f in figs.values())
    # denominators from the settings
    ws, _ = open_ws(
        make(
            make_workspace,
            FIGURE_SET,
            settings="[settings.contracts]\nenterprises_total = 10\nemployees_total = 1000\n",
        )
    )
    figs2 = {f.key: f.value for f in ws.figures(Period.year(2026))[0]}
    assert figs2["contracts.coverage.enterprises"] == Decimal("30.0")
    assert figs2["contracts.coverage.employees"] == Decimal("12.0")


def test_report_section(make_workspace: WriteWorkspace) -> None:
    ws, _ = open_ws(make(make_workspace, FIGURE_SET))
    section = next(s for s in ws.report_sections(Period.year(2026))[0] if s.plugin == "contracts")
    assert section.paragraphs == (
        "全年有效集体合同4份，其中综合集体合同2份、工资专项集体合同2份；单独签订2份、区域性1份、行业性1份，合计覆盖企业16家次、职工460人次。",
        "区域性行业性合同份数占50%，覆盖企业和职工分别占88%和83%。",
        "全年新签集体合同4份，其中续订1份。",
        "集体合同覆盖辖区单位3家、职工120人，分别占辖区单位和职工的75%和96%。",
    )
    keys = {f.key for f in section.figures}
    assert "contracts.regional.share" in keys and "contracts.kind.safety" not in keys


def test_report_is_empty_without_contracts(make_workspace: WriteWorkspace) -> None:
    ws, _ = open_ws(make(make_workspace, ""))
    assert [s for s in ws.report_sections()[0] if s.plugin == "contracts"] == []


def test_reference_sentence(make_workspace: WriteWorkspace) -> None:
    """区域性行业性合同份数占39%，覆盖企业和职工分别占98%和85% — from data built to match: 18 contracts,
    7 of them regional or industry (38.9%), covering 539 of 550 enterprises (98.0%) and 17,000 of 20,100
    employees (84.6%)."""
    text = ""
    for i in range(11):  # 11 single contracts: 11 enterprises, 11 × 281 = 3,091 employees (+ 9 below)
        text += contract(id=f"S{i:02d}", employees=281 + (9 if i == 0 else 0))
    sizes = [(100, 3000), (90, 2800), (80, 2600), (75, 2500), (70, 2200), (64, 2000), (60, 1900)]
    for i, (ents, emps) in enumerate(sizes):  # 539 enterprises, 17,000 employees
        scope = "区域性" if i < 4 else "行业性"
        text += contract(id=f"R{i}", org="F", scope=scope, enterprises=ents, employees=emps)
    ws, problems = open_ws(make(make_workspace, text))
    assert [p.format() for p in ours(problems) if p.rule != "contracts.overlap"] == []
    section = next(s for s in ws.report_sections(Period.year(2026))[0] if s.plugin == "contracts")
    assert "区域性行业性合同份数占39%，覆盖企业和职工分别占98%和85%。" in section.paragraphs
    figs = {f.key: f.value for f in section.figures}
    assert figs["contracts.regional.share"] == Decimal("38.9")
    assert figs["contracts.regional.enterprise_share"] == Decimal("98.0")
    assert figs["contracts.regional.employee_share"] == Decimal("84.6")


# -- disabled, saving, TUI, example -------------------------------------------------------------------
def test_disabled_plugin_leaves_its_files_alone(make_workspace: WriteWorkspace) -> None:
    path = make(make_workspace, contract(vote="{ total = 30, present = 3, yes = 1 }"), enabled=())
    before = snapshot_bytes(path / "plugins")
    ws, problems = open_ws(path)
    assert [p for p in problems if p.plugin == "contracts" or (p.file or "").startswith("plugins/")] == []
    assert not any(f.key.startswith("contracts.") for f in ws.figures()[0])
    assert not any(s.title == "集体合同" for s in ws.report_sections()[0])
    assert not any(p.id == "contracts" for p in ws.tui_panels()[0])
    ws.add_member("A", id="M9", name="新会员", joined=datetime.date(2026, 5, 1))
    ws.save()
    assert snapshot_bytes(path / "plugins") == before


def test_added_contract_is_saved_and_checked(make_workspace: WriteWorkspace) -> None:
    path = make(make_workspace, contract())
    ws, _ = open_ws(path)
    ws.add_record(
        "contract",
        id="C2",
        org="A",
        kind="女职工专项",
        scope="单独",
        signed=datetime.date(2026, 9, 1),
        term_start=datetime.date(2026, 10, 1),
        term_end=datetime.date(2029, 9, 30),
        filed=datetime.date(2026, 9, 20),
        female_employees=16,
        vote={"total": 30, "present": 21, "yes": 16},
    )
    assert ws.save() == ["plugins/contracts/contracts.toml"]
    _, problems = open_ws(path)
    assert "签订后19天才报送" in only(problems, "contracts.filing").message


async def test_panel_lists_contracts(make_workspace: WriteWorkspace) -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable, Static

    ws, _ = open_ws(make(make_workspace, FIGURE_SET))
    panel = next(p for p in ws.tui_panels()[0] if p.id == "contracts")

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield panel.factory(ws)

    async with Host().run_test() as pilot:
        table = pilot.app.query_one("#contracts-table", DataTable)
        assert table.row_count == 7
        states = {table.get_row_at(i)[0]: table.get_row_at(i)[10] for i in range(table.row_count)}
        assert states["W0"] == "已续订" and states["X1"] == "已到期" and states["G1"] == "有效"
        summary = pilot.app.query_one("#contracts-summary", Static)
        assert "区域性行业性合同份数占50%" in str(summary.render())


def test_plugin_imports_without_textual() -> None:
    import subprocess
    import sys

    code = "import sys, unioncore_contracts.hooks; assert 'textual' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_example_workspace() -> None:
    ws, problems = open_ws(EXAMPLE)
    mine = ours(problems)
    assert [p.format() for p in mine if p.is_error] == []
    figs = {f.key: f.value for f in ws.figures(Period.year(2026))[0]}
    assert figs["contracts.scope.regional"] >= 1 and figs["contracts.kind.women"] >= 1
    assert figs["contracts.kind.general"] >= 2 and figs["contracts.kind.wage"] >= 1
    recs = {r.key: r for r in ws.records_of("contract")}
    regional = [r for r in recs.values() if r["scope"] == "区域性"]
    assert regional[0]["org"] == "XF" and len(regional[0]["covered"]) >= 3
    assert any(r["org"] == "XF-06" and r["kind"] == "女职工专项" for r in recs.values())
    assert any(r["org"] == "XF-01" and r["kind"] == "综合" for r in recs.values())


def test_incomplete_records_do_not_break_the_plugin(make_workspace: WriteWorkspace) -> None:
    broken = contract(id="B1", signed=None) + contract(id="B2", term_end='"明年"', vote="{ total = 30 }")
    ws, problems = open_ws(make(make_workspace, contract() + broken))
    assert [p.format() for p in problems if p.rule == "plugin.error"] == []
    assert any(p.rule == "record.field" and p.file == "plugins/contracts/contracts.toml" for p in problems)
    assert {f.key: f.value for f in ws.figures()[0]}["contracts.total"] == 1


def test_vote_at_another_unions_congress(make_workspace: WriteWorkspace) -> None:
    path = make(
        make_workspace, contract(org="B", vote='{ event = "E1", total = 30, present = 28, yes = 27 }')
    )
    org_b = '[organisation]\ncode = "B"\nname = "乙工会"\nkind = "基层工会"\nparent = "F"\nemployees = 40\n'
    (path / "orgs/B").mkdir()
    (path / "orgs/B/organisation.toml").write_text(org_b, encoding="utf-8")
    _, problems = open_ws(path)
    assert "职代会“E1”不是B召开的" in only(problems, "contracts.vote-event").message
