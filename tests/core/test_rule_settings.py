"""Every organisation and membership rule can be switched off or re-levelled under `[rules]` in
unioncore.toml, and `unioncore rules` lists each with its source."""

from __future__ import annotations

import pytest
from conftest import open_ws

from unioncore import checks, membership_rules, org_rules
from unioncore.cli import main
from unioncore.problems import Problem, Severity
from unioncore.registry import Rule

CONFIG = """\
format_version = 1

[workspace]
name = "测试工会"
year = 2026

[plugins]
enabled = []

[settings]
{settings}

[rules]
{rules}
"""

A = """
[organisation]
code = "A"
name = "甲公司工会"
kind = "基层工会"
parent = "F"
{extra}
"""

COMMITTEE = """
[[committee]]
kind = "工会委员会"
term_start = {start}
term_end = {end}
seat = [{{ role = "主席", member = "M00001" }}]
"""

AUDIT = """
[[committee]]
kind = "经费审查委员会"
term_start = 2024-05-01
term_end = 2027-04-30
seat = [{ role = "经审会主任", member = "M00001" }]
"""


def members(n: int, women: int = 0, extra: str = "") -> str:
    return "\n".join(
        f'[[member]]\nid = "M{i:05d}"\nname = "会员{i}"\ngender = "{"女" if i <= women else "男"}"\n'
        f"joined = 2020-01-01\n{extra if i == 1 else ''}"
        for i in range(1, n + 1)
    )


RETIRED = 'status = "退休"\nhistory = [{ date = 2020-01-01, kind = "入会" }, { date = 2026-01-01, kind = "退休" }]\n'
COMMITTEES = COMMITTEE.format(start="2024-05-01", end="2027-04-30") + AUDIT
G = '[organisation]\ncode = "G"\nname = "另一街道总工会"\nkind = "街道总工会"\n'


def entry(account: str, purpose: str = "") -> str:
    p = f'purpose = "{purpose}"\n' if purpose else ""
    return f'[[entry]]\nvoucher = "记-001"\ndate = 2026-09-10\naccount = "{account}"\namount = "50.00"\nmember = "M00001"\n{p}'


def congress(kind: str, participants: str = "") -> str:
    return (
        f'[[event]]\nid = "E2026-0001"\ntype = "members_congress"\ntitle = "大会"\nstart = 2026-03-01\n'
        f'congress_kind = "{kind}"\nparticipants = [{participants}]\n'
    )


# rule code -> (files, settings) of a workspace that breaks it
CASES: dict[str, tuple[dict[str, str], str]] = {
    "org.committee-required": ({"orgs/A/members.toml": members(25)}, ""),
    "org.leadership": ({"orgs/A/members.toml": members(5)}, ""),
    "org.audit-committee": (
        {
            "orgs/A/organisation.toml": A.format(extra="")
            + COMMITTEE.format(start="2024-05-01", end="2027-04-30")
        },
        "",
    ),
    "org.term-expired": (
        {
            "orgs/A/organisation.toml": A.format(extra="")
            + COMMITTEE.format(start="2021-06-01", end="2024-05-31")
        },
        "",
    ),
    "org.term-due": (
        {
            "orgs/A/organisation.toml": A.format(extra="")
            + COMMITTEE.format(start="2024-03-01", end="2027-02-28")
        },
        "",
    ),
    "org.term-length": (
        {
            "orgs/A/organisation.toml": A.format(extra="")
            + COMMITTEE.format(start="2024-03-01", end="2028-02-29")
        },
        "",
    ),
    "org.congress-yearly": ({"orgs/A/organisation.toml": A.format(extra="") + COMMITTEES}, ""),
    "org.congress-kind": (
        {"orgs/A/members.toml": members(30), "orgs/A/events/2026.toml": congress("会员代表大会")},
        "",
    ),
    "org.women-committee": ({"orgs/A/members.toml": members(30, women=10)}, ""),
    "org.women-officer": ({"orgs/A/members.toml": members(30, women=3)}, ""),
    "org.also-under": (
        {"orgs/G/organisation.toml": G, "orgs/A/organisation.toml": A.format(extra='also_under = ["G"]')},
        "",
    ),
    "org.setting": ({}, 'congress_window_months = "十二"'),
    "member.one-union": (
        {
            "orgs/A/members.toml": members(1, extra='id_number = "110105198001011238"\n'),
            "orgs/B/organisation.toml": A.format(extra="").replace('"A"', '"B"').replace("甲", "乙"),
            "orgs/B/members.toml": '[[member]]\nid = "M00009"\nname = "张三"\nid_number = "110105198001011238"\n',
        },
        "",
    ),
    "member.retained-dues": (
        {"orgs/A/members.toml": members(1, extra=RETIRED), "orgs/A/ledger/2026.toml": entry("401")},
        "",
    ),
    "member.retained-vote": (
        {
            "orgs/A/members.toml": members(1, extra=RETIRED),
            "orgs/A/events/2026.toml": congress("会员大会", '"M00001"'),
        },
        "",
    ),
    "member.retained-welfare": (
        {
            "orgs/A/members.toml": members(1, extra=RETIRED),
            "orgs/A/ledger/2026.toml": entry("50105", "节日慰问"),
        },
        "",
    ),
    "member.inactive": ({"orgs/A/members.toml": members(1)}, ""),
    "member.no-participation": ({"orgs/A/members.toml": members(1)}, "dues_by_payroll = true"),
    "member.setting": ({}, "inactive_months = 0"),
}

MY_RULES = [
    *org_rules.RULES,
    *membership_rules.RULES,
    *(
        r
        for r in checks.RULES
        if r.code in {"org.term-length", "org.term-expired", "org.term-due", "org.audit-committee"}
    ),
]
BY_CODE = {r.code: r for r in MY_RULES}


def run(make_workspace, code: str, rules: str = "") -> list[Problem]:  # type: ignore[no-untyped-def]
    files, settings = CASES[code]
    config = CONFIG.format(settings=settings, rules=rules)
    _, problems = open_ws(make_workspace(files, config=config))
    return problems


def other_level(sev: Severity) -> Severity:
    return Severity.HINT if sev is Severity.ERROR else Severity.ERROR


def test_every_rule_of_mine_has_a_breaking_case_and_a_source() -> None:
    assert set(CASES) == set(BY_CODE)
    for r in MY_RULES:
        assert r.code.startswith(("org.", "member."))
        if not r.code.endswith(".setting"):
            assert r.source and r.source.startswith("《"), r.code


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_fires_at_its_level_by_default(make_workspace, code: str) -> None:  # type: ignore[no-untyped-def]
    found = [p for p in run(make_workspace, code) if p.rule == code]
    assert found, code
    assert {p.severity for p in found} == {BY_CODE[code].severity}
    assert all(p.file for p in found)


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_switched_off(make_workspace, code: str) -> None:  # type: ignore[no-untyped-def]
    before = run(make_workspace, code)
    after = run(make_workspace, code, f'"{code}" = "off"')
    assert [p for p in after if p.rule == code] == []
    # nothing else changes
    assert [p.format() for p in after] == [p.format() for p in before if p.rule != code]


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_relevelled(make_workspace, code: str) -> None:  # type: ignore[no-untyped-def]
    new = other_level(BY_CODE[code].severity)
    # the English value and the Chinese label both work
    for text in (new.value, new.label):
        found = [p for p in run(make_workspace, code, f'"{code}" = "{text}"') if p.rule == code]
        assert found and {p.severity for p in found} == {new}


def test_rules_command_lists_every_rule_with_its_source(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "400")
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    rows = {line.split("│")[1].strip(): line for line in out.splitlines() if line.count("│") >= 5}
    for r in MY_RULES:
        assert r.code in rows, r.code
        assert r.title in rows[r.code] and r.severity.label in rows[r.code]
        if r.source:
            assert r.source in rows[r.code]


def test_rules_command_shows_the_configured_level(capsys, monkeypatch, make_workspace) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "400")
    config = CONFIG.format(settings="", rules='"member.inactive" = "off"\n"org.women-officer" = "警告"')
    root = make_workspace({}, config=config)
    assert main(["rules", str(root)]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if "member.inactive" in x)
    assert "警告 → off" in line
    line = next(x for x in out.splitlines() if "org.women-officer" in x)
    assert "提示 → 警告" in line


def test_rules_are_registered_once(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws, _ = open_ws(make_workspace({}, config=CONFIG.format(settings="", rules="")))
    codes = [r.code for r in checks.RULES + org_rules.RULES + membership_rules.RULES]
    assert len(codes) == len(set(codes))
    assert all(isinstance(ws.rules[c], Rule) for c in codes)
