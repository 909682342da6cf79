"""`unioncore explain`: the records behind a figure, found by its key or its label.

A figure is looked up in the reports it is printed in — the 统计年报 (statistical period), the
工作总结 and the 收支公开 (calendar year) — and then among every figure of the core and the plugins.
Each record is shown on one line with where it is written (`file:line`); personal numbers masked.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from .. import layout
from ..ledger import Entry
from ..problems import Problem
from ..registry import Figure, Period
from ..workspace import Workspace
from . import settings
from .redact import redact


@attrs.frozen
class RecordInfo:
    ref: str
    kind: str
    text: str
    location: str


@attrs.frozen
class Explanation:
    figure: Figure
    contexts: tuple[str, ...]
    records: tuple[RecordInfo, ...]

    @property
    def printed(self) -> bool:
        return bool(self.figure.refs)


def _where(ws: Workspace, kind: str, key: str) -> str:
    if ws.where(kind, key) is None:
        return ""
    return ws.locate([ws.problem_at(kind, key, "")])[0].location()


def entry_index(ws: Workspace) -> dict[str, Entry]:
    return {e.ref: e for entries in ws.entries.values() for e in entries}


def _member(ws: Workspace, ref: str, key: str) -> RecordInfo:
    m = ws.members[key]
    org = ws.organisations.get(m.org)
    parts = [
        m.id,
        m.name,
        m.gender or "",
        m.masked_id_number,
        m.masked_phone,
        org.name if org else m.org,
        m.status.value,
    ]
    return RecordInfo(ref, "会员", " ".join(p for p in parts if p), _where(ws, "member", key))


def _event(ws: Workspace, ref: str, key: str) -> RecordInfo:
    e = ws.events[key]
    etype = ws.event_types.get(e.type)
    org = ws.organisations.get(e.org)
    text = (
        f"{e.id} {e.start.isoformat()} {etype.label if etype else e.type}“{e.title}” "
        f"{org.name if org else e.org} 参加{e.attendance}人次"
    )
    return RecordInfo(ref, "活动", redact(text), _where(ws, "event", key))


def _entry(ws: Workspace, ref: str, e: Entry) -> RecordInfo:
    acc = ws.chart.get(e.account)
    side = f"（{e.side}方）" if e.side else ""
    text = (
        f"{e.org} {e.voucher} {e.date.isoformat()} {e.account} {acc.name if acc else ''}{side} "
        f"{e.amount:,.2f}元"
    )
    if e.memo:
        text += f" {e.memo}"
    return RecordInfo(ref, "凭证", redact(text), _where(ws, "entry", e.ref))


def _organisation(ws: Workspace, ref: str, key: str) -> RecordInfo:
    o = ws.organisations[key]
    extra = f" 职工{o.employees}人" if o.employees is not None else ""
    return RecordInfo(
        ref, "组织", f"{o.code} {o.name}（{o.kind.value}）{extra}", _where(ws, "organisation", key)
    )


def _budget(ws: Workspace, ref: str, org: str, year: int) -> RecordInfo:
    b = ws.budget(org, year)
    total = sum((ln.amount for ln in b.lines), Decimal(0))
    text = f"{org} {year}年预算 {len(b.lines)} 行，合计{total:,.2f}元，调整 {len(b.adjustments)} 笔"
    return RecordInfo(ref, "预算", text, layout.budget_file(org, year))


def _opening(ws: Workspace, ref: str, org: str, year: int) -> RecordInfo:
    balances = ws.opening(org, year).balances
    text = "；".join(f"{k} {v:,.2f}元" for k, v in sorted(balances.items()))
    return RecordInfo(ref, "期初余额", f"{org} {year}年期初余额：{text}", layout.ledger_file(org, year))


def _record(ws: Workspace, ref: str, kind: str, key: str) -> RecordInfo:
    rec = ws.records[kind][key]
    coll = ws.collections.get(kind)
    fields = "，".join(
        f"{k}={v}"
        for k, v in rec.data.items()
        if k != (coll.key if coll else "id") and v not in (None, [], "")
    )
    text = f"{key} {fields}"
    if len(text) > 160:
        text = text[:157] + "…"
    return RecordInfo(ref, coll.label if coll else kind, redact(text), _where(ws, kind, key))


def describe_ref(ws: Workspace, ref: str, entries: dict[str, Entry] | None = None) -> RecordInfo:
    """One line about a record named in a figure's refs, e.g. "member:M000001"."""
    kind, _, key = ref.partition(":")
    if kind == "member" and key in ws.members:
        return _member(ws, ref, key)
    if kind == "event" and key in ws.events:
        return _event(ws, ref, key)
    if kind == "entry":
        entry = (entries if entries is not None else entry_index(ws)).get(key)
        if entry is not None:
            return _entry(ws, ref, entry)
    if kind == "organisation" and key in ws.organisations:
        return _organisation(ws, ref, key)
    if kind in ("budget", "opening"):
        org, _, year = key.partition(":")
        if year.isdigit():
            return _budget(ws, ref, org, int(year)) if kind == "budget" else _opening(ws, ref, org, int(year))
    if kind in ws.records and key in ws.records[kind]:
        return _record(ws, ref, kind, key)
    return RecordInfo(ref, kind, f"{key}（找不到这条记录）", "")


def _candidates(
    ws: Workspace, year: int
) -> tuple[list[tuple[str, Figure]], list[tuple[str, Figure]], list[Problem]]:
    """(figures printed in the reports, every figure of the core and plugins, problems)."""
    from .public_account import build_public_account
    from .statistics import build_statistics
    from .summary import build_summary

    stat_period = settings.stat_period(ws, year)
    out: list[tuple[str, Figure]] = []
    problems: list[Problem] = []
    for build, label in (
        (build_statistics, f"统计年报（{stat_period.start.isoformat()} 至 {stat_period.end.isoformat()}）"),
        (build_summary, f"工作总结（{year}年）"),
        (build_public_account, f"收支公开（{year}年）"),
    ):
        report, found = build(ws, year)
        problems += found
        out += [(label, f) for f in report.figures]
    every: list[tuple[str, Figure]] = []
    for period, label in ((stat_period, "统计期全部指标"), (Period.year(year), f"{year}年全部指标")):
        figs, found = ws.figures(period)
        problems += found
        every += [(label, f) for f in figs]
    return out, every, problems


def _matches(cands: list[tuple[str, Figure]], query: str) -> list[tuple[str, Figure]]:
    q = query.strip()
    for test in (
        lambda f: f.key == q,
        lambda f: f.label == q,
        lambda f: q in f.label or q in f.key,
    ):
        found = [(c, f) for c, f in cands if test(f)]
        if found:
            return found
    return []


def explain(ws: Workspace, query: str, year: int | None = None) -> tuple[list[Explanation], list[Problem]]:
    """Every figure matching `query` (key, label, or part of a label) with the records behind it.

    The same figure printed in two reports with the same records is listed once, with both names.
    """
    year = year or ws.year
    printed, every, problems = _candidates(ws, year)
    grouped: dict[tuple[str, str, tuple[str, ...]], tuple[Figure, list[str]]] = {}
    for context, f in _matches(printed, query) or _matches(every, query):
        ident = (f.key, str(f.value), f.refs)
        if ident in grouped:
            if context not in grouped[ident][1]:
                grouped[ident][1].append(context)
        else:
            grouped[ident] = (f, [context])
    entries = entry_index(ws)
    out = [
        Explanation(f, tuple(contexts), tuple(describe_ref(ws, r, entries) for r in f.refs))
        for f, contexts in grouped.values()
    ]
    return out, problems


def format_explanation(x: Explanation, limit: int | None = None) -> Iterable[str]:
    f = x.figure
    yield f"{f.label}（{f.key}）= {f.formatted()}    见于：{'、'.join(x.contexts)}"
    if f.note:
        yield f"  说明：{f.note}"
    if not x.printed:
        yield "  没有记录支持这个指标，报表中不打印它。"
        return
    yield f"  背后的记录（{len(x.records)} 条）："
    shown = x.records if limit is None else x.records[:limit]
    for r in shown:
        where = f"    {r.location}" if r.location else ""
        yield f"    {r.kind} {r.text}{where}"
    if len(shown) < len(x.records):
        yield f"    ……另有 {len(x.records) - len(shown)} 条（用 --limit 0 全部列出）"
