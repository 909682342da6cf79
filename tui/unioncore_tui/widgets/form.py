"""Form rows built from the core's `Field` declarations, each with the field's problem beside it.

The same declaration that decodes a record from TOML tells the form which control to show (a list
of choices, a date, an amount, a yes/no, a list of members), so a plugin's event type or member
category gets its form without the TUI knowing it. What a control returns is what the officer
typed (strings for dates and amounts); the core checks and converts it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, SelectionList, Static

from unioncore.schema import Field, Kind

# (reference kind, value) -> what it refers to ("张三（XF-01）"), or None when it does not exist
Resolver = Callable[[str, str], str | None]

_INT_RE = re.compile(r"^-?\d+$")
_LIST_SPLIT = re.compile(r"[,，、\s]+")

PLACEHOLDERS = {
    Kind.DATE: "如 2026-03-08",
    Kind.MONEY: "如 500.00",
    Kind.INT: "整数",
    Kind.NUMBER: "数值",
}


def editable(field: Field) -> bool:
    """Tables inside a record (成绩, 会籍变动) are not edited in a form."""
    return field.kind not in (Kind.TABLE, Kind.TABLE_LIST)


def display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value)
    return str(value)


class FieldRow(Vertical):
    """One field: its label, its control, what it refers to, and its problem."""

    class Changed(Message):
        def __init__(self, row: FieldRow) -> None:
            super().__init__()
            self.row = row

        @property
        def control(self) -> FieldRow:
            return self.row

    class PickMembers(Message):
        """The officer asked to pick members for a member field."""

        def __init__(self, row: FieldRow) -> None:
            super().__init__()
            self.row = row

    def __init__(
        self,
        field: Field,
        value: Any = None,
        *,
        resolver: Resolver | None = None,
        suggestions: Sequence[str] | None = None,
        choices: Sequence[tuple[str, str]] | None = None,
        read_only: bool = False,
        help: str | None = None,
        placeholder: str | None = None,
    ) -> None:
        """`placeholder`: shown in an empty control instead of the default for its kind (a row
        whose label is hidden, such as a seat of a committee, says this way what goes in it)."""
        super().__init__(classes="field-row", id=f"row-{field.name}")
        self.field = field
        self.initial = value
        self.resolver = resolver
        self.suggestions = suggestions
        self.choices = choices
        self.read_only = read_only
        self.help = help if help is not None else field.help
        self.placeholder = placeholder
        self.touched = False
        self._members: list[str] = list(value or []) if self.is_member_list else []

    @property
    def name_(self) -> str:
        return self.field.name

    @property
    def is_member_list(self) -> bool:
        return self.field.kind is Kind.STR_LIST and self.field.ref == "member"

    # -- building ---------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        f = self.field
        title = f.title + ("＊" if f.required else "")
        with Horizontal(classes="field-line"):
            yield Label(title, classes="field-label")
            yield from self._control()
        yield Static("", classes="field-error")

    def _control(self) -> Iterable[Widget]:
        f = self.field
        cid = f"in-{f.name}"
        if self.is_member_list:
            yield Static(self._member_summary(), id=cid, classes="field-members")
            button = Button("选择…", id=f"pick-{f.name}", compact=True)
            button.disabled = self.read_only
            yield button
            return
        if f.kind is Kind.BOOL:
            yield Checkbox("是", bool(self.initial), id=cid, compact=True, disabled=self.read_only)
            return
        options = self.choices
        if options is None and f.choices is not None and f.kind is Kind.STR:
            options = [(c, c) for c in f.choices]
        if options is not None and f.kind is Kind.STR:
            value = self.initial if self.initial in {v for _, v in options} else Select.NULL
            yield Select(
                options,
                prompt=self.placeholder or ("（不填）" if not f.required else "请选择"),
                allow_blank=True,
                value=value,
                id=cid,
                compact=True,
                disabled=self.read_only,
            )
            return
        if f.kind is Kind.STR_LIST and (options is not None or f.choices is not None):
            chosen = set(self.initial or ())
            pairs = options if options is not None else [(c, c) for c in f.choices or ()]
            yield SelectionList[str](
                *[(label, v, v in chosen) for label, v in pairs],
                id=cid,
                compact=True,
                disabled=self.read_only,
            )
            return
        suggester = SuggestFromList(self.suggestions, case_sensitive=False) if self.suggestions else None
        yield Input(
            display(self.initial),
            placeholder=self.placeholder
            or PLACEHOLDERS.get(f.kind, "多个用逗号分隔" if f.kind is Kind.STR_LIST else ""),
            id=cid,
            compact=True,
            suggester=suggester,
            disabled=self.read_only,
        )
        if f.ref is not None:
            yield Static(self._ref_hint(display(self.initial)), classes="field-ref")
        if f.ref == "member" and not self.read_only:
            yield Button("查找…", id=f"pick-{f.name}", compact=True)

    def on_mount(self) -> None:
        if self.help:
            self.tooltip = self.help

    # -- value ------------------------------------------------------------------------------
    def value(self) -> Any:
        """What the officer entered, as the core's `check_values` accepts it (None when empty)."""
        f = self.field
        if self.is_member_list:
            return list(self._members)
        found = self.query(f"#in-{f.name}")
        if not found:  # not composed yet
            return self.initial
        widget = found.first()
        if isinstance(widget, Checkbox):
            return True if widget.value else None
        if isinstance(widget, Select):
            v = widget.value
            return None if v is Select.NULL else v
        if isinstance(widget, SelectionList):
            return list(widget.selected)
        assert isinstance(widget, Input)
        text = widget.value.strip()
        if not text:
            return None
        if f.kind is Kind.INT and _INT_RE.match(text):
            return int(text)
        if f.kind is Kind.STR_LIST:
            return [p for p in _LIST_SPLIT.split(text) if p]
        return text

    def set_value(self, value: Any) -> None:
        f = self.field
        if self.is_member_list:
            self._members = list(value or [])
            self.query_one(f"#in-{f.name}", Static).update(self._member_summary())
            self._changed()
            return
        widget = self.query_one(f"#in-{f.name}")
        if isinstance(widget, Input):
            widget.value = display(value)
        elif isinstance(widget, Select):
            widget.value = value if value is not None else Select.NULL
        elif isinstance(widget, Checkbox):
            widget.value = bool(value)

    @property
    def members(self) -> list[str]:
        return list(self._members)

    # -- problems ---------------------------------------------------------------------------
    def show_error(self, message: str | None) -> None:
        error = self.query_one(".field-error", Static)
        error.update(message or "")
        self.set_class(bool(message), "-invalid")

    # -- events -----------------------------------------------------------------------------
    def _changed(self) -> None:
        self.touched = True
        self.post_message(self.Changed(self))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.field.ref is not None:
            self.query_one(".field-ref", Static).update(self._ref_hint(event.value.strip()))
        self._changed()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._changed()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self._changed()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        self._changed()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == f"pick-{self.field.name}":
            event.stop()
            self.post_message(self.PickMembers(self))

    def _ref_hint(self, value: str) -> str:
        if not value or self.resolver is None or self.field.ref is None:
            return ""
        label = self.resolver(self.field.ref, value)
        return f"→ {label}" if label else "（未找到）"

    def _member_summary(self) -> str:
        if not self._members:
            return "（未选）"
        names = []
        for mid in self._members[:6]:
            label = self.resolver("member", mid) if self.resolver else None
            names.append(label.split("（")[0] if label else mid)
        more = f" 等 {len(self._members)} 人" if len(self._members) > 6 else f"（{len(self._members)} 人）"
        return "、".join(names) + more


class FormBody(Vertical):
    """The rows of a form; `values()` gathers them, `show_errors` puts each problem at its field.

    Besides rows it may hold headings and containers of rows (the seats of a committee): every
    `FieldRow` below it counts, however deep."""

    def __init__(self, rows: Sequence[Widget], *, id: str | None = None) -> None:
        super().__init__(id=id, classes="form-body")
        self._rows = list(rows)

    def compose(self) -> ComposeResult:
        yield from self._rows

    @property
    def rows(self) -> list[FieldRow]:
        return list(self.query(FieldRow))

    def row(self, name: str) -> FieldRow:
        return self.query_one(f"#row-{name}", FieldRow)

    def has_row(self, name: str) -> bool:
        return bool(self.query(f"#row-{name}"))

    def values(self) -> dict[str, Any]:
        return {r.field.name: r.value() for r in self.rows if not r.read_only}

    def show_errors(self, errors: Iterable[tuple[str, str]], *, all_rows: bool = False) -> list[str]:
        """Show the first problem of each field on its row (only touched rows unless `all_rows`).

        Returns the problems of fields the form has no row for (to show above the form)."""
        by_field: dict[str, str] = {}
        for name, message in errors:
            by_field.setdefault(name, message)
        rows = {r.field.name: r for r in self.rows}
        for name, row in rows.items():
            shown = all_rows or row.touched
            row.show_error(by_field.get(name) if shown else None)
        return [m for n, m in by_field.items() if n not in rows]


def rows_for(
    fields: Iterable[Field],
    values: Mapping[str, Any] | None = None,
    *,
    resolver: Resolver | None = None,
    suggestions: Mapping[str, Sequence[str]] | None = None,
    choices: Mapping[str, Sequence[tuple[str, str]]] | None = None,
    read_only: Iterable[str] = (),
    skip: Iterable[str] = (),
) -> list[FieldRow]:
    """A row for each editable field, in declaration order."""
    values = values or {}
    fixed = set(read_only)
    skipped = set(skip)
    out = []
    for f in fields:
        if not editable(f) or f.name in skipped:
            continue
        out.append(
            FieldRow(
                f,
                values.get(f.name),
                resolver=resolver,
                suggestions=(suggestions or {}).get(f.name) or (suggestions or {}).get(f"ref:{f.ref}"),
                choices=(choices or {}).get(f.name),
                read_only=f.name in fixed,
            )
        )
    return out
