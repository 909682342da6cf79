"""职代会、厂务公开、提案与合理化建议 (plugin `congress`): rules, figures, report, panel, disabled."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import EXAMPLE, open_ws, snapshot_bytes
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Static

import unioncore
from unioncore import Period, Severity
from unioncore.problems import Problem

ENABLED = ["congress"]
YEAR = Period.year(2026)

# union A with 40 employees (20 women) and a five-member union committee
ORG_A = """
    [organisation]
    code = "A"
    name = "甲公司工会"
    kind = "基层工会"
    parent = "F"
    employees = 40
    female_employees = 20

    [[committee]]
    kind = "工会委员会"
    term_start = 2024-01-01
    term_end = 2028-12-31
    seat = [
        { role = "主席", name = "王一" },
        { role = "副主席", name = "李二" },
        { role = "委员", name = "张三" },
        { role = "委员", name = "赵四" },
        { role = "委员", name = "钱五" },
    ]
"""

CONGRESS = """
    [[event]]
    id = "E1"
    type = "staff_congress"
    title = "一届三次职工代表大会"
    start = 2026-03-20
    delegates = {delegates}
    female_delegates = {female}
"""

MEETING = """
    [[event]]
    id = "M1"
    type = "committee_meeting"
    title = "工会委员会会议"
    start = 2026-04-10
"""


def ws_with(make_workspace, files: dict[str, str], **kw):  # type: ignore[no-untyped-def]
    path = make_workspace(
        {"orgs/A/organisation.toml": ORG_A, **files}, enabled=kw.pop("enabled", ENABLED), **kw
    )
    return path, *open_ws(path)


def congress(delegates: int = 30, female: int = 15) -> str:
    return CONGRESS.format(delegates=delegates, female=female)


def by_rule(problems: list[Problem], rule: str) -> list[Problem]:
    return [p for p in problems if p.rule == rule]


def figs(ws: unioncore.Workspace, period: Period = YEAR) -> dict[str, unioncore.Figure]:
    found, errors = ws.figures(period)
    assert errors == []
    return {f.key: f for f in found if f.key.startswith("congress.")}


def section(ws: unioncore.Workspace) -> unioncore.ReportSection:
    secs, errors = ws.report_sections(YEAR)
    assert errors == []
    (sec,) = [s for s in secs if s.plugin == "congress"]
    return sec


# -- sessions -------------------------------------------------------------------------------------
def test_clean_workspace_has_no_congress_problems(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, _, problems = ws_with(
        make_workspace,
        {"orgs/A/events/2026.toml": congress(), "plugins/congress/disclosures/2026.toml": disclosure()},
    )
    assert [p.format() for p in problems if p.plugin == "congress"] == []


def test_more_women_delegates_than_delegates_is_an_error(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, _, problems = ws_with(make_workspace, {"orgs/A/events/2026.toml": congress(10, 11)})
    (p,) = by_rule(problems, "congress.delegates")
    assert p.is_error and "女职工代表 11 人多于职工代表 10 人" in p.message
    assert p.file == "orgs/A/events/2026.toml" and p.line == 7


def test_session_without_delegates_is_a_warning(make_workspace) -> None:  # type: ignore[no-untyped-def]
    events = """
        [[event]]
        id = "E1"
        type = "staff_congress"
        title = "职工大会"
        start = 2026-03-20
        congress_kind = "职工大会"
    """
    _, _, problems = ws_with(make_workspace, {"orgs/A/events/2026.toml": events})
    (p,) = by_rule(problems, "congress.delegates-missing")
    assert p.severity is Severity.WARNING and "职工大会“职工大会”未填职工代表人数" in p.message


@pytest.mark.parametrize(
    ("female", "gap", "warned"),
    [(2, 10, True), (4, 10, False), (4, 5, True), (9, 10, False), (15, 10, False)],
)
def test_women_delegates_share(make_workspace, female: int, gap: int, warned: bool) -> None:  # type: ignore[no-untyped-def]
    # 20 of 40 workers are women (50%); 10 delegates. Only a shortfall larger than the gap is reported.
    config = f"""\
        format_version = 1
        [workspace]
        name = "测试工会"
        year = 2026
        [plugins]
        enabled = ["congress"]
        [settings.congress]
        female_delegate_gap = {gap}
    """
    _, _, problems = ws_with(make_workspace, {"orgs/A/events/2026.toml": congress(10, female)}, config=config)
    found = by_rule(problems, "congress.female-delegates")
    assert bool(found) is warned
    if warned:
        assert found[0].source == "《工会女职工委员会工作条例》第十五条"
        assert f"女职工代表 {female}/10 人" in found[0].message and "20/40 人（50%）" in found[0].message


def test_session_without_women_delegates_cannot_be_judged(make_workspace) -> None:  # type: ignore[no-untyped-def]
    events = congress().replace("female_delegates = 15\n", "")
    _, _, problems = ws_with(make_workspace, {"orgs/A/events/2026.toml": events})
    (p,) = by_rule(problems, "congress.female-delegates")
    assert p.severity is Severity.WARNING and "未填女职工代表人数（female_delegates）" in p.message


def test_no_session_this_year_after_one_last_year_is_a_hint(make_workspace) -> None:  # type: ignore[no-untyped-def]
    last_year = congress().replace("2026-03-20", "2025-03-20").replace('"E1"', '"E0"')
    _, _, problems = ws_with(make_workspace, {"orgs/A/events/2025.toml": last_year})
    (p,) = by_rule(problems, "congress.annual-session")
    assert p.severity is Severity.HINT
    assert "甲公司工会2025年召开过职工代表大会，2026年（截至11月30日）尚未召开" in p.message
    _, _, problems = ws_with(
        make_workspace, {"orgs/A/events/2025.toml": last_year, "orgs/A/events/2026.toml": congress()}
    )
    assert by_rule(problems, "congress.annual-session") == []


# -- resolutions and votes ------------------------------------------------------------------------
def resolution(event: str = "E1", **fields: object) -> str:
    lines = ['id = "R1"', f'event = "{event}"', 'title = "审议通过《2026年度集体合同（草案）》"']
    for k, v in fields.items():
        lines.append(f'{k} = "{v}"' if isinstance(v, str) else f"{k} = {v}")
    return "[[resolution]]\n" + "\n".join(lines) + "\n"


def test_resolution_of_a_non_meeting_event_is_an_error(make_workspace) -> None:  # type: ignore[no-untyped-def]
    events = """
        [[event]]
        id = "X1"
        type = "culture_sports"
        title = "拔河比赛"
        start = 2026-05-01
    """
    _, _, problems = ws_with(
        make_workspace,
        {
            "orgs/A/events/2026.toml": events,
            "plugins/congress/resolutions.toml": resolution("X1", yes=3, result="通过"),
        },
    )
    (p,) = by_rule(problems, "congress.resolution-event")
    assert p.file == "plugins/congress/resolutions.toml" and p.line == 3  # the event = line
    assert "“文体活动”，应为职工代表大会或工会委员会会议" in p.message


def test_resolution_of_a_missing_event_is_reported_by_the_core(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, _, problems = ws_with(
        make_workspace, {"plugins/congress/resolutions.toml": resolution("E9", yes=20, result="通过")}
    )
    assert [p.rule for p in problems if p.file == "plugins/congress/resolutions.toml"] == ["record.ref"]


def test_resolution_without_votes_is_a_warning(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, _, problems = ws_with(
        make_workspace,
        {
            "orgs/A/events/2026.toml": congress(),
            "plugins/congress/resolutions.toml": resolution(result="通过"),
        },
    )
    (p,) = by_rule(problems, "congress.vote-missing")
    assert p.severity is Severity.WARNING and "未记录赞成票数" in p.message


@pytest.mark.parametrize(
    ("votes", "message"),
    [
        (
            {"present": 25, "yes": 20, "against": 4, "abstain": 2},
            "赞成、反对、弃权共 26 票，多于出席人数 25 人",
        ),
        ({"present": 31, "yes": 25}, "出席 31 人，多于全体职工代表 30 人"),
    ],
)
def test_vote_counts_must_add_up(make_workspace, votes: dict[str, int], message: str) -> None:  # type: ignore[no-untyped-def]
    _, _, problems = ws_with(
        make_workspace,
        {
            "orgs/A/events/2026.toml": congress(),
            "plugins/congress/resolutions.toml": resolution(result="通过", **votes),
        },
    )
    (p,) = by_rule(problems, "congress.vote-count")
    assert p.is_error and p.message == message


def test_votes_that_add_up_are_fine(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, _, problems = ws_with(
        make_workspace,
        {
            "orgs/A/events/2026.toml": congress(),
            "plugins/congress/resolutions.toml": resolution(
                result="通过", present=30, yes=26, against=2, abstain=2, method="无记名投票"
            ),
            "plugins/congress/disclosures/2026.toml": disclosure(),
        },
    )
    assert [p.format() for p in problems if p.plugin == "congress"] == []


@pytest.mark.parametrize(
    ("present", "quorum", "failed"), [(19, None, True), (20, None, False), (19, "1/2", False)]
)
def test_quorum_is_two_thirds_of_all_delegates(
    make_workspace, present: int, quorum: str | None, failed: bool
) -> None:  # type: ignore[no-untyped-def]
    config = None
    if quorum:
        config = f"""\
            format_version = 1
            [workspace]
            name = "测试工会"
            year = 2026
            [plugins]
            enabled = ["congress"]
            [settings.congress]
            quorum = "{quorum}"
        """
    _, _, problems = ws_with(
        make_workspace,
        {
            "orgs/A/events/2026.toml": congress(),
            "plugins/congress/resolutions.toml": resolution(result="通过", present=present, yes=18),
        },
        config=config,
    )
    found = by_rule(problems, "congress.quorum")
    assert bool(found) is failed
    if failed:
        assert (
            found[0].message == "出席 19 人，不足全体职工代表 30 人的三分之二（至少 20 人），会议不能作出决议"
        )
        assert found[0].source is not None and "企业民主管理规定" in found[0].source


@pytest.mark.parametrize(("yes", "failed"), [(15, True), (16, False)])
def test_adopted_needs_more_than_half_of_all_delegates(make_workspace, yes: int, failed: bool) -> None:  # type: ignore[no-untyped-def]
    _, _, problems = ws_with(
        make_workspace,
        {
            "orgs/A/events/2026.toml": congress(),
            "plugins/congress/resolutions.toml": resolution(result="通过", present=28, yes=yes),
        },
    )
    found = by_rule(problems, "congress.vote-majority")
    assert bool(found) is failed
    if failed:
        assert found[0].message == "赞成 15 票，未超过全体职工代表 30 人的半数（至少需 16 票），不能记为通过"
        assert (found[0].source or "").startswith("《企业民主管理规定》（总工发〔2012〕12号）第二十条")


def test_a_rejected_resolution_needs_no_majority(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, _, problems = ws_with(
        make_workspace,
        {
            "orgs/A/events/2026.toml": congress(),
            "plugins/congress/resolutions.toml": resolution(result="未通过", present=28, yes=10, against=18),
        },
    )
    assert by_rule(problems, "congress.vote-majority") == []


@pytest.mark.parametrize(("yes", "failed"), [(2, True), (3, False)])
def test_committee_resolution_needs_more_than_half_of_its_members(
    make_workspace, yes: int, failed: bool
) -> None:  # type: ignore[no-untyped-def]
    _, _, problems = ws_with(
        make_workspace,
        {
            "orgs/A/events/2026.toml": MEETING,
            "plugins/congress/resolutions.toml": resolution("M1", result="通过", present=4, yes=yes),
        },
    )
    found = by_rule(problems, "congress.vote-majority")
    assert bool(found) is failed
    if failed:
        assert "未超过全体委员 5 人的半数（至少需 3 票）" in found[0].message
    assert by_rule(problems, "congress.quorum") == []


# -- proposals ------------------------------------------------------------------------------------
def proposal(**fields: object) -> str:
    values: dict[str, object] = {
        "id": "TA-01",
        "org": "A",
        "title": "关于改善职工食堂就餐环境的提案",
        "proposer_name": "张某等5名代表",
        "received": "2026-03-20",
    }
    values.update(fields)
    lines = []
    for k, v in values.items():
        if v is None:
            continue
        if isinstance(v, list):
            lines.append(f"{k} = [" + ", ".join(f'"{x}"' for x in v) + "]")
        elif isinstance(v, str) and len(v) == 10 and v[4] == "-" and v[:4].isdigit():
            lines.append(f"{k} = {v}")
        else:
            lines.append(f'{k} = "{v}"')
    return "[[proposal]]\n" + "\n".join(lines) + "\n"


DONE = {
    "registered": "2026-03-25",
    "departments": ["后勤保障部"],
    "assigned": "2026-03-28",
    "replied": "2026-04-20",
    "reply": "已于五月完成食堂改造",
    "satisfaction": "满意",
    "feedback": "2026-04-28",
    "archived": "2026-05-10",
}


def proposal_problems(make_workspace, **fields: object) -> list[Problem]:  # type: ignore[no-untyped-def]
    _, _, problems = ws_with(make_workspace, {"plugins/congress/proposals/2026.toml": proposal(**fields)})
    return [p for p in problems if p.plugin == "congress"]


def test_a_proposal_through_its_whole_path_is_fine(make_workspace) -> None:  # type: ignore[no-untyped-def]
    assert proposal_problems(make_workspace, **DONE) == []


def test_a_declined_proposal_with_its_reason_is_fine(make_workspace) -> None:  # type: ignore[no-untyped-def]
    found = proposal_problems(
        make_workspace,
        declined="2026-03-30",
        decline_reason="属于个人诉求，已转人力资源部处理",
        archived="2026-04-10",
    )
    assert found == []


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"proposer_name": None}, "proposer", "未填提案人"),
        (
            {"registered": "2026-03-25", "declined": "2026-03-26", "decline_reason": "重复"},
            "declined",
            "只能二选一",
        ),
        ({"declined": "2026-03-26"}, "decline_reason", "不予立案应写明理由"),
        ({"decline_reason": "不属于提案范围"}, "decline_reason", "没有不予立案日期"),
        (
            {
                "declined": "2026-03-26",
                "decline_reason": "重复",
                "departments": ["工会"],
                "assigned": "2026-03-27",
            },
            "declined",
            "不予立案的提案不应再交办或答复",
        ),
        ({"departments": ["后勤保障部"], "assigned": "2026-03-28"}, "registered", "尚未立案就已交办或答复"),
        ({"registered": "2026-03-25", "assigned": "2026-03-28"}, "departments", "已交办但没有填写承办部门"),
        ({"registered": "2026-03-25", "departments": ["后勤保障部"]}, "assigned", "没有交办日期"),
        ({"registered": "2026-03-25", "replied": "2026-04-20"}, "assigned", "已书面答复但没有交办记录"),
        (
            {**DONE, "replied": None, "archived": None, "feedback": None},
            "satisfaction",
            "尚未书面答复就记录了提案人意见",
        ),
        (
            {**DONE, "satisfaction": None, "archived": None},
            "satisfaction",
            "填写了征求意见日期，但没有记录提案人意见",
        ),
        ({"registered": "2026-03-25", "archived": "2026-04-01"}, "archived", "尚未办结"),
    ],
)
def test_proposal_path_errors(make_workspace, fields: dict[str, object], field: str, message: str) -> None:  # type: ignore[no-untyped-def]
    found = [p for p in proposal_problems(make_workspace, **fields) if p.rule == "congress.proposal-path"]
    assert any(message in p.message and p.path is not None and p.path[-1] == field for p in found), found
    assert all(p.is_error for p in found)


def test_proposal_dates_out_of_order(make_workspace) -> None:  # type: ignore[no-untyped-def]
    found = proposal_problems(make_workspace, **{**DONE, "assigned": "2026-03-22"})
    (p,) = [p for p in found if p.rule == "congress.proposal-dates"]
    assert p.message.endswith("交办日期 2026-03-22 早于立案日期 2026-03-25")
    assert p.path == ("proposal", 0, "assigned")


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"received": "2026-11-01"}, "自 2026-11-01 起已 29 天未立案审查（期限 15 天，逾期 14 天）"),
        ({"received": "2026-11-20"}, None),
        ({"registered": "2026-11-10"}, "自 2026-11-10 起已 20 天未交办承办部门（期限 7 天，逾期 13 天）"),
        (
            {"registered": "2026-10-01", "departments": ["安全环保部"], "assigned": "2026-10-08"},
            "自 2026-10-08 起已 53 天未书面答复（期限 30 天，逾期 23 天）",
        ),
        (
            {
                "registered": "2026-10-01",
                "departments": ["安全环保部"],
                "assigned": "2026-10-08",
                "replied": "2026-11-01",
            },
            "自 2026-11-01 起已 29 天未征求提案人意见（期限 15 天，逾期 14 天）",
        ),
        ({**DONE, "archived": None}, "自 2026-04-28 起已 216 天未归档（期限 30 天，逾期 186 天）"),
        (
            {"declined": "2026-04-01", "decline_reason": "不属于提案范围"},
            "自 2026-04-01 起已 243 天未归档（期限 30 天，逾期 213 天）",
        ),
    ],
)
def test_overdue_step_is_reported(make_workspace, fields: dict[str, object], expected: str | None) -> None:  # type: ignore[no-untyped-def]
    found = [p for p in proposal_problems(make_workspace, **fields) if p.rule == "congress.proposal-overdue"]
    if expected is None:
        assert found == []
    else:
        (p,) = found
        assert p.severity is Severity.WARNING and p.message.endswith(expected), p.message


def test_step_limits_are_settings(make_workspace) -> None:  # type: ignore[no-untyped-def]
    config = """\
        format_version = 1
        [workspace]
        name = "测试工会"
        year = 2026
        [plugins]
        enabled = ["congress"]
        [settings.congress]
        proposal_register_days = 30
    """
    _, _, problems = ws_with(
        make_workspace,
        {"plugins/congress/proposals/2026.toml": proposal(received="2026-11-01")},
        config=config,
    )
    assert by_rule(problems, "congress.proposal-overdue") == []


def test_unsatisfied_proposer_is_a_hint(make_workspace) -> None:  # type: ignore[no-untyped-def]
    found = proposal_problems(
        make_workspace, **{**DONE, "satisfaction": "不满意", "archived": None, "feedback": "2026-11-25"}
    )
    (p,) = found
    assert p.rule == "congress.proposal-unsatisfied" and p.severity is Severity.HINT


# -- 合理化建议 ---------------------------------------------------------------------------------
def suggestion(key: str = "S1", status: str = "已实施", **fields: str) -> str:
    lines = [
        f'id = "{key}"',
        'org = "A"',
        "date = 2026-06-01",
        'subject = "改进包装线换型工装，缩短换型时间"',
        f'status = "{status}"',
    ]
    if "author_name" not in fields and "author" not in fields:
        fields = {**fields, "author_name": "机修班"}
    lines += [f'{k} = "{v}"' for k, v in fields.items() if v]
    return "[[suggestion]]\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("status", "fields", "rule", "message"),
    [
        ("已实施", {"author_name": ""}, "congress.suggestion-author", "未填建议人"),
        ("已实施", {"award": "一等奖"}, "congress.suggestion-award", "奖项“一等奖”不在设置的奖项之中"),
        ("未采纳", {"award": "铜奖"}, "congress.suggestion-award", "建议状态为“未采纳”，不应评定奖项"),
        (
            "已采纳",
            {"benefit": "5000.00"},
            "congress.suggestion-benefit",
            "尚未实施，经济效益 5000.00 元不计入统计",
        ),
        ("已实施", {"benefit": "-10.00"}, "congress.suggestion-benefit", "经济效益不能为负数"),
        ("已受理", {}, "congress.suggestion-pending", "受理已 182 天仍未评审（期限 60 天）"),
    ],
)
def test_suggestion_rules(
    make_workspace, status: str, fields: dict[str, str], rule: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    _, _, problems = ws_with(
        make_workspace, {"plugins/congress/suggestions/2026.toml": suggestion(status=status, **fields)}
    )
    (p,) = [p for p in problems if p.plugin == "congress"]
    assert p.rule == rule and message in p.message and p.file == "plugins/congress/suggestions/2026.toml"


def test_a_good_suggestion_is_fine(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, _, problems = ws_with(
        make_workspace,
        {"plugins/congress/suggestions/2026.toml": suggestion(award="金奖", benefit="12000.00")},
    )
    assert [p for p in problems if p.plugin == "congress"] == []


def test_suggestion_awards_are_a_setting(make_workspace) -> None:  # type: ignore[no-untyped-def]
    config = """\
        format_version = 1
        [workspace]
        name = "测试工会"
        year = 2026
        [plugins]
        enabled = ["congress"]
        [settings.congress]
        awards = ["一等奖", "二等奖"]
    """
    _, _, problems = ws_with(
        make_workspace, {"plugins/congress/suggestions/2026.toml": suggestion(award="一等奖")}, config=config
    )
    assert by_rule(problems, "congress.suggestion-award") == []


# -- 厂务公开 -------------------------------------------------------------------------------------
def disclosure(**fields: str) -> str:
    values = {
        "id": "GK-01",
        "org": "A",
        "subject": "2026年度职工福利费使用情况",
        "place": "厂务公开栏",
        **fields,
    }
    lines = [f"{k} = {v}" if k in ("date", "until") else f'{k} = "{v}"' for k, v in values.items()]
    if "date" not in fields:
        lines.append("date = 2026-04-01")
    return "[[disclosure]]\n" + "\n".join(lines) + "\n"


def test_disclosure_until_before_date_is_an_error(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, _, problems = ws_with(
        make_workspace, {"plugins/congress/disclosures/2026.toml": disclosure(until="2026-03-01")}
    )
    (p,) = by_rule(problems, "congress.disclosure-dates")
    assert p.message == "公开截止日期 2026-03-01 早于公开日期 2026-04-01"


def test_disclosure_at_another_units_meeting_is_a_warning(make_workspace) -> None:  # type: ignore[no-untyped-def]
    other = """
        [organisation]
        code = "B"
        name = "乙公司工会"
        kind = "基层工会"
        parent = "F"
    """
    events_b = congress().replace('"E1"', '"EB"')
    _, _, problems = ws_with(
        make_workspace,
        {
            "orgs/B/organisation.toml": other,
            "orgs/B/events/2026.toml": events_b,
            "orgs/A/events/2026.toml": congress(),
            "plugins/congress/disclosures/2026.toml": disclosure(event="EB"),
        },
    )
    (p,) = by_rule(problems, "congress.disclosure-event")
    assert "不是甲公司工会的职代会或工会委员会会议" in p.message
    _, _, problems = ws_with(
        make_workspace,
        {
            "orgs/A/events/2026.toml": congress(),
            "plugins/congress/disclosures/2026.toml": disclosure(event="E1"),
        },
    )
    assert by_rule(problems, "congress.disclosure-event") == []


def test_unit_with_a_congress_but_no_disclosure_gets_a_hint(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, _, problems = ws_with(make_workspace, {"orgs/A/events/2026.toml": congress()})
    (p,) = by_rule(problems, "congress.disclosure-missing")
    assert p.severity is Severity.HINT and "甲公司工会2026年召开了职代会，但没有厂务公开记录" in p.message
    _, _, problems = ws_with(
        make_workspace,
        {"orgs/A/events/2026.toml": congress(), "plugins/congress/disclosures/2026.toml": disclosure()},
    )
    assert by_rule(problems, "congress.disclosure-missing") == []


# -- settings -------------------------------------------------------------------------------------
def test_bad_settings_are_reported_and_defaults_used(make_workspace) -> None:  # type: ignore[no-untyped-def]
    config = """\
        format_version = 1
        [workspace]
        name = "测试工会"
        year = 2026
        [plugins]
        enabled = ["congress"]
        [settings.congress]
        quorum = 0.66
        proposal_reply_days = "三十"
        awards = "金奖"
        reply_days = 30
    """
    _, _, problems = ws_with(make_workspace, {}, config=config)
    found = by_rule(problems, "congress.settings")
    assert [(p.path, p.severity) for p in found] == [
        (("settings", "congress", "quorum"), Severity.ERROR),
        (("settings", "congress", "proposal_reply_days"), Severity.ERROR),
        (("settings", "congress", "awards"), Severity.ERROR),
        (("settings", "congress", "reply_days"), Severity.WARNING),
    ]
    assert all(p.file == "unioncore.toml" and p.line is not None for p in found)


# -- figures and the report -------------------------------------------------------------------------
def test_figures_against_hand_counts(make_workspace) -> None:  # type: ignore[no-untyped-def]
    events = (
        congress(30, 14)
        + CONGRESS.format(delegates=32, female=15).replace('"E1"', '"E2"').replace("2026-03-20", "2026-12-10")
        + MEETING
        + MEETING.replace('"M1"', '"M2"').replace("2026-04-10", "2026-09-10")
    )
    last_year = (
        CONGRESS.format(delegates=28, female=13).replace('"E1"', '"E0"').replace("2026-03-20", "2025-12-01")
    )
    resolutions = (
        resolution(result="通过", present=29, yes=27)
        + resolution(result="通过", present=29, yes=25).replace('"R1"', '"R2"')
        + resolution("E2", result="未通过", present=31, yes=12, against=19).replace('"R1"', '"R3"')
        + resolution("M1", result="通过", present=5, yes=5).replace('"R1"', '"R4"')
    )
    proposals = (
        proposal(**DONE)
        + proposal(id="TA-02", declined="2026-03-30", decline_reason="属个人诉求", archived="2026-04-10")
        + proposal(id="TA-03", registered="2026-03-25", departments=["安全环保部"], assigned="2026-03-28")
        + proposal(id="TA-04", **{**DONE, "satisfaction": "基本满意"})
        + proposal(id="TA-05", **{**DONE, "satisfaction": "不满意", "archived": None})
    )
    old = proposal(
        id="TA-00", received="2025-12-01", **{**DONE, "registered": "2025-12-05", "departments": ["工会"]}
    )
    _, ws, _ = ws_with(
        make_workspace,
        {
            "orgs/A/events/2026.toml": events,
            "orgs/A/events/2025.toml": last_year,
            "plugins/congress/resolutions.toml": resolutions,
            "plugins/congress/proposals/2026.toml": proposals,
            "plugins/congress/proposals/2025.toml": old,
            "plugins/congress/disclosures/2026.toml": disclosure()
            + disclosure(id="GK-02", date="2026-07-01", subject="上半年生产经营情况").replace(
                "date = 2026-04-01\n", ""
            ),
        },
    )
    f = figs(ws)
    assert f["congress.sessions"].value == 2
    assert f["congress.sessions"].refs == ("event:E1", "event:E2")
    assert f["congress.units"].value == 1 and f["congress.units"].refs == ("organisation:A",)
    # the unit's delegates are those of its latest session of the year (E2), not a sum over sessions
    assert f["congress.delegates"].value == 32 and f["congress.delegates"].refs == ("event:E2",)
    assert f["congress.female_delegates"].value == 15
    assert f["congress.committee_meetings"].value == 2
    assert f["congress.resolutions"].value == 4
    assert f["congress.resolutions.adopted"].value == 3
    assert set(f["congress.resolutions.adopted"].refs) == {"resolution:R1", "resolution:R2", "resolution:R4"}
    assert f["congress.disclosures"].value == 2 and f["congress.disclosure_units"].value == 1
    assert f["congress.proposals"].value == 5  # TA-00 was received in 2025
    assert f["congress.proposals.registered"].value == 4
    assert f["congress.proposals.declined"].value == 1
    assert f["congress.proposals.replied"].value == 3
    assert f["congress.proposals.satisfied"].value == 2
    assert f["congress.proposals.satisfied"].refs == ("proposal:TA-01", "proposal:TA-04")
    assert f["congress.proposals.archived"].value == 3
    # TA-03 waits for its reply since 2026-03-28 (limit 30 days); TA-05 is unsatisfied, not late yet?
    # TA-05 was replied 04-20 with the proposer's view on 04-28, and waits to be archived (30 days)
    assert f["congress.proposals.overdue"].refs == ("proposal:TA-03", "proposal:TA-05")
    last = figs(ws, Period.year(2025))
    assert last["congress.sessions"].value == 1 and last["congress.delegates"].value == 28
    assert last["congress.proposals"].value == 1


def test_report_sentence_for_211_suggestions(make_workspace) -> None:  # type: ignore[no-untyped-def]
    # 211 suggestions: 100 implemented (40 × 12,000 + 60 × 3,000 = 660,000 yuan), 25 adopted and not yet
    # implemented, 86 not adopted → 提出211条，采纳实施125条，创经济效益66万元
    records = []
    for i in range(211):
        if i < 40:
            records.append(suggestion(f"S{i:03}", "已实施", benefit="12000.00", award="银奖"))
        elif i < 100:
            records.append(suggestion(f"S{i:03}", "已实施", benefit="3000.00"))
        elif i < 125:
            records.append(suggestion(f"S{i:03}", "已采纳"))
        else:
            records.append(suggestion(f"S{i:03}", "未采纳"))
    _, ws, problems = ws_with(make_workspace, {"plugins/congress/suggestions/2026.toml": "\n".join(records)})
    assert [p for p in problems if p.plugin == "congress"] == []
    f = figs(ws)
    assert f["congress.suggestions"].value == 211
    assert f["congress.suggestions.adopted"].value == 125
    assert f["congress.suggestions.implemented"].value == 100
    assert f["congress.suggestions.benefit"].value == Decimal("660000.00")
    assert len(f["congress.suggestions.benefit"].refs) == 100
    assert f["congress.suggestion_units"].value == 1
    sec = section(ws)
    assert sec.title == "职代会与民主管理"
    assert sec.paragraphs == ("提出合理化建议211条，采纳实施125条，创经济效益66万元。",)
    assert {fig.key for fig in sec.figures} == {
        "congress.suggestions",
        "congress.suggestions.adopted",
        "congress.suggestions.benefit",
    }


def test_report_section_with_sessions_and_proposals(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, ws, _ = ws_with(
        make_workspace,
        {
            "orgs/A/events/2026.toml": congress(50, 22) + MEETING,
            "plugins/congress/resolutions.toml": resolution(result="通过", present=48, yes=46),
            "plugins/congress/proposals/2026.toml": proposal(**DONE),
            "plugins/congress/disclosures/2026.toml": disclosure(),
        },
    )
    assert section(ws).paragraphs == (
        "全年1个单位召开职工（代表）大会1次，有职工代表50人（其中女职工代表22人），审议通过决议1项；召开工会委员会会议1次。",
        "1个单位实行厂务公开，公开事项1项。",
        "职工代表提出提案1件，立案1件，已书面答复1件，提案人满意和基本满意1件。",
    )


def test_no_records_no_section(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, ws, _ = ws_with(make_workspace, {})
    secs, _ = ws.report_sections(YEAR)
    assert [s for s in secs if s.plugin == "congress"] == []


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        ("660000", "66万元"),
        ("1792000", "179.2万元"),
        ("748700", "74.87万元"),
        ("3800.00", "3800元"),
        ("10000", "1万元"),
    ],
)
def test_wan(amount: str, text: str) -> None:
    from unioncore_congress.report import wan

    assert wan(Decimal(amount)) == text


# -- changes through the API -------------------------------------------------------------------------
def test_records_added_through_the_api_go_to_their_year_file(make_workspace) -> None:  # type: ignore[no-untyped-def]
    path, ws, _ = ws_with(make_workspace, {"orgs/A/events/2026.toml": congress()})
    ws.add_record(
        "proposal",
        id="TA-09",
        org="A",
        title="关于增设母婴室的提案",
        proposer_name="刘某",
        received=datetime.date(2026, 3, 20),
        event="E1",
    )
    ws.add_record(
        "resolution",
        id="R9",
        event="E1",
        title="审议通过《女职工权益保护专项集体合同》",
        present=28,
        yes=27,
        result="通过",
    )
    with pytest.raises(unioncore.ValidationError):
        ws.add_record("suggestion", id="S9", org="A", date="2026-05-01", subject="x", status="已完成")
    assert sorted(ws.save()) == ["plugins/congress/proposals/2026.toml", "plugins/congress/resolutions.toml"]
    again, problems = open_ws(path)
    assert not any(p.is_error for p in problems if p.plugin == "congress")
    assert again.record("proposal", "TA-09")["received"] == datetime.date(2026, 3, 20)
    assert again.record("resolution", "R9")["yes"] == 27
    before = snapshot_bytes(path)
    assert again.save() == []
    assert snapshot_bytes(path) == before


# -- disabled -----------------------------------------------------------------------------------------
def test_disabled_plugin_leaves_its_files_untouched_and_unreported(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {
        "orgs/A/events/2026.toml": congress(10, 11),
        "plugins/congress/proposals/2026.toml": proposal(received="2026-01-05", unknown_field="x"),
        "plugins/congress/suggestions/2026.toml": suggestion(benefit="1.5"),
    }
    path, ws, problems = ws_with(make_workspace, files, enabled=[])
    assert [p.format() for p in problems if p.plugin == "congress" or "congress" in (p.file or "")] == []
    assert not any((p.rule or "").startswith("congress.") for p in problems)
    assert ws.records_of("proposal") == []
    found, _ = ws.figures(YEAR)
    assert not any(f.key.startswith("congress.") for f in found)
    secs, _ = ws.report_sections(YEAR)
    assert not any(s.plugin == "congress" for s in secs)
    panels, _ = ws.tui_panels()
    assert not any(p.id == "congress" for p in panels)
    before = snapshot_bytes(path / "plugins")
    ws.add_event("A", id="E7", type="culture_sports", title="健步走", start=datetime.date(2026, 5, 1))
    assert ws.save() == ["orgs/A/events/2026.toml"]
    assert snapshot_bytes(path / "plugins") == before


# -- the TUI panel --------------------------------------------------------------------------------------
async def test_panel_lists_sessions_proposals_and_suggestions(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, ws, _ = ws_with(
        make_workspace,
        {
            "orgs/A/events/2026.toml": congress(50, 22) + MEETING,
            "plugins/congress/resolutions.toml": resolution(result="通过", present=48, yes=46),
            "plugins/congress/proposals/2026.toml": proposal(**DONE)
            + proposal(
                id="TA-02", registered="2026-10-01", departments=["后勤保障部"], assigned="2026-10-08"
            ),
            "plugins/congress/suggestions/2026.toml": suggestion(benefit="12000.00", award="金奖"),
            "plugins/congress/disclosures/2026.toml": disclosure(),
        },
    )
    panels, errors = ws.tui_panels()
    assert errors == []
    (panel,) = [p for p in panels if p.id == "congress"]
    assert panel.title == "职代会" and panel.plugin == "congress"

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield panel.factory(ws)

    app = Host()
    async with app.run_test():
        sessions = app.query_one("#congress-sessions", DataTable)
        assert sessions.row_count == 2
        assert "审议通过《2026年度集体合同（草案）》（以46票赞成通过）" in sessions.get_row("E1")
        proposals = app.query_one("#congress-proposals", DataTable)
        assert proposals.row_count == 2
        assert proposals.get_row("TA-01")[3] == "已归档"
        assert proposals.get_row("TA-02")[3:] == ["书面答复", "2026-11-07", "23 天"]
        assert app.query_one("#congress-suggestions", DataTable).get_row("S1")[4:] == ["金奖", "12,000.00"]
        assert app.query_one("#congress-disclosures", DataTable).row_count == 1
        summary = str(app.query_one("#congress-summary", Static).render())
        assert "召开职工（代表）大会 1次" in summary


# -- the example workspace ------------------------------------------------------------------------------
def test_example_workspace_congress_data() -> None:
    ws, problems = open_ws(EXAMPLE)
    mine = [p for p in problems if p.plugin == "congress"]
    assert [p.format() for p in mine if p.is_error] == []
    # the deliberate warnings: one proposal waiting for its reply
    assert [p.rule for p in mine] == ["congress.proposal-overdue"]
    assert all(p.source and p.file and p.line for p in mine)
    f = figs(ws)
    assert f["congress.sessions"].value >= 3
    assert f["congress.suggestions"].value > 0 and f["congress.proposals"].value > 0
    sec = section(ws)
    assert any(p.startswith("提出合理化建议") for p in sec.paragraphs)


# -- living with the 女职委 plugin, the rule list, and the core alone -----------------------------------------
def test_women_delegates_are_left_to_the_women_plugin_when_it_is_enabled(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {"orgs/A/events/2026.toml": congress(10, 2)}
    _, _, problems = ws_with(make_workspace, files)
    assert by_rule(problems, "congress.female-delegates") != []
    _, _, problems = ws_with(make_workspace, files, enabled=["congress", "women"])
    assert by_rule(problems, "congress.female-delegates") == []


def test_rules_are_registered_with_the_plugin_prefix(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, ws, _ = ws_with(make_workspace, {})
    codes = [code for code, rule in ws.rules.items() if rule.plugin == "congress"]
    assert all(ws.rules[code].source for code in codes)  # every rule names its source
    assert len(codes) == 21 and all(code.startswith("congress.") for code in codes)
    # every rule has a test in this file that names it
    text = Path(__file__).read_text(encoding="utf-8")
    assert [c for c in codes if f'"{c}"' not in text] == []


def test_the_plugin_works_without_textual(make_workspace) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    path, _, _ = ws_with(
        make_workspace,
        {"orgs/A/events/2026.toml": congress(), "plugins/congress/proposals/2026.toml": proposal()},
    )
    script = (
        "import sys, unioncore\n"
        f"ws, _ = unioncore.load({str(path)!r})\n"
        "ws.check(); ws.figures(); ws.report_sections(); panels, _ = ws.tui_panels()\n"
        "assert [p.id for p in panels] == ['congress'], panels\n"
        "assert 'textual' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)
