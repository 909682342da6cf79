"""`[settings.disputes]` in unioncore.toml, with defaults.

mediation_days = 15       受理后多少天仍未结案时提醒。《劳动争议调解仲裁法》第十四条：自调解组织收到
                          调解申请之日起十五日内未达成调解协议的，当事人可以依法申请仲裁（企业劳动争议
                          调解委员会、基层人民调解组织和街道调解组织同样适用）。
collective_workers = 10   劳动者一方达到多少人算集体劳动争议（同法第七条：十人以上并有共同请求）。
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from unioncore import Problem, Severity

from .records import PLUGIN

if TYPE_CHECKING:
    from unioncore import Workspace

RULE = "disputes.settings"
SOURCE = "unioncore.toml 的 settings.disputes（默认值与依据见 unioncore_disputes.settings）"
KNOWN = {"mediation_days", "collective_workers"}


@attrs.frozen
class DisputeSettings:
    mediation_days: int = 15
    collective_workers: int = 10


def read(ws: Workspace) -> tuple[DisputeSettings, list[Problem]]:
    """The settings with defaults for what is missing, and a problem for each bad value."""
    raw = ws.setting(PLUGIN, {})
    problems: list[Problem] = []
    default = DisputeSettings()

    def bad(key: str, message: str, severity: Severity = Severity.ERROR) -> None:
        path = ("settings", PLUGIN, key) if key else ("settings", PLUGIN)
        sf = ws.files.get("unioncore.toml")
        if sf is not None:
            problems.append(sf.problem(message, path, severity, rule=RULE, source=SOURCE))
        else:
            problems.append(
                Problem(message, severity, file="unioncore.toml", path=path, rule=RULE, source=SOURCE)
            )

    if not isinstance(raw, dict):
        bad("", f"[settings.{PLUGIN}] 应为表，已使用默认设置")
        return default, problems
    for key in raw:
        if key not in KNOWN:
            bad(key, f"未知的设置“{key}”（拼写错误？），已忽略", Severity.WARNING)

    def positive(key: str, fallback: int) -> int:
        value: Any = raw.get(key, fallback)
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 3660:
            bad(key, f"设置“{key}”应为 1 到 3660 之间的整数，已使用默认值 {fallback}")
            return fallback
        return value

    return (
        DisputeSettings(
            mediation_days=positive("mediation_days", default.mediation_days),
            collective_workers=positive("collective_workers", default.collective_workers),
        ),
        problems,
    )
