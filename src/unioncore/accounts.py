"""The chart of accounts of 《工会会计制度》 (财会〔2021〕7号, in force 2022-01-01), as reference data.

First-level accounts may not be added or merged; prescribed sub-accounts may not be renamed; a
workspace may add its own sub-accounts only below a prescribed one (shared/domain.md §3).
`levels` says who may use an account: "grassroots" (基层工会) and/or "county" (县级以上工会).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs


class AccountClass(enum.Enum):
    ASSET = "资产"
    LIABILITY = "负债"
    NET_ASSETS = "净资产"
    INCOME = "收入"
    EXPENSE = "支出"

    @property
    def debit_normal(self) -> bool:
        """Assets and expenses grow on the debit side; the others on the credit side."""
        return self in (AccountClass.ASSET, AccountClass.EXPENSE)


GRASSROOTS = "grassroots"
COUNTY = "county"
BOTH = (GRASSROOTS, COUNTY)


@attrs.frozen
class Account:
    code: str
    name: str
    cls: AccountClass
    levels: tuple[str, ...] = BOTH
    prescribed: bool = True  # False for sub-accounts a workspace adds itself

    @property
    def parent_code(self) -> str | None:
        if len(self.code) <= 3:
            return None
        return self.code[:-2] if len(self.code) in (5, 7) else self.code[:3]

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}"


def _cls(code: str) -> AccountClass:
    return {
        "1": AccountClass.ASSET,
        "2": AccountClass.LIABILITY,
        "3": AccountClass.NET_ASSETS,
        "4": AccountClass.INCOME,
        "5": AccountClass.EXPENSE,
    }[code[0]]


_G = (GRASSROOTS,)
_C = (COUNTY,)

# (code, name, levels). The grassroots list is exactly the prescribed one (§3.1) plus 221 代管经费,
# which the note under that table lets grassroots unions use. For 县级以上 unions only the accounts
# named in shared/domain.md §3 are listed (212 and the income/expense ones); their other asset
# accounts were not read and are not invented here.
_CHART: list[tuple[str, str, tuple[str, ...]]] = [
    ("101", "库存现金", BOTH),
    ("102", "银行存款", BOTH),
    ("131", "应收上级经费", BOTH),
    ("135", "其他应收款", BOTH),
    ("141", "库存物品", BOTH),
    ("162", "固定资产", BOTH),
    ("163", "累计折旧", BOTH),
    ("182", "待处理财产损溢", BOTH),
    ("211", "应付上级经费", BOTH),
    ("212", "应付下级经费", _C),
    ("215", "其他应付款", BOTH),
    ("221", "代管经费", BOTH),
    ("301", "资产基金", BOTH),
    ("321", "工会资金结转", BOTH),
    ("322", "工会资金结余", BOTH),
    ("401", "会费收入", _G),
    ("402", "拨缴经费收入", BOTH),
    ("403", "上级补助收入", BOTH),
    ("40301", "一般性转移支付补助", BOTH),
    ("40302", "专项转移支付补助", BOTH),
    ("404", "政府补助收入", _C),
    ("40401", "财政拨款收入", _C),
    ("40402", "非同级财政拨款收入", _C),
    ("405", "行政补助收入", _G),
    ("406", "附属单位上缴收入", _C),
    ("407", "投资收益", _C),
    ("408", "其他收入", BOTH),
    ("411", "动用预算稳定调节基金", _C),
    ("501", "职工活动支出", _G),
    ("50101", "职工教育支出", _G),
    ("50102", "文体活动支出", _G),
    ("50103", "宣传活动支出", _G),
    ("50104", "劳模职工疗休养支出", _G),
    ("50105", "会员活动支出", _G),
    ("50106", "其他活动支出", _G),
    ("502", "职工活动组织支出", _C),
    ("50201", "职工教育支出", _C),
    ("50202", "文体活动支出", _C),
    ("50203", "宣传活动支出", _C),
    ("50204", "劳模职工疗休养支出", _C),
    ("50205", "会员活动支出", _C),
    ("50206", "其他活动支出", _C),
    ("503", "职工服务支出", BOTH),
    ("50301", "劳动和技能竞赛活动支出", BOTH),
    ("50302", "建家活动支出", BOTH),
    ("50303", "职工创新活动支出", BOTH),
    ("50304", "职工书屋活动支出", BOTH),
    ("50305", "其他服务支出", BOTH),
    ("504", "维权支出", BOTH),
    ("50401", "劳动关系协调支出", BOTH),
    ("50402", "劳动保护支出", BOTH),
    ("50403", "法律援助支出", BOTH),
    ("50404", "困难职工帮扶支出", BOTH),
    ("50405", "送温暖支出", BOTH),
    ("50406", "其他维权支出", BOTH),
    ("505", "业务支出", BOTH),
    ("50501", "培训支出", BOTH),
    ("50502", "会议支出", BOTH),
    ("50503", "专项业务支出", BOTH),
    ("50504", "其他业务支出", BOTH),
    ("506", "行政支出", _C),
    ("50601", "工资福利支出", _C),
    ("50602", "商品和服务支出", _C),
    ("50603", "对个人和家庭的补助", _C),
    ("50604", "其他行政支出", _C),
    ("507", "资本性支出", BOTH),
    ("50701", "房屋建筑物购建", BOTH),
    ("50702", "办公设备购置", BOTH),
    ("50703", "专用设备购置", BOTH),
    ("50704", "交通工具购置", BOTH),
    ("50705", "大型修缮", BOTH),
    ("50706", "信息网络购建", BOTH),
    ("50707", "其他资本性支出", BOTH),
    ("508", "补助下级支出", _C),
    ("50801", "一般性转移支付补助", _C),
    ("50802", "专项转移支付补助", _C),
    ("509", "对附属单位的支出", _C),
    ("510", "其他支出", BOTH),
    ("521", "安排预算稳定调节基金", _C),
]

CASH_ACCOUNTS = ("101", "102")


class Chart:
    """The prescribed chart plus a workspace's own sub-accounts."""

    def __init__(self, extra: Iterable[Account] = ()) -> None:
        self.accounts: dict[str, Account] = {
            code: Account(code, name, _cls(code), levels) for code, name, levels in _CHART
        }
        for acc in extra:
            self.accounts[acc.code] = acc

    def get(self, code: str) -> Account | None:
        return self.accounts.get(code)

    def __contains__(self, code: object) -> bool:
        return code in self.accounts

    def children(self, code: str) -> list[Account]:
        return [a for a in self.accounts.values() if a.parent_code == code]

    def is_leaf(self, code: str) -> bool:
        return not any(a.parent_code == code for a in self.accounts.values())

    def top(self, code: str) -> str:
        return code[:3]

    def for_level(self, level: str) -> list[Account]:
        return [a for a in self.accounts.values() if level in a.levels]

    def ordered(self) -> list[Account]:
        return sorted(self.accounts.values(), key=lambda a: a.code)

    @staticmethod
    def check_extra(code: str, name: str, chart: Chart) -> str | None:
        """Why a workspace's own sub-account is not allowed, or None (shared/domain.md §3)."""
        if not code.isdigit() or len(code) not in (5, 7):
            return "自设明细科目代码应为5位或7位数字（在规定科目代码后加两位）"
        if code in chart.accounts and chart.accounts[code].prescribed:
            return f"科目 {code} 是规定科目，不能改名或重复设置"
        parent = code[:-2] if len(code) == 7 else code[:3]
        p = chart.accounts.get(parent)
        if p is None:
            return f"上级科目 {parent} 不存在：一级科目不能增设"
        if len(code) == 5 and any(a.prescribed and a.parent_code == parent for a in chart.accounts.values()):
            return f"科目 {parent} 已有规定的明细科目，自设科目只能设在规定明细科目之下（7位）"
        if not name.strip():
            return "科目名称不能为空"
        return None


def extra_account(code: str, name: str, chart: Chart) -> Account:
    parent = code[:-2] if len(code) == 7 else code[:3]
    base = chart.accounts[parent]
    return Account(code, name, base.cls, base.levels, prescribed=False)
