"""Every kind of bad input is reported with its file and line, all at once, without raising."""

from __future__ import annotations

from pathlib import Path

from conftest import AS_OF, messages, open_ws, write_workspace

import unioncore
from unioncore.cli import main
from unioncore.problems import Severity


def find(problems: list[unioncore.Problem], text: str, file: str | None = None) -> unioncore.Problem:
    hits = [p for p in problems if text in p.message and (file is None or p.file == file)]
    assert hits, f"no problem containing {text!r} in:\n" + "\n".join(messages(problems))
    return hits[0]


def test_broken_toml_reports_file_line_and_column(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"orgs/A/members.toml": '[[member]]\nid = "M1"\nname = 张三\n'})
    _, problems = open_ws(root)
    p = find(problems, "TOML 格式错误")
    assert (p.file, p.line, p.column) == ("orgs/A/members.toml", 3, 8)
    assert p.is_error


def test_every_problem_kind_at_once(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace(
        {
            "orgs/A/members.toml": """
                [[member]]
                id = "M1"
                name = "张三"
                gender = "男"
                id_number = "11010519491231002X"
                joined = 2020-01-01

                [[member]]
                id = "M2"
                name = "李四"
                id_number = "110105194912310021"
                phone = 13800001111
                colour = "蓝"

                [[member]]
                id = "M1"
                name = "重复的人"

                [[member]]
                id = "M3"
                name = "王五"
                joined = "2020-13-01"
                categories = ["astronaut"]
            """,
            "orgs/A/events/2026.toml": """
                [[event]]
                id = "E1"
                type = "culture_sports"
                title = "运动会"
                start = 2026-05-01
                participants = ["M1", "M404"]

                [[event]]
                id = "E2"
                type = "moon_landing"
                title = "登月"
                start = 2026-06-01
            """,
            "orgs/A/ledger/2026.toml": """
                [[entry]]
                voucher = "1"
                date = 2026-01-05
                account = "401"
                amount = 12.5

                [[entry]]
                voucher = "2"
                date = 2026-01-06
                account = "999"
                amount = "10.00"
                member = "M404"

                [[entry]]
                voucher = "2"
                date = 2026-01-07
                account = "401"
                amount = "1.00"
            """,
            "orgs/B/organisation.toml": """
                [organisation]
                code = "B"
                name = "乙公司工会"
                kind = "基层工会"
                parent = "NOPE"
            """,
        }
    )
    ws, problems = open_ws(root)
    cases = {
        "gender/ric": ("性别“男”与公民身份号码不符", "orgs/A/members.toml", 4),
        "ric checksum": ("校验位错误", "orgs/A/members.toml", 11),
        "phone type": ("“手机”应为文本", "orgs/A/members.toml", 12),
        "unknown field": ("未知字段“colour”", "orgs/A/members.toml", 13),
        "duplicate id": ("会员编号“M1”重复", "orgs/A/members.toml", 16),
        "bad date": ("“入会日期”应为日期", "orgs/A/members.toml", 22),
        "unknown category": ("未知的会员类别“astronaut”", "orgs/A/members.toml", 23),
        "missing member ref": ("参加会员“M404”不存在", "orgs/A/events/2026.toml", 6),
        "unknown event type": ("未知的活动类型“moon_landing”", "orgs/A/events/2026.toml", 10),
        "float money": ("金额不能写成浮点数", "orgs/A/ledger/2026.toml", 5),
        "unknown account": ("科目“999”不在会计科目表中", "orgs/A/ledger/2026.toml", 10),
        "entry member ref": ("会员“M404”不存在", "orgs/A/ledger/2026.toml", 12),
        "duplicate voucher": ("凭证号“2”重复", "orgs/A/ledger/2026.toml", 15),
        "missing parent": ("上级工会“NOPE”不存在", "orgs/B/organisation.toml", 5),
    }
    for name, (text, file, line) in cases.items():
        p = find(problems, text, file)
        assert p.line == line, f"{name}: {p.format()}"
        assert p.severity is Severity.ERROR, name
    # the masked number, never the whole one
    assert all("110105194912310021" not in p.message for p in problems)
    # the record with a bad value is still there (the file is kept as it is, never rewritten)
    assert ws.members["M2"].name == "李四"


def test_more_than_two_decimals_is_refused(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace(
        {
            "orgs/A/ledger/2026.toml": """
                [[entry]]
                voucher = "1"
                date = 2026-01-05
                account = "401"
                amount = "1.005"

                [[entry]]
                voucher = "2"
                date = 2026-01-05
                account = "401"
                amount = "abc"

                [[entry]]
                voucher = "3"
                date = 2026-01-05
                account = "401"
                amount = 100

                [[entry]]
                voucher = "4"
                date = 2026-01-05
                account = "401"
                amount_fen = 10050
            """
        }
    )
    ws, problems = open_ws(root)
    assert find(problems, "超过两位小数").line == 5
    assert find(problems, "不是数字").line == 11
    assert find(problems, "以免与“分”混淆").line == 17
    [entry] = ws.ledger(org="A")
    assert str(entry.amount) == "100.50"


def test_structure_problems(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace(
        {
            "orgs/C/members.toml": '[[member]]\nid = "X"\nname = "x"\n',
            "orgs/D/organisation.toml": '[organisation]\ncode = "E"\nname = "错放"\nkind = "基层工会"\n',
            "orgs/A/notes.toml": "a = 1\n",
            "orgs/A/events/plan.toml": "a = 1\n",
            "stray.toml": "a = 1\n",
        }
    )
    _, problems = open_ws(root)
    assert find(problems, "缺少 organisation.toml").file == "orgs/C/"
    assert find(problems, "与文件夹名“D”不一致").line == 2
    assert {p.file for p in problems if "已忽略" in p.message} == {
        "orgs/A/notes.toml",
        "orgs/A/events/plan.toml",
        "stray.toml",
    }


def test_not_a_workspace(tmp_path: Path) -> None:
    ws, problems = unioncore.load(tmp_path)
    assert "找不到 unioncore.toml" in problems[0].message
    assert ws.members == {}


def test_newer_format_is_refused_and_never_written(tmp_path: Path) -> None:
    root = write_workspace(
        tmp_path / "w", config='format_version = 99\n[workspace]\nname = "x"\nyear = 2026\n'
    )
    ws, problems = unioncore.load(root)
    assert "比本程序支持的 1 新" in problems[0].message
    assert ws.organisations == {}


def test_gbk_file_is_not_loaded_and_says_how_to_convert(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace()
    (root / "orgs/A/members.toml").write_bytes('[[member]]\nid = "M1"\nname = "张三"\n'.encode("gbk"))
    ws, problems = open_ws(root)
    p = find(problems, "不是 UTF-8 编码")
    assert "GBK" in p.message and p.line == 3
    assert ws.members == {}


def test_bom_and_crlf_are_read(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace()
    text = '[[member]]\r\nid = "M1"\r\nname = "张三"\r\n'
    (root / "orgs/A/members.toml").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    ws, problems = open_ws(root)
    assert ws.members["M1"].name == "张三"
    bom = find(problems, "BOM")
    assert bom.severity is Severity.HINT
    assert not [p for p in problems if p.is_error]


def test_config_problems(tmp_path: Path) -> None:
    root = write_workspace(
        tmp_path / "w",
        config="""
            format_version = 1
            colour = "red"
            [workspace]
            name = "x"
            year = "2026"
            [rules]
            "org.term-due" = "loud"
            [[account]]
            code = "50107"
            name = "自设科目"
        """,
    )
    _, problems = open_ws(root)
    assert find(problems, "未知字段“colour”").line == 3
    assert find(problems, "“当前年度”应为整数").line == 6
    assert find(problems, "规则“org.term-due”的设置").line == 8
    assert "已有规定的明细科目" in find(problems, "自设科目 50107").message


def test_check_command_prints_all_and_exits_1_without_traceback(make_workspace, capsys) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"orgs/A/members.toml": '[[member]]\nid = "M1"\nname = 1\n\n[[member]]\nid = 2\n'})
    assert main(["check", str(root), "--as-of", AS_OF.isoformat()]) == 1
    out = capsys.readouterr()
    assert "orgs/A/members.toml:3:1: 错误" in out.out
    assert "orgs/A/members.toml:6:1: 错误" in out.out
    assert "Traceback" not in out.out + out.err


def test_bad_lines_inside_nested_tables_are_reported_not_fatal(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace(
        {
            "orgs/A/members.toml": """
                [[member]]
                id = "M1"
                name = "张三"
                history = [{ date = 1, kind = 2 }, { kind = "入会" }]
            """
        }
    )
    ws, problems = open_ws(root)
    assert ws.members["M1"].history == ()
    texts = [p.message for p in problems if p.file == "orgs/A/members.toml"]
    assert any("应为日期" in t for t in texts) and any("缺少必填字段“日期”" in t for t in texts)
