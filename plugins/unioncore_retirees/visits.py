"""Visits and condolences (慰问) to retirees, who pays for them, and the 元旦 / 春节 visit lists.

Union funds pay a retiree only the retirement souvenir (退休纪念, shared/domain.md §4.5): retained
members pay no dues and pensions are outside the 2% allocation base, so their welfare is the
employer's (行政) or the 退管会's (章程 Art 8; §4.9, §7.4). Any other visit the union pays for is
an error; the souvenir itself is given once, around the retirement date.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import TYPE_CHECKING

import attrs

from unioncore import Problem, Severity
from unioncore.member import Member, Status
from unioncore.records import Record

from .festivals import festival_day
from .people import care_flags, retirees, retirement_date
from .records import CARE, SOUVENIR, UNION, VISIT
from .rules import CARE_PRACTICE, CHARTER_ART8, RETIREE_BENEFITS
from .rules import SOUVENIR as SOUVENIR_SOURCE
from .settings import RetireeSettings

if TYPE_CHECKING:
    from unioncore import Workspace


@attrs.frozen
class DueVisit:
    """A retiree due a festival visit, with the visits that count for it."""

    member: Member
    flags: tuple[str, ...]
    visits: tuple[Record, ...]

    @property
    def visited(self) -> bool:
        return bool(self.visits)


def _visits_by_member(ws: Workspace) -> dict[str, list[Record]]:
    out: dict[str, list[Record]] = defaultdict(list)
    for r in ws.records_of(VISIT):
        out[r["member"]].append(r)
    for group in out.values():
        group.sort(key=lambda r: (r["date"], r.key))
    return out


def visits_of(ws: Workspace, member: str | None = None) -> list[Record]:
    """Visits (to one member) in date order."""
    if member is None:
        return sorted(ws.records_of(VISIT), key=lambda r: (r["date"], r.key))
    by_member = ws.derived(f"retirees.{VISIT}", lambda: _visits_by_member(ws), ws.records.get(VISIT) or {})
    return list(by_member.get(member, ()))


def counts_for(visit: Record, festival: str, day: datetime.date, settings: RetireeSettings) -> bool:
    """Does the visit count as the festival's visit (tagged with it, or a 节日 visit untagged),
    within the window around the festival day?"""
    tagged = visit.get("festival") == festival or (
        visit.get("festival") is None and visit["reason"] == "节日"
    )
    start = day - datetime.timedelta(days=settings.visit_days_before)
    end = day + datetime.timedelta(days=settings.visit_days_after)
    return bool(tagged and start <= visit["date"] <= end)


def due_list(ws: Workspace, festival: str, year: int, settings: RetireeSettings) -> list[DueVisit]:
    """Who is due a visit for the festival of the year: every retiree on the festival day, or only
    those with care flags (特困, 独居 …, 高龄), as the setting `festival_visit` says."""
    day = festival_day(festival, year)
    out = []
    for m in retirees(ws, day):
        flags = tuple(care_flags(ws, m, day, settings))
        if settings.festival_visit == "care" and not flags:
            continue
        done = tuple(v for v in visits_of(ws, m.id) if counts_for(v, festival, day, settings))
        out.append(DueVisit(m, flags, done))
    return out


def check(ws: Workspace, settings: RetireeSettings) -> list[Problem]:
    problems: list[Problem] = []
    souvenirs: dict[str, list[Record]] = defaultdict(list)
    for v in visits_of(ws):
        m = ws.members.get(v["member"])
        if m is None:
            continue  # the core reports the broken reference
        union_paid = v["payer"] == UNION
        if union_paid and v["reason"] != SOUVENIR:
            problems.append(
                ws.problem_at(
                    VISIT,
                    v.key,
                    f"对退休会员 {m.name} 的{v['reason']}慰问由工会经费支付：工会经费只能支付退休纪念，"
                    "退休职工的其他慰问应由行政或退管会负担",
                    field="payer",
                    rule="retirees.union-pays",
                    source=RETIREE_BENEFITS,
                )
            )
        if union_paid and v["reason"] == SOUVENIR:
            souvenirs[m.id].append(v)
            problems += _check_souvenir(ws, v, m, settings, len(souvenirs[m.id]))
        elif m.status_on(v["date"]) is not Status.RETIRED:
            status = m.status_on(v["date"])
            problems.append(
                ws.problem_at(
                    VISIT,
                    v.key,
                    f"{m.name} 在 {v['date'].isoformat()} 不是退休会员（{status.value if status else '未入会'}），"
                    "退休职工慰问记录只登记退休会员",
                    field="member",
                    severity=Severity.WARNING,
                    rule="retirees.visit-member",
                    source=CHARTER_ART8,
                )
            )
    for m in ws.members.values():
        if m.status is Status.RETIRED and retirement_date(m) is None:
            problems.append(
                ws.problem_at(
                    "member",
                    m.id,
                    f"{m.name} 状态为退休，但会籍变动中没有“退休”记录（退休日期未登记）",
                    field="status",
                    severity=Severity.WARNING,
                    rule="retirees.retirement-date",
                    source=CHARTER_ART8,
                )
            )
    for rec in ws.records_of(CARE):
        m = ws.members.get(rec.key)
        if m is not None and m.status_on(ws.as_of) is not Status.RETIRED:
            problems.append(
                ws.problem_at(
                    CARE,
                    rec.key,
                    f"{m.name} 不是退休会员（{m.status.value}），关怀标记只登记退休会员",
                    field="member",
                    severity=Severity.WARNING,
                    rule="retirees.care-member",
                    source=CHARTER_ART8,
                )
            )
    problems += _check_festival_lists(ws, settings)
    return problems


def _check_souvenir(
    ws: Workspace, v: Record, m: Member, settings: RetireeSettings, nth: int
) -> list[Problem]:
    retired = retirement_date(m)
    message = None
    if nth > 1:
        message = f"{m.name} 已领过退休纪念，工会经费的退休纪念每人只发一次"
    elif retired is None:
        message = f"{m.name} 没有退休记录，不能由工会经费发放退休纪念"
    elif abs((v["date"] - retired).days) > settings.souvenir_window_days:
        message = (
            f"退休纪念在 {v['date'].isoformat()} 发放，距退休日期 {retired.isoformat()} 超过 "
            f"{settings.souvenir_window_days} 天：退休纪念应在退休离岗时发放"
        )
    if message is None:
        return []
    return [
        ws.problem_at(
            VISIT,
            v.key,
            message,
            field="date",
            severity=Severity.WARNING,
            rule="retirees.souvenir",
            source=SOUVENIR_SOURCE,
        )
    ]


def _check_festival_lists(ws: Workspace, settings: RetireeSettings) -> list[Problem]:
    problems = []
    for festival in settings.festivals:
        day = festival_day(festival, ws.year)
        if day + datetime.timedelta(days=settings.visit_days_after) >= ws.as_of:
            continue  # the festival (and its visiting days) is not over yet
        for due in due_list(ws, festival, ws.year, settings):
            if due.visited:
                continue
            why = f"（{'、'.join(due.flags)}）" if due.flags else ""
            problems.append(
                ws.problem_at(
                    "member",
                    due.member.id,
                    f"{ws.year}年{festival}（{day.month}月{day.day}日）应走访慰问的退休会员 "
                    f"{due.member.name}{why}没有慰问记录",
                    field="status",
                    severity=Severity.HINT,
                    rule="retirees.festival-visit",
                    source=CARE_PRACTICE,
                )
            )
    return problems
