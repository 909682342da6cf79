"""Hook implementations of the ankang plugin (registered under the entry-point group `unioncore`).

Textual is imported only inside the panel factory, so the plugin works with the core alone.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from unioncore import Collection, EventType, Figure, Period, Problem, ReportSection, Rule, TuiPanel, hookimpl

from . import evaluation, hazards, report, stats
from .model import COLLECTIONS, EVENT_TYPES
from .rules import RULES
from .settings import read_settings

if TYPE_CHECKING:
    from unioncore import Workspace


@hookimpl
def unioncore_event_types() -> list[EventType]:
    return list(EVENT_TYPES)


@hookimpl
def unioncore_collections() -> list[Collection]:
    return list(COLLECTIONS)


@hookimpl
def unioncore_rules() -> list[Rule]:
    return list(RULES)


@hookimpl
def unioncore_validate(workspace: Workspace) -> list[Problem]:
    settings, problems = read_settings(workspace)
    return problems + hazards.check(workspace, settings) + evaluation.check(workspace, settings)


@hookimpl
def unioncore_statistics(workspace: Workspace, period: Period) -> list[Figure]:
    return stats.figures(workspace, period)


@hookimpl
def unioncore_report_sections(workspace: Workspace, period: Period) -> list[ReportSection]:
    return report.sections(workspace, period)


def _hazard_panel(workspace: Any) -> Any:
    from .panel import build

    return build(workspace)


@hookimpl
def unioncore_tui_panels() -> list[TuiPanel]:
    return [TuiPanel("ankang.hazards", "安康杯·隐患", _hazard_panel)]


@hookimpl
def unioncore_demo_data(workspace: Workspace, rng: random.Random, scale: str) -> list[Problem]:
    """Synthetic records of this plugin for `unioncore demo-data` (see demo_data.py)."""
    from . import demo_data

    return demo_data.generate(workspace, rng, scale)
