"""The look back: a returning team's meeting opens with last time's question and its open steps.

Each open step (what, who, by when, from which session) gets what the team decides: `d` done,
`u` carried over (asks for the new date; the step then lives on in this session's step plan),
`x` dropped, `o` open again; Enter notes what the team learned from it. Everything is saved
into the session as it happens (`core.year.lookback`); Ctrl+S or Escape goes on to the cards, and
the palette of the card screen brings the look back again. While it shows, the room sees it
too, not the first card (`Live.lookback`, `core.room.follow.room_lookback`). The time spent here
counts for the meeting (contact hours). The list has the focus; the only text fields are in the
dialogs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.markup import escape
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from potential_deck.core.report.text import origin_text
from potential_deck.core.session.models import Deck, Review, Session, StepStatus
from potential_deck.core.text.i18n import day, t
from potential_deck.core.year import lookback
from potential_deck.tui.keys import LOOKBACK_COMMANDS, bindings
from potential_deck.tui.screens.base import SessionScreen
from potential_deck.tui.screens.dialogs import TextPrompt
from potential_deck.tui.screens.modals import HelpScreen
from potential_deck.tui.screens.year_dialogs import DatePrompt
from potential_deck.tui.widgets.keybar import KeyBar
from potential_deck.tui.widgets.save_status import SaveStatus

MARKS = {StepStatus.OPEN: "·", StepStatus.DONE: "✓", StepStatus.CARRIED: "→", StepStatus.DROPPED: "✗"}


class LookBackScreen(SessionScreen):
    """Last time's question and the team's open steps, each decided on; then the cards."""

    CSS_PATH = "year.tcss"

    KEYS = LOOKBACK_COMMANDS
    BINDINGS = bindings(LOOKBACK_COMMANDS)

    def __init__(self, session: Session, path: Path, deck: Deck) -> None:
        super().__init__((session, path, deck))

    def compose(self) -> ComposeResult:
        lang, back = self.lang, self.session.lookback
        yield Static(f"[b]{escape(t(lang, 'lb.title', team=self.session.team))}[/b]", id="lb-top")
        with Vertical(id="lb-body"):
            if back.question:
                yield Static(t(lang, "lb.question", date=day(back.question_date)), classes="lb-label")
                yield Static(back.question, id="lb-question", markup=False)
            else:
                yield Static(t(lang, "lb.no_question"), classes="lb-note")
            yield Static(t(lang, "lb.steps") if back.steps else t(lang, "lb.no_steps"), classes="lb-label")
            table: DataTable[Text] = DataTable(id="lb-steps", cursor_type="row", zebra_stripes=True)
            yield table
            yield Static(id="lb-detail", markup=False)
            yield Static(t(lang, "lb.keys"), id="lb-keys")
        yield SaveStatus(t(lang, "saved.never"), id="status")
        bar = KeyBar()
        bar.lang = lang
        yield bar

    def on_mount(self) -> None:
        lang = self.lang
        table = self.query_one(DataTable)
        table.add_column(t(lang, "lb.col.decision"), key="decision", width=13)
        for key, label in (("what", "lb.col.step"), ("due", "lb.col.due"), ("from", "lb.col.from")):
            table.add_column(t(lang, label), key=key)
        self._fill_table()
        table.display = bool(self.session.lookback.steps)
        self.count_time()
        self.set_focus(table)
        self.session.live.lookback = True  # the room sees the look back, not the first card
        self.save_now()
        self.keys_ready()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.lang, self.KEYS, self.where))

    @property
    def cursor(self) -> int | None:
        """The index of the step the cursor is on (None: no steps)."""
        if not self.session.lookback.steps:
            return None
        return self.query_one(DataTable).cursor_row

    def _decision(self, review: Review) -> Text:
        lang = self.lang
        if review.status == StepStatus.CARRIED and review.new_due:
            words = day(review.new_due)
        else:
            words = t(lang, f"status.{review.status.value}")
        styles = {"done": "bold green", "carried": "bold", "dropped": "dim strike"}
        style = styles.get(review.status.value, "")
        return Text(f"{MARKS[review.status]} {words}", style=style)

    def _row(self, review: Review) -> list[Text]:
        return [
            self._decision(review),
            Text(review.what),
            Text(day(review.due)),
            Text(day(review.origin.date) if review.origin else ""),
        ]

    def _fill_table(self) -> None:
        table = self.query_one(DataTable)
        for index, review in enumerate(self.session.lookback.steps):
            table.add_row(*self._row(review), key=str(index))
        self._show_detail()

    def _redraw_row(self, index: int) -> None:
        table = self.query_one(DataTable)
        for column, cell in zip(
            ("decision", "what", "due", "from"), self._row(self.session.lookback.steps[index]), strict=True
        ):
            table.update_cell(str(index), column, cell, update_width=True)
        self._show_detail()

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        """What the team learned from the step the cursor is on (and where it came from)."""
        index = self.cursor
        detail = self.query_one("#lb-detail", Static)
        if index is None:
            detail.update("")
            return
        review = self.session.lookback.steps[index]
        lang = self.lang
        lines = [" · ".join(part for part in (review.what, review.who) if part)]
        if review.status == StepStatus.CARRIED and review.new_due:
            lines.append(t(lang, "lookback.carried_to", date=day(review.new_due)))
        if review.origin is not None:
            lines.append(origin_text(lang, review.origin.date, review.origin.file))
        if review.learned:
            lines.append(t(self.lang, "lb.learned_label", text=review.learned))
        detail.update("\n".join(lines))

    # --- deciding -----------------------------------------------------------------------------

    def action_decide(self, status: str) -> None:
        index = self.cursor
        if index is None:
            return
        lookback.decide(self.session, index, StepStatus(status))
        self._redraw_row(index)
        self.save_now()

    def action_carry(self) -> None:
        """Carry the step over to a new date (asked for); it goes into this session's plan."""
        index = self.cursor
        if index is None:
            return
        review = self.session.lookback.steps[index]
        planned = review.new_due or review.due
        if planned is None:
            title = t(self.lang, "lb.new_due_undated", what=review.what)
        else:
            title = t(self.lang, "lb.new_due", what=review.what, date=day(planned))

        def carried(date: dt.date | None) -> None:
            if date is not None:
                lookback.decide(self.session, index, StepStatus.CARRIED, new_due=date)
                self._redraw_row(index)
                self.save_now()

        self.push_dialog(DatePrompt(title, self.lang), carried)

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_learned()

    def action_learned(self) -> None:
        """Note what the team learned from the step."""
        index = self.cursor
        if index is None:
            return
        review = self.session.lookback.steps[index]

        def noted(text: str | None) -> None:
            if text is not None and lookback.set_learned(self.session, index, text):
                self._show_detail()
                self.save_now()

        title = t(self.lang, "lb.learned", what=review.what)
        self.push_dialog(TextPrompt(title, review.learned, self.lang), noted)

    def action_continue(self) -> None:
        self.session.live.lookback = False  # the room sees the cards again
        self.flush()
        self.dismiss(None)

    # --- saving ------------------------------------------------------------------------------

    def snapshot(self) -> Session:
        """The session with the look back's time on screen counted up to now (contact hours)."""
        self.session.lookback.shown += self.time_counted()
        return self.session

    def on_unmount(self) -> None:
        self.flush()
        self.count_time(False)
