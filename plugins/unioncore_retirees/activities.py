"""Activities for retirees, 老年节 on 重阳, and retiree teams entered in competitions.

An activity for retirees is an ordinary core event (any type) that retirees took part in, or whose
title names the theme (setting `activity_keywords`: 退休, 老年, 重阳, 敬老 …). One held within
`chongyang_window_days` of 重阳 (老年人权益保障法 Art 12: 老年节 is the 9th day of the 9th lunar
month) is a 老年节 activity.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from unioncore import Period, Problem, Severity
from unioncore.event import Event
from unioncore.member import Status
from unioncore.records import Record

from .festivals import chongyang
from .people import ever_retired, is_retired_on, retirees
from .records import CONTEST, TEAM
from .rules import ELDERLY_ART12
from .settings import RetireeSettings

if TYPE_CHECKING:
    from unioncore import Workspace


def retiree_participants(ws: Workspace, e: Event) -> list[str]:
    # each event worked out once per workspace state: figures of several periods ask again
    seen: dict[str, tuple[Event, list[str]]] = ws.derived(
        "retirees.participants", dict, ws.events, ws.members
    )
    hit = seen.get(e.id)
    if hit is None or hit[0] is not e:
        ever = ever_retired(ws)
        found = [p for p in e.participants if p in ever and is_retired_on(ws.members[p], e.start)]
        hit = seen[e.id] = (e, found)
    return list(hit[1])


def is_retiree_activity(ws: Workspace, e: Event, settings: RetireeSettings) -> bool:
    return bool(retiree_participants(ws, e)) or any(w in e.title for w in settings.activity_keywords)


def retiree_activities(ws: Workspace, period: Period, settings: RetireeSettings) -> list[Event]:
    return [e for e in ws.events_of(period=period) if is_retiree_activity(ws, e, settings)]


def near_chongyang(e: Event, settings: RetireeSettings) -> bool:
    day = chongyang(e.start.year)
    window = datetime.timedelta(days=settings.chongyang_window_days)
    return e.start - window <= day <= e.last_day + window


def chongyang_activities(ws: Workspace, period: Period, settings: RetireeSettings) -> list[Event]:
    return [e for e in retiree_activities(ws, period, settings) if near_chongyang(e, settings)]


def contests_in(ws: Workspace, period: Period) -> list[Record]:
    return sorted(
        (r for r in ws.records_of(CONTEST) if r["date"] in period), key=lambda r: (r["date"], r.key)
    )


def is_placed(contest: Record) -> bool:
    return bool(contest.get("rank") or contest.get("award"))


def check(ws: Workspace, settings: RetireeSettings) -> list[Problem]:
    problems: list[Problem] = []
    for team in ws.records_of(TEAM):
        for mid in team.get("members") or ():
            m = ws.members.get(mid)
            if m is not None and m.status_on(ws.as_of) is not Status.RETIRED:
                problems.append(
                    ws.problem_at(
                        TEAM,
                        team.key,
                        f"队员 {m.name} 不是退休会员（{m.status.value}）",
                        field="members",
                        severity=Severity.HINT,
                        rule="retirees.team-member",
                    )
                )
    day = chongyang(ws.year)
    if day + datetime.timedelta(days=settings.chongyang_window_days) < ws.as_of:
        window = Period(
            day - datetime.timedelta(days=settings.chongyang_window_days),
            day + datetime.timedelta(days=settings.chongyang_window_days),
        )
        held = {code for e in chongyang_activities(ws, window, settings) for code in e.organisers}
        for org in ws.organisations.values():
            if not retirees(ws, day, org.code):
                continue
            if org.code in held:
                continue
            problems.append(
                ws.problem_at(
                    "organisation",
                    org.code,
                    f"本会有退休会员 {len(retirees(ws, day, org.code))} 人，{ws.year}年重阳节（老年节，"
                    f"{day.month}月{day.day}日）前后没有为退休职工组织活动的记录",
                    severity=Severity.HINT,
                    rule="retirees.chongyang",
                    source=ELDERLY_ART12,
                )
            )
    return problems
