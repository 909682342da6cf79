"""逐级汇总: three lower unions export their 统计年报; the roll-up equals the sums of their figures."""

from __future__ import annotations

import tomllib
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from conftest import write_workspace

import unioncore
from unioncore.cli import main
from unioncore.reports import render
from unioncore.reports.rollup import read_export, rollup_files
from unioncore.reports.statistics import build_statistics

CONFIG = """\
format_version = 1

[workspace]
name = "{name}"
year = {year}

[plugins]
enabled = []
"""


def lower_union(root: Path, i: int, year: int = 2026) -> Path:
    """A street federation S<i> with one grassroots union, i+1 members and i events."""
    members = "\n".join(
        f"""
[[member]]
id = "S{i}M{n}"
name = "会员{i}{n}"
gender = "{"女" if n % 2 else "男"}"
joined = 2020-01-01
"""
        for n in range(i + 1)
    )
    events = "\n".join(
        f"""
[[event]]
id = "S{i}E{n}"
type = "culture_sports"
title = "活动{n}"
start = {year}-03-0{n + 1}
headcount = {10 * i + n}
"""
        for n in range(i)
    )
    files = {
        f"orgs/S{i}/organisation.toml": f"""
            [organisation]
            code = "S{i}"
            name = "第{i}街道总工会"
            kind = "街道总工会"

            [[enterprise]]
            name = "第{i}街道甲公司"
            union = "S{i}-A"

            [[enterprise]]
            name = "第{i}街道乙公司"
        """,
        f"orgs/S{i}-A/organisation.toml": f"""
            [organisation]
            code = "S{i}-A"
            name = "第{i}街道甲公司工会"
            kind = "基层工会"
            parent = "S{i}"
            employees = {10 * i + 3}
        """,
        f"orgs/S{i}-A/members.toml": members,
        f"orgs/S{i}-A/events/{year}.toml": events,
        f"orgs/S{i}-A/ledger/{year}.toml": f"""
            [[entry]]
            voucher = "记-1"
            date = {year}-01-10
            account = "401"
            amount = "{100 * i}.50"
        """,
    }
    return write_workspace(root, files, base=False, config=CONFIG.format(name=f"第{i}街道总工会", year=year))


def export(root: Path, out: Path, year: int = 2026) -> Path:
    ws, _ = unioncore.load(root)
    report, _ = build_statistics(ws, year)
    render(report, "toml", out)
    return out


def _three(tmp_path: Path) -> list[Path]:
    return [export(lower_union(tmp_path / f"s{i}", i), tmp_path / f"s{i}.toml") for i in (1, 2, 3)]


def test_rollup_equals_the_sums_and_recomputes_rates(tmp_path: Path) -> None:
    files = _three(tmp_path)
    exports = [read_export(f)[0] for f in files]
    report, problems = rollup_files(files, code="QX", name="某区总工会")
    assert problems == [] and report is not None
    rolled = {f.key: f.value for f in report.figures}
    for key, value in rolled.items():
        parts = [e.figures[key] for e in exports if e is not None and key in e.figures]
        if key in report.ratios:
            num = sum(p.numerator for p in parts)  # type: ignore[misc]
            den = sum(p.denominator for p in parts)  # type: ignore[misc]
            assert value == (Decimal(num) * 100 / Decimal(den)).quantize(Decimal("0.1"), ROUND_HALF_UP), key
        else:
            assert value == sum(p.value for p in parts), key
    assert rolled["members.total"] == 2 + 3 + 4
    assert rolled["events.attendance"] == 10 + (20 + 21) + (30 + 31 + 32)
    assert rolled["funds.income"] == Decimal("100.50") + Decimal("200.50") + Decimal("300.50")
    # 入会率 is recomputed: 9 in-service members over 13 + 23 + 33 职工, not the sum of three rates
    assert report.ratios["stat.rate.membership"].numerator == 9
    assert report.ratios["stat.rate.membership"].denominator == 69
    assert rolled["stat.rate.membership"] == Decimal("13.0")
    assert {o.code for o in report.covers} == {"S1", "S1-A", "S2", "S2-A", "S3", "S3-A"}


def test_rollup_of_rollups_one_level_higher(tmp_path: Path) -> None:
    s1, s2, s3 = _three(tmp_path)
    first, _ = rollup_files([s1, s2], code="QX", name="甲区")
    assert first is not None
    render(first, "toml", tmp_path / "qx.toml")
    again, problems = rollup_files([tmp_path / "qx.toml", s3], code="SH", name="某市")
    direct, _ = rollup_files([s1, s2, s3])
    assert problems == [] and again is not None and direct is not None
    assert {f.key: f.value for f in again.figures} == {f.key: f.value for f in direct.figures}
    data = tomllib.loads((tmp_path / "qx.toml").read_text(encoding="utf-8"))
    total = next(f for f in data["figure"] if f["key"] == "members.total")
    assert total["records"] == 5 and [s["value"] for s in total["sources"]] == [2, 3]


def test_a_union_counted_twice_is_refused(tmp_path: Path) -> None:
    s1, s2, _ = _three(tmp_path)
    report, problems = rollup_files([s1, s2, s1])
    assert report is None
    assert [p.rule for p in problems] == ["rollup.duplicate"]
    # a federation's export given together with a lower union it already covers
    first, _ = rollup_files([s1, s2], code="QX", name="甲区")
    assert first is not None
    render(first, "toml", tmp_path / "qx.toml")
    report, problems = rollup_files([tmp_path / "qx.toml", s2])
    assert report is None
    [p] = problems
    assert p.rule == "rollup.duplicate" and "第2街道总工会（S2）" in p.message and p.file == str(s2)


def test_periods_that_do_not_match_are_refused(tmp_path: Path) -> None:
    s1 = export(lower_union(tmp_path / "s1", 1), tmp_path / "s1.toml")
    old = export(lower_union(tmp_path / "s2", 2, year=2025), tmp_path / "s2.toml", year=2025)
    report, problems = rollup_files([s1, old])
    assert report is None
    [p] = problems
    assert p.rule == "rollup.period" and "2024-10-01 至 2025-09-30" in p.message


def test_totals_that_disagree_with_their_parts_are_refused(tmp_path: Path) -> None:
    s1, s2, s3 = _three(tmp_path)
    text = s2.read_text(encoding="utf-8")
    start = text.index('key = "members.total"')
    end = text.index("[[figure]]", start)
    s2.write_text(
        text[:start] + text[start:end].replace("value = 3", "value = 4") + text[end:], encoding="utf-8"
    )
    report, problems = rollup_files([s1, s2, s3])
    assert report is None
    [p] = problems
    assert p.rule == "rollup.parts" and p.file == str(s2) and "会员总数" in p.message


def test_cli_writes_nothing_on_error_and_explains_a_rollup(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    s1, s2, s3 = _three(tmp_path)
    out = tmp_path / "total.toml"
    assert main(["rollup", str(out), str(s1), str(s1)]) == 1
    assert not out.exists()
    assert "重复" in capsys.readouterr().err
    assert main(["rollup", str(out), str(s1), str(s2), str(s3), "--code", "QX", "--name", "某区总工会"]) == 0
    assert out.exists()
    assert main(["rollup", str(tmp_path / "total.xlsx"), str(s1), str(s2), str(s3)]) == 0
    capsys.readouterr()
    assert main(["explain", str(out), "members.total"]) == 0
    text = capsys.readouterr().out
    assert "会员总数（members.total）= 9人" in text
    assert "S2 第2街道总工会：3人" in text
