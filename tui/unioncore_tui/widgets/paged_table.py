"""A table that shows one page of a long list of records at a time.

A `DataTable` lays out every row it holds: 100,000 members take many seconds to paint. This table
keeps only the keys of the whole list and renders the rows of the current page (100 by default),
so filtering a district's members costs one list comprehension and one page of cells.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from itertools import zip_longest
from typing import Any, ClassVar

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.coordinate import Coordinate
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Button, DataTable, Static
from textual.widgets.data_table import Column, DuplicateKey, Row, RowKey

Cell = str | Text
Render = Callable[[Any], Sequence[Cell]]
KeyOf = Callable[[Any], str]
SegmentLines = list[list[Segment]]

# what makes `DataTable` treat a string as more than plain text: rich markup ("[b]"), emoji codes
# (":smile:") and control characters (line breaks, tabs, escapes)
_UNPLAIN = re.compile(r"[\[:\x00-\x1f\x7f]")


class PageTable(DataTable[Cell]):
    """The data table of a `PagedTable`: moving past the last row turns the page.

    A search shows a new page of rows on every keystroke, and `DataTable` draws each of their
    cells through rich (markup parsing, padding, console rendering) and each line through its
    general code for labels, fixed columns and every cursor type. A cell holding plain text (no
    markup, emoji code or control character) in a one-line row is drawn here directly as one
    segment, and so is a whole line of such cells under a row cursor: the same characters and
    styles as `DataTable` draws (tests/tui/test_paged_table.py compares them), at a fraction of
    the cost. Other cells and lines are left to `DataTable`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("[", "prev_page", "上一页", show=False),
        Binding("]", "next_page", "下一页", show=False),
    ]

    def __init__(self, **kwargs: Any) -> None:
        # the mouse metadata of each cell ({"row", "column"}), which never changes
        self._meta_styles: dict[tuple[int, int, bool], Style] = {}
        # the styles of a line's cells and of its extension, by the styles they are made of
        self._line_styles: dict[tuple[object, ...], list[Style]] = {}
        # `ordered_columns`, built anew by DataTable on every call (twice per added row, several
        # times per drawn line), kept while the columns are the same
        self._columns_seen: tuple[object, int] | None = None
        self._columns_list: list[Column] = []
        super().__init__(**kwargs)  # may ask for `ordered_columns`: set up first
        # styles looked up once per `render_lines` call instead of once per line (each lookup
        # walks every ancestor of the table); None outside a call
        self._pass_styles: dict[str, Style] | None = None

    @property
    def ordered_columns(self) -> list[Column]:
        # add_column adds to `columns`; remove_column and clear(columns=True) replace the
        # locations with a new dict: either changes the key
        seen = (self._column_locations, len(self.columns))
        if (
            self._columns_seen is None
            or self._columns_seen[0] is not seen[0]
            or self._columns_seen[1] != seen[1]
        ):
            self._columns_list = super().ordered_columns
            self._columns_seen = seen
        return list(self._columns_list)

    def replace_rows(self, rows: Iterable[tuple[Sequence[Cell], str]]) -> None:
        """`clear()` then `add_row(*cells, key=key)` for each row, with what `add_row` does once
        per row (re-validating the cursor, counting an update, asking for an idle pass) done once.
        Rows are one line high without a label, as the pages of a `PagedTable` are."""
        self.clear()
        columns = self.ordered_columns
        keys = [column.key for column in columns]
        locations, data, table_rows, new_rows = self._row_locations, self._data, self.rows, self._new_rows
        added = 0
        for cells, key in rows:
            row_key = RowKey(key)
            if row_key in locations:
                raise DuplicateKey(f"The row key {row_key!r} already exists.")
            if len(cells) > len(columns):
                raise ValueError("More values provided than there are columns.")
            locations[row_key] = added
            data[row_key] = dict(zip_longest(keys, cells))
            table_rows[row_key] = Row(row_key, 1, None, False)
            new_rows.add(row_key)
            added += 1
        if not added:
            return
        self._require_update_dimensions = True
        self.cursor_coordinate = self.cursor_coordinate
        if self.columns and self.show_cursor and self.cursor_type != "none":
            self._highlight_cursor()  # a cursor appears where the empty table had none
        self._update_count += 1
        self.check_idle()

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

    def _meta_style(self, row_index: int, column_index: int, out_of_bounds: bool = False) -> Style:
        key = (row_index, column_index, out_of_bounds)
        style = self._meta_styles.get(key)
        if style is None:
            meta: dict[str, object] = {"row": row_index, "column": column_index}
            if out_of_bounds:
                meta["out_of_bounds"] = True
            style = self._meta_styles[key] = Style.from_meta(meta)
        return style

    def _cell_styles(
        self, row_index: int, column_index: int, cursor: bool, hover: bool
    ) -> tuple[Style, Style]:
        """The component and post styles `DataTable` layers over a body cell."""
        return self._get_styles_to_render_cell(
            False,
            False,
            row_index < self.fixed_rows or column_index < self.fixed_columns,
            hover,
            cursor,
            self.show_cursor,
            self._show_hover_cursor,
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css",
        )

    def _plain_row(self, row_key: RowKey) -> tuple[Row, list[str]] | None:
        """The row and its cells in column order when every cell is plain text on one line."""
        row = self.rows.get(row_key)
        if row is None or row.height != 1 or row.auto_height:
            return None
        cells = self._data.get(row_key)
        if cells is None:
            return None
        values = [cells.get(column.key) for column in self.ordered_columns]
        if not all(type(v) is str and _UNPLAIN.search(v) is None for v in values):
            return None
        return row, values  # type: ignore[return-value]

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> SegmentLines:
        """Draw a body cell of plain text on a one-line row directly (see the class)."""
        pad = self.cell_padding
        if row_index >= 0 and column_index >= 0 and width > 2 * pad:
            row_key = self._row_locations.get_key(row_index)
            column_key = self._column_locations.get_key(column_index)
            row = self.rows.get(row_key) if row_key is not None else None
            value = (
                self._data.get(row_key, {}).get(column_key)
                if row_key is not None and column_key is not None
                else None
            )
            if (
                row is not None
                and row.height == 1
                and not row.auto_height
                and type(value) is str
                and _UNPLAIN.search(value) is None
            ):
                component, post = self._cell_styles(row_index, column_index, cursor, hover)
                style = base_style + self._meta_style(row_index, column_index) + component + post
                spaces = " " * pad
                return [[Segment(spaces + set_cell_size(value, width - 2 * pad) + spaces, style)]]
        return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)

    def _render_line_in_row(
        self,
        row_key: RowKey,
        line_no: int,
        base_style: Style,
        cursor_location: Coordinate,
        hover_location: Coordinate,
    ) -> tuple[SegmentLines, SegmentLines]:
        """Draw a body line of plain-text cells under a row cursor directly (see the class);
        what `DataTable` would draw, cached under the same key as `DataTable` caches it."""
        if (
            row_key is self._header_row_key
            or line_no != 0
            or self.cursor_type != "row"
            or self.fixed_columns
            or (self._labelled_row_exists and self.show_row_labels)
        ):
            return super()._render_line_in_row(row_key, line_no, base_style, cursor_location, hover_location)
        cache_key = (
            row_key,
            line_no,
            base_style,
            cursor_location,
            hover_location,
            self.cursor_type,
            self.show_cursor,
            self._show_hover_cursor,
            self._update_count,
            self._pseudo_class_state,
        )
        cached = self._row_render_cache.get(cache_key)
        if cached is not None:
            return cached
        row_index = self._row_locations.get(row_key)
        plain = self._plain_row(row_key)
        pad = self.cell_padding
        widths = [column.get_render_width(self) for column in self.ordered_columns]
        if row_index is None or plain is None or any(w <= 2 * pad for w in widths):
            return super()._render_line_in_row(row_key, line_no, base_style, cursor_location, hover_location)
        _row, values = plain
        row_style = self._get_row_style(row_index, base_style)
        # a row cursor highlights every cell of its row (DataTable._should_highlight)
        cursor = cursor_location.row == row_index
        hover = hover_location.row == row_index
        # without fixed columns, every cell of the row takes the same component styles
        component, post = self._cell_styles(row_index, 0, cursor, hover)
        # the rest of the line is styled as DataTable extends a row
        extend, _ = self._get_styles_to_render_cell(
            False, False, False, hover, cursor, self.show_cursor, self._show_hover_cursor, False, False
        )
        styles_key = (row_style, component, post, extend, row_index, len(values))
        styles = self._line_styles.get(styles_key)
        if styles is None:
            if len(self._line_styles) >= 4096:
                self._line_styles.clear()
            meta = self._meta_style
            styles = self._line_styles[styles_key] = [
                *(row_style + meta(row_index, c) + component + post for c in range(len(values))),
                row_style + extend + meta(row_index, 0, out_of_bounds=True),
            ]
        spaces = " " * pad
        scrollable: SegmentLines = [
            [Segment(spaces + set_cell_size(value, width - 2 * pad) + spaces, style)]
            for value, width, style in zip(values, widths, styles, strict=False)
        ]
        remaining = max(0, self.size.width - sum(widths) - self._row_label_column_width)
        scrollable.append([Segment(" " * remaining, styles[-1])])
        pair: tuple[SegmentLines, SegmentLines] = ([], scrollable)
        self._row_render_cache[cache_key] = pair
        return pair

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
        start = self.page * self.page_size
        chunk = self.items[start : start + self.page_size]
        render, key_of = self._row_renderer, self._key_of
        table.replace_rows((render(item), key_of(item)) for item in chunk)
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
