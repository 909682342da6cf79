"""Excel exports: 会员名册, 凭证 (ledger), 活动, 统计 — one sheet per table.

公民身份号码 and phone numbers are masked (1101**********002X, 138****5678) unless `reveal=True`
(`--reveal`); identifiers are written as text so Excel neither rounds an 18-digit number nor drops
a leading zero.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..registry import Period
from ..reports.model import Cell, Money, Table
from ..reports.redact import redact
from ..reports.render_xlsx import write_table
from ..reports.statistics import build_statistics
from ..workspace import Workspace

TEXT_COLUMNS = ("公民身份号码", "手机", "会员编号", "凭证号", "会员证号", "编号")


def members_tables(ws: Workspace, reveal: bool = False) -> list[Table]:
    rows: list[tuple[Cell, ...]] = []
    for m in sorted(ws.members.values(), key=lambda m: (m.org, m.id)):
        org = ws.organisations.get(m.org)
        cats = "、".join(ws.categories[c].label if c in ws.categories else c for c in m.categories)
        rows.append(
            (
                m.id,
                m.name,
                m.gender or "",
                (m.id_number or "") if reveal else m.masked_id_number,
                (m.phone or "") if reveal else m.masked_phone,
                m.org,
                org.name if org else "",
                m.joined.isoformat() if m.joined else "",
                m.status.value,
                cats,
                m.card_no or "",
                (m.note or "") if reveal else redact(m.note or ""),
            )
        )
    return [
        Table(
            "会员名册",
            (
                "会员编号",
                "姓名",
                "性别",
                "公民身份号码",
                "手机",
                "工会代码",
                "所在工会",
                "入会日期",
                "状态",
                "类别",
                "会员证号",
                "备注",
            ),
            tuple(rows),
            note=""
            if reveal
            else "公民身份号码和手机号已部分隐去；需要完整号码时用 --reveal 导出，并妥善保管文件。",
        )
    ]


def ledger_tables(ws: Workspace, reveal: bool = False) -> list[Table]:
    chart = ws.chart
    rows: list[tuple[Cell, ...]] = []
    for e in ws.ledger():
        acc = chart.get(e.account)
        cash = chart.get(e.cash_account)
        people = "、".join(f"{p} {ws.members[p].name}" if p in ws.members else p for p in e.people)
        memo = e.memo or ""
        rows.append(
            (
                e.org,
                e.voucher,
                e.date.isoformat(),
                e.account,
                acc.name if acc else "",
                e.side or "",
                Money(e.amount),
                e.cash_account,
                cash.name if cash else "",
                memo if reveal else redact(memo),
                e.event or "",
                e.project or "",
                e.purpose or "",
                people,
            )
        )
    openings: list[tuple[Cell, ...]] = []
    for _rel, opening in sorted(ws.openings.items()):
        for code, amount in sorted(opening.balances.items()):
            acc = chart.get(code)
            openings.append((opening.org, opening.year, code, acc.name if acc else "", Money(amount)))
    tables = [
        Table(
            "凭证",
            (
                "工会代码",
                "凭证号",
                "日期",
                "科目代码",
                "科目名称",
                "方向",
                "金额",
                "对方科目",
                "对方科目名称",
                "摘要",
                "活动",
                "项目",
                "用途",
                "领取人",
            ),
            tuple(rows),
            money=frozenset({6}),
        )
    ]
    if openings:
        tables.append(
            Table(
                "期初余额",
                ("工会代码", "年度", "科目代码", "科目名称", "期初余额"),
                tuple(openings),
                money=frozenset({4}),
            )
        )
    return tables


def events_tables(ws: Workspace, reveal: bool = False) -> list[Table]:
    rows: list[tuple[Cell, ...]] = []
    for e in ws.events_of():
        etype = ws.event_types.get(e.type)
        org = ws.organisations.get(e.org)
        note = e.note or ""
        rows.append(
            (
                e.id,
                etype.label if etype else e.type,
                e.title,
                e.start.isoformat(),
                e.end.isoformat() if e.end else "",
                e.org,
                org.name if org else "",
                "、".join(e.co_organisers),
                e.place or "",
                e.attendance,
                len(e.participants),
                note if reveal else redact(note),
            )
        )
    return [
        Table(
            "活动",
            (
                "活动编号",
                "类型",
                "名称",
                "开始日期",
                "结束日期",
                "组织代码",
                "主办工会",
                "协办",
                "地点",
                "参加人次",
                "登记的参加会员数",
                "备注",
            ),
            tuple(rows),
        )
    ]


def stats_tables(ws: Workspace, reveal: bool = False, year: int | None = None) -> list[Table]:
    report, _ = build_statistics(ws, year)
    rows: list[tuple[Cell, ...]] = []
    keys: list[str | None] = []
    for f in report.figures:
        rows.append(
            (f.group, f.label, Money(f.value) if f.unit == "元" else f.value, f.unit, len(f.refs), f.note)
        )
        keys.append(f.key)
    period: Period = report.period
    return [
        Table(
            f"统计（{period.start.isoformat()} 至 {period.end.isoformat()}）",
            ("分组", "指标", "数值", "单位", "记录数", "说明"),
            tuple(rows),
            keys=tuple(keys),
            sheet="统计",
        )
    ]


EXPORTS: dict[str, tuple[str, Callable[..., list[Table]]]] = {
    "members": ("会员名册", members_tables),
    "ledger": ("凭证", ledger_tables),
    "events": ("活动", events_tables),
    "stats": ("统计", stats_tables),
}


def export_xlsx(
    ws: Workspace, what: str, path: str | Path, *, reveal: bool = False, year: int | None = None
) -> int:
    """Write one export to `path`; returns the number of data rows written."""
    from openpyxl import Workbook  # type: ignore[import-untyped]

    _, build = EXPORTS[what]
    tables = build(ws, reveal=reveal, year=year) if what == "stats" else build(ws, reveal=reveal)
    wb = Workbook()
    assert wb.active is not None
    wb.remove(wb.active)
    for t in tables:
        sheet = write_table(wb, t, ws.name)
        for col, name in enumerate(sheet[2], 1):
            if name.value in TEXT_COLUMNS:
                for row in sheet.iter_rows(min_row=3, min_col=col, max_col=col):
                    for c in row:
                        c.number_format = "@"
    wb.properties.title = f"{ws.name} {EXPORTS[what][0]}"
    wb.properties.creator = "unioncore"
    wb.save(str(path))
    return sum(len(t.rows) for t in tables)
