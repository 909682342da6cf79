"""The dues calculator (工发〔1978〕101号): 0.5% of the monthly wage base, the part under 10 yuan not
counted, bonuses and allowances excluded, retirees 0, apprentices 5 分 — against hand-computed values."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from conftest import open_ws
from hypothesis import given
from hypothesis import strategies as st

import unioncore.dues
from unioncore.dues import (
    DEFAULT_BASE_COMPONENTS,
    countable_base,
    dues_from_wage,
    member_monthly_dues,
    monthly_dues,
    parse_components,
    split_wage,
    wage_base,
)

D = Decimal


@pytest.mark.parametrize(
    ("base", "dues"),
    [
        ("4567.89", "22.80"),  # 4560 × 0.5%
        ("3333.33", "16.65"),  # 3330 × 0.5%
        ("12345.67", "61.70"),  # 12340 × 0.5%
        ("5000", "25.00"),
        ("19.99", "0.05"),  # 10 × 0.5%
        ("10", "0.05"),
        ("9.99", "0.00"),  # under 10 yuan: nothing counted
        ("0", "0.00"),
    ],
)
def test_half_percent_of_the_base_with_the_ten_yuan_floor(base: str, dues: str) -> None:
    result = monthly_dues(D(base))
    assert result == D(dues)
    assert str(result) == dues  # exactly two decimals, never 22.8000 or 22.799999


def test_countable_base_drops_the_part_under_ten_yuan() -> None:
    assert countable_base(D("4567.89")) == D(4560)
    assert countable_base(D("4560")) == D(4560)
    assert countable_base(D("9.99")) == D(0)
    assert countable_base(7) == D(0)


def test_retirees_pay_nothing_and_apprentices_five_fen() -> None:
    assert monthly_dues(D("8000"), retired=True) == D("0.00")
    assert monthly_dues(D("1800"), apprentice=True) == D("0.05")


def test_floats_and_negative_wages_are_refused() -> None:
    with pytest.raises(TypeError):
        monthly_dues(4567.89)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        monthly_dues(D("-1"))
    with pytest.raises(TypeError):
        wage_base({"基本工资": 3000.5})  # type: ignore[dict-item]


def test_bonuses_and_allowances_are_not_in_the_enterprise_base() -> None:
    wage = {
        "基本工资": D("3000"),
        "岗位工资": D("1500.50"),
        "绩效奖金": D("2000"),
        "交通补贴": D("300"),
        "高温津贴": D("150"),
        "加班工资": D("400"),
    }
    counted, left_out = split_wage(wage, "企业")
    assert counted == {"基本工资": D("3000"), "岗位工资": D("1500.50")}
    assert set(left_out) == {"绩效奖金", "交通补贴", "高温津贴", "加班工资"}
    assert wage_base(wage, "企业") == D("4500.50")
    assert dues_from_wage(wage, "企业") == D("22.50")  # 4500 × 0.5%


def test_organ_and_institution_bases_by_default() -> None:
    organ = {
        "职务工资": D("2100"),
        "级别工资": D("1850"),
        "基础工资": D("900"),
        "工龄工资": D("75"),
        "岗位津贴": D("800"),
    }
    assert wage_base(organ, "机关") == D("4925")
    assert dues_from_wage(organ, "机关") == D("24.60")  # 4920 × 0.5%
    institution = {"岗位工资": D("2800"), "薪级工资": D("1563"), "绩效工资": D("2500")}
    assert dues_from_wage(institution, "事业单位") == D("21.80")  # 4360 × 0.5%
    # an unknown employer type falls back to 企业
    assert dues_from_wage({"基本工资": D("3000")}, "个体") == D("15.00")
    assert set(DEFAULT_BASE_COMPONENTS) == {"企业", "机关", "事业单位", "社会组织", "其他"}


def test_components_are_configurable_per_employer_type() -> None:
    institution = {"岗位工资": D("2800"), "薪级工资": D("1563"), "绩效工资": D("2500")}
    table = {"事业单位": ["岗位工资", "薪级工资", "绩效工资"]}
    assert dues_from_wage(institution, "事业单位", components=table) == D("34.30")  # 6860 × 0.5%
    assert dues_from_wage({"基本工资": D("3000")}, "企业", components=table) == D("15.00")


def test_a_bonus_cannot_be_configured_into_the_base() -> None:
    table, errors = parse_components(
        {"企业": ["基本工资", "年终奖金"], "机关": ["职务工资"], "其他": "基本工资"}
    )
    assert table == {"机关": ("职务工资",)}
    assert len(errors) == 2 and "年终奖金" in errors[0] and "工发〔1978〕101号" in errors[0]
    assert parse_components("企业")[1]


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_dues_are_exactly_half_a_percent_of_the_floored_base(base: Decimal) -> None:
    dues = monthly_dues(base)
    assert dues * 200 == countable_base(base)
    assert base - 10 < countable_base(base) <= base
    assert dues.as_tuple().exponent == -2


def test_package_api_exposes_the_calculator() -> None:
    assert unioncore.dues.monthly_dues(D("4567.89")) == D("22.80")


CONFIG = """\
format_version = 1

[workspace]
name = "测试工会"
year = 2026

[plugins]
enabled = []

[settings]
dues_base_components = {{ "机关" = ["职务工资", "级别工资"] }}
{extra}
"""

ORGAN = """
[organisation]
code = "A"
name = "某街道机关工会"
kind = "基层工会"
parent = "F"
sector = "机关"
"""

MEMBERS = """
[[member]]
id = "M00001"
name = "张三"
joined = 2020-01-01

[[member]]
id = "M00002"
name = "李四"
joined = 2000-01-01
status = "退休"
history = [{ date = 2000-01-01, kind = "入会" }, { date = 2026-01-01, kind = "退休" }]
"""


def test_member_dues_use_the_union_sector_the_setting_and_retention(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace(
        {"orgs/A/organisation.toml": ORGAN, "orgs/A/members.toml": MEMBERS}, config=CONFIG.format(extra="")
    )
    ws, problems = open_ws(root)
    assert [p for p in problems if p.rule == "member.setting"] == []
    wage = {"职务工资": D("2100"), "级别工资": D("1850"), "基础工资": D("900")}
    assert member_monthly_dues(ws, "M00001", wage) == D("19.75")  # 3950 × 0.5%: 基础工资 not in the setting
    assert member_monthly_dues(ws, "M00001", wage, apprentice=True) == D("0.05")
    assert member_monthly_dues(ws, "M00002", wage) == D("0.00")
    assert member_monthly_dues(ws, "M00002", wage, on=datetime.date(2025, 12, 1)) == D("19.75")


def test_a_bonus_in_the_setting_is_reported(make_workspace) -> None:  # type: ignore[no-untyped-def]
    config = CONFIG.format(extra="").replace('"级别工资"]', '"级别工资", "年终奖"]')
    _, problems = open_ws(make_workspace({"orgs/A/organisation.toml": ORGAN}, config=config))
    [p] = [p for p in problems if p.rule == "member.setting"]
    assert p.file == "unioncore.toml" and p.line == 11 and "年终奖" in p.message
