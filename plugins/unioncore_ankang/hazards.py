"""隐患排查治理: hazards, their status (待整改 → 整改中 → 已整改 → 已验收), deadlines and reports.

Legal basis (shared/domain.md §5.10):
- 《安全生产法》第四十一条: the employer runs a 隐患排查治理 system, records it truthfully and tells the
  workers; **重大事故隐患 are reported in time to the regulator and to the 职代会**. We require both
  report flags before a 重大 hazard is 已验收, and warn while they are missing.
- 《工会法》第二十五条: the union may propose fixes for hazards and the employer shall answer in time
  (及时研究答复); the number of days is a setting (`reply_days`, [U]).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

import attrs

from unioncore import Problem, Severity

from .model import DONE_STATUSES, HAZARD, IN_PROGRESS, LEVEL_MAJOR, OPEN, RECTIFIED, VERIFIED
from .rules import ART25, ART41
from .settings import Settings

if TYPE_CHECKING:
    from unioncore import Workspace
    from unioncore.records import Record


def is_rectified(h: Record, on: datetime.date) -> bool:
    """已整改 or 已验收 by `on` (a hazard rectified after `on` was still open on that day)."""
    if h.get("status") not in DONE_STATUSES:
        return False
    done = h.get("rectified")
    return done is None or done <= on


def overdue_days(h: Record, on: datetime.date) -> int | None:
    """Days past the deadline when the hazard was still not rectified on `on`, else None."""
    deadline: datetime.date | None = h.get("deadline")
    if deadline is None or deadline >= on or is_rectified(h, on):
        return None
    return (on - deadline).days


def proposal_date(h: Record) -> datetime.date | None:
    """When the union put its proposal to the employer (the found date when not recorded)."""
    if not h.get("proposed_fix"):
        return None
    day: datetime.date | None = h.get("proposed") or h.get("found")
    return day


def days_without_reply(h: Record, on: datetime.date) -> int | None:
    """Days a proposal has waited for the employer's answer (None when answered or not proposed)."""
    day = proposal_date(h)
    if day is None or h.get("reply_date") is not None or h.get("status") in DONE_STATUSES:
        return None
    return (on - day).days


def found_in(hazards: Iterable[Record], start: datetime.date, end: datetime.date) -> list[Record]:
    return [h for h in hazards if h.get("found") is not None and start <= h["found"] <= end]


def rate(part: int, whole: int) -> Decimal:
    """A percentage with one decimal (整改率), 0 when there is nothing to divide."""
    if whole == 0:
        return Decimal(0)
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


# -- checks ------------------------------------------------------------------------------------
def check(ws: Workspace, settings: Settings) -> list[Problem]:
    problems: list[Problem] = []
    today = ws.as_of
    for h in ws.records_of(HAZARD):
        problems += _status_problems(ws, h, today)
        problems += _deadline_problems(ws, h, today)
        problems += _report_problems(ws, h)
        problems += _reply_problems(ws, h, today, settings)
    return problems


def _at(
    ws: Workspace, h: Record, message: str, field: str, rule: str, severity: Severity, source: str
) -> Problem:
    return ws.problem_at(HAZARD, h.key, message, field=field, severity=severity, rule=rule, source=source)


def _status_problems(ws: Workspace, h: Record, today: datetime.date) -> list[Problem]:
    """The status agrees with the dates, and the dates come in order (found ≤ rectified ≤ verified)."""
    out: list[Problem] = []
    status, found = h.get("status"), h.get("found")
    rectified, verified = h.get("rectified"), h.get("verified")
    src = ART41

    def bad(message: str, field: str) -> None:
        out.append(_at(ws, h, message, field, "ankang.hazard-status", Severity.ERROR, src))

    if status in DONE_STATUSES and rectified is None:
        bad(f"隐患状态为“{status}”，但没有填整改完成日期", "status")
    if status == VERIFIED and verified is None:
        bad("隐患状态为“已验收”，但没有填验收日期", "status")
    if status in (OPEN, IN_PROGRESS) and rectified is not None:
        bad(f"已填整改完成日期 {rectified.isoformat()}，状态却仍为“{status}”", "status")
    if status in (OPEN, IN_PROGRESS, RECTIFIED) and verified is not None:
        bad(f"已填验收日期 {verified.isoformat()}，状态应为“已验收”", "status")
    if found is None:
        return out
    if found > today:
        bad(f"发现日期 {found.isoformat()} 晚于今天（{today.isoformat()}）", "found")
    for field, label in (
        ("deadline", "整改期限"),
        ("proposed", "提出建议日期"),
        ("reply_date", "单位答复日期"),
        ("rectified", "整改完成日期"),
    ):
        day = h.get(field)
        if day is not None and day < found:
            bad(f"{label} {day.isoformat()} 早于发现日期 {found.isoformat()}", field)
    if rectified is not None and verified is not None and verified < rectified:
        bad(f"验收日期 {verified.isoformat()} 早于整改完成日期 {rectified.isoformat()}", "verified")
    proposed = h.get("proposed")
    reply = h.get("reply_date")
    if proposed is not None and reply is not None and reply < proposed:
        bad(f"单位答复日期 {reply.isoformat()} 早于提出建议日期 {proposed.isoformat()}", "reply_date")
    return out


def _deadline_problems(ws: Workspace, h: Record, today: datetime.date) -> list[Problem]:
    """An open hazard past its deadline (安全生产法 Art 41: hazards are eliminated in time)."""
    days = overdue_days(h, today)
    if days is None:
        return []
    level = "重大隐患" if h.get("level") == LEVEL_MAJOR else "隐患"
    return [
        _at(
            ws,
            h,
            f"{level}“{_short(h)}”整改期限 {h['deadline'].isoformat()} 已过 {days} 天，状态仍为“{h.get('status')}”",
            "deadline",
            "ankang.hazard-overdue",
            Severity.WARNING,
            ART41,
        )
    ]


def _report_problems(ws: Workspace, h: Record) -> list[Problem]:
    """重大事故隐患 are reported to the regulator and to the 职代会 (安全生产法 Art 41) — before 已验收."""
    if h.get("level") != LEVEL_MAJOR:
        return []
    missing = [
        name
        for field, name in (
            ("reported_congress", "职代会"),
            ("reported_regulator", "负有安全生产监督管理职责的部门"),
        )
        if not h.get(field)
    ]
    if not missing:
        return []
    field = "reported_congress" if not h.get("reported_congress") else "reported_regulator"
    if h.get(field) is None:
        field = "level"  # the flag is not written: point at the 重大 level
    if h.get("status") == VERIFIED:
        return [
            _at(
                ws,
                h,
                f"重大隐患“{_short(h)}”已验收，但未向{'和'.join(missing)}报告（应在验收前报告）",
                field,
                "ankang.major-hazard-verified",
                Severity.ERROR,
                ART41,
            )
        ]
    return [
        _at(
            ws,
            h,
            f"重大隐患“{_short(h)}”尚未向{'和'.join(missing)}报告",
            field,
            "ankang.major-hazard-report",
            Severity.WARNING,
            ART41,
        )
    ]


def _reply_problems(ws: Workspace, h: Record, today: datetime.date, settings: Settings) -> list[Problem]:
    """The employer answers the union's proposal in time (工会法 Art 25)."""
    days = days_without_reply(h, today)
    if days is None or days <= settings.reply_days:
        return []
    day = proposal_date(h)
    assert day is not None
    return [
        _at(
            ws,
            h,
            f"工会 {day.isoformat()} 就隐患“{_short(h)}”提出整改建议，已 {days} 天未获单位答复"
            f"（超过 {settings.reply_days} 天）",
            "proposed" if h.get("proposed") is not None else "proposed_fix",
            "ankang.no-reply",
            Severity.WARNING,
            ART25,
        )
    ]


def _short(h: Record, width: int = 16) -> str:
    text = str(h.get("description") or h.key)
    return text if len(text) <= width else text[: width - 1] + "…"


# -- rows for the panel --------------------------------------------------------------------------
@attrs.frozen
class HazardRow:
    """One hazard as the panel lists it."""

    id: str
    unit: str
    found: str
    level: str
    description: str
    deadline: str
    status: str
    overdue: int | None  # days past the deadline, None when not overdue


STATUS_ORDER = {OPEN: 0, IN_PROGRESS: 1, RECTIFIED: 2, VERIFIED: 3}


def hazard_rows(ws: Workspace, on: datetime.date | None = None) -> list[HazardRow]:
    """Every hazard, overdue first, then by status (open first) and deadline."""
    on = on or ws.as_of
    rows = []
    for h in ws.records_of(HAZARD):
        org = ws.organisations.get(str(h.get("unit")))
        deadline = h.get("deadline")
        found = h.get("found")
        rows.append(
            (
                HazardRow(
                    id=h.key,
                    unit=org.name if org is not None else str(h.get("unit") or ""),
                    found=found.isoformat() if found else "",
                    level=str(h.get("level") or ""),
                    description=str(h.get("description") or ""),
                    deadline=deadline.isoformat() if deadline else "",
                    status=str(h.get("status") or ""),
                    overdue=overdue_days(h, on),
                ),
                deadline or datetime.date.max,
            )
        )
    rows.sort(key=lambda r: (r[0].overdue is None, STATUS_ORDER.get(r[0].status, 9), r[1], r[0].id))
    return [r for r, _ in rows]
