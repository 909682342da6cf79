"""三八 activities and 巾帼 titles (巾帼文明岗, 巾帼建功标兵, 三八红旗手 …).

三八 activities are ordinary core events of any type, held in the months of the setting
`womens_day_months` (default March) whose title or note names a women's theme (setting
`theme_keywords`). Titles are plugin records (`women_title`) awarded to a member or to a team/post.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from unioncore import Period, Problem, Severity
from unioncore.event import Event
from unioncore.records import Record

from .people import FEMALE
from .records import TITLE
from .settings import WomenSettings

if TYPE_CHECKING:
    from unioncore import Workspace


def is_womens_day_event(e: Event, settings: WomenSettings) -> bool:
    text = f"{e.title} {e.note or ''}"
    return e.start.month in settings.womens_day_months and any(w in text for w in settings.theme_keywords)


def womens_day_events(ws: Workspace, settings: WomenSettings, period: Period) -> list[Event]:
    return [e for e in ws.events_of(period=period) if is_womens_day_event(e, settings)]


def titles_in(ws: Workspace, period: Period) -> list[Record]:
    """Titles awarded in the years the period touches."""
    years = range(period.start.year, period.end.year + 1)
    return sorted((r for r in ws.records_of(TITLE) if r["year"] in years), key=lambda r: (r["year"], r.key))


def is_individual(title: str, settings: WomenSettings) -> bool:
    return any(t in title for t in settings.individual_titles)


def check(ws: Workspace, settings: WomenSettings) -> list[Problem]:
    problems = []
    for r in ws.records_of(TITLE):
        message = None
        field = "member"
        member = ws.members.get(r["member"]) if r.get("member") else None
        if not r.get("member") and not r.get("team"):
            message = f"“{r['title']}”没有写明获得者（个人填 member，集体或岗位填 team）"
        elif is_individual(r["title"], settings) and not r.get("member"):
            message = f"“{r['title']}”是个人称号，应写明获得的会员（member）"
        elif member is not None and member.gender not in (None, FEMALE):
            message = f"“{r['title']}”是授予女职工的称号，{member.name} 登记为男性"
        if message:
            problems.append(
                ws.problem_at(
                    TITLE,
                    r.key,
                    message,
                    field=field,
                    severity=Severity.WARNING,
                    rule="women.title-holder",
                )
            )
    return problems
