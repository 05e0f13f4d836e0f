"""The harvest screen's frame: its session, panes, redrawing, saving and moving between panes.

`HarvestScreen` (in `tui.harvest`) adds the keys and every change to the harvest.
"""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import DataTable, Input, Static, TabbedContent

from potential_deck.core import harvest
from potential_deck.core.i18n import t
from potential_deck.core.models import Deck, Session
from potential_deck.tui.app_screen import SessionScreen
from potential_deck.tui.keybar import KeyBar
from potential_deck.tui.widgets.harvest_panes import (
    TABS,
    ItemsPane,
    OverviewPane,
    PlanPane,
    QuestionPane,
    VotesPane,
)
from potential_deck.tui.widgets.save_status import SaveStatus


class HarvestBase(SessionScreen):
    """The harvest's panes and status lines, kept in step with the session and saved."""

    def __init__(self, session: Session, path: Path, deck: Deck) -> None:
        super().__init__()
        self.bind_session(session, path, deck)
        self.cursor = 0
        """The harvest item the tables' cursors are on."""
        self.step_cursor = 0
        self.stale: set[str] = set(TABS)
        """Panes to redraw when next shown."""
        self.merging: int | None = None
        """The item marked with `m`, to be merged into the next one marked."""
        self.last_removal: harvest.Removal | None = None
        """The item struck out last, which `u` puts back."""

    # --- showing ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        session, lang = self.session, self.lang
        yield Static(f"[b]{t(lang, 'harvest.title')}[/b] · {escape(session.team)}", id="harvest-top")
        with TabbedContent(id="harvest-tabs"):
            yield ItemsPane(session, lang)
            yield VotesPane(session, lang)
            yield QuestionPane(session, lang)
            yield PlanPane(session, lang)
            yield OverviewPane(session, lang)
        yield Static(id="harvest-message")
        yield SaveStatus(t(lang, "saved.never"), id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(KeyBar).lang = self.lang
        self.query_one("#harvest-message").display = False
        harvest.start(self.session)
        self.count_time()
        self.save_now()  # the harvest as opened, and the status line says when it was saved
        self._show_items()
        self._show_steps()
        self.query_one("#items-table").focus()

    @property
    def tab(self) -> str:
        """The pane on show."""
        return self.query_one(TabbedContent).active

    def _show_items(self) -> None:
        """The items changed: redraw the pane on show, and the others when they are shown."""
        count = len(self.session.harvest.items)
        self.cursor = max(0, min(self.cursor, count - 1))
        if self.merging is not None and self.merging >= count:
            self.merging = None
        self.stale |= {"items", "votes", "question", "overview"}
        self._redraw()
        if count == 0:
            self._say(t(self.lang, "harvest.none"))

    def _show_steps(self) -> None:
        """The steps changed: redraw the pane on show, and the others when they are shown."""
        count = len(self.session.harvest.steps)
        self.step_cursor = max(0, min(self.step_cursor, count - 1))
        self.stale |= {"plan", "overview"}
        self._redraw()

    def _redraw(self) -> None:
        """Redraw the pane on show if something it lists changed (long lists take a while)."""
        tab = self.tab
        if tab in self.stale:
            self.stale.discard(tab)
            if tab == "items":
                self.query_one(ItemsPane).show(self.deck, self.cursor, self.merging)
            elif tab == "votes":
                self.query_one(VotesPane).show(self.cursor)
            elif tab == "question":
                self.query_one(QuestionPane).show()
            elif tab == "plan":
                self.query_one(PlanPane).show(self.step_cursor)
            else:
                self.query_one(OverviewPane).show(self.deck)
        self.refresh_bindings()

    def _say(self, text: str, *, error: bool = False) -> None:
        """A message above the status line (empty: none)."""
        message = self.query_one("#harvest-message", Static)
        message.update(escape(text))
        message.display = bool(text)
        message.set_class(error, "-error")

    # --- saving -------------------------------------------------------------------------

    def snapshot(self) -> Session:
        """The session with the harvest's time on screen counted up to now (contact hours)."""
        self.session.harvest.shown += self.time_counted()
        return self.session

    def on_unmount(self) -> None:
        self.flush()
        self.count_time(False)

    # --- moving about ---------------------------------------------------------------------

    def _typing(self) -> bool:
        return isinstance(self.focused, Input)

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self._say("")
        self.session.live.harvest_step = self.tab  # the room shows this step (issue 13)
        self.save_now()
        main = {
            "items": "#items-table",
            "votes": "#votes-table",
            "question": "#question-input",
            "plan": "#step-what",
            "overview": "#overview-scroll",
        }[self.tab]
        self._redraw()
        self.query_one(main).focus()
        self.refresh_bindings()

    @on(DataTable.RowHighlighted, "#items-table, #votes-table")
    def _item_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.cursor = event.cursor_row

    @on(DataTable.RowHighlighted, "#steps-table")
    def _step_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.step_cursor = event.cursor_row

    def action_tab(self, n: int) -> None:
        self.query_one(TabbedContent).active = TABS[n - 1]

    def main_widget(self) -> Widget:
        """The list that has focus on the current step when no field is being edited."""
        main = {
            "items": "#items-table",
            "votes": "#votes-table",
            "question": "#links",
            "plan": "#steps-table",
            "overview": "#overview-scroll",
        }[self.tab]
        return self.query_one(main)

    def action_leave(self) -> None:
        self.main_widget().focus()

    def action_back(self) -> None:
        self.flush()
        self.dismiss(None)

    def action_back_left(self) -> None:
        self.action_back()
