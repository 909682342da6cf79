"""unioncore.toml carries a format version: older workspaces are migrated with a backup, newer refused."""

from __future__ import annotations

from pathlib import Path

from conftest import snapshot_bytes, write_workspace

import unioncore
from unioncore.config import FORMAT_VERSION


def test_older_workspace_is_migrated_keeping_a_backup_and_comments(tmp_path: Path) -> None:
    old = (
        '# 我们的工会\n\n[workspace]\nname = "旧工作区"\nyear = 2025\n\n[plugins]\nenabled = []  # 暂不启用\n'
    )
    root = write_workspace(tmp_path / "ws", config=old)
    ws, problems = unioncore.load(root)
    assert ws.name == "旧工作区"
    [hint] = [p for p in problems if p.rule == "workspace.migrated"]
    assert "从版本 0 升级到 1" in hint.message
    text = (root / "unioncore.toml").read_text(encoding="utf-8")
    assert text.startswith("# 我们的工会\n\nformat_version = 1\n")
    assert "enabled = []  # 暂不启用" in text
    backups = list((root / ".unioncore-backup").iterdir())
    assert len(backups) == 1 and backups[0].name.endswith("-v0")
    assert (backups[0] / "unioncore.toml").read_text(encoding="utf-8") == old
    # opening again changes nothing more
    before = snapshot_bytes(root)
    _, problems = unioncore.load(root)
    assert not [p for p in problems if p.rule == "workspace.migrated"]
    assert snapshot_bytes(root) == before


def test_newer_workspace_is_refused_and_untouched(tmp_path: Path) -> None:
    cfg = f'format_version = {FORMAT_VERSION + 1}\n[workspace]\nname = "新"\nyear = 2030\n'
    root = write_workspace(tmp_path / "ws", config=cfg)
    before = snapshot_bytes(root)
    ws, problems = unioncore.load(root)
    assert problems[0].is_error and "请升级 unioncore" in problems[0].message
    assert problems[0].line == 1
    assert ws.organisations == {}
    assert snapshot_bytes(root) == before
