"""Organisation rules of issue 3 (工会法 Art 11; 章程 Art 26; 女职委条例 Art 11) and the roll-up of
figures through federations.

Member counts are of *in-service* members on the day (active, 会籍 not retained — see
`membership_rules`), unless the setting `count_retained_members` is true. The terms of committees
and the 经审会 are checked in `checks.py` (with the other 换届 rules).

Settings under `[settings]` (defaults in brackets):

- `committee_min_members` [25]: from this many members a grassroots union shall have a 工会委员会;
- `congress_window_months` [12]: a 会员(代表)大会 is expected within this many months before as_of;
- `general_meeting_max_members` [100]: up to this many members the congress is a 会员大会;
- `women_committee_min_members` [10]: from this many women members a 女职工委员会 is expected.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import TYPE_CHECKING

import attrs

from .member import ChangeKind
from .membership_rules import (
    MembershipSettings,
    SettingsReader,
    in_service,
    in_service_on,
    is_female,
    months_before,
    org_on,
)
from .organisation import CommitteeKind, Organisation, OrgKind
from .problems import Problem, Severity
from .registry import Rule

if TYPE_CHECKING:
    from .member import Member
    from .workspace import Workspace

LAW_ART11 = "《工会法》第十一条"
CHARTER_ART26 = "《中国工会章程》第二十六条"
WOMEN_ART11 = "《工会女职工委员会工作条例》第十一条"

ORGANISER = "组织员"
WOMEN_ROLES = ("女职委主任", "女职委委员")
CONGRESS = "members_congress"
DELEGATES_CONGRESS = "会员代表大会"
# an organisation's second (non-area) link: 工会法 Art 11 — 行业工会联合会 and 区域性工会联合会
SECOND_LINK_KINDS = (OrgKind.INDUSTRY, OrgKind.REGIONAL)

RULES: list[Rule] = [
    Rule(
        "org.committee-required",
        "会员二十五人以上（可设置）的基层工会应当建立工会委员会，不能只选组织员",
        Severity.ERROR,
        LAW_ART11,
    ),
    Rule(
        "org.leadership",
        "不足二十五人的基层工会应有工会委员会、联合基层工会或组织员",
        Severity.WARNING,
        LAW_ART11,
    ),
    Rule("org.congress-yearly", "会员（代表）大会每年至少召开一次", Severity.WARNING, CHARTER_ART26),
    Rule(
        "org.congress-kind",
        "会员一百人以下（可设置）的基层工会召开会员大会，不开会员代表大会",
        Severity.WARNING,
        CHARTER_ART26,
    ),
    Rule(
        "org.women-committee",
        "女会员十人以上（可设置）的工会应建立女职工委员会",
        Severity.WARNING,
        WOMEN_ART11,
    ),
    Rule("org.women-officer", "女会员不足十人的工会可设女职工委员", Severity.HINT, WOMEN_ART11),
    Rule(
        "org.also-under",
        "“同时隶属”的上级应是行业工会联合会或区域工会联合会",
        Severity.ERROR,
        LAW_ART11,
    ),
    Rule("org.setting", "组织规则的设置取值有效", Severity.ERROR),
]


@attrs.frozen
class OrgSettings:
    committee_min_members: int = 25
    congress_window_months: int = 12
    general_meeting_max_members: int = 100
    women_committee_min_members: int = 10

    @classmethod
    def read(cls, ws: Workspace) -> tuple[OrgSettings, list[Problem]]:
        r = SettingsReader(ws, "org.setting")
        d = cls()
        s = cls(
            committee_min_members=r.integer("committee_min_members", d.committee_min_members, 1),
            congress_window_months=r.integer("congress_window_months", d.congress_window_months, 1),
            general_meeting_max_members=r.integer(
                "general_meeting_max_members", d.general_meeting_max_members, 1
            ),
            women_committee_min_members=r.integer(
                "women_committee_min_members", d.women_committee_min_members, 1
            ),
        )
        return s, r.problems


def leadership(org: Organisation) -> str:
    """The union's leadership form (工会法 Art 11): "committee", "organiser" (a 工会委员会 entry
    whose only seats are 组织员) or "none"."""
    c = org.committee(CommitteeKind.UNION)
    if c is None:
        return "none"
    if c.seats and all(s.role == ORGANISER for s in c.seats):
        return "organiser"
    return "committee"


def check(ws: Workspace) -> list[Problem]:
    settings, problems = OrgSettings.read(ws)
    member_settings, _ = MembershipSettings.read(ws)  # its problems are reported by membership_rules
    today = ws.as_of
    by_org = in_service_on(ws, today, member_settings)
    congresses = congress_dates(ws)
    closed = member_settings.closed_unions
    for org in ws.organisations.values():
        problems += check_also_under(ws, org)
        if not org.kind.is_grassroots or (org.code in closed and closed[org.code] <= today):
            continue
        members = by_org.get(org.code, [])
        problems += check_committee(ws, org, len(members), settings)
        problems += check_congress_yearly(ws, org, settings, congresses.get(org.code, []))
        problems += check_women(ws, org, members, settings)
    problems += check_congress_kind(ws, settings, member_settings)
    return problems


def check_committee(ws: Workspace, org: Organisation, count: int, s: OrgSettings) -> list[Problem]:
    """工会法 Art 11: ≥25 members → a 工会委员会 shall be set up; fewer → a committee (alone or as a
    联合基层工会) or one 组织员."""
    form = leadership(org)
    if count >= s.committee_min_members and form != "committee":
        c = org.committee(CommitteeKind.UNION)
        path = ("committee", org.committees.index(c)) if c is not None else None
        what = (
            "不能只选举组织员"
            if form == "organiser"
            else '但没有登记工会委员会（[[committee]] kind = "工会委员会"）'
        )
        return [
            ws.problem_at(
                "organisation",
                org.code,
                f"本会有在职会员 {count} 人（{s.committee_min_members} 人以上），应当建立工会委员会，{what}",
                path=path,
                rule="org.committee-required",
                source=LAW_ART11,
            )
        ]
    if 0 < count < s.committee_min_members and form == "none":
        forms = (
            "建立工会委员会"
            if org.kind is OrgKind.JOINT
            else "单独建立工会委员会、与其他单位联合建立联合基层工会"
        )
        return [
            ws.problem_at(
                "organisation",
                org.code,
                f"本会有在职会员 {count} 人，既未登记工会委员会也未选举组织员：可以{forms}，"
                "或选举组织员一人（登记为工会委员会中职务为“组织员”的成员）",
                severity=Severity.WARNING,
                rule="org.leadership",
                source=LAW_ART11,
            )
        ]
    return []


def congress_dates(ws: Workspace) -> dict[str, list[datetime.date]]:
    """Days of the 会员(代表)大会 (events of type members_congress) by organiser, sorted."""
    out: dict[str, list[datetime.date]] = defaultdict(list)
    for e in ws.events.values():
        if e.type == CONGRESS:
            for code in e.organisers:
                out[code].append(e.start)
    return {code: sorted(days) for code, days in out.items()}


def check_congress_yearly(
    ws: Workspace, org: Organisation, s: OrgSettings, congresses: list[datetime.date]
) -> list[Problem]:
    """章程 Art 26: the 会员(代表)大会 meets at least once a year — an event of type members_congress
    organised by the union within `congress_window_months` before as_of. A union founded within the
    window is not yet due."""
    today = ws.as_of
    start = months_before(today, s.congress_window_months)
    if org.founded is not None and org.founded > start:
        return []
    held = [d for d in congresses if d <= today]
    if any(d >= start for d in held):
        return []
    last = f"，上一次在 {held[-1].isoformat()}" if held else ""
    return [
        ws.problem_at(
            "organisation",
            org.code,
            f"近{s.congress_window_months}个月（{start.isoformat()} 至 {today.isoformat()}）没有召开会员（代表）大会"
            f"的记录{last}：会员（代表）大会每年至少召开一次（请登记类型为 members_congress 的活动）",
            severity=Severity.WARNING,
            rule="org.congress-yearly",
            source=CHARTER_ART26,
        )
    ]


def check_congress_kind(ws: Workspace, s: OrgSettings, ms: MembershipSettings) -> list[Problem]:
    """章程 Art 26: a union of ≤100 members holds a 会员大会, not a 会员代表大会 (counted on the day)."""
    problems = []
    ever = members_ever_in(ws)
    for e in ws.events.values():
        if e.type != CONGRESS or e.fields.get("congress_kind") != DELEGATES_CONGRESS:
            continue
        org = ws.organisations.get(e.org)
        if org is None or not org.kind.is_grassroots:
            continue
        count = sum(
            1
            for m in ever.get(org.code, ())
            if org_on(m, e.start) == org.code and in_service(ws, m, e.start, ms)
        )
        if count <= s.general_meeting_max_members:
            problems.append(
                ws.problem_at(
                    "event",
                    e.id,
                    f"{e.start.isoformat()} 本会在职会员 {count} 人（不超过 {s.general_meeting_max_members} 人），"
                    "应召开会员大会，而不是会员代表大会",
                    field="congress_kind",
                    severity=Severity.WARNING,
                    rule="org.congress-kind",
                    source=CHARTER_ART26,
                )
            )
    return problems


def members_ever_in(ws: Workspace) -> dict[str, list[Member]]:
    """Members by every union they belonged to: the current one and each 转会 origin."""
    out: dict[str, list[Member]] = defaultdict(list)
    for m in ws.members.values():
        codes = {m.org} | {h.from_org for h in m.history if h.kind is ChangeKind.TRANSFER and h.from_org}
        for code in codes:
            out[code].append(m)
    return out


def check_women(ws: Workspace, org: Organisation, members: list[Member], s: OrgSettings) -> list[Problem]:
    """女职委条例 Art 11: ≥10 women members → a 女职工委员会 (应); fewer → a 女职工委员 may be
    appointed (可), which is why that case is only a hint."""
    women = sum(1 for m in members if is_female(m))
    if women == 0 or org.committee(CommitteeKind.WOMEN) is not None:
        return []
    if women >= s.women_committee_min_members:
        return [
            ws.problem_at(
                "organisation",
                org.code,
                f"本会有在职女会员 {women} 人（{s.women_committee_min_members} 人以上），应建立女职工委员会"
                '（[[committee]] kind = "女职工委员会"，与工会委员会同时产生）',
                severity=Severity.WARNING,
                rule="org.women-committee",
                source=WOMEN_ART11,
            )
        ]
    if any(seat.role in WOMEN_ROLES for c in org.committees for seat in c.seats):
        return []
    return [
        ws.problem_at(
            "organisation",
            org.code,
            f"本会有在职女会员 {women} 人，未建女职工委员会，可在工会委员会中设女职工委员（职务“女职委委员”）",
            severity=Severity.HINT,
            rule="org.women-officer",
            source=WOMEN_ART11,
        )
    ]


def check_also_under(ws: Workspace, org: Organisation) -> list[Problem]:
    """An organisation sits under its area federation (`parent`) and may also sit under 行业工会联合会
    or 区域工会联合会 (`also_under`); any other kind there is a mistake. Links to a missing or
    non-federation organisation are already reported by the loader (org.parent)."""
    problems = []
    for ref in org.also_under:
        target = ws.organisations.get(ref)
        if target is None or ref == org.code or target.kind in SECOND_LINK_KINDS:
            continue
        if org.kind.is_grassroots and not target.kind.is_federation:
            continue
        problems.append(
            ws.problem_at(
                "organisation",
                org.code,
                f"“同时隶属”的{target.name}（{ref}）是{target.kind.value}，应为行业工会联合会或区域工会联合会"
                "（所在地的上级工会填在“上级工会” parent）",
                field="also_under",
                rule="org.also-under",
                source=LAW_ART11,
            )
        )
    return problems


# -- figures rolled up a federation ------------------------------------------------------------------
@attrs.frozen
class Rollup:
    """Totals of a federation's grassroots unions, each counted once even when it sits under both an
    area federation and an industry federation that are themselves below this one."""

    federation: str
    unions: tuple[str, ...]  # grassroots unions counted
    members: int  # in-service members (see membership_rules.in_service)
    women_members: int
    employees: int  # 职工人数 of the unions
    female_employees: int
    refs: tuple[str, ...] = ()  # "organisation:<code>" of each union


def rollup(ws: Workspace, code: str, day: datetime.date | None = None) -> Rollup:
    """Members and employees of every grassroots union below `code` (and `code` itself when it is
    one), through both `parent` and `also_under` links, without counting any union twice."""
    day = day or ws.as_of
    orgs = [ws.org(code), *ws.descendants(code)]
    unions = sorted({o.code for o in orgs if o.kind.is_grassroots})
    by_org = in_service_on(ws, day)
    members = [m for u in unions for m in by_org.get(u, [])]
    return Rollup(
        federation=code,
        unions=tuple(unions),
        members=len(members),
        women_members=sum(1 for m in members if is_female(m)),
        employees=sum(ws.org(u).employees or 0 for u in unions),
        female_employees=sum(ws.org(u).female_employees or 0 for u in unions),
        refs=tuple(f"organisation:{u}" for u in unions),
    )
