"""The records the contracts plugin owns: collective contracts (集体合同), in
`plugins/contracts/contracts.toml` as `[[contract]]` tables.

The 职代会 vote that adopted a contract is a sub-table `vote = { total = 60, present = 52, yes = 49 }`
(it may name the core event of type `staff_congress` that held it). Coverage: `enterprises` is the
number of enterprises the contract covers (1 for a contract of one employer) and `covered` may list
them by name or 统一社会信用代码 as they appear in a federation's `[[enterprise]]` list — listed units
count towards the coverage of the workspace's units (see coverage.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from unioncore import Collection, Field, Kind, Workspace
from unioncore.records import Record

PLUGIN = "contracts"
GROUP = "集体合同"
CONTRACT = "contract"

GENERAL = "综合"
WAGE = "工资专项"
WOMEN = "女职工专项"
SAFETY = "安全卫生专项"
# 劳动合同法 Art 52: special contracts on safety and hygiene, women's rights and wage adjustment
KINDS: dict[str, str] = {GENERAL: "general", WAGE: "wage", WOMEN: "women", SAFETY: "safety"}
KIND_NAMES = {
    GENERAL: "综合集体合同",
    WAGE: "工资专项集体合同",
    WOMEN: "女职工权益保护专项集体合同",
    SAFETY: "劳动安全卫生专项集体合同",
}

SINGLE = "单独"
REGIONAL = "区域性"
INDUSTRY = "行业性"
# 劳动合同法 Arts 53-54: regional and industry contracts below county level bind every employer of
# the area or industry
SCOPES: dict[str, str] = {SINGLE: "single", REGIONAL: "regional", INDUSTRY: "industry"}

BODIES = ("职工代表大会", "职工大会")

VOTE_FIELDS = (
    Field("body", label="审议机构", choices=BODIES, help="不填为职工代表大会"),
    Field("date", Kind.DATE, label="表决日期", help="不填按所引活动的日期"),
    Field("event", label="职代会活动", help="类型为 staff_congress 的活动编号"),
    Field("total", Kind.INT, label="应到代表（职工）人数", required=True, minimum=1),
    Field("present", Kind.INT, label="实到人数", required=True, minimum=0),
    Field("yes", Kind.INT, label="赞成票", required=True, minimum=0),
)

CONTRACT_FIELDS = (
    Field("id", label="合同编号", required=True),
    Field("title", label="名称"),
    Field("org", label="签订工会", ref="organisation", required=True),
    Field("kind", label="类别", required=True, choices=tuple(KINDS)),
    Field("scope", label="范围", required=True, choices=tuple(SCOPES)),
    Field("employer", label="企业方", help="用人单位，或区域性、行业性合同的企业代表组织"),
    Field("union_rep", label="工会首席代表"),
    Field("employer_rep", label="企业首席代表"),
    Field("vote", Kind.TABLE, label="职代会表决", fields=VOTE_FIELDS),
    Field("signed", Kind.DATE, label="签订日期", required=True),
    Field("term_start", Kind.DATE, label="期限开始", required=True),
    Field("term_end", Kind.DATE, label="期限届满", required=True),
    Field("filed", Kind.DATE, label="报送劳动行政部门日期"),
    Field("received", Kind.DATE, label="劳动行政部门收到日期", help="不填同报送日期"),
    Field("objection", Kind.DATE, label="审查意见书（异议）日期"),
    Field("enterprises", Kind.INT, label="覆盖企业数", minimum=1),
    Field(
        "covered", Kind.STR_LIST, label="覆盖单位", help="单位名称或统一社会信用代码，见上级工会的单位名录"
    ),
    Field("employees", Kind.INT, label="覆盖职工人数", minimum=0),
    Field("female_employees", Kind.INT, label="覆盖女职工人数", minimum=0),
    Field("lowest_wage", Kind.MONEY, label="约定最低工资（元/月）"),
    Field("renews", label="续订的合同", ref=CONTRACT),
    Field("note", label="备注"),
)

COLLECTIONS = [Collection(CONTRACT, "集体合同", CONTRACT_FIELDS, default_file="contracts.toml")]


def _complete(values: Mapping[str, Any]) -> bool:
    return all(values.get(f.name) is not None for f in CONTRACT_FIELDS if f.required)


def contracts(ws: Workspace) -> list[Record]:
    """Contracts whose required fields all decoded, by date signed; the core reports the others
    (missing or wrong type) and the rules and figures leave them out rather than guess."""
    return sorted((r for r in ws.records_of(CONTRACT) if _complete(r)), key=lambda r: (r["signed"], r.key))
