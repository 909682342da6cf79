"""Payments to people (慰问、福利、帮扶) read from ledger entries, and the memo notes they carry.

An entry is a payment to people when it is an expense (on its normal side) with a `purpose`, a
`festival`, or on 50404 困难职工帮扶. Its people are `member` and `recipients` (实名发放); an entry for
N people gives each `amount / N`.

Memo notes. The ledger has no field for the illness of a 住院慰问 or the relative of a 丧葬慰问, so
the plugin reads them from the memo, written as `病因：<illness>` (also 病种 / 疾病) and
`亲属：<relation>` (also 关系), with a Chinese or ASCII colon, ended by a space or punctuation:

    memo = "住院慰问 王某（病因：腰椎间盘突出）"
    memo = "丧葬慰问 李某（亲属：父亲）"

The illness is the key of "the same illness at most once a year" (安徽 2025); a 丧葬慰问 without a
亲属 note is for the death of the member.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from unioncore.member import ChangeKind, Member

from .book import HARDSHIP_ACCOUNT, book

if TYPE_CHECKING:
    from unioncore import Workspace
    from unioncore.ledger import Entry

_NOTE_END = r"[^\s，,；;。）)】\]]+"
ILLNESS_RE = re.compile(r"(?:病因|病种|疾病)\s*[:：]\s*(" + _NOTE_END + ")")
RELATION_RE = re.compile(r"(?:亲属|关系)\s*[:：]\s*(" + _NOTE_END + ")")


def memo_note(memo: str | None, pattern: re.Pattern[str]) -> str | None:
    if not memo:
        return None
    m = pattern.search(memo)
    return m.group(1) if m else None


@attrs.frozen
class Payment:
    entry: Entry
    purpose: str | None  # None: a festival entry without purpose, or account-only hardship aid
    people: tuple[str, ...]

    @property
    def share(self) -> Decimal:
        """What each person got."""
        if not self.people:
            return self.entry.amount
        return self.entry.amount / len(self.people)

    @property
    def is_festival(self) -> bool:
        return self.purpose == "节日慰问" or (self.purpose is None and self.entry.festival is not None)

    @property
    def is_hardship(self) -> bool:
        return self.purpose == "困难帮扶" or self.entry.account.startswith(HARDSHIP_ACCOUNT)

    @property
    def kind(self) -> str:
        """The purpose, or what the entry implies when none is written."""
        if self.purpose:
            return self.purpose
        return "节日慰问" if self.is_festival else "困难帮扶"


def payments(ws: Workspace, year: int | None = None) -> Iterator[Payment]:
    """Every payment to people in the workspace (or one year), in date order (found once per
    workspace state: the rules, the figures and the report each ask)."""
    every = ws.derived(
        "policy.payments",
        lambda: [Payment(e, e.purpose, e.people) for e in book(ws).payments],
        ws.entries,
        ws.chart.accounts,
    )
    for p in every:
        if year is None or p.entry.date.year == year:
            yield p


def org_on(member: Member, day: datetime.date) -> str | None:
    """The union a member belonged to on a day, from the transfers in the history (一次入会、动态接转)."""
    org: str | None = member.org
    for ch in sorted(member.history, key=lambda c: c.date, reverse=True):
        if ch.date <= day:
            break
        if ch.kind is ChangeKind.TRANSFER and ch.from_org:
            org = ch.from_org
        elif ch.kind is ChangeKind.TRANSFER_IN:
            org = None  # came from a union outside the workspace
    return org


def who(ws: Workspace, member_id: str) -> str:
    m = ws.members.get(member_id)
    return f"{member_id} {m.name}" if m else member_id


def names(ws: Workspace, ids: list[str], limit: int = 3) -> str:
    shown = "、".join(who(ws, i) for i in ids[:limit])
    return shown + (f" 等{len(ids)}人" if len(ids) > limit else "")


def yuan(amount: Decimal) -> str:
    return f"{amount.quantize(Decimal('0.01')):,.2f}"
