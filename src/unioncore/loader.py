"""Loading a workspace: read every file, decode every record, check references — collecting every
problem with its file and line, never stopping at the first and never raising on bad data."""

from __future__ import annotations

import contextlib
import datetime
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

import attrs

from . import cache as _cache
from . import layout
from .accounts import CASH_ACCOUNTS, Chart, extra_account
from .config import ACCOUNT_FIELDS, FORMAT_VERSION, PLUGINS_FIELDS, WORKSPACE_FIELDS, Config
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
from .member import MEMBER_FIELDS, Member
from .organisation import COMMITTEE_FIELDS, ENTERPRISE_FIELDS, ORGANISATION_FIELDS, Organisation
from .plugins import PluginHost
from .problems import KeyPath, Problem, Severity, sort_problems
from .records import Record
from .registry import Collection, EventType, MemberCategory, Rule
from .schema import Field, Kind, decode_fields, parse_money
from .source import SourceFile, read_source
from .storage import is_temporary
from .workspace import Workspace

# One object for each value many records repeat (an account code, a date, a key path such as
# ("entry", 3)): the parser makes a new one per record, and a district has 300,000 records — some
# 60 MB of equal strings, dates and tuples. The values are immutable, so sharing them is invisible.
_SHARED: dict[Any, Any] = {}
_MEMBER_SHARED = ("gender", "joined")
_CHANGE_SHARED = ("date", "kind", "from_org", "to_org")
_ENTRY_SHARED = ("date", "account", "side", "cash", "purpose", "festival", "method", "approver")


def _share(values: dict[str, Any], keys: tuple[str, ...]) -> None:
    shared = _SHARED.setdefault
    for k in keys:
        v = values.get(k)
        if v is not None:
            values[k] = shared(v, v)


def _path(table: str, i: int) -> KeyPath:
    key = (table, i)
    found: KeyPath = _SHARED.setdefault(key, key)
    return found


class _FileReport:
    """Collects decode problems of one file; a decode error marks the file as not writable."""

    def __init__(self, sf: SourceFile, sink: list[Problem]) -> None:
        self.sf = sf
        self.sink = sink

    def __call__(self, message: str, path: KeyPath) -> None:
        self.sf.has_record_errors = True
        self.sink.append(self.sf.problem(message, path, rule="record.field"))


def load(
    path: str | Path,
    *,
    plugins: Mapping[str, object] | None = None,
    as_of: datetime.date | None = None,
    cache: bool | Literal["foreground"] = True,
) -> tuple[Workspace, list[Problem]]:
    """Open the workspace at `path`. Returns it with every problem found while loading.

    `plugins` registers plugin objects in-process by name (they still must be enabled in
    `unioncore.toml`); installed plugins load from the `unioncore` entry-point group.

    `cache`: reuse what the last load of this unchanged workspace found (`unioncore.cache`) and,
    after loading from the files, write it for next time — in a detached process where the system
    can fork (True), or before returning ("foreground"); False neither reads nor writes it. Plugins
    passed in-process and `UNIONCORE_CACHE=off` turn it off. It never changes what a load returns.
    """
    root = Path(path)
    problems: list[Problem] = []
    config, config_sf = _read_config(root, problems)
    if as_of is not None:
        config.settings["as_of"] = as_of
    if config_sf is None or not config_sf.parsed:
        ws = Workspace(root, config, PluginHost([], plugins))
        ws.load_problems = problems
        if config_sf is not None:
            ws.files[layout.CONFIG] = config_sf
        return ws, problems
    slow = config.setting("plugin_slow_seconds")
    host = PluginHost(
        config.enabled, plugins, slow_seconds=float(slow) if isinstance(slow, int | float) else 5.0
    )
    ws = Workspace(root, config, host)
    ws.files[layout.CONFIG] = config_sf
    problems += host.problems
    _register(ws, problems)
    _add_accounts(ws, config_sf, problems)
    use_cache = bool(cache) and plugins is None and _cache.enabled() and not config_sf.has_record_errors
    if use_cache and not any(p.rule == "workspace.migrated" for p in problems):
        restored = _cache.restore(ws)
        if restored is not None:
            return ws, restored
    pending = _cache.begin(ws) if use_cache else None
    with paused_gc(), _sharing():
        _read_orgs(ws, problems)
        _read_plugin_files(ws, problems)
        _check_references(ws, problems)
        for sf in ws.files.values():
            sf.release()
        ws.load_problems = problems
        result = sort_problems(ws.locate(ws.apply_rule_settings(problems)))
    if pending is not None:
        _cache.store(ws, pending, result, background=cache is True)
    return ws, result


@contextlib.contextmanager
def _sharing() -> Iterator[None]:
    try:
        yield
    finally:
        _SHARED.clear()  # what was shared stays shared; the table itself is not kept


def init(
    path: str | Path,
    name: str,
    year: int,
    *,
    enabled: list[str] | None = None,
    settings: dict[str, Any] | None = None,
) -> tuple[Workspace, list[Problem]]:
    """Create a new, empty workspace folder (refuses a folder that already has unioncore.toml)."""
    import tomli_w

    from .storage import atomic_write, ensure_dir

    root = Path(path)
    if (root / layout.CONFIG).exists():
        raise FileExistsError(f"{root / layout.CONFIG} 已存在")
    ensure_dir(root / layout.ORGS)
    config = Config(name=name, year=year, enabled=list(enabled or []), settings=dict(settings or {}))
    atomic_write(root / layout.CONFIG, tomli_w.dumps(config.to_toml()).encode("utf-8"))
    return load(root)


# -- unioncore.toml ----------------------------------------------------------------------------
def _read_config(root: Path, problems: list[Problem]) -> tuple[Config, SourceFile | None]:
    config = Config()
    cfg_path = root / layout.CONFIG
    if not root.is_dir():
        problems.append(Problem(f"工作区文件夹不存在：{root}", rule="workspace.missing"))
        return config, None
    if not cfg_path.is_file():
        problems.append(
            Problem(
                "找不到 unioncore.toml：这不是 unioncore 工作区（可用 unioncore init 创建）",
                file=layout.CONFIG,
                rule="workspace.missing",
            )
        )
        return config, None
    sf = read_source(cfg_path, layout.CONFIG)
    problems += sf.problems
    if sf.data is None:
        return config, sf
    data = sf.data
    report = _FileReport(sf, problems)
    # a workspace written before the key existed has a [workspace] table and no format_version;
    # an empty or mangled file is reported, never "migrated"
    looks_old = (
        "format_version" not in data
        and isinstance(data.get("workspace"), dict)
        and set(data) <= {"workspace", "plugins", "settings", "rules", "account"}
    )
    version = data.get("format_version", 0 if looks_old else FORMAT_VERSION)
    if isinstance(version, int) and not isinstance(version, bool) and 0 <= version < FORMAT_VERSION:
        from .migrate import migrate

        try:
            backup = migrate(root, version, FORMAT_VERSION)
        except OSError as exc:
            problems.append(
                sf.problem(
                    f"工作区格式需要从版本 {version} 升级，但无法写入：{exc.strerror or exc}",
                    rule="workspace.version",
                )
            )
            sf.data, sf.parsed = None, False  # never write a workspace we could not migrate
            return config, sf
        problems.append(
            Problem(
                f"工作区格式已从版本 {version} 升级到 {FORMAT_VERSION}，原文件备份在 {backup.relative_to(root)}",
                Severity.HINT,
                file=layout.CONFIG,
                rule="workspace.migrated",
            )
        )
        return _read_config(root, problems)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        report("format_version 应为整数", ("format_version",))
    elif version > FORMAT_VERSION:
        problems.append(
            sf.problem(
                f"工作区格式版本 {version} 比本程序支持的 {FORMAT_VERSION} 新：请升级 unioncore 后再打开",
                ("format_version",),
                rule="workspace.version",
            )
        )
        sf.data, sf.parsed = None, False  # refuse to read further or ever write it
        return config, sf
    else:
        config.format_version = version
    known = {"format_version", "workspace", "plugins", "settings", "rules", "account"}
    for key in data:
        if key not in known:
            report(f"未知字段“{key}”", (key,))
    ws_table = data.get("workspace")
    if not isinstance(ws_table, dict):
        report("缺少 [workspace] 表（name、year）", ("workspace",))
    else:
        values = decode_fields(ws_table, WORKSPACE_FIELDS, ("workspace",), report)
        config.name = values.get("name") or config.name
        config.year = values.get("year") or config.year
    pl = data.get("plugins", {})
    if isinstance(pl, dict):
        config.enabled = decode_fields(pl, PLUGINS_FIELDS, ("plugins",), report).get("enabled") or []
    else:
        report("[plugins] 应为表", ("plugins",))
    settings = data.get("settings", {})
    if isinstance(settings, dict):
        config.settings = dict(settings)
    else:
        report("[settings] 应为表", ("settings",))
    rules = data.get("rules", {})
    if isinstance(rules, dict):
        for code, level in rules.items():
            if not isinstance(level, str) or (level not in ("off", "关闭") and Severity.parse(level) is None):
                report(f"规则“{code}”的设置应为 off、error、warning 或 hint", ("rules", code))
            else:
                config.rules[code] = level
    else:
        report("[rules] 应为表", ("rules",))
    accounts = data.get("account", [])
    if isinstance(accounts, list):
        for i, a in enumerate(accounts):
            if isinstance(a, dict):
                values = decode_fields(a, ACCOUNT_FIELDS, ("account", i), report)
                if values.get("code") and values.get("name"):
                    config.accounts.append({"code": values["code"], "name": values["name"]})
    return config, sf


def _add_accounts(ws: Workspace, sf: SourceFile, problems: list[Problem]) -> None:
    extra = []
    chart = Chart()
    for i, a in enumerate(ws.config.accounts):
        reason = Chart.check_extra(a["code"], a["name"], chart)
        if reason:
            problems.append(
                sf.problem(f"自设科目 {a['code']}：{reason}", ("account", i), rule="account.extra")
            )
            continue
        acc = extra_account(a["code"], a["name"], chart)
        chart.accounts[acc.code] = acc
        extra.append(acc)
    ws.chart = Chart(extra)


# -- registrations -------------------------------------------------------------------------------
def _register(ws: Workspace, problems: list[Problem]) -> None:
    types, errs = ws.host.call("unioncore_event_types", EventType)
    problems += errs
    for t in types:
        if t.id in ws.event_types:
            problems.append(Problem(f"活动类型“{t.id}”重复注册", rule="plugin.conflict", plugin=t.plugin))
            continue
        ws.event_types[t.id] = t
    cats, errs = ws.host.call("unioncore_member_categories", MemberCategory)
    problems += errs
    for c in cats:
        if c.id in ws.categories or c.id in {f.name for f in MEMBER_FIELDS}:
            problems.append(Problem(f"会员类别“{c.id}”重复注册", rule="plugin.conflict", plugin=c.plugin))
            continue
        ws.categories[c.id] = c
    colls, errs = ws.host.call("unioncore_collections", Collection)
    problems += errs
    for coll in colls:
        if coll.name in ws.collections:
            problems.append(
                Problem(f"记录集合“{coll.name}”重复注册", rule="plugin.conflict", plugin=coll.plugin)
            )
            continue
        ws.collections[coll.name] = coll
    rules, errs = ws.host.call("unioncore_rules", Rule)
    problems += errs
    for r in rules:
        ws.rules.setdefault(r.code, r)


# -- organisations and their files -------------------------------------------------------------
def _listdir(path: Path, temporaries: list[Path] | None = None) -> list[str]:
    """Visible names in a folder; leftovers of a killed save are noted for the next save to remove."""
    try:
        names = os.listdir(path)
    except OSError:
        return []
    if temporaries is not None:
        temporaries.extend(path / n for n in names if is_temporary(n))
    return sorted(n for n in names if not n.startswith("."))


def _read(ws: Workspace, rel: str, problems: list[Problem]) -> SourceFile:
    sf = read_source(ws.root / rel, rel)
    ws.files[rel] = sf
    problems += sf.problems
    return sf


def _table_list(sf: SourceFile, name: str, report: _FileReport) -> list[tuple[int, dict[str, Any]]]:
    assert sf.data is not None
    value = sf.data.get(name, [])
    if not isinstance(value, list):
        report(f"“{name}”应写成 [[{name}]] 表", (name,))
        return []
    out = []
    for i, item in enumerate(value):
        if isinstance(item, dict):
            out.append((i, item))
        else:
            report(f"“{name}”的第 {i + 1} 项应为表", (name, i))
    return out


def _unknown_tables(sf: SourceFile, known: set[str], report: _FileReport) -> None:
    assert sf.data is not None
    for key in sf.data:
        if key not in known:
            report(f"未知字段“{key}”（此文件可有：{'、'.join(sorted(known))}）", (key,))


def _read_orgs(ws: Workspace, problems: list[Problem]) -> None:
    orgs_dir = ws.root / layout.ORGS
    for name in _listdir(ws.root, ws.stale_temporaries):
        if name.endswith(".toml") and name != layout.CONFIG:
            problems.append(
                Problem("未识别的文件，已忽略", Severity.WARNING, file=name, rule="workspace.unknown-file")
            )
    for code in _listdir(orgs_dir):
        if not (orgs_dir / code).is_dir():
            continue
        base = f"{layout.ORGS}/{code}"
        rel = layout.org_file(code)
        if not (ws.root / rel).is_file():
            problems.append(
                Problem(
                    "组织文件夹缺少 organisation.toml", file=f"{base}/", rule="workspace.missing-org-file"
                )
            )
            continue
        org_sf = _read(ws, rel, problems)
        _read_org(ws, code, org_sf, problems)
        org_sf.release()  # decoded: drop the text and tables now, not at the end (peak memory)
        for entry in _listdir(orgs_dir / code, ws.stale_temporaries):
            full = orgs_dir / code / entry
            if entry in (layout.ORG_FILE,):
                continue
            if entry == layout.MEMBERS_FILE:
                members_sf = _read(ws, f"{base}/{entry}", problems)
                _read_members(ws, code, members_sf, problems)
                members_sf.release()
            elif entry in (layout.EVENTS_DIR, layout.LEDGER_DIR, layout.BUDGET_DIR) and full.is_dir():
                for fname in _listdir(full, ws.stale_temporaries):
                    frel = f"{base}/{entry}/{fname}"
                    m = layout.YEAR_FILE_RE.match(fname)
                    if m is None:
                        if fname.endswith(".toml"):
                            problems.append(
                                Problem(
                                    "文件名应为年份，如 2026.toml；已忽略",
                                    Severity.WARNING,
                                    file=frel,
                                    rule="workspace.unknown-file",
                                )
                            )
                        continue
                    year = int(m.group(1))
                    sf = _read(ws, frel, problems)
                    if entry == layout.EVENTS_DIR:
                        _read_events(ws, code, year, sf, problems)
                    elif entry == layout.LEDGER_DIR:
                        _read_ledger(ws, code, year, sf, problems)
                    else:
                        _read_budget(ws, code, year, sf, problems)
                    sf.release()
            elif entry.endswith(".toml") and not is_temporary(entry):
                problems.append(
                    Problem(
                        "未识别的文件，已忽略",
                        Severity.WARNING,
                        file=f"{base}/{entry}",
                        rule="workspace.unknown-file",
                    )
                )


def _read_org(ws: Workspace, code: str, sf: SourceFile, problems: list[Problem]) -> None:
    if sf.data is None:
        return
    report = _FileReport(sf, problems)
    _unknown_tables(sf, {"organisation", "committee", "enterprise"}, report)
    table = sf.data.get("organisation")
    if not isinstance(table, dict):
        report("缺少 [organisation] 表", ("organisation",))
        return
    values = decode_fields(table, ORGANISATION_FIELDS, ("organisation",), report)
    committees = [
        c
        for i, raw in _table_list(sf, "committee", report)
        if (c := decode_fields(raw, COMMITTEE_FIELDS, ("committee", i), report))
        and c.get("kind")
        and c.get("term_start")
        and c.get("term_end")
    ]
    enterprises = [
        e
        for i, raw in _table_list(sf, "enterprise", report)
        if (e := decode_fields(raw, ENTERPRISE_FIELDS, ("enterprise", i), report)) and e.get("name")
    ]
    if not (values.get("code") and values.get("name") and values.get("kind")):
        return
    if values["code"] != code:
        problems.append(
            sf.problem(
                f"组织代码“{values['code']}”与文件夹名“{code}”不一致",
                ("organisation", "code"),
                rule="org.code-folder",
            )
        )
        return
    org = Organisation.from_values(values, committees, enterprises)
    ws.organisations[code] = org
    ws._where[("organisation", code)] = (sf.rel, ("organisation",))
    if org.uscc:
        reason = check_uscc(org.uscc)
        if reason:
            problems.append(
                sf.problem(f"统一社会信用代码{reason}", ("organisation", "uscc"), rule="org.uscc")
            )
    for i, com in enumerate(org.committees):
        if com.term_end <= com.term_start:
            problems.append(
                sf.problem("任期届满日期应晚于开始日期", ("committee", i, "term_end"), rule="org.term")
            )
        for j, seat in enumerate(com.seats):
            if not seat.member and not seat.name:
                problems.append(
                    sf.problem("委员应填会员编号或姓名", ("committee", i, "seat", j), rule="org.seat")
                )
    for i, ent in enumerate(org.enterprises):
        if ent.uscc:
            reason = check_uscc(ent.uscc)
            if reason:
                problems.append(
                    sf.problem(f"统一社会信用代码{reason}", ("enterprise", i, "uscc"), rule="org.uscc")
                )
    if (
        org.employees is not None
        and org.female_employees is not None
        and org.female_employees > org.employees
    ):
        problems.append(
            sf.problem("女职工人数大于职工人数", ("organisation", "female_employees"), rule="org.employees")
        )


def _category_fields(ws: Workspace) -> dict[str, MemberCategory]:
    return {cid: c for cid, c in ws.categories.items() if c.fields}


def _read_members(ws: Workspace, code: str, sf: SourceFile, problems: list[Problem]) -> None:
    if sf.data is None:
        return
    report = _FileReport(sf, problems)
    _unknown_tables(sf, {"member"}, report)
    with_fields = _category_fields(ws)
    ids = ws._member_files[sf.rel]
    for i, raw in _table_list(sf, "member", report):
        path: KeyPath = _path("member", i)
        values = decode_fields(raw, MEMBER_FIELDS, path, report, extra_ok=with_fields.__contains__)
        if not values.get("id") or not values.get("name"):
            continue
        cat_data = {}
        for cid, cat in with_fields.items():
            if cid in raw:
                if not isinstance(raw[cid], dict):
                    report(f"“{cat.label}”的信息应为表", (*path, cid))
                    continue
                cat_data[cid] = decode_fields(raw[cid], cat.fields, (*path, cid), report)
        _share(values, _MEMBER_SHARED)
        for change in values.get("history") or ():
            _share(change, _CHANGE_SHARED)
        member = Member.from_values(values, code, cat_data)
        prev = ws._where.get(("member", member.id))
        if prev is not None or member.id in ws.members:
            where = f"（首次出现在 {prev[0]}）" if prev else ""
            problems.append(
                sf.problem(f"会员编号“{member.id}”重复{where}", (*path, "id"), rule="member.duplicate")
            )
            continue
        ws.members[member.id] = member
        ids.append(member.id)
        ws._where[("member", member.id)] = (sf.rel, path)
        _check_member(ws, member, sf, path, problems)


def _check_member(ws: Workspace, m: Member, sf: SourceFile, path: KeyPath, problems: list[Problem]) -> None:
    if not layout.CODE_RE.match(m.id):
        problems.append(
            sf.problem("会员编号只能含字母、数字、汉字、“-”和“_”", (*path, "id"), rule="member.id")
        )
    if m.id_number:
        info, reason = check_ric(m.id_number)
        if reason:
            problems.append(
                sf.problem(
                    f"公民身份号码 {mask_ric(m.id_number)} {reason}", (*path, "id_number"), rule="member.ric"
                )
            )
        elif info is not None:
            if m.gender and m.gender != info.gender:
                problems.append(
                    sf.problem(
                        f"性别“{m.gender}”与公民身份号码不符（号码显示为{info.gender}）",
                        (*path, "gender"),
                        rule="member.ric-gender",
                    )
                )
            if m.joined and m.joined < info.birth_date:
                problems.append(sf.problem("入会日期早于出生日期", (*path, "joined"), rule="member.dates"))
    if m.phone:
        reason = check_phone(m.phone)
        if reason:
            problems.append(
                sf.problem(f"手机号{reason}", (*path, "phone"), Severity.WARNING, rule="member.phone")
            )
    for c in m.categories:
        if c not in ws.categories:
            problems.append(
                sf.problem(
                    f"未知的会员类别“{c}”（插件未启用？）", (*path, "categories"), rule="member.category"
                )
            )
    last = None
    for j, h in enumerate(m.history):
        if last is not None and h.date < last:
            problems.append(
                sf.problem(
                    "会籍变动应按日期先后排列",
                    (*path, "history", j, "date"),
                    Severity.WARNING,
                    rule="member.history",
                )
            )
        last = h.date
    if m.history:
        expected = m.status_on(max(h.date for h in m.history))
        if expected is not None and expected is not m.status:
            problems.append(
                sf.problem(
                    f"状态“{m.status.value}”与最后一次会籍变动（{expected.value}）不符",
                    (*path, "status"),
                    Severity.WARNING,
                    rule="member.history",
                )
            )


def _ANY(key: str) -> bool:
    return True


def _read_events(ws: Workspace, code: str, year: int, sf: SourceFile, problems: list[Problem]) -> None:
    if sf.data is None:
        return
    report = _FileReport(sf, problems)
    _unknown_tables(sf, {"event"}, report)
    ids = ws._event_files[sf.rel]
    for i, raw in _table_list(sf, "event", report):
        path: KeyPath = _path("event", i)
        tname = raw.get("type")
        etype = ws.event_types.get(tname) if isinstance(tname, str) else None
        type_fields = etype.fields if etype else ()
        type_names = {f.name for f in type_fields}
        core_raw = {k: v for k, v in raw.items() if k not in type_names}
        # fields of an unknown type cannot be checked: accept them (the type itself is reported)
        values = decode_fields(core_raw, EVENT_FIELDS, path, report, extra_ok=_ANY if etype is None else None)
        own = decode_fields({k: v for k, v in raw.items() if k in type_names}, type_fields, path, report)
        if not (values.get("id") and values.get("type") and values.get("title") and values.get("start")):
            continue
        if etype is None:
            # keep the file as it is: unknown fields of an unknown type cannot be saved back
            sf.has_record_errors = True
            problems.append(
                sf.problem(
                    f"未知的活动类型“{values['type']}”（插件未启用？）", (*path, "type"), rule="event.type"
                )
            )
        event = Event.from_values(values, code, {k: v for k, v in own.items() if v not in (None, [])})
        if event.id in ws.events:
            prev = ws._where.get(("event", event.id))
            where = f"（首次出现在 {prev[0]}）" if prev else ""
            problems.append(
                sf.problem(f"活动编号“{event.id}”重复{where}", (*path, "id"), rule="event.duplicate")
            )
            continue
        ws.events[event.id] = event
        ids.append(event.id)
        ws._where[("event", event.id)] = (sf.rel, path)
        if event.start.year != year:
            problems.append(
                sf.problem(
                    f"活动日期在{event.start.year}年，却记在{year}年的文件中",
                    (*path, "start"),
                    rule="event.year",
                )
            )
        if event.end and event.end < event.start:
            problems.append(sf.problem("结束日期早于开始日期", (*path, "end"), rule="event.dates"))


def _read_ledger(ws: Workspace, code: str, year: int, sf: SourceFile, problems: list[Problem]) -> None:
    if sf.data is None:
        return
    report = _FileReport(sf, problems)
    _unknown_tables(sf, {"opening", "entry"}, report)
    opening = sf.data.get("opening", {})
    balances = {}
    if not isinstance(opening, dict):
        report('[opening] 应为表：科目代码 = "金额"', ("opening",))
    else:
        for acct, raw in opening.items():
            amount, err = parse_money(raw)
            if err:
                report(f"期初余额 {acct}：{err}", ("opening", acct))
            elif acct not in ws.chart:
                problems.append(
                    sf.problem(f"科目“{acct}”不在会计科目表中", ("opening", acct), rule="entry.account")
                )
            elif amount is not None:
                balances[acct] = amount
    ws.openings[sf.rel] = Opening(code, year, balances)
    entries: list[Entry] = []
    vouchers: set[str] = set()
    for i, raw in _table_list(sf, "entry", report):
        path: KeyPath = _path("entry", i)
        values = decode_fields(raw, ENTRY_FIELDS, path, report)
        if not all(values.get(k) is not None for k in ("voucher", "date", "account", "amount")):
            continue
        _share(values, _ENTRY_SHARED)
        entry = Entry.from_values(values, code)
        if entry.voucher in vouchers:
            problems.append(
                sf.problem(f"凭证号“{entry.voucher}”重复", (*path, "voucher"), rule="entry.duplicate")
            )
            continue
        vouchers.add(entry.voucher)
        entries.append(entry)
        ws._where[("entry", entry.ref)] = (sf.rel, path)
        if entry.amount <= 0:
            problems.append(
                sf.problem(
                    '金额必须大于零（冲销或退回请用 side = "借"/"贷"）',
                    (*path, "amount"),
                    rule="entry.amount",
                )
            )
        if entry.date.year != year:
            problems.append(
                sf.problem(
                    f"记账日期在{entry.date.year}年，却记在{year}年的账中", (*path, "date"), rule="entry.year"
                )
            )
        if entry.account not in ws.chart:
            problems.append(
                sf.problem(f"科目“{entry.account}”不在会计科目表中", (*path, "account"), rule="entry.account")
            )
        if entry.cash is not None and entry.cash not in ws.chart:
            problems.append(
                sf.problem(f"对方科目“{entry.cash}”不在会计科目表中", (*path, "cash"), rule="entry.account")
            )
        elif (
            entry.cash is not None and entry.cash not in CASH_ACCOUNTS and entry.account not in CASH_ACCOUNTS
        ):
            problems.append(
                sf.problem(
                    "对方科目通常是 101 库存现金或 102 银行存款",
                    (*path, "cash"),
                    Severity.HINT,
                    rule="entry.cash",
                )
            )
    ws.entries[sf.rel] = entries


def _read_budget(ws: Workspace, code: str, year: int, sf: SourceFile, problems: list[Problem]) -> None:
    if sf.data is None:
        return
    report = _FileReport(sf, problems)
    _unknown_tables(sf, {"line", "adjustment"}, report)
    lines = []
    for i, raw in _table_list(sf, "line", report):
        v = decode_fields(raw, BUDGET_LINE_FIELDS, ("line", i), report)
        if v.get("account") and v.get("amount") is not None:
            lines.append(BudgetLine(v["account"], v["amount"], v.get("note")))
            if v["account"] not in ws.chart:
                problems.append(
                    sf.problem(
                        f"科目“{v['account']}”不在会计科目表中", ("line", i, "account"), rule="entry.account"
                    )
                )
    adjustments = []
    for i, raw in _table_list(sf, "adjustment", report):
        v = decode_fields(raw, BUDGET_ADJUSTMENT_FIELDS, ("adjustment", i), report)
        if v.get("account") and v.get("amount") is not None and v.get("date"):
            adjustments.append(BudgetAdjustment(v["date"], v["account"], v["amount"], v.get("reason")))
            if v["account"] not in ws.chart:
                problems.append(
                    sf.problem(
                        f"科目“{v['account']}”不在会计科目表中",
                        ("adjustment", i, "account"),
                        rule="entry.account",
                    )
                )
    ws.budgets[sf.rel] = Budget(code, year, tuple(lines), tuple(adjustments))


# -- plugin-owned files -------------------------------------------------------------------------
def _read_plugin_files(ws: Workspace, problems: list[Problem]) -> None:
    by_plugin: dict[str, dict[str, Collection]] = {}
    for coll in ws.collections.values():
        by_plugin.setdefault(coll.plugin or "core", {})[coll.table] = coll
    base = ws.root / layout.PLUGINS
    for plugin in _listdir(base):
        if plugin not in ws.host.loaded:
            continue  # a disabled plugin's files are left untouched and unreported
        tables = by_plugin.get(plugin, {})
        for dirpath, dirnames, filenames in os.walk(base / plugin):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            ws.stale_temporaries.extend(Path(dirpath, n) for n in filenames if is_temporary(n))
            for fname in sorted(filenames):
                if not fname.endswith(".toml") or fname.startswith("."):
                    continue
                rel = Path(dirpath, fname).relative_to(ws.root).as_posix()
                sf = _read(ws, rel, problems)
                if sf.data is None:
                    continue
                _read_plugin_file(ws, plugin, tables, sf, problems)
                sf.release()


def _read_plugin_file(
    ws: Workspace, plugin: str, tables: dict[str, Collection], sf: SourceFile, problems: list[Problem]
) -> None:
    report = _FileReport(sf, problems)
    assert sf.data is not None
    for table in sf.data:
        coll = tables.get(table)
        if coll is None:
            report(f"插件“{plugin}”没有名为“{table}”的记录集合", (table,))
            continue
        store = ws.records.setdefault(coll.name, {})
        for i, raw in _table_list(sf, table, report):
            path: KeyPath = _path(table, i)
            values = decode_fields(raw, coll.fields, path, report)
            key = values.get(coll.key)
            if key is None:
                if not any(f.name == coll.key and f.required for f in coll.fields):
                    report(f"缺少编号字段“{coll.key}”", path)
                continue
            key = str(key)
            if key in store:
                prev = ws._record_file_of.get((coll.name, key))
                problems.append(
                    sf.problem(
                        f"编号“{key}”重复（首次出现在 {prev}）",
                        (*path, coll.key),
                        rule="record.duplicate",
                        plugin=plugin,
                    )
                )
                continue
            store[key] = Record(coll.name, key, values)
            ws._record_files[sf.rel].append((coll.name, key))
            ws._record_file_of[(coll.name, key)] = sf.rel
            ws._where[(coll.name, key)] = (sf.rel, path)


# -- references across files --------------------------------------------------------------------
def _check_references(ws: Workspace, problems: list[Problem]) -> None:
    def at(kind: str, key: str, message: str, field: str, rule: str, plugin: str | None = None) -> None:
        problems.append(ws.problem_at(kind, key, message, field=field, rule=rule, plugin=plugin))

    for code, org in ws.organisations.items():
        for ref in org.superiors:
            if ref == code:
                at("organisation", code, "上级工会不能是自己", "parent", "org.parent")
            elif ref not in ws.organisations:
                at("organisation", code, f"上级工会“{ref}”不存在", "parent", "org.parent")
            elif not ws.organisations[ref].kind.is_federation and org.kind.is_grassroots:
                at("organisation", code, f"上级“{ref}”不是总工会或工会联合会", "parent", "org.parent")
        rel = layout.org_file(code)
        for i, c in enumerate(org.committees):
            for j, seat in enumerate(c.seats):
                if seat.member and seat.member not in ws.members:
                    problems.append(
                        _problem_in(
                            ws,
                            rel,
                            ("committee", i, "seat", j, "member"),
                            f"委员对应的会员“{seat.member}”不存在",
                            "org.seat",
                        )
                    )
        for i, e in enumerate(org.enterprises):
            if e.union and e.union not in ws.organisations:
                problems.append(
                    _problem_in(
                        ws,
                        rel,
                        ("enterprise", i, "union"),
                        f"单位“{e.name}”所建工会“{e.union}”不存在",
                        "org.enterprise",
                    )
                )
        _detect_cycle(ws, code, problems)
    for ev in ws.events.values():
        for co in ev.co_organisers:
            if co not in ws.organisations:
                at("event", ev.id, f"协办组织“{co}”不存在", "co_organisers", "event.ref")
        missing = [m for m in ev.participants if m not in ws.members]
        if missing:
            at(
                "event",
                ev.id,
                f"参加会员“{missing[0]}”不存在" + (f"等{len(missing)}人" if len(missing) > 1 else ""),
                "participants",
                "event.ref",
            )
        w = ws.where("event", ev.id)
        for i, r in enumerate(ev.results):
            if r.member and r.member not in ws.members and w is not None:
                problems.append(
                    _problem_in(
                        ws, w[0], (*w[1], "result", i, "member"), f"获奖会员“{r.member}”不存在", "event.ref"
                    )
                )
    for entries in ws.entries.values():
        for en in entries:
            if en.member and en.member not in ws.members:
                at("entry", en.ref, f"会员“{en.member}”不存在", "member", "entry.ref")
            if en.event and en.event not in ws.events:
                at("entry", en.ref, f"活动“{en.event}”不存在", "event", "entry.ref")
            gone = [r for r in en.recipients if r not in ws.members]
            if gone:
                at("entry", en.ref, f"领取人“{gone[0]}”不存在", "recipients", "entry.ref")
    for coll in ws.collections.values():
        if not _has_refs(coll.fields):
            continue
        for rec in ws.records.get(coll.name, {}).values():
            w = ws.where(coll.name, rec.key)
            for path, kind, item in _refs_in(rec.data, coll.fields, ()):
                if ws.ref_exists(kind, item):
                    continue
                field = next((f for f in coll.fields if f.name == path[0]), None)
                msg = f"“{field.title if field else path[0]}”引用的“{item}”不存在"
                if w is None:
                    problems.append(Problem(msg, rule="record.ref", plugin=coll.plugin))
                else:
                    p = _problem_in(ws, w[0], (*w[1], *path), msg, "record.ref")
                    problems.append(attrs.evolve(p, plugin=coll.plugin))


def _has_refs(fields: tuple[Field, ...]) -> bool:
    return any(f.ref or _has_refs(f.fields) for f in fields)


def _refs_in(
    values: Mapping[str, Any], fields: tuple[Field, ...], path: KeyPath
) -> list[tuple[KeyPath, str, str]]:
    """(path, kind, key) of every reference in a record, nested tables included."""
    out: list[tuple[KeyPath, str, str]] = []
    for f in fields:
        v = values.get(f.name)
        if v is None:
            continue
        if f.kind is Kind.TABLE and isinstance(v, dict):
            out += _refs_in(v, f.fields, (*path, f.name))
        elif f.kind is Kind.TABLE_LIST and isinstance(v, list):
            for i, item in enumerate(v):
                if isinstance(item, dict):
                    out += _refs_in(item, f.fields, (*path, f.name, i))
        elif f.ref:
            for item in v if isinstance(v, list) else [v]:
                if item:
                    out.append(((*path, f.name), f.ref, str(item)))
    return out


def _problem_in(ws: Workspace, rel: str, path: KeyPath, message: str, rule: str) -> Problem:
    sf = ws.files.get(rel)
    if sf is None:
        return Problem(message, file=rel, path=path, rule=rule)
    return sf.problem(message, path, rule=rule)


def _detect_cycle(ws: Workspace, code: str, problems: list[Problem]) -> None:
    seen = {code}
    cur = ws.organisations[code].parent
    while cur is not None and cur in ws.organisations:
        if cur == code:
            problems.append(
                ws.problem_at("organisation", code, "上级关系形成了循环", field="parent", rule="org.parent")
            )
            return
        if cur in seen:
            return
        seen.add(cur)
        cur = ws.organisations[cur].parent
