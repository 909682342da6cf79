"""The 工作总结 section on 职代会、厂务公开、提案 and 合理化建议: sentences that carry the figures.

A clause whose figure no record supports is left out, and so is a paragraph with nothing to say.
"""

from __future__ import annotations

from decimal import Decimal

from unioncore import Figure, ReportSection
from unioncore.wording import wan

ORDER = 60
TITLE = "职代会与民主管理"


def section(figs: dict[str, Figure]) -> list[ReportSection]:
    used: list[Figure] = []

    def n(key: str) -> int:
        fig = figs[key]
        if fig.value:
            used.append(fig)
        return int(fig.value)

    paragraphs = []
    sessions, meetings = n("congress.sessions"), n("congress.committee_meetings")
    if sessions or meetings:
        parts = []
        if sessions:
            text = f"全年{n('congress.units')}个单位召开职工（代表）大会{sessions}次"
            delegates = n("congress.delegates")
            if delegates:
                text += f"，有职工代表{delegates}人"
                female = n("congress.female_delegates")
                if female:
                    text += f"（其中女职工代表{female}人）"
            adopted = n("congress.resolutions.adopted")
            if adopted:
                text += f"，审议通过决议{adopted}项"
            parts.append(text)
        if meetings:
            parts.append(f"召开工会委员会会议{meetings}次")
        paragraphs.append("；".join(parts) + "。")
    disclosed = n("congress.disclosures")
    if disclosed:
        paragraphs.append(f"{n('congress.disclosure_units')}个单位实行厂务公开，公开事项{disclosed}项。")
    received = n("congress.proposals")
    if received:
        text = f"职工代表提出提案{received}件"
        for key, label in (
            ("congress.proposals.registered", "立案"),
            ("congress.proposals.replied", "已书面答复"),
            ("congress.proposals.satisfied", "提案人满意和基本满意"),
        ):
            value = n(key)
            if value:
                text += f"，{label}{value}件"
        paragraphs.append(text + "。")
    made = n("congress.suggestions")
    if made:
        text = f"提出合理化建议{made}条"
        adopted = n("congress.suggestions.adopted")
        if adopted:
            text += f"，采纳实施{adopted}条"
        benefit = figs["congress.suggestions.benefit"]
        if benefit.value:
            used.append(benefit)
            text += f"，创经济效益{wan(Decimal(benefit.value))}"
        paragraphs.append(text + "。")
    if not paragraphs:
        return []
    return [ReportSection(TITLE, tuple(paragraphs), tuple(used), order=ORDER)]
