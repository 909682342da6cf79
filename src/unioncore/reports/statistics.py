"""统计年报: the year's indicators for the statistical period (1 October – 30 September by default).

The figures are the core's and every enabled plugin's (`Workspace.figures`) plus the indicators of
`indicators.py`; a figure is printed only when records support it. Sections follow the areas of
the 基层工会调查表 (shared/domain.md §8.4): 组织建设, 职工和会员, 民主管理, 活动, 经费, then one section
per plugin area (the figure's `group`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..problems import Problem
from ..registry import Figure, Period
from ..stats import EVENTS, FUNDS, MEMBERS, ORGS
from ..workspace import Workspace
from . import settings
from .indicators import DEMOCRACY, indicator_figures
from .model import (
    Block,
    Heading,
    OrgRef,
    Paragraph,
    Ratio,
    Report,
    Table,
    figure_cell,
    only_printable,
    unique_figures,
)

# the core's figures these indicators replace in the 年报 (same meaning, 口径 from the settings)
SUPERSEDED = frozenset({"rates.membership", "rates.unionisation", "orgs.employees"})
# counts since the workspace began, not standings in the period: left out of the 年报
CUMULATIVE = frozenset({"members.status.left", "members.status.transferred_out", "members.status.deceased"})

NUMERALS = "一二三四五六七八九十"

Matcher = Callable[[Figure], bool]


def numeral(i: int) -> str:
    """1 -> 一, 11 -> 十一, 20 -> 二十."""
    if i <= 10:
        return NUMERALS[i - 1]
    tens, ones = divmod(i, 10)
    return (NUMERALS[tens - 1] if tens > 1 else "") + "十" + (NUMERALS[ones - 1] if ones else "")


def _key(k: str) -> Matcher:
    return lambda f: f.key == k


def _prefix(p: str) -> Matcher:
    return lambda f: f.key.startswith(p)


# (section title, figures in printing order, areas whose other figures join the section). A figure
# goes to the first section that names it; the areas are swept only after every section named its own.
SECTIONS: list[tuple[str, list[Matcher], tuple[str, ...]]] = [
    (
        "组织建设",
        [
            _key("stat.orgs.total"),
            _prefix("orgs.kind."),
            _key("stat.orgs.grassroots"),
            _prefix("stat.orgs.sector."),
            _key("stat.joint.units"),
            _key("stat.committees.women"),
            _key("stat.committees.audit"),
            _key("stat.units.required"),
            _key("stat.units.unionised"),
            _key("stat.rate.unionisation"),
        ],
        (ORGS,),
    ),
    (
        "职工和会员",
        [
            _key("stat.employees"),
            _key("stat.employees.female"),
            _key("members.total"),
            _key("members.female"),
            _key("members.male"),
            _key("members.gender_unknown"),
            _key("members.status.active"),
            _key("members.status.retired"),
            _prefix("members.category."),
            _key("stat.joint.members"),
            _key("members.joined"),
            _key("stat.rate.membership"),
        ],
        (MEMBERS,),
    ),
    ("民主管理", [_prefix("stat.congress.")], (DEMOCRACY,)),
    ("职工活动", [_key("events.total"), _key("events.attendance")], (EVENTS,)),
    ("经费收支", [], (FUNDS,)),
]


def parts_of(figures: Iterable[Figure]) -> dict[str, tuple[str, ...]]:
    """Totals and the figures that add up to them (a roll-up checks each file against these)."""
    keys = [f.key for f in figures]
    present = set(keys)

    def matching(pred: Callable[[str], bool]) -> tuple[str, ...]:
        return tuple(k for k in keys if pred(k))

    rules: dict[str, tuple[str, ...]] = {
        "members.total": tuple(
            k for k in ("members.female", "members.male", "members.gender_unknown") if k in present
        ),
        "events.total": matching(lambda k: k.startswith("events.type.") and k.endswith(".count")),
        "events.attendance": matching(lambda k: k.startswith("events.type.") and k.endswith(".attendance")),
        "funds.income": matching(
            lambda k: k.startswith("funds.account.4") and len(k) == len("funds.account.401")
        ),
        "funds.expense": matching(
            lambda k: k.startswith("funds.account.5") and len(k) == len("funds.account.501")
        ),
        "stat.orgs.total": matching(lambda k: k.startswith("orgs.kind.")),
        "stat.orgs.grassroots": matching(lambda k: k.startswith("stat.orgs.sector.")),
    }
    return {k: v for k, v in rules.items() if k in present}


def statistics_figures(ws: Workspace, period: Period) -> tuple[list[Figure], dict[str, Ratio], list[Problem]]:
    """Every figure of the 年报 that records support, with the ratios of its rates."""
    core_and_plugins, problems = ws.figures(period)
    own, ratios = indicator_figures(ws, period)
    figures = [f for f in core_and_plugins if f.key not in SUPERSEDED and f.key not in CUMULATIVE]
    # a plugin figure without records is a plugin bug: say so instead of printing it
    for f in figures:
        if not f.refs and f.value:
            problems.append(
                Problem(
                    f"指标“{f.label}”（{f.key}）为 {f.formatted()}，但没有列出背后的记录，报表中不打印",
                    rule="reports.figure-without-records",
                    plugin=f.plugin,
                )
            )
    return list(unique_figures(only_printable(own + figures))), ratios, problems


def covers(ws: Workspace) -> tuple[OrgRef, ...]:
    return tuple(OrgRef(o.code, o.name, o.uscc or "") for o in ws.organisations.values())


def figure_table(title: str, figures: list[Figure], number: int) -> Table:
    return Table(
        title=f"表{number}　{title}",
        columns=("指标", "数值", "单位", "说明"),
        rows=tuple((f.label, figure_cell(f.value, f.unit), f.unit, f.note) for f in figures),
        keys=tuple(f.key for f in figures),
        sheet=title,
    )


def sections_of(figures: list[Figure]) -> list[tuple[str, list[Figure]]]:
    """The figures arranged in the 年报's sections, then one section per other area (group)."""
    placed: set[str] = set()
    sections: list[tuple[str, list[Figure]]] = []
    for title, matchers, _ in SECTIONS:
        items: list[Figure] = []
        for match in matchers:
            for f in figures:
                if f.key not in placed and match(f):
                    items.append(f)
                    placed.add(f.key)
        sections.append((title, items))
    for (_, _, groups), (_, items) in zip(SECTIONS, sections, strict=True):
        for f in figures:
            if f.key not in placed and f.group in groups:
                items.append(f)
                placed.add(f.key)
    # every other area (the plugins') in the order its first figure came
    for f in figures:
        if f.key in placed:
            continue
        group = f.group or "其他"
        items = [g for g in figures if (g.group or "其他") == group and g.key not in placed]
        placed.update(g.key for g in items)
        sections.append((group, items))
    return [(title, items) for title, items in sections if items]


def statistics_blocks(
    period: Period, figures: list[Figure], rate_keys: Iterable[str], intro: str
) -> list[Block]:
    blocks: list[Block] = [
        Paragraph(
            f"统计期：{period.start.year}年{period.start.month}月{period.start.day}日至"
            f"{period.end.year}年{period.end.month}月{period.end.day}日。{intro}"
        )
    ]
    n = 0
    for n, (title, items) in enumerate(sections_of(figures), 1):
        blocks.append(Heading(f"{numeral(n)}、{title}", 1))
        blocks.append(figure_table(title, items, n))
    rates = set(rate_keys)
    notes = [f"{f.label}：{f.note}" for f in figures if f.key in rates and f.note]
    if notes:
        blocks.append(Heading(f"{numeral(n + 1)}、口径说明", 1))
        blocks.extend(Paragraph(text, "note") for text in notes)
    return blocks


def build_statistics(ws: Workspace, year: int | None = None) -> tuple[Report, list[Problem]]:
    """The 统计年报 of the workspace for the statistical year `year` (default: the workspace's)."""
    year = year or ws.year
    period = settings.stat_period(ws, year)
    figures, ratios, problems = statistics_figures(ws, period)
    code, name = settings.report_org(ws)
    blocks = statistics_blocks(
        period,
        figures,
        ratios,
        "表中每个数字都可用“unioncore explain 工作区 指标编号”查到背后的记录；没有记录支持的指标不列出。",
    )
    report = Report(
        kind="statistics",
        title=f"{name}{year}年度工会统计年报",
        org_code=code,
        org_name=name,
        period=period,
        blocks=tuple(blocks),
        figures=tuple(figures),
        subtitle=f"统计期 {period.start.isoformat()} 至 {period.end.isoformat()}",
        covers=covers(ws),
        ratios={k: v for k, v in ratios.items() if any(f.key == k for f in figures)},
        parts=parts_of(figures),
    )
    return report, problems
