"""Small modal dialogs: a question with a few answers, and a list of problems with a question."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from unioncore.problems import Problem

# (answer id, button label, button variant)
Choice = tuple[str, str, str]


class ChoiceDialog(ModalScreen[str]):
    """A question and a row of answers; Escape answers "cancel"."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "取消")]

    def __init__(
        self,
        title: str,
        message: str,
        choices: Sequence[Choice],
        *,
        problems: Sequence[Problem] = (),
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.title_text = title
        self.message = message
        self.choices = list(choices)
        self.problems = list(problems)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title")
            yield Static(self.message, classes="dialog-message")
            if self.problems:
                with VerticalScroll(classes="dialog-problems"):
                    for p in self.problems:
                        yield Static(p.format(), classes="problem-line", markup=False)
            with Horizontal(classes="buttons"):
                for cid, label, variant in self.choices:
                    yield Button(label, id=f"choice-{cid}", variant=variant, compact=True)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        bid = event.button.id or ""
        self.dismiss(bid.removeprefix("choice-"))

    def action_cancel(self) -> None:
        self.dismiss("cancel")
