"""Synthetic 职代会 and 民主管理 records for `unioncore demo-data` (the `unioncore_demo_data` hook).

Every 职工代表大会 the core's demo held adopts a resolution (all delegates present, more than half
of them in favour: 《企业民主管理规定》第十六条), is the place of a 厂务公开 (第二章) and receives one
or two 提案 handled step by step within the days the settings allow (a step not yet due stays open);
some units collect 合理化建议, the implemented ones with their yearly benefit.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from unioncore import Problem, Workspace

from .records import DISCLOSURE, PROPOSAL, RESOLUTION, STAFF_CONGRESS, SUGGESTION

RESOLUTIONS = (
    "审议通过《{org}年度工作报告》",
    "审议通过《{org}集体合同（草案）》",
    "审议通过《职工福利费使用方案》",
)
PROPOSALS = (
    ("关于改善职工食堂伙食质量的提案", "后勤保障部"),
    ("关于夏季高温作业调整作息时间的提案", "生产部"),
    ("关于增设职工休息室的提案", "行政部"),
    ("关于完善带薪年休假安排的提案", "人力资源部"),
    ("关于更换老旧劳动防护用品的提案", "安全环保部"),
)
DISCLOSED = ("年度经营情况与工资调整方案", "职工福利费和工会经费使用情况", "劳动安全卫生投入情况")
SUGGESTED = ("优化设备点检流程，减少停机时间", "改进包装工序，降低材料损耗", "调整仓储货位，缩短拣货路径")


def generate(ws: Workspace, rng: random.Random, scale: str) -> list[Problem]:
    year = ws.year
    as_of = datetime.date(year, 11, 30)
    sessions = sorted(
        (e for e in ws.events.values() if e.type == STAFF_CONGRESS and e.start.year == year),
        key=lambda e: (e.start, e.id),
    )
    counts = {RESOLUTION: 0, PROPOSAL: 0, DISCLOSURE: 0}

    def next_id(kind: str, prefix: str) -> str:
        counts[kind] += 1
        return f"{prefix}{year}-{counts[kind]:05d}"

    for e in sessions:
        org = e.organisers[0]
        delegates = int(e.fields.get("delegates") or len(e.participants))
        if delegates < 2:
            continue
        yes = delegates - rng.randrange(0, max(1, delegates // 10))
        ws.add_record(
            RESOLUTION,
            id=next_id(RESOLUTION, "JY"),
            event=e.id,
            title=rng.choice(RESOLUTIONS).format(org=ws.organisations[org].name.removesuffix("工会")),
            present=delegates,
            yes=yes,
            abstain=delegates - yes,
            method="举手表决",
            result="通过",
        )
        ws.add_record(
            DISCLOSURE,
            id=next_id(DISCLOSURE, "GK"),
            org=org,
            date=e.start,
            subject=rng.choice(DISCLOSED),
            place="职工代表大会",
            event=e.id,
        )
        for _ in range(rng.randrange(1, 3)):
            title, department = rng.choice(PROPOSALS)
            values: dict[str, object] = {
                "id": next_id(PROPOSAL, "TA"),
                "org": org,
                "event": e.id,
                "title": title,
                "proposer": rng.choice(e.participants) if e.participants else None,
                "received": e.start,
            }
            # each step a few days after the one before, well within its limit; steps not yet
            # reached on the day of the demo stay open
            day = e.start
            for step, gap, extra in (
                ("registered", rng.randrange(2, 8), {}),
                ("assigned", rng.randrange(1, 4), {"departments": [department]}),
                ("replied", rng.randrange(7, 20), {"reply": "已研究落实，具体措施在厂务公开栏公布"}),
                ("feedback", rng.randrange(2, 8), {"satisfaction": rng.choice(("满意", "满意", "基本满意"))}),
                ("archived", rng.randrange(5, 15), {}),
            ):
                day = day + datetime.timedelta(days=gap)
                if day > as_of:
                    break
                values[step] = day
                values.update(extra)
            ws.add_record(PROPOSAL, **{k: v for k, v in values.items() if v is not None})
    _suggestions(ws, rng, year, scale)
    return []


def _suggestions(ws: Workspace, rng: random.Random, year: int, scale: str) -> None:
    orgs = sorted(o.code for o in ws.organisations.values() if o.kind.is_grassroots)
    picked = sorted(rng.sample(orgs, min(len(orgs), 3 if scale == "small" else len(orgs) // 10)))
    for org in picked:
        people = [m.id for m in ws.members_of(org) if m.status.is_member]
        if not people:
            continue
        for i in range(rng.randrange(1, 4)):
            status = rng.choice(("已实施", "已采纳", "未采纳"))
            values: dict[str, object] = {}
            if status == "已实施":
                values = {
                    "award": rng.choice(("金奖", "银奖", "铜奖")),
                    "benefit": Decimal(rng.randrange(5, 60) * 1000),
                }
            ws.add_record(
                SUGGESTION,
                id=f"JY-{org}-{i + 1:02d}",
                org=org,
                author=rng.choice(people),
                date=datetime.date(year, rng.randrange(1, 11), rng.randrange(1, 28)),
                subject=rng.choice(SUGGESTED),
                status=status,
                **values,
            )
