"""Deterministic synthetic workspaces: `small` (the example: a 街道总工会 with 7 基层工会, ~150
members, a year of activities and ledger) and `district` (2,000 unions, 100,000 members, 200,000
ledger entries, 20,000 events) for benchmarks and tests.

Both enable the built-in plugins that are installed, with the settings a real union would keep,
and let each add records of its own collections through the `unioncore_demo_data` hook
(`plugins/unioncore_<name>/demo_data.py`); a plugin whose hook fails is reported by name and the
workspace is still written.

All people are invented: names from common surnames and given-name characters, 公民身份号码 with
real address codes and correct check digits (they pass GB 11643 checks but belong to nobody).
Built through the public API, so the files are exactly what unioncore itself writes.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from .identifiers import ric_check_char, uscc_check_char
from .ledger import BudgetLine
from .loader import init, load
from .member import Status
from .organisation import Committee, CommitteeKind, CommitteeSeat, Enterprise
from .plugins import discover
from .problems import Problem
from .workspace import Workspace

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
MALE_CHARS = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁建国志文海东俊峰亮成浩宇晨阳振庆林松"
FEMALE_CHARS = "芳娜敏静丽艳娟霞燕玲桂英红梅琳婷雪慧颖洁萍兰晶倩丹蓉佳欣月悦秀莉琴薇"
# address codes valid for every birth year we generate (checked against stdnum's data in tests)
AREA_CODES = (
    "110101", "110102", "110105", "110106", "110108", "120101", "120103", "120104",
    "310101", "310104", "310105", "310106", "310107", "330122", "340121", "510121",
    "430121", "350121", "210122", "140121", "360121", "620121",
)  # fmt: skip
FIRMS = "华信 顺达 金穗 恒通 宏远 永盛 鑫源 嘉和 瑞丰 天成 中联 博创 远航 新禾 明德 安泰 佳禾 兴邦 同创 立信".split()
TRADES = [
    ("电子科技有限公司", "企业"),
    ("物流有限公司", "企业"),
    ("餐饮管理有限公司", "企业"),
    ("建筑工程有限公司", "企业"),
    ("机械制造有限公司", "企业"),
    ("物业管理有限公司", "企业"),
    ("食品有限公司", "企业"),
    ("商贸有限公司", "企业"),
    ("印务有限公司", "企业"),
    ("汽车服务有限公司", "企业"),
]
STREETS = "幸福 和平 光明 新华 东风 胜利 建设 人民 友谊 团结 文化 长青 锦绣 青年 振兴 永安 富民 康乐 民主 前进".split()

YEAR = 2026


def make_ric(rng: random.Random, gender: str, born: datetime.date) -> str:
    seq = rng.randrange(0, 100) * 10 + rng.choice((1, 3, 5, 7, 9) if gender == "男" else (0, 2, 4, 6, 8))
    first17 = f"{rng.choice(AREA_CODES)}{born:%Y%m%d}{seq:03d}"
    return first17 + ric_check_char(first17)


def make_uscc(rng: random.Random, authority: str = "9", category: str = "1") -> str:
    body = f"{authority}{category}{rng.choice(AREA_CODES)}" + "".join(
        rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9)
    )
    return body + uscc_check_char(body)


def make_name(rng: random.Random, gender: str) -> str:
    chars = MALE_CHARS if gender == "男" else FEMALE_CHARS
    given = rng.choice(chars) + (rng.choice(chars) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def make_phone(rng: random.Random) -> str:
    return rng.choice(("13", "15", "18", "17", "19")) + f"{rng.randrange(0, 10**9):09d}"


def _day(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randrange((end - start).days + 1))


@attrs.define
class _Counter:
    member: int = 0
    event: int = 0


def _add_members(
    ws: Workspace, rng: random.Random, org: str, n: int, counter: _Counter, female_share: float
) -> list[str]:
    ids = []
    for _ in range(n):
        counter.member += 1
        gender = "女" if rng.random() < female_share else "男"
        age = rng.randrange(22, 62)
        born = _day(rng, datetime.date(YEAR - age - 1, 1, 1), datetime.date(YEAR - age - 1, 12, 28))
        joined = _day(
            rng,
            max(born.replace(year=born.year + 20), datetime.date(1995, 1, 1)),
            datetime.date(YEAR, 10, 31),
        )
        cats = []
        if rng.random() < 0.18:
            cats.append("migrant_worker")
        if rng.random() < 0.03:
            cats.append("hardship")
        mid = f"M{counter.member:06d}"
        ric = make_ric(rng, gender, born)
        while ws.member_by_id_number(ric) is not None:  # one number, one person
            ric = make_ric(rng, gender, born)
        ws.add_member(
            org,
            id=mid,
            name=make_name(rng, gender),
            gender=gender,
            id_number=ric,
            phone=make_phone(rng),
            joined=joined,
            categories=cats,
        )
        if age >= 60 and rng.random() < 0.5:
            retired = datetime.date(YEAR, rng.randrange(1, 11), 1)
            if joined <= retired:  # one cannot retire from a union before joining it
                ws.retire_member(mid, retired)
        ids.append(mid)
    return ids


def _committee(
    rng: random.Random, ws: Workspace, org: str, ids: list[str], start: datetime.date, years: int
) -> Committee:
    end = start.replace(year=start.year + years) - datetime.timedelta(days=1)
    # only members who had joined when the committee was elected can sit on it
    eligible = [m for m in ids if (ws.members[m].joined or start) <= start] or ids
    chosen = rng.sample(eligible, min(len(eligible), 5)) if eligible else []
    roles = ["主席", "副主席", "委员", "委员", "委员"]
    seats = tuple(
        CommitteeSeat(role=roles[i], member=m, name=ws.members[m].name) for i, m in enumerate(chosen)
    )
    return Committee(CommitteeKind.UNION, start, end, seats)


def _audit(union: Committee) -> Committee:
    """The 经费审查委员会 elected with the union committee (《工会法》第四十五条), one seat."""
    last = union.seats[-1]
    return attrs.evolve(
        union, kind=CommitteeKind.AUDIT, seats=(CommitteeSeat("经审会主任", last.member, last.name),)
    )


EventSpec = tuple[str, str, str | None]

SMALL_EVENTS: list[EventSpec] = [
    ("culture_sports", "迎新春职工趣味运动会", "50102"),
    ("care_visit", "春节走访慰问困难职工", "50405"),
    ("education", "职工安全生产知识培训", "50101"),
    ("member_activity", "“三八”妇女节观影活动", "50105"),
    ("culture_sports", "春季职工健步走", "50102"),
    ("labour_competition", "岗位技能比武", "50301"),
    ("staff_congress", "职工代表大会", "50502"),
    ("care_visit", "夏季高温送清凉", "50405"),
    ("culture_sports", "职工篮球友谊赛", "50102"),
    ("reading", "职工书屋读书分享会", "50304"),
    ("member_activity", "秋季职工户外拓展", "50105"),
    ("members_congress", "会员大会", "50502"),
]


# the built-in plugins, in the order the example workspace enables them
BUILTIN_PLUGINS = (
    "policy",
    "ankang",
    "women",
    "retirees",
    "assistance",
    "contracts",
    "congress",
    "competitions",
    "disputes",
)


def plugin_settings(city: str) -> dict[str, dict[str, Any]]:
    """The `[settings.<plugin>]` a union keeps (the example workspace's, with the demo's city)."""
    return {
        "policy": {"preset": "anhui-2025", "retain_ratio": "0.6", "budget_adjustments_per_year": 1},
        "ankang": {"pass_mark": 90, "provincial_repeat_years": 5, "reply_days": 30},
        "women": {"committee_threshold": 10, "meetings_per_year": 4, "default_scheme_min_share": 80},
        "retirees": {"elderly_age": 60, "advanced_age": 80, "festival_visit": "all"},
        "assistance": {
            "city": city,
            "relative_multiple": "2",
            "review_days": 365,
            "dibao": {city: {"2025": "1380.00", "2026": "1420.00"}},
            "limits": {"生活救助": "6000.00", "节日慰问": "1000.00", "合计": "15000.00"},
            "per_aid_limits": {"生活救助": "2000.00", "医疗救助": "5000.00", "金秋助学": "3000.00"},
        },
        "contracts": {
            "filing_days": 10,
            "wage_filing_days": 7,
            "expiry_reminder_months": 3,
            "minimum_wage": {"2024": "2320.00", "2025": "2420.00", "2026": "2540.00"},
        },
        "congress": {"quorum": "2/3", "majority": "1/2", "proposal_reply_days": 30},
        "competitions": {"visit_event_types": ["care_visit"], "prize_account": "50301"},
        "disputes": {"mediation_days": 15, "collective_workers": 10},
    }


def installed_builtins() -> list[str]:
    """The built-in plugins whose entry points are installed (the demo enables these)."""
    available = discover()
    return [name for name in BUILTIN_PLUGINS if name in available]


def generate(
    path: str | Path,
    scale: str = "small",
    seed: int = 20261130,
    *,
    enabled: Iterable[str] | None = None,
    plugins: Mapping[str, object] | None = None,
) -> Workspace:
    """Write a synthetic workspace to `path` (which must not hold one yet) and return it open.

    `enabled` lists the plugins to enable (default: the installed built-in ones, see
    `installed_builtins`); `plugins` are extra plugin objects registered in-process by name (they
    are enabled too). Problems of the plugins' demo hooks: see `generate_with_problems`.
    """
    return generate_with_problems(path, scale, seed, enabled=enabled, plugins=plugins)[0]


def generate_with_problems(
    path: str | Path,
    scale: str = "small",
    seed: int = 20261130,
    *,
    enabled: Iterable[str] | None = None,
    plugins: Mapping[str, object] | None = None,
) -> tuple[Workspace, list[Problem]]:
    """`generate`, with the problems the plugins' `unioncore_demo_data` hooks met (a plugin that
    raised is named in one); the workspace is written in any case."""
    if scale not in ("small", "district"):
        raise ValueError(f"unknown scale {scale!r}")
    names = list(installed_builtins() if enabled is None else enabled)
    names += [n for n in plugins or {} if n not in names]
    setup = _Setup(names, dict(plugins or {}))
    rng = random.Random(seed)
    if scale == "small":
        ws = _small(Path(path), rng, setup)
    else:
        ws = _district(Path(path), rng, setup)
    problems = _plugin_data(ws, seed, scale)
    ws.save()
    return ws, problems


@attrs.frozen
class _Setup:
    enabled: list[str]
    extra: dict[str, object]

    def init(self, root: Path, name: str, city: str, settings: dict[str, Any]) -> Workspace:
        wanted = plugin_settings(city)
        for plugin in self.enabled:
            if plugin in wanted:
                settings[plugin] = wanted[plugin]
        ws, _ = init(root, name, YEAR, enabled=self.enabled, settings=settings)
        if self.extra:  # in-process plugins: init() knows only the installed ones
            ws, _ = load(root, plugins=self.extra)
        return ws


def _plugin_data(ws: Workspace, seed: int, scale: str) -> list[Problem]:
    """Each enabled plugin adds its records (one random stream, separate from the core's)."""
    rng = random.Random(f"{seed}:plugins")
    problems: list[Problem] = list(ws.host.problems)
    items, errors = ws.host.call("unioncore_demo_data", Problem, workspace=ws, rng=rng, scale=scale)
    return problems + items + errors


def _small(root: Path, rng: random.Random, setup: _Setup) -> Workspace:
    ws = setup.init(root, "幸福街道总工会", "幸福市", {})
    counter = _Counter()
    fed = "XF"
    ws.add_organisation(
        code=fed,
        name="幸福街道总工会",
        kind="街道总工会",
        uscc=make_uscc(rng, "8", "1"),
        founded=datetime.date(2003, 5, 1),
        address="幸福街道幸福路1号",
    )
    unions = [
        ("XF-01", "华信电子科技有限公司工会", "基层工会", "企业", 64, 0.45),
        ("XF-02", "幸福街道办事处机关工会", "基层工会", "机关", 26, 0.55),
        ("XF-03", "幸福街道环境卫生管理所工会", "基层工会", "事业单位", 31, 0.3),
        ("XF-04", "幸福街道小微企业联合工会", "联合工会", "企业", 34, 0.5),
        ("XF-05", "顺达物流有限公司工会", "基层工会", "企业", 22, 0.2),
        ("XF-06", "幸福社区卫生服务中心工会", "基层工会", "事业单位", 17, 0.8),
        ("XF-07", "金穗餐饮管理有限公司工会", "基层工会", "企业", 12, 0.6),
    ]
    enterprises = []
    member_ids: dict[str, list[str]] = {}
    for i, (code, name, kind, sector, employees, women) in enumerate(unions):
        ws.add_organisation(
            code=code,
            name=name,
            kind=kind,
            parent=fed,
            sector=sector,
            uscc=make_uscc(rng, "8", "1"),
            founded=datetime.date(2005 + i * 2, 3, 1),
            employees=employees + rng.randrange(2, 9),
        )
        n = max(8, int(employees * 0.92))
        member_ids[code] = _add_members(ws, rng, code, n, counter, women)
        org = ws.org(code)
        female = sum(1 for m in member_ids[code] if ws.members[m].gender == "女")
        ws.replace_organisation(attrs.evolve(org, female_employees=female + rng.randrange(0, 3)))
        enterprises.append(
            Enterprise(
                name=name.removesuffix("工会"), uscc=make_uscc(rng), employees=org.employees, union=code
            )
        )
    for firm in ("永盛商贸有限公司", "嘉和物业管理有限公司", "天成印务有限公司", "新禾食品有限公司"):
        enterprises.append(Enterprise(name=firm, uscc=make_uscc(rng), employees=rng.randrange(26, 80)))
    enterprises.append(Enterprise(name="博创文化工作室", employees=6, required=False))
    # terms: most current, one due soon (a 换届 reminder), one overdue (a warning) — realistic
    starts = {
        "XF-01": (2024, 5),
        "XF-02": (2022, 3),
        "XF-03": (2021, 6),
        "XF-04": (2023, 9),
        "XF-05": (2025, 4),
        "XF-06": (2024, 1),
        "XF-07": (2022, 11),
    }
    for code, (y, mo) in starts.items():
        years = 5 if code in ("XF-02", "XF-04") else 3
        c = _committee(rng, ws, code, member_ids[code], datetime.date(y, mo, 1), years)
        ws.replace_organisation(attrs.evolve(ws.org(code), committees=(c, _audit(c))))
    fed_c = Committee(
        CommitteeKind.UNION,
        datetime.date(2022, 3, 15),
        datetime.date(2027, 3, 14),
        (CommitteeSeat("主席", name="周建华"), CommitteeSeat("副主席", name="林秀梅")),
    )
    ws.replace_organisation(attrs.evolve(ws.org(fed), enterprises=tuple(enterprises), committees=(fed_c,)))

    for code, ids in member_ids.items():
        _small_year(ws, rng, code, ids, counter)
    _fed_year(ws, rng, fed, [m for ids in member_ids.values() for m in ids], counter)
    return ws


def _voucher(n: int) -> str:
    return f"记-{n:03d}"


def _small_year(ws: Workspace, rng: random.Random, code: str, ids: list[str], counter: _Counter) -> None:
    """A year of a grassroots union: dues, allocation with the upward share, activities, care."""
    active = [m for m in ids if ws.members[m].status.value == "在职"]
    org = ws.org(code)
    payroll_month = Decimal(org.employees or 0) * Decimal(rng.randrange(5200, 9800))
    n = 0

    def entry(day: datetime.date, account: str, amount: Decimal, memo: str, **kw: object) -> None:
        nonlocal n
        n += 1
        ws.add_entry(
            code,
            voucher=_voucher(n),
            date=day,
            account=account,
            amount=amount.quantize(Decimal("0.01")),
            memo=memo,
            **kw,
        )

    ws.set_opening(
        code, YEAR, {"101": Decimal(rng.randrange(200, 2000)), "102": Decimal(rng.randrange(8000, 60000))}
    )
    dues_month = sum((Decimal(rng.randrange(18, 45)) for _ in active), Decimal(0))
    for month in range(1, 13):
        if month <= 11:
            entry(datetime.date(YEAR, month, 10), "401", dues_month, f"{month}月会费收入")
    for q in range(4):
        day = datetime.date(YEAR, q * 3 + 2, 15)
        if day.month > 11:
            break
        gross = (payroll_month * 3 * Decimal("0.02")).quantize(Decimal("0.01"))
        kept = (gross * Decimal("0.6")).quantize(Decimal("0.01"))
        entry(day, "402", kept, f"第{q + 1}季度拨缴经费（留成60%）")
        entry(day, "211", gross - kept, f"第{q + 1}季度拨缴经费应上解部分")
        entry(day + datetime.timedelta(days=10), "211", gross - kept, f"上解第{q + 1}季度经费", side="借")
    entry(datetime.date(YEAR, 3, 20), "405", Decimal(rng.randrange(3, 12) * 1000), "行政补助劳动竞赛经费")
    budget: dict[str, Decimal] = {}
    for etype, title, account in rng.sample(SMALL_EVENTS, k=rng.randrange(5, 9)):
        counter.event += 1
        month = {"迎新春": 1, "春节": 1, "三八": 3, "春季": 4, "夏季": 7, "秋季": 10}.get(
            next((k for k in ("迎新春", "春节", "三八", "春季", "夏季", "秋季") if k in title), ""),
            rng.randrange(2, 11),
        )
        start = datetime.date(YEAR, month, rng.randrange(1, 28))
        pool = [m for m in active if ws.members[m].gender == "女"] if "三八" in title else active
        people = sorted(rng.sample(pool, k=max(1, int(len(pool) * rng.uniform(0.3, 0.9))))) if pool else []
        extra: dict[str, object] = {}
        if etype == "staff_congress":
            extra = {
                "delegates": len(people),
                "female_delegates": sum(1 for p in people if ws.members[p].gender == "女"),
            }
        if etype == "members_congress":
            extra = {"congress_kind": "会员大会"}
        eid = f"E{YEAR}-{counter.event:04d}"
        ws.add_event(code, id=eid, type=etype, title=title, start=start, participants=people, **extra)
        if account and people:
            cost = Decimal(len(people) * rng.randrange(30, 120))
            entry(start, account, cost, title, event=eid)
            budget[account] = budget.get(account, Decimal(0)) + cost
    for festival, fmonth, fday in (("春节", 1, 20), ("中秋", 9, 20)):
        day = datetime.date(YEAR, fmonth, fday)
        holders = [m for m in active if _active_on(ws, m, day)]  # members on the day only
        amount = Decimal(len(holders) * (300 if festival == "春节" else 200))
        entry(
            day,
            "50105",
            amount,
            f"{festival}节日慰问品（{len(holders)}人）",
            purpose="节日慰问",
            festival=festival,
            method="实物",
            recipients=sorted(holders),
            approver=_chair(ws, code),
            signed=True,
        )
        budget["50105"] = budget.get("50105", Decimal(0)) + amount
    for m in rng.sample(active, k=min(2, len(active))):
        amount = Decimal(rng.choice((500, 800, 1000)))
        entry(
            datetime.date(YEAR, rng.randrange(2, 11), 12),
            "50105",
            amount,
            f"住院慰问 {ws.members[m].name}",
            member=m,
            purpose="住院慰问",
            approver=_chair(ws, code),
            signed=True,
        )
        budget["50105"] = budget["50105"] + amount
    hardship = [m for m in active if "hardship" in ws.members[m].categories]
    for m in hardship:
        entry(
            datetime.date(YEAR, 1, 18),
            "50404",
            Decimal(2000),
            f"困难职工帮扶 {ws.members[m].name}",
            member=m,
            purpose="困难帮扶",
            approver=_chair(ws, code),
            signed=True,
        )
        budget["50404"] = budget.get("50404", Decimal(0)) + Decimal(2000)
    entry(datetime.date(YEAR, 6, 18), "50501", Decimal(rng.randrange(8, 30) * 100), "工会干部培训")
    budget["50501"] = Decimal(3000)
    lines = [
        BudgetLine(acc, (amt * Decimal("1.1")).quantize(Decimal("100")), None)
        for acc, amt in sorted(budget.items())
    ]
    ws.set_budget(code, YEAR, lines)


def _chair(ws: Workspace, code: str) -> str | None:
    c = ws.org(code).committee(CommitteeKind.UNION)
    seat = c.chair() if c else None
    return seat.name if seat else None


def _fed_year(ws: Workspace, rng: random.Random, fed: str, all_ids: list[str], counter: _Counter) -> None:
    active = [m for m in all_ids if ws.members[m].status.value == "在职"]
    for etype, title, month in (
        ("officer_training", "基层工会主席业务培训班", 4),
        ("culture_sports", "街道职工乒乓球比赛", 5),
        ("labour_competition", "街道职工技能大赛", 9),
    ):
        counter.event += 1
        people = sorted(rng.sample(active, k=min(len(active), rng.randrange(12, 30))))
        ws.add_event(
            fed,
            id=f"E{YEAR}-{counter.event:04d}",
            type=etype,
            title=title,
            start=datetime.date(YEAR, month, 16),
            participants=people,
            co_organisers=["XF-01"] if etype == "labour_competition" else [],
        )


# -- district scale ------------------------------------------------------------------------------
def _district(root: Path, rng: random.Random, setup: _Setup) -> Workspace:
    # as in most enterprises, dues are deducted from pay: the 401 entries name no one
    ws = setup.init(root, "云河区总工会", "云河市", {"dues_by_payroll": True})
    counter = _Counter()
    ws.add_organisation(code="YH", name="云河区总工会", kind="总工会", founded=datetime.date(1984, 6, 1))
    streets = [f"YH{i + 1:02d}" for i in range(19)]
    grassroots = 2000 - 1 - len(streets)
    orgs: list[str] = []
    for i, s in enumerate(streets):
        ws.add_organisation(code=s, name=f"{STREETS[i]}街道总工会", kind="街道总工会", parent="YH")
        enterprises = []
        per_street = grassroots // len(streets) + (1 if i < grassroots % len(streets) else 0)
        for j in range(per_street):
            code = f"{s}-{j + 1:03d}"
            firm, trade = rng.choice(FIRMS), rng.choice(TRADES)
            name = f"{STREETS[i]}{firm}{trade[0]}"
            ws.add_organisation(
                code=code,
                name=f"{name}工会",
                kind="联合工会" if j % 17 == 0 else "基层工会",
                parent=s,
                sector=trade[1],
                employees=rng.randrange(45, 70),
            )
            enterprises.append(Enterprise(name=name, employees=ws.org(code).employees, union=code))
            orgs.append(code)
        for k in range(rng.randrange(5, 25)):
            enterprises.append(
                Enterprise(name=f"{STREETS[i]}未建会单位{k + 1}", employees=rng.randrange(25, 60))
            )
        ws.replace_organisation(attrs.evolve(ws.org(s), enterprises=tuple(enterprises)))
    total_members, total_entries, total_events = 100_000, 200_000, 20_000
    for idx, code in enumerate(orgs):
        n_m = total_members // len(orgs) + (1 if idx < total_members % len(orgs) else 0)
        ids = _add_members(ws, rng, code, n_m, counter, 0.45)
        start = datetime.date(rng.randrange(2022, 2026), rng.randrange(1, 13), 1)
        union = _committee(rng, ws, code, ids, start, 3)
        ws.replace_organisation(attrs.evolve(ws.org(code), committees=(union, _audit(union))))
        n_e = total_entries // len(orgs) + (1 if idx < total_entries % len(orgs) else 0)
        _bulk_ledger(ws, rng, code, ids, n_e)
        n_ev = total_events // len(orgs) + (1 if idx < total_events % len(orgs) else 0)
        _bulk_events(ws, rng, code, ids, n_ev, counter)
    return ws


_EXPENSES = ("50101", "50102", "50103", "50105", "50301", "50302", "50404", "50405", "50501", "50502")
RETAIN = Decimal("0.6")  # the share of 拨缴经费 a grassroots union keeps (the policy plugin's default)
CENT = Decimal("0.01")


def _active_on(ws: Workspace, member: str, day: datetime.date) -> bool:
    """In service (not retained) on the day: who may receive the union's welfare."""
    return ws.members[member].status_on(day) is Status.ACTIVE


def _bulk_ledger(ws: Workspace, rng: random.Random, code: str, ids: list[str], n: int) -> None:
    """`n` vouchers of a grassroots union's year, kept the way the funds rules want: each 拨缴经费
    receipt with its upward share on 211, aid to people with its purpose, approver and signature,
    hardship aid (≤ 2,000 元, twice a year at most) only to 困难职工, a 住院慰问 once a year per
    member, and a budget 10% above what was spent."""
    ws.set_opening(code, YEAR, {"102": Decimal(rng.randrange(10_000, 90_000))})
    pick: Callable[[], str] = lambda: rng.choice(_EXPENSES)  # noqa: E731
    chair = _chair(ws, code)
    hardship = [m for m in ids if "hardship" in ws.members[m].categories]
    aided: dict[str, int] = {}
    visited: set[str] = set()
    spent: dict[str, Decimal] = {}
    k = 0

    def entry(day: datetime.date, account: str, amount: Decimal, memo: str, **kw: object) -> None:
        nonlocal k
        k += 1
        ws.add_entry(code, voucher=_voucher(k), date=day, account=account, amount=amount, memo=memo, **kw)
        if account.startswith("5"):
            spent[account] = spent.get(account, Decimal(0)) + amount

    while k < n:
        day = datetime.date(YEAR, 1, 1) + datetime.timedelta(days=rng.randrange(330))
        if k % 4 == 0:
            account, amount = rng.choice(("401", "402", "405")), Decimal(rng.randrange(500, 9000))
        else:
            account, amount = pick(), Decimal(rng.randrange(50, 3000))
        amount += Decimal(rng.randrange(100)) / 100
        if account == "402" and k + 2 > n:
            account = "401"  # no room left for the pair
        if account == "402":
            entry(day, "402", amount, "拨缴经费（本级留成）")
            upward = (amount * (1 - RETAIN) / RETAIN).quantize(CENT)
            entry(day, "211", upward, "拨缴经费应上解部分")
            continue
        if account == "50404":
            who = rng.choice(hardship) if hardship else None
            if who is not None and aided.get(who, 0) < 2 and _active_on(ws, who, day):
                aided[who] = aided.get(who, 0) + 1
                amount = Decimal(rng.choice((500, 800, 1000, 1500, 2000)))
                name = ws.members[who].name
                entry(
                    day, account, amount, f"困难职工帮扶 {name}",
                    member=who, purpose="困难帮扶", approver=chair, signed=True,
                )  # fmt: skip
                continue
            account = "50102"
        if account == "50105":
            who = rng.choice(ids) if ids else None
            if who is not None and who not in visited and _active_on(ws, who, day):
                visited.add(who)
                amount = Decimal(rng.choice((300, 500, 800, 1000)))
                name = ws.members[who].name
                entry(
                    day, account, amount, f"住院慰问 {name}",
                    member=who, purpose="住院慰问", approver=chair, signed=True,
                )  # fmt: skip
                continue
        entry(day, account, amount, "日常收支")
    lines = [
        BudgetLine(acc, (amt * Decimal("1.1")).quantize(Decimal("100")), None)
        for acc, amt in sorted(spent.items())
    ]
    ws.set_budget(code, YEAR, lines)


def _bulk_events(
    ws: Workspace, rng: random.Random, code: str, ids: list[str], n: int, counter: _Counter
) -> None:
    for _ in range(n):
        counter.event += 1
        etype, title, _account = rng.choice(SMALL_EVENTS)
        start = datetime.date(YEAR, rng.randrange(1, 12), rng.randrange(1, 28))
        people = sorted(rng.sample(ids, k=min(len(ids), rng.randrange(5, 30))))
        extra: dict[str, object] = {}
        if etype == "staff_congress":  # the delegates are those present
            extra = {
                "delegates": len(people),
                "female_delegates": sum(1 for p in people if ws.members[p].gender == "女"),
            }
        elif etype == "members_congress":
            extra = {"congress_kind": "会员大会"}
        ws.add_event(
            code,
            id=f"E{YEAR}-{counter.event:05d}",
            type=etype,
            title=title,
            start=start,
            participants=people,
            **extra,
        )
