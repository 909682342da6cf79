"""Settings the reports read from `[settings]` in `unioncore.toml`, with their defaults.

    [settings]
    stat_period_start = "10-01"          # 统计年报的统计期起始月日：上年10月1日至本年9月30日
    unionisation_min_employees = 0       # 职工人数少于此数的单位不计入“应建会单位”（地方口径）
    membership_rate_base = "unionised"   # 入会率分母："unionised" 已建会单位职工数；"all" 另加未建会单位职工数
    report_org = "XF"                    # 报表以哪个组织署名（默认：唯一的最上级组织）

The official formulae of 建会率 and 入会率 are not confirmed (shared/domain.md §8.6, [U]), so both
denominators are settings and every report prints the numbers it divided.
"""

from __future__ import annotations

import datetime
import re

from ..problems import Problem, UnioncoreError
from ..registry import Period
from ..workspace import Workspace

STAT_PERIOD_START = "stat_period_start"
UNIONISATION_MIN_EMPLOYEES = "unionisation_min_employees"
MEMBERSHIP_RATE_BASE = "membership_rate_base"
REPORT_ORG = "report_org"

DEFAULT_STAT_PERIOD_START = "10-01"  # 全国工会统计调查制度: 10月1日至次年9月30日 (shared/domain.md §8.2)
RATE_BASES = {
    "unionised": "已建会单位职工数",
    "all": "已建会单位职工数与未建会应建会单位职工数之和",
}

_MONTH_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})$")


class SettingError(UnioncoreError):
    """A setting the reports need has a value they cannot use."""


def _bad(key: str, message: str) -> SettingError:
    return SettingError([Problem(f"设置 {key}：{message}", file="unioncore.toml", rule="reports.setting")])


def stat_period(ws: Workspace, year: int) -> Period:
    """The statistical year `year`: by default 1 October of the year before to 30 September.

    With `stat_period_start = "01-01"` it is the calendar year.
    """
    raw = ws.setting(STAT_PERIOD_START, DEFAULT_STAT_PERIOD_START)
    m = _MONTH_DAY.match(str(raw).strip())
    if not m:
        raise _bad(STAT_PERIOD_START, f'应写成“月-日”，如 "10-01"，实际是“{raw}”')
    month, day = int(m.group(1)), int(m.group(2))
    try:
        start_this = datetime.date(year, month, day)
    except ValueError:
        raise _bad(STAT_PERIOD_START, f"“{raw}”不是有效的月日") from None
    if (month, day) == (1, 1):
        return Period.year(year)
    start = start_this.replace(year=year - 1)
    return Period(start, start_this - datetime.timedelta(days=1))


def min_employees(ws: Workspace) -> int:
    raw = ws.setting(UNIONISATION_MIN_EMPLOYEES, 0)
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
        raise _bad(UNIONISATION_MIN_EMPLOYEES, f"应为不小于0的整数，实际是“{raw}”")
    return raw


def rate_base(ws: Workspace) -> str:
    raw = ws.setting(MEMBERSHIP_RATE_BASE, "unionised")
    if raw not in RATE_BASES:
        raise _bad(MEMBERSHIP_RATE_BASE, f"可选 {'、'.join(RATE_BASES)}，实际是“{raw}”")
    return str(raw)


def report_org(ws: Workspace) -> tuple[str, str]:
    """(code, name) the reports are signed with: the setting, else the only top organisation."""
    code = ws.setting(REPORT_ORG)
    if code:
        if code not in ws.organisations:
            raise _bad(REPORT_ORG, f"组织“{code}”不存在")
        return str(code), ws.organisations[code].name
    roots = ws.roots()
    if len(roots) == 1:
        return roots[0].code, roots[0].name
    return "", ws.name
