"""Retirees: core members whose standing is 退休 (保留会籍, 章程 Art 8), their retirement date, age
and care flags (特困, 独居 … from plugin records; 高龄 from the 身份证 birth date)."""

from __future__ import annotations

import datetime
from itertools import pairwise
from typing import TYPE_CHECKING

from unioncore.member import ChangeKind, Member, Status

from .records import CARE
from .settings import RetireeSettings

if TYPE_CHECKING:
    from unioncore import Workspace

ADVANCED = "高龄"


def retirees(ws: Workspace, on: datetime.date, org: str | None = None) -> list[Member]:
    """Members whose standing on the day is 退休 (the union that keeps the 会籍 is `member.org`)."""
    # each (union, day) worked out once per workspace state: the rules ask for every union
    seen: dict[tuple[str | None, datetime.date], list[Member]] = ws.derived(
        "retirees.retirees", dict, ws.members, ws.organisations
    )
    found = seen.get((org, on))
    if found is None:
        pool = ws.members_of(org) if org is not None else list(ws.members.values())
        ever = ever_retired(ws)
        found = sorted(
            (m for m in pool if m.id in ever and m.status_on(on) is Status.RETIRED),
            key=lambda m: (m.org, m.id),
        )
        seen[(org, on)] = found
    return list(found)


def retirement_date(m: Member) -> datetime.date | None:
    """The date of the last 退休 change in the member's history."""
    dates = [h.date for h in m.history if h.kind is ChangeKind.RETIRE]
    return max(dates) if dates else None


def is_retired_on(m: Member, day: datetime.date) -> bool:
    return m.status_on(day) is Status.RETIRED


def ever_retired(ws: Workspace) -> frozenset[str]:
    """Members who are 退休 on some day: 退休 now, or a 退休 in their history (only that change makes
    a member retired) — the others need no look at their history for any day."""
    return ws.derived(
        "retirees.ever-retired",
        lambda: frozenset(
            m.id
            for m in ws.members.values()
            if m.status is Status.RETIRED or any(h.kind is ChangeKind.RETIRE for h in m.history)
        ),
        ws.members,
    )


def care_flags(ws: Workspace, m: Member, on: datetime.date, settings: RetireeSettings) -> list[str]:
    """The member's recorded flags, plus 高龄 when the age reaches the setting `advanced_age`."""
    flags: list[str] = []
    rec = ws.records.get(CARE, {}).get(m.id)
    if rec is not None:
        flags += list(rec.get("flags") or ())
    age = m.age(on)
    if age is not None and age >= settings.advanced_age:
        flags.append(ADVANCED)
    return flags


def age_band(age: int | None, bands: tuple[int, ...]) -> str:
    """The key of the age band ("60_69", "under60", "90plus", "unknown") for the bands' lower bounds."""
    if age is None:
        return "unknown"
    if age < bands[0]:
        return f"under{bands[0]}"
    for low, high in pairwise(bands):
        if low <= age < high:
            return f"{low}_{high - 1}"
    return f"{bands[-1]}plus"


def band_labels(bands: tuple[int, ...]) -> list[tuple[str, str]]:
    """Every band as (key, label), youngest first: ("60_69", "60–69岁") …"""
    out = [(f"under{bands[0]}", f"{bands[0]}岁以下")]
    out += [(f"{low}_{high - 1}", f"{low}–{high - 1}岁") for low, high in pairwise(bands)]
    return [*out, (f"{bands[-1]}plus", f"{bands[-1]}岁以上"), ("unknown", "年龄不详")]
