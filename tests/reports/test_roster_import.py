"""花名册 import: usual headers, a user mapping, every bad row reported, all or nothing, no duplicates."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from conftest import open_ws, snapshot_bytes
from openpyxl import Workbook  # type: ignore[import-untyped]
from report_helpers import ric

from unioncore.cli import main
from unioncore.imports.roster import RosterError, import_roster
from unioncore.member import Status

MEMBERS = {
    "orgs/A/members.toml": f"""
        [[member]]
        id = "M000007"
        name = "老会员"
        gender = "男"
        id_number = "{ric(born="19800101", seq="011")}"
        joined = 2010-01-01
    """,
    "orgs/B/organisation.toml": """
        [organisation]
        code = "B"
        name = "乙公司工会"
        kind = "基层工会"
        parent = "F"
    """,
}

HEADER = ["序号", "姓名", "性别", "身份证号", "手机", "所在单位", "入会时间", "学历", "工号", "是否农民工"]


def roster(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    wb = Workbook()
    sheet = wb.active
    sheet.append(["甲公司工会会员花名册"])  # the usual title row above the header
    sheet.append(header)
    for r in rows:
        sheet.append(r)
    wb.save(str(path))
    return path


GOOD = [
    [
        1,
        "张丽",
        "女",
        ric(born="19900307", seq="124"),
        "13812345678",
        "甲公司工会",
        datetime.datetime(2024, 3, 1),
        "本科",
        "G001",
        "否",
    ],
    [
        2,
        "王强",
        "男",
        ric(born="19850101", seq="131"),
        13987654321,
        "乙公司",
        "2025/7/17",
        "高中",
        "G002",
        "是",
    ],
    [3, "李芳", "", ric(born="19921212", seq="246"), "", "A", "2026年1月5日", "", "", ""],
    [4, "老会员", "男", ric(born="19800101", seq="011"), "", "甲公司工会", "2010-01-01", "", "", ""],
]


def test_good_import_adds_members_and_a_second_import_adds_none(make_workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace(MEMBERS)
    path = roster(tmp_path / "花名册.xlsx", GOOD)
    ws, _ = open_ws(root)
    result = import_roster(ws, path, mapping={"工号": "card_no"})
    assert [p.format() for p in result.problems] == []
    assert result.columns["身份证号"] == "id_number" and result.columns["工号"] == "card_no"
    assert set(result.ignored) == {"序号", "学历"}
    assert [p.row for p in result.added] == [3, 4, 5]
    assert [p.row for p in result.skipped] == [6]  # 老会员 is already M000007
    assert result.saved == ("orgs/A/members.toml", "orgs/B/members.toml")
    ws, problems = open_ws(root)
    assert [p.format() for p in problems if p.is_error] == []
    zhang = ws.member_by_id_number(GOOD[0][3])  # type: ignore[arg-type]
    wang = ws.member_by_id_number(GOOD[1][3])  # type: ignore[arg-type]
    li = ws.member_by_id_number(GOOD[2][3])  # type: ignore[arg-type]
    assert zhang is not None and wang is not None and li is not None
    assert (zhang.id, zhang.org, zhang.joined, zhang.card_no) == (
        "M000008",
        "A",
        datetime.date(2024, 3, 1),
        "G001",
    )
    assert (wang.org, wang.phone, wang.joined, wang.categories) == (
        "B",
        "13987654321",
        datetime.date(2025, 7, 17),
        ("migrant_worker",),
    )
    assert (li.gender, li.status, li.joined) == ("女", Status.ACTIVE, datetime.date(2026, 1, 5))
    assert li.history[0].kind.value == "入会"
    before = snapshot_bytes(root)
    ws, _ = open_ws(root)
    again = import_roster(ws, path, mapping={"工号": "card_no"})
    assert again.added == () and len(again.skipped) == 4 and again.problems == ()
    assert snapshot_bytes(root) == before


def test_bad_rows_change_nothing_and_each_is_reported(make_workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace(MEMBERS)
    good_id = ric(born="19950505", seq="222")
    bad_check = ric(born="19930303", seq="333")[:-1] + "0"
    if bad_check == ric(born="19930303", seq="333"):
        bad_check = bad_check[:-1] + "1"
    rows = [
        [1, "赵敏", "女", good_id, "", "A", "2024-01-01", "", "", ""],
        [2, "钱多", "男", bad_check, "", "A", "2024-01-01", "", "", ""],
        [3, "孙悟", "男", ric(born="19960606", seq="111"), "12345", "不存在公司", "2024-01-01", "", "", ""],
        [4, "", "男", ric(born="19970707", seq="131"), "", "A", "2024-13-45", "", "", ""],
        [5, "周数", "男", 110105199001011234, "", "A", "", "", "", ""],
        [6, "赵敏", "女", good_id, "", "A", "2024-01-01", "", "", ""],
        [7, "吴男", "女", ric(born="19980808", seq="135"), "", "A", "", "", "", ""],
    ]
    path = roster(tmp_path / "bad.xlsx", rows)
    before = snapshot_bytes(root)
    ws, _ = open_ws(root)
    result = import_roster(ws, path)
    by_row: dict[int, list[str]] = {}
    for p in result.problems:
        by_row.setdefault(p.row, []).append(p.message)
    assert sorted(by_row) == [4, 5, 6, 7, 9]
    assert any("校验位错误" in m for m in by_row[4])
    assert any("找不到工会“不存在公司”" in m for m in by_row[5])
    assert any("手机号" in m for m in by_row[5])
    assert any("姓名为空" in m for m in by_row[6]) and any("入会时间“2024-13-45”" in m for m in by_row[6])
    assert any("存成了数字" in m for m in by_row[7])
    assert any("性别与公民身份号码不符" in m for m in by_row[9])
    assert [p.row for p in result.skipped] == [8]  # the same person twice: the second row is skipped
    assert result.saved == ()
    assert len(ws.members) == 1  # nothing added in memory either
    assert snapshot_bytes(root) == before
    # no unmasked number in any message
    text = "\n".join(p.format() for p in result.problems + result.skipped)
    assert bad_check not in text and good_id not in text


def test_dry_run_and_cli(make_workspace, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace(MEMBERS)
    path = roster(tmp_path / "花名册.xlsx", GOOD)
    before = snapshot_bytes(root)
    assert main(["import-roster", str(root), str(path), "--map", "工号=card_no", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "将新增 3 名会员" in out and "试运行" in out and "第6行" in out
    assert snapshot_bytes(root) == before
    assert main(["import-roster", str(root), str(path), "--map", "工号=card_no"]) == 0
    assert "已新增 3 名会员" in capsys.readouterr().out
    assert main(["import-roster", str(root), str(path), "--map", "工号=nonsense"]) == 1
    assert "不是可导入的字段" in capsys.readouterr().err


def test_headers_and_default_org(make_workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace(MEMBERS)
    header = ["姓名", "公民身份号码", "联系电话", "入会日期"]
    path = roster(
        tmp_path / "r.xlsx", [["郑和", ric(born="19700101", seq="151"), "010-12345678", "2001.05"]], header
    )
    ws, _ = open_ws(root)
    with pytest.raises(RosterError):
        import_roster(ws, path, org="NOPE")
    result = import_roster(ws, path, org="B", dry_run=True)
    assert result.problems == () and result.added[0].org == "B"
    assert result.added[0].values["joined"] == datetime.date(2001, 5, 1)
    no_org = import_roster(ws, path, dry_run=True)
    assert "没有所在工会" in no_org.problems[0].message
    federation = import_roster(ws, path, org="F", dry_run=True)
    assert "不是基层工会" in federation.problems[0].message
    with pytest.raises(RosterError, match="找不到表头"):
        import_roster(ws, roster(tmp_path / "x.xlsx", [["a", "b"]], ["甲", "乙"]))
