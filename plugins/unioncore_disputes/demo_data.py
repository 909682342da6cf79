"""Synthetic 劳动争议调解 records for `unioncore demo-data` (the `unioncore_demo_data` hook).

The federations (the street unions, or the 街道总工会 of the small demo) mediate cases between
workers and the units they cover and give legal advice. Cases are closed within the mediation
period (《劳动争议调解仲裁法》第十四条: 15 days) with an outcome, a settled case with its agreement
and what it recovered (at most the amount in dispute); a case received in the last days before
the demo's day is still open.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from unioncore import Problem, Workspace

from .records import CASE, CONSULTATION
from .settings import read as read_settings

MATTERS = ("劳动报酬", "经济补偿", "社会保险", "工伤待遇", "解除或终止劳动合同", "工作时间与休息休假")
OUTCOMES = ("调解成功", "调解成功", "调解成功", "调解不成转仲裁", "撤回")
TOPICS = (
    "加班费计算",
    "试用期解除劳动合同",
    "社保缴费基数",
    "工伤认定流程",
    "年休假折算工资",
    "劳务派遣同工同酬",
)


def generate(ws: Workspace, rng: random.Random, scale: str) -> list[Problem]:
    settings, _ = read_settings(ws)
    year = ws.year
    as_of = datetime.date(year, 11, 30)
    federations = [o for o in ws.organisations.values() if o.enterprises and not o.kind.is_grassroots]
    cases = consultations = 0
    per = 6 if scale == "small" else 25
    for fed in sorted(federations, key=lambda o: o.code):
        units = [u for u in fed.enterprises if u.name]
        members_by_unit = {u.name: u.union for u in units}
        for _ in range(per):
            cases += 1
            unit = rng.choice(units)
            received = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(330))
            workers = rng.choice((1, 1, 1, 2, 3, 6, 12))
            amount = Decimal(rng.randrange(20, 400) * 100)
            values: dict[str, object] = {
                "id": f"TJ{year}-{cases:04d}",
                "org": fed.code,
                "received": received,
                "applicant": "王某" if workers == 1 else f"王某等{workers}人",
                "respondent": unit.name,
                "workers": workers,
                "matter": rng.choice(MATTERS),
                "amount": amount,
            }
            union = members_by_unit.get(unit.name)
            if union and workers <= 3:
                people = [m.id for m in ws.members_of(union) if m.status.is_member]
                if people:
                    values["members"] = sorted(rng.sample(people, min(workers, len(people))))
            closed = received + datetime.timedelta(days=rng.randrange(3, settings.mediation_days))
            if closed <= as_of:
                outcome = rng.choice(OUTCOMES)
                values.update(outcome=outcome, closed=closed)
                if outcome == "调解成功":
                    values["recovered"] = (amount * Decimal(rng.randrange(70, 101)) / 100).quantize(
                        Decimal(1)
                    )
                    values["agreement"] = f"调〔{year}〕{cases}号"
            ws.add_record(CASE, **values)
        for _ in range(per):
            consultations += 1
            ws.add_record(
                CONSULTATION,
                id=f"ZX{year}-{consultations:04d}",
                org=fed.code,
                date=datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(330)),
                kind="法律咨询" if rng.random() < 0.85 else "法律援助",
                topic=rng.choice(TOPICS),
                people=rng.randrange(1, 6),
                way=rng.choice(("来访", "电话", "网络", "上门")),
            )
    return []
