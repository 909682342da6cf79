"""Money is exact to the fen: Decimal sums over 200,000 entries equal integer-fen arithmetic."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

from conftest import write_workspace

import unioncore
from unioncore import Period


def test_sums_over_200000_entries_are_exact(tmp_path: Path) -> None:
    rng = random.Random(2026)
    files = {}
    income_fen = expense_fen = 0
    n = 0
    for part in range(20):
        chunks = []
        for _ in range(10_000):
            n += 1
            fen = rng.randrange(1, 10_000_00)
            income = n % 3 == 0
            if income:
                income_fen += fen
            else:
                expense_fen += fen
            account = "401" if income else "50102"
            chunks.append(
                f'[[entry]]\nvoucher = "{n}"\ndate = 2026-{(n % 12) + 1:02d}-15\naccount = "{account}"\n'
                f'amount = "{fen // 100}.{fen % 100:02d}"\n'
            )
        files["orgs/A/ledger/2026.toml" if part == 0 else f"orgs/U{part}/ledger/2026.toml"] = "\n".join(
            chunks
        )
        if part:
            files[f"orgs/U{part}/organisation.toml"] = (
                f'[organisation]\ncode = "U{part}"\nname = "工会{part}"\nkind = "基层工会"\nparent = "F"\n'
            )
    root = write_workspace(tmp_path / "ws", files)
    ws, problems = unioncore.load(root)
    assert not [p for p in problems if p.is_error]
    figures = {f.key: f for f in ws.figures(Period.year(2026))[0]}
    assert figures["funds.income"].value == Decimal(income_fen).scaleb(-2)
    assert figures["funds.expense"].value == Decimal(expense_fen).scaleb(-2)
    assert len(figures["funds.income"].refs) + len(figures["funds.expense"].refs) == 200_000
    # a float, a negative amount, three decimals and a word are each a problem with its line
    bad = write_workspace(
        tmp_path / "bad",
        {
            "orgs/A/ledger/2026.toml": """
                [[entry]]
                voucher = "1"
                date = 2026-01-01
                account = "401"
                amount = 0.1

                [[entry]]
                voucher = "2"
                date = 2026-01-01
                account = "401"
                amount = "-10.00"

                [[entry]]
                voucher = "3"
                date = 2026-01-01
                account = "401"
                amount = "10.001"

                [[entry]]
                voucher = "4"
                date = 2026-01-01
                account = "401"
                amount = "十元"
            """
        },
    )
    _, problems = unioncore.load(bad)
    lines = sorted(p.line for p in problems if p.file == "orgs/A/ledger/2026.toml" and p.line)
    assert lines == [5, 11, 17, 23]
