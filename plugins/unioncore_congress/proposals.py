"""职代会提案 through their whole path, and the step that is overdue.

    received ─┬─ registered (立案) ── assigned (交办, departments) ── replied (书面答复)
              │                                   ── satisfaction (+ feedback date) ── archived
              └─ declined (不予立案, with decline_reason) ─────────────────────────── archived

Each step has a number of days it may take after the step before (settings `proposal_*_days`,
[U]: practice in 职代会提案工作制度, no national figure); the first step not yet done is reported once
its time is up.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import attrs

from unioncore import Period, Problem, Rule, Severity

from .records import PROPOSAL, PROPOSAL_FIELDS
from .settings import CongressSettings

if TYPE_CHECKING:
    from unioncore import Workspace
    from unioncore.records import Record

PRACTICE = "职代会提案工作制度（各步骤期限为工作区设置 [U]）"

PATH = Rule(
    "congress.proposal-path",
    "提案按立案（或不予立案并说明理由）、交办、答复、征求意见、归档的顺序办理",
    Severity.ERROR,
    PRACTICE,
)
DATES = Rule("congress.proposal-dates", "提案各步骤的日期前后一致", Severity.ERROR, PRACTICE)
OVERDUE = Rule("congress.proposal-overdue", "提案的当前步骤未超过规定天数", Severity.WARNING, PRACTICE)
UNSATISFIED = Rule("congress.proposal-unsatisfied", "提案人对答复不满意时应重新办理", Severity.HINT, PRACTICE)

RULES = [PATH, DATES, OVERDUE, UNSATISFIED]

STEP_LABELS = {
    "register": "立案审查",
    "assign": "交办承办部门",
    "reply": "书面答复",
    "feedback": "征求提案人意见",
    "archive": "归档",
}

# the dates of the path in the order they must come
DATE_ORDER = ("received", "registered", "declined", "assigned", "replied", "feedback", "archived")


@attrs.frozen
class PendingStep:
    step: str
    since: datetime.date  # when the step before it was done
    due: datetime.date

    @property
    def label(self) -> str:
        return STEP_LABELS[self.step]


def received_in(ws: Workspace, period: Period) -> list[Record]:
    return sorted(
        (r for r in ws.records_of(PROPOSAL) if r["received"] in period), key=lambda r: (r["received"], r.key)
    )


def is_done(rec: Record) -> bool:
    """办结: declined, or replied to (the proposer's view may follow)."""
    return bool(rec.get("declined") or (rec.get("registered") and rec.get("replied")))


def pending_step(rec: Record, settings: CongressSettings) -> PendingStep | None:
    """The first step not yet done and since when it has been waiting (None when archived)."""
    if rec.get("archived"):
        return None
    step: str
    since: datetime.date
    if rec.get("declined"):
        step, since = "archive", rec["declined"]
    elif not rec.get("registered"):
        step, since = "register", rec["received"]
    elif not rec.get("assigned"):
        step, since = "assign", rec["registered"]
    elif not rec.get("replied"):
        step, since = "reply", rec["assigned"]
    elif not rec.get("satisfaction"):
        step, since = "feedback", rec["replied"]
    else:
        step, since = "archive", rec.get("feedback") or rec["replied"]
    due = since + datetime.timedelta(days=settings.proposal_days[step])
    return PendingStep(step, since, due)


def path_errors(rec: Record) -> list[tuple[str, str]]:
    """What is out of order in a proposal's path: [(field, message)]."""
    errs: list[tuple[str, str]] = []
    reg, dec = rec.get("registered"), rec.get("declined")
    assigned, replied = rec.get("assigned"), rec.get("replied")
    departments = rec.get("departments") or []
    if not rec.get("proposer") and not rec.get("proposer_name"):
        errs.append(("proposer", "未填提案人（proposer 填会员编号，或 proposer_name 填姓名）"))
    if reg and dec:
        errs.append(("declined", "同时填写了立案日期和不予立案日期，只能二选一"))
    if dec and not rec.get("decline_reason"):
        errs.append(("decline_reason", "不予立案应写明理由（decline_reason），并告知提案人"))
    if rec.get("decline_reason") and not dec:
        errs.append(("decline_reason", "填写了不予立案理由，但没有不予立案日期（declined）"))
    if dec and (assigned or departments or replied):
        errs.append(("declined", "不予立案的提案不应再交办或答复"))
    if not reg and not dec and (assigned or departments or replied):
        errs.append(("registered", "尚未立案就已交办或答复，请先填写立案日期"))
    if assigned and not departments:
        errs.append(("departments", "已交办但没有填写承办部门"))
    if departments and not assigned and not dec:
        errs.append(("assigned", "填写了承办部门但没有交办日期"))
    if replied and reg and not assigned:
        errs.append(("assigned", "已书面答复但没有交办记录"))
    if (rec.get("satisfaction") or rec.get("feedback")) and not replied:
        errs.append(("satisfaction", "尚未书面答复就记录了提案人意见"))
    if rec.get("feedback") and not rec.get("satisfaction"):
        errs.append(("satisfaction", "填写了征求意见日期，但没有记录提案人意见（满意、基本满意或不满意）"))
    if rec.get("archived") and not is_done(rec):
        errs.append(("archived", "提案尚未办结（未书面答复，也未不予立案）就已归档"))
    return errs


def date_errors(rec: Record) -> list[tuple[str, str]]:
    errs = []
    previous: tuple[str, datetime.date] | None = None
    for name in DATE_ORDER:
        day = rec.get(name)
        if day is None:
            continue
        if previous is not None and day < previous[1]:
            label = _label(previous[0])
            errs.append((name, f"{_label(name)} {day.isoformat()} 早于{label} {previous[1].isoformat()}"))
        else:
            previous = (name, day)
    return errs


def _label(name: str) -> str:
    return next(f.title for f in PROPOSAL_FIELDS if f.name == name)


def check(ws: Workspace, settings: CongressSettings) -> list[Problem]:
    problems = []
    for rec in sorted(ws.records_of(PROPOSAL), key=lambda r: r.key):
        wrong = path_errors(rec)
        bad_dates = date_errors(rec)
        for rule, errors in ((PATH, wrong), (DATES, bad_dates)):
            for field, message in errors:
                problems.append(
                    ws.rule_problem(rule, PROPOSAL, rec.key, f"提案“{rec['title']}”：{message}", field=field)
                )
        if wrong or bad_dates:
            continue  # an inconsistent path has no meaningful "current step"
        pending = pending_step(rec, settings)
        if pending is not None and ws.as_of > pending.due:
            waited = (ws.as_of - pending.since).days
            limit = settings.proposal_days[pending.step]
            message = (
                f"提案“{rec['title']}”自 {pending.since.isoformat()} 起已 {waited} 天未{pending.label}"
                f"（期限 {limit} 天，逾期 {waited - limit} 天）"
            )
            problems.append(ws.rule_problem(OVERDUE, PROPOSAL, rec.key, message))
        if rec.get("satisfaction") == "不满意" and not rec.get("archived"):
            message = f"提案人对“{rec['title']}”的答复不满意：应督促承办部门重新办理并再次答复"
            problems.append(ws.rule_problem(UNSATISFIED, PROPOSAL, rec.key, message, field="satisfaction"))
    return problems


def overdue(ws: Workspace, settings: CongressSettings) -> list[tuple[Record, PendingStep]]:
    """Proposals whose current step is past its limit on the workspace's day (for panels and figures)."""
    out = []
    for rec in ws.records_of(PROPOSAL):
        if path_errors(rec) or date_errors(rec):
            continue
        pending = pending_step(rec, settings)
        if pending is not None and ws.as_of > pending.due:
            out.append((rec, pending))
    return sorted(out, key=lambda item: item[1].due)
