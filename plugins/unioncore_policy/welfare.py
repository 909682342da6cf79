"""慰问 and welfare paid to people: 实名发放 to members of the paying union, the right account, the
statutory festivals and the provincial standards (shared/domain.md §4).

National rules (always on): payments go to named members (`member`/`recipients`) who hold 会籍 in
the paying union on the day (a federation may pay members of the unions below it); approval and
signature (实名发放、实名签收); (that retired members get no union-fund welfare except the retirement
souvenir is the core's rule `member.retained-welfare`, which covers every 保留会籍 member);
the purpose's account; festival gifts only for the statutory festivals and configured minority
festivals; a birthday gift once a year; a retirement souvenir once; hardship aid with a hardship file.

Provincial rules (from the preset, or `[settings.policy.caps]`): the yearly festival cap per member,
per-festival caps, allowed festival payment methods, per-occasion caps, and "the same illness at most
once a year" for hospital visits.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING

from unioncore import Severity
from unioncore.member import Status

from .book import book
from .payments import ILLNESS_RE, RELATION_RE, Payment, memo_note, org_on, payments, who, yuan
from .presets import CAP_LABELS, STATUTORY_FESTIVALS
from .rules import entry_problem
from .settings import PURPOSE_ACCOUNT_SOURCE

if TYPE_CHECKING:
    from unioncore import Problem, Workspace

    from .settings import PolicySettings

HARDSHIP_COLLECTION = "hardship_file"  # owned by the assistance plugin: id, member, opened, closed
HARDSHIP_CATEGORY = "hardship"  # the core's member category 困难职工
BIRTHDAY_METHODS = (
    "实物",
    "蛋糕券",
    "提货券",
)  # 《基层工会经费收支管理办法》: cake in kind or a cake voucher

EVENT_CAPS = {
    "生日慰问": "birthday",
    "婚育慰问": "wedding_childbirth",
    "住院慰问": "hospital",
    "退休纪念": "retirement",
    "困难帮扶": "hardship",
}


def _cap_source(settings: PolicySettings, key: str, festival: str | None = None) -> str:
    """The preset's source when the cap is the preset's, else the workspace's own setting."""
    preset = settings.preset
    ours = settings.festival_caps.get(festival) if festival else settings.caps.get(key)
    theirs = preset.festival_caps.get(festival) if festival else preset.caps.get(key)
    if ours is not None and ours == theirs:
        return preset.source
    return "unioncore.toml [settings.policy] 自定标准"


def check_welfare(ws: Workspace, settings: PolicySettings) -> list[Problem]:
    problems: list[Problem] = []
    below: dict[str, set[str]] = {}
    festival_year: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    festival_each: dict[tuple[str, int, str], Decimal] = defaultdict(Decimal)
    birthdays: dict[tuple[str, int], int] = defaultdict(int)
    retirements: dict[str, int] = defaultdict(int)
    illnesses: dict[tuple[str, int], list[str | None]] = defaultdict(list)
    hardship_files = _hardship_files(ws)

    for p in payments(ws):
        e = p.entry
        if e.org not in below:
            below[e.org] = {e.org} | {o.code for o in ws.descendants(e.org)}
        problems += _named(ws, p, settings, below[e.org])
        if p.is_festival:
            problems += _festival(ws, p, settings, festival_year, festival_each)
        problems += _event_cap(ws, p, settings)
        year = e.date.year
        if p.kind == "生日慰问":
            for mid in p.people:
                birthdays[(mid, year)] += 1
                if birthdays[(mid, year)] > 1:
                    problems.append(
                        entry_problem(
                            ws,
                            "policy.birthday-once",
                            e.ref,
                            f"{who(ws, mid)} {year}年第{birthdays[(mid, year)]}次领取生日慰问：每人每年一次",
                            "recipients" if e.recipients else "member",
                        )
                    )
            if e.method is not None and e.method not in BIRTHDAY_METHODS:
                problems.append(
                    entry_problem(
                        ws,
                        "policy.birthday-method",
                        e.ref,
                        f"生日慰问以“{e.method}”发放：应为蛋糕等实物或指定蛋糕店的蛋糕券",
                        "method",
                    )
                )
        elif p.kind == "退休纪念":
            for mid in p.people:
                retirements[mid] += 1
                if retirements[mid] > 1:
                    problems.append(
                        entry_problem(
                            ws,
                            "policy.retirement-once",
                            e.ref,
                            f"{who(ws, mid)} 第{retirements[mid]}次领取退休纪念品：每人退休时一次",
                            "recipients" if e.recipients else "member",
                        )
                    )
        elif p.kind == "住院慰问" and settings.hospital_once_a_year:
            problems += _hospital(ws, p, settings, illnesses)
        elif p.kind == "丧葬慰问":
            relation = memo_note(e.memo, RELATION_RE)
            if relation is not None and relation not in settings.relatives:
                problems.append(
                    entry_problem(
                        ws,
                        "policy.death-relative",
                        e.ref,
                        f"丧葬慰问的亲属“{relation}”不是直系亲属（{'、'.join(settings.relatives)}）",
                        "memo",
                    )
                )
        if p.is_hardship:
            problems += _hardship(ws, p, hardship_files)
    problems += _purpose_missing(ws)
    return problems


def _named(ws: Workspace, p: Payment, settings: PolicySettings, own: set[str]) -> list[Problem]:
    """实名发放 to members of the paying union, approved and signed for; the purpose's account."""
    e = p.entry
    out: list[Problem] = []
    if not p.people and p.kind != "其他":
        out.append(
            entry_problem(
                ws,
                "policy.payee-named",
                e.ref,
                f"{p.kind} {yuan(e.amount)} 元没有领取人：应实名发放（填写 member 或 recipients）",
                "recipients",
            )
        )
    if p.people or p.kind != "其他":
        if not e.approver:
            out.append(
                entry_problem(ws, "policy.approval", e.ref, f"{p.kind}未填写审批人（approver）", "approver")
            )
        if e.signed is not True:
            out.append(
                entry_problem(
                    ws, "policy.approval", e.ref, f"{p.kind}尚未实名签收（签收后填 signed = true）", "signed"
                )
            )
    org = ws.organisations.get(e.org)
    county = org is not None and org.kind.account_level == "county"
    if p.purpose:
        accounts = settings.accounts_for(p.purpose, county)
        if accounts and not any(e.account.startswith(a) for a in accounts):
            wanted = "、".join(f"{a} {acc.name}" if (acc := ws.chart.get(a)) else a for a in accounts)
            out.append(
                entry_problem(
                    ws,
                    "policy.purpose-account",
                    e.ref,
                    f"用途“{p.purpose}”应记入 {wanted}，不是 {e.account}",
                    "account",
                    source=PURPOSE_ACCOUNT_SOURCE,
                )
            )
    field = "recipients" if e.recipients else "member"
    other: list[str] = []
    gone: list[str] = []
    for mid in p.people:
        m = ws.members.get(mid)
        if m is None:
            continue  # the core reports unknown members
        st = m.status_on(e.date)
        if st is None:
            gone.append(f"{who(ws, mid)}（{m.joined.isoformat() if m.joined else '?'} 才入会）")
            continue
        if st in (Status.LEFT, Status.TRANSFERRED_OUT) or (st is Status.DECEASED and p.kind != "丧葬慰问"):
            gone.append(f"{who(ws, mid)}（已{st.value}）")
            continue
        was = org_on(m, e.date)
        if was not in own:
            other.append(f"{who(ws, mid)}（{was or '外单位'}）")
    if other:
        out.append(
            entry_problem(
                ws,
                "policy.payee-union",
                e.ref,
                f"领取人不是本会会员：{_first(other)}：工会经费只用于本会会员",
                field,
            )
        )
    if gone:
        out.append(
            entry_problem(
                ws,
                "policy.payee-union",
                e.ref,
                f"领取人在 {e.date.isoformat()} 不持有会籍：{_first(gone)}",
                field,
            )
        )
    return out


def _first(items: list[str], limit: int = 3) -> str:
    return "、".join(items[:limit]) + (f" 等{len(items)}人" if len(items) > limit else "")


def _festival(
    ws: Workspace,
    p: Payment,
    settings: PolicySettings,
    per_year: dict[tuple[str, int], Decimal],
    per_festival: dict[tuple[str, int, str], Decimal],
) -> list[Problem]:
    e = p.entry
    out: list[Problem] = []
    fest = e.festival
    if fest is None:
        out.append(
            entry_problem(
                ws, "policy.festival-statutory", e.ref, "节日慰问应写明节日（festival）", "festival"
            )
        )
    elif fest == "其他":
        if not any(name in (e.memo or "") for name in settings.minority_festivals):
            allowed = "、".join(settings.minority_festivals) or "（未设置）"
            out.append(
                entry_problem(
                    ws,
                    "policy.festival-statutory",
                    e.ref,
                    "节日为“其他”：只有经自治区级以上政府批准的少数民族节日可发节日慰问，"
                    f"须在摘要中写明节日名称，且列在 minority_festivals 中（现为：{allowed}）",
                    "festival",
                )
            )
    elif fest not in STATUTORY_FESTIVALS:
        out.append(
            entry_problem(
                ws,
                "policy.festival-statutory",
                e.ref,
                f"“{fest}”不是可发节日慰问的法定节日（{'、'.join(STATUTORY_FESTIVALS)}）："
                "该节日的活动应作为会员活动列支，不发节日慰问品",
                "festival",
            )
        )
    methods = settings.festival_methods
    if methods is not None:
        src = settings.preset.source if methods == settings.preset.festival_methods else None
        if e.method is None:
            out.append(
                entry_problem(
                    ws,
                    "policy.festival-method",
                    e.ref,
                    f"节日慰问未填写发放方式（method）：本省只允许{'、'.join(methods)}",
                    "method",
                    source=src,
                    severity=Severity.WARNING,
                )
            )
        elif e.method not in methods:
            out.append(
                entry_problem(
                    ws,
                    "policy.festival-method",
                    e.ref,
                    f"节日慰问不得以“{e.method}”发放：本省只允许{'、'.join(methods)}（不发现金、购物卡）",
                    "method",
                    source=src,
                )
            )
    year = e.date.year
    field = "recipients" if e.recipients else "member"
    people = p.people or ()
    cap = settings.cap("festival_year")
    if cap is not None:
        crossed = []
        for mid in people:
            before = per_year[(mid, year)]
            per_year[(mid, year)] += p.share
            if before <= cap < per_year[(mid, year)]:
                crossed.append(f"{who(ws, mid)} 累计 {yuan(per_year[(mid, year)])} 元")
        if crossed:
            out.append(
                entry_problem(
                    ws,
                    "policy.festival-cap",
                    e.ref,
                    f"节日慰问超过每人每年 {yuan(cap)} 元的标准：{_first(crossed)}",
                    field,
                    source=_cap_source(settings, "festival_year"),
                )
            )
    if fest is not None and settings.festival_caps:
        key = fest if fest in settings.festival_caps else "其他"
        fcap = settings.festival_caps.get(key)
        if fcap is not None:
            crossed = []
            for mid in people:
                before = per_festival[(mid, year, fest)]
                per_festival[(mid, year, fest)] += p.share
                if before <= fcap < per_festival[(mid, year, fest)]:
                    crossed.append(f"{who(ws, mid)} 累计 {yuan(per_festival[(mid, year, fest)])} 元")
            if crossed:
                label = fest if key == fest else f"{fest}（其他节日）"
                out.append(
                    entry_problem(
                        ws,
                        "policy.festival-cap",
                        e.ref,
                        f"{label}慰问超过每人 {yuan(fcap)} 元的标准：{_first(crossed)}",
                        field,
                        source=_cap_source(settings, "", key),
                    )
                )
    return out


def _event_cap(ws: Workspace, p: Payment, settings: PolicySettings) -> list[Problem]:
    e = p.entry
    key = EVENT_CAPS.get(p.kind)
    if p.kind == "丧葬慰问":
        key = "death_relative" if memo_note(e.memo, RELATION_RE) else "death_member"
    if key is None:
        return []
    cap = settings.cap(key)
    if cap is None or p.share <= cap:
        return []
    each = "每人" if len(p.people) > 1 else ""
    return [
        entry_problem(
            ws,
            "policy.event-cap",
            e.ref,
            f"{CAP_LABELS[key]}{each} {yuan(p.share)} 元，超过标准 {yuan(cap)} 元",
            "amount",
            source=_cap_source(settings, key),
        )
    ]


def _hospital(
    ws: Workspace, p: Payment, settings: PolicySettings, seen: dict[tuple[str, int], list[str | None]]
) -> list[Problem]:
    """The same illness at most once a year; the illness is the memo's `病因：…` note."""
    e = p.entry
    out: list[Problem] = []
    illness = memo_note(e.memo, ILLNESS_RE)
    for mid in p.people:
        before = seen[(mid, e.date.year)]
        if illness is not None and illness in before:
            out.append(
                entry_problem(
                    ws,
                    "policy.hospital-once",
                    e.ref,
                    f"{who(ws, mid)} {e.date.year}年已因“{illness}”领取过住院慰问：同一疾病每年一次",
                    "memo",
                    source=settings.preset.source if settings.preset.hospital_once_a_year else None,
                )
            )
        elif before and (illness is None or None in before):
            out.append(
                entry_problem(
                    ws,
                    "policy.hospital-illness",
                    e.ref,
                    f"{who(ws, mid)} {e.date.year}年第{len(before) + 1}次住院慰问，摘要未注明“病因：…”，"
                    "无法核对是否同一疾病（同一疾病每年一次）",
                    "memo",
                )
            )
        before.append(illness)
    return out


def _hardship_files(
    ws: Workspace,
) -> dict[str, list[tuple[datetime.date | None, datetime.date | None]]] | None:
    """Open periods of each member's hardship files, or None when no plugin owns them."""
    if HARDSHIP_COLLECTION not in ws.collections:
        return None
    out: dict[str, list[tuple[datetime.date | None, datetime.date | None]]] = defaultdict(list)
    for rec in ws.records_of(HARDSHIP_COLLECTION):
        member = rec.get("member")
        if isinstance(member, str):
            opened = rec.get("opened")
            closed = rec.get("closed")
            out[member].append(
                (
                    opened if isinstance(opened, datetime.date) else None,
                    closed if isinstance(closed, datetime.date) else None,
                )
            )
    return out


def _hardship(
    ws: Workspace,
    p: Payment,
    files: dict[str, list[tuple[datetime.date | None, datetime.date | None]]] | None,
) -> list[Problem]:
    """Hardship aid needs a hardship file (建档) open on the day; without the assistance plugin's
    `hardship_file` records, the core's member category 困难职工 stands for the file."""
    e = p.entry
    missing = []
    for mid in p.people:
        m = ws.members.get(mid)
        if m is None:
            continue
        if files is None:
            if not m.has_category(HARDSHIP_CATEGORY):
                missing.append(who(ws, mid))
        elif not any(
            (opened is None or opened <= e.date) and (closed is None or e.date <= closed)
            for opened, closed in files.get(mid, ())
        ):
            missing.append(who(ws, mid))
    if not missing:
        return []
    what = (
        f"在 {e.date.isoformat()} 没有在档的困难职工档案（{HARDSHIP_COLLECTION}）"
        if files is not None
        else "不是困难职工（会员类别 hardship）"
    )
    return [
        entry_problem(
            ws,
            "policy.hardship-file",
            e.ref,
            f"困难帮扶对象 {_first(missing)} {what}：帮扶须先建档",
            "recipients" if e.recipients else "member",
        )
    ]


def _purpose_missing(ws: Workspace) -> list[Problem]:
    """An expense to people on a welfare account without a purpose cannot be checked."""
    out = []
    for e in book(ws).unpurposed:  # no purpose or festival, on a welfare account
        if e.people and e.is_expense(ws.chart):
            out.append(
                entry_problem(
                    ws,
                    "policy.purpose-missing",
                    e.ref,
                    "发给个人的支出未填写用途（purpose，如 住院慰问、困难帮扶），无法按标准核对",
                    "purpose",
                )
            )
    return out
