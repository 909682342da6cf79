"""Dates of a collective contract: the vote, filing deadline, effective date, term and status.

- Adoption (集体合同规定 Art 36): at least two thirds of all delegates (or workers) present, and more
  than half of all of them voting yes.
- Filing (Art 42): within 10 days of signing; wage agreements within 7 (工资集体协商试行办法).
- Effect (劳动合同法 Art 54; 集体合同规定 Art 45): effective when the labour authority raises no
  objection within 15 days of receiving it. Following 民法典 Art 201 the day of receipt is not
  counted, so a contract received on 3 March takes effect on 18 March (the 15th day, 3-18 = 3-3 + 15).
- Term (Art 38): one to three years; wage agreements are made yearly. Renewal may be asked from
  three months before the end.
"""

from __future__ import annotations

import calendar
import datetime
import enum
from collections.abc import Mapping
from typing import Any

from unioncore import Workspace
from unioncore.records import Record

from .records import WAGE, contracts
from .settings import ContractSettings


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (or earlier), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


def term_years(rec: Mapping[str, Any]) -> float:
    """Length of the term in years, counting the last day (2026-01-01 … 2026-12-31 is 1.0)."""
    start: datetime.date = rec["term_start"]
    end: datetime.date = rec["term_end"]
    return ((end - start).days + 1) / 365.25


def is_adopted(total: int, present: int, yes: int) -> bool:
    """集体合同规定 Art 36: present ≥ 2/3 of all, and yes > 1/2 of all."""
    return present * 3 >= total * 2 and yes * 2 > total


def filing_days(rec: Mapping[str, Any], settings: ContractSettings) -> int:
    return settings.wage_filing_days if rec["kind"] == WAGE else settings.filing_days


def filing_deadline(rec: Mapping[str, Any], settings: ContractSettings) -> datetime.date:
    signed: datetime.date = rec["signed"]
    return signed + datetime.timedelta(days=filing_days(rec, settings))


def received(rec: Mapping[str, Any]) -> datetime.date | None:
    """When the labour authority received the text (the filing date unless recorded)."""
    value: datetime.date | None = rec.get("received") or rec.get("filed")
    return value


def objected(rec: Mapping[str, Any], settings: ContractSettings) -> bool:
    """The authority served an objection (审查意见书) within the review period."""
    got, objection = received(rec), rec.get("objection")
    return (
        got is not None
        and objection is not None
        and objection <= got + datetime.timedelta(days=settings.objection_days)
    )


def effective_date(rec: Mapping[str, Any], settings: ContractSettings) -> datetime.date | None:
    """The day the contract takes effect (None: not filed yet, or objected to)."""
    got = received(rec)
    if got is None or objected(rec, settings):
        return None
    return got + datetime.timedelta(days=settings.objection_days)


def reminder_date(rec: Mapping[str, Any], settings: ContractSettings) -> datetime.date:
    """From this day renewal is due (three months before the end, Art 38)."""
    end: datetime.date = rec["term_end"]
    return add_months(end, -settings.expiry_reminder_months)


def renewals(ws: Workspace) -> dict[str, list[Record]]:
    """Contract key -> the contracts that renew it."""
    out: dict[str, list[Record]] = {}
    for rec in contracts(ws):
        if rec.get("renews"):
            out.setdefault(rec["renews"], []).append(rec)
    for recs in out.values():
        recs.sort(key=lambda r: (r["signed"], r.key))
    return out


class Status(enum.Enum):
    NOT_FILED = "未报送"
    UNDER_REVIEW = "审查中"
    OBJECTED = "有异议"
    NOT_STARTED = "未到期限"
    IN_FORCE = "有效"
    EXPIRING = "即将到期"
    EXPIRED = "已到期"
    RENEWED = "已续订"


def status(rec: Record, day: datetime.date, settings: ContractSettings, renewed: bool) -> Status:
    if day > rec["term_end"]:
        return Status.RENEWED if renewed else Status.EXPIRED
    if received(rec) is None:
        return Status.NOT_FILED
    if objected(rec, settings):
        return Status.OBJECTED
    effective = effective_date(rec, settings)
    if effective is not None and day < effective:
        return Status.UNDER_REVIEW
    if day < rec["term_start"]:
        return Status.NOT_STARTED
    if day >= reminder_date(rec, settings):
        return Status.RENEWED if renewed else Status.EXPIRING
    return Status.IN_FORCE
