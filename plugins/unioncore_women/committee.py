"""The 女职工委员会 of each union (or its single 女职工委员), its chair, term and meetings.

条例 2004 Art 11: a union with ≥ 10 women members sets up a 女职工委员会 together with the union
committee; with fewer, a 女职工委员 may be appointed. Art 17: the chair (女职委主任) is a woman, a
union chair or vice-chair or of equal rank, and is nominated to the union committee.
The committee itself is the core's `[[committee]]` of kind 女职工委员会 in `organisation.toml`; a
single 女职工委员 (no committee) is a plugin record (`women_officer`).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import TYPE_CHECKING

import attrs

from unioncore import Problem, Severity
from unioncore.organisation import Committee, CommitteeKind, Organisation
from unioncore.records import Record

from .people import FEMALE, grassroots, in_service_women
from .records import MEETING, OFFICER
from .rules import ART11, ART17, LAW_ART16, TIAOLI
from .settings import WomenSettings

if TYPE_CHECKING:
    from unioncore import Workspace

TERM_TOLERANCE_DAYS = 31
# roles that make a seat of the union committee a 女职工委员 (the core's way of recording one)
OFFICER_ROLES = ("女职委委员", "女职委主任")
# the core's own check of 条例 Art 11; when the core has it, this plugin does not report it twice
CORE_COMMITTEE_RULE = "org.women-committee"


@attrs.frozen
class MeetingPeriod:
    start: datetime.date
    end: datetime.date
    label: str


def women_committee(org: Organisation) -> tuple[int, Committee] | None:
    """The current 女职工委员会 of an organisation with its index among the committees."""
    c = org.committee(CommitteeKind.WOMEN)
    if c is None:
        return None
    return org.committees.index(c), c


def _by_org(ws: Workspace, collection: str) -> dict[str, list[Record]]:
    """The collection's records grouped by their union, in the workspace's order."""
    out: dict[str, list[Record]] = defaultdict(list)
    for r in ws.records_of(collection):
        out[r["org"]].append(r)
    return out


def officers_of(ws: Workspace, code: str, on: datetime.date) -> list[Record]:
    """女职工委员 records of the organisation in office on the day."""
    by_org = ws.derived(f"women.{OFFICER}", lambda: _by_org(ws, OFFICER), ws.records.get(OFFICER) or {})
    out = []
    for r in by_org.get(code, ()):
        if r.get("appointed") and r["appointed"] > on:
            continue
        if r.get("term_end") and r["term_end"] < on:
            continue
        out.append(r)
    return out


def officer_seats(org: Organisation) -> list[str]:
    """Members (or names) sitting as 女职工委员 on the union committee (no 女职委 of its own)."""
    union = org.committee(CommitteeKind.UNION)
    if union is None:
        return []
    return [s.member or s.name or "" for s in union.seats if s.role in OFFICER_ROLES]


def core_checks_committee(ws: Workspace) -> bool:
    rule = ws.rules.get(CORE_COMMITTEE_RULE)
    return rule is not None and rule.plugin is None


def _meetings_by_org(ws: Workspace) -> dict[str, list[Record]]:
    """Meetings grouped by union, each group in date order."""
    out: dict[str, list[Record]] = defaultdict(list)
    for r in ws.records_of(MEETING):
        if r["date"] is not None:  # a meeting without its (required) date is reported by the core
            out[r["org"]].append(r)
    for group in out.values():
        group.sort(key=lambda r: (r["date"], r.key))
    return out


def meetings_of(ws: Workspace, code: str, start: datetime.date, end: datetime.date) -> list[Record]:
    """The union's meetings from `start` to `end`, in date order."""
    by_org = ws.derived(f"women.{MEETING}", lambda: _meetings_by_org(ws), ws.records.get(MEETING) or {})
    return [r for r in by_org.get(code, ()) if start <= r["date"] <= end]


def meeting_periods(year: int, per_year: int) -> list[MeetingPeriod]:
    """The year cut into `per_year` equal runs of months (4 → quarters)."""
    months = 12 // per_year
    out = []
    for i in range(per_year):
        start = datetime.date(year, i * months + 1, 1)
        last_month = (i + 1) * months
        end = (
            datetime.date(year, 12, 31)
            if last_month == 12
            else datetime.date(year, last_month + 1, 1) - datetime.timedelta(days=1)
        )
        if per_year == 4:
            label = f"{year}年第{i + 1}季度"
        elif per_year == 2:
            label = f"{year}年{'上' if i == 0 else '下'}半年"
        elif per_year == 1:
            label = f"{year}年"
        else:
            label = f"{year}年{start.month}月至{end.month}月"
        out.append(MeetingPeriod(start, end, label))
    return out


def missed_meetings(ws: Workspace, org: Organisation, settings: WomenSettings) -> list[MeetingPeriod]:
    """Periods of the workspace year, over by the as-of day, in which the committee (existing by the
    period's start) held no meeting."""
    committees = [c for c in org.committees if c.kind is CommitteeKind.WOMEN]
    if not committees:
        return []
    first = min(c.term_start for c in committees)
    return [
        p
        for p in meeting_periods(ws.year, settings.meetings_per_year)
        if p.end <= ws.as_of and first <= p.start and not meetings_of(ws, org.code, p.start, p.end)
    ]


def check(ws: Workspace, settings: WomenSettings) -> list[Problem]:
    problems: list[Problem] = []
    today = ws.as_of
    for org in grassroots(ws):
        women = in_service_women(ws, org.code, today)
        found = women_committee(org)
        if found is None:
            if core_checks_committee(ws):
                pass  # the core reports a missing committee (and a missing officer) itself
            elif len(women) >= settings.committee_threshold:
                problems.append(
                    ws.problem_at(
                        "organisation",
                        org.code,
                        f"本会有在职女会员 {len(women)} 人（不少于 {settings.committee_threshold} 人），"
                        "应建立女职工委员会（在本文件添加 kind = “女职工委员会” 的 [[committee]]）",
                        severity=Severity.WARNING,
                        rule="women.committee-required",
                        source=ART11,
                    )
                )
            elif women and not officers_of(ws, org.code, today) and not officer_seats(org):
                problems.append(
                    ws.problem_at(
                        "organisation",
                        org.code,
                        f"本会有在职女会员 {len(women)} 人，未建女职工委员会，可在工会委员会中设女职工委员",
                        severity=Severity.HINT,
                        rule="women.officer-suggested",
                        source=ART11,
                    )
                )
            continue
        idx, committee = found
        problems += _check_committee(ws, org, idx, committee)
        for p in missed_meetings(ws, org, settings):
            problems.append(
                ws.problem_at(
                    "organisation",
                    org.code,
                    f"女职工委员会{p.label}（{p.start.isoformat()} 至 {p.end.isoformat()}）没有召开会议的记录",
                    path=("committee", idx, "kind"),
                    severity=Severity.WARNING,
                    rule="women.meeting-missed",
                    source=TIAOLI,
                )
            )
    problems += _check_officers(ws)
    return problems


def _check_committee(ws: Workspace, org: Organisation, idx: int, c: Committee) -> list[Problem]:
    problems: list[Problem] = []

    def at(field: str | None, message: str, severity: Severity, rule: str, source: str) -> None:
        path = ("committee", idx, field) if field else ("committee", idx)
        problems.append(
            ws.problem_at(
                "organisation", org.code, message, path=path, severity=severity, rule=rule, source=source
            )
        )

    chair = c.chair()
    if chair is None:
        at(
            "seat",
            "女职工委员会没有主任（职务“女职委主任”）",
            Severity.WARNING,
            "women.committee-chair",
            ART17,
        )
    else:
        member = ws.members.get(chair.member) if chair.member else None
        if member is not None and member.gender not in (None, FEMALE):
            at(
                "seat",
                f"女职委主任 {member.name} 登记为男性，女职委主任应由女性担任",
                Severity.WARNING,
                "women.committee-chair",
                ART17,
            )
        union = org.committee(CommitteeKind.UNION)
        if union is not None and not any(
            (chair.member and s.member == chair.member) or (chair.name and s.name == chair.name)
            for s in union.seats
        ):
            at(
                "seat",
                f"女职委主任 {chair.name or chair.member} 不是工会委员会委员，应提名为同级工会委员会委员",
                Severity.HINT,
                "women.chair-on-committee",
                ART17,
            )
    if c.term_end < ws.as_of:
        at(
            "term_end",
            f"女职工委员会任期已于 {c.term_end.isoformat()} 届满，应随工会委员会换届",
            Severity.WARNING,
            "women.term-expired",
            f"{ART11}；{LAW_ART16}",
        )
    union = org.committee(CommitteeKind.UNION)
    if union is not None and (
        abs((union.term_start - c.term_start).days) > TERM_TOLERANCE_DAYS
        or abs((union.term_end - c.term_end).days) > TERM_TOLERANCE_DAYS
    ):
        at(
            "term_start",
            f"女职委任期 {c.term_start.isoformat()} 至 {c.term_end.isoformat()} 与工会委员会任期 "
            f"{union.term_start.isoformat()} 至 {union.term_end.isoformat()} 不一致（应同时建立、同时换届）",
            Severity.HINT,
            "women.term-mismatch",
            ART11,
        )
    return problems


def _check_officers(ws: Workspace) -> list[Problem]:
    problems = []
    for r in ws.records_of(OFFICER):
        member = ws.members.get(r["member"])
        if member is None:
            continue  # the core reports the broken reference
        reason = None
        if member.gender not in (None, FEMALE):
            reason = f"{member.name} 登记为男性"
        elif member.org != r["org"]:
            reason = f"{member.name} 是 {member.org} 的会员，不是 {r['org']} 的会员"
        if reason:
            problems.append(
                ws.problem_at(
                    OFFICER,
                    r.key,
                    f"女职工委员应是本会女会员：{reason}",
                    field="member",
                    severity=Severity.WARNING,
                    rule="women.officer-member",
                    source=ART11,
                )
            )
    return problems
