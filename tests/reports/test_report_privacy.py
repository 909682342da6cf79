"""No 公民身份号码 or phone number appears unmasked in any report, export or explanation — unless
the officer asks for it with --reveal."""

from __future__ import annotations

from pathlib import Path

from report_helpers import copy_example, output_text

import unioncore
from unioncore.cli import main
from unioncore.exports import export_beancount, export_xlsx
from unioncore.reports import KINDS, build, render
from unioncore.reports.explain import explain, format_explanation


def test_no_unmasked_numbers_anywhere(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    ws_dir = copy_example(tmp_path)
    ws, _ = unioncore.load(ws_dir)
    secrets = {m.id_number for m in ws.members.values() if m.id_number} | {
        m.phone for m in ws.members.values() if m.phone
    }
    assert len(secrets) > 100
    out = tmp_path / "out"
    out.mkdir()
    for kind in KINDS:
        report, _ = build(ws, kind, 2026)
        for fmt in ("md", "toml", "xlsx", "docx"):
            render(report, fmt, out / f"{kind}.{fmt}")
    for what in ("members", "ledger", "events", "stats"):
        export_xlsx(ws, what, out / f"{what}.xlsx")
    export_beancount(ws, out / "ledger.beancount")
    lines = []
    for figure in ("members.total", "女会员", "funds.expense", "public.XF-01.50105"):
        found, _ = explain(ws, figure, 2026)
        lines += [line for x in found for line in format_explanation(x)]
    assert main(["explain", str(ws_dir), "members.category.migrant_worker"]) == 0
    printed = capsys.readouterr()
    files = sorted(out.iterdir())
    assert len(files) == 12 + 4 + 1
    texts = {p.name: output_text(p) for p in files}
    texts["explain"] = "\n".join(lines) + printed.out + printed.err
    leaks = {name: sorted(s for s in secrets if s in text) for name, text in texts.items()}
    assert {name: found for name, found in leaks.items() if found} == {}
    # the masked forms are there, so the check above looked at real content
    some = next(m for m in ws.members.values() if m.id_number)
    assert some.masked_id_number in texts["members.xlsx"] and some.masked_id_number in texts["explain"]
    # and --reveal does reveal
    assert (
        main(["export", str(ws_dir), "--what", "members", "--out", str(tmp_path / "all.xlsx"), "--reveal"])
        == 0
    )
    revealed = output_text(tmp_path / "all.xlsx")
    assert all(s in revealed for s in secrets)
