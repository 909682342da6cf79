"""劳模: members with the core category `model_worker` (level 全国 / 省部级 / 市级 / 区县级, title, year),
and their yearly care visits — core events of the types in `visit_event_types` (default `care_visit`,
慰问) that list them among the participants."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from unioncore import Period, Problem, Rule, Severity
from unioncore.event import Event
from unioncore.member import Member

from .records import MODEL_WORKER, MODEL_WORKER_LEVELS
from .settings import CompetitionSettings

if TYPE_CHECKING:
    from unioncore import Workspace

CARE_SOURCE = (
    "工会劳模关爱工作惯例（每年走访慰问劳模；未找到已核实的全国性条文 [U]，可用 model_worker_visits 关闭）"
)

VISIT = Rule("competitions.model-worker-visit", "每年走访慰问劳模", Severity.WARNING, CARE_SOURCE)

RULES = [VISIT]


def model_workers(ws: Workspace, on: datetime.date) -> list[Member]:
    """劳模 who hold 会籍 on the day (in service or retired), highest level first."""
    out = []
    for m in ws.members.values():
        status = m.status_on(on)
        if m.has_category(MODEL_WORKER) and status is not None and status.is_member:
            out.append(m)
    return sorted(out, key=lambda m: (_rank(m), m.id))


def level_of(m: Member) -> str:
    return str((m.category_data.get(MODEL_WORKER) or {}).get("level") or "")


def _rank(m: Member) -> int:
    level = level_of(m)
    return MODEL_WORKER_LEVELS.index(level) if level in MODEL_WORKER_LEVELS else len(MODEL_WORKER_LEVELS)


def visits(ws: Workspace, period: Period, settings: CompetitionSettings) -> dict[str, list[Event]]:
    """Care visits of the period for each member they list."""
    out: dict[str, list[Event]] = {}
    for etype in settings.visit_event_types:
        for e in ws.events_of(type=etype, period=period):
            for member_id in e.participants:
                out.setdefault(member_id, []).append(e)
    return out


def check(ws: Workspace, settings: CompetitionSettings) -> list[Problem]:
    """A 劳模 with no care visit in the workspace year (checked up to the workspace's day)."""
    if not settings.model_worker_visits or ws.as_of.year < ws.year:
        return []
    year = Period.year(ws.year)
    until = min(ws.as_of, year.end)
    visited = visits(ws, year, settings)
    problems = []
    for m in model_workers(ws, until):
        if m.id in visited:
            continue
        level = level_of(m)
        message = f"劳模 {m.name}（{level or '级别未填'}）{ws.year}年（截至{until.month}月{until.day}日）尚未走访慰问"
        problems.append(ws.rule_problem(VISIT, "member", m.id, message, field=MODEL_WORKER))
    return problems
