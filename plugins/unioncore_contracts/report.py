"""The 集体合同 section of the year-end 工作总结, e.g.

    区域性行业性合同份数占39%，覆盖企业和职工分别占98%和85%。

Percentages are printed whole (half up), computed from the counts rather than from the one-decimal
figures, so that a share is never rounded twice.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from unioncore import Figure, Period, ReportSection, Workspace

from . import stats
from .records import KIND_NAMES, KINDS, SCOPES

ORDER = 65


def whole_percent(part: int | Decimal, whole: int | Decimal) -> str:
    if not whole:
        return "0%"
    return f"{(Decimal(part) * 100 / Decimal(whole)).quantize(Decimal(1), rounding=ROUND_HALF_UP)}%"


def _is_year(period: Period) -> bool:
    s, e = period.start, period.end
    return s == datetime.date(s.year, 1, 1) and e == datetime.date(s.year, 12, 31)


def section(ws: Workspace, period: Period) -> list[ReportSection]:
    figs = {f.key.removeprefix("contracts."): f for f in stats.figures(ws, period)}
    used: list[Figure] = []

    def v(key: str) -> int | Decimal:
        return figs[key].value

    def use(*keys: str) -> None:
        used.extend(figs[k] for k in keys if figs[k] not in used)

    lead = "全年" if _is_year(period) else f"{period.label}，"
    paragraphs: list[str] = []
    total = v("total")
    if total:
        kinds = [f"{KIND_NAMES[k]}{v(f'kind.{s}')}份" for k, s in KINDS.items() if v(f"kind.{s}")]
        scopes = [
            f"{'单独签订' if k == '单独' else k}{v(f'scope.{s}')}份"
            for k, s in SCOPES.items()
            if v(f"scope.{s}")
        ]
        use("total", *(f"kind.{s}" for s in KINDS.values() if v(f"kind.{s}")))
        use(*(f"scope.{s}" for s in SCOPES.values() if v(f"scope.{s}")))
        text = f"{lead}有效集体合同{total}份，其中{'、'.join(kinds)}；{'、'.join(scopes)}"
        if v("enterprises") or v("employees"):
            text += f"，合计覆盖企业{v('enterprises')}家次、职工{v('employees')}人次"
            use("enterprises", "employees")
        paragraphs.append(text + "。")
        if v("regional"):
            paragraphs.append(
                f"区域性行业性合同份数占{whole_percent(v('regional'), total)}，"
                f"覆盖企业和职工分别占{whole_percent(v('regional.enterprises'), v('enterprises'))}"
                f"和{whole_percent(v('regional.employees'), v('employees'))}。"
            )
            use("regional.share", "regional.enterprise_share", "regional.employee_share")
        if v("kind.women.female_employees"):
            paragraphs.append(f"女职工权益保护专项集体合同覆盖女职工{v('kind.women.female_employees')}人次。")
            use("kind.women.female_employees")
    if v("signed"):
        text = f"{'全年' if _is_year(period) else '期间'}新签集体合同{v('signed')}份"
        use("signed")
        if v("renewed"):
            text += f"，其中续订{v('renewed')}份"
            use("renewed")
        paragraphs.append(text + "。")
    if v("covered.enterprises") and v("base.enterprises"):
        paragraphs.append(
            f"集体合同覆盖辖区单位{v('covered.enterprises')}家、职工{v('covered.employees')}人，"
            f"分别占辖区单位和职工的{whole_percent(v('covered.enterprises'), v('base.enterprises'))}"
            f"和{whole_percent(v('covered.employees'), v('base.employees'))}。"
        )
        use("covered.enterprises", "covered.employees", "coverage.enterprises", "coverage.employees")
    if not paragraphs:
        return []
    return [ReportSection("集体合同", tuple(paragraphs), tuple(used), order=ORDER)]
