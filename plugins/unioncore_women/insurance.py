"""女职工安康互助保险 / 特殊疾病互助保障: schemes, yearly enrolment, claims and the premiums.

Premiums a union collects for a scheme are held for others: 《工会会计制度》 books them to
221 代管经费, never to union income (401 会费, 402 拨缴经费, 403 上级补助, 405 行政补助, 408 其他收入 …)
(shared/domain.md §3.4, §6.9). A unit must enrol a minimum share of its in-service women (宁波's
product rule: 80%), a setting per scheme ([settings.women] scheme_min_share, default 80, [U]).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from unioncore import Problem, Severity
from unioncore.ledger import Entry
from unioncore.member import Status
from unioncore.records import Record

from .people import FEMALE, in_service_women, percent
from .records import CLAIM, ENROLMENT, SCHEME
from .rules import ACCOUNT_221, MUTUAL_AID
from .settings import WomenSettings

if TYPE_CHECKING:
    from unioncore import Workspace

HELD_FOR_OTHERS = "221"
POLICY = "policy"


@attrs.frozen
class Uptake:
    """Enrolment of one unit in one scheme for one year."""

    scheme: str
    year: int
    org: str
    enrolled: tuple[str, ...]
    eligible: int
    records: tuple[str, ...]

    @property
    def share(self) -> Decimal:
        return percent(len(self.enrolled), self.eligible)


def count_day(ws: Workspace, year: int) -> datetime.date:
    """The day a year's eligible women are counted on: its last day, or the as-of day if earlier."""
    return min(datetime.date(year, 12, 31), ws.as_of)


def enrolment_total(rec: Record) -> Decimal | None:
    if rec.get("premium") is None:
        return None
    return Decimal(rec["premium"]) * len(rec.get("members") or ())


def uptakes(ws: Workspace, years: set[int] | None = None) -> list[Uptake]:
    groups: dict[tuple[str, int, str], list[Record]] = defaultdict(list)
    for r in ws.records_of(ENROLMENT):
        if years is None or r["year"] in years:
            groups[(r["scheme"], r["year"], r["org"])].append(r)
    out = []
    for (scheme, year, org), recs in sorted(groups.items()):
        members = tuple(dict.fromkeys(m for r in recs for m in r.get("members") or ()))
        eligible = len(in_service_women(ws, org, count_day(ws, year))) if org in ws.organisations else 0
        out.append(Uptake(scheme, year, org, members, eligible, tuple(r.key for r in recs)))
    return out


def premium_entry(ws: Workspace, rec: Record) -> Entry | None:
    """The ledger entry an enrolment names as the premium it collected."""
    voucher = rec.get("voucher")
    if not voucher:
        return None
    for e in ws.ledger(org=rec["org"], year=rec["year"]):
        if e.voucher == voucher:
            return e
    return None


def premium_entries(ws: Workspace, settings: WomenSettings) -> list[Entry]:
    """Ledger entries that are premiums: named by an enrolment or whose memo names a scheme.

    The memo scan is left to the `policy` plugin when it is enabled (its `policy.premium-custody`
    reads the same memos), so an entry is not reported twice."""
    found: dict[str, Entry] = {}
    for r in ws.records_of(ENROLMENT):
        e = premium_entry(ws, r)
        if e is not None:
            found[e.ref] = e
    if POLICY in ws.host.loaded:
        return sorted(found.values(), key=lambda e: (e.date, e.org, e.voucher))
    words = [*settings.premium_keywords, *(s["name"] for s in ws.records_of(SCHEME))]
    for e in ws.ledger():
        if e.memo and any(w in e.memo for w in words):
            found.setdefault(e.ref, e)
    return sorted(found.values(), key=lambda e: (e.date, e.org, e.voucher))


def covers(ws: Workspace, enrolment: Record, day: datetime.date) -> bool:
    """Does the enrolment cover the day (its year and the scheme's term in years)?"""
    scheme = ws.records.get(SCHEME, {}).get(enrolment["scheme"])
    years = (scheme.get("term_years") if scheme else None) or 1
    return bool(enrolment["year"] <= day.year < enrolment["year"] + years)


def check(ws: Workspace, settings: WomenSettings) -> list[Problem]:
    problems: list[Problem] = []
    problems += _check_premiums(ws, settings)
    problems += _check_enrolments(ws)
    for u in uptakes(ws):
        minimum = settings.min_share(u.scheme)
        if u.eligible and u.share < minimum:
            problems.append(
                ws.problem_at(
                    ENROLMENT,
                    u.records[0],
                    f"{u.org} {u.year}年参保 {len(u.enrolled)} 人，占在职女会员 {u.eligible} 人的 {u.share}%，"
                    f"低于方案要求的 {minimum}%",
                    field="members",
                    severity=Severity.WARNING,
                    rule="women.enrolment-share",
                    source=MUTUAL_AID,
                )
            )
    # enrolments by (scheme, member), looked up once per claim
    enrolments: dict[tuple[Any, str], list[Record]] = defaultdict(list)
    for r in ws.records_of(ENROLMENT):
        for m in dict.fromkeys(r.get("members") or ()):
            enrolments[(r["scheme"], m)].append(r)
    for c in ws.records_of(CLAIM):
        enrolled = any(covers(ws, r, c["date"]) for r in enrolments.get((c["scheme"], c["member"]), ()))
        if not enrolled:
            member = ws.members.get(c["member"])
            who = member.name if member else c["member"]
            problems.append(
                ws.problem_at(
                    CLAIM,
                    c.key,
                    f"{who} 在 {c['date'].year} 年没有参加方案“{c['scheme']}”，不能理赔",
                    field="member",
                    severity=Severity.WARNING,
                    rule="women.claim-not-enrolled",
                    source=MUTUAL_AID,
                )
            )
    return problems


def _check_premiums(ws: Workspace, settings: WomenSettings) -> list[Problem]:
    problems = []
    named: set[str] = set()
    for r in ws.records_of(ENROLMENT):
        if not r.get("voucher"):
            continue
        e = premium_entry(ws, r)
        if e is None:
            problems.append(
                ws.problem_at(
                    ENROLMENT,
                    r.key,
                    f"代收保费凭证“{r['voucher']}”不在 {r['org']} {r['year']}年的账中",
                    field="voucher",
                    severity=Severity.WARNING,
                    rule="women.premium-voucher",
                    source=ACCOUNT_221,
                )
            )
            continue
        named.add(e.ref)
        total = enrolment_total(r)
        if not e.is_income(ws.chart) and not e.account.startswith(HELD_FOR_OTHERS):
            problems.append(
                ws.problem_at(
                    "entry",
                    e.ref,
                    f"代收的互助保险保费记在科目 {e.account}，应记 221 代管经费",
                    field="account",
                    severity=Severity.WARNING,
                    rule="women.premium-voucher",
                    source=ACCOUNT_221,
                )
            )
        if total is not None and total != e.amount:
            problems.append(
                ws.problem_at(
                    ENROLMENT,
                    r.key,
                    f"参保 {len(r.get('members') or ())} 人 × {r['premium']} 元 = {total} 元，"
                    f"与凭证 {e.voucher} 的金额 {e.amount} 元不符",
                    field="voucher",
                    severity=Severity.WARNING,
                    rule="women.premium-voucher",
                    source=ACCOUNT_221,
                )
            )
    for e in premium_entries(ws, settings):
        if e.is_income(ws.chart):
            acc = ws.chart.get(e.account)
            name = f"{e.account} {acc.name}" if acc else e.account
            how = "（参保记录所指凭证）" if e.ref in named else "（摘要显示为互助保险保费）"
            problems.append(
                ws.problem_at(
                    "entry",
                    e.ref,
                    f"代收的互助保险保费记为工会收入 {name}{how}：保费是代管的钱，应记 221 代管经费",
                    field="account",
                    rule="women.premium-income",
                    source=ACCOUNT_221,
                )
            )
    return problems


def _check_enrolments(ws: Workspace) -> list[Problem]:
    problems = []
    seen: dict[tuple[str, int, str], str] = {}
    for r in sorted(ws.records_of(ENROLMENT), key=lambda r: r.key):
        day = count_day(ws, r["year"])
        scheme = ws.records.get(SCHEME, {}).get(r["scheme"])
        if scheme is not None:
            start, end = scheme.get("start"), scheme.get("end")
            if (start and r["year"] < start.year) or (end and r["year"] > end.year):
                problems.append(
                    ws.problem_at(
                        ENROLMENT,
                        r.key,
                        f"方案“{scheme['name']}”在 {r['year']} 年不在办理期内",
                        field="year",
                        severity=Severity.WARNING,
                        rule="women.enrolment-eligible",
                        source=MUTUAL_AID,
                    )
                )
        for mid in r.get("members") or ():
            m = ws.members.get(mid)
            if m is None:
                continue  # the core reports the broken reference
            reason = None
            key = (r["scheme"], r["year"], mid)
            if key in seen:
                reason = f"{m.name} 在 {r['year']} 年已参保（{seen[key]}），重复登记"
            elif m.gender not in (None, FEMALE):
                reason = f"{m.name} 登记为男性，不能参加女职工互助保障"
            elif m.org != r["org"]:
                reason = f"{m.name} 不是 {r['org']} 的会员（在 {m.org}）"
            elif m.status_on(day) is not Status.ACTIVE:
                reason = f"{m.name} 不是在职会员（{m.status.value}），方案只接受在职女职工"
            seen.setdefault(key, r.key)
            if reason:
                problems.append(
                    ws.problem_at(
                        ENROLMENT,
                        r.key,
                        reason,
                        field="members",
                        severity=Severity.WARNING,
                        rule="women.enrolment-eligible",
                        source=MUTUAL_AID,
                    )
                )
    return problems
