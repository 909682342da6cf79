"""A report as a small document model: headings, paragraphs and tables, plus every figure printed.

Each renderer (`render_md`, `render_docx`, `render_xlsx`, `render_toml`) turns a `Report` into a file;
the builders (`statistics`, `public_account`, `summary`) never format for one output in particular.
A table cell is text, an integer or a `Decimal`; the renderers format numbers (money with two
decimals and thousands separators) or, in Excel, write them as numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from ..registry import Figure, Period


class Money(Decimal):
    """An amount in yuan in a table cell: printed with two decimals and thousands separators."""

    __slots__ = ()


Cell = str | int | Decimal | None


def figure_cell(value: int | Decimal, unit: str) -> int | Decimal:
    """The value of a figure for a table cell (amounts in 元 marked as money)."""
    return Money(value) if unit == "元" else value


@attrs.frozen
class Heading:
    text: str
    level: int = 1


@attrs.frozen
class Paragraph:
    """Body text; `role` is "body", "note" (small print) or "sign" (signature lines, right-aligned)."""

    text: str
    role: str = "body"


@attrs.frozen
class Table:
    """A table. `keys` gives, per row, the key of the figure the row prints (for `unioncore explain`).

    `money` lists the columns that hold amounts in yuan (formatted with two decimals); `sheet` is the
    Excel sheet name (default: the title).
    """

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    keys: tuple[str | None, ...] = ()
    money: frozenset[int] = frozenset()
    note: str = ""
    sheet: str = ""

    def key_of(self, row: int) -> str | None:
        return self.keys[row] if row < len(self.keys) else None


Block = Heading | Paragraph | Table


@attrs.frozen
class Ratio:
    """How a rate was computed, so that a roll-up recomputes it instead of summing it."""

    numerator: int | Decimal
    denominator: int | Decimal


@attrs.frozen
class OrgRef:
    """An organisation whose records a report counts (roll-up uses it to find double counting)."""

    code: str
    name: str
    uscc: str = ""

    @property
    def identity(self) -> str:
        """The same union in two exports: the same 统一社会信用代码, else the same code and name."""
        return f"uscc:{self.uscc}" if self.uscc else f"code:{self.code}|{self.name}"


@attrs.frozen
class Report:
    """One report: `kind` is "statistics", "public_account" or "summary"."""

    kind: str
    title: str
    org_code: str
    org_name: str
    period: Period
    blocks: tuple[Block, ...]
    figures: tuple[Figure, ...] = ()  # every figure the report prints, each with refs
    subtitle: str = ""
    covers: tuple[OrgRef, ...] = ()
    ratios: dict[str, Ratio] = attrs.field(factory=dict, eq=False)
    parts: dict[str, tuple[str, ...]] = attrs.field(factory=dict, eq=False)  # total key -> part keys
    # per figure key, more fields for the TOML export (a roll-up's record counts and sources)
    extra: dict[str, dict[str, Any]] = attrs.field(factory=dict, eq=False)

    def figure(self, key: str) -> Figure | None:
        for f in self.figures:
            if f.key == key:
                return f
        return None

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


KIND_TITLES = {"statistics": "统计年报", "public_account": "经费收支公开", "summary": "工作总结"}


def printable(f: Figure | None) -> bool:
    """A figure is printed only when records support it (shared rule: no record, no number)."""
    return f is not None and bool(f.refs)


def only_printable(figures: Iterable[Figure]) -> list[Figure]:
    return [f for f in figures if printable(f)]


def unique_figures(figures: Iterable[Figure]) -> tuple[Figure, ...]:
    """Figures in first-seen order, each key once."""
    seen: dict[str, Figure] = {}
    for f in figures:
        seen.setdefault(f.key, f)
    return tuple(seen.values())


def numeric_columns(t: Table) -> set[int]:
    """Columns that hold numbers (right-aligned): money columns and any column with a number in it."""
    out = set(t.money)
    for row in t.rows:
        for j, c in enumerate(row):
            if isinstance(c, int | Decimal) and not isinstance(c, bool):
                out.add(j)
    return out


def format_number(value: int | Decimal, money: bool = False) -> str:
    """186 -> "186", 12345.5 (money) -> "12,345.50", 91.0 -> "91.0" (the digits it was computed to)."""
    if isinstance(value, bool):
        return str(value)
    if money:
        return f"{Decimal(value):,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    if value.as_tuple().exponent >= 0:  # type: ignore[operator]
        return f"{int(value):,}"
    return f"{value:,f}"


def format_cell(cell: Cell, money: bool = False) -> str:
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell
    return format_number(cell, money or isinstance(cell, Money))


def figure_text(f: Figure) -> str:
    """The figure as printed in a sentence: "186人", "359,460.52元", "76.1%"."""
    return format_number(f.value, f.unit == "元") + f.unit
