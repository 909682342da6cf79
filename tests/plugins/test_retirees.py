"""The retirees plugin (退休职工管理): every rule with a workspace that breaks it and one that keeps it,
重阳 dates, figures against hand-computed values, the report section, the disabled plugin, the panel."""

from __future__ import annotations

import datetime
import itertools
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import open_ws, snapshot_bytes
from textual.app import App, ComposeResult
from textual.widgets import DataTable
from unioncore_retirees.festivals import chongyang, festival_day, spring_festival
from unioncore_retirees.people import age_band

from unioncore import Period, Problem
from unioncore.identifiers import ric_check_char

_seq = itertools.count(1)


def ric(born: str, female: bool) -> str:
    n = next(_seq)
    seq = f"{(n * 2 + (0 if female else 1)) % 1000:03d}"
    first = "110105" + born.replace("-", "") + seq
    return first + ric_check_char(first)


def member(
    mid: str, born: str, *, retired: str | None = None, female: bool = False, history: bool = True
) -> str:
    gender = "女" if female else "男"
    text = f'[[member]]\nid = "{mid}"\nname = "{gender}{mid}"\ngender = "{gender}"\nid_number = "{ric(born, female)}"\njoined = 1990-01-01\n'
    if retired:
        text += 'status = "退休"\n'
    changes = ['{ date = 1990-01-01, kind = "入会" }']
    if retired and history:
        changes.append(f'{{ date = {retired}, kind = "退休" }}')
    return text + f"history = [{', '.join(changes)}]\n\n"


# R1 is 84 (高龄), R2 is 71, R3 is 62 and retired in 2026, W1 is in service
MEMBERS = (
    member("R1", "1942-03-05", retired="2002-04-01")
    + member("R2", "1955-01-20", retired="2015-02-01", female=True)
    + member("R3", "1964-06-30", retired="2026-07-01")
    + member("W1", "1985-09-09")
)

CARE = """
[[retiree_care]]
member = "R2"
flags = ["独居", "特困"]
since = 2023-05-01
contact = "女儿"
"""

VISITS = """
[[retiree_visit]]
id = "TV-1"
date = 2025-12-28
member = "R1"
reason = "节日"
festival = "元旦"
goods = "米、油"
payer = "行政"

[[retiree_visit]]
id = "TV-2"
date = 2026-02-10
member = "R1"
reason = "节日"
festival = "春节"
amount = "500.00"
payer = "行政"

[[retiree_visit]]
id = "TV-3"
date = 2026-02-12
member = "R2"
reason = "节日"
festival = "春节"
amount = "800.00"
payer = "退管会"

[[retiree_visit]]
id = "TV-4"
date = 2026-07-01
member = "R3"
reason = "退休"
amount = "1000.00"
goods = "纪念相册"
payer = "工会"

[[retiree_visit]]
id = "TV-5"
date = 2026-08-15
member = "R2"
reason = "住院"
amount = "300.00"
payer = "退管会"
"""

R2_NEW_YEAR = """
[[retiree_visit]]
id = "TV-0"
date = 2026-01-02
member = "R2"
reason = "节日"
festival = "元旦"
goods = "慰问品"
payer = "退管会"
"""

CHONGYANG_EVENT = """
[[event]]
id = "E-1"
type = "culture_sports"
title = "重阳节退休职工登高活动"
start = 2026-10-17
participants = ["R1", "R2", "R3"]
headcount = 20
"""

TEAMS = """
[[retiree_team]]
id = "TT-1"
name = "夕阳红门球队"
org = "A"
activity = "门球"
members = ["R1", "R2", "R3"]
"""

CONTESTS = """
[[retiree_contest]]
id = "TC-1"
team = "TT-1"
title = "街道老年门球邀请赛"
date = 2026-05-10
organiser = "幸福街道总工会"
rank = 2
award = "二等奖"

[[retiree_contest]]
id = "TC-2"
team = "TT-1"
title = "区老年体育节门球赛"
date = 2026-09-20
"""


def kept_files() -> dict[str, str]:
    return {
        "orgs/A/members.toml": MEMBERS,
        "plugins/retirees/care.toml": CARE,
        "plugins/retirees/visits/2026.toml": R2_NEW_YEAR + VISITS,
        "orgs/A/events/2026.toml": CHONGYANG_EVENT,
        "plugins/retirees/teams.toml": TEAMS,
        "plugins/retirees/contests/2026.toml": CONTESTS,
    }


def workspace(make_workspace, files: dict[str, str], *, settings: str = "", enabled=("retirees",)) -> Path:  # type: ignore[no-untyped-def]
    config = None
    if settings:
        config = (
            'format_version = 1\n\n[workspace]\nname = "测试工会"\nyear = 2026\n\n'
            f"[plugins]\nenabled = {list(enabled)!r}\n\n[settings.retirees]\n{settings}\n"
        ).replace("'", '"')
    return make_workspace(files, enabled=list(enabled), config=config)  # type: ignore[no-any-return]


def of(problems: list[Problem], rule: str) -> list[Problem]:
    return [p for p in problems if p.rule == rule]


def visit(vid: str, mid: str, date: str, reason: str, payer: str, extra: str = "") -> str:
    return f'\n[[retiree_visit]]\nid = "{vid}"\ndate = {date}\nmember = "{mid}"\nreason = "{reason}"\npayer = "{payer}"\n{extra}'


# -- calendar ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("year", "day"),
    [
        (2023, datetime.date(2023, 10, 23)),
        (2024, datetime.date(2024, 10, 11)),
        (2025, datetime.date(2025, 10, 29)),
        (2026, datetime.date(2026, 10, 18)),
        (2027, datetime.date(2027, 10, 8)),
        (2028, datetime.date(2028, 10, 26)),
    ],
)
def test_chongyang_dates(year: int, day: datetime.date) -> None:
    assert chongyang(year) == day
    assert festival_day("重阳", year) == day


def test_spring_festival_and_new_year() -> None:
    assert spring_festival(2026) == datetime.date(2026, 2, 17)
    assert spring_festival(2027) == datetime.date(2027, 2, 6)
    assert festival_day("元旦", 2026) == datetime.date(2026, 1, 1)
    with pytest.raises(ValueError):
        festival_day("清明", 2026)


def test_age_bands() -> None:
    bands = (60, 70, 80, 90)
    assert [age_band(a, bands) for a in (None, 55, 60, 69, 70, 89, 90, 101)] == [
        "unknown",
        "under60",
        "60_69",
        "60_69",
        "70_79",
        "80_89",
        "90plus",
        "90plus",
    ]


# -- the kept workspace -----------------------------------------------------------------------------
def test_kept_workspace_has_no_problem(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _ws, problems = open_ws(workspace(make_workspace, kept_files()))
    assert [p.format() for p in problems if p.plugin == "retirees"] == []
    assert [p.format() for p in problems if p.is_error] == []


# -- who pays (§4.5, §4.9, §7.4) --------------------------------------------------------------------
def test_union_pays_a_retiree_only_the_souvenir(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = kept_files()
    files["plugins/retirees/visits/2026.toml"] += visit(
        "TV-9", "R1", "2026-10-18", "节日", "工会", 'festival = "重阳"\namount = "200.00"\n'
    )
    _ws, problems = open_ws(workspace(make_workspace, files))
    found = of(problems, "retirees.union-pays")
    assert len(found) == 1 and found[0].is_error
    assert found[0].file == "plugins/retirees/visits/2026.toml" and found[0].line is not None
    assert "退休纪念" in found[0].message and found[0].source


def test_souvenir_once_and_around_retirement(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = kept_files()
    files["plugins/retirees/visits/2026.toml"] += visit(
        "TV-9", "R3", "2026-08-01", "退休", "工会", 'amount = "500.00"\n'
    )
    _, problems = open_ws(workspace(make_workspace, files))
    found = of(problems, "retirees.souvenir")
    assert len(found) == 1 and "只发一次" in found[0].message
    files = kept_files()
    files["plugins/retirees/visits/2026.toml"] += visit(
        "TV-9", "R2", "2026-03-01", "退休", "工会", 'amount = "500.00"\n'
    )
    _, problems = open_ws(workspace(make_workspace, files))
    found = of(problems, "retirees.souvenir")
    assert len(found) == 1 and "超过 180 天" in found[0].message
    _, problems = open_ws(workspace(make_workspace, files, settings="souvenir_window_days = 5000"))
    assert of(problems, "retirees.souvenir") == []
    files = kept_files()
    files["plugins/retirees/visits/2026.toml"] += visit("TV-9", "W1", "2026-03-01", "退休", "工会")
    _ws, problems = open_ws(workspace(make_workspace, files))
    found = of(problems, "retirees.souvenir")
    assert len(found) == 1 and "没有退休记录" in found[0].message


def test_visit_to_a_member_in_service(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = kept_files()
    files["plugins/retirees/visits/2026.toml"] += visit("TV-9", "W1", "2026-05-01", "住院", "行政")
    files["plugins/retirees/visits/2026.toml"] += visit("TV-8", "R3", "2026-05-01", "生日", "行政")
    _ws, problems = open_ws(workspace(make_workspace, files))
    found = of(problems, "retirees.visit-member")
    assert len(found) == 2  # W1 never retired, R3 only retired on 2026-07-01
    assert all("不是退休会员（在职）" in p.message for p in found)


def test_retiree_without_retirement_date(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = kept_files()
    files["orgs/A/members.toml"] += member("R4", "1950-01-01", retired="2010-01-01", history=False)
    _ws, problems = open_ws(workspace(make_workspace, files))
    found = of(problems, "retirees.retirement-date")
    assert len(found) == 1 and found[0].file == "orgs/A/members.toml"


def test_care_flags_only_for_retirees(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = kept_files()
    files["plugins/retirees/care.toml"] += '\n[[retiree_care]]\nmember = "W1"\nflags = ["独居"]\n'
    _ws, problems = open_ws(workspace(make_workspace, files))
    found = of(problems, "retirees.care-member")
    assert len(found) == 1 and found[0].file == "plugins/retirees/care.toml"


# -- 元旦 / 春节 lists --------------------------------------------------------------------------------
def test_festival_visit_missed(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = kept_files()
    files["plugins/retirees/visits/2026.toml"] = VISITS  # R2 (独居、特困) had no 元旦 visit
    _ws, problems = open_ws(workspace(make_workspace, files))
    found = of(problems, "retirees.festival-visit")
    assert [p.message for p in found] == [
        "2026年元旦（1月1日）应走访慰问的退休会员 女R2（独居、特困）没有慰问记录"
    ]
    assert found[0].file == "orgs/A/members.toml"


def test_festival_visit_list_of_all_retirees(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, problems = open_ws(workspace(make_workspace, kept_files(), settings='festival_visit = "all"'))
    found = sorted(p.message for p in of(problems, "retirees.festival-visit"))
    # R3 retired in July: not a retiree at 元旦 or 春节; R1 (高龄) and R2 were visited both times
    assert found == []
    files = kept_files()
    files["orgs/A/members.toml"] += member("R5", "1960-02-02", retired="2020-03-01")
    _, problems = open_ws(workspace(make_workspace, files, settings='festival_visit = "all"'))
    assert len(of(problems, "retirees.festival-visit")) == 2  # R5 at 元旦 and at 春节
    _ws, problems = open_ws(workspace(make_workspace, files))
    assert of(problems, "retirees.festival-visit") == []  # R5 has no care flag and is 66


def test_visit_outside_the_festival_window_does_not_count(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = kept_files()
    late = R2_NEW_YEAR.replace("2026-01-02", "2026-01-25")  # 24 days after 元旦 (window: 15)
    files["plugins/retirees/visits/2026.toml"] = late + VISITS
    _, problems = open_ws(workspace(make_workspace, files))
    assert len(of(problems, "retirees.festival-visit")) == 1
    _ws, problems = open_ws(workspace(make_workspace, files, settings="visit_days_after = 30"))
    assert of(problems, "retirees.festival-visit") == []


# -- activities and teams ---------------------------------------------------------------------------
def test_no_activity_around_chongyang(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = kept_files()
    files["orgs/A/events/2026.toml"] = CHONGYANG_EVENT.replace("2026-10-17", "2026-09-01").replace(
        "重阳节", "秋季"
    )
    _ws, problems = open_ws(workspace(make_workspace, files))
    found = of(problems, "retirees.chongyang")
    assert len(found) == 1 and "10月18日" in found[0].message
    assert found[0].file == "orgs/A/organisation.toml"


def test_chongyang_activity_of_a_co_organiser_counts(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = kept_files()
    del files["orgs/A/events/2026.toml"]
    files["orgs/F/events/2026.toml"] = CHONGYANG_EVENT.replace(
        "start = 2026-10-17", 'start = 2026-10-20\nco_organisers = ["A"]'
    )
    _ws, problems = open_ws(workspace(make_workspace, files))
    assert of(problems, "retirees.chongyang") == []


def test_records_added_after_a_check_are_seen_by_the_next(make_workspace) -> None:  # type: ignore[no-untyped-def]
    """Visits, retirees and activities are grouped once per workspace state: a change is seen."""
    files = kept_files()
    files["plugins/retirees/visits/2026.toml"] = VISITS  # R2 had no 元旦 visit
    files["orgs/A/events/2026.toml"] = CHONGYANG_EVENT.replace(
        'participants = ["R1", "R2", "R3"]\n', ""
    ).replace("重阳节退休职工登高活动", "秋季登山")
    ws, problems = open_ws(workspace(make_workspace, files))
    assert len(of(problems, "retirees.festival-visit")) == 1
    assert len(of(problems, "retirees.chongyang")) == 1
    assert len(of(ws.check(), "retirees.chongyang")) == 1  # asked again, unchanged
    ws.add_record(
        "retiree_visit",
        id="TV-9",
        date=datetime.date(2026, 1, 3),
        member="R2",
        reason="节日",
        festival="元旦",
        payer="退管会",
    )
    ws.add_event(
        "A",
        id="E-9",
        type="culture_sports",
        title="秋季登山",
        start=datetime.date(2026, 10, 19),
        participants=["R1"],
    )
    problems = ws.check()
    assert of(problems, "retirees.festival-visit") == []
    assert of(problems, "retirees.chongyang") == []
    figs = {f.key: f for f in ws.figures()[0]}
    assert figs["retirees.activities.chongyang"].value == 1


def test_team_member_in_service(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = kept_files()
    files["plugins/retirees/teams.toml"] = TEAMS.replace('"R3"]', '"R3", "W1"]')
    _ws, problems = open_ws(workspace(make_workspace, files))
    found = of(problems, "retirees.team-member")
    assert len(found) == 1 and "男W1" in found[0].message


def test_bad_setting(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _ws, problems = open_ws(
        workspace(make_workspace, kept_files(), settings='festival_visit = "some"\nage_bands = [80, 60]')
    )
    found = of(problems, "retirees.settings")
    assert len(found) == 2 and all(p.file == "unioncore.toml" for p in found)


# -- figures and report -----------------------------------------------------------------------------
def test_figures_against_hand_computed_values(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws, _ = open_ws(workspace(make_workspace, kept_files()))
    figs, errors = ws.figures(Period.year(2026))
    assert errors == []
    f = {x.key: x for x in figs if x.plugin == "retirees"}
    assert f["retirees.total"].value == 3
    assert set(f["retirees.total"].refs) == {"member:R1", "member:R2", "member:R3"}
    assert f["retirees.new"].value == 1 and f["retirees.new"].refs == ("member:R3",)
    # ages on 2026-12-31: R1 84, R2 71, R3 62
    assert f["retirees.age.60_69"].value == 1
    assert f["retirees.age.70_79"].value == 1
    assert f["retirees.age.80_89"].value == 1
    assert f["retirees.age.90plus"].value == 0 and f["retirees.age.under60"].value == 0
    assert "retirees.age.unknown" not in f
    assert f["retirees.elderly"].value == 3
    assert f["retirees.care.advanced"].value == 1 and f["retirees.care.advanced"].refs == ("member:R1",)
    assert f["retirees.care.alone"].value == 1 and f["retirees.care.hardship"].value == 1
    assert "retiree_care:R2" in f["retirees.care.alone"].refs
    assert f["retirees.visits"].value == 5  # TV-1 was on 2025-12-28
    assert f["retirees.visits.amount"].value == Decimal("2600.00")  # 500 + 800 + 1000 + 300
    assert f["retirees.visits.admin"].value == 1 and f["retirees.visits.admin.amount"].value == Decimal(
        "500.00"
    )
    assert f["retirees.visits.committee"].value == 3
    assert f["retirees.visits.committee.amount"].value == Decimal("1100.00")
    assert f["retirees.visits.union"].value == 1 and f["retirees.visits.union.amount"].value == Decimal(
        "1000.00"
    )
    assert f["retirees.activities"].value == 1 and f["retirees.activities.attendance"].value == 3
    assert f["retirees.activities.chongyang"].value == 1
    assert f["retirees.teams"].value == 1 and f["retirees.contests"].value == 2
    assert f["retirees.contests.placed"].value == 1


def test_advanced_age_is_a_setting(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws, _ = open_ws(workspace(make_workspace, kept_files(), settings="advanced_age = 70"))
    f = {x.key: x for x in ws.figures()[0] if x.plugin == "retirees"}
    assert f["retirees.care.advanced"].value == 2


def test_report_section(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws, _ = open_ws(workspace(make_workspace, kept_files()))
    [sec] = [s for s in ws.report_sections()[0] if s.plugin == "retirees"]
    text = "".join(sec.paragraphs)
    assert "保留会籍的退休会员3人，其中本年新退休1人" in text
    assert "全年走访慰问退休职工5人次，发放慰问金2,600.00元" in text
    assert "工会出资1人次、1,000.00元" in text
    assert "其中重阳节（老年节）活动1次" in text
    assert "退休职工队伍参加比赛2次，获得名次或奖项1次" in text
    assert "90岁以上" not in text  # a band with nobody is not printed
    assert all(f.value for f in sec.figures)


def test_no_report_without_retirees(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws, _ = open_ws(workspace(make_workspace, {"orgs/A/members.toml": member("W1", "1985-09-09")}))
    assert [s for s in ws.report_sections()[0] if s.plugin == "retirees"] == []


# -- disabled ---------------------------------------------------------------------------------------
def test_disabled_plugin_files_untouched_and_unreported(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = kept_files()
    files["plugins/retirees/visits/2026.toml"] += visit("TV-9", "R1", "2026-10-18", "节日", "工会")
    path = workspace(make_workspace, files, enabled=())
    before = snapshot_bytes(path)
    ws, problems = open_ws(path)
    assert [p for p in problems if p.plugin == "retirees" or (p.rule or "").startswith("retirees.")] == []
    assert not [p for p in problems if (p.file or "").startswith("plugins/retirees")]
    assert not [f for f in ws.figures()[0] if f.key.startswith("retirees.")]
    assert not [p for p in ws.tui_panels()[0] if p.plugin == "retirees"]
    ws.add_member("A", id="W2", name="新会员", gender="男")
    ws.save()
    after = snapshot_bytes(path)
    assert {k for k in after if before.get(k) != after[k] and not k.startswith(".")} == {
        "orgs/A/members.toml"
    }


# -- panel ------------------------------------------------------------------------------------------
class PanelApp(App[None]):
    def __init__(self, widget: Any) -> None:
        super().__init__()
        self.widget = widget

    def compose(self) -> ComposeResult:
        yield self.widget


async def test_panel_shows_the_visit_lists(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = kept_files()
    files["plugins/retirees/visits/2026.toml"] = VISITS  # R2 not visited at 元旦
    ws, _ = open_ws(workspace(make_workspace, files))
    [panel] = [p for p in ws.tui_panels()[0] if p.plugin == "retirees"]
    app = PanelApp(panel.factory(ws))
    async with app.run_test():
        due = app.query_one("#retiree-due", DataTable)
        # 元旦: R1 (高龄), R2 (独居、特困); 春节: the same two
        assert due.row_count == 4
        assert due.get_row("元旦:R2")[-1] == "未走访"
        assert due.get_row("春节:R2")[-1].startswith("已走访")
        assert due.get_row("元旦:R1")[6] == "高龄"
        visits = app.query_one("#retiree-visits", DataTable)
        assert visits.row_count == 4  # TV-1 is in 2025
        assert visits.get_row("TV-4")[-1] == "工会"


def test_a_member_retired_after_the_figures_is_counted(make_workspace) -> None:  # type: ignore[no-untyped-def]
    """Who ever retired is worked out once per workspace state: a retirement through the API is seen."""
    ws, _ = open_ws(workspace(make_workspace, kept_files()))
    before = {f.key: f for f in ws.figures()[0]}["retirees.total"]
    assert "member:W1" not in before.refs
    ws.retire_member("W1", datetime.date(2026, 11, 1))
    after = {f.key: f for f in ws.figures()[0]}["retirees.total"]
    assert after.value == before.value + 1 and "member:W1" in after.refs
