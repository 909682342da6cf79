"""Organisations (组织): federations, grassroots unions, branches, with committees and terms."""

from __future__ import annotations

import datetime
import enum
from typing import Any

import attrs

from .schema import Field, Kind


class OrgKind(enum.Enum):
    FEDERATION = "总工会"  # 全总 / 省总 / 市总 / 区总
    SUBDISTRICT = "街道总工会"
    TOWN = "镇总工会"
    GRASSROOTS = "基层工会"
    JOINT = "联合工会"  # 联合基层工会: one union for several small employers
    INDUSTRY = "行业工会联合会"
    REGIONAL = "区域工会联合会"
    BRANCH = "分会"
    GROUP = "工会小组"

    @property
    def is_federation(self) -> bool:
        """Leads lower unions; covers enterprises for 建会率."""
        return self in (
            OrgKind.FEDERATION,
            OrgKind.SUBDISTRICT,
            OrgKind.TOWN,
            OrgKind.INDUSTRY,
            OrgKind.REGIONAL,
        )

    @property
    def is_grassroots(self) -> bool:
        """A 基层工会 in the sense of 工会法 Art 11 (has members of its own)."""
        return self in (OrgKind.GRASSROOTS, OrgKind.JOINT)

    @property
    def account_level(self) -> str:
        """Which part of the chart it books on: 县级以上 (county) or 基层 (grassroots)."""
        return "county" if self is OrgKind.FEDERATION else "grassroots"


class CommitteeKind(enum.Enum):
    UNION = "工会委员会"
    AUDIT = "经费审查委员会"  # 经审会
    WOMEN = "女职工委员会"  # 女职委


ROLES = ("主席", "副主席", "委员", "经审会主任", "经审委员", "女职委主任", "女职委委员", "组织员")
SECTORS = ("企业", "机关", "事业单位", "社会组织", "其他")

SEAT_FIELDS = (
    Field("role", label="职务", required=True, choices=ROLES),
    Field("member", label="会员编号", ref="member"),
    Field("name", label="姓名"),
)

COMMITTEE_FIELDS = (
    Field("kind", label="类别", required=True, choices=tuple(k.value for k in CommitteeKind)),
    Field("term_start", Kind.DATE, label="任期开始", required=True),
    Field("term_end", Kind.DATE, label="任期届满", required=True),
    Field("seat", Kind.TABLE_LIST, label="成员", fields=SEAT_FIELDS),
)

ENTERPRISE_FIELDS = (
    Field("name", label="单位名称", required=True),
    Field("uscc", label="统一社会信用代码"),
    Field("employees", Kind.INT, label="职工人数", minimum=0),
    Field("union", label="所建工会", ref="organisation", help="已建会时填工会的组织代码"),
    Field("required", Kind.BOOL, label="应建会", help="默认是；不需建会的单位填 false"),
)

ORGANISATION_FIELDS = (
    Field("code", label="组织代码", required=True),
    Field("name", label="名称", required=True),
    Field("kind", label="类别", required=True, choices=tuple(k.value for k in OrgKind)),
    Field("parent", label="上级工会", ref="organisation"),
    Field("also_under", Kind.STR_LIST, label="同时隶属", ref="organisation", help="如行业工会联合会"),
    Field("uscc", label="统一社会信用代码"),
    Field("founded", Kind.DATE, label="成立日期"),
    Field("sector", label="单位性质", choices=SECTORS),
    Field("employees", Kind.INT, label="职工人数", minimum=0),
    Field("female_employees", Kind.INT, label="女职工人数", minimum=0),
    Field("address", label="地址"),
)


@attrs.frozen
class CommitteeSeat:
    role: str
    member: str | None = None
    name: str | None = None


@attrs.frozen
class Committee:
    """An elected body with a term (工会法 Art 16: 三年或者五年)."""

    kind: CommitteeKind
    term_start: datetime.date
    term_end: datetime.date
    seats: tuple[CommitteeSeat, ...] = ()

    @property
    def term_years(self) -> float:
        return (self.term_end - self.term_start).days / 365.25

    def days_left(self, on: datetime.date) -> int:
        return (self.term_end - on).days

    def chair(self) -> CommitteeSeat | None:
        for s in self.seats:
            if s.role in ("主席", "经审会主任", "女职委主任"):
                return s
        return None


@attrs.frozen
class Enterprise:
    """A unit a federation covers (应建会单位 when `required`)."""

    name: str
    uscc: str | None = None
    employees: int | None = None
    union: str | None = None
    required: bool = True

    @property
    def unionised(self) -> bool:
        return self.union is not None


@attrs.frozen
class Organisation:
    code: str
    name: str
    kind: OrgKind
    parent: str | None = None
    also_under: tuple[str, ...] = ()
    uscc: str | None = None
    founded: datetime.date | None = None
    sector: str | None = None
    employees: int | None = None
    female_employees: int | None = None
    address: str | None = None
    committees: tuple[Committee, ...] = ()
    enterprises: tuple[Enterprise, ...] = ()

    def committee(self, kind: CommitteeKind) -> Committee | None:
        """The current body of a kind: the one whose term started last."""
        found = [c for c in self.committees if c.kind is kind]
        return max(found, key=lambda c: c.term_start) if found else None

    @property
    def superiors(self) -> tuple[str, ...]:
        """Every federation it sits under: the area parent and any industry federations."""
        return ((self.parent,) if self.parent else ()) + self.also_under

    # -- TOML -------------------------------------------------------------------------------
    @classmethod
    def from_values(
        cls, org: dict[str, Any], committees: list[dict[str, Any]], enterprises: list[dict[str, Any]]
    ) -> Organisation:
        return cls(
            code=org["code"],
            name=org["name"],
            kind=OrgKind(org["kind"]),
            parent=org.get("parent"),
            also_under=tuple(org.get("also_under") or ()),
            uscc=org.get("uscc"),
            founded=org.get("founded"),
            sector=org.get("sector"),
            employees=org.get("employees"),
            female_employees=org.get("female_employees"),
            address=org.get("address"),
            committees=tuple(
                Committee(
                    kind=CommitteeKind(c["kind"]),
                    term_start=c["term_start"],
                    term_end=c["term_end"],
                    seats=tuple(CommitteeSeat(**s) for s in c.get("seat") or ()),
                )
                for c in committees
            ),
            enterprises=tuple(
                Enterprise(
                    name=e["name"],
                    uscc=e.get("uscc"),
                    employees=e.get("employees"),
                    union=e.get("union"),
                    required=e.get("required") is not False,
                )
                for e in enterprises
            ),
        )

    def org_values(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "kind": self.kind.value,
            "parent": self.parent,
            "also_under": list(self.also_under),
            "uscc": self.uscc,
            "founded": self.founded,
            "sector": self.sector,
            "employees": self.employees,
            "female_employees": self.female_employees,
            "address": self.address,
        }

    def committee_values(self) -> list[dict[str, Any]]:
        return [
            {
                "kind": c.kind.value,
                "term_start": c.term_start,
                "term_end": c.term_end,
                "seat": [attrs.asdict(s) for s in c.seats],
            }
            for c in self.committees
        ]

    def enterprise_values(self) -> list[dict[str, Any]]:
        return [
            {
                "name": e.name,
                "uscc": e.uscc,
                "employees": e.employees,
                "union": e.union,
                "required": None if e.required else False,
            }
            for e in self.enterprises
        ]
