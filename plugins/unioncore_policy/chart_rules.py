"""Chart-of-accounts rules: only the accounts of the organisation's level, and the prescribed
sub-accounts where the chart has them (《工会会计制度》, shared/domain.md §3).

A 总工会 (县级以上) books on the county part of the chart, every other organisation on the grassroots
part (`OrgKind.account_level`); 221 代管经费 is open to both (the note under the grassroots table).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .budget import line_path
from .rules import entry_problem, file_problem

if TYPE_CHECKING:
    from unioncore import Problem, Workspace
    from unioncore.accounts import Account

LEVEL_NAMES = {"grassroots": "基层工会", "county": "县级以上工会"}


def _allowed(ws: Workspace, org_code: str) -> tuple[str, set[str]] | None:
    org = ws.organisations.get(org_code)
    if org is None:
        return None
    level = org.kind.account_level
    return level, {a.code for a in ws.chart.for_level(level)}


def check_accounts(ws: Workspace) -> list[Problem]:
    problems: list[Problem] = []
    allowed_by_org: dict[str, tuple[str, set[str]] | None] = {}
    children: dict[str, list[Account]] = {}
    for e in ws.ledger():
        if e.org not in allowed_by_org:
            allowed_by_org[e.org] = _allowed(ws, e.org)
        allowed = allowed_by_org[e.org]
        if allowed is None:
            continue
        level, codes = allowed
        for field, code in (("account", e.account), ("cash", e.cash_account)):
            acc = ws.chart.get(code)
            if acc is None:
                continue  # the core reports accounts missing from the chart
            if code not in codes:
                problems.append(
                    entry_problem(
                        ws,
                        "policy.account-level",
                        e.ref,
                        f"{ws.organisations[e.org].name}按{LEVEL_NAMES[level]}的科目记账，"
                        f"不能使用 {acc.label}（不是{LEVEL_NAMES[level]}可用的科目）",
                        field,
                    )
                )
        acc = ws.chart.get(e.account)
        if acc is not None and len(e.account) == 3:
            if e.account not in children:
                children[e.account] = [c for c in ws.chart.children(e.account) if c.prescribed]
            subs = [c for c in children[e.account] if c.code in codes]
            if subs:
                listed = "、".join(c.label for c in subs[:4]) + ("…" if len(subs) > 4 else "")
                problems.append(
                    entry_problem(
                        ws,
                        "policy.sub-account",
                        e.ref,
                        f"{acc.label} 有规定的明细科目，应记入明细科目（{listed}）",
                        "account",
                    )
                )
    for rel, budget in ws.budgets.items():
        allowed = _allowed(ws, budget.org)
        if allowed is None:
            continue
        level, codes = allowed
        for i, line in enumerate(budget.lines):
            acc = ws.chart.get(line.account)
            if acc is not None and line.account not in codes:
                problems.append(
                    file_problem(
                        ws,
                        "policy.account-level",
                        rel,
                        f"预算科目 {acc.label} 不是{LEVEL_NAMES[level]}可用的科目",
                        line_path(ws, rel, "line", i),
                    )
                )
    return problems
