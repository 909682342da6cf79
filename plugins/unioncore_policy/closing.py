"""Year-end close (年终结账): income and expense accounts are closed to 321 工会资金结转 (专项, i.e.
entries with a `project`) or 322 工会资金结余 (the rest), and show no balance afterwards
(《工会会计制度》, shared/domain.md §3.4).

How a closing entry is written. The ledger's entries are `account` against `cash`; a closing entry
puts the income or expense account in `account`, the fund account (321/322) in `cash`, and reverses
the account's normal side, dated 12-31:

    [[entry]]
    voucher = "结-001"
    date = 2026-12-31
    account = "401"          # 会费收入 (a credit-normal account) …
    side = "借"              # … debited by its balance
    amount = "21360.00"
    cash = "322"             # … and 工会资金结余 credited
    memo = "年终结账：结转401会费收入"

An entry is a closing entry when one side is 321/322 and the other an income or expense account.
`closing_entries()` computes the entries still needed for an organisation's year (none once it is
closed); `close_year()` adds them to the workspace (save with `ws.save()`).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from unioncore import layout
from unioncore.accounts import AccountClass
from unioncore.ledger import DEFAULT_CASH

from .rules import entry_problem, file_problem

if TYPE_CHECKING:
    from unioncore import Problem, Workspace
    from unioncore.ledger import Entry

    from .settings import PolicySettings

FUND_ACCOUNTS = ("321", "322")
RINGFENCED = "321"  # 工会资金结转: 专项 (project) money
GENERAL = "322"  # 工会资金结余
CLOSING_PREFIX = "结"


def is_closing(entry: Entry) -> bool:
    """A year-end closing entry: 321/322 against an income (4xx) or expense (5xx) account."""
    a, c = entry.account, entry.cash_account
    return (c[:3] in FUND_ACCOUNTS and a[:1] in "45") or (a[:3] in FUND_ACCOUNTS and c[:1] in "45")


def _nominal(ws: Workspace, code: str) -> AccountClass | None:
    acc = ws.chart.get(code) or ws.chart.get(code[:3])
    if acc is None or acc.cls not in (AccountClass.INCOME, AccountClass.EXPENSE):
        return None
    return acc.cls


def nominal_balances(
    ws: Workspace, org: str, year: int, entries: Iterable[Entry] | None = None
) -> dict[tuple[str, str | None], Decimal]:
    """Balances of income and expense accounts by (account, project), in the account's normal
    direction (income credit +, expense debit +), over the whole year (closing entries included).
    `entries` are the organisation's entries of the year when the caller has them at hand."""
    out: dict[tuple[str, str | None], Decimal] = defaultdict(Decimal)
    # of each code, looked up once: None when it is not an income or expense account, else
    # whether the account grows on the debit side
    nominal: dict[str, bool | None] = {}

    def debit_normal_of(code: str) -> bool | None:
        if code not in nominal:
            cls = _nominal(ws, code)
            nominal[code] = None if cls is None else cls.debit_normal
        return nominal[code]

    for code, amount in ws.opening(org, year).balances.items():
        if debit_normal_of(code) is not None:
            out[(code, None)] += amount
    # Entry.postings, with each account's normal side looked up once
    debit_normal: dict[str, bool] = {}
    for e in ws.ledger(org=org, year=year) if entries is None else entries:
        code, cash = e.account, e.cash or DEFAULT_CASH
        acc_nominal, cash_nominal = debit_normal_of(code), debit_normal_of(cash)
        if acc_nominal is None and cash_nominal is None:
            continue  # neither line is on an income or expense account
        normal = debit_normal.get(code)
        if normal is None:
            acc = ws.chart.get(code)
            normal = debit_normal[code] = acc.cls.debit_normal if acc else True
        debit = e.side == "借" if e.side is not None else normal
        signed = e.amount if debit else -e.amount
        if acc_nominal is not None:
            out[(code, e.project)] += signed if acc_nominal else -signed
        if cash_nominal is not None:
            out[(cash, e.project)] += -signed if cash_nominal else signed
    return {k: v for k, v in out.items() if v != 0}


def closing_entries(
    ws: Workspace, org: str, year: int, *, day: datetime.date | None = None
) -> list[dict[str, Any]]:
    """The closing entries still needed for `org`'s `year`, as values for `Workspace.add_entry`."""
    day = day or datetime.date(year, 12, 31)
    used = {e.voucher for e in ws.ledger(org=org, year=year)}
    out: list[dict[str, Any]] = []
    n = 0
    for (code, project), balance in sorted(
        nominal_balances(ws, org, year).items(), key=lambda kv: (kv[0][0], kv[0][1] or "")
    ):
        cls = _nominal(ws, code)
        assert cls is not None
        # reverse the balance: a positive balance is taken off the account's normal side
        side: str | None = None
        if balance > 0:
            side = "借" if cls is AccountClass.INCOME else "贷"
        n += 1
        voucher = f"{CLOSING_PREFIX}-{n:03d}"
        while voucher in used:
            n += 1
            voucher = f"{CLOSING_PREFIX}-{n:03d}"
        used.add(voucher)
        acc = ws.chart.get(code)
        name = acc.name if acc else ""
        out.append(
            {
                "voucher": voucher,
                "date": day,
                "account": code,
                "amount": abs(balance),
                "side": side,
                "cash": RINGFENCED if project else GENERAL,
                "memo": f"年终结账：结转{code}{name}",
                "project": project,
            }
        )
    return out


def close_year(ws: Workspace, org: str, year: int, *, day: datetime.date | None = None) -> list[Entry]:
    """Add the closing entries of `org`'s `year` to the workspace (not saved)."""
    return [ws.add_entry(org, **values) for values in closing_entries(ws, org, year, day=day)]


def check_close(ws: Workspace, settings: PolicySettings) -> list[Problem]:
    """After closing entries, no income or expense balance; a year long over should be closed."""
    problems: list[Problem] = []
    for rel, entries in ws.entries.items():
        parts = rel.split("/")
        if len(parts) != 4 or parts[0] != layout.ORGS or not parts[3][:4].isdigit():
            continue
        org, year = parts[1], int(parts[3][:4])
        year_end = datetime.date(year, 12, 31)
        closings = [e for e in entries if is_closing(e)]
        for e in closings:
            if e.date != year_end:
                problems.append(
                    entry_problem(
                        ws,
                        "policy.close-date",
                        e.ref,
                        f"结账分录记在 {e.date.isoformat()}，应记在 {year_end.isoformat()}",
                        "date",
                    )
                )
        overdue = ws.as_of > year_end + datetime.timedelta(days=settings.close_due_days)
        if not closings and not overdue:
            continue  # a year not closed yet and not due to be: its balances are not looked at
        left = nominal_balances(ws, org, year, entries)
        if closings:
            last = max(closings, key=lambda e: (e.date, e.voucher))
            for (code, project), balance in sorted(left.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
                acc = ws.chart.get(code)
                label = f"{code} {acc.name}" if acc else code
                extra = f"（项目：{project}）" if project else ""
                problems.append(
                    entry_problem(
                        ws,
                        "policy.closed-balance",
                        last.ref,
                        f"结账后 {label}{extra} 仍有余额 {balance:,.2f} 元：收入、支出科目应全部结转到 321/322",
                        "account",
                    )
                )
        elif left and overdue:
            problems.append(
                file_problem(
                    ws,
                    "policy.year-end-close",
                    rel,
                    f"{year}年已结束 {(ws.as_of - year_end).days} 天，账上收入、支出科目尚未结转到 321/322（年终结账）",
                )
            )
    return problems
