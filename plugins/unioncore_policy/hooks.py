"""Hook implementations of the policy plugin (registered under the entry-point group `unioncore`).

经费开支政策: the chart of accounts by level, budget control, 实名发放 of 慰问 and welfare, festival
and per-occasion standards by province (presets), hardship files, 代管经费, 拨缴经费 and the year-end
close. Configured under `[settings.policy]` in unioncore.toml (see settings.py).
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from unioncore import Collection, Figure, Period, ReportSection, Rule, TuiPanel, hookimpl

from . import allocation, budget, chart_rules, closing, custody, report, rules, stats, welfare
from .settings import read_settings

if TYPE_CHECKING:
    from unioncore import Problem, Workspace


@hookimpl
def unioncore_collections() -> list[Collection]:
    return [allocation.PAYROLL_COLLECTION]


@hookimpl
def unioncore_rules() -> list[Rule]:
    return list(rules.RULES)


@hookimpl
def unioncore_validate(workspace: Workspace) -> list[Problem]:
    settings, problems = read_settings(workspace)
    problems += chart_rules.check_accounts(workspace)
    problems += budget.check_budget(workspace, settings)
    problems += welfare.check_welfare(workspace, settings)
    problems += custody.check_premiums(workspace, settings)
    problems += allocation.check_allocation(workspace, settings)
    problems += closing.check_close(workspace, settings)
    return problems


@hookimpl
def unioncore_statistics(workspace: Workspace, period: Period) -> list[Figure]:
    settings, _ = read_settings(workspace)
    return stats.policy_figures(workspace, period, settings)


@hookimpl
def unioncore_report_sections(workspace: Workspace, period: Period) -> list[ReportSection]:
    settings, _ = read_settings(workspace)
    return report.funds_section(workspace, period, settings)


def _budget_panel(workspace: Any) -> Any:
    from .panel import build  # Textual only when the TUI asks for the panel

    return build(workspace)


@hookimpl
def unioncore_tui_panels(workspace: Workspace) -> list[TuiPanel]:
    return [TuiPanel("policy.budget", "预算执行", _budget_panel)]


@hookimpl
def unioncore_demo_data(workspace: Workspace, rng: random.Random, scale: str) -> list[Problem]:
    """Synthetic records of this plugin for `unioncore demo-data` (see demo_data.py)."""
    from . import demo_data

    return demo_data.generate(workspace, rng, scale)
