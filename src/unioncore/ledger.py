"""Funds (经费): ledger entries on the chart of accounts, budgets and opening balances.

Each entry is one balanced two-line transaction: `account` against a cash account (`cash`, default
102 银行存款). `amount` is always positive; the side of `account` defaults to its normal side
(expenses and assets debit, income and liabilities credit) and `side = "借"/"贷"` reverses it,
e.g. paying the upward share out of 211 应付上级经费 is `account = "211", side = "借"`.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import attrs

from .accounts import AccountClass, Chart
from .schema import Field, Kind

SIDES = ("借", "贷")
# what a payment to people is for (基层工会经费收支管理办法: 慰问 and welfare items; 帮扶)
PURPOSES = (
    "节日慰问",
    "生日慰问",
    "婚育慰问",
    "住院慰问",
    "丧葬慰问",
    "退休纪念",
    "困难帮扶",
    "送温暖",
    "送清凉",
    "金秋助学",
    "奖励",
    "其他",
)
FESTIVALS = ("元旦", "春节", "清明", "劳动节", "端午", "中秋", "国庆", "三八", "重阳", "其他")
METHODS = ("实物", "现金", "购物卡", "提货券", "蛋糕券", "转账")

ENTRY_FIELDS = (
    Field("voucher", label="凭证号", required=True),
    Field("date", Kind.DATE, label="日期", required=True),
    Field("account", label="科目", required=True),
    Field("amount", Kind.MONEY, label="金额", required=True),
    Field("side", label="方向", choices=SIDES, help="不填按科目的正常方向"),
    Field("cash", label="对方科目", help="默认 102 银行存款"),
    Field("memo", label="摘要"),
    Field("member", label="会员", ref="member", help="慰问等发给个人时填"),
    Field("event", label="活动", ref="event"),
    Field("project", label="项目", help="项目支出的项目名称；不填为基本支出"),
    Field("purpose", label="用途", choices=PURPOSES, help="发给个人的慰问、福利、帮扶的类别"),
    Field("festival", label="节日", choices=FESTIVALS),
    Field("method", label="发放方式", choices=METHODS),
    Field("recipients", Kind.STR_LIST, label="领取人", ref="member", help="实名发放的会员编号"),
    Field("approver", label="审批人"),
    Field("signed", Kind.BOOL, label="已实名签收"),
)

BUDGET_LINE_FIELDS = (
    Field("account", label="科目", required=True),
    Field("amount", Kind.MONEY, label="预算金额", required=True),
    Field("note", label="说明"),
)

BUDGET_ADJUSTMENT_FIELDS = (
    Field("date", Kind.DATE, label="调整日期", required=True),
    Field("account", label="科目", required=True),
    Field("amount", Kind.MONEY, label="调整金额", required=True, help="增加为正，减少为负"),
    Field("reason", label="原因"),
)

DEFAULT_CASH = "102"


@attrs.frozen
class Entry:
    voucher: str
    date: datetime.date
    account: str
    amount: Decimal
    org: str
    side: str | None = None
    cash: str | None = None
    memo: str | None = None
    member: str | None = None
    event: str | None = None
    project: str | None = None
    purpose: str | None = None
    festival: str | None = None
    method: str | None = None
    recipients: tuple[str, ...] = ()
    approver: str | None = None
    signed: bool | None = None

    @property
    def people(self) -> tuple[str, ...]:
        """Every member the money went to: `member` and `recipients`."""
        return ((self.member,) if self.member else ()) + tuple(r for r in self.recipients if r != self.member)

    @property
    def ref(self) -> str:
        """Workspace-wide reference: organisation, year and voucher."""
        return f"{self.org}:{self.date.year}:{self.voucher}"

    @property
    def cash_account(self) -> str:
        return self.cash or DEFAULT_CASH

    def postings(self, chart: Chart) -> list[tuple[str, Decimal]]:
        """The two lines as (account, signed amount): debit positive, credit negative."""
        acc = chart.get(self.account)
        debit_normal = acc.cls.debit_normal if acc else True
        if self.side is not None:
            debit = self.side == "借"
        else:
            debit = debit_normal
        a = self.amount if debit else -self.amount
        return [(self.account, a), (self.cash_account, -a)]

    def signed_for(self, chart: Chart) -> Decimal:
        """Effect on `account` in its normal direction (income +, expense +, reversal −)."""
        acc = chart.get(self.account)
        debit_normal = acc.cls.debit_normal if acc else True
        normal = self.side is None or (self.side == "借") == debit_normal
        return self.amount if normal else -self.amount

    def is_income(self, chart: Chart) -> bool:
        acc = chart.get(self.account)
        return acc is not None and acc.cls is AccountClass.INCOME

    def is_expense(self, chart: Chart) -> bool:
        acc = chart.get(self.account)
        return acc is not None and acc.cls is AccountClass.EXPENSE

    @classmethod
    def from_values(cls, values: dict[str, Any], org: str) -> Entry:
        return cls(
            voucher=values["voucher"],
            date=values["date"],
            account=values["account"],
            amount=values["amount"],
            org=org,
            side=values.get("side"),
            cash=values.get("cash"),
            memo=values.get("memo"),
            member=values.get("member"),
            event=values.get("event"),
            project=values.get("project"),
            purpose=values.get("purpose"),
            festival=values.get("festival"),
            method=values.get("method"),
            recipients=tuple(values.get("recipients") or ()),
            approver=values.get("approver"),
            signed=values.get("signed"),
        )

    def values(self) -> dict[str, Any]:
        out = {f.name: getattr(self, f.name) for f in ENTRY_FIELDS}
        out["recipients"] = list(self.recipients)
        return out


@attrs.frozen
class BudgetLine:
    account: str
    amount: Decimal
    note: str | None = None


@attrs.frozen
class BudgetAdjustment:
    date: datetime.date
    account: str
    amount: Decimal
    reason: str | None = None


@attrs.frozen
class Budget:
    """A year's budget of one organisation (预算) with its adjustments."""

    org: str
    year: int
    lines: tuple[BudgetLine, ...] = ()
    adjustments: tuple[BudgetAdjustment, ...] = ()

    def amount_for(self, account: str) -> Decimal:
        """Budget of an account including its sub-accounts and all adjustments."""
        total = sum((ln.amount for ln in self.lines if ln.account.startswith(account)), Decimal(0))
        total += sum((a.amount for a in self.adjustments if a.account.startswith(account)), Decimal(0))
        return total


@attrs.frozen
class Opening:
    """Opening balances of one organisation's year, by account (期初余额)."""

    org: str
    year: int
    balances: dict[str, Decimal] = attrs.field(factory=dict, eq=False)
