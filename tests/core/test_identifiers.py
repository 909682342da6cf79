"""公民身份号码 and 统一社会信用代码 checks against the published vectors (shared/domain.md §10)."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric as stdnum_ric

from unioncore.demo import AREA_CODES, make_ric
from unioncore.identifiers import check_phone, check_ric, check_uscc, mask_phone, mask_ric, ric_check_char


@pytest.mark.parametrize(
    ("number", "born", "gender"),
    [
        ("11010519491231002X", datetime.date(1949, 12, 31), "女"),
        ("440524188001010014", datetime.date(1880, 1, 1), "男"),
        ("360426199101010071", datetime.date(1991, 1, 1), "男"),
        ("120103198806018241", datetime.date(1988, 6, 1), "女"),
        ("230306196304054513", datetime.date(1963, 4, 5), "男"),
    ],
)
def test_valid_ric(number: str, born: datetime.date, gender: str) -> None:
    info, reason = check_ric(number)
    if born.year < 1900:
        assert reason == "出生日期不合理"
        return
    assert reason is None and info is not None
    assert (info.birth_date, info.gender) == (born, gender)


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("11010519491231002", "应为18位，实际17位"),
        ("110105194912310", "是15位旧号码"),
        ("11010519491331002X", "出生日期部分不是有效日期"),
        ("110105194912310021", "校验位错误"),
        ("999999194912310025", "地址码"),
        ("1101051949123100AX", "只能由17位数字"),
    ],
)
def test_invalid_ric(number: str, reason: str) -> None:
    info, got = check_ric(number)
    assert info is None and got is not None and reason in got
    assert number not in got


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_check_digit_agrees_with_stdnum(first17: str) -> None:
    number = first17 + ric_check_char(first17)
    assert stdnum_ric.calc_check_digit(number) == number[-1]


def test_demo_area_codes_are_valid_for_every_birth_year() -> None:
    import random

    rng = random.Random(1)
    for area in AREA_CODES:
        for year in (1955, 1980, 2006):
            number = make_ric(rng, "男", datetime.date(year, 6, 1))
            number = area + number[6:17]
            number += ric_check_char(number)
            assert check_ric(number)[1] is None, number


@pytest.mark.parametrize(
    "code", ["91110000600037341L", "91110108551385082Q", "91350100M000100Y43", "81330100MC0000001L"]
)
def test_valid_uscc(code: str) -> None:
    assert check_uscc(code) is None


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("91110000600037342L", "校验码错误"),
        ("9111000060003734", "应为18位"),
        ("91110000600O37341L", "不允许的字符"),
        ("84110000600037341L", "机构类别代码"),
    ],
)
def test_invalid_uscc(code: str, reason: str) -> None:
    got = check_uscc(code)
    assert got is not None and reason in got


def test_letter_authority_is_accepted_unlike_stdnum() -> None:
    body = "N1110000MA0000001"
    from unioncore.identifiers import uscc_check_char

    assert check_uscc(body + uscc_check_char(body)) is None


def test_masks() -> None:
    assert mask_ric("11010519491231002X") == "1101**********002X"
    assert mask_phone("13812345678") == "138****5678"
    assert check_phone("13812345678") is None
    assert check_phone("010-12345678") is None
    assert check_phone("12345") is not None
