"""Hook implementations of the disputes plugin (registered under the entry-point group `unioncore`).

劳动争议调解 cases and legal-aid consultations: their records, the rules on them (cases open too
long, outcome, 调解协议书, money recovered), figures, a report section and a TUI tab.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from unioncore import Collection, Figure, Period, Problem, ReportSection, Rule, TuiPanel, hookimpl

from . import cases, report, settings, stats
from .records import COLLECTIONS

if TYPE_CHECKING:
    from unioncore import Workspace

RULES = [
    Rule(
        settings.RULE,
        "unioncore.toml 中 disputes 插件的设置（settings.disputes）有效",
        source=settings.SOURCE,
    ),
    *cases.RULES,
]


@hookimpl
def unioncore_collections() -> list[Collection]:
    return list(COLLECTIONS)


@hookimpl
def unioncore_rules() -> list[Rule]:
    return list(RULES)


@hookimpl
def unioncore_validate(workspace: Workspace) -> list[Problem]:
    conf, problems = settings.read(workspace)
    return problems + cases.check(workspace, conf)


@hookimpl
def unioncore_statistics(workspace: Workspace, period: Period) -> list[Figure]:
    conf, _ = settings.read(workspace)
    return stats.figures(workspace, period, conf)


@hookimpl
def unioncore_report_sections(workspace: Workspace, period: Period) -> list[ReportSection]:
    conf, _ = settings.read(workspace)
    return report.section({f.key: f for f in stats.figures(workspace, period, conf)})


def _panel(workspace: Any) -> Any:
    from .panel import build  # Textual is imported only when the TUI asks for the tab

    return build(workspace)


@hookimpl
def unioncore_tui_panels(workspace: Workspace) -> list[TuiPanel]:
    return [TuiPanel("disputes", "劳动争议", _panel)]


@hookimpl
def unioncore_demo_data(workspace: Workspace, rng: random.Random, scale: str) -> list[Problem]:
    """Synthetic records of this plugin for `unioncore demo-data` (see demo_data.py)."""
    from . import demo_data

    return demo_data.generate(workspace, rng, scale)
