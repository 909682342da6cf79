"""Every rule of the women plugin with its source (shared/domain.md §6, §3.4)."""

from __future__ import annotations

from unioncore import Rule, Severity

TIAOLI = "《工会女职工委员会工作条例》（2004）"
ART11 = "《工会女职工委员会工作条例》第十一条；《工会法》第十一条"
ART15 = "《工会女职工委员会工作条例》第十五条"
ART17 = "《工会女职工委员会工作条例》第十七条"
LAW_ART16 = "《工会法》第十六条"
ACCOUNT_221 = "《工会会计制度》（财会〔2021〕7号）221 代管经费"
MUTUAL_AID = "女职工安康互助保险参保办法（如宁波：在职女职工 80% 以上参保）"
CONTRACT_ART52 = "《劳动合同法》第五十二条"
MATERNITY_ART7 = "《女职工劳动保护特别规定》第七条"

RULES = [
    Rule(
        "women.committee-required",
        "女会员十人以上的工会应建立女职工委员会",
        Severity.WARNING,
        ART11,
    ),
    Rule(
        "women.officer-suggested",
        "女会员不足十人且未建女职委的，可在工会委员会中设女职工委员",
        Severity.HINT,
        ART11,
    ),
    Rule("women.committee-chair", "女职委应有主任，由女性担任", Severity.WARNING, ART17),
    Rule("women.chair-on-committee", "女职委主任应提名为同级工会委员会委员", Severity.HINT, ART17),
    Rule("women.term-expired", "女职委任期届满应随工会委员会换届", Severity.WARNING, f"{ART11}；{LAW_ART16}"),
    Rule("women.term-mismatch", "女职委与工会委员会同时建立，任期一致", Severity.HINT, ART11),
    Rule("women.officer-member", "女职工委员应是本会女会员", Severity.WARNING, ART11),
    Rule("women.meeting-missed", "女职委按期召开会议（默认每季度一次）", Severity.WARNING, TIAOLI),
    Rule(
        "women.delegate-share",
        "职代会女职工代表比例应与女职工比例相适应",
        Severity.WARNING,
        ART15,
    ),
    Rule("women.delegate-count", "女职工代表人数不超过代表总数", Severity.ERROR, ART15),
    Rule(
        "women.premium-income",
        "代收的互助保险保费记 221 代管经费，不得记为工会收入",
        Severity.ERROR,
        ACCOUNT_221,
    ),
    Rule("women.premium-voucher", "参保记录的代收保费凭证存在且金额相符", Severity.WARNING, ACCOUNT_221),
    Rule("women.enrolment-share", "单位参保人数达到方案规定的最低比例", Severity.WARNING, MUTUAL_AID),
    Rule(
        "women.enrolment-eligible",
        "参保人是本单位在职女会员，同一年度不重复参保，方案在保障期内",
        Severity.WARNING,
        MUTUAL_AID,
    ),
    Rule("women.claim-not-enrolled", "理赔人当年已参加该方案", Severity.WARNING, MUTUAL_AID),
    Rule("women.title-holder", "巾帼荣誉写明获得者，个人称号授予女会员", Severity.WARNING),
    Rule(
        "women.special-contract",
        "女职委所在单位宜签订女职工权益保护专项集体合同并及时续签",
        Severity.HINT,
        CONTRACT_ART52,
    ),
    Rule("women.settings", "[settings.women] 的设置值有效", Severity.ERROR),
]
