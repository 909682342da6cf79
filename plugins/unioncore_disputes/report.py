"""The 工作总结 section on 劳动争议调解 and legal aid: sentences that carry the figures.

A clause whose figure no record supports is left out, and so is a paragraph with nothing to say.
"""

from __future__ import annotations

from decimal import Decimal

from unioncore import Figure, ReportSection
from unioncore.wording import Cited, wan

ORDER = 80
TITLE = "劳动争议调解与法律援助"


def section(figs: dict[str, Figure]) -> list[ReportSection]:
    cited = Cited(figs)
    take = cited.take

    paragraphs = []
    count = take("disputes.cases")
    if count:
        text = f"调解劳动争议案件{count.value}宗"
        workers = take("disputes.workers")
        if workers:
            text += f"，涉及{workers.value}人"
        amount = take("disputes.amount")
        if amount:
            text += f"，金额{wan(Decimal(amount.value))}"
        more = []
        settled = take("disputes.settled")
        if settled:
            clause = f"调解成功{settled.value}宗"
            rate = take("disputes.settled_rate")
            if rate:
                clause += f"（调解成功率{rate.formatted()}）"
            recovered = take("disputes.recovered")
            if recovered:
                clause += f"，为职工挽回经济损失{wan(Decimal(recovered.value))}"
            more.append(clause)
        arbitration = take("disputes.to_arbitration")
        if arbitration:
            more.append(f"调解不成转仲裁{arbitration.value}宗")
        collective = take("disputes.collective")
        if collective:
            more.append(f"其中集体劳动争议{collective.value}宗")
        paragraphs.append(text + "".join(f"；{m}" for m in more) + "。")
    advice, aid = take("disputes.consultations"), take("disputes.legal_aid")
    parts = []
    if advice:
        parts.append(f"开展法律咨询{advice.value}人次")
    if aid:
        parts.append(f"提供法律援助{aid.value}件")
    if parts:
        paragraphs.append("，".join(parts) + "。")
    if not paragraphs:
        return []
    return [ReportSection(TITLE, tuple(paragraphs), tuple(cited.used), order=ORDER)]
