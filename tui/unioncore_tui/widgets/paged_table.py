"""A table that shows one page of a long list of records at a time.

A `DataTable` lays out every row it holds: 100,000 members take many seconds to paint. This table
keeps only the keys of the whole list and renders the rows of the current page (100 by default),
so filtering a district's members costs one list comprehension and one page of cells.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Static

Cell = str | Text
Render = Callable[[Any], Sequence[Cell]]
KeyOf = Callable[[Any], str]


class PageTable(DataTable[Cell]):
    """The data table of a `PagedTable`: moving past the last row turns the page."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("[", "prev_page", "上一页", show=False),
        Binding("]", "next_page", "下一页", show=False),
    ]

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
    PagedTable > .pager > Static { width: 1fr; content-align: center middle; color: $text-muted; }
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
        label = self.query_one("#page-label", Static)
        if not self.items:
            label.update(self.empty)
        elif self.pages == 1:
            label.update(f"共 {len(self.items):,} 条")
        else:
            label.update(f"第 {self.page + 1}/{self.pages} 页 · 共 {len(self.items):,} 条 · [ ] 翻页")
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
