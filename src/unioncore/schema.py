"""Field specifications: how a record looks in TOML, decoded with problems and encoded canonically.

One small declarative layer serves the core's records, event types' own fields, member categories'
fields and plugin collections alike, so that every record gets the same checks (wrong type, unknown
field, float money, bad date) and the TUI can build a form from the same description.
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from .problems import KeyPath


class Kind(enum.Enum):
    STR = "文本"
    INT = "整数"
    BOOL = "是/否"
    DATE = "日期"
    MONEY = "金额"
    NUMBER = "数值"  # exact decimal that is not money (scores, ratios)
    STR_LIST = "文本列表"
    TABLE = "表"
    TABLE_LIST = "表列表"


@attrs.frozen
class Field:
    """One key of a record. `label` is the Chinese name shown to officers."""

    name: str
    kind: Kind = Kind.STR
    label: str = ""
    required: bool = False
    choices: tuple[str, ...] | None = None
    ref: str | None = None  # "member", "organisation", "event", "entry" or a plugin collection
    fields: tuple[Field, ...] = ()  # sub-fields of a TABLE or TABLE_LIST
    minimum: int | None = None
    maximum: int | None = None
    help: str = ""

    @property
    def title(self) -> str:
        return self.label or self.name


Report = Callable[[str, KeyPath], None]

_MONEY_RE = re.compile(r"^-?\d+(\.\d{1,2})?$")
_NUMBER_RE = re.compile(r"^-?\d+(\.\d+)?$")
MAX_INT = 10**15  # larger integers are typing errors, not data (and would be unsafe in Excel)
MAX_MONEY = Decimal(10) ** 13


def parse_money(value: object) -> tuple[Decimal | None, str | None]:
    """A money amount from TOML: a string of yuan with at most two decimals ("1200.50").

    Floats are refused (binary floats cannot hold fen exactly), and so are bare integers, whose unit
    (yuan or fen?) would be a guess: write "500.00", or use the `amount_fen` key for integer fen.
    """
    if isinstance(value, bool):
        return None, '金额应写成字符串，如 "500.00"'
    if isinstance(value, float):
        return None, '金额不能写成浮点数（会有误差），请加引号写成字符串，如 "500.00"'
    if isinstance(value, int):
        return None, f'金额请写成带引号的字符串（如 "{value}.00"），以免与“分”混淆；整数分请用 *_fen 键'
    if not isinstance(value, str):
        return None, '金额应写成字符串，如 "500.00"'
    text = value.strip().replace(",", "")
    if not _MONEY_RE.match(text):
        if re.match(r"^-?\d+\.\d{3,}$", text):
            return None, f"金额“{value}”超过两位小数（最小单位是分）"
        return None, f"金额“{value}”不是数字"
    amount = Decimal(text)
    if abs(amount) >= MAX_MONEY:
        return None, f"金额“{value}”大得不合理"
    return amount, None


def parse_fen(value: object) -> tuple[Decimal | None, str | None]:
    if isinstance(value, bool) or not isinstance(value, int):
        return None, "以“分”为单位的金额应为整数"
    if abs(value) >= MAX_MONEY * 100:
        return None, "金额大得不合理"
    return Decimal(value).scaleb(-2), None


def format_money(amount: Decimal) -> str:
    return f"{amount:.2f}"


def _type_name(value: object) -> str:
    return {
        str: "文本",
        int: "整数",
        float: "小数",
        bool: "是/否",
        list: "列表",
        dict: "表",
        datetime.date: "日期",
        datetime.datetime: "日期时间",
        datetime.time: "时间",
    }.get(type(value), type(value).__name__)


def decode_value(f: Field, value: object, path: KeyPath, report: Report) -> Any:
    """Check and convert one value; on a problem report it and return None."""
    k = f.kind
    if k is Kind.STR:
        if not isinstance(value, str):
            report(f"“{f.title}”应为文本，实际是{_type_name(value)}", path)
            return None
        if f.choices is not None and value not in f.choices:
            report(f"“{f.title}”的值“{value}”无效，可选：{'、'.join(f.choices)}", path)
            return None
        if f.required and not value.strip():
            report(f"“{f.title}”不能为空", path)
            return None
        return value
    if k is Kind.INT:
        if isinstance(value, bool) or not isinstance(value, int):
            report(f"“{f.title}”应为整数，实际是{_type_name(value)}", path)
            return None
        if abs(value) > MAX_INT:
            report(f"“{f.title}”数值大得不合理：{value}", path)
            return None
        if f.minimum is not None and value < f.minimum:
            report(f"“{f.title}”不能小于 {f.minimum}", path)
            return None
        if f.maximum is not None and value > f.maximum:
            report(f"“{f.title}”不能大于 {f.maximum}", path)
            return None
        return value
    if k is Kind.BOOL:
        if not isinstance(value, bool):
            report(f"“{f.title}”应为 true 或 false，实际是{_type_name(value)}", path)
            return None
        return value
    if k is Kind.DATE:
        if isinstance(value, datetime.datetime):
            report(f"“{f.title}”应为日期（如 2026-03-08），不要带时间", path)
            return None
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value.strip())
            except ValueError:
                pass
        report(f"“{f.title}”应为日期（如 2026-03-08），实际是“{value}”", path)
        return None
    if k is Kind.MONEY:
        amount, err = parse_money(value)
        if err:
            report(f"“{f.title}”：{err}", path)
        return amount
    if k is Kind.NUMBER:
        if isinstance(value, bool) or isinstance(value, float):
            report(f'“{f.title}”请写成整数或带引号的小数（如 "92.5"）', path)
            return None
        if isinstance(value, int):
            return Decimal(value)
        if isinstance(value, str) and _NUMBER_RE.match(value.strip()):
            return Decimal(value.strip())
        report(f"“{f.title}”应为数值，实际是“{value}”", path)
        return None
    if k is Kind.STR_LIST:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            report(f'“{f.title}”应为文本列表，如 ["a", "b"]', path)
            return None
        if f.choices is not None:
            bad = [v for v in value if v not in f.choices]
            if bad:
                report(f"“{f.title}”含有无效的值“{bad[0]}”，可选：{'、'.join(f.choices)}", path)
                return None
        return list(value)
    if k is Kind.TABLE:
        if not isinstance(value, dict):
            report(f"“{f.title}”应为表，实际是{_type_name(value)}", path)
            return None
        return decode_fields(value, f.fields, path, report)
    if k is Kind.TABLE_LIST:
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            report(f"“{f.title}”应为表的列表", path)
            return None
        out = []
        for i, item in enumerate(value):
            decoded = decode_fields(item, f.fields, (*path, i), report)
            if decoded is not None:
                out.append(decoded)
        return out
    raise AssertionError(k)  # pragma: no cover


class _Plan:
    """Per field list, computed once: the names it knows (with `<money>_fen`) and, per field, the one
    Python type a plainly valid value has — so the common case is a type test, not a function call."""

    __slots__ = ("by_name", "defaults", "fen", "fields", "known", "lists", "order", "required", "steps")

    def __init__(self, fields: tuple[Field, ...]) -> None:
        self.fields = fields
        known = {f.name for f in fields}
        known |= {f"{f.name}_fen" for f in fields if f.kind is Kind.MONEY}
        self.known = frozenset(known)
        self.steps = tuple((f.name, _plain_type(f), f) for f in fields)
        self.by_name = {f.name: (_plain_type(f), f, _quick(f)) for f in fields}
        self.fen = {f"{f.name}_fen": f for f in fields if f.kind is Kind.MONEY}
        lists = (Kind.STR_LIST, Kind.TABLE_LIST)
        # a missing field: None, or a fresh [] for lists (filled per record: a list is mutable)
        self.defaults = dict.fromkeys((f.name for f in fields), None)  # field order, as the full walk
        self.lists = tuple(f.name for f in fields if f.kind in lists)
        self.required = frozenset(f.name for f in fields if f.required)
        self.order = {f.name: i for i, f in enumerate(fields)}


_QUICK_STR = 1  # a required text or one of fixed choices: a non-blank str among them is valid
_QUICK_MONEY = 2  # money: a str like "1200.50" is valid


def _quick(f: Field) -> int:
    if f.kind is Kind.STR:
        return _QUICK_STR
    if f.kind is Kind.MONEY:
        return _QUICK_MONEY
    return 0


def _plain_type(f: Field) -> type | None:
    """The type whose values need no further check for this field, or None."""
    if f.kind is Kind.STR and f.choices is None and not f.required:
        return str
    if f.kind is Kind.DATE:
        return datetime.date
    if f.kind is Kind.BOOL:
        return bool
    return None


_PLANS: dict[int, tuple[tuple[Field, ...], _Plan]] = {}
_MISSING = object()


def _plan(fields: Iterable[Field]) -> _Plan:
    if isinstance(fields, tuple):
        hit = _PLANS.get(id(fields))
        if hit is not None and hit[0] is fields:
            return hit[1]
        plan = _Plan(fields)
        _PLANS[id(fields)] = (fields, plan)
        return plan
    return _Plan(tuple(fields))


def decode_fields(
    raw: Mapping[str, Any],
    fields: Iterable[Field],
    path: KeyPath,
    report: Report,
    extra_ok: Callable[[str], bool] | None = None,
) -> dict[str, Any]:
    """Decode a table against its fields. Missing optional fields become None (or [] for lists)."""
    plan = _plan(fields)
    if plan.known.issuperset(raw) and not plan.required.difference(raw):
        return _decode_present(raw, plan, path, report)
    out: dict[str, Any] = {}
    get = raw.get
    for name, plain, f in plan.steps:
        value = get(name, _MISSING)
        if value is _MISSING:
            if f.kind is Kind.MONEY and f"{name}_fen" in raw:
                amount, err = parse_fen(raw[f"{name}_fen"])
                if err:
                    report(f"“{f.title}”：{err}", (*path, f"{name}_fen"))
                out[name] = amount
                continue
            if f.required:
                report(f"缺少必填字段“{f.title}”（{name}）", (*path, name))
            out[name] = [] if f.kind in (Kind.STR_LIST, Kind.TABLE_LIST) else None
        elif type(value) is plain:
            out[name] = value
        else:
            out[name] = decode_value(f, value, (*path, name), report)
    if not plan.known.issuperset(raw):
        for key in raw:
            if key not in plan.known and not (extra_ok and extra_ok(key)):
                report(f"未知字段“{key}”（拼写错误？）", (*path, key))
    return out


def _decode_present(raw: Mapping[str, Any], plan: _Plan, path: KeyPath, report: Report) -> dict[str, Any]:
    """decode_fields for the common record: every key known and every required one there — so only
    the keys present are looked at (a ledger entry has 6 of its 17 fields), in field order."""
    out = dict(plan.defaults)
    for name in plan.lists:
        out[name] = []
    by_name = plan.by_name
    fen = plan.fen
    decoded = []
    for key, value in raw.items():
        step = by_name.get(key)
        if step is None:  # `<money>_fen`, used only when the yuan key is absent
            f = fen[key]
            if f.name not in raw:
                decoded.append((f, key, value))
            continue
        plain, f, quick = step
        kind = type(value)
        if kind is plain:
            out[key] = value
            continue
        if kind is str:  # the valid common cases, accepted as decode_value would accept them
            if quick == _QUICK_STR:
                if (f.choices is None or value in f.choices) and not (
                    f.required and (not value or value.isspace())
                ):
                    out[key] = value
                    continue
            elif quick == _QUICK_MONEY and _MONEY_RE.match(value):
                money = Decimal(value)
                if -MAX_MONEY < money < MAX_MONEY:
                    out[key] = money
                    continue
        decoded.append((f, key, value))
    if decoded:  # in field order, so problems come out in the order the full walk reports them
        order = plan.order
        for f, key, value in sorted(decoded, key=lambda d: order[d[0].name]):
            if key != f.name:
                amount, err = parse_fen(value)
                if err:
                    report(f"“{f.title}”：{err}", (*path, key))
                out[f.name] = amount
            else:
                out[key] = decode_value(f, value, (*path, key), report)
    return out


def encode_value(f: Field, value: Any) -> Any:
    if value is None:
        return None
    if f.kind is Kind.MONEY:
        return format_money(value)
    if f.kind is Kind.NUMBER:
        return int(value) if value == value.to_integral_value() else str(value)
    if f.kind is Kind.TABLE:
        return encode_fields(value, f.fields)
    if f.kind is Kind.TABLE_LIST:
        return [encode_fields(v, f.fields) for v in value]
    if f.kind is Kind.STR_LIST:
        return list(value)
    return value


def encode_fields(values: Mapping[str, Any], fields: Iterable[Field]) -> dict[str, Any]:
    """Canonical dict in field order; None, empty lists and empty tables are left out."""
    out: dict[str, Any] = {}
    for f in fields:
        v = values.get(f.name)
        if v is None or (isinstance(v, list | dict) and not v):
            continue
        out[f.name] = encode_value(f, v)
    return out


def check_values(values: Mapping[str, Any], fields: Iterable[Field]) -> list[tuple[str, str]]:
    """Validate Python values for a form or an API call: [(field name, Chinese message)].

    Values are given as Python objects (Decimal, date…); strings for money and dates are accepted
    too, so a form can pass what the officer typed.
    """
    errors: list[tuple[str, str]] = []
    fs = list(fields)
    raw: dict[str, Any] = {}
    for f in fs:
        v = values.get(f.name)
        if v is None or v == "":
            continue
        if f.kind is Kind.MONEY and isinstance(v, Decimal):
            v = str(v)
        if f.kind is Kind.NUMBER and isinstance(v, Decimal):
            v = str(v)
        raw[f.name] = v

    def report(msg: str, path: KeyPath) -> None:
        name = str(path[0]) if path else ""
        errors.append((name, msg))

    decode_fields(raw, fs, (), report, extra_ok=lambda k: True)
    return errors


def coerce_values(values: Mapping[str, Any], fields: Iterable[Field]) -> dict[str, Any]:
    """Convert form input (strings) to Python values; call after check_values found no error."""
    out: dict[str, Any] = {}

    def ignore(msg: str, path: KeyPath) -> None:
        return None

    for f in fields:
        v = values.get(f.name)
        if v is None or v == "":
            out[f.name] = [] if f.kind in (Kind.STR_LIST, Kind.TABLE_LIST) else None
            continue
        if f.kind in (Kind.MONEY, Kind.NUMBER) and isinstance(v, Decimal):
            out[f.name] = v
            continue
        out[f.name] = decode_value(f, v, (f.name,), ignore)
    return out
