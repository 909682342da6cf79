"""Every rule of the retirees plugin with its source (shared/domain.md §4.5, §4.9, §7)."""

from __future__ import annotations

from unioncore import Rule, Severity

CHARTER_ART8 = "《中国工会章程》第八条"
RETIREE_BENEFITS = (
    "《中国工会章程》第八条；基层工会经费收支管理办法（安徽 2025 实施办法）：退休职工福利由行政负担"
)
SOUVENIR = "基层工会经费收支管理办法：退休离岗慰问（退休纪念）"
ELDERLY_ART12 = "《老年人权益保障法》第十二条"
CARE_PRACTICE = "退管会慰问制度（[settings.retirees] festival_visit）"

RULES = [
    Rule(
        "retirees.union-pays",
        "工会经费只向退休职工支付退休纪念，其他慰问由行政或退管会负担",
        Severity.ERROR,
        RETIREE_BENEFITS,
    ),
    Rule("retirees.souvenir", "退休纪念在退休前后发放，每人一次", Severity.WARNING, SOUVENIR),
    Rule("retirees.visit-member", "慰问记录的对象是退休会员", Severity.WARNING, CHARTER_ART8),
    Rule(
        "retirees.retirement-date", "退休会员登记退休日期（会籍变动“退休”）", Severity.WARNING, CHARTER_ART8
    ),
    Rule("retirees.care-member", "关怀标记只登记退休会员", Severity.WARNING, CHARTER_ART8),
    Rule("retirees.festival-visit", "元旦、春节走访应慰问的退休职工", Severity.HINT, CARE_PRACTICE),
    Rule("retirees.team-member", "退休职工队伍的队员是退休会员", Severity.HINT),
    Rule("retirees.chongyang", "重阳节（老年节）前后为退休职工组织活动", Severity.HINT, ELDERLY_ART12),
    Rule("retirees.settings", "[settings.retirees] 的设置值有效", Severity.ERROR),
]
