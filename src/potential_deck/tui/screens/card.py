"""The card screen: the card large, its timer, its note fields, and the way through the agenda.

The keyboard does one of two things here, and the status line always says which:

- **typing** (the default): every key that can be text goes into a note field — the one with
  focus, else the one last used on this card, else the card's first field. Focus stays in the
  notes across PageDown/PageUp. Commands use keys that cannot be text (`tui.keys`).
- **steering** (after Escape, and in projection mode): letters, Space and arrows steer the
  card (t timer, b blank, Space next, ...). Any other letter goes back to the notes, typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.cells import cell_len
from rich.markup import escape
from textual import events
from textual.app import ComposeResult
from textual.command import Provider
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Static

from potential_deck.core.choices import Kind, Lang
from potential_deck.core.deck.fields import field_ids, note_fields, notes_beside
from potential_deck.core.deck.first_card import FirstCard
from potential_deck.core.errors import UserError
from potential_deck.core.session import meeting, session_file
from potential_deck.core.session.notes import note_text, set_note
from potential_deck.core.session.timer import Timer, display
from potential_deck.core.text.i18n import day, t
from potential_deck.tui.commands import KeyCommands, ListProvider
from potential_deck.tui.keys import CARD_COMMANDS, Command, Where, bindings
from potential_deck.tui.screens.base import SessionScreen
from potential_deck.tui.screens.modals import BlankScreen, HelpScreen
from potential_deck.tui.widgets import changed_only
from potential_deck.tui.widgets.card_view import CardView, CardWords, kind_class_of
from potential_deck.tui.widgets.join_badge import JoinBadge
from potential_deck.tui.widgets.keybar import KeyBar
from potential_deck.tui.widgets.notes_panel import Field, NoteField, NotesPanel
from potential_deck.tui.widgets.save_status import SaveStatus
from potential_deck.tui.widgets.shared_note import SharedNote, room_label
from potential_deck.tui.widgets.timer_face import TimerFace

if TYPE_CHECKING:
    from potential_deck.core.session.models import Card, Deck, Session

TICK = 0.25
RUNNING_SAVE_EVERY = 5.0
SAVED_ROOM = 21
"""Cells of the status line kept for when it last saved ("Opgeslagen 14:02:11") when choosing
how long the rest of it is."""
KEYBOARD_SHARE = 70
"""At most this percentage of the status line says what the keyboard does (`#keyboard` in card.tcss)."""


class LoadingSession(NamedTuple):
    """A session that opens on its first card at once and loads meanwhile (`run`, `resume`).

    `first` is what the first screen shows, read without the models (`core.deck.first_card`);
    `load` (run in a thread) gives the session, its file and its deck, or raises UserError,
    which ends the app with that message. The note fields take keys from the first frame;
    commands wait until the session is there.
    """

    first: FirstCard
    load: Callable[[], tuple[Session, Path, Deck]]


class CardCommands(ListProvider):
    """Every card on the agenda (but the current one), and the harvest."""

    def _commands(self) -> list[tuple[str, str, partial[None]]]:
        screen = self.screen
        assert isinstance(screen, CardScreen)
        session, lang = screen.session, screen.lang
        commands = []
        for index, card_id in enumerate(session.agenda):
            if index == session.live.position or not screen.deck.has(card_id):
                continue
            title = screen.deck.card(card_id).text(lang).title
            commands.append(
                (
                    t(lang, "cmd.goto", n=index + 1, title=title),
                    t(lang, "cmd.goto_help"),
                    partial(screen.go_to, index),
                )
            )
        commands.append(
            (t(lang, "cmd.harvest"), t(lang, "cmd.harvest_help"), partial(screen.go_to, len(session.agenda)))
        )
        from potential_deck.core.year.lookback import has_look_back  # the palette opens after start-up

        if has_look_back(session):
            commands.append(
                (t(lang, "cmd.lookback"), t(lang, "cmd.lookback_help"), partial(screen.open_lookback))
            )
        return commands


class CardScreen(SessionScreen):
    """Steps a team through the agenda, one card at a time."""

    CSS_PATH = "card.tcss"
    COMMANDS = {CardCommands, KeyCommands, lambda: _export_commands()}
    AUTO_FOCUS = ""
    KEYS = CARD_COMMANDS
    BINDINGS: ClassVar = bindings(CARD_COMMANDS)

    projection: reactive[bool] = reactive(False)
    steering: reactive[bool] = reactive(False)
    """The facilitator left the notes (Escape): letters steer the card."""

    def __init__(self, session: Session, path: Path, deck: Deck) -> None:
        super().__init__((session, path, deck))
        self.first: FirstCard | None = None
        self._load: Callable[[], tuple[Session, Path, Deck]] | None = None
        self.timer = Timer(budget=0)
        self._rang = False
        self._since_save = 0.0
        self._last_field: dict[str, str] = {}
        """The note field last used on each card."""
        self._waiting: list[str] = []
        """Commands given before the session was there (they run once it is)."""
        self._heard = False
        """Whether the screen hears what phones change (issue 17)."""

    @classmethod
    def while_loading(cls, loading: LoadingSession) -> CardScreen:
        """A card screen on `loading.first` at once, its session loading meanwhile."""
        screen = cls.__new__(cls)
        SessionScreen.__init__(screen)
        screen.first, screen._load = loading
        screen.timer = Timer(budget=loading.first.budget, accumulated=loading.first.elapsed)
        screen._rang = False
        screen._since_save = 0.0
        screen._last_field = {}
        screen._waiting = []
        screen._heard = False
        return screen

    @property
    def lang(self) -> Lang:
        """The session's language (while it loads: that of the card drawn first)."""
        if self.is_open or self.first is None:
            return self.session.language
        return self.first.lang

    # --- where the keyboard is ------------------------------------------------------------

    @property
    def where(self) -> Where:
        if self.projection:
            return Where.PROJECTION
        return Where.STEERING if self.steering else Where.TYPING

    def command_enabled(self, command: Command) -> bool:
        if command.id == "prev":
            return self._position > 0
        return self.is_open or self._load is not None  # while it loads, commands wait for it

    @property
    def _position(self) -> int:
        if self.is_open or self.first is None:
            return self.session.live.position
        return self.first.position

    @property
    def loading_session(self) -> bool:
        """Whether the session is still loading (its first card shows, its notes take keys)."""
        return not self.is_open and self._load is not None

    def when_loaded(self, command_id: str) -> None:
        """Run command `command_id` once the session is here; keys after it wait for it."""
        self._waiting.append(command_id)
        self.host.hold_keys()

    async def action_command(self, command_id: str) -> None:
        """Run a command; one given while the session loads waits for it (keys after it too)."""
        if self.loading_session:
            self.when_loaded(command_id)
            return
        await super().action_command(command_id)

    # --- building ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        fields: Sequence[Field]
        if self.first is not None:
            kind, fields = self.first.kind, self.first.fields
        else:
            card = self.deck.card(self.card_id)
            kind, fields = card.kind, self._fields(card)
        with Horizontal(id="topbar"):
            yield Static(id="where")
            yield Static(id="next-title")
        with Horizontal(id="main"):
            with Vertical(id="card-column"):
                yield CardView(id="card", classes=kind_class_of(kind))
                yield SharedNote(id="shared-note")  # the room's view of F6, in projection
            with Vertical(id="side"):
                yield TimerFace(id="timer")
                yield NotesPanel(fields, id="notes")
        # the join badge (issue 17) is mounted when joining first starts (`show_joining`)
        with Horizontal(id="statusbar"):
            yield Static(id="keyboard")
            yield SaveStatus(t(self.lang, "saved.never"), id="status")
            yield Static(id="room-status")
            yield Static(id="shared")
        yield KeyBar()

    async def on_mount(self) -> None:
        self.query_one(KeyBar).lang = self.lang
        self.query_one(TimerFace).lang = self.lang
        self._ticker = self.set_interval(TICK, self.tick)
        if self.first is not None and not self.is_open:
            self._show_first(self.first)
            self.keys_ready()
            await self.keys_landed()  # the first frame shows what was typed at launch
            # after the first frame is on screen: loading the models would otherwise hold the
            # GIL while that frame is drawn
            self.call_after_refresh(self.run_worker, self._load_session, thread=True, exit_on_error=False)
            return
        self._open()
        self.keys_ready()

    def _open(self) -> None:
        """Show where the session stands, now that it is here."""
        self.set_reactive(CardScreen.projection, self.session.live.projection)
        self.set_class(self.projection, "-projection")
        self._enter_card(keep_running=False)
        self._share(self.session.live.shared_field)
        self.session.live.theme = self.app.theme  # the audience view follows it
        if self.host.joining is not None:
            self.host.joining.announce()  # joining started while the session loaded
        elif self.session.live.join_url:  # left by an app that crashed: that code works no more
            self.session.live.join_url, self.session.live.join_code = "", ""
            self.session.live.join_shown = False
            self.save_now()
        if self.session.live.lookback:  # left by an app that ended in the look back; one that opens sets it
            self.session.live.lookback = False
            self.save_now()
        self.show_joining()
        self._saved(self.host.now(), None)  # it was just created or read from this file
        self._say_if_unclosed()

    def _say_if_unclosed(self) -> None:
        """The app that had this session open last ended without closing it (a crash, a kill, a
        power cut): say so, and when it was last saved, so the facilitator knows what is there."""
        file = self.autosaver.file
        left = file.unclosed
        if left is None:
            return
        since = left.since[11:16] or "?"
        saved = dt.datetime.fromtimestamp(file.stamp.mtime_ns / 1e9)
        self.notify(
            t(self.lang, "card.unclosed", since=since, saved=f"{day(saved.date())} {saved:%H:%M:%S}"),
            timeout=12,
            markup=False,
        )

    def _show_first(self, first: FirstCard) -> None:
        """The card the session opens on, from its files, while the session loads."""
        self.set_reactive(CardScreen.projection, first.projection)
        self.set_class(first.projection, "-projection")
        self.count_time()
        self.notes.show(
            first.card_id,
            first.fields,
            first.notes,
            handover=t(first.lang, "card.to_harvest") if first.leads_to_harvest else "",
        )
        self._draw(
            first.kind,
            first,
            team=first.team,
            n=meeting.progress_at(first.position, first.total)[0],
            total=first.total,
            following=first.next_title,
        )
        if self.where == Where.TYPING:
            self._focus_notes()
        self.tick()

    def _load_session(self) -> None:
        """Load the session (a thread): then work on it, or end the app with what is wrong."""
        assert self._load is not None
        try:
            loaded = self._load()
        except UserError as exc:
            self.app.call_from_thread(self.host.fail, exc)
            return
        # Textual's `Callable[..., T | Awaitable[T]]`: mypy solves T as Never for an async None
        self.app.call_from_thread(self._loaded, *loaded)  # type: ignore[arg-type]

    async def _loaded(self, session: Session, path: Path, deck: Deck) -> None:
        """The session is here: what was typed meanwhile goes into it, waiting commands run."""
        first = self.first
        assert first is not None
        self.host.use_deck(deck, self.host.deck_path)
        early = self.notes.texts() if self.notes.card == first.card_id else {}
        shown = self.time_counted()
        self.bind_session(session, path, deck)
        record = session.record(first.card_id)
        for field, text in early.items():
            set_note(record, field, text)
        record.shown += shown
        self._open()
        if any(text != first.notes.get(field, "") for field, text in early.items()):
            self.save_now()  # what was typed while it loaded: on disk at once
        else:
            self.autosaver.touch()
        self.after_opening(new=self.host.new_session)
        waiting, self._waiting = self._waiting, []
        for command_id in waiting:
            await super().action_command(command_id)
        if waiting:
            self.host.release_keys()

    def _fields(self, card: Card) -> list[Field]:
        """The note fields of `card` (`core.deck.fields`), labelled in the session's language."""
        record = self.session.cards.get(card.id)
        return [
            (field.id, field.label(self.lang), field.colour.value if field.colour else None)
            for field in note_fields(card, record)
        ]

    def _asides(self, card: Card) -> tuple[str, str]:
        """An earlier card's notes the card asks for, and the hand-over line of a card whose work
        goes on in the harvest (empty when the card has neither)."""
        beside = ""
        earlier = notes_beside(card, self.session)
        if earlier is not None:
            card_id, record = earlier
            known = self.deck.card(card_id) if self.deck.has(card_id) else None
            title = known.text(self.lang).title if known is not None else card_id
            texts = (note_text(record, field) for field in field_ids(known, record))
            beside = "\n".join([t(self.lang, "card.beside", title=title), *(x for x in texts if x.strip())])
        handover = t(self.lang, "card.to_harvest") if card.leads_to_harvest else ""
        return beside, handover

    # --- showing -------------------------------------------------------------------------

    @property
    def card_id(self) -> str:
        """The card on show (the last one while the harvest is open)."""
        if not self.is_open and self.first is not None:
            return self.first.card_id
        current = self.session.current_card
        return current if current is not None else self.session.agenda[-1]

    @property
    def notes(self) -> NotesPanel:
        """The note fields."""
        return self.query_one("#notes", NotesPanel)

    def _enter_card(self, *, keep_running: bool) -> None:
        """Show the current card and load its timer (running on if the last one ran)."""
        card = self.deck.card(self.card_id)
        record = self.session.record(card.id)
        now = self.host.clock()
        self.count_time()
        if record.timer.budget == 0:
            self.timer = Timer.for_minutes(card.minutes)
            if keep_running:
                self.timer = self.timer.start(now)
        else:
            self.timer = Timer.from_snapshot(record.timer, now, keep_running=keep_running)
        self._rang = self.timer.is_over(now)
        beside, handover = self._asides(card)
        fields = self._fields(card)
        texts = {field: note_text(record, field) for field, _, _ in fields}
        self.notes.show(card.id, fields, texts, beside=beside, handover=handover)
        n, total = meeting.progress(self.session)
        following = meeting.next_card(self.session)
        title = ""
        if following and self.deck.has(following):
            title = self.deck.card(following).text(self.lang).title
        self._draw(
            card.kind, card.text(self.lang), team=self.session.team, n=n, total=total, following=title or None
        )
        if self.where == Where.TYPING:
            self._focus_notes()
        self.refresh_bindings()
        self.tick()

    def _draw(
        self, kind: Kind, words: CardWords, *, team: str, n: int, total: int, following: str | None
    ) -> None:
        """Show a card, the team, where the meeting is, and the title of the card after it."""
        self.query_one(CardView).show(kind, words, self.lang, projection=self.projection)
        dots = "●" * n + "○" * (total - n)
        changed_only.update(
            self.query_one("#where", Static),
            f"[b]{escape(team)}[/b] · {t(self.lang, 'card.progress', n=n, total=total)}  {dots}",
        )
        preview = t(self.lang, "card.next", title=following) if following else t(self.lang, "card.last")
        changed_only.update(self.query_one("#next-title", Static), escape(preview))

    def tick(self) -> None:
        """Redraw the timer from the clock; ring once when it reaches zero."""
        now = self.host.clock()
        face, state = display(self.timer, now)
        timer_face = self.query_one(TimerFace)
        timer_face.face = face
        timer_face.state = state
        if state == "over" and self.timer.running and not self._rang:
            self._rang = True
            self.app.bell()
        if self.timer.running and self.is_open:
            self._since_save += TICK
            if self._since_save >= RUNNING_SAVE_EVERY:
                self._since_save = 0.0
                self.autosaver.touch()

    def watch_projection(self, projection: bool) -> None:
        self.set_class(projection, "-projection")
        if not self.is_mounted:
            return
        if self.is_open:
            card = self.deck.card(self.card_id)
            self.query_one(CardView).show(card.kind, card.text(self.lang), self.lang, projection=projection)
        elif self.first is not None:
            self.query_one(CardView).show(self.first.kind, self.first, self.lang, projection=projection)
        self._show_shared_note()
        if projection:
            self.set_focus(None)
        else:
            if not self.steering:
                self._focus_notes()
            else:
                self._show_keyboard()
            self.host.show_held_notes()
        self.refresh_bindings()

    def on_resize(self) -> None:
        self._show_keyboard()

    def watch_steering(self) -> None:
        self._show_keyboard()
        self.refresh_bindings()

    def _show_keyboard(self) -> None:
        """Say on the status line what the keyboard does now (typing into which field, or
        steering) and which field the room sees: as fully as the line's width allows, shorter in
        a narrow window (80 columns) rather than cut."""
        line = self.query_one("#keyboard", Static)
        steering = self.where != Where.TYPING
        line.set_class(steering, "-steering")
        if steering:
            doing = [
                t(self.lang, key)
                for key in ("card.steering", "card.steering_short", "card.steering_shortest")
            ]
        else:
            field = self.notes.focused_field() or self._target_field()
            label = self.notes.area(field).border_title if field else ""
            doing = [t(self.lang, "card.typing", field=str(label or ""))]
        shared = [""]
        if self.is_open and (field := self.session.live.shared_field):
            card = self.deck.card(self.card_id) if self.deck.has(self.card_id) else None
            name = room_label(self.lang, field, card)  # as the room's box is titled
            shared = [t(self.lang, key, field=name) for key in ("card.shared", "card.shared_short")]
        room = self.size.width - SAVED_ROOM
        joined = self.query_one("#room-status", Static)
        if joined.display:
            room -= cell_len(str(joined.content)) + 2
        most = self.size.width * KEYBOARD_SHARE // 100  # the line's max-width (card.tcss)
        words, mark = _fitting(doing, shared, room, most)
        changed_only.update(line, escape(words))
        changed_only.update(self.query_one("#shared", Static), escape(mark))

    # --- the notes -----------------------------------------------------------------------

    def _target_field(self) -> str | None:
        """The field typing goes into: the one last used on this card, else its first."""
        shown = self.notes.fields
        last = self._last_field.get(self.card_id)
        if last in shown:
            return last
        return shown[0] if shown else None

    def _focus_notes(self) -> NoteField | None:
        """Focus the field typing goes into (steering ends); that field."""
        field = self._target_field()
        if field is None:
            return None
        area = self.notes.area(field)
        self.set_focus(area, scroll_visible=False)
        self.steering = False
        self._show_keyboard()
        return area

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, NoteField):
            self._last_field[self.card_id] = event.widget.field
            self.steering = False
            self._show_keyboard()

    def on_notes_panel_changed(self, event: NotesPanel.Changed) -> None:
        if self.is_open and event.card == self.notes.card and event.card == self.card_id:
            self._commit_field(event.field)

    def _commit_field(self, field: str) -> None:
        if set_note(self.session.record(self.card_id), field, self.notes.area(field).text):
            self.autosaver.touch()
            if field == self.session.live.shared_field:
                self._show_shared_note()

    def _commit_notes(self) -> None:
        """Put what the fields hold into the session now (before a card change or a save)."""
        notes = next(self.query("#notes").results(NotesPanel), None)
        if not self.is_open or notes is None or notes.card != self.card_id:
            return  # not built yet, or already taken down (every change was committed as typed)
        record = self.session.record(self.card_id)
        changed = False
        for field, text in notes.texts().items():
            changed |= set_note(record, field, text)
        if changed:
            self.autosaver.dirty = True

    def on_key(self, event: events.Key) -> None:
        """A key nothing took: text goes into the notes (not in projection, which the room sees)."""
        if not event.is_printable or self.projection:
            return
        active = self.active_bindings.get(event.key)
        if active is not None and active.enabled:
            return  # a letter that steers: its binding acts
        event.stop()
        event.prevent_default()
        self.host.hold_keys()  # later keys must not overtake this one on its way to the field
        area = self._focus_notes()
        if area is not None:
            area.post_message(events.Key(event.key, event.character))
        self.call_later(self.host.release_keys)

    # --- saving --------------------------------------------------------------------------

    def snapshot(self) -> Session:
        """The session with the fields' text and the running timer's state folded in."""
        self._commit_notes()
        current = self.session.current_card  # None at the harvest: no card's timer is running
        if current is not None:
            record = self.session.record(current)
            now = self.host.clock()
            record.timer = self.timer.snapshot(now, self.host.wall())
            record.shown += self.time_counted()
        return self.session

    # --- actions -------------------------------------------------------------------------

    def go_to(self, position: int) -> None:
        """Move to an agenda position; past the last card, on to the harvest.

        The card left behind keeps its own timer (paused when the harvest comes next) and
        nothing stays shared with the room. Typing stays in the notes.
        """
        was_running = self.timer.running
        if position >= len(self.session.agenda):
            self.timer = self.timer.pause(self.host.clock())
        self.snapshot()
        if not meeting.go_to(self.session, position):
            return
        self._share("")
        if self.session.live.stage == "harvest":
            self.count_time(False)  # the harvest's time is not any card's
            self.save_now()
            self.open_harvest(typed_in=self.where == Where.TYPING)
            return
        with self.app.batch_update():  # one frame for the whole card change
            self._enter_card(keep_running=was_running)
        self.call_after_refresh(self.save_now)  # the new card first on screen, then the file

    # --- what opens over the cards ----------------------------------------------------------

    def after_opening(self, *, new: bool) -> None:
        """The session just opened here: on to the harvest if it was left there; a session just
        made (`new`: `run`, the new-session form) of a team that met before looks back first.
        Keys typed meanwhile wait for that screen, never into this card's notes under it."""
        from potential_deck.core.year import lookback

        if self.session.live.stage != "cards":  # on the step it was left on
            self.host.hold_keys()
            self.app.call_after_refresh(
                partial(self.open_harvest, step=self.session.live.harvest_step, held=True)
            )
        elif new and lookback.has_look_back(self.session):
            self.host.hold_keys()
            self.app.call_after_refresh(partial(self.open_lookback, held=True))

    def open_harvest(self, typed_in: bool = False, step: str = "items", *, held: bool = False) -> None:
        """Show the harvest over this screen, at `step`; coming back returns to the last card.
        `typed_in`: reached while typing notes, its letters are no commands until the
        facilitator steers. `held`: keys were held for it (`after_opening`): they go on to it."""
        from potential_deck.tui.screens.harvest import HarvestScreen  # loaded when first used

        self.flush()  # written before the harvest saves, so no older write lands after it
        self.app.push_screen(
            HarvestScreen(self.session, self.path, self.deck, typed_in=typed_in, step=step),
            lambda _: self.back_from_harvest(),
        )
        if held:
            self.host.release_keys()  # the harvest holds them until it is ready

    def open_lookback(self, *, held: bool = False) -> None:
        """Show the look back over this screen, whose clock waits meanwhile. `held`: keys were
        held for it (`after_opening`): they go on to it."""
        from potential_deck.tui.screens.lookback import LookBackScreen

        self.flush()
        self.count_time(False)
        self.app.push_screen(LookBackScreen(self.session, self.path, self.deck), lambda _: self.count_time())
        if held:
            self.host.release_keys()  # the look back holds them until it is ready

    def back_from_harvest(self) -> None:
        """Return from the harvest to the last card, typing in its notes (the keys typed since
        leaving the harvest were held for it)."""
        meeting.go_to(self.session, len(self.session.agenda) - 1)
        self.steering = False
        self._enter_card(keep_running=False)
        self.save_now()
        self.host.release_keys()

    def action_next(self) -> None:
        self.go_to(self.session.live.position + 1)

    def action_prev(self) -> None:
        self.go_to(self.session.live.position - 1)

    def action_leave_notes(self) -> None:
        """Escape: out of the notes; letters steer the card now."""
        self._commit_notes()
        self.set_focus(None)
        self.steering = True

    def action_field(self, step: int) -> None:
        """Tab, Shift+Tab: the next or previous note field; from steering, back into the notes."""
        fields = self.notes.fields
        focused = self.notes.focused_field()
        if focused is None or not fields:
            self._focus_notes()
            return
        following = fields[(fields.index(focused) + step) % len(fields)]
        self.set_focus(self.notes.area(following))

    def action_timer(self) -> None:
        self.timer = self.timer.toggle(self.host.clock())
        self._after_timer_change()

    def action_add_minute(self) -> None:
        self.timer = self.timer.add_minute()
        self._rang = self.timer.is_over(self.host.clock())
        self._after_timer_change()

    def action_reset_timer(self) -> None:
        self.timer = self.timer.reset()
        self._rang = False
        self._after_timer_change()

    def _after_timer_change(self) -> None:
        self.tick()
        self.save_now()

    def action_blank(self) -> None:
        """A black screen for the room; any key brings the card back (text typed then lands)."""
        self.session.live.blank = True
        self.save_now()

        def unblank(key: events.Key | None) -> None:
            self.session.live.blank = False
            self.save_now()
            if not self.projection:
                self.host.show_held_notes()
            if key is not None and key.is_printable and self.where == Where.TYPING:
                area = self.notes.area(self.notes.focused_field() or self._target_field() or "free")
                area.post_message(events.Key(key.key, key.character))
            self.host.release_keys()

        self.app.push_screen(BlankScreen(self.lang), unblank)

    def action_projection(self) -> None:
        self._commit_notes()
        self.projection = not self.projection
        self.session.live.projection = self.projection
        self.save_now()

    def action_share(self) -> None:
        """Share the field being typed in with the room (again: stop); steering: the next field."""
        current = self.session.live.shared_field
        focused = self.notes.focused_field()
        if focused is not None:
            following = "" if focused == current else focused
        else:
            order = ["", *self.notes.fields]
            following = order[(order.index(current) + 1) % len(order)] if current in order else ""
        self._share(following)
        self.save_now()

    def _share(self, field: str) -> None:
        """Show `field` to the room (empty: nothing), and say so on the status line."""
        self.session.live.shared_field = field
        self._show_keyboard()
        self._show_shared_note()

    def _show_shared_note(self) -> None:
        """In projection, the shared field under the card as the audience view shows it (the rule
        of `core.room.follow.shared_field`: that field only, never the tip or the other notes)."""
        note = self.query_one(SharedNote)
        if not self.projection or not self.is_open:
            note.display = False
            return
        card = self.deck.card(self.card_id) if self.deck.has(self.card_id) else None
        note.show(self.session, card)

    def action_scroll_card(self, lines: int) -> None:
        """Scroll the card (Ctrl+↑/↓, or ↑/↓ when not typing), for long cards in small windows.
        At once, from where the last key aimed: keys of a burst each scroll their lines (a scroll
        after the next frame, from where the card was, lost them)."""
        view = self.query_one(CardView)
        view.scroll_to(y=view.scroll_target_y + lines, animate=False, immediate=True)

    def on_card_view_scrolled(self, event: CardView.Scrolled) -> None:
        """The room follows how far the facilitator scrolled the card (issue 13)."""
        if self.is_open and self.session.live.scroll != event.fraction:
            self.session.live.scroll = event.fraction
            self.save_now()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.lang, self.KEYS, self.where))

    def close_session(self) -> None:
        """Save and release the session and stop its clock; the screen stays, inert.

        For the app's first screen (`run`), which cannot be removed from under the home screen.
        """
        if self.is_open:
            self.host.end_joining()  # the code ends with the session (saved without it)
            self.flush()
            session_file.close(self.path)  # the spare copy kept, the lock released
            self._ticker.stop()
            self.is_open = False
            self._load = None  # loaded and closed: nothing loads any more (quit waited for it)

    def on_unmount(self) -> None:
        self.close_session()

    # --- participants' phones (issue 17) ---------------------------------------------------

    def action_join(self) -> None:
        """F7, the palette: let participants join from their phones (or see who did)."""
        self.host.open_join()

    def action_join_room(self) -> None:
        """F8: show the room the QR code to join, large; again: only the join line."""
        if self.host.joining is not None:
            self.session.live.join_shown = not self.session.live.join_shown
            self.save_now()
            self.show_joining()

    def show_joining(self, what: str = "") -> None:
        """How to join (for the room, projection mode too) and how many joined (the status line);
        kept up to date while joining runs."""
        joining = self.host.joining
        if not self._heard:
            self.host.room_changed_signal.subscribe(self, self.show_joining)
            self._heard = True
        live = self.session.live
        room = (self.size.width, self.size.height - 2)
        badge = next(self.query(JoinBadge).results(JoinBadge), None)
        if badge is None and live.join_url:
            badge = JoinBadge()
            self.mount(badge, before="#statusbar")
        if badge is not None:
            badge.show(self.lang, live.join_url, live.join_code, live.join_shown, room)
        status = self.query_one("#room-status", Static)
        status.display = joining is not None
        if joining is not None:
            status.update(
                escape(
                    t(
                        self.lang,
                        "join.status",
                        people=len(joining.desk.participants),
                        sent=joining.desk.contributions,
                    )
                )
            )
        self._show_keyboard()  # the rest of the status line makes room

    def add_room_line(self, field: str, line: str) -> bool:
        """A line from a phone for the shared field: added at its end, where the facilitator's
        cursor does not move; whether it could be (the field is on show)."""
        if not self.is_open or self.notes.card != self.card_id or field not in self.notes.fields:
            return False
        area = self.notes.area(field)
        where = area.selection  # text after it does not move it: put it back as it was
        area.insert(
            ("\n" if area.text and not area.text.endswith("\n") else "") + line,
            area.document.end,
            maintain_selection_offset=False,
        )
        area.selection = where
        self._commit_field(field)
        return True


def _fitting(doing: Sequence[str], shared: Sequence[str], room: int, most: int) -> tuple[str, str]:
    """Of the ways to say what the keyboard does and what is shared, the pair that says most in
    `room` cells (each with its padding; what the keyboard does in `most`); else the shortest."""
    pairs = [(a, b) for a in doing for b in shared]

    def cells(pair: tuple[str, str]) -> int:
        return sum(cell_len(part) + 2 for part in pair if part)

    fits = [pair for pair in pairs if cells(pair) <= room and cell_len(pair[0]) + 2 <= most]
    return max(fits, key=cells) if fits else min(pairs, key=cells)


def _export_commands() -> type[Provider]:
    """The export commands, loaded when the palette first opens (not at start-up)."""
    from potential_deck.tui.screens.exports import ExportCommands

    return ExportCommands
