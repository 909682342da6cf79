"""Figures of the assistance plugin (group 困难帮扶), each with the records behind it.

Counting (the 口径 of the report sentences):
- 人次 = aid records; 人 = distinct recipients (for 金秋助学 each child is one person);
- 款物 = cash + the value of goods, in yuan (the report prints 万元 with two decimals);
- hardship files (户) are counted as on record at the end of the period;
- mutual medical enrolments are those of the period's years; claims by their date.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from unioncore import Figure, Period, Workspace
from unioncore.records import Record

from . import aid as aidmod
from . import hardship
from .records import ACCIDENT, AID_KINDS, CLAIM_FIELDS, CLASSES, DEEP, GROUP, MUTUAL, RELATIVE, items, usable

CLASS_KEYS = {DEEP: "deep", RELATIVE: "relative", ACCIDENT: "accident"}


def _refs(recs: Iterable[Record]) -> tuple[str, ...]:
    return tuple(r.ref for r in recs)


def _fig(
    key: str, label: str, value: int | Decimal, unit: str, refs: tuple[str, ...], note: str = ""
) -> Figure:
    return Figure(f"assistance.{key}", label, value, unit, GROUP, refs, note)


def _money(recs: Iterable[Record]) -> Decimal:
    return sum((aidmod.value(r) for r in recs), Decimal(0))


def aid_figures(ws: Workspace, period: Period) -> list[Figure]:
    given = aidmod.aids(ws, period)
    refs = _refs(given)
    people = {aidmod.beneficiary(ws, r) for r in given}
    figs = [
        _fig("aid.records", "帮扶人次", len(given), "人次", refs, "每条帮扶记录计一人次"),
        _fig("aid.people", "帮扶人数", len(people), "人", refs, "同一人多次帮扶计一人；金秋助学按子女计"),
        _fig("aid.value", "帮扶款物", _money(given), "元", refs, "现金与物品折价之和"),
        _fig("aid.cash", "帮扶现金", sum((aidmod.cash(r) for r in given), Decimal(0)), "元", refs),
        _fig("aid.goods", "帮扶物品折价", sum((aidmod.goods(r) for r in given), Decimal(0)), "元", refs),
    ]
    for kind, slug in AID_KINDS.items():
        recs = [r for r in given if r["kind"] == kind]
        krefs = _refs(recs)
        figs += [
            _fig(f"aid.{slug}.records", f"{kind}人次", len(recs), "人次", krefs),
            _fig(
                f"aid.{slug}.people",
                f"{kind}人数",
                len({aidmod.beneficiary(ws, r) for r in recs}),
                "人",
                krefs,
            ),
            _fig(f"aid.{slug}.value", f"{kind}款物", _money(recs), "元", krefs),
        ]
    return figs


def file_figures(ws: Workspace, period: Period) -> list[Figure]:
    files = hardship.files(ws)
    on_record = [r for r in files if hardship.is_open(r, period.end)]
    figs = [
        _fig(
            "files.open",
            "在档困难职工",
            len(on_record),
            "户",
            _refs(on_record),
            f"{period.end.isoformat()}在档",
        ),
    ]
    for cls in CLASSES:
        recs = [r for r in on_record if r["class"] == cls]
        figs.append(_fig(f"files.{CLASS_KEYS[cls]}", f"其中{cls}", len(recs), "户", _refs(recs)))
    opened = [r for r in files if r["opened"] in period]
    closed = [r for r in files if r.get("closed") is not None and r["closed"] in period]
    figs += [
        _fig("files.opened", "新建档困难职工", len(opened), "户", _refs(opened)),
        _fig("files.closed", "脱困", len(closed), "户", _refs(closed)),
    ]
    return figs


def mutual_figures(ws: Workspace, period: Period) -> list[Figure]:
    years = range(period.start.year, period.end.year + 1)
    pool = usable(ws, MUTUAL)
    enrolled = [r for r in pool if r["year"] in years]
    refs = _refs(enrolled)
    claims = [(r, c) for r in pool for _, c in items(r, "claim", CLAIM_FIELDS) if c["date"] in period]
    crefs = tuple(dict.fromkeys(r.ref for r, _ in claims))
    return [
        _fig("mutual.people", "参加互助医疗保障", len({r["member"] for r in enrolled}), "人", refs),
        _fig("mutual.enrolments", "互助保障参保", len(enrolled), "人次", refs, "每人每个保障项目计一次"),
        _fig(
            "mutual.premium",
            "缴纳互助金",
            sum((r["premium"] for r in enrolled), Decimal(0)),
            "元",
            refs,
        ),
        _fig("mutual.claims", "互助金给付", len(claims), "人次", crefs),
        _fig(
            "mutual.claims_paid",
            "互助金给付金额",
            sum((c["paid"] for _, c in claims), Decimal(0)),
            "元",
            crefs,
        ),
    ]


def figures(ws: Workspace, period: Period) -> list[Figure]:
    return aid_figures(ws, period) + file_figures(ws, period) + mutual_figures(ws, period)
