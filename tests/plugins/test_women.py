"""The women plugin (女职工委员会): every rule with a workspace that breaks it and one that keeps it,
figures against hand-computed values, the report section, the disabled plugin."""

from __future__ import annotations

import datetime
import itertools
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import open_ws, snapshot_bytes

import unioncore
from unioncore import Collection, Field, Kind, Period, Problem, hookimpl
from unioncore.identifiers import ric_check_char

_seq = itertools.count(1)


def ric(born: str, female: bool) -> str:
    """A valid 公民身份号码 for a birth date (YYYY-MM-DD) and gender, unique per call."""
    n = next(_seq)
    seq = f"{(n * 2 + (0 if female else 1)) % 1000:03d}"
    first = "110105" + born.replace("-", "") + seq
    return first + ric_check_char(first)


def member(mid: str, female: bool = True, *, born: str = "1988-04-02", retired: str | None = None) -> str:
    gender = "女" if female else "男"
    history = '{ date = 2020-01-01, kind = "入会" }'
    status = ""
    if retired:
        history += f', {{ date = {retired}, kind = "退休" }}'
        status = 'status = "退休"\n'
    return (
        f'[[member]]\nid = "{mid}"\nname = "{gender}工{mid}"\ngender = "{gender}"\n'
        f'id_number = "{ric(born, female)}"\njoined = 2020-01-01\n{status}history = [{history}]\n\n'
    )


def members(code: str, women: int, men: int = 0) -> str:
    return "".join(member(f"{code}W{i:02d}") for i in range(1, women + 1)) + "".join(
        member(f"{code}M{i:02d}", female=False) for i in range(1, men + 1)
    )


UNION_COMMITTEE = """
[[committee]]
kind = "工会委员会"
term_start = 2024-01-01
term_end = 2028-12-31
seat = [
    {{ role = "主席", member = "AM01" }},
    {{ role = "委员", member = "{chair}" }},
]
"""

WOMEN_COMMITTEE = """
[[committee]]
kind = "女职工委员会"
term_start = {start}
term_end = {end}
seat = [
    {{ role = "{role}", member = "{chair}" }},
    {{ role = "女职委委员", member = "AW02" }},
]
"""


def org_a(
    *,
    committee: bool = True,
    chair: str = "AW01",
    role: str = "女职委主任",
    start: str = "2024-01-01",
    end: str = "2028-12-31",
    employees: int = 40,
    female: int = 20,
    union_chair: str | None = None,
) -> str:
    text = f"""
[organisation]
code = "A"
name = "甲公司工会"
kind = "基层工会"
parent = "F"
employees = {employees}
female_employees = {female}
"""
    text += UNION_COMMITTEE.format(chair=union_chair or chair)
    if committee:
        text += WOMEN_COMMITTEE.format(start=start, end=end, role=role, chair=chair)
    return text


MEETINGS_ALL = """
[[women_meeting]]
id = "NM-1"
org = "A"
date = 2026-03-06
title = "女职委一季度会议"

[[women_meeting]]
id = "NM-2"
org = "A"
date = 2026-06-12

[[women_meeting]]
id = "NM-3"
org = "A"
date = 2026-09-18
"""


def workspace(make_workspace, files: dict[str, str], *, settings: str = "", enabled=("women",), **kw):  # type: ignore[no-untyped-def]
    """A workspace with the women plugin; `settings` is the body of [settings.women]."""
    config = None
    if settings:
        config = (
            'format_version = 1\n\n[workspace]\nname = "测试工会"\nyear = 2026\n\n'
            f"[plugins]\nenabled = {list(enabled)!r}\n\n[settings.women]\n{settings}\n"
        ).replace("'", '"')
    files = {
        "orgs/A/members.toml": members("A", 10, 2),
        "plugins/women/meetings/2026.toml": MEETINGS_ALL,
        **files,
    }
    return make_workspace(files, enabled=list(enabled), config=config, **kw)


def changed_files(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    """Workspace files a save changed (the core's own lock file aside)."""
    return {k for k in after if before.get(k) != after[k] and not k.startswith(".")}


def of(problems: list[Problem], rule: str) -> list[Problem]:
    return [p for p in problems if p.rule == rule]


def only_mine(problems: list[Problem]) -> list[str]:
    return [p.format() for p in problems if p.plugin == "women"]


# -- the committee (条例 Art 11, 17) -----------------------------------------------------------------
def test_kept_workspace_has_no_problem(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _ws, problems = open_ws(workspace(make_workspace, {"orgs/A/organisation.toml": org_a()}))
    assert only_mine(problems) == []
    assert [p.format() for p in problems if p.is_error] == []


@pytest.fixture
def without_core_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """As with a core that does not check 条例 Art 11 itself: the plugin then reports it."""
    import unioncore_women.committee

    monkeypatch.setattr(unioncore_women.committee, "core_checks_committee", lambda ws: False)


def test_missing_committee_is_reported_once(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _ws, problems = open_ws(workspace(make_workspace, {"orgs/A/organisation.toml": org_a(committee=False)}))
    # the core checks 条例 Art 11 itself (org.women-committee): the plugin does not repeat it
    assert of(problems, "women.committee-required") == []
    assert len([p for p in problems if "应建立女职工委员会" in p.message]) == 1


def test_ten_women_without_committee(make_workspace, without_core_check) -> None:  # type: ignore[no-untyped-def]
    _, problems = open_ws(workspace(make_workspace, {"orgs/A/organisation.toml": org_a(committee=False)}))
    found = of(problems, "women.committee-required")
    assert len(found) == 1
    assert "在职女会员 10 人" in found[0].message
    assert found[0].file == "orgs/A/organisation.toml" and found[0].line is not None
    assert found[0].source and "第十一条" in found[0].source
    _ws, problems = open_ws(workspace(make_workspace, {"orgs/A/organisation.toml": org_a()}))
    assert of(problems, "women.committee-required") == []


def test_nine_women_may_have_an_officer(make_workspace, without_core_check) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/A/organisation.toml": org_a(committee=False), "orgs/A/members.toml": members("A", 9, 3)}
    ws, problems = open_ws(workspace(make_workspace, files))
    assert of(problems, "women.committee-required") == []
    assert len(of(problems, "women.officer-suggested")) == 1
    files["plugins/women/officers.toml"] = '[[women_officer]]\nid = "NO-1"\norg = "A"\nmember = "AW03"\n'
    ws, problems = open_ws(workspace(make_workspace, files))
    assert of(problems, "women.officer-suggested") == []
    assert of(problems, "women.officer-member") == []
    figs = {f.key: f for f in ws.figures()[0]}
    assert figs["women.officers"].value == 1 and figs["women.officers"].refs == ("women_officer:NO-1",)


def test_officer_seat_on_the_union_committee_counts(make_workspace, without_core_check) -> None:  # type: ignore[no-untyped-def]
    org = org_a(committee=False).replace(
        '{ role = "委员", member = "AW01" }', '{ role = "女职委委员", member = "AW01" }'
    )
    files = {"orgs/A/organisation.toml": org, "orgs/A/members.toml": members("A", 9, 3)}
    ws, problems = open_ws(workspace(make_workspace, files))
    assert of(problems, "women.officer-suggested") == []
    figs = {f.key: f for f in ws.figures()[0]}
    assert figs["women.officers"].refs == ("member:AW01",)


def test_threshold_is_a_setting(make_workspace, without_core_check) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/A/organisation.toml": org_a(committee=False), "orgs/A/members.toml": members("A", 9, 3)}
    _ws, problems = open_ws(workspace(make_workspace, files, settings="committee_threshold = 8"))
    assert len(of(problems, "women.committee-required")) == 1


def test_officer_must_be_a_woman_of_the_union(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {
        "orgs/A/organisation.toml": org_a(committee=False),
        "orgs/A/members.toml": members("A", 5, 3),
        "plugins/women/officers.toml": '[[women_officer]]\nid = "NO-1"\norg = "A"\nmember = "AM02"\n',
    }
    _ws, problems = open_ws(workspace(make_workspace, files))
    found = of(problems, "women.officer-member")
    assert len(found) == 1 and "男性" in found[0].message
    assert found[0].file == "plugins/women/officers.toml" and found[0].line == 4


def test_committee_without_chair(make_workspace) -> None:  # type: ignore[no-untyped-def]
    org = org_a(role="女职委委员", union_chair="AW01")
    _ws, problems = open_ws(workspace(make_workspace, {"orgs/A/organisation.toml": org}))
    found = of(problems, "women.committee-chair")
    assert len(found) == 1 and "没有主任" in found[0].message


def test_male_chair(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _ws, problems = open_ws(workspace(make_workspace, {"orgs/A/organisation.toml": org_a(chair="AM02")}))
    found = of(problems, "women.committee-chair")
    assert len(found) == 1 and "男性" in found[0].message


def test_chair_not_on_union_committee(make_workspace) -> None:  # type: ignore[no-untyped-def]
    org = org_a(union_chair="AW05")
    _ws, problems = open_ws(workspace(make_workspace, {"orgs/A/organisation.toml": org}))
    assert len(of(problems, "women.chair-on-committee")) == 1


def test_term_expired_and_mismatch(make_workspace) -> None:  # type: ignore[no-untyped-def]
    org = org_a(start="2021-01-01", end="2025-12-31")
    _ws, problems = open_ws(workspace(make_workspace, {"orgs/A/organisation.toml": org}))
    assert len(of(problems, "women.term-expired")) == 1
    mismatch = of(problems, "women.term-mismatch")
    assert len(mismatch) == 1 and "2024-01-01" in mismatch[0].message


def test_missed_quarter(make_workspace) -> None:  # type: ignore[no-untyped-def]
    meetings = MEETINGS_ALL.split('[[women_meeting]]\nid = "NM-2"')[0]  # Q1 only … then Q3
    meetings += '[[women_meeting]]\nid = "NM-3"\norg = "A"\ndate = 2026-09-18\n'
    files = {"orgs/A/organisation.toml": org_a(), "plugins/women/meetings/2026.toml": meetings}
    _ws, problems = open_ws(workspace(make_workspace, files))
    found = of(problems, "women.meeting-missed")
    # Q2 missed; Q4 is not over on 2026-11-30
    assert [p.message for p in found] == [
        "女职工委员会2026年第2季度（2026-04-01 至 2026-06-30）没有召开会议的记录"
    ]
    assert found[0].file == "orgs/A/organisation.toml"


def test_meetings_per_year_setting(make_workspace) -> None:  # type: ignore[no-untyped-def]
    meetings = '[[women_meeting]]\nid = "NM-1"\norg = "A"\ndate = 2026-03-06\n'
    files = {"orgs/A/organisation.toml": org_a(), "plugins/women/meetings/2026.toml": meetings}
    _, problems = open_ws(workspace(make_workspace, files, settings="meetings_per_year = 2"))
    assert of(problems, "women.meeting-missed") == []  # first half met; the second is not over yet
    _ws, problems = open_ws(workspace(make_workspace, files))
    assert len(of(problems, "women.meeting-missed")) == 2  # quarterly: Q2 and Q3 missed


def test_committee_started_this_year_is_not_asked_for_earlier_quarters(make_workspace) -> None:  # type: ignore[no-untyped-def]
    meetings = '[[women_meeting]]\nid = "NM-1"\norg = "A"\ndate = 2026-09-01\n'
    org = org_a(start="2026-07-01", end="2031-06-30")
    files = {"orgs/A/organisation.toml": org, "plugins/women/meetings/2026.toml": meetings}
    _ws, problems = open_ws(workspace(make_workspace, files))
    assert of(problems, "women.meeting-missed") == []


# -- indexes kept between checks (a district's meetings and members are grouped once per change) ----
def test_meeting_added_after_a_check_is_seen_by_the_next(make_workspace) -> None:  # type: ignore[no-untyped-def]
    meetings = MEETINGS_ALL.replace(
        'id = "NM-2"\norg = "A"\ndate = 2026-06-12', 'id = "NM-2"\norg = "B"\ndate = 2026-06-12'
    )
    files = {"orgs/A/organisation.toml": org_a(), "plugins/women/meetings/2026.toml": meetings}
    ws, problems = open_ws(workspace(make_workspace, files))
    assert len(of(problems, "women.meeting-missed")) == 1  # Q2: its meeting is B's
    assert len(of(ws.check(), "women.meeting-missed")) == 1  # asked again, unchanged
    ws.add_record("women_meeting", id="NM-9", org="A", date=datetime.date(2026, 5, 8))
    assert of(ws.check(), "women.meeting-missed") == []
    ws.update_record("women_meeting", "NM-9", date=datetime.date(2026, 7, 8))  # moved into Q3
    assert ["第2季度" in p.message for p in of(ws.check(), "women.meeting-missed")] == [True]


def test_member_added_after_a_check_is_counted_by_the_next(make_workspace, without_core_check) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/A/organisation.toml": org_a(committee=False), "orgs/A/members.toml": members("A", 9, 3)}
    ws, problems = open_ws(workspace(make_workspace, files))
    assert of(problems, "women.committee-required") == []
    ws.add_member("A", id="AW10", name="女工AW10", gender="女", joined=datetime.date(2026, 3, 1))
    found = of(ws.check(), "women.committee-required")
    assert len(found) == 1 and "在职女会员 10 人" in found[0].message


def test_officer_added_after_a_check_is_seen_by_the_next(make_workspace, without_core_check) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/A/organisation.toml": org_a(committee=False), "orgs/A/members.toml": members("A", 9, 3)}
    ws, problems = open_ws(workspace(make_workspace, files))
    assert len(of(problems, "women.officer-suggested")) == 1
    ws.add_record("women_officer", id="NO-1", org="A", member="AW03")
    assert of(ws.check(), "women.officer-suggested") == []


# -- delegates (条例 Art 15) -------------------------------------------------------------------------
def congress(delegates: int, female: int) -> str:
    return f"""
[[event]]
id = "E-1"
type = "staff_congress"
title = "二届三次职代会"
start = 2026-04-20
delegates = {delegates}
female_delegates = {female}
"""


def test_delegate_share_gap(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/A/organisation.toml": org_a(), "orgs/A/events/2026.toml": congress(20, 4)}
    _ws, problems = open_ws(workspace(make_workspace, files))
    found = of(problems, "women.delegate-share")
    assert len(found) == 1
    assert "占代表总数的 20.0%" in found[0].message and "50.0%" in found[0].message
    assert found[0].file == "orgs/A/events/2026.toml" and found[0].line is not None


def test_delegate_share_within_threshold(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/A/organisation.toml": org_a(), "orgs/A/events/2026.toml": congress(20, 9)}
    _, problems = open_ws(workspace(make_workspace, files))
    assert of(problems, "women.delegate-share") == []  # 45% against 50%: 5 points
    _ws, problems = open_ws(workspace(make_workspace, files, settings="delegate_gap_points = 3"))
    assert len(of(problems, "women.delegate-share")) == 1


def test_more_women_delegates_than_delegates(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/A/organisation.toml": org_a(), "orgs/A/events/2026.toml": congress(5, 6)}
    _ws, problems = open_ws(workspace(make_workspace, files))
    found = of(problems, "women.delegate-count")
    assert len(found) == 1 and found[0].is_error
    assert of(problems, "women.delegate-share") == []


# -- mutual-aid insurance (221 代管经费, minimum share) -----------------------------------------------
SCHEME = """
[[women_scheme]]
id = "AK"
name = "女职工安康互助保障"
kind = "女职工安康互助保险"
premium = "40.00"
term_years = 1
start = 2020-01-01
"""


def enrolment(ids: list[str], voucher: str | None = "记-003", org: str = "A", key: str = "NE-1") -> str:
    listed = ", ".join(f'"{i}"' for i in ids)
    text = f'[[women_enrolment]]\nid = "{key}"\nscheme = "AK"\nyear = 2026\norg = "{org}"\nmembers = [{listed}]\npremium = "40.00"\n'
    if voucher:
        text += f'voucher = "{voucher}"\n'
    return text + "\n"


def ledger(account: str, amount: str, memo: str = "代收女职工安康互助保障保费") -> str:
    return f"""
[opening]
102 = "10000.00"

[[entry]]
voucher = "记-003"
date = 2026-03-15
account = "{account}"
amount = "{amount}"
memo = "{memo}"
"""


def women_ids(n: int) -> list[str]:
    return [f"AW{i:02d}" for i in range(1, n + 1)]


def insurance_files(
    account: str = "221", amount: str = "320.00", n: int = 8, memo: str = "代收女职工安康互助保障保费"
):  # type: ignore[no-untyped-def]
    return {
        "orgs/A/organisation.toml": org_a(),
        "plugins/women/insurance/schemes.toml": SCHEME,
        "plugins/women/insurance/enrolments/2026.toml": enrolment(women_ids(n)),
        "orgs/A/ledger/2026.toml": ledger(account, amount, memo),
    }


def test_premium_held_for_others_is_kept(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _ws, problems = open_ws(workspace(make_workspace, insurance_files()))
    assert only_mine(problems) == []


@pytest.mark.parametrize("account", ["401", "402", "403", "405", "408"])
def test_premium_booked_as_income(make_workspace, account: str) -> None:  # type: ignore[no-untyped-def]
    _ws, problems = open_ws(workspace(make_workspace, insurance_files(account)))
    found = of(problems, "women.premium-income")
    assert len(found) == 1 and found[0].is_error
    assert found[0].file == "orgs/A/ledger/2026.toml" and found[0].line is not None
    assert "221" in found[0].message


def test_premium_found_by_memo_alone(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = insurance_files("408", memo="收女职工互助保险费")
    files["plugins/women/insurance/enrolments/2026.toml"] = enrolment(women_ids(8), voucher=None)
    _ws, problems = open_ws(workspace(make_workspace, files))
    found = of(problems, "women.premium-income")
    assert len(found) == 1 and "摘要" in found[0].message


def test_premium_voucher_missing_wrong_amount_or_account(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = insurance_files(amount="300.00")
    _, problems = open_ws(workspace(make_workspace, files))
    found = of(problems, "women.premium-voucher")
    assert len(found) == 1 and "320.00 元" in found[0].message
    files["plugins/women/insurance/enrolments/2026.toml"] = enrolment(women_ids(8), voucher="记-099")
    _, problems = open_ws(workspace(make_workspace, files))
    assert ["不在 A 2026年的账中" in p.message for p in of(problems, "women.premium-voucher")] == [True]
    _ws, problems = open_ws(workspace(make_workspace, insurance_files("50305")))
    found = of(problems, "women.premium-voucher")
    assert len(found) == 1 and "应记 221" in found[0].message


def test_enrolment_below_minimum_share(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = insurance_files(amount="280.00", n=7)
    _, problems = open_ws(workspace(make_workspace, files))
    found = of(problems, "women.enrolment-share")
    assert len(found) == 1 and "70.0%" in found[0].message and "80%" in found[0].message
    _ws, problems = open_ws(workspace(make_workspace, files, settings='scheme_min_share = { "AK" = 60 }'))
    assert of(problems, "women.enrolment-share") == []


def test_enrolment_eligibility(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = insurance_files(amount="440.00", n=8)
    files["orgs/B/organisation.toml"] = (
        '[organisation]\ncode = "B"\nname = "乙公司工会"\nkind = "基层工会"\nparent = "F"\n'
    )
    files["orgs/B/members.toml"] = member("BW01") + member("BW02", retired="2025-06-01", born="1970-01-01")
    files["plugins/women/insurance/enrolments/2026.toml"] = enrolment([*women_ids(8), "AM01", "BW01", "AW01"])
    _ws, problems = open_ws(workspace(make_workspace, files))
    messages = sorted(p.message for p in of(problems, "women.enrolment-eligible"))
    assert len(messages) == 3
    assert any("男性" in m for m in messages)
    assert any("不是 A 的会员" in m for m in messages)
    assert any("重复登记" in m for m in messages)


def test_claim_needs_enrolment(make_workspace) -> None:  # type: ignore[no-untyped-def]
    claim = '[[women_claim]]\nid = "NC-1"\nscheme = "AK"\nmember = "{m}"\ndate = 2026-08-02\nillness = "乳腺癌"\nstatus = "已赔付"\npayout = "10000.00"\npaid = 2026-09-01\n'
    files = insurance_files()
    files["plugins/women/insurance/claims/2026.toml"] = claim.format(m="AW09")
    _, problems = open_ws(workspace(make_workspace, files))
    found = of(problems, "women.claim-not-enrolled")
    assert len(found) == 1 and found[0].file == "plugins/women/insurance/claims/2026.toml"
    files["plugins/women/insurance/claims/2026.toml"] = claim.format(m="AW02")
    _ws, problems = open_ws(workspace(make_workspace, files))
    assert of(problems, "women.claim-not-enrolled") == []


# -- titles and settings ----------------------------------------------------------------------------
def test_titles(make_workspace) -> None:  # type: ignore[no-untyped-def]
    good = (
        '[[women_title]]\nid = "NT-1"\ntitle = "巾帼文明岗"\nlevel = "区县级"\nyear = 2026\norg = "A"\nteam = "检验科"\n\n'
        '[[women_title]]\nid = "NT-2"\ntitle = "巾帼建功标兵"\nyear = 2026\norg = "A"\nmember = "AW03"\n'
    )
    files = {"orgs/A/organisation.toml": org_a(), "plugins/women/titles.toml": good}
    _, problems = open_ws(workspace(make_workspace, files))
    assert of(problems, "women.title-holder") == []
    bad = (
        '[[women_title]]\nid = "NT-1"\ntitle = "巾帼文明岗"\nyear = 2026\norg = "A"\n\n'
        '[[women_title]]\nid = "NT-2"\ntitle = "巾帼建功标兵"\nyear = 2026\norg = "A"\nteam = "检验科"\n\n'
        '[[women_title]]\nid = "NT-3"\ntitle = "三八红旗手"\nyear = 2026\norg = "A"\nmember = "AM01"\n'
    )
    files["plugins/women/titles.toml"] = bad
    _ws, problems = open_ws(workspace(make_workspace, files))
    found = sorted(of(problems, "women.title-holder"), key=lambda p: p.line or 0)
    assert len(found) == 3
    assert "没有写明获得者" in found[0].message
    assert "个人称号" in found[1].message
    assert "男性" in found[2].message


def test_bad_setting_is_reported_and_default_used(make_workspace, without_core_check) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/A/organisation.toml": org_a(committee=False)}
    _ws, problems = open_ws(workspace(make_workspace, files, settings='committee_threshold = "十"'))
    found = of(problems, "women.settings")
    assert len(found) == 1 and found[0].file == "unioncore.toml" and found[0].line is not None
    assert len(of(problems, "women.committee-required")) == 1  # default 10 still applies


# -- 专项集体合同 from the contracts plugin ------------------------------------------------------------
class FakeContracts:
    """Stands in for the `contracts` plugin: only its `contract` collection, as agreed."""

    @hookimpl
    def unioncore_collections(self) -> list[Collection]:
        return [
            Collection(
                "contract",
                "集体合同",
                (
                    Field("id", required=True),
                    Field("kind"),
                    Field("org", ref="organisation"),
                    Field("signed", Kind.DATE),
                    Field("term_end", Kind.DATE),
                    Field("employees", Kind.INT),
                    Field("female_employees", Kind.INT),
                ),
                default_file="contracts.toml",
            )
        ]


CONTRACT = """
[[contract]]
id = "HT-1"
kind = "女职工专项"
org = "A"
signed = 2024-03-01
term_end = {end}
employees = 40
female_employees = 20

[[contract]]
id = "HT-2"
kind = "工资专项"
org = "A"
signed = 2024-03-01
term_end = 2027-02-28
employees = 40
female_employees = 20
"""


def test_special_contract_absent_collection_is_no_problem(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws, problems = open_ws(workspace(make_workspace, {"orgs/A/organisation.toml": org_a()}))
    assert of(problems, "women.special-contract") == []
    figs, errors = ws.figures(Period.year(2026))
    assert errors == []
    assert not [f for f in figs if f.key.startswith("women.contracts")]


def test_special_contract_in_force_expired_or_missing(make_workspace) -> None:  # type: ignore[no-untyped-def]
    fake = {"contracts": FakeContracts()}
    files = {
        "orgs/A/organisation.toml": org_a(),
        "plugins/contracts/contracts.toml": CONTRACT.format(end="2027-02-28"),
    }
    path = workspace(make_workspace, files, enabled=("women", "contracts"))
    ws, problems = open_ws(path, plugins=fake)
    assert of(problems, "women.special-contract") == []
    figs = {f.key: f for f in ws.figures(Period.year(2026))[0]}
    assert figs["women.contracts"].value == 1 and figs["women.contracts"].refs == ("contract:HT-1",)
    assert figs["women.contracts.female_employees"].value == 20
    files["plugins/contracts/contracts.toml"] = CONTRACT.format(end="2025-02-28")
    ws, problems = open_ws(workspace(make_workspace, files, enabled=("women", "contracts")), plugins=fake)
    found = of(problems, "women.special-contract")
    assert len(found) == 1 and "到期" in found[0].message
    files["plugins/contracts/contracts.toml"] = CONTRACT.split('[[contract]]\nid = "HT-2"')[0].replace(
        "女职工专项", "劳动安全卫生专项"
    )
    ws, problems = open_ws(workspace(make_workspace, files, enabled=("women", "contracts")), plugins=fake)
    found = of(problems, "women.special-contract")
    assert len(found) == 1 and "未签订" in found[0].message


# -- figures and the report -------------------------------------------------------------------------
FIGURE_FILES = {
    # 12 women and 3 men in service, one retired woman; 14 of 40 workers are women (35%)
    "orgs/A/members.toml": members("A", 12, 3) + member("AR01", retired="2026-03-01", born="1965-05-05"),
    "orgs/A/events/2026.toml": congress(20, 6)
    + """
[[event]]
id = "E-2"
type = "culture_sports"
title = "“三八”妇女节健步走"
start = 2026-03-07
headcount = 30

[[event]]
id = "E-3"
type = "member_activity"
title = "女职工两癌筛查讲座"
start = 2026-03-20
participants = ["AW01", "AW02", "AW03"]

[[event]]
id = "E-4"
type = "culture_sports"
title = "女子篮球赛"
start = 2026-05-20
headcount = 12
""",
    "plugins/women/insurance/schemes.toml": SCHEME,
    "plugins/women/insurance/enrolments/2026.toml": enrolment(women_ids(10), voucher="记-003"),
    "orgs/A/ledger/2026.toml": ledger("221", "400.00"),
    "plugins/women/insurance/claims/2026.toml": """
[[women_claim]]
id = "NC-1"
scheme = "AK"
member = "AW02"
date = 2026-08-02
status = "已赔付"
payout = "8000.00"
paid = 2026-09-01

[[women_claim]]
id = "NC-2"
scheme = "AK"
member = "AW04"
date = 2026-10-10
status = "申请中"
""",
    "plugins/women/titles.toml": '[[women_title]]\nid = "NT-1"\ntitle = "巾帼文明岗"\nyear = 2026\norg = "A"\nteam = "客服班"\n',
}


def test_figures_against_hand_computed_values(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/A/organisation.toml": org_a(female=14), **FIGURE_FILES}
    ws, _problems = open_ws(workspace(make_workspace, files))
    figs, errors = ws.figures(Period.year(2026))
    assert errors == []
    f = {x.key: x for x in figs if x.plugin == "women"}
    assert f["women.members"].value == 12  # the retired woman is not in service
    assert f["women.member_share"].value == Decimal("80.0")  # 12 / 15
    assert f["women.org.A.members"].value == 12
    assert f["women.org.A.employee_share"].value == Decimal("35.0")  # 14 / 40
    assert f["women.employees"].value == 14 and f["women.employee_share"].value == Decimal("35.0")
    assert f["women.committees"].value == 1 and f["women.committee_members"].value == 2
    assert f["women.meetings"].value == 3
    assert f["women.delegates"].value == 20 and f["women.female_delegates"].value == 6
    assert f["women.delegate_share"].value == Decimal("30.0")
    assert f["women.insurance.enrolled"].value == 10
    assert f["women.insurance.premiums"].value == Decimal("400.00")  # 10 × 40.00
    assert f["women.insurance.claims"].value == 2
    assert f["women.insurance.payouts"].value == Decimal("8000.00")
    assert f["women.insurance.payouts"].refs == ("women_claim:NC-1",)
    assert f["women.march8.events"].value == 2  # E-4 is in May
    assert f["women.march8.attendance"].value == 33  # 30 + 3
    assert set(f["women.march8.events"].refs) == {"event:E-2", "event:E-3"}
    assert f["women.titles"].value == 1
    assert "member:AW01" in f["women.members"].refs and "member:AR01" not in f["women.members"].refs


def test_report_section_sentences(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/A/organisation.toml": org_a(female=14), **FIGURE_FILES}
    ws, _ = open_ws(workspace(make_workspace, files))
    sections, errors = ws.report_sections(Period.year(2026))
    assert errors == []
    [sec] = [s for s in sections if s.plugin == "women"]
    text = "".join(sec.paragraphs)
    assert "女职工占职工总数的35%" in text
    assert "已建立女职工委员会1个" in text and "女职委全年召开会议3次" in text
    assert "女职工代表6人，占代表总数的30%" in text
    assert "1个单位的10人女职工参加互助保障" in text
    assert "代收保费400.00元" in text and "获得给付8,000.00元" in text
    assert "主题活动2次，参加33人次" in text
    assert "专项集体合同" not in text  # no contract records: the figure is absent, never printed
    assert all(f.value for f in sec.figures)


def test_report_leaves_out_what_no_record_supports(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws, _ = open_ws(workspace(make_workspace, {"orgs/A/organisation.toml": org_a()}))
    [sec] = [s for s in ws.report_sections()[0] if s.plugin == "women"]
    text = "".join(sec.paragraphs)
    assert "互助保障" not in text and "三八" not in text and "职工代表大会" not in text


# -- disabled ---------------------------------------------------------------------------------------
def test_disabled_plugin_files_untouched_and_unreported(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/A/organisation.toml": org_a(committee=False), **insurance_files("408")}
    path: Path = workspace(make_workspace, files, enabled=())
    before = snapshot_bytes(path)
    ws, problems = open_ws(path)
    assert [p for p in problems if p.plugin == "women" or (p.rule or "").startswith("women.")] == []
    assert not [p for p in problems if (p.file or "").startswith("plugins/women")]
    assert "women_enrolment" not in ws.collections and "women.premium-income" not in ws.rules
    assert not [f for f in ws.figures()[0] if f.key.startswith("women.")]
    assert not [s for s in ws.report_sections()[0] if s.plugin == "women"]
    ws.add_member("A", id="AX01", name="新会员", gender="女")
    ws.save()
    after = snapshot_bytes(path)
    assert changed_files(before, after) == {"orgs/A/members.toml"}


def test_enabled_plugin_is_listed_and_saves_its_records_back(make_workspace) -> None:  # type: ignore[no-untyped-def]
    path = workspace(make_workspace, insurance_files())
    ws, _ = unioncore.load(path)
    assert "women" in ws.host.loaded
    assert {r.code for r in ws.rules.values() if r.plugin == "women"} >= {"women.premium-income"}
    before = snapshot_bytes(path)
    ws.add_record("women_meeting", id="NM-9", org="A", date="2026-11-20", title="四季度会议")
    written = ws.save()
    assert written == ["plugins/women/meetings/2026.toml"]
    after = snapshot_bytes(path)
    assert changed_files(before, after) == {"plugins/women/meetings/2026.toml"}
    ws2, _problems = open_ws(path)
    assert ws2.record("women_meeting", "NM-9")["title"] == "四季度会议"


def test_memo_scan_left_to_the_policy_plugin(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = insurance_files("408", memo="收女职工互助保险费")
    files["plugins/women/insurance/enrolments/2026.toml"] = enrolment(women_ids(8), voucher=None)
    _ws, problems = open_ws(workspace(make_workspace, files, enabled=("women", "policy")))
    assert of(problems, "women.premium-income") == []  # policy.premium-custody reads the memos
