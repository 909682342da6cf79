"""Every rule of the policy plugin, with its default severity and source.

A workspace switches a rule off or re-levels it under `[rules]` in unioncore.toml; the severity here
is the default. Rules whose amounts are provincial take their source from the chosen preset
(`source=None` here, filled in when the problem is made).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from unioncore import Rule, Severity

if TYPE_CHECKING:
    from unioncore import Problem, Workspace

CHART = "《工会会计制度》（财会〔2021〕7号）"
CHART_NOTE = "《工会会计制度》（财会〔2021〕7号）总说明"
LAW_43 = "《工会法》第四十三条、第四十四条"
BUDGET = "《工会法》第四十五条；皖工发〔2025〕18号（第15—16页）"
NAMED = "皖工发〔2025〕18号（第16页：实名发放、实名签收）"
ELIGIBLE = "《基层工会经费收支管理办法》；皖工发〔2025〕18号（第9—10页）"
RETIREES = "《中国工会章程》第八条；皖工发〔2025〕18号（第10页）"
NATIONAL_2017 = "《基层工会经费收支管理办法》（全总2017）"
HARDSHIP = "皖工发〔2025〕18号（第12页）；困难职工建档"
RELATIVES = "安徽省2018年基层工会经费收支标准（直系亲属：配偶、父母、子女）"
# provincial amounts: the problem names the chosen preset's document (or the workspace's own setting)
PROVINCIAL = "省级基层工会经费收支实施办法（按 [settings.policy] preset 所选，问题中注明具体文件）"
ONCE_A_YEAR = "皖工发〔2025〕18号（同一疾病每年慰问一次）"

RULES: list[Rule] = [
    Rule(
        "policy.settings", "[settings.policy] 的取值有效", Severity.ERROR, "unioncore.toml [settings.policy]"
    ),
    # chart of accounts
    Rule("policy.account-level", "只使用本级工会可用的会计科目", Severity.ERROR, CHART),
    Rule("policy.sub-account", "有规定明细科目的一级科目应记入明细科目", Severity.WARNING, CHART_NOTE),
    # budget
    Rule("policy.budget-missing", "支出应有预算（无预算不得支出）", Severity.ERROR, BUDGET),
    Rule("policy.budget-exceeded", "支出不得超过预算（含调整）", Severity.ERROR, BUDGET),
    Rule("policy.budget-adjustments", "预算调整原则上每年一次", Severity.WARNING, BUDGET),
    # named payments (实名发放)
    Rule("policy.payee-named", "慰问、福利、帮扶应实名发放给会员", Severity.ERROR, NAMED),
    Rule("policy.payee-union", "领取人应是本会会员，且发放时持有会籍", Severity.ERROR, ELIGIBLE),
    Rule("policy.approval", "实名发放须经审批、实名签收", Severity.WARNING, NAMED),
    Rule("policy.purpose-account", "慰问、帮扶、送温暖记入对应的支出科目", Severity.ERROR, CHART),
    Rule("policy.purpose-missing", "发给个人的支出应填写用途", Severity.HINT, CHART),
    # festivals
    Rule(
        "policy.festival-statutory",
        "节日慰问只限法定节日和经批准的少数民族节日",
        Severity.ERROR,
        NATIONAL_2017,
    ),
    Rule("policy.festival-cap", "节日慰问不超过省定的每人每年（每节）标准", Severity.ERROR, PROVINCIAL),
    Rule("policy.festival-method", "节日慰问不发现金、购物卡（按省定方式发放）", Severity.ERROR, PROVINCIAL),
    # per-event caps
    Rule("policy.birthday-once", "生日慰问每人每年一次", Severity.ERROR, NATIONAL_2017),
    Rule("policy.birthday-method", "生日慰问发放蛋糕等实物或蛋糕券", Severity.WARNING, NATIONAL_2017),
    Rule("policy.event-cap", "生日、婚育、住院、丧葬、退休、帮扶不超过省定标准", Severity.ERROR, PROVINCIAL),
    Rule("policy.hospital-once", "同一疾病住院慰问每年一次", Severity.ERROR, ONCE_A_YEAR),
    Rule(
        "policy.hospital-illness", "多次住院慰问应注明病因，以便核对同一疾病", Severity.WARNING, ONCE_A_YEAR
    ),
    Rule("policy.retirement-once", "退休纪念品每人一次", Severity.ERROR, NATIONAL_2017),
    Rule("policy.death-relative", "亲属去世慰问限直系亲属", Severity.WARNING, RELATIVES),
    # hardship and money held for others
    Rule("policy.hardship-file", "困难帮扶须有困难职工档案", Severity.ERROR, HARDSHIP),
    Rule("policy.premium-custody", "代收的互助保险费记入221代管经费，不作收入", Severity.ERROR, CHART),
    # 拨缴经费
    Rule(
        "policy.payroll",
        "工资总额记录的月份有效",
        Severity.ERROR,
        "《工会法》第四十三条（按每月工资总额计拨）",
    ),
    Rule("policy.allocation-arrears", "拨缴经费按工资总额2%足额拨缴", Severity.WARNING, LAW_43),
    Rule(
        "policy.allocation-split",
        "拨缴经费的上解部分按比例记入211应付上级经费",
        Severity.ERROR,
        f"{CHART}211、402科目说明；留成比例为设置项",
    ),
    # year-end close
    Rule("policy.year-end-close", "年终将收入、支出结转到321/322", Severity.WARNING, CHART),
    Rule("policy.closed-balance", "结账后收入、支出科目没有余额", Severity.ERROR, CHART),
    Rule("policy.close-date", "结账分录记在12月31日", Severity.WARNING, CHART),
]

BY_CODE = {r.code: r for r in RULES}


def entry_problem(
    ws: Workspace,
    code: str,
    ref: str,
    message: str,
    field: str | None = None,
    *,
    source: str | None = None,
    severity: Severity | None = None,
) -> Problem:
    """A problem of rule `code` at a ledger entry (file:line of the entry and its field)."""
    rule = BY_CODE[code]
    return ws.problem_at(
        "entry",
        ref,
        message,
        field=field,
        severity=severity or rule.severity,
        rule=code,
        source=source or rule.source,
    )


def record_problem(
    ws: Workspace,
    code: str,
    kind: str,
    key: str,
    message: str,
    field: str | None = None,
    *,
    source: str | None = None,
) -> Problem:
    rule = BY_CODE[code]
    return ws.problem_at(
        kind, key, message, field=field, severity=rule.severity, rule=code, source=source or rule.source
    )


def file_problem(
    ws: Workspace,
    code: str,
    rel: str,
    message: str,
    path: tuple[str | int, ...] | None = None,
    *,
    source: str | None = None,
) -> Problem:
    """A problem in a file that has no record kind (budget files): located by key path."""
    from unioncore import Problem

    rule = BY_CODE[code]
    sf = ws.files.get(rel)
    if sf is None:
        return Problem(message, rule.severity, file=rel, path=path, rule=code, source=source or rule.source)
    return sf.problem(message, path, rule.severity, rule=code, source=source or rule.source)
