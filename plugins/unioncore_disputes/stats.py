"""Figures of 劳动争议调解 and legal aid, each with the records behind it."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from unioncore import Figure, Period
from unioncore.stats import percent

from . import cases
from .records import CONSULTATION, GROUP, LEGAL_ADVICE, LEGAL_AID, NOT_ACCEPTED, SETTLED, TO_ARBITRATION
from .settings import DisputeSettings

if TYPE_CHECKING:
    from unioncore import Workspace
    from unioncore.records import Record


def _refs(records: list[Record]) -> tuple[str, ...]:
    return tuple(r.ref for r in records)


def _money(records: list[Record], field: str) -> tuple[Decimal, tuple[str, ...]]:
    counted = [r for r in records if r.get(field)]
    return sum((r[field] for r in counted), Decimal(0)), _refs(counted)


def figures(ws: Workspace, period: Period, settings: DisputeSettings) -> list[Figure]:
    return case_figures(ws, period, settings) + consultation_figures(ws, period)


def case_figures(ws: Workspace, period: Period, settings: DisputeSettings) -> list[Figure]:
    received = cases.received_in(ws, period)
    taken = cases.mediated(received)
    refused = [r for r in received if r.get("outcome") == NOT_ACCEPTED]
    closed = [r for r in taken if r.get("closed")]
    settled = [r for r in closed if r.get("outcome") == SETTLED]
    arbitration = [r for r in closed if r.get("outcome") == TO_ARBITRATION]
    collective = [r for r in taken if r["workers"] >= settings.collective_workers]
    still_open = [r for r in taken if not r.get("closed")]
    amount, amount_refs = _money(taken, "amount")
    recovered, recovered_refs = _money(settled, "recovered")
    return [
        Figure(
            "disputes.cases",
            "调解劳动争议案件",
            len(taken),
            "宗",
            GROUP,
            _refs(taken),
            note="本期受理的调解案件（不含不予受理）",
        ),
        Figure("disputes.workers", "涉及职工", sum(r["workers"] for r in taken), "人", GROUP, _refs(taken)),
        Figure("disputes.amount", "争议金额", amount, "元", GROUP, amount_refs),
        Figure("disputes.settled", "调解成功", len(settled), "宗", GROUP, _refs(settled)),
        Figure(
            "disputes.settled_rate",
            "调解成功率",
            percent(len(settled), len(closed)),
            "%",
            GROUP,
            _refs(closed),
            note=f"口径：调解成功 {len(settled)} 宗 ÷ 已结案 {len(closed)} 宗",
        ),
        Figure("disputes.recovered", "为职工挽回经济损失", recovered, "元", GROUP, recovered_refs),
        Figure(
            "disputes.to_arbitration", "调解不成转仲裁", len(arbitration), "宗", GROUP, _refs(arbitration)
        ),
        Figure(
            "disputes.collective",
            "集体劳动争议",
            len(collective),
            "宗",
            GROUP,
            _refs(collective),
            note=f"劳动者一方 {settings.collective_workers} 人以上（《劳动争议调解仲裁法》第七条）",
        ),
        Figure(
            "disputes.open",
            "未结案件",
            len(still_open),
            "宗",
            GROUP,
            _refs(still_open),
        ),
        Figure("disputes.not_accepted", "不予受理", len(refused), "宗", GROUP, _refs(refused)),
    ]


def consultation_figures(ws: Workspace, period: Period) -> list[Figure]:
    records = sorted((r for r in ws.records_of(CONSULTATION) if r["date"] in period), key=lambda r: r.key)
    advice = [r for r in records if r["kind"] == LEGAL_ADVICE]
    aid = [r for r in records if r["kind"] == LEGAL_AID]
    return [
        Figure(
            "disputes.consultations",
            "法律咨询",
            sum(r.get("people") or 1 for r in advice),
            "人次",
            GROUP,
            _refs(advice),
        ),
        Figure("disputes.legal_aid", "法律援助", len(aid), "件", GROUP, _refs(aid)),
    ]
