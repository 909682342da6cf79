"""The 困难职工帮扶 section of the year-end 工作总结, e.g.

    全年帮扶困难职工988人次，帮扶款物74.87万元，其中生活救助779人（54.49万元）、……

A figure no record supports is left out of the sentences; money is printed in 万元 with two decimals.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from unioncore import Figure, Period, ReportSection, Workspace

from . import stats
from .records import AID_KINDS, CLASSES

ORDER = 60


def wan(amount: Decimal) -> str:
    """Yuan as 万元 with two decimals (half up): 748704.40 -> "74.87"."""
    return f"{(amount / 10000).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):.2f}"


def is_whole_year(period: Period) -> bool:
    start, end = period.start, period.end
    return start == datetime.date(start.year, 1, 1) and end == datetime.date(start.year, 12, 31)


def lead(period: Period) -> str:
    return "全年" if is_whole_year(period) else f"{period.label}，"


def _day(d: datetime.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def section(ws: Workspace, period: Period) -> list[ReportSection]:
    figs = {f.key.removeprefix("assistance."): f for f in stats.figures(ws, period)}
    used: list[Figure] = []
    paragraphs: list[str] = []

    def use(*keys: str) -> None:
        used.extend(figs[k] for k in keys if figs[k] not in used)

    records = figs["aid.records"]
    if records.value:
        text = f"{lead(period)}帮扶困难职工{records.value}人次，帮扶款物{wan(Decimal(figs['aid.value'].value))}万元"
        use("aid.records", "aid.value")
        parts = []
        for kind, slug in AID_KINDS.items():
            if figs[f"aid.{slug}.records"].value:
                parts.append(
                    f"{kind}{figs[f'aid.{slug}.people'].value}人（{wan(Decimal(figs[f'aid.{slug}.value'].value))}万元）"
                )
                use(f"aid.{slug}.people", f"aid.{slug}.value")
        if parts:
            text += "，其中" + "、".join(parts)
        paragraphs.append(text + "。")

    on_record = figs["files.open"]
    file_parts = []
    if on_record.value:
        classes = [
            f"{cls}{figs[f'files.{stats.CLASS_KEYS[cls]}'].value}户"
            for cls in CLASSES
            if figs[f"files.{stats.CLASS_KEYS[cls]}"].value
        ]
        when = "年末" if is_whole_year(period) else f"截至{_day(period.end)}，"
        text = f"{when}在档困难职工{on_record.value}户"
        if classes:
            text += "，其中" + "、".join(classes)
        file_parts.append(text)
        use(
            "files.open",
            *(f"files.{stats.CLASS_KEYS[c]}" for c in CLASSES if figs[f"files.{stats.CLASS_KEYS[c]}"].value),
        )
    moves = []
    if figs["files.opened"].value:
        moves.append(f"新建档{figs['files.opened'].value}户")
        use("files.opened")
    if figs["files.closed"].value:
        moves.append(f"帮助{figs['files.closed'].value}户脱困")
        use("files.closed")
    if moves:
        file_parts.append(("全年" if is_whole_year(period) else "期间") + "、".join(moves))
    if file_parts:
        paragraphs.append("；".join(file_parts) + "。")

    people = figs["mutual.people"]
    if people.value:
        text = f"{people.value}名职工参加职工互助医疗保障，缴纳互助金{wan(Decimal(figs['mutual.premium'].value))}万元"
        use("mutual.people", "mutual.premium")
        if figs["mutual.claims"].value:
            text += (
                f"；{lead(period).rstrip('，')}获得互助金给付{figs['mutual.claims'].value}人次、"
                f"{wan(Decimal(figs['mutual.claims_paid'].value))}万元"
            )
            use("mutual.claims", "mutual.claims_paid")
        paragraphs.append(text + "。")

    if not paragraphs:
        return []
    return [ReportSection("困难职工帮扶", tuple(paragraphs), tuple(used), order=ORDER)]
