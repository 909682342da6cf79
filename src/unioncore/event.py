"""Events and activities (活动): 文体活动、培训、劳动竞赛、慰问、职代会 …, with participants and results."""

from __future__ import annotations

import datetime
from typing import Any

import attrs

from .schema import Field, Kind

RESULT_FIELDS = (
    Field("member", label="会员", ref="member"),
    Field("team", label="团队/班组"),
    Field("rank", Kind.INT, label="名次", minimum=1),
    Field("award", label="奖项"),
)

EVENT_FIELDS = (
    Field("id", label="活动编号", required=True),
    Field("type", label="类型", required=True),
    Field("title", label="名称", required=True),
    Field("start", Kind.DATE, label="开始日期", required=True),
    Field("end", Kind.DATE, label="结束日期"),
    Field("co_organisers", Kind.STR_LIST, label="协办组织", ref="organisation"),
    Field("place", label="地点"),
    Field("participants", Kind.STR_LIST, label="参加会员", ref="member"),
    Field("headcount", Kind.INT, label="参加人数", minimum=0, help="含非会员；不填则按参加会员计"),
    Field("note", label="备注"),
    Field("result", Kind.TABLE_LIST, label="成绩", fields=RESULT_FIELDS),
)


@attrs.frozen
class EventResult:
    member: str | None = None
    team: str | None = None
    rank: int | None = None
    award: str | None = None


@attrs.frozen
class Event:
    """An activity. `org` (the organiser) is the organisation whose folder holds the record."""

    id: str
    type: str
    title: str
    start: datetime.date
    org: str
    end: datetime.date | None = None
    co_organisers: tuple[str, ...] = ()
    place: str | None = None
    participants: tuple[str, ...] = ()
    headcount: int | None = None
    note: str | None = None
    results: tuple[EventResult, ...] = ()
    fields: dict[str, Any] = attrs.field(factory=dict, eq=False)  # the type's own fields

    @property
    def organisers(self) -> tuple[str, ...]:
        return (self.org, *self.co_organisers)

    @property
    def attendance(self) -> int:
        """Person-times (人次): the head count when given, otherwise the listed members."""
        return self.headcount if self.headcount is not None else len(self.participants)

    @property
    def last_day(self) -> datetime.date:
        return self.end or self.start

    @classmethod
    def from_values(cls, values: dict[str, Any], org: str, type_fields: dict[str, Any]) -> Event:
        return cls(
            id=values["id"],
            type=values["type"],
            title=values["title"],
            start=values["start"],
            org=org,
            end=values.get("end"),
            co_organisers=tuple(values.get("co_organisers") or ()),
            place=values.get("place"),
            participants=tuple(values.get("participants") or ()),
            headcount=values.get("headcount"),
            note=values.get("note"),
            results=tuple(EventResult(**r) for r in values.get("result") or ()),
            fields=type_fields,
        )

    def values(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "co_organisers": list(self.co_organisers),
            "place": self.place,
            "participants": list(self.participants),
            "headcount": self.headcount,
            "note": self.note,
            "result": [attrs.asdict(r) for r in self.results],
        }
