"""The event form: the core's event fields plus the chosen type's own fields (also a plugin's)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.widgets import Static

from unioncore.event import EVENT_FIELDS, Event
from unioncore.registry import EventType
from unioncore.schema import Field, check_values

from ..session import Session, next_id
from ..widgets.form import FieldRow, FormBody, rows_for
from .form_screen import RecordForm, given

ORGANISER_FIELD = Field("org", label="主办组织", required=True, ref="organisation")


def type_label(t: EventType) -> str:
    return f"{t.label}（{t.plugin}）" if t.plugin and t.plugin != "core" else t.label


def type_choices(types: Iterable[EventType]) -> list[tuple[str, str]]:
    """The core's types first, then each plugin's, as (label, id) for a Select."""
    ordered = sorted(types, key=lambda t: bool(t.plugin and t.plugin != "core"))
    return [(type_label(t), t.id) for t in ordered]


class EventForm(RecordForm[Event]):
    def __init__(self, session: Session, event: Event | None = None, org: str | None = None) -> None:
        super().__init__(session)
        self.event = event
        self.org = org
        if event is None:
            self.form_title = "新增活动"
        else:
            self.form_title = f"修改活动：{event.title}（{event.id}，{session.org_label(event.org)}）"
        self.note = "换了类型，下面会出现该类型自己的字段；参加会员按“选择…”从会员中挑选。"

    def _type(self, type_id: Any) -> EventType | None:
        return self.ws.event_types.get(str(type_id)) if type_id else None

    def build_rows(self) -> list[FieldRow]:
        ws = self.ws
        resolver = self.session.describe
        types = type_choices(ws.event_types.values())
        org_codes = sorted(ws.organisations)
        if self.event is None:
            year = ws.year
            values: dict[str, Any] = {"id": next_id(ws.events, f"E{year}-0001")}
            rows = [FieldRow(ORGANISER_FIELD, self.org, resolver=resolver, suggestions=org_codes)]
            read_only: tuple[str, ...] = ()
            etype = None
        else:
            values = self.event.values()
            values.update(self.event.fields)
            for key in ("start", "end"):
                values[key] = values[key].isoformat() if values.get(key) else None
            rows = []
            read_only = ("id",)
            etype = self._type(self.event.type)
        rows += rows_for(
            EVENT_FIELDS,
            values,
            resolver=resolver,
            choices={"type": types},
            suggestions={"co_organisers": org_codes},
            read_only=read_only,
        )
        rows += self._type_rows(etype, values)
        return rows

    def _type_rows(self, etype: EventType | None, values: dict[str, Any]) -> list[FieldRow]:
        if etype is None:
            return []
        rows = rows_for(etype.fields, values, resolver=self.session.describe)
        for row in rows:
            row.add_class("type-field")
        return rows

    async def on_field_row_changed(self, event: FieldRow.Changed) -> None:
        if event.row.field.name == "type":
            body = self.query_one(FormBody)
            await body.query(".type-field, .type-heading").remove()
            etype = self._type(event.row.value())
            rows = self._type_rows(etype, {})
            if etype is not None and rows:
                await body.mount(Static(f"—— {etype.label}的字段 ——", classes="type-heading"))
                await body.mount_all(rows)
        self.validate_now()

    def _split(self, values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any], EventType | None]:
        etype = self._type(values.get("type"))
        own_names = {f.name for f in etype.fields} if etype else set()
        core = {k: v for k, v in values.items() if k not in own_names and k != "org"}
        own = {k: v for k, v in values.items() if k in own_names}
        return core, own, etype

    def check(self, values: dict[str, Any]) -> list[tuple[str, str]]:
        core, own, etype = self._split(values)
        if self.event is not None:
            core["id"] = self.event.id
        errors = check_values(core, EVENT_FIELDS)
        if etype is not None:
            errors += check_values(own, etype.fields)
        if self.event is None and not values.get("org"):
            errors.append(("org", "请填写主办组织"))
        return errors

    def submit(self, values: dict[str, Any]) -> Event:
        if self.event is None:
            org = str(values.get("org") or "")
            return self.ws.add_event(org, **given({k: v for k, v in values.items() if k != "org"}))
        changes = {k: v for k, v in values.items() if k not in ("id", "org")}
        return self.ws.update_event(self.event.id, **changes)
