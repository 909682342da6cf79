"""Plugins: loading from entry points and in-process, collections, and misbehaving plugins."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from conftest import open_ws, snapshot_bytes

import unioncore
from unioncore import Collection, EventType, Field, Figure, Kind, Problem, hookimpl


def make_plugin(name: str, **hooks: object) -> types.ModuleType:
    mod = types.ModuleType(name)
    for hook, fn in hooks.items():
        setattr(mod, hook, hookimpl(fn))  # type: ignore[arg-type]
    return mod


def hazard_plugin() -> types.ModuleType:
    def unioncore_collections() -> list[Collection]:
        return [
            Collection(
                "hazard",
                "隐患",
                (
                    Field("id", required=True),
                    Field("found", Kind.DATE, label="发现日期", required=True),
                    Field("unit", label="单位", ref="organisation"),
                    Field("cost", Kind.MONEY, label="整改费用"),
                ),
                default_file="hazards.toml",
            )
        ]

    return make_plugin("hazards", unioncore_collections=unioncore_collections)


def test_plugin_collections_load_check_and_save(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace(
        {
            "plugins/hz/hazards.toml": """
                [[hazard]]
                id = "H1"
                found = 2026-03-01
                unit = "A"
                cost = "120.50"

                [[hazard]]
                id = "H2"
                found = 2026-03-02
                unit = "ZZZ"

                [[hazard]]
                id = "H1"
                found = 2026-03-03

                [[hazard]]
                id = "H3"
                found = "soon"
                cost = 3.5

                [[danger]]
                id = "X"
            """
        },
        enabled=["hz"],
    )
    ws, problems = open_ws(root, plugins={"hz": hazard_plugin()})
    got = {(p.line, p.message) for p in problems if p.file == "plugins/hz/hazards.toml"}
    assert (10, "“单位”引用的“ZZZ”不存在") in got
    assert any(line == 13 and "重复" in msg for line, msg in got)
    assert any(line == 18 and "应为日期" in msg for line, msg in got)
    assert any(line == 19 and "浮点数" in msg for line, msg in got)
    assert any(line == 21 and "没有名为“danger”" in msg for line, msg in got)
    assert str(ws.record("hazard", "H1")["cost"]) == "120.50"


def test_plugin_records_are_added_and_saved(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace(enabled=["hz"])
    ws, _ = open_ws(root, plugins={"hz": hazard_plugin()})
    with pytest.raises(unioncore.ValidationError):
        ws.add_record("hazard", id="H1", found="2026-03-01", unit="NOPE")
    ws.add_record("hazard", id="H1", found="2026-03-01", unit="A")
    assert ws.save() == ["plugins/hz/hazards.toml"]
    ws2, problems = open_ws(root, plugins={"hz": hazard_plugin()})
    assert ws2.record("hazard", "H1")["unit"] == "A"
    assert not [p for p in problems if p.is_error]


def test_disabled_plugin_files_are_untouched_and_unreported(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"plugins/hz/hazards.toml": "[[hazard]]\nid = 1\nbroken = true\n"})
    before = snapshot_bytes(root)
    ws, problems = open_ws(root, plugins={"hz": hazard_plugin()})
    assert not [p for p in problems if p.file and p.file.startswith("plugins/")]
    ws.add_member("A", id="M1", name="张三")
    ws.save()
    after = snapshot_bytes(root)
    assert after["plugins/hz/hazards.toml"] == before["plugins/hz/hazards.toml"]


def test_a_plugin_that_raises_is_reported_by_name_and_the_rest_goes_on(make_workspace) -> None:  # type: ignore[no-untyped-def]
    def unioncore_validate(workspace: object) -> list[Problem]:
        raise RuntimeError("boom")

    def unioncore_statistics(workspace: object, period: object) -> list[Figure]:
        raise ZeroDivisionError("division by zero")

    root = make_workspace(enabled=["bad"])
    ws, problems = open_ws(
        root,
        plugins={
            "bad": make_plugin(
                "bad", unioncore_validate=unioncore_validate, unioncore_statistics=unioncore_statistics
            )
        },
    )
    [p] = [p for p in problems if p.plugin == "bad"]
    assert "插件“bad”在 unioncore_validate 中出错" in p.message and "boom" in p.message
    figures, errors = ws.figures()
    assert any(f.key == "members.total" for f in figures)
    assert errors[0].plugin == "bad" and "unioncore_statistics" in errors[0].message


def test_a_plugin_returning_the_wrong_type_is_reported(make_workspace) -> None:  # type: ignore[no-untyped-def]
    def unioncore_event_types() -> object:
        return "not a list"

    def unioncore_validate(workspace: object) -> list[object]:
        return ["a string, not a Problem"]

    root = make_workspace(enabled=["odd"])
    ws, problems = open_ws(
        root,
        plugins={
            "odd": make_plugin(
                "odd", unioncore_event_types=unioncore_event_types, unioncore_validate=unioncore_validate
            )
        },
    )
    texts = [p.message for p in problems if p.plugin == "odd"]
    assert any("应返回列表" in t for t in texts)
    assert any("返回了 str" in t for t in texts)
    assert "culture_sports" in ws.event_types


def test_plugin_event_types_and_their_fields(make_workspace) -> None:  # type: ignore[no-untyped-def]
    def unioncore_event_types() -> list[EventType]:
        return [EventType("quiz", "知识竞赛", (Field("questions", Kind.INT, label="题数", required=True),))]

    root = make_workspace(
        {
            "orgs/A/events/2026.toml": """
                [[event]]
                id = "E1"
                type = "quiz"
                title = "安全知识竞赛"
                start = 2026-06-01
                questions = 50

                [[event]]
                id = "E2"
                type = "quiz"
                title = "没题数"
                start = 2026-06-02
                question = 3
            """
        },
        enabled=["quiz"],
    )
    ws, problems = open_ws(
        root, plugins={"quiz": make_plugin("quiz", unioncore_event_types=unioncore_event_types)}
    )
    assert ws.events["E1"].fields == {"questions": 50}
    assert ws.event_types["quiz"].plugin == "quiz"
    texts = {(p.line, p.message) for p in problems}
    assert (8, "缺少必填字段“题数”（questions）") in texts
    assert (13, "未知字段“question”（拼写错误？）") in texts
    # saving an unchanged plugin-typed event keeps its own fields
    ws.update_event("E1", title="安全知识竞赛（决赛）")
    with pytest.raises(unioncore.SaveError):
        ws.save()  # the file had a decode error (E2), so it is never rewritten


def test_enabled_but_missing_plugin_is_a_warning(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace(enabled=["nonexistent"])
    _, problems = open_ws(root)
    [p] = [p for p in problems if p.plugin == "nonexistent"]
    assert p.severity is unioncore.Severity.WARNING and "未安装" in p.message


def _fake_distribution(site: Path, name: str, module: str) -> None:
    dist = site / f"{name}-0.1.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(f"[unioncore]\n{name} = {module}\n", encoding="utf-8")


def test_plugin_from_an_entry_point_and_one_that_fails_to_import(
    make_workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    site = tmp_path / "site"
    _fake_distribution(site, "goodone", "goodone_mod")
    _fake_distribution(site, "brokenone", "brokenone_mod")
    (site / "goodone_mod.py").write_text(
        "from unioncore import hookimpl, MemberCategory\n"
        "@hookimpl\n"
        "def unioncore_member_categories():\n"
        "    return [MemberCategory('veteran', '退役军人')]\n",
        encoding="utf-8",
    )
    (site / "brokenone_mod.py").write_text("raise ImportError('missing dependency xyz')\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    root = make_workspace(enabled=["goodone", "brokenone"])
    ws, problems = open_ws(root)
    assert ws.categories["veteran"].plugin == "goodone"
    [p] = [p for p in problems if p.plugin == "brokenone"]
    assert "无法加载" in p.message and "missing dependency xyz" in p.message
    monkeypatch.setenv("UNIONCORE_DISABLE_PLUGIN_AUTOLOAD", "1")
    ws, _ = open_ws(root)
    assert "veteran" not in ws.categories
    sys.modules.pop("goodone_mod", None)


def test_a_misspelled_hook_is_refused(make_workspace) -> None:  # type: ignore[no-untyped-def]
    mod = types.ModuleType("typo")
    mod.unioncore_validat = hookimpl(lambda workspace: [])  # type: ignore[attr-defined]
    root = make_workspace(enabled=["typo"])
    _, problems = open_ws(root, plugins={"typo": mod})
    [p] = [p for p in problems if p.plugin == "typo"]
    assert "无法注册" in p.message and "unioncore_validat" in p.message
