"""Money held for others (代管经费): 职工互助保险 premiums a union collects for the insurer are booked
to 221 代管经费, never to income (《工会会计制度》 account 221; shared/domain.md §3.4, §6.9).

Convention: an income entry (4xx, on its normal side) whose memo names a mutual-insurance premium —
any of `premium_keywords` (default 互助保险, 互助保障, 互助医疗) — is such a premium. Refunds and
closing entries are left alone; 221 entries are never income, so they pass.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .book import book
from .rules import entry_problem

if TYPE_CHECKING:
    from unioncore import Problem, Workspace

    from .settings import PolicySettings

CUSTODY_ACCOUNT = "221"


def check_premiums(ws: Workspace, settings: PolicySettings) -> list[Problem]:
    out = []
    for e in book(ws).income:  # income on its normal side, closing entries left out
        hit = next((k for k in settings.premium_keywords if k in (e.memo or "")), None)
        if hit is None:
            continue
        acc = ws.chart.get(e.account)
        label = acc.label if acc else e.account
        out.append(
            entry_problem(
                ws,
                "policy.premium-custody",
                e.ref,
                f"代收的{hit}费不是工会收入：应记入 221 代管经费，不记 {label}",
                "account",
            )
        )
    return out
