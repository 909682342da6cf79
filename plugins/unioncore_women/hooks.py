"""Hook implementations of the women plugin (registered under the entry-point group `unioncore`).

The plugin works with the core alone: Textual is imported only when the TUI builds the panel.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from unioncore import Collection, Figure, Period, Problem, ReportSection, Rule, TuiPanel, hookimpl

from . import committee, delegates, honours, insurance, report, special_contracts, stats
from .records import COLLECTIONS
from .rules import RULES
from .settings import load_settings

if TYPE_CHECKING:
    from unioncore import Workspace


@hookimpl
def unioncore_collections() -> list[Collection]:
    return COLLECTIONS


@hookimpl
def unioncore_rules() -> list[Rule]:
    return RULES


@hookimpl
def unioncore_validate(workspace: Workspace) -> list[Problem]:
    settings, problems = load_settings(workspace)
    return (
        problems
        + committee.check(workspace, settings)
        + delegates.check(workspace, settings)
        + insurance.check(workspace, settings)
        + special_contracts.check(workspace, settings)
        + honours.check(workspace, settings)
    )


@hookimpl
def unioncore_statistics(workspace: Workspace, period: Period) -> list[Figure]:
    settings, _ = load_settings(workspace)
    return stats.figures(workspace, period, settings)


@hookimpl
def unioncore_report_sections(workspace: Workspace, period: Period) -> list[ReportSection]:
    settings, _ = load_settings(workspace)
    return report.section(stats.figures(workspace, period, settings))


def _panel(workspace: Any) -> Any:
    from .panel import WomenPanel  # Textual only when the TUI asks for the panel

    return WomenPanel(workspace)


@hookimpl
def unioncore_tui_panels(workspace: Workspace) -> list[TuiPanel]:
    return [TuiPanel("women", "女职工", _panel)]


@hookimpl
def unioncore_demo_data(workspace: Workspace, rng: random.Random, scale: str) -> list[Problem]:
    """Synthetic records of this plugin for `unioncore demo-data` (see demo_data.py)."""
    from . import demo_data

    return demo_data.generate(workspace, rng, scale)
