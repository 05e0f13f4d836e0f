"""The audience view: a read-only mirror of the facilitator's live session, for the room.

`FollowApp` polls the session file the facilitator's app saves at once on every change, and
shows what the room may see: the card, the timer, the harvest, a black screen, and only the
note field the facilitator shares. A file that is being replaced, missing or half-written
never blanks the view: the last good state stays, with a discreet status line.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from rich.markup import escape
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Static

from potential_deck.core import deck as decks
from potential_deck.core import meeting
from potential_deck.core.card_fields import NoteField, note_fields
from potential_deck.core.i18n import t
from potential_deck.core.locations import builtin_deck
from potential_deck.core.models import Deck, Lang, Session, TimerSnapshot
from potential_deck.core.notes import gather, note_text
from potential_deck.core.settings import LIGHT_THEME
from potential_deck.core.store import SessionFileError, SessionStore, read
from potential_deck.core.timer import MINUTE, followed_display
from potential_deck.core.vocab import GROWTH_FIELD
from potential_deck.tui.themes import KIND_DEFAULTS, THEMES
from potential_deck.tui.widgets.card_view import CardView
from potential_deck.tui.widgets.timer_face import TimerFace

POLL = 0.2
"""Seconds between looks at the session file: a card change shows within half a second."""

Clock = Callable[[], float]


@dataclass(frozen=True, slots=True)
class _Stat:
    inode: int
    mtime_ns: int
    size: int


def _stat(path: Path) -> _Stat | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return _Stat(st.st_ino, st.st_mtime_ns, st.st_size)


class SessionWatcher:
    """Follows one session file, or (without `target`) the newest in `folder`.

    `poll(wall)` looks once and says whether anything changed. `session` is the last good
    state, read at wall-clock `good_at`; `problem` is `missing` or `unreadable` while the
    file cannot be used (the last good state stays).
    """

    def __init__(self, folder: Path, target: Path | None = None) -> None:
        self.store = SessionStore(folder)
        self.target = target
        self.path: Path | None = target
        self.session: Session | None = None
        self.good_at: float | None = None
        self.problem: str | None = None
        self._seen: _Stat | None = None

    def _choose(self) -> Path | None:
        if self.target is not None:
            return self.target
        newest: tuple[int, Path] | None = None
        current_exists = False
        for path in self.store.files():
            seen = _stat(path)
            if seen is None:
                continue
            current_exists = current_exists or path == self.path
            if newest is None or seen.mtime_ns > newest[0]:
                newest = (seen.mtime_ns, path)
        if newest is None:
            return self.path
        if self.path is not None and not current_exists and self._seen is not None:
            # The followed file is briefly away: only a newer session takes its place.
            return newest[1] if newest[0] > self._seen.mtime_ns else self.path
        return newest[1]

    def _set_problem(self, problem: str | None) -> bool:
        changed = problem != self.problem
        self.problem = problem
        return changed

    def poll(self, wall: float) -> bool:
        """Look at the file once; whether the session or the problem changed."""
        path = self._choose()
        seen = _stat(path) if path is not None else None
        if path is None or seen is None:
            return self._set_problem("missing" if self.session is not None else None)
        if path == self.path and seen == self._seen:
            return False
        self.path, self._seen = path, seen
        try:
            session = read(path)
        except SessionFileError:
            return self._set_problem("unreadable")
        self.session, self.good_at, self.problem = session, wall, None
        return True


class DeckChooser:
    """The deck for a session: --deck, else the session's own deck, else the built-in one."""

    def __init__(self, override: Path | None = None) -> None:
        self.override = override
        self._decks: dict[Path, Deck] = {}

    def __call__(self, session: Session) -> Deck:
        own = Path(session.deck_path).expanduser() if session.deck_path else None
        path = self.override or (own if own is not None and own.exists() else builtin_deck())
        if path not in self._decks:
            try:
                self._decks[path] = decks.load(path)
            except decks.DeckError:
                self._decks[path] = decks.load(builtin_deck())
        return self._decks[path]


def _shared_label(lang: Lang, field: NoteField) -> str:
    return t(lang, "follow.growth") if field.id == GROWTH_FIELD else field.label(lang)


class FollowScreen(Screen[None]):
    """The one screen of the audience view: waiting, the card, the harvest, or black."""

    def __init__(
        self,
        watcher: SessionWatcher,
        deck_for: Callable[[Session], Deck],
        wall: Clock,
        lang: Lang,
        poll: float = POLL,
    ) -> None:
        super().__init__()
        self.watcher = watcher
        self.deck_for = deck_for
        self.wall = wall
        self.poll_interval = poll
        self.default_lang: Lang = lang
        self._shown: tuple[str, Lang] | None = None
        self._snap: TimerSnapshot | None = None

    def compose(self) -> ComposeResult:
        with ContentSwitcher(initial="waiting", id="follow"):
            with Vertical(id="waiting"):
                yield Static(id="waiting-title")
                yield Static(id="waiting-where")
            with Horizontal(id="cards"):
                with Vertical(id="card-column"):
                    yield CardView(id="card")
                    yield Static(id="shared")
                with Vertical(id="follow-side"):
                    yield TimerFace(id="timer")
                    yield Static(id="follow-progress")
            with VerticalScroll(id="harvest", can_focus=False):
                yield Static(id="harvest-text")
            yield Static(id="blank")
        yield Static(id="follow-status")

    def on_mount(self) -> None:
        self.show_state()
        self.set_interval(self.poll_interval, self.look)

    def look(self) -> None:
        """One poll: redraw when the file changed, and tick the timer from the wall clock."""
        if self.watcher.poll(self.wall()):
            self.show_state()
        self.tick()

    @property
    def lang(self) -> Lang:
        """The session's language, or the default before there is a session."""
        session = self.watcher.session
        return session.language if session is not None else self.default_lang

    # --- showing ------------------------------------------------------------------------

    def show_state(self) -> None:
        """Show the last good state, and the status line when the file cannot be used now."""
        session = self.watcher.session
        switcher = self.query_one(ContentSwitcher)
        problem = self.watcher.problem
        reason = t(self.lang, f"follow.{problem}") if problem else None
        if session is None:
            self._snap = None
            self._show_waiting()
            switcher.current = "waiting"
        else:
            theme = session.live.theme
            wanted = theme if theme in self.app.available_themes else LIGHT_THEME
            if self.app.theme != wanted:
                self.app.theme = wanted
            if session.live.blank:
                switcher.current = "blank"
            elif session.live.stage != "cards":
                self._show_harvest(session)
                switcher.current = "harvest"
            else:
                reason = self._show_card(session) or reason
                switcher.current = "cards"
        blank = session is not None and session.live.blank
        self.set_class(blank, "-blank")
        self._show_status(None if blank else reason)
        self.tick()

    def _show_status(self, reason: str | None) -> None:
        status = self.query_one("#follow-status", Static)
        status.display = reason is not None
        if reason is None:
            return
        good_at = self.watcher.good_at
        if good_at is None:
            status.update(escape(reason))
        else:
            when = datetime.fromtimestamp(good_at).strftime("%H:%M:%S")
            status.update(escape(t(self.lang, "follow.stale", time=when, reason=reason)))

    def _show_waiting(self) -> None:
        where = self.watcher.target or self.watcher.store.folder
        self.query_one("#waiting-title", Static).update(t(self.lang, "follow.waiting"))
        self.query_one("#waiting-where", Static).update(
            escape(t(self.lang, "follow.waiting_where", where=str(where)))
        )

    def _show_card(self, session: Session) -> str | None:
        """Show the current card; what is wrong when the deck lacks it."""
        lang = session.language
        card_id = session.current_card or session.agenda[-1]
        deck = self.deck_for(session)
        if not deck.has(card_id):
            return t(lang, "follow.no_card", card=card_id)
        card = deck.card(card_id)
        if self._shown != (card_id, lang):
            self.query_one(CardView).show(card.kind, card.text(lang), lang, projection=True)
            self._shown = (card_id, lang)
        record = session.cards.get(card_id)
        snap = record.timer if record is not None else None
        self._snap = (
            snap if snap is not None and snap.budget > 0 else TimerSnapshot(budget=card.minutes * MINUTE)
        )
        timer_face = self.query_one(TimerFace)
        timer_face.lang = lang
        n, total = meeting.progress(session)
        self.query_one("#follow-progress", Static).update(
            f"[b]{escape(session.team)}[/b]\n{t(lang, 'card.progress', n=n, total=total)}"
        )
        fields = {field.id: field for field in note_fields(card, record)}
        field = fields.get(session.live.shared_field)
        shared = self.query_one("#shared", Static)
        shared.display = field is not None
        if field is not None:
            text = note_text(record, field.id) if record is not None else ""
            shared.update(f"[b]{escape(_shared_label(lang, field))}[/b]\n{escape(text)}")
        return None

    def _show_harvest(self, session: Session) -> None:
        lang = session.language
        lines: list[str] = []
        question = session.harvest.question.strip()
        if question:
            lines += [f"[b]{t(lang, 'follow.question')}[/b]", escape(question), ""]
        lines.append(f"[b]{t(lang, 'follow.harvest')}[/b]")
        items = gather(session)
        for item in items:
            dots = f"  {'●' * item.votes}" if item.votes else ""
            lines.append(f"• {escape(item.text)}{dots}")
        if not items:
            lines.append(t(lang, "follow.no_items"))
        self.query_one("#harvest-text", Static).update("\n".join(lines))

    def tick(self) -> None:
        """Redraw the timer from the last snapshot at the wall clock's time."""
        if self._snap is None:
            return
        face, state = followed_display(self._snap, self.wall())
        timer_face = self.query_one(TimerFace)
        timer_face.face = face
        timer_face.state = state


class FollowApp(App[None]):
    """What the room sees, mirrored from the facilitator's session file; it writes nothing.

    The view lives on a pushed screen, not the default one: a default screen with a scrolling
    container can hang when textual-serve asks the app to quit before its first frame.
    """

    CSS_PATH = ["app.tcss", "follow.tcss"]
    TITLE = "Doos vol Potential"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+q,q", "quit", "Quit", show=False, priority=True)]

    def __init__(
        self,
        *,
        folder: Path,
        target: Path | None = None,
        deck_for: Callable[[Session], Deck] | None = None,
        lang: Lang = "nl",
        wall: Clock = time.time,
        poll: float = POLL,
    ) -> None:
        super().__init__()
        self.watcher = SessionWatcher(folder, target)
        self.view = FollowScreen(self.watcher, deck_for or DeckChooser(), wall, lang, poll)
        self.wall = wall
        for theme in THEMES:
            self.register_theme(theme)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **KIND_DEFAULTS}

    def on_mount(self) -> None:
        self.theme = LIGHT_THEME
        self.watcher.poll(self.wall())
        self.push_screen(self.view)


def run(session: str | None, sessions: str | None, deck: str | None) -> int:
    """Open the audience view (the `follow` command)."""
    from potential_deck.core.locations import sessions_dir, settings_file
    from potential_deck.core.settings import load_settings

    override = Path(deck) if deck else None
    if override is not None:
        decks.load_for_user(override)  # a deck that cannot be used is said before the window opens
    folder = sessions_dir(sessions)
    target = Path(session) if session else None
    settings, _ = load_settings(settings_file())
    FollowApp(folder=folder, target=target, deck_for=DeckChooser(override), lang=settings.language).run()
    return 0
