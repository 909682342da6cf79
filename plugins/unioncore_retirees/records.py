"""The retirees plugin's record collections, stored under `plugins/retirees/` in a workspace.

A retiree is a core member with status 退休 (保留会籍) whose history has the 退休 change with its date;
nothing of the member is stored twice here. Care flags are plugin records rather than member
categories, so that `members.toml` stays loadable and unchanged when the plugin is switched off.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from unioncore import Collection, Field, Kind

CARE = "retiree_care"
VISIT = "retiree_visit"
TEAM = "retiree_team"
CONTEST = "retiree_contest"

CARE_FLAGS = ("特困", "独居", "重病", "失能", "空巢")
REASONS = ("节日", "生日", "住院", "丧事", "困难", "高龄", "退休", "其他")
FESTIVALS = ("元旦", "春节", "重阳", "中秋", "其他")
PAYERS = ("行政", "退管会", "工会")
UNION = "工会"
SOUVENIR = "退休"  # the reason of the retirement souvenir (退休纪念), the one item union funds may pay


def _by_year(folder: str) -> Callable[[Mapping[str, Any]], str]:
    def file_for(values: Mapping[str, Any]) -> str:
        day = values.get("date")
        return f"{folder}/{day.year}.toml" if day is not None else f"{folder}/未注明年份.toml"

    return file_for


COLLECTIONS = [
    Collection(
        CARE,
        "退休职工关怀",
        (
            Field("member", label="会员", ref="member", required=True),
            Field("flags", Kind.STR_LIST, label="关怀标记", choices=CARE_FLAGS),
            Field("since", Kind.DATE, label="登记日期"),
            Field("contact", label="联系人", help="子女或邻居的称呼，不写电话号码"),
            Field("note", label="备注"),
        ),
        key="member",
        default_file="care.toml",
    ),
    Collection(
        VISIT,
        "退休职工慰问",
        (
            Field("id", label="编号", required=True),
            Field("date", Kind.DATE, label="日期", required=True),
            Field("member", label="会员", ref="member", required=True),
            Field("reason", label="事由", required=True, choices=REASONS),
            Field("festival", label="节日", choices=FESTIVALS),
            Field("amount", Kind.MONEY, label="慰问金"),
            Field("goods", label="慰问品"),
            Field("payer", label="出资方", required=True, choices=PAYERS),
            Field("visitors", Kind.STR_LIST, label="走访人"),
            Field("voucher", label="凭证号", help="工会出资时本工会账中的凭证号"),
            Field("note", label="备注"),
        ),
        default_file=_by_year("visits"),
    ),
    Collection(
        TEAM,
        "退休职工队伍",
        (
            Field("id", label="编号", required=True),
            Field("name", label="队名", required=True),
            Field("org", label="工会", ref="organisation", required=True),
            Field("activity", label="项目", help="门球、合唱、太极拳……"),
            Field("members", Kind.STR_LIST, label="队员", ref="member"),
            Field("note", label="备注"),
        ),
        default_file="teams.toml",
    ),
    Collection(
        CONTEST,
        "退休职工参赛",
        (
            Field("id", label="编号", required=True),
            Field("team", label="队伍", ref=TEAM, required=True),
            Field("title", label="比赛", required=True),
            Field("date", Kind.DATE, label="日期", required=True),
            Field("organiser", label="主办单位"),
            Field("event", label="对应活动", ref="event"),
            Field("rank", Kind.INT, label="名次", minimum=1),
            Field("award", label="奖项"),
            Field("note", label="备注"),
        ),
        default_file=_by_year("contests"),
    ),
]
