"""Synthetic 女职工 records for `unioncore demo-data` (the `unioncore_demo_data` hook).

A union with ten or more women in service elects a 女职工委员会 with its union committee (same term,
a woman on the union committee as 主任 where there is one; 《工会女职工委员会工作条例》第十一、十七条),
which meets every quarter; a smaller one names a 女职工委员 instead. Some unions enrol their women in
the 女职工安康互助保障 (all of them, above the scheme's 80 %), with a few claims, and a few 巾帼 titles.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

import attrs

from unioncore import Problem, Workspace
from unioncore.organisation import CommitteeKind, CommitteeSeat

from .people import grassroots, in_service_women
from .records import CLAIM, ENROLMENT, MEETING, OFFICER, SCHEME, TITLE
from .settings import load_settings

TOPICS = (
    "“三八”节活动安排",
    "女职工安康互助保障续保",
    "孕期、哺乳期女职工权益落实情况",
    "两癌筛查组织",
    "女职工权益保护专项集体合同履约检查",
    "爱心妈咪小屋建设",
)
TITLES = (("巾帼文明岗", None), ("巾帼建功标兵", "member"))


def generate(ws: Workspace, rng: random.Random, scale: str) -> list[Problem]:
    settings, _ = load_settings(ws)
    year = ws.year
    as_of = datetime.date(year, 11, 30)
    meetings = 0
    officers = 0
    insured: list[tuple[str, list[str]]] = []
    for org in sorted(grassroots(ws), key=lambda o: o.code):
        women = [m.id for m in in_service_women(ws, org.code, as_of)]
        union = org.committee(CommitteeKind.UNION)
        if not women or union is None:
            continue
        on_union = [s.member for s in union.seats if s.member in women]
        if len(women) < settings.committee_threshold:
            # 条例第十一条: fewer than ten women — a 女职工委员 sits on the union committee
            officer = on_union[0] if on_union else women[0]
            officers += 1
            ws.add_record(
                OFFICER,
                id=f"NZW-{org.code}",
                org=org.code,
                member=officer,
                appointed=union.term_start,
                term_end=union.term_end,
            )
            seat = CommitteeSeat("女职委委员", member=officer, name=ws.members[officer].name)
            committees = tuple(
                attrs.evolve(c, seats=(*c.seats, seat)) if c is union else c for c in org.committees
            )
            ws.replace_organisation(attrs.evolve(org, committees=committees))
            continue
        chair = on_union[0] if on_union else rng.choice(women)
        others = [m for m in women if m != chair]
        board = [chair, *rng.sample(others, min(len(others), 2))]
        seats = [
            CommitteeSeat("女职委主任" if i == 0 else "女职委委员", member=m, name=ws.members[m].name)
            for i, m in enumerate(board)
        ]
        ws.add_committee(org.code, CommitteeKind.WOMEN, union.term_start, union.term_end, seats)
        for quarter in range(4):
            first = datetime.date(year, quarter * 3 + 1, 1)
            if first < union.term_start or first > as_of:
                continue
            meetings += 1
            ws.add_record(
                MEETING,
                id=f"NZH-{year}-{meetings:05d}",
                org=org.code,
                date=datetime.date(year, quarter * 3 + rng.randrange(1, 4), rng.randrange(1, 28)),
                title=f"女职委{'一二三四'[quarter]}季度会议",
                attendees=board,
                topics=rng.sample(TOPICS, 2),
            )
        if rng.random() < (0.5 if scale == "small" else 0.15):
            insured.append((org.code, women))
    _insurance(ws, rng, year, insured)
    _titles(ws, rng, year, scale)
    return []


def _insurance(ws: Workspace, rng: random.Random, year: int, insured: list[tuple[str, list[str]]]) -> None:
    if not insured:
        return
    ws.add_record(
        SCHEME,
        id="AKHZ",
        name="女职工安康互助保障",
        kind="女职工安康互助保险",
        provider="中国职工保险互助会区办事处",
        premium=Decimal(40),
        term_years=1,
        start=datetime.date(2019, 1, 1),
        note="保障乳腺癌、宫颈癌、卵巢癌等女性特殊疾病；单位在职女职工参保率不低于80%",
    )
    claims = 0
    for i, (org, women) in enumerate(insured, start=1):
        ws.add_record(
            ENROLMENT,
            id=f"AKHZ-{year}-{i:04d}",
            scheme="AKHZ",
            year=year,
            org=org,
            members=women,
            premium=Decimal(40),
            paid=datetime.date(year, 1, 15),
        )
        if rng.random() < 0.1:
            claims += 1
            ws.add_record(
                CLAIM,
                id=f"AKHZ-LP-{year}-{claims:03d}",
                scheme="AKHZ",
                member=rng.choice(women),
                date=datetime.date(year, rng.randrange(3, 10), rng.randrange(1, 28)),
                illness=rng.choice(("乳腺癌", "宫颈癌", "卵巢癌")),
                status="已赔付",
                payout=Decimal(rng.choice((10_000, 20_000))),
                paid=datetime.date(year, 10, rng.randrange(1, 28)),
            )


def _titles(ws: Workspace, rng: random.Random, year: int, scale: str) -> None:
    orgs = sorted(o.code for o in grassroots(ws))
    for i in range(2 if scale == "small" else 40):
        org = rng.choice(orgs)
        title, who = TITLES[i % 2]
        women = [m.id for m in in_service_women(ws, org, datetime.date(year, 3, 1))]
        values: dict[str, object] = {"team": "一线班组"}
        if who and women:
            values = {"member": rng.choice(women)}
        ws.add_record(
            TITLE,
            id=f"NRY-{year}-{i + 1:03d}",
            title=title,
            level="区县级" if scale == "district" else "街道",
            year=year,
            org=org,
            awarded_by="区妇联、区总工会" if scale == "district" else "幸福街道总工会",
            **values,
        )
