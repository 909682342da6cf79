"""The paged table reuses rendered cells across searches: what it shows must be what a plain
DataTable holding the same rows shows, and the page label and the detail follow every search."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable
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
        assert paged.table._cells_by_value  # cells were kept across the searches
        assert "共 1 条" in str(paged.query_one("#page-label").render())


async def test_cached_cells_match_fresh_ones_under_the_cursor() -> None:
    app = Pair()
    async with app.run_test(size=(60, 20)) as pilot:
        table = app.query_one(PagedTable).table
        table.focus()
        for names in SEARCHES:
            show(app, rows(names))
            await pilot.pause()
            cached = lines(table)
            table._cells_by_value.clear()
            table._clear_caches()
            assert lines(table) == cached
            assert names[0] in "".join(text for text, _ in cached[1])


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
