"""Organisation rules (工会法 Art 11, 16, 45; 章程 Art 26; 女职委条例 Art 11): each rule with a workspace
that breaks it and one that keeps it, plus the roll-up of figures through two federation links."""

from __future__ import annotations

import datetime

from conftest import open_ws

from unioncore.org_rules import leadership, rollup
from unioncore.problems import Problem, Severity

CONFIG = """\
format_version = 1

[workspace]
name = "测试工会"
year = 2026

[plugins]
enabled = []

[settings]
{settings}
"""

ORG_A = """
[organisation]
code = "A"
name = "甲公司工会"
kind = "基层工会"
parent = "F"
employees = {employees}
female_employees = 10
{extra}
"""

UNION_COMMITTEE = """
[[committee]]
kind = "工会委员会"
term_start = 2024-05-01
term_end = 2027-04-30
seat = [{{ role = "主席", name = "王主席" }}{seats}]
"""

AUDIT_COMMITTEE = """
[[committee]]
kind = "经费审查委员会"
term_start = 2024-05-01
term_end = 2027-04-30
seat = [{ role = "经审会主任", name = "李经审" }]
"""

WOMEN_COMMITTEE = """
[[committee]]
kind = "女职工委员会"
term_start = 2024-05-01
term_end = 2027-04-30
seat = [{ role = "女职委主任", name = "赵女委" }]
"""

CONGRESS_2026 = """
[[event]]
id = "E2026-0001"
type = "members_congress"
title = "会员大会"
start = 2026-03-01
congress_kind = "{kind}"
"""


def members(n: int, women: int = 0, *, first: int = 1, status: str | None = None) -> str:
    """`n` members (the first `women` of them women) who joined in 2020."""
    out = []
    for i in range(first, first + n):
        gender = "女" if i - first < women else "男"
        extra = f'status = "{status}"\n' if status else ""
        out.append(
            f'[[member]]\nid = "M{i:05d}"\nname = "会员{i}"\ngender = "{gender}"\njoined = 2020-01-01\n{extra}'
        )
    return "\n".join(out)


def org_a(*committees: str, employees: int = 40, extra: str = "") -> str:
    return ORG_A.format(employees=employees, extra=extra) + "".join(committees)


def full_committees(seats: str = "") -> tuple[str, str, str]:
    return UNION_COMMITTEE.format(seats=seats), AUDIT_COMMITTEE, WOMEN_COMMITTEE


def of(problems: list[Problem], rule: str) -> list[Problem]:
    return [p for p in problems if p.rule == rule]


def build(make_workspace, files: dict[str, str], settings: str = "") -> list[Problem]:  # type: ignore[no-untyped-def]
    _, problems = open_ws(make_workspace(files, config=CONFIG.format(settings=settings)))
    return problems


# -- 工会法 Art 11: ≥25 members → a 工会委员会 ---------------------------------------------------------
def test_25_members_without_committee_is_an_error(make_workspace) -> None:  # type: ignore[no-untyped-def]
    problems = build(
        make_workspace, {"orgs/A/organisation.toml": org_a(), "orgs/A/members.toml": members(25)}
    )
    [p] = of(problems, "org.committee-required")
    assert p.severity is Severity.ERROR
    assert p.source == "《工会法》第十一条"
    assert p.file == "orgs/A/organisation.toml" and p.line == 1
    assert "在职会员 25 人" in p.message


def test_25_members_with_only_an_organiser_is_an_error(make_workspace) -> None:  # type: ignore[no-untyped-def]
    organiser = """
[[committee]]
kind = "工会委员会"
term_start = 2024-05-01
term_end = 2027-04-30
seat = [{ role = "组织员", name = "孙组织" }]
"""
    files = {"orgs/A/organisation.toml": org_a(organiser), "orgs/A/members.toml": members(30)}
    [p] = of(build(make_workspace, files), "org.committee-required")
    assert "不能只选举组织员" in p.message
    assert p.key == "committee[0]" and p.line == 10


def test_25_members_with_a_committee_keep_the_rule(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/A/organisation.toml": org_a(*full_committees()), "orgs/A/members.toml": members(25)}
    assert of(build(make_workspace, files), "org.committee-required") == []


def test_retired_members_do_not_count_toward_25_unless_set(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {
        "orgs/A/organisation.toml": org_a(),
        "orgs/A/members.toml": members(23) + "\n" + members(2, first=90, status="退休"),
    }
    problems = build(make_workspace, files)
    assert of(problems, "org.committee-required") == []
    assert of(problems, "org.leadership")  # 23 in service and no leadership at all
    counted = build(make_workspace, files, "count_retained_members = true")
    assert of(counted, "org.committee-required")


def test_committee_threshold_is_a_setting(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/A/organisation.toml": org_a(), "orgs/A/members.toml": members(25)}
    problems = build(make_workspace, files, "committee_min_members = 30")
    assert of(problems, "org.committee-required") == []
    assert of(problems, "org.leadership")


def test_small_union_without_committee_or_organiser_is_warned(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/A/organisation.toml": org_a(), "orgs/A/members.toml": members(10)}
    [p] = of(build(make_workspace, files), "org.leadership")
    assert p.severity is Severity.WARNING
    assert "组织员" in p.message


def test_small_union_with_an_organiser_keeps_the_rule(make_workspace) -> None:  # type: ignore[no-untyped-def]
    organiser = """
[[committee]]
kind = "工会委员会"
term_start = 2024-05-01
term_end = 2027-04-30
seat = [{ role = "组织员", name = "孙组织" }]
"""
    files = {"orgs/A/organisation.toml": org_a(organiser), "orgs/A/members.toml": members(10)}
    problems = build(make_workspace, files)
    ws, _ = open_ws(make_workspace(files, config=CONFIG.format(settings="")))
    assert leadership(ws.org("A")) == "organiser"
    assert of(problems, "org.leadership") == []
    assert of(problems, "org.committee-required") == []
    assert of(problems, "org.audit-committee") == []  # one 组织员: no committee to elect a 经审会 beside


# -- 工会法 Art 45: 经审会 beside the committee; Art 16: terms -------------------------------------------
def test_committee_without_audit_committee_is_warned(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {
        "orgs/A/organisation.toml": org_a(UNION_COMMITTEE.format(seats=""), WOMEN_COMMITTEE),
        "orgs/A/members.toml": members(30),
    }
    [p] = of(build(make_workspace, files), "org.audit-committee")
    assert p.severity is Severity.WARNING
    assert p.source == "《工会法》第四十五条"
    assert p.key == "committee[0]" and p.line == 10


def test_committee_with_audit_committee_keeps_the_rule(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/A/organisation.toml": org_a(*full_committees()), "orgs/A/members.toml": members(30)}
    assert of(build(make_workspace, files), "org.audit-committee") == []


def _terms(start: str, end: str) -> str:
    return f"""
[[committee]]
kind = "工会委员会"
term_start = {start}
term_end = {end}
seat = [{{ role = "主席", name = "王主席" }}]

[[committee]]
kind = "经费审查委员会"
term_start = {start}
term_end = {end}
seat = [{{ role = "经审会主任", name = "李经审" }}]
"""


def test_overdue_term_is_reported_with_its_date(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/A/organisation.toml": org_a(_terms("2021-06-01", "2024-05-31"))}
    expired = of(build(make_workspace, files), "org.term-expired")
    assert [p.key for p in expired] == ["committee[0].term_end", "committee[1].term_end"]
    assert all("2024-05-31" in p.message and "已逾期 913 天" in p.message for p in expired)


def test_due_term_is_reminded_within_the_window_setting(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/A/organisation.toml": org_a(_terms("2024-03-01", "2027-02-28"))}
    due = of(build(make_workspace, files), "org.term-due")
    assert len(due) == 2 and "2027-02-28" in due[0].message and "还有 90 天" in due[0].message
    assert of(build(make_workspace, files, "term_reminder_days = 60"), "org.term-due") == []


def test_term_of_four_years_is_warned_three_or_five_kept(make_workspace) -> None:  # type: ignore[no-untyped-def]
    four = {"orgs/A/organisation.toml": org_a(_terms("2024-03-01", "2028-02-29"))}
    assert len(of(build(make_workspace, four), "org.term-length")) == 2
    five = {"orgs/A/organisation.toml": org_a(_terms("2024-03-01", "2029-02-28"))}
    assert of(build(make_workspace, five), "org.term-length") == []


# -- 章程 Art 26: the 会员(代表)大会 -------------------------------------------------------------------
def test_no_congress_in_twelve_months_is_warned(make_workspace) -> None:  # type: ignore[no-untyped-def]
    old = CONGRESS_2026.format(kind="会员大会").replace("2026-03-01", "2025-10-15").replace("E2026", "E2025")
    files = {
        "orgs/A/organisation.toml": org_a(*full_committees()),
        "orgs/A/members.toml": members(30),
        "orgs/A/events/2025.toml": old,
    }
    [p] = of(build(make_workspace, files), "org.congress-yearly")
    assert p.severity is Severity.WARNING
    assert p.source == "《中国工会章程》第二十六条"
    assert "2025-11-30 至 2026-11-30" in p.message and "上一次在 2025-10-15" in p.message
    # a longer window (a setting) covers the October 2025 congress
    assert of(build(make_workspace, files, "congress_window_months = 14"), "org.congress-yearly") == []


def test_congress_in_the_year_keeps_the_rule(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {
        "orgs/A/organisation.toml": org_a(*full_committees()),
        "orgs/A/members.toml": members(30),
        "orgs/A/events/2026.toml": CONGRESS_2026.format(kind="会员大会"),
    }
    assert of(build(make_workspace, files), "org.congress-yearly") == []


def test_union_founded_within_the_window_is_not_yet_due(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/A/organisation.toml": org_a(*full_committees(), extra="founded = 2026-06-01")}
    assert of(build(make_workspace, files), "org.congress-yearly") == []


def test_delegates_congress_of_a_small_union_is_warned(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {
        "orgs/A/organisation.toml": org_a(*full_committees()),
        "orgs/A/members.toml": members(100),
        "orgs/A/events/2026.toml": CONGRESS_2026.format(kind="会员代表大会"),
    }
    [p] = of(build(make_workspace, files), "org.congress-kind")
    assert p.file == "orgs/A/events/2026.toml" and p.key == "event[0].congress_kind" and p.line == 6
    assert "在职会员 100 人" in p.message


def test_delegates_congress_of_a_large_union_or_a_general_meeting_keeps_the_rule(make_workspace) -> None:  # type: ignore[no-untyped-def]
    big = {
        "orgs/A/organisation.toml": org_a(*full_committees()),
        "orgs/A/members.toml": members(101),
        "orgs/A/events/2026.toml": CONGRESS_2026.format(kind="会员代表大会"),
    }
    assert of(build(make_workspace, big), "org.congress-kind") == []
    general = {**big, "orgs/A/events/2026.toml": CONGRESS_2026.format(kind="会员大会")}
    general["orgs/A/members.toml"] = members(30)
    assert of(build(make_workspace, general), "org.congress-kind") == []
    # the threshold is a setting
    assert of(build(make_workspace, big, "general_meeting_max_members = 200"), "org.congress-kind")


# -- 女职委条例 Art 11 -------------------------------------------------------------------------------
def test_ten_women_without_women_committee_is_warned(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {
        "orgs/A/organisation.toml": org_a(UNION_COMMITTEE.format(seats=""), AUDIT_COMMITTEE),
        "orgs/A/members.toml": members(30, women=10),
    }
    [p] = of(build(make_workspace, files), "org.women-committee")
    assert p.severity is Severity.WARNING
    assert p.source == "《工会女职工委员会工作条例》第十一条"
    assert "女会员 10 人" in p.message
    # a 女职委委员 is not enough from 10 women on
    seat = ', { role = "女职委委员", name = "钱女委" }'
    files["orgs/A/organisation.toml"] = org_a(UNION_COMMITTEE.format(seats=seat), AUDIT_COMMITTEE)
    assert of(build(make_workspace, files), "org.women-committee")
    assert of(build(make_workspace, files, "women_committee_min_members = 11"), "org.women-committee") == []


def test_ten_women_with_women_committee_keep_the_rule(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {
        "orgs/A/organisation.toml": org_a(*full_committees()),
        "orgs/A/members.toml": members(30, women=10),
    }
    problems = build(make_workspace, files)
    assert of(problems, "org.women-committee") == [] and of(problems, "org.women-officer") == []


def test_few_women_without_women_officer_get_a_hint(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {
        "orgs/A/organisation.toml": org_a(UNION_COMMITTEE.format(seats=""), AUDIT_COMMITTEE),
        "orgs/A/members.toml": members(30, women=9),
    }
    problems = build(make_workspace, files)
    assert of(problems, "org.women-committee") == []
    [p] = of(problems, "org.women-officer")
    assert p.severity is Severity.HINT and "女会员 9 人" in p.message


def test_few_women_with_a_women_officer_keep_the_rule(make_workspace) -> None:  # type: ignore[no-untyped-def]
    seat = ', { role = "女职委委员", name = "钱女委" }'
    files = {
        "orgs/A/organisation.toml": org_a(UNION_COMMITTEE.format(seats=seat), AUDIT_COMMITTEE),
        "orgs/A/members.toml": members(30, women=3),
    }
    assert of(build(make_workspace, files), "org.women-officer") == []


# -- dual links: area federation + industry federation -------------------------------------------------
INDUSTRY = """
[organisation]
code = "IND"
name = "幸福街道餐饮行业工会联合会"
kind = "行业工会联合会"
parent = "F"
"""

UNION_B = """
[organisation]
code = "B"
name = "乙餐饮公司工会"
kind = "基层工会"
parent = "F"
also_under = ["{also}"]
employees = 30
female_employees = 12
"""


def test_also_under_an_area_federation_is_an_error(make_workspace) -> None:  # type: ignore[no-untyped-def]
    second_area = '[organisation]\ncode = "G"\nname = "另一街道总工会"\nkind = "街道总工会"\n'
    files = {"orgs/G/organisation.toml": second_area, "orgs/B/organisation.toml": UNION_B.format(also="G")}
    [p] = of(build(make_workspace, files), "org.also-under")
    assert p.severity is Severity.ERROR
    assert p.file == "orgs/B/organisation.toml" and p.key == "organisation.also_under" and p.line == 6
    assert "街道总工会" in p.message


def test_also_under_an_industry_federation_keeps_the_rule(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/IND/organisation.toml": INDUSTRY, "orgs/B/organisation.toml": UNION_B.format(also="IND")}
    problems = build(make_workspace, files)
    assert of(problems, "org.also-under") == [] and of(problems, "org.parent") == []


def test_rollup_counts_a_union_under_two_federations_once(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {
        "orgs/A/organisation.toml": org_a(*full_committees()),
        "orgs/A/members.toml": members(30, women=10),
        "orgs/IND/organisation.toml": INDUSTRY,
        "orgs/B/organisation.toml": UNION_B.format(also="IND"),
        "orgs/B/members.toml": members(20, women=5, first=101),
    }
    ws, _ = open_ws(make_workspace(files, config=CONFIG.format(settings="")))
    # B is reachable from F twice: directly (parent) and through IND (also_under)
    assert [o.code for o in ws.children("F")].count("B") == 1
    assert "B" in [o.code for o in ws.children("IND")]
    f = rollup(ws, "F")
    assert f.unions == ("A", "B")
    assert (f.members, f.women_members) == (50, 15)
    assert (f.employees, f.female_employees) == (70, 22)
    assert f.refs == ("organisation:A", "organisation:B")
    ind = rollup(ws, "IND")
    assert (ind.unions, ind.members, ind.employees) == (("B",), 20, 30)
    # counts on a past day follow transfers: move a member from A to B and look at both days
    ws.transfer_member("M00001", "B", datetime.date(2026, 6, 1))
    assert rollup(ws, "IND").members == 21
    assert rollup(ws, "IND", datetime.date(2026, 5, 31)).members == 20
    assert rollup(ws, "F").members == 50


# -- closed unions and settings ----------------------------------------------------------------------
def test_closed_union_is_left_out_of_organisation_rules(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {
        "orgs/A/organisation.toml": org_a(_terms("2021-06-01", "2024-05-31")),
        "orgs/A/members.toml": members(30),
    }
    open_union = build(make_workspace, files)
    assert of(open_union, "org.congress-yearly") and of(open_union, "org.term-expired")
    closed = build(make_workspace, files, "closed_unions = { A = 2026-06-30 }")
    rules = {"org.committee-required", "org.congress-yearly", "org.term-expired", "org.women-committee"}
    assert [p for p in closed if p.rule in rules] == []


def test_a_wrong_setting_is_reported_at_its_line_and_the_default_used(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/A/organisation.toml": org_a(), "orgs/A/members.toml": members(25)}
    problems = build(make_workspace, files, 'committee_min_members = "二十五"\nterm_reminder_days = -1')
    bad = of(problems, "org.setting")
    assert [(p.file, p.line) for p in bad] == [("unioncore.toml", 11), ("unioncore.toml", 12)]
    assert "默认值 25" in bad[0].message
    assert of(problems, "org.committee-required")  # checked with the default 25


def test_congress_kind_counts_members_on_the_day_of_the_congress(make_workspace) -> None:  # type: ignore[no-untyped-def]
    union_b = '[organisation]\ncode = "B"\nname = "乙公司工会"\nkind = "基层工会"\nparent = "F"\n'
    moved = (
        '[[member]]\nid = "M09999"\nname = "调出者"\njoined = 2020-01-01\nhistory = [\n'
        '    { date = 2020-01-01, kind = "入会" },\n'
        '    { date = 2026-06-01, kind = "转会", from_org = "A", to_org = "B" },\n]\n'
    )
    files = {
        "orgs/A/organisation.toml": org_a(*full_committees()),
        "orgs/A/members.toml": members(100),
        "orgs/B/organisation.toml": union_b,
        "orgs/B/members.toml": moved,
        "orgs/A/events/2026.toml": CONGRESS_2026.format(kind="会员代表大会"),
    }
    # on 2026-03-01 A had 101 members (the one who left for B in June included)
    assert of(build(make_workspace, files), "org.congress-kind") == []
    files["orgs/A/events/2026.toml"] = files["orgs/A/events/2026.toml"].replace("2026-03-01", "2026-07-01")
    [p] = of(build(make_workspace, files), "org.congress-kind")
    assert "在职会员 100 人" in p.message


def test_women_are_counted_from_the_id_number_when_gender_is_blank(make_workspace) -> None:  # type: ignore[no-untyped-def]
    woman = '[[member]]\nid = "M09001"\nname = "无性别栏"\nid_number = "110105198502022349"\njoined = 2020-01-01\n'
    files = {
        "orgs/A/organisation.toml": org_a(UNION_COMMITTEE.format(seats=""), AUDIT_COMMITTEE),
        "orgs/A/members.toml": members(30, women=9) + "\n" + woman,
    }
    [p] = of(build(make_workspace, files), "org.women-committee")
    assert "女会员 10 人" in p.message
