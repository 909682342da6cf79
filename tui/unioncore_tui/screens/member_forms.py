"""Member forms: 入会 (add), 修改 (edit), 转会 (transfer), 退休 (retire), 退会 (leave), 去世."""

from __future__ import annotations

import datetime
from typing import Any, ClassVar

from unioncore.member import MEMBER_FIELDS, Member
from unioncore.problems import Problem, ValidationError
from unioncore.schema import Field, Kind, check_values

from ..session import Session, next_id
from ..widgets.form import FieldRow, rows_for
from .form_screen import RecordForm, checked, given

ORG_FIELD = Field("org", label="所属工会", required=True, ref="organisation", help="基层工会的组织代码")
# history is kept by the core (入会/转会/退休 lines); status changes through the actions, not the form
NOT_IN_FORM = ("status", "history")


class MemberForm(RecordForm[Member]):
    """Add a member (入会) to an organisation, or edit one; every field is checked by
    `Workspace.member_field_errors` as it is typed."""

    def __init__(self, session: Session, member: Member | None = None, org: str | None = None) -> None:
        super().__init__(session)
        self.member = member
        self.org = org
        if member is None:
            self.form_title = "新增会员（入会）"
            self.note = "带＊的必填；公民身份号码填好后性别可不填（按号码推算）。"
        else:
            self.form_title = f"修改会员：{member.name}（{member.id}）"
            self.note = "转会、退休、退会请在会员列表中用对应的按键办理（会保留会籍变动记录）。"

    def build_rows(self) -> list[FieldRow]:
        ws = self.ws
        categories = [(c.label, cid) for cid, c in ws.categories.items()]
        codes = self.session.grassroots_codes()
        resolver = self.session.describe
        if self.member is None:
            values: dict[str, Any] = {
                "id": next_id(ws.members, "M000001"),
                "joined": ws.as_of.isoformat(),
            }
            rows = [FieldRow(ORG_FIELD, self.org, resolver=resolver, suggestions=codes)]
            read_only: tuple[str, ...] = ()
        else:
            values = self.member.values()
            values["joined"] = values["joined"].isoformat() if values.get("joined") else None
            rows = []
            read_only = ("id",)
        rows += rows_for(
            MEMBER_FIELDS,
            values,
            resolver=resolver,
            choices={"categories": categories},
            read_only=read_only,
            skip=NOT_IN_FORM,
        )
        return rows

    def _member_values(self, values: dict[str, Any]) -> dict[str, Any]:
        out = {k: v for k, v in values.items() if k != "org"}
        if self.member is not None:
            out["id"] = self.member.id
        return out

    def check(self, values: dict[str, Any]) -> list[tuple[str, str]]:
        errors = self.ws.member_field_errors(
            self._member_values(values), member_id=self.member.id if self.member else None
        )
        if self.member is None and not values.get("org"):
            errors.append(("org", "请填写所属工会"))
        return errors

    def submit(self, values: dict[str, Any]) -> Member:
        fields = self._member_values(values)
        if self.member is None:
            return self.ws.add_member(str(values.get("org") or ""), **given(fields))
        fields.pop("id")
        # categories the form cannot offer (their plugin is not enabled) are kept, not dropped
        # silently; the core then says why it refuses them
        unknown = [c for c in self.member.categories if c not in self.ws.categories]
        fields["categories"] = list(fields.get("categories") or []) + unknown
        return self.ws.update_member(self.member.id, **fields)


DAY_FIELD = Field("date", Kind.DATE, label="日期", required=True)
NOTE_FIELD = Field("note", label="备注")


class TransferForm(RecordForm[Member]):
    """转会: to another union of the workspace, or out of it to a named unit (status 转出)."""

    fields = (
        Field("to_org", label="转入工会", ref="organisation", help="本工作区内的基层工会，填组织代码"),
        Field("to_outside", label="或转到外单位", help="转到本工作区以外时填单位名称"),
        DAY_FIELD,
        NOTE_FIELD,
    )

    def __init__(self, session: Session, member: Member) -> None:
        super().__init__(session)
        self.member = member
        self.form_title = f"转会：{member.name}（{member.id}，现属 {session.org_label(member.org)}）"
        self.note = "转入本工作区内的工会时会员编号和会籍变动记录不变；二者填其一。"

    def build_rows(self) -> list[FieldRow]:
        return rows_for(
            self.fields,
            {"date": self.ws.as_of.isoformat()},
            resolver=self.session.describe,
            suggestions={"to_org": [c for c in self.session.grassroots_codes() if c != self.member.org]},
        )

    def check(self, values: dict[str, Any]) -> list[tuple[str, str]]:
        return check_values(values, self.fields)

    def submit(self, values: dict[str, Any]) -> Member:
        v = checked(values, self.fields)
        day: datetime.date = v["date"]
        if v.get("to_org"):
            return self.ws.transfer_member(self.member.id, v["to_org"], day, v.get("note"))
        if v.get("to_outside"):
            return self.ws.transfer_member(
                self.member.id, None, day, v.get("note"), to_outside=v["to_outside"]
            )
        raise ValidationError([Problem("请填写转入工会，或转到的外单位名称", path=("to_org",))])


class StatusForm(RecordForm[Member]):
    """退休 (keeps 会籍), 退会 or 去世, on a day, through the core's method for it."""

    fields = (DAY_FIELD, NOTE_FIELD)
    kinds: ClassVar[dict[str, str]] = {"retire": "退休", "leave": "退会", "decease": "去世"}

    def __init__(self, session: Session, member: Member, kind: str) -> None:
        super().__init__(session)
        self.member = member
        self.kind = kind
        self.form_title = f"{self.kinds[kind]}：{member.name}（{member.id}）"
        if kind == "retire":
            self.note = "退休会员保留会籍，不再交纳会费。"

    def build_rows(self) -> list[FieldRow]:
        return rows_for(self.fields, {"date": self.ws.as_of.isoformat()})

    def check(self, values: dict[str, Any]) -> list[tuple[str, str]]:
        return check_values(values, self.fields)

    def submit(self, values: dict[str, Any]) -> Member:
        v = checked(values, self.fields)
        if self.kind == "retire":
            return self.ws.retire_member(self.member.id, v["date"], v.get("note"))
        if self.kind == "leave":
            return self.ws.leave_member(self.member.id, v["date"], v.get("note"))
        return self.ws.member_deceased(self.member.id, v["date"], v.get("note"))
