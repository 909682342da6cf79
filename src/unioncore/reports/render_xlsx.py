"""Excel (.xlsx) with openpyxl: one sheet per table — a title row, a bold header row frozen in
place, numbers written as numbers (amounts with two decimals) and, when the rows carry figures, a
last column 编号 with the figure key for `unioncore explain`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

from .model import Money, Report, Table

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
MONEY_FORMAT = "#,##0.00"


def sheet_name(wanted: str, taken: Iterable[str]) -> str:
    """A valid, unique sheet name: no []:*?/\\, at most 31 characters."""
    base = _BAD_SHEET_CHARS.sub("_", wanted).strip("'") or "表"
    base = base[:31]
    used = set(taken)
    name, n = base, 2
    while name in used:
        suffix = f"({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    return name


def _width(value: object) -> int:
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _autosize(ws: Worksheet, first_row: int) -> None:
    widths: dict[int, int] = {}
    for row in ws.iter_rows(min_row=first_row):
        for c in row:
            widths[c.column] = max(widths.get(c.column, 0), _width(c.value))
    for col, w in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = min(max(w + 2, 8), 60)


def write_table(wb: Workbook, t: Table, title_line: str = "") -> Worksheet:
    ws = wb.create_sheet(sheet_name(t.sheet or t.title, wb.sheetnames))
    with_keys = any(t.keys)
    columns = [*t.columns, "编号"] if with_keys else list(t.columns)
    ws.append([t.title if not title_line else f"{title_line}　{t.title}"])
    ws.cell(row=1, column=1).font = Font(bold=True, size=12)
    ws.append(columns)
    for c in ws[2]:
        c.font = Font(bold=True)
        c.fill = HEADER_FILL
        c.alignment = Alignment(horizontal="center", vertical="center")
    for i, row in enumerate(t.rows):
        values: list[object] = list(row)  # openpyxl writes int and Decimal as numbers
        if with_keys:
            values.append(t.key_of(i) or "")
        ws.append(values)
        r = ws.max_row
        for j, c in enumerate(row):
            if isinstance(c, Money) or (j in t.money and isinstance(c, int | Decimal)):
                ws.cell(row=r, column=j + 1).number_format = MONEY_FORMAT
    if t.note:
        ws.append([])
        ws.append([f"注：{t.note}"])
    ws.freeze_panes = "A3"
    _autosize(ws, 2)
    return ws


def build_xlsx(report: Report) -> Workbook:
    wb = Workbook()
    assert wb.active is not None
    wb.remove(wb.active)
    for t in report.tables():
        write_table(wb, t, report.title)
    if not wb.sheetnames:
        ws = wb.create_sheet("说明")
        ws.append([report.title])
        ws.append(["没有可列出的数据"])
    wb.properties.title = report.title
    wb.properties.creator = "unioncore"
    return wb


def render_xlsx(report: Report, path: str | Path) -> None:
    build_xlsx(report).save(str(path))
