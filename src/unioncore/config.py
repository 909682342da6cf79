"""`unioncore.toml`: the workspace's name, year, format version, plugins, settings and rules.

format_version = 1

[workspace]
name = "幸福街道总工会"
year = 2026

[plugins]
enabled = ["policy", "ankang"]

[settings]                 # rules that differ by province or are unconfirmed ([U]) are settings
term_reminder_days = 180

[rules]                    # switch a rule off or change its level
"org.term-due" = "off"     # or "error" / "warning" / "hint" (错误 / 警告 / 提示)

[[account]]                # the workspace's own sub-accounts, below prescribed ones
code = "5010501"
name = "春节慰问"
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs

from .schema import Field, Kind

FORMAT_VERSION = 1

DEFAULT_SETTINGS: dict[str, Any] = {
    # days before a committee's term ends from which 换届 is reminded
    "term_reminder_days": 180,
    # the reference date for checks and reminders ("today" unless set, for reproducible reports)
    "as_of": None,
    # a plugin hook slower than this is reported (it cannot be stopped, only named)
    "plugin_slow_seconds": 5.0,
}

WORKSPACE_FIELDS = (
    Field("name", label="工作区名称", required=True),
    Field("year", Kind.INT, label="当前年度", required=True, minimum=1949, maximum=2200),
)

ACCOUNT_FIELDS = (
    Field("code", label="科目代码", required=True),
    Field("name", label="科目名称", required=True),
)

PLUGINS_FIELDS = (Field("enabled", Kind.STR_LIST, label="启用的插件"),)


@attrs.define
class Config:
    name: str = "未命名工作区"
    year: int = attrs.field(factory=lambda: datetime.date.today().year)
    format_version: int = FORMAT_VERSION
    enabled: list[str] = attrs.field(factory=list)
    settings: dict[str, Any] = attrs.field(factory=dict)
    rules: dict[str, str] = attrs.field(factory=dict)
    accounts: list[dict[str, str]] = attrs.field(factory=list)

    def setting(self, key: str, default: Any = None) -> Any:
        if key in self.settings:
            return self.settings[key]
        return DEFAULT_SETTINGS.get(key, default)

    def to_toml(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "format_version": self.format_version,
            "workspace": {"name": self.name, "year": self.year},
            "plugins": {"enabled": list(self.enabled)},
        }
        if self.settings:
            out["settings"] = dict(self.settings)
        if self.rules:
            out["rules"] = dict(self.rules)
        if self.accounts:
            out["account"] = [dict(a) for a in self.accounts]
        return out
