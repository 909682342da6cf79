"""`[settings.contracts]` in unioncore.toml, with the national defaults:

[settings.contracts]
filing_days = 10                 # 集体合同规定 Art 42: filed within 10 days of signing
wage_filing_days = 7             # 工资集体协商试行办法: wage agreements within 7 days
objection_days = 15              # 劳动合同法 Art 54: effective without objection within 15 days
expiry_reminder_months = 3       # 集体合同规定 Art 38: renewal may be asked 3 months before the end
minimum_wage = "2420.00"         # the local monthly minimum wage, or a table by year:
# [settings.contracts.minimum_wage]
# 2026 = "2420.00"
enterprises_total = 850          # denominators of the coverage rates, when the federations'
employees_total = 42000          # [[enterprise]] lists do not hold every unit of the area
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from unioncore import Problem, Severity, Workspace
from unioncore.schema import parse_money

KNOWN = {
    "filing_days",
    "wage_filing_days",
    "objection_days",
    "expiry_reminder_months",
    "minimum_wage",
    "enterprises_total",
    "employees_total",
}


@attrs.frozen
class ContractSettings:
    filing_days: int = 10
    wage_filing_days: int = 7
    objection_days: int = 15
    expiry_reminder_months: int = 3
    minimum_wage: Mapping[int | None, Decimal] = attrs.field(factory=dict)  # None: every year
    enterprises_total: int | None = None
    employees_total: int | None = None

    def minimum_wage_in(self, year: int) -> Decimal | None:
        return self.minimum_wage.get(year, self.minimum_wage.get(None))


def read_settings(ws: Workspace) -> tuple[ContractSettings, list[Problem]]:
    raw = ws.setting("contracts", {})
    problems: list[Problem] = []

    def bad(message: str, *key: str | int) -> None:
        path = ("settings", "contracts", *key)
        sf = ws.files.get("unioncore.toml")
        if sf is not None:
            problems.append(sf.problem(message, path, Severity.ERROR, rule="contracts.settings"))
        else:
            problems.append(
                Problem(message, Severity.ERROR, file="unioncore.toml", path=path, rule="contracts.settings")
            )

    if not isinstance(raw, dict):
        bad("[settings.contracts] 应为表")
        return ContractSettings(), problems
    for key in raw:
        if key not in KNOWN:
            bad(f"未知的设置项“{key}”（可用：{'、'.join(sorted(KNOWN))}）", key)
    defaults = ContractSettings()

    def positive(key: str, default: Any) -> Any:
        if key not in raw:
            return default
        value = raw[key]
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            bad(f"{key} 应为正整数", key)
            return default
        return value

    wages: dict[int | None, Decimal] = {}
    table = raw.get("minimum_wage")
    if isinstance(table, dict):
        for year, value in table.items():
            amount, err = parse_money(value)
            if not str(year).isdigit():
                bad(f"最低工资标准的年份“{year}”应为四位数字", "minimum_wage", year)
            elif err or amount is None:
                bad(f"{year}年最低工资标准：{err}", "minimum_wage", year)
            else:
                wages[int(year)] = amount
    elif table is not None:
        amount, err = parse_money(table)
        if err or amount is None:
            bad(f"minimum_wage：{err}", "minimum_wage")
        else:
            wages[None] = amount

    return (
        ContractSettings(
            filing_days=positive("filing_days", defaults.filing_days),
            wage_filing_days=positive("wage_filing_days", defaults.wage_filing_days),
            objection_days=positive("objection_days", defaults.objection_days),
            expiry_reminder_months=positive("expiry_reminder_months", defaults.expiry_reminder_months),
            minimum_wage=wages,
            enterprises_total=positive("enterprises_total", None),
            employees_total=positive("employees_total", None),
        ),
        problems,
    )


def settings_only(ws: Workspace) -> ContractSettings:
    return read_settings(ws)[0]
