"""Membership dues (会费): what a member pays a month, from the wage components of the month.

The rule (全总 工发〔1978〕101号, items 1-4; shared/domain.md §2a):

- dues are 0.5% of the member's monthly wage income (工资收入);
- the part of the wage under 10 yuan is not counted (4567.89 → 4560 → 22.80);
- bonuses, allowances and subsidies, author fees, relief payments, pensions and retirement pay are
  not wage income for dues;
- apprentices pay 5 分 a month;
- retirees keep their 会籍 but pay no dues (《中国工会章程》第八条).

Which wage components make up the base differs by employer type; the split for 机关 and 事业单位
is only reported on secondary pages ([U] in domain.md), so it is a setting: `dues_base_components`
under `[settings]` maps an employer type (the union's `sector`: 企业 / 机关 / 事业单位 / 社会组织 /
其他) to the list of components that count; types not listed keep `DEFAULT_BASE_COMPONENTS`::

    [settings]
    dues_base_components = { "事业单位" = ["岗位工资", "薪级工资"] }   # Chinese keys need quotes

Everything here is a pure function on `Decimal`; a float is refused (binary floats cannot hold
fen exactly). Example::

    >>> from decimal import Decimal
    >>> from unioncore.dues import monthly_dues, dues_from_wage
    >>> monthly_dues(Decimal("4567.89"))
    Decimal('22.80')
    >>> dues_from_wage({"岗位工资": Decimal("3000"), "薪级工资": Decimal("1205.5"),
    ...                 "绩效奖金": Decimal("2000")}, "事业单位")
    Decimal('21.00')
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .workspace import Workspace

# 工发〔1978〕101号 item 1: 0.5% of the monthly wage; the part under 10 yuan is not counted.
DUES_RATE = Decimal("0.005")
FLOOR_UNIT = Decimal(10)
# item 3: apprentices pay 5 分 a month.
APPRENTICE_DUES = Decimal("0.05")
FEN = Decimal("0.01")

# item 2: never part of the base, whatever a setting says (a component whose name contains one of
# these words is refused in `dues_base_components`).
EXCLUDED_WORDS = ("奖", "津贴", "补贴", "补助", "加班", "稿费", "救济", "抚恤", "退休费", "养老金", "离休费")

_ENTERPRISE = ("基本工资", "岗位工资", "技能工资", "薪级工资", "工龄工资", "计件工资")
# [U] defaults, from secondary Q&A pages (domain.md §2a): 机关 职务+级别+基础+工龄工资, 事业单位
# 职务+等级工资, workers in both 岗位+等级工资; 薪级工资 is the 事业单位 grade pay since the 2006 reform.
DEFAULT_BASE_COMPONENTS: Mapping[str, tuple[str, ...]] = {
    "企业": _ENTERPRISE,
    "机关": ("职务工资", "级别工资", "基础工资", "工龄工资", "岗位工资", "等级工资"),
    "事业单位": ("职务工资", "等级工资", "岗位工资", "薪级工资"),
    "社会组织": _ENTERPRISE,
    "其他": _ENTERPRISE,
}
DEFAULT_EMPLOYER_TYPE = "企业"


def _decimal(value: Decimal | int, what: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"{what}应为 Decimal（不能用浮点数），得到 {type(value).__name__}")
    d = Decimal(value)
    if not d.is_finite():
        raise ValueError(f"{what}不是有限数：{value}")
    if d < 0:
        raise ValueError(f"{what}不能为负：{value}")
    return d


def countable_base(base: Decimal | int) -> Decimal:
    """The base with the part under 10 yuan dropped: 4567.89 → 4560."""
    d = _decimal(base, "计缴基数")
    return (d / FLOOR_UNIT).to_integral_value(rounding=ROUND_FLOOR) * FLOOR_UNIT


def monthly_dues(
    base: Decimal | int,
    *,
    retired: bool = False,
    apprentice: bool = False,
    rate: Decimal = DUES_RATE,
) -> Decimal:
    """Dues for one month from the wage base (already without bonuses and allowances), in yuan.

    Retired members (保留会籍) pay 0; apprentices 0.05 whatever their wage. The result is exact to
    the fen: with the default rate it is always a multiple of 0.05 (10 yuan × 0.5%).
    """
    if retired:
        return Decimal("0.00")
    if apprentice:
        return APPRENTICE_DUES
    rate = _decimal(rate, "会费比例")
    return (countable_base(base) * rate).quantize(FEN, rounding=ROUND_HALF_UP)


def components_for(
    employer_type: str | None, components: Mapping[str, Sequence[str]] | None = None
) -> tuple[str, ...]:
    """The wage components that make up the base for an employer type (企业 when unknown)."""
    table = {**DEFAULT_BASE_COMPONENTS, **{k: tuple(v) for k, v in (components or {}).items()}}
    return table.get(employer_type or DEFAULT_EMPLOYER_TYPE) or table[DEFAULT_EMPLOYER_TYPE]


def split_wage(
    wage: Mapping[str, Decimal | int],
    employer_type: str | None = DEFAULT_EMPLOYER_TYPE,
    components: Mapping[str, Sequence[str]] | None = None,
) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    """Split a month's wage sheet into (counted, not counted) components for the dues base."""
    counted_names = set(components_for(employer_type, components))
    counted: dict[str, Decimal] = {}
    left_out: dict[str, Decimal] = {}
    for name, amount in wage.items():
        value = _decimal(amount, f"“{name}”")
        if name in counted_names and not _excluded(name):
            counted[name] = value
        else:
            left_out[name] = value
    return counted, left_out


def wage_base(
    wage: Mapping[str, Decimal | int],
    employer_type: str | None = DEFAULT_EMPLOYER_TYPE,
    components: Mapping[str, Sequence[str]] | None = None,
) -> Decimal:
    """The dues base of a month: the sum of the components that count for the employer type."""
    counted, _ = split_wage(wage, employer_type, components)
    return sum(counted.values(), Decimal(0))


def dues_from_wage(
    wage: Mapping[str, Decimal | int],
    employer_type: str | None = DEFAULT_EMPLOYER_TYPE,
    *,
    components: Mapping[str, Sequence[str]] | None = None,
    retired: bool = False,
    apprentice: bool = False,
) -> Decimal:
    """Dues of a month from a wage sheet {component: amount}: base, 10-yuan floor, 0.5%."""
    return monthly_dues(wage_base(wage, employer_type, components), retired=retired, apprentice=apprentice)


def _excluded(name: str) -> bool:
    return any(word in name for word in EXCLUDED_WORDS)


def parse_components(value: Any) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    """Read the `dues_base_components` setting: {employer type: [component, …]}.

    Returns the table (only the valid types) and Chinese messages for what was refused: a value that
    is not a table of lists of names, or a component that is a bonus or allowance (工发〔1978〕101号).
    """
    errors: list[str] = []
    out: dict[str, tuple[str, ...]] = {}
    if value is None:
        return out, errors
    if not isinstance(value, Mapping):
        return out, ['应为表，如 { "机关" = ["职务工资", "级别工资"] }（中文键名要加引号）']
    for etype, names in value.items():
        if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
            errors.append(f"“{etype}”应为工资项目名称的列表")
            continue
        bad = [n for n in names if _excluded(n)]
        if bad:
            errors.append(f"“{etype}”中的“{bad[0]}”属于奖金、津贴补贴等，不计缴会费（工发〔1978〕101号）")
            continue
        out[str(etype)] = tuple(names)
    return out, errors


def workspace_components(ws: Workspace) -> dict[str, tuple[str, ...]]:
    """The workspace's `dues_base_components` over the defaults (invalid entries are ignored;
    `unioncore check` reports them under the rule member.setting)."""
    table, _ = parse_components(ws.setting("dues_base_components"))
    return {**DEFAULT_BASE_COMPONENTS, **table}


def member_monthly_dues(
    ws: Workspace,
    member_id: str,
    wage: Mapping[str, Decimal | int],
    *,
    on: datetime.date | None = None,
    apprentice: bool = False,
) -> Decimal:
    """A member's dues for a month: the employer type is the union's `sector`; a member whose 会籍 is
    retained on `on` (退休, 失业, 单位撤销 — see membership_rules) pays 0."""
    from .membership_rules import retention

    member = ws.member(member_id)
    day = on or ws.as_of
    org = ws.organisations.get(member.org)
    retained = retention(ws, member, day) is not None
    return dues_from_wage(
        wage,
        org.sector if org else None,
        components=workspace_components(ws),
        retired=retained,
        apprentice=apprentice,
    )
