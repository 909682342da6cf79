"""Exports: members, ledger, events and statistics to Excel; the ledger to beancount."""

from .beancount import export_beancount, render_beancount
from .xlsx import EXPORTS, export_xlsx

__all__ = ["EXPORTS", "export_beancount", "export_xlsx", "render_beancount"]
