"""The open workspace: records, queries, validated changes and saving.

Open one with `unioncore.load(path)` (or `Workspace.open`). Every change goes through a method that
validates the new record and raises `ValidationError` naming the field; `save()` writes only the
files whose content changed, each atomically, and refuses (with `SaveError`) to overwrite a file
that failed to load, that changed on disk since it was read, or whose hand-written comments the
rewrite would lose.
"""

from __future__ import annotations

import datetime
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sized
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs
import tomli_w

from . import layout, tomlwrite
from .accounts import Chart
from .config import Config
from .event import EVENT_FIELDS, Event
from .gcpause import paused_gc
from .identifiers import check_phone, check_ric, check_uscc, mask_ric
from .ledger import (
    BUDGET_ADJUSTMENT_FIELDS,
    BUDGET_LINE_FIELDS,
    ENTRY_FIELDS,
    Budget,
    BudgetAdjustment,
    BudgetLine,
    Entry,
    Opening,
)
from .member import MEMBER_FIELDS, ChangeKind, Member, MembershipChange, Status
from .organisation import (
    COMMITTEE_FIELDS,
    ENTERPRISE_FIELDS,
    ORGANISATION_FIELDS,
    ROLES,
    Committee,
    CommitteeKind,
    CommitteeSeat,
    Enterprise,
    Organisation,
)
from .plugins import PluginHost
from .problems import (
    KeyPath,
    Problem,
    SaveError,
    Severity,
    ValidationError,
    sort_problems,
)
from .records import Record
from .registry import (
    Collection,
    EventType,
    Figure,
    MemberCategory,
    Period,
    ReportSection,
    Rule,
    TuiPanel,
)
from .schema import Field, check_values, coerce_values, encode_fields, format_money
from .source import SourceFile, file_digest
from .storage import TMP_MARK, atomic_write, remove_stale_temporaries, workspace_lock

T = TypeVar("T")

# A place of a record: (file, key path inside it)
Where = tuple[str, KeyPath]


class Workspace:
    """A union's records, loaded from a folder of TOML files."""

    def __init__(self, root: Path, config: Config, host: PluginHost) -> None:
        self.root = root
        self.config = config
        self.host = host
        self.chart = Chart()
        self.event_types: dict[str, EventType] = {}
        self.categories: dict[str, MemberCategory] = {}
        self.collections: dict[str, Collection] = {}
        self.rules: dict[str, Rule] = {}
        self.organisations: dict[str, Organisation] = {}
        self.members: dict[str, Member] = {}
        self.events: dict[str, Event] = {}
        self.entries: dict[str, list[Entry]] = {}  # ledger file -> entries in file order
        self.openings: dict[str, Opening] = {}  # ledger file -> opening balances
        self.budgets: dict[str, Budget] = {}  # budget file -> budget
        self.records: dict[str, dict[str, Record]] = {}  # collection -> key -> record
        self.files: dict[str, SourceFile] = {}
        self.load_problems: list[Problem] = []
        # which file holds what, in file order (the order a save writes them in)
        self._member_files: dict[str, list[str]] = defaultdict(list)
        self._event_files: dict[str, list[str]] = defaultdict(list)
        self._record_files: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self._record_file_of: dict[tuple[str, str], str] = {}
        self._where: dict[tuple[str, str], Where] = {}
        self._dirty: set[str] = set()
        self._by_id_number: dict[str, str] | None = None
        self.change_count = 0  # bumped by every change, so derived caches know they are stale
        # temporary files a killed save left behind (found while loading; removed by the next save)
        self.stale_temporaries: list[Path] = []
        # set when the records came from (or were written to) the cache: cache.py
        self._snapshot_key: str | None = None
        # attributes a cached open restores when first touched -> how to restore them
        self._pending: dict[str, Callable[[], dict[str, Any]]] = {}
        self._restoring: dict[str, threading.Lock] = {}  # the lock of each deferred name's group
        self._indexes: dict[str, tuple[tuple[Any, ...], Any]] = {}  # see derived

    # -- records restored from the cache when first touched ---------------------------------
    def _defer(self, names: tuple[str, ...], restore: Callable[[], dict[str, Any]]) -> None:
        lock = threading.Lock()  # one per group: the files can be restored while the records are
        for name in names:
            self.__dict__.pop(name, None)
            self._pending[name] = restore
            self._restoring[name] = lock

    @property
    def deferred(self) -> frozenset[str]:
        """Attributes a cached open has not restored yet (empty once everything is in memory)."""
        return frozenset(self._pending)

    def materialise(self) -> None:
        """Restore everything a cached open deferred (no-op when it is all in memory)."""
        for name in list(self._pending):
            getattr(self, name)

    def _restore(self, name: str) -> Any:
        # one thread restores a group; another touching it meanwhile (the TUI restores in a
        # worker while the screen is drawn) waits for it rather than restoring it twice
        lock = self._restoring.get(name)
        if lock is None:
            raise AttributeError(name)
        with lock:
            if name in self.__dict__:
                return self.__dict__[name]
            restore = self._pending.get(name)
            if restore is None:
                raise AttributeError(name)
            with paused_gc():  # unpickling a district's records makes no cycles (see gcpause)
                restored = restore()
            for key, value in restored.items():
                self.__dict__[key] = value
                self._pending.pop(key, None)
            return self.__dict__[name]

    if not TYPE_CHECKING:  # mypy keeps checking attribute names; at run time a deferred one loads

        def __getattr__(self, name: str) -> Any:
            if name.startswith("__") or "_pending" not in self.__dict__:
                raise AttributeError(name)
            return self._restore(name)

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        plugins: Mapping[str, object] | None = None,
        as_of: datetime.date | None = None,
    ) -> tuple[Workspace, list[Problem]]:
        from .loader import load

        return load(path, plugins=plugins, as_of=as_of)

    # -- settings ---------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.config.name

    @property
    def year(self) -> int:
        return self.config.year

    def setting(self, key: str, default: Any = None) -> Any:
        return self.config.setting(key, default)

    @property
    def as_of(self) -> datetime.date:
        """The day checks and reminders are computed for (setting `as_of`, else today)."""
        value = self.setting("as_of")
        if isinstance(value, datetime.date):
            return value
        return datetime.date.today()

    # -- queries ----------------------------------------------------------------------------
    def org(self, code: str) -> Organisation:
        return self.organisations[code]

    def children(self, code: str) -> list[Organisation]:
        """Organisations directly under `code` (area parent or industry link)."""
        return list(self.derived("core.children", self._children_index, self.organisations).get(code, ()))

    def _children_index(self) -> dict[str, list[Organisation]]:
        index: dict[str, list[Organisation]] = defaultdict(list)
        for o in self.organisations.values():
            for sup in dict.fromkeys(o.superiors):
                index[sup].append(o)
        return index

    def derived(self, name: str, build: Callable[[], T], *sources: Sized) -> T:
        """`build()`, computed once and kept until the workspace changes: an index over records that
        rules, statistics and reports share (a district's 100,000 members are scanned once, not once
        per union). It is rebuilt when `change_count` moves (every change through this API bumps it),
        when the as-of day moves, or when a mapping in `sources` — what `build` reads — is replaced
        or changes size (code that fills them directly, as the loader does); no `sources` means every
        record mapping (members, events, entries, openings, budgets, organisations, plugin records).
        `name` is namespaced by its owner ("women.meetings"); the cyclic GC is paused while it is
        built (see gcpause)."""
        if not sources:
            sources = (
                self.members,
                self.events,
                self.entries,
                self.openings,
                self.budgets,
                self.organisations,
                self.records,
            )
        stamp = (self.change_count, self.as_of, *((id(s), len(s)) for s in sources))
        hit = self._indexes.get(name)
        if hit is not None and hit[0] == stamp:
            return cast(T, hit[1])
        with paused_gc():
            value = build()
        self._indexes[name] = (stamp, value)
        return value

    def descendants(self, code: str) -> list[Organisation]:
        """Every organisation below `code`, each once even when it sits under two federations."""
        seen: dict[str, Organisation] = {}
        stack = [code]
        while stack:
            cur = stack.pop()
            for child in self.children(cur):
                if child.code not in seen and child.code != code:
                    seen[child.code] = child
                    stack.append(child.code)
        return list(seen.values())

    def roots(self) -> list[Organisation]:
        return [o for o in self.organisations.values() if not o.parent or o.parent not in self.organisations]

    def members_of(
        self,
        code: str | None = None,
        *,
        status: Status | Iterable[Status] | None = None,
        include_sub: bool = False,
    ) -> list[Member]:
        """Members of an organisation (or all), optionally by status and including lower unions."""
        if code is None:
            pool: Iterable[Member] = self.members.values()
        else:
            codes = [code]
            if include_sub:
                codes += [o.code for o in self.descendants(code)]
            pool = [
                self.members[m] for c in codes for m in self._member_files.get(layout.members_file(c), ())
            ]
        if status is None:
            return list(pool)
        wanted = {status} if isinstance(status, Status) else set(status)
        return [m for m in pool if m.status in wanted]

    def member(self, member_id: str) -> Member:
        return self.members[member_id]

    def events_of(
        self,
        type: str | None = None,
        period: Period | None = None,
        org: str | None = None,
    ) -> list[Event]:
        out = []
        for e in self.events.values():
            if type is not None and e.type != type:
                continue
            if org is not None and org not in e.organisers:
                continue
            if period is not None and e.start not in period:
                continue
            out.append(e)
        return sorted(out, key=lambda e: (e.start, e.id))

    def ledger(
        self,
        org: str | None = None,
        account: str | None = None,
        year: int | None = None,
        period: Period | None = None,
    ) -> list[Entry]:
        """Entries, filtered; `account` matches the account and its sub-accounts."""
        pool: Iterable[Entry]
        if org is None:  # all of them, from the sorted list kept until the next change
            pool = self.derived("core.ledger", self._sorted_entries, self.entries)
        elif year is not None:  # one file: look it up, don't scan them all
            pool = sorted(self.entries.get(layout.ledger_file(org, year), []), key=_ledger_order)
        else:
            prefix = f"{layout.ORGS}/{org}/"
            pool = sorted(
                (e for rel, es in self.entries.items() if rel.startswith(prefix) for e in es),
                key=_ledger_order,
            )
        if year is None and period is None and account is None:
            return list(pool)
        return [
            e
            for e in pool
            if (year is None or e.date.year == year)
            and (period is None or e.date in period)
            and (account is None or e.account.startswith(account) or e.cash_account.startswith(account))
        ]

    def _sorted_entries(self) -> list[Entry]:
        every = [e for entries in self.entries.values() for e in entries]
        every.sort(key=_ledger_order)
        return every

    def event_cost(self, event_id: str) -> Decimal:
        """What an event cost: its linked expense entries (refunds, booked on the other side, subtract)."""
        event = self.events[event_id]
        total = Decimal(0)
        for org in event.organisers:
            for e in self.ledger(org=org, year=event.start.year):
                if e.event == event_id and e.is_expense(self.chart):
                    total += e.signed_for(self.chart)
        return total

    def opening(self, org: str, year: int) -> Opening:
        return self.openings.get(layout.ledger_file(org, year)) or Opening(org, year)

    def balance(self, org: str, account: str, year: int, until: datetime.date | None = None) -> Decimal:
        """Balance of an account (and its sub-accounts) in its normal direction, for one year."""
        acc = self.chart.get(account[:3])
        debit_normal = acc.cls.debit_normal if acc else True
        total = sum(
            (v for k, v in self.opening(org, year).balances.items() if k.startswith(account)), Decimal(0)
        )
        for e in self.ledger(org=org, year=year):
            if until is not None and e.date > until:
                continue
            for acct, signed in e.postings(self.chart):
                if acct.startswith(account):
                    total += signed if debit_normal else -signed
        return total

    def budget(self, org: str, year: int) -> Budget:
        return self.budgets.get(layout.budget_file(org, year)) or Budget(org, year)

    def records_of(self, collection: str) -> list[Record]:
        return list(self.records.get(collection, {}).values())

    def record(self, collection: str, key: str) -> Record:
        return self.records[collection][key]

    def where(self, kind: str, key: str) -> Where | None:
        """File and key path of a record: kind is organisation, member, event, entry or a collection."""
        return self._where.get((kind, key))

    # -- problems ---------------------------------------------------------------------------
    def problem_at(
        self,
        kind: str,
        key: str,
        message: str,
        *,
        field: str | None = None,
        path: KeyPath | None = None,
        severity: Severity = Severity.ERROR,
        rule: str | None = None,
        source: str | None = None,
        plugin: str | None = None,
    ) -> Problem:
        """A problem located at a record (and one of its fields), with a line when the file has one.

        `kind` is "organisation", "member", "event", "entry" or a plugin collection's name; `field`
        a key of the record, or `path` a full key path in the record's file (e.g. a committee's
        ("committee", 0, "term_end") in an organisation file).
        """
        w = self._where.get((kind, key))
        if w is None:
            return Problem(message, severity, rule=rule, source=source, plugin=plugin)
        rel, rpath = w
        if path is not None:
            rpath = path
        elif field:
            rpath = (*rpath, field)
        # the line is looked up later (`locate`), only for problems that a rule setting keeps
        return Problem(message, severity, file=rel, path=rpath, rule=rule, source=source, plugin=plugin)

    def rule_problem(
        self,
        rule: Rule,
        kind: str,
        key: str,
        message: str,
        *,
        field: str | None = None,
        path: KeyPath | None = None,
    ) -> Problem:
        """A problem found by `rule`, located at a record like `problem_at`, carrying the rule's
        registered severity, code, source and plugin — so they are written in one place."""
        return self.problem_at(
            kind,
            key,
            message,
            field=field,
            path=path,
            severity=rule.severity,
            rule=rule.code,
            source=rule.source,
            plugin=rule.plugin,
        )

    def locate(self, problems: Iterable[Problem]) -> list[Problem]:
        """Give problems that name a file and key path their line and column, where the file as
        loaded has them (a file changed since, in memory or on disk, gives none rather than a wrong one)."""
        out = []
        for p in problems:
            if p.line is None and p.file and p.path:
                sf = self.files.get(p.file)
                if sf is not None and p.file not in self._dirty:
                    line, col = sf.locate(p.path)
                    if line is not None:
                        p = attrs.evolve(p, line=line, column=col)
            out.append(p)
        return out

    def check(self) -> list[Problem]:
        """Every problem: what loading found, the rules of the core and of each enabled plugin."""
        from . import cache

        cached: list[Problem] | None = cache.cached_result(self, "check")
        if cached is not None:
            return list(cached)
        problems = list(self.load_problems)
        with paused_gc():  # the rules build indexes and problems, no cycles (see gcpause)
            found, errors = self.host.call("unioncore_validate", Problem, workspace=self)
            problems += found + errors
            result = sort_problems(self.locate(self.apply_rule_settings(problems)))
        if not errors:  # a plugin that raised may not raise next time: never keep its failure
            cache.keep_result(self, "check", result)
        return result

    def apply_rule_settings(self, problems: Iterable[Problem]) -> list[Problem]:
        """Drop switched-off rules and re-level others as `[rules]` in unioncore.toml says."""
        out = []
        for p in problems:
            setting = self.config.rules.get(p.rule) if p.rule else None
            if setting is not None:
                if setting in ("off", "关闭"):
                    continue
                sev = Severity.parse(setting)
                if sev is not None and sev is not p.severity:
                    p = attrs.evolve(p, severity=sev)
            out.append(p)
        return sort_problems(out)

    # -- statistics and report hooks ----------------------------------------------------------
    def figures(self, period: Period | None = None) -> tuple[list[Figure], list[Problem]]:
        from . import cache

        period = period or Period.year(self.year)
        key = cache.period_key(period)
        cached: tuple[list[Figure], list[Problem]] | None = cache.cached_result(self, "figures", key)
        if cached is not None:
            return list(cached[0]), list(cached[1])
        with paused_gc():  # see gcpause
            figures, problems = self.host.call("unioncore_statistics", Figure, workspace=self, period=period)
        if not problems:
            cache.keep_result(self, "figures", (figures, problems), key)
        return figures, problems

    def report_sections(self, period: Period | None = None) -> tuple[list[ReportSection], list[Problem]]:
        period = period or Period.year(self.year)
        with paused_gc():  # see gcpause
            secs, problems = self.host.call(
                "unioncore_report_sections", ReportSection, workspace=self, period=period
            )
        return sorted(secs, key=lambda s: s.order), problems

    def tui_panels(self) -> tuple[list[TuiPanel], list[Problem]]:
        return self.host.call("unioncore_tui_panels", TuiPanel, workspace=self)

    # -- changes -----------------------------------------------------------------------------
    def _touch(self, *rels: str) -> None:
        """Mark files as changed (to be saved) and derived caches as stale."""
        self._dirty.update(rels)
        self.change_count += 1

    @property
    def dirty(self) -> bool:
        return bool(self._dirty)

    @property
    def dirty_files(self) -> list[str]:
        return sorted(self._dirty)

    def member_field_errors(
        self, values: Mapping[str, Any], *, member_id: str | None = None
    ) -> list[tuple[str, str]]:
        """Field-by-field problems of member values, for a form: [(field, Chinese message)]."""
        errors = check_values(values, MEMBER_FIELDS)
        bad = {f for f, _ in errors}
        mid = values.get("id")
        if "id" not in bad and mid:
            if not layout.CODE_RE.match(str(mid)):
                errors.append(("id", "会员编号只能含字母、数字、汉字、“-”和“_”"))
            elif mid != member_id and mid in self.members:
                errors.append(("id", f"会员编号“{mid}”已被 {self.members[str(mid)].name} 使用"))
        for cat in values.get("categories") or ():
            if cat not in self.categories:
                errors.append(("categories", f"未知的会员类别“{cat}”"))
        idn = values.get("id_number")
        if idn and "id_number" not in bad:
            info, reason = check_ric(str(idn))
            if reason:
                errors.append(("id_number", f"公民身份号码 {mask_ric(str(idn))} {reason}"))
            elif info is not None:
                if values.get("gender") and values["gender"] != info.gender:
                    errors.append(("gender", f"性别与公民身份号码不符（号码显示为{info.gender}）"))
                other_id = self._id_number_index().get(info.number)
                if other_id is not None and other_id != member_id and other_id in self.members:
                    other = self.members[other_id]
                    errors.append(("id_number", f"公民身份号码与会员 {other.id} {other.name} 重复"))
        phone = values.get("phone")
        if phone and "phone" not in bad:
            reason = check_phone(str(phone))
            if reason:
                errors.append(("phone", f"手机号{reason}"))
        return errors

    def _id_number_index(self) -> dict[str, str]:
        if self._by_id_number is None:
            self._by_id_number = {m.id_number.upper(): m.id for m in self.members.values() if m.id_number}
        return self._by_id_number

    def member_by_id_number(self, id_number: str) -> Member | None:
        """The member with this 公民身份号码 (imports match people by it)."""
        mid = self._id_number_index().get(id_number.strip().upper())
        return self.members.get(mid) if mid else None

    def add_member(self, org: str, **values: Any) -> Member:
        """Add a member to `org` (入会). A JOIN history line is added when none is given.

        A category's own fields go as a dict under the category's id (see `update_member`)."""
        self._require_org(org, grassroots=True)
        category_data, values = self._split_category_data(values, {})
        values.setdefault("status", Status.ACTIVE.value)
        if isinstance(values.get("status"), Status):
            values["status"] = values["status"].value
        errors = self.member_field_errors(values)
        errors += self._category_errors(values.get("categories") or (), category_data)
        if errors:
            raise ValidationError([Problem(m, path=(f,), rule="member.field") for f, m in errors])
        clean = coerce_values(values, MEMBER_FIELDS)
        if not clean.get("history") and clean.get("joined"):
            clean["history"] = [{"date": clean["joined"], "kind": ChangeKind.JOIN.value}]
        if not clean.get("gender") and clean.get("id_number"):
            info, _ = check_ric(clean["id_number"])
            clean["gender"] = info.gender if info else None
        if clean.get("id_number"):
            clean["id_number"] = clean["id_number"].strip().upper()
        member = Member.from_values(clean, org, category_data)
        self.members[member.id] = member
        if member.id_number:
            self._id_number_index()[member.id_number] = member.id
        rel = layout.members_file(org)
        self._member_files[rel].append(member.id)
        self._touch(rel)
        return member

    def update_member(self, member_id: str, **changes: Any) -> Member:
        """Change fields of a member (not its organisation: use `transfer_member`).

        A category's own fields are passed as a dict under the category's id, e.g.
        `update_member("M1", categories=["model_worker"], model_worker={"level": "市级"})`.
        """
        old = self.members[member_id]
        category_data, changes = self._split_category_data(changes, dict(old.category_data))
        values = old.values()
        values.update(changes)
        if isinstance(values.get("status"), Status):
            values["status"] = values["status"].value
        values["history"] = None  # history is kept as objects below
        errors = self.member_field_errors(values, member_id=member_id)
        errors += self._category_errors(values.get("categories") or (), category_data)
        if errors:
            raise ValidationError([Problem(m, path=(f,), rule="member.field") for f, m in errors])
        if values.get("id") != member_id:
            raise ValidationError([Problem("会员编号不能修改（一次入会，编号终身不变）", path=("id",))])
        clean = coerce_values(values, MEMBER_FIELDS)
        if clean.get("id_number"):
            clean["id_number"] = clean["id_number"].strip().upper()
        new = attrs.evolve(
            Member.from_values(clean, old.org, category_data),
            history=old.history,
            status=Status(clean["status"]) if clean.get("status") else Status.ACTIVE,
        )
        self.members[member_id] = new
        self._by_id_number = None
        self._touch(layout.members_file(old.org))
        return new

    def _split_category_data(
        self, changes: Mapping[str, Any], data: dict[str, dict[str, Any]]
    ) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
        rest = {}
        for key, value in changes.items():
            cat = self.categories.get(key)
            if cat is not None and cat.fields:
                data[key] = dict(value or {})
            else:
                rest[key] = value
        return data, rest

    def _category_errors(
        self, categories: Iterable[str], data: dict[str, dict[str, Any]]
    ) -> list[tuple[str, str]]:
        """Check each category's own fields, and coerce them in place."""
        errors: list[tuple[str, str]] = []
        for cid in list(data):
            cat = self.categories.get(cid)
            if cat is None:
                continue
            if cid not in categories:
                del data[cid]  # the category was taken away: so are its fields
                continue
            errs = check_values(data[cid], cat.fields)
            errors += [(cid, f"{cat.label}：{m}") for _f, m in errs]
            if not errs:
                data[cid] = coerce_values(data[cid], cat.fields)
        for cid in categories:
            cat = self.categories.get(cid)
            if cat is not None and any(f.required for f in cat.fields) and cid not in data:
                errors.append(
                    (
                        cid,
                        f"类别“{cat.label}”需要填写：{'、'.join(f.title for f in cat.fields if f.required)}",
                    )
                )
        return errors

    def _change_status(
        self, member_id: str, kind: ChangeKind, status: Status, day: datetime.date, note: str | None
    ) -> Member:
        old = self.members[member_id]
        if not old.status.is_member:
            raise ValidationError([Problem(f"{old.name} 当前状态为“{old.status.value}”，不能再{kind.value}")])
        change = MembershipChange(date=day, kind=kind, note=note)
        new = attrs.evolve(old, status=status, history=(*old.history, change))
        self.members[member_id] = new
        self._touch(layout.members_file(old.org))
        return new

    def retire_member(self, member_id: str, day: datetime.date, note: str | None = None) -> Member:
        """退休: the 会籍 is kept (保留会籍, 章程 Art 8) in the same union; dues stop."""
        if self.members[member_id].status is Status.RETIRED:
            raise ValidationError([Problem(f"{self.members[member_id].name} 已经退休")])
        return self._change_status(member_id, ChangeKind.RETIRE, Status.RETIRED, day, note)

    def leave_member(self, member_id: str, day: datetime.date, note: str | None = None) -> Member:
        """退会 (章程 Art 6)."""
        return self._change_status(member_id, ChangeKind.LEAVE, Status.LEFT, day, note)

    def member_deceased(self, member_id: str, day: datetime.date, note: str | None = None) -> Member:
        return self._change_status(member_id, ChangeKind.DECEASE, Status.DECEASED, day, note)

    def transfer_member(
        self,
        member_id: str,
        to_org: str | None,
        day: datetime.date,
        note: str | None = None,
        *,
        to_outside: str | None = None,
    ) -> Member:
        """转会: to another union of the workspace (the record moves, id and history stay), or
        out of the workspace with `to_org=None, to_outside="单位名称"` (status 转出)."""
        old = self.members[member_id]
        if old.status is not Status.ACTIVE:
            raise ValidationError([Problem(f"{old.name} 当前状态为“{old.status.value}”，不能转会")])
        if to_org is None:
            change = MembershipChange(
                day, ChangeKind.TRANSFER_OUT, from_org=old.org, to_org=to_outside, note=note
            )
            new = attrs.evolve(old, status=Status.TRANSFERRED_OUT, history=(*old.history, change))
            self.members[member_id] = new
            self._touch(layout.members_file(old.org))
            return new
        self._require_org(to_org, grassroots=True)
        if to_org == old.org:
            raise ValidationError([Problem("转入单位与当前单位相同", path=("to_org",))])
        change = MembershipChange(day, ChangeKind.TRANSFER, from_org=old.org, to_org=to_org, note=note)
        new = attrs.evolve(old, org=to_org, history=(*old.history, change))
        src, dst = layout.members_file(old.org), layout.members_file(to_org)
        self._member_files[src].remove(member_id)
        self._member_files[dst].append(member_id)
        self.members[member_id] = new
        self._where.pop(("member", member_id), None)
        self._touch(src, dst)
        return new

    def _split_event_values(self, values: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """(core fields, the type's own fields) of event values."""
        etype = self.event_types.get(str(values.get("type") or ""))
        names = {f.name for f in etype.fields} if etype else set()
        core = {k: v for k, v in values.items() if k not in names}
        own = {k: v for k, v in values.items() if k in names}
        return core, own

    def event_field_errors(
        self, values: Mapping[str, Any], *, event_id: str | None = None
    ) -> list[tuple[str, str]]:
        """Field-by-field problems of event values (core and type fields), for a form or the API."""
        core, own = self._split_event_values(values)
        etype = self.event_types.get(str(values.get("type") or ""))
        errors = check_values(core, EVENT_FIELDS) + check_values(own, etype.fields if etype else ())
        if etype is None:
            errors.append(("type", f"未知的活动类型“{values.get('type')}”"))
        eid = values.get("id")
        if event_id is not None and eid != event_id:
            errors.append(("id", "活动编号不能修改"))
        elif event_id is None and eid in self.events:
            errors.append(("id", f"活动编号“{eid}”已存在"))
        elif eid and not layout.CODE_RE.match(str(eid)):
            errors.append(("id", "活动编号只能含字母、数字、汉字、“-”和“_”"))
        for m in values.get("participants") or ():
            if m not in self.members:
                errors.append(("participants", f"参加会员“{m}”不存在"))
                break
        for c in values.get("co_organisers") or ():
            if c not in self.organisations:
                errors.append(("co_organisers", f"协办组织“{c}”不存在"))
                break
        return errors

    def add_event(self, org: str, **values: Any) -> Event:
        """Add an event organised by `org`; the type's own fields are passed like the others."""
        self._require_org(org)
        errors = self.event_field_errors(values)
        if errors:
            raise ValidationError([Problem(m, path=(f,), rule="event.field") for f, m in errors])
        core, own = self._split_event_values(values)
        etype = self.event_types[str(values["type"])]
        event = Event.from_values(
            coerce_values(core, EVENT_FIELDS), org, _given(coerce_values(own, etype.fields))
        )
        self.events[event.id] = event
        rel = layout.events_file(org, event.start.year)
        self._event_files[rel].append(event.id)
        self._touch(rel)
        return event

    def update_event(self, event_id: str, **changes: Any) -> Event:
        """Change fields of an event (its id and organiser stay; a new date may move it to another year's file)."""
        old = self.events[event_id]
        values: dict[str, Any] = {
            **old.values(),
            **(old.fields if changes.get("type", old.type) == old.type else {}),
        }
        values.update(changes)
        values["result"] = None  # results are kept as objects below
        errors = self.event_field_errors(values, event_id=event_id)
        if errors:
            raise ValidationError([Problem(m, path=(f,), rule="event.field") for f, m in errors])
        core, own = self._split_event_values(values)
        etype = self.event_types[str(values["type"])]
        new = Event.from_values(
            coerce_values(core, EVENT_FIELDS), old.org, _given(coerce_values(own, etype.fields))
        )
        new = attrs.evolve(new, results=changes.get("results", old.results))
        old_rel = layout.events_file(old.org, old.start.year)
        new_rel = layout.events_file(old.org, new.start.year)
        if new_rel != old_rel:
            self._event_files[old_rel].remove(event_id)
            self._event_files[new_rel].append(event_id)
            self._where.pop(("event", event_id), None)
            self._touch(old_rel)
        self.events[event_id] = new
        self._touch(new_rel)
        return new

    def add_entry(self, org: str, **values: Any) -> Entry:
        """Add a ledger entry (记账) to `org`'s ledger of the entry's year."""
        self._require_org(org)
        errors = check_values(values, ENTRY_FIELDS)
        bad = {f for f, _ in errors}
        clean = coerce_values(values, ENTRY_FIELDS) if not errors else {}
        if not errors:
            errors += self._entry_errors(org, clean)
        elif "account" not in bad and values.get("account") not in self.chart:
            errors.append(("account", f"科目“{values.get('account')}”不在会计科目表中"))
        if errors:
            raise ValidationError([Problem(m, path=(f,), rule="entry.field") for f, m in errors])
        entry = Entry.from_values(clean, org)
        rel = layout.ledger_file(org, entry.date.year)
        self.entries.setdefault(rel, []).append(entry)
        self._touch(rel)
        return entry

    def update_entry(self, ref: str, **changes: Any) -> Entry:
        """Change a ledger entry (its organisation stays; a new date may move it to another year)."""
        old = self.entry(ref)
        if old is None:
            raise ValidationError([Problem(f"凭证“{ref}”不存在")])
        values = old.values()
        values.update(changes)
        errors = check_values(values, ENTRY_FIELDS)
        clean = coerce_values(values, ENTRY_FIELDS) if not errors else {}
        if not errors:
            errors = [
                (f, m)
                for f, m in self._entry_errors(old.org, clean)
                if not (
                    f == "voucher" and clean["voucher"] == old.voucher and clean["date"].year == old.date.year
                )
            ]
        if errors:
            raise ValidationError([Problem(m, path=(f,), rule="entry.field") for f, m in errors])
        new = Entry.from_values(clean, old.org)
        old_rel = layout.ledger_file(old.org, old.date.year)
        new_rel = layout.ledger_file(old.org, new.date.year)
        entries = self.entries[old_rel]
        i = next(k for k, e in enumerate(entries) if e.voucher == old.voucher)
        if new_rel == old_rel:
            entries[i] = new
        else:
            del entries[i]
            self.entries.setdefault(new_rel, []).append(new)
            self._where.pop(("entry", old.ref), None)
            self._touch(old_rel)
        self._touch(new_rel)
        return new

    def remove_entry(self, ref: str) -> Entry:
        """Delete a ledger entry (作废); the file keeps the others in their order."""
        old = self.entry(ref)
        if old is None:
            raise ValidationError([Problem(f"凭证“{ref}”不存在")])
        rel = layout.ledger_file(old.org, old.date.year)
        self.entries[rel] = [e for e in self.entries[rel] if e.voucher != old.voucher]
        self._where.pop(("entry", old.ref), None)
        self._touch(rel)
        return old

    def _entry_errors(self, org: str, v: Mapping[str, Any]) -> list[tuple[str, str]]:
        errors: list[tuple[str, str]] = []
        if v["account"] not in self.chart:
            errors.append(("account", f"科目“{v['account']}”不在会计科目表中"))
        if v.get("cash") and v["cash"] not in self.chart:
            errors.append(("cash", f"对方科目“{v['cash']}”不在会计科目表中"))
        if v["amount"] is not None and v["amount"] <= 0:
            errors.append(("amount", "金额必须大于零（冲销请用“方向”）"))
        rel = layout.ledger_file(org, v["date"].year)
        if any(e.voucher == v["voucher"] for e in self.entries.get(rel, ())):
            errors.append(("voucher", f"凭证号“{v['voucher']}”在{v['date'].year}年已使用"))
        if v.get("member") and v["member"] not in self.members:
            errors.append(("member", f"会员“{v['member']}”不存在"))
        if v.get("event") and v["event"] not in self.events:
            errors.append(("event", f"活动“{v['event']}”不存在"))
        gone = [r for r in v.get("recipients") or () if r not in self.members]
        if gone:
            errors.append(("recipients", f"领取人“{gone[0]}”不存在"))
        return errors

    def add_record(self, collection: str, **values: Any) -> Record:
        """Add a record to a plugin collection; it goes to the collection's default file."""
        coll = self.collections[collection]
        errors = check_values(values, coll.fields)
        key = values.get(coll.key)
        if key is None or key == "":
            errors.append((coll.key, "缺少编号"))
        elif str(key) in self.records.get(collection, {}):
            errors.append((coll.key, f"编号“{key}”已存在"))
        errors += self._ref_errors(coll.fields, values)
        if errors:
            raise ValidationError([Problem(m, path=(f,), plugin=coll.plugin) for f, m in errors])
        clean = coerce_values(values, coll.fields)
        rec = Record(collection, str(clean[coll.key]), clean)
        rel = layout.plugin_file(coll.plugin or "core", coll.file_for(clean))
        self.records.setdefault(collection, {})[rec.key] = rec
        self._record_files[rel].append((collection, rec.key))
        self._record_file_of[(collection, rec.key)] = rel
        self._touch(rel)
        return rec

    def update_record(self, collection: str, key: str, **changes: Any) -> Record:
        coll = self.collections[collection]
        old = self.records[collection][key]
        values = dict(old.data)
        values.update(changes)
        errors = check_values(values, coll.fields) + self._ref_errors(coll.fields, values)
        if str(values.get(coll.key)) != key:
            errors.append((coll.key, "编号不能修改"))
        if errors:
            raise ValidationError([Problem(m, path=(f,), plugin=coll.plugin) for f, m in errors])
        rec = Record(collection, key, coerce_values(values, coll.fields))
        self.records[collection][key] = rec
        self._touch(self._record_file_of[(collection, key)])
        return rec

    def _ref_errors(self, fields: Iterable[Field], values: Mapping[str, Any]) -> list[tuple[str, str]]:
        errors = []
        for f in fields:
            if f.ref is None or not values.get(f.name):
                continue
            v = values[f.name]
            for item in v if isinstance(v, list) else [v]:
                if not self.ref_exists(f.ref, str(item)):
                    errors.append((f.name, f"“{f.title}”引用的“{item}”不存在"))
                    break
        return errors

    def ref_exists(self, kind: str, key: str) -> bool:
        if kind == "member":
            return key in self.members
        if kind == "organisation":
            return key in self.organisations
        if kind == "event":
            return key in self.events
        if kind == "entry":
            return self.entry(key) is not None
        return key in self.records.get(kind, {})

    def entry(self, ref: str) -> Entry | None:
        """The ledger entry with this reference ("org:year:voucher", see `Entry.ref`)."""
        org, _, rest = ref.partition(":")
        year, _, voucher = rest.partition(":")
        if not year.isdigit():
            return None
        for e in self.entries.get(layout.ledger_file(org, int(year)), ()):
            if e.voucher == voucher:
                return e
        return None

    def _require_org(self, code: str, grassroots: bool = False) -> Organisation:
        org = self.organisations.get(code)
        if org is None:
            raise ValidationError([Problem(f"组织“{code}”不存在", path=("org",))])
        if grassroots and org.kind.is_federation:
            raise ValidationError(
                [Problem(f"{org.name}是{org.kind.value}，会员应登记在基层工会", path=("org",))]
            )
        return org

    def organisation_field_errors(
        self, values: Mapping[str, Any], *, code: str | None = None
    ) -> list[tuple[str, str]]:
        """Field-by-field problems of organisation values, for a form: [(field, Chinese message)]."""
        errors = check_values(values, ORGANISATION_FIELDS)
        new_code = values.get("code")
        if code is not None and new_code != code:
            errors.append(("code", "组织代码不能修改（它也是文件夹名）"))
        elif code is None and new_code in self.organisations:
            errors.append(("code", f"组织代码“{new_code}”已存在"))
        elif new_code and not layout.CODE_RE.match(str(new_code)):
            errors.append(("code", "组织代码只能含字母、数字、汉字、“-”和“_”（它也是文件夹名）"))
        for field in ("parent", "also_under"):
            v = values.get(field)
            for ref in v if isinstance(v, list) else [v]:
                if not ref:
                    continue
                if ref not in self.organisations:
                    errors.append((field, f"上级工会“{ref}”不存在"))
                elif code is not None and (ref == code or code in self._ancestors(str(ref))):
                    errors.append((field, "上级关系不能形成循环"))
        if values.get("uscc"):
            reason = check_uscc(str(values["uscc"]))
            if reason:
                errors.append(("uscc", f"统一社会信用代码{reason}"))
        return errors

    def _ancestors(self, code: str) -> set[str]:
        seen: set[str] = set()
        stack = [code]
        while stack:
            org = self.organisations.get(stack.pop())
            if org is None:
                continue
            for sup in org.superiors:
                if sup not in seen:
                    seen.add(sup)
                    stack.append(sup)
        return seen

    def add_organisation(self, **values: Any) -> Organisation:
        """Add an organisation (its folder `orgs/<code>/` is created on save)."""
        errors = self.organisation_field_errors(values)
        if errors:
            raise ValidationError([Problem(m, path=(f,), rule="org.field") for f, m in errors])
        org = Organisation.from_values(coerce_values(values, ORGANISATION_FIELDS), [], [])
        self.organisations[org.code] = org
        self._touch(layout.org_file(org.code))
        return org

    def update_organisation(self, code: str, **changes: Any) -> Organisation:
        """Change an organisation's own fields (name, kind, parent, 职工人数 …); committees and covered
        units stay (see `add_committee`)."""
        old = self.organisations[code]
        values = old.org_values()
        values.update(changes)
        errors = self.organisation_field_errors(values, code=code)
        if errors:
            raise ValidationError([Problem(m, path=(f,), rule="org.field") for f, m in errors])
        new = Organisation.from_values(
            coerce_values(values, ORGANISATION_FIELDS), old.committee_values(), old.enterprise_values()
        )
        self.organisations[code] = new
        self._touch(layout.org_file(code))
        return new

    def add_committee(
        self,
        code: str,
        kind: CommitteeKind | str,
        term_start: datetime.date,
        term_end: datetime.date,
        seats: Iterable[CommitteeSeat] = (),
        *,
        correct: bool = False,
    ) -> Committee:
        """Record an elected body (换届): the newest committee of a kind is the current one; the
        earlier ones stay as history. `correct=True` corrects the current body of the kind in place
        (its dates or seats were written wrong) instead of recording a new term."""
        org = self.organisations[code]
        errors: list[tuple[str, str]] = []
        try:
            kind = CommitteeKind(kind) if not isinstance(kind, CommitteeKind) else kind
        except ValueError:
            errors.append(("kind", f"委员会类别“{kind}”无效"))
        if term_end <= term_start:
            errors.append(("term_end", "任期届满日期应晚于开始日期"))
        seats = tuple(seats)
        seat_problems: list[Problem] = []  # each names its seat: ("seat", i, field)
        for i, seat in enumerate(seats):
            if seat.role not in ROLES:
                seat_problems.append(
                    Problem(
                        f"职务“{seat.role}”无效，可选：{'、'.join(ROLES)}",
                        path=("seat", i, "role"),
                        rule="org.field",
                    )
                )
            if seat.member and seat.member not in self.members:
                seat_problems.append(
                    Problem(f"会员“{seat.member}”不存在", path=("seat", i, "member"), rule="org.field")
                )
            if not seat.member and not seat.name:
                seat_problems.append(
                    Problem("委员应填会员编号或姓名", path=("seat", i, "member"), rule="org.field")
                )
        if errors or seat_problems:
            raise ValidationError(
                [Problem(m, path=(f,), rule="org.field") for f, m in errors] + seat_problems
            )
        assert isinstance(kind, CommitteeKind)
        committee = Committee(kind, term_start, term_end, seats)
        current = org.committee(kind) if correct else None
        if current is None:
            committees = (*org.committees, committee)
        else:
            committees = tuple(committee if c is current else c for c in org.committees)
        self.organisations[code] = attrs.evolve(org, committees=committees)
        self._touch(layout.org_file(code))
        return committee

    def set_opening(self, org: str, year: int, balances: Mapping[str, Decimal]) -> Opening:
        """Set the opening balances (期初余额) of an organisation's ledger year."""
        self._require_org(org)
        bad = [a for a in balances if a not in self.chart]
        if bad:
            raise ValidationError([Problem(f"科目“{bad[0]}”不在会计科目表中", path=("opening", bad[0]))])
        rel = layout.ledger_file(org, year)
        self.openings[rel] = Opening(org, year, dict(balances))
        self.entries.setdefault(rel, [])
        self._touch(rel)
        return self.openings[rel]

    def set_budget(
        self,
        org: str,
        year: int,
        lines: Iterable[BudgetLine],
        adjustments: Iterable[BudgetAdjustment] = (),
    ) -> Budget:
        """Set an organisation's budget for a year (预算) with its adjustments (调整)."""
        self._require_org(org)
        budget = Budget(org, year, tuple(lines), tuple(adjustments))
        accounts = [ln.account for ln in budget.lines] + [a.account for a in budget.adjustments]
        bad = [a for a in accounts if a not in self.chart]
        if bad:
            raise ValidationError([Problem(f"科目“{bad[0]}”不在会计科目表中", path=("account",))])
        rel = layout.budget_file(org, year)
        self.budgets[rel] = budget
        self._touch(rel)
        return budget

    def enterprise_field_errors(self, values: Mapping[str, Any]) -> list[tuple[str, str]]:
        """Field-by-field problems of a covered unit (`[[enterprise]]`), for a form: each field by its
        declaration, the 统一社会信用代码 (rule org.uscc) and the union it built (rule org.enterprise)."""
        errors = check_values(values, ENTERPRISE_FIELDS)
        if values.get("uscc"):
            reason = check_uscc(str(values["uscc"]))
            if reason:
                errors.append(("uscc", f"统一社会信用代码{reason}"))
        union = values.get("union")
        if union and union not in self.organisations:
            errors.append(("union", f"所建工会“{union}”不存在"))
        return errors

    def set_enterprise(self, code: str, index: int | None, **values: Any) -> Enterprise:
        """Add a unit `code` covers (`index` None) or change its unit at `index`."""
        org = self._require_org(code)
        errors = self.enterprise_field_errors(values)
        if errors:
            raise ValidationError([Problem(m, path=(f,), rule="org.field") for f, m in errors])
        v = coerce_values(values, ENTERPRISE_FIELDS)
        unit = Enterprise(
            name=v["name"],
            uscc=v.get("uscc"),
            employees=v.get("employees"),
            union=v.get("union"),
            required=v.get("required") is not False,
        )
        units = list(org.enterprises)
        if index is None:
            units.append(unit)
        else:
            units[index] = unit
        self.replace_organisation(attrs.evolve(org, enterprises=tuple(units)))
        return unit

    def remove_enterprise(self, code: str, index: int) -> Enterprise:
        org = self._require_org(code)
        unit = org.enterprises[index]
        self.replace_organisation(
            attrs.evolve(org, enterprises=org.enterprises[:index] + org.enterprises[index + 1 :])
        )
        return unit

    def replace_organisation(self, org: Organisation) -> None:
        """Store an organisation changed with `attrs.evolve` (committees, enterprises…)."""
        if org.code not in self.organisations:
            raise ValidationError([Problem(f"组织“{org.code}”不存在")])
        self.organisations[org.code] = org
        self._touch(layout.org_file(org.code))

    # -- saving -------------------------------------------------------------------------------
    def render(self, rel: str, data: dict[str, Any] | None = None) -> str:
        """The canonical text of one file from the records in memory."""
        data = _drop_empty(self._file_data(rel) if data is None else data)
        if not data:
            body = ""
        elif rel == layout.CONFIG:
            body = tomli_w.dumps(data)
        else:
            body = tomlwrite.dumps(data)
        sf = self.files.get(rel)
        header = sf.header() if sf is not None and sf.loaded else ""
        if header and body and not header.endswith("\n\n"):
            header += "\n" if header.endswith("\n") else "\n\n"
        return header + body

    def _file_data(self, rel: str) -> dict[str, Any]:
        if rel == layout.CONFIG:
            return self.config.to_toml()
        parts = rel.split("/")
        if parts[0] == layout.ORGS and len(parts) >= 3:
            code = parts[1]
            if parts[2] == layout.ORG_FILE:
                org = self.organisations[code]
                return {
                    "organisation": encode_fields(org.org_values(), ORGANISATION_FIELDS),
                    "committee": [encode_fields(c, COMMITTEE_FIELDS) for c in org.committee_values()],
                    "enterprise": [encode_fields(e, ENTERPRISE_FIELDS) for e in org.enterprise_values()],
                }
            if parts[2] == layout.MEMBERS_FILE:
                return {
                    "member": [self._member_dict(self.members[m]) for m in self._member_files.get(rel, ())]
                }
            if parts[2] == layout.EVENTS_DIR:
                return {"event": [self._event_dict(self.events[e]) for e in self._event_files.get(rel, ())]}
            if parts[2] == layout.LEDGER_DIR:
                opening = self.openings.get(rel)
                return {
                    "opening": {k: format_money(v) for k, v in opening.balances.items()} if opening else {},
                    "entry": [encode_fields(e.values(), ENTRY_FIELDS) for e in self.entries.get(rel, ())],
                }
            if parts[2] == layout.BUDGET_DIR:
                budget = self.budgets.get(rel)
                if budget is None:
                    return {}
                return {
                    "line": [encode_fields(attrs.asdict(ln), BUDGET_LINE_FIELDS) for ln in budget.lines],
                    "adjustment": [
                        encode_fields(attrs.asdict(a), BUDGET_ADJUSTMENT_FIELDS) for a in budget.adjustments
                    ],
                }
        if parts[0] == layout.PLUGINS:
            out: dict[str, list[dict[str, Any]]] = {}
            for coll_name, key in self._record_files.get(rel, ()):
                coll = self.collections[coll_name]
                out.setdefault(coll.table, []).append(
                    encode_fields(self.records[coll_name][key].data, coll.fields)
                )
            return dict(out)
        raise KeyError(rel)

    def _member_dict(self, m: Member) -> dict[str, Any]:
        d = encode_fields(m.values(), MEMBER_FIELDS)
        for cat_id, data in m.category_data.items():
            cat = self.categories.get(cat_id)
            if cat is not None and data:
                d[cat_id] = encode_fields(data, cat.fields)
        return d

    def _event_dict(self, e: Event) -> dict[str, Any]:
        d = encode_fields(e.values(), EVENT_FIELDS)
        etype = self.event_types.get(e.type)
        if etype is not None and e.fields:
            d.update(encode_fields(e.fields, etype.fields))
        return d

    def save(self) -> list[str]:
        """Write every changed file atomically; returns the files written.

        Refuses the whole save (nothing written) when any changed file failed to load, changed on
        disk since it was read, or has hand-written comments below its header that a rewrite would
        lose. A file whose canonical text equals what is on disk is not touched.
        """
        if not self._dirty:
            return []
        # compare-before-write under a short exclusive lock, so that two programs saving at the same
        # moment cannot both pass the check and overwrite each other
        with workspace_lock(self.root):
            written = self._save_locked()
            for tmp in self.stale_temporaries:
                remove_stale_temporaries(tmp.parent / tmp.name.split(TMP_MARK)[0][1:])
            self.stale_temporaries.clear()
            return written

    def _save_locked(self) -> list[str]:
        plan: list[tuple[str, str, int, int]] = []
        problems: list[Problem] = []
        for rel in sorted(self._dirty):
            sf = self.files.get(rel)
            path = self.root / rel
            if sf is not None:
                if not sf.writable:
                    problems.append(
                        Problem(
                            "此文件加载时有错误，为免丢失数据不会覆盖它：请先修正文件再保存",
                            file=rel,
                            rule="save.failed-file",
                        )
                    )
                    continue
                conflict = _changed_on_disk(path, sf)
                if conflict:
                    problems.append(Problem(conflict, file=rel, rule="save.conflict"))
                    continue
                comments = sf.body_comment_lines()
                if comments:
                    problems.append(
                        Problem(
                            "文件中有手写注释，保存会丢失它们，已拒绝保存：请把注释移到文件开头（开头的注释会保留）或删除",
                            file=rel,
                            line=comments[0],
                            rule="save.comments",
                        )
                    )
                    continue
            elif path.exists():
                problems.append(
                    Problem(
                        "文件在打开工作区后由其他程序创建，未覆盖：请重新打开工作区",
                        file=rel,
                        rule="save.conflict",
                    )
                )
                continue
            data = self._file_data(rel)
            text = self.render(rel, data)
            if sf is not None and not sf.had_bom and file_digest(text.encode("utf-8")) == sf.digest:
                continue
            count = _count_records(data)
            plan.append((rel, text, count - (sf.records if sf is not None else 0), count))
        if problems:
            raise SaveError(problems)
        # files that gain records first: a crash between two files may duplicate a moved member
        # (reported as a duplicate id on the next load), never lose one
        plan.sort(key=lambda p: -p[2])
        written = []
        for rel, text, _gained, count in plan:
            path = self.root / rel
            raw = text.encode("utf-8")
            remove_stale_temporaries(path)
            atomic_write(path, raw)
            self._after_write(rel, path, text, raw, count)
            written.append(rel)
        self._dirty.clear()
        return sorted(written)

    def _after_write(self, rel: str, path: Path, text: str, data: bytes, records: int) -> None:
        st = path.stat()
        sf = SourceFile(
            rel=rel, path=path, digest=file_digest(data), size=st.st_size, mtime_ns=st.st_mtime_ns, text=text
        )
        sf.parsed = True
        sf.release()
        sf.records = records
        self.files[rel] = sf
        # positions of records in the file as now written
        for i, mid in enumerate(self._member_files.get(rel, ())):
            self._where[("member", mid)] = (rel, ("member", i))
        for i, eid in enumerate(self._event_files.get(rel, ())):
            self._where[("event", eid)] = (rel, ("event", i))
        for i, e in enumerate(self.entries.get(rel, ())):
            self._where[("entry", e.ref)] = (rel, ("entry", i))
        counters: dict[str, int] = defaultdict(int)
        for coll_name, key in self._record_files.get(rel, ()):
            table = self.collections[coll_name].table
            self._where[(coll_name, key)] = (rel, (table, counters[table]))
            counters[table] += 1
        if rel.endswith(layout.ORG_FILE):
            self._where[("organisation", rel.split("/")[1])] = (rel, ("organisation",))

    def changed_on_disk(self) -> list[str]:
        """Files that another program changed, created or removed since they were read."""
        out = []
        for rel, sf in self.files.items():
            if _changed_on_disk(self.root / rel, sf):
                out.append(rel)
        return sorted(out)

    def iter_files(self) -> Iterator[SourceFile]:
        return iter(self.files.values())


def _ledger_order(e: Entry) -> tuple[datetime.date, str, str]:
    return (e.date, e.org, e.voucher)


def _changed_on_disk(path: Path, sf: SourceFile) -> str | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return "文件在打开后已被其他程序删除，未保存：请重新打开工作区"
    if st.st_size == sf.size and st.st_mtime_ns == sf.mtime_ns:
        return None
    try:
        digest = file_digest(path.read_bytes())
    except OSError as exc:
        return f"无法读取文件以核对：{exc.strerror}"
    if digest != sf.digest:
        return "文件在打开后已被其他程序修改，为免覆盖对方的修改未保存：请重新加载（或另存自己的修改）"
    return None


def _given(values: Mapping[str, Any]) -> dict[str, Any]:
    """The values that were given (a type's unset fields are not stored)."""
    return {k: v for k, v in values.items() if v not in (None, [])}


def _count_records(data: Mapping[str, Any]) -> int:
    return sum(len(v) for v in data.values() if isinstance(v, list))


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if not (isinstance(v, list | dict) and not v)}
