"""Figures of the women plugin (`women.*`), each with the records behind it."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from unioncore import Figure, Period
from unioncore.organisation import CommitteeKind

from . import special_contracts
from .committee import officer_seats, officers_of
from .delegates import delegate_shares
from .honours import titles_in, womens_day_events
from .insurance import enrolment_total, uptakes
from .people import FEMALE, grassroots, in_service, percent, worker_share
from .records import CLAIM, MEETING
from .settings import WomenSettings

if TYPE_CHECKING:
    from unioncore import Workspace

GROUP = "女职工"


def _fig(key: str, label: str, value: int | Decimal, unit: str, refs: list[str], note: str = "") -> Figure:
    return Figure(f"women.{key}", label, value, unit, GROUP, tuple(refs), note)


def member_figures(ws: Workspace, period: Period) -> list[Figure]:
    figs: list[Figure] = []
    day = period.end
    all_members: list[str] = []
    women: list[str] = []
    staffed = []
    for org in grassroots(ws):
        members = in_service(ws, org.code, day)
        mine = [m.id for m in members if m.gender == FEMALE]
        all_members += [f"member:{m.id}" for m in members]
        women += [f"member:{m}" for m in mine]
        org_refs = [f"organisation:{org.code}"]
        if members:
            figs.append(
                _fig(
                    f"org.{org.code}.members",
                    f"{org.name}在职女会员",
                    len(mine),
                    "人",
                    [f"member:{m}" for m in mine],
                )
            )
            figs.append(
                _fig(
                    f"org.{org.code}.member_share",
                    f"{org.name}女会员占在职会员比例",
                    percent(len(mine), len(members)),
                    "%",
                    [f"member:{m.id}" for m in members],
                    note=f"口径：在职女会员 {len(mine)} 人 ÷ 在职会员 {len(members)} 人",
                )
            )
        share = worker_share(org)
        if share is not None:
            staffed.append(org)
            figs.append(
                _fig(
                    f"org.{org.code}.employee_share",
                    f"{org.name}女职工占职工总数比例",
                    share,
                    "%",
                    org_refs,
                    note=f"口径：女职工 {org.female_employees} 人 ÷ 职工 {org.employees} 人",
                )
            )
    figs.append(_fig("members", "在职女会员", len(women), "人", women))
    figs.append(
        _fig(
            "member_share",
            "女会员占在职会员比例",
            percent(len(women), len(all_members)),
            "%",
            all_members,
            note=f"口径：在职女会员 {len(women)} 人 ÷ 在职会员 {len(all_members)} 人",
        )
    )
    female_employees = sum(o.female_employees or 0 for o in staffed)
    employees = sum(o.employees or 0 for o in staffed)
    refs = [f"organisation:{o.code}" for o in staffed]
    figs.append(_fig("employees", "女职工人数", female_employees, "人", refs))
    figs.append(
        _fig(
            "employee_share",
            "女职工占职工总数比例",
            percent(female_employees, employees),
            "%",
            refs,
            note=f"口径：填报职工人数的基层工会，女职工 {female_employees} 人 ÷ 职工 {employees} 人",
        )
    )
    return figs


def committee_figures(ws: Workspace, period: Period) -> list[Figure]:
    day = period.end
    with_committee = []
    seats: list[str] = []
    for org in grassroots(ws):
        c = org.committee(CommitteeKind.WOMEN)
        if c is not None and c.term_start <= day:
            with_committee.append(f"organisation:{org.code}")
            seats += [f"member:{s.member}" if s.member else f"organisation:{org.code}" for s in c.seats]
    officers = [r.ref for org in grassroots(ws) for r in officers_of(ws, org.code, day)]
    officers += [
        f"member:{who}" if who in ws.members else f"organisation:{org.code}"
        for org in grassroots(ws)
        if org.committee(CommitteeKind.WOMEN) is None
        for who in officer_seats(org)
    ]
    meetings = [r.ref for r in ws.records_of(MEETING) if r["date"] in period]
    return [
        _fig("committees", "女职工委员会", len(with_committee), "个", with_committee),
        _fig("committee_members", "女职委委员", len(seats), "人", seats),
        _fig("officers", "女职工委员（未建女职委的工会）", len(officers), "人", officers),
        _fig("meetings", "女职委会议", len(meetings), "次", meetings),
    ]


def delegate_figures(ws: Workspace, period: Period) -> list[Figure]:
    shares = delegate_shares(ws, period)
    refs = [f"event:{d.event.id}" for d in shares]
    delegates = sum(d.delegates for d in shares)
    female = sum(d.female_delegates for d in shares)
    return [
        _fig("delegates", "职代会代表", delegates, "人", refs),
        _fig("female_delegates", "职代会女职工代表", female, "人", refs),
        _fig(
            "delegate_share",
            "女职工代表占代表总数比例",
            percent(female, delegates),
            "%",
            refs,
            note=f"口径：女职工代表 {female} 人 ÷ 代表 {delegates} 人（本期召开的职代会）",
        ),
    ]


def insurance_figures(ws: Workspace, period: Period) -> list[Figure]:
    years = set(range(period.start.year, period.end.year + 1))
    ups = uptakes(ws, years)
    enrolled = sorted({f"member:{m}" for u in ups for m in u.enrolled})
    enrol_refs = [f"women_enrolment:{k}" for u in ups for k in u.records]
    units = sorted({f"organisation:{u.org}" for u in ups})
    premiums = Decimal(0)
    for u in ups:
        for key in u.records:
            premiums += enrolment_total(ws.record("women_enrolment", key)) or Decimal(0)
    claims = [c for c in ws.records_of(CLAIM) if c["date"] in period]
    paid = [c for c in ws.records_of(CLAIM) if c.get("payout") and (c.get("paid") or c["date"]) in period]
    payouts = sum((Decimal(c["payout"]) for c in paid), Decimal(0))
    return [
        _fig("insurance.units", "参加互助保障的单位", len(units), "个", units),
        _fig("insurance.enrolled", "参加互助保障的女职工", len(enrolled), "人", [*enrol_refs, *enrolled]),
        _fig(
            "insurance.premiums",
            "代收互助保障保费",
            premiums,
            "元",
            enrol_refs,
            note="代管经费，不是工会收入",
        ),
        _fig("insurance.claims", "互助保障理赔申请", len(claims), "人次", [c.ref for c in claims]),
        _fig("insurance.payouts", "互助保障给付金额", payouts, "元", [c.ref for c in paid]),
    ]


def contract_figures(ws: Workspace, period: Period) -> list[Figure]:
    """Absent (no figure at all) when the collective-contract records do not exist."""
    if not special_contracts.available(ws):
        return []
    found = special_contracts.in_force(ws, period)
    refs = [c.ref for c in found]
    return [
        _fig("contracts", "女职工权益保护专项集体合同", len(found), "份", refs),
        _fig("contracts.employees", "专项集体合同覆盖职工", sum(c.employees or 0 for c in found), "人", refs),
        _fig(
            "contracts.female_employees",
            "专项集体合同覆盖女职工",
            sum(c.female_employees or 0 for c in found),
            "人",
            refs,
        ),
    ]


def activity_figures(ws: Workspace, period: Period, settings: WomenSettings) -> list[Figure]:
    events = womens_day_events(ws, settings, period)
    refs = [f"event:{e.id}" for e in events]
    titles = titles_in(ws, period)
    return [
        _fig("march8.events", "“三八”主题活动", len(events), "次", refs),
        _fig("march8.attendance", "“三八”主题活动参加人次", sum(e.attendance for e in events), "人次", refs),
        _fig("titles", "巾帼荣誉", len(titles), "项", [t.ref for t in titles]),
    ]


def figures(ws: Workspace, period: Period, settings: WomenSettings) -> list[Figure]:
    """Every figure of the period; the statistics and the report section ask for them both, so they
    are computed once per workspace state (`Workspace.derived`)."""
    return list(
        ws.derived(
            f"women.figures.{period.start}.{period.end}.{settings!r}",
            lambda: _figures(ws, period, settings),
        )
    )


def _figures(ws: Workspace, period: Period, settings: WomenSettings) -> list[Figure]:
    return (
        member_figures(ws, period)
        + committee_figures(ws, period)
        + delegate_figures(ws, period)
        + insurance_figures(ws, period)
        + contract_figures(ws, period)
        + activity_figures(ws, period, settings)
    )
