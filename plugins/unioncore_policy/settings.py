"""`[settings.policy]` in unioncore.toml: the preset, overrides and the [U] parameters.

    [settings.policy]
    preset = "anhui-2025"            # a key of presets.PRESETS; leave out for the national rules only
    retain_ratio = "0.6"             # [U] share of the 2% allocation the grassroots union keeps
    retain_ratios = { XF = "0.6" }   # per superior union, when they differ
    budget_adjustments_per_year = 1  # budget adjustments allowed per year (皖工发〔2025〕18号: once)
    minority_festivals = ["肉孜节"]   # approved ethnic-minority festivals (booked as festival = "其他")

    [settings.policy.caps]           # override any cap of the preset (yuan, as strings)
    festival_year = "2000.00"

Money is written as a string of yuan, like amounts in the ledger; ratios as strings ("0.6"). A bad
value is reported on unioncore.toml (rule `policy.settings`) and its default is used instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import attrs

from unioncore.ledger import PURPOSES
from unioncore.schema import parse_money

from .presets import CAP_LABELS, NATIONAL, PRESETS, Preset

if TYPE_CHECKING:
    from unioncore import Problem, Workspace

CONFIG_FILE = "unioncore.toml"

# Where each purpose is booked on the grassroots chart (《工会会计制度》, S3): 50105 会员活动支出 covers
# 慰问 for festivals, birthdays, 婚丧嫁娶 and 退休离岗; 50404 困难职工帮扶; 50405 送温暖 (夏送清凉,
# 金秋助学); rewards go with the activity (501 职工活动支出) or the competition (503 职工服务支出).
# A county-level union books the 501 items on 502. Override with `purpose_accounts`.
PURPOSE_ACCOUNTS: dict[str, tuple[str, ...]] = {
    "节日慰问": ("50105",),
    "生日慰问": ("50105",),
    "婚育慰问": ("50105",),
    "住院慰问": ("50105",),
    "丧葬慰问": ("50105",),
    "退休纪念": ("50105",),
    "困难帮扶": ("50404",),
    "送温暖": ("50405",),
    "送清凉": ("50405",),
    "金秋助学": ("50405",),
    "奖励": ("501", "503"),
}
PURPOSE_ACCOUNT_SOURCE = "《工会会计制度》（财会〔2021〕7号）科目说明：50105、50404、50405"

# 直系亲属 for the death-of-a-relative gift (S12: spouse, parents, children)
RELATIVES = (
    "配偶",
    "丈夫",
    "妻子",
    "父亲",
    "母亲",
    "父母",
    "公公",
    "婆婆",
    "岳父",
    "岳母",
    "子女",
    "儿子",
    "女儿",
)

PREMIUM_KEYWORDS = ("互助保险", "互助保障", "互助医疗")
SCHEDULES = ("month", "quarter", "year")


@attrs.frozen
class PolicySettings:
    preset: Preset = NATIONAL
    caps: Mapping[str, Decimal] = attrs.field(factory=dict)
    festival_caps: Mapping[str, Decimal] = attrs.field(factory=dict)
    festival_methods: tuple[str, ...] | None = None
    hospital_once_a_year: bool = False
    minority_festivals: tuple[str, ...] = ()
    purpose_accounts: Mapping[str, tuple[str, ...]] = attrs.field(factory=lambda: dict(PURPOSE_ACCOUNTS))
    relatives: tuple[str, ...] = RELATIVES
    premium_keywords: tuple[str, ...] = PREMIUM_KEYWORDS
    budget_adjustments_per_year: int = 1
    # 拨缴经费: 工会法 Art 43 (2% of the monthly payroll); the split and the due dates are [U]
    allocation_rate: Decimal = Decimal("0.02")
    allocation_schedule: str = "quarter"
    allocation_grace_days: int = 30
    allocation_tolerance: Decimal = Decimal("1.00")
    retain_ratio: Decimal = Decimal("0.6")
    retain_ratios: Mapping[str, Decimal] = attrs.field(factory=dict)
    split_tolerance: Decimal = Decimal("1.00")
    split_days: int = 0
    close_due_days: int = 60

    @property
    def source(self) -> str:
        return self.preset.source

    def cap(self, key: str) -> Decimal | None:
        return self.caps.get(key)

    def ratio_for(self, superior: str | None) -> Decimal:
        if superior is not None and superior in self.retain_ratios:
            return self.retain_ratios[superior]
        return self.retain_ratio

    def accounts_for(self, purpose: str, county: bool) -> tuple[str, ...]:
        accounts = self.purpose_accounts.get(purpose, ())
        if county:
            return tuple("502" + a[3:] if a.startswith("501") else a for a in accounts)
        return accounts


def read_settings(ws: Workspace) -> tuple[PolicySettings, list[Problem]]:
    """The plugin's settings, with a problem for every value that cannot be used."""
    raw = ws.setting("policy", {})
    problems: list[Problem] = []
    sf = ws.files.get(CONFIG_FILE)

    def bad(message: str, *path: str) -> None:
        text = f"[settings.policy] {message}"
        key = ("settings", "policy", *path)
        if sf is not None:
            problems.append(sf.problem(text, key, rule="policy.settings"))
        else:
            from unioncore import Problem

            problems.append(Problem(text, file=CONFIG_FILE, path=key, rule="policy.settings"))

    if not isinstance(raw, Mapping):
        bad("应为表")
        return PolicySettings(), problems
    preset = NATIONAL
    pid = raw.get("preset")
    if pid is not None:
        if isinstance(pid, str) and pid in PRESETS:
            preset = PRESETS[pid]
        else:
            bad(f"未知的省份标准“{pid}”，可选：{'、'.join(PRESETS)}", "preset")
    values: dict[str, Any] = {"preset": preset}

    caps = dict(preset.caps)
    for key, value in _table(raw, "caps", bad).items():
        if key not in CAP_LABELS:
            bad(f"未知的限额“{key}”，可选：{'、'.join(CAP_LABELS)}", "caps", key)
            continue
        amount = _money(value, bad, "caps", key)
        if amount is not None:
            caps[key] = amount
    values["caps"] = caps
    fcaps = dict(preset.festival_caps)
    for key, value in _table(raw, "festival_caps", bad).items():
        amount = _money(value, bad, "festival_caps", key)
        if amount is not None:
            fcaps[key] = amount
    values["festival_caps"] = fcaps

    methods = _str_list(raw, "festival_methods", bad)
    values["festival_methods"] = tuple(methods) if methods is not None else preset.festival_methods
    once = raw.get("hospital_once_a_year", preset.hospital_once_a_year)
    if not isinstance(once, bool):
        bad("hospital_once_a_year 应为 true 或 false", "hospital_once_a_year")
        once = preset.hospital_once_a_year
    values["hospital_once_a_year"] = once
    minority = _str_list(raw, "minority_festivals", bad) or []
    values["minority_festivals"] = tuple(dict.fromkeys([*preset.minority_festivals, *minority]))
    for key in ("relatives", "premium_keywords"):
        words = _str_list(raw, key, bad)
        if words is not None:
            values[key] = tuple(words)

    accounts = dict(PURPOSE_ACCOUNTS)
    for purpose, value in _table(raw, "purpose_accounts", bad).items():
        if purpose not in PURPOSES:
            bad(f"未知的用途“{purpose}”", "purpose_accounts", purpose)
        elif not isinstance(value, list) or not all(isinstance(v, str) and v.isdigit() for v in value):
            bad(f'purpose_accounts.{purpose} 应为科目代码列表，如 ["50105"]', "purpose_accounts", purpose)
        else:
            accounts[purpose] = tuple(value)
    values["purpose_accounts"] = accounts

    for key in ("budget_adjustments_per_year", "allocation_grace_days", "split_days", "close_due_days"):
        n = raw.get(key)
        if n is None:
            continue
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            bad(f"{key} 应为不小于 0 的整数", key)
        else:
            values[key] = n
    for key in ("allocation_rate", "retain_ratio"):
        if key in raw:
            ratio = _ratio(raw[key], bad, key)
            if ratio is not None:
                values[key] = ratio
    ratios = {}
    for sup, value in _table(raw, "retain_ratios", bad).items():
        ratio = _ratio(value, bad, "retain_ratios", sup)
        if ratio is not None:
            ratios[sup] = ratio
    values["retain_ratios"] = ratios
    for key in ("allocation_tolerance", "split_tolerance"):
        if key in raw:
            amount = _money(raw[key], bad, key)
            if amount is not None:
                values[key] = amount
    schedule = raw.get("allocation_schedule")
    if schedule is not None:
        if schedule in SCHEDULES:
            values["allocation_schedule"] = schedule
        else:
            bad(f"allocation_schedule 应为 {'、'.join(SCHEDULES)} 之一", "allocation_schedule")
    return PolicySettings(**values), problems


def _table(raw: Mapping[str, Any], key: str, bad: Any) -> dict[str, Any]:
    value = raw.get(key)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        bad(f"{key} 应为表", key)
        return {}
    return dict(value)


def _str_list(raw: Mapping[str, Any], key: str, bad: Any) -> list[str] | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        bad(f'{key} 应为文本列表，如 ["实物"]', key)
        return None
    return list(value)


def _money(value: Any, bad: Any, *path: str) -> Decimal | None:
    amount, err = parse_money(value)
    if err:
        bad(f"{'.'.join(path)}：{err}", *path)
        return None
    if amount is not None and amount < 0:
        bad(f"{'.'.join(path)} 不能为负数", *path)
        return None
    return amount


def _ratio(value: Any, bad: Any, *path: str) -> Decimal | None:
    if isinstance(value, str):
        try:
            ratio = Decimal(value.strip())
        except InvalidOperation:
            ratio = None
        if ratio is not None and ratio.is_finite() and 0 <= ratio <= 1:
            return ratio
    elif isinstance(value, int) and not isinstance(value, bool) and value in (0, 1):
        return Decimal(value)
    bad(f'{".".join(path)} 应为 0 到 1 之间的小数，写成字符串，如 "0.6"', *path)
    return None
