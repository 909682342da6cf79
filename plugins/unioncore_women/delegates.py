"""Women delegates at the 职代会 against women's share of the workers (条例 2004 Art 15).

The core's `staff_congress` events carry `delegates` and `female_delegates`; the workers' share comes
from the organisation's `female_employees` / `employees` (or its in-service members when those are not
stated). A women's share of delegates below the workers' share by more than the setting
`delegate_gap_points` (default 10 percentage points, [U]: the 条例 only says "相适应") is reported.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from unioncore import Period, Problem, Severity
from unioncore.event import Event

from .people import percent, women_share
from .rules import ART15
from .settings import WomenSettings

if TYPE_CHECKING:
    from unioncore import Workspace

STAFF_CONGRESS = "staff_congress"


@attrs.frozen
class DelegateShare:
    event: Event
    delegates: int
    female_delegates: int
    delegate_share: Decimal
    worker_share: Decimal | None

    @property
    def gap(self) -> Decimal | None:
        """Percentage points by which women are under-represented (negative: over-represented)."""
        if self.worker_share is None:
            return None
        return self.worker_share - self.delegate_share


def delegate_shares(ws: Workspace, period: Period | None = None) -> list[DelegateShare]:
    out = []
    for e in ws.events_of(type=STAFF_CONGRESS, period=period):
        delegates = e.fields.get("delegates")
        female = e.fields.get("female_delegates")
        if not isinstance(delegates, int) or not isinstance(female, int) or delegates == 0:
            continue
        org = ws.organisations.get(e.org)
        share = women_share(ws, org, e.start) if org is not None else None
        out.append(DelegateShare(e, delegates, female, percent(female, delegates), share))
    return out


def check(ws: Workspace, settings: WomenSettings) -> list[Problem]:
    problems = []
    for e in ws.events_of(type=STAFF_CONGRESS):
        delegates = e.fields.get("delegates")
        female = e.fields.get("female_delegates")
        if isinstance(delegates, int) and isinstance(female, int) and female > delegates:
            problems.append(
                ws.problem_at(
                    "event",
                    e.id,
                    f"女职工代表 {female} 人多于代表总数 {delegates} 人",
                    field="female_delegates",
                    rule="women.delegate-count",
                    source=ART15,
                )
            )
    for d in delegate_shares(ws):
        gap = d.gap
        if gap is None or d.female_delegates > d.delegates or gap <= settings.delegate_gap_points:
            continue
        problems.append(
            ws.problem_at(
                "event",
                d.event.id,
                f"女职工代表 {d.female_delegates} 人，占代表总数的 {d.delegate_share}%，"
                f"低于女职工占职工总数的 {d.worker_share}% 达 {gap} 个百分点"
                f"（允许差距 {settings.delegate_gap_points} 个百分点）",
                field="female_delegates",
                severity=Severity.WARNING,
                rule="women.delegate-share",
                source=ART15,
            )
        )
    return problems
