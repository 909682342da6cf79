"""Awards and titles (荣誉称号): 先进集体, 工人先锋号, 文明班组, 五一劳动奖状 go to a unit or team;
先进个人, 岗位能手, 五一劳动奖章, 劳动模范 to a person. Each has a level and a year."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from unioncore import Period, Problem, Rule, Severity

from .records import (
    COLLECTIVE_TITLES,
    HONOUR,
    INDIVIDUAL_TITLES,
    MODEL_WORKER,
    MODEL_WORKER_LEVELS,
    MODEL_WORKER_TITLE,
)

if TYPE_CHECKING:
    from unioncore import Workspace
    from unioncore.records import Record

HONOUR_SOURCE = "各级工会评先评优表彰办法（集体称号授予集体、个人称号授予个人；全国统一条文未核实 [U]）"
CATEGORY_SOURCE = "会员类别“劳模”（model_worker，级别：全国、省部级、市级、区县级）"

RECIPIENT = Rule(
    "competitions.honour-recipient", "集体称号授予单位或集体，个人称号授予个人", Severity.ERROR, HONOUR_SOURCE
)
DUPLICATE = Rule(
    "competitions.honour-duplicate", "同一称号同一年度不重复登记", Severity.WARNING, HONOUR_SOURCE
)
MODEL_WORKER_CATEGORY = Rule(
    "competitions.model-worker-category",
    "获劳动模范称号的会员登记为劳模，级别不低于所获称号",
    Severity.WARNING,
    CATEGORY_SOURCE,
)

RULES = [RECIPIENT, DUPLICATE, MODEL_WORKER_CATEGORY]


def in_period(ws: Workspace, period: Period) -> list[Record]:
    """Honours of the period: by award date when known, else by the year they are for."""
    years = range(period.start.year, period.end.year + 1)
    out = []
    for rec in ws.records_of(HONOUR):
        day = rec.get("date")
        if (day in period) if day is not None else rec["year"] in years:
            out.append(rec)
    return sorted(out, key=lambda r: (r["year"], r.key))


def recipient(ws: Workspace, rec: Record) -> str:
    """Who holds it, as shown to officers: a member's name, a team of a unit, or a unit."""
    if rec.get("member"):
        m = ws.members.get(rec["member"])
        return m.name if m else str(rec["member"])
    if rec.get("name"):
        return str(rec["name"])
    org = ws.organisations.get(rec.get("org") or "")
    unit = org.name if org else (rec.get("org") or "")
    if rec.get("team"):
        return f"{unit}{rec['team']}" if unit else str(rec["team"])
    return unit


def _recipient_key(rec: Record) -> tuple[str, ...]:
    return tuple(str(rec.get(k) or "") for k in ("member", "name", "org", "team"))


def check(ws: Workspace) -> list[Problem]:
    problems = []
    seen: dict[tuple[object, ...], str] = {}
    best_title: dict[str, int] = defaultdict(lambda: len(MODEL_WORKER_LEVELS))
    for rec in sorted(ws.records_of(HONOUR), key=lambda r: r.key):
        kind = rec["kind"]
        if kind in COLLECTIVE_TITLES and not (rec.get("org") or rec.get("team")):
            message = f"“{kind}”是集体称号，应填写获得单位（org）或集体/班组（team）"
            problems.append(ws.rule_problem(RECIPIENT, HONOUR, rec.key, message, field="kind"))
        elif kind in INDIVIDUAL_TITLES and not (rec.get("member") or rec.get("name")):
            message = f"“{kind}”是个人称号，应填写获得者（member 填会员编号，或 name 填姓名）"
            problems.append(ws.rule_problem(RECIPIENT, HONOUR, rec.key, message, field="kind"))
        key = (kind, rec["level"], rec["year"], *_recipient_key(rec))
        if key in seen:
            message = f"{recipient(ws, rec)}的{rec['year']}年度{rec['level']}“{kind}”已登记为 {seen[key]}"
            problems.append(ws.rule_problem(DUPLICATE, HONOUR, rec.key, message, field="kind"))
        else:
            seen[key] = rec.key
        if (
            kind == MODEL_WORKER_TITLE
            and rec.get("member") in ws.members
            and rec["level"] in MODEL_WORKER_LEVELS
        ):
            rank = MODEL_WORKER_LEVELS.index(rec["level"])
            best_title[rec["member"]] = min(best_title[rec["member"]], rank)
    return problems + _check_model_worker_category(ws, best_title)


def _check_model_worker_category(ws: Workspace, best_title: dict[str, int]) -> list[Problem]:
    """A member who holds a 劳动模范 title carries the core category 劳模 at the highest level held."""
    problems = []
    for member_id, rank in sorted(best_title.items()):
        m = ws.members[member_id]
        level = MODEL_WORKER_LEVELS[rank]
        data = m.category_data.get(MODEL_WORKER) or {}
        if not m.has_category(MODEL_WORKER):
            message = (
                f"{m.name}获得{level}“劳动模范”称号，但会员类别中没有“劳模”（model_worker，级别{level}）"
            )
        elif data.get("level") in MODEL_WORKER_LEVELS and MODEL_WORKER_LEVELS.index(data["level"]) > rank:
            message = (
                f"{m.name}登记的劳模级别为{data['level']}，低于所获{level}“劳动模范”称号，应更新为{level}"
            )
        else:
            continue
        problems.append(
            ws.rule_problem(MODEL_WORKER_CATEGORY, "member", member_id, message, field="categories")
        )
    return problems
