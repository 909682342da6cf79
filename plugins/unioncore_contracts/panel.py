"""The 集体合同 tab of the terminal UI. Imported only when the TUI builds the tab (hooks.py imports it
lazily), so the plugin works without Textual."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Label, Static

from unioncore import Period, Workspace

from . import coverage, report, rules, terms
from .records import contracts
from .settings import settings_only


class ContractsPanel(VerticalScroll):
    """Summary sentences, this plugin's problems and every contract with its dates and status."""

    DEFAULT_CSS = """
    ContractsPanel DataTable { height: auto; max-height: 20; }
    ContractsPanel .title { text-style: bold; margin-top: 1; }
    """

    def __init__(self, workspace: Workspace, **kw: Any) -> None:
        super().__init__(**kw)
        self.workspace = workspace

    def compose(self) -> ComposeResult:
        ws = self.workspace
        period = Period.year(ws.year)
        sections = report.section(ws, period)
        text = "\n".join(p for s in sections for p in s.paragraphs) or f"{period.label}没有有效的集体合同。"
        yield Static(text, id="contracts-summary")
        problems = rules.check(ws)
        if problems:
            lines = [p.format() for p in problems[:20]]
            if len(problems) > 20:
                lines.append(f"……共 {len(problems)} 条")
            yield Static("\n".join(lines), id="contracts-problems", markup=False)
        yield Label("集体合同", classes="title")
        yield DataTable(id="contracts-table", zebra_stripes=True)

    def on_mount(self) -> None:
        ws = self.workspace
        settings = settings_only(ws)
        renewed_by = terms.renewals(ws)
        pool = coverage.units(ws)
        table = self.query_one("#contracts-table", DataTable)
        table.add_columns(
            "编号", "工会", "类别", "范围", "签订", "期限", "报送", "生效", "企业", "职工", "状态", "续订"
        )
        for rec in reversed(contracts(ws)):
            org = ws.organisations.get(rec["org"])
            effective = terms.effective_date(rec, settings)
            state = terms.status(rec, ws.as_of, settings, rec.key in renewed_by)
            ents, emps = coverage.enterprises(rec), coverage.employees(ws, rec, pool)
            table.add_row(
                rec.key,
                org.name if org is not None else rec["org"],
                rec["kind"],
                rec["scope"],
                rec["signed"].isoformat(),
                f"{rec['term_start'].isoformat()} 至 {rec['term_end'].isoformat()}",
                rec["filed"].isoformat() if rec.get("filed") else "未报送",
                effective.isoformat() if effective else "—",
                "" if ents is None else str(ents),
                "" if emps is None else str(emps),
                state.value,
                rec.get("renews") or "",
            )
