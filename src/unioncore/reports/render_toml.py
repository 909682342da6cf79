"""TOML: the machine-readable form of a report, and what a roll-up (逐级汇总) reads.

    format = "unioncore-report"
    format_version = 1
    kind = "statistics"                 # or "public_account", "summary"
    title = "幸福街道总工会2026年度工会统计年报"
    [org]     code, name                # who reports
    [period]  start, end                # the statistical period
    [[covers]] code, name, uscc         # every organisation whose records are counted
    [[figure]] key, label, value, unit, group, records (how many records are behind it), note,
               plugin, parts (keys that add up to it), numerator / denominator (for a rate)
    [[block]]  type = "heading" | "paragraph" | "table", and its text or columns / rows / keys

Money and other decimals are strings ("359460.52"): TOML floats cannot hold fen exactly. Only
counts of records are written, never the records themselves, so no personal data is in the file.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import tomli_w

from .. import __version__
from ..registry import Figure
from .model import Cell, Heading, Paragraph, Report, Table

FORMAT = "unioncore-report"
FORMAT_VERSION = 1


def toml_value(value: int | Decimal) -> int | str:
    return value if isinstance(value, int) else str(value)


def _cell(c: Cell) -> str:
    if c is None:
        return ""
    return c if isinstance(c, str) else str(c)


def figure_data(report: Report, f: Figure) -> dict[str, Any]:
    d: dict[str, Any] = {
        "key": f.key,
        "label": f.label,
        "value": toml_value(f.value),
        "unit": f.unit,
        "group": f.group,
        "records": len(f.refs),
    }
    if f.note:
        d["note"] = f.note
    if f.plugin:
        d["plugin"] = f.plugin
    if f.key in report.parts:
        d["parts"] = list(report.parts[f.key])
    ratio = report.ratios.get(f.key)
    if ratio is not None:
        d["numerator"] = toml_value(ratio.numerator)
        d["denominator"] = toml_value(ratio.denominator)
    d.update(report.extra.get(f.key, {}))
    return d


def report_data(report: Report) -> dict[str, Any]:
    blocks: list[dict[str, Any]] = []
    for b in report.blocks:
        if isinstance(b, Heading):
            blocks.append({"type": "heading", "level": b.level, "text": b.text})
        elif isinstance(b, Paragraph):
            blocks.append({"type": "paragraph", "role": b.role, "text": b.text})
        elif isinstance(b, Table):
            blocks.append(
                {
                    "type": "table",
                    "title": b.title,
                    "columns": list(b.columns),
                    "rows": [[_cell(c) for c in row] for row in b.rows],
                    "keys": [k or "" for k in b.keys],
                }
            )
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "kind": report.kind,
        "title": report.title,
        "generated_by": f"unioncore {__version__}",
        "org": {"code": report.org_code, "name": report.org_name},
        "period": {"start": report.period.start, "end": report.period.end},
        "covers": [
            {k: v for k, v in (("code", o.code), ("name", o.name), ("uscc", o.uscc)) if v}
            for o in report.covers
        ],
        "figure": [figure_data(report, f) for f in report.figures],
        "block": blocks,
    }


def render_toml(report: Report) -> str:
    return tomli_w.dumps(report_data(report))


def write_toml(report: Report, path: str | Path) -> None:
    Path(path).write_text(render_toml(report), encoding="utf-8")
