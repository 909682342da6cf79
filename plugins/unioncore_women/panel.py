"""The 女职工 tab of the TUI: each union's women figures and committee, the mutual-aid uptake, and a
maternity-leave calculator. Imported only when the TUI builds the panel."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Checkbox, DataTable, Input, Label, Static

from unioncore.organisation import CommitteeKind

from .committee import meetings_of, missed_meetings, officers_of
from .insurance import uptakes
from .maternity import maternity_leave_days
from .people import FEMALE, grassroots, in_service, percent, worker_share
from .settings import load_settings


class WomenPanel(VerticalScroll):
    """Read-only overview; the calculator recomputes as the officer types."""

    DEFAULT_CSS = """
    WomenPanel DataTable { height: auto; max-height: 16; margin-bottom: 1; }
    WomenPanel .heading { text-style: bold; margin-top: 1; }
    WomenPanel Horizontal { height: auto; }
    WomenPanel Input { width: 16; }
    """

    def __init__(self, workspace: Any, **kw: Any) -> None:
        super().__init__(**kw)
        self.workspace = workspace
        self.settings, _ = load_settings(workspace)

    def compose(self) -> ComposeResult:
        yield Label("各工会女职工与女职委", classes="heading")
        yield DataTable(id="women-orgs", zebra_stripes=True)
        yield Label("女职工互助保障参保", classes="heading")
        yield DataTable(id="women-insurance", zebra_stripes=True)
        yield Label("产假计算（《女职工劳动保护特别规定》第七条）", classes="heading")
        with Horizontal():
            yield Input("1", placeholder="婴儿数", id="babies", type="integer")
            yield Checkbox("难产", id="difficult")
            yield Input("", placeholder="流产时怀孕月数", id="miscarriage", type="integer")
            yield Input(self.settings.province or "", placeholder="省份", id="province")
        yield Static("", id="leave")

    def on_mount(self) -> None:
        ws = self.workspace
        day = ws.as_of
        orgs = self.query_one("#women-orgs", DataTable)
        orgs.add_columns(
            "工会",
            "在职会员",
            "女会员",
            "女会员占比",
            "女职工占比",
            "女职委",
            "主任",
            "任期至",
            "本年会议",
            "缺会",
        )
        year_start = day.replace(month=1, day=1)
        for org in grassroots(ws):
            members = in_service(ws, org.code, day)
            women = [m for m in members if m.gender == FEMALE]
            share = worker_share(org)
            c = org.committee(CommitteeKind.WOMEN)
            if c is not None:
                chair = c.chair()
                body, chair_name, term = (
                    "女职工委员会",
                    (chair.name or chair.member or "") if chair else "（无）",
                    str(c.term_end),
                )
            else:
                officers = officers_of(ws, org.code, day)
                names = [ws.members[r["member"]].name for r in officers if r["member"] in ws.members]
                body, chair_name, term = ("女职工委员" if officers else "—"), "、".join(names), ""
            missed = missed_meetings(ws, org, self.settings)
            orgs.add_row(
                org.name,
                str(len(members)),
                str(len(women)),
                f"{percent(len(women), len(members))}%" if members else "—",
                f"{share}%" if share is not None else "—",
                body,
                chair_name,
                term,
                str(len(meetings_of(ws, org.code, year_start, day))) if c is not None else "",
                "、".join(p.label.removeprefix(f"{ws.year}年") for p in missed),
                key=org.code,
            )
        table = self.query_one("#women-insurance", DataTable)
        table.add_columns("方案", "年度", "工会", "参保", "在职女会员", "参保率", "最低比例")
        schemes = ws.records.get("women_scheme", {})
        for u in uptakes(ws):
            name = schemes[u.scheme]["name"] if u.scheme in schemes else u.scheme
            table.add_row(
                name,
                str(u.year),
                u.org,
                str(len(u.enrolled)),
                str(u.eligible),
                f"{u.share}%",
                f"{self.settings.min_share(u.scheme)}%",
            )
        self._recompute()

    @on(Input.Changed)
    @on(Checkbox.Changed)
    def _changed(self, event: Any) -> None:
        self._recompute()

    def _recompute(self) -> None:
        out = self.query_one("#leave", Static)
        babies_text = self.query_one("#babies", Input).value.strip() or "1"
        months_text = self.query_one("#miscarriage", Input).value.strip()
        province = self.query_one("#province", Input).value.strip() or None
        try:
            babies = int(babies_text)
            months = int(months_text) if months_text else None
            extra = 0 if months is not None else self.settings.extra_days(province)
            days = maternity_leave_days(
                babies,
                difficult=self.query_one("#difficult", Checkbox).value,
                miscarriage_months=months,
                extra_days=extra,
            )
        except ValueError as exc:
            out.update(f"无法计算：{exc}")
            return
        note = f"（含{province or self.settings.province}增加的 {extra} 天）" if extra else ""
        out.update(f"产假 {days} 天{note}")
