"""Tabs contributed by plugins (`unioncore_tui_panels`), built without knowing the plugin.

One broken plugin never takes the app down:
- a factory that raises, or returns something that is not a widget, gets an error message in its
  tab instead;
- a panel that fails later, inside its own widgets (compose, on_mount, on_show, a key, a timer, a
  worker), is replaced by the same kind of message, and the rest of the app keeps running.

Textual sends every exception a widget does not handle to `App._handle_exception`, which always
ends the app, and runs a key binding's action in the app's own message loop, which stops at the
first exception. `guard_app` wraps both on the running app (once): an error whose origin lies
inside a `PluginSlot` (the widget whose message loop raised, or a frame of its traceback) goes to
that slot, which replaces the panel with the error; any other error goes to Textual as before.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

from rich.text import Text
from textual._context import active_message_pump
from textual.app import App
from textual.containers import Container
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Static
from textual.worker import WorkerFailed

from unioncore.registry import TuiPanel
from unioncore.workspace import Workspace

# the attribute that marks an app whose exception handling is already guarded
_GUARDED = "_unioncore_plugin_guard"


def build_panel(panel: TuiPanel, ws: Workspace) -> Widget:
    try:
        widget = panel.factory(ws)
    except Exception as exc:
        return panel_error(f"{who(panel)}的面板“{panel.title}”无法打开：{describe(exc)}")
    if not isinstance(widget, Widget):
        return panel_error(f"{who(panel)}的面板“{panel.title}”返回的不是界面组件（{type(widget).__name__}）")
    return widget


def who(panel: TuiPanel) -> str:
    return f"插件“{panel.plugin}”" if panel.plugin else "插件"


def describe(exc: BaseException) -> str:
    """The exception's last line ("RuntimeError: 面板坏了")."""
    return traceback.format_exception_only(exc)[-1].strip()


def where(exc: BaseException) -> str | None:
    """The innermost place the exception was raised ("panel.py:42 in on_mount"), for the plugin's maintainer."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return None
    last = frames[-1]
    return f"{Path(last.filename).name}:{last.lineno}（{last.name}）"


def panel_error(message: str, detail: str | None = None) -> Static:
    text = Text(message, style="bold red")
    if detail:
        text.append(f"\n{detail}", style="dim")
    text.append("\n\n其余功能不受影响。请把这段信息告诉插件的维护者。", style="default")
    return Static(text, classes="panel-error")


class PluginSlot(Container):
    """A plugin's tab: the panel is built the first time the tab is shown (a factory may be slow),
    and replaced by its error if it fails afterwards."""

    def __init__(self, panel: TuiPanel, ws: Workspace, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="plugin-slot")
        self.panel = panel
        self.ws = ws
        self.built = False
        self.error: BaseException | None = None

    def build(self) -> None:
        if not self.built:
            self.built = True
            guard_app(self.app)
            self.query(".wait-note").remove()
            self.mount(build_panel(self.panel, self.ws))

    def wait(self) -> None:
        """Shown before the records are restored (a panel reads them at once): say so; the app
        builds the panel when they are there."""
        if not self.built and not self.query(".wait-note"):
            self.mount(Static("正在载入记录……", classes="wait-note"))

    @property
    def failed(self) -> bool:
        return self.error is not None

    def contain(self, error: BaseException) -> None:
        """The panel raised `error` after it was built: show the error in its place.

        Only the first error is shown; what the broken panel raises while it is taken down is
        dropped."""
        self.app.log.error(f"plugin panel {self.panel.id!r} failed", error)
        if self.failed:
            return
        self.error = error
        self.call_later(self._show_failure, error)

    async def _show_failure(self, error: BaseException) -> None:
        shown = error.error if isinstance(error, WorkerFailed) else error
        place = where(shown)
        message = f"{who(self.panel)}的面板“{self.panel.title}”出错：{describe(shown)}"
        # the focus must not stay on a widget of the broken panel (a stopped widget would swallow
        # every key, the app's too)
        focused = self.screen.focused
        if focused is not None and (slot_of(focused) is self or not focused.is_attached):
            self.screen.set_focus(None)
        await self._bury_stopped()
        await self.remove_children()
        await self.mount(panel_error(message, f"位置：{place}" if place else None))
        self.app.notify(message, title="插件面板", severity="error", timeout=10)

    async def _bury_stopped(self) -> None:
        """Take out the panel's widgets whose message loop never started (their on_mount raised).

        Textual removes a widget by asking its message loop to stop and clean up; a widget whose
        mount failed has no loop left to ask, so it would stay in the tab for good (and anything
        waiting for every widget to be idle, such as a test's pilot, would wait forever). Its
        clean-up is run here instead, innermost first."""
        stopped = [
            node
            for node in self.walk_children(with_self=False, method="depth")
            if node._task is not None and node._task.done() and not node._closed
        ]
        for node in reversed(stopped):
            await node._message_loop_exit()
            node._closed = True


# -- where an error came from -------------------------------------------------------------------


def slot_of(node: object) -> PluginSlot | None:
    """The plugin slot `node` sits in (the slot itself does not count: it is ours)."""
    if not isinstance(node, DOMNode) or isinstance(node, PluginSlot):
        return None
    parent = node.parent
    while parent is not None:
        if isinstance(parent, PluginSlot):
            return parent
        parent = parent.parent
    return None


def _errors(error: BaseException) -> Iterator[BaseException]:
    """The error, what it wraps (a worker's failure) and what it was raised from."""
    seen: set[int] = set()
    stack = [error]
    while stack:
        exc = stack.pop()
        if id(exc) in seen:
            continue
        seen.add(id(exc))
        yield exc
        if isinstance(exc, WorkerFailed):
            stack.append(exc.error)
        stack += [e for e in (exc.__cause__, exc.__context__) if e is not None]


def origin_slot(error: BaseException) -> PluginSlot | None:
    """The plugin slot whose panel raised `error`, if any: the widget whose message loop was
    running, else the innermost frame of the traceback that belongs to a widget of a panel."""
    slot = slot_of(active_message_pump.get(None))
    if slot is not None:
        return slot
    for exc in _errors(error):
        for frame, _ in reversed(list(traceback.walk_tb(exc.__traceback__))):
            slot = slot_of(frame.f_locals.get("self"))
            if slot is not None:
                return slot
    return None


Dispatch = Callable[[DOMNode, str, Any], Coroutine[Any, Any, bool]]


def guard_app(app: App[Any]) -> None:
    """Send the errors of plugin panels to their slots instead of ending the app (once per app).

    Better placed in the app class (overriding `_handle_exception` and `_dispatch_action`); done
    on the instance here so that a plugin tab is guarded whatever app shows it."""
    if getattr(app, _GUARDED, False):
        return
    handle_exception: Callable[[Exception], None] = app._handle_exception
    dispatch_action: Dispatch = app._dispatch_action

    def guarded_handle_exception(error: Exception) -> None:
        slot = origin_slot(error)
        if slot is None or not slot.is_attached:
            handle_exception(error)
        else:
            slot.contain(error)

    async def guarded_dispatch_action(namespace: DOMNode, action_name: str, params: Any) -> bool:
        slot = slot_of(namespace)
        if slot is None:
            return await dispatch_action(namespace, action_name, params)
        try:
            return await dispatch_action(namespace, action_name, params)
        except Exception as error:  # a plugin's key binding: its tab shows the error
            slot.contain(error)
            return True

    vars(app).update(
        {
            "_handle_exception": guarded_handle_exception,
            "_dispatch_action": guarded_dispatch_action,
            _GUARDED: True,
        }
    )
