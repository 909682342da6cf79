"""`[settings.retirees]` in unioncore.toml, each with its documented default. A value of the wrong
type is reported (rule `retirees.settings`) and the default is used, so a typo never stops the checks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from unioncore import Problem

if TYPE_CHECKING:
    from unioncore import Workspace

SECTION = "retirees"
VISIT_LISTS = ("care", "all")  # who is due a festival visit: retirees with care flags (or 高龄), or all
DEFAULT_ACTIVITY_KEYWORDS = ("退休", "离退休", "老年", "重阳", "敬老", "老干部")


@attrs.frozen
class RetireeSettings:
    # 老年人权益保障法 Art 2: 老年人 are citizens of 60 or more
    elderly_age: int = 60
    # 高龄: no national age in the sources ([U]); 80 is the common local threshold
    advanced_age: int = 80
    # lower bounds of the age bands of the statistics (below the first: one band)
    age_bands: tuple[int, ...] = (60, 70, 80, 90)
    # who is due a 元旦 / 春节 visit: "care" (care flags or 高龄) or "all" retirees
    festival_visit: str = "care"
    festivals: tuple[str, ...] = ("元旦", "春节")
    # a visit counts for a festival from this many days before it to this many after
    visit_days_before: int = 30
    visit_days_after: int = 15
    # the union's retirement souvenir (退休纪念) is given around the retirement date (§4.5)
    souvenir_window_days: int = 180
    # an activity this close to 重阳 counts as a 老年节 activity
    chongyang_window_days: int = 7
    activity_keywords: tuple[str, ...] = DEFAULT_ACTIVITY_KEYWORDS


# integer settings with their largest sensible value
_INTS = {
    "elderly_age": 150,
    "advanced_age": 150,
    "visit_days_before": 366,
    "visit_days_after": 366,
    "souvenir_window_days": 36600,
    "chongyang_window_days": 60,
}


def load_settings(ws: Workspace) -> tuple[RetireeSettings, list[Problem]]:
    raw = ws.setting(SECTION, {})
    problems: list[Problem] = []

    def bad(key: str, message: str) -> None:
        path = ("settings", SECTION, key) if key else ("settings", SECTION)
        text = f"[settings.{SECTION}] {key}：{message}，已按默认值处理"
        sf = ws.files.get("unioncore.toml")
        if sf is not None:
            problems.append(sf.problem(text, path, rule="retirees.settings"))
        else:
            problems.append(Problem(text, file="unioncore.toml", path=path, rule="retirees.settings"))

    if not isinstance(raw, Mapping):
        bad("", "应为表")
        return RetireeSettings(), problems
    values: dict[str, Any] = {}
    for key, largest in _INTS.items():
        if key in raw:
            v = raw[key]
            if isinstance(v, bool) or not isinstance(v, int) or v < 0 or v > largest:
                bad(key, f"应为 0 到 {largest} 之间的整数")
            else:
                values[key] = v
    if "age_bands" in raw:
        bands = raw["age_bands"]
        if (
            isinstance(bands, list)
            and bands
            and all(isinstance(b, int) and not isinstance(b, bool) and 0 < b < 150 for b in bands)
            and bands == sorted(set(bands))
        ):
            values["age_bands"] = tuple(bands)
        else:
            bad("age_bands", "应为由小到大的年龄列表，如 [60, 70, 80, 90]")
    if "festival_visit" in raw:
        if raw["festival_visit"] in VISIT_LISTS:
            values["festival_visit"] = raw["festival_visit"]
        else:
            bad("festival_visit", '应为 "care"（有关怀标记或高龄的退休会员）或 "all"（全部退休会员）')
    if "festivals" in raw:
        fest = raw["festivals"]
        if isinstance(fest, list) and all(f in ("元旦", "春节") for f in fest):
            values["festivals"] = tuple(fest)
        else:
            bad("festivals", '应为 ["元旦", "春节"] 中的一个或两个')
    if "activity_keywords" in raw:
        words = raw["activity_keywords"]
        if isinstance(words, list) and all(isinstance(w, str) and w for w in words):
            values["activity_keywords"] = tuple(words)
        else:
            bad("activity_keywords", '应为文本列表，如 ["重阳", "老年"]')
    return RetireeSettings(**values), problems
