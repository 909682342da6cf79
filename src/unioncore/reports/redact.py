"""Masking personal numbers in anything a report, an export or `explain` prints.

Members' 公民身份号码 and phone numbers are masked through `Member.masked_id_number` / `masked_phone`
where the field is known; `redact` is the safety net for free text (plugin records, memos): any run
that looks like an 18-digit 公民身份号码 or a mobile number is masked.
"""

from __future__ import annotations

import re

from ..identifiers import mask_phone, mask_ric

_RIC = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def redact(text: str) -> str:
    text = _RIC.sub(lambda m: mask_ric(m.group(0)), text)
    return _MOBILE.sub(lambda m: mask_phone(m.group(0)), text)
