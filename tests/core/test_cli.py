"""The `unioncore` command: init, check exit codes, stats, demo-data, plugins, rules, python -m."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import AS_OF, snapshot_bytes

from unioncore.cli import main


def test_init_then_check_is_clean(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "new"
    assert main(["init", str(root), "--name", "某某公司工会", "--year", "2026"]) == 0
    assert (root / "unioncore.toml").is_file()
    assert main(["check", str(root)]) == 0
    assert "没有发现问题" in capsys.readouterr().out
    assert main(["init", str(root)]) == 1  # never over an existing workspace


def test_warnings_exit_zero_unless_strict(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace(
        {
            "orgs/A/organisation.toml": """
                [organisation]
                code = "A"
                name = "甲公司工会"
                kind = "基层工会"
                parent = "F"

                [[committee]]
                kind = "工会委员会"
                term_start = 2020-01-01
                term_end = 2022-12-31
            """
        }
    )
    assert main(["check", str(root), "--as-of", AS_OF.isoformat()]) == 0
    assert main(["check", str(root), "--as-of", AS_OF.isoformat(), "--strict"]) == 1


def test_check_of_a_missing_folder_exits_1(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["check", str(tmp_path / "nope")]) == 1
    assert "工作区文件夹不存在" in capsys.readouterr().out


def test_demo_data_small_is_deterministic_and_clean(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["demo-data", str(tmp_path / "a"), "--scale", "small"]) == 0
    assert main(["demo-data", str(tmp_path / "b"), "--scale", "small"]) == 0
    assert snapshot_bytes(tmp_path / "a") == snapshot_bytes(tmp_path / "b")
    assert main(["check", str(tmp_path / "a"), "--as-of", AS_OF.isoformat()]) == 0
    assert main(["demo-data", str(tmp_path / "a")]) == 1  # never over an existing workspace


def test_rules_and_plugins_listings(make_workspace, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "org.term-expired" in out and "《工会法》第十六条" in out
    root = make_workspace(enabled=["ankang"])
    assert main(["plugins", str(root)]) == 0
    out = capsys.readouterr().out
    assert "ankang" in out and "unioncore_ankang.hooks" in out


def test_python_dash_m(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace()
    out = subprocess.run(
        [sys.executable, "-m", "unioncore", "stats", str(root)], capture_output=True, text=True
    )
    assert out.returncode == 0 and "会员总数" in out.stdout
