"""Organisation forms: 新建组织 (`Workspace.add_organisation`), 修改组织 (`update_organisation`),
换届 (`add_committee`: a committee's kind, term and seats), correcting the current term of a
committee, and the units an organisation covers (覆盖单位, `[[enterprise]]`).

Every field is checked by the core while it is typed (`Workspace.organisation_field_errors`; the
committee's and its seats' fields with their declarations `COMMITTEE_FIELDS` and `SEAT_FIELDS`; a
covered unit's by `Workspace.enterprise_field_errors`); the core's method (`set_enterprise`,
`remove_enterprise`, …) has the last word when the form is confirmed.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any, ClassVar

import attrs
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, DataTable, Static

from unioncore.organisation import (
    COMMITTEE_FIELDS,
    ENTERPRISE_FIELDS,
    ORGANISATION_FIELDS,
    ROLES,
    SEAT_FIELDS,
    Committee,
    CommitteeKind,
    CommitteeSeat,
    Enterprise,
    Organisation,
    OrgKind,
)
from unioncore.problems import Problem, ValidationError
from unioncore.schema import Field, check_values

from ..session import Session, next_id
from ..widgets.form import FieldRow, rows_for
from .dialogs import ChoiceDialog
from .form_screen import RecordForm, checked, given
from .member_picker import MemberPicker

# 统一社会信用代码 is wider than the label column: the row says 社会信用代码 (the messages keep the name)
FORM_FIELDS = tuple(
    attrs.evolve(f, label="社会信用代码", help=f.help or "统一社会信用代码，18 位") if f.name == "uscc" else f
    for f in ORGANISATION_FIELDS
)
# the federations an organisation may also sit under (同时隶属), as the field's help says
ALSO_UNDER_KINDS = (OrgKind.INDUSTRY, OrgKind.REGIONAL)


def org_choices(session: Session, exclude: str | None = None) -> list[tuple[str, str]]:
    """Every organisation as (label, code) for a Select, in the order of the tree."""
    ws = session.ws
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    stack = list(reversed(session.roots))
    while stack:
        code = stack.pop()
        if code in seen:
            continue
        seen.add(code)
        if code != exclude:
            out.append((f"{ws.organisations[code].name}（{code}）", code))
        stack.extend(reversed(session.children.get(code, ())))
    # organisations the tree does not reach (a loop of parents) are offered too
    out += [
        (f"{o.name}（{c}）", c) for c, o in sorted(ws.organisations.items()) if c not in seen and c != exclude
    ]
    return out


def suggest_code(session: Session, parent: str | None) -> str | None:
    """A free code continuing the numbering of the parent's unions ("XF-07" -> "XF-08")."""
    if not parent:
        return None
    return next_id(session.ws.organisations, f"{parent}-01")


class OrgForm(RecordForm[Organisation]):
    """A new organisation, or the own fields of one (its code, which is its folder, stays)."""

    def __init__(self, session: Session, org: Organisation | None = None, parent: str | None = None) -> None:
        super().__init__(session)
        self.org = org
        self.default_parent = parent
        self._suggested: str | None = None
        if org is None:
            self.form_title = "新建组织"
            self.note = (
                "带＊的必填。组织代码也是文件夹名（orgs/代码/），建好后不能修改。"
                "先建上级（如街道总工会），再在其下建基层工会。"
            )
        else:
            self.form_title = f"修改组织：{org.name}（{org.code}）"
            self.note = "组织代码不能修改。委员会换届请在“组织”中按 h 登记。"

    def build_rows(self) -> Sequence[Widget]:
        session = self.session
        exclude = self.org.code if self.org is not None else None
        parents = org_choices(session, exclude)
        federations = [
            (label, code)
            for label, code in parents
            if session.ws.organisations[code].kind in ALSO_UNDER_KINDS
        ]
        if self.org is None:
            values: dict[str, Any] = {"parent": self.default_parent}
            self._suggested = suggest_code(session, self.default_parent)
            values["code"] = self._suggested
            read_only: tuple[str, ...] = ()
        else:
            values = self.org.org_values()
            values["founded"] = values["founded"].isoformat() if values.get("founded") else None
            read_only = ("code",)
        # a link to an organisation that is not there stays selectable (the checks say why)
        known = {c for _, c in parents}
        if values.get("parent") and values["parent"] not in known:
            parents.append((f"{values['parent']}（未找到）", values["parent"]))
        linked = {c for _, c in federations}
        federations += [
            (f"{c}（{session.describe('organisation', c) or '未找到'}）", c)
            for c in values.get("also_under") or ()
            if c not in linked
        ]
        # no 行业/区域工会联合会 to choose and none linked: the field has nothing to offer
        skip = () if federations else ("also_under",)
        return rows_for(
            FORM_FIELDS,
            values,
            resolver=session.describe,
            choices={"parent": parents, "also_under": federations},
            read_only=read_only,
            skip=skip,
        )

    def _values(self, values: dict[str, Any]) -> dict[str, Any]:
        if self.org is not None:
            values = {**values, "code": self.org.code}
        return values

    def check(self, values: dict[str, Any]) -> list[tuple[str, str]]:
        return self.ws.organisation_field_errors(
            self._values(values), code=self.org.code if self.org is not None else None
        )

    async def on_field_row_changed(self, event: FieldRow.Changed) -> None:
        # a new organisation's code follows its parent's numbering until the officer types one
        if self.org is None and event.row.field.name == "parent":
            code = self.body.row("code")
            if code.value() in (None, self._suggested):
                self._suggested = suggest_code(self.session, event.row.value())
                code.set_value(self._suggested)

    def submit(self, values: dict[str, Any]) -> Organisation:
        if self.org is None:
            return self.ws.add_organisation(**given(values))
        # every field is passed, so one the officer emptied is cleared
        changes = {k: v for k, v in values.items() if k != "code"}
        return self.ws.update_organisation(self.org.code, **changes)


# -- 换届 --------------------------------------------------------------------------------------

COMMITTEE_HEAD = tuple(f for f in COMMITTEE_FIELDS if f.name != "seat")
YEARS_FIELD = Field(
    "years",
    label="任期年限",
    choices=("3", "5"),
    help="改年限或任期开始日期时按它重算届满日期（开始日期加上年限再减一天）",
)
YEAR_CHOICES = [("三年", "3"), ("五年", "5")]
SEAT_SLOTS = 3  # empty seat lines shown at first; ctrl+n adds one
SEAT_PLACEHOLDERS = {"role": "职务", "member": "会员编号", "name": "或姓名（非会员）"}


def term_end(start: datetime.date, years: int) -> datetime.date:
    """The last day of a term of `years` starting on `start` (2026-06-01, 3 -> 2029-05-31)."""
    try:
        same_day = start.replace(year=start.year + years)
    except ValueError:  # 29 February in a year without it
        same_day = datetime.date(start.year + years, 3, 1)
    return same_day - datetime.timedelta(days=1)


def seat_field(n: int, name: str) -> str:
    return f"seat{n}_{name}"


class SeatLine(Horizontal):
    """One seat of the committee: 职务, the member (or a non-member's name)."""

    def __init__(self, n: int, seat: CommitteeSeat | None = None, *, session: Session) -> None:
        super().__init__(classes="seat-line", id=f"seat-{n}")
        self.n = n
        self.seat = seat
        self.session = session

    def compose(self) -> ComposeResult:
        yield Static(f"{self.n + 1}.", classes="seat-number")
        seat = self.seat
        for f in SEAT_FIELDS:
            row = FieldRow(
                attrs.evolve(f, name=seat_field(self.n, f.name)),
                getattr(seat, f.name) if seat is not None else None,
                resolver=self._name_of,
                choices=[(r, r) for r in ROLES] if f.name == "role" else None,
                placeholder=SEAT_PLACEHOLDERS[f.name],
            )
            row.add_class(f"seat-{f.name}")
            yield row

    def _name_of(self, kind: str, key: str) -> str | None:
        """A seat's member by name only (the line is narrow)."""
        m = self.session.ws.members.get(key) if kind == "member" else None
        return m.name if m is not None else None


class CommitteeForm(RecordForm[Committee]):
    """换届: the body elected (工会委员会, 经审会 or 女职委), its term and its seats; the earlier
    term of the same kind stays as history."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "add_seat", "加一行"),
    ]

    def __init__(self, session: Session, org: Organisation, current: Committee | None = None) -> None:
        """`current`: correct this committee (the current term of its kind) instead of adding a term."""
        super().__init__(session)
        self.org = org
        self.current = current
        self.seats = SEAT_SLOTS if current is None else max(SEAT_SLOTS, len(current.seats) + 1)
        if current is None:
            self.form_title = f"换届：{org.name}（{org.code}）"
            self.note = (
                "任期一般三年或五年：改年限或开始日期会重算届满日期，也可直接改。\n"
                "成员每行一人，从本组织会员中查找，非会员填姓名；空行不计，ctrl+n 加一行。"
            )
        else:
            self.form_title = f"修改本届{current.kind.value}：{org.name}（{org.code}）"
            self.note = (
                "更正本届的任期和成员；这不是换届（换届请按 h 登记新的一届，本届留作历史）。\n"
                "成员每行一人；清空一行即删去该成员，ctrl+n 加一行。"
            )

    def _default_kind(self) -> CommitteeKind:
        """The body whose term ends first (the one a 换届 is most likely for)."""
        current = [c for c in (self.org.committee(k) for k in CommitteeKind) if c is not None]
        if not current:
            return CommitteeKind.UNION
        return min(current, key=lambda c: c.term_end).kind

    def build_rows(self) -> Sequence[Widget]:
        head = {f.name: f for f in COMMITTEE_HEAD}
        fields = [head["kind"], head["term_start"], YEARS_FIELD, head["term_end"]]
        seated: Sequence[CommitteeSeat] = ()
        if self.current is None:
            start = self.ws.as_of
            values: dict[str, str | None] = {
                "kind": self._default_kind().value,
                "term_start": start.isoformat(),
                "years": "3",
                "term_end": term_end(start, 3).isoformat(),
            }
            read_only: tuple[str, ...] = ()
        else:
            c = self.current
            years = [y for y in (3, 5) if term_end(c.term_start, y) == c.term_end]
            values = {
                "kind": c.kind.value,
                "term_start": c.term_start.isoformat(),
                "years": str(years[0]) if years else None,
                "term_end": c.term_end.isoformat(),
            }
            read_only = ("kind",)  # another kind is another body: 换届
            seated = c.seats
        rows: list[Widget] = [*rows_for(fields, values, choices={"years": YEAR_CHOICES}, read_only=read_only)]
        with_add = Horizontal(
            Static("成员（职务 · 会员 · 非会员的姓名）", classes="seats-title"),
            Button("加一行 ^n", id="add-seat", compact=True),
            classes="seats-heading",
        )
        seats = Vertical(
            *(
                SeatLine(n, seated[n] if n < len(seated) else None, session=self.session)
                for n in range(self.seats)
            ),
            id="seats",
        )
        return [*rows, with_add, seats]

    # -- typing ---------------------------------------------------------------------------------
    async def on_field_row_changed(self, event: FieldRow.Changed) -> None:
        if event.row.field.name in ("term_start", "years"):
            self._recompute_end()

    def _recompute_end(self) -> None:
        body = self.body
        start = body.row("term_start").value()
        years = body.row("years").value()
        start_field = [f for f in COMMITTEE_HEAD if f.name == "term_start"]
        if not start or not years or check_values({"term_start": start}, start_field):
            return
        day = datetime.date.fromisoformat(str(start))
        body.row("term_end").set_value(term_end(day, int(years)).isoformat())

    def on_field_row_pick_members(self, event: FieldRow.PickMembers) -> None:
        """A seat's member is picked from the organisation's members (and those below it)."""
        event.prevent_default()  # not the picker of every member that RecordForm opens
        row = event.row
        current = [v for v in [row.value()] if v]

        def picked(result: list[str] | None) -> None:
            if result:
                row.set_value(result[0])

        self.app.push_screen(
            MemberPicker(
                self.session,
                current,
                multiple=False,
                title=f"选择成员：{self.org.name}及下级的会员",
                orgs=set(self.session.subtree(self.org.code)),
            ),
            picked,
        )

    @on(Button.Pressed, "#add-seat")
    async def _add_seat_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.action_add_seat()

    async def action_add_seat(self) -> None:
        line = SeatLine(self.seats, session=self.session)
        self.seats += 1
        await self.query_one("#seats", Vertical).mount(line)
        line.query_one("Select").focus()
        self.call_after_refresh(line.scroll_visible)

    # -- checking and submitting ----------------------------------------------------------------
    def _seat_values(self, values: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
        """The seat lines that have something in them: [(line, {role, member, name})]."""
        out = []
        for n in range(self.seats):
            seat = {f.name: values.get(seat_field(n, f.name)) for f in SEAT_FIELDS}
            if any(v is not None for v in seat.values()):
                out.append((n, seat))
        return out

    def _head(self, values: dict[str, Any]) -> dict[str, Any]:
        """The form's values with the kind of the committee being corrected (its row is read-only)."""
        if self.current is not None:
            return {**values, "kind": self.current.kind.value}
        return values

    def check(self, values: dict[str, Any]) -> list[tuple[str, str]]:
        errors = check_values(self._head(values), COMMITTEE_HEAD)
        for n, seat in self._seat_values(values):
            errors += [(seat_field(n, f), m) for f, m in check_values(seat, SEAT_FIELDS)]
        return errors

    def submit(self, values: dict[str, Any]) -> Committee:
        head = checked(self._head(values), COMMITTEE_HEAD)
        seats = []
        lines = []  # the seat line of each seat passed to the core
        problems = []
        for n, seat in self._seat_values(values):
            errors = check_values(seat, SEAT_FIELDS)
            problems += [Problem(m, path=(seat_field(n, f),)) for f, m in errors]
            if not errors:
                seats.append(CommitteeSeat(seat["role"], seat["member"], seat["name"]))
                lines.append(n)
        if problems:
            raise ValidationError(problems)
        try:
            return self.ws.add_committee(
                self.org.code,
                head["kind"],
                head["term_start"],
                head["term_end"],
                seats,
                correct=self.current is not None,  # a correction takes the current body's place
            )
        except ValidationError as exc:
            raise ValidationError([_at_seat_line(p, lines) for p in exc.problems]) from None


def _at_seat_line(problem: Problem, lines: list[int]) -> Problem:
    """A problem the core puts on a seat (path ("seat", i, field)) goes to that seat's line."""
    path = problem.path or ()
    if len(path) == 3 and path[0] == "seat" and isinstance(path[1], int) and path[1] < len(lines):
        return attrs.evolve(problem, path=(seat_field(lines[path[1]], str(path[2])),))
    return problem


# -- 覆盖单位 ----------------------------------------------------------------------------------

# 统一社会信用代码 is wider than the label column (as in the organisation form)
UNIT_FIELDS = tuple(
    attrs.evolve(f, label="社会信用代码", help=f.help or "统一社会信用代码，18 位") if f.name == "uscc" else f
    for f in ENTERPRISE_FIELDS
)


class EnterpriseForm(RecordForm[Enterprise]):
    """A unit the organisation covers: added, or changed in place (`index`)."""

    def __init__(self, session: Session, org: Organisation, index: int | None = None) -> None:
        super().__init__(session)
        self.org = org
        self.index = index
        self.unit = org.enterprises[index] if index is not None else None
        if self.unit is None:
            self.form_title = f"新增覆盖单位：{org.name}（{org.code}）"
        else:
            self.form_title = f"修改覆盖单位：{self.unit.name}"
        self.note = "应建会单位计入建会率；已建会时在“所建工会”填它的组织代码。"

    def build_rows(self) -> Sequence[Widget]:
        unit = self.unit
        values: dict[str, Any] = {"required": True}
        if unit is not None:
            values = attrs.asdict(unit)
        return rows_for(
            UNIT_FIELDS,
            values,
            resolver=self.session.describe,
            suggestions={"union": self.session.grassroots_codes()},
        )

    def _values(self, values: dict[str, Any]) -> dict[str, Any]:
        # an unticked 应建会 means "no" here (a row's checkbox alone gives only "yes" or nothing)
        required = self.body.row("required").query_one(Checkbox).value
        return {**values, "required": bool(required)}

    def check(self, values: dict[str, Any]) -> list[tuple[str, str]]:
        return self.ws.enterprise_field_errors(self._values(values))

    def submit(self, values: dict[str, Any]) -> Enterprise:
        return self.ws.set_enterprise(self.org.code, self.index, **self._values(values))


class EnterpriseList(ModalScreen[bool]):
    """The units an organisation covers: n 新增, Enter 修改, d 删除. Each change is made in the
    workspace at once (unsaved until ctrl+s); the screen answers whether anything changed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "add", "新增"),
        Binding("e", "edit", "修改"),
        Binding("d", "remove", "删除"),
        Binding("escape", "close", "关闭"),
    ]

    def __init__(self, session: Session, code: str) -> None:
        super().__init__(classes="record-form")
        self.session = session
        self.ws = session.ws
        self.code = code
        self.changed = False

    @property
    def org(self) -> Organisation:
        return self.ws.org(self.code)

    def compose(self) -> ComposeResult:
        org = self.org
        with Vertical(classes="dialog form-dialog", id="enterprise-dialog"):
            yield Static(f"覆盖单位：{org.name}（{org.code}）", classes="dialog-title")
            yield Static("", id="enterprise-summary", classes="form-note")
            table: DataTable[str] = DataTable(id="enterprise-table", cursor_type="row", zebra_stripes=True)
            table.add_columns("单位名称", "社会信用代码", "职工", "应建会", "所建工会")
            yield table
            with Horizontal(classes="buttons"):
                yield Button("新增 n", id="enterprise-add", compact=True)
                yield Button("修改 Enter", id="enterprise-edit", compact=True)
                yield Button("删除 d", id="enterprise-remove", compact=True)
                yield Button("关闭 Esc", id="enterprise-close", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.fill()
        self.query_one(DataTable).focus()

    def fill(self, row: int | None = None) -> None:
        table: DataTable[str] = self.query_one(DataTable)
        keep = table.cursor_row if row is None else row
        table.clear()
        units = self.org.enterprises
        for i, e in enumerate(units):
            if e.union:
                union = f"{e.union} {self.session.describe('organisation', e.union) or '（未找到）'}"
            else:
                union = "未建会"
            table.add_row(
                e.name,
                e.uscc or "",
                str(e.employees) if e.employees is not None else "",
                "是" if e.required else "否",
                union,
                key=str(i),
            )
        if units:
            table.move_cursor(row=min(max(keep, 0), len(units) - 1))
        required = [e for e in units if e.required]
        done = [e for e in required if e.unionised]
        summary = (
            f"共 {len(units)} 家，应建会 {len(required)} 家，已建会 {len(done)} 家。"
            if units
            else "还没有登记覆盖单位：按 n 新增。"
        )
        self.query_one("#enterprise-summary", Static).update(summary)

    def _cursor(self) -> int | None:
        table: DataTable[str] = self.query_one(DataTable)
        if not self.org.enterprises or table.row_count == 0:
            self.notify("还没有覆盖单位（按 n 新增）", severity="warning")
            return None
        return table.cursor_row

    def _done(self, unit: Enterprise | None, row: int | None = None) -> None:
        if unit is not None:
            self.changed = True
            self.fill(row)

    def action_add(self) -> None:
        self.app.push_screen(
            EnterpriseForm(self.session, self.org),
            lambda unit: self._done(unit, len(self.org.enterprises) - 1),
        )

    def action_edit(self) -> None:
        index = self._cursor()
        if index is not None:
            self.app.push_screen(EnterpriseForm(self.session, self.org, index), self._done)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_remove(self) -> None:
        index = self._cursor()
        if index is None:
            return
        unit = self.org.enterprises[index]

        def answered(answer: str | None) -> None:
            if answer != "remove":
                return
            self.ws.remove_enterprise(self.org.code, index)
            self.changed = True
            self.fill()
            self.notify(f"已删除覆盖单位：{unit.name}（未保存）")

        self.app.push_screen(
            ChoiceDialog(
                "删除覆盖单位",
                f"从{self.org.name}的覆盖单位中删除“{unit.name}”？",
                [("remove", "删除", "error"), ("cancel", "取消", "default")],
            ),
            answered,
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        actions = {
            "enterprise-add": self.action_add,
            "enterprise-edit": self.action_edit,
            "enterprise-remove": self.action_remove,
            "enterprise-close": self.action_close,
        }
        action = actions.get(event.button.id or "")
        if action is not None:
            action()

    def action_close(self) -> None:
        self.dismiss(self.changed)
