"""The 退休职工工作 section of the year-end 工作总结; a figure no record supports is left out."""

from __future__ import annotations

from unioncore import Figure, ReportSection

TITLE = "退休职工工作"
ORDER = 45


def section(figs: list[Figure]) -> list[ReportSection]:
    by = {f.key: f for f in figs}

    def g(key: str) -> Figure | None:
        f = by.get(f"retirees.{key}")
        return f if f is not None and f.value else None

    paragraphs: list[str] = []
    used: list[Figure] = []

    def use(*figures: Figure | None) -> None:
        used.extend(f for f in figures if f is not None)

    total, new = g("total"), g("new")
    if total:
        text = f"保留会籍的退休会员{total.formatted()}"
        if new:
            text += f"，其中本年新退休{new.formatted()}"
        bands = [f for f in figs if f.key.startswith("retirees.age.") and f.value]
        if bands:
            text += "；按年龄分，" + "，".join(
                f"{f.label.removeprefix('退休会员 ')}{f.formatted()}" for f in bands
            )
        cares = [f for f in figs if f.key.startswith("retirees.care.") and f.value]
        if cares:
            text += "；需重点关怀的有" + "，".join(
                f"{f.label.removesuffix('退休会员')}{f.formatted()}" for f in cares
            )
        paragraphs.append(text + "。")
        use(total, new, *bands, *cares)

    visits, amount = g("visits"), g("visits.amount")
    if visits:
        text = f"全年走访慰问退休职工{visits.formatted()}"
        if amount:
            text += f"，发放慰问金{amount.formatted()}"
        parts = []
        for key, payer in (("admin", "行政"), ("committee", "退管会"), ("union", "工会")):
            n, money = g(f"visits.{key}"), g(f"visits.{key}.amount")
            if n:
                parts.append(f"{payer}出资{n.formatted()}" + (f"、{money.formatted()}" if money else ""))
                use(n, money)
        if parts:
            text += "（" + "，".join(parts) + "）"
        paragraphs.append(text + "。")
        use(visits, amount)

    acts, attendance, festival = g("activities"), g("activities.attendance"), g("activities.chongyang")
    contests, placed = g("contests"), g("contests.placed")
    parts = []
    if acts:
        text = f"组织退休职工活动{acts.formatted()}"
        if attendance:
            text += f"，退休会员参加{attendance.formatted()}"
        if festival:
            text += f"，其中重阳节（老年节）活动{festival.formatted()}"
        parts.append(text)
        use(acts, attendance, festival)
    if contests:
        text = f"退休职工队伍参加比赛{contests.formatted()}"
        if placed:
            text += f"，获得名次或奖项{placed.formatted()}"
        parts.append(text)
        use(contests, placed, g("teams"))
    if parts:
        paragraphs.append("；".join(parts) + "。")
    if not paragraphs:
        return []
    return [ReportSection(TITLE, tuple(paragraphs), tuple(dict.fromkeys(used)), order=ORDER)]
