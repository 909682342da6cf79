"""`[settings.competitions]` in unioncore.toml, with defaults.

visit_event_types = ["care_visit"]   活动类型：列出劳模为参加人的这类活动算作走访慰问
prize_account = "50301"              竞赛奖金记在哪个科目（《工会会计制度》50301 劳动和技能竞赛活动支出）
model_worker_visits = true           是否提醒本年度尚未走访慰问的劳模
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from unioncore import Problem, Severity

from .records import CARE_VISIT, PLUGIN

if TYPE_CHECKING:
    from unioncore import Workspace

RULE = "competitions.settings"
SOURCE = "unioncore.toml 的 settings.competitions（默认值与依据见 unioncore_competitions.settings）"
KNOWN = {"visit_event_types", "prize_account", "model_worker_visits"}


@attrs.frozen
class CompetitionSettings:
    visit_event_types: tuple[str, ...] = (CARE_VISIT,)
    prize_account: str = "50301"
    model_worker_visits: bool = True


def read(ws: Workspace) -> tuple[CompetitionSettings, list[Problem]]:
    """The settings with defaults for what is missing, and a problem for each bad value."""
    raw = ws.setting(PLUGIN, {})
    problems: list[Problem] = []
    default = CompetitionSettings()

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
    types = raw.get("visit_event_types", list(default.visit_event_types))
    if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
        bad("visit_event_types", '设置“visit_event_types”应为活动类型的列表，如 ["care_visit"]，已使用默认值')
        types = list(default.visit_event_types)
    unknown = [t for t in types if t not in ws.event_types]
    if unknown:
        bad("visit_event_types", f"设置“visit_event_types”中的活动类型“{unknown[0]}”未注册")
        types = [t for t in types if t in ws.event_types]
    account = raw.get("prize_account", default.prize_account)
    if not isinstance(account, str) or account not in ws.chart:
        bad(
            "prize_account",
            f"设置“prize_account”应为会计科目表中的科目代码，已使用默认值 {default.prize_account}",
        )
        account = default.prize_account
    visits = raw.get("model_worker_visits", default.model_worker_visits)
    if not isinstance(visits, bool):
        bad("model_worker_visits", "设置“model_worker_visits”应为 true 或 false，已使用默认值 true")
        visits = default.model_worker_visits
    return CompetitionSettings(tuple(types), account, visits), problems
