"""`[settings.women]` in unioncore.toml: every threshold the domain notes leave open ([U]) or that
differs by province, with its documented default. A value of the wrong type is reported (rule
`women.settings`) and the default is used instead, so a typo never stops the checks."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import attrs

from unioncore import Problem

if TYPE_CHECKING:
    from unioncore import Workspace

SECTION = "women"

# Titles given to one person; the others (巾帼文明岗, 三八红旗集体 …) go to a team or post.
DEFAULT_INDIVIDUAL_TITLES = ("巾帼建功标兵", "三八红旗手", "巾帼建功先进个人", "最美女职工")
DEFAULT_THEME_KEYWORDS = ("三八", "妇女节", "女职工", "巾帼", "女性", "两癌")
DEFAULT_PREMIUM_KEYWORDS = ("互助保险", "互助保障", "安康保险")


@attrs.frozen
class WomenSettings:
    # 条例 Art 11: "女会员十人以上的建立女职工委员会"; kept as a setting in case a province differs
    committee_threshold: int = 10
    # the seeds hold committee meetings quarterly: 4 a year (any divisor of 12 works)
    meetings_per_year: int = 4
    # 条例 Art 15 asks for a share "相适应" without a number: gap in percentage points [U]
    delegate_gap_points: Decimal = Decimal(10)
    # 宁波's rule is 80% of a unit's in-service women (domain §6.9); per scheme below [U]
    default_scheme_min_share: Decimal = Decimal(80)
    scheme_min_share: Mapping[str, Decimal] = attrs.field(factory=dict)
    # extra maternity-leave days by province (provincial 人口与计划生育条例), none by default [U]
    maternity_extra_days: Mapping[str, int] = attrs.field(factory=dict)
    province: str | None = None
    womens_day_months: tuple[int, ...] = (3,)
    theme_keywords: tuple[str, ...] = DEFAULT_THEME_KEYWORDS
    premium_keywords: tuple[str, ...] = DEFAULT_PREMIUM_KEYWORDS
    individual_titles: tuple[str, ...] = DEFAULT_INDIVIDUAL_TITLES

    def min_share(self, scheme: str) -> Decimal:
        return self.scheme_min_share.get(scheme, self.default_scheme_min_share)

    def extra_days(self, province: str | None = None) -> int:
        return self.maternity_extra_days.get(province or self.province or "", 0)


def load_settings(ws: Workspace) -> tuple[WomenSettings, list[Problem]]:
    raw = ws.setting(SECTION, {})
    problems: list[Problem] = []

    def bad(key: str, message: str) -> None:
        path = ("settings", SECTION, key)
        sf = ws.files.get("unioncore.toml")
        text = f"[settings.{SECTION}] {key}：{message}，已按默认值处理"
        if sf is not None:
            problems.append(sf.problem(text, path, rule="women.settings"))
        else:
            problems.append(Problem(text, file="unioncore.toml", path=path, rule="women.settings"))

    if not isinstance(raw, Mapping):
        bad("", "应为表")
        return WomenSettings(), problems
    values: dict[str, Any] = {}
    for key in ("committee_threshold", "meetings_per_year"):
        if key in raw:
            v = raw[key]
            if isinstance(v, bool) or not isinstance(v, int) or v < 1:
                bad(key, "应为正整数")
            elif key == "meetings_per_year" and 12 % v:
                bad(key, "应能整除 12（如 4 表示每季度一次）")
            else:
                values[key] = v
    for key in ("delegate_gap_points", "default_scheme_min_share"):
        if key in raw:
            d = _decimal(raw[key])
            if d is None or not 0 <= d <= 100:
                bad(key, "应为 0 到 100 之间的数")
            else:
                values[key] = d
    if "scheme_min_share" in raw:
        table = raw["scheme_min_share"]
        shares: dict[str, Decimal] = {}
        if not isinstance(table, Mapping):
            bad("scheme_min_share", "应为表：方案编号 = 百分比")
        else:
            for k, v in table.items():
                d = _decimal(v)
                if d is None or not 0 <= d <= 100:
                    bad("scheme_min_share", f"方案“{k}”的比例应为 0 到 100 之间的数")
                else:
                    shares[str(k)] = d
        values["scheme_min_share"] = shares
    if "maternity_extra_days" in raw:
        table = raw["maternity_extra_days"]
        days: dict[str, int] = {}
        if not isinstance(table, Mapping):
            bad("maternity_extra_days", "应为表：省份 = 天数")
        else:
            for k, v in table.items():
                if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                    bad("maternity_extra_days", f"“{k}”的天数应为非负整数")
                else:
                    days[str(k)] = v
        values["maternity_extra_days"] = days
    if "province" in raw:
        if isinstance(raw["province"], str):
            values["province"] = raw["province"]
        else:
            bad("province", "应为省份名称（文本）")
    if "womens_day_months" in raw:
        months = raw["womens_day_months"]
        if isinstance(months, list) and all(
            isinstance(m, int) and not isinstance(m, bool) and 1 <= m <= 12 for m in months
        ):
            values["womens_day_months"] = tuple(months)
        else:
            bad("womens_day_months", "应为月份列表，如 [3]")
    for key in ("theme_keywords", "premium_keywords", "individual_titles"):
        if key in raw:
            words = raw[key]
            if isinstance(words, list) and all(isinstance(w, str) and w for w in words):
                values[key] = tuple(words)
            else:
                bad(key, '应为文本列表，如 ["三八", "巾帼"]')
    return WomenSettings(**values), problems


def _decimal(value: object) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | str):
        try:
            return Decimal(str(value))
        except InvalidOperation:
            return None
    return None
