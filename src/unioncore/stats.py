"""The core's statistics: members, 入会率, 建会率, events, income and expense, balances.

Every figure lists the records behind it (`Figure.refs`), so that a number in a report can be
traced back (`unioncore explain`). Rates state their 口径 (what is divided by what) in `note`,
because the official formulae are not confirmed (shared/domain.md §8.6).
"""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from .accounts import AccountClass
from .member import Member, Status
from .registry import Figure, Period

if TYPE_CHECKING:
    from .workspace import Workspace

MEMBERS = "会员"
EVENTS = "活动"
FUNDS = "经费"
ORGS = "组织"


def percent(part: int, whole: int) -> Decimal:
    if whole == 0:
        return Decimal(0)
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def members_on(ws: Workspace, period: Period) -> list[tuple[Member, Status]]:
    """Members with their standing at the end of the period (joined by then).

    Computed once per workspace state and day: several figure groups need it, and a district has
    100,000 members. The cache is keyed by the members mapping's identity and size and is dropped
    when the workspace changes a member (the mapping's values are replaced, so its size and the
    `changes` counter below tell).
    """
    key = (id(ws.members), len(ws.members), ws.change_count, period.end)
    cached = _MEMBERS_ON.get(id(ws))
    if cached is not None and cached[0] == key:
        return cached[1]
    out = []
    for m in ws.members.values():
        st = m.status_on(period.end)
        if st is not None:
            out.append((m, st))
    _MEMBERS_ON[id(ws)] = (key, out)
    return out


_MEMBERS_ON: dict[int, tuple[tuple[int, int, int, object], list[tuple[Member, Status]]]] = {}


def member_figures(ws: Workspace, period: Period) -> list[Figure]:
    rows = members_on(ws, period)
    holding = [(m, s) for m, s in rows if s.is_member]
    figs = [
        Figure(
            "members.total",
            "会员总数",
            len(holding),
            "人",
            MEMBERS,
            tuple(f"member:{m.id}" for m, _ in holding),
            note="在职会员与保留会籍的退休会员",
        ),
    ]
    for st in Status:
        ids = tuple(f"member:{m.id}" for m, s in rows if s is st)
        figs.append(
            Figure(f"members.status.{st.name.lower()}", f"{st.value}会员", len(ids), "人", MEMBERS, ids)
        )
    for gender, key in (("女", "female"), ("男", "male")):
        ids = tuple(f"member:{m.id}" for m, _ in holding if m.gender == gender)
        figs.append(Figure(f"members.{key}", f"{gender}会员", len(ids), "人", MEMBERS, ids))
    unknown = tuple(f"member:{m.id}" for m, _ in holding if m.gender not in ("男", "女"))
    if unknown:
        figs.append(Figure("members.gender_unknown", "性别未填的会员", len(unknown), "人", MEMBERS, unknown))
    for cid, cat in ws.categories.items():
        ids = tuple(f"member:{m.id}" for m, _ in holding if cid in m.categories)
        figs.append(
            Figure(
                f"members.category.{cid}", f"{cat.label}会员", len(ids), "人", MEMBERS, ids, plugin=cat.plugin
            )
        )
    joined = tuple(f"member:{m.id}" for m, _ in rows if m.joined and m.joined in period)
    figs.append(Figure("members.joined", "本期新入会", len(joined), "人", MEMBERS, joined))
    return figs


def rate_figures(ws: Workspace, period: Period) -> list[Figure]:
    figs: list[Figure] = []
    # 入会率: in-service members of grassroots unions that state their employee count, divided by
    # that count (口径: 会员数 / 已建会单位职工数).
    active_by_org: dict[str, int] = defaultdict(int)
    for m, s in members_on(ws, period):
        if s is Status.ACTIVE:
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
    chart = ws.chart
    sums: dict[str, Decimal] = defaultdict(Decimal)
    refs: dict[str, list[str]] = defaultdict(list)
    income = expense = Decimal(0)
    income_refs: list[str] = []
    expense_refs: list[str] = []
    # cash at the end of the period, in the same pass: opening balances plus movements to that day
    year = period.end.year
    cash = Decimal(0)
    cash_orgs: set[str] = set()
    for org in ws.organisations:
        opening = ws.openings.get(f"orgs/{org}/ledger/{year}.toml")
        if opening is not None:
            cash += sum((v for k, v in opening.balances.items() if k[:3] in ("101", "102")), Decimal(0))
            cash_orgs.add(org)
    for rel, entries in ws.entries.items():
        if not rel.endswith(f"/ledger/{year}.toml"):
            continue
        for e in entries:
            if e.date > period.end:
                continue
            cash_orgs.add(e.org)
            for acct, amount in e.postings(chart):
                if acct[:3] in ("101", "102"):
                    cash += amount
    for e in ws.ledger(period=period):
        acc = chart.get(e.account)
        if acc is None:
            continue
        signed = e.amount if e.side is None else e.signed_for(chart)
        top = e.account[:3]
        ref = f"entry:{e.org}:{e.date.year}:{e.voucher}"
        if acc.cls is AccountClass.INCOME:
            income += signed
            income_refs.append(ref)
        elif acc.cls is AccountClass.EXPENSE:
            expense += signed
            expense_refs.append(ref)
        else:
            continue
        sums[top] += signed
        refs[top].append(ref)
        if e.account != top:
            sums[e.account] += signed
            refs[e.account].append(ref)
    figs = [
        Figure("funds.income", "本期收入合计", income, "元", FUNDS, tuple(income_refs)),
        Figure("funds.expense", "本期支出合计", expense, "元", FUNDS, tuple(expense_refs)),
        Figure(
            "funds.surplus", "本期收支结余", income - expense, "元", FUNDS, tuple(income_refs + expense_refs)
        ),
    ]
    for code in sorted(sums):
        acc = chart.get(code)
        name = acc.name if acc else code
        figs.append(
            Figure(f"funds.account.{code}", f"{code} {name}", sums[code], "元", FUNDS, tuple(refs[code]))
        )
    cash_refs = [f"organisation:{org}" for org in ws.organisations if org in cash_orgs]
    figs.append(
        Figure("funds.cash", "期末货币资金（库存现金与银行存款）", cash, "元", FUNDS, tuple(cash_refs))
    )
    return figs


def core_figures(ws: Workspace, period: Period) -> list[Figure]:
    return (
        member_figures(ws, period)
        + rate_figures(ws, period)
        + event_figures(ws, period)
        + fund_figures(ws, period)
    )
