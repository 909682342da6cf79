"""Membership rules of issue 3 (章程 Art 5, 6, 8; 会籍管理办法) and the model of 保留会籍.

保留会籍 (retained membership) — who, and where the 会籍 is kept
-----------------------------------------------------------------
A member's 会籍 is *retained* (no dues, no vote, no union-fund welfare but the retirement souvenir)
on a day when, on that day:

- the member is retired (status 退休 from a 退休 history line): kept in the original union — the
  record stays in that union's folder (《中国工会章程》第八条; 北京 会籍管理实施办法 2020);
- the member's union is listed in the setting `closed_unions` (its employer closed or went bankrupt)
  from the closing date on: kept at the union's area federation (`parent`); the records stay in the
  closed union's folder, which the federation now keeps (the core has no "closed" field yet);
- the member is listed in the setting `retained_unemployed` (失业) from the given date: kept in the
  original union.

`retention(ws, member, day)` answers this; `in_service_on` counts in-service members of unions on a
day (used by the organisation rules' thresholds).

Every threshold and window is a setting under `[settings]` (see `MembershipSettings`); a value of
the wrong type is reported at its line in unioncore.toml (rule member.setting) and the default used.
"""

from __future__ import annotations

import calendar
import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

import attrs

from . import dues, layout
from .identifiers import check_ric
from .member import ChangeKind, Member, Status
from .organisation import CommitteeKind
from .problems import Problem, Severity
from .registry import Rule

if TYPE_CHECKING:
    from .ledger import Entry
    from .workspace import Workspace

CHARTER_ART5 = "《中国工会章程》第五条；《工会会员会籍管理办法》第三条"
CHARTER_ART6 = "《中国工会章程》第六条"
CHARTER_ART8 = "《中国工会章程》第八条"
WELFARE_SOURCE = "《中国工会章程》第八条；《基层工会经费收支管理办法》（退休离岗慰问）"
DUES_SOURCE = "工发〔1978〕101号"

RETIRED = "退休"
UNEMPLOYED = "失业"
CLOSED = "单位撤销"
SOUVENIR = "退休纪念"
DUES_ACCOUNT = "401"

RULES: list[Rule] = [
    Rule("member.one-union", "一人只在一个工会保有会籍（一次入会、动态接转）", Severity.ERROR, CHARTER_ART5),
    Rule("member.retained-dues", "保留会籍的会员不交会费", Severity.ERROR, CHARTER_ART8),
    Rule(
        "member.retained-vote",
        "保留会籍的会员一般不参加会员（代表）大会的选举和表决",
        Severity.HINT,
        CHARTER_ART8,
    ),
    Rule(
        "member.retained-welfare",
        "保留会籍的会员不享受在职会员的工会经费福利（退休纪念品除外）",
        Severity.WARNING,
        WELFARE_SOURCE,
    ),
    Rule(
        "member.inactive",
        "连续六个月既未交会费也未参加活动的会员提请工会委员会处理（不自动退会）",
        Severity.WARNING,
        CHARTER_ART6,
    ),
    Rule(
        "member.no-participation",
        "会费由工资代扣的工会：连续六个月未参加活动的会员名单",
        Severity.HINT,
        CHARTER_ART6,
    ),
    Rule("member.setting", "会籍规则的设置取值有效", Severity.ERROR),
]


# -- settings ------------------------------------------------------------------------------------
class SettingsReader:
    """Reads `[settings]` values with their expected type. A wrong value becomes a problem at its
    line in unioncore.toml (under `rule`) and the default is used instead."""

    def __init__(self, ws: Workspace, rule: str) -> None:
        self.ws = ws
        self.rule = rule
        self.problems: list[Problem] = []

    def bad(self, key: str, message: str, *, sub: str | None = None) -> None:
        text = f"设置“{key}”{message}"
        path: tuple[str | int, ...] = ("settings", key) if sub is None else ("settings", key, sub)
        sf = self.ws.files.get(layout.CONFIG)
        if sf is None:
            self.problems.append(Problem(text, file=layout.CONFIG, path=path, rule=self.rule))
        else:
            self.problems.append(sf.problem(text, path, rule=self.rule))

    def integer(self, key: str, default: int, minimum: int = 0) -> int:
        v = self.ws.setting(key, default)
        if isinstance(v, bool) or not isinstance(v, int) or v < minimum:
            self.bad(key, f"应为不小于 {minimum} 的整数，已按默认值 {default} 检查")
            return default
        return v

    def boolean(self, key: str, default: bool) -> bool:
        v = self.ws.setting(key, default)
        if not isinstance(v, bool):
            self.bad(key, f"应为 true 或 false，已按默认值 {str(default).lower()} 检查")
            return default
        return v

    def strings(self, key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        v = self.ws.setting(key, list(default))
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            self.bad(key, f"应为字符串列表，已按默认值 {list(default)} 检查")
            return default
        return tuple(v)

    def dates(self, key: str, known: Mapping[str, object], what: str) -> dict[str, datetime.date]:
        """A table {code: date}; codes not in `known` are reported and skipped."""
        v = self.ws.setting(key, {})
        if not isinstance(v, Mapping):
            self.bad(key, f"应为表，如 {{ {what}代码 = 2026-03-01 }}")
            return {}
        out = {}
        for code, day in v.items():
            if isinstance(day, datetime.datetime) or not isinstance(day, datetime.date):
                self.bad(key, f"中“{code}”的值应为日期，如 2026-03-01", sub=code)
            elif code not in known:
                self.bad(key, f"中的{what}“{code}”不存在", sub=code)
            else:
                out[str(code)] = day
        return out


@attrs.frozen
class MembershipSettings:
    """Settings of the membership rules (keys under `[settings]`, defaults in brackets).

    - `inactive_months` [6]: the 章程 Art 6 window of "no dues and no participation";
    - `dues_by_payroll` [false]: true, or a list of union codes, where dues are deducted from the
      payroll for everybody (the ledger's 401 entries then name nobody, so only participation counts);
    - `retained_unemployed` [{}]: {member id = date} — 失业 members whose 会籍 is retained from that date;
    - `closed_unions` [{}]: {union code = date} — unions whose employer closed; their members' 会籍 is
      kept at the union's parent federation from that date;
    - `voting_event_types` [["members_congress"]]: event types whose participants vote;
    - `welfare_accounts` [["501", "502", "503", "504"]]: expense accounts of member welfare (502 is
      the county-level counterpart of 501);
    - `retirement_souvenir_window_days` [180] ([U]; the retirees plugin's default too): how long
      after the retirement date a 退休纪念 payment is still the retirement souvenir;
    - `count_retained_members` [false]: whether retained members count toward the organisation
      thresholds (25 members, 100 members, 10 women);
    - `dues_base_components` [see unioncore.dues]: wage components of the dues base per employer type.
    """

    inactive_months: int = 6
    dues_by_payroll: bool | frozenset[str] = False
    retained_unemployed: Mapping[str, datetime.date] = attrs.field(factory=dict)
    closed_unions: Mapping[str, datetime.date] = attrs.field(factory=dict)
    voting_event_types: tuple[str, ...] = ("members_congress",)
    welfare_accounts: tuple[str, ...] = ("501", "502", "503", "504")
    souvenir_window_days: int = 180
    count_retained: bool = False

    def payroll(self, org: str) -> bool:
        if isinstance(self.dues_by_payroll, bool):
            return self.dues_by_payroll
        return org in self.dues_by_payroll

    @classmethod
    def read(cls, ws: Workspace) -> tuple[MembershipSettings, list[Problem]]:
        r = SettingsReader(ws, "member.setting")
        d = cls()
        payroll: bool | frozenset[str] = False
        raw = ws.setting("dues_by_payroll", False)
        if isinstance(raw, bool):
            payroll = raw
        elif isinstance(raw, list) and all(isinstance(x, str) for x in raw):
            unknown = [x for x in raw if x not in ws.organisations]
            if unknown:
                r.bad("dues_by_payroll", f"中的工会“{unknown[0]}”不存在")
            payroll = frozenset(raw)
        else:
            r.bad("dues_by_payroll", "应为 true、false 或工会代码的列表")
        welfare = r.strings("welfare_accounts", d.welfare_accounts)
        bad_acc = [a for a in welfare if a not in ws.chart]
        if bad_acc:
            r.bad("welfare_accounts", f"中的科目“{bad_acc[0]}”不在会计科目表中")
            welfare = tuple(a for a in welfare if a in ws.chart)
        closed = r.dates("closed_unions", ws.organisations, "工会")
        for code in closed:
            if not ws.organisations[code].kind.is_grassroots:
                r.bad("closed_unions", f"中的“{code}”不是基层工会", sub=code)
        _, comp_errors = dues.parse_components(ws.setting("dues_base_components"))
        for msg in comp_errors:
            r.bad("dues_base_components", msg)
        settings = cls(
            inactive_months=r.integer("inactive_months", d.inactive_months, minimum=1),
            dues_by_payroll=payroll,
            retained_unemployed=r.dates("retained_unemployed", ws.members, "会员"),
            closed_unions={k: v for k, v in closed.items() if ws.organisations[k].kind.is_grassroots},
            voting_event_types=r.strings("voting_event_types", d.voting_event_types),
            welfare_accounts=welfare,
            souvenir_window_days=r.integer("retirement_souvenir_window_days", d.souvenir_window_days),
            count_retained=r.boolean("count_retained_members", d.count_retained),
        )
        return settings, r.problems


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` months earlier (the month's last day when it is shorter)."""
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    m += 1
    return datetime.date(y, m, min(day.day, calendar.monthrange(y, m)[1]))


# -- where a member is, and whether the 会籍 is retained ---------------------------------------------
def org_on(member: Member, day: datetime.date) -> str:
    """The union a member belonged to on `day`: before a later 转会 it is that transfer's origin."""
    for ch in sorted(member.history, key=lambda c: c.date):
        if ch.kind is ChangeKind.TRANSFER and ch.date > day and ch.from_org:
            return ch.from_org
    return member.org


@attrs.frozen
class Retention:
    """A retained 会籍 (保留会籍): why, since when (None when no date is recorded) and who keeps it."""

    reason: str  # 退休 / 失业 / 单位撤销
    since: datetime.date | None
    keeper: str  # organisation code where the 会籍 is kept


def retention(
    ws: Workspace, member: Member, day: datetime.date, settings: MembershipSettings | None = None
) -> Retention | None:
    """Whether `member`'s 会籍 is retained on `day`, why and where (see the module docstring)."""
    if settings is None:
        settings, _ = MembershipSettings.read(ws)
    status = member.status_on(day)
    if not _holds(status):
        return None
    org = org_on(member, day)
    closed = settings.closed_unions.get(org)
    is_closed = closed is not None and day >= closed
    keeper = org
    if is_closed:
        parent = ws.organisations[org].parent if org in ws.organisations else None
        keeper = parent or org
    if status is Status.RETIRED:
        return Retention(RETIRED, _retired_since(member, day), keeper)
    if is_closed:
        return Retention(CLOSED, closed, keeper)
    since = settings.retained_unemployed.get(member.id)
    if since is not None and day >= since:
        return Retention(UNEMPLOYED, since, keeper)
    return None


def _holds(status: Status | None) -> bool:
    """Holds 会籍 (in service or retained) — `Status.is_member` without its cost on 100 000 members."""
    return status is Status.ACTIVE or status is Status.RETIRED


def _retired_since(member: Member, day: datetime.date) -> datetime.date | None:
    dates = [h.date for h in member.history if h.kind is ChangeKind.RETIRE and h.date <= day]
    return max(dates) if dates else None


def in_service(ws: Workspace, member: Member, day: datetime.date, settings: MembershipSettings) -> bool:
    """In service (在职) on `day`: active and not retained (or retained but counted by the setting)."""
    status = member.status_on(day)
    if not _holds(status):
        return False
    if settings.count_retained:
        return True
    return status is Status.ACTIVE and retention(ws, member, day, settings) is None


def in_service_on(
    ws: Workspace, day: datetime.date, settings: MembershipSettings | None = None
) -> dict[str, list[Member]]:
    """In-service members of every union on `day`, by union code (one pass over all members)."""
    if settings is None:
        settings, _ = MembershipSettings.read(ws)
    out: dict[str, list[Member]] = defaultdict(list)
    for m in ws.members.values():
        if in_service(ws, m, day, settings):
            out[org_on(m, day)].append(m)
    return out


def is_female(member: Member) -> bool:
    """A woman (性别, or the 公民身份号码 when 性别 is not filled in)."""
    if member.gender:
        return member.gender == "女"
    info, _ = check_ric(member.id_number) if member.id_number else (None, None)
    return info is not None and info.gender == "女"


# -- the rules -------------------------------------------------------------------------------------
def check(ws: Workspace) -> list[Problem]:
    settings, problems = MembershipSettings.read(ws)
    problems += check_one_union(ws)
    problems += check_retained_dues(ws, settings)
    problems += check_retained_vote(ws, settings)
    problems += check_retained_welfare(ws, settings)
    problems += check_inactive(ws, settings)
    return problems


def check_one_union(ws: Workspace) -> list[Problem]:
    """一次入会、动态接转 (章程 Art 5; 会籍管理办法 Art 3): one person holds 会籍 in one union only; a
    move between unions is a 转会 of the same record, never a second registration."""
    groups: dict[str, list[Member]] = defaultdict(list)
    for m in ws.members.values():
        if m.id_number and _holds(m.status):
            groups[m.id_number.strip().upper()].append(m)
    problems = []
    for same in groups.values():
        first = same[0]
        for other in same[1:]:
            org = ws.organisations.get(first.org)
            problems.append(
                ws.problem_at(
                    "member",
                    other.id,
                    f"公民身份号码 {other.masked_id_number} 与会员 {first.id} {first.name}"
                    f"（{org.name if org else first.org}）相同：一人只能在一个工会保有会籍，"
                    "调动应办理转会（保留原会员编号和会籍记录），不要重新登记",
                    field="id_number",
                    rule="member.one-union",
                    source=CHARTER_ART5,
                )
            )
    return problems


def _entries(ws: Workspace) -> Iterable[Entry]:
    for entries in ws.entries.values():
        yield from entries


def _person_field(entry: Entry, member_id: str) -> str:
    return "member" if entry.member == member_id else "recipients"


def _retained_people(
    ws: Workspace, e: Entry, settings: MembershipSettings
) -> Iterator[tuple[Member, Retention]]:
    """The members an entry names who were retained (保留会籍) on its date, with their retention."""
    for mid in e.people:
        m = ws.members.get(mid)
        ret = retention(ws, m, e.date, settings) if m else None
        if m is not None and ret is not None:
            yield m, ret


def check_retained_dues(ws: Workspace, settings: MembershipSettings) -> list[Problem]:
    """章程 Art 8: retained members (退休, 失业, 单位撤销) pay no dues; a 401 会费收入 entry naming one
    dated on or after the retention is a problem."""
    problems = []
    for e in _entries(ws):
        if not e.people or not e.account.startswith(DUES_ACCOUNT) or e.signed_for(ws.chart) <= 0:
            continue
        for m, ret in _retained_people(ws, e, settings):
            since = f"自 {ret.since.isoformat()} 起" if ret.since else ""
            problems.append(
                ws.problem_at(
                    "entry",
                    e.ref,
                    f"{m.name}（{m.id}）{since}保留会籍（{ret.reason}），不应再交会费",
                    field=_person_field(e, m.id),
                    rule="member.retained-dues",
                    source=CHARTER_ART8,
                )
            )
    return problems


def check_retained_vote(ws: Workspace, settings: MembershipSettings) -> list[Problem]:
    """Retained members usually have no vote at the 会员(代表)大会 (章程 Art 8 and the 会籍 practice,
    domain §7.4 [S]). A hint, not a warning: an event's participants do not say who voted — retirees
    often attend (列席) without voting — and the rule is only reported, not confirmed."""
    problems = []
    for e in ws.events.values():
        if e.type not in settings.voting_event_types:
            continue
        found = []
        for mid in e.participants:
            m = ws.members.get(mid)
            ret = retention(ws, m, e.start, settings) if m else None
            if m is not None and ret is not None:
                found.append(f"{m.name}（{m.id}，{ret.reason}）")
        if found:
            label = ws.event_types[e.type].label if e.type in ws.event_types else e.type
            problems.append(
                ws.problem_at(
                    "event",
                    e.id,
                    f"保留会籍的会员 {'、'.join(found)} 列为{label}参加人：保留会籍的会员一般不享有"
                    "选举权、表决权，如为列席请核实计票时未计入",
                    field="participants",
                    severity=Severity.HINT,
                    rule="member.retained-vote",
                    source=CHARTER_ART8,
                )
            )
    return problems


def check_retained_welfare(ws: Workspace, settings: MembershipSettings) -> list[Problem]:
    """Retained members get no in-service welfare from union funds (domain §4.9, §7.4: 安徽 2025 and
    the 全总 办法's 退休离岗慰问): an expense on a welfare account (501/502/503/504 by default) paid to
    a retained member is a problem, except a 退休纪念 paid to a retiree within
    `retirement_souvenir_window_days` after the retirement date."""
    problems = []
    window = datetime.timedelta(days=settings.souvenir_window_days)
    for e in _entries(ws):
        if not e.people or not e.account.startswith(settings.welfare_accounts):
            continue
        if not e.is_expense(ws.chart) or e.signed_for(ws.chart) <= 0:
            continue
        for m, ret in _retained_people(ws, e, settings):
            if e.purpose == SOUVENIR and ret.reason == RETIRED:
                if ret.since is not None and e.date - ret.since <= window:
                    continue
                why = (
                    f"退休纪念应在退休（{ret.since.isoformat()}）后 {settings.souvenir_window_days} 天内发放"
                    if ret.since
                    else "会籍记录中没有退休日期，无法确认是退休时的纪念品"
                )
            else:
                since = f"自 {ret.since.isoformat()} 起" if ret.since else ""
                why = f"{since}保留会籍（{ret.reason}），除退休纪念外不享受在职会员的工会经费福利"
            acc = ws.chart.get(e.account)
            problems.append(
                ws.problem_at(
                    "entry",
                    e.ref,
                    f"{e.account} {acc.name if acc else ''}支出发给 {m.name}（{m.id}）：{why}",
                    field=_person_field(e, m.id),
                    severity=Severity.WARNING,
                    rule="member.retained-welfare",
                    source=WELFARE_SOURCE,
                )
            )
    return problems


def check_inactive(ws: Workspace, settings: MembershipSettings) -> list[Problem]:
    """章程 Art 6: no dues and no participation for six months (without good reason, and no change
    after education) means leaving the union. Software only flags the members for the committee; the
    会籍 is never changed automatically. Retained members and members who joined within the window
    are exempt.

    Dues evidence: a 401 entry in the window naming the member (`member`/`recipients`); in a union
    listed in `dues_by_payroll` the dues are deducted for everybody, so only participation can tell
    members apart, and those unions get one hint listing their members without participation.
    Participation: being a participant or in the results of an event in the window, or holding a seat
    on a committee whose term overlaps it or that is still the current one (officers serve until the
    换届).
    """
    today = ws.as_of
    start = months_before(today, settings.inactive_months)
    paid: set[str] = set()
    for e in _entries(ws):
        if start <= e.date <= today and e.people and e.account.startswith(DUES_ACCOUNT):
            if e.signed_for(ws.chart) > 0:
                paid.update(e.people)
    took_part: set[str] = set()
    for ev in ws.events.values():
        if ev.start <= today and ev.last_day >= start:
            took_part.update(ev.participants)
            took_part.update(r.member for r in ev.results if r.member)
    for org in ws.organisations.values():
        current = {org.committee(k) for k in CommitteeKind}
        for c in org.committees:
            # officers serve until the 换届, so the current bodies count even past their term
            if c.term_start <= today and (c.term_end >= start or c in current):
                took_part.update(s.member for s in c.seats if s.member)
    problems = []
    quiet: dict[str, list[Member]] = defaultdict(list)
    span = f"近{settings.inactive_months}个月（{start.isoformat()} 至 {today.isoformat()}）"
    for m in ws.members.values():
        if m.status is not Status.ACTIVE or m.id in took_part:
            continue
        if m.status_on(start) is not Status.ACTIVE or (m.joined and m.joined > start):
            continue
        if m.history and min(h.date for h in m.history) > start:
            continue
        if retention(ws, m, today, settings) or retention(ws, m, start, settings):
            continue
        if settings.payroll(m.org):
            quiet[m.org].append(m)
        elif m.id not in paid:
            problems.append(
                ws.problem_at(
                    "member",
                    m.id,
                    f"{m.name}{span}既无交纳会费的记录（401 会费收入中未列其名），也未参加活动：请工会委员会"
                    "了解情况、进行教育（会籍不会自动变更；如会费由工资代扣，可在 unioncore.toml 设置 dues_by_payroll）",
                    field="status",
                    severity=Severity.WARNING,
                    rule="member.inactive",
                    source=CHARTER_ART6,
                )
            )
    for code, members in sorted(quiet.items()):
        names = "、".join(f"{m.name}（{m.id}）" for m in members[:10])
        more = f"等 {len(members)} 人" if len(members) > 10 else f"共 {len(members)} 人"
        problems.append(
            ws.problem_at(
                "organisation",
                code,
                f"{span}未参加任何活动的会员：{names}{more}（本会会费由工资代扣，仅按参加活动判断）：请工会委员会"
                "了解情况；会籍不会自动变更",
                severity=Severity.HINT,
                rule="member.no-participation",
                source=CHARTER_ART6,
            )
        )
    return problems
