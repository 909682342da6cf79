"""A plugin panel that fails inside its own widgets (after its factory returned) shows its error in
its own tab; the app and the other tabs keep working."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static
from tuikit import app_for, ready, union
from unioncore_tui.app import UnionApp
from unioncore_tui.screens.plugins import PluginSlot

import unioncore


class Broken(RuntimeError):
    pass


class ComposeFails(Vertical):
    def compose(self) -> ComposeResult:
        yield Static("一半")
        raise Broken("compose 坏了")


class MountFails(Vertical):
    def compose(self) -> ComposeResult:
        yield Static("内容")

    def on_mount(self) -> None:
        raise Broken("on_mount 坏了")


class ShowFails(Vertical):
    def compose(self) -> ComposeResult:
        yield Static("内容")

    def on_show(self) -> None:
        raise Broken("on_show 坏了")


class KeyFails(Static, can_focus=True):
    """x runs a binding's action (in the app's message loop); y a key method (in the widget's)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("x", "explode", "炸")]

    def __init__(self) -> None:
        super().__init__("按 x 或 y", id="key-fails")

    def action_explode(self) -> None:
        raise Broken("按键动作坏了")

    def key_y(self) -> None:
        raise Broken("按键处理坏了")


class WorkerFails(Static):
    def on_mount(self) -> None:
        self.fail_later()

    @work(exclusive=True)
    async def fail_later(self) -> None:
        raise Broken("后台任务坏了")


class Panels:
    """An in-process plugin with a failing panel (7) and a good one (8)."""

    def __init__(self, failing: type[Static] | type[Vertical]) -> None:
        self.failing = failing

    @unioncore.hookimpl
    def unioncore_tui_panels(self, workspace: object) -> list[unioncore.TuiPanel]:
        return [
            unioncore.TuiPanel("bad", "坏面板", lambda ws: self.failing()),
            unioncore.TuiPanel("fine", "好面板", lambda ws: Static("好面板的内容", id="fine")),
        ]


def text_of(widget: Static) -> str:
    return str(widget.render())


def slot(app: UnionApp, n: int) -> PluginSlot:
    found = [s for s in app.query(PluginSlot) if s.parent is not None and s.parent.id == f"tab-plugin-{n}"]
    assert len(found) == 1
    return found[0]


async def still_works(app: UnionApp, pilot: object) -> None:
    """The app runs, the good plugin tab and the core's tabs work."""
    assert app.is_running and app.return_code is None
    await pilot.press("8")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert text_of(app.query_one("#fine", Static)) == "好面板的内容"
    await pilot.press("2")  # type: ignore[attr-defined]
    assert app.pane("members").table.keys == ["M0001", "M0002", "M0003"]
    await pilot.press("7")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert app.is_running and app.return_code is None


def error_text(app: UnionApp) -> str:
    errors = list(slot(app, 0).query(".panel-error").results(Static))
    assert len(errors) == 1
    return text_of(errors[0])


@pytest.mark.parametrize(
    ("failing", "message", "place"),
    [
        (ComposeFails, "compose 坏了", "compose"),
        (MountFails, "on_mount 坏了", "on_mount"),
        (ShowFails, "on_show 坏了", "on_show"),
        (WorkerFails, "后台任务坏了", "fail_later"),
    ],
)
async def test_a_panel_failing_while_it_is_built_shows_its_error(
    tmp_path: Path, failing: type[Static], message: str, place: str
) -> None:
    root = union(tmp_path / "ws", enabled=["panels"])
    app = app_for(root, plugins={"panels": Panels(failing)})
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("7")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = error_text(app)
        assert "插件“panels”的面板“坏面板”出错" in text
        assert f"Broken: {message}" in text
        assert "test_plugin_panels.py:" in text and place in text
        # the failing widget is gone from the tab
        assert not slot(app, 0).query(failing)
        await still_works(app, pilot)
        assert "Broken" in error_text(app)


@pytest.mark.parametrize(("key", "message"), [("x", "按键动作坏了"), ("y", "按键处理坏了")])
async def test_a_panel_failing_on_a_key_shows_its_error(tmp_path: Path, key: str, message: str) -> None:
    root = union(tmp_path / "ws", enabled=["panels"])
    app = app_for(root, plugins={"panels": Panels(KeyFails)})
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("7")
        await pilot.pause()
        widget = app.query_one("#key-fails", KeyFails)
        widget.focus()
        await pilot.pause()
        assert not slot(app, 0).query(".panel-error")  # built and working until the key
        await pilot.press(key)
        await pilot.pause()
        await pilot.pause()
        assert f"Broken: {message}" in error_text(app)
        assert not app.query("#key-fails")
        await still_works(app, pilot)


async def test_an_error_outside_the_plugin_panels_still_ends_the_app(tmp_path: Path) -> None:
    """The guard only takes the errors of plugin panels: the app's own bugs are not hidden."""
    root = union(tmp_path / "ws", enabled=["panels"])
    app = app_for(root, plugins={"panels": Panels(KeyFails)})
    with pytest.raises(Broken, match="应用自身"):
        async with app.run_test(size=(100, 30)) as pilot:
            await ready(pilot)
            await pilot.press("7")  # the guard is installed when a plugin tab is first built
            await pilot.pause()

            def bug() -> None:
                raise Broken("应用自身的错误")

            app.call_later(bug)
            await pilot.pause()
