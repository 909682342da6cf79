"""Plugins keep their figures per workspace state (the statistics and the report sections share
them): a change through the API gives new figures at once."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from conftest import AS_OF, EXAMPLE

import unioncore


def figures(ws: unioncore.Workspace) -> dict[str, object]:
    return {f.key: f.value for f in ws.figures()[0]}


def test_kept_plugin_figures_follow_changes(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".unioncore-cache"))
    ws, _ = unioncore.load(root, as_of=AS_OF, cache=False)
    before = figures(ws)
    sections_before = ws.report_sections()[0]
    woman = next(m for m in ws.members_of("XF-01") if m.gender == "女" and m.status.value == "在职")
    ws.leave_member(woman.id, datetime.date(2026, 11, 1))
    ws.add_event(
        "XF-02",
        id="E-KEPT",
        type="labour_competition",
        title="岗位技能比武",
        start=datetime.date(2026, 11, 5),
        participants=["M000030"],
    )
    ws.add_event(
        "XF-02", id="E-DRILL", type="ankang_drill", title="消防演练", start=datetime.date(2026, 11, 6)
    )
    after = figures(ws)
    assert after["women.org.XF-01.members"] == before["women.org.XF-01.members"] - 1  # type: ignore[operator]
    assert after["competitions.count"] == before["competitions.count"] + 1  # type: ignore[operator]
    assert after["ankang.actions.total"] == before["ankang.actions.total"] + 1  # type: ignore[operator]
    assert ws.report_sections()[0] != sections_before
