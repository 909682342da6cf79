"""A table that shows one page of a long list of records at a time.

A `DataTable` lays out every row it holds: 100,000 members take many seconds to paint. This table
keeps only the keys of the whole list and renders the rows of the current page (100 by default),
so filtering a district's members costs one list comprehension and one page of cells.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Button, DataTable, Static
from textual.widgets.data_table import RowKey

Cell = str | Text
Render = Callable[[Any], Sequence[Cell]]
KeyOf = Callable[[Any], str]
SegmentLines = list[list[Segment]]


class PageTable(DataTable[Cell]):
    """The data table of a `PagedTable`: moving past the last row turns the page."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("[", "prev_page", "上一页", show=False),
        Binding("]", "next_page", "下一页", show=False),
    ]

    _CELL_CACHE_SIZE = 4096

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # rendered body cells by what they show and where, kept across pages and searches
        self._cells_by_value: dict[tuple[object, ...], SegmentLines] = {}
        # styles looked up once per `render_lines` call instead of once per line (each lookup
        # walks every ancestor of the table); None outside a call
        self._pass_styles: dict[str, Style] | None = None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cells_by_value.clear()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._pass_styles = {}
        try:
            return super().render_lines(crop)
        finally:
            self._pass_styles = None

    @property
    def rich_style(self) -> Style:
        styles = self._pass_styles
        if styles is None:
            return super().rich_style
        style = styles.get("")
        if style is None:
            style = styles[""] = super().rich_style
        return style

    def _get_row_style(self, row_index: int, base_style: Style) -> Style:
        styles = self._pass_styles
        if styles is None or (row_index >= self.fixed_rows and not self.zebra_stripes):
            return super()._get_row_style(row_index, base_style)
        if row_index == -1:
            name = "datatable--header"
        elif row_index < self.fixed_rows:
            name = "datatable--fixed"
        else:
            name = "datatable--odd-row" if row_index % 2 else "datatable--even-row"
        style = styles.get(name)
        if style is None:
            style = styles[name] = self.get_component_styles(name).rich_style
        return style

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> SegmentLines:
        """Reuse the rendering of a text cell that shows the same text at the same place.

        `DataTable` forgets every rendered cell whenever a row is added, so each search or page
        turn renders every visible cell again (most of a keystroke's time). A cell's rendering
        depends only on its text, its place (row, column, width, height) and the table's styles,
        all of which are in the key; the cache is emptied when the styles change."""
        if row_index < 0 or column_index < 0:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        if row_key is None or column_key is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        row = self.rows.get(row_key)
        value = self._data.get(row_key, {}).get(column_key)
        if row is None or row.auto_height or not isinstance(value, str):
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        key = (
            value,
            row_index,
            column_index,
            row.height,
            base_style,
            width,
            cursor,
            hover,
            self._show_hover_cursor,
            self.show_cursor,
            self.cursor_foreground_priority,
            self.cursor_background_priority,
            self.fixed_rows,
            self.fixed_columns,
            self.cell_padding,
            self._pseudo_class_state,
        )
        lines = self._cells_by_value.get(key)
        if lines is None:
            lines = super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
            if len(self._cells_by_value) >= self._CELL_CACHE_SIZE:
                self._cells_by_value.clear()
            self._cells_by_value[key] = lines
        return lines

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """Skip measuring the cells of new rows when nothing depends on it: every column has a
        fixed width and every new row is one line high without a label (a page of 100 rows
        otherwise costs 800 measurements on every keystroke of a search)."""
        if not any(column.auto_width for column in self.columns.values()):
            rows = self.rows
            plain = [key for key in new_rows if key in rows]
            if all(rows[key].label is None and not rows[key].auto_height for key in plain):
                new_rows = ()
        super()._update_dimensions(new_rows)

    def _owner(self) -> PagedTable | None:
        parent = self.parent
        return parent if isinstance(parent, PagedTable) else None

    def action_prev_page(self) -> None:
        owner = self._owner()
        if owner is not None:
            owner.turn(-1)

    def action_next_page(self) -> None:
        owner = self._owner()
        if owner is not None:
            owner.turn(1)

    def action_cursor_down(self) -> None:
        owner = self._owner()
        if owner is not None and self.row_count and self.cursor_row >= self.row_count - 1:
            if owner.turn(1):
                return
        super().action_cursor_down()

    def action_cursor_up(self) -> None:
        owner = self._owner()
        if owner is not None and self.row_count and self.cursor_row == 0:
            if owner.turn(-1, to_end=True):
                return
        super().action_cursor_up()


class PagedTable(Vertical):
    """Columns given as (label, width); rows set as a sequence of items (ids, positions …) with a
    function rendering one item and one giving its key (the DataTable's row key, a string)."""

    DEFAULT_CSS = """
    PagedTable { height: 1fr; }
    PagedTable > PageTable { height: 1fr; }
    PagedTable > .pager { height: 1; }
    PagedTable > .pager > Static {
        width: 1fr; height: 1; content-align: center middle; color: $text-muted;
    }
    PagedTable > .pager > Button { min-width: 8; width: auto; }
    """

    def __init__(
        self,
        columns: Sequence[tuple[str, int | None]],
        *,
        page_size: int = 100,
        empty: str = "没有符合条件的记录",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.columns = list(columns)
        self.page_size = page_size
        self.empty = empty
        self.items: Sequence[Any] = ()
        self.page = 0
        self._row_renderer: Render = lambda item: (str(item),)
        self._key_of: KeyOf = str
        self._label_text: str | None = None

    def compose(self) -> ComposeResult:
        table = PageTable(cursor_type="row", zebra_stripes=True)
        for label, width in self.columns:
            table.add_column(label, width=width)
        yield table
        with Horizontal(classes="pager"):
            prev = Button("◀ 上一页", id="prev-page", compact=True)
            prev.can_focus = False
            yield prev
            yield Static("", id="page-label")
            nxt = Button("下一页 ▶", id="next-page", compact=True)
            nxt.can_focus = False
            yield nxt

    @property
    def table(self) -> PageTable:
        return self.query_one(PageTable)

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.items) // self.page_size))

    @property
    def keys(self) -> list[str]:
        """The keys of every item (all pages)."""
        return [self._key_of(item) for item in self.items]

    def set_rows(
        self,
        items: Sequence[Any],
        render: Render,
        *,
        key: KeyOf = str,
        select: str | None = None,
    ) -> None:
        """Show `items` (the whole list), rendering only the current page; keep the page if possible."""
        self.items = items
        self._row_renderer = render
        self._key_of = key
        if select is not None and self.select_key(select):
            return
        self.page = min(self.page, self.pages - 1)
        self._show(cursor=self.table.cursor_row if self.table.row_count else 0)

    def select_key(self, key: str) -> bool:
        """Go to the page holding the item with `key` and put the cursor on it."""
        key_of = self._key_of
        pos = next((i for i, item in enumerate(self.items) if key_of(item) == key), None)
        if pos is None:
            return False
        self.page = pos // self.page_size
        self._show(cursor=pos % self.page_size)
        return True

    def turn(self, step: int, *, to_end: bool = False) -> bool:
        """Turn the page by `step`; False when there is no such page."""
        target = self.page + step
        if not 0 <= target < self.pages:
            return False
        self.page = target
        self._show(cursor=self.page_size - 1 if to_end else 0)
        return True

    def _show(self, cursor: int = 0) -> None:
        table = self.table
        table.clear()
        start = self.page * self.page_size
        chunk = self.items[start : start + self.page_size]
        for item in chunk:
            table.add_row(*self._row_renderer(item), key=self._key_of(item))
        if chunk:
            table.move_cursor(row=min(max(cursor, 0), len(chunk) - 1), animate=False)
        if not self.items:
            text = self.empty
        elif self.pages == 1:
            text = f"共 {len(self.items):,} 条"
        else:
            text = f"第 {self.page + 1}/{self.pages} 页 · 共 {len(self.items):,} 条 · [ ] 翻页"
        if text != self._label_text:
            self._label_text = text
            # the label's size is fixed by the CSS (1fr × 1): no layout pass needed
            self.query_one("#page-label", Static).update(text, layout=False)
        self.query_one("#prev-page", Button).disabled = self.page == 0
        self.query_one("#next-page", Button).disabled = self.page >= self.pages - 1

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "prev-page":
            event.stop()
            self.turn(-1)
        elif event.button.id == "next-page":
            event.stop()
            self.turn(1)

    @property
    def selected_key(self) -> str | None:
        table = self.table
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return str(row_key.value) if row_key.value is not None else None

    def refresh_rows(self) -> None:
        """Render the current page again (after a record on it changed)."""
        self._show(cursor=self.table.cursor_row)
