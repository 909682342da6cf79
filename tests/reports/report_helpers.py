"""Helpers for the report tests: copy the example, read back docx / xlsx / any output as text."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import EXAMPLE

from unioncore.identifiers import ric_check_char


def copy_example(tmp_path: Path) -> Path:
    target = tmp_path / "ws"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(".unioncore.lock"))
    return target


def ric(area: str = "110105", born: str = "19900307", seq: str = "123") -> str:
    """A valid 公民身份号码 (GB 11643 check digit) for test data."""
    first = area + born + seq
    return first + ric_check_char(first)


def docx_text(path: Path) -> str:
    import docx

    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.append("\t".join(c.text for c in row.cells))
    return "\n".join(parts)


def xlsx_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    wb = load_workbook(str(path))
    return {name: [tuple(r) for r in wb[name].iter_rows(values_only=True)] for name in wb.sheetnames}


def xlsx_text(path: Path) -> str:
    return "\n".join(
        "\t".join("" if c is None else str(c) for c in row)
        for rows in xlsx_rows(path).values()
        for row in rows
    )


def output_text(path: Path) -> str:
    if path.suffix == ".docx":
        return docx_text(path)
    if path.suffix == ".xlsx":
        return xlsx_text(path)
    return path.read_text(encoding="utf-8")
