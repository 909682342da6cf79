"""Hook implementations of the assistance plugin (registered under the entry-point group `unioncore`)."""

from __future__ import annotations

import random
from typing import Any

from unioncore import Collection, Figure, Period, Problem, ReportSection, Rule, TuiPanel, Workspace, hookimpl

from . import report, rules, stats
from .records import COLLECTIONS


@hookimpl
def unioncore_collections() -> list[Collection]:
    return list(COLLECTIONS)


@hookimpl
def unioncore_rules() -> list[Rule]:
    return list(rules.RULES)


@hookimpl
def unioncore_validate(workspace: Workspace) -> list[Problem]:
    return rules.check(workspace)


@hookimpl
def unioncore_statistics(workspace: Workspace, period: Period) -> list[Figure]:
    return stats.figures(workspace, period)


@hookimpl
def unioncore_report_sections(workspace: Workspace, period: Period) -> list[ReportSection]:
    return report.section(workspace, period)


def _panel(workspace: Workspace) -> Any:
    from .panel import AssistancePanel  # Textual only when the TUI asks for the tab

    return AssistancePanel(workspace)


@hookimpl
def unioncore_tui_panels(workspace: Workspace) -> list[TuiPanel]:
    return [TuiPanel("assistance", "困难帮扶", _panel)]


@hookimpl
def unioncore_demo_data(workspace: Workspace, rng: random.Random, scale: str) -> list[Problem]:
    """Synthetic records of this plugin for `unioncore demo-data` (see demo_data.py)."""
    from . import demo_data

    return demo_data.generate(workspace, rng, scale)
