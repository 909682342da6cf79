"""The example third-party plugin, built and installed like any package, loads through its entry point."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT, write_workspace


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [
            sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
            "--disable-pip-version-check", "--target", str(target), str(ROOT / "examples" / "bookcorner"),
        ],
        check=True,
    )  # fmt: skip
    return target


def run(args: list[str], site: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run([sys.executable, "-m", "unioncore", *args], capture_output=True, text=True, env=env)


def test_installed_plugin_is_listed_checked_and_counted(installed: Path, tmp_path: Path) -> None:
    root = write_workspace(
        tmp_path / "ws",
        {
            "orgs/A/events/2026.toml": """
                [[event]]
                id = "E1"
                type = "book_lending"
                title = "三月借阅"
                start = 2026-03-10
                books = 40
                readers = 25
            """,
            "plugins/bookcorner/books.toml": """
                [[book]]
                id = "B1"
                title = "平凡的世界"
                copies = 30
            """,
        },
        enabled=["bookcorner"],
    )
    listed = run(["plugins", str(root)], installed)
    assert listed.returncode == 0, listed.stderr
    assert "bookcorner" in listed.stdout and "unioncore_bookcorner" in listed.stdout
    checked = run(["check", str(root), "--as-of", "2026-11-30"], installed)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "orgs/A/events/2026.toml:6:1: 警告: 借出 40 册，超过书屋藏书 30 册" in checked.stdout
    stats = run(["stats", str(root)], installed)
    assert "书屋借出图书" in stats.stdout and "40册" in stats.stdout


def test_without_the_plugin_its_event_type_is_unknown(tmp_path: Path) -> None:
    root = write_workspace(
        tmp_path / "ws",
        {"orgs/A/events/2026.toml": textwrap.dedent(
            """
            [[event]]
            id = "E1"
            type = "book_lending"
            title = "三月借阅"
            start = 2026-03-10
            books = 40
            """
        )},
        enabled=["bookcorner"],
    )  # fmt: skip
    out = subprocess.run(
        [sys.executable, "-m", "unioncore", "check", str(root)], capture_output=True, text=True
    )
    assert out.returncode == 1
    assert "已启用的插件“bookcorner”未安装" in out.stdout
    assert "未知的活动类型“book_lending”" in out.stdout
