"""The TUI tab of the congress plugin: sessions with their votes, proposals with the step they are at,
合理化建议 and 厂务公开. Imported only when the TUI builds the tab (the plugin works without Textual)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from unioncore import Period

from . import disclosures, proposals, sessions, settings, stats, suggestions
from .records import PROPOSAL, RESOLUTION

if TYPE_CHECKING:
    from unioncore import Workspace


class CongressPanel(VerticalScroll):
    """职代会与民主管理 for the workspace year."""

    DEFAULT_CSS = """
    CongressPanel > DataTable { height: auto; max-height: 14; margin-bottom: 1; }
    CongressPanel > .heading { text-style: bold; margin-top: 1; }
    """

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(id="congress-panel")
        self.workspace = workspace
        self.period = Period.year(workspace.year)
        self.settings, _ = settings.read(workspace)

    def compose(self) -> ComposeResult:
        figs = stats.figures(self.workspace, self.period, self.settings)
        summary = "；".join(f"{f.label} {f.formatted()}" for f in figs if f.value)
        yield Static(summary or "本年度还没有职代会、提案或合理化建议记录", id="congress-summary")
        yield Static("职工（代表）大会、工会委员会会议与表决", classes="heading")
        yield DataTable(id="congress-sessions", zebra_stripes=True)
        yield Static("职代会提案", classes="heading")
        yield DataTable(id="congress-proposals", zebra_stripes=True)
        yield Static("合理化建议", classes="heading")
        yield DataTable(id="congress-suggestions", zebra_stripes=True)
        yield Static("厂务公开", classes="heading")
        yield DataTable(id="congress-disclosures", zebra_stripes=True)

    def on_mount(self) -> None:
        ws, period = self.workspace, self.period
        names = {code: org.name for code, org in ws.organisations.items()}

        meetings: DataTable[str] = self.query_one("#congress-sessions", DataTable)
        meetings.add_columns("日期", "单位", "会议", "代表/委员", "表决事项")
        held = sessions.sessions(ws, period) + sessions.committee_meetings(ws, period)
        for e in sorted(held, key=lambda e: (e.start, e.id)):
            base, _ = sessions.vote_base(ws, e)
            votes = [
                f"{r['title']}（{sessions.vote_phrase(r)}）"
                for r in ws.records_of(RESOLUTION)
                if r["event"] == e.id
            ]
            kind = sessions.congress_label(e) if e.type == "staff_congress" else "工会委员会会议"
            meetings.add_row(
                e.start.isoformat(),
                names.get(e.org, e.org),
                kind,
                "" if base is None else str(base),
                "；".join(votes),
                key=e.id,
            )

        table: DataTable[str] = self.query_one("#congress-proposals", DataTable)
        table.add_columns("编号", "案由", "单位", "当前步骤", "期限", "逾期")
        late = {rec.key: step for rec, step in proposals.overdue(ws, self.settings)}
        for rec in sorted(ws.records_of(PROPOSAL), key=lambda r: (r["received"], r.key)):
            if rec["received"] not in period and rec.key not in late:
                continue
            step = proposals.pending_step(rec, self.settings)
            over = (ws.as_of - step.due).days if rec.key in late and step is not None else 0
            table.add_row(
                rec.key,
                rec["title"],
                names.get(rec["org"], rec["org"]),
                step.label if step else "已归档",
                step.due.isoformat() if step else "",
                f"{over} 天" if over else "",
                key=rec.key,
            )

        ideas: DataTable[str] = self.query_one("#congress-suggestions", DataTable)
        ideas.add_columns("编号", "建议内容", "单位", "状态", "奖项", "经济效益（元）")
        for rec in suggestions.made_in(ws, period):
            ideas.add_row(
                rec.key,
                rec["subject"],
                names.get(rec["org"], rec["org"]),
                rec["status"],
                rec.get("award") or "",
                f"{rec['benefit']:,.2f}" if rec.get("benefit") else "",
                key=rec.key,
            )

        public: DataTable[str] = self.query_one("#congress-disclosures", DataTable)
        public.add_columns("日期", "单位", "公开事项", "公开形式")
        for rec in disclosures.published_in(ws, period):
            public.add_row(
                rec["date"].isoformat(),
                names.get(rec["org"], rec["org"]),
                rec["subject"],
                rec["place"],
                key=rec.key,
            )


def build(workspace: Workspace) -> CongressPanel:
    return CongressPanel(workspace)
