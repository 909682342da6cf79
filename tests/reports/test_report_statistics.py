"""统计年报 indicators against figures computed by hand from a small workspace."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from conftest import open_ws

from unioncore import Period
from unioncore.reports.settings import SettingError, stat_period
from unioncore.reports.statistics import build_statistics

CONFIG = """\
format_version = 1

[workspace]
name = "幸福街道总工会"
year = 2026

[plugins]
enabled = []

[settings]
{settings}
"""

FILES = {
    "orgs/F/organisation.toml": """
        [organisation]
        code = "F"
        name = "幸福街道总工会"
        kind = "街道总工会"

        [[enterprise]]
        name = "甲公司"
        employees = 40
        union = "A"

        [[enterprise]]
        name = "乙工作室"
        employees = 10

        [[enterprise]]
        name = "丙公司"
        employees = 30

        [[enterprise]]
        name = "小微企业联合"
        union = "J"
    """,
    "orgs/A/organisation.toml": """
        [organisation]
        code = "A"
        name = "甲公司工会"
        kind = "基层工会"
        parent = "F"
        sector = "企业"
        employees = 40
        female_employees = 15

        [[committee]]
        kind = "女职工委员会"
        term_start = 2024-01-01
        term_end = 2028-12-31

        [[committee]]
        kind = "经费审查委员会"
        term_start = 2024-01-01
        term_end = 2028-12-31
    """,
    "orgs/J/organisation.toml": """
        [organisation]
        code = "J"
        name = "小微企业联合工会"
        kind = "联合工会"
        parent = "F"
        sector = "企业"
        employees = 20

        [[enterprise]]
        name = "小店一"
        employees = 3

        [[enterprise]]
        name = "小店二"
        employees = 4

        [[enterprise]]
        name = "小店三"
        employees = 5
    """,
    "orgs/A/members.toml": """
        [[member]]
        id = "M1"
        name = "张丽"
        gender = "女"
        joined = 2020-01-01

        [[member]]
        id = "M2"
        name = "王强"
        gender = "男"
        joined = 2020-01-01
        categories = ["migrant_worker"]

        [[member]]
        id = "M3"
        name = "李芳"
        gender = "女"
        joined = 2000-01-01
        status = "退休"
        history = [
            { date = 2000-01-01, kind = "入会" },
            { date = 2025-06-01, kind = "退休" },
        ]

        [[member]]
        id = "M4"
        name = "赵刚"
        gender = "男"
        joined = 2026-01-05

        [[member]]
        id = "M5"
        name = "钱敏"
        gender = "女"
        joined = 2026-10-10
    """,
    "orgs/J/members.toml": """
        [[member]]
        id = "M6"
        name = "孙梅"
        gender = "女"
        joined = 2019-05-01

        [[member]]
        id = "M7"
        name = "周伟"
        gender = "男"
        joined = 2019-05-01
    """,
    "orgs/A/events/2025.toml": """
        [[event]]
        id = "E1"
        type = "staff_congress"
        title = "职代会（上一统计期）"
        start = 2025-09-30
        delegates = 30
        female_delegates = 12

        [[event]]
        id = "E2"
        type = "staff_congress"
        title = "职代会"
        start = 2025-11-01
        delegates = 20
        female_delegates = 8
    """,
    "orgs/A/events/2026.toml": """
        [[event]]
        id = "E3"
        type = "staff_congress"
        title = "职代会二次会议"
        start = 2026-06-01
        delegates = 22
        female_delegates = 9
    """,
    "orgs/J/events/2026.toml": """
        [[event]]
        id = "E4"
        type = "staff_congress"
        title = "联合工会职工大会"
        start = 2026-03-01
        participants = ["M6", "M7"]
    """,
}


def _ws(make_workspace, settings: str = ""):  # type: ignore[no-untyped-def]
    root = make_workspace(FILES, base=False, config=CONFIG.format(settings=settings))
    ws, problems = open_ws(root)
    assert [p.format() for p in problems if p.is_error] == []
    return ws


def _values(report) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {f.key: f.value for f in report.figures}


def test_statistical_period_is_october_to_september_by_default(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws = _ws(make_workspace)
    assert stat_period(ws, 2026) == Period(datetime.date(2025, 10, 1), datetime.date(2026, 9, 30))
    ws = _ws(make_workspace, 'stat_period_start = "01-01"')
    assert stat_period(ws, 2026) == Period.year(2026)
    ws = _ws(make_workspace, 'stat_period_start = "07-01"')
    assert stat_period(ws, 2026) == Period(datetime.date(2025, 7, 1), datetime.date(2026, 6, 30))
    ws = _ws(make_workspace, 'stat_period_start = "10月1日"')
    with pytest.raises(SettingError, match="stat_period_start"):
        stat_period(ws, 2026)


def test_indicators_computed_by_hand(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws = _ws(make_workspace)
    report, problems = build_statistics(ws, 2026)
    assert problems == []
    v = _values(report)
    assert v["stat.orgs.total"] == 3
    assert v["stat.orgs.grassroots"] == 2
    assert v["stat.orgs.sector.企业"] == 2
    assert v["stat.committees.women"] == 1
    assert v["stat.committees.audit"] == 1
    # 联合工会 J lists its three shops
    assert v["stat.joint.units"] == 3
    assert v["stat.joint.members"] == 2
    assert v["stat.employees"] == 60
    assert v["stat.employees.female"] == 15
    # members at 2026-09-30: M5 joined after the period, M3 retired (kept 会籍)
    assert v["members.total"] == 6
    assert v["members.female"] == 3
    assert v["members.status.retired"] == 1
    assert v["members.category.migrant_worker"] == 1
    # 建会率: 7 units (4 on F's list + J's 3 shops), 甲, the 联合 one and J's shops unionised
    assert v["stat.units.required"] == 7
    assert v["stat.units.unionised"] == 5
    assert v["stat.rate.unionisation"] == Decimal("71.4")
    # 入会率: in-service members of A and J (M1, M2, M4, M6, M7) ÷ 60 职工
    assert v["stat.rate.membership"] == Decimal("8.3")
    assert report.ratios["stat.rate.membership"].numerator == 5
    assert report.ratios["stat.rate.membership"].denominator == 60
    # 职代会: E1 is before the period; A's latest (E3) and J's (E4, delegates = participants)
    assert v["stat.congress.units"] == 2
    assert v["stat.congress.delegates"] == 22 + 2
    assert v["stat.congress.female_delegates"] == 9 + 1
    delegates = report.figure("stat.congress.delegates")
    assert delegates is not None and set(delegates.refs) == {"event:E3", "event:E4"}


def test_denominators_are_settings_and_printed(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws = _ws(make_workspace, 'unionisation_min_employees = 20\nmembership_rate_base = "all"')
    report, _ = build_statistics(ws, 2026)
    v = _values(report)
    # units under 20 职工 (乙工作室 and the shops) are not 应建会; 小微企业联合 has no headcount and stays
    assert v["stat.units.required"] == 3
    assert v["stat.units.unionised"] == 2
    assert v["stat.rate.unionisation"] == Decimal("66.7")
    # 入会率 over 已建会 60 + 未建会 乙 10 + 丙 30
    assert v["stat.rate.membership"] == Decimal("5.0")
    rate = report.figure("stat.rate.membership")
    assert rate is not None and "5 人" in rate.note and "100 人" in rate.note
    notes = [b.text for b in report.blocks if getattr(b, "role", "") == "note"]
    assert any("已建会单位 2 家 ÷ 应建会单位 3 家" in n for n in notes)


def test_bad_rate_base_setting_is_refused(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws = _ws(make_workspace, 'membership_rate_base = "everyone"')
    with pytest.raises(SettingError, match="membership_rate_base"):
        build_statistics(ws, 2026)


def test_figures_without_records_are_not_printed(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws = _ws(make_workspace)
    report, _ = build_statistics(ws, 2026)
    assert all(f.refs for f in report.figures)
    keys = {f.key for f in report.figures}
    # nobody left, no model workers: those figures exist in the core but are not printed
    assert "members.category.model_worker" not in keys
    assert "members.status.left" not in keys
    printed = [row[0] for t in report.tables() for row in t.rows]
    assert "劳模会员" not in printed
    assert "女职工委员会数" in printed


def test_sections_and_parts(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws = _ws(make_workspace)
    report, _ = build_statistics(ws, 2026)
    headings = [b.text for b in report.blocks if type(b).__name__ == "Heading"]
    assert headings[:3] == ["一、组织建设", "二、职工和会员", "三、民主管理"]
    assert report.parts["members.total"] == ("members.female", "members.male")
    v = _values(report)
    for total, parts in report.parts.items():
        assert v[total] == sum(v[p] for p in parts)  # type: ignore[misc]
