"""The example workspace produces all three reports in md, docx, xlsx and toml, and the files hold
what the reports say: headings, tables and known figures."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from report_helpers import copy_example, docx_text, xlsx_rows

import unioncore
from unioncore.cli import main
from unioncore.reports import KIND_TITLES, KINDS, build, render
from unioncore.reports.settings import stat_period
from unioncore.stats import core_figures

TITLES = {"stats": "统计年报", "public": "经费收支公开", "summary": "工作总结"}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("formats")
    ws_dir = copy_example(tmp)
    out = tmp / "out"
    out.mkdir()
    # the CLI once (all three reports in one format), the API for the other formats
    assert main(["report", str(ws_dir), "--year", "2026", "--format", "docx", "--out", str(out)]) == 0
    ws, _ = unioncore.load(ws_dir)
    for kind in KINDS:
        report, _ = build(ws, kind, 2026)
        for fmt in ("md", "xlsx", "toml"):
            render(report, fmt, out / f"{report.org_name}-2026-{KIND_TITLES[kind]}.{fmt}")
    return ws_dir, out


def _file(out: Path, kind: str, fmt: str) -> Path:
    [path] = out.glob(f"*-2026-{TITLES[kind]}.{fmt}")
    return path


def _expected(ws_dir: Path) -> tuple[int, Decimal]:
    """会员总数 at the end of the statistical period, and XF-01's 2026 会费收入, from the records."""
    ws, _ = unioncore.load(ws_dir)
    members = {f.key: f for f in core_figures(ws, stat_period(ws, 2026))}["members.total"].value
    dues = sum((e.amount for e in ws.ledger(org="XF-01", account="401", year=2026)), Decimal(0))
    return int(members), dues


def test_all_twelve_files_are_written(outputs) -> None:  # type: ignore[no-untyped-def]
    _, out = outputs
    for kind in TITLES:
        for fmt in ("md", "docx", "xlsx", "toml"):
            assert _file(out, kind, fmt).stat().st_size > 0


def test_docx_has_headings_tables_and_chinese_fonts(outputs) -> None:  # type: ignore[no-untyped-def]
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Mm

    ws_dir, out = outputs
    members, dues = _expected(ws_dir)
    d = docx.Document(str(_file(out, "stats", "docx")))
    styles = [(p.style.name, p.text) for p in d.paragraphs if p.style is not None]
    assert styles[0] == ("Title", "幸福街道总工会2026年度工会统计年报")
    headings = [t for s, t in styles if s == "Heading 1"]
    assert headings[:3] == ["一、组织建设", "二、职工和会员", "三、民主管理"]
    rows = {r.cells[0].text: r.cells[1].text for t in d.tables for r in t.rows}
    assert rows["会员总数"] == f"{members:,}"
    for name in ("Normal", "Heading 1", "Title"):
        fonts = d.styles[name].element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) in ("宋体", "黑体")
        assert fonts.get(qn("w:asciiTheme")) is None
    section = d.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    public = docx_text(_file(out, "public", "docx"))
    assert "华信电子科技有限公司工会2026年度经费收支情况公示" in public
    assert f"401 会费收入\t—\t{dues:,.2f}" in public
    summary = docx.Document(str(_file(out, "summary", "docx")))
    assert (
        next(p.text for p in summary.paragraphs if p.style is not None and p.style.name == "Heading 1")
        == "一、组织与会员"
    )


def test_xlsx_has_one_sheet_per_table(outputs) -> None:  # type: ignore[no-untyped-def]
    ws_dir, out = outputs
    members, dues = _expected(ws_dir)
    sheets = xlsx_rows(_file(out, "stats", "xlsx"))
    assert list(sheets)[:3] == ["组织建设", "职工和会员", "民主管理"]
    people = sheets["职工和会员"]
    assert people[1] == ("指标", "数值", "单位", "说明", "编号")
    row = next(r for r in people if r[0] == "会员总数")
    assert row[1] == members and row[4] == "members.total"
    public = xlsx_rows(_file(out, "public", "xlsx"))
    assert "XF-01 收入支出表" in public and "XF-01 资金余额表" in public
    dues_row = next(r for r in public["XF-01 收入支出表"] if r[0] == "\u3000401 会费收入")
    assert Decimal(str(dues_row[2])) == dues
    summary = xlsx_rows(_file(out, "summary", "xlsx"))
    assert "组织与会员" in summary


def test_md_and_toml(outputs) -> None:  # type: ignore[no-untyped-def]
    ws_dir, out = outputs
    members, _ = _expected(ws_dir)
    md = _file(out, "stats", "md").read_text(encoding="utf-8")
    assert md.startswith("# 幸福街道总工会2026年度工会统计年报")
    assert f"| 会员总数 | {members:,} | 人 |" in md
    data = tomllib.loads(_file(out, "stats", "toml").read_text(encoding="utf-8"))
    assert data["format"] == "unioncore-report" and data["format_version"] == 1
    assert data["kind"] == "statistics"
    assert data["org"] == {"code": "XF", "name": "幸福街道总工会"}
    assert str(data["period"]["start"]) == "2025-10-01" and str(data["period"]["end"]) == "2026-09-30"
    total = next(f for f in data["figure"] if f["key"] == "members.total")
    assert total["value"] == members and total["unit"] == "人" and total["records"] == members
    rate = next(f for f in data["figure"] if f["key"] == "stat.rate.membership")
    assert isinstance(rate["value"], str) and "numerator" in rate and "denominator" in rate
    assert {c["code"] for c in data["covers"]} >= {"XF", "XF-01", "XF-07"}
    public = tomllib.loads(_file(out, "public", "toml").read_text(encoding="utf-8"))
    assert public["kind"] == "public_account"


def test_single_report_to_stdout(outputs, capsys) -> None:  # type: ignore[no-untyped-def]
    ws_dir, _ = outputs
    assert main(["report", str(ws_dir), "--kind", "public", "--org", "XF-03"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# 幸福街道环境卫生管理所工会2026年度经费收支情况公示")
    assert "收入支出表（工会02表）" in text
    assert main(["report", str(ws_dir), "--format", "docx", "--out", "x.docx"]) == 1
    assert main(["report", str(ws_dir), "--kind", "public", "--org", "NOPE"]) == 1
    assert "不存在" in capsys.readouterr().err
