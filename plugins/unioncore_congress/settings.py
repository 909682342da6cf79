"""`[settings.congress]` in unioncore.toml: every threshold the sources leave open, with its default.

    quorum = "2/3"               职代会出席人数不少于全体代表的这一比例
    majority = "1/2"             决议的赞成票须超过全体代表（委员）的这一比例
    female_delegate_gap = 10     女代表比例比女职工比例低出多少个百分点时提醒
    awards = ["特等奖", "金奖", "银奖", "铜奖", "优秀奖"]   合理化建议的奖项
    suggestion_review_days = 60  合理化建议受理后多少天内应作出是否采纳的决定
    proposal_register_days = 15  提案收到后多少天内立案或答复不予立案
    proposal_assign_days = 7     立案后多少天内交办承办部门
    proposal_reply_days = 30     交办后多少天内书面答复
    proposal_feedback_days = 15  答复后多少天内征求提案人意见
    proposal_archive_days = 30   办结（征求意见或不予立案）后多少天内归档

The quorum and majority follow 《企业民主管理规定》 (总工发〔2012〕12号; the majority of all delegates
is its Art 20, the two-thirds quorum article number is [U]); the same thresholds are in 《集体合同规定》
Art 36 (shared/domain.md §9.6). The proposal step limits and the female-delegate gap are [U]: no
national rule gives them, so they are settings (shared/domain.md: rules marked [U] are settings).
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from unioncore import Problem, Severity

from .records import PLUGIN

if TYPE_CHECKING:
    from unioncore import Workspace

RULE = "congress.settings"
SOURCE = "unioncore.toml 的 settings.congress（默认值与依据见 unioncore_congress.settings）"

PROPOSAL_STEPS = ("register", "assign", "reply", "feedback", "archive")
STEP_DEFAULTS = {"register": 15, "assign": 7, "reply": 30, "feedback": 15, "archive": 30}
DEFAULT_AWARDS = ("特等奖", "金奖", "银奖", "铜奖", "优秀奖")


@attrs.frozen
class CongressSettings:
    quorum: Fraction = Fraction(2, 3)
    majority: Fraction = Fraction(1, 2)
    female_delegate_gap: int = 10
    awards: tuple[str, ...] = DEFAULT_AWARDS
    suggestion_review_days: int = 60
    proposal_days: dict[str, int] = attrs.field(factory=lambda: dict(STEP_DEFAULTS))


KNOWN = {
    "quorum",
    "majority",
    "female_delegate_gap",
    "awards",
    "suggestion_review_days",
    *(f"proposal_{s}_days" for s in PROPOSAL_STEPS),
}


def read(ws: Workspace) -> tuple[CongressSettings, list[Problem]]:
    """The settings with defaults for what is missing, and a problem for each bad value."""
    raw = ws.setting(PLUGIN, {})
    problems: list[Problem] = []

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
        return CongressSettings(), problems
    for key in raw:
        if key not in KNOWN:
            bad(key, f"未知的设置“{key}”（拼写错误？），已忽略", Severity.WARNING)

    def fraction(key: str, default: Fraction) -> Fraction:
        value = raw.get(key)
        if value is None:
            return default
        try:
            frac = Fraction(value) if isinstance(value, str) else None
        except (ValueError, ZeroDivisionError):
            frac = None
        if frac is None or not 0 < frac <= 1:
            bad(key, f'设置“{key}”应为 0 到 1 之间的分数，写成字符串如 "2/3"，已使用默认值 {default}')
            return default
        return frac

    def days(key: str, default: int) -> int:
        value: Any = raw.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 3660:
            bad(key, f"设置“{key}”应为 0 到 3660 之间的整数，已使用默认值 {default}")
            return default
        return value

    awards = raw.get("awards")
    if awards is None:
        award_names = DEFAULT_AWARDS
    elif isinstance(awards, list) and all(isinstance(a, str) and a for a in awards):
        award_names = tuple(awards)
    else:
        bad("awards", '设置“awards”应为文本列表，如 ["金奖", "银奖", "铜奖"]，已使用默认值')
        award_names = DEFAULT_AWARDS
    gap = days("female_delegate_gap", 10)
    if gap > 100:
        bad("female_delegate_gap", "设置“female_delegate_gap”是百分点，应在 0 到 100 之间，已使用默认值 10")
        gap = 10
    settings = CongressSettings(
        quorum=fraction("quorum", Fraction(2, 3)),
        majority=fraction("majority", Fraction(1, 2)),
        female_delegate_gap=gap,
        awards=award_names,
        suggestion_review_days=days("suggestion_review_days", 60),
        proposal_days={s: days(f"proposal_{s}_days", STEP_DEFAULTS[s]) for s in PROPOSAL_STEPS},
    )
    return settings, problems
