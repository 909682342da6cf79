"""`[settings.assistance]` in unioncore.toml: the 低保 lines, class thresholds, review interval and
aid limits. Everything here differs by city or province (shared/domain.md §4.5-4.7, §4.10, §8.8), so
none of it is a constant.

    [settings.assistance]
    city = "幸福市"                          # the city whose 低保 line applies (a file may name another)
    relative_multiple = "2"                  # 相对困难: per-capita income below this many 低保 lines
    accident_loss_ratio = "0.8"              # 意外致困: the year's loss above this share of income
    review_days = 365                        # an open file is reviewed at least this often
    file_required_kinds = ["生活救助", "医疗救助", "金秋助学"]

    [settings.assistance.dibao."幸福市"]     # 城市低保标准, 元/人/月, by year
    2025 = "1380.00"
    2026 = "1420.00"

    [settings.assistance.limits]             # per member and calendar year, cash + goods
    "生活救助" = "6000.00"                   # an aid kind,
    "节日慰问" = "1000.00"                   # festival aid (送温暖 and aid with a festival),
    "合计" = "12000.00"                      # or every kind together

    [settings.assistance.per_aid_limits]     # one payment, by kind (e.g. 安徽 2025: 2000)
    "生活救助" = "2000.00"

Limits apply to what the union pays from its own funds (`funded_by` unset or 本级工会经费); money of
the higher union, the employer or donors is counted in the figures but not against these limits. No
limit is set unless the workspace sets it: the amounts are provincial (§4.6-4.7).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

import attrs

from unioncore import Problem, Severity, Workspace
from unioncore.schema import parse_money

from .records import AID_KINDS

FESTIVAL_LIMIT = "节日慰问"
TOTAL_LIMIT = "合计"
LIMIT_KEYS = (*AID_KINDS, FESTIVAL_LIMIT, TOTAL_LIMIT)

DEFAULT_RELATIVE_MULTIPLE = Decimal(2)  # §8.8: 相对困难 below 2×低保 (some cities use 1.5)
DEFAULT_ACCIDENT_LOSS_RATIO = Decimal("0.8")  # §8.8: 青岛's example, loss above 80% of income
DEFAULT_REVIEW_DAYS = 365  # yearly review of the file (动态管理)
# 皖工发〔2025〕18号 (§4.10): one-off aid for illness, accident or schooling needs a hardship file
DEFAULT_FILE_REQUIRED = ("生活救助", "医疗救助", "金秋助学")

KNOWN = {
    "city",
    "dibao",
    "relative_multiple",
    "accident_loss_ratio",
    "review_days",
    "limits",
    "per_aid_limits",
    "file_required_kinds",
}


@attrs.frozen
class AssistanceSettings:
    city: str | None = None
    dibao: Mapping[str, Mapping[int, Decimal]] = attrs.field(factory=dict)
    relative_multiple: Decimal = DEFAULT_RELATIVE_MULTIPLE
    accident_loss_ratio: Decimal = DEFAULT_ACCIDENT_LOSS_RATIO
    review_days: int = DEFAULT_REVIEW_DAYS
    limits: Mapping[str, Decimal] = attrs.field(factory=dict)
    per_aid_limits: Mapping[str, Decimal] = attrs.field(factory=dict)
    file_required_kinds: tuple[str, ...] = DEFAULT_FILE_REQUIRED

    def dibao_line(self, city: str | None, year: int) -> Decimal | None:
        """The monthly 低保 line of a city in a year (None when not set)."""
        if city is None:
            return None
        return self.dibao.get(city, {}).get(year)


def read_settings(ws: Workspace) -> tuple[AssistanceSettings, list[Problem]]:
    """The settings with defaults, and a problem for each value that cannot be used."""
    raw = ws.setting("assistance", {})
    problems: list[Problem] = []

    def bad(message: str, *key: str | int) -> None:
        sf = ws.files.get("unioncore.toml")
        path = ("settings", "assistance", *key)
        rule = "assistance.settings"
        if sf is not None:
            problems.append(sf.problem(message, path, Severity.ERROR, rule=rule))
        else:
            problems.append(Problem(message, Severity.ERROR, file="unioncore.toml", path=path, rule=rule))

    if not isinstance(raw, dict):
        bad("[settings.assistance] 应为表")
        return AssistanceSettings(), problems
    for key in raw:
        if key not in KNOWN:
            bad(f"未知的设置项“{key}”（可用：{'、'.join(sorted(KNOWN))}）", key)

    city = raw.get("city")
    if city is not None and not isinstance(city, str):
        bad("city 应为城市名称（文本）", "city")
        city = None

    dibao: dict[str, dict[int, Decimal]] = {}
    table = raw.get("dibao", {})
    if not isinstance(table, dict):
        bad('dibao 应为表：[settings.assistance.dibao."城市"] 下写 年份 = "金额"', "dibao")
    else:
        for city_name, years in table.items():
            if not isinstance(years, dict):
                bad(f'dibao."{city_name}" 应为表：年份 = "每人每月金额"', "dibao", city_name)
                continue
            for year_text, value in years.items():
                if not str(year_text).isdigit():
                    bad(f"低保标准的年份“{year_text}”应为四位数字", "dibao", city_name, year_text)
                    continue
                amount, err = parse_money(value)
                if err or amount is None or amount <= 0:
                    bad(
                        f"{city_name}{year_text}年低保标准：{err or '应大于零'}",
                        "dibao",
                        city_name,
                        year_text,
                    )
                    continue
                dibao.setdefault(city_name, {})[int(year_text)] = amount

    def number(key: str, default: Decimal) -> Decimal:
        value = raw.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or isinstance(value, float):
            bad(f'{key} 请写成整数或带引号的小数（如 "1.5"）', key)
            return default
        try:
            out = Decimal(str(value).strip())
        except InvalidOperation:
            bad(f"{key} 应为数值，实际是“{value}”", key)
            return default
        if out <= 0:
            bad(f"{key} 应大于零", key)
            return default
        return out

    review_days = raw.get("review_days", DEFAULT_REVIEW_DAYS)
    if isinstance(review_days, bool) or not isinstance(review_days, int) or review_days <= 0:
        bad("review_days 应为正整数（天）", "review_days")
        review_days = DEFAULT_REVIEW_DAYS

    def limits(key: str, allowed: tuple[str, ...]) -> dict[str, Decimal]:
        table = raw.get(key, {})
        if not isinstance(table, dict):
            bad(f'{key} 应为表：类别 = "金额"', key)
            return {}
        out: dict[str, Decimal] = {}
        for name, value in table.items():
            if name not in allowed:
                bad(f"{key} 中的“{name}”无效，可选：{'、'.join(allowed)}", key, name)
                continue
            amount, err = parse_money(value)
            if err or amount is None or amount < 0:
                bad(f"{key}.{name}：{err or '不能为负'}", key, name)
                continue
            out[name] = amount
        return out

    kinds = raw.get("file_required_kinds", list(DEFAULT_FILE_REQUIRED))
    if not isinstance(kinds, list) or not all(isinstance(k, str) and k in AID_KINDS for k in kinds):
        bad(f"file_required_kinds 应为帮扶类别的列表，可选：{'、'.join(AID_KINDS)}", "file_required_kinds")
        kinds = list(DEFAULT_FILE_REQUIRED)

    return (
        AssistanceSettings(
            city=city,
            dibao=dibao,
            relative_multiple=number("relative_multiple", DEFAULT_RELATIVE_MULTIPLE),
            accident_loss_ratio=number("accident_loss_ratio", DEFAULT_ACCIDENT_LOSS_RATIO),
            review_days=review_days,
            limits=limits("limits", LIMIT_KEYS),
            per_aid_limits=limits("per_aid_limits", tuple(AID_KINDS)),
            file_required_kinds=tuple(kinds),
        ),
        problems,
    )


def settings_only(ws: Workspace) -> AssistanceSettings:
    return read_settings(ws)[0]
