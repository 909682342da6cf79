"""What every tab has in common: the app's session, and refreshing only when shown."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual.containers import Vertical
from textual.widgets import Select, Static

from ..session import Session

if TYPE_CHECKING:
    from ..app import UnionApp


P = TypeVar("P", bound="Pane")


class WaitNote(Static, can_focus=True):
    """Shown instead of a pane's widgets until the members are there. It takes the focus, so
    that the pane's keys (入会, 搜索 …) work meanwhile: they run once the members are in."""


def needs_members(action: Callable[[P], None]) -> Callable[[P], None]:
    """Mark a pane's action (a form, a search) that needs the members indexed: pressed before
    they are (just after opening a large workspace), it runs as soon as they are."""

    @functools.wraps(action)
    def run(self: P) -> None:
        self.when_ready(lambda: action(self))

    return run


class Pane(Vertical):
    """A tab's content. `refresh_data` redraws it from the session; a hidden pane that is told the
    data changed only notes it (`stale`) and redraws when it is shown.

    A pane with a `WAIT_NOTE` needs the session's members (or the records restored with them):
    shown before they are there, it shows the note instead of its widgets and stays stale; the
    app refreshes it when they are (`UnionApp._members_ready`)."""

    stale = True
    waiting = False
    WAIT_NOTE: ClassVar[str] = ""

    @property
    def uapp(self) -> UnionApp:
        from ..app import UnionApp

        app = self.app
        assert isinstance(app, UnionApp)
        return app

    @property
    def session(self) -> Session:
        session = self.uapp.session
        assert session is not None
        return session

    def mark_stale(self) -> None:
        self.stale = True

    def offer_years(self, select: Select[int], years: list[int], known: list[int]) -> list[int]:
        """Put `years` (newest first) in a year select when they differ from the `known` ones,
        keeping the chosen year if it is still offered (else the workspace's year); returns them."""
        if years == known:
            return known
        with self.prevent(Select.Changed):
            current = select.value
            select.set_options([(f"{y}年", y) for y in years])
            select.value = current if current in years else self.session.ws.year
        return years

    def ensure_fresh(self) -> None:
        if self.stale:
            if self.WAIT_NOTE and not self.session.ready:
                self._wait(True)
                return
            self._wait(False)
            self.stale = False
            self.refresh_data()

    def _wait(self, waiting: bool) -> None:
        if waiting == self.waiting:
            return
        self.waiting = waiting
        if waiting and not self.query(".wait-note"):
            self.mount(WaitNote(self.WAIT_NOTE, classes="wait-note"), before=0 if self.children else None)
        self.set_class(waiting, "-waiting")

    def refresh_data(self) -> None:
        raise NotImplementedError

    def when_ready(self, then: Callable[[], None]) -> None:
        """Call `then` (an action that needs the members) now, or once they are indexed."""
        self.uapp.when_ready(then)

    def focus_main(self) -> None:
        """Put the focus on the tab's list (where its keys work), or on its wait note."""
        if self.waiting:
            for note in self.query(WaitNote):
                note.focus()
                return
        for widget in self.query("Tree, PageTable"):
            if widget.focusable:
                widget.focus()
                return
