"""The women plugin's record collections, stored under `plugins/women/` in a workspace.

Committee meetings are plugin records, not core events: a meeting of the 女职委 is the committee's
own business (not an activity members take part in, so it must not swell the core's 活动 figures),
and an organisation's `events/<year>.toml` must stay loadable and saveable when the plugin is
switched off — an event of a plugin's type would make it an error there. 三八 activities, on the
other hand, are ordinary core events (any type) recognised by month and theme.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from unioncore import Collection, Field, Kind

OFFICER = "women_officer"
MEETING = "women_meeting"
SCHEME = "women_scheme"
ENROLMENT = "women_enrolment"
CLAIM = "women_claim"
TITLE = "women_title"

SCHEME_KINDS = ("女职工安康互助保险", "特殊疾病互助保障", "其他互助保障")
CLAIM_STATUSES = ("申请中", "已赔付", "未获赔付")
LEVELS = ("全国", "省级", "市级", "区县级", "街道", "本单位")


def _by_year(folder: str, field: str) -> Callable[[Mapping[str, Any]], str]:
    def file_for(values: Mapping[str, Any]) -> str:
        value = values.get(field)
        year = value if isinstance(value, int) else getattr(value, "year", None)
        return f"{folder}/{year}.toml" if year else f"{folder}/未注明年份.toml"

    return file_for


COLLECTIONS = [
    Collection(
        OFFICER,
        "女职工委员",
        (
            Field("id", label="编号", required=True),
            Field("org", label="工会", ref="organisation", required=True),
            Field("member", label="会员", ref="member", required=True),
            Field("appointed", Kind.DATE, label="任职日期"),
            Field("term_end", Kind.DATE, label="任期届满"),
            Field("note", label="备注"),
        ),
        default_file="officers.toml",
    ),
    Collection(
        MEETING,
        "女职委会议",
        (
            Field("id", label="编号", required=True),
            Field("org", label="工会", ref="organisation", required=True),
            Field("date", Kind.DATE, label="日期", required=True),
            Field("title", label="会议名称"),
            Field("attendees", Kind.STR_LIST, label="出席委员", ref="member"),
            Field("topics", Kind.STR_LIST, label="议题"),
            Field("note", label="备注"),
        ),
        default_file=_by_year("meetings", "date"),
    ),
    Collection(
        SCHEME,
        "互助保障方案",
        (
            Field("id", label="编号", required=True),
            Field("name", label="名称", required=True),
            Field("kind", label="类别", choices=SCHEME_KINDS),
            Field("provider", label="承办机构", help="如 中国职工保险互助会某某办事处"),
            Field("premium", Kind.MONEY, label="每人每期保费"),
            Field("term_years", Kind.INT, label="保障期（年）", minimum=1, maximum=10),
            Field("start", Kind.DATE, label="开办日期"),
            Field("end", Kind.DATE, label="停办日期"),
            Field("note", label="备注"),
        ),
        default_file="insurance/schemes.toml",
    ),
    Collection(
        ENROLMENT,
        "互助保障参保",
        (
            Field("id", label="编号", required=True),
            Field("scheme", label="方案", ref=SCHEME, required=True),
            Field("year", Kind.INT, label="参保年度", required=True, minimum=2000, maximum=2200),
            Field("org", label="工会", ref="organisation", required=True),
            Field("members", Kind.STR_LIST, label="参保会员", ref="member"),
            Field("premium", Kind.MONEY, label="每人保费"),
            Field("paid", Kind.DATE, label="缴费日期"),
            Field("voucher", label="代收保费凭证号", help="本工会该年度账中的凭证号，如 记-015"),
            Field("note", label="备注"),
        ),
        default_file=_by_year("insurance/enrolments", "year"),
    ),
    Collection(
        CLAIM,
        "互助保障理赔",
        (
            Field("id", label="编号", required=True),
            Field("scheme", label="方案", ref=SCHEME, required=True),
            Field("member", label="会员", ref="member", required=True),
            Field("date", Kind.DATE, label="申请日期", required=True),
            Field("illness", label="病种"),
            Field("status", label="状态", choices=CLAIM_STATUSES),
            Field("payout", Kind.MONEY, label="给付金额"),
            Field("paid", Kind.DATE, label="给付日期"),
            Field("note", label="备注"),
        ),
        default_file=_by_year("insurance/claims", "date"),
    ),
    Collection(
        TITLE,
        "巾帼荣誉",
        (
            Field("id", label="编号", required=True),
            Field("title", label="称号", required=True, help="巾帼文明岗、巾帼建功标兵、三八红旗手……"),
            Field("level", label="级别", choices=LEVELS),
            Field("year", Kind.INT, label="年度", required=True, minimum=1949, maximum=2200),
            Field("org", label="工会", ref="organisation", required=True),
            Field("member", label="获得者（个人）", ref="member"),
            Field("team", label="获得者（集体/岗位）"),
            Field("awarded_by", label="授予单位"),
            Field("note", label="备注"),
        ),
        default_file="titles.toml",
    ),
]
