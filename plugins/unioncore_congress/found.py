"""A problem found by one of this plugin's rules: severity and source always those the rule registers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from unioncore import Problem, Rule

if TYPE_CHECKING:
    from unioncore import Workspace
    from unioncore.problems import KeyPath


def found(
    ws: Workspace,
    rule: Rule,
    kind: str,
    key: str,
    message: str,
    *,
    field: str | None = None,
    path: KeyPath | None = None,
) -> Problem:
    """`message` located at a record (`kind` as in `Workspace.problem_at`), tagged with `rule`."""
    return ws.problem_at(
        kind, key, message, field=field, path=path, severity=rule.severity, rule=rule.code, source=rule.source
    )
