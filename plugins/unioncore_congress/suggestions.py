"""合理化建议: who made it, when, about what, how far it got (已受理 → 已采纳 → 已实施, or 未采纳),
its award and the economic benefit it brought (yuan, Decimal)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from unioncore import Period, Problem, Rule, Severity

from .records import (
    SUGGESTION,
    SUGGESTION_ADOPTED,
    SUGGESTION_IMPLEMENTED,
    SUGGESTION_RECEIVED,
)
from .settings import CongressSettings

if TYPE_CHECKING:
    from unioncore import Workspace
    from unioncore.records import Record

PRACTICE = "合理化建议管理办法（奖项与评审期限为工作区设置 [U]）"

AUTHOR = Rule("congress.suggestion-author", "合理化建议写明建议人", Severity.ERROR, PRACTICE)
AWARD = Rule(
    "congress.suggestion-award",
    "奖项在设置的奖项之中，且只授予已采纳或已实施的建议",
    Severity.WARNING,
    PRACTICE,
)
BENEFIT = Rule(
    "congress.suggestion-benefit", "经济效益只计已实施的建议，且不为负数", Severity.WARNING, PRACTICE
)
PENDING = Rule("congress.suggestion-pending", "受理的建议应及时评审是否采纳", Severity.HINT, PRACTICE)

RULES = [AUTHOR, AWARD, BENEFIT, PENDING]

ADOPTED = (SUGGESTION_ADOPTED, SUGGESTION_IMPLEMENTED)


def made_in(ws: Workspace, period: Period) -> list[Record]:
    return sorted(
        (r for r in ws.records_of(SUGGESTION) if r["date"] in period), key=lambda r: (r["date"], r.key)
    )


def adopted(records: Iterable[Record]) -> list[Record]:
    """采纳实施: adopted, whether or not implemented yet."""
    return [r for r in records if r["status"] in ADOPTED]


def implemented(records: Iterable[Record]) -> list[Record]:
    return [r for r in records if r["status"] == SUGGESTION_IMPLEMENTED]


def benefit(records: Iterable[Record]) -> tuple[Decimal, list[Record]]:
    """Economic benefit of implemented suggestions (a benefit is only real once implemented)."""
    counted = [r for r in implemented(records) if r.get("benefit")]
    return sum((r["benefit"] for r in counted), Decimal(0)), counted


def check(ws: Workspace, settings: CongressSettings) -> list[Problem]:
    return [
        ws.rule_problem(rule, SUGGESTION, rec.key, message, field=field)
        for rec in sorted(ws.records_of(SUGGESTION), key=lambda r: r.key)
        for rule, field, message in _findings(rec, ws.as_of, settings)
    ]


def _findings(rec: Record, today: datetime.date, settings: CongressSettings) -> list[tuple[Rule, str, str]]:
    out: list[tuple[Rule, str, str]] = []
    status = rec["status"]
    if not rec.get("author") and not rec.get("author_name"):
        out.append((AUTHOR, "author", "未填建议人（author 填会员编号，或 author_name 填姓名、班组）"))
    award = rec.get("award")
    if award and award not in settings.awards:
        out.append((AWARD, "award", f"奖项“{award}”不在设置的奖项之中（{'、'.join(settings.awards)}）"))
    if award and status not in ADOPTED:
        out.append((AWARD, "award", f"建议状态为“{status}”，不应评定奖项"))
    amount = rec.get("benefit")
    if amount is not None and amount < 0:
        out.append((BENEFIT, "benefit", "经济效益不能为负数"))
    elif amount and status != SUGGESTION_IMPLEMENTED:
        out.append((BENEFIT, "benefit", f"建议状态为“{status}”，尚未实施，经济效益 {amount} 元不计入统计"))
    if status == SUGGESTION_RECEIVED:
        waited = (today - rec["date"]).days
        if waited > settings.suggestion_review_days:
            message = f"建议“{rec['subject']}”受理已 {waited} 天仍未评审（期限 {settings.suggestion_review_days} 天）"
            out.append((PENDING, "status", message))
    return out
