"""CLI commands of the reports, exports and imports (issue 7): report, explain, rollup, export, import."""

from __future__ import annotations

import argparse
from typing import Any


def add_commands(sub: Any) -> None:
    """Add this module's subcommands to the `unioncore` parser's subparsers."""
    del sub  # filled in by issue 7


__all__ = ["add_commands", "argparse"]
