"""The harvest: growth opportunities, dot voting, one learning question, the step plan, an overview.

The screen holds the view state (which step, which item is marked for a merge) and calls
`core.harvest.rules` for every change; the session is autosaved like the notes: debounced while
typing, at once after a change to the lists. PageDown and PageUp (the clicker) go through the
steps; from the first step PageUp goes back to the last card.

Only the learning question takes text. On every other step single letters are commands (see
`tui.keys`); a letter that is no command there says so instead of vanishing. Actions read the
row from the list itself, never from a copy that a message has yet to bring up to date.

Every change is a step of the session's history (`core.harvest.history`, one per open session,
kept by the app while the session is open): `u` / Ctrl+Z undo, `U` / Ctrl+Y redo, many levels,
and the screen goes to where the change was and says what was undone. In the question's field
Ctrl+Z is the field's own undo of what was typed. The steps' actions live in
`tui.screens.harvest_items` (step 1) and `tui.screens.harvest_plan` (steps 2 to 4).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import ClassVar

from rich.markup import escape
from textual import events, on
from textual.app import ComposeResult
from textual.widgets import DataTable, Static, TabbedContent, TextArea

from potential_deck.core.harvest import rules as harvest
from potential_deck.core.harvest.history import Moved
from potential_deck.core.session import meeting
from potential_deck.core.session.models import Session
from potential_deck.core.session.notes import tagged_lines
from potential_deck.core.text.i18n import t
from potential_deck.tui.commands import KeyCommands, ListProvider
from potential_deck.tui.keys import HARVEST_COMMANDS, Command, Where, bindings
from potential_deck.tui.screens.exports import ExportCommands
from potential_deck.tui.screens.harvest_base import LISTS, MAIN
from potential_deck.tui.screens.harvest_items import ItemActions
from potential_deck.tui.screens.harvest_plan import PlanActions
from potential_deck.tui.screens.harvest_room import RoomActions
from potential_deck.tui.screens.modals import HelpScreen
from potential_deck.tui.widgets.harvest_panes import (
    TABS,
    ItemsPane,
    OverviewPane,
    PlanPane,
    QuestionPane,
    VotesPane,
)
from potential_deck.tui.widgets.keybar import KeyBar
from potential_deck.tui.widgets.save_status import SaveStatus

WIDE = 120
"""From this many columns on, the question's links stand beside it, not below it."""


class HarvestCommands(ListProvider):
    """Finish the meeting (it is then listed as finished)."""

    def _commands(self) -> list[tuple[str, str, partial[None]]]:
        screen = self.screen
        assert isinstance(screen, HarvestScreen)
        lang = screen.lang
        return [(t(lang, "cmd.finish"), t(lang, "cmd.finish_help"), partial(screen.action_finish))]


class HarvestScreen(ItemActions, PlanActions, RoomActions):
    """What the team makes of the meeting, in four steps and an overview."""

    CSS_PATH = "harvest.tcss"
    COMMANDS = {HarvestCommands, KeyCommands, ExportCommands}
    AUTO_FOCUS = ""
    KEYS = HARVEST_COMMANDS
    BINDINGS: ClassVar = bindings(HARVEST_COMMANDS)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]

    # --- building ------------------------------------------------------------------------

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
        self.history = self.host.harvest_history(self.path, self.session)
        gathered = harvest.start(self.session)
        if self.history is None:  # the first time: undo goes back to the harvest as it starts
            self.history = self.host.keep_harvest_history(self.path, self.session)
        elif gathered:  # back from the cards with new opportunities: a step of its own
            self.commit("gathered")
        self.count_time()
        self.save_now()  # the harvest as opened, and the status line says when it was saved
        self._show_items()
        self._show_steps()
        self.set_focus(self.query_one("#items-table"))
        self.hear_the_room()  # what participants' phones send (issue 17)
        self.keys_ready()

    # --- where the keyboard is -----------------------------------------------------------

    def command_enabled(self, command: Command) -> bool:
        if command.id == "cancel_merge":
            return self.merging is not None
        if command.id == "back":
            return self.merging is None
        if command.id == "split":
            return self.current_item_can_split()
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    def on_key(self, event: events.Key) -> None:
        """A letter no command took: on the question step it goes into the question; elsewhere
        the screen says that typing does nothing here (nothing vanishes without a word)."""
        if not event.is_printable or self.where != Where.LIST:
            return
        active = self.active_bindings.get(event.key)
        if active is not None and active.enabled:
            return  # a command of this step: its binding acts
        event.stop()
        event.prevent_default()
        if self.tab == "question":
            self.host.hold_keys()  # later keys must not overtake this one on its way to the field
            question = self.query_one("#question-input", TextArea)
            self.set_focus(question)
            question.post_message(events.Key(event.key, event.character))
            self.call_later(self.host.release_keys)
            return
        char = event.character or event.key
        resting = self._resting_command(event.key)
        if resting is not None:
            self.say(t(self.lang, "harvest.not_now", char=char, command=resting.words(self.lang)))
        else:
            self.say(t(self.lang, "harvest.no_typing", char=char))

    def _resting_command(self, key: str) -> Command | None:
        """The command of this step that `key` runs when it can (say, `s` on an item not merged)."""
        for command in self.KEYS:
            if key in [name.strip() for name in command.letters.split(",")] and command.applies(
                Where.LIST, self.part
            ):
                return command
        return None

    # --- saving --------------------------------------------------------------------------

    def snapshot(self) -> Session:
        """The session with the harvest's time on screen counted up to now (contact hours)."""
        self.session.harvest.shown += self.time_counted()
        return self.session

    def on_unmount(self) -> None:
        self.flush()
        self.count_time(False)

    # --- moving about --------------------------------------------------------------------

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        empty = self.tab == "items" and not self.session.harvest.items
        self.say(self._arrived or (t(self.lang, "harvest.none") if empty else ""))
        self._arrived = ""
        self.session.live.harvest_step = self.tab  # the room shows this step (issue 13)
        self.save_now()
        self._redraw()
        self.set_focus(self.query_one(self._focus_on or MAIN[self.tab]))
        self._focus_on = ""
        self.refresh_bindings()
        self.host.release_keys()  # held by `_go_to` until the step is on show

    _arrived = ""
    """What to say once the step being moved to is on show (what undo did there)."""
    _focus_on = ""
    """What to focus once the step being moved to is on show (default: its main list)."""

    def _go_to(self, tab: str) -> None:
        """Show step `tab`; keys typed meanwhile wait until it is on show."""
        self.host.hold_keys()
        self.query_one(TabbedContent).active = tab

    def action_step(self, delta: int) -> None:
        """The next or previous step (PageDown, PageUp); before the first: back to the cards.

        Keys typed meanwhile wait until the new step is on show (a burst of PageDowns, or
        text typed right after one, goes where the person meant it).
        """
        if self.tab in ("items", "votes"):
            self.item_row = self.item_index
        index = TABS.index(self.tab) + delta
        if index < 0:
            self.action_back()
        elif index < len(TABS):
            self._go_to(TABS[index])

    def action_leave_field(self) -> None:
        """Escape in the question: to the list of items it comes from."""
        self.set_focus(self.query_one(LISTS[self.tab]))

    def action_back(self) -> None:
        """Back to the last card (keys typed from now on go there)."""
        self.flush()
        self.host.hold_keys()  # released by the card screen once it shows the card
        self.dismiss(None)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.lang, self.KEYS, self.where))

    def action_finish(self) -> None:
        """The meeting is over: listed as finished, saved at once (it stays open here)."""
        meeting.finish(self.session)
        self.save_now()
        self.say(t(self.lang, "harvest.finished"))

    @on(DataTable.RowSelected, "#items-table, #steps-table")
    def _row_selected(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        """Edit the item or the step under the cursor (`e`, Enter)."""
        if self.tab == "plan":
            self._edit_step()
        else:
            self._edit_item()

    # --- undo and redo -------------------------------------------------------------------

    def action_undo(self) -> None:
        """Undo the last change to the harvest; the screen goes where it was and says what."""
        self._travel(
            lambda session: self.history.undo(session) if self.history is not None else None,
            "history.nothing_to_undo",
        )

    def action_redo(self) -> None:
        """Redo the last change undone."""
        self._travel(
            lambda session: self.history.redo(session) if self.history is not None else None,
            "history.nothing_to_redo",
        )

    def _travel(self, move: Callable[[Session], Moved | None], nothing: str) -> None:
        moved = move(self.session)
        if moved is None:
            self.say(t(self.lang, nothing))
            return
        self.merging = None
        if moved.item is not None:
            self.item_row = moved.item
        if moved.step is not None:
            self.step_row = moved.step
        focus = ""
        if moved.line is not None:
            found = [(line.card_id, line.field, line.text) for line in tagged_lines(self.session)]
            self.line_row = found.index(moved.line) if moved.line in found else self.line_row
            focus = "#lines-table" if moved.line in found else ""
        elif moved.tab == "items":
            focus = "#items-table"
        self.stale |= set(TABS)
        self.save_now()
        if moved.tab != self.tab:
            self._arrived, self._focus_on = moved.message, focus
            self._go_to(moved.tab)
            return
        self._redraw()
        if focus and self.focused is not self.query_one(focus):
            self.set_focus(self.query_one(focus))
        self.say(moved.message)
