"""The TUI tab of the disputes plugin: cases with how long they have been open, and consultations.
Imported only when the TUI builds the tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from unioncore import Period

from . import cases, settings, stats
from .records import CONSULTATION

if TYPE_CHECKING:
    from unioncore import Workspace


class DisputesPanel(VerticalScroll):
    """劳动争议调解与法律援助 for the workspace year, and every case still open."""

    DEFAULT_CSS = """
    DisputesPanel > DataTable { height: auto; max-height: 16; margin-bottom: 1; }
    DisputesPanel > .heading { text-style: bold; margin-top: 1; }
    """

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(id="disputes-panel")
        self.workspace = workspace
        self.period = Period.year(workspace.year)
        self.settings, _ = settings.read(workspace)

    def compose(self) -> ComposeResult:
        figs = stats.figures(self.workspace, self.period, self.settings)
        summary = "；".join(f"{f.label} {f.formatted()}" for f in figs if f.value)
        yield Static(summary or "本年度还没有劳动争议调解或法律咨询记录", id="disputes-summary")
        yield Static("调解案件", classes="heading")
        yield DataTable(id="disputes-cases", zebra_stripes=True)
        yield Static("法律咨询与法律援助", classes="heading")
        yield DataTable(id="disputes-consultations", zebra_stripes=True)

    def on_mount(self) -> None:
        ws, period = self.workspace, self.period
        names = {code: org.name for code, org in ws.organisations.items()}
        table: DataTable[str] = self.query_one("#disputes-cases", DataTable)
        table.add_columns("受理", "工会", "申请人", "被申请人", "人数", "争议金额（元）", "结果", "已办天数")
        shown = {r.key: r for r in cases.received_in(ws, period)}
        shown.update({r.key: r for r in cases.open_cases(ws, ws.as_of)})
        for rec in sorted(shown.values(), key=lambda r: (r["received"], r.key)):
            closed = rec.get("closed")
            days = ((closed or ws.as_of) - rec["received"]).days
            late = not closed and days > self.settings.mediation_days
            table.add_row(
                rec["received"].isoformat(),
                names.get(rec["org"], rec["org"]),
                rec["applicant"],
                rec["respondent"],
                str(rec["workers"]),
                f"{rec['amount']:,.2f}" if rec.get("amount") is not None else "",
                rec.get("outcome") or "未结案",
                f"{days} 天" + ("（超期）" if late else ""),
                key=rec.key,
            )
        advice: DataTable[str] = self.query_one("#disputes-consultations", DataTable)
        advice.add_columns("日期", "工会", "类别", "事项", "人数", "方式")
        for rec in sorted(ws.records_of(CONSULTATION), key=lambda r: (r["date"], r.key)):
            if rec["date"] not in period:
                continue
            advice.add_row(
                rec["date"].isoformat(),
                names.get(rec["org"], rec["org"]),
                rec["kind"],
                rec["topic"],
                str(rec.get("people") or 1),
                rec.get("way") or "",
                key=rec.key,
            )


def build(workspace: Workspace) -> DisputesPanel:
    return DisputesPanel(workspace)
