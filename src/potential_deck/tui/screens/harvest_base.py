"""What every part of the harvest screen shares: its view state, how it shows the session, and
how a change is kept (committed to the history, said, redrawn, saved).

The screen (`tui.screens.harvest.HarvestScreen`) is made of this base, the actions of step 1
(`tui.screens.harvest_items`) and those of steps 2 to 4 (`tui.screens.harvest_plan`). Every change to the
harvest goes through `commit`, so the team can undo and redo it (`core.harvest.history`).
"""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape
from textual.reactive import reactive
from textual.widgets import DataTable, Input, Static, TabbedContent, TextArea

from potential_deck.core.harvest.history import HarvestHistory
from potential_deck.core.session.models import Deck, Session
from potential_deck.core.text.i18n import t
from potential_deck.tui.keys import LINES, Where
from potential_deck.tui.screens.base import SessionScreen
from potential_deck.tui.widgets.harvest_steps import HarvestStep, ItemsPane, Part, PlanPane
from potential_deck.tui.widgets.harvest_tables import LinesTable


class HarvestBase(SessionScreen):
    """The harvest's view state and its drawing; the history of its changes."""

    item_row: reactive[int] = reactive(0, init=False)
    """The item the lists were last left on (a new list shows the same item)."""
    step_row: reactive[int] = reactive(0, init=False)
    """The step the plan was last left on."""
    line_row: reactive[int] = reactive(0, init=False)
    """The strength or challenge last chosen in step 1's second list."""
    merging: reactive[int | None] = reactive(None, init=False)
    """The item marked with `m`, to be merged into the next one marked."""
    all_wordings: reactive[bool] = reactive(False, init=False)
    """Whether merged items list every wording they hold (`w`)."""

    def __init__(self, session: Session, path: Path, deck: Deck) -> None:
        super().__init__((session, path, deck))
        self.history: HarvestHistory | None = None
        """The session's undo history (the app keeps it while the session is open)."""

    # --- where the keyboard is -----------------------------------------------------------

    @property
    def tab(self) -> str:
        """The step on show."""
        return self.query_one(TabbedContent).active

    @property
    def shown_step(self) -> HarvestStep:
        """The pane of the step on show."""
        return self.step(self.tab)

    def step(self, name: str) -> HarvestStep:
        """The pane of step `name`."""
        pane = self.query_one(TabbedContent).get_pane(name)
        assert isinstance(pane, HarvestStep)
        return pane

    @property
    def part(self) -> str:
        """The step on show, or `lines` in step 1's list of strengths and challenges."""
        return LINES if isinstance(self.focused, LinesTable) else self.tab

    @property
    def where(self) -> Where:
        return Where.FORM if isinstance(self.focused, Input | TextArea) else Where.LIST

    # --- the rows under the cursors ------------------------------------------------------

    @property
    def item_index(self) -> int:
        """The item under the cursor of the list on show (items or votes)."""
        if self.tab in ("items", "votes"):
            table = self.shown_step.main
            assert isinstance(table, DataTable)
            self.item_row = table.cursor_row
        return max(0, min(self.item_row, len(self.session.harvest.items) - 1))

    @property
    def step_index(self) -> int:
        """The step under the cursor of the plan."""
        if self.tab == "plan":
            self.step_row = self.query_one(PlanPane).main.cursor_row
        return max(0, min(self.step_row, len(self.session.harvest.steps) - 1))

    @property
    def line_index(self) -> int:
        """The strength or challenge under the cursor of step 1's second list."""
        items = self.query_one(ItemsPane)
        if self.tab == "items" and items.lines_shown:
            self.line_row = items.lines.cursor_row
        return max(0, self.line_row)

    # --- showing -------------------------------------------------------------------------

    def outdated(self, *parts: Part) -> None:
        """`parts` of the harvest changed: the steps that list them redraw when next shown."""
        for pane in self.query(HarvestStep):
            if pane.SHOWS.intersection(parts):
                pane.outdated()

    def _show_items(self) -> None:
        """The items changed: redraw the pane on show, and the others when they are shown."""
        count = len(self.session.harvest.items)
        self.item_row = max(0, min(self.item_row, count - 1))
        if self.merging is not None and self.merging >= count:
            self.merging = None
        self.outdated("items")
        self._redraw()
        if count == 0:
            self.say(t(self.lang, "harvest.none"))

    def _show_steps(self) -> None:
        """The steps changed: redraw the pane on show, and the others when they are shown."""
        count = len(self.session.harvest.steps)
        self.step_row = max(0, min(self.step_row, count - 1))
        self.outdated("steps")
        self._redraw()

    def _redraw(self) -> None:
        """Redraw the pane on show if something it lists changed (long lists take a while)."""
        self.shown_step.draw_if_stale()
        self.refresh_bindings()

    def say(self, text: str, *, error: bool = False) -> None:
        """A message above the status line (empty: none)."""
        message = self.query_one("#harvest-message", Static)
        message.update(escape(text))
        message.display = bool(text)
        message.set_class(error, "-error")

    # --- keeping a change ----------------------------------------------------------------

    def commit(self, change: str, *, group: str | None = None, **values: object) -> None:
        """Record the harvest as it is now as one step of its history (see `HarvestHistory`)."""
        if self.history is not None:
            self.history.commit(self.session, change, group=group, **values)

    def _changed(self, message: str = "") -> None:
        """After a change to the items: redraw, say what happened, save at once."""
        self._show_items()
        self.say(message)
        self.save_now()
