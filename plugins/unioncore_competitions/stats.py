"""Figures of 劳动竞赛, 荣誉称号 and 劳模, each with the records behind it."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING

from unioncore import Figure, Period

from . import contests, honours, model_workers
from .records import CONTEST_KINDS, GROUP, HONOUR_KINDS, INDIVIDUAL_TITLES, MODEL_WORKER_LEVELS
from .settings import CompetitionSettings

if TYPE_CHECKING:
    from unioncore import Workspace


def figures(ws: Workspace, period: Period, settings: CompetitionSettings) -> list[Figure]:
    """Every figure of the period; the statistics and the report section ask for them both, so they
    are computed once per workspace state (`Workspace.derived`)."""
    return list(
        ws.derived(
            f"competitions.figures.{period.start}.{period.end}.{settings!r}",
            lambda: _figures(ws, period, settings),
        )
    )


def _figures(ws: Workspace, period: Period, settings: CompetitionSettings) -> list[Figure]:
    return (
        competition_figures(ws, period)
        + honour_figures(ws, period)
        + model_worker_figures(ws, period, settings)
    )


def competition_figures(ws: Workspace, period: Period) -> list[Figure]:
    held = contests.competitions(ws, period)
    refs = tuple(f"event:{e.id}" for e in held)
    with_benefit = [e for e in held if e.fields.get("benefit")]
    benefit = sum((e.fields["benefit"] for e in with_benefit), Decimal(0))
    units = sorted({code for e in held for code in e.organisers})
    by_kind: dict[str, list[str]] = defaultdict(list)
    for e in held:
        by_kind[contests.kind_of(ws, e)].append(f"event:{e.id}")
    winners = [(e, r) for e in held for r in e.results]
    details = [c for e in held if (c := contests.contest_of(ws, e)) is not None]
    with_prizes = [c for c in details if contests.prize_total(c)]
    figs = [
        Figure("competitions.count", "组织各类劳动竞赛", len(held), "次", GROUP, refs),
        Figure(
            "competitions.attendance",
            "参加劳动竞赛职工",
            sum(e.attendance for e in held),
            "人次",
            GROUP,
            refs,
            note="每次竞赛的参加人数（未填时按参加会员计）之和",
        ),
        Figure(
            "competitions.benefit",
            "劳动竞赛创经济效益",
            benefit,
            "元",
            GROUP,
            tuple(f"event:{e.id}" for e in with_benefit),
        ),
        Figure(
            "competitions.units",
            "开展劳动竞赛的单位",
            len(units),
            "个",
            GROUP,
            tuple(f"organisation:{c}" for c in units),
            note="口径：主办或协办过本期劳动竞赛的组织",
        ),
        Figure(
            "competitions.winners",
            "竞赛获奖",
            len(winners),
            "人次",
            GROUP,
            tuple(dict.fromkeys(f"event:{e.id}" for e, _ in winners)),
            note="竞赛成绩中的获奖会员和队伍",
        ),
        Figure(
            "competitions.prizes",
            "竞赛奖金",
            sum((contests.prize_total(c) for c in with_prizes), Decimal(0)),
            "元",
            GROUP,
            tuple(c.ref for c in with_prizes),
        ),
    ]
    for kind in CONTEST_KINDS:
        figs.append(
            Figure(f"competitions.kind.{kind}", kind, len(by_kind[kind]), "次", GROUP, tuple(by_kind[kind]))
        )
    return figs


def honour_figures(ws: Workspace, period: Period) -> list[Figure]:
    got = honours.in_period(ws, period)
    figs = [Figure("competitions.honours", "获得荣誉称号", len(got), "项", GROUP, tuple(r.ref for r in got))]
    for kind in HONOUR_KINDS:
        these = [r for r in got if r["kind"] == kind]
        unit = "人" if kind in INDIVIDUAL_TITLES else "个"
        figs.append(
            Figure(f"competitions.honours.{kind}", kind, len(these), unit, GROUP, tuple(r.ref for r in these))
        )
    return figs


def model_worker_figures(ws: Workspace, period: Period, settings: CompetitionSettings) -> list[Figure]:
    people = model_workers.model_workers(ws, period.end)
    visited_map = model_workers.visits(ws, period, settings)
    visited = [m for m in people if m.id in visited_map]
    figs = [
        Figure(
            "competitions.model_workers",
            "劳模",
            len(people),
            "人",
            GROUP,
            tuple(f"member:{m.id}" for m in people),
            note="期末保留会籍、登记为“劳模”类别的会员",
        ),
        Figure(
            "competitions.model_workers.visited",
            "走访慰问劳模",
            len(visited),
            "人",
            GROUP,
            tuple(f"member:{m.id}" for m in visited)
            + tuple(dict.fromkeys(f"event:{e.id}" for m in visited for e in visited_map[m.id])),
        ),
    ]
    for level in MODEL_WORKER_LEVELS:
        these = [m for m in people if model_workers.level_of(m) == level]
        figs.append(
            Figure(
                f"competitions.model_workers.{level}",
                f"{level}劳模",
                len(these),
                "人",
                GROUP,
                tuple(f"member:{m.id}" for m in these),
            )
        )
    return figs
