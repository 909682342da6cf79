"""The bundled example workspace loads with no error and the CLI reports on it."""

from __future__ import annotations

from conftest import EXAMPLE, open_ws

from unioncore.cli import main


def test_example_has_no_errors() -> None:
    ws, problems = open_ws(EXAMPLE)
    errors = [p.format() for p in problems if p.is_error]
    assert errors == []
    assert len(ws.organisations) >= 6
    assert 100 <= len(ws.members) <= 250


def test_check_example_exits_zero(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["check", str(EXAMPLE), "--as-of", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert "错误 0" in out
