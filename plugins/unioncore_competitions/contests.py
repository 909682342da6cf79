"""劳动竞赛 and skill contests: core `labour_competition` events, with their `[[contest]]` details
(kind, level, teams, prizes), entrants and results."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING

from unioncore import Period, Problem, Rule, Severity
from unioncore.event import Event

from .records import CONTEST, DEFAULT_KIND, LABOUR_COMPETITION
from .settings import CompetitionSettings

if TYPE_CHECKING:
    from unioncore import Workspace
    from unioncore.records import Record

ACCOUNTING = "《工会会计制度》（财会〔2021〕7号）50301 劳动和技能竞赛活动支出"
COMPETITION_SOURCE = "《工会法》（工会组织职工开展劳动和技能竞赛；2021 年文本的条号未核实 [U]）"

CONTEST_EVENT = Rule(
    "competitions.contest-event", "竞赛详情属于一次劳动竞赛活动", Severity.ERROR, COMPETITION_SOURCE
)
TEAM = Rule("competitions.team", "参赛队的队员和所属工会存在，队名不重复", Severity.ERROR, COMPETITION_SOURCE)
RESULT_ENTRANT = Rule(
    "competitions.result-entrant", "获奖的会员或队伍参加了竞赛", Severity.WARNING, COMPETITION_SOURCE
)
PRIZE_LEDGER = Rule(
    "competitions.prize-ledger", "竞赛奖金已记账（凭证关联本竞赛）", Severity.WARNING, ACCOUNTING
)

RULES = [CONTEST_EVENT, TEAM, RESULT_ENTRANT, PRIZE_LEDGER]


def competitions(ws: Workspace, period: Period | None = None) -> list[Event]:
    return ws.events_of(type=LABOUR_COMPETITION, period=period)


def contest_of(ws: Workspace, event: Event) -> Record | None:
    return ws.records.get(CONTEST, {}).get(event.id)


def kind_of(ws: Workspace, event: Event) -> str:
    rec = contest_of(ws, event)
    return str(rec["kind"]) if rec is not None else DEFAULT_KIND


def prize_total(rec: Record) -> Decimal:
    return sum(
        ((p.get("amount") or Decimal(0)) * (p.get("count") or 1) for p in rec.get("prizes") or ()),
        Decimal(0),
    )


def check(ws: Workspace, settings: CompetitionSettings) -> list[Problem]:
    problems: list[Problem] = []
    for rec in sorted(ws.records_of(CONTEST), key=lambda r: r.key):
        event = ws.events.get(rec["event"])
        if event is None:
            continue  # the core reports a missing event (record.ref)
        if event.type != LABOUR_COMPETITION:
            message = f"竞赛详情所属的活动“{event.title}”（{event.id}）不是劳动竞赛"
            problems.append(ws.rule_problem(CONTEST_EVENT, CONTEST, rec.key, message, field="event"))
            continue
        problems += _check_teams(ws, rec)
        problems += _check_prizes(ws, rec, event, settings)
    for event in competitions(ws):
        problems += _check_results(ws, event)
    return problems


def _check_teams(ws: Workspace, rec: Record) -> list[Problem]:
    """Team members and organisations are sub-table references the core does not check."""
    problems = []
    where = ws.where(CONTEST, rec.key)
    base = where[1] if where else (CONTEST, 0)
    names = Counter(t["name"] for t in rec.get("teams") or ())
    for i, team in enumerate(rec.get("teams") or ()):
        findings: list[tuple[str, str]] = []
        if team.get("org") and team["org"] not in ws.organisations:
            findings.append(("org", f"参赛队“{team['name']}”所属工会“{team['org']}”不存在"))
        missing = [m for m in team.get("members") or () if m not in ws.members]
        if missing:
            findings.append(("members", f"参赛队“{team['name']}”的队员“{missing[0]}”不存在"))
        if names[team["name"]] > 1:
            findings.append(("name", f"参赛队名“{team['name']}”重复"))
            names[team["name"]] = 1  # report a repeated name once
        problems += [
            ws.rule_problem(TEAM, CONTEST, rec.key, message, path=(*base, "teams", i, key))
            for key, message in findings
        ]
    return problems


def _check_prizes(ws: Workspace, rec: Record, event: Event, settings: CompetitionSettings) -> list[Problem]:
    """Prize money is union spending: it must be in the ledger, linked to the contest (50301)."""
    total = prize_total(rec)
    if not total:
        return []
    account = settings.prize_account
    booked = sum(
        (
            e.amount
            for e in ws.ledger(account=account)
            if e.event == event.id and e.account.startswith(account)
        ),
        Decimal(0),
    )
    if booked >= total:
        return []
    if booked:
        message = f"竞赛奖金共 {total:,.2f} 元，关联本竞赛的 {account} 科目凭证只有 {booked:,.2f} 元"
    else:
        message = f"竞赛奖金共 {total:,.2f} 元，账上没有关联本竞赛的凭证（凭证的 event 应填 {event.id}，科目 {account}）"
    return [ws.rule_problem(PRIZE_LEDGER, CONTEST, rec.key, message, field="prizes")]


def _check_results(ws: Workspace, event: Event) -> list[Problem]:
    """A winner should be among the entrants: a listed participant, or a team of the contest."""
    where = ws.where("event", event.id)
    if where is None:
        return []
    rec = contest_of(ws, event)
    teams = {t["name"] for t in (rec.get("teams") or ())} if rec is not None else set()
    problems = []
    for i, r in enumerate(event.results):
        if r.member and event.participants and r.member not in event.participants:
            name = ws.members[r.member].name if r.member in ws.members else r.member
            message = f"获奖会员 {name}（{r.member}）不在“{event.title}”的参加会员中"
            path = (*where[1], "result", i, "member")
            problems.append(ws.rule_problem(RESULT_ENTRANT, "event", event.id, message, path=path))
        if r.team and teams and r.team not in teams:
            message = f"获奖队伍“{r.team}”不在“{event.title}”的参赛队中"
            path = (*where[1], "result", i, "team")
            problems.append(ws.rule_problem(RESULT_ENTRANT, "event", event.id, message, path=path))
    return problems
