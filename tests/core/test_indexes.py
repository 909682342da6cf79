"""Indexes the workspace keeps between queries (children of an organisation, the sorted ledger)
are rebuilt after every change: a query never answers from a stale one."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

from conftest import open_ws


def test_children_and_ledger_follow_changes(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws, _ = open_ws(make_workspace())
    assert [o.code for o in ws.children("F")] == ["A"]
    assert ws.ledger() == []
    ws.add_organisation(code="B", name="乙公司工会", kind="基层工会", parent="F")
    assert sorted(o.code for o in ws.children("F")) == ["A", "B"]
    assert sorted(o.code for o in ws.descendants("F")) == ["A", "B"]
    day = datetime.date(2026, 3, 1)
    ws.add_entry("A", voucher="记-001", date=day, account="401", amount=Decimal("100.00"), memo="会费")
    assert [e.voucher for e in ws.ledger()] == ["记-001"]
    ws.add_entry("A", voucher="记-002", date=day.replace(day=2), account="50101", amount=Decimal("30.00"))
    assert [e.voucher for e in ws.ledger(account="501")] == ["记-002"]
    assert [e.voucher for e in ws.ledger(year=2026)] == ["记-001", "记-002"]
    ws.update_organisation("B", parent="A")
    assert [o.code for o in ws.children("F")] == ["A"]
    assert [o.code for o in ws.children("A")] == ["B"]


def test_ledger_of_all_is_sorted_like_one_organisations(make_workspace) -> None:  # type: ignore[no-untyped-def]
    path: Path = make_workspace(
        {
            "orgs/A/ledger/2026.toml": """
                [[entry]]
                voucher = "2"
                date = 2026-02-01
                account = "401"
                amount = "5.00"

                [[entry]]
                voucher = "1"
                date = 2026-01-01
                account = "401"
                amount = "7.00"
            """,
        }
    )
    ws, _ = open_ws(path)
    assert [e.voucher for e in ws.ledger()] == [e.voucher for e in ws.ledger(org="A")] == ["1", "2"]
    returned = ws.ledger()
    returned.clear()  # a caller's list is its own
    assert len(ws.ledger()) == 2


def test_derived_is_rebuilt_when_what_it_read_changes(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws, _ = open_ws(make_workspace())
    builds: list[int] = []

    def build() -> int:
        builds.append(1)
        return len(ws.organisations)

    source: dict[str, int] = {}
    assert ws.derived("test.count", build, source) == 2
    assert ws.derived("test.count", build, source) == 2 and len(builds) == 1  # kept
    source["x"] = 1  # a mapping it read grew (filled directly, not through the API)
    ws.derived("test.count", build, source)
    assert len(builds) == 2
    ws.config.settings["as_of"] = datetime.date(2027, 1, 1)  # another day: day-dependent rules
    ws.derived("test.count", build, source)
    assert len(builds) == 3
    ws.add_organisation(code="C", name="丙公司工会", kind="基层工会", parent="F")
    assert ws.derived("test.count", build, source) == 3 and len(builds) == 4
