"""Figures of the policy plugin: 慰问 and welfare spending by purpose, festival spending per member,
budget execution, and 拨缴经费 expected against received. Money is Decimal; every figure lists the
entries (and records) behind it."""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from unioncore import Figure, Period

from .allocation import PAYROLL, allocation_rows
from .budget import BudgetRow, budget_rows
from .payments import payments

if TYPE_CHECKING:
    from unioncore import Workspace

    from .settings import PolicySettings

GROUP = "经费"
PURPOSE_KEYS = {
    "节日慰问": "festival",
    "生日慰问": "birthday",
    "婚育慰问": "wedding_childbirth",
    "住院慰问": "hospital",
    "丧葬慰问": "funeral",
    "退休纪念": "retirement",
    "困难帮扶": "hardship",
    "送温暖": "warmth",
    "送清凉": "summer",
    "金秋助学": "school_aid",
    "奖励": "reward",
    "其他": "other",
}


def percent(part: Decimal, whole: Decimal) -> Decimal:
    if whole <= 0:
        return Decimal(0)
    return (part * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def welfare_by_purpose(ws: Workspace, period: Period) -> dict[str, tuple[Decimal, list[str], set[str]]]:
    """Per purpose: (amount, entry refs, people)."""
    out: dict[str, tuple[Decimal, list[str], set[str]]] = {}
    for p in payments(ws):
        if p.entry.date not in period:
            continue
        amount, refs, people = out.get(p.kind, (Decimal(0), [], set()))
        refs.append(f"entry:{p.entry.ref}")
        people.update(p.people)
        out[p.kind] = (amount + p.entry.amount, refs, people)
    return out


def festival_by_member(ws: Workspace, period: Period) -> dict[str, tuple[Decimal, list[str]]]:
    """Festival gifts per member over the period: (amount, entry refs); N recipients share equally."""
    out: dict[str, tuple[Decimal, list[str]]] = {}
    for p in payments(ws):
        if not p.is_festival or p.entry.date not in period:
            continue
        for mid in p.people:
            amount, refs = out.get(mid, (Decimal(0), []))
            refs.append(f"entry:{p.entry.ref}")
            out[mid] = (amount + p.share, refs)
    return out


def policy_figures(ws: Workspace, period: Period, settings: PolicySettings) -> list[Figure]:
    """The plugin's figures for the period (computed once per workspace state, period and settings:
    the statistics and the report section both ask)."""
    seen: dict[tuple[Period, str], list[Figure]] = ws.derived(
        "policy.figures",
        dict,
        ws.entries,
        ws.budgets,
        ws.organisations,
        ws.chart.accounts,
        ws.records.get(PAYROLL) or {},
    )
    key = (period, repr(settings))
    if key not in seen:
        seen[key] = _policy_figures(ws, period, settings)
    return list(seen[key])


def _policy_figures(ws: Workspace, period: Period, settings: PolicySettings) -> list[Figure]:
    figs: list[Figure] = []
    by_purpose = welfare_by_purpose(ws, period)
    all_refs: list[str] = []
    total = Decimal(0)
    for purpose, key in PURPOSE_KEYS.items():
        if purpose not in by_purpose:
            continue
        amount, refs, people = by_purpose[purpose]
        total += amount
        all_refs += refs
        figs.append(Figure(f"policy.welfare.{key}", f"{purpose}支出", amount, "元", GROUP, tuple(refs)))
        figs.append(
            Figure(
                f"policy.welfare.{key}.people",
                f"{purpose}惠及会员",
                len(people),
                "人",
                GROUP,
                tuple(f"member:{m}" for m in sorted(people)),
            )
        )
    figs.append(
        Figure("policy.welfare.total", "慰问、福利、帮扶支出合计", total, "元", GROUP, tuple(all_refs))
    )

    per_member = festival_by_member(ws, period)
    if per_member:
        fest_refs = sorted({r for _, refs in per_member.values() for r in refs})
        fest_total = sum((a for a, _ in per_member.values()), Decimal(0))
        figs.append(
            Figure(
                "policy.festival.per_member",
                "人均节日慰问",
                (fest_total / len(per_member)).quantize(Decimal("0.01"), ROUND_HALF_UP),
                "元",
                GROUP,
                tuple(fest_refs),
                note="节日慰问支出 ÷ 领取人数（一笔发给N人的，每人按 1/N 计）",
            )
        )
        top = max(per_member, key=lambda m: (per_member[m][0], m))
        amount, refs = per_member[top]
        cap = settings.cap("festival_year")
        figs.append(
            Figure(
                "policy.festival.max_member",
                "个人节日慰问最高",
                amount.quantize(Decimal("0.01"), ROUND_HALF_UP),
                "元",
                GROUP,
                (f"member:{top}", *refs),
                note=f"每人每年标准 {cap:,.2f} 元" if cap is not None else "未设每人每年标准",
            )
        )

    year = period.end.year
    by_org: dict[str, list[BudgetRow]] = defaultdict(list)
    for r in budget_rows(ws, year, until=period.end):
        by_org[r.org].append(r)
    # top rows only: a line under another budgeted account of the same union is counted there
    for org, mine in by_org.items():
        accounts = {r.account for r in mine}
        by_org[org] = [
            r for r in mine if not any(r.account[:n] in accounts for n in range(3, len(r.account)))
        ]
    rows = [r for mine in by_org.values() for r in mine]
    if rows:
        budget = sum((r.available for r in rows), Decimal(0))
        spent = sum((r.spent for r in rows), Decimal(0))
        brefs = tuple(sorted({f"organisation:{r.org}" for r in rows} | {x for r in rows for x in r.refs}))
        figs.append(Figure("policy.budget.total", "支出预算（含调整）", budget, "元", GROUP, brefs))
        figs.append(Figure("policy.budget.spent", "预算科目支出", spent, "元", GROUP, brefs))
        if budget > 0:
            figs.append(
                Figure(
                    "policy.budget.execution",
                    "预算执行率",
                    percent(spent, budget),
                    "%",
                    GROUP,
                    brefs,
                    note="口径：支出 ÷ 支出预算（含截至期末的调整）",
                )
            )
        for org, mine in sorted(by_org.items()):
            b = sum((r.available for r in mine), Decimal(0))
            s = sum((r.spent for r in mine), Decimal(0))
            if b > 0:
                figs.append(
                    Figure(
                        f"policy.budget.{org}.execution",
                        f"{ws.organisations[org].name if org in ws.organisations else org}预算执行率",
                        percent(s, b),
                        "%",
                        GROUP,
                        (f"organisation:{org}", *sorted({x for r in mine for x in r.refs})),
                    )
                )

    alloc = allocation_rows(ws, settings, year, as_of=min(period.end, ws.as_of))
    if alloc:
        prefs = tuple(x for a in alloc for x in a.payroll_refs)
        erefs = tuple(x for a in alloc for x in a.entry_refs)
        figs.append(
            Figure(
                "policy.allocation.expected",
                "应拨缴经费（工资总额2%）",
                sum((a.expected_year for a in alloc), Decimal(0)),
                "元",
                GROUP,
                prefs,
            )
        )
        figs.append(
            Figure(
                "policy.allocation.received",
                "实收拨缴经费（含上解部分）",
                sum((a.received for a in alloc), Decimal(0)),
                "元",
                GROUP,
                erefs,
            )
        )
        owing = [a for a in alloc if a.arrears > 0]
        figs.append(
            Figure(
                "policy.allocation.arrears",
                "欠缴拨缴经费",
                sum((a.arrears for a in owing), Decimal(0)),
                "元",
                GROUP,
                tuple(x for a in owing for x in (*a.payroll_refs, *a.entry_refs)),
                note="截至期末已到期月份的应拨数减实收数",
            )
        )
        for a in owing:
            figs.append(
                Figure(
                    f"policy.allocation.{a.org}.arrears",
                    f"{'、'.join(a.employers)}欠缴拨缴经费",
                    a.arrears,
                    "元",
                    GROUP,
                    (*a.payroll_refs, *a.entry_refs),
                )
            )
    return figs
