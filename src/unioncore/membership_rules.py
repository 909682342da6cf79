"""Membership rules of issue 3 (章程 Art 5, 6, 8; 会籍管理办法)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .problems import Problem
from .registry import Rule

if TYPE_CHECKING:
    from .workspace import Workspace

RULES: list[Rule] = []


def check(ws: Workspace) -> list[Problem]:
    return []
