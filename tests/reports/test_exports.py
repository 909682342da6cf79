"""Excel exports (members, ledger, events, statistics) and the beancount ledger, checked by bean-check."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import open_ws
from report_helpers import copy_example, ric, xlsx_rows

import unioncore
from unioncore.cli import main
from unioncore.exports.beancount import ascii_component, render_beancount

BEAN_CHECK = Path(sys.executable).with_name("bean-check")

ID = ric(born="19900307", seq="124")
FILES = {
    "orgs/A/members.toml": f"""
        [[member]]
        id = "M1"
        name = "张丽"
        gender = "女"
        id_number = "{ID}"
        phone = "13812345678"
        joined = 2020-01-01
    """,
    "orgs/A/events/2026.toml": """
        [[event]]
        id = "E1"
        type = "culture_sports"
        title = "篮球赛"
        start = 2026-05-01
        participants = ["M1"]
    """,
    "orgs/A/ledger/2026.toml": """
        [opening]
        102 = "1000.00"
        211 = "50.00"

        [[entry]]
        voucher = "记-1"
        date = 2026-01-10
        account = "401"
        amount = "300.00"

        [[entry]]
        voucher = "记-2"
        date = 2026-05-01
        account = "50102"
        amount = "120.00"
        event = "E1"
        memo = "篮球赛奖品"
        recipients = ["M1"]

        [[entry]]
        voucher = "记-3"
        date = 2026-06-01
        account = "211"
        amount = "50.00"
        side = "借"
    """,
}


def test_members_masked_unless_revealed(make_workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace(FILES)
    assert main(["export", str(root), "--what", "members", "--out", str(tmp_path / "m.xlsx")]) == 0
    [sheet] = xlsx_rows(tmp_path / "m.xlsx").values()
    header = sheet[1]
    row = dict(zip(header, sheet[2], strict=True))
    assert row["姓名"] == "张丽" and row["所在工会"] == "甲公司工会"
    assert row["公民身份号码"] == ID[:4] + "**********" + ID[-4:]
    assert row["手机"] == "138****5678"
    assert (
        main(["export", str(root), "--what", "members", "--out", str(tmp_path / "r.xlsx"), "--reveal"]) == 0
    )
    [sheet] = xlsx_rows(tmp_path / "r.xlsx").values()
    row = dict(zip(sheet[1], sheet[2], strict=True))
    assert row["公民身份号码"] == ID and row["手机"] == "13812345678"


def test_ledger_events_and_stats(make_workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace(FILES)
    for what in ("ledger", "events", "stats"):
        assert main(["export", str(root), "--what", what, "--out", str(tmp_path / f"{what}.xlsx")]) == 0
    ledger = xlsx_rows(tmp_path / "ledger.xlsx")
    entries = ledger["凭证"][2:]
    assert [(r[1], r[3], Decimal(str(r[6]))) for r in entries] == [
        ("记-1", "401", Decimal("300")),
        ("记-2", "50102", Decimal("120")),
        ("记-3", "211", Decimal("50")),
    ]
    assert entries[1][13] == "M1 张丽"
    assert ledger["期初余额"][2][2:] == ("102", "银行存款", 1000)
    events = xlsx_rows(tmp_path / "events.xlsx")["活动"]
    assert events[2][:4] == ("E1", "文体活动", "篮球赛", "2026-05-01")
    stats = xlsx_rows(tmp_path / "stats.xlsx")["统计"]
    total = next(r for r in stats if r[-1] == "members.total")
    assert total[2] == 1 and total[4] == 1


def test_beancount_of_the_example_passes_bean_check(tmp_path: Path) -> None:
    ws_dir = copy_example(tmp_path)
    out = tmp_path / "ledger.beancount"
    assert main(["export-beancount", str(ws_dir), "--out", str(out)]) == 0
    result = subprocess.run([str(BEAN_CHECK), str(out)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    text = out.read_text(encoding="utf-8")
    ws, _ = unioncore.load(ws_dir)
    entries = sum(len(v) for v in ws.entries.values())
    assert text.count('\n  voucher: "') == entries
    assert "open Expenses:XF-01:U501:U50105 CNY" in text and '  name: "会员活动支出"' in text


def test_beancount_transactions_metadata_and_opening(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws, _ = open_ws(make_workspace(FILES))
    text, problems = render_beancount(ws)
    assert problems == []
    assert '2026-05-01 * "篮球赛奖品" ^E1\n  voucher: "记-2"\n  org: "A"' in text
    assert '  recipients: "M1"' in text
    assert "  Expenses:A:U501:U50102  120.00 CNY\n  Assets:A:U102  -120.00 CNY" in text
    # opening: assets debit (+), liabilities credit (−), against Equity
    assert (
        "  Assets:A:U102  1000.00 CNY\n  Liabilities:A:U211  -50.00 CNY\n  Equity:A:Opening-Balances" in text
    )
    # closing cash asserted against unioncore's own balance
    assert f"2027-01-01 balance Assets:A:U102 {ws.balance('A', '102', 2026):.2f} CNY" in text


@pytest.mark.parametrize(("opening", "padded"), [("1130.00", False), ("1200.00", True)])
def test_beancount_later_years_assert_or_pad_the_opening(
    make_workspace, tmp_path: Path, opening: str, padded: bool
) -> None:  # type: ignore[no-untyped-def]
    files = {
        "orgs/A/ledger/2025.toml": """
            [opening]
            102 = "1000.00"

            [[entry]]
            voucher = "记-1"
            date = 2025-03-01
            account = "401"
            amount = "130.00"
        """,
        "orgs/A/ledger/2026.toml": f"""
            [opening]
            102 = "{opening}"
            322 = "1130.00"

            [[entry]]
            voucher = "记-1"
            date = 2026-03-01
            account = "401"
            amount = "70.00"
        """,
    }
    ws, _ = open_ws(make_workspace(files))
    text, _ = render_beancount(ws)
    assert f"2026-01-01 balance Assets:A:U102 {opening} CNY" in text
    assert ("2025-12-31 pad Assets:A:U102 Equity:A:Opening-Balances" in text) is padded
    out = tmp_path / "multi.beancount"
    out.write_text(text, encoding="utf-8")
    result = subprocess.run([str(BEAN_CHECK), str(out)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_account_components_are_ascii() -> None:
    assert ascii_component("XF-01") == "XF-01"
    assert ascii_component("幸福_01") == "XINGFU-01"
    assert ascii_component("_a") == "A"
    assert ascii_component("-") == "O"
