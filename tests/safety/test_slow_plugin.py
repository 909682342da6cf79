"""A plugin that takes too long in a hook is named; its data files are untouched; the core goes on."""

from __future__ import annotations

import time
import types

from conftest import open_ws, snapshot_bytes

from unioncore import Problem, Severity, hookimpl


def test_slow_hook_is_reported_by_name(make_workspace) -> None:  # type: ignore[no-untyped-def]
    def unioncore_validate(workspace: object) -> list[Problem]:
        time.sleep(0.3)
        return []

    mod = types.ModuleType("sleepy")
    mod.unioncore_validate = hookimpl(unioncore_validate)  # type: ignore[attr-defined]
    root = make_workspace(
        {"plugins/sleepy/data.toml": "[[thing]]\nid = 1\n"},
        config='format_version = 1\n[workspace]\nname = "x"\nyear = 2026\n[plugins]\nenabled = ["sleepy"]\n'
        "[settings]\nplugin_slow_seconds = 0.1\n",
    )
    before = snapshot_bytes(root)
    ws, problems = open_ws(root, plugins={"sleepy": mod})
    [slow] = [p for p in problems if p.rule == "plugin.slow"]
    assert slow.plugin == "sleepy" and slow.severity is Severity.WARNING
    assert "unioncore_validate 用时" in slow.message
    ws.add_member("A", id="M1", name="张三")
    ws.save()
    assert snapshot_bytes(root)["plugins/sleepy/data.toml"] == before["plugins/sleepy/data.toml"]
