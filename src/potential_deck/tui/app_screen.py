"""Base screens: one that knows its app is the PotentialDeckApp, one on an open session."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from textual.screen import Screen

from potential_deck.core import session_file
from potential_deck.core.i18n import t
from potential_deck.core.vocab import Lang
from potential_deck.tui.autosave import Autosaver, Saved
from potential_deck.tui.widgets.save_status import SaveStatus

if TYPE_CHECKING:
    from potential_deck.core.models import Deck, Session
    from potential_deck.tui.app import PotentialDeckApp

ResultType = TypeVar("ResultType")


class AppScreen(Screen[ResultType], Generic[ResultType]):
    """Base of the app's screens: `papp` is the app, typed."""

    @property
    def papp(self) -> PotentialDeckApp:
        """The app, typed."""
        from potential_deck.tui.app import PotentialDeckApp

        assert isinstance(self.app, PotentialDeckApp)
        return self.app


class SessionScreen(AppScreen[None]):
    """A screen on an open session: its file, its deck, its language, autosave and save status.

    `session`, `path`, `deck` and `autosaver` exist once `bind_session` has run: at once for
    a session already loaded, after the first frame for one that is still loading (`is_open`).
    """

    session: Session
    path: Path
    deck: Deck
    autosaver: Autosaver

    def __init__(self) -> None:
        super().__init__()
        self.is_open = False
        self._shown_since: float | None = None  # when the time on screen was last counted

    def bind_session(self, session: Session, path: Path, deck: Deck) -> None:
        """Work on `session`, saved at `path`, with the cards of `deck`."""
        self.session = session
        self.path = path
        self.deck = deck
        file = session_file.attach(path)  # the one owner of the open file (see core.session_file)
        self.autosaver = Autosaver(self, file, self.snapshot, self._saved, lambda: self.papp.now())
        self.is_open = True

    @property
    def lang(self) -> Lang:
        """The session's language, which every word on the screen follows."""
        return self.session.language

    def snapshot(self) -> Session:
        """The session as it should be saved now (a screen may fold live state in first)."""
        return self.session

    def count_time(self, counting: bool = True) -> None:
        """Count time on screen from now on (contact hours), or stop counting."""
        self._shown_since = self.papp.clock() if counting else None

    def time_counted(self) -> float:
        """Seconds on screen since the last call or since counting started (0 when not counting)."""
        if self._shown_since is None:
            return 0.0
        now = self.papp.clock()
        seconds, self._shown_since = max(0.0, now - self._shown_since), now
        return seconds

    def save_now(self) -> None:
        """Save at once (navigation, live state, structural changes), writing in a thread.

        Nothing is written before the session is open or after it was closed (its lock released).
        """
        if self.is_open:
            self.autosaver.save_soon()

    def flush(self) -> str | None:
        """Save now and wait for the file (quit, leaving the screen); nothing before it is open.

        Why it could not be saved (a `session_file.cause` word), or None when the file holds it all.
        """
        if self.is_open:
            result = self.autosaver.flush()
            return result.failed if result is not None else self.autosaver.failed
        return None

    def _saved(self, when: datetime | None, failed: str | None = None, kept: Path | None = None) -> None:
        """Show a save's outcome (see `autosave.Saved`) on the status line; say where another
        program's version was kept."""
        result = Saved(when, failed, kept)
        status = next(self.query(SaveStatus).results(), None)
        if status is not None:
            status.report(self.lang, result)
        if result.kept is not None:
            self.notify(
                t(self.lang, "save.elsewhere", file=result.kept.name), severity="warning", timeout=20,
                markup=False,
            )
