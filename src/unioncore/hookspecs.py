"""Every hook a plugin can implement. The docstrings are the plugin documentation.

A plugin is a module (or object) with functions named like these hooks, decorated with
`unioncore.hookimpl`, and registered under the entry-point group `unioncore`::

    [project.entry-points.unioncore]
    bookcorner = "unioncore_bookcorner"

The entry-point name is the plugin's name: the one a workspace lists in `unioncore.toml`
(`[plugins] enabled = [...]`), under which its files live (`plugins/<name>/`) and which problems
name. Hooks are called with keyword arguments; a hook may take only the arguments it needs.
Every hook returns a list (or None); the core gathers the lists of all plugins. A hook that raises
or returns the wrong type becomes a problem naming the plugin and the hook; the rest goes on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

# mypy: disable-error-code="empty-body"

if TYPE_CHECKING:
    import random

    from .problems import Problem
    from .registry import (
        Collection,
        EventType,
        Figure,
        MemberCategory,
        Period,
        ReportSection,
        Rule,
        TuiPanel,
    )
    from .workspace import Workspace

PROJECT = "unioncore"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def unioncore_event_types() -> list[EventType]:
    """Event/activity types this plugin adds, each with its own fields.

    Events of the type are ordinary events (`orgs/<code>/events/<year>.toml`) whose `type` is the
    type's id; the type's fields are keys of the event's table, checked like core fields.
    """


@hookspec
def unioncore_member_categories() -> list[MemberCategory]:
    """Member categories this plugin adds (e.g. 困难职工 with a file number)."""


@hookspec
def unioncore_collections() -> list[Collection]:
    """Record collections this plugin owns. The core loads every `*.toml` under the workspace's
    `plugins/<name>/` folder, decodes each `[[<collection>]]` table against the collection's fields,
    checks references and duplicate keys, and saves changed files with the core's guarantees
    (atomic, only changed files, never a file that failed to load)."""


@hookspec
def unioncore_rules() -> list[Rule]:
    """Rules this plugin checks, so that `unioncore rules` lists them and a workspace can switch
    them off or re-level them under `[rules]` in `unioncore.toml`."""


@hookspec
def unioncore_validate(workspace: Workspace) -> list[Problem]:
    """Check the workspace and return problems. Use `workspace.rule_problem(rule, kind, key, message,
    field=...)` (or `problem_at`) to give a problem the file and line of a record and the registered
    rule's severity and source. Never change the workspace here."""


@hookspec
def unioncore_statistics(workspace: Workspace, period: Period) -> list[Figure]:
    """Figures for the period, each with the records behind it (`refs`)."""


@hookspec
def unioncore_report_sections(workspace: Workspace, period: Period) -> list[ReportSection]:
    """Sections of the year-end 工作总结 for this plugin's area of work."""


@hookspec
def unioncore_tui_panels(workspace: Workspace) -> list[TuiPanel]:
    """Tabs for the terminal UI. The core never imports Textual: a panel's factory builds the widget
    when the TUI asks for it."""


@hookspec
def unioncore_demo_data(workspace: Workspace, rng: random.Random, scale: str) -> list[Problem]:
    """Add synthetic records of this plugin's own collections to a freshly generated demo workspace
    (`unioncore demo-data DIR --scale small|district`).

    Called once, after the core has written the organisations, members, events and ledger of the
    demo and before it saves. Add records only through the workspace's API (`workspace.add_record`,
    `update_record`, `add_event`, `add_entry` …) so they are validated like an officer's, and
    reference only what exists (`workspace.members`, `workspace.organisations`, `workspace.events`,
    `workspace.entries`). Take every random choice from `rng` (never the `random` module, the clock
    or a set's order), so that the same seed gives byte-identical files. `scale` is "small" (the
    example 街道总工会: a few records of each kind) or "district" (a 区总工会 of 2,000 unions and
    100,000 members: volumes of a real district, generated in a few seconds). The records should
    pass the plugin's own rules (a few realistic warnings are fine). Return the problems met (e.g.
    records that could not be made), or nothing; a hook that raises is reported by the plugin's name
    and the demo is still written with the other plugins' data.
    """
