"""Figures of the retirees plugin (`retirees.*`), each with the records behind it."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING

from unioncore import Figure, Period
from unioncore.member import Member

from .activities import chongyang_activities, contests_in, is_placed, retiree_activities, retiree_participants
from .people import age_band, band_labels, care_flags, retirees, retirement_date
from .records import CARE_FLAGS, PAYERS, TEAM, VISIT
from .settings import RetireeSettings

if TYPE_CHECKING:
    from unioncore import Workspace

GROUP = "退休职工"
FLAG_KEYS = {
    "特困": "hardship",
    "独居": "alone",
    "重病": "ill",
    "失能": "disabled",
    "空巢": "empty_nest",
    "高龄": "advanced",
}
PAYER_KEYS = {"行政": "admin", "退管会": "committee", "工会": "union"}


def _fig(key: str, label: str, value: int | Decimal, unit: str, refs: list[str], note: str = "") -> Figure:
    return Figure(f"retirees.{key}", label, value, unit, GROUP, tuple(refs), note)


def _refs(members: list[Member]) -> list[str]:
    return [f"member:{m.id}" for m in members]


def member_figures(ws: Workspace, period: Period, settings: RetireeSettings) -> list[Figure]:
    day = period.end
    people = retirees(ws, day)
    new = [m for m in people if (d := retirement_date(m)) is not None and d in period]
    figs = [
        _fig("total", "保留会籍的退休会员", len(people), "人", _refs(people)),
        _fig("new", "本期退休", len(new), "人", _refs(new)),
    ]
    bands: dict[str, list[Member]] = defaultdict(list)
    for m in people:
        bands[age_band(m.age(day), settings.age_bands)].append(m)
    for key, label in band_labels(settings.age_bands):
        if key == "unknown" and not bands[key]:
            continue
        figs.append(_fig(f"age.{key}", f"退休会员 {label}", len(bands[key]), "人", _refs(bands[key])))
    elderly = [m for m in people if (a := m.age(day)) is not None and a >= settings.elderly_age]
    figs.append(_fig("elderly", f"{settings.elderly_age}岁以上老年人", len(elderly), "人", _refs(elderly)))
    flagged: dict[str, list[Member]] = defaultdict(list)
    for m in people:
        for flag in care_flags(ws, m, day, settings):
            flagged[flag].append(m)
    for flag in (*CARE_FLAGS, "高龄"):
        label = f"高龄（{settings.advanced_age}岁以上）" if flag == "高龄" else flag
        refs = _refs(flagged[flag]) + (
            [f"retiree_care:{m.id}" for m in flagged[flag]] if flag != "高龄" else []
        )
        figs.append(_fig(f"care.{FLAG_KEYS[flag]}", f"{label}退休会员", len(flagged[flag]), "人", refs))
    return figs


def visit_figures(ws: Workspace, period: Period) -> list[Figure]:
    visits = [v for v in ws.records_of(VISIT) if v["date"] in period]
    money = sum((Decimal(v["amount"]) for v in visits if v.get("amount")), Decimal(0))
    figs = [
        _fig("visits", "走访慰问退休职工", len(visits), "人次", [v.ref for v in visits]),
        _fig("visits.amount", "慰问金", money, "元", [v.ref for v in visits if v.get("amount")]),
    ]
    for payer in PAYERS:
        mine = [v for v in visits if v["payer"] == payer]
        amount = sum((Decimal(v["amount"]) for v in mine if v.get("amount")), Decimal(0))
        key = PAYER_KEYS[payer]
        figs.append(_fig(f"visits.{key}", f"{payer}出资的慰问", len(mine), "人次", [v.ref for v in mine]))
        figs.append(
            _fig(
                f"visits.{key}.amount",
                f"{payer}出资的慰问金",
                amount,
                "元",
                [v.ref for v in mine if v.get("amount")],
            )
        )
    return figs


def activity_figures(ws: Workspace, period: Period, settings: RetireeSettings) -> list[Figure]:
    events = retiree_activities(ws, period, settings)
    refs = [f"event:{e.id}" for e in events]
    attendance = sum(len(retiree_participants(ws, e)) for e in events)
    festival = chongyang_activities(ws, period, settings)
    contests = contests_in(ws, period)
    placed = [c for c in contests if is_placed(c)]
    teams = sorted({c["team"] for c in contests})
    return [
        _fig("activities", "退休职工活动", len(events), "次", refs),
        _fig(
            "activities.attendance",
            "退休会员参加活动",
            attendance,
            "人次",
            refs,
            note="按活动登记的退休会员计",
        ),
        _fig(
            "activities.chongyang",
            "重阳节（老年节）活动",
            len(festival),
            "次",
            [f"event:{e.id}" for e in festival],
        ),
        _fig("teams", "参赛的退休职工队伍", len(teams), "支", [f"{TEAM}:{t}" for t in teams]),
        _fig("contests", "退休职工队伍参赛", len(contests), "次", [c.ref for c in contests]),
        _fig("contests.placed", "参赛获得名次或奖项", len(placed), "次", [c.ref for c in placed]),
    ]


def figures(ws: Workspace, period: Period, settings: RetireeSettings) -> list[Figure]:
    """Every figure of the period; the statistics and the report section ask for them both, so they
    are computed once per workspace state (`Workspace.derived`)."""
    return list(
        ws.derived(
            f"retirees.figures.{period.start}.{period.end}.{settings!r}",
            lambda: _figures(ws, period, settings),
        )
    )


def _figures(ws: Workspace, period: Period, settings: RetireeSettings) -> list[Figure]:
    return (
        member_figures(ws, period, settings)
        + visit_figures(ws, period)
        + activity_figures(ws, period, settings)
    )
