"""职工代表大会 / 职工大会 sessions, the union committee's meetings, and the votes on their resolutions.

A session is a core event of type `staff_congress` (its `delegates`, `female_delegates` and
`congress_kind` are core fields); a committee meeting is a core `committee_meeting` event. A resolution
(`[[resolution]]`) names its event and records the vote: present, yes, against, abstain, result.
"""

from __future__ import annotations

import datetime
import math
from collections import defaultdict
from collections.abc import Iterable
from fractions import Fraction
from typing import TYPE_CHECKING

from unioncore import Period, Problem, Rule, Severity
from unioncore.event import Event
from unioncore.organisation import CommitteeKind

from .records import COMMITTEE_MEETING, RESOLUTION, STAFF_CONGRESS
from .settings import CongressSettings

if TYPE_CHECKING:
    from unioncore import Workspace
    from unioncore.records import Record

DEMOCRATIC_MANAGEMENT = "《企业民主管理规定》（总工发〔2012〕12号）"
MAJORITY_SOURCE = (
    f"{DEMOCRATIC_MANAGEMENT}第二十条（职代会：经全体职工代表的过半数通过）；"
    "工会委员会会议按《中国工会章程》民主集中制，以全体委员过半数计"
)
QUORUM_SOURCE = f"{DEMOCRATIC_MANAGEMENT}（全体职工代表三分之二以上出席；条号未核实 [U]）"
ANNUAL_SOURCE = f"{DEMOCRATIC_MANAGEMENT}（职工代表大会每年至少召开一次；条号未核实 [U]）"
WOMEN_SOURCE = "《工会女职工委员会工作条例》第十五条"
STATISTICS_SOURCE = "工会统计年报：职代会职工代表人数（其中女性）"

DELEGATES = Rule("congress.delegates", "女职工代表人数不大于职工代表人数", Severity.ERROR, STATISTICS_SOURCE)
DELEGATES_MISSING = Rule(
    "congress.delegates-missing",
    "职代会记录职工代表人数（统计和核对表决都要用）",
    Severity.WARNING,
    STATISTICS_SOURCE,
)
FEMALE_DELEGATES = Rule(
    "congress.female-delegates", "职代会女职工代表比例与女职工比例相适应", Severity.WARNING, WOMEN_SOURCE
)
ANNUAL_SESSION = Rule("congress.annual-session", "职工代表大会每年至少召开一次", Severity.HINT, ANNUAL_SOURCE)
RESOLUTION_EVENT = Rule(
    "congress.resolution-event", "决议属于一次职代会或工会委员会会议", Severity.ERROR, MAJORITY_SOURCE
)
VOTE_MISSING = Rule("congress.vote-missing", "决议记录赞成票数", Severity.WARNING, MAJORITY_SOURCE)
VOTE_COUNT = Rule(
    "congress.vote-count", "票数之和不超过出席人数，出席人数不超过应到人数", Severity.ERROR, MAJORITY_SOURCE
)
QUORUM = Rule("congress.quorum", "职代会须有全体职工代表三分之二以上出席", Severity.ERROR, QUORUM_SOURCE)
VOTE_MAJORITY = Rule(
    "congress.vote-majority", "决议须经全体职工代表（委员）过半数通过", Severity.ERROR, MAJORITY_SOURCE
)

RULES = [
    DELEGATES,
    DELEGATES_MISSING,
    FEMALE_DELEGATES,
    ANNUAL_SESSION,
    RESOLUTION_EVENT,
    VOTE_MISSING,
    VOTE_COUNT,
    QUORUM,
    VOTE_MAJORITY,
]

MEETING_TYPES = (STAFF_CONGRESS, COMMITTEE_MEETING)
WOMEN_PLUGIN = "women"  # when enabled, it owns the women-delegate checks (same rule, same source)


def fraction_text(frac: Fraction) -> str:
    """2/3 → 三分之二, 1/2 → 半数 (as the rules say them)."""
    if frac == Fraction(1, 2):
        return "半数"
    digits = "零一二三四五六七八九十"
    if frac.denominator <= 10 and frac.numerator <= 10:
        return f"{digits[frac.denominator]}分之{digits[frac.numerator]}"
    return f"{frac.numerator}/{frac.denominator}"


def sessions(ws: Workspace, period: Period | None = None) -> list[Event]:
    return ws.events_of(type=STAFF_CONGRESS, period=period)


def committee_meetings(ws: Workspace, period: Period | None = None) -> list[Event]:
    return ws.events_of(type=COMMITTEE_MEETING, period=period)


def congress_label(event: Event) -> str:
    kind = event.fields.get("congress_kind")
    return str(kind) if kind else "职工代表大会"


def committee_size(ws: Workspace, event: Event) -> int | None:
    """Seats of the 工会委员会 in office on the meeting day (None when not recorded)."""
    org = ws.organisations.get(event.org)
    if org is None:
        return None
    for c in org.committees:
        if c.kind is CommitteeKind.UNION and c.term_start <= event.start <= c.term_end and c.seats:
            return len(c.seats)
    return None


def vote_base(ws: Workspace, event: Event) -> tuple[int | None, str]:
    """Whom a majority is counted over: all delegates of a congress, all members of a committee."""
    if event.type == STAFF_CONGRESS:
        delegates = event.fields.get("delegates")
        who = "全体职工" if event.fields.get("congress_kind") == "职工大会" else "全体职工代表"
        return (int(delegates) if delegates else None), who
    return committee_size(ws, event), "全体委员"


def latest_by_org(events: Iterable[Event]) -> dict[str, Event]:
    """Each organisation's latest session: its delegates are the unit's delegates that year."""
    out: dict[str, Event] = {}
    for e in sorted(events, key=lambda e: (e.start, e.id)):
        out[e.org] = e
    return out


def resolutions_of(ws: Workspace, events: Iterable[Event]) -> list[Record]:
    ids = {e.id for e in events}
    return [r for r in ws.records_of(RESOLUTION) if r["event"] in ids]


def vote_phrase(rec: Record) -> str:
    """“以50票赞成通过” — how a report quotes a vote."""
    yes = rec.get("yes")
    if yes is None:
        return str(rec["result"])
    return f"以{yes}票赞成{rec['result']}"


def check(ws: Workspace, settings: CongressSettings) -> list[Problem]:
    return _check_sessions(ws, settings) + _check_annual(ws) + _check_resolutions(ws, settings)


def _check_sessions(ws: Workspace, settings: CongressSettings) -> list[Problem]:
    problems = []
    for e in sessions(ws):
        delegates = e.fields.get("delegates")
        female = e.fields.get("female_delegates")
        if delegates is None:
            message = f"{congress_label(e)}“{e.title}”未填职工代表人数（delegates）"
            problems.append(ws.rule_problem(DELEGATES_MISSING, "event", e.id, message))
            continue
        if WOMEN_PLUGIN in ws.host.loaded:
            continue  # the 女职委 plugin checks women delegates (count and share); do not report twice
        if female is not None and female > delegates:
            message = f"女职工代表 {female} 人多于职工代表 {delegates} 人"
            problems.append(ws.rule_problem(DELEGATES, "event", e.id, message, field="female_delegates"))
            continue
        problems += _check_women_share(ws, e, delegates, female, settings)
    return problems


def _check_women_share(
    ws: Workspace, e: Event, delegates: int, female: int | None, settings: CongressSettings
) -> list[Problem]:
    """shared/domain.md §6.4: women's share of delegates should match their share of the workforce.

    Only a shortfall larger than `female_delegate_gap` percentage points is reported (the size of a
    "large gap" is [U]); a unit that does not record its employees is not judged.
    """
    org = ws.organisations.get(e.org)
    if org is None or not org.employees or org.female_employees is None or not delegates:
        return []
    if female is None:
        message = f"{congress_label(e)}未填女职工代表人数（female_delegates），无法核对女代表比例"
        return [ws.rule_problem(FEMALE_DELEGATES, "event", e.id, message)]
    delegate_share = Fraction(female * 100, delegates)
    worker_share = Fraction(org.female_employees * 100, org.employees)
    if worker_share - delegate_share <= settings.female_delegate_gap:
        return []
    message = (
        f"女职工代表 {female}/{delegates} 人（{float(delegate_share):.0f}%），低于本单位女职工比例 "
        f"{org.female_employees}/{org.employees} 人（{float(worker_share):.0f}%）超过 "
        f"{settings.female_delegate_gap} 个百分点"
    )
    return [ws.rule_problem(FEMALE_DELEGATES, "event", e.id, message, field="female_delegates")]


def _check_annual(ws: Workspace) -> list[Problem]:
    """A unit that held a 职代会 in an earlier year but none yet in the workspace year."""
    year = ws.year
    if ws.as_of.year < year:
        return []
    held: dict[str, set[int]] = defaultdict(set)
    last: dict[str, Event] = {}
    for e in sessions(ws):
        held[e.org].add(e.start.year)
        last[e.org] = e
    problems = []
    for org, years in sorted(held.items()):
        if year in years or not any(y < year for y in years):
            continue
        previous = max(y for y in years if y < year)
        name = ws.organisations[org].name if org in ws.organisations else org
        message = f"{name}{previous}年召开过职工代表大会，{year}年（截至{_day(ws.as_of)}）尚未召开"
        problems.append(ws.rule_problem(ANNUAL_SESSION, "event", last[org].id, message))
    return problems


def _day(d: datetime.date) -> str:
    return f"{d.month}月{d.day}日"


def _check_resolutions(ws: Workspace, settings: CongressSettings) -> list[Problem]:
    problems = []
    for rec in ws.records_of(RESOLUTION):
        event = ws.events.get(rec["event"])
        if event is None:
            continue  # the core reports the missing event (record.ref)
        if event.type not in MEETING_TYPES:
            message = (
                f"决议所属的活动“{event.id}”是“{_type_label(ws, event)}”，应为职工代表大会或工会委员会会议"
            )
            problems.append(ws.rule_problem(RESOLUTION_EVENT, RESOLUTION, rec.key, message, field="event"))
            continue
        problems += _check_vote(ws, rec, event, settings)
    return problems


def _type_label(ws: Workspace, event: Event) -> str:
    etype = ws.event_types.get(event.type)
    return etype.label if etype else event.type


def _check_vote(ws: Workspace, rec: Record, event: Event, settings: CongressSettings) -> list[Problem]:
    problems = []
    base, who = vote_base(ws, event)
    present, yes = rec.get("present"), rec.get("yes")
    cast = sum(v for v in (yes, rec.get("against"), rec.get("abstain")) if v is not None)
    if yes is None:
        message = f"决议“{rec['title']}”未记录赞成票数（如“以50票赞成通过”）"
        problems.append(ws.rule_problem(VOTE_MISSING, RESOLUTION, rec.key, message))
    if present is not None and cast > present:
        message = f"赞成、反对、弃权共 {cast} 票，多于出席人数 {present} 人"
        problems.append(ws.rule_problem(VOTE_COUNT, RESOLUTION, rec.key, message, field="present"))
    if present is not None and base is not None and present > base:
        message = f"出席 {present} 人，多于{who} {base} 人"
        problems.append(ws.rule_problem(VOTE_COUNT, RESOLUTION, rec.key, message, field="present"))
    if base is None:
        return problems
    quorum = settings.quorum
    if (
        event.type == STAFF_CONGRESS
        and present is not None
        and present * quorum.denominator < base * quorum.numerator
    ):
        message = (
            f"出席 {present} 人，不足{who} {base} 人的{fraction_text(quorum)}（至少 {math.ceil(base * quorum)} 人），"
            "会议不能作出决议"
        )
        problems.append(ws.rule_problem(QUORUM, RESOLUTION, rec.key, message, field="present"))
    if rec["result"] == "通过" and yes is not None and yes <= base * settings.majority:
        need = math.floor(base * settings.majority) + 1
        message = (
            f"赞成 {yes} 票，未超过{who} {base} 人的{fraction_text(settings.majority)}（至少需 {need} 票），"
            "不能记为通过"
        )
        problems.append(ws.rule_problem(VOTE_MAJORITY, RESOLUTION, rec.key, message, field="yes"))
    return problems
