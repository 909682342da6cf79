"""Synthetic “安康杯” records for `unioncore demo-data` (the `unioncore_demo_data` hook).

The 2025-2026 season (two years, as the national notices run it) with the district's scoring sheet;
a share of the grassroots unions enrol with their teams, keep a hazard ledger whose hazards the
employer answered and rectified before the deadline and the union verified (《安全生产法》第四十一条:
隐患排查治理; 《工会法》: the union's labour-protection supervision), are scored at the end of the
season, and those at or above the pass mark are commended as 区 winners.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from unioncore import Problem, Workspace

from .settings import read_settings

SEASON = "2025-2026"
SHEET = (
    ("组织领导", 15),
    ("制度建设", 15),
    ("隐患排查治理", 20),
    ("宣传教育培训", 15),
    ("应急演练", 10),
    ("职业健康", 15),
    ("竞赛成效", 10),
)
TEAMS = ("生产一班", "生产二班", "仓储班组", "设备维修班", "质检班组")
HAZARDS = (
    ("配电箱门未关闭，箱内线路裸露", "加锁并包覆裸露线路"),
    ("消防通道堆放货物", "清理通道并划线标识"),
    ("灭火器过期未更换", "更换灭火器并建立检查台账"),
    ("车间照明不足", "增设防爆照明灯具"),
    ("劳动防护用品发放不全", "补发防护用品并登记签收"),
    ("叉车作业区无警示标识", "设置警示标识和隔离栏"),
)


def generate(ws: Workspace, rng: random.Random, scale: str) -> list[Problem]:
    settings, _ = read_settings(ws)
    year = ws.year
    as_of = datetime.date(year, 11, 30)
    ws.add_record(
        "ankang_season",
        id=SEASON,
        start_year=2025,
        end_year=2026,
        theme="筑牢安康防线，共促治本攻坚",
        organisers=["中华全国总工会", "应急管理部", "国家卫生健康委员会"],
        launched=datetime.date(2025, 5, 30),
        sheet=[{"item": item, "points": points} for item, points in SHEET],
    )
    grassroots = sorted(o.code for o in ws.organisations.values() if o.kind.is_grassroots)
    share = 0.45 if scale == "small" else 0.2
    units = sorted(rng.sample(grassroots, max(1, int(len(grassroots) * share))))
    hazards = 0
    awards = 0
    for unit in units:
        org = ws.organisations[unit]
        workers = org.employees or len(ws.members_of(unit)) or 20
        teams = rng.sample(TEAMS, 2)
        ws.add_record(
            "ankang_enrolment",
            id=f"{SEASON}-{unit}",
            season=SEASON,
            unit=unit,
            enrolled=datetime.date(2025, 6, rng.randrange(5, 29)),
            workers=workers,
            teams=[{"name": t, "workers": max(1, workers // 4)} for t in teams],
        )
        for _ in range(rng.randrange(1, 4)):
            hazards += 1
            found = datetime.date(year, rng.randrange(1, 10), rng.randrange(1, 28))
            description, fix = rng.choice(HAZARDS)
            reply = found + datetime.timedelta(days=rng.randrange(1, 5))
            deadline = found + datetime.timedelta(days=rng.randrange(10, 25))
            rectified = deadline - datetime.timedelta(days=rng.randrange(0, 5))
            verified = rectified + datetime.timedelta(days=rng.randrange(1, 8))
            ws.add_record(
                "ankang_hazard",
                id=f"YH{year}-{hazards:05d}",
                unit=unit,
                found=found,
                reporter="工会劳动保护监督检查小组",
                place=rng.choice(teams),
                description=description,
                level="一般",
                proposed_fix=fix,
                deadline=deadline,
                reply_date=reply,
                reply="同意，按期整改",
                status="已验收" if verified <= as_of else "已整改",
                rectified=rectified,
                **({"verified": verified} if verified <= as_of else {}),
            )
        items = [
            {"item": item, "points": max(0, points - rng.choice((0, 0, 1, 1, 2, 3)))}
            for item, points in SHEET
        ]
        total = sum(int(i["points"]) for i in items)  # type: ignore[call-overload]
        ws.add_record(
            "ankang_score",
            id=f"KH{year}-{unit}",
            season=SEASON,
            unit=unit,
            assessed=datetime.date(year, 11, rng.randrange(10, 21)),
            assessor="区“安康杯”竞赛考核组",
            items=items,
        )
        if Decimal(total) >= Decimal(settings.pass_mark):
            awards += 1
            ws.add_record(
                "ankang_award",
                id=f"BZ{year}-{awards:04d}",
                season=SEASON,
                category="优胜单位",
                level="区",
                unit=unit,
                awarded=datetime.date(year, 11, 27),
            )
    return []
