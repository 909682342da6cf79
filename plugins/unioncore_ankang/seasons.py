"""Seasons (赛季) and enrolment (参赛): which season a day or a report period falls in, the season
before it, its scoring sheet and pass mark, and the units, workers and teams enrolled."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from unioncore import Period

from .model import ENROLMENT, SEASON, is_action
from .settings import Settings

if TYPE_CHECKING:
    from unioncore import Workspace
    from unioncore.event import Event
    from unioncore.records import Record


@attrs.frozen
class Season:
    """A two-year season (shared/domain.md §5.2), e.g. 2025—2026, from 1 January to 31 December."""

    id: str
    start_year: int
    end_year: int
    theme: str | None = None
    pass_mark: Decimal | None = None
    sheet: tuple[tuple[str, Decimal], ...] = ()

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.start_year, 1, 1)

    @property
    def end(self) -> datetime.date:
        return datetime.date(self.end_year, 12, 31)

    @property
    def label(self) -> str:
        if self.start_year == self.end_year:
            return f"{self.start_year}年度"
        return f"{self.start_year}—{self.end_year}年度"

    def covers(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end

    def overlaps(self, period: Period) -> bool:
        return self.start <= period.end and period.start <= self.end

    @property
    def ref(self) -> str:
        return f"{SEASON}:{self.id}"


def season_from(rec: Record) -> Season | None:
    start, end = rec.get("start_year"), rec.get("end_year")
    if start is None or end is None or end < start:
        return None
    sheet = tuple(
        (str(i["item"]), i["points"]) for i in rec.get("sheet") or () if i.get("points") is not None
    )
    return Season(rec.key, start, end, rec.get("theme"), rec.get("pass_mark"), sheet)


def seasons(ws: Workspace) -> dict[str, Season]:
    """Every well-formed season, by id, oldest first."""
    out = [s for s in (season_from(r) for r in ws.records_of(SEASON)) if s is not None]
    return {s.id: s for s in sorted(out, key=lambda s: (s.start_year, s.end_year, s.id))}


def season_on(all_seasons: Iterable[Season], day: datetime.date) -> Season | None:
    """The season a day falls in (the latest-starting one if seasons overlap)."""
    covering = [s for s in all_seasons if s.covers(day)]
    return max(covering, key=lambda s: (s.start_year, s.end_year), default=None)


def season_for_period(all_seasons: Iterable[Season], period: Period) -> Season | None:
    """The season a report period is about: the one running at its end, else the last one in it."""
    pool = list(all_seasons)
    at_end = season_on(pool, period.end)
    if at_end is not None:
        return at_end
    inside = [s for s in pool if s.overlaps(period)]
    return max(inside, key=lambda s: (s.end_year, s.start_year), default=None)


def previous_season(all_seasons: Iterable[Season], season: Season) -> Season | None:
    """The last season that ended before `season` began (for growth against the last season)."""
    before = [s for s in all_seasons if s.end_year < season.start_year]
    return max(before, key=lambda s: (s.end_year, s.start_year), default=None)


def sheet_of(season: Season | None, settings: Settings) -> tuple[tuple[str, Decimal], ...]:
    """The season's scoring sheet (items and maximum points), else the configured one."""
    if season is not None and season.sheet:
        return season.sheet
    return settings.sheet


def pass_mark_of(season: Season | None, settings: Settings) -> Decimal:
    if season is not None and season.pass_mark is not None:
        return season.pass_mark
    return settings.pass_mark


def enrolments(ws: Workspace, season_id: str) -> list[Record]:
    return [r for r in ws.records_of(ENROLMENT) if r.get("season") == season_id]


def enrolled_workers(records: Iterable[Record]) -> int:
    return sum(int(r.get("workers") or 0) for r in records)


def enrolled_teams(records: Iterable[Record]) -> int:
    return sum(len(r.get("teams") or ()) for r in records)


def event_season(all_seasons: dict[str, Season], event: Event) -> Season | None:
    """The season an 安康杯 event belongs to: its `season` field, else the season of its date."""
    sid: Any = event.fields.get("season")
    if sid:
        return all_seasons.get(str(sid))
    return season_on(all_seasons.values(), event.start)


def action_events(ws: Workspace, period: Period | None = None) -> list[Event]:
    """Events of the season's actions (十项行动), optionally within a period."""
    return [e for e in ws.events_of(period=period) if is_action(e.type)]
