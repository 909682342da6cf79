"""The core's own hook implementations, registered like a plugin under the name "core"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import checks, membership_rules, org_rules, stats
from .hookspecs import hookimpl
from .registry import EventType, Figure, MemberCategory, Period, ReportSection, Rule
from .schema import Field, Kind

if TYPE_CHECKING:
    from .problems import Problem
    from .workspace import Workspace

MODEL_WORKER_LEVELS = ("全国", "省部级", "市级", "区县级")

EVENT_TYPES = [
    EventType("culture_sports", "文体活动", account="50102"),
    EventType(
        "education", "职工教育培训", (Field("hours", Kind.INT, label="学时", minimum=0),), account="50101"
    ),
    EventType("publicity", "宣传活动", account="50103"),
    EventType("recuperation", "劳模职工疗休养", account="50104"),
    EventType("member_activity", "会员活动", account="50105"),  # 观影、春秋游
    EventType(
        "care_visit",
        "慰问",
        (
            Field(
                "occasion",
                label="事由",
                choices=("节日", "生日", "婚育", "住院", "丧事", "退休", "困难", "其他"),
            ),
        ),
        account="50105",
    ),
    EventType(
        "labour_competition",
        "劳动竞赛",
        (Field("benefit", Kind.MONEY, label="创经济效益"),),
        account="50301",
    ),
    EventType("home_building", "建家活动", account="50302"),
    EventType("innovation", "职工创新活动", account="50303"),
    EventType("reading", "职工书屋活动", account="50304"),
    EventType(
        "staff_congress",
        "职工代表大会",
        (
            Field("delegates", Kind.INT, label="职工代表人数", minimum=0),
            Field("female_delegates", Kind.INT, label="女职工代表人数", minimum=0),
            Field("congress_kind", label="形式", choices=("职工代表大会", "职工大会")),
        ),
        account="50502",
    ),
    EventType(
        "members_congress",
        "会员（代表）大会",
        (
            Field("congress_kind", label="形式", choices=("会员大会", "会员代表大会")),
            Field("delegates", Kind.INT, label="代表人数", minimum=0),
        ),
        account="50502",
    ),
    EventType("committee_meeting", "工会委员会会议", account="50502"),
    EventType("officer_training", "工会干部培训", account="50501"),
    EventType("other", "其他活动", account="50106"),
]

CATEGORIES = [
    MemberCategory("migrant_worker", "农民工"),
    MemberCategory(
        "model_worker",
        "劳模",
        (
            Field("level", label="级别", required=True, choices=MODEL_WORKER_LEVELS),
            Field("title", label="称号"),
            Field("year", Kind.INT, label="授予年份", minimum=1949, maximum=2200),
        ),
    ),
    MemberCategory("hardship", "困难职工"),
    MemberCategory("dispatched", "劳务派遣工"),
    MemberCategory("disabled", "残疾职工"),
]


@hookimpl
def unioncore_event_types() -> list[EventType]:
    return EVENT_TYPES


@hookimpl
def unioncore_member_categories() -> list[MemberCategory]:
    return CATEGORIES


@hookimpl
def unioncore_rules() -> list[Rule]:
    return checks.RULES + org_rules.RULES + membership_rules.RULES


@hookimpl
def unioncore_validate(workspace: Workspace) -> list[Problem]:
    return checks.check_terms(workspace) + org_rules.check(workspace) + membership_rules.check(workspace)


@hookimpl
def unioncore_statistics(workspace: Workspace, period: Period) -> list[Figure]:
    return stats.core_figures(workspace, period)


@hookimpl
def unioncore_report_sections(workspace: Workspace, period: Period) -> list[ReportSection]:
    figs = {
        f.key: f for f in stats.event_figures(workspace, period) + stats.member_figures(workspace, period)
    }
    paragraphs = []
    total = figs["members.total"]
    if total.value:
        paragraphs.append(
            f"截至{period.end.year}年{period.end.month}月{period.end.day}日，共有会员{total.formatted()}。"
        )
    events = figs["events.total"]
    if events.value:
        paragraphs.append(
            f"全年共组织各类活动{events.formatted()}，参加职工{figs['events.attendance'].formatted()}。"
        )
    used = tuple(f for f in (total, events, figs["events.attendance"]) if f.value)
    if not paragraphs:
        return []
    return [ReportSection("组织与会员", tuple(paragraphs), used, order=10)]
