"""The 经费 part of the year-end 工作总结: income, expense, the main items, the budget and 拨缴经费.

Sentences carry the figures; a figure no record supports (zero) is not printed. Closing entries
(年终结账) are left out, so the totals are the same before and after the year is closed.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING

from unioncore import Figure, Period, ReportSection

from .book import book
from .stats import GROUP, PURPOSE_KEYS, policy_figures

if TYPE_CHECKING:
    from unioncore import Workspace

    from .settings import PolicySettings


def _money(fig: Figure) -> str:
    return fig.formatted()


def income_expense(ws: Workspace, period: Period) -> tuple[list[Figure], list[Figure]]:
    """Income and expense by first-level account over the period, totals first."""
    sums: dict[str, Decimal] = defaultdict(Decimal)
    refs: dict[str, list[str]] = defaultdict(list)
    for e, signed in book(ws).nominal:  # income and expense entries, closing ones left out
        if e.date not in period:
            continue
        top = e.account[:3]
        sums[top] += signed
        refs[top].append(f"entry:{e.ref}")
    out: tuple[list[Figure], list[Figure]] = ([], [])
    for kind, digit, label in (("income", "4", "经费收入"), ("expense", "5", "经费支出")):
        codes = sorted(c for c in sums if c.startswith(digit) and sums[c] != 0)
        figs = out[0] if digit == "4" else out[1]
        total = sum((sums[c] for c in codes), Decimal(0))
        figs.append(
            Figure(
                f"policy.{kind}.total", label, total, "元", GROUP, tuple(r for c in codes for r in refs[c])
            )
        )
        for c in sorted(codes, key=lambda c: -sums[c]):
            acc = ws.chart.get(c)
            figs.append(
                Figure(f"policy.{kind}.{c}", acc.name if acc else c, sums[c], "元", GROUP, tuple(refs[c]))
            )
    return out


def funds_section(ws: Workspace, period: Period, settings: PolicySettings) -> list[ReportSection]:
    income, expense = income_expense(ws, period)
    figs = {f.key: f for f in policy_figures(ws, period, settings)}
    used: list[Figure] = []
    paragraphs: list[str] = []

    sentence = []
    if income[0].value:
        parts = "、".join(f"{f.label}{_money(f)}" for f in income[1:])
        sentence.append(f"全年经费收入{_money(income[0])}" + (f"，其中{parts}" if parts else ""))
        used += income
    if expense[0].value:
        parts = "、".join(f"{f.label}{_money(f)}" for f in expense[1:])
        sentence.append(f"经费支出{_money(expense[0])}" + (f"，其中{parts}" if parts else ""))
        used += expense
    if sentence:
        paragraphs.append("；".join(sentence) + "。")

    items = []
    for purpose, key in PURPOSE_KEYS.items():
        fig = figs.get(f"policy.welfare.{key}")
        if fig is None or not fig.value:
            continue
        people = figs.get(f"policy.welfare.{key}.people")
        text = f"{purpose}{_money(fig)}"
        if people is not None and people.value:
            text += f"（{people.formatted()}）"
            used.append(people)
        items.append(text)
        used.append(fig)
    per = figs.get("policy.festival.per_member")
    text = f"慰问、帮扶支出主要用于：{'、'.join(items)}" if items else ""
    if per is not None and per.value:
        text += ("；" if text else "") + f"人均节日慰问{_money(per)}"
        used.append(per)
    if text:
        paragraphs.append(text + "。")

    execution = figs.get("policy.budget.execution")
    if execution is not None and execution.value:
        b, s = figs["policy.budget.total"], figs["policy.budget.spent"]
        paragraphs.append(
            f"支出预算{_money(b)}（含调整），预算科目支出{_money(s)}，预算执行率{execution.formatted()}。"
        )
        used += [b, s, execution]

    expected = figs.get("policy.allocation.expected")
    received = figs.get("policy.allocation.received")
    if expected is not None and received is not None and (expected.value or received.value):
        text = f"按职工工资总额2%全年应拨缴经费{_money(expected)}，截至期末实收{_money(received)}"
        used += [expected, received]
        arrears = figs.get("policy.allocation.arrears")
        if arrears is not None and arrears.value:
            text += f"，欠缴{_money(arrears)}"
            used.append(arrears)
        paragraphs.append(text + "。")
    if not paragraphs:
        return []
    return [ReportSection("经费收支", tuple(paragraphs), tuple(used), order=60)]
