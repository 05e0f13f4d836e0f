"""What a screen may ask of the app it runs in: `Host`, the app as its screens see it.

Screens reach the app as `self.host` (`tui.screens.base.AppScreen`), typed by this protocol
rather than by `PotentialDeckApp`: the app imports its screens, so a screen that imported the
app would close an import circle (`tests/test_import_contract.py`). `tui.app` checks that
`PotentialDeckApp` is a `Host`; anything new a screen needs from the app is added here first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from textual.signal import Signal

    from potential_deck.core.choices import Lang
    from potential_deck.core.errors import UserError
    from potential_deck.core.harvest.history import HarvestHistory
    from potential_deck.core.session.models import Deck, Session
    from potential_deck.core.session.store import SessionStore
    from potential_deck.tui.join_service import JoinService


class Host(Protocol):
    """The app, as its screens use it: clocks, the sessions folder, routing, keys, joining."""

    # --- what the app holds -----------------------------------------------------------------

    lang: Lang
    """The language of the screens that have no session (home, new session, join)."""
    store: SessionStore
    deck_path: Path
    """Where the deck new sessions use comes from."""
    autosave_delay: float
    """Seconds of quiet typing before an autosave (tests make it short)."""
    new_session: bool
    """The first screen's session was just made (`run`): a team that met before looks back first."""
    joining: JoinService | None
    """The participants' server while joining is on."""
    room_changed_signal: Signal[str]
    """What phones (or the join screen) changed; screens that show it subscribe."""
    clock: Callable[[], float]
    """Monotonic seconds (timers, time on screen); injected in tests."""
    wall: Callable[[], float]
    """Seconds since the epoch (when a timer started, saved in the session)."""
    now: Callable[[], dt.datetime]
    """The local date and time (save stamps, new sessions)."""

    # --- keys: what is typed while a screen changes waits for the next one -------------------

    def hold_keys(self) -> None: ...

    def release_keys(self) -> None: ...

    # --- routing ------------------------------------------------------------------------------

    def open_session(self, session: Session | None, path: Path) -> None: ...

    def open_new_session(self, lang: Lang) -> None: ...

    def start_session(
        self,
        *,
        team: str,
        facilitator: str,
        participants: list[str],
        language: Lang,
        agenda: list[str],
        date: dt.date | None = None,
        people: int = 0,
        earlier: Sequence[tuple[Path, Session]] = (),
    ) -> None: ...

    def fail(self, error: UserError) -> None: ...

    def show_held_notes(self) -> None: ...

    # --- the deck and the settings ----------------------------------------------------------------

    def preload_deck(self) -> None: ...

    @property
    def deck(self) -> Deck:
        """The deck new sessions use, loaded on first use (DeckError when it cannot be used)."""
        ...

    def use_deck(self, deck: Deck, path: Path) -> None: ...

    def remember_language(self, lang: Lang) -> None: ...

    # --- the harvest's undo history, per open session ----------------------------------------------

    def harvest_history(self, path: Path, session: Session) -> HarvestHistory | None: ...

    def keep_harvest_history(self, path: Path, session: Session) -> HarvestHistory: ...

    # --- participants' phones ---------------------------------------------------------------------

    def open_join(self) -> None: ...

    def end_joining(self) -> None: ...
