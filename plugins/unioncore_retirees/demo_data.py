"""Synthetic 退休职工 records for `unioncore demo-data` (the `unioncore_demo_data` hook).

Every member who retired gets the 退休纪念 from union funds soon after retiring (《基层工会经费收支
管理办法》: the one thing union funds pay retirees) and, when retired by then, the employer's 元旦 and
春节 visits; each union with retirees holds a 重阳节 activity for them (《老年人权益保障法》第十二条);
a few are flagged for care, and each street's (or the federation's) retirees form a 门球队 that
plays in the district's invitational.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from unioncore import Problem, Workspace
from unioncore.member import Member, Status

from .festivals import chongyang, festival_day
from .people import retirement_date
from .records import CARE, CONTEST, TEAM, VISIT


def next_event_id(ws: Workspace, year: int) -> str:
    """A free event id in the demo's numbering (E<year>-<sequence>)."""
    width = 5 if len(ws.events) >= 9999 else 4
    n = len(ws.events) + 1
    while f"E{year}-{n:0{width}d}" in ws.events:
        n += 1
    return f"E{year}-{n:0{width}d}"


def generate(ws: Workspace, rng: random.Random, scale: str) -> list[Problem]:
    year = ws.year
    as_of = datetime.date(year, 11, 30)
    retirees: list[tuple[Member, datetime.date]] = []
    for m in ws.members.values():
        day = retirement_date(m)
        if m.status is Status.RETIRED and day is not None and m.status_on(day) is Status.RETIRED:
            retirees.append((m, day))
    retirees.sort(key=lambda t: t[0].id)
    n = 0

    def visit(**values: object) -> None:
        nonlocal n
        n += 1
        ws.add_record(VISIT, id=f"TWW-{year}-{n:05d}", **values)

    for m, retired in retirees:
        given = min(retired + datetime.timedelta(days=rng.randrange(0, 30)), as_of)
        visit(date=given, member=m.id, reason="退休", goods="退休纪念品", amount=Decimal(800), payer="工会")
        for festival in ("元旦", "春节"):
            day = festival_day(festival, year)
            if retired > day:
                continue
            on = max(retired, day - datetime.timedelta(days=rng.randrange(1, 12)))
            visit(date=on, member=m.id, reason="节日", festival=festival, goods="米、油", payer="行政")
        if rng.random() < 0.08:
            ws.add_record(
                CARE,
                member=m.id,
                flags=[rng.choice(("独居", "重病", "空巢"))],
                since=given,
                contact=rng.choice(("儿子", "女儿", "老伴")),
            )
    # 重阳 activities, one per union with retirees
    by_org: dict[str, list[str]] = {}
    for m, _ in retirees:
        by_org.setdefault(m.org, []).append(m.id)
    day = chongyang(year) - datetime.timedelta(days=rng.randrange(0, 3))
    for org, people in sorted(by_org.items()):
        ws.add_event(
            org,
            id=next_event_id(ws, year),
            type="culture_sports",
            title="重阳节退休职工登高活动",
            start=day,
            participants=sorted(people),
        )
    _teams(ws, rng, year, retirees)
    return []


def _teams(
    ws: Workspace, rng: random.Random, year: int, retirees: list[tuple[Member, datetime.date]]
) -> None:
    """One 门球队 per street federation (the parent of the retirees' unions)."""
    by_parent: dict[str, list[str]] = {}
    for m, _ in retirees:
        parent = ws.organisations[m.org].parent or m.org
        by_parent.setdefault(parent, []).append(m.id)
    for i, (parent, people) in enumerate(sorted(by_parent.items()), start=1):
        if len(people) < 3:
            continue
        team = f"TDW-{i:02d}"
        ws.add_record(
            TEAM,
            id=team,
            name=f"{ws.organisations[parent].name.removesuffix('总工会')}退休职工门球队",
            org=parent,
            activity="门球",
            members=sorted(rng.sample(people, min(len(people), 8))),
        )
        rank = rng.randrange(1, 9)
        ws.add_record(
            CONTEST,
            id=f"TBS-{year}-{i:02d}",
            team=team,
            title="区老年人门球邀请赛",
            date=datetime.date(year, 9, 26),
            organiser="区老年人体育协会",
            rank=rank,
            **({"award": ("一等奖", "二等奖", "三等奖")[rank - 1]} if rank <= 3 else {}),
        )
