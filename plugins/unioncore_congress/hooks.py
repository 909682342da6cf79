"""Hook implementations of the congress plugin (registered under the entry-point group `unioncore`).

职工代表大会 sessions and committee meetings are core events; this plugin adds their resolutions and
votes, 职代会提案 with their path, 合理化建议 and 厂务公开, the rules on them, figures, a report section
and a TUI tab.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from unioncore import Collection, Figure, Period, Problem, ReportSection, Rule, TuiPanel, hookimpl

from . import disclosures, proposals, report, sessions, settings, stats, suggestions
from .records import COLLECTIONS

if TYPE_CHECKING:
    from unioncore import Workspace

RULES = [
    Rule(
        settings.RULE,
        "unioncore.toml 中 congress 插件的设置（settings.congress）有效",
        source=settings.SOURCE,
    ),
    *sessions.RULES,
    *proposals.RULES,
    *suggestions.RULES,
    *disclosures.RULES,
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
    return (
        problems
        + sessions.check(workspace, conf)
        + proposals.check(workspace, conf)
        + suggestions.check(workspace, conf)
        + disclosures.check(workspace)
    )


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
    return [TuiPanel("congress", "职代会", _panel)]


@hookimpl
def unioncore_demo_data(workspace: Workspace, rng: random.Random, scale: str) -> list[Problem]:
    """Synthetic records of this plugin for `unioncore demo-data` (see demo_data.py)."""
    from . import demo_data

    return demo_data.generate(workspace, rng, scale)
