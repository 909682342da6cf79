"""报表: preview a year-end report (统计年报, 收支公开, 工作总结) and export it (md, docx, xlsx, toml).

The report is built by the reports library (`unioncore.reports.build`) in a worker thread, so the
app stays responsive on a district workspace; the preview shows its headings, paragraphs and
tables. Enter on a figure lists the records behind it (masked), as `unioncore explain` does. The
export writes the file the officer names (relative paths are taken from the workspace folder).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, Input, Select, Static
from textual.worker import get_current_worker

from unioncore.problems import Problem, UnioncoreError
from unioncore.registry import Figure
from unioncore.reports import FORMATS, KIND_TITLES, Report, build, render
from unioncore.reports.public_account import ledger_orgs
from unioncore.workspace import Workspace

from ..widgets.report_view import ReportTable, ReportView
from .base import Pane
from .dialogs import ChoiceDialog
from .explain import ExplainScreen

KIND_LABELS = (("统计年报", "statistics"), ("收支公开", "public_account"), ("工作总结", "summary"))
ALL_ORGS = "*"  # 收支公开 of every organisation that keeps a ledger that year
REPORT_DIR = "报表"  # default folder of exports, inside the workspace


def default_name(kind: str, year: int, org: str | None, fmt: str) -> str:
    """ "2026-统计年报.docx", "2026-经费收支公开-XF-01.xlsx"."""
    part = f"-{org}" if kind == "public_account" and org else ""
    return f"{year}-{KIND_TITLES[kind]}{part}.{fmt}"


def export_path(root: Path, typed: str, fmt: str) -> tuple[Path | None, str]:
    """The file an export goes to, from what the officer typed: relative to the workspace folder,
    `~` expanded, the format's suffix added when missing. (None, why) when it cannot be used."""
    text = typed.strip()
    if not text:
        return None, "请填写导出的文件路径"
    path = Path(os.path.expanduser(text))
    if not path.is_absolute():
        path = root / path
    suffix = path.suffix.lower().lstrip(".")
    if not suffix:
        path = path.with_name(f"{path.name}.{fmt}")
    elif suffix != fmt:
        return None, f"文件扩展名 .{suffix} 与所选格式 {fmt} 不一致（改扩展名或格式）"
    if path.is_dir():
        return None, f"{path} 是一个文件夹，请写文件名"
    return path, ""


def write_report(report: Report, fmt: str, path: Path) -> None:
    """Render `report` to `path`, creating its folder (owner only, as the workspace's own)."""
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
    render(report, fmt, path)
    path.chmod(0o600)


class ReportPane(Pane):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "export", "导出"),
        Binding("o", "focus_path", "导出到…"),
        Binding("g", "rebuild", "重新生成"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.report: Report | None = None
        self.problems: list[Problem] = []
        self._token = 0  # the build whose result is wanted
        self._building = False
        self._years: list[int] = []
        self._orgs: list[str] = []
        self._default_path = ""
        self._focus_after_build = False

    def compose(self) -> ComposeResult:
        ws = self.session.ws
        with Horizontal(classes="filters"):
            yield Select(KIND_LABELS, value="statistics", allow_blank=False, id="report-kind", compact=True)
            yield Select(
                [(f"{ws.year}年", ws.year)], value=ws.year, allow_blank=False, id="report-year", compact=True
            )
            org = Select(
                [("全部记账组织", ALL_ORGS)], value=ALL_ORGS, allow_blank=False, id="report-org", compact=True
            )
            org.display = False
            yield org
            yield Static("", id="report-state")
        yield ReportView(id="report-view")
        yield Static("", id="report-detail")
        with Horizontal(id="report-export"):
            yield Static("导出", classes="export-label")
            yield Select(
                [(f, f) for f in FORMATS], value="docx", allow_blank=False, id="report-format", compact=True
            )
            yield Input(id="report-path", compact=True, placeholder="文件路径（相对工作区文件夹）")
            yield Button("导出 x", id="report-export-button", compact=True)
        yield Static("", id="report-result")

    # -- choices -----------------------------------------------------------------------------
    @property
    def view(self) -> ReportView:
        return self.query_one("#report-view", ReportView)

    @property
    def kind(self) -> str:
        value = self.query_one("#report-kind", Select).value
        return value if isinstance(value, str) else "statistics"

    @property
    def year(self) -> int:
        value = self.query_one("#report-year", Select).value
        return value if isinstance(value, int) else self.session.ws.year

    @property
    def org(self) -> str | None:
        """The organisation of a 收支公开 (None: every one that keeps a ledger)."""
        if self.kind != "public_account":
            return None
        value = self.query_one("#report-org", Select).value
        return value if isinstance(value, str) and value != ALL_ORGS else None

    @property
    def fmt(self) -> str:
        value = self.query_one("#report-format", Select).value
        return value if isinstance(value, str) else "docx"

    def _report_years(self, ws: Workspace) -> list[int]:
        """The workspace year and every year with events or a ledger, newest first."""
        years = {ws.year, ws.year - 1}
        years.update(int(rel.rsplit("/", 1)[-1][:4]) for rel in ws.entries if rel[-9:-5].isdigit())
        years.update(int(rel.rsplit("/", 1)[-1][:4]) for rel in ws.openings if rel[-9:-5].isdigit())
        years.update(e.start.year for e in ws.events.values())
        return sorted((y for y in years if 1949 < y < 2200), reverse=True)

    def _update_choices(self) -> None:
        ws = self.session.ws
        years = self._report_years(ws)
        self._years = self.offer_years(self.query_one("#report-year", Select), years, self._years)
        with self.prevent(Select.Changed):
            self._update_orgs()

    def _update_orgs(self) -> None:
        ws = self.session.ws
        org_select = self.query_one("#report-org", Select)
        org_select.display = self.kind == "public_account"
        codes = [o.code for o in ledger_orgs(ws, self.year)]
        current = org_select.value
        if codes != self._orgs:
            self._orgs = codes
            options = [("全部记账组织", ALL_ORGS)]
            options += [(f"{c} {ws.organisations[c].name}", c) for c in codes]
            with self.prevent(Select.Changed):
                org_select.set_options(options)
                if current in codes:
                    org_select.value = current
                elif self.session.current_org in codes:
                    org_select.value = self.session.current_org
                else:
                    org_select.value = ALL_ORGS

    def current_org_changed(self) -> None:
        """The 收支公开 follows the organisation selected in 组织 (when it keeps a ledger)."""
        code = self.session.current_org
        org_select = self.query_one("#report-org", Select)
        if code in self._orgs and org_select.value != code:
            with self.prevent(Select.Changed):
                org_select.value = code
            if self.kind == "public_account":
                self.mark_stale()

    def _update_default_path(self) -> None:
        path_input = self.query_one("#report-path", Input)
        new = f"{REPORT_DIR}/{default_name(self.kind, self.year, self.org, self.fmt)}"
        typed = path_input.value.strip()
        if not typed or typed == self._default_path:
            path_input.value = new
        else:  # the officer's own path: only follow the format
            p = Path(typed)
            if p.suffix.lower().lstrip(".") in FORMATS and p.suffix.lower() != f".{self.fmt}":
                path_input.value = str(p.with_suffix(f".{self.fmt}"))
        self._default_path = new

    # -- building ----------------------------------------------------------------------------
    def refresh_data(self) -> None:
        self._update_choices()
        self.rebuild()

    def rebuild(self) -> None:
        self._token += 1
        self._building = True
        self.report = None
        self._update_default_path()
        what = dict(KIND_LABELS)
        label = next(k for k, v in what.items() if v == self.kind)
        self.query_one("#report-state", Static).update(Text(f"正在生成{label}……", style="italic"))
        self.query_one("#report-detail", Static).update("")
        self._build(self.session.ws, self.kind, self.year, self.org, self._token)

    @work(thread=True, exclusive=True, group="report")
    def _build(self, ws: Workspace, kind: str, year: int, org: str | None, token: int) -> None:
        try:
            report, problems = build(ws, kind, year, org)
        except UnioncoreError as exc:
            report, problems = None, list(exc.problems)
        except Exception as exc:  # a bug in a report must not take the officer's work down
            report, problems = None, [Problem(f"生成报表时出错：{type(exc).__name__}: {exc}")]
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._built_later, token, report, problems)

    def _built_later(self, token: int, report: Report | None, problems: list[Problem]) -> None:
        self.call_later(self._built, token, report, problems)

    async def _built(self, token: int, report: Report | None, problems: list[Problem]) -> None:
        if token != self._token:  # the choices changed meanwhile; another build is on its way
            return
        had_focus = self._focus_after_build or self._focus_in_view()
        self._focus_after_build = False
        self._building = False
        self.report = report
        self.problems = problems
        why = "；".join(p.message for p in problems)
        await self.view.show(
            report, f"未能生成报表：{why}" if report is None else "", [p.message for p in problems]
        )
        state = self.query_one("#report-state", Static)
        if report is None:
            state.update(Text("未能生成", style="bold red"))
        else:
            n = len(report.figures)
            text = Text(f"{report.period.start.isoformat()} 至 {report.period.end.isoformat()} · {n} 项指标")
            if problems:
                text.append(f" · {len(problems)} 条注意", style="yellow")
            state.update(text)
        shown = self.parent is not None and self.uapp.tabs.active == self.parent.id
        if shown and (had_focus or self.app.focused is None):
            self.focus_main()

    def _focus_in_view(self) -> bool:
        focused = self.app.focused
        return focused is not None and self.view in focused.ancestors_with_self

    def focus_main(self) -> None:
        tables = self.view.tables
        if tables:
            tables[0].focus()
        elif self._building:
            self._focus_after_build = True
            self.query_one("#report-kind", Select).focus()
        else:
            self.query_one("#report-kind", Select).focus()

    def action_rebuild(self) -> None:
        self.rebuild()

    # -- figures -----------------------------------------------------------------------------
    def on_report_table_highlighted(self, event: ReportTable.Highlighted) -> None:
        detail = self.query_one("#report-detail", Static)
        f = self.view.figure(event.key)
        if f is None:
            detail.update(Text("这一行没有对应的指标", style="dim") if event.key is None else "")
            return
        text = Text(f"{f.label} = {f.formatted()}", style="bold")
        text.append(f"（{f.key}）· 回车看背后的 {len(f.refs):,} 条记录", style="dim")
        if f.note:
            text.append(f"\n{f.note}")
        detail.update(text)

    def on_report_table_chosen(self, event: ReportTable.Chosen) -> None:
        event.stop()
        f = self.view.figure(event.key)
        if f is None:
            self.notify("这一行没有对应的指标", severity="warning")
            return
        self.explain(f)

    def explain(self, figure: Figure) -> None:
        report = self.report
        context = (
            f"{report.title}（{report.period.start.isoformat()} 至 {report.period.end.isoformat()}）"
            if report
            else ""
        )

        def go(ref: str | None) -> None:
            if ref:
                kind, _, key = ref.partition(":")
                self.uapp.show_record(kind, key)

        self.app.push_screen(ExplainScreen(self.session.ws, figure, context), go)

    def select_figure(self, key: str) -> bool:
        """Put the cursor on the figure `key` of the report shown (for the command palette and tests)."""
        return self.view.select(key)

    # -- export ------------------------------------------------------------------------------
    def action_focus_path(self) -> None:
        self.query_one("#report-path", Input).focus()

    def action_export(self) -> None:
        result = self.query_one("#report-result", Static)
        report = self.report
        if report is None:
            self.notify(
                "报表还没有生成好，请稍候再导出" if self._building else "没有可导出的报表", severity="warning"
            )
            return
        fmt = self.fmt
        path, why = export_path(self.session.ws.root, self.query_one("#report-path", Input).value, fmt)
        if path is None:
            result.update(Text(f"未能导出：{why}", style="bold red"))
            return
        if path.exists():

            def answer(choice: str | None) -> None:
                if choice == "overwrite":
                    self._export(report, fmt, path)

            self.app.push_screen(
                ChoiceDialog(
                    "文件已存在",
                    f"{path} 已经存在。要用新生成的报表覆盖它吗？",
                    [("cancel", "取消", "primary"), ("overwrite", "覆盖", "error")],
                    id="overwrite-dialog",
                ),
                answer,
            )
            return
        self._export(report, fmt, path)

    def _export(self, report: Report, fmt: str, path: Path) -> None:
        self.query_one("#report-result", Static).update(Text(f"正在导出到 {path} ……", style="italic"))
        self._write(report, fmt, path)

    @work(thread=True, group="report-export")
    def _write(self, report: Report, fmt: str, path: Path) -> None:
        try:
            write_report(report, fmt, path)
        except OSError as exc:
            why = exc.strerror or str(exc)
            self.app.call_from_thread(self._written, path, f"{why}（{exc.filename or path}）")
        except Exception as exc:
            self.app.call_from_thread(self._written, path, f"{type(exc).__name__}: {exc}")
        else:
            self.app.call_from_thread(self._written, path, None)

    def _written(self, path: Path, error: str | None) -> None:
        result = self.query_one("#report-result", Static)
        if error is None:
            result.update(Text(f"已写入 {path}", style="green"))
            self.notify(f"已导出：{path}")
        else:
            result.update(Text(f"未能导出到 {path}：{error}", style="bold red"))
            self.notify(f"未能导出：{error}", severity="error", timeout=10)

    # -- events ------------------------------------------------------------------------------
    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if self.stale:  # not before the tab was first shown
            return
        sid = event.select.id
        if sid == "report-format":
            self._update_default_path()
            return
        if sid in ("report-kind", "report-year"):
            self._update_orgs()
        self.rebuild()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "report-path":
            event.stop()
            self.action_export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "report-export-button":
            event.stop()
            self.action_export()
