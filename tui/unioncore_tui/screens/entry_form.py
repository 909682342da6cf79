"""The ledger entry form (记账): account from the chart, amount as a decimal, optional member/event.

The core has no method to change or delete an entry yet, so the TUI only adds entries."""

from __future__ import annotations

from typing import Any

from unioncore.ledger import ENTRY_FIELDS, Entry
from unioncore.schema import Field, check_values

from ..session import Session, next_id
from ..widgets.form import FieldRow, rows_for
from .form_screen import RecordForm, given

LEDGER_ORG_FIELD = Field("org", label="记账单位", required=True, ref="organisation")


class EntryForm(RecordForm[Entry]):
    form_title = "记一笔账"
    note = "金额填正数（元，至多两位小数）；方向不填按科目的正常方向，对方科目不填为 102 银行存款。"

    def __init__(self, session: Session, org: str | None, year: int) -> None:
        super().__init__(session)
        self.org = org
        self.year = year

    def build_rows(self) -> list[FieldRow]:
        ws = self.ws
        org = ws.organisations.get(self.org or "")
        level = org.kind.account_level if org else None
        accounts = [a for a in ws.chart.ordered() if level is None or level in a.levels]
        account_choices = [(a.label, a.code) for a in accounts]
        vouchers = [e.voucher for e in ws.ledger(org=self.org, year=self.year)] if self.org else []
        day = ws.as_of if ws.as_of.year == self.year else None
        values: dict[str, Any] = {
            "voucher": next_id(vouchers, "记-001"),
            "date": day.isoformat() if day else f"{self.year}-",
        }
        rows = [
            FieldRow(
                LEDGER_ORG_FIELD,
                self.org,
                resolver=self.session.describe,
                suggestions=sorted(ws.organisations),
            )
        ]
        rows += rows_for(
            ENTRY_FIELDS,
            values,
            resolver=self.session.describe,
            choices={"account": account_choices, "cash": account_choices},
            suggestions={"event": sorted(ws.events)[-500:]},
        )
        return rows

    def check(self, values: dict[str, Any]) -> list[tuple[str, str]]:
        errors = check_values({k: v for k, v in values.items() if k != "org"}, ENTRY_FIELDS)
        if not values.get("org"):
            errors.append(("org", "请填写记账单位"))
        return errors

    def submit(self, values: dict[str, Any]) -> Entry:
        org = str(values.get("org") or "")
        return self.ws.add_entry(org, **given({k: v for k, v in values.items() if k != "org"}))
