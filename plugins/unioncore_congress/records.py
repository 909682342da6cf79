"""The congress plugin's records: how 决议, 提案, 合理化建议 and 厂务公开 look in TOML.

Sessions of the 职工代表大会 / 职工大会 and the union committee's meetings are not records of this
plugin: they are core events of type `staff_congress` and `committee_meeting` (with the number of
delegates on the event). The records here link to them by event id, so nothing is stored twice.

Files (under `plugins/congress/` in the workspace):

    resolutions.toml          [[resolution]]  决议 and their votes, one per item voted on
    proposals/<year>.toml     [[proposal]]    职代会提案, by the year they were received
    suggestions/<year>.toml   [[suggestion]]  合理化建议, by the year they were made
    disclosures/<year>.toml   [[disclosure]]  厂务公开 items, by the year they were published
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from unioncore import Collection, Field, Kind

PLUGIN = "congress"
GROUP = "职代会与民主管理"

RESOLUTION = "resolution"
PROPOSAL = "proposal"
SUGGESTION = "suggestion"
DISCLOSURE = "disclosure"

# event types of the core this plugin builds on
STAFF_CONGRESS = "staff_congress"
COMMITTEE_MEETING = "committee_meeting"

RESULTS = ("通过", "未通过")
VOTE_METHODS = ("举手表决", "无记名投票")
SATISFACTION = ("满意", "基本满意", "不满意")
SATISFIED = ("满意", "基本满意")

# 合理化建议: received → adopted → implemented, or not adopted
SUGGESTION_RECEIVED = "已受理"
SUGGESTION_ADOPTED = "已采纳"
SUGGESTION_IMPLEMENTED = "已实施"
SUGGESTION_REJECTED = "未采纳"
SUGGESTION_STATUSES = (
    SUGGESTION_RECEIVED,
    SUGGESTION_ADOPTED,
    SUGGESTION_IMPLEMENTED,
    SUGGESTION_REJECTED,
)


def _in_folder(folder: str, date_field: str) -> Callable[[Mapping[str, Any]], str]:
    """A record goes to `<folder>/<year of its date>.toml`."""

    def file_for(values: Mapping[str, Any]) -> str:
        day = values.get(date_field)
        return f"{folder}/{day.year if day is not None else 'undated'}.toml"

    return file_for


RESOLUTION_FIELDS = (
    Field("id", label="编号", required=True),
    Field("event", label="会议", required=True, ref="event", help="职代会或工会委员会会议的活动编号"),
    Field("title", label="表决事项", required=True),
    Field("present", Kind.INT, label="出席人数", minimum=0),
    Field("yes", Kind.INT, label="赞成票", minimum=0),
    Field("against", Kind.INT, label="反对票", minimum=0),
    Field("abstain", Kind.INT, label="弃权票", minimum=0),
    Field("method", label="表决方式", choices=VOTE_METHODS),
    Field("result", label="表决结果", required=True, choices=RESULTS),
    Field("note", label="备注"),
)

PROPOSAL_FIELDS = (
    Field("id", label="提案编号", required=True),
    Field("org", label="单位", required=True, ref="organisation"),
    Field("event", label="提出于", ref="event", help="提案提交的职代会（活动编号）"),
    Field("title", label="案由", required=True),
    Field("proposer", label="提案人", ref="member"),
    Field("proposer_name", label="提案人（姓名）", help="如“张某等5名代表”；不是会员时填写"),
    Field("received", Kind.DATE, label="收到日期", required=True),
    Field("registered", Kind.DATE, label="立案日期"),
    Field("declined", Kind.DATE, label="不予立案日期"),
    Field("decline_reason", label="不予立案理由"),
    Field("departments", Kind.STR_LIST, label="承办部门"),
    Field("assigned", Kind.DATE, label="交办日期"),
    Field("replied", Kind.DATE, label="书面答复日期"),
    Field("reply", label="答复要点"),
    Field("satisfaction", label="提案人意见", choices=SATISFACTION),
    Field("feedback", Kind.DATE, label="征求意见日期"),
    Field("archived", Kind.DATE, label="归档日期"),
    Field("note", label="备注"),
)

SUGGESTION_FIELDS = (
    Field("id", label="编号", required=True),
    Field("org", label="单位", required=True, ref="organisation"),
    Field("author", label="建议人", ref="member"),
    Field("author_name", label="建议人（姓名）", help="集体或非会员提出时填写，如“机修班”"),
    Field("date", Kind.DATE, label="提出日期", required=True),
    Field("subject", label="建议内容", required=True),
    Field("status", label="状态", required=True, choices=SUGGESTION_STATUSES),
    Field("award", label="奖项", help="金奖、银奖、铜奖…（可选奖项见设置 awards）"),
    Field("benefit", Kind.MONEY, label="经济效益（元）", help="已实施的建议测算的经济效益"),
    Field("note", label="备注"),
)

DISCLOSURE_FIELDS = (
    Field("id", label="编号", required=True),
    Field("org", label="单位", required=True, ref="organisation"),
    Field("date", Kind.DATE, label="公开日期", required=True),
    Field("subject", label="公开事项", required=True),
    Field("place", label="公开形式", required=True, help="公开栏、职代会、内网、职工微信群…"),
    Field("event", label="会议", ref="event", help="在职代会上公开时填写会议的活动编号"),
    Field("until", Kind.DATE, label="公开截止日期"),
    Field("note", label="备注"),
)

COLLECTIONS = [
    Collection(RESOLUTION, "职代会决议与表决", RESOLUTION_FIELDS, default_file="resolutions.toml"),
    Collection(PROPOSAL, "职代会提案", PROPOSAL_FIELDS, default_file=_in_folder("proposals", "received")),
    Collection(SUGGESTION, "合理化建议", SUGGESTION_FIELDS, default_file=_in_folder("suggestions", "date")),
    Collection(DISCLOSURE, "厂务公开", DISCLOSURE_FIELDS, default_file=_in_folder("disclosures", "date")),
]
