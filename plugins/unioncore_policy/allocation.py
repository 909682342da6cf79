"""拨缴经费 (allocated funds): 2% of the monthly payroll (《工会法》 Art 43), expected against received,
and the share remitted upward booked to 211 应付上级经费 at the configured ratio.

Payroll. The ledger does not know the employer's payroll, so the plugin keeps it as records of its
own collection `payroll` (`plugins/policy/payroll/<year>.toml`), one per union, year and stretch of
months with the same monthly payroll (a raise in July is a second record from month 7):

    [[payroll]]
    id = "XF-01-2026"
    org = "XF-01"                # the union the employer pays (a 联合工会: one record per employer)
    employer = "华信电子科技有限公司"
    year = 2026
    monthly = "414546.00"        # 每月全部职工工资总额
    from_month = 1               # default 1
    to_month = 12                # default 12

Expected. Each month's 2% falls due at the end of its period (`allocation_schedule`: month,
quarter — the default — or year) plus `allocation_grace_days` (default 30); both are [U] settings.
Expected as of a day = 2% × monthly payroll × the months already due.

Received. Per union and year (the ledger does not name the payer): the gross allocation is this
level's share booked to 402 拨缴经费收入 plus the upward share credited to 211 (domain §3.3: Dr 银行存款
gross, Cr 402 own share, Cr 211 upward share). Arrears (expected due − received) beyond
`allocation_tolerance` are a warning on the payroll record (工会法 Art 44: the union may seek a
payment order).

Split. Every 402 receipt needs a 211 credit on the same day (± `split_days`) of
402 × (1 − r) / r, r = `retain_ratio` (default 0.6, [U]: the 60/40 split is unconfirmed; a superior
union's own ratio goes in `retain_ratios`), within `split_tolerance` yuan. r = 1 switches it off.
"""

from __future__ import annotations

import calendar
import datetime
from collections import defaultdict
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

import attrs

from unioncore import Collection, Field, Kind
from unioncore.records import Record

from .book import OWN_SHARE, UPWARD, book
from .closing import is_closing
from .payments import yuan
from .rules import entry_problem, record_problem

if TYPE_CHECKING:
    from unioncore import Problem, Workspace
    from unioncore.ledger import Entry

    from .settings import PolicySettings

PAYROLL = "payroll"
CENT = Decimal("0.01")


def _payroll_file(values: Any) -> str:
    year = values.get("year") if hasattr(values, "get") else None
    return f"payroll/{year}.toml" if year else "payroll.toml"


PAYROLL_COLLECTION = Collection(
    PAYROLL,
    "工资总额（拨缴经费基数）",
    (
        Field("id", label="编号", required=True),
        Field("org", label="工会", required=True, ref="organisation"),
        Field("year", Kind.INT, label="年度", required=True, minimum=1949, maximum=2200),
        Field("monthly", Kind.MONEY, label="月工资总额", required=True, help="每月全部职工工资总额"),
        Field("from_month", Kind.INT, label="起始月份", minimum=1, maximum=12, help="默认1月"),
        Field("to_month", Kind.INT, label="截止月份", minimum=1, maximum=12, help="默认12月"),
        Field("employer", label="单位名称"),
        Field("note", label="备注"),
    ),
    default_file=_payroll_file,
)


def months_of(rec: Record) -> range:
    return range(int(rec.get("from_month") or 1), int(rec.get("to_month") or 12) + 1)


def due_date(year: int, month: int, settings: PolicySettings) -> datetime.date:
    """When the allocation for a month is due: end of its month, quarter or year, plus the grace."""
    if settings.allocation_schedule == "month":
        last = month
    elif settings.allocation_schedule == "quarter":
        last = (month - 1) // 3 * 3 + 3
    else:
        last = 12
    end = datetime.date(year, last, calendar.monthrange(year, last)[1])
    return end + datetime.timedelta(days=settings.allocation_grace_days)


@attrs.frozen
class AllocationRow:
    """Expected against received for one union's year."""

    org: str
    year: int
    employers: tuple[str, ...]
    expected_year: Decimal  # 2% of the payroll of every month of the records
    expected_due: Decimal  # of the months already due on `as_of`
    months_due: int
    received: Decimal
    as_of: datetime.date
    payroll_refs: tuple[str, ...]
    entry_refs: tuple[str, ...]

    @property
    def arrears(self) -> Decimal:
        return max(self.expected_due - self.received, Decimal(0))


def receipts(
    ws: Workspace,
    org: str,
    year: int,
    until: datetime.date | None = None,
    entries: Iterable[Entry] | None = None,
) -> list[Entry]:
    """Allocation receipts: 402 entries (own share, refunds negative) and 211 credits (upward share).
    `entries` are the organisation's entries of the year when the caller has them at hand."""
    out = []
    for e in ws.ledger(org=org, year=year) if entries is None else entries:
        if until is not None and e.date > until:
            continue
        if is_closing(e):
            continue
        if e.account.startswith(OWN_SHARE) or (e.account.startswith(UPWARD) and e.signed_for(ws.chart) > 0):
            out.append(e)
    return out


def allocation_rows(
    ws: Workspace, settings: PolicySettings, year: int, as_of: datetime.date | None = None
) -> list[AllocationRow]:
    as_of = as_of or ws.as_of
    by_org: dict[str, list[Record]] = defaultdict(list)
    for rec in ws.records_of(PAYROLL):
        if rec.get("year") == year and rec.get("monthly") is not None and rec.get("org"):
            by_org[str(rec["org"])].append(rec)
    rows = []
    rate = settings.allocation_rate
    # each union's receipts of the year (receipts() over the ledger read once)
    got_by_org: dict[str, list[tuple[Entry, Decimal]]] = defaultdict(list)
    if by_org:
        for e, signed in book(ws).receipts:
            if e.org in by_org and e.date.year == year and e.date <= as_of:
                got_by_org[e.org].append((e, signed))
    for org, recs in sorted(by_org.items()):
        expected_year = expected_due = Decimal(0)
        months_due = 0
        for rec in recs:
            monthly: Decimal = rec["monthly"]
            for m in months_of(rec):
                expected_year += rate * monthly
                if due_date(year, m, settings) <= as_of:
                    expected_due += rate * monthly
                    months_due += 1
        got = got_by_org.get(org, [])
        default = ws.organisations[org].name if org in ws.organisations else org
        rows.append(
            AllocationRow(
                org,
                year,
                tuple(dict.fromkeys(str(r.get("employer") or default) for r in recs)),
                expected_year.quantize(CENT, ROUND_HALF_UP),
                expected_due.quantize(CENT, ROUND_HALF_UP),
                months_due,
                sum((signed for _, signed in got), Decimal(0)),
                as_of,
                tuple(f"{PAYROLL}:{r.key}" for r in recs),
                tuple(f"entry:{e.ref}" for e, _ in got),
            )
        )
    return rows


def check_allocation(ws: Workspace, settings: PolicySettings) -> list[Problem]:
    problems: list[Problem] = []
    for rec in ws.records_of(PAYROLL):
        if (rec.get("from_month") or 1) > (rec.get("to_month") or 12):
            problems.append(
                record_problem(
                    ws,
                    "policy.payroll",
                    PAYROLL,
                    rec.key,
                    "起始月份晚于截止月份",
                    "from_month",
                )
            )
    years = sorted({int(r["year"]) for r in ws.records_of(PAYROLL) if r.get("year")})
    for year in years:
        if datetime.date(year, 1, 1) > ws.as_of:
            continue
        for row in allocation_rows(ws, settings, year):
            if row.arrears > settings.allocation_tolerance:
                first = row.payroll_refs[0].split(":", 1)[1]
                problems.append(
                    record_problem(
                        ws,
                        "policy.allocation-arrears",
                        PAYROLL,
                        first,
                        f"{row.org} {year}年拨缴经费：截至 {row.as_of.isoformat()} 已到期 {row.months_due} 个月，"
                        f"按工资总额 {settings.allocation_rate * 100:g}% 应拨 {yuan(row.expected_due)} 元，"
                        f"实收 {yuan(row.received)} 元，欠缴 {yuan(row.arrears)} 元",
                        "monthly",
                    )
                )
    problems += check_split(ws, settings)
    return problems


def check_split(ws: Workspace, settings: PolicySettings) -> list[Problem]:
    """Each 402 receipt has its upward share credited to 211 at the configured ratio."""
    problems: list[Problem] = []
    # per union, its 211 credits and 402 receipts (closing entries left out), in date order
    by_org: dict[str, tuple[list[Entry], list[Entry]]] = {}
    for e, signed in book(ws).receipts:
        mine = by_org.get(e.org)
        if mine is None:
            mine = by_org[e.org] = ([], [])
        if signed > 0:
            if e.account.startswith(UPWARD):
                mine[0].append(e)
            elif e.account.startswith(OWN_SHARE):
                mine[1].append(e)
    for org_code, (upward, own) in sorted(by_org.items()):
        org = ws.organisations.get(org_code)
        ratio = settings.ratio_for(org.parent if org else None)
        if ratio >= 1 or ratio <= 0:
            continue
        used: set[str] = set()
        upward_refs = [(u, u.ref) for u in upward]
        for e in own:
            want = (e.amount * (1 - ratio) / ratio).quantize(CENT, ROUND_HALF_UP)
            near = [
                u
                for u, ref in upward_refs
                if ref not in used and abs((u.date - e.date).days) <= settings.split_days
            ]
            pct = f"{ratio * 100:g}%"
            if not near:
                problems.append(
                    entry_problem(
                        ws,
                        "policy.allocation-split",
                        e.ref,
                        f"收到拨缴经费 {yuan(e.amount)} 元（本级留成 {pct}），未见同日记入 211 应付上级经费的上解部分"
                        f"（应为 {yuan(want)} 元）",
                        "account",
                    )
                )
                continue
            best = min(near, key=lambda u: (abs(u.amount - want), abs((u.date - e.date).days)))
            used.add(best.ref)
            if abs(best.amount - want) > settings.split_tolerance:
                problems.append(
                    entry_problem(
                        ws,
                        "policy.allocation-split",
                        best.ref,
                        f"上解部分 {yuan(best.amount)} 元与留成比例 {pct} 不符：本级留成 {yuan(e.amount)} 元"
                        f"（{e.voucher}），上解应为 {yuan(want)} 元",
                        "amount",
                    )
                )
    return problems
