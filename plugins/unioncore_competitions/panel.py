"""The TUI tab of the competitions plugin: competitions with their entrants and results, honours, and
劳模 with their last care visit. Imported only when the TUI builds the tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from unioncore import Period

from . import contests, honours, model_workers, settings, stats

if TYPE_CHECKING:
    from unioncore import Workspace


class CompetitionsPanel(VerticalScroll):
    """劳动竞赛与评先评优 for the workspace year."""

    DEFAULT_CSS = """
    CompetitionsPanel > DataTable { height: auto; max-height: 14; margin-bottom: 1; }
    CompetitionsPanel > .heading { text-style: bold; margin-top: 1; }
    """

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(id="competitions-panel")
        self.workspace = workspace
        self.period = Period.year(workspace.year)
        self.settings, _ = settings.read(workspace)

    def compose(self) -> ComposeResult:
        figs = stats.figures(self.workspace, self.period, self.settings)
        summary = "；".join(f"{f.label} {f.formatted()}" for f in figs if f.value and f.key.count(".") == 1)
        yield Static(summary or "本年度还没有劳动竞赛、荣誉或劳模记录", id="competitions-summary")
        yield Static("劳动竞赛与技能比武", classes="heading")
        yield DataTable(id="competitions-contests", zebra_stripes=True)
        yield Static("荣誉称号", classes="heading")
        yield DataTable(id="competitions-honours", zebra_stripes=True)
        yield Static("劳模与走访慰问", classes="heading")
        yield DataTable(id="competitions-model-workers", zebra_stripes=True)

    def on_mount(self) -> None:
        ws, period = self.workspace, self.period
        names = {code: org.name for code, org in ws.organisations.items()}

        table: DataTable[str] = self.query_one("#competitions-contests", DataTable)
        table.add_columns("日期", "主办", "名称", "类别", "参加人次", "经济效益（元）", "获奖")
        for e in contests.competitions(ws, period):
            winners = "、".join(
                f"{ws.members[r.member].name if r.member in ws.members else r.member or r.team}"
                + (f" {r.award}" if r.award else "")
                for r in e.results
            )
            benefit = e.fields.get("benefit")
            table.add_row(
                e.start.isoformat(),
                names.get(e.org, e.org),
                e.title,
                contests.kind_of(ws, e),
                str(e.attendance),
                f"{benefit:,.2f}" if benefit else "",
                winners,
                key=e.id,
            )

        got: DataTable[str] = self.query_one("#competitions-honours", DataTable)
        got.add_columns("年度", "称号", "级别", "获得者", "授予机关")
        for rec in honours.in_period(ws, period):
            got.add_row(
                str(rec["year"]),
                rec.get("title") or rec["kind"],
                rec["level"],
                honours.recipient(ws, rec),
                rec.get("awarded_by") or "",
                key=rec.key,
            )

        people: DataTable[str] = self.query_one("#competitions-model-workers", DataTable)
        people.add_columns("会员", "姓名", "单位", "级别", "称号", "本年走访慰问")
        seen = model_workers.visits(ws, period, self.settings)
        for m in model_workers.model_workers(ws, min(ws.as_of, period.end)):
            data = m.category_data.get("model_worker") or {}
            last = max((e.start for e in seen.get(m.id, ())), default=None)
            people.add_row(
                m.id,
                m.name,
                names.get(m.org, m.org),
                model_workers.level_of(m),
                str(data.get("title") or ""),
                last.isoformat() if last else "未走访",
                key=m.id,
            )


def build(workspace: Workspace) -> CompetitionsPanel:
    return CompetitionsPanel(workspace)
