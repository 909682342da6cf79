"""Every rule of the 安康杯 plugin with its source, so `unioncore rules` lists them and a workspace
can switch one off or re-level it under `[rules]`."""

from __future__ import annotations

from unioncore import Rule, Severity

ART41 = "《安全生产法》第四十一条"
ART25 = "《工会法》第二十五条"
# shared/domain.md §5.4-5.5 (S24): 全国/省“安康杯”竞赛优胜单位考核评分表，得分须在90分以上；全国优胜
# 单位、优胜班组不重复授予；省优胜单位、优胜班组5年内不得重复授予
AWARD_RULES = "“安康杯”竞赛评选规定（四川省总工会2022—2023年度评选通知）"
SCORE_SHEET = "《全国“安康杯”竞赛优胜单位考核评分表》"
ACCIDENT_BAR = "“安康杯”竞赛评选条件（竞赛期间未发生较大及以上伤亡事故；等级可设置）"
SEASONS = "“安康杯”竞赛两年一届（中华全国总工会、应急管理部、国家卫生健康委员会）"

RULES = [
    Rule("ankang.settings", "[settings.ankang] 的设置有效", Severity.ERROR),
    Rule("ankang.season", "赛季的起止年度和编号有效，评分表不重复、合计 100 分", Severity.ERROR, SEASONS),
    Rule("ankang.enrolment", "同一单位在一个赛季只报名一次，班组名称不重复", Severity.ERROR),
    Rule("ankang.enrolment-workers", "参赛职工人数不超过单位职工人数和班组人数之和", Severity.WARNING),
    Rule("ankang.event-season", "安康杯活动属于已登记的赛季且在赛季年度内", Severity.WARNING, SEASONS),
    Rule("ankang.hazard-status", "隐患状态与整改、验收日期一致，日期先后有序", Severity.ERROR, ART41),
    Rule("ankang.hazard-overdue", "隐患在整改期限内整改", Severity.WARNING, ART41),
    Rule("ankang.major-hazard-report", "重大事故隐患及时向职代会和监管部门报告", Severity.WARNING, ART41),
    Rule("ankang.major-hazard-verified", "重大事故隐患验收前已向职代会和监管部门报告", Severity.ERROR, ART41),
    Rule("ankang.no-reply", "工会提出的整改建议得到单位及时答复", Severity.WARNING, ART25),
    Rule("ankang.accident", "事故的伤亡人数与等级一致", Severity.ERROR),
    Rule(
        "ankang.score",
        "考核得分按评分表填写，不超过分值，总分与分项一致，一个单位一份",
        Severity.ERROR,
        SCORE_SHEET,
    ),
    Rule("ankang.score-enrolled", "考核的单位已报名参赛", Severity.WARNING),
    Rule("ankang.award-fields", "表彰记录填明单位、班组或个人", Severity.ERROR),
    Rule("ankang.award-enrolled", "获优胜的单位、班组已报名参赛", Severity.WARNING),
    Rule("ankang.pass-mark", "优胜单位考核得分不低于合格分（默认 90 分）", Severity.ERROR, SCORE_SHEET),
    Rule("ankang.winner-unscored", "本赛季已录入考核得分时，优胜单位应有得分", Severity.WARNING, SCORE_SHEET),
    Rule("ankang.national-repeat", "全国优胜单位、优胜班组不重复授予", Severity.ERROR, AWARD_RULES),
    Rule(
        "ankang.provincial-repeat",
        "省级优胜单位、优胜班组 5 年内不重复授予（年限可设置）",
        Severity.ERROR,
        AWARD_RULES,
    ),
    Rule("ankang.winner-accident", "赛季内发生严重事故的单位不能评为优胜", Severity.ERROR, ACCIDENT_BAR),
]
