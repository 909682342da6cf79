"""Provincial presets of the spending standards (慰问标准), and the national rules they sit on.

The national 《基层工会经费收支管理办法》 (全总, 2017) lists what union funds may pay for — festival
gifts, birthday, wedding, childbirth, hospitalisation, death and retirement 慰问 — but sets **no
amounts**: provinces fix them (shared/domain.md §4.5, §4.6). So a workspace without a preset gets only
the national rules (statutory festivals, birthday once a year, 实名发放 …) and no cap at all; a preset
adds the caps its source states, and nothing else. Every cap of a preset can be overridden in
`[settings.policy.caps]`.

Cap keys (yuan, `Decimal`):

    festival_year      festival gifts per member per year, summed over festivals
    birthday           birthday gift per member (once a year)
    wedding_childbirth wedding or childbirth gift, per occasion
    hospital           hospitalisation 慰问 per occasion
    death_member       death of the member
    death_relative     death of a 直系亲属 (spouse, parents, children)
    retirement         retirement souvenir (once)
    hardship           one-off hardship aid per payment
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs

# 《全国年节及纪念日放假办法》 Art 2 (S9) and the 2017 national 办法 (S11): the festivals for which
# gifts may be given. 三八 (妇女节, Art 3) and 重阳 (老年节) are not among them (domain §4.2, §6.10, §7.5).
STATUTORY_FESTIVALS = ("元旦", "春节", "清明", "劳动节", "端午", "中秋", "国庆")
FESTIVAL_SOURCE = "《基层工会经费收支管理办法》（全总2017）；《全国年节及纪念日放假办法》第二条"

CAP_LABELS: dict[str, str] = {
    "festival_year": "节日慰问（每人每年合计）",
    "birthday": "生日慰问",
    "wedding_childbirth": "结婚、生育慰问",
    "hospital": "住院慰问",
    "death_member": "会员去世慰问",
    "death_relative": "直系亲属去世慰问",
    "retirement": "退休纪念品",
    "hardship": "困难帮扶（一次性）",
}

# Payment methods a gift may take when a province allows only goods or designated-merchant vouchers.
IN_KIND_METHODS = ("实物", "提货券", "蛋糕券")


@attrs.frozen
class Preset:
    """One province's standards, with the document they come from."""

    id: str
    name: str
    source: str
    caps: Mapping[str, Decimal] = attrs.field(factory=dict)
    # caps per member per festival and year (贵州: 春节 500, other festivals 200); "其他" = any other
    festival_caps: Mapping[str, Decimal] = attrs.field(factory=dict)
    # the only payment methods allowed for festival gifts (None: no provincial restriction)
    festival_methods: tuple[str, ...] | None = None
    # the same illness is 慰问'd at most once a year
    hospital_once_a_year: bool = False
    # ethnic-minority festivals approved by an autonomous-region-level government (domain §4.2)
    minority_festivals: tuple[str, ...] = ()


def _yuan(**caps: int) -> dict[str, Decimal]:
    return {k: Decimal(v) for k, v in caps.items()}


PRESETS: dict[str, Preset] = {
    p.id: p
    for p in (
        Preset(
            "anhui-2018",
            "安徽省（2018）",
            "安徽省2018年基层工会经费收支标准（S12：https://feifmx.com/socialgd/10000169/20180428/32358486_2.html）",
            _yuan(
                festival_year=1500,
                birthday=300,
                wedding_childbirth=600,
                hospital=1000,
                death_member=2000,
                death_relative=1000,
                retirement=1000,
            ),
        ),
        Preset(
            "anhui-2025",
            "安徽省（2025）",
            "皖工发〔2025〕18号《安徽省基层工会经费收支管理实施办法》",
            _yuan(
                festival_year=2200,
                birthday=500,
                wedding_childbirth=2000,
                hospital=2000,
                death_member=2000,
                death_relative=2000,
                retirement=2000,
                hardship=2000,  # p.12: one-off aid with a 困难职工档案
            ),
            festival_methods=IN_KIND_METHODS,  # no cash or shopping cards for festivals
            hospital_once_a_year=True,
        ),
        Preset(
            "xinjiang-2019",
            "新疆维吾尔自治区（2019）",
            "新工办〔2019〕3号（S14）",
            _yuan(festival_year=1500),
        ),
        Preset(
            "xinjiang-2025",
            "新疆维吾尔自治区（2025）",
            "新工办〔2019〕3号及2025年补充规定（节日慰问1500元调整为2000元，S14）",
            _yuan(festival_year=2000),
        ),
        Preset(
            "heilongjiang-2017",
            "黑龙江省（2017）",
            "黑龙江省总工会2017年补充通知（S15：http://www.handmsg.com/page/2017/0407/1473162.shtml）",
            _yuan(festival_year=1000),
        ),
        Preset(
            "guizhou",
            "贵州省",
            "贵州省基层工会节日慰问标准（春节不超过500元，其他节日不超过200元；S12）",
            festival_caps=_yuan(春节=500, 其他=200),
        ),
    )
}

# The national layer alone: every rule that needs no provincial amount.
NATIONAL = Preset("national", "全国通用规则（未选省份标准）", "《基层工会经费收支管理办法》（全总2017）")
