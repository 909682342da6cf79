"""Synthetic 劳动竞赛 records for `unioncore demo-data` (the `unioncore_demo_data` hook).

Every 劳动竞赛 event of the core's demo gets its details (kind, level, trade) and its winners, chosen
among its participants (《工会法》: unions organise labour and skills competitions). Prize money is
union spending booked on 50301 and linked to the contest (《工会会计制度》), so a contest lists prize
amounts only up to what its linked vouchers booked; one without such a voucher gives its prizes as
certificates. The district (or the street) also awards a few 工人先锋号 and 五一劳动奖章.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from unioncore import Problem, Workspace
from unioncore.event import EventResult

from .records import CONTEST, HONOUR
from .settings import read as read_settings

LABOUR_COMPETITION = "labour_competition"
KINDS = ("技能竞赛", "技术比武", "岗位练兵", "劳动竞赛", "创新竞赛")
TRADES = ("电工操作", "叉车驾驶", "焊接工艺", "客户服务", "食品安全操作", "安全生产知识", "数控车床操作")
AWARDS = ("一等奖", "二等奖", "三等奖")


def generate(ws: Workspace, rng: random.Random, scale: str) -> list[Problem]:
    settings, _ = read_settings(ws)
    year = ws.year
    booked: dict[str, Decimal] = {}
    for voucher in ws.ledger(account=settings.prize_account, year=year):
        if voucher.event and voucher.account.startswith(settings.prize_account):
            booked[voucher.event] = booked.get(voucher.event, Decimal(0)) + voucher.amount
    contests = sorted(
        (e for e in ws.events.values() if e.type == LABOUR_COMPETITION and e.start.year == year),
        key=lambda e: e.id,
    )
    for e in contests:
        org = ws.organisations[e.organisers[0]]
        level = "基层单位级" if org.kind.is_grassroots else ("街道（乡镇）级" if org.parent else "区县级")
        winners = rng.sample(list(e.participants), min(len(e.participants), 3))
        prizes = []
        budget = booked.get(e.id, Decimal(0))
        for rank in range(1, len(winners) + 1):
            prize: dict[str, object] = {"award": AWARDS[rank - 1], "count": 1}
            amount = Decimal((4 - rank) * 100)
            if amount <= budget:  # only money that was booked against the contest
                prize["amount"] = f"{amount:.2f}"
                budget -= amount
            prizes.append(prize)
        ws.add_record(
            CONTEST,
            event=e.id,
            kind=rng.choice(KINDS),
            level=level,
            trade=rng.choice(TRADES),
            **({"prizes": prizes} if prizes else {}),
        )
        if winners:
            results = tuple(
                EventResult(member=m, rank=i, award=AWARDS[i - 1]) for i, m in enumerate(winners, start=1)
            )
            ws.update_event(e.id, results=results)
    _honours(ws, rng, year, scale)
    return []


def _honours(ws: Workspace, rng: random.Random, year: int, scale: str) -> None:
    """工人先锋号 for teams and 五一劳动奖章 for members, awarded on 28 April."""
    orgs = sorted(o.code for o in ws.organisations.values() if o.kind.is_grassroots)
    roots = [o for o in ws.organisations.values() if o.parent is None]
    by = roots[0].name if roots else "区总工会"
    level = "街道（乡镇）级" if scale == "small" else "区县级"
    count = 2 if scale == "small" else 60
    for i, org in enumerate(rng.sample(orgs, min(count, len(orgs)))):  # one honour per union
        values: dict[str, object]
        if i % 2 == 0:
            values = {"kind": "工人先锋号", "title": "工人先锋号", "org": org, "team": "一线生产班组"}
        else:
            people = [m.id for m in ws.members_of(org) if m.status.is_member]
            if not people:
                continue
            values = {"kind": "五一劳动奖章", "title": "五一劳动奖章", "member": rng.choice(people)}
        ws.add_record(
            HONOUR,
            id=f"RY{year}-{i + 1:03d}",
            level=level,
            year=year,
            awarded_by=by,
            date=datetime.date(year, 4, 28),
            **values,
        )
