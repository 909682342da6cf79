"""女职工权益保护专项集体合同 (劳动合同法 Art 52), read from the collective-contract module.

The `contracts` plugin owns the records: a collection named `contract` whose `kind` "女职工专项" marks
these, with `org`, `signed`, `term_end`, `employees` and `female_employees`. When that collection is
not registered (plugin not installed or not enabled) the figures are absent — never an error.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import TYPE_CHECKING, Any

import attrs

from unioncore import Period, Problem, Severity

from .committee import women_committee
from .people import grassroots, in_service_women
from .rules import CONTRACT_ART52
from .settings import WomenSettings

if TYPE_CHECKING:
    from unioncore import Workspace

CONTRACT = "contract"
WOMEN_KIND = "女职工专项"


@attrs.frozen
class SpecialContract:
    key: str
    org: str | None
    signed: datetime.date | None
    term_end: datetime.date | None
    employees: int | None
    female_employees: int | None

    @property
    def ref(self) -> str:
        return f"{CONTRACT}:{self.key}"

    def in_force(self, day: datetime.date) -> bool:
        return (self.signed is None or self.signed <= day) and (self.term_end is None or self.term_end >= day)


def available(ws: Workspace) -> bool:
    return CONTRACT in ws.collections


def _date(value: Any) -> datetime.date | None:
    return value if isinstance(value, datetime.date) else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def women_contracts(ws: Workspace) -> list[SpecialContract]:
    """Every 女职工专项 contract, read defensively (another plugin's fields may change)."""
    if not available(ws):
        return []
    out = []
    for r in ws.records_of(CONTRACT):
        if r.get("kind") != WOMEN_KIND:
            continue
        org = r.get("org")
        out.append(
            SpecialContract(
                r.key,
                org if isinstance(org, str) else None,
                _date(r.get("signed")),
                _date(r.get("term_end")),
                _int(r.get("employees")),
                _int(r.get("female_employees")),
            )
        )
    return out


def in_force(ws: Workspace, period: Period) -> list[SpecialContract]:
    """Contracts in force at some time in the period."""
    return [
        c
        for c in women_contracts(ws)
        if (c.signed is None or c.signed <= period.end) and (c.term_end is None or c.term_end >= period.start)
    ]


def check(ws: Workspace, settings: WomenSettings) -> list[Problem]:
    """A union with a 女职委 (≥ threshold women) has no 女职工专项 contract in force: a hint only, as
    劳动合同法 Art 52 says such a contract "可以" be concluded."""
    if not available(ws):
        return []
    problems = []
    by_org: dict[str | None, list[SpecialContract]] = defaultdict(list)
    for c in women_contracts(ws):
        by_org[c.org].append(c)
    today = ws.as_of
    for org in grassroots(ws):
        if women_committee(org) is None and len(in_service_women(ws, org.code, today)) < (
            settings.committee_threshold
        ):
            continue
        mine = by_org.get(org.code, [])
        if any(c.in_force(today) for c in mine):
            continue
        expired = [c for c in mine if c.term_end is not None and c.term_end < today]
        if expired:
            last = max(expired, key=lambda c: c.term_end or today)
            message = f"女职工权益保护专项集体合同已于 {last.term_end} 到期，宜及时续签"
        else:
            message = "本会未签订女职工权益保护专项集体合同，宜与单位协商签订"
        problems.append(
            ws.problem_at(
                "organisation",
                org.code,
                message,
                severity=Severity.HINT,
                rule="women.special-contract",
                source=CONTRACT_ART52,
            )
        )
    return problems
