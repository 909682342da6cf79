"""The 安康杯 section of the year-end 工作总结: sentences that carry the figures; a figure that no
record supports (zero) is left out, and so is a paragraph whose figures are all zero."""

from __future__ import annotations

from typing import TYPE_CHECKING

from unioncore import Figure, Period, ReportSection

from .model import ACTION_LABELS, AWARD_CATEGORIES, CATEGORY_KEYS, EVENT_PREFIX
from .seasons import season_for_period, seasons
from .stats import figures

if TYPE_CHECKING:
    from unioncore import Workspace

TITLE = "“安康杯”竞赛"
ORDER = 40


def _change(fig: Figure | None, noun: str, rate: Figure | None = None) -> str:
    if fig is None or not fig.value:
        return ""
    word = "增加" if fig.value > 0 else "减少"
    amount = f"{abs(fig.value)}{fig.unit}"
    tail = f"（增长{rate.formatted()}）" if rate is not None and rate.value > 0 else ""
    return f"{noun}比上届{word}{amount}{tail}"


def sections(ws: Workspace, period: Period) -> list[ReportSection]:
    figs = {f.key.removeprefix("ankang."): f for f in figures(ws, period)}
    used: list[Figure] = []
    paragraphs: list[str] = []

    def take(*keys: str) -> None:
        used.extend(figs[k] for k in keys if k in figs and figs[k].value)

    season = season_for_period(seasons(ws).values(), period)
    units = figs.get("enrolment.units")
    if season is not None and units is not None and units.value:
        theme = season.theme
        text = f"{season.label}“安康杯”竞赛" + (f"以“{theme}”为主题，" if theme else "")
        text += f"共有{units.value}家单位、{figs['enrolment.workers'].value}名职工参赛"
        if figs["enrolment.teams"].value:
            text += f"，组建参赛班组{figs['enrolment.teams'].formatted()}"
        growth = [
            _change(figs.get("enrolment.units_growth"), "参赛单位"),
            _change(
                figs.get("enrolment.workers_growth"), "参赛职工", figs.get("enrolment.workers_growth_rate")
            ),
        ]
        growth = [g for g in growth if g]
        if growth:
            text += "；" + "，".join(growth)
        paragraphs.append(text + "。")
        take(
            "enrolment.units",
            "enrolment.workers",
            "enrolment.teams",
            "enrolment.units_growth",
            "enrolment.workers_growth",
            "enrolment.workers_growth_rate",
        )

    if figs["actions.total"].value:
        text = f"全年开展“十项行动”活动{figs['actions.total'].formatted()}"
        if figs["actions.attendance"].value:
            text += f"，参加职工{figs['actions.attendance'].formatted()}"
        parts = []
        for type_id, label in ACTION_LABELS.items():
            key = f"actions.{type_id.removeprefix(EVENT_PREFIX)}"
            if key in figs:
                parts.append(f"{label}{figs[key].formatted()}")
                take(key)
        if parts:
            text += f"（{'、'.join(parts)}）"
        paragraphs.append(text + "。")
        take("actions.total", "actions.attendance")

    found = figs["hazards.found"]
    if found.value:
        text = f"全年排查发现安全隐患{found.formatted()}"
        if figs["hazards.major"].value:
            text += f"（其中重大隐患{figs['hazards.major'].formatted()}）"
        if figs["hazards.rectified"].value:
            text += (
                f"，已整改{figs['hazards.rectified'].formatted()}，"
                f"整改率{figs['hazards.rectification_rate'].formatted()}"
            )
        if figs["hazards.overdue"].value:
            text += f"；逾期未整改{figs['hazards.overdue'].formatted()}，工会正督促整改"
        paragraphs.append(text + "。")
        take(
            "hazards.found",
            "hazards.major",
            "hazards.rectified",
            "hazards.rectification_rate",
            "hazards.overdue",
        )

    if figs["accidents.total"].value:
        kinds = [
            f"{label}{figs[key].formatted()}"
            for key, label in (("accidents.injury", "工伤事故"), ("accidents.disease", "职业病"))
            if figs[key].value
        ]
        text = f"全年发生{'、'.join(kinds)}"
        if figs["accidents.people"].value:
            text += f"，涉及{figs['accidents.people'].formatted()}"
        if figs["accidents.deaths"].value:
            text += f"，其中死亡{figs['accidents.deaths'].formatted()}"
        paragraphs.append(text + "。")
        take("accidents.injury", "accidents.disease", "accidents.people", "accidents.deaths")

    if "scores.units" in figs and figs["scores.units"].value:
        passed = figs["scores.passed"]
        text = f"对{figs['scores.units'].formatted()}参赛单位进行考核评分"
        if passed.value:
            text += f"，{passed.formatted()}达到合格分（{passed.note}）"
        paragraphs.append(text + "。")
        used.extend(f for k, f in figs.items() if k.startswith("scores.unit."))
        take("scores.units", "scores.passed")

    if figs["awards.total"].value:
        parts = []
        for category in AWARD_CATEGORIES:
            ckey = f"awards.{CATEGORY_KEYS[category]}."
            for key, f in figs.items():
                if key.startswith(ckey) and f.value:
                    parts.append(f"{f.label}{f.value}项")
                    used.append(f)
        paragraphs.append(f"获“安康杯”竞赛表彰{figs['awards.total'].formatted()}：{'、'.join(parts)}。")
        take("awards.total")

    if figs["spending.total"].value:
        text = f"全年劳动保护支出{figs['spending.total'].formatted()}"
        if figs["spending.actions"].value:
            text += f"，其中用于“十项行动”活动{figs['spending.actions'].formatted()}"
        paragraphs.append(text + "。")
        take("spending.total", "spending.actions")

    if not paragraphs:
        return []
    return [ReportSection(TITLE, tuple(paragraphs), tuple(used), order=ORDER)]
