"""The frame of every record form: rows checked as they are typed, and a submit through the core.

A subclass says which rows to show, how the core checks a value set while it is being typed
(`check`, e.g. `Workspace.member_field_errors`) and which core method makes the change
(`submit`). A `ValidationError` from the core puts each problem beside its field; a problem
without a field is shown above the form. The form never decides on its own what is valid.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from unioncore.problems import Problem, UnioncoreError, ValidationError
from unioncore.schema import Field, check_values, coerce_values

from ..session import Session
from ..widgets.form import FieldRow, FormBody
from .member_picker import MemberPicker

T = TypeVar("T")


def given(values: Mapping[str, Any]) -> dict[str, Any]:
    """The values the officer filled in (empty ones are left to the core's defaults)."""
    return {k: v for k, v in values.items() if v is not None and v != [] and v != ""}


def checked(values: Mapping[str, Any], fields: Iterable[Field]) -> dict[str, Any]:
    """Values converted by the core's schema (dates, amounts), or its problems as a ValidationError."""
    fs = list(fields)
    errors = check_values(values, fs)
    if errors:
        raise ValidationError([Problem(m, path=(f,)) for f, m in errors])
    return coerce_values(values, fs)


class RecordForm(ModalScreen[T | None], Generic[T]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "确定"),
        Binding("escape", "cancel", "取消"),
    ]

    form_title = ""
    note = ""

    def __init__(self, session: Session) -> None:
        super().__init__(classes="record-form")
        self.session = session
        self.ws = session.ws

    # -- to implement -------------------------------------------------------------------------
    def build_rows(self) -> Sequence[Widget]:
        """The form's rows (`FieldRow`s, and headings or containers of rows if it needs them)."""
        raise NotImplementedError

    def check(self, values: dict[str, Any]) -> list[tuple[str, str]]:
        """Problems of the values as typed so far: [(field, message)]."""
        return []

    def submit(self, values: dict[str, Any]) -> T:
        """Make the change through the core; raise its `ValidationError` when refused."""
        raise NotImplementedError

    # -- frame --------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form-dialog"):
            yield Static(self.form_title, classes="dialog-title")
            if self.note:
                yield Static(self.note, classes="form-note")
            yield Static("", id="form-problems")
            with VerticalScroll(id="form-scroll"):
                yield FormBody(self.build_rows(), id="form-body")
            with Horizontal(classes="buttons"):
                yield Button("确定 ^s", id="form-ok", variant="primary", compact=True)
                yield Button("取消 Esc", id="form-cancel", compact=True)

    async def on_mount(self) -> None:
        for row in self.body.rows:
            for widget in row.query("Input, Select, SelectionList, Checkbox, Button"):
                if widget.focusable:
                    widget.focus()
                    return

    @property
    def body(self) -> FormBody:
        return self.query_one(FormBody)

    def values(self) -> dict[str, Any]:
        return self.body.values()

    def validate_now(self, *, all_rows: bool = False) -> None:
        extra = self.body.show_errors(self.check(self.values()), all_rows=all_rows)
        self.show_problems(extra if all_rows else [])

    def show_problems(self, messages: list[str]) -> None:
        box = self.query_one("#form-problems", Static)
        box.update("\n".join(messages))
        box.set_class(bool(messages), "-shown")

    async def on_field_row_changed(self, event: FieldRow.Changed) -> None:
        self.validate_now()

    def on_field_row_pick_members(self, event: FieldRow.PickMembers) -> None:
        row = event.row
        current = row.members if row.is_member_list else [v for v in [row.value()] if v]

        def picked(result: list[str] | None) -> None:
            if result is None:
                return
            row.set_value(result if row.is_member_list else (result[0] if result else None))

        self.app.push_screen(
            MemberPicker(self.session, current, multiple=row.is_member_list, title=f"选择{row.field.title}"),
            picked,
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves to the next field; on the last field it submits."""
        event.stop()
        inputs = [w for w in self.body.query("Input, Select, SelectionList, Checkbox") if w.focusable]
        if inputs and event.input is inputs[-1]:
            self.action_submit()
        else:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "form-ok":
            event.stop()
            self.action_submit()
        elif event.button.id == "form-cancel":
            event.stop()
            self.action_cancel()

    def action_submit(self) -> None:
        values = self.values()
        try:
            result = self.submit(values)
        except UnioncoreError as exc:
            errors = [(str(p.path[0]) if p.path else "", p.message) for p in exc.problems]
            for row in self.body.rows:
                row.touched = True
            extra = self.body.show_errors(errors, all_rows=True)
            self.show_problems(extra)
            self._focus_first_invalid()
            return
        except Exception as exc:  # a bug must not take the officer's unsaved work down with it
            self.log.error(exc)
            self.show_problems([f"未能完成：{type(exc).__name__}: {exc}"])
            return
        self.dismiss(result)

    def _focus_first_invalid(self) -> None:
        for row in self.body.rows:
            if row.has_class("-invalid"):
                for widget in row.query("Input, Select, SelectionList, Checkbox, Button"):
                    if widget.focusable:
                        widget.focus()
                        self.query_one("#form-scroll", VerticalScroll).scroll_to_widget(row)
                        return

    def action_cancel(self) -> None:
        self.dismiss(None)
