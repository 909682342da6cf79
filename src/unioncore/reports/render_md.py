"""Markdown: headings, paragraphs and pipe tables; each table row ends with its figure key."""

from __future__ import annotations

from .model import Heading, Paragraph, Report, Table, format_cell, numeric_columns


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table_md(t: Table) -> list[str]:
    with_keys = any(t.keys)
    columns = [*t.columns, "编号"] if with_keys else list(t.columns)
    lines = [f"**{t.title}**", "", "| " + " | ".join(columns) + " |"]
    numeric = numeric_columns(t)
    aligns = ["---:" if i in numeric else "---" for i in range(len(t.columns))]
    if with_keys:
        aligns.append("---")
    lines.append("| " + " | ".join(aligns) + " |")
    for i, row in enumerate(t.rows):
        cells = [_escape(format_cell(c, j in t.money)) for j, c in enumerate(row)]
        if with_keys:
            key = t.key_of(i)
            cells.append(f"`{key}`" if key else "")
        lines.append("| " + " | ".join(cells) + " |")
    if t.note:
        lines += ["", f"注：{t.note}"]
    return lines


def render_md(report: Report) -> str:
    lines = [f"# {report.title}", ""]
    if report.subtitle:
        lines += [report.subtitle, ""]
    for b in report.blocks:
        if isinstance(b, Heading):
            lines += ["#" * (b.level + 1) + " " + b.text, ""]
        elif isinstance(b, Paragraph):
            text = _escape(b.text) if b.role != "body" else b.text
            lines += [f"> {text}" if b.role == "note" else text, ""]
        elif isinstance(b, Table):
            lines += [*table_md(b), ""]
    return "\n".join(lines).rstrip() + "\n"
