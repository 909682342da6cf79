"""Budget control (预算): no spending without a budget line or above it, and few adjustments.

The budget of an account covers its sub-accounts: a line on 501 covers spending on 50105, a line on
50105 covers a workspace's own 5010501. An entry is checked against every budgeted account that is a
prefix of its own account, with the lines plus the adjustments dated on or before the entry
(皖工发〔2025〕18号 p.15-16: 无预算、超预算不得支出; 预算调整原则上一年一次. 《工会法》 Art 45: budgets).
Refunds (an expense entry on its reverse side) lower the spending; closing entries are not spending.
"""

from __future__ import annotations

import bisect
import datetime
from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from unioncore import layout

from .book import book
from .closing import is_closing
from .rules import entry_problem, file_problem

if TYPE_CHECKING:
    from unioncore import Problem, Workspace
    from unioncore.ledger import Budget, Entry

    from .settings import PolicySettings


@attrs.frozen
class BudgetRow:
    """Budget against actual for one budgeted account of one organisation's year."""

    org: str
    year: int
    account: str
    name: str
    budget: Decimal  # the lines
    adjusted: Decimal  # the adjustments (up to the date asked for)
    spent: Decimal
    refs: tuple[str, ...] = ()

    @property
    def available(self) -> Decimal:
        return self.budget + self.adjusted

    @property
    def remaining(self) -> Decimal:
        return self.available - self.spent

    @property
    def rate(self) -> Decimal | None:
        """执行率 in percent, one decimal; None when nothing is budgeted."""
        if self.available <= 0:
            return None
        return (self.spent * 100 / self.available).quantize(Decimal("0.1"))


def spending(ws: Workspace, org: str | None = None, year: int | None = None) -> list[Entry]:
    """Expense entries that count as spending (closing entries left out), in date order."""
    if org is None:
        return [e for e, _ in book(ws).spending if year is None or e.date.year == year]
    return [
        e
        for e in ws.ledger(org=org, year=year)
        if e.is_expense(ws.chart) and not is_closing(e) and e.account[:1] == "5"
    ]


def budget_accounts(budget: Budget) -> list[str]:
    return sorted({ln.account for ln in budget.lines} | {a.account for a in budget.adjustments})


def available(budget: Budget, account: str, day: datetime.date | None = None) -> tuple[Decimal, Decimal]:
    """(lines, adjustments up to `day`) of an account including its sub-accounts."""
    lines = sum((ln.amount for ln in budget.lines if ln.account.startswith(account)), Decimal(0))
    adj = sum(
        (
            a.amount
            for a in budget.adjustments
            if a.account.startswith(account) and (day is None or a.date <= day)
        ),
        Decimal(0),
    )
    return lines, adj


ZERO = Decimal(0)


class _Limits:
    """`available()` of one budgeted account, for many days: its lines summed once, and its
    adjustments in date order with running totals."""

    def __init__(self, budget: Budget, account: str) -> None:
        self.lines = available(budget, account)[0]
        mine = sorted((a for a in budget.adjustments if a.account.startswith(account)), key=lambda a: a.date)
        self.dates = [a.date for a in mine]
        self.totals: list[Decimal] = []
        total = ZERO
        for a in mine:
            total += a.amount
            self.totals.append(total)

    def on(self, day: datetime.date) -> tuple[Decimal, Decimal]:
        """(lines, adjustments up to `day`), as `available(budget, account, day)`."""
        if not self.dates:
            return self.lines, ZERO
        n = bisect.bisect_right(self.dates, day)
        return self.lines, self.totals[n - 1] if n else ZERO


def budget_rows(
    ws: Workspace, year: int, org: str | None = None, until: datetime.date | None = None
) -> list[BudgetRow]:
    """Budget against actual per budgeted account, and per account spent without a budget line."""
    by_org: dict[str, list[tuple[Entry, Decimal]]] = defaultdict(list)
    if org is None:  # the ledger read once (book.py), with each entry's signed amount
        for e, signed in book(ws).spending:
            if e.date.year == year and (until is None or e.date <= until):
                by_org[e.org].append((e, signed))
    else:
        for e in spending(ws, org=org, year=year):
            if until is None or e.date <= until:
                by_org[e.org].append((e, e.signed_for(ws.chart)))
    codes = {b.org for b in ws.budgets.values() if b.year == year and (org is None or b.org == org)}
    rows: list[BudgetRow] = []
    for code in sorted(codes | set(by_org)):
        budget = ws.budget(code, year)
        entries = by_org.get(code, [])
        accounts = budget_accounts(budget)
        # the entries of each account, with their place in `entries`
        by_account: dict[str, list[tuple[int, Entry, Decimal]]] = defaultdict(list)
        for i, (e, signed) in enumerate(entries):
            by_account[e.account].append((i, e, signed))
        unbudgeted = sorted(a for a in by_account if not any(a.startswith(b) for b in accounts))
        for acct in accounts + unbudgeted:
            lines, adj = available(budget, acct, until)
            # the entries on the account and its sub-accounts, in their order
            mine = [x for a, xs in by_account.items() if a.startswith(acct) for x in xs]
            mine.sort(key=lambda x: x[0])
            acc = ws.chart.get(acct)
            rows.append(
                BudgetRow(
                    code,
                    year,
                    acct,
                    acc.name if acc else acct,
                    lines,
                    adj,
                    sum((signed for _, _, signed in mine), Decimal(0)),
                    tuple(f"entry:{e.ref}" for _, e, _ in mine),
                )
            )
    return rows


def check_budget(ws: Workspace, settings: PolicySettings) -> list[Problem]:
    problems: list[Problem] = []
    by_org_year: dict[tuple[str, int], list[tuple[Entry, Decimal]]] = defaultdict(list)
    for e, signed in book(ws).spending:
        by_org_year[(e.org, e.date.year)].append((e, signed))
    for (org, year), entries in sorted(by_org_year.items()):
        rel = layout.budget_file(org, year)
        if rel not in ws.budgets:
            first = entries[0][0]
            problems.append(
                entry_problem(
                    ws,
                    "policy.budget-missing",
                    first.ref,
                    f"{year}年没有编制预算（{rel}），本年 {len(entries)} 笔支出均无预算",
                    "account",
                )
            )
            continue
        budget = ws.budget(org, year)
        accounts = budget_accounts(budget)
        covering_of: dict[str, list[tuple[str, _Limits]]] = {}  # entry account -> budgeted ones
        limits_of: dict[str, _Limits] = {}
        spent: dict[str, Decimal] = defaultdict(Decimal)
        over: dict[str, bool] = defaultdict(bool)
        missing_reported: set[str] = set()
        for e, signed in entries:
            covering = covering_of.get(e.account)
            if covering is None:
                covering = covering_of[e.account] = [
                    (a, limits_of.get(a) or limits_of.setdefault(a, _Limits(budget, a)))
                    for a in accounts
                    if e.account.startswith(a)
                ]
            if not covering:
                if e.account not in missing_reported:
                    missing_reported.add(e.account)
                    acc = ws.chart.get(e.account)
                    label = acc.label if acc else e.account
                    problems.append(
                        entry_problem(
                            ws,
                            "policy.budget-missing",
                            e.ref,
                            f"{label} 没有预算，不能支出（先在 {rel} 中列预算或调整预算）",
                            "account",
                        )
                    )
                continue
            for a, limits in covering:
                spent[a] += signed
                lines, adj = limits.on(e.date)
                limit = lines + adj
                if spent[a] > limit:
                    if not over[a]:
                        acc = ws.chart.get(a)
                        label = acc.label if acc else a
                        problems.append(
                            entry_problem(
                                ws,
                                "policy.budget-exceeded",
                                e.ref,
                                f"截至 {e.date.isoformat()}，{label} 累计支出 {spent[a]:,.2f} 元，"
                                f"超过预算 {limit:,.2f} 元（含调整 {adj:,.2f} 元），超支 {spent[a] - limit:,.2f} 元",
                                "amount",
                            )
                        )
                    over[a] = True
                else:
                    over[a] = False
    for rel, budget in sorted(ws.budgets.items()):
        dates = sorted({a.date for a in budget.adjustments})
        allowed = settings.budget_adjustments_per_year
        for n, day in enumerate(dates, start=1):
            if n <= allowed:
                continue
            index = next(i for i, a in enumerate(budget.adjustments) if a.date == day)
            problems.append(
                file_problem(
                    ws,
                    "policy.budget-adjustments",
                    rel,
                    f"{budget.year}年第{n}次预算调整（{day.isoformat()}）：预算调整原则上每年{allowed}次，"
                    "且须履行与预算编制相同的审批程序",
                    line_path(ws, rel, "adjustment", index, "date"),
                )
            )
    return problems


def line_path(
    ws: Workspace, rel: str, table: str, index: int, field: str = "account"
) -> tuple[str | int, ...]:
    """Key path of the index-th decoded budget line or adjustment. The core skips tables that
    failed to decode, so count the raw tables that carry an account and an amount."""
    sf = ws.files.get(rel)
    raw = (sf.data or {}).get(table) if sf is not None else None
    if isinstance(raw, list):
        seen = -1
        for i, item in enumerate(raw):
            if isinstance(item, dict) and item.get("account") and ("amount" in item or "amount_fen" in item):
                seen += 1
                if seen == index:
                    return (table, i, field)
    return (table, index, field)
