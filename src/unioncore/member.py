"""Members (会员): identity, standing (会籍) and its dated history, categories."""

from __future__ import annotations

import datetime
import enum
import itertools
from typing import Any

import attrs

from .identifiers import check_ric, mask_phone, mask_ric
from .schema import Field, Kind


class Status(enum.Enum):
    ACTIVE = "在职"
    RETIRED = "退休"  # 保留会籍 (章程 Art 8): no dues
    TRANSFERRED_OUT = "转出"  # moved to a union outside this workspace
    LEFT = "退会"
    DECEASED = "去世"

    @property
    def is_member(self) -> bool:
        """Still holds 会籍 in this workspace (in service or retained)."""
        return self is Status.ACTIVE or self is Status.RETIRED


class ChangeKind(enum.Enum):
    JOIN = "入会"
    TRANSFER = "转会"  # between two unions of the workspace (一次入会、动态接转)
    TRANSFER_OUT = "转出"
    TRANSFER_IN = "转入"  # from a union outside the workspace
    RETIRE = "退休"
    LEAVE = "退会"
    DECEASE = "去世"
    RESTORE = "恢复"


GENDERS = ("男", "女")

CHANGE_FIELDS = (
    Field("date", Kind.DATE, label="日期", required=True),
    Field("kind", label="变动", required=True, choices=tuple(k.value for k in ChangeKind)),
    Field("from_org", label="转出单位", help="转会时的原工会代码或外部单位名称"),
    Field("to_org", label="转入单位"),
    Field("note", label="备注"),
)

MEMBER_FIELDS = (
    Field("id", label="会员编号", required=True),
    Field("name", label="姓名", required=True),
    Field("gender", label="性别", choices=GENDERS),
    Field("id_number", label="公民身份号码"),
    Field("phone", label="手机"),
    Field("joined", Kind.DATE, label="入会日期"),
    Field("status", label="状态", choices=tuple(s.value for s in Status)),
    Field("categories", Kind.STR_LIST, label="类别"),
    Field("card_no", label="会员证号"),
    Field("note", label="备注"),
    Field("history", Kind.TABLE_LIST, label="会籍变动", fields=CHANGE_FIELDS),
)


@attrs.frozen
class MembershipChange:
    date: datetime.date
    kind: ChangeKind
    from_org: str | None = None
    to_org: str | None = None
    note: str | None = None


@attrs.frozen
class Member:
    """A member. `org` is the organisation whose folder holds the record (not stored in the file)."""

    id: str
    name: str
    org: str
    gender: str | None = None
    id_number: str | None = None
    phone: str | None = None
    joined: datetime.date | None = None
    status: Status = Status.ACTIVE
    categories: tuple[str, ...] = ()
    card_no: str | None = None
    note: str | None = None
    history: tuple[MembershipChange, ...] = ()
    # fields of categories that declare some, e.g. {"model_worker": {"level": "省级"}}
    category_data: dict[str, dict[str, Any]] = attrs.field(factory=dict, eq=False)

    @property
    def birth_date(self) -> datetime.date | None:
        if not self.id_number:
            return None
        info, _ = check_ric(self.id_number)
        return info.birth_date if info else None

    def age(self, on: datetime.date) -> int | None:
        born = self.birth_date
        if born is None:
            return None
        return on.year - born.year - ((on.month, on.day) < (born.month, born.day))

    @property
    def masked_id_number(self) -> str:
        return mask_ric(self.id_number) if self.id_number else ""

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone) if self.phone else ""

    def has_category(self, category: str) -> bool:
        return category in self.categories

    def status_on(self, day: datetime.date) -> Status | None:
        """Standing on a past day from the dated history (None before joining)."""
        if self.joined and day < self.joined:
            return None
        if not self.history:
            return self.status
        history = self.history
        if len(history) == 1:  # most members: the 入会 line only
            only = history[0]
            return _STATUS_AFTER.get(only.kind, Status.ACTIVE) if only.date <= day else Status.ACTIVE
        status = Status.ACTIVE
        if any(a.date > b.date for a, b in itertools.pairwise(history)):
            history = tuple(sorted(history, key=lambda c: c.date))  # rare: written out of order
        for ch in history:
            if ch.date > day:
                break
            status = _STATUS_AFTER.get(ch.kind, status)
        return status

    # -- TOML -------------------------------------------------------------------------------
    @classmethod
    def from_values(cls, values: dict[str, Any], org: str, category_data: dict[str, Any]) -> Member:
        return cls(
            id=values["id"],
            name=values["name"],
            org=org,
            gender=values.get("gender"),
            id_number=values.get("id_number"),
            phone=values.get("phone"),
            joined=values.get("joined"),
            status=Status(values["status"]) if values.get("status") else Status.ACTIVE,
            categories=tuple(values.get("categories") or ()),
            card_no=values.get("card_no"),
            note=values.get("note"),
            history=tuple(
                MembershipChange(
                    date=h["date"],
                    kind=ChangeKind(h["kind"]),
                    from_org=h.get("from_org"),
                    to_org=h.get("to_org"),
                    note=h.get("note"),
                )
                for h in values.get("history") or ()
                if h.get("date") is not None and h.get("kind") is not None  # a bad line is reported, not kept
            ),
            category_data=category_data,
        )

    def values(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "gender": self.gender,
            "id_number": self.id_number,
            "phone": self.phone,
            "joined": self.joined,
            "status": None if self.status is Status.ACTIVE else self.status.value,
            "categories": list(self.categories),
            "card_no": self.card_no,
            "note": self.note,
            "history": [
                {
                    "date": h.date,
                    "kind": h.kind.value,
                    "from_org": h.from_org,
                    "to_org": h.to_org,
                    "note": h.note,
                }
                for h in self.history
            ],
        }


_STATUS_AFTER = {
    ChangeKind.JOIN: Status.ACTIVE,
    ChangeKind.TRANSFER: Status.ACTIVE,
    ChangeKind.TRANSFER_IN: Status.ACTIVE,
    ChangeKind.RESTORE: Status.ACTIVE,
    ChangeKind.TRANSFER_OUT: Status.TRANSFERRED_OUT,
    ChangeKind.RETIRE: Status.RETIRED,
    ChangeKind.LEAVE: Status.LEFT,
    ChangeKind.DECEASE: Status.DECEASED,
}
