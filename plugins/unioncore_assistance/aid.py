"""Aid given (帮扶与慰问): who received it, what it was worth and which voucher paid it."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from unioncore import Period, Workspace
from unioncore.ledger import Entry
from unioncore.records import Record

from .records import AID, HARDSHIP_FILE, OWN_FUNDS, usable

ZERO = Decimal(0)


def aids(ws: Workspace, period: Period | None = None) -> list[Record]:
    """Aid records in date order (those of the period only, when one is given)."""
    out = [r for r in usable(ws, AID) if period is None or r["date"] in period]
    return sorted(out, key=lambda r: (r["date"], r.key))


def recipient(ws: Workspace, rec: Record) -> str | None:
    """The member the aid went to: its `member`, else the member of its hardship file."""
    if rec.get("member"):
        return str(rec["member"])
    file_key = rec.get("file")
    if file_key and file_key in ws.records.get(HARDSHIP_FILE, {}):
        member = ws.record(HARDSHIP_FILE, file_key).get("member")
        return str(member) if member else None
    return None


def cash(rec: Record) -> Decimal:
    return rec.get("cash") or ZERO


def goods(rec: Record) -> Decimal:
    return rec.get("goods") or ZERO


def value(rec: Record) -> Decimal:
    """款物: cash plus the value of goods."""
    return cash(rec) + goods(rec)


def own_funds(rec: Record) -> bool:
    """Paid from the union's own funds (the default): booked in its ledger, within its limits."""
    return (rec.get("funded_by") or OWN_FUNDS) == OWN_FUNDS


def is_festival(rec: Record) -> bool:
    """Counts towards the 节日慰问 limit: 送温暖 (春节) and any aid given for a festival."""
    return rec["kind"] == "送温暖" or bool(rec.get("festival"))


def beneficiary(ws: Workspace, rec: Record) -> str:
    """Who is counted as one person: the member, or for 金秋助学 the member's child."""
    who = recipient(ws, rec) or f"?{rec.key}"
    if rec["kind"] == "金秋助学" and rec.get("child"):
        return f"{who}/{rec['child']}"
    return who


def entry_index(ws: Workspace, refs: Iterable[str] | None = None) -> dict[str, Entry]:
    """Every ledger entry by its workspace-wide reference ("org:year:voucher", `Entry.ref`); only
    the entries `refs` may name when they are given (a district's ledger has 200,000 entries)."""
    if refs is None:
        return {e.ref: e for e in ws.ledger()}
    # A reference "org:year:voucher" names the entries of that organisation and voucher: collect
    # every (org, voucher) it may mean (either may hold a colon itself, the year is digits), so that
    # only those entries are looked at.
    wanted: set[tuple[str, str]] = set()
    for ref in refs:
        colons = [i for i, ch in enumerate(ref) if ch == ":"]
        for n, i in enumerate(colons):
            for j in colons[n + 1 :]:
                if ref[i + 1 : j].isdigit():
                    wanted.add((ref[:i], ref[j + 1 :]))
    return {e.ref: e for e in ws.ledger() if (e.org, e.voucher) in wanted}


def entry_ref_error(ref: str) -> str | None:
    parts = ref.split(":", 2)
    if len(parts) != 3 or not all(parts) or not parts[1].isdigit():
        return f"记账凭证“{ref}”应写成“组织代码:年度:凭证号”，如“XF-01:2026:记-035”"
    return None
