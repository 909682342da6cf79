"""`unioncore explain`: the records behind a figure, by key or label, personal numbers masked."""

from __future__ import annotations

from conftest import open_ws
from report_helpers import ric

from unioncore.cli import main
from unioncore.identifiers import mask_phone, mask_ric
from unioncore.reports.explain import explain

ID_1 = ric(born="19900307", seq="124")  # even sequence: 女
ID_2 = ric(born="19850101", seq="131")  # odd: 男
ID_3 = ric(born="19921212", seq="246")

FILES = {
    "orgs/A/members.toml": f"""
        [[member]]
        id = "M1"
        name = "张丽"
        gender = "女"
        id_number = "{ID_1}"
        phone = "13812345678"
        joined = 2020-01-01

        [[member]]
        id = "M2"
        name = "王强"
        gender = "男"
        id_number = "{ID_2}"
        joined = 2020-01-01

        [[member]]
        id = "M3"
        name = "李芳"
        gender = "女"
        id_number = "{ID_3}"
        phone = "13987654321"
        joined = 2021-01-01
    """,
    "orgs/A/ledger/2026.toml": """
        [[entry]]
        voucher = "记-1"
        date = 2026-01-10
        account = "401"
        amount = "300.00"
        memo = "1月会费"
    """,
}


def test_explain_by_key_and_by_label(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws, problems = open_ws(make_workspace(FILES))
    assert [p.format() for p in problems if p.is_error] == []
    [x], _ = explain(ws, "members.female", 2026)
    assert x.figure.value == 2
    assert [r.ref for r in x.records] == ["member:M1", "member:M3"]
    assert x.records[0].location == "orgs/A/members.toml:1:1"
    assert mask_ric(ID_1) in x.records[0].text and ID_1 not in x.records[0].text
    assert mask_phone("13812345678") in x.records[0].text
    by_label, _ = explain(ws, "女会员", 2026)
    assert [e.figure.key for e in by_label] == ["members.female"]
    [income], _ = explain(ws, "funds.income", 2026)
    assert [r.text for r in income.records] == ["A 记-1 2026-01-10 401 会费收入 300.00元 1月会费"]
    assert income.records[0].location.startswith("orgs/A/ledger/2026.toml:")


def test_a_figure_nothing_supports_is_said_to_be_unprinted(make_workspace, capsys) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace(FILES)
    assert main(["explain", str(root), "members.status.left"]) == 0
    out = capsys.readouterr().out
    assert "没有记录支持这个指标，报表中不打印它" in out


def test_cli_lists_records_masked(make_workspace, capsys) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace(FILES)
    assert main(["explain", str(root), "女会员"]) == 0
    out = capsys.readouterr().out
    assert "女会员（members.female）= 2人" in out
    assert "背后的记录（2 条）" in out
    assert "orgs/A/members.toml:1:1" in out
    assert mask_ric(ID_3) in out and ID_3 not in out and "13987654321" not in out
    assert main(["explain", str(root), "没有这个指标"]) == 1
    assert "没有找到指标" in capsys.readouterr().err
