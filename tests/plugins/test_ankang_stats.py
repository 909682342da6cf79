"""安康杯 figures against hand-computed values, the report section, the CLI, the API, the example
workspace, and a workspace where the plugin is disabled."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from conftest import EXAMPLE, WriteWorkspace, open_ws, snapshot_bytes

from unioncore import Figure, Period, ValidationError
from unioncore.cli import main
from unioncore.workspace import Workspace

ORG_B = """
[organisation]
code = "B"
name = "乙公司工会"
kind = "基层工会"
parent = "F"
employees = 30
"""

SEASONS = """
[[ankang_season]]
id = "2022-2023"
start_year = 2022
end_year = 2023

[[ankang_season]]
id = "2025-2026"
start_year = 2025
end_year = 2026
theme = "筑牢安康防线，共促治本攻坚"
"""

ENROLMENT = """
[[ankang_enrolment]]
id = "E22-A"
season = "2022-2023"
unit = "A"
workers = 30
teams = [{ name = "一班" }]

[[ankang_enrolment]]
id = "E25-A"
season = "2025-2026"
unit = "A"
workers = 38
teams = [{ name = "一班", workers = 20 }, { name = "二班", workers = 18 }]

[[ankang_enrolment]]
id = "E25-B"
season = "2025-2026"
unit = "B"
workers = 25
teams = [{ name = "甲班" }]
"""

HAZARDS = """
[[ankang_hazard]]
id = "H1"
unit = "A"
found = 2026-02-01
description = "配电箱线路裸露"
level = "一般"
status = "已验收"
rectified = 2026-02-10
verified = 2026-02-15

[[ankang_hazard]]
id = "H2"
unit = "A"
found = 2026-03-01
description = "化学品仓库通风失效"
level = "重大"
status = "已整改"
rectified = 2026-03-20
reported_congress = true
reported_regulator = true

[[ankang_hazard]]
id = "H3"
unit = "A"
found = 2026-06-01
description = "安全通道堆放杂物"
level = "一般"
deadline = 2026-07-01
status = "整改中"

[[ankang_hazard]]
id = "H4"
unit = "B"
found = 2026-10-01
description = "照明不足"
level = "一般"
deadline = 2026-12-31
status = "待整改"

[[ankang_hazard]]
id = "H5"
unit = "B"
found = 2025-12-01
description = "叉车未检验"
level = "一般"
deadline = 2026-01-31
status = "待整改"
"""

ACCIDENTS = """
[[ankang_accident]]
id = "S1"
date = 2026-04-02
unit = "A"
kind = "工伤事故"
severity = "轻伤"
people = 2

[[ankang_accident]]
id = "S2"
date = 2026-09-09
unit = "B"
kind = "职业病"
severity = "重伤"
people = 1

[[ankang_accident]]
id = "S3"
date = 2025-05-05
unit = "A"
kind = "工伤事故"
severity = "轻伤"
people = 1
"""

EVALUATION = """
[[ankang_score]]
id = "K-A"
season = "2025-2026"
unit = "A"
items = [{ item = "竞赛形式", points = 19 }, { item = "竞赛内容", points = 48 }, { item = "竞赛效果", points = 28 }]

[[ankang_score]]
id = "K-B"
season = "2025-2026"
unit = "B"
total = 88

[[ankang_award]]
id = "W1"
season = "2025-2026"
category = "优胜单位"
level = "区"
unit = "A"
awarded = 2026-11-20

[[ankang_award]]
id = "W2"
season = "2025-2026"
category = "优秀个人"
level = "区"
person = "王五"
awarded = 2026-11-20

[[ankang_award]]
id = "W3"
season = "2022-2023"
category = "优胜单位"
level = "省"
unit = "A"
awarded = 2024-04-01

[[ankang_award]]
id = "W4"
season = "2025-2026"
category = "优胜班组"
level = "市"
unit = "A"
team = "一班"
"""

EVENTS_2026 = """
[[event]]
id = "AK1"
type = "ankang_drill"
title = "火灾疏散演练"
start = 2026-06-20
headcount = 30
season = "2025-2026"

[[event]]
id = "AK2"
type = "ankang_drill"
title = "叉车事故救援演练"
start = 2026-07-15
headcount = 20

[[event]]
id = "AK3"
type = "ankang_training"
title = "三级安全教育"
start = 2026-03-05
headcount = 15
hours = 24

[[event]]
id = "E1"
type = "culture_sports"
title = "篮球赛"
start = 2026-05-01
headcount = 40
"""

EVENTS_2025 = """
[[event]]
id = "AK0"
type = "ankang_law_outreach"
title = "安全知识竞赛"
start = 2025-06-12
headcount = 50
"""

LEDGER_2026 = """
[[entry]]
voucher = "记-001"
date = 2026-06-21
account = "50402"
amount = "800.00"
memo = "演练物资"
event = "AK1"

[[entry]]
voucher = "记-002"
date = 2026-08-01
account = "50402"
amount = "450.50"
memo = "防暑降温用品"

[[entry]]
voucher = "记-003"
date = 2026-08-15
account = "50402"
amount = "100.00"
side = "贷"
memo = "退回多付款"

[[entry]]
voucher = "记-004"
date = 2026-06-21
account = "50102"
amount = "300.00"
memo = "演练后聚餐"
event = "AK1"
"""

LEDGER_2025 = """
[[entry]]
voucher = "记-001"
date = 2025-06-12
account = "50402"
amount = "999.00"
event = "AK0"
"""

FILES = {
    "orgs/B/organisation.toml": ORG_B,
    "plugins/ankang/seasons.toml": SEASONS,
    "plugins/ankang/enrolment.toml": ENROLMENT,
    "plugins/ankang/hazards.toml": HAZARDS,
    "plugins/ankang/accidents.toml": ACCIDENTS,
    "plugins/ankang/evaluation.toml": EVALUATION,
    "orgs/A/events/2026.toml": EVENTS_2026,
    "orgs/A/events/2025.toml": EVENTS_2025,
    "orgs/A/ledger/2026.toml": LEDGER_2026,
    "orgs/A/ledger/2025.toml": LEDGER_2025,
}


@pytest.fixture
def ws(make_workspace: WriteWorkspace) -> Workspace:
    workspace, problems = open_ws(make_workspace(FILES, enabled=["ankang"]))
    assert [p.format() for p in problems if p.is_error] == []
    return workspace


def ankang_figures(ws: Workspace, year: int = 2026) -> dict[str, Figure]:
    figs, errors = ws.figures(Period.year(year))
    assert errors == []
    return {f.key: f for f in figs if f.key.startswith("ankang.")}


def values(figs: dict[str, Figure]) -> dict[str, int | Decimal]:
    return {k.removeprefix("ankang."): f.value for k, f in figs.items()}


def test_figures_of_2026(ws: Workspace) -> None:
    got = values(ankang_figures(ws))
    expected: dict[str, int | Decimal] = {
        # 2025—2026 season: A 38 + B 25 workers, 2 + 1 teams; 2022—2023: A alone, 30 workers
        "enrolment.units": 2,
        "enrolment.workers": 63,
        "enrolment.teams": 3,
        "enrolment.units_growth": 1,
        "enrolment.workers_growth": 33,
        "enrolment.workers_growth_rate": Decimal("110.0"),  # 33 / 30
        # AK1, AK2 (drills), AK3 (training); AK0 is 2025 and E1 not an action
        "actions.total": 3,
        "actions.attendance": 65,
        "actions.drill": 2,
        "actions.training": 1,
        # H1–H4 found in 2026 (H5 in 2025); done H1, H2; H3 past 2026-07-01
        "hazards.found": 4,
        "hazards.major": 1,
        "hazards.rectified": 2,
        "hazards.verified": 1,
        "hazards.overdue": 1,
        "hazards.rectification_rate": Decimal("50.0"),
        "hazards.rectification_rate.A": Decimal("66.7"),  # 2 of 3
        "hazards.rectification_rate.B": Decimal("0.0"),  # 0 of 1
        # S1, S2 (S3 is 2025)
        "accidents.total": 2,
        "accidents.injury": 1,
        "accidents.disease": 1,
        "accidents.people": 3,
        "accidents.deaths": 0,
        # A 19 + 48 + 28 = 95, B 88; pass mark 90
        "scores.unit.A": Decimal(95),
        "scores.unit.B": Decimal(88),
        "scores.units": 2,
        "scores.passed": 1,
        # W1, W2 dated 2026; W4 undated, its season ends 2026-12-31; W3 dated 2024
        "awards.total": 3,
        "awards.winning_unit": 1,
        "awards.winning_unit.district": 1,
        "awards.winning_team": 1,
        "awards.winning_team.city": 1,
        "awards.organiser": 0,
        "awards.individual": 1,
        "awards.individual.district": 1,
        # 800.00 + 450.50 − 100.00 on 50402; the 50102 meal and the 2025 entry do not count
        "spending.total": Decimal("1150.50"),
        "spending.actions": Decimal("800.00"),
    }
    assert got == expected


def test_every_figure_names_records_that_exist(ws: Workspace) -> None:
    entries = {f"entry:{e.ref}" for e in ws.ledger()}
    for fig in ankang_figures(ws).values():
        assert fig.group == "安康杯" and fig.plugin == "ankang"
        if fig.value:
            assert fig.refs, fig.key
        for ref in fig.refs:
            kind, _, key = ref.partition(":")
            if kind == "entry":
                assert ref in entries
            else:
                assert ws.ref_exists(kind, key), ref
    figs = ankang_figures(ws)
    assert set(figs["ankang.hazards.overdue"].refs) == {"ankang_hazard:H3"}
    assert set(figs["ankang.spending.actions"].refs) == {"entry:A:2026:记-001"}


def test_figures_of_2025(ws: Workspace) -> None:
    got = values(ankang_figures(ws, 2025))
    assert got["hazards.found"] == 1
    assert got["hazards.overdue"] == 0  # H5's deadline (2026-01-31) had not passed on 2025-12-31
    assert got["actions.total"] == 1 and got["actions.law_outreach"] == 1
    assert got["accidents.total"] == 1
    assert got["spending.total"] == Decimal("999.00") == got["spending.actions"]
    assert got["enrolment.units"] == 2  # the season running at the end of 2025 is 2025—2026
    assert got["awards.total"] == 0


def test_report_section(ws: Workspace) -> None:
    sections, errors = ws.report_sections(Period.year(2026))
    assert errors == []
    mine = [s for s in sections if s.plugin == "ankang"]
    assert len(mine) == 1
    text = "\n".join(mine[0].paragraphs)
    assert "2025—2026年度“安康杯”竞赛以“筑牢安康防线，共促治本攻坚”为主题，共有2家单位、63名职工参赛" in text
    assert "组建参赛班组3个；参赛单位比上届增加1家，参赛职工比上届增加33人（增长110.0%）" in text
    assert "全年开展“十项行动”活动3次，参加职工65人次（职工安全健康素质培训1次、职工应急演练2次）" in text
    assert "全年排查发现安全隐患4项（其中重大隐患1项），已整改2项，整改率50.0%；逾期未整改1项" in text
    assert "全年发生工伤事故1起、职业病1起，涉及3人。" in text
    assert "对2家参赛单位进行考核评分，1家达到合格分（合格分 90 分）" in text
    assert "获“安康杯”竞赛表彰3项：区级优胜单位1项、市级优胜班组1项、区级优秀个人1项。" in text
    assert "全年劳动保护支出1,150.50元，其中用于“十项行动”活动800.00元。" in text
    assert "死亡" not in text  # a zero figure is not printed
    assert all(f.value for f in mine[0].figures)
    assert {f.key for f in mine[0].figures} >= {"ankang.hazards.found", "ankang.spending.total"}


def test_no_report_section_without_records(make_workspace: WriteWorkspace) -> None:
    ws, _ = open_ws(make_workspace({}, enabled=["ankang"]))
    sections, errors = ws.report_sections(Period.year(2026))
    assert errors == [] and [s for s in sections if s.plugin == "ankang"] == []
    figs = ankang_figures(ws)
    assert "ankang.enrolment.units" not in figs  # no season, no enrolment figures
    assert all(f.value == 0 and f.refs == () for f in figs.values())


# -- the command line ---------------------------------------------------------------------------
def test_cli_lists_the_plugin_its_rules_and_its_figures(
    make_workspace: WriteWorkspace, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_workspace(FILES, enabled=["ankang"])
    assert main(["plugins", str(path)]) == 0
    assert "ankang" in capsys.readouterr().out
    assert main(["rules", str(path)]) == 0
    assert "ankang.accident" in capsys.readouterr().out
    assert main(["stats", str(path), "--year", "2026", "--as-of", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert "安康杯" in out and "隐患整改率" in out
    main(["check", str(path), "--as-of", "2026-11-30"])
    out = capsys.readouterr().out
    assert "plugins/ankang/hazards.toml:" in out and "ankang.hazard-overdue" in out


# -- changes through the API ----------------------------------------------------------------------
def test_add_and_update_a_hazard_through_the_api(make_workspace: WriteWorkspace) -> None:
    path = make_workspace({"plugins/ankang/seasons.toml": SEASONS}, enabled=["ankang"])
    ws, _ = open_ws(path)
    ws.add_record(
        "ankang_hazard",
        id="YH1",
        unit="A",
        found=datetime.date(2026, 11, 2),
        description="消防栓被遮挡",
        level="一般",
        deadline=datetime.date(2026, 11, 20),
        status="待整改",
    )
    with pytest.raises(ValidationError) as bad:
        ws.add_record(
            "ankang_hazard",
            id="YH2",
            unit="A",
            found="2026-11-02",
            description="x",
            level="特大",
            status="待整改",
        )
    assert "隐患等级" in str(bad.value)
    with pytest.raises(ValidationError):
        ws.add_record(
            "ankang_hazard",
            id="YH3",
            unit="Z",
            found="2026-11-02",
            description="x",
            level="一般",
            status="待整改",
        )
    assert ws.save() == ["plugins/ankang/hazards/2026.toml"]
    ws, problems = open_ws(path)
    assert [p.rule for p in problems if p.plugin == "ankang"] == ["ankang.hazard-overdue"]
    ws.update_record("ankang_hazard", "YH1", status="已整改", rectified=datetime.date(2026, 11, 18))
    assert ws.save() == ["plugins/ankang/hazards/2026.toml"]
    ws, problems = open_ws(path)
    assert [p for p in problems if p.plugin == "ankang"] == []
    assert ws.record("ankang_hazard", "YH1")["status"] == "已整改"
    assert ws.save() == []


def test_an_action_event_through_the_api(make_workspace: WriteWorkspace) -> None:
    path = make_workspace({"plugins/ankang/seasons.toml": SEASONS}, enabled=["ankang"])
    ws, _ = open_ws(path)
    ws.add_event(
        "A",
        id="AK9",
        type="ankang_drill",
        title="消防演练",
        start=datetime.date(2026, 5, 1),
        season="2025-2026",
        scenario="火灾",
    )
    ws.save()
    ws, problems = open_ws(path)
    assert [p for p in problems if p.plugin == "ankang"] == []
    assert ws.events["AK9"].fields == {"season": "2025-2026", "scenario": "火灾"}
    assert ws.event_types["ankang_drill"].account == "50402"


# -- the plugin disabled ------------------------------------------------------------------------
def test_disabled_plugin_leaves_its_files_untouched_and_unreported(make_workspace: WriteWorkspace) -> None:
    files = {k: v for k, v in FILES.items() if not k.startswith("orgs/A/events/")}
    files["plugins/ankang/broken.toml"] = '[[ankang_hazard]]\nid = "X"\nlevel = "特大"\nfloat = 1.5\n'
    path = make_workspace(files, enabled=[])
    before = snapshot_bytes(path)
    ws, problems = open_ws(path)
    assert [p.format() for p in problems if "ankang" in p.format()] == []
    assert not any(r.startswith("ankang.") for r in ws.rules)
    assert "ankang_hazard" not in ws.collections and ws.records_of("ankang_hazard") == []
    figs, _ = ws.figures(Period.year(2026))
    assert not any(f.key.startswith("ankang.") for f in figs)
    sections, _ = ws.report_sections(Period.year(2026))
    assert not any(s.plugin == "ankang" for s in sections)
    panels, _ = ws.tui_panels()
    assert not any(p.plugin == "ankang" for p in panels)
    ws.add_member("A", id="M9", name="赵六", joined=datetime.date(2026, 3, 1))
    assert ws.save() == ["orgs/A/members.toml"]
    after = snapshot_bytes(path)
    changed = {
        k for k in before.keys() | after.keys() if before.get(k) != after.get(k) and not k.startswith(".")
    }
    assert changed == {"orgs/A/members.toml"}


# -- the example workspace ------------------------------------------------------------------------
def test_example_workspace() -> None:
    ws, problems = open_ws(EXAMPLE)
    mine = [p for p in problems if p.plugin == "ankang" or (p.file or "").startswith("plugins/ankang/")]
    assert [p.format() for p in mine if p.is_error] == []
    # the deliberate warnings: one overdue hazard, one proposal unanswered
    assert sorted(p.rule or "" for p in mine) == ["ankang.hazard-overdue", "ankang.no-reply"]
    rels = [rel for rel in ws.files if rel.startswith("plugins/ankang/")]
    assert len(rels) >= 6
    for rel in rels:  # written in canonical form: a save would not change a byte
        assert ws.render(rel) == ws.files[rel].loaded_text(), rel
    figs = ankang_figures(ws)
    assert figs["ankang.enrolment.units"].value == len(
        [r for r in ws.records_of("ankang_enrolment") if r["season"] == "2025-2026"]
    )
    assert figs["ankang.hazards.found"].value == len(
        [h for h in ws.records_of("ankang_hazard") if h["found"].year == 2026]
    )
    assert figs["ankang.actions.total"].value == len(
        [e for e in ws.events.values() if e.type.startswith("ankang_")]
    )
