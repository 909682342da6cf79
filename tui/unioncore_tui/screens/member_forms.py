"""Member forms: 入会 (add), 修改 (edit), 转会 (transfer), 退休 (retire), 退会 (leave), 去世.

In the edit form the 公民身份号码 and the phone number stay masked (110105********0011,
138****5678) until the officer asks to see or change them (the field's 显示 button, or ctrl+t for
both), so that someone looking over the officer's shoulder does not read them; a field left
masked keeps the member's number as it is.

A category that declares its own fields (劳模: 级别, 称号, 授予年份; a plugin's likewise) shows
them in the form while it is ticked; they are checked with the category's declaration and passed
to the core as a dict under the category's id (`update_member(..., model_worker={...})`).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from typing import Any, ClassVar

import attrs
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from unioncore.identifiers import mask_phone, mask_ric
from unioncore.member import MEMBER_FIELDS, Member
from unioncore.problems import Problem, ValidationError
from unioncore.registry import MemberCategory
from unioncore.schema import Field, Kind, check_values

from ..session import Session, next_id
from ..widgets.form import FieldRow, FormBody, rows_for
from .form_screen import RecordForm, checked, given

ORG_FIELD = Field("org", label="所属工会", required=True, ref="organisation", help="基层工会的组织代码")
# history is kept by the core (入会/转会/退休 lines); status changes through the actions, not the form
NOT_IN_FORM = ("status", "history")
# a category field's row is named "<category>__<field>" (ids allow letters, digits, - and _)
CATEGORY_SEP = "__"
_NOT_ID = re.compile(r"[^A-Za-z0-9_-]")


# the fields kept masked in the edit form, with how each is masked
SECRET_FIELDS: dict[str, Callable[[str], str]] = {"id_number": mask_ric, "phone": mask_phone}


class SecretRow(FieldRow):
    """A field whose value is shown masked until the officer asks to see it (its 显示 button).

    While masked its input is disabled and shows the masked number, and `value()` is the number
    kept aside (unchanged unless the officer revealed and changed it); revealed, it is an ordinary
    input. Hiding it again masks what was typed."""

    def __init__(self, field: Field, value: str | None, mask: Callable[[str], str]) -> None:
        super().__init__(field, value)
        self.mask = mask
        self.secret = value or None
        self.revealed = self.secret is None  # nothing on file: nothing to hide

    def _control(self) -> Iterable[Widget]:
        name = self.field.name
        shown = self.secret if self.revealed else self.mask(self.secret or "")
        yield Input(shown or "", id=f"in-{name}", compact=True, disabled=not self.revealed)
        button = Button(self._label(), id=f"reveal-{name}", compact=True, classes="reveal")
        button.display = self.secret is not None
        yield button

    def _label(self) -> str:
        return "隐藏" if self.revealed else "显示/修改"

    @property
    def input(self) -> Input:
        return self.query_one(f"#in-{self.field.name}", Input)

    def value(self) -> Any:
        return super().value() if self.revealed else self.secret

    @property
    def can_reveal(self) -> bool:
        """Whether it has a number to show or hide (its button is shown)."""
        return self.query_one(f"#reveal-{self.field.name}", Button).display

    def reveal(self) -> None:
        """Show the number in the input, ready to be changed."""
        if self.revealed:
            return
        self.revealed = True
        box = self.input
        with box.prevent(Input.Changed):
            box.value = self.secret or ""
        box.disabled = False
        box.focus()
        box.cursor_position = len(box.value)
        self.query_one(f"#reveal-{self.field.name}", Button).label = self._label()

    def conceal(self) -> None:
        """Mask the input again; what it holds (typed or not) is kept."""
        if not self.revealed:
            return
        box = self.input
        self.secret = box.value.strip() or None
        self.revealed = False
        with box.prevent(Input.Changed):
            box.value = self.mask(self.secret or "")
        box.disabled = True
        button = self.query_one(f"#reveal-{self.field.name}", Button)
        button.label = self._label()
        button.display = True
        button.focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == f"reveal-{self.field.name}":
            event.stop()
            if self.revealed:
                self.conceal()
            else:
                self.reveal()


def category_prefix(cid: str) -> str:
    return f"cat-{_NOT_ID.sub('-', cid)}{CATEGORY_SEP}"


def category_rows(category: MemberCategory, values: dict[str, Any]) -> list[FieldRow]:
    """Rows for a category's own fields, named apart from the member's fields."""
    prefix = category_prefix(category.id)
    fields = [attrs.evolve(f, name=prefix + f.name) for f in category.fields]
    shown = {prefix + k: v for k, v in values.items()}
    rows = rows_for(fields, shown)
    for row in rows:
        row.add_class("category-field", f"{prefix}field")
    return rows


class MemberForm(RecordForm[Member]):
    """Add a member (入会) to an organisation, or edit one; every field is checked by
    `Workspace.member_field_errors` as it is typed. Editing, the 身份证 and phone stay masked until
    asked for (`SecretRow`)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+t", "reveal", "显示号码")]

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
        if self.member is not None:
            rows = [self._secret(row) for row in rows]
        return rows

    def _secret(self, row: FieldRow) -> FieldRow:
        """The row of a number kept masked, in place of the ordinary one."""
        mask = SECRET_FIELDS.get(row.field.name)
        if mask is None:
            return row
        return SecretRow(row.field, row.initial, mask)

    def action_reveal(self) -> None:
        """ctrl+t: show both numbers, or hide them again when both are shown."""
        rows = [r for r in self.body.query(SecretRow) if r.can_reveal]
        if rows and all(r.revealed for r in rows):
            for row in rows:
                row.conceal()
        else:
            for row in reversed(rows):  # the focus ends on the first
                row.reveal()

    async def on_mount(self) -> None:
        # the fields of the categories already ticked, with what the member has
        await self._sync_category_rows()
        await super().on_mount()

    def _ticked_with_fields(self, values: dict[str, Any]) -> list[MemberCategory]:
        out = []
        for cid in values.get("categories") or ():
            cat = self.ws.categories.get(cid)
            if cat is not None and cat.fields:
                out.append(cat)
        return out

    async def on_field_row_changed(self, event: FieldRow.Changed) -> None:
        if event.row.field.name == "categories":
            await self._sync_category_rows()
        self.validate_now()

    async def _sync_category_rows(self) -> None:
        """Show the fields of every ticked category that has some, keeping what was typed."""
        body = self.query_one(FormBody)
        wanted = self._ticked_with_fields(body.values())
        wanted_prefixes = {category_prefix(c.id) for c in wanted}
        for row in list(body.query(".category-field").results(FieldRow)):
            prefix = row.field.name.split(CATEGORY_SEP, 1)[0] + CATEGORY_SEP
            if prefix not in wanted_prefixes:
                await row.remove()
        await body.query(".category-heading").remove()
        present = {
            r.field.name.split(CATEGORY_SEP, 1)[0] + CATEGORY_SEP
            for r in body.query(".category-field").results(FieldRow)
        }
        data = self.member.category_data if self.member is not None else {}
        for cat in wanted:
            if category_prefix(cat.id) not in present:
                shown = {k: _shown(v) for k, v in data.get(cat.id, {}).items()}
                await body.mount_all(category_rows(cat, shown))
        # one heading above each category's rows, in the order they are shown
        for cat in wanted:
            first = body.query(f".{category_prefix(cat.id)}field").first(FieldRow)
            await body.mount(Static(f"—— {cat.label}的字段 ——", classes="category-heading"), before=first)

    def _split(self, values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
        """(the member's own values, {category id: its fields}) from the form's values."""
        ticked = {category_prefix(c.id): c.id for c in self._ticked_with_fields(values)}
        own: dict[str, Any] = {}
        data: dict[str, dict[str, Any]] = {cid: {} for cid in ticked.values()}
        for key, value in values.items():
            if key == "org":
                continue
            prefix, sep, name = key.partition(CATEGORY_SEP)
            if sep and key.startswith("cat-"):
                cid = ticked.get(prefix + sep)
                if cid is not None and value is not None and value != "":
                    data[cid][name] = value
                continue
            own[key] = value
        if self.member is not None:
            own["id"] = self.member.id
        return own, data

    def _category_field_errors(self, data: dict[str, dict[str, Any]]) -> list[tuple[str, str]]:
        """Each category's fields checked with its declaration, by the name of the form's row."""
        errors = []
        for cid, fields in data.items():
            cat = self.ws.categories[cid]
            prefix = category_prefix(cid)
            errors += [(prefix + name, message) for name, message in check_values(fields, cat.fields)]
        return errors

    def check(self, values: dict[str, Any]) -> list[tuple[str, str]]:
        own, data = self._split(values)
        errors = self.ws.member_field_errors(own, member_id=self.member.id if self.member else None)
        errors += self._category_field_errors(data)
        if self.member is None and not values.get("org"):
            errors.append(("org", "请填写所属工会"))
        return errors

    def submit(self, values: dict[str, Any]) -> Member:
        own, data = self._split(values)
        # the categories' fields checked first, so that each problem shows beside its field
        errors = self._category_field_errors(data)
        if errors:
            raise ValidationError([Problem(m, path=(f,)) for f, m in errors])
        try:
            if self.member is None:
                # the categories' own fields go with it, as a dict under each category's id
                return self.ws.add_member(str(values.get("org") or ""), **given(own), **data)
            own.pop("id")
            # categories the form cannot offer (their plugin is not enabled) are kept, not
            # dropped silently; the core then says why it refuses them
            unknown = [c for c in self.member.categories if c not in self.ws.categories]
            own["categories"] = list(own.get("categories") or []) + unknown
            return self.ws.update_member(self.member.id, **own, **data)
        except ValidationError as exc:
            raise ValidationError([self._at_category_row(p) for p in exc.problems]) from None

    def _at_category_row(self, problem: Problem) -> Problem:
        """A problem the core puts on a category (path = its id) goes to its first field's row."""
        cid = str(problem.path[0]) if problem.path else ""
        cat = self.ws.categories.get(cid)
        if cat is None or not cat.fields:
            return problem
        return attrs.evolve(problem, path=(category_prefix(cid) + cat.fields[0].name,))


def _shown(value: Any) -> Any:
    """A stored value as a form shows it (dates as text)."""
    return value.isoformat() if isinstance(value, datetime.date) else value


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
