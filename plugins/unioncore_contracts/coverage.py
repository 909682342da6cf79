"""Which contracts count in a period, how many enterprises and employees each covers, and the
workspace's units — the denominators of the coverage rates.

Two 口径 are computed, because reports use both:

1. Shares among contracts (the sentence "区域性行业性合同份数占39%，覆盖企业和职工分别占98%和85%"):
   regional and industry contracts as a share of all contracts counted, and the enterprises and
   employees they cover as a share of those covered by all contracts counted. Coverage is what each
   contract reports (`enterprises`, `employees`), summed — an enterprise with two contracts counts
   twice (家次, 人次) on both sides of the ratio.
2. Coverage of the workspace (集体合同覆盖率): the workspace's units are the enterprises in the
   federations' `[[enterprise]]` lists (each once, by 统一社会信用代码 or name) plus every grassroots
   union not listed there (its `employees`); a unit is covered when a counted contract of its own
   union covers it (单独) or a regional/industry contract lists it in `covered`. The settings
   `enterprises_total` / `employees_total` replace the denominators when the lists are incomplete.

A contract counts in a period when it was signed by the period's end and its term reaches into the
period; a contract renewed by another counted one is left out, so that a renewal chain counts once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import overload

import attrs

from unioncore import Period, Workspace
from unioncore.records import Record

from .records import SINGLE, contracts
from .settings import ContractSettings


@attrs.frozen
class Unit:
    """An enterprise (or other employer) of the workspace."""

    name: str
    uscc: str | None
    employees: int
    union: str | None  # the code of its union, when it has one
    listed_by: str  # the federation whose list holds it, or the union itself

    @property
    def key(self) -> str:
        return self.uscc or self.name

    @property
    def ref(self) -> str:
        return f"organisation:{self.listed_by}"


class Pool(Sequence[Unit]):
    """The workspace's units in order, with lookups by name or 统一社会信用代码 and by union."""

    def __init__(self, units: Iterable[Unit]) -> None:
        self._units = tuple(units)
        self._by_text: dict[str, Unit] = {}
        self._by_union: dict[str | None, list[Unit]] = defaultdict(list)
        for u in self._units:  # the first unit in order wins, as a scan of the list would find
            self._by_text.setdefault(u.name, u)
            if u.uscc is not None:
                self._by_text.setdefault(u.uscc, u)
            self._by_union[u.union].append(u)

    @overload
    def __getitem__(self, index: int) -> Unit: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Unit]: ...

    def __getitem__(self, index: int | slice) -> Unit | Sequence[Unit]:
        return self._units[index]

    def __len__(self) -> int:
        return len(self._units)

    def find(self, text: str) -> Unit | None:
        return self._by_text.get(text)

    def of_union(self, code: str) -> list[Unit]:
        return list(self._by_union.get(code, ()))


def units(ws: Workspace) -> Pool:
    out: dict[str, Unit] = {}
    for org in sorted(ws.organisations.values(), key=lambda o: o.code):
        if not org.kind.is_federation:
            continue
        for e in org.enterprises:
            unit = Unit(e.name, e.uscc, e.employees or 0, e.union, org.code)
            out.setdefault(unit.key, unit)
    listed_unions = {u.union for u in out.values() if u.union}
    for org in sorted(ws.organisations.values(), key=lambda o: o.code):
        if org.kind.is_grassroots and org.code not in listed_unions:
            unit = Unit(org.name, None, org.employees or 0, org.code, org.code)
            out.setdefault(unit.key, unit)
    return Pool(out.values())


def find_unit(pool: Iterable[Unit], text: str) -> Unit | None:
    if isinstance(pool, Pool):
        return pool.find(text)
    for u in pool:
        if text in (u.name, u.uscc):
            return u
    return None


def counted(ws: Workspace, period: Period) -> list[Record]:
    """The contracts the period's figures count (see the module docstring)."""
    recs = [
        r
        for r in contracts(ws)
        if r["signed"] <= period.end and r["term_end"] >= period.start and r["term_start"] <= period.end
    ]
    renewed = {r["renews"] for r in recs if r.get("renews")}
    return sorted((r for r in recs if r.key not in renewed), key=lambda r: (r["signed"], r.key))


def enterprises(rec: Record) -> int | None:
    """Enterprises the contract covers: as recorded, else its `covered` list, else 1 for 单独."""
    if rec.get("enterprises") is not None:
        return int(rec["enterprises"])
    if rec.get("covered"):
        return len(rec["covered"])
    if rec["scope"] == SINGLE:
        return 1
    return None


def employees(ws: Workspace, rec: Record, pool: Sequence[Unit] | None = None) -> int | None:
    """Employees covered: as recorded, else (单独) the union's employees, else the listed units'."""
    if rec.get("employees") is not None:
        return int(rec["employees"])
    if rec["scope"] == SINGLE:
        org = ws.organisations.get(rec["org"])
        return org.employees if org is not None else None
    names = rec.get("covered") or []
    if not names:
        return None
    pool = units(ws) if pool is None else pool
    found = [find_unit(pool, n) for n in names]
    if any(u is None for u in found):
        return None
    return sum(u.employees for u in found if u is not None)


def covered_units(
    ws: Workspace, recs: Iterable[Record], pool: Sequence[Unit]
) -> dict[str, tuple[Unit, set[str]]]:
    """Units of the workspace covered by the contracts: unit key -> (unit, refs of the contracts)."""
    out: dict[str, tuple[Unit, set[str]]] = {}
    for rec in recs:
        if rec["scope"] == SINGLE:
            if isinstance(pool, Pool):
                hits = pool.of_union(rec["org"])
            else:
                hits = [u for u in pool if u.union == rec["org"]]
        else:
            hits = [u for n in rec.get("covered") or () if (u := find_unit(pool, n)) is not None]
        for u in hits:
            out.setdefault(u.key, (u, set()))[1].add(rec.ref)
    return out


def denominators(ws: Workspace, settings: ContractSettings, pool: Sequence[Unit]) -> tuple[int, int]:
    """(enterprises, employees) of the workspace, or the settings' totals."""
    ents = settings.enterprises_total if settings.enterprises_total is not None else len(pool)
    emps = (
        settings.employees_total if settings.employees_total is not None else sum(u.employees for u in pool)
    )
    return ents, emps
