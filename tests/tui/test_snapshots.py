"""Snapshots of the main screens at 80×24 on a copy of the deterministic small demo workspace.

Update after an intended change of the screens with `pytest tests/tui --snapshot-update` and look
at the SVGs under `__snapshots__/`."""

from __future__ import annotations

import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import AS_OF
from textual.pilot import Pilot
from tuikit import ready
from unioncore_tui.app import UnionApp
from unioncore_tui.session import Session

from unioncore.demo import generate

SIZE = (80, 24)
SnapCompare = Callable[..., bool]


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "small"
    generate(path, "small", enabled=[])  # the core's screens: no plugin tabs or plugin findings
    return path


@pytest.fixture
def small_app(small_demo: Path, tmp_path: Path) -> UnionApp:
    copy = tmp_path / "ws"
    shutil.copytree(small_demo, copy)
    session = Session.open(copy, as_of=AS_OF)
    return UnionApp(copy, as_of=AS_OF, watch_interval=None, session=session)


def steps(*keys: str, then: Callable[[Pilot[Any]], Awaitable[None]] | None = None) -> Any:
    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        if then is not None:
            await then(pilot)
        await pilot.pause()

    return run_before


def test_orgs_screen(snap_compare: SnapCompare, small_app: UnionApp) -> None:
    assert snap_compare(small_app, terminal_size=SIZE, run_before=steps("down", "down", "down"))


def test_members_screen_searching(snap_compare: SnapCompare, small_app: UnionApp) -> None:
    assert snap_compare(small_app, terminal_size=SIZE, run_before=steps("2", "slash", "l"))


def test_member_form_with_a_bad_id_number(snap_compare: SnapCompare, small_app: UnionApp) -> None:
    async def fill(pilot: Pilot[Any]) -> None:
        for key in ["X", "F", "-", "0", "1", "tab", "tab", "王", "五", "tab", "tab", *"110105199003070011"]:
            await pilot.press(key)
        await pilot.pause()

    assert snap_compare(small_app, terminal_size=SIZE, run_before=steps("2", "n", then=fill))


def test_events_screen(snap_compare: SnapCompare, small_app: UnionApp) -> None:
    assert snap_compare(small_app, terminal_size=SIZE, run_before=steps("3"))


def test_funds_screen(snap_compare: SnapCompare, small_app: UnionApp) -> None:
    assert snap_compare(small_app, terminal_size=SIZE, run_before=steps("down", "4"))


def test_problems_screen(snap_compare: SnapCompare, small_app: UnionApp) -> None:
    assert snap_compare(small_app, terminal_size=SIZE, run_before=steps("5"))


def test_reports_screen(snap_compare: SnapCompare, small_app: UnionApp) -> None:
    async def built(pilot: Pilot[Any]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for key in ["down"] * 14:  # down through the first table into the second
            await pilot.press(key)
        await pilot.pause()

    assert snap_compare(small_app, terminal_size=SIZE, run_before=steps("6", then=built))
