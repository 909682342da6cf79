"""The core's own rules on organisations (beyond what loading checks): terms and 换届 reminders."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .membership_rules import MembershipSettings, SettingsReader
from .organisation import CommitteeKind, OrgKind
from .problems import Problem, Severity
from .registry import Rule

if TYPE_CHECKING:
    from .organisation import Organisation
    from .workspace import Workspace

LAW_ART16 = "《工会法》第十六条"
LAW_ART45 = "《工会法》第四十五条"
# branches and groups share the term and the 经审会 of their union (章程 Art 30)
_OWN_BODIES = tuple(k for k in OrgKind if k not in (OrgKind.BRANCH, OrgKind.GROUP))

RULES = [
    Rule("org.term-length", "基层工会委员会、经审会任期为三年或五年", Severity.WARNING, LAW_ART16),
    Rule("org.term-expired", "任期届满应按时换届", Severity.WARNING, LAW_ART16),
    Rule("org.term-due", "任期即将届满，提醒准备换届", Severity.HINT, LAW_ART16),
    Rule("org.audit-committee", "有工会委员会的工会应建立经费审查委员会", Severity.WARNING, LAW_ART45),
    Rule("org.parent", "上级工会应存在且是总工会或联合会，不能循环", Severity.ERROR),
    Rule("org.code-folder", "组织代码与文件夹名一致", Severity.ERROR),
    Rule("org.uscc", "统一社会信用代码符合 GB 32100-2015", Severity.ERROR, "GB 32100-2015"),
    Rule("org.term", "任期届满日期晚于开始日期", Severity.ERROR),
    Rule("org.seat", "委员对应的会员存在", Severity.ERROR),
    Rule("org.enterprise", "所建工会存在", Severity.ERROR),
    Rule("org.employees", "女职工人数不大于职工人数", Severity.ERROR),
    Rule("member.ric", "公民身份号码有效（位数、出生日期、地址码、校验位）", Severity.ERROR, "GB 11643-1999"),
    Rule("member.ric-gender", "性别与公民身份号码一致", Severity.ERROR, "GB 11643-1999"),
    Rule("member.dates", "日期前后一致", Severity.ERROR),
    Rule("member.phone", "手机号格式", Severity.WARNING),
    Rule("member.category", "会员类别已注册", Severity.ERROR),
    Rule("member.history", "会籍变动与状态一致", Severity.WARNING),
    Rule("member.duplicate", "会员编号唯一", Severity.ERROR),
    Rule("member.id", "会员编号格式", Severity.ERROR),
    Rule("event.type", "活动类型已注册", Severity.ERROR),
    Rule("event.duplicate", "活动编号唯一", Severity.ERROR),
    Rule("event.year", "活动记在其年份的文件中", Severity.ERROR),
    Rule("event.dates", "结束日期不早于开始日期", Severity.ERROR),
    Rule("event.ref", "活动引用的组织、会员存在", Severity.ERROR),
    Rule(
        "entry.account",
        "科目在《工会会计制度》科目表中",
        Severity.ERROR,
        "《工会会计制度》（财会〔2021〕7号）",
    ),
    Rule("entry.amount", "金额大于零", Severity.ERROR),
    Rule("entry.year", "凭证记在其年份的账中", Severity.ERROR),
    Rule("entry.duplicate", "凭证号在一年内唯一", Severity.ERROR),
    Rule("entry.ref", "凭证引用的会员、活动存在", Severity.ERROR),
    Rule("entry.cash", "对方科目通常为现金或银行存款", Severity.HINT),
    Rule("record.field", "字段类型正确、无未知字段（金额不能是浮点数）", Severity.ERROR),
    Rule("record.duplicate", "插件记录编号唯一", Severity.ERROR),
    Rule("record.ref", "插件记录引用的对象存在", Severity.ERROR),
    Rule("account.extra", "自设科目只能设在规定科目之下", Severity.ERROR, "《工会会计制度》总说明"),
    Rule("file.toml", "文件是有效的 TOML", Severity.ERROR),
    Rule("file.encoding", "文件是 UTF-8 编码", Severity.ERROR),
    Rule("file.bom", "文件不带 BOM", Severity.HINT),
    Rule("workspace.unknown-file", "工作区中没有无法识别的文件", Severity.WARNING),
    Rule("plugin.missing", "启用的插件已安装", Severity.WARNING),
    Rule("plugin.error", "插件运行不出错", Severity.ERROR),
]


def check_terms(ws: Workspace) -> list[Problem]:
    """换届: a committee's term must be 3 or 5 years (工会法 Art 16); remind `term_reminder_days`
    (setting, 180) before its end and report it after; an organisation with a 工会委员会 but no
    经费审查委员会 is reported (工会法 Art 45: 各级工会建立经费审查委员会). Unions listed in the
    setting `closed_unions` are left out from their closing date."""
    reader = SettingsReader(ws, "org.setting")
    remind = reader.integer("term_reminder_days", 180)
    problems = list(reader.problems)
    member_settings, _ = MembershipSettings.read(ws)  # reported by membership_rules
    today = ws.as_of
    for org in ws.organisations.values():
        closed = member_settings.closed_unions.get(org.code)
        if org.kind not in _OWN_BODIES or (closed is not None and closed <= today):
            continue
        problems += _audit_committee(ws, org)
        for kind in (CommitteeKind.UNION, CommitteeKind.AUDIT):
            c = org.committee(kind)
            if c is None:
                continue
            problems += _term(ws, org, org.committees.index(c), remind)
    return problems


def _audit_committee(ws: Workspace, org: Organisation) -> list[Problem]:
    union = org.committee(CommitteeKind.UNION)
    if union is None or org.committee(CommitteeKind.AUDIT) is not None:
        return []
    if union.seats and all(s.role == "组织员" for s in union.seats):
        return []  # a union led by one 组织员 (工会法 Art 11) has no committee to elect a 经审会 beside
    return [
        ws.problem_at(
            "organisation",
            org.code,
            '有工会委员会，但没有登记经费审查委员会（[[committee]] kind = "经费审查委员会"；会员少的可只设经费审查委员一人）',
            path=("committee", org.committees.index(union)),
            severity=Severity.WARNING,
            rule="org.audit-committee",
            source=LAW_ART45,
        )
    ]


def _term(ws: Workspace, org: Organisation, idx: int, remind: int) -> list[Problem]:
    c = org.committees[idx]
    kind = c.kind
    problems = []
    years = c.term_years
    if org.kind.is_grassroots and not any(abs(years - n) <= 0.1 for n in (3, 5)):
        problems.append(
            ws.problem_at(
                "organisation",
                org.code,
                f"{kind.value}任期约 {years:.1f} 年，应为三年或五年",
                path=("committee", idx, "term_end"),
                severity=Severity.WARNING,
                rule="org.term-length",
                source=LAW_ART16,
            )
        )
    left = c.days_left(ws.as_of)
    if left < 0:
        problems.append(
            ws.problem_at(
                "organisation",
                org.code,
                f"{kind.value}任期已于 {c.term_end.isoformat()} 届满，已逾期 {-left} 天，应换届",
                path=("committee", idx, "term_end"),
                severity=Severity.WARNING,
                rule="org.term-expired",
                source=LAW_ART16,
            )
        )
    elif left <= remind:
        problems.append(
            ws.problem_at(
                "organisation",
                org.code,
                f"{kind.value}任期将于 {c.term_end.isoformat()} 届满（还有 {left} 天），请准备换届",
                path=("committee", idx, "term_end"),
                severity=Severity.HINT,
                rule="org.term-due",
                source=LAW_ART16,
            )
        )
    return problems
