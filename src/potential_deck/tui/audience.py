"""The audience view: a read-only mirror of the facilitator's live session, for the room.

`FollowApp` follows the session a facilitator's app holds open (or the file it was given;
`core.room.follow.SessionWatcher` decides) and shows what the room may see, filling the screen: the
card with its title large, the timer, the one note field the facilitator shares, the look back
while the facilitator is in it, a room view of each harvest step, a black screen, and which team
and date it follows. It learns of a save from the operating system's file events
(`core.room.filewatch`), so a card change shows at once. A file that is being replaced, missing
or half-written never blanks the view. It writes nothing.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path

from rich.markup import escape
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import ContentSwitcher, OptionList, Static
from textual.widgets.option_list import Option

from potential_deck.core.deck import load as decks
from potential_deck.core.room import filewatch
from potential_deck.core.room.follow import (
    DeckChooser,
    RoomLookBack,
    RoomStep,
    SessionWatcher,
    harvest_step,
    room_harvest,
    room_lookback,
)
from potential_deck.core.session import meeting
from potential_deck.core.session.models import Deck, Kind, Lang, Session, TimerSnapshot
from potential_deck.core.session.timer import card_budget, followed_display
from potential_deck.core.settings import LIGHT_THEME
from potential_deck.core.text.i18n import day, t
from potential_deck.tui.themes import KIND_DEFAULTS, THEMES
from potential_deck.tui.widgets.big_text import BigText
from potential_deck.tui.widgets.card_view import CardView
from potential_deck.tui.widgets.join_badge import JoinBadge
from potential_deck.tui.widgets.shared_note import SharedNote

TICK = 0.25
"""Seconds between redraws of the timer (from the wall clock; no file is read for it)."""
NARROW = 110
"""Below this many columns the timer moves into the top line, so the card keeps the width."""

Clock = Callable[[], float]


def _set(widget: Static, content: str) -> None:
    """Update `widget` only when its content changes (each update lays the screen out again)."""
    if widget.content != content:
        widget.update(content)


class RoomTimer(Vertical):
    """The card timer for the room, in big letters that every browser font can draw."""

    def compose(self) -> ComposeResult:
        yield BigText(id="room-timer-face")
        yield Static(id="room-timer-state")

    def show(self, face: str, state: str, lang: Lang) -> None:
        for name in ("idle", "running", "last", "over"):
            self.set_class(state == name, f"-{name}")
        width = self.content_region.width or 24
        self.query_one(BigText).show(face, width, 8)
        key = {"idle": "timer.paused", "over": "timer.over"}.get(state, "timer.running")
        _set(self.query_one("#room-timer-state", Static), t(lang, key))


class FollowScreen(Screen[None]):
    """The one screen of the audience view: waiting, choosing, the look back, the card, the harvest,
    black, ended."""

    BINDINGS = [Binding(str(n), f"choose({n})", show=False) for n in range(1, 10)]

    def __init__(
        self,
        watcher: SessionWatcher,
        deck_for: Callable[[Session], Deck],
        wall: Clock,
        lang: Lang,
        watch: filewatch.Watch,
    ) -> None:
        super().__init__()
        self.watcher = watcher
        self.deck_for = deck_for
        self.wall = wall
        self.watch_files = watch
        self.default_lang: Lang = lang
        self._shown: tuple[str, Lang] | None = None
        self._snap: TimerSnapshot | None = None
        self._stop = threading.Event()
        self.card_view: CardView | None = None
        """The card on show (one view per kind of card)."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="room-head"):
            yield Static(id="head-team")
            yield Static(id="head-where")
        with ContentSwitcher(initial="waiting", id="follow"):
            with Vertical(id="waiting", classes="notice"):
                yield Static(id="waiting-title", classes="notice-title")
                yield Static(id="waiting-hint", classes="notice-hint")
            with Vertical(id="choose", classes="notice"):
                yield Static(id="choose-title", classes="notice-title")
                yield OptionList(id="choices")
                yield Static(id="choose-hint", classes="notice-hint")
            with Vertical(id="ended", classes="notice"):
                yield BigText(id="ended-title", classes="notice-title")
                yield Static(id="ended-team", classes="notice-hint")
            with Horizontal(id="cards"):
                with Vertical(id="card-column"):
                    # one view per kind of card: a card change never restyles (a kind's colours stay put)
                    with ContentSwitcher(initial="card-start", id="card-kinds"):
                        for kind in Kind:
                            yield CardView(id=f"card-{kind.value}")
                    yield SharedNote(id="shared")
                with Vertical(id="follow-side"):
                    yield RoomTimer(id="room-timer")
            with Vertical(id="lookback"):
                yield Static(id="lookback-heading")
                yield Static(id="lookback-label")
                yield BigText(id="lookback-question")
                with VerticalScroll(id="lookback-body", can_focus=False):
                    yield Static(id="lookback-steps")
            with Vertical(id="harvest"):
                yield Static(id="harvest-heading")
                yield BigText(id="harvest-big")
                with VerticalScroll(id="harvest-body", can_focus=False):
                    yield Static(id="harvest-text")
            yield Static(id="blank")
        yield JoinBadge()
        yield Static(id="follow-status")

    def on_mount(self) -> None:
        self._narrow(self.size.width)
        self.show_state()
        self.set_interval(TICK, self.tick)
        folder = self.watcher.folder
        thread = threading.Thread(
            target=self.watch_files, args=(folder, self._changed, self._stop), daemon=True
        )
        thread.start()

    def on_unmount(self) -> None:
        self._stop.set()

    def _changed(self) -> None:
        """Called by the file watcher's thread: look at the file on the app's loop."""
        with contextlib.suppress(RuntimeError):  # the app has stopped
            self.app.call_from_thread(self.look)

    def look(self) -> None:
        """Redraw when the file (or who holds it open) changed."""
        if self.watcher.poll(self.wall()):
            self.show_state()

    def on_resize(self, event: events.Resize) -> None:
        self._narrow(event.size.width)
        self.call_after_refresh(self.show_state)

    def _narrow(self, width: int) -> None:
        self.set_class(width < NARROW, "-narrow")

    @property
    def lang(self) -> Lang:
        """The session's language, or the default before there is a session."""
        session = self.watcher.session
        return session.language if session is not None else self.default_lang

    # --- choosing -------------------------------------------------------------------------

    def action_choose(self, n: int) -> None:
        """Follow the n-th open session (the digits, while the view offers a choice)."""
        choices = self.watcher.choices
        if self.watcher.path is None and 1 <= n <= len(choices):
            self.watcher.choose(choices[n - 1].path)
            self.look()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_choose(event.option_index + 1)

    # --- showing ------------------------------------------------------------------------

    def show_state(self) -> None:
        """Show the last good state, and the status line when the file cannot be used now."""
        watcher, session = self.watcher, self.watcher.session
        switcher = self.query_one(ContentSwitcher)
        reason = t(self.lang, f"follow.{watcher.problem}") if watcher.problem else None
        blank = session is not None and session.live.blank and not watcher.ended
        self._show_head(session)
        if watcher.path is None and watcher.choices:
            self._snap = None
            self._show_choices()
            switcher.current = "choose"
        elif session is None:
            self._snap = None
            _set(self.query_one("#waiting-title", Static), t(self.lang, "follow.waiting"))
            _set(self.query_one("#waiting-hint", Static), t(self.lang, "follow.waiting_open"))
            switcher.current = "waiting"
        else:
            self._follow_theme(session)
            if watcher.not_open_yet:  # nothing of it live: the room waits for the facilitator
                self._snap = None
                _set(self.query_one("#head-where", Static), "")
                _set(self.query_one("#waiting-title", Static), t(session.language, "follow.waiting"))
                _set(self.query_one("#waiting-hint", Static), t(session.language, "follow.not_open"))
                switcher.current = "waiting"
            elif watcher.ended:
                self._snap = None
                _set(self.query_one("#head-where", Static), "")  # no card, no timer any more
                self._show_ended(session)
                switcher.current = "ended"
            elif blank:
                switcher.current = "blank"
            elif (back := room_lookback(session)) is not None:
                self._snap = None  # no card, no timer
                switcher.current = "lookback"
                self._show_lookback(session, back)
            elif session.live.stage != "cards":
                self._snap = None
                switcher.current = "harvest"
                self._show_harvest(session)
            else:
                switcher.current = "cards"
                reason = self._show_card(session) or reason
        self._show_status(None if blank else reason)
        self._show_joining(session, hidden=blank or watcher.ended)
        self.tick()

    def _show_joining(self, session: Session | None, *, hidden: bool) -> None:
        """How the room joins from phones (issue 17): the line with the address and the code, and
        the QR code large while the facilitator shows it; nothing on a black screen or at the end."""
        badge = self.query_one(JoinBadge)
        if session is None or hidden:
            badge.show(self.lang, "", "", False, (0, 0))
            return
        live = session.live
        badge.show(
            session.language,
            live.join_url,
            live.join_code,
            live.join_shown,
            (self.size.width, self.size.height - 2),
        )

    def _follow_theme(self, session: Session) -> None:
        theme = session.live.theme
        wanted = theme if theme in self.app.available_themes else LIGHT_THEME
        if self.app.theme != wanted:
            self.app.theme = wanted

    def _show_head(self, session: Session | None) -> None:
        """Which team and date the room follows (nothing before a session is chosen)."""
        head = self.query_one("#room-head")
        head.display = session is not None and not (session.live.blank and not self.watcher.ended)
        if session is None:
            return
        lang = session.language
        _set(
            self.query_one("#head-team", Static),
            f"[b]{escape(t(lang, 'follow.head', team=session.team, date=day(session.date)))}[/b]",
        )

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

    def _show_choices(self) -> None:
        lang = self.lang
        self.query_one("#choose-title", Static).update(t(lang, "follow.choose"))
        self.query_one("#choose-hint", Static).update(t(lang, "follow.choose_hint"))
        options = self.query_one(OptionList)
        options.clear_options()
        for n, choice in enumerate(self.watcher.choices, 1):
            since = f" · {t(lang, 'follow.since', time=choice.since)}" if choice.since else ""
            options.add_option(Option(f"{n}. {escape(choice.team)} · {day(choice.date)}{since}"))
        options.highlighted = 0
        options.focus()

    def _show_ended(self, session: Session) -> None:
        lang = session.language
        ended = self.query_one("#ended-title", BigText)
        ended.show(t(lang, "follow.ended"), self.size.width - 4, max(1, self.size.height // 2))
        self.query_one("#ended-team", Static).update(
            escape(t(lang, "follow.head", team=session.team, date=day(session.date)))
        )

    def _show_card(self, session: Session) -> str | None:
        """Show the current card; what is wrong when the deck lacks it."""
        lang = session.language
        card_id = session.current_card or session.agenda[-1]
        deck = self.deck_for(session)
        if not deck.has(card_id):
            return t(lang, "follow.no_card", card=card_id)
        card = deck.card(card_id)
        view = self.card_view = self.query_one(f"#card-{card.kind.value}", CardView)
        if self._shown != (card_id, lang):
            view.show(card.kind, card.text(lang), lang, projection=True)
            self.query_one("#card-kinds", ContentSwitcher).current = view.id
            self._shown = (card_id, lang)
        record = session.cards.get(card_id)
        snap = record.timer if record is not None else None
        self._snap = (
            snap
            if snap is not None and snap.budget > 0
            else TimerSnapshot(budget=card_budget(0, card.minutes))
        )
        n, total = meeting.progress(session)
        _set(self.query_one("#head-where", Static), t(lang, "card.progress", n=n, total=total))
        self.query_one(SharedNote).show(session, card)  # the field shared, whole, below the card
        self.call_after_refresh(view.scroll_to_fraction, session.live.scroll)
        return None

    def _show_lookback(self, session: Session, back: RoomLookBack) -> None:
        """Last time's question large, and the steps still open (what, who) as a plain list."""
        lang = session.language
        _set(self.query_one("#head-where", Static), "")
        _set(self.query_one("#lookback-heading", Static), t(lang, "follow.lookback"))
        lines = [f"[b]{t(lang, 'follow.lookback_steps')}[/b]", *_lookback_lines(back.steps)]
        if not back.steps:
            lines = [t(lang, "follow.lookback_no_steps")]
        _set(self.query_one("#lookback-steps", Static), "\n".join(lines))
        label = self.query_one("#lookback-label", Static)
        big = self.query_one("#lookback-question", BigText)
        label.display = big.display = bool(back.question)
        if back.question:
            _set(label, t(lang, "follow.lookback_question"))
            # padding, top line, heading, label, and the steps below it
            rows = self.size.height - 8 - len(lines)
            big.show(back.question, self.size.width - 8, max(1, rows))

    def _show_harvest(self, session: Session) -> None:
        """The harvest step on the facilitator's screen, for the room: in big letters where they fit."""
        lang, step = session.language, harvest_step(session)
        view = room_harvest(session)
        _set(self.query_one("#head-where", Static), t(lang, f"harvest.tab.{step}"))
        heading = self.query_one("#harvest-heading", Static)
        big = self.query_one("#harvest-big", BigText)
        text = self.query_one("#harvest-text", Static)
        width, height = self.size.width - 8, self.size.height - 6  # padding, top line, heading
        big.display, text.display = True, False
        if step == "question":
            _set(heading, t(lang, "follow.question_writing"))
            big.show(view.question or t(lang, "follow.no_question"), width, height)
        elif step == "overview":
            _set(heading, t(lang, "follow.question"))
            big.display = bool(view.question)
            big.show(view.question, width, max(1, height // 3), (1,))
            lines = [f"[b]{t(lang, 'follow.harvest')}[/b]", *_item_lines(lang, view.items[:5]), ""]
            lines += [f"[b]{t(lang, 'follow.steps')}[/b]", *_steps_lines(lang, view.steps, view.next_meeting)]
            text.display = True
            _set(text, "\n".join(lines))
        else:
            if step == "plan":
                _set(heading, t(lang, "follow.steps"))
                lines = _steps_lines(lang, view.steps, view.next_meeting)
                plain = [_steps_plain(n, step_) for n, step_ in enumerate(view.steps, 1)]
            else:
                _set(heading, t(lang, "follow.harvest"))
                lines = _item_lines(lang, view.items) or [t(lang, "follow.no_items")]
                plain = [f"• {item.text}  {'●' * min(item.votes, 12)}".rstrip() for item in view.items]
            spacious = len(lines) * 2 <= height
            normal = ("\n\n" if spacious else "\n").join(lines)
            if plain and (step != "plan" or view.next_meeting is None):
                big.show_all(plain, width, height, (2, 1), normal)
            else:
                big.show_all([], 0, 0, (), normal)

    def tick(self) -> None:
        """Redraw the timer from the last snapshot at the wall clock's time."""
        if self._snap is None:
            return
        face, state = followed_display(self._snap, self.wall())
        lang = self.lang
        self.query_one(RoomTimer).show(face, state, lang)
        if self.has_class("-narrow") and self.watcher.session is not None:
            n, total = meeting.progress(self.watcher.session)
            where = t(lang, "card.progress", n=n, total=total)
            _set(self.query_one("#head-where", Static), f"{where} · [b]{face}[/b]")


def _lookback_lines(steps: list[RoomStep]) -> list[str]:
    """The steps looked back on, each with who (if anyone)."""
    return [
        f"[b]• {escape(step.what)}[/b]" + (f" — {escape(step.who)}" if step.who else "") for step in steps
    ]


def _item_lines(lang: Lang, items: list) -> list[str]:  # type: ignore[type-arg]
    """The opportunities, most dots first, each with its dots."""
    lines = []
    for item in items:
        dots = ""
        if item.votes:
            count = t(lang, "follow.vote") if item.votes == 1 else t(lang, "follow.votes", n=item.votes)
            dots = f"  [$accent]{'●' * min(item.votes, 12)}[/] ({count})"
        lines.append(f"[b]• {escape(item.text)}[/b]{dots}")
    return lines


def _steps_plain(n: int, step: object) -> str:
    """A step for big letters: number (or ✓ when done), what, who, by when."""
    details = " ".join(part for part in (step.who, day(step.due)) if part)  # type: ignore[attr-defined]
    mark = "✓" if step.done else f"{n}."  # type: ignore[attr-defined]
    return f"{mark} {step.what}" + (f" - {details}" if details else "")  # type: ignore[attr-defined]


def _steps_lines(lang: Lang, steps: list, next_meeting: object) -> list[str]:  # type: ignore[type-arg]
    """The step plan: what, who, by when; done steps ticked."""
    lines = []
    for n, step in enumerate(steps, 1):
        details = " · ".join(part for part in (step.who, day(step.due)) if part)
        mark = "✓" if step.done else f"{n}."
        lines.append(f"[b]{mark} {escape(step.what)}[/b]" + (f" — {escape(details)}" if details else ""))
    if not lines:
        lines.append(t(lang, "follow.no_steps"))
    if next_meeting is not None:
        lines.append(t(lang, "follow.next_meeting", date=day(next_meeting)))  # type: ignore[arg-type]
    return lines


class FollowApp(App[None]):
    """What the room sees, mirrored from the facilitator's session file; it writes nothing.

    The view lives on a pushed screen, not the default one: a default screen with a scrolling
    container can hang when textual-serve asks the app to quit before its first frame.
    """

    CSS_PATH = "follow.tcss"
    """Only the room's own layout: the facilitator's screens' CSS never reaches it (widgets bring theirs)."""
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
        watch: filewatch.Watch = filewatch.watch,
        watcher: SessionWatcher | None = None,
    ) -> None:
        super().__init__()
        self.watcher = watcher or SessionWatcher(folder, target)
        self.view = FollowScreen(self.watcher, deck_for or DeckChooser(), wall, lang, watch)
        self.wall = wall
        for theme in THEMES:
            self.register_theme(theme)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **KIND_DEFAULTS}

    def on_mount(self) -> None:
        self.theme = LIGHT_THEME
        self.watcher.poll(self.wall())
        self.push_screen(self.view)


def polling(every: float) -> filewatch.Watch:
    """A watch that only polls every `every` seconds (tests, and the benchmark's baseline)."""
    return partial(filewatch.poll, every=every)


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
