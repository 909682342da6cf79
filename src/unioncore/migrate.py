"""Format versions of a workspace and the migrations between them.

`unioncore.toml` carries `format_version`. Opening an older workspace migrates it step by step, after
copying every file a step changes into `.unioncore-backup/<time>-v<old>/`; a newer one is refused
(the loader says to upgrade unioncore). Migrations edit text where they can, so hand-written
comments survive.

Version 0 is a workspace written before the key existed (no `format_version`); version 1 adds it.
"""

from __future__ import annotations

import datetime
import shutil
from collections.abc import Callable
from pathlib import Path

from . import layout
from .lineindex import header_block
from .storage import atomic_write, ensure_dir

BACKUP_DIR = ".unioncore-backup"

# version -> (what it does, step: root -> files changed as {relative path: new text})
Step = Callable[[Path], dict[str, str]]


def _v0_to_v1(root: Path) -> dict[str, str]:
    """Add `format_version = 1` below the file's leading comments, leaving everything else as it was."""
    text = (root / layout.CONFIG).read_text(encoding="utf-8-sig")
    head = header_block(text)
    if head and not head.endswith("\n\n"):
        head += "\n"
    return {layout.CONFIG: head + "format_version = 1\n\n" + text[len(header_block(text)) :].lstrip("\n")}


MIGRATIONS: dict[int, tuple[str, Step]] = {
    0: ("在 unioncore.toml 中记录格式版本", _v0_to_v1),
}


def migrate(root: Path, from_version: int, to_version: int, now: datetime.datetime | None = None) -> Path:
    """Run every step from `from_version` to `to_version`; returns the backup folder."""
    stamp = (now or datetime.datetime.now()).strftime("%Y%m%d-%H%M%S")
    backup = root / BACKUP_DIR / f"{stamp}-v{from_version}"
    n = 1
    while backup.exists():
        backup = root / BACKUP_DIR / f"{stamp}-v{from_version}-{n}"
        n += 1
    for version in range(from_version, to_version):
        _title, step = MIGRATIONS[version]
        changes = step(root)
        for rel in changes:
            src = root / rel
            if src.exists():
                dst = backup / rel
                ensure_dir(dst.parent)
                shutil.copy2(src, dst)
        for rel, text in changes.items():
            atomic_write(root / rel, text.encode("utf-8"))
    return backup
