"""Shared test helpers: build a workspace from a few lines of TOML written in the test."""

from __future__ import annotations

import datetime
import os
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

import unioncore
from unioncore.problems import Problem
from unioncore.workspace import Workspace

# CI explores the same examples on every run (a red build always means a change broke something);
# on a developer's machine hypothesis explores new ones each time and keeps what it finds.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

# Tests load workspaces from their files; tests/core/test_cache.py switches the cache on itself.
# (Set here, before any test runs, so that subprocesses started by tests inherit it.)
os.environ["UNIONCORE_CACHE"] = "off"

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "workspace"
AS_OF = datetime.date(2026, 11, 30)

CONFIG = """\
format_version = 1

[workspace]
name = "测试工会"
year = 2026

[plugins]
enabled = {enabled}
"""

# a small valid federation with one grassroots union, used by most tests
BASE_FILES = {
    "orgs/F/organisation.toml": """
        [organisation]
        code = "F"
        name = "幸福街道总工会"
        kind = "街道总工会"
    """,
    "orgs/A/organisation.toml": """
        [organisation]
        code = "A"
        name = "甲公司工会"
        kind = "基层工会"
        parent = "F"
        employees = 40
    """,
}

WriteWorkspace = Callable[..., Path]


def write_workspace(
    root: Path,
    files: Mapping[str, str] | None = None,
    *,
    enabled: list[str] | None = None,
    base: bool = True,
    config: str | None = None,
) -> Path:
    """Write unioncore.toml and the given files (dedented) under `root`; returns `root`."""
    root.mkdir(parents=True, exist_ok=True)
    text = (
        config if config is not None else CONFIG.format(enabled=repr(list(enabled or [])).replace("'", '"'))
    )
    (root / "unioncore.toml").write_text(textwrap.dedent(text), encoding="utf-8")
    all_files = {**(BASE_FILES if base else {}), **(files or {})}
    for rel, body in all_files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(body).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture
def make_workspace(tmp_path: Path) -> WriteWorkspace:
    """`make_workspace({"orgs/A/members.toml": "..."})` -> path of a fresh workspace."""
    counter = iter(range(1000))

    def make(files: Mapping[str, str] | None = None, **kw: object) -> Path:
        return write_workspace(tmp_path / f"ws{next(counter)}", files, **kw)  # type: ignore[arg-type]

    return make


def open_ws(path: Path, **kw: object) -> tuple[Workspace, list[Problem]]:
    """Load and run every check, with a fixed 'today' so reminders are reproducible."""
    ws, _ = unioncore.load(path, as_of=AS_OF, **kw)  # type: ignore[arg-type]
    return ws, ws.check()


def snapshot_bytes(root: Path) -> dict[str, bytes]:
    """Every file below `root` with its bytes (to prove nothing was written)."""
    out = {}
    for dirpath, _dirs, files in os.walk(root):
        for f in files:
            p = Path(dirpath, f)
            out[p.relative_to(root).as_posix()] = p.read_bytes()
    return out


def messages(problems: list[Problem]) -> list[str]:
    return [p.format() for p in problems]
