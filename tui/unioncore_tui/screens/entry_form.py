"""The ledger entry form: record a new entry (记账, `Workspace.add_entry`) or change one
(`Workspace.update_entry`): account from the chart, amount as a decimal, optional member/event."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from unioncore.ledger import ENTRY_FIELDS, Entry
from unioncore.schema import Field, check_values

from ..session import Session, next_id
from ..widgets.form import FieldRow, rows_for
from .form_screen import RecordForm, given

LEDGER_ORG_FIELD = Field("org", label="记账单位", required=True, ref="organisation")


def form_values(entry: Entry) -> dict[str, Any]:
    """An entry's values as the form shows them (dates and amounts as text)."""
    out: dict[str, Any] = {}
    for key, value in entry.values().items():
        if isinstance(value, datetime.date):
            value = value.isoformat()
        elif isinstance(value, Decimal):
            value = f"{value:.2f}"
        out[key] = value
    return out


class EntryForm(RecordForm[Entry]):
    note = "金额填正数（元，至多两位小数）；方向不填按科目的正常方向，对方科目不填为 102 银行存款。"

    def __init__(self, session: Session, org: str | None, year: int, entry: Entry | None = None) -> None:
        super().__init__(session)
        self.org = org
        self.year = year
        self.entry = entry
        if entry is None:
            self.form_title = "记一笔账"
        else:
            self.form_title = (
                f"修改凭证：{entry.voucher}（{session.org_label(entry.org)} {entry.date.year}年）"
            )

    def build_rows(self) -> list[FieldRow]:
        ws = self.ws
        org = ws.organisations.get(self.org or "")
        level = org.kind.account_level if org else None
        accounts = [a for a in ws.chart.ordered() if level is None or level in a.levels]
        account_choices = [(a.label, a.code) for a in accounts]
        if self.entry is None:
            vouchers = [e.voucher for e in ws.ledger(org=self.org, year=self.year)] if self.org else []
            day = ws.as_of if ws.as_of.year == self.year else None
            values: dict[str, Any] = {
                "voucher": next_id(vouchers, "记-001"),
                "date": day.isoformat() if day else f"{self.year}-",
            }
        else:
            values = form_values(self.entry)
            # an account outside the organisation's level stays selectable (the checks say why)
            for code in (self.entry.account, self.entry.cash):
                a = ws.chart.get(code) if code else None
                if code and code not in {c for _, c in account_choices}:
                    account_choices.append((a.label if a else code, code))
        rows = [
            FieldRow(
                LEDGER_ORG_FIELD,
                self.org,
                resolver=self.session.describe,
                suggestions=sorted(ws.organisations),
                read_only=self.entry is not None,  # an entry stays in its organisation's ledger
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
        if self.entry is None and not values.get("org"):
            errors.append(("org", "请填写记账单位"))
        return errors

    def submit(self, values: dict[str, Any]) -> Entry:
        fields = {k: v for k, v in values.items() if k != "org"}
        if self.entry is not None:
            # every field is passed, so one the officer emptied is cleared
            return self.ws.update_entry(self.entry.ref, **fields)
        org = str(values.get("org") or "")
        return self.ws.add_entry(org, **given(fields))
