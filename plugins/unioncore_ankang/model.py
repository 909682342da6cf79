"""What the 安康杯 plugin stores: seasons, enrolment, hazards, accidents, scores and awards, and the
season's actions (the 2025—2026 十项行动) as event types.

The competition is run by 全总, 应急管理部 and 国家卫健委 in two-year seasons (shared/domain.md §5.2);
units are organisations of the workspace (`ref="organisation"`).

Workspace files (under `plugins/ankang/`)::

    seasons.toml                 [[ankang_season]]      seasons, with their scoring sheet
    enrolment/<season>.toml      [[ankang_enrolment]]   participating units, workers, teams (班组)
    hazards/<year>.toml          [[ankang_hazard]]      隐患排查, by the year the hazard was found
    accidents/<year>.toml        [[ankang_accident]]    工伤事故 and 职业病
    evaluation/<season>.toml     [[ankang_score]]       scores per unit on the season's sheet
    awards/<season>.toml         [[ankang_award]]       优胜单位, 优胜班组, 优秀组织单位, 优秀个人
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from unioncore import Collection, EventType, Field, Kind

PLUGIN = "ankang"
GROUP = "安康杯"

SEASON = "ankang_season"
ENROLMENT = "ankang_enrolment"
HAZARD = "ankang_hazard"
ACCIDENT = "ankang_accident"
SCORE = "ankang_score"
AWARD = "ankang_award"

# 劳动保护支出 in 《工会会计制度》 (财会〔2021〕7号): 群众性安全生产和职业病防治 → 安康杯 spending
SPENDING_ACCOUNT = "50402"

# -- hazards (安全生产法 Art 41: 隐患排查治理, 如实记录, 重大隐患向监管部门和职代会报告) -----------------
LEVEL_GENERAL = "一般"
LEVEL_MAJOR = "重大"
HAZARD_LEVELS = (LEVEL_GENERAL, LEVEL_MAJOR)

OPEN = "待整改"
IN_PROGRESS = "整改中"
RECTIFIED = "已整改"
VERIFIED = "已验收"
HAZARD_STATUSES = (OPEN, IN_PROGRESS, RECTIFIED, VERIFIED)  # the order a hazard goes through
DONE_STATUSES = (RECTIFIED, VERIFIED)

# -- accidents -----------------------------------------------------------------------------------
INJURY = "工伤事故"
DISEASE = "职业病"
ACCIDENT_KINDS = (INJURY, DISEASE)
# injury degrees (轻伤/重伤/死亡) and accident grades of 《生产安全事故报告和调查处理条例》 Art 3
SEVERITIES = ("轻伤", "重伤", "死亡", "较大", "重大", "特别重大")
FATAL_SEVERITIES = ("死亡", "较大", "重大", "特别重大")  # a death is at least a 一般 accident with deaths

# -- awards (shared/domain.md §5.3) --------------------------------------------------------------
WINNING_UNIT = "优胜单位"
WINNING_TEAM = "优胜班组"
ORGANISER = "优秀组织单位"
INDIVIDUAL = "优秀个人"
AWARD_CATEGORIES = (WINNING_UNIT, WINNING_TEAM, ORGANISER, INDIVIDUAL)
WINNING = (WINNING_UNIT, WINNING_TEAM)  # the 优胜 titles
CATEGORY_KEYS = {
    WINNING_UNIT: "winning_unit",
    WINNING_TEAM: "winning_team",
    ORGANISER: "organiser",
    INDIVIDUAL: "individual",
}

NATIONAL = "全国"
PROVINCIAL = "省"
AWARD_LEVELS = (NATIONAL, PROVINCIAL, "市", "区")
LEVEL_KEYS = {NATIONAL: "national", PROVINCIAL: "provincial", "市": "city", "区": "district"}

CURRENT_ORGANISERS = ("中华全国总工会", "应急管理部", "国家卫生健康委员会")


def level_label(level: str) -> str:
    """全国 stays 全国; 省/市/区 become 省级/市级/区级."""
    return level if level == NATIONAL else f"{level}级"


# -- collections ---------------------------------------------------------------------------------
SHEET_ITEM_FIELDS = (
    Field("item", label="考核项目", required=True),
    Field("points", Kind.NUMBER, label="分值", required=True),
)

SEASON_FIELDS = (
    Field("id", label="赛季编号", required=True, help="如 2025-2026（也是文件名的一部分）"),
    Field("start_year", Kind.INT, label="起始年度", required=True, minimum=1998, maximum=2200),
    Field("end_year", Kind.INT, label="结束年度", required=True, minimum=1998, maximum=2200),
    Field("theme", label="竞赛主题"),
    Field("notice_no", label="通知文号", help="如 总工字〔2022〕16号"),
    Field("organisers", Kind.STR_LIST, label="主办单位"),
    Field("launched", Kind.DATE, label="启动日期"),
    Field("commendation_no", label="表彰文号", help="如 总工发〔2025〕1号"),
    Field("pass_mark", Kind.NUMBER, label="优胜单位合格分", help="不填按设置 pass_mark（默认 90 分）"),
    Field(
        "sheet",
        Kind.TABLE_LIST,
        label="考核评分表",
        fields=SHEET_ITEM_FIELDS,
        help="考核项目及分值；不填按设置 sheet",
    ),
    Field("note", label="备注"),
)

TEAM_FIELDS = (
    Field("name", label="班组名称", required=True),
    Field("workers", Kind.INT, label="班组人数", minimum=0),
    Field("leader", label="班组长"),
)

ENROLMENT_FIELDS = (
    Field("id", label="编号", required=True),
    Field("season", label="赛季", required=True, ref=SEASON),
    Field("unit", label="参赛单位", required=True, ref="organisation"),
    Field("enrolled", Kind.DATE, label="报名日期"),
    Field("workers", Kind.INT, label="参赛职工人数", required=True, minimum=0),
    Field("teams", Kind.TABLE_LIST, label="参赛班组", fields=TEAM_FIELDS),
    Field("note", label="备注"),
)

HAZARD_FIELDS = (
    Field("id", label="隐患编号", required=True),
    Field("unit", label="单位", required=True, ref="organisation"),
    Field("found", Kind.DATE, label="发现日期", required=True),
    Field("reporter", label="报告人"),
    Field("place", label="地点"),
    Field("description", label="隐患描述", required=True),
    Field("level", label="隐患等级", required=True, choices=HAZARD_LEVELS),
    Field("proposed_fix", label="整改建议", help="工会向单位提出的整改建议（《工会法》第二十五条）"),
    Field("proposed", Kind.DATE, label="提出建议日期", help="不填按发现日期"),
    Field("responsible", label="整改责任人"),
    Field("deadline", Kind.DATE, label="整改期限"),
    Field("reply_date", Kind.DATE, label="单位答复日期"),
    Field("reply", label="单位答复"),
    Field("status", label="状态", required=True, choices=HAZARD_STATUSES),
    Field("rectified", Kind.DATE, label="整改完成日期"),
    Field("verified", Kind.DATE, label="验收日期"),
    Field("reported_congress", Kind.BOOL, label="已向职代会报告"),
    Field("reported_regulator", Kind.BOOL, label="已向监管部门报告"),
    Field("event", label="排查活动", ref="event"),
    Field("note", label="备注"),
)

ACCIDENT_FIELDS = (
    Field("id", label="编号", required=True),
    Field("date", Kind.DATE, label="发生日期", required=True),
    Field("unit", label="单位", required=True, ref="organisation"),
    Field("kind", label="类别", required=True, choices=ACCIDENT_KINDS),
    Field("severity", label="伤害程度/事故等级", required=True, choices=SEVERITIES),
    Field("people", Kind.INT, label="涉及人数", minimum=0, help="受伤、死亡或确诊职业病的人数"),
    Field("deaths", Kind.INT, label="死亡人数", minimum=0),
    Field("team", label="班组"),
    Field("members", Kind.STR_LIST, label="涉及会员", ref="member"),
    Field("description", label="经过"),
    Field("union_investigation", Kind.BOOL, label="工会参加调查处理"),
    Field("note", label="备注"),
)

SCORE_ITEM_FIELDS = (
    Field("item", label="考核项目", required=True),
    Field("points", Kind.NUMBER, label="得分", required=True),
)

SCORE_FIELDS = (
    Field("id", label="编号", required=True),
    Field("season", label="赛季", required=True, ref=SEASON),
    Field("unit", label="单位", required=True, ref="organisation"),
    Field("assessed", Kind.DATE, label="考核日期"),
    Field("assessor", label="考核人"),
    Field("items", Kind.TABLE_LIST, label="分项得分", fields=SCORE_ITEM_FIELDS),
    Field("total", Kind.NUMBER, label="总分", help="不填按分项得分相加"),
    Field("note", label="备注"),
)

AWARD_FIELDS = (
    Field("id", label="编号", required=True),
    Field("season", label="赛季", required=True, ref=SEASON),
    Field("category", label="奖项", required=True, choices=AWARD_CATEGORIES),
    Field("level", label="级别", required=True, choices=AWARD_LEVELS),
    Field("unit", label="单位", ref="organisation", help="优秀个人可不填"),
    Field("team", label="班组", help="优胜班组必填"),
    Field("member", label="会员", ref="member", help="优秀个人是会员时填"),
    Field("person", label="姓名", help="优秀个人不是本工作区会员时填"),
    Field("awarded", Kind.DATE, label="表彰日期"),
    Field("notice_no", label="表彰文号"),
    Field("note", label="备注"),
)


def _by_value(prefix: str, key: str, fallback: str) -> Callable[[Mapping[str, Any]], str]:
    def file_for(values: Mapping[str, Any]) -> str:
        v = values.get(key)
        if v is None:
            return fallback
        return f"{prefix}/{getattr(v, 'year', v)}.toml"

    return file_for


COLLECTIONS = [
    Collection(SEASON, "安康杯赛季", SEASON_FIELDS, default_file="seasons.toml"),
    Collection(
        ENROLMENT,
        "安康杯参赛单位",
        ENROLMENT_FIELDS,
        default_file=_by_value("enrolment", "season", "enrolment.toml"),
    ),
    Collection(HAZARD, "隐患排查", HAZARD_FIELDS, default_file=_by_value("hazards", "found", "hazards.toml")),
    Collection(
        ACCIDENT,
        "工伤事故与职业病",
        ACCIDENT_FIELDS,
        default_file=_by_value("accidents", "date", "accidents.toml"),
    ),
    Collection(
        SCORE,
        "安康杯考核得分",
        SCORE_FIELDS,
        default_file=_by_value("evaluation", "season", "evaluation.toml"),
    ),
    Collection(AWARD, "安康杯表彰", AWARD_FIELDS, default_file=_by_value("awards", "season", "awards.toml")),
]

# -- the season's actions as event types ---------------------------------------------------------
EVENT_PREFIX = "ankang_"
SEASON_EVENT_FIELD = Field(
    "season", label="安康杯赛季", ref=SEASON, help="如 2025-2026；不填按活动日期所在的赛季"
)

# 2025—2026 season, 十项行动 (shared/domain.md §5.8, S23); spending goes to 50402 劳动保护支出
ACTIONS: tuple[tuple[str, str, tuple[Field, ...]], ...] = (
    (
        "ankang_law_outreach",
        "职工安全健康普法科普",
        (Field("form", label="形式", choices=("宣讲", "知识竞赛", "线上答题", "展览", "其他")),),
    ),
    ("ankang_training", "职工安全健康素质培训", (Field("hours", Kind.INT, label="学时", minimum=0),)),
    ("ankang_drill", "职工应急演练", (Field("scenario", label="演练科目"),)),
    ("ankang_culture", "职工安全文化作品展播", (Field("works", Kind.INT, label="作品数", minimum=0),)),
    ("ankang_family", "职工安康家庭", ()),
    (
        "ankang_whistleblower",
        "安全生产吹哨人",
        (Field("reports", Kind.INT, label="报告隐患条数", minimum=0),),
    ),
    ("ankang_team_safety", "班组安全建设", (Field("teams", Kind.INT, label="参与班组数", minimum=0),)),
    ("ankang_model", "劳动保护典型选树", ()),
    ("ankang_supervision", "工会劳动保护监督", (Field("inspected", label="检查范围"),)),
    ("ankang_co_building", "安全共建", (Field("partner", label="共建单位"),)),
)

EVENT_TYPES = [
    EventType(type_id, label, (SEASON_EVENT_FIELD, *extra), account=SPENDING_ACCOUNT)
    for type_id, label, extra in ACTIONS
]
ACTION_LABELS = {type_id: label for type_id, label, _ in ACTIONS}


def is_action(event_type: str) -> bool:
    return event_type in ACTION_LABELS
