"""The 退休职工 tab of the TUI: the 元旦 / 春节 visit lists (who is due, who has been visited) and the
visits of the year with their payer. Imported only when the TUI builds the panel."""

from __future__ import annotations

import datetime
from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Label

from .festivals import chongyang, festival_day
from .people import retirement_date
from .settings import load_settings
from .visits import due_list, visits_of


class RetireesPanel(VerticalScroll):
    DEFAULT_CSS = """
    RetireesPanel DataTable { height: auto; max-height: 20; margin-bottom: 1; }
    RetireesPanel .heading { text-style: bold; margin-top: 1; }
    """

    def __init__(self, workspace: Any, **kw: Any) -> None:
        super().__init__(**kw)
        self.workspace = workspace
        self.settings, _ = load_settings(workspace)

    def compose(self) -> ComposeResult:
        year = self.workspace.year
        who = "全部退休会员" if self.settings.festival_visit == "all" else "有关怀标记或高龄的退休会员"
        day = chongyang(year)
        yield Label(
            f"{year}年节日走访名单（{who}）　老年节（重阳）：{day.month}月{day.day}日", classes="heading"
        )
        yield DataTable(id="retiree-due", zebra_stripes=True, cursor_type="row")
        yield Label(f"{year}年慰问记录", classes="heading")
        yield DataTable(id="retiree-visits", zebra_stripes=True, cursor_type="row")

    def on_mount(self) -> None:
        ws = self.workspace
        year = ws.year
        due = self.query_one("#retiree-due", DataTable)
        festivals = self.settings.festivals
        due.add_columns("节日", "会员", "姓名", "工会", "年龄", "退休日期", "关怀", "走访")
        for festival in festivals:
            day = festival_day(festival, year)
            for d in due_list(ws, festival, year, self.settings):
                m = d.member
                age = m.age(day)
                retired = retirement_date(m)
                done = "、".join(f"{v['date'].month}月{v['date'].day}日" for v in d.visits)
                due.add_row(
                    f"{festival}（{day.month}月{day.day}日）",
                    m.id,
                    m.name,
                    m.org,
                    str(age) if age is not None else "",
                    retired.isoformat() if retired else "",
                    "、".join(d.flags),
                    f"已走访 {done}" if d.visited else "未走访",
                    key=f"{festival}:{m.id}",
                )
        table = self.query_one("#retiree-visits", DataTable)
        table.add_columns("日期", "会员", "姓名", "事由", "慰问金", "慰问品", "出资方")
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        for v in visits_of(ws):
            if not start <= v["date"] <= end:
                continue
            m = ws.members.get(v["member"])
            table.add_row(
                v["date"].isoformat(),
                v["member"],
                m.name if m else "",
                v["reason"] + (f"（{v['festival']}）" if v.get("festival") else ""),
                f"{v['amount']:.2f}" if v.get("amount") is not None else "",
                v.get("goods") or "",
                v["payer"],
                key=v.key,
            )
