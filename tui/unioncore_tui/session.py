"""One opened workspace as the TUI sees it: the workspace, its problems, the search index and the
organisation tree, with the counts the screens show. Nothing here changes a record.

A session is usable as soon as the organisations and the problems are there: that is all the first
screen (组织) needs, and all a workspace opened from its cache (`unioncore.cache`) has in memory at
first. What needs every member (the search index, the members per organisation) is built by
`build_members`, which the app runs in a worker once the first screen is shown; until it is done
`ready` is False and the screens say so instead of showing partial counts or a partial list.
"""

from __future__ import annotations

import datetime
import re
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path

import attrs

import unioncore
from unioncore import layout
from unioncore.member import Member, Status
from unioncore.problems import Problem, sort_problems
from unioncore.stats import percent
from unioncore.workspace import Workspace

from .search import MemberIndex

_NUMBERED = re.compile(r"^(.*?)(\d+)$")


def next_id(existing: Iterable[str], default: str) -> str:
    """A free id continuing the numbering of `default`'s kind ("M000186" -> "M000187").

    Only a suggestion for a form: the officer may type another one, and the core checks it."""
    m = _NUMBERED.match(default)
    if m is None:
        return default
    prefix, width = m.group(1), len(m.group(2))
    taken = set(existing)
    highest = None
    for key in taken:
        km = _NUMBERED.match(key)
        if km and km.group(1) == prefix and (highest is None or int(km.group(2)) > highest[0]):
            highest = (int(km.group(2)), len(km.group(2)))
    if highest is not None:
        n, width = highest[0] + 1, highest[1]
    else:
        n = int(m.group(2))
    candidate = f"{prefix}{n:0{width}d}"
    while candidate in taken:
        n += 1
        candidate = f"{prefix}{n:0{width}d}"
    return candidate


@attrs.frozen
class OrgFacts:
    """What the 组织 screen shows about one organisation (and the ones below it)."""

    own: Counter[Status]
    below: Counter[Status]  # itself and every organisation below it
    employees: int | None
    female_employees: int | None
    rate: Decimal | None  # 入会率 in %
    rate_note: str


class Session:
    def __init__(self, ws: Workspace, problems: list[Problem], *, lazy: bool = False) -> None:
        """`lazy`: leave what needs every member to `build_members` (call it from a worker);
        otherwise it is built here."""
        self.ws = ws
        self.problems = problems
        self.current_org: str | None = None
        self.children: dict[str, list[str]] = {}
        self.roots: list[str] = []
        self.counts: dict[str, Counter[Status]] = {}
        self._index: MemberIndex | None = None
        self._building = threading.Lock()
        self._ready = threading.Event()
        self.rebuild_tree()
        if not lazy:
            self.build_members()

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        as_of: datetime.date | None = None,
        plugins: Mapping[str, object] | None = None,
    ) -> Session:
        """Load a workspace and check it (slow for a district: run it in a worker).

        The session comes back without its member index (`ready` is False): run `build_members`
        next, in a worker for a large workspace."""
        ws, _ = unioncore.load(path, as_of=as_of, plugins=plugins)
        return cls(ws, sort_problems(ws.check()), lazy=True)

    # -- what needs every member -------------------------------------------------------------
    @property
    def ready(self) -> bool:
        """True once the member index and the counts are built (`build_members`)."""
        return self._ready.is_set()

    @property
    def index(self) -> MemberIndex:
        """The member search index, whole: before `build_members` finished, this waits for it
        (or builds it) — a screen that must not wait checks `ready` first."""
        if self._index is None:
            self.build_members()
        assert self._index is not None
        return self._index

    def build_members(self) -> None:
        """Restore every record a cached open deferred, then build the member index (without the
        pinyin: `index.fill_pinyin`) and the counts. Safe to call from a worker thread, and more
        than once: a second caller waits for the first. The index and the counts are published
        only when complete."""
        with self._building:
            if self._ready.is_set():
                return
            self.ws.materialise()  # the records, and the files the watch and the saves use
            members = list(self.ws.members.values())  # one step: a change meanwhile cannot break it
            index = MemberIndex(members)
            counts = _count(members)
            self._index = index
            self.counts = counts
            self._ready.set()

    # -- derived data ----------------------------------------------------------------------
    def recheck(self) -> None:
        # by file and line, as `unioncore check` prints them (whatever order the checks ran in)
        self.problems = sort_problems(self.ws.check())

    def rebuild_tree(self) -> None:
        orgs = self.ws.organisations
        children: dict[str, list[str]] = defaultdict(list)
        for o in orgs.values():
            for sup in o.superiors:
                if sup in orgs and sup != o.code:
                    children[sup].append(o.code)
        self.children = {k: sorted(v) for k, v in children.items()}
        self.roots = sorted(o.code for o in self.ws.roots())

    def recount(self) -> None:
        """Count the members again after a change (before `build_members` is done there is
        nothing to update: it counts them all)."""
        if self.ready:
            self.counts = _count(self.ws.members.values())

    def subtree(self, code: str) -> list[str]:
        """The organisation and every one below it, each once."""
        seen = {code}
        out = [code]
        stack = [code]
        while stack:
            for child in self.children.get(stack.pop(), ()):
                if child not in seen:
                    seen.add(child)
                    out.append(child)
                    stack.append(child)
        return out

    def path_to(self, code: str) -> list[str]:
        """Codes from a root down to `code` along area parents (for expanding the tree)."""
        path = [code]
        orgs = self.ws.organisations
        while True:
            org = orgs.get(path[-1])
            if org is None or not org.parent or org.parent not in orgs or org.parent in path:
                break
            path.append(org.parent)
        return path[::-1]

    def facts(self, code: str) -> OrgFacts:
        """The counts need every member: ask only once `ready` (or it waits for them)."""
        if not self.ready:
            self.build_members()
        org = self.ws.org(code)
        below: Counter[Status] = Counter()
        grassroots_with_staff = []
        for c in self.subtree(code):
            below.update(self.counts.get(c, Counter()))
            o = self.ws.organisations[c]
            if o.kind.is_grassroots and o.employees:
                grassroots_with_staff.append(o)
        # 入会率 with the core's 口径 (stats.rate_figures): in-service members of grassroots unions
        # that state their employee count ÷ that count
        staff = sum(o.employees or 0 for o in grassroots_with_staff)
        active = sum(self.counts.get(o.code, Counter())[Status.ACTIVE] for o in grassroots_with_staff)
        rate = percent(active, staff) if staff else None
        note = f"在职会员 {active} 人 ÷ 职工 {staff} 人" if staff else "未填职工人数"
        return OrgFacts(
            own=self.counts.get(code, Counter()),
            below=below,
            employees=org.employees,
            female_employees=org.female_employees,
            rate=rate,
            rate_note=note,
        )

    def problems_of_org(self, code: str) -> list[Problem]:
        """Problems located in the organisation's own file (terms, committee, enterprises)."""
        rel = layout.org_file(code)
        return [p for p in self.problems if p.file == rel]

    def org_label(self, code: str | None) -> str:
        if code is None:
            return "全部组织"
        org = self.ws.organisations.get(code)
        return f"{org.name}（{code}）" if org else code

    def grassroots_codes(self) -> list[str]:
        return sorted(c for c, o in self.ws.organisations.items() if o.kind.is_grassroots)

    def describe(self, kind: str, key: str) -> str | None:
        """What a reference points at, for a form ("张三（XF-01）"), or None when it does not exist."""
        ws = self.ws
        if kind == "member":
            m = ws.members.get(key)
            return f"{m.name}（{m.org}）" if m else None
        if kind == "organisation":
            o = ws.organisations.get(key)
            return o.name if o else None
        if kind == "event":
            e = ws.events.get(key)
            return f"{e.title}（{e.start.isoformat()}）" if e else None
        return key if ws.ref_exists(kind, key) else None


def _count(members: Iterable[Member]) -> dict[str, Counter[Status]]:
    counts: dict[str, Counter[Status]] = defaultdict(Counter)
    for m in members:
        counts[m.org][m.status] += 1
    return dict(counts)
