"""Chart-of-accounts rules: only the accounts of the organisation's level, and the prescribed
sub-accounts where the chart has them (《工会会计制度》, shared/domain.md §3).

A 总工会 (县级以上) books on the county part of the chart, every other organisation on the grassroots
part (`OrgKind.account_level`); 221 代管经费 is open to both (the note under the grassroots table).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from unioncore.ledger import DEFAULT_CASH

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
    # what is wrong with an (organisation, account, cash account): the same for every entry that
    # has them, so worked out once per combination: [(rule, message, field)]
    faults: dict[tuple[str, str, str], list[tuple[str, str, str]]] = {}

    def find_faults(org: str, account: str, cash: str) -> list[tuple[str, str, str]]:
        if org not in allowed_by_org:
            allowed_by_org[org] = _allowed(ws, org)
        allowed = allowed_by_org[org]
        if allowed is None:
            return []
        level, codes = allowed
        out = []
        for field, code in (("account", account), ("cash", cash)):
            acc = ws.chart.get(code)
            if acc is None:
                continue  # the core reports accounts missing from the chart
            if code not in codes:
                out.append(
                    (
                        "policy.account-level",
                        f"{ws.organisations[org].name}按{LEVEL_NAMES[level]}的科目记账，"
                        f"不能使用 {acc.label}（不是{LEVEL_NAMES[level]}可用的科目）",
                        field,
                    )
                )
        acc = ws.chart.get(account)
        if acc is not None and len(account) == 3:
            if account not in children:
                children[account] = [c for c in ws.chart.children(account) if c.prescribed]
            subs = [c for c in children[account] if c.code in codes]
            if subs:
                listed = "、".join(c.label for c in subs[:4]) + ("…" if len(subs) > 4 else "")
                out.append(
                    (
                        "policy.sub-account",
                        f"{acc.label} 有规定的明细科目，应记入明细科目（{listed}）",
                        "account",
                    )
                )
        return out

    for e in ws.ledger():
        key = (e.org, e.account, e.cash or DEFAULT_CASH)
        found = faults.get(key)
        if found is None:
            found = faults[key] = find_faults(*key)
        for rule, message, field in found:
            problems.append(entry_problem(ws, rule, e.ref, message, field))
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
