"""Base screens: the app's screens run their commands from `tui.keys`; one base works on a session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, cast

from textual.screen import Screen

from potential_deck.core.choices import Lang
from potential_deck.core.session import session_file
from potential_deck.core.text.i18n import t
from potential_deck.tui.autosave import Autosaver, Saved
from potential_deck.tui.key_order import HoldsKeys
from potential_deck.tui.keys import Command, Where, by_id
from potential_deck.tui.widgets.save_status import SaveStatus

if TYPE_CHECKING:
    from potential_deck.core.session.models import Deck, Session
    from potential_deck.tui.host import Host

ResultType = TypeVar("ResultType")
DialogResult = TypeVar("DialogResult")


@cache
def _commands(commands: tuple[Command, ...]) -> dict[str, Command]:
    return by_id(commands)


class DeclaredCommands:
    """The commands of a screen, from its `KEYS` (see `tui.keys`); mix into a Screen.

    A screen says where the keyboard is (`where`, and `part` for screens with parts such as the
    harvest's steps); a command acts only where its declaration says it applies, letters never
    where text can be typed.
    """

    KEYS: ClassVar[tuple[Command, ...]] = ()

    @property
    def where(self) -> Where:
        """What the keyboard is doing on this screen now."""
        return Where.LIST

    @property
    def part(self) -> str:
        """The part of the screen on show (a harvest step), for commands limited to parts."""
        return ""

    def command(self, command_id: str) -> Command | None:
        """This screen's command `command_id`."""
        return _commands(self.KEYS).get(command_id)

    def command_enabled(self, command: Command) -> bool:
        """Whether `command` can do anything now (e.g. no 'previous' on the first card)."""
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("command", "letter") and parameters:
            command = self.command(str(parameters[0]))
            if command is None:
                return False
            where = self.where
            if action == "letter" and not command.letters_apply(where):
                return False
            return command.applies(where, self.part) and self.command_enabled(command)
        return True

    async def action_command(self, command_id: str) -> None:
        """Run a declared command (bound to its keys)."""
        command = self.command(command_id)
        if command is not None:
            assert isinstance(self, Screen)
            await self.app.run_action(command.action, self)

    async def action_letter(self, command_id: str) -> None:
        """Run a declared command from one of its letters (where nothing can be typed)."""
        await self.action_command(command_id)


class AppScreen(HoldsKeys, DeclaredCommands, Screen[ResultType], Generic[ResultType]):
    """Base of the app's screens: `host` is the app, as a `tui.host.Host`; commands come from `KEYS`.

    Early keys wait until the screen calls `keys_ready()` (see `tui.key_order`).
    """

    @property
    def host(self) -> Host:
        """The app, as what a screen may ask of it (`tui.host`; the app is checked to be one)."""
        return cast("Host", self.app)

    def push_dialog(
        self, dialog: Screen[DialogResult], done: Callable[[DialogResult], Any] | None = None
    ) -> None:
        """Open a dialog; `done` gets its result before any key typed after it closed is handled."""

        def finished(result: DialogResult | None) -> None:
            try:
                if done is not None:
                    done(result)  # type: ignore[arg-type]
            finally:
                self.host.release_keys()

        self.app.push_screen(dialog, finished)


class SessionScreen(AppScreen[None]):
    """A screen on an open session: its file, its deck, its language, autosave and save status.

    `session`, `path`, `deck` and `autosaver` exist once `bind_session` has run: at once for a
    session already loaded, a moment later for one that loads while its first card shows
    (`is_open`). `is_open` is False again after `close_session` (the card screen that `run`
    opens first stays under the home screen, closed, when the facilitator goes home).
    """

    session: Session
    path: Path
    deck: Deck
    autosaver: Autosaver

    def __init__(self, loaded: tuple[Session, Path, Deck] | None = None) -> None:
        super().__init__()
        self.is_open = False
        self._shown_since: float | None = None  # when the time on screen was last counted
        if loaded is not None:
            self.bind_session(*loaded)

    def bind_session(self, session: Session, path: Path, deck: Deck) -> None:
        """Work on `session`, saved at `path`, with the cards of `deck`."""
        self.session = session
        self.path = path
        self.deck = deck
        file = session_file.attach(path)  # the one owner of the open file (see core.session.session_file)
        file.lang = session.language  # the words in the name of another program's version
        self.autosaver = Autosaver(
            self, file, self.snapshot, self._saved, lambda: self.host.now(), self.host.autosave_delay
        )
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
        self._shown_since = self.host.clock() if counting else None

    def time_counted(self) -> float:
        """Seconds on screen since the last call or since counting started (0 when not counting)."""
        if self._shown_since is None:
            return 0.0
        now = self.host.clock()
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
                t(self.lang, "save.elsewhere", file=result.kept.name),
                severity="warning",
                timeout=20,
                markup=False,
            )
