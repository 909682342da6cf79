"""The assistance plugin's rules: hardship files, aid and mutual medical enrolments.

Each rule names its source; the provincial amounts are settings (`settings.py`).
"""

from __future__ import annotations

import datetime
import itertools
from collections import defaultdict
from decimal import Decimal

from unioncore import Problem, Rule, Severity, Workspace
from unioncore.records import Record

from . import aid as aidmod
from . import hardship
from .records import AID, CLAIM_FIELDS, HARDSHIP_FILE, MUTUAL, REVIEW_FIELDS, items, usable
from .settings import FESTIVAL_LIMIT, TOTAL_LIMIT, AssistanceSettings, read_settings

HARDSHIP_STANDARD = "困难职工建档标准（全总，各地实施办法）"
ANHUI_2025 = "皖工发〔2025〕18号"
PROVINCIAL_LIMITS = "各省基层工会经费收支管理实施办法（限额按设置）"
ACCOUNTING = "《工会会计制度》（财会〔2021〕7号）"
ENTRY_DATE_DAYS = 30  # an aid and the voucher that paid it fall in the same month or so


def _rule(code: str, title: str, severity: Severity, source: str | None = None) -> Rule:
    return Rule(f"assistance.{code}", title, severity, source)


CLASS = _rule("class", "困难类别与按低保标准测算的类别一致", Severity.WARNING, HARDSHIP_STANDARD)
DIBAO = _rule("dibao", "设置了所在城市当年的低保标准", Severity.WARNING, HARDSHIP_STANDARD)
REVIEW = _rule("review", "在档困难职工档案每年复核", Severity.WARNING, "困难职工档案动态管理（年度复核）")
NEVER_HELPED = _rule("never-helped", "在档困难职工得到帮扶", Severity.HINT, "困难职工帮扶工作")
CATEGORY = _rule("category", "会员类别“困难职工”与在档档案一致", Severity.HINT)
DUPLICATE_FILE = _rule("duplicate-file", "一名会员同时只有一份在档档案", Severity.WARNING)
DATES = _rule("dates", "建档、复核、脱困日期前后一致", Severity.ERROR)
RECIPIENT = _rule(
    "recipient",
    "帮扶对象是会员或在档困难职工",
    Severity.ERROR,
    "《基层工会经费收支管理办法》；" + ANHUI_2025,
)
FILE_OPEN = _rule("file-open", "帮扶所引困难档案在帮扶日期在档", Severity.WARNING, ANHUI_2025)
FILE_REQUIRED = _rule(
    "file-required", "生活、医疗救助和金秋助学对象有困难职工档案", Severity.WARNING, ANHUI_2025
)
AMOUNT = _rule("amount", "帮扶有现金或物品折价，金额不为负", Severity.ERROR)
ENTRY = _rule("entry", "本级经费的现金帮扶有同等金额的记账凭证", Severity.ERROR, ACCOUNTING)
ENTRY_MEMBER = _rule("entry-member", "凭证的领取人与帮扶对象一致（实名发放）", Severity.WARNING, ANHUI_2025)
ENTRY_DATE = _rule("entry-date", "凭证日期与帮扶日期相近（30天内）", Severity.WARNING, ACCOUNTING)
LIMIT = _rule("limit", "每人每年帮扶不超过设置的上限（含节日慰问）", Severity.ERROR, PROVINCIAL_LIMITS)
PER_AID_LIMIT = _rule("per-aid-limit", "单次帮扶不超过设置的上限", Severity.ERROR, ANHUI_2025)
AID_FIELDS = _rule("aid-fields", "金秋助学写明子女和学校，探望写明事由", Severity.WARNING)
MUTUAL_DUPLICATE = _rule("mutual-duplicate", "互助保障每人每年每项目登记一次", Severity.ERROR)
MUTUAL_CLAIM = _rule("mutual-claim", "互助金给付在保障年度内且不超过申请金额", Severity.ERROR)
MUTUAL_MEMBER = _rule(
    "mutual-member", "参加互助保障的是会员", Severity.WARNING, "职工互助保障章程（限工会会员）"
)
SETTINGS = _rule("settings", "unioncore.toml 中 settings.assistance 的设置有效", Severity.ERROR)

RULES = [
    CLASS,
    DIBAO,
    REVIEW,
    NEVER_HELPED,
    CATEGORY,
    DUPLICATE_FILE,
    DATES,
    RECIPIENT,
    FILE_OPEN,
    FILE_REQUIRED,
    AMOUNT,
    ENTRY,
    ENTRY_MEMBER,
    ENTRY_DATE,
    LIMIT,
    PER_AID_LIMIT,
    AID_FIELDS,
    MUTUAL_DUPLICATE,
    MUTUAL_CLAIM,
    MUTUAL_MEMBER,
    SETTINGS,
]


class _Found:
    """Collects problems located at records, each with its rule's code, severity and source."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.problems: list[Problem] = []

    def at(
        self,
        rule: Rule,
        kind: str,
        key: str,
        message: str,
        field: str | None = None,
        sub: tuple[str | int, ...] | None = None,
    ) -> None:
        path = None
        if sub is not None:
            where = self.ws.where(kind, key)
            path = (*where[1], *sub) if where is not None else None
        self.problems.append(self.ws.rule_problem(rule, kind, key, message, field=field, path=path))


def yuan(amount: Decimal) -> str:
    return f"{amount:,.2f}元"


def check(ws: Workspace) -> list[Problem]:
    settings, problems = read_settings(ws)
    found = _Found(ws)
    files = hardship.files(ws)
    aids = aidmod.aids(ws)
    _check_files(ws, settings, files, aids, found)
    _check_aid(ws, settings, files, aids, found)
    _check_limits(ws, settings, aids, found)
    _check_mutual(ws, found)
    return problems + found.problems


# -- hardship files -------------------------------------------------------------------------------
def _check_files(
    ws: Workspace,
    settings: AssistanceSettings,
    files: list[Record],
    aids: list[Record],
    found: _Found,
) -> None:
    today = ws.as_of
    helped: dict[str, list[datetime.date]] = defaultdict(list)
    for given in aids:
        who = aidmod.recipient(ws, given)
        if who:
            helped[who].append(given["date"])
    missing_lines: set[tuple[str | None, int]] = set()
    for rec in files:
        key = rec.key
        opened, closed = rec["opened"], rec.get("closed")
        if closed is not None and closed < opened:
            found.at(DATES, HARDSHIP_FILE, key, "脱困日期早于建档日期", "closed")
        for i, review in items(rec, "review", REVIEW_FIELDS):
            if review["date"] < opened:
                found.at(DATES, HARDSHIP_FILE, key, "复核日期早于建档日期", sub=("review", i, "date"))
            elif closed is not None and review["date"] > closed:
                found.at(DATES, HARDSHIP_FILE, key, "复核日期晚于脱困日期", sub=("review", i, "date"))
        if not hardship.is_open(rec, today):
            continue
        # 困难职工建档标准 (§8.8): the stored class must be the one the figures give
        a = hardship.assess(rec, settings)
        if a.line is None:
            if (a.city, a.on.year) not in missing_lines:
                missing_lines.add((a.city, a.on.year))
                where = f"{a.city}{a.on.year}年" if a.city else f"{a.on.year}年（未设置 city）"
                found.at(
                    DIBAO,
                    HARDSHIP_FILE,
                    key,
                    f"未设置{where}的低保标准，无法测算困难类别：请在 [settings.assistance.dibao] 中填写",
                    "class",
                )
        elif a.per_capita is not None and a.computed != rec["class"]:
            basis = f"家庭人均月收入{a.per_capita:.2f}元，{a.city}{a.on.year}年低保标准{a.line:.2f}元"
            if a.computed is None:
                msg = f"档案类别为“{rec['class']}”，但按测算已不属于困难职工（{basis}）：请复核或办理脱困"
            else:
                msg = f"档案类别为“{rec['class']}”，按测算应为“{a.computed}”（{basis}）"
            found.at(CLASS, HARDSHIP_FILE, key, msg, "class")
        # 动态管理: an open file is reviewed every year
        last = hardship.last_assessed(rec)
        if (today - last).days > settings.review_days:
            found.at(
                REVIEW,
                HARDSHIP_FILE,
                key,
                f"档案最近一次核查在{last.isoformat()}，已超过{settings.review_days}天未复核",
                "review" if rec.get("review") else "opened",
            )
        member = rec["member"]
        if not any(d >= opened for d in helped.get(member, ())):
            found.at(
                NEVER_HELPED, HARDSHIP_FILE, key, f"自{opened.isoformat()}建档以来没有帮扶记录", "member"
            )
        m = ws.members.get(member)
        if m is not None and not m.has_category("hardship"):
            found.at(
                CATEGORY, HARDSHIP_FILE, key, f"{m.name}有在档困难档案，会员类别中却没有“困难职工”", "member"
            )
    # one open file per member at a time
    by_member: dict[str, list[Record]] = defaultdict(list)
    for rec in files:
        by_member[rec["member"]].append(rec)
    for recs in by_member.values():
        for earlier, later in itertools.pairwise(recs):
            if earlier.get("closed") is None or earlier["closed"] > later["opened"]:
                found.at(
                    DUPLICATE_FILE,
                    HARDSHIP_FILE,
                    later.key,
                    f"该会员已有在档的困难档案“{earlier.key}”（应先办理脱困或在原档案中复核）",
                    "member",
                )
    holders = {r["member"] for r in files if hardship.is_open(r, today)}
    for m in ws.members.values():
        if m.has_category("hardship") and m.status.is_member and m.id not in holders:
            found.problems.append(
                ws.problem_at(
                    "member",
                    m.id,
                    f"{m.name}的类别为“困难职工”，但没有在档的困难职工档案",
                    field="categories",
                    severity=CATEGORY.severity,
                    rule=CATEGORY.code,
                    source=CATEGORY.source,
                )
            )


# -- aid -----------------------------------------------------------------------------------------
def _check_aid(
    ws: Workspace,
    settings: AssistanceSettings,
    files: list[Record],
    aids: list[Record],
    found: _Found,
) -> None:
    entries = aidmod.entry_index(ws, (str(r["entry"]) for r in aids if r.get("entry")))
    by_entry: dict[str, list[Record]] = defaultdict(list)
    files_of: dict[str, list[Record]] = defaultdict(list)  # each member's files, in `files` order
    for f in files:
        files_of[f["member"]].append(f)
    for rec in aids:
        key, day, kind = rec.key, rec["date"], rec["kind"]
        file_key = rec.get("file")
        file = ws.records.get(HARDSHIP_FILE, {}).get(file_key) if file_key else None
        member = aidmod.recipient(ws, rec)
        # the recipient: a member on the day, or a household with a file on record
        if not rec.get("member") and not file_key:
            found.at(RECIPIENT, AID, key, "帮扶没有对象：请填写会员（member）或困难档案（file）", "member")
        elif file is not None and rec.get("member") and file["member"] != rec["member"]:
            found.at(
                RECIPIENT,
                AID,
                key,
                f"帮扶对象“{rec['member']}”与困难档案“{file_key}”的会员“{file['member']}”不一致",
                "file",
            )
        elif member is not None and member in ws.members:
            m = ws.members[member]
            status = m.status_on(day)
            on_file = hardship.open_files(ws, member, day, files_of.get(member, ()))
            if (status is None or not status.is_member) and not on_file:
                state = "尚未入会" if status is None else f"已{status.value}"
                found.at(
                    RECIPIENT,
                    AID,
                    key,
                    f"{m.name}在{day.isoformat()}{state}，也没有在档的困难职工档案，不能从工会经费中帮扶",
                    "member",
                )
            if file is not None and not hardship.is_open(file, day):
                found.at(
                    FILE_OPEN,
                    AID,
                    key,
                    f"困难档案“{file_key}”在{day.isoformat()}不在档（未建档或已脱困）",
                    "file",
                )
            elif kind in settings.file_required_kinds and not on_file:
                found.at(
                    FILE_REQUIRED,
                    AID,
                    key,
                    f"{kind}应发给在档困难职工，{m.name}在{day.isoformat()}没有在档的困难职工档案",
                    "member",
                )
        # amounts
        c, g = rec.get("cash"), rec.get("goods")
        if (c is not None and c < 0) or (g is not None and g < 0):
            found.at(
                AMOUNT, AID, key, "现金和物品折价不能为负数", "cash" if c is not None and c < 0 else "goods"
            )
        elif aidmod.value(rec) == 0:
            found.at(AMOUNT, AID, key, "帮扶没有金额：请填写现金（cash）或物品折价（goods）", "cash")
        if kind == "金秋助学":
            missing = [
                label for name, label in (("child", "子女姓名"), ("school", "就读学校")) if not rec.get(name)
            ]
            if missing:
                found.at(AID_FIELDS, AID, key, f"金秋助学应写明{'和'.join(missing)}", "child")
        if kind == "探望" and not rec.get("occasion"):
            found.at(AID_FIELDS, AID, key, "探望应写明事由（患病住院、生育或丧亲）", "occasion")
        limit = settings.per_aid_limits.get(kind) if aidmod.own_funds(rec) else None
        if limit is not None and aidmod.value(rec) > limit:
            found.at(
                PER_AID_LIMIT, AID, key, f"单次{kind}{yuan(aidmod.value(rec))}，超过上限{yuan(limit)}", "cash"
            )
        # the voucher that paid it
        ref = rec.get("entry")
        if not ref:
            if aidmod.cash(rec) > 0 and aidmod.own_funds(rec):
                found.at(
                    ENTRY, AID, key, f"现金帮扶{yuan(aidmod.cash(rec))}没有对应的记账凭证（entry）", "cash"
                )
            continue
        err = aidmod.entry_ref_error(ref)
        if err:
            found.at(ENTRY, AID, key, err, "entry")
            continue
        entry = entries.get(ref)
        if entry is None:
            found.at(ENTRY, AID, key, f"记账凭证“{ref}”不存在", "entry")
            continue
        by_entry[ref].append(rec)
        gap = abs((entry.date - day).days)
        if gap > ENTRY_DATE_DAYS:
            found.at(
                ENTRY_DATE,
                AID,
                key,
                f"凭证“{ref}”记账日期{entry.date.isoformat()}与帮扶日期相差{gap}天",
                "date",
            )
        people = entry.people
        if member and people and member not in people:
            found.at(ENTRY_MEMBER, AID, key, f"凭证“{ref}”的领取人中没有帮扶对象“{member}”", "entry")
    # one voucher pays one aid, or a batch of aid (e.g. 送温暖 to several households): the amounts
    # must agree — the cash of the aid, or for goods-only aid the goods bought
    for ref, recs in by_entry.items():
        entry = entries[ref]
        paid_cash = sum((aidmod.cash(r) for r in recs), Decimal(0))
        total = paid_cash if paid_cash else sum((aidmod.goods(r) for r in recs), Decimal(0))
        what = "现金" if paid_cash else "物品折价"
        if total != entry.amount:
            many = f"（{len(recs)}条帮扶记录合计）" if len(recs) > 1 else ""
            found.at(
                ENTRY,
                AID,
                recs[0].key,
                f"凭证“{ref}”金额{yuan(entry.amount)}，与帮扶{what}{yuan(total)}{many}不符",
                "entry",
            )


def _check_limits(ws: Workspace, settings: AssistanceSettings, aids: list[Record], found: _Found) -> None:
    """Yearly per-member limits (provincial: §4.5-4.7) on what the union pays from its own funds,
    reported at the aid that passes the limit. The ledger's own festival gifts (节日慰问 entries) are
    not counted here: the policy plugin checks those against the festival cap."""
    if not settings.limits:
        return
    totals: dict[tuple[str, int, str], Decimal] = defaultdict(Decimal)
    for rec in aids:
        member = aidmod.recipient(ws, rec)
        if member is None or not aidmod.own_funds(rec):
            continue
        year = rec["date"].year
        keys = [rec["kind"], TOTAL_LIMIT]
        if aidmod.is_festival(rec):
            keys.append(FESTIVAL_LIMIT)
        for limit_key in keys:
            limit = settings.limits.get(limit_key)
            if limit is None:
                continue
            before = totals[(member, year, limit_key)]
            after = before + aidmod.value(rec)
            totals[(member, year, limit_key)] = after
            if before <= limit < after:
                what = "全部帮扶" if limit_key == TOTAL_LIMIT else limit_key
                name = ws.members[member].name if member in ws.members else member
                found.at(
                    LIMIT,
                    AID,
                    rec.key,
                    f"{name}{year}年{what}累计{yuan(after)}，超过每人每年上限{yuan(limit)}",
                    "cash",
                )


# -- mutual medical --------------------------------------------------------------------------------
def _check_mutual(ws: Workspace, found: _Found) -> None:
    seen: dict[tuple[str, int, str], str] = {}
    for rec in sorted(usable(ws, MUTUAL), key=lambda r: (r["year"], r.key)):
        key, year = rec.key, rec["year"]
        ident = (rec["member"], year, rec["scheme"])
        if ident in seen:
            found.at(
                MUTUAL_DUPLICATE,
                MUTUAL,
                key,
                f"{year}年{rec['scheme']}已登记（“{seen[ident]}”），不能重复参保",
                "member",
            )
        else:
            seen[ident] = key
        if rec["premium"] <= 0:
            found.at(AMOUNT, MUTUAL, key, "互助金应大于零", "premium")
        start = rec.get("enrolled") or datetime.date(year, 1, 1)
        if rec.get("enrolled") and rec["enrolled"].year > year:
            found.at(MUTUAL_CLAIM, MUTUAL, key, f"参保日期晚于保障年度{year}年", "enrolled")
        m = ws.members.get(rec["member"])
        if m is not None:
            status = m.status_on(start)
            if status is None or not status.is_member:
                found.at(MUTUAL_MEMBER, MUTUAL, key, f"{m.name}在{start.isoformat()}不是会员", "member")
        for i, claim in items(rec, "claim", CLAIM_FIELDS):
            day = claim["date"]
            if day.year != year or day < start:
                found.at(
                    MUTUAL_CLAIM,
                    MUTUAL,
                    key,
                    f"就医日期{day.isoformat()}不在保障期（{start.isoformat()}至{year}-12-31）内",
                    sub=("claim", i, "date"),
                )
            paid, asked = claim.get("paid"), claim.get("amount")
            if paid is not None and paid < 0:
                found.at(MUTUAL_CLAIM, MUTUAL, key, "给付金额不能为负", sub=("claim", i, "paid"))
            elif paid is not None and asked is not None and paid > asked:
                found.at(
                    MUTUAL_CLAIM,
                    MUTUAL,
                    key,
                    f"给付{yuan(paid)}超过申请金额{yuan(asked)}",
                    sub=("claim", i, "paid"),
                )
