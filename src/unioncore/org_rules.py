"""Organisation rules of issue 3 (工会法 Art 11, 16; 章程 Art 26; 女职委条例 Art 11)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .problems import Problem
from .registry import Rule

if TYPE_CHECKING:
    from .workspace import Workspace

RULES: list[Rule] = []


def check(ws: Workspace) -> list[Problem]:
    return []
