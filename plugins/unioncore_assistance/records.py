"""The records the assistance plugin owns: hardship files, aid given and mutual medical enrolments.

Stored under `plugins/assistance/` in the workspace:

    hardship_files.toml            [[hardship_file]]   困难职工档案 (one per household)
    aid/<year>.toml                [[aid]]             帮扶与慰问 given that year
    mutual_medical/<year>.toml     [[mutual_medical]]  职工互助医疗保障 / 大病互助 enrolments
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from unioncore import Collection, Field, Kind, Workspace
from unioncore.records import Record

PLUGIN = "assistance"
GROUP = "困难帮扶"

HARDSHIP_FILE = "hardship_file"
AID = "aid"
MUTUAL = "mutual_medical"

# 困难职工建档 classes (shared/domain.md §8.8)
DEEP = "深度困难"
RELATIVE = "相对困难"
ACCIDENT = "意外致困"
CLASSES = (DEEP, RELATIVE, ACCIDENT)

# what caused the hardship; the first four are the 意外致困 causes (disaster, accident, epidemic,
# major illness — §8.8)
ACCIDENT_CAUSES = ("重大疾病", "意外事故", "自然灾害", "疫情")
CAUSES = (*ACCIDENT_CAUSES, "子女就学", "失业", "残疾", "其他")

# kinds of aid, with the short English keys their figures use
AID_KINDS: dict[str, str] = {
    "生活救助": "living",
    "医疗救助": "medical",
    "金秋助学": "school",
    "送温暖": "winter",  # 春节
    "送清凉": "summer",  # 高温
    "探望": "visit",  # illness, birth, bereavement
}
VISIT_OCCASIONS = ("患病住院", "生育", "丧亲")
FESTIVALS = ("元旦", "春节", "清明", "劳动节", "端午", "中秋", "国庆", "其他")
# where the money came from: only the union's own funds (本级工会经费) pass through its ledger and
# count towards its limits; 上级工会 special funds, the employer (行政) or donors pay directly
OWN_FUNDS = "本级工会经费"
FUNDERS = (OWN_FUNDS, "上级工会", "行政", "社会捐助")
SCHOOL_STAGES = ("小学", "初中", "高中", "中职", "高职", "大学本科", "研究生")

MUTUAL_SCHEMES = ("职工互助医疗保障", "大病互助")
PAYERS = ("个人", "单位", "工会")

REVIEW_FIELDS = (
    Field("date", Kind.DATE, label="复核日期", required=True),
    Field("note", label="复核情况"),
)

HARDSHIP_FILE_FIELDS = (
    Field("id", label="档案编号", required=True),
    Field("member", label="会员", ref="member", required=True),
    Field("opened", Kind.DATE, label="建档日期", required=True),
    Field("household", Kind.INT, label="家庭人口", required=True, minimum=1, maximum=30),
    Field("income", Kind.MONEY, label="家庭年可支配收入", required=True),
    Field("rigid_expenses", Kind.MONEY, label="家庭年刚性支出", help="医疗、教育等必需支出"),
    Field("class", label="困难类别", required=True, choices=CLASSES),
    Field("cause", label="致困原因", choices=CAUSES),
    Field("loss", Kind.MONEY, label="当年意外损失或大额支出", help="意外致困时填写"),
    Field("city", label="低保标准所在城市", help="不填按设置 city"),
    Field("review", Kind.TABLE_LIST, label="年度复核", fields=REVIEW_FIELDS),
    Field("closed", Kind.DATE, label="脱困日期"),
    Field("closed_reason", label="脱困原因"),
    Field("note", label="备注"),
)

AID_FIELDS = (
    Field("id", label="编号", required=True),
    Field("date", Kind.DATE, label="日期", required=True),
    Field("member", label="会员", ref="member", help="不填时按困难档案的会员"),
    Field("file", label="困难档案", ref=HARDSHIP_FILE),
    Field("kind", label="帮扶类别", required=True, choices=tuple(AID_KINDS)),
    Field("cash", Kind.MONEY, label="现金"),
    Field("goods", Kind.MONEY, label="物品折价"),
    Field("goods_desc", label="物品"),
    Field("funded_by", label="资金来源", choices=FUNDERS, help="不填为本级工会经费"),
    Field("entry", label="记账凭证", help="组织:年度:凭证号，如 XF-01:2026:记-035"),
    Field("festival", label="节日", choices=FESTIVALS, help="节日慰问时填写；送温暖视为春节"),
    Field("occasion", label="探望事由", choices=VISIT_OCCASIONS),
    Field("child", label="子女姓名", help="金秋助学"),
    Field("school", label="就读学校", help="金秋助学"),
    Field("stage", label="学段", choices=SCHOOL_STAGES),
    Field("note", label="备注"),
)

CLAIM_FIELDS = (
    Field("date", Kind.DATE, label="就医日期", required=True, help="发病或就医的日期，须在保障期内"),
    Field("reason", label="病种或事由"),
    Field("amount", Kind.MONEY, label="申请金额"),
    Field("paid", Kind.MONEY, label="给付金额", required=True),
)

MUTUAL_FIELDS = (
    Field("id", label="编号", required=True),
    Field("member", label="会员", ref="member", required=True),
    Field("year", Kind.INT, label="保障年度", required=True, minimum=1949, maximum=2200),
    Field("scheme", label="保障项目", required=True, choices=MUTUAL_SCHEMES),
    Field("premium", Kind.MONEY, label="互助金", required=True),
    Field("paid_by", label="缴费方", choices=PAYERS),
    Field("enrolled", Kind.DATE, label="参保日期"),
    Field("claim", Kind.TABLE_LIST, label="给付", fields=CLAIM_FIELDS),
    Field("note", label="备注"),
)


def _by_year(folder: str, date_field: str) -> Any:
    def file_for(values: Mapping[str, Any]) -> str:
        value = values.get(date_field)
        year = value if isinstance(value, int) else getattr(value, "year", None)
        return f"{folder}/{year}.toml" if year else f"{folder}.toml"

    return file_for


COLLECTIONS = [
    Collection(HARDSHIP_FILE, "困难职工档案", HARDSHIP_FILE_FIELDS, default_file="hardship_files.toml"),
    Collection(AID, "帮扶与慰问", AID_FIELDS, default_file=_by_year("aid", "date")),
    Collection(MUTUAL, "职工互助医疗保障", MUTUAL_FIELDS, default_file=_by_year("mutual_medical", "year")),
]


def _complete(values: Mapping[str, Any], fields: Iterable[Field]) -> bool:
    return all(values.get(f.name) is not None for f in fields if f.required)


def usable(ws: Workspace, collection: str) -> list[Record]:
    """Records whose required fields all decoded; the core reports the others (missing or wrong
    type), and the plugin's rules and figures leave them out rather than guess."""
    fields = next(c.fields for c in COLLECTIONS if c.name == collection)
    return [r for r in ws.records_of(collection) if _complete(r, fields)]


def items(rec: Record, name: str, fields: Iterable[Field]) -> list[tuple[int, dict[str, Any]]]:
    """The complete sub-tables of a table list (a file's reviews, an enrolment's claims), with
    their index in the file."""
    wanted = tuple(fields)
    return [(i, item) for i, item in enumerate(rec.get(name) or ()) if _complete(item, wanted)]
