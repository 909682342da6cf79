"""The paged table draws plain-text cells and lines itself instead of through rich: what it shows
must be what a plain DataTable holding the same rows shows (same characters, same styles, same
mouse metadata), and the page label follows every search."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.widgets import DataTable
from textual.widgets.data_table import DuplicateKey
from unioncore_tui.widgets.paged_table import PagedTable

COLUMNS = [("编号", 6), ("姓名", 6), ("状态", 4)]


def rows(names: list[str]) -> list[tuple[str, str, str]]:
    return [(f"M{i:04d}", name, "在职" if i % 3 else "退休") for i, name in enumerate(names)]


class Pair(App[None]):
    def compose(self) -> ComposeResult:
        yield PagedTable(COLUMNS, page_size=5, id="paged")
        plain: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True, id="plain")
        for label, width in COLUMNS:
            plain.add_column(label, width=width)
        yield plain


def show(app: Pair, items: list[tuple[str, str, str]]) -> None:
    app.query_one(PagedTable).set_rows(items, lambda item: item, key=lambda item: item[0])
    plain = app.query_one("#plain", DataTable)
    plain.clear()
    for item in items[:5]:
        plain.add_row(*item, key=item[0])


def lines(table: DataTable[str]) -> list[list[tuple[str, object]]]:
    table._pseudo_class_state = table.get_pseudo_class_state()
    return [[(seg.text, seg.style) for seg in table.render_line(y)] for y in range(6)]


# the same names at other places, other names at the same places, then the first again
SEARCHES = (
    ["张三", "李四", "王五", "赵六", "孙七", "周八"],
    ["李四", "张三", "王五", "钱九", "孙七"],
    ["张三", "李四", "王五", "赵六", "孙七", "周八"],
    ["吴十"],
    # cropped to the column (a wide character split at the edge), markup, emoji codes, a line break
    ["欧阳娜娜娜", "Abcdefghij", "[b]粗[/b]", ":smile:", "两行\n文字", "a\tb"],
    ["欧阳娜娜娜", "x", "[b]粗[/b]", "", "李四", "王"],
)


async def test_cells_rendered_again_match_a_plain_table() -> None:
    app = Pair()
    async with app.run_test(size=(60, 20)) as pilot:
        paged = app.query_one(PagedTable)
        plain = app.query_one("#plain", DataTable)
        app.set_focus(None)  # a change of focus restyles the table and empties its cache
        for names in SEARCHES:
            show(app, rows(names))
            await pilot.pause()
            assert lines(paged.table) == lines(plain)
            shown = [paged.table.get_row_at(i)[1] for i in range(paged.table.row_count)]
            assert shown == names[:5]
        assert "共 6 条" in str(paged.query_one("#page-label").render())


async def test_lines_under_the_cursor_match_a_plain_table() -> None:
    app = Pair()
    async with app.run_test(size=(60, 20)) as pilot:
        paged = app.query_one(PagedTable)
        plain = app.query_one("#plain", DataTable)
        for names in SEARCHES:
            show(app, rows(names))
            for row in range(min(5, len(names))):
                paged.table.move_cursor(row=row, animate=False)
                plain.move_cursor(row=row, animate=False)
                drawn = []
                for table in (paged.table, plain):
                    table.focus()  # a focused table draws its cursor and header brighter
                    await pilot.pause()
                    drawn.append(lines(table))
                assert drawn[0] == drawn[1], (names, row)
                assert f"M{row:04d}" in "".join(text for text, _ in drawn[0][row + 1])


async def test_cells_drawn_alone_match_a_plain_table() -> None:
    # DataTable draws a cell by itself (`_render_cell`) e.g. for a row with a Text cell
    app = Pair()
    async with app.run_test(size=(60, 20)) as pilot:
        paged = app.query_one(PagedTable).table
        plain = app.query_one("#plain", DataTable)
        app.set_focus(None)  # both tables unfocused: the same component styles
        show(app, rows(SEARCHES[-2]))
        await pilot.pause()
        for table in (paged, plain):
            table._pseudo_class_state = table.get_pseudo_class_state()
        style = paged.rich_style
        for row in range(5):
            for column in range(len(COLUMNS)):
                width = paged.ordered_columns[column].get_render_width(paged)
                for cursor in (False, True):
                    mine = paged._render_cell(row, column, style, width, cursor=cursor)
                    theirs = plain._render_cell(row, column, style, width, cursor=cursor)
                    assert list(Segment.simplify(mine[0])) == list(Segment.simplify(theirs[0]))


async def test_page_label_follows_the_count() -> None:
    app = Pair()
    async with app.run_test(size=(60, 20)) as pilot:
        paged = app.query_one(PagedTable)
        show(app, rows(["甲", "乙", "丙", "丁", "戊", "己", "庚"]))
        await pilot.pause()
        assert "第 1/2 页 · 共 7 条" in str(paged.query_one("#page-label").render())
        show(app, [])
        await pilot.pause()
        assert str(paged.query_one("#page-label").render()) == "没有符合条件的记录"


class Recorder(Pair):
    """Records which table each row highlight came from."""

    def __init__(self) -> None:
        super().__init__()
        self.highlights: list[tuple[str | None, str | None]] = []

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        table = event.data_table
        owner = "paged" if table.parent is self.query_one(PagedTable) else table.id
        self.highlights.append((owner, event.row_key.value))


async def test_a_page_holds_what_add_row_would_have_added() -> None:
    # a page is put in at once (`replace_rows`); the table must end up as clear() + add_row()
    app = Recorder()
    async with app.run_test(size=(60, 20)) as pilot:
        paged = app.query_one(PagedTable).table
        plain = app.query_one("#plain", DataTable)
        for names in (*SEARCHES, []):
            app.highlights.clear()
            show(app, rows(names))
            await pilot.pause()
            assert paged.row_count == plain.row_count == min(5, len(names))
            assert [paged.get_row_at(i) for i in range(paged.row_count)] == [
                plain.get_row_at(i) for i in range(plain.row_count)
            ]
            assert paged.cursor_coordinate == plain.cursor_coordinate
            assert paged.virtual_size == plain.virtual_size
            # the highlight of the first row is announced as by a plain table
            assert bool(names) == any(owner == "paged" for owner, _ in app.highlights)
            assert sorted(h for h in app.highlights if h[0] == "paged") == sorted(
                ("paged", key) for owner, key in app.highlights if owner == "plain"
            )
        with pytest.raises(DuplicateKey):
            paged.replace_rows([(("M1", "甲", "在职"), "M1"), (("M1", "乙", "在职"), "M1")])
