"""The 女职工工作 section of the year-end 工作总结: sentences that carry the figures; a figure no
record supports is left out (and so is a sentence with nothing to say)."""

from __future__ import annotations

from unioncore import Figure, ReportSection

TITLE = "女职工工作"
ORDER = 40


def _pct(f: Figure) -> str:
    """A share as a sentence writes it: "61%" for a whole number, "58.3%" otherwise."""
    text = f.formatted()
    return text.replace(".0%", "%") if text.endswith(".0%") else text


def _has(f: Figure | None) -> bool:
    return f is not None and bool(f.value or f.refs)


def section(figs: list[Figure]) -> list[ReportSection]:
    by = {f.key: f for f in figs}

    def g(key: str) -> Figure | None:
        f = by.get(f"women.{key}")
        return f if _has(f) else None

    paragraphs: list[str] = []
    used: list[Figure] = []

    def say(text: str, *keys: str) -> None:
        paragraphs.append(text)
        used.extend(f for k in keys if (f := g(k)) is not None)

    members, share = g("members"), g("member_share")
    employees, eshare = g("employees"), g("employee_share")
    parts = []
    if members and members.value:
        parts.append(f"在职女会员{members.formatted()}，占在职会员的{_pct(share) if share else '—'}")
    if employees and employees.value and eshare:
        parts.append(f"女职工{employees.formatted()}，女职工占职工总数的{_pct(eshare)}")
    if parts:
        say("；".join(parts) + "。", "members", "member_share", "employees", "employee_share")

    committees, seats, officers, meetings = (
        g("committees"),
        g("committee_members"),
        g("officers"),
        g("meetings"),
    )
    parts = []
    if committees and committees.value:
        text = f"已建立女职工委员会{committees.formatted()}"
        if seats and seats.value:
            text += f"，女职委委员{seats.formatted()}"
        parts.append(text)
    if officers and officers.value:
        parts.append(f"未建女职委的工会设女职工委员{officers.formatted()}")
    if meetings and meetings.value:
        parts.append(f"女职委全年召开会议{meetings.formatted()}")
    if parts:
        say("，".join(parts) + "。", "committees", "committee_members", "officers", "meetings")

    delegates, female, dshare = g("delegates"), g("female_delegates"), g("delegate_share")
    if delegates and delegates.value and female and dshare:
        say(
            f"职工代表大会共有代表{delegates.formatted()}，其中女职工代表{female.formatted()}，"
            f"占代表总数的{_pct(dshare)}。",
            "delegates",
            "female_delegates",
            "delegate_share",
        )

    units, enrolled, premiums = g("insurance.units"), g("insurance.enrolled"), g("insurance.premiums")
    claims, payouts = g("insurance.claims"), g("insurance.payouts")
    if enrolled and enrolled.value:
        text = f"组织{units.formatted() if units else ''}单位的{enrolled.formatted()}女职工参加互助保障"
        if premiums and premiums.value:
            text += f"，代收保费{premiums.formatted()}（列代管经费）"
        if claims and claims.value:
            text += f"；全年申请理赔{claims.formatted()}"
            if payouts and payouts.value:
                text += f"，获得给付{payouts.formatted()}"
        say(
            text + "。",
            "insurance.units",
            "insurance.enrolled",
            "insurance.premiums",
            "insurance.claims",
            "insurance.payouts",
        )

    contracts, covered = g("contracts"), g("contracts.female_employees")
    if contracts and contracts.value:
        text = f"签订女职工权益保护专项集体合同{contracts.formatted()}"
        if covered and covered.value:
            text += f"，覆盖女职工{covered.formatted()}"
        say(text + "。", "contracts", "contracts.female_employees")

    events, attendance, titles = g("march8.events"), g("march8.attendance"), g("titles")
    parts = []
    if events and events.value:
        text = f"围绕“三八”国际妇女节开展主题活动{events.formatted()}"
        if attendance and attendance.value:
            text += f"，参加{attendance.formatted()}"
        parts.append(text)
    if titles and titles.value:
        parts.append(f"获得巾帼文明岗、巾帼建功标兵等荣誉{titles.formatted()}")
    if parts:
        say("；".join(parts) + "。", "march8.events", "march8.attendance", "titles")

    if not paragraphs:
        return []
    return [ReportSection(TITLE, tuple(paragraphs), tuple(dict.fromkeys(used)), order=ORDER)]
