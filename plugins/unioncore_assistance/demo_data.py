"""Synthetic 帮扶 records for `unioncore demo-data` (the `unioncore_demo_data` hook).

Every member the core made a 困难职工 (category `hardship`) gets a hardship file opened before the
year, reviewed this year, whose household figures put it in its class against the city's 低保 line
(so `assistance.class` holds); the 困难帮扶 vouchers the core booked on 50404 become 生活救助 aid
linked to them (实名, same amount and day); each file also gets the district's 送温暖 (paid by the
superior union, so outside the ledger and the yearly limits) and some families 金秋助学. A few unions
enrol their members in the 职工互助医疗保障 with a few claims.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from unioncore import Problem, Workspace
from unioncore.member import Status

from .records import AID, DEEP, HARDSHIP_FILE, MUTUAL, RELATIVE
from .settings import read_settings

HARDSHIP_ACCOUNT = "50404"
CAUSES_BY_CLASS = {
    DEEP: ("重大疾病", "残疾", "失业", "其他"),
    RELATIVE: ("子女就学", "重大疾病", "失业", "残疾"),
}
SCHOOLS = (("大学本科", "安徽大学"), ("高职", "合肥职业技术学院"), ("大学本科", "安徽农业大学"))


def generate(ws: Workspace, rng: random.Random, scale: str) -> list[Problem]:
    year = ws.year
    settings, _ = read_settings(ws)
    line = settings.dibao_line(settings.city, year) or Decimal("1420.00")
    holders = sorted(m.id for m in ws.members.values() if m.has_category("hardship") and m.status.is_member)
    files: dict[str, str] = {}  # member -> file id
    per_org: dict[str, int] = {}
    for mid in holders:
        org = ws.members[mid].org
        per_org[org] = per_org.get(org, 0) + 1
        key = f"KN-{org}-{per_org[org]:03d}"
        files[mid] = key
        opened = datetime.date(year - rng.choice((1, 1, 2)), rng.randrange(1, 13), rng.randrange(1, 28))
        cls = DEEP if rng.random() < 0.4 else RELATIVE
        household = rng.randrange(2, 6)
        # monthly per-capita income after rigid expenses, inside the class's band
        low, high = (Decimal("0.45"), Decimal("0.9")) if cls == DEEP else (Decimal("1.1"), Decimal("1.9"))
        share = low + (high - low) * Decimal(rng.randrange(101)) / 100
        per_capita = (line * share).quantize(Decimal(1))
        rigid = Decimal(rng.randrange(0, 25) * 1000)
        income = per_capita * 12 * household + rigid
        reviewed = datetime.date(year, rng.randrange(1, 11), rng.randrange(1, 28))
        ws.add_record(
            HARDSHIP_FILE,
            id=key,
            member=mid,
            opened=opened,
            household=household,
            income=income,
            rigid_expenses=rigid,
            **{"class": cls},
            cause=rng.choice(CAUSES_BY_CLASS[cls]),
            review=[{"date": reviewed, "note": "年度复核，家庭情况无明显变化"}],
        )
    n = 0

    def aid(**values: object) -> None:
        nonlocal n
        n += 1
        ws.add_record(AID, id=f"BF-{year}-{n:05d}", **values)

    # the core's 困难帮扶 vouchers, each one aid to the member it names
    for e in ws.ledger(year=year):
        if e.account == HARDSHIP_ACCOUNT and e.member in files and e.member in ws.members:
            aid(
                date=e.date,
                member=e.member,
                file=files[e.member],
                kind="生活救助",
                cash=e.amount,
                entry=e.ref,
            )
    # 春节送温暖 from the superior union's funds, handed over by the union
    spring = datetime.date(year, 1, 22)
    for mid, key in files.items():
        if ws.members[mid].status_on(spring) is None:
            continue  # not yet a member: the file was opened later in the year
        aid(
            date=spring,
            member=mid,
            file=key,
            kind="送温暖",
            cash=Decimal(500),
            goods=Decimal(200),
            goods_desc="米、面、油",
            funded_by="上级工会",
            festival="春节",
        )
        if rng.random() < 0.25:
            stage, school = rng.choice(SCHOOLS)
            aid(
                date=datetime.date(year, 8, 20),
                member=mid,
                file=key,
                kind="金秋助学",
                cash=Decimal(rng.choice((2000, 3000))),
                funded_by="上级工会",
                child=f"{ws.members[mid].name[0]}{rng.choice('子晨雨欣浩然')}",
                school=school,
                stage=stage,
            )
    _mutual(ws, rng, scale, year)
    return []


def _mutual(ws: Workspace, rng: random.Random, scale: str, year: int) -> None:
    """A few unions enrol every member in service on 1 January in the 职工互助医疗保障."""
    start = datetime.date(year, 1, 1)
    grassroots = sorted({m.org for m in ws.members.values()})
    count = 1 if scale == "small" else max(1, len(grassroots) // 20)
    n = 0
    for org in sorted(rng.sample(grassroots, min(count, len(grassroots)))):
        paid_by = rng.choice(("个人", "工会", "单位"))
        for m in ws.members_of(org):
            if m.status_on(start) is not Status.ACTIVE:
                continue
            n += 1
            claims = []
            if rng.random() < 0.06:
                asked = Decimal(rng.randrange(800, 12_000))
                claims.append(
                    {
                        "date": datetime.date(year, rng.randrange(2, 11), rng.randrange(1, 28)),
                        "reason": rng.choice(("住院", "门诊特殊病", "手术")),
                        "amount": f"{asked:.2f}",  # sub-tables take money as written in TOML
                        "paid": f"{asked / 2:.2f}",
                    }
                )
            ws.add_record(
                MUTUAL,
                id=f"HZ-{year}-{n:05d}",
                member=m.id,
                year=year,
                scheme="职工互助医疗保障",
                premium=Decimal(60),
                paid_by=paid_by,
                enrolled=start,
                **({"claim": claims} if claims else {}),
            )
