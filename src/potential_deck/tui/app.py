"""The facilitator's app: it owns the deck, the sessions folder and the settings, and routes screens."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeGuard

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.signal import Signal
from textual.theme import Theme

from potential_deck.core.choices import Lang
from potential_deck.core.errors import UserError
from potential_deck.core.session import meeting, session_file
from potential_deck.core.session.store import SessionStore
from potential_deck.core.settings import DARK_THEME, LIGHT_THEME, load_settings, save_settings
from potential_deck.core.text.i18n import t
from potential_deck.tui.autosave import DEBOUNCE
from potential_deck.tui.commands import NothingFound
from potential_deck.tui.key_order import OrderedKeysApp
from potential_deck.tui.language import language_of
from potential_deck.tui.screens.base import SessionScreen
from potential_deck.tui.screens.modals import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen
from potential_deck.tui.themes import KIND_DEFAULTS, OWN_THEMES, THEMES, known_theme

if TYPE_CHECKING:
    from potential_deck.core.harvest.history import HarvestHistory
    from potential_deck.core.session.models import Deck, Session
    from potential_deck.tui.host import Host
    from potential_deck.tui.join_service import JoinHost, JoinPlan, JoinService
    from potential_deck.tui.screens.card import CardScreen, LoadingSession
    from potential_deck.tui.screens.new_session import FormDraft

# The screens (the card screen too), the deck loader and pydantic's models are imported when
# first used: `run` draws its first card before the home screen is needed, the home screen
# draws its list before the card screen is.

Clock = Callable[[], float]


def _is_card_screen(screen: object) -> TypeGuard[CardScreen]:
    """Whether `screen` is the card screen (its module is imported when the first one is made:
    telling the home screen or a dialog from it does not import it)."""
    if not isinstance(screen, SessionScreen):
        return False
    from potential_deck.tui.screens.card import CardScreen

    return isinstance(screen, CardScreen)


TALL = 36
"""From this many rows on, the note fields grow to share the window's height."""


class PotentialDeckApp(OrderedKeysApp[None]):
    """Doos vol Potential: a team meeting, card by card, on a projector."""

    CSS_PATH = ["app.tcss", "screens/card.tcss", "screens/home.tcss"]
    """What every screen shares, and the stylesheets of the screens that can come first: Textual
    reads no CSS_PATH of the first screen (`get_default_screen`), only of those shown later."""
    TITLE = "Doos vol Potential"
    COMMANDS = OrderedKeysApp.COMMANDS | {NothingFound}
    """The screen's entries and the system commands, and 'nothing found' in the screen's language."""
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", id="quit", priority=True)]

    def __init__(
        self,
        *,
        deck: Deck | None = None,
        deck_path: Path,
        store: SessionStore,
        settings_path: Path,
        lang: Lang | None = None,
        clock: Clock = time.monotonic,
        wall: Clock = time.time,
        now: Callable[[], datetime] | None = None,
        autosave_delay: float = DEBOUNCE,
    ) -> None:
        settings, self._settings_writable = load_settings(settings_path)
        if not known_theme(settings.theme):  # not saved unless it is changed
            settings = settings._replace(theme=LIGHT_THEME)
        # The first theme, before Textual's `__init__` builds the stylesheet's colours and the
        # ANSI colour mapping from it (as Textual's own docs choose one with `set_reactive`):
        # setting `App.theme` afterwards parses every stylesheet a second time at start-up.
        self.set_reactive(App.theme, settings.theme)
        super().__init__()
        self.set_class(True, f"-theme-{settings.theme}", update=False)  # as setting `theme` does
        self.settings = settings
        self._deck = deck
        self.deck_path = deck_path
        self.store = store
        self.settings_path = settings_path
        self.lang: Lang = lang or self.settings.language
        self.clock = clock
        self.wall = wall
        self.now = now or (lambda: datetime.now().astimezone().replace(microsecond=0))
        self.autosave_delay = autosave_delay
        """Seconds of quiet typing before an autosave (`autosave.DEBOUNCE`; tests inject their own)."""
        self._initial: tuple[Session | None, Path | None] = (None, None)
        self._loading: LoadingSession | None = None
        self.new_session = False
        """The first screen's session was just made (`run`)."""
        self._deck_lock = threading.Lock()
        self._notes_for_later: list[tuple[str, dict[str, object]]] = []
        self._histories: dict[Path, tuple[Session, HarvestHistory]] = {}
        self._form_draft: FormDraft | None = None
        """What the new-session form held when it was left (it comes back with the next `n`)."""
        self.startup_error: UserError | None = None
        """Why the app ended before its first session could open (the CLI reports it)."""
        self.join_plan: JoinPlan | None = None
        """Where participants' phones join, from the start (`--join`); see `tui.join_service`."""
        self.joining: JoinService | None = None
        """The participants' server while joining is on (issue 17)."""
        self.room_changed_signal: Signal[str] = Signal(self, "room-changed")
        """What phones (or the join screen) changed: 'item', 'note', 'dots', 'vote', 'hidden',
        'stopped' (screens that show it subscribe)."""
        for theme in THEMES:
            self.register_theme(theme)

    @property
    def deck(self) -> Deck:
        """The deck new sessions use, loaded on first use (DeckError when it cannot be used).

        The home screen loads it in a thread while it is on show (`preload_deck`), so the
        new-session form opens without waiting for it."""
        with self._deck_lock:
            if self._deck is None:
                from potential_deck.core.deck.load import load

                self._deck = load(self.deck_path)
            return self._deck

    def preload_deck(self) -> None:
        """Load the deck now (from a thread worker); a deck that cannot be used waits to be told."""
        from potential_deck.core.deck.load import DeckError

        with contextlib.suppress(DeckError):
            self.deck  # noqa: B018 - loading is the point

    def set_initial(self, session: Session | None, path: Path | None, *, new: bool = False) -> None:
        """Open this session (saved at `path`, locked by the caller) as the first screen;
        `new`: it was just made (`run`), so a team that met before looks back first."""
        self._initial = (session, path)
        self.new_session = new

    def set_loading(self, loading: LoadingSession, *, new: bool = False) -> None:
        """Open on `loading.first` at once; the session loads while its notes take keys."""
        self._loading = loading
        self.new_session = new
        self.lang = loading.first.lang

    def get_default_screen(self) -> Screen[None]:
        """The first screen: the session's card (`run`, `resume`), else the home screen."""
        if self._loading is not None:
            from potential_deck.tui.screens.card import CardScreen

            return CardScreen.while_loading(self._loading)
        session, path = self._initial
        if session is None or path is None:
            from potential_deck.tui.screens.home import HomeScreen

            return HomeScreen(self.lang)
        from potential_deck.tui.screens.card import CardScreen

        session_file.attach(path)  # `run` and `resume` opened it already: this one is theirs
        self.lang = session.language
        deck = self.deck_for(session) or self.deck
        return CardScreen(session, path, deck)

    def get_theme(self, theme_name: str) -> Theme | None:
        """A theme by name: the app's own, also before they are registered (the first theme is
        chosen before Textual's `__init__`), else Textual's. Asked for on every line drawn (the
        ANSI colours follow the theme): one dictionary look-up for ours. Ours win over a theme
        registered later under the same name (the app registers none)."""
        return OWN_THEMES.get(theme_name) or super().get_theme(theme_name)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **KIND_DEFAULTS}

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.join_plan is not None:
            self.run_worker(self.start_joining(self.join_plan), exit_on_error=False)
        self.call_after_refresh(self._started)
        screen = self.screen
        if _is_card_screen(screen) and screen.is_open:
            screen.after_opening(new=self.new_session)

    @staticmethod
    def _started() -> None:
        """The first frame is on screen. What start-up made lives as long as the app: keep it
        out of the garbage collector's rounds, whose pauses otherwise show as a slow card change
        now and then; and collect again from here on (`cli.cmd_app` stops it while starting:
        start-up makes many objects and frees few, and its rounds cost a tenth of it)."""
        gc.freeze()
        gc.enable()

    def fail(self, error: UserError) -> None:
        """End the app because its session cannot open; the CLI prints `error`."""
        self.startup_error = error
        self.exit(return_code=1)

    def notify(self, message: str, **kwargs: object) -> None:
        """A message for the facilitator; never over projection mode or a black screen (the room
        sees those): it waits until the facilitator leaves them."""
        if self._room_sees_screen():
            self._notes_for_later.append((message, kwargs))
            return
        super().notify(message, **kwargs)  # type: ignore[arg-type]

    def _room_sees_screen(self) -> bool:
        from potential_deck.tui.screens.modals import BlankScreen

        if not self.is_running:
            return False
        try:
            screen = self.screen
        except Exception:
            return False
        return isinstance(screen, BlankScreen) or (_is_card_screen(screen) and screen.projection)

    def show_held_notes(self) -> None:
        """Show the messages that waited while the room saw the screen."""
        waiting, self._notes_for_later = self._notes_for_later, []
        for message, kwargs in waiting:
            self.notify(message, **kwargs)

    def on_resize(self, event: events.Resize) -> None:
        """Ask for a larger window below the minimum size; carry on when it is large enough."""
        self.set_class(event.size.height >= TALL, "-tall")
        small = event.size.width < MIN_WIDTH or event.size.height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen(self.lang))
        elif not small and showing:
            self.pop_screen()
            self.release_keys()  # what was typed meanwhile goes where it was meant

    # --- routing ------------------------------------------------------------------------

    def open_new_session(self, lang: Lang) -> None:
        """Show the new-session form: at once, with the deck if it is loaded already; else the
        form loads it behind (and says so beside the deck field if it cannot be used)."""
        from potential_deck.tui.screens.new_session import NewSessionScreen

        self.push_screen(NewSessionScreen(self._deck, lang, self._form_draft), self._keep_form_draft)

    def _keep_form_draft(self, draft: FormDraft | None) -> None:
        """A form left with something filled in: the next one starts with it."""
        self._form_draft = draft

    def deck_for(self, session: Session) -> Deck | None:
        """The deck a session uses (`core.deck.for_session`, this app's deck as the fallback);
        None when no deck holds the session's cards."""
        from potential_deck.core.deck.for_session import session_deck

        choice = session_deck(session, fallback=self.deck_path, load=self._deck_at)
        return None if choice.missing else choice.deck

    def _deck_at(self, path: Path) -> Deck:
        from potential_deck.core.deck.load import load

        return self.deck if path == self.deck_path else load(path)

    def use_deck(self, deck: Deck, path: Path) -> None:
        """Use another deck for the sessions started from now on."""
        self._deck = deck
        self.deck_path = path

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
    ) -> None:
        """Create, save and open a new session; a team that met before (`earlier`) looks back first."""
        from potential_deck.core.year import lookback

        session = meeting.new_session(
            self.deck,
            team=team,
            now=self.now(),
            facilitator=facilitator,
            participants=participants,
            language=language,
            agenda=agenda,
            deck_path=str(self.deck_path),
            date=date,
            people=people,
        )
        lookback.fill(session, earlier)
        try:
            path = self.store.create(session)
        except OSError as exc:
            self.notify(
                t(language, "new.cannot_save", folder=str(self.store.folder), error=exc.strerror or str(exc)),
                severity="error",
                timeout=15,
                markup=False,
            )
            return
        from potential_deck.tui.screens.new_session import NewSessionScreen

        self._form_draft = None  # the form's work is done
        if isinstance(self.screen, NewSessionScreen):
            self.pop_screen()
        self.open_session(session, path, new=True)  # a team that met before looks back first

    def open_session(self, session: Session | None, path: Path, *, new: bool = False) -> None:
        """Open a session where it was left: on its card, or at the harvest (None: read it
        first); `new`: just made (see `CardScreen.after_opening`)."""
        from potential_deck.tui.session_opening import open_or_explain

        session = open_or_explain(self, self.lang, session, path)  # None: refused, and said why
        if session is None:
            return
        self.lang = session.language
        deck = self.deck_for(session)
        if deck is None:
            session_file.close(path)
            self.notify(
                t(self.lang, "home.deck_missing", deck=session.deck_id, path=session.deck_path or "?"),
                severity="error",
                timeout=15,
                markup=False,
            )
            return
        from potential_deck.tui.screens.card import CardScreen

        screen = CardScreen(session, path, deck)
        self.push_screen(screen)
        screen.after_opening(new=new)

    def open_card_screen(self) -> CardScreen | None:
        """The card screen of the open session (None while it loads, or once it closed)."""
        for screen in self.screen_stack:
            if _is_card_screen(screen) and screen.is_open:
                return screen
        return None

    def saving_screen(self) -> SessionScreen | None:
        """The screen on the open session that is on top (the harvest over the cards): it saves."""
        card = self.open_card_screen()
        for screen in reversed(self.screen_stack):
            if (
                isinstance(screen, SessionScreen)
                and screen.is_open
                and card is not None
                and screen.session is card.session
            ):
                return screen
        return None

    # --- participants' phones (issue 17) --------------------------------------------------

    async def start_joining(self, join_plan: JoinPlan) -> None:
        """Let participants join from their phones (the server runs on this app's loop)."""
        from potential_deck.tui.join_service import JoinService

        self.end_joining()
        joining = JoinService(self, join_plan)
        self.joining = joining
        await joining.start()
        screen = self.open_card_screen()
        if screen is not None:
            screen.show_joining()
        lang = screen.lang if screen is not None else self.lang
        said = t(lang, "join.started", url=join_plan.base_url, code=joining.code)
        warning = t(lang, "join.network" if join_plan.network else "join.loopback")
        self.notify(
            f"{said}\n{warning}",
            severity="warning" if join_plan.network else "information",
            timeout=12,
            markup=False,
        )

    def open_join(self) -> None:
        """The join screen (F7, the palette); joining starts on the network first if it is off."""
        from potential_deck.tui.join_service import plan_for_phones
        from potential_deck.tui.screens.join import JoinScreen

        async def start_then_show() -> None:
            try:
                if self.joining is None:
                    await self.start_joining(plan_for_phones())
                if not isinstance(self.screen, JoinScreen):
                    await self.push_screen(JoinScreen())
            except OSError as exc:
                error = exc.strerror or str(exc)
                self.notify(
                    t(self.lang, "join.cannot", address="0.0.0.0", error=error),
                    severity="error",
                    timeout=15,
                    markup=False,
                )
            finally:
                self.release_keys()  # keys typed meanwhile go to the join screen (it holds them)

        self.hold_keys()
        self.run_worker(start_then_show(), exit_on_error=False)

    def end_joining(self) -> None:
        """Stop joining: the code ends at once; the server stops listening a moment later."""
        joining, self.joining = self.joining, None
        if joining is not None:
            joining.end()
            with contextlib.suppress(Exception):  # the app may be closing: the socket closes with it
                self.run_worker(joining.server.stop(), exit_on_error=False)

    # --- the harvest's history (issue 15) ----------------------------------------------------

    def harvest_history(self, path: Path, session: Session) -> HarvestHistory | None:
        """The undo history of the harvest of the session open from `path` (None before the
        harvest first opens): it lasts while the session is open, across visits to the cards."""
        kept = self._histories.get(path)
        return kept[1] if kept is not None and kept[0] is session else None

    def keep_harvest_history(self, path: Path, session: Session) -> HarvestHistory:
        """A new undo history for the session's harvest as it is now, kept for `harvest_history`."""
        from potential_deck.core.harvest.history import HarvestHistory

        history = HarvestHistory(session, clock=self.clock)
        self._histories[path] = (session, history)
        return history

    # --- settings -----------------------------------------------------------------------

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name != self.settings.theme:
            self.settings = self.settings._replace(theme=theme.name)
            self._save_settings()
        # The audience view follows the facilitator's theme through the open session file.
        screen = self.open_card_screen()
        if screen is not None and screen.session.live.theme != theme.name:
            screen.session.live.theme = theme.name
            screen.save_now()

    def remember_language(self, lang: Lang) -> None:
        """Remember the home screen's language for next time."""
        self.lang = lang
        self.settings = self.settings._replace(language=lang)
        self._save_settings()

    def _save_settings(self) -> None:
        if self._settings_writable:
            try:
                save_settings(self.settings_path, self.settings)
            except OSError as exc:
                self.notify(str(exc), severity="warning")

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        lang = language_of(screen, self.lang)
        yield SystemCommand(
            t(lang, "cmd.theme_light"), t(lang, "cmd.theme_help"), lambda: setattr(self, "theme", LIGHT_THEME)
        )
        yield SystemCommand(
            t(lang, "cmd.theme_dark"), t(lang, "cmd.theme_help"), lambda: setattr(self, "theme", DARK_THEME)
        )
        if any(_is_card_screen(s) for s in self.screen_stack):
            yield SystemCommand(t(lang, "cmd.home"), t(lang, "cmd.home_help"), self.action_home)
        yield SystemCommand(t(lang, "key.quit"), t(lang, "help.quit"), self.action_quit)

    async def action_home(self) -> None:
        """Close the session (saved, lock released) and show the home screen, freshly listed.

        Never while a session cannot be saved: `tui.screens.unsaved` asks first."""
        from potential_deck.tui.screens.unsaved import when_saved

        when_saved(self, self._go_home)

    async def _go_home(self) -> None:
        from potential_deck.tui.screens.home import HomeScreen

        closed = next((s.path for s in reversed(self.screen_stack) if _is_card_screen(s) and s.is_open), None)
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            await self.pop_screen()
        if isinstance(self.screen, HomeScreen):
            await self.screen.list_again(closed)
        elif _is_card_screen(self.screen):  # `run`'s card is the first screen: it stays, closed
            self.screen.close_session()
            await self.push_screen(HomeScreen(self.lang, at=closed))
        else:
            await self.push_screen(HomeScreen(self.lang, at=closed))

    def action_command_palette(self) -> None:
        """The command palette, its search line in the language of the screen."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            lang = language_of(self.screen, self.lang)
            self.push_screen(CommandPalette(placeholder=t(lang, "cmd.placeholder")))

    async def action_quit(self) -> None:
        """Save every open session, then quit (a session still loading is saved first); never
        while one cannot be saved (`tui.screens.unsaved` asks)."""
        for screen in self.screen_stack:
            if _is_card_screen(screen) and screen.loading_session:
                screen.when_loaded("quit")  # what was typed meanwhile is saved before quitting
                return
        from potential_deck.tui.screens.unsaved import when_saved

        when_saved(self, self.exit)


def _is_a_host(app: PotentialDeckApp) -> tuple[Host, JoinHost]:
    """For the type checker: the app is what its screens (`tui.host`) and joining expect of it."""
    return app, app
