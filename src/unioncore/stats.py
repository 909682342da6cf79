"""The core's statistics: members, 入会率, 建会率, events, income and expense, balances.

Every figure lists the records behind it (`Figure.refs`), so that a number in a report can be
traced back (`unioncore explain`). Rates state their 口径 (what is divided by what) in `note`,
because the official formulae are not confirmed (shared/domain.md §8.6).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, TypeVar

from .accounts import CASH_ACCOUNTS, AccountClass, Chart
from .gcpause import paused_gc
from .ledger import Entry
from .member import Member, Status
from .registry import Figure, Period

if TYPE_CHECKING:
    from .workspace import Workspace

MEMBERS = "会员"
EVENTS = "活动"
FUNDS = "经费"
ORGS = "组织"

T = TypeVar("T")


def percent(part: int, whole: int) -> Decimal:
    if whole == 0:
        return Decimal(0)
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _cached(ws: Workspace, what: str, period: Period, compute: Callable[[Workspace, Period], T]) -> T:
    """`compute(ws, period)`, computed once per workspace state (`Workspace.derived`): the year-end
    report and the statistics ask for the same figures several times, and a district has 100,000
    members and 200,000 ledger entries."""
    return ws.derived(
        f"stats.{what}.{period.start}.{period.end}",
        lambda: compute(ws, period),
    )


def members_on(ws: Workspace, period: Period) -> list[tuple[Member, Status]]:
    """Members with their standing at the end of the period (joined by then), in the order of
    `ws.members`. Computed once per workspace state and period (several figure groups need it)."""
    return _cached(ws, "members_on", period, _members_on)


def _members_on(ws: Workspace, period: Period) -> list[tuple[Member, Status]]:
    members, statuses = standing(ws, period)
    return list(zip(members, statuses, strict=True))


def standing(ws: Workspace, period: Period) -> tuple[list[Member], list[Status]]:
    """`members_on` as two parallel lists (members, their standing): two objects rather than
    100,000 pairs for the garbage collector to look at. Computed once per workspace state and
    period; the lists are shared, so a caller never changes them."""
    return _cached(ws, "standing", period, _standing)


def _standing(ws: Workspace, period: Period) -> tuple[list[Member], list[Status]]:
    end = period.end
    members: list[Member] = []
    statuses: list[Status] = []
    # Member.status_on, with a shortcut for the usual history of one change (the joining): once
    # that change is past, the standing depends only on its kind (the status it leads to), so
    # status_on is asked once per kind rather than once per member
    after_one: dict[int, Status | None] = {}
    for m in ws.members.values():
        history = m.history
        if len(history) == 1 and not (m.joined and end < m.joined):
            change = history[0]
            if change.date > end:
                st: Status | None = Status.ACTIVE
            else:
                kind = id(change.kind)
                if kind in after_one:
                    st = after_one[kind]
                else:
                    st = after_one[kind] = m.status_on(end)
        else:
            st = m.status_on(end)
        if st is not None:
            members.append(m)
            statuses.append(st)
    return members, statuses


def member_figures(ws: Workspace, period: Period) -> list[Figure]:
    return list(_cached(ws, "members", period, _member_figures))


def _member_figures(ws: Workspace, period: Period) -> list[Figure]:
    # one pass over the members, each bucket keeping the members' order
    # keyed by id(): an Enum's hash is a Python-level call, too slow for 100,000 lookups
    holds = {id(st): st.is_member for st in Status}
    by_status: dict[int, list[str]] = {id(st): [] for st in Status}
    holding: list[str] = []
    by_gender: dict[str | None, list[str]] = {"女": [], "男": []}
    unknown: list[str] = []
    by_category: dict[str, list[str]] = {cid: [] for cid in ws.categories}
    joined: list[str] = []
    start, end = period.start, period.end
    for m, s in zip(*standing(ws, period), strict=True):
        ref = "member:" + m.id
        status = id(s)
        by_status[status].append(ref)
        if m.joined and start <= m.joined <= end:
            joined.append(ref)
        if not holds[status]:
            continue
        holding.append(ref)
        bucket = by_gender.get(m.gender)
        if bucket is None:
            unknown.append(ref)
        else:
            bucket.append(ref)
        if m.categories:
            seen: set[str] = set()
            for cid in m.categories:
                refs = by_category.get(cid)
                if refs is not None and cid not in seen:
                    seen.add(cid)
                    refs.append(ref)
    total = tuple(holding)
    figs = [
        Figure(
            "members.total",
            "会员总数",
            len(total),
            "人",
            MEMBERS,
            total,
            note="在职会员与保留会籍的退休会员",
        ),
    ]
    for st in Status:
        ids = tuple(by_status[id(st)])
        figs.append(
            Figure(f"members.status.{st.name.lower()}", f"{st.value}会员", len(ids), "人", MEMBERS, ids)
        )
    for gender, key in (("女", "female"), ("男", "male")):
        ids = tuple(by_gender[gender])
        figs.append(Figure(f"members.{key}", f"{gender}会员", len(ids), "人", MEMBERS, ids))
    if unknown:
        figs.append(
            Figure("members.gender_unknown", "性别未填的会员", len(unknown), "人", MEMBERS, tuple(unknown))
        )
    for cid, cat in ws.categories.items():
        ids = tuple(by_category[cid])
        figs.append(
            Figure(
                f"members.category.{cid}", f"{cat.label}会员", len(ids), "人", MEMBERS, ids, plugin=cat.plugin
            )
        )
    figs.append(Figure("members.joined", "本期新入会", len(joined), "人", MEMBERS, tuple(joined)))
    return figs


def rate_figures(ws: Workspace, period: Period) -> list[Figure]:
    return list(_cached(ws, "rates", period, _rate_figures))


def _rate_figures(ws: Workspace, period: Period) -> list[Figure]:
    figs: list[Figure] = []
    # 入会率: in-service members of grassroots unions that state their employee count, divided by
    # that count (口径: 会员数 / 已建会单位职工数).
    active_by_org: dict[str, int] = defaultdict(int)
    in_service = Status.ACTIVE
    for m, s in zip(*standing(ws, period), strict=True):
        if s is in_service:
            active_by_org[m.org] += 1
    orgs = [o for o in ws.organisations.values() if o.kind.is_grassroots and o.employees]
    employees = sum(o.employees or 0 for o in orgs)
    members = sum(active_by_org[o.code] for o in orgs)
    if employees:
        figs.append(
            Figure(
                "rates.membership",
                "职工入会率",
                percent(members, employees),
                "%",
                ORGS,
                tuple(f"organisation:{o.code}" for o in orgs),
                note=f"口径：在职会员 {members} 人 ÷ 已建会单位职工 {employees} 人（计算口径可配置）",
            )
        )
        figs.append(
            Figure(
                "orgs.employees",
                "已建会单位职工人数",
                employees,
                "人",
                ORGS,
                tuple(f"organisation:{o.code}" for o in orgs),
            )
        )
    # 建会率: units covered by federations that have a union ÷ units that should have one.
    required = [(o, e) for o in ws.organisations.values() for e in o.enterprises if e.required]
    if required:
        done = [(o, e) for o, e in required if e.unionised]
        figs.append(
            Figure(
                "rates.unionisation",
                "建会率",
                percent(len(done), len(required)),
                "%",
                ORGS,
                tuple(sorted({f"organisation:{o.code}" for o, _ in required})),
                note=f"口径：已建会单位 {len(done)} 家 ÷ 应建会单位 {len(required)} 家（计算口径可配置）",
            )
        )
    kinds: dict[str, list[str]] = defaultdict(list)
    for o in ws.organisations.values():
        kinds[o.kind.value].append(o.code)
    for kind, codes in sorted(kinds.items()):
        figs.append(
            Figure(
                f"orgs.kind.{kind}", kind, len(codes), "个", ORGS, tuple(f"organisation:{c}" for c in codes)
            )
        )
    return figs


def event_figures(ws: Workspace, period: Period) -> list[Figure]:
    return list(_cached(ws, "events", period, _event_figures))


def _event_figures(ws: Workspace, period: Period) -> list[Figure]:
    by_type: dict[str, list[str]] = defaultdict(list)
    attendance: dict[str, int] = defaultdict(int)
    for e in ws.events.values():
        if e.start in period:
            by_type[e.type].append(e.id)
            attendance[e.type] += e.attendance
    figs = []
    total = sum(len(v) for v in by_type.values())
    all_ids = tuple(f"event:{i}" for ids in by_type.values() for i in ids)
    figs.append(Figure("events.total", "活动总数", total, "次", EVENTS, all_ids))
    figs.append(
        Figure("events.attendance", "参加活动人次", sum(attendance.values()), "人次", EVENTS, all_ids)
    )
    for tid in sorted(by_type, key=lambda t: (-len(by_type[t]), t)):
        etype = ws.event_types.get(tid)
        label = etype.label if etype else tid
        refs = tuple(f"event:{i}" for i in by_type[tid])
        plugin = etype.plugin if etype else None
        figs.append(
            Figure(f"events.type.{tid}.count", f"{label}次数", len(refs), "次", EVENTS, refs, plugin=plugin)
        )
        figs.append(
            Figure(
                f"events.type.{tid}.attendance",
                f"{label}参加人次",
                attendance[tid],
                "人次",
                EVENTS,
                refs,
                plugin=plugin,
            )
        )
    return figs


def fund_figures(ws: Workspace, period: Period) -> list[Figure]:
    return list(_cached(ws, "funds", period, _fund_figures))


def _cash_effect(chart: Chart, account: str, side: str | None, cash: str | None) -> int:
    """How an entry with this account, side and cash account moves 101/102 per yuan of its amount
    (`Entry.postings`: its `account` line and its cash line, each counted when it is a cash account;
    an entry from 101 to 102 moves 0)."""
    one = Entry("", datetime.date.min, account, Decimal(1), "", side=side, cash=cash)
    return sum(int(signed) for acct, signed in one.postings(chart) if acct[:3] in CASH_ACCOUNTS)


def _touches_cash(chart: Chart, account: str, side: str | None, cash: str | None) -> bool:
    one = Entry("", datetime.date.min, account, Decimal(1), "", side=side, cash=cash)
    return any(acct[:3] in CASH_ACCOUNTS for acct, _ in one.postings(chart))


class _Account:
    """What one account collects in a pass over the entries.

    Amounts are kept in lists and summed at the end: the sums are exact (amounts have at most two
    decimals, far below the context's 28 digits), so the order of the additions does not matter.
    An amount of an ordinary entry (normal side, default cash account) that counts both for the
    period and for cash at its end is kept once, in `both`.
    """

    __slots__ = (
        "both",
        "cash_plain",
        "code",
        "counted",
        "debit_normal",
        "normal",
        "refs",
        "reversed",
        "sub_refs",
        "top",
    )

    def __init__(
        self, code: str, counted: bool, debit_normal: bool, refs: list[str], top_refs: list[str]
    ) -> None:
        self.code = code
        self.counted = counted  # an income or expense account (the others only move cash)
        self.debit_normal = debit_normal
        self.refs = refs  # the income or the expense refs
        self.top = top_refs  # the refs of its first-level account
        self.sub_refs: list[str] | None = [] if counted and code != code[:3] else None
        self.both: list[Decimal] = []  # in the period and in cash; normal side, default cash
        self.cash_plain: list[Decimal] = []  # only in cash; normal side, default cash account
        self.normal: list[Decimal] = []  # only in the period, on its normal side
        self.reversed: list[Decimal] = []  # in the period, on the other side (refunds, corrections)


def _fund_figures(ws: Workspace, period: Period) -> list[Figure]:
    """Income, expense and each income or expense account's total in the period, and cash (101
    and 102) at its end — in one pass over the entries (200,000 in a district)."""
    chart = ws.chart
    start, end = period.start, period.end
    # cash at the end of the period: opening balances of its year plus the movements of that
    # year's ledger files up to its last day
    year = end.year
    cash = Decimal(0)
    cash_orgs: set[str] = set()
    for org in ws.organisations:
        opening = ws.openings.get(f"orgs/{org}/ledger/{year}.toml")
        if opening is not None:
            cash += sum((v for k, v in opening.balances.items() if k[:3] in CASH_ACCOUNTS), Decimal(0))
            cash_orgs.add(org)
    suffix = f"/ledger/{year}.toml"
    # entries with a side or cash account of their own: (account, side, cash) -> amounts
    cash_other: dict[tuple[str, str | None, str | None], list[Decimal]] = defaultdict(list)
    income_refs: list[str] = []
    expense_refs: list[str] = []
    top_refs: dict[str, list[str]] = defaultdict(list)
    accounts: dict[str, _Account] = {}
    # Sums do not depend on the order of the entries, refs do (that of `ws.ledger()`: by date,
    # organisation and voucher, stable). So the entries are summed in file order, each counted one
    # leaving a small sortable row (org, voucher, seq, account) in its day's list; `seq` keeps the
    # sort stable and is never equal, so the rest of a row is never compared.
    by_day: dict[datetime.date, list[tuple[str, str, int, _Account]]] = {}
    seq = 0
    for rel, entries in ws.entries.items():
        cash_file = rel.endswith(suffix)
        for e in entries:
            day = e.date
            in_cash = cash_file and day <= end
            in_period = start <= day <= end
            if not (in_cash or in_period):
                continue
            acc = accounts.get(e.account)
            if acc is None:
                acc = accounts[e.account] = _account_of(chart, e.account, income_refs, expense_refs, top_refs)
            counted = in_period and acc.counted
            side = e.side
            if in_cash:
                cash_orgs.add(e.org)
                if side is not None or e.cash is not None:
                    cash_other[e.account, side, e.cash].append(e.amount)
                elif counted:
                    acc.both.append(e.amount)
                else:
                    acc.cash_plain.append(e.amount)
            if not counted:
                continue
            if not in_cash or side is not None or e.cash is not None:  # else kept in `both`
                # Entry.signed_for: on the account's normal side unless `side` says otherwise
                if side is None or (side == "借") == acc.debit_normal:
                    acc.normal.append(e.amount)
                else:
                    acc.reversed.append(e.amount)
            row = (e.org, e.voucher, seq, acc)
            seq += 1
            same_day = by_day.get(day)
            if same_day is None:
                by_day[day] = [row]
            else:
                same_day.append(row)
    for (account, side, cash_account), amounts in cash_other.items():
        if _touches_cash(chart, account, side, cash_account):
            cash += sum(amounts, Decimal(0)) * _cash_effect(chart, account, side, cash_account)

    sums: dict[str, Decimal] = {}
    income = expense = Decimal(0)
    for code, acc in accounts.items():
        both = sum(acc.both, Decimal(0))
        if acc.both or acc.cash_plain:
            if _touches_cash(chart, code, None, None):
                cash += (both + sum(acc.cash_plain, Decimal(0))) * _cash_effect(chart, code, None, None)
        if not acc.counted or not (acc.both or acc.normal or acc.reversed):
            continue
        total = both + sum(acc.normal, Decimal(0)) - sum(acc.reversed, Decimal(0))
        if acc.refs is income_refs:
            income += total
        else:
            expense += total
        top = code[:3]
        sums[top] = sums.get(top, Decimal(0)) + total
        if acc.sub_refs is not None:
            sums[code] = total

    # the refs, in the order of `ws.ledger()`
    for day in sorted(by_day):
        rows = by_day[day]
        rows.sort()
        year = day.year
        for org, voucher, _, acc in rows:
            # made in the order they are listed in, so that they lie in memory in that order
            ref = f"entry:{org}:{year}:{voucher}"
            acc.refs.append(ref)
            acc.top.append(ref)
            if acc.sub_refs is not None:
                acc.sub_refs.append(ref)
    income_tuple = tuple(income_refs)
    expense_tuple = tuple(expense_refs)
    figs = [
        Figure("funds.income", "本期收入合计", income, "元", FUNDS, income_tuple),
        Figure("funds.expense", "本期支出合计", expense, "元", FUNDS, expense_tuple),
        Figure("funds.surplus", "本期收支结余", income - expense, "元", FUNDS, income_tuple + expense_tuple),
    ]
    for code in sorted(sums):
        acc_info = chart.get(code)
        name = acc_info.name if acc_info else code
        refs = top_refs[code] if code in top_refs else accounts[code].sub_refs
        figs.append(
            Figure(f"funds.account.{code}", f"{code} {name}", sums[code], "元", FUNDS, tuple(refs or ()))
        )
    cash_refs = [f"organisation:{org}" for org in ws.organisations if org in cash_orgs]
    figs.append(
        Figure("funds.cash", "期末货币资金（库存现金与银行存款）", cash, "元", FUNDS, tuple(cash_refs))
    )
    return figs


def _account_of(
    chart: Chart,
    code: str,
    income_refs: list[str],
    expense_refs: list[str],
    top_refs: dict[str, list[str]],
) -> _Account:
    acc = chart.get(code)
    debit_normal = acc.cls.debit_normal if acc else True
    if acc is None or acc.cls not in (AccountClass.INCOME, AccountClass.EXPENSE):
        return _Account(code, False, debit_normal, [], [])
    refs = income_refs if acc.cls is AccountClass.INCOME else expense_refs
    return _Account(code, True, debit_normal, refs, top_refs[code[:3]])


def core_figures(ws: Workspace, period: Period) -> list[Figure]:
    with paused_gc():
        return (
            member_figures(ws, period)
            + rate_figures(ws, period)
            + event_figures(ws, period)
            + fund_figures(ws, period)
        )
