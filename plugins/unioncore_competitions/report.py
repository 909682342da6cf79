"""The 工作总结 section on 劳动竞赛, 荣誉称号 and 劳模: sentences that carry the figures.

A clause whose figure no record supports is left out, and so is a paragraph with nothing to say.
"""

from __future__ import annotations

from decimal import Decimal

from unioncore import Figure, ReportSection
from unioncore.wording import Cited, wan

from .records import HONOUR_KINDS, MODEL_WORKER_LEVELS, SKILL_KINDS

ORDER = 70
TITLE = "劳动竞赛与评先评优"


def section(figs: dict[str, Figure]) -> list[ReportSection]:
    cited = Cited(figs)
    take = cited.take

    paragraphs = []
    count = take("competitions.count")
    if count:
        text = f"组织各类劳动竞赛{count.value}次"
        attendance = take("competitions.attendance")
        if attendance:
            text += f"，参加职工{attendance.value}人次"
        benefit = take("competitions.benefit")
        if benefit:
            text += f"，创经济效益{wan(Decimal(benefit.value))}"
        extra = []
        skills = [f for k in SKILL_KINDS if (f := take(f"competitions.kind.{k}"))]
        if skills:
            extra.append(f"其中{'、'.join(f.label for f in skills)}{sum(int(f.value) for f in skills)}次")
        winners = take("competitions.winners")
        if winners:
            extra.append(f"获奖{winners.value}人次")
        paragraphs.append(text + ("；" + "，".join(extra) if extra else "") + "。")
    total = take("competitions.honours")
    if total:
        kinds = [f for k in HONOUR_KINDS if (f := take(f"competitions.honours.{k}"))]
        detail = "、".join(f"{f.label}{f.value}{f.unit}" for f in kinds)
        paragraphs.append(
            f"全年获得各级荣誉称号{total.value}项" + (f"，其中{detail}" if detail else "") + "。"
        )
    people = take("competitions.model_workers")
    if people:
        levels = [f for lv in MODEL_WORKER_LEVELS if (f := take(f"competitions.model_workers.{lv}"))]
        text = f"现有劳模{people.value}人"
        if levels:
            text += "（" + "、".join(f"{f.label}{f.value}人" for f in levels) + "）"
        visited = take("competitions.model_workers.visited")
        if visited:
            text += f"，全年走访慰问劳模{visited.value}人"
        paragraphs.append(text + "。")
    if not paragraphs:
        return []
    return [ReportSection(TITLE, tuple(paragraphs), tuple(cited.used), order=ORDER)]
