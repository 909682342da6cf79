"""Synthetic payroll records for `unioncore demo-data` (the `unioncore_demo_data` hook).

The ledger does not know an employer's payroll (allocation.py): for every union that received
拨缴经费 this year, the demo records the monthly payroll the receipts stand for — the gross
allocation (402 own share + the 211 upward share) is 2 % of the year's payroll (《工会法》第四十三条)
— so that nothing is in arrears at the 30 November check.
"""

from __future__ import annotations

import random
from decimal import ROUND_DOWN, Decimal

from unioncore import Problem, Workspace

from .allocation import PAYROLL

RATE = Decimal("0.02")  # 《工会法》第四十三条: 2% of the payroll


def generate(ws: Workspace, rng: random.Random, scale: str) -> list[Problem]:
    year = ws.year
    gross: dict[str, Decimal] = {}
    for e in ws.ledger(year=year):
        # received: the own share credited to 402 and the upward share credited to 211
        if e.account in ("402", "211") and e.signed_for(ws.chart) > 0:
            gross[e.org] = gross.get(e.org, Decimal(0)) + e.amount
    for org, received in sorted(gross.items()):
        monthly = (received / RATE / 12).quantize(Decimal(1), ROUND_DOWN)
        if monthly <= 0:
            continue
        name = ws.organisations[org].name
        ws.add_record(
            PAYROLL,
            id=f"{org}-{year}",
            org=org,
            year=year,
            monthly=monthly,
            employer=name.removesuffix("工会"),
        )
    return []
