"""Identifiers: 公民身份号码 (GB 11643-1999), 统一社会信用代码 (GB 32100-2015), phone numbers, masking.

The check-digit arithmetic is our own so that every failure gets its own Chinese message; the
area-code table comes from python-stdnum (`stdnum.cn.ric`), whose `cn.uscc` we do not use because it
rejects codes whose registration-authority character is a letter (A, N, Y), see shared/domain.md §10.3.
"""

from __future__ import annotations

import datetime
import functools
import re

import attrs

# GB 11643-1999: weights 2^(i-1) mod 11 counted from the right; check = "10X98765432"[S mod 11].
_RIC_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_RIC_CHECK = "10X98765432"

# GB 32100-2015: 31-symbol alphabet without I, O, S, V, Z.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_VALUE = {c: i for i, c in enumerate(USCC_ALPHABET)}

# 登记管理部门代码 -> allowed 机构类别代码 (third-party map, shared/domain.md §10.2; [U] for the full list).
USCC_AUTHORITIES: dict[str, str] = {
    "1": "129",  # 机构编制
    "2": "19",  # 外交
    "3": "1239",  # 司法行政
    "4": "19",  # 文化
    "5": "1239",  # 民政
    "6": "129",  # 旅游
    "7": "129",  # 宗教
    "8": "129",  # 工会 (1 基层工会, 9 其他; 2 非法人工会组织 is [U])
    "9": "123",  # 工商 / 市场监管
    "A": "19",  # 中央军委改革和编制办公室
    "N": "1239",  # 农业
    "Y": "1",  # 其他
}

_PHONE_RE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")


@attrs.frozen
class RicInfo:
    number: str
    birth_date: datetime.date
    gender: str  # "男" / "女" from the parity of the sequence code


def ric_check_char(first17: str) -> str:
    """GB 11643 check character. Σ aᵢ·Wᵢ with Wᵢ = 2^(i−1) mod 11 equals, mod 11, reading the 17
    digits as one base-13 number (13 ≡ 2 mod 11) — one C-level int() instead of a Python loop."""
    return _RIC_CHECK[(2 * int(first17, 13)) % 11]


@functools.lru_cache(maxsize=8192)
def _area_known(area: str, year: int) -> bool:
    """Whether the 6-digit address code was in use at some time from the birth year on.

    The code is the one in force where the number was issued (from 1984 on), not at birth, so a
    person born in 1963 can rightly carry a code created in 1983: unlike stdnum's `get_birth_place`,
    we accept any code whose validity did not end before the birth year.
    """
    from stdnum import numdb

    results = numdb.get("cn/loc").info(area)
    info = {k: v for _part, props in results for k, v in props.items()}
    if not info:
        return False
    if "county" not in info:  # only a prefecture-level code ("xxxx00") may lack a county
        return area.endswith("00")
    for county in info["county"].split(","):
        if not county.startswith("["):
            return True
        span = county[1:].split("]")[0]
        _start, _, end = span.partition("-")
        if not end or int(end) >= year:
            return True
    return False


def check_ric(number: str) -> tuple[RicInfo | None, str | None]:
    """Validate a 公民身份号码. Returns (info, None) or (None, Chinese reason).

    The reason never contains the unmasked number.
    """
    n = number.strip().upper()
    if len(n) == 15 and n.isdigit():
        return None, "是15位旧号码，请换成18位公民身份号码"
    if len(n) != 18:
        return None, f"应为18位，实际{len(n)}位"
    if not n[:17].isdigit() or not (n[17].isdigit() or n[17] == "X"):
        return None, "只能由17位数字和1位数字或X组成"
    try:
        born = datetime.date(int(n[6:10]), int(n[10:12]), int(n[12:14]))
    except ValueError:
        return None, "出生日期部分不是有效日期"
    if born.year < 1900 or born > datetime.date.today():
        return None, "出生日期不合理"
    if ric_check_char(n[:17]) != n[17]:
        return None, "校验位错误（可能抄错了某一位）"
    if not _area_known(n[:6], born.year):
        return None, "地址码（前6位）不是有效的行政区划代码"
    gender = "男" if int(n[16]) % 2 == 1 else "女"
    return RicInfo(n, born, gender), None


def check_uscc(code: str) -> str | None:
    """Validate a 统一社会信用代码; returns None when valid or a Chinese reason."""
    c = code.strip().upper()
    if len(c) != 18:
        return f"应为18位，实际{len(c)}位"
    bad = [ch for ch in c if ch not in _USCC_VALUE]
    if bad:
        return f"含有不允许的字符“{bad[0]}”（不使用 I、O、S、V、Z）"
    allowed = USCC_AUTHORITIES.get(c[0])
    if allowed is None:
        return f"登记管理部门代码“{c[0]}”未知"
    if c[1] not in allowed:
        return f"机构类别代码“{c[1]}”与登记管理部门“{c[0]}”不符"
    if not c[2:8].isdigit():
        return "第3-8位行政区划代码应为数字"
    total = sum(_USCC_VALUE[ch] * w for ch, w in zip(c[:17], _USCC_WEIGHTS, strict=True))
    expected = USCC_ALPHABET[(31 - total % 31) % 31]
    if expected != c[17]:
        return "校验码错误"
    return None


def uscc_check_char(first17: str) -> str:
    total = sum(_USCC_VALUE[ch] * w for ch, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def check_phone(phone: str) -> str | None:
    if _PHONE_RE.match(phone.strip()):
        return None
    return "不是有效的手机号或座机号"


def mask_ric(number: str) -> str:
    """110105********002X: keeps the area's first 4 and the last 4 (enough to find a member)."""
    n = number.strip()
    if len(n) <= 8:
        return "*" * len(n)
    return n[:4] + "*" * (len(n) - 8) + n[-4:]


def mask_phone(phone: str) -> str:
    """138****5678."""
    p = phone.strip()
    if len(p) <= 7:
        return "*" * len(p)
    return p[:3] + "*" * (len(p) - 7) + p[-4:]
