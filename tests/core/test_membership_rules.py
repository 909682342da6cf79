"""Membership rules (章程 Art 5, 6, 8; 会籍管理办法): 一次入会、动态接转, 保留会籍 (no dues, no vote,
no welfare but the retirement souvenir, where it is kept) and six months without dues or
participation — each with a workspace that breaks the rule and one that keeps it."""

from __future__ import annotations

import datetime

from conftest import open_ws

import unioncore
from unioncore.member import ChangeKind, Status
from unioncore.membership_rules import (
    CLOSED,
    RETIRED,
    UNEMPLOYED,
    MembershipSettings,
    months_before,
    org_on,
    retention,
)
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

UNION_B = """
[organisation]
code = "B"
name = "乙公司工会"
kind = "基层工会"
parent = "F"
"""

# two members of A: 张三 in service, 李四 retired on 2026-01-01
MEMBERS_A = """
[[member]]
id = "M00001"
name = "张三"
gender = "男"
id_number = "110105198001011238"
joined = 2020-01-01
history = [{ date = 2020-01-01, kind = "入会" }]

[[member]]
id = "M00002"
name = "李四"
gender = "女"
id_number = "110105198502022349"
joined = 2010-01-01
status = "退休"
history = [
    { date = 2010-01-01, kind = "入会" },
    { date = 2026-01-01, kind = "退休" },
]
"""


def entry(
    voucher: str, date: str, account: str, *, member: str = "M00002", purpose: str | None = None
) -> str:
    extra = f'purpose = "{purpose}"\n' if purpose else ""
    return (
        f'[[entry]]\nvoucher = "{voucher}"\ndate = {date}\naccount = "{account}"\n'
        f'amount = "100.00"\nmember = "{member}"\n{extra}'
    )


def congress(participants: str, date: str = "2026-03-01") -> str:
    return (
        '[[event]]\nid = "E2026-0001"\ntype = "members_congress"\ntitle = "会员大会"\n'
        f'start = {date}\ncongress_kind = "会员大会"\nparticipants = [{participants}]\n'
    )


def of(problems: list[Problem], rule: str) -> list[Problem]:
    return [p for p in problems if p.rule == rule]


def build(
    make_workspace, files: dict[str, str], settings: str = ""
) -> tuple[unioncore.Workspace, list[Problem]]:  # type: ignore[no-untyped-def]
    return open_ws(
        make_workspace({"orgs/A/members.toml": MEMBERS_A, **files}, config=CONFIG.format(settings=settings))
    )


# -- 一次入会、动态接转 -------------------------------------------------------------------------------
def test_transfer_keeps_id_and_history(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws, _ = build(make_workspace, {"orgs/B/organisation.toml": UNION_B})
    ws.transfer_member("M00001", "B", datetime.date(2026, 6, 1), note="调动")
    ws.save()
    again, problems = open_ws(ws.root)
    m = again.member("M00001")
    assert (m.id, m.org, m.status) == ("M00001", "B", Status.ACTIVE)
    assert [(h.kind, h.from_org, h.to_org) for h in m.history] == [
        (ChangeKind.JOIN, None, None),
        (ChangeKind.TRANSFER, "A", "B"),
    ]
    assert [x.id for x in again.members_of("B")] == ["M00001"]
    assert "M00001" not in [x.id for x in again.members_of("A")]
    # where the member was on a day follows the transfer
    assert org_on(m, datetime.date(2026, 5, 31)) == "A"
    assert org_on(m, datetime.date(2026, 6, 1)) == "B"
    assert of(problems, "member.one-union") == []


def test_same_person_active_in_two_unions_is_an_error(make_workspace) -> None:  # type: ignore[no-untyped-def]
    again = (
        '[[member]]\nid = "M00009"\nname = "张三"\nid_number = "110105198001011238"\njoined = 2026-07-01\n'
    )
    _, problems = build(make_workspace, {"orgs/B/organisation.toml": UNION_B, "orgs/B/members.toml": again})
    [p] = of(problems, "member.one-union")
    assert p.severity is Severity.ERROR
    assert p.file == "orgs/B/members.toml" and p.line == 4 and p.key == "member[0].id_number"
    assert "M00001 张三（甲公司工会）" in p.message
    assert "110105198001011238" not in p.message and "1101**********1238" in p.message


def test_same_person_who_left_one_union_keeps_the_rule(make_workspace) -> None:  # type: ignore[no-untyped-def]
    left = MEMBERS_A.replace("joined = 2020-01-01\n", 'joined = 2020-01-01\nstatus = "退会"\n', 1).replace(
        'history = [{ date = 2020-01-01, kind = "入会" }]',
        'history = [{ date = 2020-01-01, kind = "入会" }, { date = 2026-06-30, kind = "退会" }]',
    )
    again = (
        '[[member]]\nid = "M00009"\nname = "张三"\nid_number = "110105198001011238"\njoined = 2026-07-01\n'
    )
    _, problems = build(
        make_workspace,
        {"orgs/A/members.toml": left, "orgs/B/organisation.toml": UNION_B, "orgs/B/members.toml": again},
    )
    assert of(problems, "member.one-union") == []


# -- 保留会籍: who, since when, where ----------------------------------------------------------------
def test_retention_model_retired_unemployed_and_closed_union(make_workspace) -> None:  # type: ignore[no-untyped-def]
    three = MEMBERS_A + '\n[[member]]\nid = "M00003"\nname = "王五"\njoined = 2015-01-01\n'
    ws, _ = build(
        make_workspace,
        {"orgs/A/members.toml": three},
        "retained_unemployed = { M00003 = 2026-04-01 }",
    )
    s, errs = MembershipSettings.read(ws)
    assert errs == []
    day = datetime.date(2026, 6, 1)
    retired = retention(ws, ws.member("M00002"), day, s)
    assert retired is not None and (retired.reason, retired.since, retired.keeper) == (
        RETIRED,
        datetime.date(2026, 1, 1),
        "A",
    )
    assert retention(ws, ws.member("M00002"), datetime.date(2025, 12, 31), s) is None
    unemployed = retention(ws, ws.member("M00003"), day, s)
    assert unemployed is not None and (unemployed.reason, unemployed.keeper) == (UNEMPLOYED, "A")
    assert retention(ws, ws.member("M00003"), datetime.date(2026, 3, 31), s) is None
    assert retention(ws, ws.member("M00001"), day, s) is None
    # a closed employer: the 会籍 is kept at the union's federation from the closing date
    closed, _ = build(make_workspace, {}, "closed_unions = { A = 2026-05-01 }")
    kept = retention(closed, closed.member("M00001"), day)
    assert kept is not None and (kept.reason, kept.since, kept.keeper) == (
        CLOSED,
        datetime.date(2026, 5, 1),
        "F",
    )
    assert retention(closed, closed.member("M00002"), day) == retired.__class__(
        RETIRED, datetime.date(2026, 1, 1), "F"
    )
    assert retention(closed, closed.member("M00001"), datetime.date(2026, 4, 30)) is None


def test_retention_settings_naming_nobody_are_errors(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, problems = build(
        make_workspace,
        {},
        'retained_unemployed = { M99999 = 2026-04-01 }\nclosed_unions = { F = 2026-01-01, A = "昨天" }',
    )
    msgs = [p.message for p in of(problems, "member.setting")]
    assert len(msgs) == 3
    assert any("会员“M99999”不存在" in m for m in msgs)
    assert any("“F”不是基层工会" in m for m in msgs)
    assert any("“A”的值应为日期" in m for m in msgs)
    assert all(p.file == "unioncore.toml" and p.line is not None for p in of(problems, "member.setting"))


# -- no dues --------------------------------------------------------------------------------------------
def test_dues_from_a_retired_member_is_an_error(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, problems = build(make_workspace, {"orgs/A/ledger/2026.toml": entry("记-001", "2026-03-10", "401")})
    [p] = of(problems, "member.retained-dues")
    assert p.severity is Severity.ERROR and p.source == "《中国工会章程》第八条"
    assert p.file == "orgs/A/ledger/2026.toml" and p.key == "entry[0].member" and p.line == 6
    assert "自 2026-01-01 起保留会籍（退休）" in p.message


def test_dues_named_in_recipients_of_an_unemployed_member_is_an_error(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ledger = (
        '[[entry]]\nvoucher = "记-001"\ndate = 2026-05-10\naccount = "401"\namount = "30.00"\n'
        'recipients = ["M00001"]\n'
    )
    _, problems = build(
        make_workspace, {"orgs/A/ledger/2026.toml": ledger}, "retained_unemployed = { M00001 = 2026-04-01 }"
    )
    [p] = of(problems, "member.retained-dues")
    assert p.key == "entry[0].recipients" and "失业" in p.message


def test_dues_before_retirement_keep_the_rule(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {
        "orgs/A/ledger/2025.toml": entry("记-001", "2025-12-10", "401"),  # 李四 before retiring
        "orgs/A/ledger/2026.toml": entry("记-001", "2026-03-10", "401", member="M00001"),  # in service
    }
    _, problems = build(make_workspace, files)
    assert [p for p in problems if p.is_error] == []
    assert of(problems, "member.retained-dues") == []


# -- no vote --------------------------------------------------------------------------------------------
def test_retired_member_among_congress_participants_is_a_hint(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, problems = build(make_workspace, {"orgs/A/events/2026.toml": congress('"M00001", "M00002"')})
    [p] = of(problems, "member.retained-vote")
    assert p.severity is Severity.HINT
    assert p.key == "event[0].participants" and p.line == 7
    assert "李四（M00002，退休）" in p.message and "张三" not in p.message


def test_congress_before_retirement_or_without_retirees_keeps_the_rule(make_workspace) -> None:  # type: ignore[no-untyped-def]
    before = congress('"M00001", "M00002"', "2025-12-01").replace("E2026", "E2025")
    _, problems = build(
        make_workspace,
        {"orgs/A/events/2025.toml": before, "orgs/A/events/2026.toml": congress('"M00001"')},
    )
    assert of(problems, "member.retained-vote") == []


# -- no welfare but the retirement souvenir -----------------------------------------------------------------
def test_festival_gift_to_a_retired_member_is_warned(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ledger = entry("记-001", "2026-09-20", "50105", purpose="节日慰问")
    _, problems = build(make_workspace, {"orgs/A/ledger/2026.toml": ledger})
    [p] = of(problems, "member.retained-welfare")
    assert p.severity is Severity.WARNING
    assert p.key == "entry[0].member" and "50105 会员活动支出" in p.message and "退休纪念外" in p.message


def test_hardship_aid_on_504_to_a_retired_member_is_warned(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ledger = entry("记-001", "2026-02-10", "50404", purpose="困难帮扶")
    _, problems = build(make_workspace, {"orgs/A/ledger/2026.toml": ledger})
    assert len(of(problems, "member.retained-welfare")) == 1


def test_retirement_souvenir_within_the_window_keeps_the_rule(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ledger = (
        entry("记-001", "2026-02-15", "50105", purpose="退休纪念")
        + "\n"
        + entry("记-002", "2026-03-10", "50105", member="M00001", purpose="生日慰问")
    )
    _, problems = build(make_workspace, {"orgs/A/ledger/2026.toml": ledger})
    assert of(problems, "member.retained-welfare") == []


def test_retirement_souvenir_long_after_retirement_is_warned_unless_window_set(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/A/ledger/2026.toml": entry("记-001", "2026-07-20", "50105", purpose="退休纪念")}
    _, problems = build(make_workspace, files)
    [p] = of(problems, "member.retained-welfare")
    assert "退休（2026-01-01）后 180 天内" in p.message
    _, wide = build(make_workspace, files, "retirement_souvenir_window_days = 365")
    assert of(wide, "member.retained-welfare") == []


def test_welfare_to_a_member_of_a_closed_union_is_warned(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {
        "orgs/A/ledger/2026.toml": entry("记-001", "2026-09-20", "50105", member="M00001", purpose="节日慰问")
    }
    _, problems = build(make_workspace, files, "closed_unions = { A = 2026-06-30 }")
    [p] = of(problems, "member.retained-welfare")
    assert "单位撤销" in p.message


# -- six months with neither dues nor participation (章程 Art 6) -------------------------------------------
def test_member_with_neither_dues_nor_participation_is_flagged(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws, problems = build(make_workspace, {})
    [p] = of(problems, "member.inactive")
    assert p.severity is Severity.WARNING and p.source == "《中国工会章程》第六条"
    assert p.file == "orgs/A/members.toml" and p.key == "member[0].status"
    assert "张三" in p.message and "2026-05-30 至 2026-11-30" in p.message and "不会自动变更" in p.message
    # flagged only: the standing is untouched
    assert ws.member("M00001").status is Status.ACTIVE and not ws.dirty


def test_dues_or_participation_or_a_seat_keep_the_rule(make_workspace) -> None:  # type: ignore[no-untyped-def]
    dues = {"orgs/A/ledger/2026.toml": entry("记-001", "2026-10-10", "401", member="M00001")}
    assert of(build(make_workspace, dues)[1], "member.inactive") == []
    event = {"orgs/A/events/2026.toml": congress('"M00001"', "2026-09-01")}
    assert of(build(make_workspace, event)[1], "member.inactive") == []
    seat = """
[organisation]
code = "A"
name = "甲公司工会"
kind = "基层工会"
parent = "F"

[[committee]]
kind = "工会委员会"
term_start = 2022-03-01
term_end = 2025-02-28
seat = [{ role = "主席", member = "M00001" }]
"""
    # the committee's term is over but it is still the current one: its officers serve until 换届
    assert of(build(make_workspace, {"orgs/A/organisation.toml": seat})[1], "member.inactive") == []


def test_old_dues_new_members_and_window_setting(make_workspace) -> None:  # type: ignore[no-untyped-def]
    old = {"orgs/A/ledger/2026.toml": entry("记-001", "2026-04-10", "401", member="M00001")}
    assert len(of(build(make_workspace, old)[1], "member.inactive")) == 1
    assert of(build(make_workspace, old, "inactive_months = 8")[1], "member.inactive") == []
    new = MEMBERS_A.replace("2020-01-01", "2026-07-01")
    assert of(build(make_workspace, {"orgs/A/members.toml": new})[1], "member.inactive") == []


def test_payroll_union_lists_members_without_participation_in_one_hint(make_workspace) -> None:  # type: ignore[no-untyped-def]
    three = MEMBERS_A + '\n[[member]]\nid = "M00003"\nname = "王五"\njoined = 2015-01-01\n'
    _, problems = build(make_workspace, {"orgs/A/members.toml": three}, 'dues_by_payroll = ["A"]')
    assert of(problems, "member.inactive") == []
    [p] = of(problems, "member.no-participation")
    assert p.severity is Severity.HINT and p.file == "orgs/A/organisation.toml"
    assert "张三（M00001）、王五（M00003）共 2 人" in p.message and "李四" not in p.message
    # with participation nobody is listed
    event = {
        "orgs/A/members.toml": three,
        "orgs/A/events/2026.toml": congress('"M00001", "M00003"', "2026-09-01"),
    }
    _, quiet = build(make_workspace, event, "dues_by_payroll = true")
    assert of(quiet, "member.no-participation") == []


def test_months_before_clamps_to_month_end() -> None:
    assert months_before(datetime.date(2026, 8, 31), 6) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2026, 11, 30), 6) == datetime.date(2026, 5, 30)
    assert months_before(datetime.date(2026, 3, 15), 12) == datetime.date(2025, 3, 15)


def test_status_on_a_day_follows_the_history_walk() -> None:
    """`Member.status_on` (with its shortcut for a one-line history) gives what walking the dated
    history gives, for every kind of change, before, on and after its day."""
    import itertools

    from unioncore.member import _STATUS_AFTER, ChangeKind, Member, MembershipChange, Status

    def walk(m: Member, day: datetime.date) -> Status | None:
        if m.joined and day < m.joined:
            return None
        status = Status.ACTIVE
        for ch in sorted(m.history, key=lambda c: c.date):
            if ch.date > day:
                break
            status = _STATUS_AFTER.get(ch.kind, status)
        return status

    d = datetime.date(2024, 5, 1)
    for first, second in itertools.product(ChangeKind, [None, *ChangeKind]):
        history = [MembershipChange(d, first)]
        if second is not None:
            history.insert(0, MembershipChange(d + datetime.timedelta(days=30), second))  # out of order
        for joined, status in itertools.product((None, d - datetime.timedelta(days=9), d), Status):
            m = Member(id="M1", name="甲", org="A", joined=joined, status=status, history=tuple(history))
            for delta in (-10, -1, 0, 1, 29, 30, 31):
                day = d + datetime.timedelta(days=delta)
                assert m.status_on(day) == walk(m, day), (first, second, joined, status, day)
