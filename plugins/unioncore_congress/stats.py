"""Figures of 职代会、厂务公开、提案 and 合理化建议, each with the records behind it.

The 工会统计年报 counts 建立职代会制度的单位数, 职代会职工代表人数 (#女性), 厂务公开单位数 and 开展
合理化建议的单位数 (shared/domain.md §8.5); the 口径 used here is stated in each figure's note.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from unioncore import Figure, Period

from . import disclosures, proposals, sessions, suggestions
from .records import GROUP, SATISFIED
from .settings import CongressSettings

if TYPE_CHECKING:
    from unioncore import Workspace
    from unioncore.records import Record


def _refs(records: list[Record]) -> tuple[str, ...]:
    return tuple(r.ref for r in records)


def _orgs(codes: set[str]) -> tuple[str, ...]:
    return tuple(f"organisation:{c}" for c in sorted(codes))


def figures(ws: Workspace, period: Period, settings: CongressSettings) -> list[Figure]:
    return (
        session_figures(ws, period)
        + disclosure_figures(ws, period)
        + proposal_figures(ws, period, settings)
        + suggestion_figures(ws, period)
    )


def session_figures(ws: Workspace, period: Period) -> list[Figure]:
    held = sessions.sessions(ws, period)
    refs = tuple(f"event:{e.id}" for e in held)
    latest = sessions.latest_by_org(held)
    latest_refs = tuple(f"event:{e.id}" for e in latest.values())
    delegates = sum(int(e.fields.get("delegates") or 0) for e in latest.values())
    female = sum(int(e.fields.get("female_delegates") or 0) for e in latest.values())
    meetings = sessions.committee_meetings(ws, period)
    resolutions = sessions.resolutions_of(ws, held + meetings)
    adopted = [r for r in resolutions if r["result"] == "通过"]
    return [
        Figure("congress.sessions", "召开职工（代表）大会", len(held), "次", GROUP, refs),
        Figure(
            "congress.units",
            "召开职代会的单位",
            len(latest),
            "个",
            GROUP,
            _orgs(set(latest)),
            note="口径：本期召开过职工代表大会或职工大会的单位（建立职代会制度的单位数）",
        ),
        Figure(
            "congress.delegates",
            "职代会职工代表",
            delegates,
            "人",
            GROUP,
            latest_refs if delegates else (),
            note="口径：各单位本期最近一次职代会的职工代表人数之和",
        ),
        Figure(
            "congress.female_delegates",
            "其中女职工代表",
            female,
            "人",
            GROUP,
            latest_refs if female else (),
        ),
        Figure(
            "congress.committee_meetings",
            "召开工会委员会会议",
            len(meetings),
            "次",
            GROUP,
            tuple(f"event:{e.id}" for e in meetings),
        ),
        Figure("congress.resolutions", "表决事项", len(resolutions), "项", GROUP, _refs(resolutions)),
        Figure("congress.resolutions.adopted", "审议通过决议", len(adopted), "项", GROUP, _refs(adopted)),
    ]


def disclosure_figures(ws: Workspace, period: Period) -> list[Figure]:
    items = disclosures.published_in(ws, period)
    units = {r["org"] for r in items}
    return [
        Figure("congress.disclosures", "厂务公开事项", len(items), "项", GROUP, _refs(items)),
        Figure(
            "congress.disclosure_units",
            "实行厂务公开的单位",
            len(units),
            "个",
            GROUP,
            _orgs(units),
            note="口径：本期有厂务公开记录的单位（厂务公开单位数）",
        ),
    ]


def proposal_figures(ws: Workspace, period: Period, settings: CongressSettings) -> list[Figure]:
    received = proposals.received_in(ws, period)
    registered = [r for r in received if r.get("registered")]
    declined = [r for r in received if r.get("declined")]
    replied = [r for r in registered if r.get("replied")]
    with_view = [r for r in replied if r.get("satisfaction")]
    satisfied = [r for r in with_view if r["satisfaction"] in SATISFIED]
    archived = [r for r in received if r.get("archived")]
    keys = {r.key for r in received}
    late = [rec for rec, _ in proposals.overdue(ws, settings) if rec.key in keys]
    figs = [
        Figure("congress.proposals", "收到职代会提案", len(received), "件", GROUP, _refs(received)),
        Figure("congress.proposals.registered", "立案", len(registered), "件", GROUP, _refs(registered)),
        Figure("congress.proposals.declined", "不予立案", len(declined), "件", GROUP, _refs(declined)),
        Figure("congress.proposals.replied", "已书面答复", len(replied), "件", GROUP, _refs(replied)),
        Figure(
            "congress.proposals.satisfied",
            "提案人满意和基本满意",
            len(satisfied),
            "件",
            GROUP,
            _refs(satisfied),
            note=f"征求意见的 {len(with_view)} 件中",
        ),
        Figure("congress.proposals.archived", "已归档", len(archived), "件", GROUP, _refs(archived)),
        Figure(
            "congress.proposals.overdue",
            "办理逾期的提案",
            len(late),
            "件",
            GROUP,
            _refs(late),
            note=f"截至 {ws.as_of.isoformat()}，当前步骤超过设置的天数",
        ),
    ]
    return figs


def suggestion_figures(ws: Workspace, period: Period) -> list[Figure]:
    made = suggestions.made_in(ws, period)
    adopted = suggestions.adopted(made)
    done = suggestions.implemented(made)
    amount, counted = suggestions.benefit(made)
    units = {r["org"] for r in made}
    return [
        Figure("congress.suggestions", "提出合理化建议", len(made), "条", GROUP, _refs(made)),
        Figure(
            "congress.suggestions.adopted",
            "采纳实施合理化建议",
            len(adopted),
            "条",
            GROUP,
            _refs(adopted),
            note="已采纳和已实施的建议",
        ),
        Figure("congress.suggestions.implemented", "其中已实施", len(done), "条", GROUP, _refs(done)),
        Figure(
            "congress.suggestions.benefit",
            "合理化建议创经济效益",
            amount if counted else Decimal(0),
            "元",
            GROUP,
            _refs(counted),
            note="只计已实施的建议",
        ),
        Figure(
            "congress.suggestion_units",
            "开展合理化建议的单位",
            len(units),
            "个",
            GROUP,
            _orgs(units),
        ),
    ]
