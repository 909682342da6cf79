"""Festival dates: 元旦, 春节 (1st day of the 1st lunar month) and 重阳 / 老年节 (9th day of the 9th
lunar month, 老年人权益保障法 Art 12), the lunar ones computed with `lunardate`."""

from __future__ import annotations

import datetime
import functools

from lunardate import LunarDate  # type: ignore[import-untyped]

NEW_YEAR = "元旦"
SPRING_FESTIVAL = "春节"
CHONGYANG = "重阳"


@functools.lru_cache(maxsize=256)  # a pure function of its arguments, asked once per event
def _solar(year: int, month: int, day: int) -> datetime.date:
    solar = LunarDate(year, month, day).to_solar_date()
    assert isinstance(solar, datetime.date)
    return solar


def chongyang(year: int) -> datetime.date:
    """重阳节 (老年节) of the Gregorian year: the 9th day of the 9th lunar month of the same lunar
    year, which always falls in October or early November."""
    return _solar(year, 9, 9)


def spring_festival(year: int) -> datetime.date:
    """春节 of the Gregorian year: the 1st day of the 1st lunar month (late January to February)."""
    return _solar(year, 1, 1)


def festival_day(name: str, year: int) -> datetime.date:
    if name == NEW_YEAR:
        return datetime.date(year, 1, 1)
    if name == SPRING_FESTIVAL:
        return spring_festival(year)
    if name == CHONGYANG:
        return chongyang(year)
    raise ValueError(f"未知的节日“{name}”")
