"""安康杯 rules: for each rule a workspace that breaks it and one that keeps it.

Workspaces are built from a few lines of TOML; `open_ws` loads them with today = 2026-11-30.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import WriteWorkspace, open_ws

from unioncore import Problem, Severity

SEASON = """
[[ankang_season]]
id = "2025-2026"
start_year = 2025
end_year = 2026
"""

OLD_SEASONS = """
[[ankang_season]]
id = "2018-2019"
start_year = 2018
end_year = 2019

[[ankang_season]]
id = "2022-2023"
start_year = 2022
end_year = 2023
"""

ORG_B = """
[organisation]
code = "B"
name = "乙公司工会"
kind = "基层工会"
parent = "F"
employees = 30
"""

DATA = "plugins/ankang/data.toml"


def load(
    make_workspace: WriteWorkspace, data: str, *, settings: str = "", extra: dict[str, str] | None = None
) -> list[Problem]:
    files = {
        "plugins/ankang/seasons.toml": SEASON + OLD_SEASONS,
        DATA: data,
        "orgs/B/organisation.toml": ORG_B,
    }
    files.update(extra or {})
    config = None
    if settings:
        config = f"""\
format_version = 1

[workspace]
name = "测试工会"
year = 2026

[plugins]
enabled = ["ankang"]

[settings.ankang]
{settings}
"""
    path = make_workspace(files, enabled=["ankang"], config=config)
    _, problems = open_ws(path)
    return problems


def of(problems: list[Problem], rule: str) -> list[Problem]:
    return [p for p in problems if p.rule == rule]


def assert_clean(problems: list[Problem]) -> None:
    """No error at all, and nothing from the plugin or about its files."""
    mine = [
        p.format()
        for p in problems
        if p.is_error or p.plugin == "ankang" or (p.file or "").startswith("plugins/ankang/")
    ]
    assert mine == []


# -- settings ----------------------------------------------------------------------------------
def test_bad_settings_are_reported_in_unioncore_toml(make_workspace: WriteWorkspace) -> None:
    problems = load(
        make_workspace, "", settings='pass_mark = 90.5\nreply_day = 30\nserious_severities = ["致命"]'
    )
    bad = of(problems, "ankang.settings")
    assert len(bad) == 3
    assert {p.file for p in bad} == {"unioncore.toml"}
    assert all(p.line is not None for p in bad)
    text = " ".join(p.message for p in bad)
    assert "reply_day" in text and "致命" in text and "优胜单位合格分" in text


def test_good_settings_are_not_reported(make_workspace: WriteWorkspace) -> None:
    problems = load(
        make_workspace,
        "",
        settings='pass_mark = "92.5"\nprovincial_repeat_years = 4\nreply_days = 15\n'
        'serious_severities = ["重伤", "死亡"]\nsheet = [{ item = "总分", points = 100 }]',
    )
    assert_clean(problems)


# -- seasons -----------------------------------------------------------------------------------
def test_season_errors(make_workspace: WriteWorkspace) -> None:
    extra = {
        "plugins/ankang/more.toml": """
            [[ankang_season]]
            id = "2027/2028"
            start_year = 2028
            end_year = 2027
            pass_mark = 120
            sheet = [{ item = "形式", points = 20 }, { item = "形式", points = 30 }, { item = "效果", points = 0 }]
        """
    }
    problems = of(load(make_workspace, "", extra=extra), "ankang.season")
    messages = [p.message for p in problems]
    assert any("只能含字母" in m for m in messages)
    assert any("结束年度 2027 早于起始年度 2028" in m for m in messages)
    assert any("“形式”重复" in m for m in messages)
    assert any("分值应大于 0" in m for m in messages)
    assert any("合计 50 分" in m for m in messages)
    assert any("合格分 120 高于评分表满分 50" in m for m in messages)
    total = [p for p in problems if "合计" in p.message]
    assert total[0].severity is Severity.WARNING


def test_good_season_with_sheet(make_workspace: WriteWorkspace) -> None:
    extra = {
        "plugins/ankang/more.toml": """
            [[ankang_season]]
            id = "2027-2028"
            start_year = 2027
            end_year = 2028
            pass_mark = 95
            sheet = [{ item = "形式", points = 20 }, { item = "内容", points = 50 }, { item = "效果", points = 30 }]
        """
    }
    assert_clean(load(make_workspace, "", extra=extra))


# -- enrolment ---------------------------------------------------------------------------------
ENROL_A = """
[[ankang_enrolment]]
id = "E1"
season = "2025-2026"
unit = "A"
workers = 40
teams = [{ name = "一班", workers = 20 }, { name = "二班", workers = 15 }]
"""


def test_enrolment_twice_and_team_names(make_workspace: WriteWorkspace) -> None:
    data = (
        ENROL_A
        + """
[[ankang_enrolment]]
id = "E2"
season = "2025-2026"
unit = "A"
workers = 10
teams = [{ name = "三班" }, { name = "三班" }]
"""
    )
    problems = of(load(make_workspace, data), "ankang.enrolment")
    assert len(problems) == 2
    twice = next(p for p in problems if "不能重复报名" in p.message)
    assert twice.file == DATA and twice.line is not None and "E1" in twice.message
    assert any("班组“三班”重复" in p.message for p in problems)


def test_enrolment_of_two_units_and_two_seasons_is_fine(make_workspace: WriteWorkspace) -> None:
    data = (
        ENROL_A
        + """
[[ankang_enrolment]]
id = "E2"
season = "2025-2026"
unit = "B"
workers = 30

[[ankang_enrolment]]
id = "E3"
season = "2022-2023"
unit = "A"
workers = 35
"""
    )
    assert_clean(load(make_workspace, data))


def test_enrolled_workers_beyond_employees_or_teams(make_workspace: WriteWorkspace) -> None:
    data = """
[[ankang_enrolment]]
id = "E1"
season = "2025-2026"
unit = "A"
workers = 45

[[ankang_enrolment]]
id = "E2"
season = "2025-2026"
unit = "B"
workers = 20
teams = [{ name = "一班", workers = 12 }, { name = "二班", workers = 9 }]
"""
    problems = of(load(make_workspace, data), "ankang.enrolment-workers")
    assert sorted(p.message for p in problems) == sorted(
        ["参赛职工 45 人，多于甲公司工会的职工人数 40 人", "各参赛班组人数合计 21 人，多于参赛职工 20 人"]
    )
    assert all(p.severity is Severity.WARNING for p in problems)


def test_enrolled_workers_within_limits(make_workspace: WriteWorkspace) -> None:
    assert_clean(load(make_workspace, ENROL_A))


# -- the season's actions (events) ----------------------------------------------------------------
def events(body: str) -> dict[str, str]:
    return {"orgs/A/events/2026.toml": body}


def test_action_events_outside_or_without_a_season(make_workspace: WriteWorkspace) -> None:
    body = """
[[event]]
id = "AK1"
type = "ankang_drill"
title = "消防演练"
start = 2026-06-01
season = "2031-2032"

[[event]]
id = "AK2"
type = "ankang_training"
title = "安全培训"
start = 2026-03-01
season = "2022-2023"
hours = 4
"""
    extra = events(body)
    extra["orgs/A/events/2024.toml"] = """
[[event]]
id = "AK3"
type = "ankang_law_outreach"
title = "安全知识竞赛"
start = 2024-06-12
form = "知识竞赛"
"""
    problems = of(load(make_workspace, "", extra=extra), "ankang.event-season")
    by_msg = {p.message: p for p in problems}
    assert len(problems) == 3
    unknown = next(p for m, p in by_msg.items() if "“2031-2032”未登记" in m)
    assert unknown.severity is Severity.ERROR and unknown.file == "orgs/A/events/2026.toml"
    assert any("不在2022—2023年度赛季" in m for m in by_msg)
    assert any("2024-06-12 不在任何已登记" in m for m in by_msg)


def test_action_events_in_their_season(make_workspace: WriteWorkspace) -> None:
    body = """
[[event]]
id = "AK1"
type = "ankang_drill"
title = "消防演练"
start = 2026-06-01
season = "2025-2026"
scenario = "火灾疏散"

[[event]]
id = "AK2"
type = "ankang_supervision"
title = "劳动保护监督检查"
start = 2026-09-01
"""
    assert_clean(load(make_workspace, "", extra=events(body)))


# -- hazards -----------------------------------------------------------------------------------
def hazard(hid: str, **fields: object) -> str:
    values: dict[str, object] = {
        "unit": '"A"',
        "found": "2026-09-01",
        "description": '"配电箱线路裸露"',
        "level": '"一般"',
        "status": '"待整改"',
    }
    values.update(
        {k: (f'"{v}"' if isinstance(v, str) and not v[:1].isdigit() else v) for k, v in fields.items()}
    )
    body = "\n".join(f"{k} = {str(v).lower() if isinstance(v, bool) else v}" for k, v in values.items())
    return f'\n[[ankang_hazard]]\nid = "{hid}"\n{body}\n'


def test_hazard_status_and_dates_disagree(make_workspace: WriteWorkspace) -> None:
    data = (
        hazard("H1", status="已整改")
        + hazard("H2", status="已验收", rectified="2026-09-10")
        + hazard("H3", status="整改中", rectified="2026-09-10")
        + hazard("H4", status="已整改", rectified="2026-09-10", verified="2026-09-12")
        + hazard("H5", found="2026-12-05")
        + hazard("H6", deadline="2026-08-01", proposed="2026-08-20")
        + hazard("H7", status="已验收", rectified="2026-09-20", verified="2026-09-15")
        + hazard("H8", proposed="2026-09-05", reply_date="2026-09-03", proposed_fix="更换")
    )
    problems = of(load(make_workspace, data), "ankang.hazard-status")
    found = {(p.path[1] if p.path else None, p.message) for p in problems}
    messages = [m for _, m in found]
    assert any("“已整改”，但没有填整改完成日期" in m for m in messages)  # H1
    assert any("“已验收”，但没有填验收日期" in m for m in messages)  # H2
    assert any("状态却仍为“整改中”" in m for m in messages)  # H3
    assert any("状态应为“已验收”" in m for m in messages)  # H4
    assert any("晚于今天" in m for m in messages)  # H5
    assert any("整改期限 2026-08-01 早于发现日期" in m for m in messages)  # H6
    assert any("提出建议日期 2026-08-20 早于发现日期" in m for m in messages)  # H6
    assert any("验收日期 2026-09-15 早于整改完成日期" in m for m in messages)  # H7
    assert any("答复日期 2026-09-03 早于提出建议日期" in m for m in messages)  # H8
    assert all(p.severity is Severity.ERROR and p.source == "《安全生产法》第四十一条" for p in problems)
    assert len(problems) == 9


def test_hazards_going_through_their_statuses(make_workspace: WriteWorkspace) -> None:
    data = (
        hazard("H1", deadline="2026-12-31")
        + hazard("H2", status="整改中", deadline="2026-12-31")
        + hazard("H3", status="已整改", rectified="2026-09-10", deadline="2026-09-30")
        + hazard(
            "H4",
            status="已验收",
            rectified="2026-09-10",
            verified="2026-09-20",
            proposed_fix="加锁",
            reply_date="2026-09-02",
            reply="同意",
        )
    )
    assert_clean(load(make_workspace, data))


def test_open_hazard_past_its_deadline_is_overdue(make_workspace: WriteWorkspace) -> None:
    data = hazard("H1", deadline="2026-11-10") + hazard(
        "H2",
        status="整改中",
        deadline="2026-11-29",
        level="重大",
        reported_congress=True,
        reported_regulator=True,
    )
    problems = of(load(make_workspace, data), "ankang.hazard-overdue")
    assert sorted(p.message for p in problems) == sorted(
        [
            "隐患“配电箱线路裸露”整改期限 2026-11-10 已过 20 天，状态仍为“待整改”",
            "重大隐患“配电箱线路裸露”整改期限 2026-11-29 已过 1 天，状态仍为“整改中”",
        ]
    )
    assert all(p.severity is Severity.WARNING and p.file == DATA and p.line for p in problems)


def test_hazard_rectified_or_within_its_deadline_is_not_overdue(make_workspace: WriteWorkspace) -> None:
    data = (
        hazard("H1", deadline="2026-11-30")
        + hazard("H2", deadline="2026-10-01", status="已整改", rectified="2026-10-15")
        + hazard("H3")
    )
    assert of(load(make_workspace, data), "ankang.hazard-overdue") == []


def test_major_hazard_not_reported(make_workspace: WriteWorkspace) -> None:
    """安全生产法 Art 41: 重大事故隐患 are reported to the regulator and to the 职代会."""
    data = hazard("H1", level="重大", deadline="2026-12-31", reported_congress=True) + hazard(
        "H2",
        level="重大",
        status="已验收",
        rectified="2026-09-10",
        verified="2026-09-20",
        reported_regulator=True,
    )
    problems = load(make_workspace, data)
    open_ = of(problems, "ankang.major-hazard-report")
    verified = of(problems, "ankang.major-hazard-verified")
    assert len(open_) == 1 and open_[0].severity is Severity.WARNING
    assert "尚未向负有安全生产监督管理职责的部门报告" in open_[0].message
    assert open_[0].path is not None and open_[0].path[-1] == "level" and open_[0].line is not None
    assert len(verified) == 1 and verified[0].severity is Severity.ERROR
    assert "已验收，但未向职代会报告" in verified[0].message
    assert verified[0].source == "《安全生产法》第四十一条"


def test_major_hazard_reported_and_minor_hazard_unreported(make_workspace: WriteWorkspace) -> None:
    data = hazard(
        "H1",
        level="重大",
        status="已验收",
        rectified="2026-09-10",
        verified="2026-09-20",
        reported_congress=True,
        reported_regulator=True,
    ) + hazard("H2", deadline="2026-12-31")
    assert_clean(load(make_workspace, data))


def test_proposal_without_reply(make_workspace: WriteWorkspace) -> None:
    """工会法 Art 25: the employer answers the union's proposal in time (30 days by default)."""
    data = hazard("H1", found="2026-10-01", proposed_fix="加装防护罩", deadline="2026-12-31") + hazard(
        "H2", found="2026-09-01", proposed="2026-11-01", proposed_fix="加装防护罩", status="整改中"
    )  # H2: counted from the proposal (29 days ago), not from the day it was found
    problems = of(load(make_workspace, data), "ankang.no-reply")
    assert len(problems) == 1
    assert problems[0].message == (
        "工会 2026-10-01 就隐患“配电箱线路裸露”提出整改建议，已 60 天未获单位答复（超过 30 天）"
    )
    assert problems[0].source == "《工会法》第二十五条"
    assert problems[0].path == ("ankang_hazard", 0, "proposed_fix") and problems[0].line is not None


def test_proposal_answered_or_within_the_reply_days(make_workspace: WriteWorkspace) -> None:
    data = (
        hazard("H1", found="2026-10-01", proposed_fix="加装防护罩", reply_date="2026-10-05", reply="同意")
        + hazard("H2", found="2026-10-01", proposed_fix="加装防护罩", status="已整改", rectified="2026-10-20")
        + hazard("H3", found="2026-05-01", deadline="2026-12-31")  # no proposal made
    )
    assert of(load(make_workspace, data), "ankang.no-reply") == []
    later = hazard("H1", found="2026-10-01", proposed_fix="加装防护罩")
    assert of(load(make_workspace, later, settings="reply_days = 90"), "ankang.no-reply") == []


# -- accidents ---------------------------------------------------------------------------------
def accident(aid: str, **fields: object) -> str:
    values = {"date": "2026-05-01", "unit": '"A"', "kind": '"工伤事故"', "severity": '"轻伤"'}
    values.update(
        {
            k: (f'"{v}"' if isinstance(v, str) and v[:1] not in "0123456789[" else str(v))
            for k, v in fields.items()
        }
    )
    body = "\n".join(f"{k} = {v}" for k, v in values.items())
    return f'\n[[ankang_accident]]\nid = "{aid}"\n{body}\n'


def test_accident_figures_disagree_with_severity(make_workspace: WriteWorkspace) -> None:
    data = (
        accident("S1", deaths=1, people=1)
        + accident("S2", severity="死亡", deaths=0)
        + accident("S3", severity="较大", people=2, deaths=3)
        + accident("S4", people=0, members='["M1", "M2"]')
    )
    members = {
        "orgs/A/members.toml": """
            [[member]]
            id = "M1"
            name = "张三"
            joined = 2020-01-01

            [[member]]
            id = "M2"
            name = "李四"
            joined = 2020-01-01
        """
    }
    problems = of(load(make_workspace, data, extra=members), "ankang.accident")
    assert sorted(p.message for p in problems) == sorted(
        [
            "死亡 1 人，等级却是“轻伤”",
            "等级为“死亡”，死亡人数却为 0",
            "死亡人数 3 多于涉及人数 2",
            "列出涉及会员 2 人，多于涉及人数 0",
        ]
    )


def test_consistent_accidents(make_workspace: WriteWorkspace) -> None:
    data = (
        accident("S1", people=2, deaths=0)
        + accident("S2", severity="死亡", people=1, deaths=1)
        + accident("S3", kind="职业病", severity="重伤", people=1)
    )
    assert_clean(load(make_workspace, data))


# -- scores ------------------------------------------------------------------------------------
def score(sid: str, unit: str = "A", season: str = "2025-2026", **fields: str) -> str:
    body = "\n".join(f"{k} = {v}" for k, v in fields.items())
    return f'\n[[ankang_score]]\nid = "{sid}"\nseason = "{season}"\nunit = "{unit}"\n{body}\n'


ENROL_AB = (
    ENROL_A
    + """
[[ankang_enrolment]]
id = "E2"
season = "2025-2026"
unit = "B"
workers = 30
teams = [{ name = "甲班" }]
"""
)


def test_scores_off_the_sheet(make_workspace: WriteWorkspace) -> None:
    """Without a sheet of its own, the season uses the default one: 形式 20 + 内容 50 + 效果 30."""
    data = (
        ENROL_AB
        + score("K1", items='[{ item = "竞赛形式", points = 25 }, { item = "安全文化", points = 5 }]')
        + score("K2", unit="B", items='[{ item = "竞赛形式", points = 18 }]', total="20")
        + score("K3", unit="B", total="88")
        + score("K4", unit="A", season="2022-2023", total="101")
        + score("K5", unit="B", season="2022-2023", note='"缺考核"')
    )
    problems = load(make_workspace, data)
    bad = of(problems, "ankang.score")
    messages = sorted(p.message for p in bad)
    assert "“竞赛形式”得 25 分，应在 0 至 20 分之间" in messages
    assert any(m.startswith("考核项目“安全文化”不在评分表中") for m in messages)
    assert "总分 20 与分项得分合计 18 不一致" in messages
    assert any("已有考核得分（K2）" in m for m in messages)
    assert "总分 101 应在 0 至 100 分之间" in messages
    assert "没有填写分项得分或总分" in messages
    assert len(bad) == 6
    item = next(p for p in bad if "安全文化" in p.message)
    assert item.path == ("ankang_score", 0, "items", 1, "item") and item.line is not None
    unenrolled = of(problems, "ankang.score-enrolled")
    assert sorted(p.message for p in unenrolled) == [
        "乙公司工会未登记报名 2022-2023 赛季，却有考核得分",
        "甲公司工会未登记报名 2022-2023 赛季，却有考核得分",
    ]


def test_scores_on_the_season_sheet(make_workspace: WriteWorkspace) -> None:
    extra = {
        "plugins/ankang/seasons.toml": """
            [[ankang_season]]
            id = "2025-2026"
            start_year = 2025
            end_year = 2026
            sheet = [{ item = "组织领导", points = 40 }, { item = "隐患排查", points = 60 }]
        """
        + OLD_SEASONS
    }
    data = ENROL_AB + score(
        "K1", items='[{ item = "组织领导", points = 38 }, { item = "隐患排查", points = "55.5" }]'
    )
    data += score("K2", unit="B", total='"93.5"')
    assert_clean(load(make_workspace, data, extra=extra))


# -- awards ------------------------------------------------------------------------------------
def award(aid: str, season: str, category: str, level: str, **fields: str) -> str:
    body = "\n".join(f'{k} = "{v}"' for k, v in fields.items())
    return (
        f'\n[[ankang_award]]\nid = "{aid}"\nseason = "{season}"\ncategory = "{category}"\n'
        f'level = "{level}"\n{body}\n'
    )


def test_award_without_its_holder(make_workspace: WriteWorkspace) -> None:
    data = (
        award("W1", "2025-2026", "优胜班组", "区", unit="A")
        + award("W2", "2025-2026", "优秀个人", "区")
        + award("W3", "2025-2026", "优秀组织单位", "区")
    )
    problems = of(load(make_workspace, data), "ankang.award-fields")
    assert sorted(p.message for p in problems) == sorted(
        ["优胜班组应填班组名称", "优秀个人应填会员编号或姓名", "优秀组织单位应填获奖单位"]
    )


def test_award_holders_given(make_workspace: WriteWorkspace) -> None:
    data = (
        ENROL_AB
        + award("W1", "2025-2026", "优胜班组", "区", unit="A", team="一班")
        + award("W2", "2025-2026", "优秀个人", "区", person="王五")
        + award("W3", "2025-2026", "优秀组织单位", "区", unit="F")
    )
    assert_clean(load(make_workspace, data))


def test_winner_not_enrolled(make_workspace: WriteWorkspace) -> None:
    data = (
        ENROL_A
        + award("W1", "2025-2026", "优胜单位", "区", unit="B")
        + award("W2", "2025-2026", "优胜班组", "区", unit="A", team="三班")
        + award("W3", "2022-2023", "优胜单位", "省", unit="B")  # no enrolment recorded for that season
    )
    problems = of(load(make_workspace, data), "ankang.award-enrolled")
    assert sorted(p.message for p in problems) == sorted(
        [
            "乙公司工会未登记报名2025—2026年度赛季，却获优胜单位",
            "班组“三班”不在甲公司工会的参赛班组中（一班、二班）",
        ]
    )


def test_winner_below_the_pass_mark(make_workspace: WriteWorkspace) -> None:
    """全国“安康杯”竞赛优胜单位考核评分表: 90 分以上 (the default pass mark)."""
    data = (
        ENROL_AB
        + score("K1", total='"89.5"')
        + score("K2", unit="B", total="90")
        + award("W1", "2025-2026", "优胜单位", "区", unit="A")
        + award("W2", "2025-2026", "优胜单位", "区", unit="B")
    )
    problems = of(load(make_workspace, data), "ankang.pass-mark")
    assert [p.message for p in problems] == ["甲公司工会考核得分 89.5 分（K1），低于优胜单位合格分 90 分"]
    assert problems[0].severity is Severity.ERROR
    # the pass mark is a setting …
    assert of(load(make_workspace, data, settings="pass_mark = 85"), "ankang.pass-mark") == []
    # … and a season may set its own
    extra = {
        "plugins/ankang/seasons.toml": SEASON.replace("end_year = 2026", "end_year = 2026\npass_mark = 95")
        + OLD_SEASONS
    }
    assert len(of(load(make_workspace, data, extra=extra), "ankang.pass-mark")) == 2


def test_winner_without_a_score(make_workspace: WriteWorkspace) -> None:
    data = ENROL_AB + score("K1", total="95") + award("W1", "2025-2026", "优胜单位", "区", unit="B")
    problems = of(load(make_workspace, data), "ankang.winner-unscored")
    assert [p.message for p in problems] == ["乙公司工会获区优胜单位，但没有2025—2026年度赛季的考核得分"]
    # history without scores is not reported
    history = award("W1", "2022-2023", "优胜单位", "省", unit="B")
    assert of(load(make_workspace, history), "ankang.winner-unscored") == []


def test_national_title_awarded_twice(make_workspace: WriteWorkspace) -> None:
    data = (
        award("W1", "2018-2019", "优胜单位", "全国", unit="A")
        + award("W2", "2025-2026", "优胜单位", "全国", unit="A")
        + award("W3", "2018-2019", "优胜班组", "全国", unit="B", team="一班")
        + award("W4", "2022-2023", "优胜班组", "全国", unit="B", team="一班")
    )
    problems = of(load(make_workspace, data), "ankang.national-repeat")
    assert sorted(p.message for p in problems) == sorted(
        [
            "甲公司工会已于 2018-2019 赛季获全国优胜单位（W1），全国优胜单位不重复授予",
            "乙公司工会“一班”已于 2018-2019 赛季获全国优胜班组（W3），全国优胜班组不重复授予",
        ]
    )
    located = next(p for p in problems if "W1" in p.message)
    assert located.path is not None and located.path[1] == 1  # on the later award, W2


def test_national_titles_that_may_repeat(make_workspace: WriteWorkspace) -> None:
    data = (
        award("W1", "2018-2019", "优秀组织单位", "全国", unit="A")
        + award("W2", "2022-2023", "优秀组织单位", "全国", unit="A")
        + award("W3", "2018-2019", "优胜班组", "全国", unit="B", team="一班")
        + award("W4", "2022-2023", "优胜班组", "全国", unit="B", team="二班")
        + award("W5", "2018-2019", "优胜单位", "全国", unit="A")
        + award("W6", "2022-2023", "优胜单位", "省", unit="A")
    )
    assert of(load(make_workspace, data), "ankang.national-repeat") == []


def test_provincial_title_within_five_years(make_workspace: WriteWorkspace) -> None:
    data = award("W1", "2018-2019", "优胜单位", "省", unit="A") + award(
        "W2", "2022-2023", "优胜单位", "省", unit="A"
    )
    problems = of(load(make_workspace, data), "ankang.provincial-repeat")
    assert [p.message for p in problems] == [
        "甲公司工会已于 2018-2019 赛季获省级优胜单位（W1），5 年内不得重复授予"
    ]


def test_provincial_title_after_five_years(make_workspace: WriteWorkspace) -> None:
    data = award("W1", "2018-2019", "优胜单位", "省", unit="A") + award(
        "W2", "2025-2026", "优胜单位", "省", unit="A"
    )
    data += award("W3", "2022-2023", "优胜单位", "市", unit="A")
    assert of(load(make_workspace, data), "ankang.provincial-repeat") == []
    # the window is a setting: 2019 → 2026 is within 8 years
    assert (
        len(
            of(load(make_workspace, data, settings="provincial_repeat_years = 8"), "ankang.provincial-repeat")
        )
        == 1
    )


def test_winner_with_a_serious_accident_in_the_season(make_workspace: WriteWorkspace) -> None:
    data = (
        accident("S1", date="2025-07-01", severity="死亡", people=1, deaths=1)
        + accident("S2", unit="B", date="2026-03-01", severity="重伤", team="甲班")
        + award("W1", "2025-2026", "优胜单位", "区", unit="A")
        + award("W2", "2025-2026", "优胜班组", "区", unit="A", team="一班")
        + award("W3", "2025-2026", "优胜班组", "区", unit="B", team="甲班")
        + award("W4", "2025-2026", "优秀组织单位", "区", unit="A")
    )
    problems = of(load(make_workspace, data), "ankang.winner-accident")
    # an accident that names no team counts against every team of the unit
    assert sorted(p.message for p in problems) == [
        "甲公司工会在2025—2026年度赛季内发生死亡工伤事故（S1，2025-07-01），不能评为优胜单位",
        "甲公司工会在2025—2026年度赛季内发生死亡工伤事故（S1，2025-07-01），不能评为优胜班组",
    ]
    # which severities bar a unit is a setting
    stricter = of(
        load(make_workspace, data, settings='serious_severities = ["重伤", "死亡"]'), "ankang.winner-accident"
    )
    assert len(stricter) == 3


def test_winner_with_a_minor_or_earlier_accident_or_in_another_team(make_workspace: WriteWorkspace) -> None:
    data = (
        accident("S1", date="2024-07-01", severity="死亡", people=1, deaths=1)
        + accident("S2", date="2026-03-01", severity="轻伤", people=1)
        + accident("S3", unit="B", date="2026-04-01", severity="死亡", team="乙班", people=1, deaths=1)
        + award("W1", "2025-2026", "优胜单位", "区", unit="A")
        + award("W2", "2025-2026", "优胜班组", "区", unit="B", team="甲班")
    )
    assert of(load(make_workspace, data), "ankang.winner-accident") == []


ALL_RULES = [
    "ankang.settings",
    "ankang.season",
    "ankang.enrolment",
    "ankang.enrolment-workers",
    "ankang.event-season",
    "ankang.hazard-status",
    "ankang.hazard-overdue",
    "ankang.major-hazard-report",
    "ankang.major-hazard-verified",
    "ankang.no-reply",
    "ankang.accident",
    "ankang.score",
    "ankang.score-enrolled",
    "ankang.award-fields",
    "ankang.award-enrolled",
    "ankang.pass-mark",
    "ankang.winner-unscored",
    "ankang.national-repeat",
    "ankang.provincial-repeat",
    "ankang.winner-accident",
]


@pytest.mark.parametrize("rule", ALL_RULES)
def test_every_rule_is_registered_with_a_title(make_workspace: WriteWorkspace, rule: str) -> None:
    path: Path = make_workspace({}, enabled=["ankang"])
    ws, _ = open_ws(path)
    assert rule in ws.rules and ws.rules[rule].title and ws.rules[rule].plugin == "ankang"


def test_every_registered_rule_is_tested_here(make_workspace: WriteWorkspace) -> None:
    ws, _ = open_ws(make_workspace({}, enabled=["ankang"]))
    assert sorted(code for code, r in ws.rules.items() if r.plugin == "ankang") == sorted(ALL_RULES)


def test_a_rule_can_be_switched_off(make_workspace: WriteWorkspace) -> None:
    config = """\
format_version = 1

[workspace]
name = "测试工会"
year = 2026

[plugins]
enabled = ["ankang"]

[rules]
"ankang.hazard-overdue" = "off"
"""
    path = make_workspace({DATA: hazard("H1", deadline="2026-11-10")}, config=config)
    _, problems = open_ws(path)
    assert of(problems, "ankang.hazard-overdue") == []
