"""Imports: a member roster (花名册) from Excel."""

from .roster import HEADERS, ImportResult, RowProblem, import_roster, read_roster

__all__ = ["HEADERS", "ImportResult", "RowProblem", "import_roster", "read_roster"]
