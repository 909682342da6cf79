"""Two programs on one workspace: the second save of a file both changed is refused, naming the file;
changes to different files both survive (compare-before-write under a workspace lock)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import unioncore
from unioncore.demo import generate
from unioncore.problems import SaveError

EDITOR = textwrap.dedent(
    """
    import sys, unioncore
    root, member, note = sys.argv[1:4]
    ws, _ = unioncore.load(root)
    ws.update_member(member, note=note)
    print("loaded", flush=True)
    sys.stdin.readline()          # wait until told to save
    try:
        print("saved", ws.save(), flush=True)
    except unioncore.SaveError as err:
        print("refused", err.problems[0].file, err.problems[0].message, flush=True)
    """
)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    generate(tmp_path / "ws", "small")
    return tmp_path / "ws"


def editor(root: Path, member: str, note: str) -> subprocess.Popen[str]:
    p = subprocess.Popen(
        [sys.executable, "-c", EDITOR, str(root), member, note],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert p.stdout is not None
    assert p.stdout.readline().strip() == "loaded"
    return p


def save(p: subprocess.Popen[str]) -> str:
    out, _ = p.communicate("go\n", timeout=60)
    return out.strip()


def test_second_save_of_the_same_file_is_refused(root: Path) -> None:
    ws, _ = unioncore.load(root)
    a, b = ws.members_of("XF-01")[:2]
    first = editor(root, a.id, "甲的修改")
    second = editor(root, b.id, "乙的修改")
    assert save(first).startswith("saved")
    out = save(second)
    assert out.startswith("refused orgs/XF-01/members.toml")
    assert "已被其他程序修改" in out
    after, _ = unioncore.load(root)
    assert after.members[a.id].note == "甲的修改"  # the first editor's change is not overwritten
    assert after.members[b.id].note is None


def test_changes_to_different_files_both_survive(root: Path) -> None:
    ws, _ = unioncore.load(root)
    a = ws.members_of("XF-01")[0]
    b = ws.members_of("XF-02")[0]
    first = editor(root, a.id, "甲的修改")
    second = editor(root, b.id, "乙的修改")
    assert save(first).startswith("saved")
    assert save(second).startswith("saved")
    after, _ = unioncore.load(root)
    assert after.members[a.id].note == "甲的修改"
    assert after.members[b.id].note == "乙的修改"


def test_in_process_second_workspace_is_refused_too(root: Path) -> None:
    one, _ = unioncore.load(root)
    two, _ = unioncore.load(root)
    m = one.members_of("XF-03")[0]
    one.update_member(m.id, note="one")
    two.update_member(m.id, note="two")
    one.save()
    with pytest.raises(SaveError) as err:
        two.save()
    assert err.value.problems[0].file == "orgs/XF-03/members.toml"
