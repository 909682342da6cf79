"""Maternity leave (产假) under 《女职工劳动保护特别规定》 (国务院令第619号, 2012) Art 7:

- childbirth: 98 days (up to 15 of them before the birth); a difficult birth (难产) adds 15 days; each
  extra baby of a multiple birth adds 15 days;
- miscarriage (流产) before 4 months of pregnancy: 15 days; from 4 months: 42 days.

Provinces add days by their own regulations (人口与计划生育条例); those are not confirmed here ([U]),
so they come from the setting `[settings.women] maternity_extra_days = { 省份 = 天数 }` and apply to
childbirth only.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from .settings import load_settings

if TYPE_CHECKING:
    from unioncore import Workspace

BASE_DAYS = 98
PRENATAL_MAX_DAYS = 15
DIFFICULT_BIRTH_DAYS = 15
EXTRA_BABY_DAYS = 15
EARLY_MISCARRIAGE_DAYS = 15  # pregnancy under 4 months
LATE_MISCARRIAGE_DAYS = 42  # pregnancy of 4 months or more
MISCARRIAGE_MONTHS = 4


def maternity_leave_days(
    babies: int = 1,
    *,
    difficult: bool = False,
    miscarriage_months: int | None = None,
    extra_days: int = 0,
) -> int:
    """Days of leave (女职工劳动保护特别规定 Art 7).

    `babies` born at once (1 or more); `difficult` for a difficult birth; for a miscarriage give
    `miscarriage_months`, the completed months of pregnancy (then babies and difficult are ignored).
    `extra_days` are the province's added days for childbirth (not for a miscarriage).
    """
    if miscarriage_months is not None:
        if miscarriage_months < 0:
            raise ValueError("怀孕月数不能为负")
        return EARLY_MISCARRIAGE_DAYS if miscarriage_months < MISCARRIAGE_MONTHS else LATE_MISCARRIAGE_DAYS
    if babies < 1:
        raise ValueError("生育婴儿数至少为 1")
    if extra_days < 0:
        raise ValueError("地方增加的天数不能为负")
    return (
        BASE_DAYS + (DIFFICULT_BIRTH_DAYS if difficult else 0) + EXTRA_BABY_DAYS * (babies - 1) + extra_days
    )


def leave_for(
    ws: Workspace,
    babies: int = 1,
    *,
    difficult: bool = False,
    miscarriage_months: int | None = None,
    province: str | None = None,
) -> int:
    """Days of leave with the province's extra days from the workspace settings (`province`, or the
    setting `[settings.women] province`)."""
    settings, _ = load_settings(ws)
    return maternity_leave_days(
        babies,
        difficult=difficult,
        miscarriage_months=miscarriage_months,
        extra_days=settings.extra_days(province),
    )


def leave_end(start: datetime.date, days: int) -> datetime.date:
    """The last day of a leave of `days` calendar days starting on `start`."""
    return start + datetime.timedelta(days=days - 1)
