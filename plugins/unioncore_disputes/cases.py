"""劳动争议调解 cases: received, parties, workers involved, amount in dispute, how they ended, money
recovered, closed — and cases left open longer than the mediation limit."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from unioncore import Period, Problem, Rule, Severity

from .records import CASE, NOT_ACCEPTED, SETTLED
from .settings import DisputeSettings

if TYPE_CHECKING:
    from unioncore import Workspace
    from unioncore.records import Record

LAW = "《劳动争议调解仲裁法》"
LIMIT_SOURCE = (
    f"{LAW}第十四条第三款（十五日内未达成调解协议的，当事人可以依法申请仲裁；天数为设置 mediation_days）"
)
AGREEMENT_SOURCE = f"{LAW}第十四条第一款（经调解达成协议的，应当制作调解协议书）"

CHAPTER = f"{LAW}第二章 调解（调解案件的受理、调解协议与结案）"

OPEN_TOO_LONG = Rule("disputes.open-too-long", "调解案件在规定期限内结案", Severity.WARNING, LIMIT_SOURCE)
OUTCOME = Rule(
    "disputes.outcome", "结案的案件写明处理结果和结案日期，结案不早于受理", Severity.ERROR, CHAPTER
)
AGREEMENT = Rule("disputes.agreement", "调解成功的案件有调解协议书", Severity.WARNING, AGREEMENT_SOURCE)
RECOVERED = Rule(
    "disputes.recovered", "挽回金额只记调解成功的案件，且不超过争议金额", Severity.WARNING, CHAPTER
)
MEMBERS = Rule("disputes.members", "列出的涉及会员不多于涉及职工人数", Severity.ERROR, CHAPTER)

RULES = [OPEN_TOO_LONG, OUTCOME, AGREEMENT, RECOVERED, MEMBERS]


def received_in(ws: Workspace, period: Period) -> list[Record]:
    """Cases received in the period (all of them, 不予受理 included)."""
    return sorted(
        (r for r in ws.records_of(CASE) if r["received"] in period), key=lambda r: (r["received"], r.key)
    )


def mediated(records: list[Record]) -> list[Record]:
    """Cases the union took up for mediation: all but those not accepted (不予受理)."""
    return [r for r in records if r.get("outcome") != NOT_ACCEPTED]


def open_cases(ws: Workspace, on: datetime.date) -> list[Record]:
    return sorted(
        (r for r in ws.records_of(CASE) if not r.get("closed") and r["received"] <= on),
        key=lambda r: (r["received"], r.key),
    )


def check(ws: Workspace, settings: DisputeSettings) -> list[Problem]:
    return [
        ws.rule_problem(rule, CASE, rec.key, message, field=field)
        for rec in sorted(ws.records_of(CASE), key=lambda r: r.key)
        for rule, field, message in _findings(rec, ws.as_of, settings)
    ]


def _findings(rec: Record, today: datetime.date, settings: DisputeSettings) -> list[tuple[Rule, str, str]]:
    out: list[tuple[Rule, str, str]] = []
    closed, outcome = rec.get("closed"), rec.get("outcome")
    if closed and not outcome:
        out.append((OUTCOME, "outcome", "已结案但没有写明处理结果（outcome）"))
    if outcome and not closed:
        out.append((OUTCOME, "closed", f"处理结果为“{outcome}”但没有结案日期（closed）"))
    if closed and closed < rec["received"]:
        message = f"结案日期 {closed.isoformat()} 早于受理日期 {rec['received'].isoformat()}"
        out.append((OUTCOME, "closed", message))
    if not closed:
        days = (today - rec["received"]).days
        if days > settings.mediation_days:
            message = (
                f"{rec['applicant']}与{rec['respondent']}的争议受理已 {days} 天仍未结案"
                f"（期限 {settings.mediation_days} 天）：达成协议、终止调解或告知当事人可申请仲裁"
            )
            out.append((OPEN_TOO_LONG, "received", message))
    if outcome == SETTLED and not rec.get("agreement"):
        out.append((AGREEMENT, "agreement", "调解成功但没有登记调解协议书编号（agreement）"))
    recovered, amount = rec.get("recovered"), rec.get("amount")
    if recovered and outcome != SETTLED:
        message = f"处理结果为“{outcome or '未结案'}”，挽回经济损失 {recovered} 元只应记在调解成功的案件上"
        out.append((RECOVERED, "recovered", message))
    elif recovered is not None and amount is not None and recovered > amount:
        out.append((RECOVERED, "recovered", f"挽回经济损失 {recovered} 元多于争议金额 {amount} 元"))
    members = rec.get("members") or []
    if len(members) > rec["workers"]:
        message = f"列出涉及会员 {len(members)} 人，多于涉及职工人数 {rec['workers']} 人"
        out.append((MEMBERS, "members", message))
    return out
