"""`[settings.ankang]` in unioncore.toml: what differs by province or is not confirmed nationally.

    [settings.ankang]
    pass_mark = 90                  # 优胜单位 must score at least this (全国/四川 考核评分表: 90分以上)
    provincial_repeat_years = 5     # a provincial 优胜单位/班组 is not awarded again within this many years
    reply_days = 30                 # days the employer has to answer a union proposal (工会法 Art 25: 及时)
    serious_severities = ["死亡", "较大", "重大", "特别重大"]   # accidents that bar a unit from 优胜
    sheet = [{ item = "竞赛形式", points = 20 }, …]              # scoring sheet of a season without its own

A season may carry its own `pass_mark` and `sheet`, which win over these.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from unioncore import Field, Kind, Problem, Severity
from unioncore.problems import KeyPath
from unioncore.schema import decode_fields

from .model import FATAL_SEVERITIES, PLUGIN, SEVERITIES, SHEET_ITEM_FIELDS

if TYPE_CHECKING:
    from unioncore import Workspace

CONFIG_FILE = "unioncore.toml"

# shared/domain.md §5.4 (S24: 四川 2022-2023, 全国 考核评分表 "得分须在90分以上")
DEFAULT_PASS_MARK = Decimal(90)
# §5.5 (S24: 省“安康杯”竞赛活动优胜单位、优胜班组5年内不得重复授予)
DEFAULT_PROVINCIAL_REPEAT_YEARS = 5
# 工会法 Art 25 says the employer shall answer "及时" without a number of days: [U], a setting
DEFAULT_REPLY_DAYS = 30
# which accidents bar a unit from 优胜 is local practice ("无较大伤亡事故", "未发生死亡事故"): [U]
DEFAULT_SERIOUS = FATAL_SEVERITIES
# the older national 特色工作评分表 (§5.6, S26): 形式 20 + 内容 5×10 + 效果 30 = 100
DEFAULT_SHEET: tuple[tuple[str, Decimal], ...] = (
    ("竞赛形式", Decimal(20)),
    ("竞赛内容", Decimal(50)),
    ("竞赛效果", Decimal(30)),
)

SETTINGS_FIELDS = (
    Field("pass_mark", Kind.NUMBER, label="优胜单位合格分"),
    Field("provincial_repeat_years", Kind.INT, label="省级优胜不重复授予年限", minimum=1, maximum=50),
    Field("reply_days", Kind.INT, label="单位答复整改建议的期限（天）", minimum=1, maximum=3650),
    Field("serious_severities", Kind.STR_LIST, label="取消优胜资格的事故等级", choices=SEVERITIES),
    Field("sheet", Kind.TABLE_LIST, label="考核评分表", fields=SHEET_ITEM_FIELDS),
)


@attrs.frozen
class Settings:
    pass_mark: Decimal = DEFAULT_PASS_MARK
    provincial_repeat_years: int = DEFAULT_PROVINCIAL_REPEAT_YEARS
    reply_days: int = DEFAULT_REPLY_DAYS
    serious_severities: tuple[str, ...] = DEFAULT_SERIOUS
    sheet: tuple[tuple[str, Decimal], ...] = DEFAULT_SHEET


def read_settings(ws: Workspace) -> tuple[Settings, list[Problem]]:
    """The plugin's settings with their defaults; a bad value is a problem and its default is used."""
    raw: Any = ws.setting(PLUGIN, {})
    problems: list[Problem] = []
    sf = ws.files.get(CONFIG_FILE)

    def report(message: str, path: KeyPath) -> None:
        full: KeyPath = ("settings", PLUGIN, *path)
        if sf is not None:
            problems.append(sf.problem(message, full, Severity.ERROR, rule="ankang.settings"))
        else:
            problems.append(Problem(message, file=CONFIG_FILE, path=full, rule="ankang.settings"))

    if raw is None:
        return Settings(), problems
    if not isinstance(raw, dict):
        report("[settings.ankang] 应为表", ())
        return Settings(), problems
    values = decode_fields(raw, SETTINGS_FIELDS, (), report)
    kw: dict[str, Any] = {}
    if values.get("pass_mark") is not None:
        kw["pass_mark"] = values["pass_mark"]
    if values.get("provincial_repeat_years") is not None:
        kw["provincial_repeat_years"] = values["provincial_repeat_years"]
    if values.get("reply_days") is not None:
        kw["reply_days"] = values["reply_days"]
    if "serious_severities" in raw and values.get("serious_severities") is not None:
        kw["serious_severities"] = tuple(values["serious_severities"])
    if values.get("sheet"):
        kw["sheet"] = tuple((i["item"], i["points"]) for i in values["sheet"] if i.get("points") is not None)
    return Settings(**kw), problems
