"""A workspace opened from its cache shows its first screen before the members are read.

`unioncore.load` gives back a cached workspace with its members, events and entries still
deferred (`Workspace._pending`); the app mounts the 组织 tab at once and builds the member index
and counts in a worker (`Session.build_members`). These tests hold that worker until they let it
go, to see the app in between: nothing on the first screen restores the records, the counts say
they are being counted, the 会员 tab says it is loading, and an action pressed meanwhile runs
once the members are there. No timing asserts: timings belong to the benchmark.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import AS_OF
from textual.pilot import Pilot
from textual.widgets import Input, Static
from tuikit import app_for, org_a, ready, union
from unioncore_tui.app import UnionApp
from unioncore_tui.screens.member_forms import MemberForm
from unioncore_tui.screens.org_forms import OrgForm
from unioncore_tui.screens.plugins import PluginSlot
from unioncore_tui.session import Session

import unioncore

# 甲公司工会 with a committee whose chair is a member on file (shown by name once loaded)
UNION_A = org_a(
    """
    [[committee]]
    kind = "工会委员会"
    term_start = 2024-01-01
    term_end = 2028-12-31

    [[committee.seat]]
    role = "主席"
    member = "M0001"
"""
)

DEFERRED = {"members", "events", "entries"}


class Gate:
    """Holds `Session.build_members` in the app's worker until `release` (a call from the main
    thread is not held: if the screen built the index itself, `_pending` would show it)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.open = threading.Event()
        self.entered = threading.Event()
        build = Session.build_members

        def held(session: Session) -> None:
            if threading.current_thread() is not threading.main_thread():
                self.entered.set()
                self.open.wait(20)
            build(session)

        monkeypatch.setattr(Session, "build_members", held)

    def hold(self) -> None:
        self.open.clear()
        self.entered.clear()

    def release(self) -> None:
        self.open.set()


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    g = Gate(monkeypatch)
    yield g
    g.release()  # never leave a worker waiting


@pytest.fixture
def cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The small union, opened once with the cache on (as the officer did yesterday)."""
    monkeypatch.setenv("UNIONCORE_CACHE", "on")
    path = union(tmp_path / "ws", {"orgs/A/organisation.toml": UNION_A})
    ws, _ = unioncore.load(path, as_of=AS_OF, cache="foreground")
    ws.check()  # kept for the unchanged workspace and this day
    return path


async def first_screen(pilot: Pilot[int]) -> UnionApp:
    """Wait until the 组织 tab is mounted with its tree (and no longer)."""
    app = pilot.app
    assert isinstance(app, UnionApp)
    for _ in range(600):
        if app.session is not None and app.query("#org-tree") and app.pane("orgs").org_tree.root.children:
            await pilot.pause()
            return app
        await pilot.pause(0.05)
    raise AssertionError("the first screen was not shown")  # pragma: no cover


async def held_worker(pilot: Pilot[int], gate: Gate) -> None:
    for _ in range(600):
        if gate.entered.is_set():
            return
        await pilot.pause(0.05)
    raise AssertionError("the members were never built")  # pragma: no cover


def org_info(app: UnionApp) -> str:
    return str(app.query_one("#org-info", Static).render())


def wait_note(app: UnionApp, tab: str) -> Static | None:
    """The pane's "正在载入…" note when it is displayed."""
    notes = [n for n in app.pane(tab).query(".wait-note").results(Static) if n.display]
    return notes[0] if notes else None


async def test_first_screen_before_the_members_then_the_counts(cached: Path, gate: Gate) -> None:
    app = app_for(cached)
    async with app.run_test(size=(100, 30)) as pilot:
        await first_screen(pilot)
        await held_worker(pilot, gate)
        assert app.session is not None
        ws = app.session.ws
        # the first screen is up while the records are still in the cache, unread
        assert DEFERRED <= set(ws._pending) and not app.session.ready
        assert [str(n.label) for n in app.pane("orgs").org_tree.root.children] == ["幸福街道总工会"]
        assert "统计中" in org_info(app) and "在职" not in org_info(app)
        # another organisation: its committee's chair by the id written, the counts still pending
        await pilot.press("down")
        assert app.session.current_org == "A"
        info = org_info(app)
        assert "职工  40 人" in info and "主席 M0001" in info and "入会率 统计中" in info
        # the problems are there (from the cache) without the records
        await pilot.press("5")
        assert app.pane("problems").is_mounted and DEFERRED <= set(ws._pending)
        # the 会员 tab says it is loading, its list is not shown
        await pilot.press("2")
        note = wait_note(app, "members")
        assert note is not None and "正在载入会员" in str(note.render())
        assert not app.pane("members").table.display
        assert DEFERRED <= set(ws._pending) and not app.session.ready

        gate.release()
        await ready(pilot)
        assert app.session.ready and not ws._pending
        # the 会员 tab shows its list by itself, with the focus on it
        members = app.pane("members")
        assert wait_note(app, "members") is None and members.table.display
        assert members.table.keys == ["M0001", "M0002", "M0003"]  # type: ignore[attr-defined]
        assert app.focused is members.table.table  # type: ignore[attr-defined]
        # and the 组织 details their counts, and the chair's name
        info = org_info(app)
        assert "统计中" not in info
        assert "本级在职 3 人" in info and "入会率 7.5%" in info and "主席 张三" in info


async def test_search_and_a_form_pressed_early_run_once_the_members_are_in(cached: Path, gate: Gate) -> None:
    app = app_for(cached)
    async with app.run_test(size=(100, 30)) as pilot:
        await first_screen(pilot)
        await held_worker(pilot, gate)
        assert app.session is not None
        await pilot.press("2")
        assert app.focused is app.pane("members").query_one(".wait-note")  # the pane's keys work
        await pilot.press("n")  # 入会: the form waits for the members (its id, its checks)
        assert len(app.screen_stack) == 1 and not app.session.ready
        assert DEFERRED <= set(app.session.ws._pending)

        gate.release()
        await ready(pilot)
        form = app.screen
        assert isinstance(form, MemberForm)
        body = form.body
        assert body.row("id").value() == "M0004"  # numbered after every member
        await pilot.press("A")
        body.row("name").query_one(Input).value = "周六"
        await pilot.press("ctrl+s")
        assert app.screen is not form
        assert app.session.ws.members["M0004"].name == "周六"
        # the search asked for early: pinyin initials find the new member too
        box = app.pane("members").query_one("#member-search", Input)
        box.focus()
        await pilot.press("z", "l")
        assert app.pane("members").table.keys == ["M0004"]  # type: ignore[attr-defined]
        box.value = ""
        await pilot.press("z", "s")
        assert app.pane("members").table.keys == ["M0001"]  # type: ignore[attr-defined]


async def test_an_organisation_form_pressed_on_the_first_screen(cached: Path, gate: Gate) -> None:
    app = app_for(cached)
    async with app.run_test(size=(100, 30)) as pilot:
        await first_screen(pilot)
        await held_worker(pilot, gate)
        assert app.session is not None
        await pilot.press("down", "e")  # 修改组织 on 甲公司工会, from the tree
        assert len(app.screen_stack) == 1 and DEFERRED <= set(app.session.ws._pending)
        gate.release()
        await ready(pilot)
        form = app.screen
        assert isinstance(form, OrgForm)
        form.body.row("employees").query_one(Input).value = "60"
        await pilot.press("ctrl+s")
        assert app.screen is not form and app.session.ws.org("A").employees == 60
        assert "入会率 5.0%（在职会员 3 人 ÷ 职工 60 人）" in org_info(app)


async def test_a_jump_to_a_member_waits_for_the_members(cached: Path, gate: Gate) -> None:
    app = app_for(cached)
    async with app.run_test(size=(100, 30)) as pilot:
        await first_screen(pilot)
        await held_worker(pilot, gate)
        assert app.session is not None
        await pilot.press("down", "m")  # 甲公司工会's members
        assert app.tabs.active == "tab-members" and wait_note(app, "members") is not None
        app.show_member("M0002")
        assert DEFERRED <= set(app.session.ws._pending)
        gate.release()
        await ready(pilot)
        members = app.pane("members")
        assert members.table.selected_key == "M0002"  # type: ignore[attr-defined]
        assert wait_note(app, "members") is None


async def test_a_reload_opens_the_new_session_the_same_way(cached: Path, gate: Gate) -> None:
    gate.release()
    app = app_for(cached)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        old = app.session
        assert old is not None and old.ready
        # nothing changed on disk: the reload opens from the cache again, the members held back
        gate.hold()
        await pilot.press("ctrl+r")
        for _ in range(600):
            if app.session is not old and gate.entered.is_set():
                break
            await pilot.pause(0.05)
        session = app.session
        assert session is not old and session is not None and not session.ready
        assert DEFERRED <= set(session.ws._pending)
        await pilot.pause()
        assert wait_note(app, "members") is not None
        gate.release()
        await ready(pilot)
        assert app.pane("members").table.keys == ["M0001", "M0002", "M0003"]  # type: ignore[attr-defined]


async def test_a_cache_cut_short_after_the_open_reloads_from_the_files(cached: Path, gate: Gate) -> None:
    app = app_for(cached)
    async with app.run_test(size=(100, 30)) as pilot:
        await first_screen(pilot)
        await held_worker(pilot, gate)
        old = app.session
        assert old is not None and DEFERRED <= set(old.ws._pending)
        # something truncates the snapshot in place before the records are read from it
        with open(cached / ".unioncore-cache" / "snapshot.pickle", "r+b") as fh:
            fh.truncate(100)
        said: list[str] = []
        notify = app.notify
        app.notify = lambda message, **kw: said.append(str(message)) or notify(message, **kw)  # type: ignore[method-assign, func-returns-value]
        gate.release()
        for _ in range(600):
            if app.session is not old and app.session is not None and app.session.ready:
                break
            await pilot.pause(0.05)
        await ready(pilot)
        assert app.session is not old and app.is_running
        assert any("截断" in m and "重新加载" in m for m in said)
        assert not app.session.ws._pending  # read from the files
        await pilot.press("2")
        assert app.pane("members").table.keys == ["M0001", "M0002", "M0003"]  # type: ignore[attr-defined]


class Panel:
    """An in-process plugin whose panel reads the members when it is built."""

    def __init__(self) -> None:
        self.built_with: int | None = None

    @unioncore.hookimpl
    def unioncore_tui_panels(self, workspace: object) -> list[unioncore.TuiPanel]:
        def factory(ws: unioncore.Workspace) -> Static:
            self.built_with = len(ws.members)
            return Static(f"会员 {len(ws.members)} 人", id="count-panel")

        return [unioncore.TuiPanel("count", "统计面板", factory)]


async def test_a_plugin_tab_is_built_once_the_members_are_in(tmp_path: Path, gate: Gate) -> None:
    panel = Panel()
    root = union(tmp_path / "ws", enabled=["counter"])
    app = app_for(root, plugins={"counter": panel})
    async with app.run_test(size=(100, 30)) as pilot:
        await first_screen(pilot)
        await held_worker(pilot, gate)
        await pilot.press("7")
        await pilot.pause()
        [slot] = app.query(PluginSlot)
        assert not slot.built and panel.built_with is None
        assert "正在载入" in str(slot.query_one(".wait-note", Static).render())
        gate.release()
        await ready(pilot)
        assert slot.built and panel.built_with == 3
        assert not slot.query(".wait-note")
        assert str(app.query_one("#count-panel", Static).render()) == "会员 3 人"


def test_a_session_made_directly_is_ready(tmp_path: Path) -> None:
    ws, _ = unioncore.load(union(tmp_path / "ws"), as_of=AS_OF)
    session = Session(ws, ws.check())
    assert session.ready and session.index.find("M0001") == ["M0001"]
    assert session.facts("A").own.total() == 3
    lazy = Session(ws, ws.check(), lazy=True)
    assert not lazy.ready
    assert lazy.index.find("M0002") == ["M0002"]  # asking for the index builds it first
    assert lazy.ready and lazy.counts["A"].total() == 3
