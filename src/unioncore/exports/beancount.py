"""The ledger as a beancount file, for a treasurer who uses fava or bean-query.

Accounts of the chart (《工会会计制度》, 财会〔2021〕7号) become beancount accounts with ASCII-safe
components: the class (资产 Assets, 负债 Liabilities, 净资产 Equity, 收入 Income, 支出 Expenses), the
organisation, then the account and sub-accounts as `U<code>`:

    2026-01-01 open Expenses:XF-01:U501:U50105 CNY
      code: "50105"
      name: "会员活动支出"

Each entry is one balanced transaction (`Entry.postings`) with its voucher, organisation and the
rest in metadata and its event as a link (`^E2026-0001`). Opening balances: the first year of an
organisation's ledger gets an opening transaction against `Equity:<org>:Opening-Balances`; a later
year's opening is asserted with `balance` (and padded, with a comment, when it does not match what
the previous year carried forward). The year's closing cash balances are asserted too, so
`bean-check` proves the export agrees with unioncore's own balances.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from ..accounts import AccountClass, Chart
from ..ledger import Entry
from ..problems import Problem
from ..reports.redact import redact
from ..workspace import Workspace

CURRENCY = "CNY"
ROOTS = {
    AccountClass.ASSET: "Assets",
    AccountClass.LIABILITY: "Liabilities",
    AccountClass.NET_ASSETS: "Equity",
    AccountClass.INCOME: "Income",
    AccountClass.EXPENSE: "Expenses",
}
OPENING = "Opening-Balances"
CASH = ("101", "102")
_LINK_BAD = re.compile(r"[^A-Za-z0-9\-_/.]")


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def ascii_component(text: str) -> str:
    """An account component beancount accepts: starts with A-Z or a digit, then letters, digits, '-'.

    Chinese characters become pinyin (幸福 -> XINGFU), anything else a '-'.
    """
    from pypinyin import lazy_pinyin

    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch.upper() if ch.isalnum() else "-")
        else:
            out.append("".join(lazy_pinyin(ch)).upper() or "-")
    comp = re.sub(r"[^A-Z0-9-]", "-", "".join(out)).strip("-")
    comp = re.sub(r"-{2,}", "-", comp)
    if not comp or not (comp[0].isdigit() or "A" <= comp[0] <= "Z"):
        comp = "O" + comp
    return comp


def org_components(codes: list[str]) -> dict[str, str]:
    """Each organisation code to a unique account component."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for code in sorted(codes):
        base = ascii_component(code)
        comp, n = base, 2
        while comp in used:
            comp = f"{base}-{n}"
            n += 1
        used.add(comp)
        out[code] = comp
    return out


def _prefixes(code: str) -> list[str]:
    return [code[:n] for n in (3, 5, 7) if len(code) >= n]


def account_name(chart: Chart, org: str, code: str) -> str | None:
    top = chart.get(code[:3])
    if top is None:
        return None
    return ":".join([ROOTS[top.cls], org, *(f"U{p}" for p in _prefixes(code))])


def _amount(value: Decimal) -> str:
    return f"{value:.2f} {CURRENCY}"


def render_beancount(ws: Workspace) -> tuple[str, list[Problem]]:
    chart = ws.chart
    problems: list[Problem] = []
    by_org: dict[str, dict[int, list[Entry]]] = defaultdict(lambda: defaultdict(list))
    for e in ws.ledger():
        by_org[e.org][e.date.year].append(e)
    for opening in ws.openings.values():
        by_org[opening.org].setdefault(opening.year, [])
    comps = org_components(list(by_org))
    lines = [
        f"; {ws.name}的工会经费账目，由 unioncore 从工作区导出。",
        "; 科目：《工会会计制度》（财会〔2021〕7号）；Assets 资产、Liabilities 负债、Equity 净资产、Income 收入、Expenses 支出。",
        "; 科目名中的 U401、U50105 等是科目代码，中文名称见各科目 open 指令的 name。",
        f'option "title" {quote(ws.name)}',
        f'option "operating_currency" "{CURRENCY}"',
        "",
    ]
    for org in sorted(by_org):
        comp = comps[org]
        o = ws.organisations.get(org)
        years = sorted(by_org[org])
        first = years[0]
        lines.append(f"; ---- {org} {o.name if o else ''} ----")
        # every account this organisation uses, with its parents, opened on 1 January of its first year
        codes: set[str] = set()
        for y in years:
            codes.update(k for k in ws.opening(org, y).balances)
            for e in by_org[org][y]:
                codes.update((e.account, e.cash_account))
        names: set[str] = set()
        for code in sorted(codes):
            for p in _prefixes(code):
                if chart.get(p) is not None or p == code:
                    names.add(p)
        lines.append(f"{first}-01-01 open Equity:{comp}:{OPENING} {CURRENCY}")
        lines.append(f"  name: {quote('期初余额')}")
        for code in sorted(names):
            name = account_name(chart, comp, code)
            if name is None:
                problems.append(
                    Problem(f"{org} 的科目“{code}”不在会计科目表中，未导出", rule="export.beancount")
                )
                continue
            acc = chart.get(code)
            lines.append(f"{first}-01-01 open {name} {CURRENCY}")
            lines.append(f"  code: {quote(code)}")
            if acc is not None:
                lines.append(f"  name: {quote(acc.name)}")
        lines.append("")
        running: dict[str, Decimal] = defaultdict(Decimal)  # beancount-signed, by account code
        for y in years:
            lines += _opening(ws, org, comp, y, y == first, running)
            for e in by_org[org][y]:
                block = _transaction(ws, e, comp)
                if block is None:
                    problems.append(
                        Problem(f"凭证 {e.ref} 的科目不在会计科目表中，未导出", rule="export.beancount")
                    )
                    continue
                lines += block
                for acct, signed in e.postings(chart):
                    running[acct] += signed
        last = years[-1]
        for code in CASH:
            if any(k.startswith(code) for k in running) or code in ws.opening(org, last).balances:
                total = ws.balance(org, code, last)
                name = account_name(chart, comp, code)
                lines.append(f"{last + 1}-01-01 balance {name} {_amount(total)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n", problems


def _opening(
    ws: Workspace, org: str, comp: str, year: int, first: bool, running: dict[str, Decimal]
) -> list[str]:
    chart = ws.chart
    balances = ws.opening(org, year).balances
    if not balances:
        return []
    out: list[str] = []
    if first:
        out.append(f'{year}-01-01 * "期初余额"')
        out.append(f"  org: {quote(org)}")
        for code, value in sorted(balances.items()):
            acc = chart.get(code[:3])
            name = account_name(chart, comp, code)
            if acc is None or name is None:
                continue
            signed = value if acc.cls.debit_normal else -value
            running[code] += signed
            out.append(f"  {name}  {_amount(signed)}")
        out.append(f"  Equity:{comp}:{OPENING}")
        out.append("")
        return out
    for code, value in sorted(balances.items()):
        acc = chart.get(code[:3])
        name = account_name(chart, comp, code)
        if acc is None or name is None:
            continue
        if acc.cls not in (AccountClass.ASSET, AccountClass.LIABILITY):
            # net assets are closed from income and expense at year end in the books, not here
            out.append(f"; {year}年期初 {code} {_amount(value)}：净资产科目的结转不在本文件中，未核对")
            continue
        signed = value if acc.cls.debit_normal else -value
        carried = sum((v for k, v in running.items() if k.startswith(code)), Decimal(0))
        if carried != signed:
            out.append(f"; {year}年期初 {code} 与上年结转不符（上年结转 {carried:.2f}），差额记入期初余额")
            out.append(f"{year - 1}-12-31 pad {name} Equity:{comp}:{OPENING}")
            running[code] += signed - carried
        out.append(f"{year}-01-01 balance {name} {_amount(signed)}")
    out.append("")
    return out


def _transaction(ws: Workspace, e: Entry, comp: str) -> list[str] | None:
    chart = ws.chart
    postings = []
    for acct, signed in e.postings(chart):
        name = account_name(chart, comp, acct)
        if name is None:
            return None
        postings.append(f"  {name}  {_amount(signed)}")
    acc = chart.get(e.account)
    narration = redact(e.memo or (acc.name if acc else e.account))
    head = f"{e.date.isoformat()} * {quote(narration)}"
    if e.event:
        head += f" ^{_LINK_BAD.sub('-', e.event)}"
    meta = [("voucher", e.voucher), ("org", e.org), ("account_code", e.account)]
    for key in ("member", "project", "purpose", "festival", "method", "approver"):
        value = getattr(e, key)
        if value:
            meta.append((key, str(value)))
    if e.recipients:
        meta.append(("recipients", ",".join(e.recipients)))
    if e.event:
        meta.append(("event", e.event))
    lines = [head] + [f"  {k}: {quote(redact(v))}" for k, v in meta]
    if e.signed is not None:
        lines.append(f"  signed: {'TRUE' if e.signed else 'FALSE'}")
    return [*lines, *postings, ""]


def export_beancount(ws: Workspace, path: str | Path) -> list[Problem]:
    text, problems = render_beancount(ws)
    Path(path).write_text(text, encoding="utf-8")
    return problems
