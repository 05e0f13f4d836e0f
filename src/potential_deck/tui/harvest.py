"""The harvest: growth opportunities, dot voting, one learning question, the step plan, an overview.

The screen holds the view state (which step, which item is marked for a merge) and calls
`core.harvest` for every change; the session is autosaved like the notes: debounced while
typing, at once after a change to the lists. PageDown and PageUp (the clicker) go through the
steps; from the first step PageUp goes back to the last card.

Only the learning question takes text. On every other step single letters are commands (see
`tui.keys`); a letter that is no command there says so instead of vanishing. Actions read the
row from the list itself, never from a copy that a message has yet to bring up to date.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.markup import escape
from textual import events, on
from textual.app import ComposeResult
from textual.widgets import DataTable, Input, SelectionList, Static, TabbedContent, TextArea

from potential_deck.core import harvest, meeting
from potential_deck.core.i18n import day, t
from potential_deck.core.models import Deck, Session
from potential_deck.tui.app_screen import SessionScreen
from potential_deck.tui.commands import HarvestCommands, KeyCommands
from potential_deck.tui.export_preview import ExportCommands
from potential_deck.tui.keybar import KeyBar
from potential_deck.tui.keys import HARVEST_COMMANDS, Command, Where, bindings
from potential_deck.tui.modals import HelpScreen
from potential_deck.tui.prompt import StepPrompt, TextPrompt
from potential_deck.tui.widgets.harvest_panes import (
    TABS,
    ItemsPane,
    OverviewPane,
    PlanPane,
    QuestionPane,
    VotesPane,
)
from potential_deck.tui.widgets.save_status import SaveStatus

MAIN = {
    "items": "#items-table",
    "votes": "#votes-table",
    "question": "#question-input",
    "plan": "#steps-table",
    "overview": "#overview-scroll",
}
"""What has focus when a step is shown."""
LISTS = {**MAIN, "question": "#links"}
"""Each step's list (Escape leaves a field for it)."""


class HarvestScreen(SessionScreen):
    """What the team makes of the meeting, in four steps and an overview."""

    CSS_PATH = "harvest.tcss"
    COMMANDS = {HarvestCommands, KeyCommands, ExportCommands}
    AUTO_FOCUS = ""
    KEYS = HARVEST_COMMANDS
    BINDINGS: ClassVar = bindings(HARVEST_COMMANDS)

    def __init__(self, session: Session, path: Path, deck: Deck) -> None:
        super().__init__((session, path, deck))
        self.item_row = 0
        """The item the lists were last left on (a new list shows the same item)."""
        self.step_row = 0
        self.stale: set[str] = set(TABS)
        """Panes to redraw when next shown."""
        self.merging: int | None = None
        """The item marked with `m`, to be merged into the next one marked."""
        self.last_removal: harvest.Removal | None = None
        """The item struck out last, which `u` puts back."""

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
        harvest.start(self.session)
        self.count_time()
        self.save_now()  # the harvest as opened, and the status line says when it was saved
        self._show_items()
        self._show_steps()
        self.set_focus(self.query_one("#items-table"))
        self.keys_ready()

    # --- where the keyboard is -----------------------------------------------------------

    @property
    def tab(self) -> str:
        """The step on show."""
        return self.query_one(TabbedContent).active

    @property
    def part(self) -> str:
        return self.tab

    @property
    def where(self) -> Where:
        return Where.FORM if isinstance(self.focused, Input | TextArea) else Where.LIST

    def command_enabled(self, command: Command) -> bool:
        if command.id == "undo":
            return self.last_removal is not None
        if command.id == "cancel_merge":
            return self.merging is not None
        if command.id == "back":
            return self.merging is None
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
            self.papp.hold_keys()  # later keys must not overtake this one on its way to the field
            question = self.query_one("#question-input", TextArea)
            self.set_focus(question)
            question.post_message(events.Key(event.key, event.character))
            self.call_later(self.papp.release_keys)
            return
        self._say(t(self.lang, "harvest.no_typing", char=event.character or event.key))

    # --- showing -------------------------------------------------------------------------

    def _table(self, selector: str) -> DataTable[object]:
        return self.query_one(selector, DataTable)

    @property
    def item_index(self) -> int:
        """The item under the cursor of the list on show (items or votes)."""
        if self.tab in ("items", "votes"):
            self.item_row = self._table(MAIN[self.tab]).cursor_row
        return max(0, min(self.item_row, len(self.session.harvest.items) - 1))

    @property
    def step_index(self) -> int:
        """The step under the cursor of the plan."""
        if self.tab == "plan":
            self.step_row = self._table("#steps-table").cursor_row
        return max(0, min(self.step_row, len(self.session.harvest.steps) - 1))

    def _show_items(self) -> None:
        """The items changed: redraw the pane on show, and the others when they are shown."""
        count = len(self.session.harvest.items)
        self.item_row = max(0, min(self.item_row, count - 1))
        if self.merging is not None and self.merging >= count:
            self.merging = None
        self.stale |= {"items", "votes", "question", "overview"}
        self._redraw()
        if count == 0:
            self._say(t(self.lang, "harvest.none"))

    def _show_steps(self) -> None:
        """The steps changed: redraw the pane on show, and the others when they are shown."""
        count = len(self.session.harvest.steps)
        self.step_row = max(0, min(self.step_row, count - 1))
        self.stale |= {"plan", "overview"}
        self._redraw()

    def _redraw(self) -> None:
        """Redraw the pane on show if something it lists changed (long lists take a while)."""
        tab = self.tab
        if tab in self.stale:
            self.stale.discard(tab)
            if tab == "items":
                self.query_one(ItemsPane).show(self.deck, self.item_row, self.merging)
            elif tab == "votes":
                self.query_one(VotesPane).show(self.item_row)
            elif tab == "question":
                self.query_one(QuestionPane).show()
            elif tab == "plan":
                self.query_one(PlanPane).show(self.step_row)
            else:
                self.query_one(OverviewPane).show(self.deck)
        self.refresh_bindings()

    def _say(self, text: str, *, error: bool = False) -> None:
        """A message above the status line (empty: none)."""
        message = self.query_one("#harvest-message", Static)
        message.update(escape(text))
        message.display = bool(text)
        message.set_class(error, "-error")

    def _changed(self, message: str = "") -> None:
        """After a change to the items: redraw, say what happened, save at once."""
        self._show_items()
        self._say(message)
        self.save_now()

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
        self._say(t(self.lang, "harvest.none") if empty else "")
        self.session.live.harvest_step = self.tab  # the room shows this step (issue 13)
        self.save_now()
        self._redraw()
        self.set_focus(self.query_one(MAIN[self.tab]))
        self.refresh_bindings()
        self.papp.release_keys()  # held by `action_step` until the step is on show

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
            self.papp.hold_keys()
            self.query_one(TabbedContent).active = TABS[index]

    def action_leave_field(self) -> None:
        """Escape in the question: to the list of items it comes from."""
        self.set_focus(self.query_one(LISTS[self.tab]))

    def action_back(self) -> None:
        """Back to the last card (keys typed from now on go there)."""
        self.flush()
        self.papp.hold_keys()  # released by the card screen once it shows the card
        self.dismiss(None)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.lang, self.KEYS, self.where))

    def action_finish(self) -> None:
        """The meeting is over: listed as finished, saved at once (it stays open here)."""
        meeting.finish(self.session)
        self.save_now()
        self._say(t(self.lang, "harvest.finished"))

    # --- step 1: growth opportunities ----------------------------------------------------

    def action_add(self) -> None:
        def added(text: str | None) -> None:
            if text is None:
                return
            try:
                self.item_row = harvest.add_item(self.session, text)
            except ValueError as exc:
                self._say(str(exc), error=True)
                return
            self._changed()

        self.push_dialog(TextPrompt(t(self.lang, "harvest.add_prompt"), "", self.lang), added)

    def action_edit(self) -> None:
        if self.tab == "plan":
            self._edit_step()
            return
        if not self.session.harvest.items:
            return
        index = self.item_index

        def edited(text: str | None) -> None:
            if text is None:
                return
            try:
                changed = harvest.edit_item(self.session, index, text)
            except ValueError as exc:
                self._say(str(exc), error=True)
                return
            if changed:
                self._changed()

        item = self.session.harvest.items[index]
        self.push_dialog(TextPrompt(t(self.lang, "harvest.edit_prompt"), item.text, self.lang), edited)

    @on(DataTable.RowSelected, "#items-table, #steps-table")
    def _row_selected(self) -> None:
        self.action_edit()

    def action_value(self) -> None:
        if self.session.harvest.items:
            self.item_row = self.item_index
            harvest.cycle_value(self.session, self.item_row)
            self._changed()

    def action_merge(self) -> None:
        if not self.session.harvest.items:
            return
        row = self.item_row = self.item_index
        if self.merging is None or self.merging == row:
            cancelled = self.merging is not None
            self.merging = None if cancelled else row
            text = self.session.harvest.items[row].text
            self._show_items()
            key = "harvest.merge_cancelled" if cancelled else "harvest.merge_from"
            self._say(t(self.lang, key, text=text))
            return
        source, self.merging = self.merging, None
        self.item_row = harvest.merge(self.session, source, row)
        self._changed(t(self.lang, "harvest.merged", text=self.session.harvest.items[self.item_row].text))

    def action_cancel_merge(self) -> None:
        self.merging = None
        self._show_items()
        self._say(t(self.lang, "harvest.merge_cancelled"))

    def action_remove(self) -> None:
        if self.session.harvest.items:
            self.merging = None
            self.last_removal = harvest.remove_item(self.session, self.item_index)
            self._changed(t(self.lang, "harvest.removed", text=self.last_removal.item.text))

    def action_undo(self) -> None:
        """Put the last struck-out item back where it was."""
        if self.last_removal is not None:
            removal, self.last_removal = self.last_removal, None
            self.item_row = harvest.restore_item(self.session, removal)
            self._changed(t(self.lang, "harvest.restored", text=removal.item.text))

    # --- step 2: dots --------------------------------------------------------------------

    def action_dot(self, delta: int) -> None:
        if self.session.harvest.items:
            index = self.item_row = self.item_index
            harvest.add_dot(self.session, index, delta)
            self.query_one(VotesPane).show_votes(index)
            self.stale |= {"items", "overview"}
            self.autosaver.touch()

    def action_sort(self) -> None:
        current = self.item_index
        order = harvest.sort_by_votes(self.session)
        if order:
            self.item_row = order.index(current)
            self._changed(t(self.lang, "harvest.sorted"))

    def action_dots_per_person(self) -> None:
        """Ask how many dots each participant gets."""

        def problem(text: str) -> str | None:
            try:
                harvest.set_dots_per_person(self.session, text)
            except ValueError as exc:
                return str(exc)
            return None

        def done(text: str | None) -> None:
            if text is not None:
                self.query_one(VotesPane).show_budget()
                self.save_now()

        prompt = TextPrompt(t(self.lang, "harvest.dots_per_person"),
                            str(self.session.harvest.dots_per_person), self.lang, check=problem)
        self.push_dialog(prompt, done)

    # --- step 3: the question ------------------------------------------------------------

    @on(TextArea.Changed, "#question-input")
    def _question_changed(self, event: TextArea.Changed) -> None:
        if harvest.set_question(self.session, event.text_area.text):
            self.stale.add("overview")
            self.autosaver.touch()

    @on(SelectionList.SelectionToggled, "#links")
    def _link_toggled(self, event: SelectionList.SelectionToggled[int]) -> None:
        harvest.toggle_link(self.session, event.selection.value)
        self.stale.add("overview")
        self.save_now()

    def action_link(self) -> None:
        """Link the highlighted item to the question, or unlink it (also Space/Enter on the list)."""
        links: SelectionList[int] = self.query_one("#links", SelectionList)
        if links.highlighted is not None:
            links.toggle(links.get_option_at_index(links.highlighted).value)  # type: ignore[arg-type]

    # --- step 4: the plan ----------------------------------------------------------------

    def action_add_step(self) -> None:
        """A new step in a dialog: what, who, by when."""

        def apply(what: str, who: str, due: str) -> str | None:
            try:
                date = harvest.parse_date(due, self.lang)
                self.step_row = harvest.add_step(self.session, what, who, date)
            except ValueError as exc:
                return str(exc)
            return None

        def added(ok: bool | None) -> None:
            if ok:
                self._say("")
                self._show_steps()
                self.save_now()

        prompt = StepPrompt(("", "", ""), self.lang, apply, title_key="harvest.add_step_title")
        self.push_dialog(prompt, added)

    def _edit_step(self) -> None:
        """Edit the step under the cursor: what, who and by when, in one dialog."""
        if not self.session.harvest.steps:
            return
        index = self.step_index

        def apply(what: str, who: str, due: str) -> str | None:
            try:
                harvest.update_step(self.session, index, what=what, who=who, due=due)
            except ValueError as exc:
                return str(exc)
            return None

        def edited(changed: bool | None) -> None:
            if changed:
                self._say("")
                self._show_steps()
                self.save_now()

        step = self.session.harvest.steps[index]
        self.push_dialog(StepPrompt((step.what, step.who, day(step.due)), self.lang, apply), edited)

    def action_toggle_done(self) -> None:
        if self.session.harvest.steps:
            harvest.toggle_step(self.session, self.step_index)
            self._show_steps()
            self.save_now()

    def action_remove_step(self) -> None:
        if self.session.harvest.steps:
            harvest.remove_step(self.session, self.step_index)
            self._show_steps()
            self.save_now()

    def action_next_meeting(self) -> None:
        """Ask for the date of the next meeting (empty: none)."""

        def problem(text: str) -> str | None:
            try:
                harvest.parse_date(text, self.lang)
            except ValueError as exc:
                return str(exc)
            return None

        def done(text: str | None) -> None:
            if text is None:
                return
            if harvest.set_next_meeting(self.session, harvest.parse_date(text, self.lang)):
                self._show_steps()
                self.save_now()

        prompt = TextPrompt(t(self.lang, "harvest.next_meeting"), day(self.session.harvest.next_meeting),
                            self.lang, placeholder=t(self.lang, "harvest.date_placeholder"), check=problem)
        self.push_dialog(prompt, done)
