"""劳动争议调解 (plugin `disputes`): rules, figures, report, panel, disabled."""

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

ENABLED = ["disputes"]
YEAR = Period.year(2026)

MEMBERS = """
    [[member]]
    id = "M1"
    name = "王建国"
    joined = 2010-03-01

    [[member]]
    id = "M2"
    name = "李秀英"
    joined = 2012-05-01
"""

CONFIG = """\
    format_version = 1
    [workspace]
    name = "测试工会"
    year = 2026
    [plugins]
    enabled = ["disputes"]
    [settings.disputes]
"""


def ws_with(make_workspace, files: dict[str, str], **kw):  # type: ignore[no-untyped-def]
    path = make_workspace({"orgs/A/members.toml": MEMBERS, **files}, enabled=kw.pop("enabled", ENABLED), **kw)
    return path, *open_ws(path)


def case(key: str = "TJ-01", **fields: object) -> str:
    values: dict[str, object] = {
        "id": key,
        "org": "A",
        "received": datetime.date(2026, 3, 2),
        "applicant": "王某",
        "respondent": "甲公司",
        "workers": 1,
        "matter": "劳动报酬",
        "amount": "8600.00",
        "outcome": "调解成功",
        "recovered": "8600.00",
        "closed": datetime.date(2026, 3, 12),
        "agreement": "调字〔2026〕1号",
    }
    values.update(fields)
    lines = []
    for k, v in values.items():
        if v is None:
            continue
        if isinstance(v, datetime.date | int):
            lines.append(f"{k} = {v}")
        elif isinstance(v, list):
            lines.append(f"{k} = [" + ", ".join(f'"{x}"' for x in v) + "]")
        else:
            lines.append(f'{k} = "{v}"')
    return "[[case]]\n" + "\n".join(lines) + "\n"


def by_rule(problems: list[Problem], rule: str) -> list[Problem]:
    return [p for p in problems if p.rule == rule]


def mine(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.plugin == "disputes"]


def figs(ws: unioncore.Workspace, period: Period = YEAR) -> dict[str, unioncore.Figure]:
    found, errors = ws.figures(period)
    assert errors == []
    return {f.key: f for f in found if f.key.startswith("disputes.")}


def section(ws: unioncore.Workspace) -> unioncore.ReportSection:
    secs, errors = ws.report_sections(YEAR)
    assert errors == []
    (sec,) = [s for s in secs if s.plugin == "disputes"]
    return sec


def case_problems(make_workspace, config: str | None = None, **fields: object) -> list[Problem]:  # type: ignore[no-untyped-def]
    _, _, problems = ws_with(
        make_workspace, {"plugins/disputes/cases/2026.toml": case(**fields)}, config=config
    )
    return mine(problems)


# -- rules ----------------------------------------------------------------------------------------------
def test_a_settled_case_is_fine(make_workspace) -> None:  # type: ignore[no-untyped-def]
    assert case_problems(make_workspace, members=["M1"]) == []


@pytest.mark.parametrize(
    ("received", "mediation_days", "expected"),
    [
        (datetime.date(2026, 11, 1), None, "王某与甲公司的争议受理已 29 天仍未结案（期限 15 天）"),
        (datetime.date(2026, 11, 15), None, None),  # exactly 15 days: not yet too long
        (datetime.date(2026, 11, 1), 30, None),
    ],
)
def test_an_open_case_past_the_mediation_limit_is_reported(
    make_workspace, received: datetime.date, mediation_days: int | None, expected: str | None
) -> None:  # type: ignore[no-untyped-def]
    config = CONFIG + (f"mediation_days = {mediation_days}\n" if mediation_days else "")
    found = case_problems(
        make_workspace,
        config=config,
        received=received,
        outcome=None,
        closed=None,
        recovered=None,
        agreement=None,
    )
    if expected is None:
        assert found == []
    else:
        (p,) = found
        assert p.rule == "disputes.open-too-long" and p.severity is Severity.WARNING
        assert p.message.startswith(expected)
        assert p.source is not None and "《劳动争议调解仲裁法》第十四条" in p.source
        assert p.path == ("case", 0, "received")


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"outcome": None, "recovered": None}, "outcome", "已结案但没有写明处理结果"),
        (
            {"closed": None, "outcome": "撤回", "recovered": None, "agreement": None},
            "closed",
            "处理结果为“撤回”但没有结案日期",
        ),
        ({"closed": datetime.date(2026, 3, 1)}, "closed", "结案日期 2026-03-01 早于受理日期 2026-03-02"),
    ],
)
def test_outcome_and_closing_date_go_together(
    make_workspace, fields: dict[str, object], field: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    found = [p for p in case_problems(make_workspace, **fields) if p.rule == "disputes.outcome"]
    (p,) = found
    assert p.is_error and p.message.startswith(message) and p.path == ("case", 0, field)


def test_a_settled_case_needs_its_agreement(make_workspace) -> None:  # type: ignore[no-untyped-def]
    (p,) = case_problems(make_workspace, agreement=None)
    assert p.rule == "disputes.agreement" and p.severity is Severity.WARNING
    assert p.source is not None and "第十四条第一款" in p.source


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"outcome": "调解不成转仲裁", "agreement": None},
            "处理结果为“调解不成转仲裁”，挽回经济损失 8600.00 元只应记在调解成功的案件上",
        ),
        ({"recovered": "9000.00"}, "挽回经济损失 9000.00 元多于争议金额 8600.00 元"),
    ],
)
def test_money_recovered(make_workspace, fields: dict[str, object], message: str) -> None:  # type: ignore[no-untyped-def]
    (p,) = case_problems(make_workspace, **fields)
    assert p.rule == "disputes.recovered" and p.message == message and p.severity is Severity.WARNING


def test_more_members_listed_than_workers_is_an_error(make_workspace) -> None:  # type: ignore[no-untyped-def]
    (p,) = case_problems(make_workspace, members=["M1", "M2"])
    assert p.rule == "disputes.members" and p.is_error
    assert p.message == "列出涉及会员 2 人，多于涉及职工人数 1 人"


def test_a_missing_member_is_reported_by_the_core(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, _, problems = ws_with(
        make_workspace, {"plugins/disputes/cases/2026.toml": case(workers=3, members=["M9"])}
    )
    assert [p.rule for p in problems if p.file == "plugins/disputes/cases/2026.toml"] == ["record.ref"]


def test_workers_must_be_at_least_one(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, _, problems = ws_with(make_workspace, {"plugins/disputes/cases/2026.toml": case(workers=0)})
    (p,) = [p for p in problems if p.file == "plugins/disputes/cases/2026.toml"]
    assert p.rule == "record.field" and "不能小于 1" in p.message


def test_bad_settings_are_reported(make_workspace) -> None:  # type: ignore[no-untyped-def]
    config = CONFIG + 'mediation_days = "十五"\ncollective_workers = 0\nlimit = 15\n'
    _, _, problems = ws_with(make_workspace, {}, config=config)
    found = by_rule(problems, "disputes.settings")
    assert [(p.path[-1] if p.path else None, p.severity) for p in found] == [
        ("mediation_days", Severity.ERROR),
        ("collective_workers", Severity.ERROR),
        ("limit", Severity.WARNING),
    ]


# -- figures and the report -------------------------------------------------------------------------------
def fifty_nine_cases() -> str:
    """59 mediated cases, 1,067 workers, 1,792,000 yuan in dispute (plus 2 not accepted, not counted).

    workers: 45 × 3 + 13 × 66 + 1 × 74 = 135 + 858 + 74 = 1,067
    amount:  45 × 12,000 + 13 × 88,000 + 1 × 108,000 = 540,000 + 1,144,000 + 108,000 = 1,792,000
    outcome: 50 调解成功 (45 recover 10,000 and 5 recover 80,000 = 850,000), 7 转仲裁, 2 撤回
    """
    records = []
    for i in range(59):
        workers, amount = (3, "12000.00") if i < 45 else (66, "88000.00") if i < 58 else (74, "108000.00")
        fields: dict[str, object] = {
            "workers": workers,
            "amount": amount,
            "agreement": f"调字〔2026〕{i + 1}号",
        }
        if i < 45:
            fields["recovered"] = "10000.00"
        elif i < 50:
            fields["recovered"] = "80000.00"
        else:
            fields.update(recovered=None, agreement=None, outcome="调解不成转仲裁" if i < 57 else "撤回")
        day = datetime.date(2026, 1, 5) + datetime.timedelta(days=5 * i)
        fields.update(received=day, closed=day + datetime.timedelta(days=10))
        records.append(case(f"TJ-{i + 1:03}", **fields))
    for j in (1, 2):
        records.append(
            case(
                f"BS-{j}", workers=30, amount="500000.00", outcome="不予受理", recovered=None, agreement=None
            )
        )
    return "\n".join(records)


def test_report_sentence_for_59_cases(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, ws, problems = ws_with(make_workspace, {"plugins/disputes/cases/2026.toml": fifty_nine_cases()})
    assert mine(problems) == []
    f = figs(ws)
    assert f["disputes.cases"].value == 59 and len(f["disputes.cases"].refs) == 59
    assert f["disputes.workers"].value == 1067
    assert f["disputes.amount"].value == Decimal("1792000.00")
    assert f["disputes.settled"].value == 50
    assert f["disputes.settled_rate"].value == Decimal("84.7")
    assert f["disputes.recovered"].value == Decimal("850000.00")
    assert f["disputes.to_arbitration"].value == 7
    assert f["disputes.not_accepted"].value == 2
    assert f["disputes.collective"].value == 14  # 66 and 74 workers; the 3-worker cases are not collective
    (first,) = section(ws).paragraphs
    assert first == (
        "调解劳动争议案件59宗，涉及1067人，金额179.2万元；调解成功50宗（调解成功率84.7%），"
        "为职工挽回经济损失85万元；调解不成转仲裁7宗；其中集体劳动争议14宗。"
    )


def consultation(key: str, kind: str, people: int | None = None, day: str = "2026-04-10") -> str:
    lines = [
        "[[consultation]]",
        f'id = "{key}"',
        'org = "A"',
        f"date = {day}",
        f'kind = "{kind}"',
        'topic = "未签订劳动合同的二倍工资"',
        'way = "来访"',
    ]
    if people:
        lines.append(f"people = {people}")
    return "\n".join(lines) + "\n"


def test_figures_against_hand_counts(make_workspace) -> None:  # type: ignore[no-untyped-def]
    cases = (
        case("TJ-01", members=["M1"])
        + case(
            "TJ-02",
            received=datetime.date(2026, 11, 25),
            outcome=None,
            closed=None,
            recovered=None,
            agreement=None,
            workers=12,
            amount="36000.00",
        )
        + case("TJ-03", outcome="调解不成转仲裁", recovered=None, agreement=None, amount=None, workers=2)
        + case("TJ-00", received=datetime.date(2025, 12, 20), closed=datetime.date(2026, 1, 4))
    )
    consultations = (
        consultation("ZX-1", "法律咨询")
        + consultation("ZX-2", "法律咨询", people=4)
        + consultation("ZX-3", "法律援助")
        + consultation("ZX-0", "法律咨询", day="2025-10-10")
    )
    _, ws, problems = ws_with(
        make_workspace,
        {
            "plugins/disputes/cases/2026.toml": cases,
            "plugins/disputes/consultations/2026.toml": consultations,
        },
    )
    assert mine(problems) == []
    f = figs(ws)
    assert f["disputes.cases"].refs == ("case:TJ-01", "case:TJ-03", "case:TJ-02")  # by date received
    assert f["disputes.workers"].value == 1 + 12 + 2
    assert f["disputes.amount"].value == Decimal("44600.00")
    assert f["disputes.amount"].refs == ("case:TJ-01", "case:TJ-02")
    assert f["disputes.settled"].value == 1
    assert f["disputes.settled_rate"].value == Decimal("50.0")  # 1 of the 2 closed
    assert f["disputes.recovered"].value == Decimal("8600.00")
    assert f["disputes.open"].refs == ("case:TJ-02",)
    assert f["disputes.collective"].refs == ("case:TJ-02",)
    assert f["disputes.consultations"].value == 5 and f["disputes.legal_aid"].value == 1
    assert figs(ws, Period.year(2025))["disputes.cases"].refs == ("case:TJ-00",)
    assert section(ws).paragraphs == (
        "调解劳动争议案件3宗，涉及15人，金额4.46万元；调解成功1宗（调解成功率50.0%），为职工挽回经济损失8600元；"
        "调解不成转仲裁1宗；其中集体劳动争议1宗。",
        "开展法律咨询5人次，提供法律援助1件。",
    )


def test_no_records_no_section(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, ws, _ = ws_with(make_workspace, {})
    secs, _ = ws.report_sections(YEAR)
    assert [s for s in secs if s.plugin == "disputes"] == []


# -- changes through the API -------------------------------------------------------------------------------
def test_records_added_through_the_api_go_to_their_year_file(make_workspace) -> None:  # type: ignore[no-untyped-def]
    path, ws, _ = ws_with(make_workspace, {})
    ws.add_record(
        "case",
        id="TJ-09",
        org="A",
        received=datetime.date(2026, 11, 20),
        applicant="赵某等3人",
        respondent="乙餐饮店",
        workers=3,
        amount=Decimal("15600.00"),
        matter="劳动报酬",
    )
    ws.add_record(
        "consultation", id="ZX-9", org="A", date="2026-11-21", kind="法律咨询", topic="工伤认定", case="TJ-09"
    )
    with pytest.raises(unioncore.ValidationError):
        ws.add_record(
            "case",
            id="TJ-10",
            org="A",
            received="2026-11-20",
            applicant="x",
            respondent="y",
            workers=1,
            amount=1.5,
        )
    assert ws.save() == ["plugins/disputes/cases/2026.toml", "plugins/disputes/consultations/2026.toml"]
    again, problems = open_ws(path)
    assert mine(problems) == []
    assert again.record("case", "TJ-09")["amount"] == Decimal("15600.00")
    text = (path / "plugins/disputes/cases/2026.toml").read_text(encoding="utf-8")
    assert 'amount = "15600.00"' in text


# -- disabled -----------------------------------------------------------------------------------------------
def test_disabled_plugin_leaves_its_files_untouched_and_unreported(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {
        "plugins/disputes/cases/2026.toml": case(outcome=None, members=["M1", "M2"], amount=12.5),
        "plugins/disputes/consultations/2026.toml": consultation("ZX-1", "咨询"),
    }
    path, ws, problems = ws_with(make_workspace, files, enabled=[])
    assert [p.format() for p in problems if "disputes" in (p.file or "") or p.plugin == "disputes"] == []
    assert not any((p.rule or "").startswith("disputes.") for p in problems)
    found, _ = ws.figures(YEAR)
    assert not any(f.key.startswith("disputes.") for f in found)
    secs, _ = ws.report_sections(YEAR)
    assert not any(s.plugin == "disputes" for s in secs)
    panels, _ = ws.tui_panels()
    assert not any(p.id == "disputes" for p in panels)
    before = snapshot_bytes(path / "plugins")
    ws.add_event("A", id="E7", type="culture_sports", title="健步走", start=datetime.date(2026, 5, 1))
    assert ws.save() == ["orgs/A/events/2026.toml"]
    assert snapshot_bytes(path / "plugins") == before


# -- the TUI panel ------------------------------------------------------------------------------------------
async def test_panel_lists_cases_and_consultations(make_workspace) -> None:  # type: ignore[no-untyped-def]
    cases = case("TJ-01") + case(
        "TJ-00",
        received=datetime.date(2025, 12, 1),
        outcome=None,
        closed=None,
        recovered=None,
        agreement=None,
    )
    _, ws, _ = ws_with(
        make_workspace,
        {
            "plugins/disputes/cases/2026.toml": cases,
            "plugins/disputes/consultations/2026.toml": consultation("ZX-1", "法律援助"),
        },
    )
    panels, errors = ws.tui_panels()
    assert errors == []
    (panel,) = [p for p in panels if p.id == "disputes"]
    assert panel.title == "劳动争议"

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield panel.factory(ws)

    app = Host()
    async with app.run_test():
        table = app.query_one("#disputes-cases", DataTable)
        assert table.row_count == 2  # this year's case, and last year's case still open
        assert table.get_row("TJ-01")[5:] == ["8,600.00", "调解成功", "10 天"]
        assert table.get_row("TJ-00")[6:] == ["未结案", "364 天（超期）"]
        assert app.query_one("#disputes-consultations", DataTable).get_row("ZX-1")[2] == "法律援助"
        assert "调解劳动争议案件 1宗" in str(app.query_one("#disputes-summary", Static).render())


# -- the example workspace -----------------------------------------------------------------------------------
def test_example_workspace_disputes_data() -> None:
    ws, problems = open_ws(EXAMPLE)
    mine = [p for p in problems if p.plugin == "disputes"]
    assert [p.format() for p in mine if p.is_error] == []
    # the deliberate warning: a case open longer than 15 days
    assert [p.rule for p in mine] == ["disputes.open-too-long"]
    assert all(p.source and p.file and p.line for p in mine)
    f = figs(ws)
    assert f["disputes.cases"].value > 0 and f["disputes.consultations"].value > 0
    assert section(ws).paragraphs[0].startswith("调解劳动争议案件")


# -- the rule list, and the core alone -------------------------------------------------------------------
def test_rules_are_registered_with_the_plugin_prefix(make_workspace) -> None:  # type: ignore[no-untyped-def]
    _, ws, _ = ws_with(make_workspace, {})
    codes = [code for code, rule in ws.rules.items() if rule.plugin == "disputes"]
    assert all(ws.rules[code].source for code in codes)  # every rule names its source
    assert len(codes) == 6 and all(code.startswith("disputes.") for code in codes)
    # every rule has a test in this file that names it
    text = Path(__file__).read_text(encoding="utf-8")
    assert [c for c in codes if f'"{c}"' not in text] == []


def test_the_plugin_works_without_textual(make_workspace) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    path, _, _ = ws_with(make_workspace, {"plugins/disputes/cases/2026.toml": case()})
    script = (
        "import sys, unioncore\n"
        f"ws, _ = unioncore.load({str(path)!r})\n"
        "ws.check(); ws.figures(); ws.report_sections(); panels, _ = ws.tui_panels()\n"
        "assert [p.id for p in panels] == ['disputes'], panels\n"
        "assert 'textual' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)
