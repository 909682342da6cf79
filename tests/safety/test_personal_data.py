"""A full run over the example workspace — every CLI command, reports, exports and the TUI's
screens — never shows an unmasked 公民身份号码 or phone number."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import AS_OF, EXAMPLE

import unioncore


def secrets_of(root: Path) -> set[str]:
    ws, _ = unioncore.load(root)
    found = {m.id_number for m in ws.members.values() if m.id_number}
    found |= {m.phone for m in ws.members.values() if m.phone}
    assert len(found) > 300
    return found


def text_of(path: Path) -> str:
    if path.suffix in (".xlsx", ".docx"):
        with zipfile.ZipFile(path) as z:
            return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))
    return path.read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pd") / "ws"
    shutil.copytree(EXAMPLE, root)
    return root


def test_cli_outputs_and_files_are_masked(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    as_of = AS_OF.isoformat()
    commands = [
        ["check", str(example), "--as-of", as_of],
        ["stats", str(example)],
        ["plugins", str(example)],
        ["rules", str(example)],
        ["report", str(example), "--kind", "all", "--format", "md", "--out", str(out / "md")],
        ["report", str(example), "--kind", "all", "--format", "docx", "--out", str(out / "docx")],
        ["report", str(example), "--kind", "all", "--format", "xlsx", "--out", str(out / "xlsx")],
        ["report", str(example), "--kind", "stats", "--format", "toml"],
        ["explain", str(example), "会员总数"],
        ["explain", str(example), "members.category.migrant_worker"],
        ["export", str(example), "--what", "members", "--out", str(out / "members.xlsx")],
        ["export", str(example), "--what", "ledger", "--out", str(out / "ledger.xlsx")],
        ["export", str(example), "--what", "events", "--out", str(out / "events.xlsx")],
        ["export-beancount", str(example), "--out", str(out / "ledger.beancount")],
    ]
    logs = []
    for args in commands:
        done = subprocess.run([sys.executable, "-m", "unioncore", *args], capture_output=True, text=True)
        assert done.returncode == 0, (args, done.stderr)
        logs.append(done.stdout + done.stderr)
    texts = {
        f"$ unioncore {' '.join(a[:1])} #{i}": t for i, (a, t) in enumerate(zip(commands, logs, strict=True))
    }
    for dirpath, _dirs, files in os.walk(out):
        for f in files:
            texts[f] = text_of(Path(dirpath, f))
    assert len(texts) >= len(commands) + 10
    secrets = secrets_of(example)
    leaks = {name: sorted(s for s in secrets if s in text) for name, text in texts.items()}
    assert {k: v for k, v in leaks.items() if v} == {}
    # the masked forms are there: the check looked at real content
    assert any("****" in t for t in texts.values())


async def test_tui_screens_are_masked(example: Path) -> None:
    from unioncore_tui.app import UnionApp

    app = UnionApp(example, as_of=AS_OF, watch_interval=None)
    screens = []
    async with app.run_test(size=(160, 50)) as pilot:
        for _ in range(600):
            if app.session is not None and app.query("#tabs"):
                break
            await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        for key in ("1", "2", "3", "4", "5"):
            await pilot.press(key)
            await pilot.pause(0.2)
            screens.append(app.export_screenshot())
    secrets = secrets_of(example)
    shown = "\n".join(screens)
    assert "会员" in shown
    assert sorted(s for s in secrets if s in shown) == []
    assert "****" in shown
