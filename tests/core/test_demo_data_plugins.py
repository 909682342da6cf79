"""`demo-data` with the built-in plugins' data: the `unioncore_demo_data` hook (small scale only;
the district scale is exercised by the benchmark)."""

from __future__ import annotations

import random
import types
from pathlib import Path

import pytest
from conftest import AS_OF, open_ws, snapshot_bytes

import unioncore
from unioncore import Collection, Field, Kind, Problem, Workspace, hookimpl
from unioncore.cli import main
from unioncore.demo import BUILTIN_PLUGINS, generate, generate_with_problems, installed_builtins
from unioncore.problems import Severity

# the collections each built-in plugin fills in the small demo (at least one record each)
EXPECTED = {
    "policy": ["payroll"],
    "ankang": ["ankang_season", "ankang_enrolment", "ankang_hazard", "ankang_score", "ankang_award"],
    "women": ["women_meeting", "women_officer", "women_scheme", "women_enrolment", "women_title"],
    "retirees": ["retiree_visit"],
    "assistance": ["hardship_file", "aid", "mutual_medical"],
    "contracts": ["contract"],
    "congress": ["resolution", "proposal", "suggestion", "disclosure"],
    "competitions": ["contest", "honour"],
    "disputes": ["case", "consultation"],
}


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "small"
    _ws, problems = generate_with_problems(path, "small")
    assert problems == []
    return path


def test_the_nine_built_in_plugins_are_installed_and_enabled(small: Path) -> None:
    assert installed_builtins() == list(BUILTIN_PLUGINS)
    ws, _ = open_ws(small)
    assert ws.config.enabled == list(BUILTIN_PLUGINS)
    assert set(BUILTIN_PLUGINS) <= set(ws.host.loaded)
    assert ws.setting("policy", {})["preset"] == "anhui-2025"
    assert ws.setting("assistance", {})["dibao"]["幸福市"]["2026"] == "1420.00"


def test_every_built_in_plugin_has_records(small: Path) -> None:
    ws, _ = open_ws(small)
    for plugin, collections in EXPECTED.items():
        for name in collections:
            assert ws.collections[name].plugin == plugin
            assert ws.records_of(name), f"{plugin}: no {name} records"
            folder = small / "plugins" / plugin
            assert any(folder.rglob("*.toml")), plugin


def test_records_reference_what_exists_and_check_shows_no_error(small: Path) -> None:
    ws, problems = open_ws(small)
    errors = [p.format() for p in problems if p.severity is Severity.ERROR]
    assert errors == []
    # the records the plugins wrote point at the core's data: the 困难帮扶 vouchers are each one aid
    aid_refs = {r["entry"] for r in ws.records_of("aid") if r.get("entry")}
    hardship_vouchers = {e.ref for e in ws.ledger(account="50404")}
    assert hardship_vouchers and hardship_vouchers == aid_refs
    holders = {m.id for m in ws.members.values() if m.has_category("hardship") and m.status.is_member}
    assert {r["member"] for r in ws.records_of("hardship_file")} == holders
    sessions = {e.id for e in ws.events.values() if e.type == "staff_congress"}
    assert {r["event"] for r in ws.records_of("resolution")} == sessions
    contests = {e.id for e in ws.events.values() if e.type == "labour_competition"}
    assert {r["event"] for r in ws.records_of("contest")} == contests
    assert all(ws.events[c].results for c in contests if ws.events[c].participants)


def test_plugins_problems_are_at_most_warnings_of_known_rules(small: Path) -> None:
    _, problems = open_ws(small)
    plugin_codes = {p.rule for p in problems if p.plugin}
    # realistic findings only: an overdue 女职委 term (its union committee is overdue too),
    # contracts expiring soon, unions without a 女职工专项合同
    assert plugin_codes <= {"women.term-expired", "contracts.expiring", "women.special-contract"}


def records(root: Path) -> dict[str, bytes]:
    """The workspace's files (without a cache that opening it may have written)."""
    return {rel: data for rel, data in snapshot_bytes(root).items() if not rel.startswith(".unioncore-cache")}


def test_same_seed_gives_byte_identical_files(small: Path, tmp_path: Path) -> None:
    generate(tmp_path / "again", "small")
    assert records(tmp_path / "again") == records(small)
    assert any(rel.startswith("plugins/") for rel in records(small))
    generate(tmp_path / "other", "small", seed=7)
    assert records(tmp_path / "other") != records(small)


def test_the_cli_demo_enables_the_plugins_and_its_check_exits_0(tmp_path: Path) -> None:
    assert main(["demo-data", str(tmp_path / "ws"), "--scale", "small"]) == 0
    text = (tmp_path / "ws" / "unioncore.toml").read_text("utf-8")
    assert all(f'"{name}"' in text for name in BUILTIN_PLUGINS)
    assert main(["check", str(tmp_path / "ws"), "--as-of", AS_OF.isoformat()]) == 0


def test_without_plugins_the_demo_writes_no_plugin_data(tmp_path: Path) -> None:
    ws = generate(tmp_path / "bare", "small", enabled=[])
    assert ws.config.enabled == []
    assert not (tmp_path / "bare" / "plugins").exists()


class Broken:
    """Registers like a plugin; its demo hook fails halfway."""

    @hookimpl
    def unioncore_demo_data(self, workspace: Workspace, rng: random.Random, scale: str) -> list[Problem]:
        raise RuntimeError("演示数据生成失败")


def test_a_plugin_whose_demo_hook_raises_is_named_and_the_demo_is_still_written(tmp_path: Path) -> None:
    ws, problems = generate_with_problems(
        tmp_path / "ws", "small", enabled=["women", "broken"], plugins={"broken": Broken()}
    )
    [p] = problems
    assert p.plugin == "broken" and p.rule == "plugin.error"
    assert "unioncore_demo_data" in p.message and "演示数据生成失败" in p.message
    # the other plugin's records are there and everything was saved
    again, _ = unioncore.load(tmp_path / "ws", as_of=AS_OF)
    assert again.records_of("women_meeting")
    assert len(again.members) == len(ws.members) > 100


def bookshelf_plugin() -> types.SimpleNamespace:
    """A third-party plugin registered in-process: its own collection and demo data."""
    fields = (
        Field("id", required=True),
        Field("title", required=True),
        Field("org", required=True, ref="organisation"),
        Field("copies", Kind.INT),
    )

    @hookimpl
    def unioncore_collections() -> list[Collection]:
        return [Collection("book", "图书", fields, default_file="books.toml")]

    @hookimpl
    def unioncore_demo_data(workspace: Workspace, rng: random.Random, scale: str) -> list[Problem]:
        orgs = sorted(workspace.organisations)
        for i in range(3 if scale == "small" else 300):
            workspace.add_record(
                "book",
                id=f"B{i + 1:03d}",
                title=f"图书{i + 1}",
                org=rng.choice(orgs),
                copies=rng.randrange(1, 9),
            )
        return []

    return types.SimpleNamespace(
        unioncore_collections=unioncore_collections, unioncore_demo_data=unioncore_demo_data
    )


def test_a_third_party_plugin_adds_demo_data_through_the_same_hook(tmp_path: Path) -> None:
    plugin = bookshelf_plugin()
    ws, problems = generate_with_problems(tmp_path / "a", "small", enabled=[], plugins={"bookshelf": plugin})
    assert problems == []
    assert ws.config.enabled == ["bookshelf"]
    assert [r.key for r in ws.records_of("book")] == ["B001", "B002", "B003"]
    text = (tmp_path / "a" / "plugins" / "bookshelf" / "books.toml").read_text("utf-8")
    assert 'title = "图书1"' in text
    generate(tmp_path / "b", "small", enabled=[], plugins={"bookshelf": bookshelf_plugin()})
    assert records(tmp_path / "a") == records(tmp_path / "b")
    reopened, found = open_ws(tmp_path / "a", plugins={"bookshelf": plugin})
    assert len(reopened.records_of("book")) == 3
    assert not [p for p in found if p.severity is Severity.ERROR]
