"""The 安康杯 figures of a period, each with the records behind it.

- enrolment: of the season running at the period's end (else the last season in the period), with
  growth against the season before it;
- actions (十项行动 events), hazards found, accidents and 50402 spending: dated within the period;
  hazard states (rectified, overdue) are taken on the period's end or on `as_of` if earlier;
- awards: those dated (表彰日期) within the period; an award without a date counts in the period that
  holds its season's last day;
- scores: of the period's season.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING

from unioncore import Figure, Period

from .evaluation import scores_of
from .hazards import found_in, is_rectified, overdue_days, rate
from .model import (
    ACCIDENT,
    ACTION_LABELS,
    AWARD,
    AWARD_CATEGORIES,
    AWARD_LEVELS,
    CATEGORY_KEYS,
    DISEASE,
    EVENT_PREFIX,
    GROUP,
    HAZARD,
    INJURY,
    LEVEL_KEYS,
    LEVEL_MAJOR,
    SPENDING_ACCOUNT,
    VERIFIED,
    level_label,
)
from .seasons import (
    Season,
    action_events,
    enrolled_teams,
    enrolled_workers,
    enrolments,
    pass_mark_of,
    previous_season,
    season_for_period,
    seasons,
)
from .settings import Settings, read_settings

if TYPE_CHECKING:
    from unioncore import Workspace
    from unioncore.records import Record


def _fig(
    key: str, label: str, value: int | Decimal, unit: str, refs: list[str] | tuple[str, ...], note: str = ""
) -> Figure:
    return Figure(f"ankang.{key}", label, value, unit, GROUP, tuple(refs), note)


def reference_day(ws: Workspace, period: Period) -> datetime.date:
    """The day hazard states are read on: the period's end, or today (`as_of`) when that is earlier."""
    return min(ws.as_of, period.end)


def figures(ws: Workspace, period: Period) -> list[Figure]:
    """Every figure of the period; the statistics and the report sections ask for them both, so they
    are computed once per workspace state (`Workspace.derived`)."""
    return list(
        ws.derived(
            f"ankang.figures.{period.start}.{period.end}.{ws.setting('ankang', {})!r}",
            lambda: _figures(ws, period),
        )
    )


def _figures(ws: Workspace, period: Period) -> list[Figure]:
    settings, _ = read_settings(ws)
    all_seasons = seasons(ws)
    season = season_for_period(all_seasons.values(), period)
    return (
        enrolment_figures(ws, list(all_seasons.values()), season)
        + action_figures(ws, period)
        + hazard_figures(ws, period)
        + accident_figures(ws, period)
        + score_figures(ws, season, settings)
        + award_figures(ws, period, all_seasons)
        + spending_figures(ws, period)
    )


def enrolment_figures(ws: Workspace, all_seasons: list[Season], season: Season | None) -> list[Figure]:
    if season is None:
        return []
    recs = enrolments(ws, season.id)
    refs = [r.ref for r in recs]
    note = f"{season.label}赛季"
    workers = enrolled_workers(recs)
    out = [
        _fig("enrolment.units", "参赛单位", len(recs), "家", refs, note),
        _fig("enrolment.workers", "参赛职工", workers, "人", refs, note),
        _fig("enrolment.teams", "参赛班组", enrolled_teams(recs), "个", refs, note),
    ]
    prev = previous_season(all_seasons, season)
    before = enrolments(ws, prev.id) if prev is not None else []
    if prev is None or not before:
        return out
    both = refs + [r.ref for r in before]
    was = enrolled_workers(before)
    out.append(
        _fig(
            "enrolment.units_growth",
            "参赛单位比上届增加",
            len(recs) - len(before),
            "家",
            both,
            f"上届（{prev.label}）{len(before)}家",
        )
    )
    out.append(
        _fig(
            "enrolment.workers_growth",
            "参赛职工比上届增加",
            workers - was,
            "人",
            both,
            f"上届（{prev.label}）{was}人",
        )
    )
    if was:
        out.append(
            _fig(
                "enrolment.workers_growth_rate",
                "参赛职工增长率",
                rate(workers - was, was),
                "%",
                both,
                "（本届 − 上届）÷ 上届参赛职工",
            )
        )
    return out


def action_figures(ws: Workspace, period: Period) -> list[Figure]:
    events = action_events(ws, period)
    refs = [f"event:{e.id}" for e in events]
    out = [
        _fig("actions.total", "“十项行动”活动", len(events), "次", refs),
        _fig("actions.attendance", "参加“十项行动”活动", sum(e.attendance for e in events), "人次", refs),
    ]
    by_type: dict[str, list[str]] = defaultdict(list)
    for e in events:
        by_type[e.type].append(f"event:{e.id}")
    for type_id, label in ACTION_LABELS.items():
        if by_type.get(type_id):
            ids = by_type[type_id]
            out.append(_fig(f"actions.{type_id.removeprefix(EVENT_PREFIX)}", label, len(ids), "次", ids))
    return out


def hazard_figures(ws: Workspace, period: Period) -> list[Figure]:
    on = reference_day(ws, period)
    found = found_in(ws.records_of(HAZARD), period.start, period.end)
    refs = [h.ref for h in found]
    major = [h.ref for h in found if h.get("level") == LEVEL_MAJOR]
    done = [h for h in found if is_rectified(h, on)]
    verified = [h.ref for h in done if h.get("status") == VERIFIED and (h.get("verified") or on) <= on]
    overdue = [h.ref for h in found if overdue_days(h, on) is not None]
    as_of = f"截至{on.isoformat()}"
    out = [
        _fig("hazards.found", "排查发现隐患", len(found), "项", refs),
        _fig("hazards.major", "其中重大隐患", len(major), "项", major),
        _fig("hazards.rectified", "已整改隐患", len(done), "项", [h.ref for h in done], f"含已验收，{as_of}"),
        _fig("hazards.verified", "已验收隐患", len(verified), "项", verified, as_of),
        _fig("hazards.overdue", "逾期未整改隐患", len(overdue), "项", overdue, as_of),
        _fig(
            "hazards.rectification_rate",
            "隐患整改率",
            rate(len(done), len(found)),
            "%",
            refs,
            f"已整改（含已验收）÷ 本期发现的隐患，{as_of}",
        ),
    ]
    by_unit: dict[str, list[Record]] = defaultdict(list)
    for h in found:
        by_unit[str(h.get("unit"))].append(h)
    for code in sorted(by_unit):
        hs = by_unit[code]
        fixed = sum(1 for h in hs if is_rectified(h, on))
        org = ws.organisations.get(code)
        name = org.name if org is not None else code
        out.append(
            _fig(
                f"hazards.rectification_rate.{code}",
                f"{name}隐患整改率",
                rate(fixed, len(hs)),
                "%",
                [h.ref for h in hs] + [f"organisation:{code}"],
                f"{fixed}/{len(hs)}项，{as_of}",
            )
        )
    return out


def accident_figures(ws: Workspace, period: Period) -> list[Figure]:
    recs = [a for a in ws.records_of(ACCIDENT) if a.get("date") is not None and a["date"] in period]
    injury = [a.ref for a in recs if a.get("kind") == INJURY]
    disease = [a.ref for a in recs if a.get("kind") == DISEASE]
    people = sum(_people(a) for a in recs)
    deaths = [a for a in recs if a.get("deaths")]
    return [
        _fig("accidents.total", "工伤事故和职业病", len(recs), "起", [a.ref for a in recs]),
        _fig("accidents.injury", "工伤事故", len(injury), "起", injury),
        _fig("accidents.disease", "职业病", len(disease), "起", disease),
        _fig("accidents.people", "伤亡及患职业病人数", people, "人", [a.ref for a in recs if _people(a)]),
        _fig(
            "accidents.deaths",
            "死亡人数",
            sum(int(a["deaths"]) for a in deaths),
            "人",
            [a.ref for a in deaths],
        ),
    ]


def _people(a: Record) -> int:
    people = a.get("people")
    return int(people) if people is not None else len(a.get("members") or ())


def score_figures(ws: Workspace, season: Season | None, settings: Settings) -> list[Figure]:
    if season is None:
        return []
    scores = scores_of(ws, season.id)
    if not scores:
        return []
    mark = pass_mark_of(season, settings)
    out = []
    for code in sorted(scores):
        total, rec = scores[code]
        org = ws.organisations.get(code)
        name = org.name if org is not None else code
        out.append(
            _fig(f"scores.unit.{code}", f"{name}考核得分", total, "分", [rec.ref], f"{season.label}赛季")
        )
    every = [rec.ref for _, rec in scores.values()]
    out.append(_fig("scores.units", "参加考核的单位", len(every), "家", every, f"{season.label}赛季"))
    passed = [rec.ref for total, rec in scores.values() if total >= mark]
    out.append(
        _fig("scores.passed", "考核达到合格分的单位", len(passed), "家", passed, f"合格分 {mark:f} 分")
    )
    return out


def _award_in(a: Record, period: Period, all_seasons: dict[str, Season]) -> bool:
    day = a.get("awarded")
    if day is not None:
        return bool(day in period)
    season = all_seasons.get(str(a.get("season")))
    return season is not None and season.end in period


def award_figures(ws: Workspace, period: Period, all_seasons: dict[str, Season]) -> list[Figure]:
    awards = [a for a in ws.records_of(AWARD) if _award_in(a, period, all_seasons)]
    out = [_fig("awards.total", "获“安康杯”表彰", len(awards), "项", [a.ref for a in awards])]
    for category in AWARD_CATEGORIES:
        mine = [a for a in awards if a.get("category") == category]
        ckey = CATEGORY_KEYS[category]
        out.append(_fig(f"awards.{ckey}", category, len(mine), "项", [a.ref for a in mine]))
        for level in AWARD_LEVELS:
            at_level = [a.ref for a in mine if a.get("level") == level]
            if at_level:
                out.append(
                    _fig(
                        f"awards.{ckey}.{LEVEL_KEYS[level]}",
                        f"{level_label(level)}{category}",
                        len(at_level),
                        "项",
                        at_level,
                    )
                )
    return out


def spending_figures(ws: Workspace, period: Period) -> list[Figure]:
    """劳动保护支出: entries on 50402 (and its sub-accounts) of every organisation in the period."""
    entries = [
        e
        for e in ws.ledger(account=SPENDING_ACCOUNT, period=period)
        if e.account.startswith(SPENDING_ACCOUNT)
    ]
    linked = [
        e for e in entries if e.event and e.event in ws.events and ws.events[e.event].type in ACTION_LABELS
    ]
    total = sum((e.signed_for(ws.chart) for e in entries), Decimal(0))
    part = sum((e.signed_for(ws.chart) for e in linked), Decimal(0))
    return [
        _fig(
            "spending.total",
            "劳动保护支出",
            total,
            "元",
            [f"entry:{e.ref}" for e in entries],
            f"科目 {SPENDING_ACCOUNT} 劳动保护支出",
        ),
        _fig(
            "spending.actions",
            "其中用于“十项行动”活动",
            part,
            "元",
            [f"entry:{e.ref}" for e in linked],
            "凭证关联了安康杯活动",
        ),
    ]
