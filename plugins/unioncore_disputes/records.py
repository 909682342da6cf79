"""The disputes plugin's records: 劳动争议调解 cases and legal-aid consultations.

Files (under `plugins/disputes/` in the workspace):

    cases/<year>.toml           [[case]]          劳动争议调解案件, by the year the application was received
    consultations/<year>.toml   [[consultation]]  法律咨询与法律援助, by year
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from unioncore import Collection, Field, Kind

PLUGIN = "disputes"
GROUP = "劳动争议调解"

CASE = "case"
CONSULTATION = "consultation"

MATTERS = (
    "劳动报酬",
    "经济补偿",
    "社会保险",
    "工伤待遇",
    "解除或终止劳动合同",
    "确认劳动关系",
    "工作时间与休息休假",
    "福利与培训",
    "其他",
)

SETTLED = "调解成功"
TO_ARBITRATION = "调解不成转仲裁"
TO_COURT = "调解不成转诉讼"
WITHDRAWN = "撤回"
NOT_ACCEPTED = "不予受理"
OUTCOMES = (SETTLED, TO_ARBITRATION, TO_COURT, WITHDRAWN, NOT_ACCEPTED)

LEGAL_ADVICE = "法律咨询"
LEGAL_AID = "法律援助"
CONSULTATION_KINDS = (LEGAL_ADVICE, LEGAL_AID)
WAYS = ("来访", "电话", "网络", "上门")


def _in_folder(folder: str, date_field: str) -> Callable[[Mapping[str, Any]], str]:
    """A record goes to `<folder>/<year of its date>.toml`."""

    def file_for(values: Mapping[str, Any]) -> str:
        day = values.get(date_field)
        return f"{folder}/{day.year if day is not None else 'undated'}.toml"

    return file_for


CASE_FIELDS = (
    Field("id", label="案件编号", required=True),
    Field("org", label="调解组织所在工会", required=True, ref="organisation"),
    Field("received", Kind.DATE, label="受理日期", required=True),
    Field("applicant", label="申请人", required=True, help="如“王某”或“李某等12人”"),
    Field("respondent", label="被申请人", required=True, help="用人单位名称"),
    Field("workers", Kind.INT, label="涉及职工人数", required=True, minimum=1),
    Field("members", Kind.STR_LIST, label="涉及会员", ref="member"),
    Field("matter", label="争议事项", choices=MATTERS),
    Field("amount", Kind.MONEY, label="争议金额（元）"),
    Field("outcome", label="处理结果", choices=OUTCOMES),
    Field("recovered", Kind.MONEY, label="为职工挽回经济损失（元）"),
    Field("closed", Kind.DATE, label="结案日期"),
    Field("agreement", label="调解协议书编号"),
    Field("note", label="备注"),
)

CONSULTATION_FIELDS = (
    Field("id", label="编号", required=True),
    Field("org", label="工会", required=True, ref="organisation"),
    Field("date", Kind.DATE, label="日期", required=True),
    Field("kind", label="类别", required=True, choices=CONSULTATION_KINDS),
    Field("topic", label="事项", required=True),
    Field("person", label="咨询人", help="姓名；是会员时也可填 member"),
    Field("member", label="会员", ref="member"),
    Field("people", Kind.INT, label="人数", minimum=1, help="不填按 1 人计"),
    Field("way", label="方式", choices=WAYS),
    Field("case", label="转入调解的案件", ref=CASE),
    Field("note", label="备注"),
)

COLLECTIONS = [
    Collection(CASE, "劳动争议调解案件", CASE_FIELDS, default_file=_in_folder("cases", "received")),
    Collection(
        CONSULTATION,
        "法律咨询与法律援助",
        CONSULTATION_FIELDS,
        default_file=_in_folder("consultations", "date"),
    ),
]
