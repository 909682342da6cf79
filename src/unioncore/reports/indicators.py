"""Indicators of the 统计年报 that the core's own figures do not give, computed from the records.

Keys start with `stat.`; every figure lists the records behind it. Sources of the indicator list:
the published tables of 工会统计 (shared/domain.md §8.5) and the 基层工会调查表 (§8.3).

- 工会组织数 by kind (the core's `orgs.kind.*`) and 基层工会 by 单位性质 (`stat.orgs.sector.*`)
- 女职工委员会数: organisations with a committee of kind 女职工委员会 (条例 Art 11, §6.2)
- 建立经费审查组织数: organisations with a 经费审查委员会 (工会法 Art 45, §1.15)
- 联合工会涵盖单位数: the units a 联合工会 lists as `[[enterprise]]`; when it lists none, the units of
  its federations' lists whose 所建工会 is that 联合工会 (each unit once)
- 建立职代会制度的单位数 and 职代会职工代表人数 (#女性): from `staff_congress` events of the period,
  the latest congress of each organisation (so that two sessions do not count the delegates twice)
- 职工人数 (#女职工), 建会率 and 入会率 with their numerators and denominators (settings, §8.6 [U])
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import attrs

from ..member import Status
from ..organisation import CommitteeKind, Enterprise, Organisation, OrgKind
from ..registry import Figure, Period
from ..stats import MEMBERS, ORGS, percent, standing
from ..workspace import Workspace
from . import settings
from .model import Ratio

DEMOCRACY = "民主管理"
STAFF_CONGRESS = "staff_congress"


def _org_refs(orgs: Iterable[Organisation]) -> tuple[str, ...]:
    return tuple(f"organisation:{o.code}" for o in orgs)


def _orgs_with_committee(ws: Workspace, kind: CommitteeKind, period: Period) -> list[Organisation]:
    return [
        o
        for o in ws.organisations.values()
        if any(c.kind is kind and c.term_start <= period.end for c in o.committees)
    ]


def _unit_key(e: Enterprise) -> str:
    return e.uscc or e.name


def covered_units(ws: Workspace) -> dict[str, tuple[Organisation, Enterprise]]:
    """Every unit any organisation lists (`[[enterprise]]`), once each (by 信用代码, else name).

    A unit a 联合工会 lists is covered by that 联合工会 even when its 所建工会 is not filled in; a
    unit listed twice counts as unionised when either listing says so.
    """
    units: dict[str, tuple[Organisation, Enterprise]] = {}
    for o in ws.organisations.values():
        for e in o.enterprises:
            if e.union is None and o.kind is OrgKind.JOINT:
                e = attrs.evolve(e, union=o.code)
            key = _unit_key(e)
            if key not in units or (units[key][1].union is None and e.union is not None):
                units[key] = (o, e)
    return units


def organisation_figures(ws: Workspace, period: Period) -> list[Figure]:
    orgs = list(ws.organisations.values())
    grassroots = [o for o in orgs if o.kind.is_grassroots]
    figs = [
        Figure("stat.orgs.total", "工会组织总数", len(orgs), "个", ORGS, _org_refs(orgs)),
        Figure("stat.orgs.grassroots", "基层工会组织数", len(grassroots), "个", ORGS, _org_refs(grassroots)),
    ]
    by_sector: dict[str, list[Organisation]] = defaultdict(list)
    for o in grassroots:
        by_sector[o.sector or "未填单位性质"].append(o)
    for sector in sorted(by_sector):
        figs.append(
            Figure(
                f"stat.orgs.sector.{sector}",
                f"基层工会（{sector}）",
                len(by_sector[sector]),
                "个",
                ORGS,
                _org_refs(by_sector[sector]),
            )
        )
    women = _orgs_with_committee(ws, CommitteeKind.WOMEN, period)
    audit = _orgs_with_committee(ws, CommitteeKind.AUDIT, period)
    figs.append(Figure("stat.committees.women", "女职工委员会数", len(women), "个", ORGS, _org_refs(women)))
    figs.append(
        Figure(
            "stat.committees.audit", "建立经费审查委员会的工会数", len(audit), "个", ORGS, _org_refs(audit)
        )
    )
    # 联合工会: the units each one covers
    joint = [o for o in orgs if o.kind is OrgKind.JOINT]
    if joint:
        # the units each organisation lists, by the union they name (in organisation order): one
        # pass over the lists rather than one per 联合工会
        listed_by_union: dict[str, list[tuple[str, Enterprise]]] = defaultdict(list)
        for o in orgs:
            for e in o.enterprises:
                if e.union is not None:
                    listed_by_union[e.union].append((o.code, e))
        units: dict[str, str] = {}
        for j in joint:
            own = {_unit_key(e): j.code for e in j.enterprises}
            if not own:
                own = {_unit_key(e): j.code for code, e in listed_by_union.get(j.code, ()) if code != j.code}
            for k, code in own.items():
                units.setdefault(k, code)
        refs = tuple(sorted({f"organisation:{c}" for c in units.values()}))
        figs.append(
            Figure(
                "stat.joint.units",
                "联合工会涵盖单位数",
                len(units),
                "个",
                ORGS,
                refs,
                note="联合工会自己登记的单位；未登记时按上级工会单位名录中“所建工会”为该联合工会的单位计",
            )
        )
        joint_codes = {j.code for j in joint}
        jm = tuple(
            "member:" + m.id
            for m, s in zip(*standing(ws, period), strict=True)
            if m.org in joint_codes and s.is_member
        )
        figs.append(Figure("stat.joint.members", "联合工会会员数", len(jm), "人", MEMBERS, jm))
    return figs


def workforce_figures(ws: Workspace, period: Period) -> tuple[list[Figure], dict[str, Ratio]]:
    """职工人数, 建会率 and 入会率, with the ratios a roll-up needs to recompute the rates."""
    figs: list[Figure] = []
    ratios: dict[str, Ratio] = {}
    grassroots = [o for o in ws.organisations.values() if o.kind.is_grassroots and o.employees]
    employees = sum(o.employees or 0 for o in grassroots)
    if grassroots:
        figs.append(
            Figure(
                "stat.employees",
                "已建会单位职工人数",
                employees,
                "人",
                ORGS,
                _org_refs(grassroots),
                note="基层工会登记的职工人数之和",
            )
        )
    with_female = [o for o in grassroots if o.female_employees is not None]
    if with_female:
        figs.append(
            Figure(
                "stat.employees.female",
                "其中女职工",
                sum(o.female_employees or 0 for o in with_female),
                "人",
                ORGS,
                _org_refs(with_female),
            )
        )
    # 建会率 = 已建会单位 ÷ 应建会单位 (units listed as required, with at least the set headcount)
    threshold = settings.min_employees(ws)
    units = covered_units(ws)
    required = [
        (o, e) for o, e in units.values() if e.required and (e.employees is None or e.employees >= threshold)
    ]
    if required:
        done = [(o, e) for o, e in required if e.unionised]
        refs = tuple(sorted({f"organisation:{o.code}" for o, _ in required}))
        done_refs = tuple(sorted({f"organisation:{e.union}" for _, e in done}))
        rule = f"，职工{threshold}人以上" if threshold else ""
        figs.append(Figure("stat.units.required", "应建会单位数", len(required), "个", ORGS, refs))
        figs.append(Figure("stat.units.unionised", "已建会单位数", len(done), "个", ORGS, done_refs or refs))
        figs.append(
            Figure(
                "stat.rate.unionisation",
                "建会率",
                percent(len(done), len(required)),
                "%",
                ORGS,
                refs,
                note=f"口径：已建会单位 {len(done)} 家 ÷ 应建会单位 {len(required)} 家（单位名录中应建会{rule}的单位；计算口径可配置）",
            )
        )
        ratios["stat.rate.unionisation"] = Ratio(len(done), len(required))
    # 入会率 = 在职会员 ÷ 职工 (setting membership_rate_base says which 职工)
    if grassroots:
        codes = {o.code for o in grassroots}
        in_service = Status.ACTIVE
        active = [
            "member:" + m.id
            for m, s in zip(*standing(ws, period), strict=True)
            if s is in_service and m.org in codes
        ]
        base = settings.rate_base(ws)
        denominator = employees
        extra_refs: tuple[str, ...] = ()
        if base == "all":
            outside = [(o, e) for o, e in units.values() if e.required and not e.unionised and e.employees]
            denominator += sum(e.employees or 0 for _, e in outside)
            extra_refs = tuple(sorted({f"organisation:{o.code}" for o, _ in outside}))
        figs.append(
            Figure(
                "stat.rate.membership",
                "职工入会率",
                percent(len(active), denominator),
                "%",
                MEMBERS,
                _org_refs(grassroots) + extra_refs + tuple(active),
                note=f"口径：在职会员 {len(active)} 人 ÷ {settings.RATE_BASES[base]} {denominator} 人（计算口径可配置）",
            )
        )
        ratios["stat.rate.membership"] = Ratio(len(active), denominator)
    return figs, ratios


def congress_figures(ws: Workspace, period: Period) -> list[Figure]:
    """职代会: units that held one in the period, and the delegates of each unit's latest one."""
    events = ws.events_of(type=STAFF_CONGRESS, period=period)
    if not events:
        return []
    latest = {}
    for e in events:  # sorted by date: the last one of each organisation wins
        latest[e.org] = e
    refs = tuple(f"event:{e.id}" for e in events)
    figs = [Figure("stat.congress.units", "建立职代会制度的单位数", len(latest), "个", DEMOCRACY, refs)]
    delegates = female = 0
    members = ws.members
    with_delegates: list[str] = []
    with_female: list[str] = []
    for e in latest.values():
        n = e.fields.get("delegates")
        if n is None:
            n = e.attendance
        if n:
            delegates += n
            with_delegates.append(f"event:{e.id}")
        fn = e.fields.get("female_delegates")
        if fn is None:
            fn = sum(1 for p in e.participants if (m := members.get(p)) is not None and m.gender == "女")
        if fn:
            female += fn
            with_female.append(f"event:{e.id}")
    note = "每个单位取统计期内最近一次职代会；未填代表人数的按参加人数计"
    figs.append(
        Figure(
            "stat.congress.delegates",
            "职代会职工代表人数",
            delegates,
            "人",
            DEMOCRACY,
            tuple(with_delegates),
            note=note,
        )
    )
    figs.append(
        Figure(
            "stat.congress.female_delegates",
            "其中女职工代表",
            female,
            "人",
            DEMOCRACY,
            tuple(with_female),
            note="未填女职工代表人数的按参加会员中的女会员计",
        )
    )
    return figs


def indicator_figures(ws: Workspace, period: Period) -> tuple[list[Figure], dict[str, Ratio]]:
    workforce, ratios = workforce_figures(ws, period)
    return organisation_figures(ws, period) + workforce + congress_figures(ws, period), ratios
