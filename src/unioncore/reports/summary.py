"""工作总结 (draft): one section per area of work — the core's and each enabled plugin's
(`unioncore_report_sections`) — plus sections on 组织建设, 民主管理, 职工活动 and 经费收支 written here
from the year's figures. Sentences carry the figures; a clause whose figure no record supports is
left out, and a plugin paragraph that prints such a figure is dropped (and reported).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..problems import Problem
from ..registry import Figure, Period, ReportSection
from ..stats import core_figures
from ..workspace import Workspace
from . import settings
from .indicators import indicator_figures
from .model import Block, Heading, Paragraph, Report, Table, figure_cell, printable, unique_figures
from .statistics import covers, numeral


class _Writer:
    """Builds sentences from clauses; a clause is kept only if all its figures are printable."""

    def __init__(self, figures: Iterable[Figure]) -> None:
        self.by_key = {f.key: f for f in figures}
        self.used: list[Figure] = []

    def get(self, key: str) -> Figure | None:
        f = self.by_key.get(key)
        return f if printable(f) else None

    def clause(self, template: str, *keys: str) -> str | None:
        figs = [self.get(k) for k in keys]
        if any(f is None for f in figs):
            return None
        self.used.extend(f for f in figs if f is not None)
        return template.format(*(f.formatted() for f in figs if f is not None))

    def listing(self, keys: Sequence[str], template: str) -> str | None:
        """ "基层工会6个、联合工会1个" from figures (template gets label and text)."""
        parts = []
        for k in keys:
            f = self.get(k)
            if f is not None and f.value:
                self.used.append(f)
                parts.append(template.format(label=f.label, text=f.formatted()))
        return "、".join(parts) if parts else None


def _sentence(*clauses: str | None, sep: str = "，") -> str | None:
    kept = [c for c in clauses if c]
    return sep.join(kept) + "。" if kept else None


def _own_sections(ws: Workspace, period: Period) -> list[ReportSection]:
    own, _ = indicator_figures(ws, period)
    w = _Writer([*own, *core_figures(ws, period)])
    keys = list(w.by_key)
    sections: list[ReportSection] = []

    def section(title: str, order: int, paragraphs: Iterable[str | None], start: int) -> None:
        text = tuple(p for p in paragraphs if p)
        if text:
            sections.append(ReportSection(title, text, tuple(unique_figures(w.used[start:])), order=order))

    start = len(w.used)
    kinds = w.listing([k for k in keys if k.startswith("orgs.kind.")], "{label}{text}")
    org_total = w.clause("共有工会组织{}", "stat.orgs.total")
    section(
        "组织建设",
        15,
        [
            _sentence(org_total, f"其中{kinds}" if kinds and org_total else None),
            _sentence(
                w.clause("单位名录中应建会单位{}", "stat.units.required"),
                w.clause("已建会{}", "stat.units.unionised"),
                w.clause("建会率{}", "stat.rate.unionisation"),
            ),
            _sentence(
                w.clause("{}工会建立了女职工委员会", "stat.committees.women"),
                w.clause("{}工会建立了经费审查委员会", "stat.committees.audit"),
            ),
            _sentence(
                w.clause("联合工会涵盖单位{}", "stat.joint.units"),
                w.clause("联合工会会员{}", "stat.joint.members"),
            ),
            _sentence(
                w.clause("已建会单位职工{}", "stat.employees"),
                w.clause("其中女职工{}", "stat.employees.female"),
                w.clause("职工入会率{}", "stat.rate.membership"),
            ),
        ],
        start,
    )
    start = len(w.used)
    section(
        "民主管理",
        25,
        [
            _sentence(
                w.clause("{}单位召开了职工代表大会", "stat.congress.units"),
                w.clause("职工代表{}", "stat.congress.delegates"),
                w.clause("其中女职工代表{}", "stat.congress.female_delegates"),
            )
        ],
        start,
    )
    start = len(w.used)
    activity = []
    for k in keys:
        if k.startswith("events.type.") and k.endswith(".count"):
            base = k[: -len(".count")]
            count = w.get(k)
            if count is None or not count.value:
                continue
            name = count.label.removesuffix("次数")
            c = w.clause(name + "{}", k) or ""
            attendance = w.clause("参加{}", f"{base}.attendance")
            activity.append(c + (f"（{attendance}）" if attendance else ""))
    section("职工活动", 30, [_sentence(f"按类型分，{'、'.join(activity)}" if activity else None)], start)
    start = len(w.used)
    incomes = w.listing(
        [k for k in keys if k.startswith("funds.account.4") and len(k) == len("funds.account.401")],
        "{label}{text}",
    )
    expenses = w.listing(
        [k for k in keys if k.startswith("funds.account.5") and len(k) == len("funds.account.501")],
        "{label}{text}",
    )
    income = w.clause("全年工会经费收入{}", "funds.income")
    expense = w.clause("支出{}", "funds.expense")
    section(
        "经费收支",
        80,
        [
            _sentence(
                income,
                f"其中{_strip_codes(incomes)}" if incomes and income else None,
                sep="，",
            ),
            _sentence(expense, f"其中{_strip_codes(expenses)}" if expenses and expense else None),
            _sentence(
                w.clause("收支结余{}", "funds.surplus"),
                w.clause("年末货币资金{}", "funds.cash"),
            ),
        ],
        start,
    )
    return sections


def _strip_codes(text: str | None) -> str:
    """ "401 会费收入1,000.00元" reads better as "会费收入1,000.00元" in a sentence."""
    if not text:
        return ""
    out = []
    for part in text.split("、"):
        head, _, rest = part.partition(" ")
        out.append(rest if head.isdigit() and rest else part)
    return "、".join(out)


def _checked(section: ReportSection, problems: list[Problem]) -> ReportSection | None:
    """Drop figures without records, and any paragraph that prints one of them."""
    bad = [f for f in section.figures if not printable(f)]
    paragraphs = []
    for p in section.paragraphs:
        hidden = [f for f in bad if f.formatted() in p]
        if hidden:
            problems.append(
                Problem(
                    f"“{section.title}”中的一段话引用了没有记录支持的指标“{hidden[0].label}”，已从工作总结中删去",
                    rule="reports.figure-without-records",
                    plugin=section.plugin,
                )
            )
            continue
        paragraphs.append(p)
    if not paragraphs:
        return None
    return ReportSection(
        section.title,
        tuple(paragraphs),
        tuple(f for f in section.figures if printable(f)),
        section.order,
        section.plugin,
    )


def build_summary(ws: Workspace, year: int | None = None) -> tuple[Report, list[Problem]]:
    year = year or ws.year
    period = Period.year(year)
    hooked, problems = ws.report_sections(period)
    # an area a plugin writes about itself (e.g. "职代会与民主管理") is not written twice
    own = [s for s in _own_sections(ws, period) if not any(s.title in h.title for h in hooked)]
    sections = []
    for s in [*hooked, *own]:
        checked = _checked(s, problems)
        if checked is not None:
            sections.append(checked)
    sections.sort(key=lambda s: s.order)
    code, name = settings.report_org(ws)
    blocks: list[Block] = [
        Paragraph(
            f"本稿由 unioncore 根据{name}的记录生成，是{year}年工作总结的草稿：文中数字都来自记录，"
            "可用“unioncore explain 工作区 指标编号”查到背后的记录；请补充工作情况、经验和打算后使用。",
            "note",
        )
    ]
    figures: list[Figure] = []
    for i, s in enumerate(sections, 1):
        blocks.append(Heading(f"{numeral(i)}、{s.title}", 1))
        blocks.extend(Paragraph(p) for p in s.paragraphs)
        if s.figures:
            blocks.append(
                Table(
                    title=f"{s.title}：本节数据",
                    columns=("指标", "数值", "单位"),
                    rows=tuple((f.label, figure_cell(f.value, f.unit), f.unit) for f in s.figures),
                    keys=tuple(f.key for f in s.figures),
                    sheet=s.title,
                )
            )
        figures.extend(s.figures)
    report = Report(
        kind="summary",
        title=f"{name}{year}年工作总结（草稿）",
        org_code=code,
        org_name=name,
        period=period,
        blocks=tuple(blocks),
        figures=unique_figures(figures),
        subtitle=f"{year}年1月1日至{year}年12月31日",
        covers=covers(ws),
    )
    return report, problems
