"""The 困难帮扶 tab of the terminal UI. Imported only when the TUI builds the tab (hooks.py imports it
lazily), so the plugin works without Textual."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Label, Static

from unioncore import Period, Workspace

from . import aid as aidmod
from . import hardship, report, rules
from .records import CLAIM_FIELDS, MUTUAL, items, usable
from .settings import settings_only


def _name(ws: Workspace, member: str | None) -> str:
    if member is None:
        return "—"
    m = ws.members.get(member)
    return f"{m.name}（{member}）" if m is not None else member


def _money(value: Any) -> str:
    return f"{value:,.2f}" if value is not None else ""


class AssistancePanel(VerticalScroll):
    """Summary sentences, this plugin's problems, hardship files, aid given and mutual enrolments."""

    DEFAULT_CSS = """
    AssistancePanel DataTable { height: auto; max-height: 16; margin-bottom: 1; }
    AssistancePanel .title { text-style: bold; margin-top: 1; }
    """

    def __init__(self, workspace: Workspace, **kw: Any) -> None:
        super().__init__(**kw)
        self.workspace = workspace

    def compose(self) -> ComposeResult:
        ws = self.workspace
        period = Period.year(ws.year)
        sections = report.section(ws, period)
        text = "\n".join(p for s in sections for p in s.paragraphs) or f"{period.label}暂无帮扶记录。"
        yield Static(text, id="assistance-summary")
        problems = rules.check(ws)
        if problems:
            lines = [p.format() for p in problems[:20]]
            if len(problems) > 20:
                lines.append(f"……共 {len(problems)} 条")
            yield Static("\n".join(lines), id="assistance-problems", markup=False)
        yield Label("困难职工档案", classes="title")
        yield DataTable(id="assistance-files", zebra_stripes=True)
        yield Label(f"{period.label}帮扶与慰问", classes="title")
        yield DataTable(id="assistance-aid", zebra_stripes=True)
        yield Label("职工互助医疗保障", classes="title")
        yield DataTable(id="assistance-mutual", zebra_stripes=True)

    def on_mount(self) -> None:
        ws = self.workspace
        settings = settings_only(ws)
        files = self.query_one("#assistance-files", DataTable)
        files.add_columns(
            "档案", "会员", "家庭人口", "人均月收入", "类别", "测算类别", "建档", "最近核查", "状态"
        )
        for rec in hardship.files(ws):
            a = hardship.assess(rec, settings)
            state = "在档" if hardship.is_open(rec, ws.as_of) else f"脱困 {rec.get('closed') or ''}"
            files.add_row(
                rec.key,
                _name(ws, rec["member"]),
                str(rec.get("household") or ""),
                _money(a.per_capita),
                rec["class"],
                a.computed or ("未设低保标准" if a.line is None else "不属困难"),
                rec["opened"].isoformat(),
                hardship.last_assessed(rec).isoformat(),
                state,
            )
        given = self.query_one("#assistance-aid", DataTable)
        given.add_columns("日期", "会员", "类别", "现金", "物品折价", "凭证", "说明")
        for rec in aidmod.aids(ws, Period.year(ws.year)):
            detail = rec.get("occasion") or rec.get("child") or rec.get("goods_desc") or rec.get("note") or ""
            given.add_row(
                rec["date"].isoformat(),
                _name(ws, aidmod.recipient(ws, rec)),
                rec["kind"],
                _money(rec.get("cash")),
                _money(rec.get("goods")),
                rec.get("entry") or "",
                detail,
            )
        mutual = self.query_one("#assistance-mutual", DataTable)
        mutual.add_columns("年度", "会员", "项目", "互助金", "给付次数", "给付金额")
        for rec in sorted(usable(ws, MUTUAL), key=lambda r: (-r["year"], r.key)):
            claims = [c for _, c in items(rec, "claim", CLAIM_FIELDS)]
            mutual.add_row(
                str(rec["year"]),
                _name(ws, rec["member"]),
                rec["scheme"],
                _money(rec.get("premium")),
                str(len(claims)),
                _money(sum((c["paid"] for c in claims), Decimal(0))),
            )
