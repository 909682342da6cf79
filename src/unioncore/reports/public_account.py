"""收支公开: the yearly public account of union funds, in the layout posted on the notice board.

For each organisation with a ledger for the year: the 收入支出表 (工会02表) by account and
sub-account against the budget (with adjustments), the opening and closing balances of the
balance-sheet accounts, and what the upward share (211 应付上级经费) came to. Union funds are
disclosed to members and the 经审会 reviews them (工会法 Art 45; 章程 Arts 13, 39; shared/domain.md
§4.15); the 02表 and the chart are those of 《工会会计制度》 (财会〔2021〕7号, §3).

Every amount printed is a figure with the entries (or the budget / opening balances) behind it:
`public.<org>.<account>` (actual), `.budget`, `.rate`; `public.<org>.balance.<account>.opening`
/ `.increase` / `.decrease` / `.closing`.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

import attrs

from .. import layout
from ..accounts import AccountClass, Chart
from ..ledger import Entry
from ..organisation import CommitteeKind, Organisation
from ..problems import Problem
from ..registry import Figure, Period
from ..workspace import Workspace
from . import settings
from .model import Block, Cell, Heading, OrgRef, Paragraph, Report, Table, printable

GROUP = "收支公开"
DASH = "—"
INDENT = "\u3000"  # full-width space: sub-accounts are indented under their account
UPWARD = "211"  # 应付上级经费: the upward share of the 2% allocation (shared/domain.md §3.3)
CASH = ("101", "102")


def _prefixes(code: str) -> list[str]:
    """ "5010501" -> ["501", "50105", "5010501"]."""
    return [code[:n] for n in (3, 5, 7) if len(code) >= n]


def ledger_orgs(ws: Workspace, year: int) -> list[Organisation]:
    """Organisations that keep a ledger or a budget for the year, in code order."""
    out = []
    for code in sorted(ws.organisations):
        if (
            ws.entries.get(layout.ledger_file(code, year))
            or layout.ledger_file(code, year) in ws.openings
            or layout.budget_file(code, year) in ws.budgets
        ):
            out.append(ws.organisations[code])
    return out


def _rate(actual: Decimal, budget: Decimal) -> Decimal:
    return (actual * 100 / budget).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _cell(f: Figure | None) -> Cell:
    return f.value if f is not None and printable(f) else DASH


def _label(chart: Chart, code: str) -> str:
    acc = chart.get(code)
    return f"{code} {acc.name}" if acc else code


class _Lookups:
    """What the chart says about the accounts entries use, worked out once per account (or per
    account, side and cash account) for every organisation of a report rather than once per entry:
    a district's ledgers hold 200,000 entries."""

    def __init__(self) -> None:
        # account -> (0 income / 1 expense, debit-normal, the codes it counts towards), or None
        self.kinds: dict[str, tuple[int, bool, list[str]] | None] = {}
        # (account, side, cash) -> the entry's lines on balance-sheet accounts
        self.lines: dict[tuple[str, str | None, str | None], list[tuple[str, bool, bool]]] = {}


class _OrgAccount:
    """The figures of one organisation's public account."""

    def __init__(self, ws: Workspace, org: Organisation, year: int, lookups: _Lookups | None = None) -> None:
        self.ws = ws
        self.lookups = lookups or _Lookups()
        self.org = org
        self.year = year
        self.chart = ws.chart
        self.figures: dict[str, Figure] = {}
        self.prefix = f"public.{org.code}"
        self.budget_ref = f"budget:{org.code}:{year}"
        self.opening_ref = f"opening:{org.code}:{year}"
        self.entries = ws.ledger(org=org.code, year=year)
        self._income_expense()
        self._balances()

    def add(
        self, key: str, label: str, value: Decimal, refs: list[str] | tuple[str, ...], unit: str = "元"
    ) -> Figure:
        f = Figure(
            f"{self.prefix}.{key}",
            f"{self.org.name}{label}",
            value,
            unit,
            GROUP,
            tuple(dict.fromkeys(refs)),
        )
        self.figures[key] = f
        return f

    def get(self, key: str) -> Figure | None:
        f = self.figures.get(key)
        return f if f is not None and printable(f) else None

    def _income_expense(self) -> None:
        chart = self.chart
        actual: dict[str, Decimal] = defaultdict(Decimal)
        refs: dict[str, list[str]] = defaultdict(list)
        classes = (AccountClass.INCOME, AccountClass.EXPENSE)
        # income and expense, by index (an Enum's hash is a Python-level call)
        sums = [Decimal(0), Decimal(0)]
        sum_refs: list[list[str]] = [[], []]
        kinds = self.lookups.kinds
        for e in self.entries:
            account = e.account
            if account in kinds:
                kind = kinds[account]
            else:
                acc = chart.get(account)
                kind = kinds[account] = (
                    None
                    if acc is None or acc.cls not in classes
                    else (classes.index(acc.cls), acc.cls.debit_normal, _prefixes(account))
                )
            if kind is None:
                continue
            index, debit_normal, codes = kind
            # Entry.signed_for: the amount on the account's normal side, negative when reversed
            side = e.side
            amount = e.amount if side is None or (side == "借") == debit_normal else -e.amount
            ref = f"entry:{e.org}:{e.date.year}:{e.voucher}"  # "entry:" + Entry.ref
            sums[index] += amount
            sum_refs[index].append(ref)
            for code in codes:
                actual[code] += amount
                refs[code].append(ref)
        totals = dict(zip(classes, sums, strict=True))
        total_refs = dict(zip(classes, sum_refs, strict=True))
        budget = self.ws.budget(self.org.code, self.year)
        budgeted = {
            code
            for account in [ln.account for ln in budget.lines] + [a.account for a in budget.adjustments]
            for code in _prefixes(account)
        }
        self.rows: dict[AccountClass, list[str]] = {AccountClass.INCOME: [], AccountClass.EXPENSE: []}
        budget_totals = {AccountClass.INCOME: Decimal(0), AccountClass.EXPENSE: Decimal(0)}
        for code in sorted(set(actual) | budgeted):
            acc = chart.get(code)
            if acc is None or acc.cls not in self.rows:
                continue
            self.rows[acc.cls].append(code)
            name = _label(chart, code)
            value = actual.get(code, Decimal(0))
            a = self.add(code, f"{name}本年实际数", value, refs.get(code, []))
            if code in budgeted:
                amount = budget.amount_for(code)
                b = self.add(f"{code}.budget", f"{name}本年预算数", amount, [self.budget_ref])
                if len(code) == 3:
                    budget_totals[acc.cls] += amount
                if printable(a) and amount > 0:
                    self.add(
                        f"{code}.rate", f"{name}预算执行率", _rate(value, amount), [*a.refs, *b.refs], "%"
                    )
        for cls, key, label in (
            (AccountClass.INCOME, "income", "收入合计"),
            (AccountClass.EXPENSE, "expense", "支出合计"),
        ):
            t = self.add(key, f"本年{label}", totals[cls], total_refs[cls])
            if any(c in budgeted for c in self.rows[cls]):
                b = self.add(f"{key}.budget", f"本年{label}预算数", budget_totals[cls], [self.budget_ref])
                if printable(t) and budget_totals[cls] > 0:
                    self.add(
                        f"{key}.rate",
                        f"本年{label}预算执行率",
                        _rate(totals[cls], budget_totals[cls]),
                        [*t.refs, *b.refs],
                        "%",
                    )
        self.add(
            "surplus",
            "本年收支结余",
            totals[AccountClass.INCOME] - totals[AccountClass.EXPENSE],
            total_refs[AccountClass.INCOME] + total_refs[AccountClass.EXPENSE],
        )

    def _balances(self) -> None:
        chart = self.chart
        opening = self.ws.opening(self.org.code, self.year)
        start: dict[str, Decimal] = defaultdict(Decimal)
        for code, amount in opening.balances.items():
            start[code[:3]] += amount
        up: dict[str, Decimal] = defaultdict(Decimal)
        down: dict[str, Decimal] = defaultdict(Decimal)
        up_refs: dict[str, list[str]] = defaultdict(list)
        down_refs: dict[str, list[str]] = defaultdict(list)
        # per (account, side, cash account): the entry's lines on balance-sheet accounts, each as
        # (first-level code, whether the line is the debit one, whether that account is
        # debit-normal) — Entry.postings worked out once per combination, not once per entry
        lines_of = self.lookups.lines
        for e in self.entries:
            how = (e.account, e.side, e.cash)
            lines = lines_of.get(how)
            if lines is None:
                lines = lines_of[how] = self._balance_lines(e)
            if not lines:
                continue
            ref = f"entry:{e.org}:{e.date.year}:{e.voucher}"  # "entry:" + Entry.ref
            for top, debit, debit_normal in lines:
                # as Entry.postings signs the line (debit +, credit −), then in the account's
                # normal direction
                signed = e.amount if debit else -e.amount
                normal = signed if debit_normal else -signed
                if normal >= 0:
                    up[top] += normal
                    up_refs[top].append(ref)
                else:
                    down[top] -= normal
                    down_refs[top].append(ref)
        self.balance_rows = sorted(set(start) | set(up) | set(down))
        for code in self.balance_rows:
            name = _label(chart, code)
            base = f"balance.{code}"
            o_refs = [self.opening_ref] if code in start else []
            self.add(f"{base}.opening", f"{name}年初数", start.get(code, Decimal(0)), o_refs)
            self.add(f"{base}.increase", f"{name}本年增加", up.get(code, Decimal(0)), up_refs.get(code, []))
            self.add(
                f"{base}.decrease", f"{name}本年减少", down.get(code, Decimal(0)), down_refs.get(code, [])
            )
            closing = start.get(code, Decimal(0)) + up.get(code, Decimal(0)) - down.get(code, Decimal(0))
            self.add(
                f"{base}.closing",
                f"{name}年末数",
                closing,
                o_refs + up_refs.get(code, []) + down_refs.get(code, []),
            )
        for when in ("opening", "closing"):
            parts = [
                self.figures[f"balance.{c}.{when}"] for c in CASH if f"balance.{c}.{when}" in self.figures
            ]
            value = sum((Decimal(f.value) for f in parts), Decimal(0))
            refs = [r for f in parts for r in f.refs]
            label = "年初货币资金" if when == "opening" else "年末货币资金"
            self.add(f"cash.{when}", label, value, refs)

    def _balance_lines(self, e: Entry) -> list[tuple[str, bool, bool]]:
        """The lines of an entry like `e` (same account, side and cash account) on balance-sheet
        accounts: (first-level code, is it the debit line, is that account debit-normal)."""
        out = []
        # Entry.postings of the same entry for 1 yuan: the debit line +1, the credit line −1
        for account, signed in attrs.evolve(e, amount=Decimal(1)).postings(self.chart):
            acc = self.chart.get(account[:3])
            if acc is None or acc.cls in (AccountClass.INCOME, AccountClass.EXPENSE):
                continue
            out.append((account[:3], signed > 0, acc.cls.debit_normal))
        return out

    # -- layout ---------------------------------------------------------------------------
    def statement(self) -> Table:
        rows: list[tuple[Cell, ...]] = []
        keys: list[str | None] = []

        def line(label: str, key: str) -> None:
            actual = self.get(key)
            budget = self.get(f"{key}.budget")
            if actual is None and budget is None:
                return
            rows.append((label, _cell(budget), _cell(actual), _cell(self.get(f"{key}.rate"))))
            keys.append(f"{self.prefix}.{key}")

        for cls, key, head in (
            (AccountClass.INCOME, "income", "一、收入合计"),
            (AccountClass.EXPENSE, "expense", "二、支出合计"),
        ):
            line(head, key)
            for code in self.rows[cls]:
                line(INDENT * (1 + (len(code) - 3) // 2) + _label(self.chart, code), code)
        line("三、本年收支结余", "surplus")
        return Table(
            title="收入支出表（工会02表）",
            columns=("项目", "本年预算数", "本年实际数", "预算执行率（%）"),
            rows=tuple(rows),
            keys=tuple(keys),
            money=frozenset({1, 2}),
            sheet=f"{self.org.code} 收入支出表",
            note="预算数含年度内的预算调整；“—”表示没有该项记录。",
        )

    def balances(self) -> Table:
        rows: list[tuple[Cell, ...]] = []
        keys: list[str | None] = []
        for code in self.balance_rows:
            base = f"balance.{code}"
            cells = [self.get(f"{base}.{w}") for w in ("opening", "increase", "decrease", "closing")]
            if not any(cells):
                continue
            rows.append((_label(self.chart, code), *(_cell(c) for c in cells)))
            keys.append(f"{self.prefix}.{base}.closing")
        return Table(
            title="资金余额表",
            columns=("科目", "年初数", "本年增加", "本年减少", "年末数"),
            rows=tuple(rows),
            keys=tuple(keys),
            money=frozenset({1, 2, 3, 4}),
            sheet=f"{self.org.code} 资金余额表",
        )

    def sentences(self) -> list[str]:
        out = []
        income, expense = self.get("income"), self.get("expense")
        start, end = self.get("cash.opening"), self.get("cash.closing")
        clauses = []
        if start:
            clauses.append(f"年初货币资金{start.formatted()}")
        if income:
            clauses.append(f"本年收入{income.formatted()}")
        if expense:
            clauses.append(f"本年支出{expense.formatted()}")
        if end:
            clauses.append(f"年末货币资金{end.formatted()}")
        if clauses:
            out.append("，".join(clauses) + "。")
        received = self.get(f"balance.{UPWARD}.increase")
        paid = self.get(f"balance.{UPWARD}.decrease")
        owed = self.get(f"balance.{UPWARD}.closing")
        up = []
        if received:
            up.append(f"本年收到的拨缴经费中应上解上级工会{received.formatted()}（计入211应付上级经费）")
        if paid:
            up.append(f"已上解{paid.formatted()}")
        if owed and owed.value:
            up.append(f"年末尚未上解{owed.formatted()}")
        if up:
            out.append("，".join(up) + "。")
        return out

    def signatures(self) -> str:
        def chair(kind: CommitteeKind, role: str) -> str:
            c = self.org.committee(kind)
            seat = c.chair() if c else None
            if seat is None:
                return f"{role}：＿＿＿＿"
            name = seat.name or (self.ws.members[seat.member].name if seat.member in self.ws.members else "")
            return f"{role}：{name or '＿＿＿＿'}"

        return "　　".join(
            (chair(CommitteeKind.UNION, "工会主席"), chair(CommitteeKind.AUDIT, "经费审查委员会主任"))
        )


def build_public_account(
    ws: Workspace, year: int | None = None, org: str | None = None
) -> tuple[Report, list[Problem]]:
    """The 收支公开 of one organisation (`org`) or of every organisation with a ledger that year."""
    year = year or ws.year
    problems: list[Problem] = []
    if org is not None:
        if org not in ws.organisations:
            return _empty(ws, year), [Problem(f"组织“{org}”不存在", rule="reports.org")]
        orgs = [ws.organisations[org]]
    else:
        orgs = ledger_orgs(ws, year)
    if not orgs:
        problems.append(Problem(f"{year}年没有任何组织记账，无法生成收支公开", rule="reports.no-ledger"))
    blocks: list[Block] = []
    figures: list[Figure] = []
    lookups = _Lookups()
    for o in orgs:
        acct = _OrgAccount(ws, o, year, lookups)
        if len(orgs) > 1:
            blocks.append(Heading(f"{o.name}{year}年度经费收支情况公示", 1))
        blocks.append(
            Paragraph(
                f"根据《中华人民共和国工会法》第四十五条和《中国工会章程》关于工会经费收支向会员公开的规定，"
                f"现将本会{year}年度工会经费收支情况公示如下，接受全体会员监督。"
            )
        )
        blocks.extend(Paragraph(s) for s in acct.sentences())
        blocks.append(acct.statement())
        balances = acct.balances()
        if balances.rows:
            blocks.append(balances)
        blocks.append(Paragraph("如对公示内容有疑问，请在公示期内向本会经费审查委员会反映。", "note"))
        blocks.append(Paragraph(acct.signatures(), "sign"))
        blocks.append(Paragraph(f"{o.name}（盖章）　　　　年　　月　　日", "sign"))
        figures.extend(f for f in acct.figures.values() if printable(f))
    if len(orgs) == 1:
        title = f"{orgs[0].name}{year}年度经费收支情况公示"
        code, name = orgs[0].code, orgs[0].name
    else:
        title = f"{ws.name}{year}年度工会经费收支公开"
        code, name = settings.report_org(ws)
    report = Report(
        kind="public_account",
        title=title,
        org_code=code,
        org_name=name,
        period=Period.year(year),
        blocks=tuple(blocks),
        figures=tuple(figures),
        subtitle=f"{year}年1月1日至{year}年12月31日",
        covers=tuple(OrgRef(o.code, o.name, o.uscc or "") for o in orgs),
    )
    return report, problems


def _empty(ws: Workspace, year: int) -> Report:
    return Report(
        "public_account", f"{ws.name}{year}年度工会经费收支公开", "", ws.name, Period.year(year), ()
    )
