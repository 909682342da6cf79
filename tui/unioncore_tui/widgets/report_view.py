"""A report (`unioncore.reports.Report`) laid out for reading in the terminal.

Headings and paragraphs are text; each table is a `DataTable` whose rows remember the figure they
print, so the officer can move to a number and ask for the records behind it. Blocks are mounted
in batches: a district's 收支公开 has thousands of them, and the preview must stay quick.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.events import Resize
from textual.geometry import Region, Spacing
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, DataTable, Static

from unioncore.registry import Figure
from unioncore.reports.model import (
    Block,
    Heading,
    Paragraph,
    Report,
    Table,
    format_cell,
    numeric_columns,
)

BATCH = 80  # blocks mounted at a time
TEXT_COLUMN_MAX = 28  # wider text (the 说明 column) is cut; the whole of it is in the detail line


# a run of Latin letters, digits and the signs inside numbers and names stays on one line;
# anything else (a Chinese character, a space, a punctuation mark) is a token of its own
_TOKEN = re.compile(r"[A-Za-z0-9_.:/@%+\-]+|.", re.S)
# marks that may not begin a line (避头点): they pull the character before them down with them
_NO_LINE_START = set("，。、；：？！）》」』】”’…%,.;:?!)")


def cell_width(text: str) -> int:
    return cell_len(text)


def fold(text: str, width: int) -> list[str]:
    """Lines of `text` at most `width` cells wide, broken between any two Chinese characters.

    A terminal's word wrap breaks only at spaces, so a Chinese sentence after a Latin word
    ("本稿由 unioncore 根据…") would jump to the next line whole; this folds it like print does."""
    if width <= 1:
        return [text]
    out: list[str] = []
    for para in text.split("\n"):
        line: list[str] = []
        used = 0
        for token in _TOKEN.findall(para):
            w = cell_len(token)
            if used + w > width and line:
                carry: list[str] = []
                if token in _NO_LINE_START and len(line) > 1:
                    carry = [line.pop()]
                out.append("".join(line).rstrip())
                line = [t for t in carry if not t.isspace()]
                used = sum(cell_len(t) for t in line)
                if token.isspace() and not line:
                    continue
            line.append(token)
            used += w
        out.append("".join(line).rstrip())
    return out


class Prose(Static):
    """A paragraph of Chinese text, folded to the width it is given (see `fold`)."""

    def __init__(self, text: str, *, classes: str | None = None) -> None:
        super().__init__(Text(text), classes=classes)
        self.text = text
        self._width = 0

    def on_resize(self, event: Resize) -> None:
        width = event.size.width
        if width and width != self._width:
            self._width = width
            self.update(Text("\n".join(fold(self.text, width))))


class ReportTable(DataTable[str | Text]):
    """One table of a report. Up/down past its first or last row moves to the table before or
    after it, so the arrow keys walk through every figure of the report."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "背后的记录", show=True),
    ]

    class Highlighted(Message):
        """The cursor is on a row (its figure key, or None for a row without one)."""

        def __init__(self, table: ReportTable, key: str | None) -> None:
            super().__init__()
            self.table = table
            self.key = key

    class Chosen(Message):
        """Enter on a row: show the records behind its figure."""

        def __init__(self, table: ReportTable, key: str | None) -> None:
            super().__init__()
            self.table = table
            self.key = key

    def __init__(self, model: Table, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id, classes="report-table")
        self.model = model
        numeric = numeric_columns(model)
        rows = [[format_cell(c, j in model.money) for j, c in enumerate(row)] for row in model.rows]
        for j, label in enumerate(model.columns):
            widest = max([cell_width(label), *(cell_width(r[j]) for r in rows if j < len(r))])
            width = widest if j in numeric else min(widest, TEXT_COLUMN_MAX)
            self.add_column(label, width=width)
        for i, row in enumerate(rows):
            cells: list[str | Text] = [
                Text(c, justify="right") if j in numeric else c for j, c in enumerate(row)
            ]
            self.add_row(*cells, key=str(i))
        # as tall as its rows: the report scrolls, not the table
        self.styles.height = len(rows) + self.header_height

    def key_at(self, row: int) -> str | None:
        return self.model.key_of(row)

    @property
    def view(self) -> ReportView | None:
        parent = self.parent
        return parent if isinstance(parent, ReportView) else None

    def action_cursor_down(self) -> None:
        view = self.view
        if view is not None and self.cursor_row >= self.row_count - 1 and view.step_table(self, 1):
            return
        super().action_cursor_down()

    def action_cursor_up(self) -> None:
        view = self.view
        if view is not None and self.cursor_row <= 0 and view.step_table(self, -1):
            return
        super().action_cursor_up()

    def on_focus(self) -> None:
        self.call_after_refresh(self.show_cursor_row)
        self.post_message(self.Highlighted(self, self.key_at(self.cursor_row)))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if self.has_focus:  # not when the table is first laid out
            self.show_cursor_row()
            self.post_message(self.Highlighted(self, self.key_at(event.cursor_row)))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self, self.key_at(event.cursor_row)))

    def show_cursor_row(self) -> None:
        """Scroll the report so that the cursor's row (and, on the first row, the table's title
        above it) is in view: the table has no scrollbar of its own."""
        view = self.view
        if view is None:
            return
        top = self.virtual_region.y
        y = top + self.header_height + self.cursor_row
        first = top - 1 if self.cursor_row == 0 else y
        view.scroll_to_region(
            Region(0, first, 1, y - first + 1), animate=False, spacing=Spacing(0, 0, 0, 0), immediate=True
        )


def _block_widgets(block: Block, n: int) -> list[Widget]:
    if isinstance(block, Heading):
        return [Static(Text(block.text), classes=f"report-h{min(block.level, 3)}")]
    if isinstance(block, Paragraph):
        return [Prose(block.text, classes=f"report-p report-{block.role}")]
    out: list[Widget] = [Static(Text(block.title), classes="report-table-title")]
    if block.rows:
        out.append(ReportTable(block, id=f"report-table-{n}"))
    else:
        out.append(Static("（无数据）", classes="report-p report-note"))
    if block.note:
        out.append(Prose(f"注：{block.note}", classes="report-p report-note"))
    return out


class ReportView(VerticalScroll):
    """The preview of one report."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.report: Report | None = None
        self._figures: dict[str, Figure] = {}
        self._shown = 0  # blocks mounted so far
        self._tables = 0

    def compose(self) -> ComposeResult:
        yield Static("", classes="report-placeholder")

    async def show(self, report: Report | None, message: str = "", notes: Sequence[str] = ()) -> None:
        """Replace the preview by `report` (or by `message` when there is none); `notes` (what
        the reports library said about it) go above it."""
        self.report = report
        self._figures = {f.key: f for f in report.figures} if report else {}
        self._shown = 0
        self._tables = 0
        await self.remove_children()
        self.scroll_home(animate=False)
        if report is None:
            await self.mount(Prose(message, classes="report-placeholder"))
            return
        head: list[Widget] = [Prose(f"注意：{n}", classes="report-p report-warning") for n in notes]
        head.append(Static(Text(report.title), classes="report-title"))
        if report.subtitle:
            head.append(Static(Text(report.subtitle), classes="report-subtitle"))
        await self.mount_all(head)
        await self.show_more()

    async def show_more(self) -> None:
        """Mount the next batch of blocks (and a button for the rest, if any)."""
        report = self.report
        if report is None:
            return
        await self.query("#report-more").remove()
        blocks: Sequence[Block] = report.blocks[self._shown : self._shown + BATCH]
        widgets: list[Widget] = []
        for block in blocks:
            if isinstance(block, Table):
                self._tables += 1
            widgets += _block_widgets(block, self._tables)
        self._shown += len(blocks)
        rest = len(report.blocks) - self._shown
        if rest > 0:
            more = Button(f"显示其余 {rest} 段…", id="report-more", compact=True)
            widgets.append(more)
        await self.mount_all(widgets)

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "report-more":
            event.stop()
            before = len(self.tables)
            await self.show_more()
            tables = self.tables
            if len(tables) > before:
                tables[before].focus()

    @property
    def tables(self) -> list[ReportTable]:
        return list(self.query(ReportTable))

    def figure(self, key: str | None) -> Figure | None:
        return self._figures.get(key) if key else None

    def step_table(self, table: ReportTable, step: int) -> bool:
        """Move the focus to the table before (-1) or after (1) `table`; False when there is none."""
        tables = self.tables
        try:
            i = tables.index(table)
        except ValueError:
            return False
        j = i + step
        if not 0 <= j < len(tables):
            return False
        target = tables[j]
        target.move_cursor(row=0 if step > 0 else max(target.row_count - 1, 0), animate=False)
        target.focus()
        return True

    def find(self, key: str) -> tuple[ReportTable, int] | None:
        """The table and row that print the figure `key`."""
        for table in self.tables:
            for row in range(table.row_count):
                if table.key_at(row) == key:
                    return table, row
        return None

    def select(self, key: str) -> bool:
        """Put the cursor on the row of figure `key` and focus its table."""
        found = self.find(key)
        if found is None:
            return False
        table, row = found
        table.move_cursor(row=row, animate=False)
        table.focus()
        return True
