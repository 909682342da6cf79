"""劳动竞赛、技术比武、评先评优与劳模 (plugin `competitions`): rules, figures, report, panel, disabled."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import EXAMPLE, open_ws, snapshot_bytes
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Static

import unioncore
from unioncore import Period, Severity
from unioncore.problems import Problem

ENABLED = ["competitions"]
YEAR = Period.year(2026)

MEMBERS = """
    [[member]]
    id = "M1"
    name = "王建国"
    gender = "男"
    joined = 2010-03-01
    categories = ["model_worker"]
    model_worker = { level = "市级", title = "市劳动模范", year = 2020 }

    [[member]]
    id = "M2"
    name = "李秀英"
    gender = "女"
    joined = 2012-05-01

    [[member]]
    id = "M3"
    name = "张伟"
    gender = "男"
    joined = 2018-07-01

    [[member]]
    id = "M4"
    name = "陈淑芬"
    gender = "女"
    joined = 2001-07-01
    status = "退休"
    categories = ["model_worker"]
    model_worker = { level = "省部级", title = "省劳动模范", year = 2005 }
"""

CONTEST_EVENT = """
    [[event]]
    id = "C1"
    type = "labour_competition"
    title = "数控车工技能比武"
    start = 2026-05-20
    participants = ["M1", "M2", "M3"]
    benefit = "12000.00"
    result = [
        {{ member = "{winner}", rank = 1, award = "一等奖" }},
    ]
"""

VISIT = """
    [[event]]
    id = "V1"
    type = "care_visit"
    title = "五一走访慰问劳模"
    start = 2026-04-28
    occasion = "节日"
    participants = [{who}]
"""


def ws_with(make_workspace, files: dict[str, str], **kw):  # type: ignore[no-untyped-def]
    visit = VISIT.format(who='"M1", "M4"')
    base = {"orgs/A/members.toml": MEMBERS, "orgs/A/events/2026.toml": visit}
    path = make_workspace({**base, **files}, enabled=kw.pop("enabled", ENABLED), **kw)
    return path, *open_ws(path)


def contest_event(winner: str = "M1") -> str:
    return CONTEST_EVENT.format(winner=winner)


def visit(who: str = '"M1", "M4"') -> str:
    return VISIT.format(who=who)


def by_rule(problems: list[Problem], rule: str) -> list[Problem]:
    return [p for p in problems if p.rule == rule]


def mine(problems: list[Problem]) -> list[str]:
    return [p.format() for p in problems if p.plugin == "competitions"]


def figs(ws: unioncore.Workspace, period: Period = YEAR) -> dict[str, unioncore.Figure]:
    found, errors = ws.figures(period)
    assert errors == []
    return {f.key: f for f in found if f.key.startswith("competitions.")}


def section(ws: unioncore.Workspace) -> unioncore.ReportSection:
    secs, errors = ws.report_sections(YEAR)
    assert errors == []
    (sec,) = [s for s in secs if s.plugin == "competitions"]
    return sec


CONTEST = """
    [[contest]]
    event = "C1"
    kind = "技术比武"
    level = "基层单位级"
    trade = "数控车工"
"""


# -- contests -----------------------------------------------------------------------------------------
def test_a_clean_contest_has_no_problems(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, _, problems = ws_with(
        make_workspace,
        {"orgs/A/events/2026.toml": contest_event() + visit(), "plugins/competitions/contests.toml": CONTEST},
    )
    assert mine(problems) == []


def test_contest_details_of_another_event_type_are_an_error(make_workspace) -> None:  # type: ignore[no-untyped-def]
    events = (
        visit() + '\n[[event]]\nid = "C1"\ntype = "culture_sports"\ntitle = "拔河比赛"\nstart = 2026-05-01\n'
    )
    _, _, problems = ws_with(
        make_workspace, {"orgs/A/events/2026.toml": events, "plugins/competitions/contests.toml": CONTEST}
    )
    (p,) = by_rule(problems, "competitions.contest-event")
    assert p.is_error and p.message == "竞赛详情所属的活动“拔河比赛”（C1）不是劳动竞赛"
    assert p.file == "plugins/competitions/contests.toml" and p.line == 2  # the event = line


@pytest.mark.parametrize(
    ("teams", "message"),
    [
        ('{ name = "一车间队", org = "Z", members = ["M1"] }', "参赛队“一车间队”所属工会“Z”不存在"),
        ('{ name = "一车间队", org = "A", members = ["M1", "M9"] }', "参赛队“一车间队”的队员“M9”不存在"),
        (
            '{ name = "一车间队", members = ["M1"] }, { name = "一车间队", members = ["M2"] }',
            "参赛队名“一车间队”重复",
        ),
    ],
)
def test_team_references_are_checked(make_workspace, teams: str, message: str) -> None:  # type: ignore[no-untyped-def]
    contest = CONTEST + f"teams = [{teams}]\n"
    _, _, problems = ws_with(
        make_workspace,
        {"orgs/A/events/2026.toml": contest_event() + visit(), "plugins/competitions/contests.toml": contest},
    )
    (p,) = by_rule(problems, "competitions.team")
    assert p.is_error and p.message == message and p.line == 6


def test_winner_who_did_not_enter_is_a_warning(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, _, problems = ws_with(make_workspace, {"orgs/A/events/2026.toml": contest_event("M4") + visit()})
    (p,) = by_rule(problems, "competitions.result-entrant")
    assert p.severity is Severity.WARNING
    assert p.message == "获奖会员 陈淑芬（M4）不在“数控车工技能比武”的参加会员中"
    assert p.path == ("event", 0, "result", 0, "member") and p.file == "orgs/A/events/2026.toml"


def test_winning_team_must_be_a_team_of_the_contest(make_workspace) -> None:  # type: ignore[no-untyped-def]
    event = contest_event().replace(
        '{ member = "M1", rank = 1, award = "一等奖" }', '{ team = "{team}", rank = 1 }'
    )
    contest = (
        CONTEST
        + 'teams = [{ name = "一车间队", members = ["M1", "M2"] }, { name = "二车间队", members = ["M3"] }]\n'
    )
    for team, warned in (("三车间队", True), ("二车间队", False)):
        _, _, problems = ws_with(
            make_workspace,
            {
                "orgs/A/events/2026.toml": event.replace("{team}", team) + visit(),
                "plugins/competitions/contests.toml": contest,
            },
        )
        found = by_rule(problems, "competitions.result-entrant")
        assert bool(found) is warned
        if warned:
            assert found[0].message == "获奖队伍“三车间队”不在“数控车工技能比武”的参赛队中"


LEDGER = """
    [[entry]]
    voucher = "记-001"
    date = 2026-05-22
    account = "50301"
    amount = "{amount}"
    memo = "数控车工技能比武奖金"
    event = "C1"
"""


@pytest.mark.parametrize(
    ("booked", "message"),
    [
        (None, "竞赛奖金共 1,100.00 元，账上没有关联本竞赛的凭证（凭证的 event 应填 C1，科目 50301）"),
        ("800.00", "竞赛奖金共 1,100.00 元，关联本竞赛的 50301 科目凭证只有 800.00 元"),
        ("1100.00", None),
    ],
)
def test_prize_money_must_be_in_the_ledger(make_workspace, booked: str | None, message: str | None) -> None:  # type: ignore[no-untyped-def]
    contest = CONTEST + (
        'prizes = [{ award = "一等奖", count = 1, amount = "500.00" }, { award = "二等奖", count = 2, amount = "300.00" }]\n'
    )
    files = {
        "orgs/A/events/2026.toml": contest_event() + visit(),
        "plugins/competitions/contests.toml": contest,
    }
    if booked:
        files["orgs/A/ledger/2026.toml"] = LEDGER.format(amount=booked)
    _, ws, problems = ws_with(make_workspace, files)
    found = by_rule(problems, "competitions.prize-ledger")
    if message is None:
        assert found == []
    else:
        (p,) = found
        assert p.message == message and p.severity is Severity.WARNING
        assert p.source is not None and "50301" in p.source
    assert figs(ws)["competitions.prizes"].value == Decimal("1100.00")


# -- honours --------------------------------------------------------------------------------------------
def honour(
    key: str = "H1", kind: str = "先进个人", level: str = "区县级", year: int = 2026, **who: str
) -> str:
    lines = [f'id = "{key}"', f'kind = "{kind}"', f'level = "{level}"', f"year = {year}"]
    lines += [f'{k} = "{v}"' for k, v in who.items()]
    return "[[honour]]\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("kind", "who", "message"),
    [
        ("工人先锋号", {"member": "M2"}, "“工人先锋号”是集体称号，应填写获得单位（org）或集体/班组（team）"),
        ("岗位能手", {"org": "A"}, "“岗位能手”是个人称号，应填写获得者"),
    ],
)
def test_honour_recipient_must_fit_the_title(
    make_workspace, kind: str, who: dict[str, str], message: str
) -> None:  # type: ignore[no-untyped-def]
    _, _, problems = ws_with(
        make_workspace, {"plugins/competitions/honours/2026.toml": honour(kind=kind, **who)}
    )
    (p,) = by_rule(problems, "competitions.honour-recipient")
    assert p.is_error and message in p.message


def test_honours_that_fit_are_fine(make_workspace) -> None:  # type: ignore[no-untyped-def]
    records = (
        honour("H1", "工人先锋号", org="A", team="数控车工班")
        + honour("H2", "岗位能手", member="M2")
        + honour("H3", "先进个人", name="外聘技师刘某")
        + honour("H4", "其他", org="A")
    )
    _, _, problems = ws_with(make_workspace, {"plugins/competitions/honours/2026.toml": records})
    assert mine(problems) == []


def test_the_same_honour_twice_is_a_warning(make_workspace) -> None:  # type: ignore[no-untyped-def]
    records = honour("H1", member="M2") + honour("H2", member="M2") + honour("H3", member="M2", year=2025)
    _, _, problems = ws_with(make_workspace, {"plugins/competitions/honours/2026.toml": records})
    (p,) = by_rule(problems, "competitions.honour-duplicate")
    assert p.message == "李秀英的2026年度区县级“先进个人”已登记为 H1" and p.path == ("honour", 1, "kind")


@pytest.mark.parametrize(
    ("member", "level", "message"),
    [
        (
            "M2",
            "区县级",
            "李秀英获得区县级“劳动模范”称号，但会员类别中没有“劳模”（model_worker，级别区县级）",
        ),
        ("M1", "省部级", "王建国登记的劳模级别为市级，低于所获省部级“劳动模范”称号，应更新为省部级"),
        ("M1", "市级", None),
        ("M1", "区县级", None),
    ],
)
def test_model_worker_title_and_category_agree(
    make_workspace, member: str, level: str, message: str | None
) -> None:  # type: ignore[no-untyped-def]
    records = honour("H1", "劳动模范", level, member=member)
    _, _, problems = ws_with(make_workspace, {"plugins/competitions/honours/2026.toml": records})
    found = by_rule(problems, "competitions.model-worker-category")
    assert [p.message for p in found] == ([message] if message else [])
    if found:
        assert found[0].file == "orgs/A/members.toml"


# -- 劳模 care visits -----------------------------------------------------------------------------------
def test_model_worker_without_a_care_visit_this_year_is_reported(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, _, problems = ws_with(make_workspace, {"orgs/A/events/2026.toml": visit('"M1"')})
    (p,) = by_rule(problems, "competitions.model-worker-visit")
    assert p.severity is Severity.WARNING
    assert p.message == "劳模 陈淑芬（省部级）2026年（截至11月30日）尚未走访慰问"
    assert p.file == "orgs/A/members.toml" and p.path == ("member", 3, "model_worker")


def test_a_visit_last_year_does_not_count(make_workspace) -> None:  # type: ignore[no-untyped-def]
    last_year = visit('"M1", "M4"').replace("2026-04-28", "2025-04-28").replace('"V1"', '"V0"')
    _, _, problems = ws_with(
        make_workspace, {"orgs/A/events/2026.toml": "", "orgs/A/events/2025.toml": last_year}
    )
    assert len(by_rule(problems, "competitions.model-worker-visit")) == 2


def test_a_model_worker_who_left_is_not_reported(make_workspace) -> None:  # type: ignore[no-untyped-def]
    members = MEMBERS.replace('status = "退休"', 'status = "去世"')
    _, _, problems = ws_with(
        make_workspace, {"orgs/A/members.toml": members, "orgs/A/events/2026.toml": visit('"M1"')}
    )
    assert by_rule(problems, "competitions.model-worker-visit") == []


def test_visit_types_and_the_reminder_are_settings(make_workspace) -> None:  # type: ignore[no-untyped-def]
    recuperation = (
        '[[event]]\nid = "R1"\ntype = "recuperation"\ntitle = "劳模疗休养"\nstart = 2026-06-01\n'
        'participants = ["M1", "M4"]\n'
    )
    config = """\
        format_version = 1
        [workspace]
        name = "测试工会"
        year = 2026
        [plugins]
        enabled = ["competitions"]
        [settings.competitions]
        visit_event_types = ["care_visit", "recuperation"]
    """
    _, ws, problems = ws_with(make_workspace, {"orgs/A/events/2026.toml": recuperation}, config=config)
    assert by_rule(problems, "competitions.model-worker-visit") == []
    assert figs(ws)["competitions.model_workers.visited"].value == 2
    off = config.replace('visit_event_types = ["care_visit", "recuperation"]', "model_worker_visits = false")
    _, _, problems = ws_with(make_workspace, {"orgs/A/events/2026.toml": ""}, config=off)
    assert by_rule(problems, "competitions.model-worker-visit") == []


def test_bad_settings_are_reported(make_workspace) -> None:  # type: ignore[no-untyped-def]
    config = """\
        format_version = 1
        [workspace]
        name = "测试工会"
        year = 2026
        [plugins]
        enabled = ["competitions"]
        [settings.competitions]
        visit_event_types = ["care_visits"]
        prize_account = "59999"
        model_worker_visits = "是"
        visit_types = []
    """
    _, _, problems = ws_with(make_workspace, {}, config=config)
    found = by_rule(problems, "competitions.settings")
    assert [(p.path[-1] if p.path else None, p.severity) for p in found] == [
        ("visit_event_types", Severity.ERROR),
        ("prize_account", Severity.ERROR),
        ("model_worker_visits", Severity.ERROR),
        ("visit_types", Severity.WARNING),
    ]
    assert all(p.file == "unioncore.toml" and p.line is not None for p in found)


# -- figures and the report ----------------------------------------------------------------------------
def nineteen_competitions() -> tuple[str, str]:
    """19 competitions with 1,300 person-times and 830,000 yuan of benefit, in A and in F.

    headcounts: 10 × 80 + 8 × 50 + 1 × 100 = 1,300; benefit: 5 × 100,000 + 6 × 55,000 = 830,000.
    """
    a, f = [], []
    for i in range(19):
        headcount = 80 if i < 10 else 50 if i < 18 else 100
        benefit = "100000.00" if i < 5 else "55000.00" if i < 11 else None
        lines = [
            "[[event]]",
            f'id = "LC{i:02}"',
            'type = "labour_competition"',
            f'title = "第{i + 1}期岗位练兵"',
            f"start = 2026-{(i % 11) + 1:02}-15",
            f"headcount = {headcount}",
        ]
        if benefit:
            lines.append(f'benefit = "{benefit}"')
        (a if i % 2 == 0 else f).append("\n".join(lines) + "\n")
    return "\n".join(a), "\n".join(f)


def test_report_sentence_for_19_competitions(make_workspace) -> None:  # type: ignore[no-untyped-def]
    a, f = nineteen_competitions()
    _, ws, problems = ws_with(
        make_workspace, {"orgs/A/events/2026.toml": a + "\n" + visit(), "orgs/F/events/2026.toml": f}
    )
    assert mine(problems) == []
    fig = figs(ws)
    assert fig["competitions.count"].value == 19
    assert fig["competitions.attendance"].value == 1300
    assert fig["competitions.benefit"].value == Decimal("830000.00")
    assert len(fig["competitions.benefit"].refs) == 11
    assert fig["competitions.units"].refs == ("organisation:A", "organisation:F")
    assert fig["competitions.kind.劳动竞赛"].value == 19
    sec = section(ws)
    assert sec.paragraphs[0] == "组织各类劳动竞赛19次，参加职工1300人次，创经济效益83万元。"
    assert sec.title == "劳动竞赛与评先评优"


def test_figures_against_hand_counts(make_workspace) -> None:  # type: ignore[no-untyped-def]
    contest = CONTEST + 'prizes = [{ award = "一等奖", count = 1, amount = "600.00" }]\n'
    second = (
        '\n[[event]]\nid = "C2"\ntype = "labour_competition"\ntitle = "安全知识竞赛"\nstart = 2026-09-01\n'
        'co_organisers = ["F"]\nheadcount = 40\nresult = [{ team = "安全队", rank = 1 }, { team = "质检队", rank = 2 }]\n'
    )
    old = contest_event().replace('"C1"', '"C0"').replace("2026-05-20", "2025-05-20")
    records = (
        honour("H1", "工人先锋号", "市级", org="A", team="数控车工班")
        + honour("H2", "岗位能手", member="M2")
        + honour("H3", "先进个人", member="M3")
        + honour("H4", "先进个人", member="M2", year=2025)
        + honour("H5", "劳动模范", "市级", member="M1", year=2020)
    )
    _, ws, _ = ws_with(
        make_workspace,
        {
            "orgs/A/events/2026.toml": contest_event() + second + visit('"M1"'),
            "orgs/A/events/2025.toml": old,
            "orgs/A/ledger/2026.toml": LEDGER.format(amount="600.00"),
            "plugins/competitions/contests.toml": contest,
            "plugins/competitions/honours/2026.toml": records,
        },
    )
    f = figs(ws)
    assert f["competitions.count"].value == 2
    assert f["competitions.attendance"].value == 3 + 40  # participants of C1, head count of C2
    assert f["competitions.benefit"].value == Decimal("12000.00")
    assert f["competitions.benefit"].refs == ("event:C1",)
    assert f["competitions.units"].value == 2
    assert f["competitions.kind.技术比武"].value == 1 and f["competitions.kind.劳动竞赛"].value == 1
    assert f["competitions.winners"].value == 3
    assert f["competitions.prizes"].value == Decimal("600.00") and f["competitions.prizes"].refs == (
        "contest:C1",
    )
    assert f["competitions.honours"].value == 3  # H4 is for 2025 and H5 for 2020
    assert f["competitions.honours.先进个人"].value == 1 and f["competitions.honours.先进个人"].unit == "人"
    assert (
        f["competitions.honours.工人先锋号"].value == 1 and f["competitions.honours.工人先锋号"].unit == "个"
    )
    assert f["competitions.model_workers"].value == 2
    assert f["competitions.model_workers.市级"].refs == ("member:M1",)
    assert f["competitions.model_workers.省部级"].refs == ("member:M4",)
    assert f["competitions.model_workers.visited"].value == 1
    assert f["competitions.model_workers.visited"].refs == ("member:M1", "event:V1")
    last = figs(ws, Period.year(2025))
    assert last["competitions.count"].value == 1 and last["competitions.honours"].value == 1
    assert section(ws).paragraphs == (
        "组织各类劳动竞赛2次，参加职工43人次，创经济效益1.2万元；其中技术比武1次，获奖3人次。",
        "全年获得各级荣誉称号3项，其中工人先锋号1个、先进个人1人、岗位能手1人。",
        "现有劳模2人（省部级劳模1人、市级劳模1人），全年走访慰问劳模1人。",
    )


def test_no_records_no_section(make_workspace) -> None:  # type: ignore[no-untyped-def]
    plain = '[[member]]\nid = "M1"\nname = "王建国"\njoined = 2010-03-01\n'
    _, ws, problems = ws_with(make_workspace, {"orgs/A/members.toml": plain, "orgs/A/events/2026.toml": ""})
    assert mine(problems) == []
    secs, _ = ws.report_sections(YEAR)
    assert [s for s in secs if s.plugin == "competitions"] == []


# -- changes through the API -------------------------------------------------------------------------
def test_records_added_through_the_api(make_workspace) -> None:  # type: ignore[no-untyped-def]
    path, ws, _ = ws_with(make_workspace, {"orgs/A/events/2026.toml": contest_event() + visit()})
    ws.add_record(
        "contest", event="C1", kind="技能竞赛", trade="焊工", teams=[{"name": "焊工队", "members": ["M1"]}]
    )
    ws.add_record("honour", id="H9", kind="岗位能手", level="区县级", year=2026, member="M3")
    with pytest.raises(unioncore.ValidationError):
        ws.add_record("honour", id="H10", kind="岗位标兵", level="区县级", year=2026, member="M3")
    assert ws.save() == ["plugins/competitions/contests.toml", "plugins/competitions/honours/2026.toml"]
    again, problems = open_ws(path)
    assert mine(problems) == []
    assert again.record("contest", "C1")["teams"] == [{"name": "焊工队", "org": None, "members": ["M1"]}]
    assert figs(again)["competitions.kind.技能竞赛"].value == 1


# -- disabled -----------------------------------------------------------------------------------------
def test_disabled_plugin_leaves_its_files_untouched_and_unreported(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {
        "orgs/A/events/2026.toml": contest_event("M4"),
        "plugins/competitions/contests.toml": CONTEST + "unknown = 1\n",
        "plugins/competitions/honours/2026.toml": honour(kind="工人先锋号", member="M2"),
    }
    path, ws, problems = ws_with(make_workspace, files, enabled=[])
    assert [
        p.format() for p in problems if "competitions" in (p.file or "") or p.plugin == "competitions"
    ] == []
    assert not any((p.rule or "").startswith("competitions.") for p in problems)
    found, _ = ws.figures(YEAR)
    assert not any(f.key.startswith("competitions.") for f in found)
    secs, _ = ws.report_sections(YEAR)
    assert not any(s.plugin == "competitions" for s in secs)
    panels, _ = ws.tui_panels()
    assert not any(p.id == "competitions" for p in panels)
    before = snapshot_bytes(path / "plugins")
    ws.add_event("A", id="E7", type="culture_sports", title="健步走", start=datetime.date(2026, 5, 1))
    assert ws.save() == ["orgs/A/events/2026.toml"]
    assert snapshot_bytes(path / "plugins") == before


# -- the TUI panel --------------------------------------------------------------------------------------
async def test_panel_lists_competitions_honours_and_model_workers(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, ws, _ = ws_with(
        make_workspace,
        {
            "orgs/A/events/2026.toml": contest_event() + visit('"M1"'),
            "plugins/competitions/contests.toml": CONTEST,
            "plugins/competitions/honours/2026.toml": honour(
                "H1", "工人先锋号", "市级", org="A", team="数控车工班"
            ),
        },
    )
    panels, errors = ws.tui_panels()
    assert errors == []
    (panel,) = [p for p in panels if p.id == "competitions"]

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield panel.factory(ws)

    app = Host()
    async with app.run_test():
        table = app.query_one("#competitions-contests", DataTable)
        assert table.get_row("C1")[3:] == ["技术比武", "3", "12,000.00", "王建国 一等奖"]
        assert app.query_one("#competitions-honours", DataTable).get_row("H1")[3] == "甲公司工会数控车工班"
        people = app.query_one("#competitions-model-workers", DataTable)
        assert people.get_row("M1")[5] == "2026-04-28" and people.get_row("M4")[5] == "未走访"
        assert "组织各类劳动竞赛 1次" in str(app.query_one("#competitions-summary", Static).render())


# -- the example workspace ------------------------------------------------------------------------------
def test_example_workspace_competitions_data() -> None:
    ws, problems = open_ws(EXAMPLE)
    mine = [p for p in problems if p.plugin == "competitions"]
    assert [p.format() for p in mine if p.is_error] == []
    assert all(p.source and p.file and p.line for p in mine)
    f = figs(ws)
    assert f["competitions.count"].value >= 5 and f["competitions.honours"].value > 0
    assert section(ws).paragraphs[0].startswith("组织各类劳动竞赛")


# -- the rule list, and the core alone -------------------------------------------------------------------
def test_rules_are_registered_with_the_plugin_prefix(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, ws, _ = ws_with(make_workspace, {})
    codes = [code for code, rule in ws.rules.items() if rule.plugin == "competitions"]
    assert all(ws.rules[code].source for code in codes)  # every rule names its source
    assert len(codes) == 9 and all(code.startswith("competitions.") for code in codes)
    # every rule has a test in this file that names it
    text = Path(__file__).read_text(encoding="utf-8")
    assert [c for c in codes if f'"{c}"' not in text] == []


def test_the_plugin_works_without_textual(make_workspace) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    path, _, _ = ws_with(make_workspace, {"plugins/competitions/contests.toml": CONTEST})
    script = (
        "import sys, unioncore\n"
        f"ws, _ = unioncore.load({str(path)!r})\n"
        "ws.check(); ws.figures(); ws.report_sections(); panels, _ = ws.tui_panels()\n"
        "assert [p.id for p in panels] == ['competitions'], panels\n"
        "assert 'textual' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)
