"""The contracts plugin's rules, each with its source (shared/domain.md §9, §6.8)."""

from __future__ import annotations

import datetime
from collections import defaultdict

from unioncore import Problem, Rule, Severity, Workspace
from unioncore.records import Record

from . import coverage, terms
from .records import CONTRACT, SINGLE, WAGE, WOMEN, contracts
from .settings import ContractSettings, read_settings

REG = "《集体合同规定》（劳动和社会保障部令第22号）"
LABOUR_CONTRACT_LAW = "《劳动合同法》"
WAGE_RULES = "《工资集体协商试行办法》（劳动和社会保障部令第9号）"


def _rule(code: str, title: str, severity: Severity, source: str | None = None) -> Rule:
    return Rule(f"contracts.{code}", title, severity, source)


VOTE = _rule(
    "vote",
    "职代会（职工大会）三分之二以上出席、全体过半数同意通过",
    Severity.ERROR,
    REG + "第三十六条",
)
VOTE_MISSING = _rule(
    "vote-missing", "合同草案经职代会或全体职工讨论通过", Severity.WARNING, LABOUR_CONTRACT_LAW + "第五十一条"
)
VOTE_EVENT = _rule(
    "vote-event", "表决所引活动是本工会的职代会，人数一致", Severity.WARNING, REG + "第三十六条"
)
VOTE_DATE = _rule("vote-date", "先经职代会通过，再由双方首席代表签字", Severity.WARNING, REG + "第三十七条")
DATES = _rule("dates", "签订、期限、报送日期前后一致", Severity.ERROR)
TERM = _rule(
    "term", "期限一般为1至3年；工资专项集体合同一年一订", Severity.WARNING, REG + "第三十八条；" + WAGE_RULES
)
FILING = _rule(
    "filing",
    "签字后10日内（工资专项7日内）报送劳动行政部门",
    Severity.WARNING,
    REG + "第四十二条；" + WAGE_RULES,
)
OBJECTION = _rule(
    "objection",
    "劳动行政部门15日内提出异议的合同不生效",
    Severity.WARNING,
    LABOUR_CONTRACT_LAW + "第五十四条",
)
EXPIRING = _rule("expiring", "期满前三个月提醒续订", Severity.HINT, REG + "第三十八条")
EXPIRED = _rule("expired", "期满的合同应续订或重新签订", Severity.WARNING, REG + "第三十八条")
RENEWAL = _rule("renewal", "续订的合同与原合同同一工会、同一类别、签订在后", Severity.WARNING)
OVERLAP = _rule("overlap", "同一工会同类单独合同期限不重叠", Severity.WARNING)
COVERAGE = _rule(
    "coverage",
    "覆盖企业和职工人数齐全、一致；区域性行业性合同由区域或行业工会签订",
    Severity.WARNING,
    LABOUR_CONTRACT_LAW + "第五十三条",
)
FEMALE = _rule("female", "覆盖女职工人数不超过覆盖职工人数", Severity.ERROR)
MINIMUM_WAGE = _rule(
    "minimum-wage", "约定的最低工资不低于当地最低工资标准", Severity.ERROR, LABOUR_CONTRACT_LAW + "第五十五条"
)
REF = _rule("ref", "表决所引活动存在", Severity.ERROR)
SETTINGS = _rule("settings", "unioncore.toml 中 settings.contracts 的设置有效", Severity.ERROR)

RULES = [
    VOTE,
    VOTE_MISSING,
    VOTE_EVENT,
    VOTE_DATE,
    DATES,
    TERM,
    FILING,
    OBJECTION,
    EXPIRING,
    EXPIRED,
    RENEWAL,
    OVERLAP,
    COVERAGE,
    FEMALE,
    MINIMUM_WAGE,
    REF,
    SETTINGS,
]


class _Found:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.problems: list[Problem] = []

    def at(self, rule: Rule, rec: Record, message: str, *field: str | int) -> None:
        path = None
        if len(field) > 1:
            where = self.ws.where(CONTRACT, rec.key)
            path = (*where[1], *field) if where is not None else None
        self.problems.append(
            self.ws.problem_at(
                CONTRACT,
                rec.key,
                message,
                field=str(field[0]) if field else None,
                path=path,
                severity=rule.severity,
                rule=rule.code,
                source=rule.source,
            )
        )


def _d(day: datetime.date) -> str:
    return day.isoformat()


def check(ws: Workspace) -> list[Problem]:
    settings, problems = read_settings(ws)
    found = _Found(ws)
    recs = contracts(ws)
    renewed_by = terms.renewals(ws)
    pool = coverage.units(ws)
    # contracts by union, kind and scope: the ones that can replace each other
    alike: dict[tuple[str, str, str], list[Record]] = defaultdict(list)
    for rec in recs:
        alike[(rec["org"], rec["kind"], rec["scope"])].append(rec)
    for rec in recs:
        _check_vote(ws, rec, found)
        _check_dates(rec, settings, found)
        _check_term_end(ws, rec, settings, renewed_by, alike[(rec["org"], rec["kind"], rec["scope"])], found)
        _check_coverage(ws, rec, pool, settings, found)
    _check_renewals(ws, recs, renewed_by, found)
    _check_overlap(recs, found)
    return problems + found.problems


def _check_vote(ws: Workspace, rec: Record, found: _Found) -> None:
    vote = rec.get("vote")
    if not vote:
        found.at(VOTE_MISSING, rec, "没有职代会（或全体职工）讨论通过合同草案的记录（vote）", "signed")
        return
    total, present, yes = vote.get("total"), vote.get("present"), vote.get("yes")
    if total is None or present is None or yes is None:
        return  # reported by the core as a missing field
    if present > total:
        found.at(VOTE, rec, f"实到{present}人多于应到{total}人", "vote", "present")
    elif yes > present:
        found.at(VOTE, rec, f"赞成{yes}票多于实到{present}人", "vote", "yes")
    elif not terms.is_adopted(total, present, yes):
        body = vote.get("body") or "职工代表大会"
        reasons = []
        if present * 3 < total * 2:
            reasons.append(f"实到{present}人不足应到{total}人的三分之二")
        if yes * 2 <= total:
            reasons.append(f"赞成{yes}票未超过全体{total}人的半数")
        found.at(VOTE, rec, f"{body}表决未通过：{'，'.join(reasons)}", "vote", "yes")
    day = vote.get("date")
    event_id = vote.get("event")
    if event_id:
        event = ws.events.get(event_id)
        if event is None:
            found.at(REF, rec, f"表决所引活动“{event_id}”不存在", "vote", "event")
        else:
            day = day or event.start
            if event.type != "staff_congress":
                found.at(
                    VOTE_EVENT, rec, f"活动“{event_id}”（{event.title}）不是职工代表大会", "vote", "event"
                )
            elif event.fields.get("delegates") not in (None, total):
                found.at(
                    VOTE_EVENT,
                    rec,
                    f"应到{total}人，与职代会“{event_id}”的职工代表人数{event.fields['delegates']}不一致",
                    "vote",
                    "total",
                )
            if rec["scope"] == SINGLE and rec["org"] not in event.organisers:
                found.at(VOTE_EVENT, rec, f"职代会“{event_id}”不是{rec['org']}召开的", "vote", "event")
    if day is not None and day > rec["signed"]:
        found.at(VOTE_DATE, rec, f"表决日期{_d(day)}晚于签订日期{_d(rec['signed'])}", "vote", "date")


def _check_dates(rec: Record, settings: ContractSettings, found: _Found) -> None:
    start, end, signed = rec["term_start"], rec["term_end"], rec["signed"]
    if end < start:
        found.at(DATES, rec, "期限届满日期早于开始日期", "term_end")
        return
    if signed > end:
        found.at(DATES, rec, "签订日期晚于期限届满日期", "signed")
    filed, got = rec.get("filed"), rec.get("received")
    if filed is not None and filed < signed:
        found.at(DATES, rec, "报送日期早于签订日期", "filed")
    if got is not None and filed is not None and got < filed:
        found.at(DATES, rec, "收到日期早于报送日期", "received")
    # term: 1-3 years (Art 38); wage agreements yearly (工资集体协商试行办法)
    years = terms.term_years(rec)
    if rec["kind"] == WAGE and not 0.95 <= years <= 1.05:
        found.at(TERM, rec, f"工资专项集体合同一般一年一订，此合同期限约{years:.1f}年", "term_end")
    elif rec["kind"] != WAGE and not 0.95 <= years <= 3.05:
        found.at(TERM, rec, f"集体合同期限一般为1至3年，此合同约{years:.1f}年", "term_end")
    # filing with the labour authority (Art 42: 10 days; wage agreements 7)
    deadline = terms.filing_deadline(rec, settings)
    days = terms.filing_days(rec, settings)
    if filed is not None and filed > deadline:
        found.at(
            FILING,
            rec,
            f"签订后{(filed - signed).days}天才报送劳动行政部门，应在{days}日内（{_d(deadline)}前）报送",
            "filed",
        )
    elif filed is None and got is None and found.ws.as_of > deadline:
        found.at(
            FILING,
            rec,
            f"签订已{(found.ws.as_of - signed).days}天仍未报送劳动行政部门（应在{days}日内、{_d(deadline)}前报送），合同尚未生效",
            "signed",
        )
    if terms.objected(rec, settings):
        found.at(
            OBJECTION,
            rec,
            f"劳动行政部门在{_d(rec['objection'])}提出审查意见，合同未生效：应重新协商修改后再报送",
            "objection",
        )


def _check_term_end(
    ws: Workspace,
    rec: Record,
    settings: ContractSettings,
    renewed_by: dict[str, list[Record]],
    alike: list[Record],
    found: _Found,
) -> None:
    """`alike`: the contracts of the same union, kind and scope (`rec` among them)."""
    if rec.key in renewed_by:
        return
    today = ws.as_of
    end = rec["term_end"]
    # a later contract of the same union, kind and scope in force today replaces it as well
    if any(
        o.key != rec.key and o["term_start"] > rec["term_start"] and o["term_start"] <= today <= o["term_end"]
        for o in alike
    ):
        return
    if today > end:
        found.at(EXPIRED, rec, f"合同已于{_d(end)}期满，未见续订或重新签订", "term_end")
    elif today >= terms.reminder_date(rec, settings):
        found.at(
            EXPIRING,
            rec,
            f"合同将于{_d(end)}期满（还有{(end - today).days}天）：可在期满前三个月内提出续订要求",
            "term_end",
        )


def _check_coverage(
    ws: Workspace, rec: Record, pool: coverage.Pool, settings: ContractSettings, found: _Found
) -> None:
    org = ws.organisations.get(rec["org"])
    ents = rec.get("enterprises")
    covered = rec.get("covered") or []
    if rec["scope"] == SINGLE:
        if ents is not None and ents != 1:
            found.at(
                COVERAGE,
                rec,
                f"单独签订的合同覆盖一家企业，不是{ents}家（区域性或行业性合同请改 scope）",
                "enterprises",
            )
        if org is not None and org.kind.is_federation:
            found.at(COVERAGE, rec, f"{org.name}是{org.kind.value}，它签订的合同应为区域性或行业性", "scope")
    else:
        if org is not None and not org.kind.is_federation:
            found.at(
                COVERAGE,
                rec,
                f"{rec['scope']}集体合同应由区域或行业工会签订，{org.name}是{org.kind.value}",
                "org",
            )
        if ents is None and not covered:
            found.at(
                COVERAGE,
                rec,
                f"{rec['scope']}集体合同应填写覆盖企业数（enterprises）或覆盖单位（covered）",
                "scope",
            )
        elif ents is not None and ents < len(covered):
            found.at(COVERAGE, rec, f"覆盖企业数{ents}少于列出的覆盖单位{len(covered)}家", "enterprises")
        for i, name in enumerate(covered):
            if coverage.find_unit(pool, name) is None:
                found.at(
                    COVERAGE, rec, f"覆盖单位“{name}”不在上级工会的单位名录中（enterprise）", "covered", i
                )
    if coverage.employees(ws, rec, pool) is None:
        found.at(COVERAGE, rec, "缺少覆盖职工人数（employees）", "employees")
    emps, women = coverage.employees(ws, rec, pool), rec.get("female_employees")
    if women is not None and emps is not None and women > emps:
        found.at(FEMALE, rec, f"覆盖女职工{women}人多于覆盖职工{emps}人", "female_employees")
    if rec["kind"] == WOMEN and women is None:
        found.at(
            COVERAGE, rec, "女职工专项集体合同应填写覆盖女职工人数（female_employees）", "female_employees"
        )
    # 劳动合同法 Art 55: not below the local minimum wage
    wage = rec.get("lowest_wage")
    minimum = settings.minimum_wage_in(rec["term_start"].year)
    if wage is not None and minimum is not None and wage < minimum:
        found.at(
            MINIMUM_WAGE,
            rec,
            f"约定最低工资{wage:,.2f}元低于当地最低工资标准{minimum:,.2f}元",
            "lowest_wage",
        )


def _check_renewals(
    ws: Workspace, recs: list[Record], renewed_by: dict[str, list[Record]], found: _Found
) -> None:
    by_key = {r.key: r for r in recs}
    for rec in recs:
        old_key = rec.get("renews")
        if not old_key:
            continue
        if old_key == rec.key:
            found.at(RENEWAL, rec, "合同不能续订它自己", "renews")
            continue
        old = by_key.get(old_key)
        if old is None:
            continue  # the core reports the missing reference
        if old["org"] != rec["org"]:
            found.at(RENEWAL, rec, f"续订的合同“{old_key}”是{old['org']}签订的，不是{rec['org']}", "renews")
        if old["kind"] != rec["kind"]:
            found.at(RENEWAL, rec, f"续订的合同“{old_key}”是{old['kind']}合同，不是{rec['kind']}", "renews")
        if rec["signed"] < old["signed"]:
            found.at(RENEWAL, rec, f"签订日期早于所续订合同“{old_key}”的签订日期", "renews")
        first = renewed_by[old_key][0]
        if first.key != rec.key:
            found.at(RENEWAL, rec, f"合同“{old_key}”已由“{first.key}”续订", "renews")


def _check_overlap(recs: list[Record], found: _Found) -> None:
    groups: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for rec in recs:
        if rec["scope"] == SINGLE and rec["term_end"] >= rec["term_start"]:
            groups[(rec["org"], rec["kind"])].append(rec)
    for group in groups.values():
        group.sort(key=lambda r: (r["term_start"], r.key))
        for i, later in enumerate(group):
            for earlier in group[:i]:
                if earlier["term_end"] >= later["term_start"]:
                    found.at(
                        OVERLAP,
                        later,
                        f"与同类合同“{earlier.key}”（至{_d(earlier['term_end'])}）期限重叠",
                        "term_start",
                    )
                    break
