"""The harvest: growth opportunities, dot voting, one learning question, the step plan, an overview.

The screen holds the view state (which step, the cursors, which item is marked for a merge, as
reactives the step panes are bound to: they redraw themselves) and calls `core.harvest.rules`
for every change; the session is autosaved like the notes: debounced while typing, at once after
a change to the lists. PageDown and PageUp (the clicker) go through the steps; from the first
step PageUp goes back to the last card. The panes (`tui.widgets.harvest_steps`) tell the screen
what happened in them through their messages (`on_items_pane_item_chosen`, ...).

Only the learning question takes text. On every other step single letters are commands (see
`tui.keys`); a letter that is no command there says so instead of vanishing. Actions read the
row from the list itself, never from a copy that a message has yet to bring up to date. When the
facilitator typed on into the harvest (PageDown from the last card while typing notes), letters
are no commands yet: each says so, until a key that cannot be text (an arrow, Enter, Tab, Escape,
PageUp/PageDown) shows the facilitator is steering the lists now (`typed_in`).

Every change goes through `commit` into the session's history (`core.harvest.history`, one per
open session, kept by the app while the session is open): `u` / Ctrl+Z undo, `U` / Ctrl+Y redo,
many levels, and the screen goes to where the change was and says what was undone. In the
question's field Ctrl+Z is the field's own undo of what was typed. The screen declares every
action; the work of step 1 is in `tui.screens.harvest_items`, of steps 2 to 4 in
`tui.screens.harvest_plan`, and what phones send in `tui.screens.harvest_room`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import ClassVar

from rich.markup import escape
from textual import events, on
from textual.app import ComposeResult
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import DataTable, Input, Static, TabbedContent, TextArea

from potential_deck.core.harvest import rules as harvest
from potential_deck.core.harvest.history import HarvestHistory, Moved
from potential_deck.core.session import meeting
from potential_deck.core.session.models import Deck, Session
from potential_deck.core.session.notes import tagged_lines
from potential_deck.core.text.i18n import t
from potential_deck.tui.commands import KeyCommands, ListProvider
from potential_deck.tui.keys import HARVEST_COMMANDS, LINES, Command, Where, bindings
from potential_deck.tui.screens import harvest_items as items
from potential_deck.tui.screens import harvest_plan as plan
from potential_deck.tui.screens import harvest_room as room
from potential_deck.tui.screens.base import SessionScreen
from potential_deck.tui.screens.exports import ExportCommands
from potential_deck.tui.screens.modals import HelpScreen
from potential_deck.tui.widgets.harvest_steps import (
    STEPS,
    TABS,
    HarvestStep,
    ItemsPane,
    Part,
    PlanPane,
    QuestionPane,
    VotesPane,
)
from potential_deck.tui.widgets.harvest_tables import LinesTable
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


class HarvestScreen(SessionScreen):
    """What the team makes of the meeting, in four steps and an overview."""

    CSS_PATH = "harvest.tcss"
    COMMANDS = {HarvestCommands, KeyCommands, ExportCommands}
    AUTO_FOCUS = ""
    KEYS = HARVEST_COMMANDS
    BINDINGS: ClassVar = bindings(HARVEST_COMMANDS)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]

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

    def __init__(
        self, session: Session, path: Path, deck: Deck, *, typed_in: bool = False, step: str = "items"
    ) -> None:
        """`step`: the step shown first (a session resumed at the harvest: where it was left)."""
        super().__init__((session, path, deck))
        self.first_step = step if step in TABS else "items"
        self.history: HarvestHistory | None = None
        """The session's undo history (the app keeps it while the session is open)."""
        self.typed_in = typed_in
        """The facilitator came here typing (PageDown from the last card's notes): letters are
        no commands until a key that cannot be text (see the module)."""

    # --- building ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        session, lang = self.session, self.lang
        yield Static(f"[b]{t(lang, 'harvest.title')}[/b] · {escape(session.team)}", id="harvest-top")
        with TabbedContent(id="harvest-tabs", initial=self.first_step):
            for step in STEPS:
                yield step(session, lang, self.deck)
        yield Static(id="harvest-message")
        yield SaveStatus(t(lang, "saved.never"), id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        # the panes draw from the screen's view state (they redraw themselves when it changes)
        self.query_one(ItemsPane).data_bind(
            HarvestScreen.item_row,
            HarvestScreen.line_row,
            HarvestScreen.merging,
            HarvestScreen.all_wordings,
        )
        self.query_one(VotesPane).data_bind(HarvestScreen.item_row)
        self.query_one(PlanPane).data_bind(HarvestScreen.step_row)
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
        self.show_items()
        self.show_steps()
        self.set_focus(self.step(self.first_step).main)
        typed_in = t(self.lang, "harvest.typed_in") if self.typed_in else ""
        left_out = items.said_left_out(self, self.history.notice)  # words struck before, once
        self._arrived = "\n".join(filter(None, (typed_in, left_out)))  # said once the step shows
        room.listen(self)  # what participants' phones send (issue 17)
        self.keys_ready()

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

    def command_enabled(self, command: Command) -> bool:
        if command.id == "cancel_merge":
            return self.merging is not None
        if command.id == "back":
            return self.merging is None
        if command.id == "split":
            return items.can_split(self)
        return True

    def watch_merging(self) -> None:
        self.refresh_bindings()  # Escape cancels a merge while an item is marked, else goes back

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    def on_key(self, event: events.Key) -> None:
        """A letter no command took: on the question step it goes into the question; elsewhere
        the screen says that typing does nothing here (nothing vanishes without a word). A letter
        typed on into the harvest is no command yet (`typed_in`)."""
        if not event.is_printable:
            self._steering()
            return
        if self.where != Where.LIST:
            return
        if self.typed_in and self.tab != "question":
            event.stop()
            event.prevent_default()
            self.say(t(self.lang, "harvest.typed_in_key", char=event.character or event.key))
            return
        active = self.active_bindings.get(event.key)
        if active is not None and active.enabled:
            return  # a command of this step: its binding acts
        event.stop()
        event.prevent_default()
        if self.tab == "question":
            self.host.hold_keys()  # later keys must not overtake this one on its way to the field
            self.query_one(QuestionPane).write(event)
            self.call_later(self.host.release_keys)
            return
        char = event.character or event.key
        resting = self._resting_command(event.key)
        if resting is not None:
            self.say(t(self.lang, "harvest.not_now", char=char, command=resting.words(self.lang)))
        else:
            self.say(t(self.lang, "harvest.no_typing", char=char))

    def _steering(self) -> None:
        """A key that cannot be text: the facilitator steers the lists now (letters are commands)."""
        if self.typed_in:
            self.typed_in = False
            self.say("")

    def _resting_command(self, key: str) -> Command | None:
        """The command of this step that `key` runs when it can (say, `s` on an item not merged)."""
        for command in self.KEYS:
            if key in [name.strip() for name in command.letters.split(",")] and command.applies(
                Where.LIST, self.part
            ):
                return command
        return None

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
        pane = self.query_one(ItemsPane)
        if self.tab == "items" and pane.lines_shown:
            self.line_row = pane.lines.cursor_row
        return max(0, self.line_row)

    # --- showing -------------------------------------------------------------------------

    def outdated(self, *parts: Part) -> None:
        """`parts` of the harvest changed: the steps that list them redraw when next shown."""
        for pane in self.query(HarvestStep):
            if pane.SHOWS.intersection(parts):
                pane.outdated()

    def show_items(self) -> None:
        """The items changed: redraw the pane on show, and the others when they are shown."""
        count = len(self.session.harvest.items)
        self.item_row = max(0, min(self.item_row, count - 1))
        if self.merging is not None and self.merging >= count:
            self.merging = None
        self.outdated("items")
        self.redraw()
        if count == 0:
            self.say(t(self.lang, "harvest.none"))

    def show_steps(self) -> None:
        """The steps changed: redraw the pane on show, and the others when they are shown."""
        count = len(self.session.harvest.steps)
        self.step_row = max(0, min(self.step_row, count - 1))
        self.outdated("steps")
        self.redraw()

    def redraw(self) -> None:
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

    def changed(self, message: str = "") -> None:
        """After a change to the items: redraw, say what happened, save at once."""
        self.show_items()
        self.say(message)
        self.save_now()

    # --- saving --------------------------------------------------------------------------

    def snapshot(self) -> Session:
        """The session with the harvest's time on screen counted up to now (contact hours)."""
        self.session.harvest.shown += self.time_counted()
        return self.session

    def on_unmount(self) -> None:
        self.flush()
        self.count_time(False)
        if self.history is not None:  # what is left out as struck now, the facilitator did here
            self.history.notice.known(self.session)

    # --- moving about --------------------------------------------------------------------

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        empty = self.tab == "items" and not self.session.harvest.items
        message = self._arrived or (t(self.lang, "harvest.none") if empty else "")
        if message or self._step_shown:  # the first step's showing keeps what keys typed said
            self.say(message)
        self._step_shown = True
        self._arrived = ""
        self.session.live.harvest_step = self.tab  # the room shows this step (issue 13)
        self.save_now()
        self.redraw()
        self.set_focus(self._focus_on or self.shown_step.main)
        self._focus_on = None
        self.refresh_bindings()
        if self._moving:
            self._moving = False
            self.host.release_keys()  # held by `_go_to` until the step is on show

    _arrived = ""
    """What to say once the step being moved to is on show (what undo did there)."""
    _moving = False
    """`_go_to` holds the keys until the step it asked for is on show (one hold however many
    steps it goes through)."""
    _step_shown = False
    """A step has been on show (the first showing clears no message: keys typed as the harvest
    opened may have said why they did nothing)."""
    _focus_on: Widget | None = None
    """What to focus once the step being moved to is on show (default: its main list)."""

    def _go_to(self, tab: str) -> None:
        """Show step `tab`; keys typed meanwhile wait until it is on show."""
        if not self._moving:
            self._moving = True
            self.host.hold_keys()
        self.query_one(TabbedContent).active = tab

    def action_step(self, delta: int) -> None:
        """The next or previous step (PageDown, PageUp); before the first: back to the cards.

        Keys typed meanwhile wait until the new step is on show (a burst of PageDowns, or
        text typed right after one, goes where the person meant it).
        """
        self._steering()
        if self.tab in ("items", "votes"):
            self.item_row = self.item_index
        index = TABS.index(self.tab) + delta
        if index < 0:
            self.action_back()
        elif index < len(TABS):
            self._go_to(TABS[index])

    def action_leave_field(self) -> None:
        """Escape in the question: to the list of items it comes from."""
        self.set_focus(self.shown_step.escape_to)

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

    def on_items_pane_item_chosen(self) -> None:
        self.action_edit()

    def on_plan_pane_step_chosen(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        """Edit the item or the step under the cursor (`e`, Enter)."""
        if self.tab == "plan":
            plan.edit_step(self)
        else:
            items.edit(self)

    # --- step 1: growth opportunities, strengths and challenges (`harvest_items`) ----------

    def on_items_pane_item_highlighted(self) -> None:
        self.refresh_bindings()  # 's' splits only a merged item: the key bar follows the cursor

    def action_add(self) -> None:
        items.add(self)

    def action_value(self) -> None:
        items.cycle_value(self)

    def action_merge(self) -> None:
        items.merge(self)

    def action_cancel_merge(self) -> None:
        items.cancel_merge(self)

    def action_split(self) -> None:
        items.split(self)

    def action_wordings(self) -> None:
        items.toggle_wordings(self)

    def action_remove(self) -> None:
        items.remove(self)

    def action_restore(self) -> None:
        items.restore(self)

    # --- steps 2 to 4: dots, the question, the plan (`harvest_plan`) -----------------------

    def action_dot(self, delta: int) -> None:
        plan.dot(self, delta)

    def action_sort(self) -> None:
        plan.sort(self)

    def action_dots_per_person(self) -> None:
        plan.dots_per_person(self)

    def on_question_pane_question_changed(self, event: QuestionPane.QuestionChanged) -> None:
        plan.question_changed(self, event.text)

    def on_question_pane_link_toggled(self, event: QuestionPane.LinkToggled) -> None:
        plan.link_toggled(self, event.index)

    def action_link(self) -> None:
        self.query_one(QuestionPane).toggle_link()  # the pane tells back what it toggled

    def action_add_step(self) -> None:
        plan.add_step(self)

    def action_step_form(self) -> None:
        plan.cycle_form(self)

    def action_toggle_done(self) -> None:
        plan.toggle_done(self)

    def action_remove_step(self) -> None:
        plan.remove_step(self)

    def action_next_meeting(self) -> None:
        plan.next_meeting(self)

    # --- participants' phones (`harvest_room`) ---------------------------------------------

    def action_hide(self) -> None:
        room.hide(self)

    def action_vote(self) -> None:
        room.toggle_vote(self)

    def action_join(self) -> None:
        """F7: the join screen (joining starts first if it is off)."""
        self.host.open_join()

    def action_join_room(self) -> None:
        room.show_join_room(self)

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
        focus: Widget | None = None
        if moved.line is not None:
            found = [(line.card_id, line.field, line.text) for line in tagged_lines(self.session)]
            self.line_row = found.index(moved.line) if moved.line in found else self.line_row
            focus = self.query_one(ItemsPane).lines if moved.line in found else None
        elif moved.tab == "items":
            focus = self.query_one(ItemsPane).main
        for name in TABS:
            self.step(name).outdated()
        self.save_now()
        if moved.tab != self.tab:
            self._arrived, self._focus_on = moved.message, focus
            self._go_to(moved.tab)
            return
        self.redraw()
        if focus is not None and self.focused is not focus:
            self.set_focus(focus)
        self.say(moved.message)
