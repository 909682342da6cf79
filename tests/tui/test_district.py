"""A district workspace (2,000 unions, 100,000 members) opens to its first screen.

Timings belong to the benchmark, not here: this only proves that the app copes with the size
(paged tables, a lazily expanded tree, the search index) without a timing assert."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AS_OF
from tuikit import ready
from unioncore_tui.app import UnionApp

from unioncore import demo
from unioncore.member import Status


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("district") / "ws"
    demo.generate(path, "district")
    return path


async def test_district_opens_to_the_first_screen(district: Path) -> None:
    app = UnionApp(district, as_of=AS_OF, watch_interval=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot, timeout=600)
        assert app.session is not None
        ws = app.session.ws
        assert len(ws.members) == 100_000 and len(ws.organisations) == 2_000
        tree = app.pane("orgs").org_tree  # type: ignore[attr-defined]
        [root] = tree.root.children
        assert str(root.label) == "云河区总工会" and len(root.children) == 19
        # the tree adds a street's unions only when it is opened
        assert all(not street.children for street in root.children)
        # the other tabs' panes are mounted when first shown
        assert [
            tid
            for tid in ("orgs", "members", "events", "funds", "problems", "reports")
            if app.pane(tid).is_mounted
        ] == ["orgs"]
        await pilot.press("2")
        members = app.pane("members")
        assert members.is_mounted and app.focused is members.table.table  # type: ignore[attr-defined]
        holding = sum(1 for m in ws.members.values() if m.status.is_member)
        assert len(members.table.items) == holding  # type: ignore[attr-defined]
        assert members.table.table.row_count == members.table.page_size  # type: ignore[attr-defined]
        await pilot.press("slash", "z", "s")
        found = members.table.keys  # type: ignore[attr-defined]
        assert found and all(ws.members[m].status is not Status.LEFT for m in found)
        assert all("zs" in app.session.index.hays[app.session.index.position[m]] for m in found)


async def test_a_tab_opened_with_the_mouse_is_built_and_filled(district: Path) -> None:
    app = UnionApp(district, as_of=AS_OF, watch_interval=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot, timeout=600)
        events = app.pane("events")
        assert not events.is_mounted
        await pilot.click("#--content-tab-tab-events")
        await pilot.pause()
        assert app.tabs.active == "tab-events" and events.is_mounted
        assert events.table.items  # type: ignore[attr-defined]
        assert app.focused is events.table.table  # type: ignore[attr-defined]
        # a jump to a member from another tab waits for the 会员 pane to be mounted
        member = next(iter(app.session.ws.members)) if app.session else ""
        app.show_member(member)
        await pilot.pause()
        assert app.tabs.active == "tab-members"
        assert app.pane("members").table.selected_key == member  # type: ignore[attr-defined]
