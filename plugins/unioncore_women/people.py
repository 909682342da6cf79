"""Women members and women workers of an organisation: the counts every part of the plugin uses."""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from unioncore.member import Member, Status
from unioncore.organisation import Organisation

if TYPE_CHECKING:
    from unioncore import Workspace

FEMALE = "女"


def percent(part: int | Decimal, whole: int | Decimal) -> Decimal:
    """part / whole in %, one decimal (0 when there is no whole)."""
    if not whole:
        return Decimal(0)
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def in_service(ws: Workspace, code: str, on: datetime.date) -> list[Member]:
    """Members of the organisation in service (在职) on the day (each union and day worked out
    once per workspace state: the committee, delegate, insurance and contract rules all ask)."""
    seen: dict[tuple[str, datetime.date], list[Member]] = ws.derived(
        "women.in_service", dict, ws.members, ws.organisations
    )
    found = seen.get((code, on))
    if found is None:
        found = seen[(code, on)] = [m for m in ws.members_of(code) if m.status_on(on) is Status.ACTIVE]
    return list(found)


def in_service_women(ws: Workspace, code: str, on: datetime.date) -> list[Member]:
    """In-service women members: the people the 女职委 represents (retirees keep 会籍 but are
    cared for by the 退管会, so they do not count towards the committee threshold)."""
    return [m for m in in_service(ws, code, on) if m.gender == FEMALE]


def grassroots(ws: Workspace) -> list[Organisation]:
    """Organisations with members of their own (基层工会, 联合工会)."""
    return [o for o in ws.organisations.values() if o.kind.is_grassroots]


def worker_share(org: Organisation) -> Decimal | None:
    """女职工占职工总数的比例 (%), from the organisation's employee counts; None when not stated."""
    if not org.employees or org.female_employees is None:
        return None
    return percent(org.female_employees, org.employees)


def women_share(ws: Workspace, org: Organisation, on: datetime.date) -> Decimal | None:
    """Women's share of workers; from the members when the organisation states no employee counts."""
    share = worker_share(org)
    if share is not None:
        return share
    members = in_service(ws, org.code, on)
    if not members:
        return None
    return percent(sum(1 for m in members if m.gender == FEMALE), len(members))
