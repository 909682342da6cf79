"""Loading plugins from the `unioncore` entry-point group and calling hooks without letting a
broken plugin take the core down.

A fresh `PluginHost` is made for every workspace that is opened (no module-global manager).
`UNIONCORE_DISABLE_PLUGIN_AUTOLOAD=1` turns off entry-point discovery (plugins passed in-process
still load), as pytest's PYTEST_DISABLE_PLUGIN_AUTOLOAD does.
"""

from __future__ import annotations

import importlib.metadata
import os
import time
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import pluggy

from . import hookspecs
from .problems import Problem, Severity

GROUP = "unioncore"
CORE = "core"  # the core's own registrations, loaded like a plugin (as pytest does)
SLOW_HOOK_SECONDS = 5.0


@attrs.define
class PluginInfo:
    name: str
    enabled: bool
    loaded: bool = False
    module: str | None = None
    version: str | None = None
    error: str | None = None


def discover() -> dict[str, importlib.metadata.EntryPoint]:
    if os.environ.get("UNIONCORE_DISABLE_PLUGIN_AUTOLOAD"):
        return {}
    return {ep.name: ep for ep in importlib.metadata.entry_points(group=GROUP)}


class PluginHost:
    """The plugins of one open workspace."""

    def __init__(
        self,
        enabled: Iterable[str],
        extra: Mapping[str, object] | None = None,
        slow_seconds: float = SLOW_HOOK_SECONDS,
    ) -> None:
        from . import core_hooks

        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.problems: list[Problem] = []
        self.infos: dict[str, PluginInfo] = {}
        self.slow_seconds = slow_seconds
        self.pm.register(core_hooks, name=CORE)
        enabled = list(enabled)
        extra = dict(extra or {})
        available = discover()
        for name in sorted(set(available) | set(extra)):
            self.infos[name] = PluginInfo(name=name, enabled=name in enabled)
        for name in enabled:
            info = self.infos.setdefault(name, PluginInfo(name=name, enabled=True))
            if name in extra:
                self._register(info, extra[name])
            elif name in available:
                ep = available[name]
                info.module = ep.value
                if ep.dist is not None:
                    info.version = ep.dist.version
                try:
                    obj = ep.load()
                except Exception as exc:  # a broken plugin must not take the core down
                    info.error = f"{type(exc).__name__}: {exc}"
                    self.problems.append(
                        Problem(
                            f"插件“{name}”无法加载：{info.error}",
                            file="unioncore.toml",
                            rule="plugin.load",
                            plugin=name,
                        )
                    )
                    continue
                self._register(info, obj)
            else:
                info.error = "未安装"
                self.problems.append(
                    Problem(
                        f"已启用的插件“{name}”未安装（pip install 后再打开，或从 enabled 中去掉）",
                        severity=Severity.WARNING,
                        file="unioncore.toml",
                        rule="plugin.missing",
                        plugin=name,
                    )
                )

    def _register(self, info: PluginInfo, obj: object) -> None:
        try:
            self.pm.register(obj, name=info.name)
            self.pm.check_pending()
        except Exception as exc:
            if self.pm.is_registered(obj):
                self.pm.unregister(obj)
            info.error = f"{type(exc).__name__}: {exc}"
            self.problems.append(
                Problem(
                    f"插件“{info.name}”无法注册：{info.error}",
                    file="unioncore.toml",
                    rule="plugin.load",
                    plugin=info.name,
                )
            )
            return
        info.loaded = True
        if info.module is None:
            info.module = getattr(obj, "__name__", type(obj).__name__)

    @property
    def loaded(self) -> list[str]:
        return [n for n, i in self.infos.items() if i.loaded]

    def call(
        self, hook: str, expected: type | tuple[type, ...], **kwargs: Any
    ) -> tuple[list[Any], list[Problem]]:
        """Call every implementation of `hook`, one at a time, gathering the items of their lists.

        Each item that has a `plugin` field gets the implementing plugin's name (None for the core).
        """
        items: list[Any] = []
        problems: list[Problem] = []
        caller = getattr(self.pm.hook, hook)
        for impl in reversed(caller.get_hookimpls()):  # registration order
            name = impl.plugin_name
            plugin = None if name == CORE else name
            args = {a: kwargs[a] for a in impl.argnames if a in kwargs}
            started = time.perf_counter()
            try:
                result = impl.function(**args)
            except Exception as exc:
                problems.append(
                    Problem(
                        f"插件“{name}”在 {hook} 中出错：{type(exc).__name__}: {exc}",
                        rule="plugin.error",
                        plugin=name,
                    )
                )
                continue
            elapsed = time.perf_counter() - started
            if elapsed > self.slow_seconds:
                problems.append(
                    Problem(
                        f"插件“{name}”的 {hook} 用时 {elapsed:.1f} 秒，拖慢了工作区",
                        severity=Severity.WARNING,
                        rule="plugin.slow",
                        plugin=name,
                    )
                )
            if result is None:
                continue
            if not isinstance(result, list | tuple):
                problems.append(
                    Problem(
                        f"插件“{name}”的 {hook} 应返回列表，实际返回 {type(result).__name__}，已忽略",
                        rule="plugin.result",
                        plugin=name,
                    )
                )
                continue
            for item in result:
                if not isinstance(item, expected):
                    problems.append(
                        Problem(
                            f"插件“{name}”的 {hook} 返回了 {type(item).__name__}，应为 "
                            f"{_type_names(expected)}，已忽略",
                            rule="plugin.result",
                            plugin=name,
                        )
                    )
                    continue
                if plugin and attrs.has(type(item)) and getattr(item, "plugin", "") is None:
                    item = attrs.evolve(item, plugin=plugin)  # type: ignore[misc]
                items.append(item)
        return items, problems


def _type_names(expected: type | tuple[type, ...]) -> str:
    if isinstance(expected, tuple):
        return " 或 ".join(t.__name__ for t in expected)
    return expected.__name__
