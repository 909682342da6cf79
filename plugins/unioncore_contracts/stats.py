"""Figures of the contracts plugin (group 集体合同); the 口径 are explained in coverage.py.

Rates are percentages with one decimal (half up), like the core's 入会率; the report rounds them to
whole percent.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from unioncore import Figure, Period, Workspace
from unioncore.records import Record

from . import coverage
from .records import GROUP, INDUSTRY, KINDS, REGIONAL, SCOPES, WAGE, WOMEN, contracts
from .settings import settings_only


def percent(part: int, whole: int) -> Decimal:
    if whole == 0:
        return Decimal(0)
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _refs(recs: Iterable[Record]) -> tuple[str, ...]:
    return tuple(r.ref for r in recs)


def _fig(
    key: str, label: str, value: int | Decimal, unit: str, refs: tuple[str, ...], note: str = ""
) -> Figure:
    return Figure(f"contracts.{key}", label, value, unit, GROUP, refs, note)


def figures(ws: Workspace, period: Period) -> list[Figure]:
    settings = settings_only(ws)
    pool = coverage.units(ws)
    recs = coverage.counted(ws, period)
    refs = _refs(recs)

    def ents(group: list[Record]) -> int:
        return sum(coverage.enterprises(r) or 0 for r in group)

    def emps(group: list[Record]) -> int:
        return sum(coverage.employees(ws, r, pool) or 0 for r in group)

    figs = [
        _fig(
            "total",
            "集体合同",
            len(recs),
            "份",
            refs,
            "期内有效（已签订且期限与本期相交），续订链只计最新一份",
        )
    ]
    for scope, slug in SCOPES.items():
        group = [r for r in recs if r["scope"] == scope]
        figs.append(_fig(f"scope.{slug}", f"{scope}集体合同", len(group), "份", _refs(group)))
    for kind, slug in KINDS.items():
        group = [r for r in recs if r["kind"] == kind]
        figs += [
            _fig(f"kind.{slug}", f"{kind}集体合同", len(group), "份", _refs(group)),
            _fig(f"kind.{slug}.enterprises", f"{kind}合同覆盖企业", ents(group), "家次", _refs(group)),
            _fig(f"kind.{slug}.employees", f"{kind}合同覆盖职工", emps(group), "人次", _refs(group)),
        ]
    women = [r for r in recs if r["kind"] == WOMEN]
    figs.append(
        _fig(
            "kind.women.female_employees",
            "女职工专项合同覆盖女职工",
            sum(r.get("female_employees") or 0 for r in women),
            "人次",
            _refs(women),
        )
    )
    signed = [r for r in contracts(ws) if r["signed"] in period]
    renewed = [r for r in signed if r.get("renews")]
    wage_signed = [r for r in signed if r["kind"] == WAGE]
    figs += [
        _fig("signed", "本期签订集体合同", len(signed), "份", _refs(signed)),
        _fig("renewed", "其中续订", len(renewed), "份", _refs(renewed)),
        _fig("signed.wage", "本期签订工资专项集体合同", len(wage_signed), "份", _refs(wage_signed)),
    ]
    all_ents, all_emps = ents(recs), emps(recs)
    regional = [r for r in recs if r["scope"] in (REGIONAL, INDUSTRY)]
    rrefs = _refs(regional)
    r_ents, r_emps = ents(regional), emps(regional)
    note = "各合同覆盖数之和，一家企业签有多份合同时重复计算"
    figs += [
        _fig("enterprises", "集体合同覆盖企业", all_ents, "家次", refs, note),
        _fig("employees", "集体合同覆盖职工", all_emps, "人次", refs, note),
        _fig("regional", "区域性行业性集体合同", len(regional), "份", rrefs),
        _fig(
            "regional.share",
            "区域性行业性合同份数占比",
            percent(len(regional), len(recs)),
            "%",
            rrefs,
            "占全部集体合同份数",
        ),
        _fig("regional.enterprises", "区域性行业性合同覆盖企业", r_ents, "家次", rrefs),
        _fig("regional.employees", "区域性行业性合同覆盖职工", r_emps, "人次", rrefs),
        _fig(
            "regional.enterprise_share",
            "区域性行业性合同覆盖企业占比",
            percent(r_ents, all_ents),
            "%",
            rrefs,
            "占全部集体合同覆盖企业（家次）",
        ),
        _fig(
            "regional.employee_share",
            "区域性行业性合同覆盖职工占比",
            percent(r_emps, all_emps),
            "%",
            rrefs,
            "占全部集体合同覆盖职工（人次）",
        ),
    ]
    base_ents, base_emps = coverage.denominators(ws, settings, pool)
    base_refs = tuple(dict.fromkeys(u.ref for u in pool))
    hit = coverage.covered_units(ws, recs, pool)
    hit_refs = tuple(dict.fromkeys(ref for _, rs in hit.values() for ref in sorted(rs)))
    hit_emps = sum(u.employees for u, _ in hit.values())
    base_note = (
        "设置 enterprises_total / employees_total"
        if settings.enterprises_total
        else "上级工会单位名录与未列入名录的基层工会"
    )
    figs += [
        _fig("base.enterprises", "辖区单位", base_ents, "家", base_refs, base_note),
        _fig("base.employees", "辖区单位职工", base_emps, "人", base_refs, base_note),
        _fig("covered.enterprises", "集体合同覆盖辖区单位", len(hit), "家", hit_refs, "每家单位只计一次"),
        _fig("covered.employees", "集体合同覆盖辖区单位职工", hit_emps, "人", hit_refs, "每家单位只计一次"),
        _fig(
            "coverage.enterprises",
            "集体合同单位覆盖率",
            percent(len(hit), base_ents),
            "%",
            hit_refs,
            "覆盖辖区单位 ÷ 辖区单位",
        ),
        _fig(
            "coverage.employees",
            "集体合同职工覆盖率",
            percent(hit_emps, base_emps),
            "%",
            hit_refs,
            "覆盖辖区单位职工 ÷ 辖区单位职工",
        ),
    ]
    return figs
