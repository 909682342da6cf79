"""The maternity-leave calculator (女职工劳动保护特别规定 Art 7) with provincial extra days."""

from __future__ import annotations

import datetime

import pytest
from conftest import open_ws
from unioncore_women.maternity import leave_end, leave_for, maternity_leave_days


@pytest.mark.parametrize(
    ("babies", "difficult", "days"),
    [
        (1, False, 98),  # Art 7: 98 days
        (1, True, 113),  # + 15 for a difficult birth
        (2, False, 113),  # + 15 for each extra baby
        (3, False, 128),
        (2, True, 128),
        (3, True, 143),
    ],
)
def test_childbirth(babies: int, difficult: bool, days: int) -> None:
    assert maternity_leave_days(babies, difficult=difficult) == days


@pytest.mark.parametrize(("months", "days"), [(0, 15), (2, 15), (3, 15), (4, 42), (6, 42)])
def test_miscarriage(months: int, days: int) -> None:
    # under 4 months 15 days, from 4 months 42 days; births and extra days do not apply
    assert maternity_leave_days(2, difficult=True, miscarriage_months=months, extra_days=60) == days


def test_provincial_extra_days() -> None:
    assert maternity_leave_days(extra_days=60) == 158
    assert maternity_leave_days(2, difficult=True, extra_days=80) == 98 + 15 + 15 + 80


@pytest.mark.parametrize("kw", [{"babies": 0}, {"extra_days": -1}, {"miscarriage_months": -1}])
def test_nonsense_is_refused(kw: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        maternity_leave_days(**kw)


def test_leave_end_counts_calendar_days() -> None:
    assert leave_end(datetime.date(2026, 3, 1), 98) == datetime.date(2026, 6, 6)


def test_leave_for_reads_the_workspace_setting(make_workspace) -> None:  # type: ignore[no-untyped-def]
    config = """\
format_version = 1

[workspace]
name = "测试工会"
year = 2026

[plugins]
enabled = ["women"]

[settings.women]
province = "甲省"
maternity_extra_days = { "甲省" = 60, "乙省" = 80 }
"""
    ws, _ = open_ws(make_workspace({}, config=config))
    assert leave_for(ws) == 158
    assert leave_for(ws, province="乙省") == 178
    assert leave_for(ws, province="丙省") == 98  # a province without a setting adds nothing
    assert leave_for(ws, 2, difficult=True) == 98 + 15 + 15 + 60
    assert leave_for(ws, miscarriage_months=5) == 42


def test_no_extra_days_by_default(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws, _ = open_ws(make_workspace({}, enabled=["women"]))
    assert leave_for(ws, province="北京") == 98
