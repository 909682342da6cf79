"""Saving: only changed files, atomically, byte-for-byte round trips, and refusals that lose nothing."""

from __future__ import annotations

import datetime
import os
import shutil
import stat
from pathlib import Path

import pytest
from conftest import EXAMPLE, open_ws, snapshot_bytes

import unioncore
from unioncore.demo import generate
from unioncore.problems import SaveError, ValidationError


@pytest.fixture
def example(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    generate(root, "small")
    return root


def test_load_then_save_with_no_change_writes_nothing(example: Path) -> None:
    before = snapshot_bytes(example)
    mtimes = {p: os.stat(example / p).st_mtime_ns for p in before}
    ws, _ = unioncore.load(example)
    assert ws.save() == []
    assert snapshot_bytes(example) == before
    assert {p: os.stat(example / p).st_mtime_ns for p in before} == mtimes


def test_every_file_is_in_canonical_form(example: Path) -> None:
    """Re-rendering every loaded file from the records gives back the same bytes."""
    ws, _ = unioncore.load(example)
    for rel, sf in ws.files.items():
        assert ws.render(rel) == sf.loaded_text(), rel


def test_the_bundled_example_is_canonical(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE / "orgs", tmp_path / "orgs")
    shutil.copy(EXAMPLE / "unioncore.toml", tmp_path / "unioncore.toml")
    ws, _ = unioncore.load(tmp_path)
    for rel, sf in ws.files.items():
        if rel.startswith("orgs/"):
            assert ws.render(rel) == sf.loaded_text(), rel


def test_change_one_member_writes_one_file(example: Path) -> None:
    before = snapshot_bytes(example)
    ws, _ = unioncore.load(example)
    member = ws.members_of("XF-02")[0]
    ws.update_member(member.id, phone="13912345678")
    assert ws.dirty
    assert ws.save() == ["orgs/XF-02/members.toml"]
    after = snapshot_bytes(example)
    changed = {p for p in after if after[p] != before.get(p)}
    assert changed == {"orgs/XF-02/members.toml"}
    ws2, problems = unioncore.load(example)
    assert ws2.members[member.id].phone == "13912345678"
    assert not [p for p in problems if p.is_error]


def test_added_member_survives_reload_with_history(example: Path) -> None:
    ws, _ = unioncore.load(example)
    ws.add_member(
        "XF-05", id="M900001", name="张三", id_number="11010519491231002X", joined=datetime.date(2026, 3, 1)
    )
    ws.save()
    ws2, _ = unioncore.load(example)
    m = ws2.members["M900001"]
    assert (m.org, m.gender, m.birth_date) == ("XF-05", "女", datetime.date(1949, 12, 31))
    assert [h.kind.value for h in m.history] == ["入会"]


def test_transfer_keeps_id_and_history_and_moves_the_record(example: Path) -> None:
    ws, _ = unioncore.load(example)
    m = ws.members_of("XF-01")[0]
    ws.transfer_member(m.id, "XF-05", datetime.date(2026, 6, 1), note="调动")
    assert sorted(ws.save()) == ["orgs/XF-01/members.toml", "orgs/XF-05/members.toml"]
    ws2, problems = unioncore.load(example)
    moved = ws2.members[m.id]
    assert moved.org == "XF-05"
    assert [h.kind.value for h in moved.history][-1] == "转会"
    assert moved.history[-1].from_org == "XF-01"
    assert m.id not in [x.id for x in ws2.members_of("XF-01")]
    assert not [p for p in problems if p.is_error]


def test_invalid_change_is_refused_with_the_field(example: Path) -> None:
    ws, _ = unioncore.load(example)
    with pytest.raises(ValidationError) as err:
        ws.add_member("XF-01", id="M900002", name="李四", id_number="110105194912310021")
    assert err.value.problems[0].path == ("id_number",)
    assert "校验位错误" in err.value.problems[0].message
    assert "110105194912310021" not in str(err.value)
    assert not ws.dirty


def test_file_that_failed_to_load_is_never_rewritten(example: Path) -> None:
    path = example / "orgs/XF-02/members.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n[[member]]\nid = 5\n", encoding="utf-8")
    original = path.read_bytes()
    ws, problems = unioncore.load(example)
    assert any(p.file == "orgs/XF-02/members.toml" and p.is_error for p in problems)
    member = ws.members_of("XF-02")[0]
    ws.update_member(member.id, note="改了")
    with pytest.raises(SaveError) as err:
        ws.save()
    assert err.value.problems[0].file == "orgs/XF-02/members.toml"
    assert "不会覆盖" in err.value.problems[0].message
    assert path.read_bytes() == original


def test_file_changed_on_disk_is_not_overwritten(example: Path) -> None:
    ws, _ = unioncore.load(example)
    member = ws.members_of("XF-03")[0]
    ws.update_member(member.id, note="我的修改")
    path = example / "orgs/XF-03/members.toml"
    theirs = path.read_text(encoding="utf-8").replace(member.name, member.name + "某", 1)
    path.write_text(theirs, encoding="utf-8")
    assert ws.changed_on_disk() == ["orgs/XF-03/members.toml"]
    with pytest.raises(SaveError) as err:
        ws.save()
    assert "已被其他程序修改" in err.value.problems[0].message
    assert path.read_text(encoding="utf-8") == theirs


def test_save_refuses_all_when_one_file_conflicts(example: Path) -> None:
    ws, _ = unioncore.load(example)
    a, b = ws.members_of("XF-01")[0], ws.members_of("XF-02")[0]
    ws.update_member(a.id, note="a")
    ws.update_member(b.id, note="b")
    (example / "orgs/XF-02/members.toml").write_text("# 别人的\n", encoding="utf-8")
    before = (example / "orgs/XF-01/members.toml").read_bytes()
    with pytest.raises(SaveError):
        ws.save()
    assert (example / "orgs/XF-01/members.toml").read_bytes() == before


def test_hand_written_comments_refuse_the_save_but_a_header_is_kept(example: Path) -> None:
    path = example / "orgs/XF-04/members.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text("# 小微企业联合工会会员名册\n# 2026 年整理\n\n" + text, encoding="utf-8")
    ws, _ = unioncore.load(example)
    m = ws.members_of("XF-04")[0]
    ws.update_member(m.id, note="header kept")
    ws.save()
    saved = path.read_text(encoding="utf-8")
    assert saved.startswith("# 小微企业联合工会会员名册\n# 2026 年整理\n\n[[member]]")
    # a comment inside the body would be lost by a rewrite: refuse
    path.write_text(
        saved.replace('note = "header kept"', 'note = "header kept"  # 手写备注'), encoding="utf-8"
    )
    ws, _ = unioncore.load(example)
    ws.update_member(m.id, note="again")
    with pytest.raises(SaveError) as err:
        ws.save()
    problem = err.value.problems[0]
    assert "手写注释" in problem.message and problem.line is not None
    assert "手写备注" in path.read_text(encoding="utf-8")


def test_atomic_write_leaves_old_content_and_no_temp_file_on_failure(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, _ = unioncore.load(example)
    m = ws.members_of("XF-06")[0]
    ws.update_member(m.id, note="x")
    path = example / "orgs/XF-06/members.toml"
    before = path.read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        ws.save()
    assert path.read_bytes() == before
    assert [n for n in os.listdir(path.parent) if n.startswith(".")] == []


def test_new_files_are_private(example: Path) -> None:
    ws, _ = unioncore.load(example)
    ws.add_organisation(code="XF-99", name="新建工会", kind="基层工会", parent="XF")
    ws.save()
    mode = stat.S_IMODE(os.stat(example / "orgs/XF-99/organisation.toml").st_mode)
    assert mode == 0o600
    assert stat.S_IMODE(os.stat(example / "orgs/XF-99").st_mode) == 0o700


def test_a_leftover_temporary_file_is_ignored(example: Path) -> None:
    tmp = example / "orgs/XF-01/.members.toml.tmp-123-abcd"
    tmp.write_text("garbage [[", encoding="utf-8")
    _, problems = open_ws(example)
    assert not [p for p in problems if p.is_error]
