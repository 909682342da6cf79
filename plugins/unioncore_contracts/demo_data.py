"""Synthetic 集体合同 for `unioncore demo-data` (the `unioncore_demo_data` hook).

Every grassroots union has a 综合 collective contract of three years (《集体合同规定》第三十八条: one to
three years), adopted by its 职代会 (more than two thirds present, more than half of all in favour,
第三十六条) before the chief representatives sign, filed within the days the settings allow; about
half also have a 女职工专项 contract, and a third a yearly 工资专项 contract for 2026 whose lowest wage
is above the local minimum (《劳动合同法》第五十五条).
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from unioncore import Problem, Workspace
from unioncore.organisation import CommitteeKind

from .records import CONTRACT, GENERAL, SINGLE, WAGE, WOMEN
from .settings import settings_only


def _years_later(day: datetime.date, years: int) -> datetime.date:
    return day.replace(year=day.year + years) - datetime.timedelta(days=1)


def generate(ws: Workspace, rng: random.Random, scale: str) -> list[Problem]:
    settings = settings_only(ws)
    year = ws.year
    for org in sorted((o for o in ws.organisations.values() if o.kind.is_grassroots), key=lambda o: o.code):
        employer = org.name.removesuffix("工会")
        union = org.committee(CommitteeKind.UNION)
        chair = union.chair() if union else None
        staff = org.employees or len(ws.members_of(org.code)) or 30
        women = sum(1 for m in ws.members_of(org.code) if m.gender == "女")
        delegates = max(15, min(60, staff // 2))
        tag = org.code.replace("-", "")
        kinds = [GENERAL]
        if rng.random() < 0.5:
            kinds.append(WOMEN)
        if rng.random() < 0.33:
            kinds.append(WAGE)
        for n, kind in enumerate(kinds, start=1):
            if kind == WAGE:  # 一年一订
                signed = datetime.date(year, rng.randrange(2, 4), rng.randrange(1, 26))
                start = datetime.date(year, signed.month + 1, 1)
                end, filing = _years_later(start, 1), settings.wage_filing_days
            else:
                signed = datetime.date(
                    rng.choice((year - 2, year - 1, year)), rng.randrange(1, 10), rng.randrange(1, 26)
                )
                start = datetime.date(signed.year, signed.month + 1, 1)
                end, filing = _years_later(start, 3), settings.filing_days
            present = delegates - rng.randrange(0, delegates // 4)
            # above the local minimum of every year the contract has run so far
            minimums = [settings.minimum_wage_in(y) for y in range(signed.year, year + 1)]
            wage = max((w for w in minimums if w is not None), default=Decimal(2540))
            title = {
                GENERAL: "集体合同",
                WOMEN: "女职工权益保护专项集体合同",
                WAGE: f"{year}年度工资专项集体合同",
            }
            values = dict(
                id=f"HT-{tag}-{signed.year}-{n:02d}",
                title=f"{employer}{title[kind]}",
                org=org.code,
                kind=kind,
                scope=SINGLE,
                employer=employer,
                union_rep=chair.name if chair and chair.name else None,
                vote={
                    "body": "职工代表大会",
                    "date": signed - datetime.timedelta(days=rng.randrange(2, 8)),
                    "total": delegates,
                    "present": present,
                    "yes": present - rng.randrange(0, 3),
                },
                signed=signed,
                term_start=start,
                term_end=end,
                filed=signed + datetime.timedelta(days=rng.randrange(1, filing)),
                employees=staff,
                female_employees=min(women, staff),
                lowest_wage=wage + Decimal(rng.randrange(1, 8) * 50) if kind != WOMEN else None,
            )
            ws.add_record(CONTRACT, **{k: v for k, v in values.items() if v is not None})
    return []
