"""The workspace cache (unioncore.cache): a cached open gives exactly what reading the files gives,
and never serves anything stale — whatever changed on disk, in the code, or in the settings."""

from __future__ import annotations

import datetime
import os
import random
import re
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import AS_OF, EXAMPLE, ROOT

import unioncore
from unioncore import cache
from unioncore.registry import Period
from unioncore.workspace import Workspace

SNAPSHOT = Path(cache.CACHE_DIR) / cache.SNAPSHOT


@pytest.fixture(autouse=True)
def cache_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNIONCORE_CACHE", "on")


@pytest.fixture
def example(tmp_path: Path) -> Path:
    dst = tmp_path / "ws"
    shutil.copytree(EXAMPLE, dst, ignore=shutil.ignore_patterns(cache.CACHE_DIR))
    return dst


def state(ws: Workspace, problems: list[Any]) -> dict[str, Any]:
    """Everything a load gives, in comparable form (touching it restores what a cached open deferred)."""
    out: dict[str, Any] = {name: getattr(ws, name) for name in cache.BODY}
    out["problems"] = problems
    out["organisations"] = ws.organisations
    out["load_problems"] = ws.load_problems
    out["files"] = {
        rel: (
            sf.digest,
            sf.size,
            sf.mtime_ns,
            sf.records,
            sf.parsed,
            sf.has_record_errors,
            sf.had_bom,
            sf.path,
        )
        for rel, sf in ws.files.items()
    }
    out["temporaries"] = sorted(ws.stale_temporaries)
    out["check"] = ws.check()
    out["figures"] = ws.figures()
    out["figures-2025"] = ws.figures(Period.year(2025))
    return out


def load(path: Path, **kw: Any) -> tuple[Workspace, list[Any]]:
    return unioncore.load(path, as_of=AS_OF, **kw)


def cold(path: Path) -> dict[str, Any]:
    ws, problems = load(path, cache=False)
    assert not ws._pending
    return state(ws, problems)


def warm(path: Path) -> tuple[bool, dict[str, Any]]:
    """Load through the cache (writing it when missed); True when it came from the cache."""
    ws, problems = load(path, cache="foreground")
    hit = bool(ws._pending)
    return hit, state(ws, problems)


def test_a_cached_open_gives_what_the_files_give(example: Path) -> None:
    hit, first = warm(example)
    assert not hit and (example / SNAPSHOT).is_file()
    hit, second = warm(example)
    assert hit
    assert second == first == cold(example)


def test_records_are_restored_only_when_touched(example: Path) -> None:
    load(example, cache="foreground")
    ws, _ = load(example)
    assert ws.deferred == {*cache.BODY, "files", "organisations"}
    assert "members" not in vars(ws)
    assert ws.organisations and "organisations" not in ws._pending  # restored on its own
    assert len(ws.members) == 186
    assert "files" in ws._pending  # the files are restored separately, when needed
    ws.materialise()
    assert not ws._pending and len(ws.files) > 10


def test_check_and_figures_are_reused_only_for_the_same_day_and_period(example: Path) -> None:
    ws, _ = load(example, cache="foreground")
    checked, figures = ws.check(), ws.figures()
    assert (example / cache.CACHE_DIR / "check.pickle").is_file()
    again, _ = load(example)
    assert again.check() == checked and again.figures() == figures
    assert again._pending  # answered without restoring the records
    later, _ = unioncore.load(example, as_of=datetime.date(2031, 6, 1))
    fresh, _ = unioncore.load(example, as_of=datetime.date(2031, 6, 1), cache=False)
    assert later.check() == fresh.check() != checked  # terms run out by 2031: other reminders
    assert later.figures(Period.year(2025)) == fresh.figures(Period.year(2025)) != figures


def test_a_changed_workspace_never_uses_cached_results(example: Path) -> None:
    load(example, cache="foreground")[0].check()
    ws, _ = load(example)
    before = ws.check()
    ws.leave_member("M000034", datetime.date(2026, 11, 1))  # she is on a women's insurance list
    found = [p for p in ws.check() if p.rule == "women.enrolment-eligible"]
    assert found and found[0] not in before, "a change in memory is checked, not answered from the cache"
    ws.save()
    reopened, problems = load(example)
    assert not reopened._pending  # a saved file changed: read from the files
    assert state(reopened, problems) == cold(example)


def _same_size_edit(path: Path) -> None:
    """Change one digit of a phone number: same size; then put the old mtime back (as tar/rsync do)."""
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    m = re.search(r'phone = "1(\d)', text)
    assert m is not None
    digit = "3" if m.group(1) != "3" else "5"
    text = text[: m.start(1)] + digit + text[m.end(1) :]
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns


def test_same_size_and_mtime_edit_is_seen(example: Path) -> None:
    before = warm(example)[1]
    _same_size_edit(example / "orgs/XF-01/members.toml")
    hit, after = warm(example)
    assert not hit and after == cold(example) and after["members"] != before["members"]


def test_racy_edit_is_seen_when_the_stat_cannot_tell(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A filesystem without ctime/inode, a file edited within the same clock tick: the content hash
    of recently changed files decides (git's racy-clean rule)."""
    monkeypatch.setattr(cache, "_stat", lambda e: (e.stat().st_size, e.stat().st_mtime_ns, 0, 0))
    now = time.time_ns()
    for path in example.rglob("*.toml"):
        os.utime(path, ns=(now, now))  # written just now, as a snapshot taken right after an edit sees
    warm(example)
    _same_size_edit(example / "orgs/XF-02/members.toml")
    hit, after = warm(example)
    assert not hit and after == cold(example)
    # files older than the racy window are trusted by their stat alone
    monkeypatch.setattr(cache, "RACY_NS", -(10**18))
    assert warm(example)[0]


@pytest.mark.parametrize(
    "change",
    [
        "add an org",
        "remove a ledger",
        "unknown file",
        "rule setting",
        "broken toml",
        "plugin file",
        "temporary leftover",
        "touch only",
    ],
)
def test_every_kind_of_change_on_disk_is_seen(example: Path, change: str) -> None:
    warm(example)
    if change == "add an org":
        (example / "orgs/XF-99").mkdir()
        (example / "orgs/XF-99/organisation.toml").write_text(
            '[organisation]\ncode = "XF-99"\nname = "新建公司工会"\nkind = "基层工会"\nparent = "XF"\n',
            encoding="utf-8",
        )
    elif change == "remove a ledger":
        next((example / "orgs").glob("*/ledger/*.toml")).unlink()
    elif change == "unknown file":
        (example / "orgs/XF-01/笔记.toml").write_text("x = 1\n", encoding="utf-8")
    elif change == "rule setting":
        cfg = example / "unioncore.toml"
        cfg.write_text(
            cfg.read_text(encoding="utf-8") + '\n[rules]\n"member.phone" = "off"\n', encoding="utf-8"
        )
    elif change == "broken toml":
        path = next((example / "orgs").glob("*/events/*.toml"))
        path.write_text(path.read_text(encoding="utf-8") + "\n[[event]\n", encoding="utf-8")
    elif change == "plugin file":
        path = next((example / "plugins").rglob("*.toml"))
        path.write_text(path.read_text(encoding="utf-8").replace("\n", "\n\n", 1), encoding="utf-8")
    elif change == "temporary leftover":
        (example / "orgs/XF-01/.members.toml.tmp-1-abcd").write_bytes(b"half a file")
    else:
        path = example / "orgs/XF-01/members.toml"
        os.utime(path, ns=(time.time_ns(), time.time_ns()))
    hit, after = warm(example)
    expected = cold(example)
    assert after == expected
    if change != "touch only":
        assert not hit


def test_random_changes_never_make_it_stale(example: Path) -> None:
    """A run of edits through the API and behind its back; after each, a cached open equals a fresh
    read of the files, and the open after that comes from the cache."""
    rng = random.Random(20261130)
    for step in range(10):
        ws, _ = load(example, cache=False)
        kind = rng.choice(["api", "disk-phone", "disk-amount", "disk-event", "none"])
        if kind == "api":
            member = rng.choice(sorted(ws.members))
            ws.update_member(member, note=f"第{step}次修改")
            ws.save()
        elif kind == "disk-phone":
            _same_size_edit(example / f"orgs/XF-0{rng.randint(1, 7)}/members.toml")
        elif kind == "disk-amount":
            ledger = rng.choice(sorted((example / "orgs").glob("*/ledger/*.toml")))
            text = ledger.read_text(encoding="utf-8")
            text, n = re.subn(
                r'amount = "(\d)', lambda m: f'amount = "{(int(m.group(1)) % 9) + 1}', text, count=1
            )
            assert n == 1
            ledger.write_text(text, encoding="utf-8")
        elif kind == "disk-event":
            events = rng.choice(sorted((example / "orgs").glob("*/events/2026.toml")))
            org = events.parent.parent.name
            events.write_text(
                events.read_text(encoding="utf-8")
                + f'\n[[event]]\nid = "T{step}"\ntype = "文体活动"\ntitle = "加测{step}"\nstart = 2026-11-{step + 1:02d}\n',
                encoding="utf-8",
            )
            assert org
        hit, got = warm(example)
        assert hit == (kind == "none"), f"step {step}: {kind}"
        assert got == cold(example), f"step {step}: {kind}"
        assert warm(example)[0], f"step {step}: the next open should come from the cache"


def test_code_change_invalidates(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    warm(example)
    assert warm(example)[0]
    real = cache.code_fingerprint
    monkeypatch.setattr(cache, "code_fingerprint", lambda ws: real(ws) + "-new-version")
    assert not warm(example)[0]


def test_code_fingerprint_follows_source_files(example: Path, tmp_path: Path) -> None:
    ws, _ = load(example, cache=False)
    before = cache.code_fingerprint(ws)
    module = Path(cache.__file__)
    st = module.stat()
    try:
        os.utime(module, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
        assert cache.code_fingerprint(ws) != before
    finally:
        os.utime(module, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert cache.code_fingerprint(ws) == before


def test_plugins_enabled_change_invalidates(example: Path) -> None:
    warm(example)
    cfg = example / "unioncore.toml"
    text = cfg.read_text(encoding="utf-8")
    cfg.write_text(re.sub(r'"women",\s*', "", text, count=1), encoding="utf-8")
    hit, after = warm(example)
    assert not hit and after == cold(example)


@pytest.mark.parametrize("damage", [b"", b"garbage", "truncate", "foreign-pickle"])
def test_a_damaged_cache_is_a_miss(example: Path, damage: Any) -> None:
    expected = warm(example)[1]
    snap = example / SNAPSHOT
    if damage == "truncate":
        snap.write_bytes(snap.read_bytes()[: snap.stat().st_size // 2])
    elif damage == "foreign-pickle":
        import pickle

        snap.write_bytes(cache.MAGIC + (5).to_bytes(8, "little") + pickle.dumps([1]))
    else:
        snap.write_bytes(damage)
    hit, got = warm(example)
    assert not hit and got == expected


def test_a_truncated_body_fails_loudly_not_silently(example: Path) -> None:
    """The head says how long the records are; a body cut short after the open raises rather than
    giving fewer members (never partial data)."""
    warm(example)
    ws, _ = load(example)
    assert ws._pending
    snap = example / SNAPSHOT
    with open(snap, "r+b") as fh:  # truncate the same inode the open holds
        fh.truncate(snap.stat().st_size - 100)
    with pytest.raises(unioncore.UnioncoreError, match="截断"):
        ws.materialise()


def test_a_replaced_snapshot_does_not_mix_in(example: Path) -> None:
    warm(example)
    ws, _ = load(example)  # holds the snapshot open, records not yet restored
    path = example / "orgs/XF-01/members.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("\n", "\n\n", 1), encoding="utf-8")
    warm(example)  # another process writes a new snapshot (rename over the old one)
    assert state(ws, ws.load_problems)["members"] == cold(example)["members"]


def test_unwritable_cache_changes_nothing(example: Path) -> None:
    expected = cold(example)
    (example / cache.CACHE_DIR).write_text("not a folder", encoding="utf-8")  # fails even as root
    hit, got = warm(example)
    assert not hit and got == expected
    assert (example / cache.CACHE_DIR).read_text(encoding="utf-8") == "not a folder"


def test_cache_is_private_and_kept_out_of_git(example: Path) -> None:
    warm(example)
    folder = example / cache.CACHE_DIR
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / cache.SNAPSHOT).stat().st_mode) == 0o600
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_in_process_plugins_and_the_switch_turn_it_off(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(example, cache="foreground", plugins={})
    assert not (example / cache.CACHE_DIR).exists()
    monkeypatch.setenv("UNIONCORE_CACHE", "off")
    load(example, cache="foreground")
    assert not (example / cache.CACHE_DIR).exists()


def test_a_file_edited_during_the_load_is_not_cached(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = cache.begin

    def begin_then_edit(ws: Workspace) -> cache.Pending:
        pending = real(ws)
        path = example / "orgs/XF-01/members.toml"
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        return pending

    monkeypatch.setattr(cache, "begin", begin_then_edit)
    load(example, cache="foreground")
    assert not (example / SNAPSHOT).exists()


def test_cli_writes_the_cache_in_the_background_and_reuses_it(example: Path) -> None:
    env = {**os.environ, "UNIONCORE_CACHE": "on"}
    args = [sys.executable, "-m", "unioncore", "check", str(example), "--as-of", "2026-11-30"]
    first = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    deadline = time.monotonic() + 60
    while not (example / SNAPSHOT).exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert (example / SNAPSHOT).exists(), "the detached writer wrote the snapshot"
    second = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    assert second.stdout == first.stdout and second.returncode == first.returncode
    nocache = subprocess.run(
        [*args, "--no-cache"], capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    assert nocache.stdout == first.stdout
    assert "错误 0" in first.stdout


def test_saving_after_a_cached_open_writes_the_same_bytes(example: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(example, other)
    warm(example)
    results = []
    for path, kw in ((example, {}), (other, {"cache": False})):
        ws, _ = load(path, **kw)
        ws.update_member("M000003", note="缓存后保存")
        ws.add_event(
            "XF-01", id="E-CACHE", type="culture_sports", title="缓存测试", start=datetime.date(2026, 11, 2)
        )
        assert ws.save()
        results.append({p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*.toml"))})
    assert results[0] == results[1]


def test_two_threads_touching_deferred_records_restore_them_once(example: Path) -> None:
    import threading

    load(example, cache="foreground")
    ws, _ = load(example)
    seen: list[int] = []
    threads = [threading.Thread(target=lambda: seen.append(id(ws.members))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(seen)) == 1 and len(ws.members) == 186


def test_a_detached_refresh_writes_the_snapshot_for_the_next_open(example: Path) -> None:
    assert cache.refresh_detached(example)
    deadline = time.monotonic() + 60
    while not (example / SNAPSHOT).exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    hit, got = warm(example)
    assert hit and got == cold(example)


def test_no_detached_refresh_when_the_cache_is_off(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNIONCORE_CACHE", "off")
    assert not cache.refresh_detached(example)


def test_groups_restored_by_several_threads_at_once_are_whole(example: Path) -> None:
    """The records, the files and the organisations are separate groups, each with its own lock;
    threads restoring them at once read the one snapshot file without mixing their reads."""
    import threading

    expected = cold(example)
    load(example, cache="foreground")
    for _ in range(5):
        ws, problems = load(example)
        names = ["members", "files", "organisations", "entries", "_where", "files"]
        threads = [threading.Thread(target=getattr, args=(ws, n)) for n in names]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not ws._pending
        assert state(ws, problems) == expected
