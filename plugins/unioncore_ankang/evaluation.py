"""Seasons, enrolment, accidents, scores and awards (评比表彰), and the checks on them.

Award rules (shared/domain.md §5.4-5.5, S24; settings where the rule is provincial or unconfirmed):
- a 优胜单位 scores at least the pass mark on the season's sheet (default 90, setting `pass_mark`);
- national 优胜单位 / 优胜班组 are not awarded twice to the same unit (班组); 优秀组织单位 and
  优秀个人 may be repeated;
- provincial 优胜单位 / 优胜班组 are not awarded again within 5 years (setting `provincial_repeat_years`),
  counted between the seasons' end years;
- a unit with a serious accident in the season (setting `serious_severities`) cannot be 优胜; for a
  优胜班组 an accident counts when it names that team or names none.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING

from unioncore import Problem, Severity
from unioncore.problems import KeyPath

from .model import (
    ACCIDENT,
    AWARD,
    ENROLMENT,
    FATAL_SEVERITIES,
    INDIVIDUAL,
    NATIONAL,
    PROVINCIAL,
    SCORE,
    SEASON,
    WINNING,
    WINNING_TEAM,
    WINNING_UNIT,
    is_action,
)
from .rules import ACCIDENT_BAR, AWARD_RULES, SCORE_SHEET, SEASONS
from .seasons import Season, event_season, pass_mark_of, seasons, sheet_of
from .settings import Settings

if TYPE_CHECKING:
    from unioncore import Workspace
    from unioncore.records import Record

_FILE_SAFE = re.compile(r"^[\w-]+$")
FULL_MARKS = Decimal(100)


def score_total(rec: Record) -> Decimal | None:
    """The recorded total, else the sum of the item points; None when neither is there."""
    total: Decimal | None = rec.get("total")
    if total is not None:
        return total
    items = [i["points"] for i in rec.get("items") or () if i.get("points") is not None]
    return sum(items, Decimal(0)) if items else None


def scores_of(ws: Workspace, season_id: str) -> dict[str, tuple[Decimal, Record]]:
    """Unit code -> (total, record) of the season's scores (the first record when doubled)."""
    out: dict[str, tuple[Decimal, Record]] = {}
    for r in ws.records_of(SCORE):
        total = score_total(r)
        if r.get("season") == season_id and r.get("unit") and total is not None:
            out.setdefault(str(r["unit"]), (total, r))
    return out


def is_serious(accident: Record, settings: Settings) -> bool:
    return accident.get("severity") in settings.serious_severities


def check(ws: Workspace, settings: Settings) -> list[Problem]:
    all_seasons = seasons(ws)
    return (
        _check_seasons(ws)
        + _check_enrolment(ws)
        + _check_events(ws, all_seasons)
        + _check_accidents(ws)
        + _check_scores(ws, all_seasons, settings)
        + _check_awards(ws, all_seasons, settings)
    )


def _at(
    ws: Workspace,
    coll: str,
    rec: Record,
    message: str,
    *,
    field: str | None = None,
    sub: KeyPath | None = None,
    rule: str,
    severity: Severity = Severity.ERROR,
    source: str | None = None,
) -> Problem:
    """A problem at a record's field, or at `sub` (a key path inside the record, e.g. items[2].points)."""
    path = None
    if sub is not None:
        w = ws.where(coll, rec.key)
        if w is not None:
            path = (*w[1], *sub)
    return ws.problem_at(
        coll, rec.key, message, field=field, path=path, severity=severity, rule=rule, source=source
    )


# -- seasons -----------------------------------------------------------------------------------
def _check_seasons(ws: Workspace) -> list[Problem]:
    out = []
    for s in ws.records_of(SEASON):
        if not _FILE_SAFE.match(s.key):
            out.append(
                _at(
                    ws,
                    SEASON,
                    s,
                    f"赛季编号“{s.key}”只能含字母、数字、“-”和“_”（它也是文件名）",
                    field="id",
                    rule="ankang.season",
                )
            )
        start, end = s.get("start_year"), s.get("end_year")
        if start is not None and end is not None and end < start:
            out.append(
                _at(
                    ws,
                    SEASON,
                    s,
                    f"结束年度 {end} 早于起始年度 {start}",
                    field="end_year",
                    rule="ankang.season",
                    source=SEASONS,
                )
            )
        sheet = s.get("sheet") or []
        seen: set[str] = set()
        for i, item in enumerate(sheet):
            if item["item"] in seen:
                out.append(
                    _at(
                        ws,
                        SEASON,
                        s,
                        f"考核项目“{item['item']}”重复",
                        sub=("sheet", i, "item"),
                        rule="ankang.season",
                    )
                )
            seen.add(item["item"])
            if item.get("points") is not None and item["points"] <= 0:
                out.append(
                    _at(
                        ws,
                        SEASON,
                        s,
                        f"考核项目“{item['item']}”的分值应大于 0",
                        sub=("sheet", i, "points"),
                        rule="ankang.season",
                    )
                )
        total = sum((i["points"] for i in sheet if i.get("points") is not None), Decimal(0))
        if sheet and total != FULL_MARKS:
            out.append(
                _at(
                    ws,
                    SEASON,
                    s,
                    f"考核评分表各项分值合计 {total:f} 分，通常应为 100 分",
                    field="sheet",
                    rule="ankang.season",
                    severity=Severity.WARNING,
                )
            )
        mark = s.get("pass_mark")
        top = total if sheet else FULL_MARKS
        if mark is not None and mark > top:
            out.append(
                _at(
                    ws,
                    SEASON,
                    s,
                    f"合格分 {mark:f} 高于评分表满分 {top:f}",
                    field="pass_mark",
                    rule="ankang.season",
                )
            )
    return out


# -- enrolment ---------------------------------------------------------------------------------
def _check_enrolment(ws: Workspace) -> list[Problem]:
    out = []
    first: dict[tuple[str, str], str] = {}
    for e in ws.records_of(ENROLMENT):
        key = (str(e.get("season")), str(e.get("unit")))
        if key in first:
            out.append(
                _at(
                    ws,
                    ENROLMENT,
                    e,
                    f"{_org_name(ws, key[1])}在 {key[0]} 赛季已报名（{first[key]}），不能重复报名",
                    field="unit",
                    rule="ankang.enrolment",
                )
            )
        else:
            first[key] = e.key
        teams = e.get("teams") or []
        names: set[str] = set()
        for i, t in enumerate(teams):
            if t["name"] in names:
                out.append(
                    _at(
                        ws,
                        ENROLMENT,
                        e,
                        f"班组“{t['name']}”重复",
                        sub=("teams", i, "name"),
                        rule="ankang.enrolment",
                    )
                )
            names.add(t["name"])
        workers = e.get("workers")
        if workers is None:
            continue
        in_teams = sum(int(t.get("workers") or 0) for t in teams)
        if in_teams > workers:
            out.append(
                _at(
                    ws,
                    ENROLMENT,
                    e,
                    f"各参赛班组人数合计 {in_teams} 人，多于参赛职工 {workers} 人",
                    field="workers",
                    rule="ankang.enrolment-workers",
                    severity=Severity.WARNING,
                )
            )
        org = ws.organisations.get(str(e.get("unit")))
        if org is not None and org.employees is not None and workers > org.employees:
            out.append(
                _at(
                    ws,
                    ENROLMENT,
                    e,
                    f"参赛职工 {workers} 人，多于{org.name}的职工人数 {org.employees} 人",
                    field="workers",
                    rule="ankang.enrolment-workers",
                    severity=Severity.WARNING,
                )
            )
    return out


# -- the season's actions (events) ---------------------------------------------------------------
def _check_events(ws: Workspace, all_seasons: dict[str, Season]) -> list[Problem]:
    out = []
    for ev in ws.events_of():
        if not is_action(ev.type):
            continue
        sid = ev.fields.get("season")
        season = event_season(all_seasons, ev)
        if sid and season is None:
            out.append(
                ws.problem_at(
                    "event",
                    ev.id,
                    f"安康杯赛季“{sid}”未登记（plugins/ankang/seasons.toml）",
                    field="season",
                    rule="ankang.event-season",
                    source=SEASONS,
                )
            )
        elif season is None:
            out.append(
                ws.problem_at(
                    "event",
                    ev.id,
                    f"活动日期 {ev.start.isoformat()} 不在任何已登记的安康杯赛季内",
                    field="start",
                    severity=Severity.WARNING,
                    rule="ankang.event-season",
                    source=SEASONS,
                )
            )
        elif not season.covers(ev.start):
            out.append(
                ws.problem_at(
                    "event",
                    ev.id,
                    f"活动日期 {ev.start.isoformat()} 不在{season.label}赛季（{season.start_year}—{season.end_year}年）内",
                    field="start",
                    severity=Severity.WARNING,
                    rule="ankang.event-season",
                    source=SEASONS,
                )
            )
    return out


# -- accidents ---------------------------------------------------------------------------------
def _check_accidents(ws: Workspace) -> list[Problem]:
    out = []
    for a in ws.records_of(ACCIDENT):
        severity, deaths, people = a.get("severity"), a.get("deaths"), a.get("people")
        if deaths and severity not in FATAL_SEVERITIES:
            out.append(
                _at(
                    ws,
                    ACCIDENT,
                    a,
                    f"死亡 {deaths} 人，等级却是“{severity}”",
                    field="severity",
                    rule="ankang.accident",
                )
            )
        if severity == "死亡" and deaths == 0:
            out.append(
                _at(ws, ACCIDENT, a, "等级为“死亡”，死亡人数却为 0", field="deaths", rule="ankang.accident")
            )
        if people is not None and deaths is not None and deaths > people:
            out.append(
                _at(
                    ws,
                    ACCIDENT,
                    a,
                    f"死亡人数 {deaths} 多于涉及人数 {people}",
                    field="deaths",
                    rule="ankang.accident",
                )
            )
        named = len(a.get("members") or ())
        if people is not None and named > people:
            out.append(
                _at(
                    ws,
                    ACCIDENT,
                    a,
                    f"列出涉及会员 {named} 人，多于涉及人数 {people}",
                    field="members",
                    rule="ankang.accident",
                )
            )
    return out


# -- scores ------------------------------------------------------------------------------------
def _check_scores(ws: Workspace, all_seasons: dict[str, Season], settings: Settings) -> list[Problem]:
    out = []
    first: dict[tuple[str, str], str] = {}
    enrolled = {(str(e.get("season")), str(e.get("unit"))) for e in ws.records_of(ENROLMENT)}
    for r in ws.records_of(SCORE):
        sid, unit = str(r.get("season")), str(r.get("unit"))
        if (sid, unit) in first:
            out.append(
                _at(
                    ws,
                    SCORE,
                    r,
                    f"{_org_name(ws, unit)}在 {sid} 赛季已有考核得分（{first[(sid, unit)]}）",
                    field="unit",
                    rule="ankang.score",
                    source=SCORE_SHEET,
                )
            )
        else:
            first[(sid, unit)] = r.key
        if (sid, unit) not in enrolled and unit in ws.organisations and sid in all_seasons:
            out.append(
                _at(
                    ws,
                    SCORE,
                    r,
                    f"{_org_name(ws, unit)}未登记报名 {sid} 赛季，却有考核得分",
                    field="unit",
                    rule="ankang.score-enrolled",
                    severity=Severity.WARNING,
                )
            )
        season = all_seasons.get(sid)
        sheet = dict(sheet_of(season, settings))
        items = r.get("items") or []
        for i, item in enumerate(items):
            name, points = item["item"], item.get("points")
            if name not in sheet:
                out.append(
                    _at(
                        ws,
                        SCORE,
                        r,
                        f"考核项目“{name}”不在评分表中（可选：{'、'.join(sheet)}）",
                        sub=("items", i, "item"),
                        rule="ankang.score",
                        source=SCORE_SHEET,
                    )
                )
            elif points is not None and not (0 <= points <= sheet[name]):
                out.append(
                    _at(
                        ws,
                        SCORE,
                        r,
                        f"“{name}”得 {points:f} 分，应在 0 至 {sheet[name]:f} 分之间",
                        sub=("items", i, "points"),
                        rule="ankang.score",
                        source=SCORE_SHEET,
                    )
                )
        summed = sum((i["points"] for i in items if i.get("points") is not None), Decimal(0))
        total = r.get("total")
        if total is not None and items and total != summed:
            out.append(
                _at(
                    ws,
                    SCORE,
                    r,
                    f"总分 {total:f} 与分项得分合计 {summed:f} 不一致",
                    field="total",
                    rule="ankang.score",
                    source=SCORE_SHEET,
                )
            )
        if total is None and not items:
            out.append(_at(ws, SCORE, r, "没有填写分项得分或总分", field="items", rule="ankang.score"))
        top = sum(sheet.values(), Decimal(0))
        got = score_total(r)
        if got is not None and not (0 <= got <= top):
            out.append(
                _at(
                    ws,
                    SCORE,
                    r,
                    f"总分 {got:f} 应在 0 至 {top:f} 分之间",
                    field="total" if total is not None else "items",
                    rule="ankang.score",
                    source=SCORE_SHEET,
                )
            )
    return out


# -- awards ------------------------------------------------------------------------------------
def _check_awards(ws: Workspace, all_seasons: dict[str, Season], settings: Settings) -> list[Problem]:
    out: list[Problem] = []
    awards = ws.records_of(AWARD)
    for a in awards:
        out += _award_fields(ws, a)
    known = [a for a in awards if a.get("season") in all_seasons]
    out += _repeats(ws, known, all_seasons, settings)
    accidents = ws.records_of(ACCIDENT)
    enrolment = ws.records_of(ENROLMENT)
    scored: dict[str, dict[str, tuple[Decimal, Record]]] = {}
    for a in known:
        if a.get("category") not in WINNING or not a.get("unit"):
            continue
        season = all_seasons[str(a["season"])]
        unit = str(a["unit"])
        out += _award_accidents(ws, a, season, unit, accidents, settings)
        out += _award_enrolled(ws, a, season, unit, enrolment)
        if a.get("category") == WINNING_UNIT:
            if season.id not in scored:
                scored[season.id] = scores_of(ws, season.id)
            out += _award_score(ws, a, season, unit, scored[season.id], settings)
    return out


def _award_fields(ws: Workspace, a: Record) -> list[Problem]:
    category = a.get("category")
    out = []
    if category != INDIVIDUAL and not a.get("unit"):
        out.append(_at(ws, AWARD, a, f"{category}应填获奖单位", field="unit", rule="ankang.award-fields"))
    if category == WINNING_TEAM and not a.get("team"):
        out.append(_at(ws, AWARD, a, "优胜班组应填班组名称", field="team", rule="ankang.award-fields"))
    if category == INDIVIDUAL and not (a.get("member") or a.get("person")):
        out.append(
            _at(ws, AWARD, a, "优秀个人应填会员编号或姓名", field="member", rule="ankang.award-fields")
        )
    return out


def _title_key(a: Record) -> tuple[str, str, str] | None:
    """Who holds a 优胜 title: (category, unit, team) — a team is its unit's team."""
    if a.get("category") not in WINNING or not a.get("unit"):
        return None
    team = str(a.get("team") or "") if a.get("category") == WINNING_TEAM else ""
    return (str(a["category"]), str(a["unit"]), team)


def _repeats(
    ws: Workspace, awards: list[Record], all_seasons: dict[str, Season], settings: Settings
) -> list[Problem]:
    """全国 优胜单位/班组 never twice; 省 ones not within `provincial_repeat_years` years."""
    groups: dict[tuple[str, str, str, str], list[Record]] = defaultdict(list)
    for a in awards:
        key = _title_key(a)
        if key is not None and a.get("level") in (NATIONAL, PROVINCIAL):
            groups[(str(a["level"]), *key)].append(a)
    out = []
    window = settings.provincial_repeat_years
    for (level, category, unit, team), items in groups.items():
        items.sort(key=lambda r: (all_seasons[str(r["season"])].end_year, r.key))
        holder = _org_name(ws, unit) + (f"“{team}”" if team else "")
        for i, a in enumerate(items[1:], start=1):
            year = all_seasons[str(a["season"])].end_year
            if level == NATIONAL:
                prev = items[0]
                out.append(
                    _at(
                        ws,
                        AWARD,
                        a,
                        f"{holder}已于 {prev['season']} 赛季获全国{category}（{prev.key}），全国{category}不重复授予",
                        field="level",
                        rule="ankang.national-repeat",
                        source=AWARD_RULES,
                    )
                )
                continue
            recent = [p for p in items[:i] if year - all_seasons[str(p["season"])].end_year < window]
            if recent:
                prev = recent[-1]
                out.append(
                    _at(
                        ws,
                        AWARD,
                        a,
                        f"{holder}已于 {prev['season']} 赛季获省级{category}（{prev.key}），"
                        f"{window} 年内不得重复授予",
                        field="level",
                        rule="ankang.provincial-repeat",
                        source=AWARD_RULES,
                    )
                )
    return out


def _award_accidents(
    ws: Workspace, a: Record, season: Season, unit: str, accidents: list[Record], settings: Settings
) -> list[Problem]:
    team = a.get("team") if a.get("category") == WINNING_TEAM else None
    serious = [
        x
        for x in accidents
        if x.get("unit") == unit
        and x.get("date") is not None
        and season.covers(x["date"])
        and is_serious(x, settings)
        and (team is None or not x.get("team") or x.get("team") == team)
    ]
    if not serious:
        return []
    x = serious[0]
    return [
        _at(
            ws,
            AWARD,
            a,
            f"{_org_name(ws, unit)}在{season.label}赛季内发生{x.get('severity')}{x.get('kind')}"
            f"（{x.key}，{x['date'].isoformat()}），不能评为{a.get('category')}",
            field="category",
            rule="ankang.winner-accident",
            source=ACCIDENT_BAR,
        )
    ]


def _award_enrolled(
    ws: Workspace, a: Record, season: Season, unit: str, enrolment: list[Record]
) -> list[Problem]:
    """A 优胜 unit or team took part in the season (checked once the season's enrolment is recorded)."""
    in_season = [e for e in enrolment if e.get("season") == season.id]
    if not in_season:
        return []
    mine = [e for e in in_season if e.get("unit") == unit]
    if not mine:
        return [
            _at(
                ws,
                AWARD,
                a,
                f"{_org_name(ws, unit)}未登记报名{season.label}赛季，却获{a.get('category')}",
                field="unit",
                rule="ankang.award-enrolled",
                severity=Severity.WARNING,
            )
        ]
    team = a.get("team")
    teams = {t["name"] for e in mine for t in e.get("teams") or ()}
    if a.get("category") == WINNING_TEAM and team and teams and team not in teams:
        return [
            _at(
                ws,
                AWARD,
                a,
                f"班组“{team}”不在{_org_name(ws, unit)}的参赛班组中（{'、'.join(sorted(teams))}）",
                field="team",
                rule="ankang.award-enrolled",
                severity=Severity.WARNING,
            )
        ]
    return []


def _award_score(
    ws: Workspace,
    a: Record,
    season: Season,
    unit: str,
    scores: dict[str, tuple[Decimal, Record]],
    settings: Settings,
) -> list[Problem]:
    mark = pass_mark_of(season, settings)
    if unit not in scores:
        if not scores:
            return []  # the season's scores are not recorded (e.g. history)
        return [
            _at(
                ws,
                AWARD,
                a,
                f"{_org_name(ws, unit)}获{a.get('level')}{WINNING_UNIT}，但没有{season.label}赛季的考核得分",
                field="unit",
                rule="ankang.winner-unscored",
                severity=Severity.WARNING,
                source=SCORE_SHEET,
            )
        ]
    total, rec = scores[unit]
    if total >= mark:
        return []
    return [
        _at(
            ws,
            AWARD,
            a,
            f"{_org_name(ws, unit)}考核得分 {total:f} 分（{rec.key}），低于优胜单位合格分 {mark:f} 分",
            field="category",
            rule="ankang.pass-mark",
            source=SCORE_SHEET,
        )
    ]


def _org_name(ws: Workspace, code: str) -> str:
    org = ws.organisations.get(code)
    return org.name if org is not None else code
