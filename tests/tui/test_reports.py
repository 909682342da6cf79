"""The 报表 tab: preview a report, list the records behind a figure, export it."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from openpyxl import load_workbook  # type: ignore[import-untyped]
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static
from tuikit import ZHANG_SAN, app_for, ready, union
from unioncore_tui.app import UnionApp
from unioncore_tui.screens.explain import ExplainScreen
from unioncore_tui.screens.reports import ReportPane, default_name, export_path
from unioncore_tui.widgets.report_view import fold

from unioncore.identifiers import mask_ric


def text_of(widget: Static) -> str:
    return str(widget.render())


async def built(pilot: Pilot[int]) -> ReportPane:
    """The 报表 pane once its report is built and shown."""
    app = pilot.app
    assert isinstance(app, UnionApp)
    await app.workers.wait_for_complete()
    await pilot.pause()
    pane = app.pane("reports")
    assert isinstance(pane, ReportPane)
    assert pane.report is not None
    return pane


async def export(pilot: Pilot[int], pane: ReportPane, path: str, fmt: str) -> str:
    """Type a path, choose a format, press x; the result line."""
    pane.query_one("#report-format", Select).value = fmt
    await pilot.pause()
    pane.query_one("#report-path", Input).value = path
    pane.view.tables[0].focus()
    await pilot.press("x")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return text_of(pane.query_one("#report-result", Static))


async def test_statistics_preview_explain_and_export(tmp_path: Path) -> None:
    root = union(tmp_path / "ws")
    app = app_for(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("6")
        assert app.tabs.active == "tab-reports"
        pane = await built(pilot)
        assert pane.report is not None and pane.report.kind == "statistics"
        assert "2026年度工会统计年报" in pane.report.title
        # the known figure: three members, in the table of 职工和会员
        found = pane.view.find("members.total")
        assert found is not None
        table, row = found
        cells = [str(c) for c in table.get_row_at(row)]
        assert cells[:3] == ["会员总数", "3", "人"]
        # Enter on it lists the three members, masked
        assert pane.select_figure("members.total")
        await pilot.pause()
        assert "会员总数 = 3人" in text_of(pane.query_one("#report-detail", Static))
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ExplainScreen)
        assert screen.refs == ["member:M0001", "member:M0002", "member:M0003"]
        records = screen.query_one("#explain-table").table  # type: ignore[attr-defined]
        first = [str(c) for c in records.get_row_at(0)]
        assert first[0] == "会员" and mask_ric(ZHANG_SAN) in first[1] and "138****5678" in first[1]
        assert ZHANG_SAN not in " ".join(first) and "13812345678" not in " ".join(first)
        assert first[2] == "orgs/A/members.toml:1:1"
        # Enter on a record goes to it
        await pilot.press("enter")
        assert app.tabs.active == "tab-members"
        assert app.pane("members").table.selected_key == "M0001"  # type: ignore[attr-defined]

        await pilot.press("6")
        await pilot.pause()
        # the default path is next to the workspace
        assert pane.query_one("#report-path", Input).value == "报表/2026-统计年报.docx"
        result = await export(pilot, pane, "out/年报", "docx")
        written = root / "out/年报.docx"
        assert str(written) in result and "已写入" in result
        doc = Document(str(written))
        assert any("统计年报" in p.text for p in doc.paragraphs)
        rows = [[c.text for c in r.cells] for t in doc.tables for r in t.rows]
        assert ["会员总数", "3", "人"] == next(r[:3] for r in rows if r[0] == "会员总数")

        result = await export(pilot, pane, "out/年报", "xlsx")
        written = root / "out/年报.xlsx"
        assert "已写入" in result and written.is_file()
        book = load_workbook(written)
        values = [list(r) for ws in book.worksheets for r in ws.iter_rows(values_only=True)]
        assert ["会员总数", 3, "人"] == next(r[:3] for r in values if r and r[0] == "会员总数")
        assert (written.stat().st_mode & 0o777) == 0o600

        # what cannot be written says why, and nothing is written
        result = await export(pilot, pane, "unioncore.toml/年报.docx", "docx")
        assert "未能导出" in result
        result = await export(pilot, pane, "out/年报.xlsx", "docx")
        assert "扩展名" in result and not (root / "out/年报.docx.xlsx").exists()


async def test_public_account_of_the_selected_organisation(tmp_path: Path) -> None:
    app = app_for(union(tmp_path / "ws"))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("down")  # 甲公司工会 in the tree
        await pilot.press("6")
        pane = await built(pilot)
        org = pane.query_one("#report-org", Select)
        assert not org.display  # only the 收支公开 is of one organisation
        pane.query_one("#report-kind", Select).value = "public_account"
        pane = await built(pilot)
        assert org.display and org.value == "A"
        report = pane.report
        assert report is not None and report.kind == "public_account" and report.org_code == "A"
        # 501 职工活动支出: 800 spent of a 3,000 budget
        found = pane.view.find("public.A.501")
        assert found is not None
        cells = [str(c) for c in found[0].get_row_at(found[1])]
        assert cells[1:4] == ["3,000.00", "800.00", "26.7"]
        assert pane.query_one("#report-path", Input).value == "报表/2026-经费收支公开-A.docx"
        # Enter on it lists the voucher behind it
        pane.select_figure("public.A.501")
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ExplainScreen) and screen.refs == ["entry:A:2026:记-002"]
        await pilot.press("escape")
        pane.query_one("#report-kind", Select).value = "summary"
        pane = await built(pilot)
        assert pane.report is not None and pane.report.kind == "summary"
        assert pane.view.find("members.total") is not None


def test_export_paths_and_folding() -> None:
    root = Path("/ws")
    assert default_name("public_account", 2026, "XF-01", "xlsx") == "2026-经费收支公开-XF-01.xlsx"
    assert default_name("statistics", 2026, "XF-01", "md") == "2026-统计年报.md"
    assert export_path(root, "报表/a", "md") == (Path("/ws/报表/a.md"), "")
    assert export_path(root, "/tmp/b.TOML", "toml") == (Path("/tmp/b.TOML"), "")
    assert export_path(root, "  ", "md")[0] is None
    # Chinese text folds between characters, a Latin word stays whole, 。 never begins a line
    assert fold("本稿由 unioncore 根据记录生成。", 12) == ["本稿由", "unioncore 根", "据记录生成。"]
    assert fold("甲乙丙丁戊己。", 12) == ["甲乙丙丁戊", "己。"]
    assert fold("甲乙丙丁戊己庚辛壬癸", 12) == ["甲乙丙丁戊己", "庚辛壬癸"]
