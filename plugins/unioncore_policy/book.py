"""The ledger read once per workspace state, sorted into what the rules and figures ask for.

A district's ledger has 200,000 entries and several rules, figures and report sentences of this
plugin walk it: the account class, sign and closing test of each entry are worked out here in one
pass (kept until the workspace changes: `Workspace.derived`) instead of once per rule.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from unioncore.accounts import AccountClass
from unioncore.ledger import DEFAULT_CASH

from .closing import FUND_ACCOUNTS

if TYPE_CHECKING:
    from unioncore import Workspace
    from unioncore.ledger import Entry

HARDSHIP_ACCOUNT = "50404"
OWN_SHARE = "402"
UPWARD = "211"
WELFARE_ACCOUNTS = ("50105", "50404", "50405", "50205")  # welfare.py: payments to people


@attrs.frozen
class Book:
    """Entries in date order (`ws.ledger()`), each with its signed amount (`Entry.signed_for`);
    closing entries (`is_closing`) are left out of every list."""

    # income and expense entries
    nominal: list[tuple[Entry, Decimal]]
    # expense entries on 5xx: spending against the budget
    spending: list[tuple[Entry, Decimal]]
    # expense entries on their normal side with a purpose, a festival or on 50404: payments to people
    payments: list[Entry]
    # income entries on their normal side
    income: list[Entry]
    # 402 entries and 211 credits: 拨缴经费 received
    receipts: list[tuple[Entry, Decimal]]
    # entries (closing ones too) on a welfare account without a purpose or festival
    unpurposed: list[Entry]


def _read(ws: Workspace) -> Book:
    accounts = ws.chart.accounts
    debit_normal_of = {cls: cls.debit_normal for cls in AccountClass}
    expense, income = AccountClass.EXPENSE, AccountClass.INCOME
    book = Book([], [], [], [], [], [])
    for e in ws.ledger():
        account = e.account
        no_purpose = e.purpose is None and e.festival is None
        if no_purpose and account.startswith(WELFARE_ACCOUNTS):
            book.unpurposed.append(e)
        # is_closing(e), inline
        cash = e.cash or DEFAULT_CASH
        if (cash[:3] in FUND_ACCOUNTS and account[:1] in "45") or (
            account[:3] in FUND_ACCOUNTS and cash[:1] in "45"
        ):
            continue
        acc = accounts.get(account)
        cls = acc.cls if acc is not None else None
        # Entry.signed_for, without looking the account up again
        debit_normal = debit_normal_of[cls] if cls is not None else True
        signed = e.amount if e.side is None or (e.side == "借") == debit_normal else -e.amount
        if cls is expense or cls is income:
            pair = (e, signed)
            book.nominal.append(pair)
        if cls is expense:
            if account[:1] == "5":
                book.spending.append(pair)
            if signed >= 0 and (not no_purpose or account.startswith(HARDSHIP_ACCOUNT)):
                book.payments.append(e)
        elif cls is income and signed >= 0:
            book.income.append(e)
        if account.startswith(OWN_SHARE) or (account.startswith(UPWARD) and signed > 0):
            book.receipts.append((e, signed))
    return book


def book(ws: Workspace) -> Book:
    """The workspace's ledger sorted for the rules, read once per workspace state (shared: do not
    change its lists)."""
    return ws.derived("policy.book", lambda: _read(ws), ws.entries, ws.chart.accounts)
