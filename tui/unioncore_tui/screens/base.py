"""What every tab has in common: the app's session, and refreshing only when shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical

from ..session import Session

if TYPE_CHECKING:
    from ..app import UnionApp


class Pane(Vertical):
    """A tab's content. `refresh_data` redraws it from the session; a hidden pane that is told the
    data changed only notes it (`stale`) and redraws when it is shown."""

    stale = True

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

    def ensure_fresh(self) -> None:
        if self.stale:
            self.stale = False
            self.refresh_data()

    def refresh_data(self) -> None:
        raise NotImplementedError

    def focus_main(self) -> None:
        """Put the focus on the tab's list (where its keys work)."""
        for widget in self.query("Tree, PageTable"):
            if widget.focusable:
                widget.focus()
                return
