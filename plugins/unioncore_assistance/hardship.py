"""困难职工建档: classifying a household against the city's 低保 line (shared/domain.md §8.8).

    per-capita monthly income = (yearly disposable income − yearly rigid expenses) ÷ 12 ÷ household
    深度困难   per-capita income below the 低保 line
    相对困难   per-capita income below `relative_multiple` × 低保 (default 2)
    意外致困   otherwise, when a disaster, accident, epidemic or major illness (the file's `cause`)
               cost more than `accident_loss_ratio` of the family's yearly income (default 0.8,
               青岛's example)

The classes are tested in that order: a household whose income is below the 低保 line is 深度困难 even
when an accident also struck it. Migrant workers' extra condition (a year of labour relationship) and
local exclusions are not computed; an officer may still store another class, which is then reported
so that someone looks at it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

import attrs

from unioncore import Workspace
from unioncore.records import Record

from .records import ACCIDENT, ACCIDENT_CAUSES, DEEP, HARDSHIP_FILE, RELATIVE, REVIEW_FIELDS, items, usable
from .settings import AssistanceSettings

CENT = Decimal("0.01")


def per_capita_monthly(income: Decimal, rigid: Decimal, household: int) -> Decimal:
    """(income − rigid expenses) ÷ 12 ÷ household, exact (round only for display)."""
    return (income - rigid) / 12 / household


def classify(
    income: Decimal,
    rigid: Decimal,
    household: int,
    line: Decimal,
    *,
    relative_multiple: Decimal,
    cause: str | None = None,
    loss: Decimal | None = None,
    accident_loss_ratio: Decimal,
) -> str | None:
    """The class the figures put the household in, or None when it is not in hardship."""
    pc = per_capita_monthly(income, rigid, household)
    if pc < line:
        return DEEP
    if pc < line * relative_multiple:
        return RELATIVE
    if cause in ACCIDENT_CAUSES and loss is not None and loss > income * accident_loss_ratio:
        return ACCIDENT
    return None


@attrs.frozen
class Assessment:
    """What the file's figures say on the day it was last assessed."""

    on: datetime.date
    city: str | None
    line: Decimal | None  # the 低保 line of that city and year (None: not set)
    per_capita: Decimal | None  # monthly, rounded to fen
    computed: str | None  # the class the figures give (None also when it cannot be computed)

    @property
    def computable(self) -> bool:
        return self.line is not None and self.per_capita is not None


def last_assessed(rec: Record) -> datetime.date:
    """The day of the file's latest assessment: its latest yearly review, or the day it was opened."""
    days: list[datetime.date] = [rec["opened"]]
    days += [r["date"] for _, r in items(rec, "review", REVIEW_FIELDS)]
    return max(days)


def assess(rec: Record, settings: AssistanceSettings) -> Assessment:
    on = last_assessed(rec)
    city = rec.get("city") or settings.city
    line = settings.dibao_line(city, on.year)
    household, income = rec.get("household"), rec.get("income")
    if not household or income is None:
        return Assessment(on, city, line, None, None)
    rigid = rec.get("rigid_expenses") or Decimal(0)
    pc = per_capita_monthly(income, rigid, household)
    computed = None
    if line is not None:
        computed = classify(
            income,
            rigid,
            household,
            line,
            relative_multiple=settings.relative_multiple,
            cause=rec.get("cause"),
            loss=rec.get("loss"),
            accident_loss_ratio=settings.accident_loss_ratio,
        )
    return Assessment(on, city, line, pc.quantize(CENT, ROUND_HALF_UP), computed)


def is_open(rec: Record, day: datetime.date) -> bool:
    """The file is on record on `day`: opened by then and not closed (脱困) before or on it."""
    if rec.get("opened") is None or rec["opened"] > day:
        return False
    closed = rec.get("closed")
    return closed is None or closed > day


def files(ws: Workspace) -> list[Record]:
    return sorted(usable(ws, HARDSHIP_FILE), key=lambda r: (r["opened"], r.key))


def open_files(
    ws: Workspace, member: str, day: datetime.date, pool: Iterable[Record] | None = None
) -> list[Record]:
    """The member's files open on `day`."""
    return [r for r in (pool if pool is not None else files(ws)) if r["member"] == member and is_open(r, day)]
