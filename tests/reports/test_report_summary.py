"""工作总结 draft: one section per area, sentences carrying figures, nothing unsupported printed."""

from __future__ import annotations

import types

from conftest import open_ws

from unioncore import Figure, Period, ReportSection, hookimpl
from unioncore.reports.statistics import build_statistics
from unioncore.reports.summary import build_summary

FILES = {
    "orgs/A/members.toml": """
        [[member]]
        id = "M1"
        name = "张丽"
        gender = "女"
        joined = 2020-01-01

        [[member]]
        id = "M2"
        name = "王强"
        gender = "男"
        joined = 2020-01-01
    """,
    "orgs/A/events/2026.toml": """
        [[event]]
        id = "E1"
        type = "culture_sports"
        title = "篮球赛"
        start = 2026-05-01
        participants = ["M1", "M2"]

        [[event]]
        id = "E2"
        type = "reading"
        title = "读书分享会"
        start = 2026-06-01
        headcount = 12
    """,
    "orgs/A/ledger/2026.toml": """
        [[entry]]
        voucher = "记-1"
        date = 2026-01-10
        account = "401"
        amount = "300.00"

        [[entry]]
        voucher = "记-2"
        date = 2026-05-01
        account = "50102"
        amount = "120.00"
        event = "E1"
    """,
}


def book_plugin() -> types.ModuleType:
    """A plugin whose section cites one figure with records and one without."""

    def figures(period: Period) -> tuple[Figure, Figure]:
        books = Figure("books.lent", "借阅册数", 12, "册", "职工书屋", ("event:E2",))
        ghost = Figure("books.ghost", "捐赠册数", 7, "册", "职工书屋", ())
        return books, ghost

    def unioncore_statistics(workspace: object, period: Period) -> list[Figure]:
        return list(figures(period))

    def unioncore_report_sections(workspace: object, period: Period) -> list[ReportSection]:
        books, ghost = figures(period)
        return [
            ReportSection(
                "职工书屋",
                (f"全年借出图书{books.formatted()}。", f"收到捐赠图书{ghost.formatted()}。"),
                (books, ghost),
                order=50,
            )
        ]

    mod = types.ModuleType("books")
    mod.unioncore_statistics = hookimpl(unioncore_statistics)  # type: ignore[attr-defined]
    mod.unioncore_report_sections = hookimpl(unioncore_report_sections)  # type: ignore[attr-defined]
    return mod


def _summary(make_workspace, plugin: bool = True):  # type: ignore[no-untyped-def]
    root = make_workspace(FILES, enabled=["books"] if plugin else [])
    ws, _ = open_ws(root, plugins={"books": book_plugin()})
    return ws, *build_summary(ws, 2026)


def test_sections_of_core_and_plugin_with_sentences(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, report, _ = _summary(make_workspace)
    headings = [b.text for b in report.blocks if type(b).__name__ == "Heading"]
    assert headings == ["一、组织与会员", "二、组织建设", "三、职工活动", "四、职工书屋", "五、经费收支"]
    paragraphs = [b.text for b in report.blocks if type(b).__name__ == "Paragraph"]
    assert "全年共组织各类活动2次，参加职工14人次。" in paragraphs
    assert "按类型分，文体活动1次（参加2人次）、职工书屋活动1次（参加12人次）。" in paragraphs
    assert "全年借出图书12册。" in paragraphs
    assert "全年工会经费收入300.00元，其中会费收入300.00元。" in paragraphs
    assert "支出120.00元，其中职工活动支出120.00元。" in paragraphs
    assert report.title == "幸福街道总工会2026年工作总结（草稿）"


def test_a_figure_without_records_is_never_printed(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws, report, problems = _summary(make_workspace)
    paragraphs = [b.text for b in report.blocks if type(b).__name__ == "Paragraph"]
    assert not any("捐赠" in p for p in paragraphs)
    assert "books.ghost" not in {f.key for f in report.figures}
    assert any(p.rule == "reports.figure-without-records" and p.plugin == "books" for p in problems)
    stats, stat_problems = build_statistics(ws, 2026)
    assert "books.ghost" not in {f.key for f in stats.figures}
    assert "books.lent" in {f.key for f in stats.figures}
    assert any("捐赠册数" in p.message for p in stat_problems)
    assert all(f.refs for f in report.figures)


def test_without_plugins(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, report, problems = _summary(make_workspace, plugin=False)
    assert problems == []
    headings = [b.text for b in report.blocks if type(b).__name__ == "Heading"]
    assert "四、职工书屋" not in headings and "四、经费收支" in headings
