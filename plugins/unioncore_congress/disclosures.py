"""厂务公开 (所务公开、院务公开): what a unit made public, when, and where (公开栏、职代会、内网…)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from unioncore import Period, Problem, Rule, Severity

from .records import DISCLOSURE
from .sessions import DEMOCRATIC_MANAGEMENT, MEETING_TYPES, sessions

if TYPE_CHECKING:
    from unioncore import Workspace
    from unioncore.records import Record

DISCLOSURE_SOURCE = f"{DEMOCRATIC_MANAGEMENT}第二章（厂务公开以职工代表大会为主要载体；条号未核实 [U]）"

DATES = Rule("congress.disclosure-dates", "公开截止日期不早于公开日期", Severity.ERROR, DISCLOSURE_SOURCE)
EVENT = Rule(
    "congress.disclosure-event",
    "在会议上公开的事项属于本单位的职代会或工会委员会会议",
    Severity.WARNING,
    DISCLOSURE_SOURCE,
)
MISSING = Rule(
    "congress.disclosure-missing", "召开职代会的单位实行厂务公开", Severity.HINT, DISCLOSURE_SOURCE
)

RULES = [DATES, EVENT, MISSING]


def published_in(ws: Workspace, period: Period) -> list[Record]:
    return sorted(
        (r for r in ws.records_of(DISCLOSURE) if r["date"] in period), key=lambda r: (r["date"], r.key)
    )


def check(ws: Workspace) -> list[Problem]:
    problems = []
    for rec in sorted(ws.records_of(DISCLOSURE), key=lambda r: r.key):
        until = rec.get("until")
        if until is not None and until < rec["date"]:
            message = f"公开截止日期 {until.isoformat()} 早于公开日期 {rec['date'].isoformat()}"
            problems.append(ws.rule_problem(DATES, DISCLOSURE, rec.key, message, field="until"))
        event = ws.events.get(rec.get("event") or "")
        if event is not None and (event.type not in MEETING_TYPES or event.org != rec["org"]):
            message = (
                f"公开事项“{rec['subject']}”所填的会议“{event.title}”（{event.id}）不是"
                f"{_org_name(ws, rec['org'])}的职代会或工会委员会会议"
            )
            problems.append(ws.rule_problem(EVENT, DISCLOSURE, rec.key, message, field="event"))
    return problems + _check_missing(ws)


def _org_name(ws: Workspace, code: str) -> str:
    org = ws.organisations.get(code)
    return org.name if org else code


def _check_missing(ws: Workspace) -> list[Problem]:
    """A unit that held a 职代会 in the workspace year but published nothing under 厂务公开 that year."""
    period = Period.year(ws.year)
    published = {r["org"] for r in published_in(ws, period)}
    problems = []
    seen: set[str] = set()
    for e in sessions(ws, period):
        if e.org in published or e.org in seen:
            continue
        seen.add(e.org)
        message = f"{_org_name(ws, e.org)}{ws.year}年召开了职代会，但没有厂务公开记录（在 plugins/congress/disclosures/ 中登记）"
        problems.append(ws.rule_problem(MISSING, "event", e.id, message))
    return problems
