"""Shared inline workspaces of the policy plugin's tests (no tests here; imported by test_policy*.py).

The base: federation F with two grassroots unions, A (members M1…M4) and B (member M9); A has a
budget generous enough for every test that is not about budgets. Each test adds the ledger lines it
needs, as TOML.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Iterable
from typing import Any

from conftest import WriteWorkspace, open_ws

from unioncore import Problem, Workspace

HEAD = """\
format_version = 1

[workspace]
name = "测试工会"
year = 2026

[plugins]
enabled = {enabled}

[settings.policy]
{settings}
"""

MEMBERS_A = """
[[member]]
id = "M1"
name = "张一"
joined = 2020-01-01

[[member]]
id = "M2"
name = "李二"
joined = 2020-01-01
categories = ["hardship"]

[[member]]
id = "M3"
name = "王三"
joined = 2026-06-01

[[member]]
id = "M4"
name = "赵四"
joined = 2000-01-01
status = "退休"
history = [{ date = 2000-01-01, kind = "入会" }, { date = 2026-03-01, kind = "退休" }]
"""

ORG_B = """
[organisation]
code = "B"
name = "乙公司工会"
kind = "基层工会"
parent = "F"
"""

MEMBERS_B = """
[[member]]
id = "M9"
name = "孙九"
joined = 2019-01-01
"""

BUDGET = """
[[line]]
account = "501"
amount = "100000.00"

[[line]]
account = "504"
amount = "100000.00"
"""

# what makes a payment to people complete: approved and signed for by name
SIGNED = 'approver = "张主席"\nsigned = true'

Build = Callable[..., tuple[Workspace, list[Problem]]]


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def make_builder(make_workspace: WriteWorkspace) -> Build:
    def build(
        ledger: str = "",
        *,
        settings: str = "",
        budget: str | None = BUDGET,
        year: int = 2026,
        files: dict[str, str] | None = None,
        enabled: Iterable[str] = ("policy",),
        **kw: Any,
    ) -> tuple[Workspace, list[Problem]]:
        fs = {
            "orgs/A/members.toml": dedent(MEMBERS_A),
            "orgs/B/organisation.toml": dedent(ORG_B),
            "orgs/B/members.toml": dedent(MEMBERS_B),
        }
        if ledger:
            fs[f"orgs/A/ledger/{year}.toml"] = dedent(ledger)
        if budget is not None:
            fs[f"orgs/A/budget/{year}.toml"] = dedent(budget)
        fs.update({k: dedent(v) for k, v in (files or {}).items()})
        config = HEAD.format(enabled=json.dumps(list(enabled), ensure_ascii=False), settings=dedent(settings))
        return open_ws(make_workspace(fs, config=config), **kw)

    return build


def policy(problems: list[Problem], rule: str | None = None) -> list[Problem]:
    """The policy plugin's problems (of one rule)."""
    return [p for p in problems if p.plugin == "policy" and (rule is None or p.rule == rule)]


def entry(
    voucher: str,
    date: str,
    account: str,
    amount: str,
    *,
    signed: bool = True,
    **fields: str | list[str] | bool,
) -> str:
    """One [[entry]] table; `signed=True` adds the approver and the signature."""
    lines = [
        "[[entry]]",
        f'voucher = "{voucher}"',
        f"date = {date}",
        f'account = "{account}"',
        f'amount = "{amount}"',
    ]
    for key, value in fields.items():
        if isinstance(value, bool):
            lines.append(f"{key} = {'true' if value else 'false'}")
        elif isinstance(value, list):
            lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
        else:
            lines.append(f'{key} = "{value}"')
    if signed:
        lines.append(SIGNED)
    return "\n".join(lines) + "\n\n"
