"""Tabs contributed by plugins (`unioncore_tui_panels`), built without knowing the plugin.

A factory that raises, or returns something that is not a widget, gets an error message in its
tab instead: one broken plugin never takes the app down."""

from __future__ import annotations

import traceback

from rich.text import Text
from textual.containers import Container
from textual.widget import Widget
from textual.widgets import Static

from unioncore.registry import TuiPanel
from unioncore.workspace import Workspace


def build_panel(panel: TuiPanel, ws: Workspace) -> Widget:
    who = f"插件“{panel.plugin}”" if panel.plugin else "插件"
    try:
        widget = panel.factory(ws)
    except Exception as exc:
        last = traceback.format_exception_only(exc)[-1].strip()
        return panel_error(f"{who}的面板“{panel.title}”无法打开：{last}")
    if not isinstance(widget, Widget):
        return panel_error(f"{who}的面板“{panel.title}”返回的不是界面组件（{type(widget).__name__}）")
    return widget


def panel_error(message: str) -> Static:
    text = Text(message, style="bold red")
    text.append("\n\n其余功能不受影响。请把这段信息告诉插件的维护者。", style="default")
    return Static(text, classes="panel-error")


class PluginSlot(Container):
    """A plugin's tab: the panel is built the first time the tab is shown (a factory may be slow)."""

    def __init__(self, panel: TuiPanel, ws: Workspace, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="plugin-slot")
        self.panel = panel
        self.ws = ws
        self.built = False

    def build(self) -> None:
        if not self.built:
            self.built = True
            self.mount(build_panel(self.panel, self.ws))
