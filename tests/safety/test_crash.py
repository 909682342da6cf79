"""A save killed at any moment (SIGKILL) leaves every file whole: old or new, never a mix."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from conftest import open_ws, snapshot_bytes

from unioncore.demo import generate

CHILD = """
import sys, unioncore
ws, _ = unioncore.load(sys.argv[1])
for m in list(ws.members.values()):
    ws.update_member(m.id, note="崩溃测试：一次大的修改")
for e in list(ws.events.values()):
    ws.update_event(e.id, title=e.title + "（已修改）")
print("ready", flush=True)
ws.save()
print("done", flush=True)
"""


def run_child(root: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", CHILD, str(root)], stdout=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def versions(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, bytes], dict[str, bytes], float]:
    base = tmp_path_factory.mktemp("crash") / "base"
    generate(base, "small")
    old = snapshot_bytes(base)
    done = base.parent / "done"
    shutil.copytree(base, done)
    child = run_child(done)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    started = time.perf_counter()
    assert child.stdout.readline().strip() == "done"
    save_seconds = time.perf_counter() - started
    assert child.wait() == 0
    new = snapshot_bytes(done)
    assert sum(1 for k in new if new[k] != old.get(k)) >= 10  # a large change: many files
    return base, old, new, save_seconds


def test_killed_saves_leave_old_or_new_files(versions, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    base, old, new, save_seconds = versions
    rng = random.Random(7)
    outcomes = set()
    for i in range(20):
        root = tmp_path / f"run{i}"
        shutil.copytree(base, root)
        child = run_child(root)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, save_seconds * 1.2))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        now = snapshot_bytes(root)
        data_files = {k: v for k, v in now.items() if not k.split("/")[-1].startswith(".")}
        assert set(data_files) == {k for k in old if not k.startswith(".")}
        for rel, content in data_files.items():
            assert content in (old[rel], new[rel]), f"run {i}: {rel} is neither old nor new"
            tomllib.loads(content.decode("utf-8"))
        outcomes.add(sum(1 for rel, c in data_files.items() if c == new[rel] != old[rel]))
        # leftovers of the killed writer never confuse the next load, and the next save clears them
        ws, problems = open_ws(root)
        assert not [p for p in problems if p.is_error], problems
        leftovers = [k for k in now if ".tmp-" in k]
        if leftovers:
            first = next(iter(ws.members.values()))
            ws.update_member(first.id, note="再次保存")
            ws.save()
            assert not [k for k in snapshot_bytes(root) if ".tmp-" in k]
    assert len(outcomes) > 1, "every kill landed at the same point: widen the timing"
