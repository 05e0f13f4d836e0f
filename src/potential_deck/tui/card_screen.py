"""The card screen: the card large, its timer, its note fields, and the way through the agenda."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import Provider
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import ProgressBar, Static

from potential_deck.core import meeting, session_file
from potential_deck.core.errors import UserError
from potential_deck.core.first_card import FirstCard
from potential_deck.core.i18n import t
from potential_deck.core.notes import set_note
from potential_deck.core.timer import Timer, display
from potential_deck.core.vocab import FIELDS, Kind, Lang
from potential_deck.tui.app_screen import SessionScreen
from potential_deck.tui.commands import CardCommands
from potential_deck.tui.keybar import KeyBar
from potential_deck.tui.modals import BlankScreen, HelpScreen
from potential_deck.tui.widgets.card_view import CardView, CardWords
from potential_deck.tui.widgets.save_status import SaveStatus
from potential_deck.tui.widgets.timer_face import TimerFace

if TYPE_CHECKING:
    from potential_deck.core.models import Deck, Session
    from potential_deck.tui.widgets.notes_panel import NotesPanel

TICK = 0.25
RUNNING_SAVE_EVERY = 5.0


class Opening(NamedTuple):
    """What a card screen opens: `load` gives the session, its file and its deck.

    With `first`, the screen draws that card at once and calls `load` after the first
    frame (`run`: validating the deck and saving the new session take longer than drawing);
    `load` may raise UserError, which ends the app with that message.
    """

    load: Callable[[], tuple[Session, Path, Deck]]
    first: FirstCard | None = None

    @classmethod
    def ready(cls, session: Session, path: Path, deck: Deck) -> Opening:
        """A session that is already loaded."""
        return cls(lambda: (session, path, deck))


class CardScreen(SessionScreen):
    """Steps a team through the agenda, one card at a time."""

    COMMANDS = {CardCommands, lambda: _export_commands()}
    AUTO_FOCUS = ""

    BINDINGS = [
        Binding("pagedown", "next", "Next", id="next", key_display="PgDn", priority=True),
        Binding("right", "next", "Next", show=False),
        Binding("space", "next_if_free", "Next", show=False),
        Binding("pageup", "prev", "Previous", id="prev", key_display="PgUp", priority=True),
        Binding("left", "prev", "Previous", show=False),
        Binding("down", "scroll_card(3)", "Scroll", show=False),
        Binding("up", "scroll_card(-3)", "Scroll", show=False),
        Binding("t", "timer", "Timer", id="timer"),
        Binding("plus", "add_minute", "+1 min", id="minute", key_display="+"),
        Binding("r", "reset_timer", "Reset", id="reset"),
        Binding("b,full_stop", "blank", "Blank", id="blank", key_display="b"),
        Binding("f5", "projection", "Projection", id="projection", key_display="F5", priority=True),
        Binding("f6", "share", "Share field", id="share", show=False, priority=True),
        Binding("escape", "leave_field", "Leave field", id="leave", show=False),
        Binding("question_mark", "help", "Keys", id="help", key_display="?"),
        Binding("ctrl+q", "app.quit", "Quit", id="quit", priority=True),
    ]

    projection: reactive[bool] = reactive(False)

    def __init__(self, opening: Opening) -> None:
        super().__init__()
        self.opening = opening
        self.timer = Timer(budget=0)
        self._rang = False
        self._since_save = 0.0

    @property
    def lang(self) -> Lang:
        """The session's language (while it loads: that of the card drawn first, or the app's)."""
        if self.is_open:
            return self.session.language
        return self.opening.first.lang if self.opening.first is not None else self.papp.lang

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static(id="where")
            yield ProgressBar(total=None, show_eta=False, show_percentage=False, id="progress")
            yield Static(id="next-title")
        with Horizontal(id="main"):
            yield CardView(id="card")
            with Vertical(id="side"):
                yield TimerFace(id="timer")
                # the note fields (the costliest widgets) are mounted by `_open`
        with Horizontal(id="statusbar"):
            yield SaveStatus(t(self.lang, "saved.never"), id="status")
            yield Static(id="shared")
        yield KeyBar()

    async def on_mount(self) -> None:
        first = self.opening.first
        if first is None:
            await self._open()
            return
        self._label()
        self._draw(first.kind, first, team=first.team, n=1, total=first.total, following=first.next_title)
        face, state = display(Timer.for_minutes(first.minutes), 0.0)
        self.query_one(TimerFace).face = face
        self.query_one(TimerFace).state = state
        self.call_after_refresh(self._open)

    async def _open(self) -> None:
        """Load the session (see `Opening`), add the note fields, and show where it stands."""
        try:
            session, path, deck = self.opening.load()
        except UserError as exc:
            self.papp.fail(exc)
            return
        self.bind_session(session, path, deck)
        self._label()
        from potential_deck.tui.widgets.notes_panel import NotesPanel  # TextArea: after the first frame

        await self.query_one("#side").mount(NotesPanel(id="notes"))
        self.projection = self.session.live.projection
        self._enter_card(keep_running=False)
        self._share(self.session.live.shared_field)
        self.session.live.theme = self.app.theme  # the audience view follows it
        self._ticker = self.set_interval(TICK, self.tick)
        self._saved(self.papp.now(), None)  # it was just created or read from this file

    # --- showing ------------------------------------------------------------------------

    def _label(self) -> None:
        """Put the key bar and the timer's words in the screen's language."""
        self.query_one(KeyBar).lang = self.lang
        self.query_one(TimerFace).lang = self.lang

    @property
    def card_id(self) -> str:
        current = self.session.current_card
        return current if current is not None else self.session.agenda[-1]

    def _enter_card(self, *, keep_running: bool) -> None:
        """Show the current card and load its timer (running on if the last one ran)."""
        card = self.deck.card(self.card_id)
        record = self.session.record(card.id)
        now = self.papp.clock()
        self.count_time()
        if record.timer.budget == 0:
            self.timer = Timer.for_minutes(card.minutes)
            if keep_running:
                self.timer = self.timer.start(now)
        else:
            self.timer = Timer.from_snapshot(record.timer, now, keep_running=keep_running)
        self._rang = self.timer.is_over(now)
        self.notes.show(card.kind, record, self.lang)
        n, total = meeting.progress(self.session)
        following = meeting.next_card(self.session)
        self._draw(
            card.kind,
            card.text(self.lang),
            team=self.session.team,
            n=n,
            total=total,
            following=self.deck.card(following).text(self.lang).title
            if following and self.deck.has(following)
            else None,
        )
        self.refresh_bindings()
        self.tick()

    def _draw(
        self, kind: Kind, words: CardWords, *, team: str, n: int, total: int, following: str | None
    ) -> None:
        """Show a card, the team, where the meeting is, and the title of the card after it."""
        self.query_one(CardView).show(kind, words, self.lang, projection=self.projection)
        self.query_one("#where", Static).update(
            f"[b]{escape(team)}[/b] · {t(self.lang, 'card.progress', n=n, total=total)}"
        )
        self.query_one(ProgressBar).update(total=total, progress=n)
        preview = t(self.lang, "card.next", title=following) if following else t(self.lang, "card.last")
        self.query_one("#next-title", Static).update(escape(preview))

    def tick(self) -> None:
        """Redraw the timer from the clock; ring once when it reaches zero."""
        now = self.papp.clock()
        face, state = display(self.timer, now)
        timer_face = self.query_one(TimerFace)
        timer_face.face = face
        timer_face.state = state
        if state == "over" and self.timer.running and not self._rang:
            self._rang = True
            self.app.bell()
        if self.timer.running:
            self._since_save += TICK
            if self._since_save >= RUNNING_SAVE_EVERY:
                self._since_save = 0.0
                self.autosaver.touch()

    def watch_projection(self, projection: bool) -> None:
        self.set_class(projection, "-projection")
        if self.is_mounted and self.is_open:
            card = self.deck.card(self.card_id)
            self.query_one(CardView).show(card.kind, card.text(self.lang), self.lang, projection=projection)

    # --- saving -------------------------------------------------------------------------

    def snapshot(self) -> Session:
        """The session with the running timer's state folded in."""
        current = self.session.current_card  # None at the harvest: no card's timer is running
        if current is not None:
            record = self.session.record(current)
            now = self.papp.clock()
            record.timer = self.timer.snapshot(now, self.papp.wall())
            record.shown += self.time_counted()
        return self.session

    @property
    def notes(self) -> NotesPanel:
        """The note fields (there once the session is open; imported then, see `_open`)."""
        from potential_deck.tui.widgets.notes_panel import NotesPanel

        return self.query_one("#notes", NotesPanel)

    def on_notes_panel_changed(self, event: NotesPanel.Changed) -> None:
        if set_note(self.session.record(self.card_id), event.field, event.text):
            self.autosaver.touch()

    # --- actions ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_open:  # the first frame, while the session loads: only quitting
            return action == "quit"
        return not (action == "prev" and self.session.live.position == 0)

    def go_to(self, position: int) -> None:
        """Move to an agenda position; past the last card, on to the harvest.

        The card left behind keeps its own timer (paused when the harvest comes next);
        focus leaves the note fields and nothing stays shared with the room.
        """
        was_running = self.timer.running
        if position >= len(self.session.agenda):
            self.timer = self.timer.pause(self.papp.clock())
        self.snapshot()
        if not meeting.go_to(self.session, position):
            return
        self.set_focus(None)
        self._share("")
        if self.session.live.stage == "harvest":
            self.count_time(False)  # the harvest's time is not any card's
            self.save_now()
            self.papp.open_harvest(self)
            return
        self._enter_card(keep_running=was_running)
        self.save_now()

    def back_from_harvest(self) -> None:
        """Return from the harvest to the last card."""
        meeting.go_to(self.session, len(self.session.agenda) - 1)
        self.set_focus(None)
        self._enter_card(keep_running=False)
        self.save_now()

    def action_next(self) -> None:
        self.go_to(self.session.live.position + 1)

    def action_next_if_free(self) -> None:
        if self.notes.focused_field() is None:
            self.action_next()

    def action_prev(self) -> None:
        self.go_to(self.session.live.position - 1)

    def action_timer(self) -> None:
        self.timer = self.timer.toggle(self.papp.clock())
        self._after_timer_change()

    def action_add_minute(self) -> None:
        self.timer = self.timer.add_minute()
        self._rang = self.timer.is_over(self.papp.clock())
        self._after_timer_change()

    def action_reset_timer(self) -> None:
        self.timer = self.timer.reset()
        self._rang = False
        self._after_timer_change()

    def _after_timer_change(self) -> None:
        self.tick()
        self.save_now()

    def action_blank(self) -> None:
        self.session.live.blank = True
        self.save_now()

        def unblank(_: None) -> None:
            self.session.live.blank = False
            self.save_now()

        self.app.push_screen(BlankScreen(self.lang), unblank)

    def action_projection(self) -> None:
        self.projection = not self.projection
        self.session.live.projection = self.projection
        self.save_now()

    def action_share(self) -> None:
        """Share a note field with the room: the focused one, else the next of this card (or none)."""
        kind = self.deck.card(self.card_id).kind
        order = ["", "free", *FIELDS[kind], "growth"]
        current = self.session.live.shared_field
        focused = self.notes.focused_field()
        if focused is not None:
            following = "" if focused == current else focused
        else:
            following = order[(order.index(current) + 1) % len(order)] if current in order else ""
        self._share(following)
        self.save_now()

    def _share(self, field: str) -> None:
        """Show `field` to the room (empty: nothing), and say so on the status line."""
        self.session.live.shared_field = field
        label = t(self.lang, "card.shared", field=t(self.lang, f"field.{field}")) if field else ""
        shared = next(self.query("#shared").results(Static), None)
        if shared is not None:
            shared.update(label)

    def action_scroll_card(self, lines: int) -> None:
        """Scroll the card (↑/↓ when no field has focus), for long cards in small windows."""
        self.query_one(CardView).scroll_relative(y=lines, animate=False)

    def action_leave_field(self) -> None:
        self.set_focus(None)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.lang))

    def close_session(self) -> None:
        """Save and release the session and stop its clock; the screen stays, inert.

        For the app's first screen (`run`), which cannot be removed from under the home screen.
        """
        if self.is_open:
            self.flush()
            session_file.close(self.path)  # the spare copy kept, the lock released
            self._ticker.stop()
            self.is_open = False

    def on_unmount(self) -> None:
        self.close_session()


def _export_commands() -> type[Provider]:
    """The export commands, loaded when the palette first opens (not at start-up)."""
    from potential_deck.tui.export_preview import ExportCommands

    return ExportCommands
