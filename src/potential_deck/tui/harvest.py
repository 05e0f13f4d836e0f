"""The harvest: growth opportunities, dot voting, one learning question, the step plan, an overview.

The screen holds the view state (which tab, which row, which item is marked for a merge) and
calls `core.harvest` for every change; the session is autosaved like the notes: debounced
while typing, at once after a change to the lists.
"""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.widgets import Button, DataTable, Input, SelectionList, Tabs

from potential_deck.core import harvest, meeting
from potential_deck.core.i18n import day, t
from potential_deck.tui.commands import HarvestCommands
from potential_deck.tui.export_preview import ExportCommands
from potential_deck.tui.harvest_base import HarvestBase
from potential_deck.tui.modals import HelpScreen
from potential_deck.tui.prompt import StepPrompt, TextPrompt
from potential_deck.tui.widgets.harvest_panes import PlanPane, VotesPane

KEYS: tuple[tuple[str, str], ...] = (
    ("1 … 5", "help.harvest_tabs"),
    ("a", "help.harvest_add"),
    ("Enter  e", "help.harvest_edit"),
    ("v", "help.harvest_value"),
    ("m", "help.harvest_merge"),
    ("Delete  x", "help.harvest_remove"),
    ("u", "help.harvest_undo"),
    ("+  -", "help.harvest_dots"),
    ("s", "help.harvest_sort"),
    ("Space", "help.harvest_link"),
    ("x", "help.harvest_done"),
    ("Delete", "help.harvest_remove_step"),
    ("Tab", "help.harvest_focus"),
    ("Escape", "help.harvest_escape"),
    ("PageUp  ←", "help.harvest_back"),
    ("Ctrl+P", "help.harvest_palette"),
    ("?", "help.help"),
    ("Ctrl+Q", "help.quit"),
)
"""Every key of the harvest screen and what it does (the help text's i18n key)."""

ON_TAB = {
    "add": "items", "edit": "items plan", "value": "items", "merge": "items", "remove": "items",
    "undo": "items",
    "dot": "votes", "sort": "votes", "toggle_done": "plan", "remove_step": "plan",
}
"""The tabs each list action works on."""


class HarvestScreen(HarvestBase):
    """What the team makes of the meeting, in four steps and an overview."""

    CSS_PATH = "harvest.tcss"

    COMMANDS = {HarvestCommands, ExportCommands}
    AUTO_FOCUS = ""

    BINDINGS = [
        Binding("a", "add", "Add", id="add"),
        Binding("e", "edit", "Edit", id="edit"),
        Binding("v", "value", "Core value", id="value"),
        Binding("m", "merge", "Merge", id="merge"),
        Binding("x,delete", "remove", "Remove", id="remove"),
        Binding("u", "undo", "Put back", id="undo"),
        Binding("plus,equals_sign", "dot(1)", "+1", id="dot_add", key_display="+"),
        Binding("minus", "dot(-1)", "-1", id="dot_remove", key_display="-"),
        Binding("s", "sort", "Sort", id="sort"),
        Binding("x", "toggle_done", "Done", id="done"),
        Binding("delete", "remove_step", "Delete", id="remove_step", key_display="Del"),
        Binding("escape", "cancel_merge", "Cancel", id="cancel", key_display="Esc"),
        Binding("escape", "escape", "Leave field", id="leave", key_display="Esc", show=False),
        Binding("1", "tab(1)", "Step", id="steps", key_display="1-5"),
        *(Binding(str(n), f"tab({n})", show=False) for n in range(2, 6)),
        Binding("pageup", "back", "Back", id="back", key_display="PgUp/Esc", priority=True),
        Binding("left", "back_left", "Back", show=False, priority=True),
        Binding("question_mark", "help", "Keys", id="help", key_display="?"),
        Binding("ctrl+p", "app.command_palette", "Export", id="export", key_display="^p"),
        Binding("ctrl+q", "app.quit", "Quit", id="quit", priority=True),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        typing, merging = self._typing(), self.merging is not None
        if action == "undo" and self.last_removal is None:
            return False
        if action in ON_TAB:
            return not typing and self.tab in ON_TAB[action].split()
        if action == "cancel_merge":
            return merging
        if action == "escape":
            return not merging
        if action == "back":
            return not typing and not merging
        if action == "back_left":
            return not typing and not merging and not isinstance(self.focused, Tabs)
        return True

    @on(DataTable.RowSelected, "#items-table, #steps-table")
    def _row_selected(self) -> None:
        self.action_edit()

    def action_escape(self) -> None:
        """Escape: out of a field or list back to the step's main list; from there, to the cards."""
        if self._typing() or (self.focused is not None and self.focused is not self.main_widget()):
            self.action_leave()
        else:
            self.action_back()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.lang, KEYS))

    def action_finish(self) -> None:
        """The meeting is over: listed as finished, saved at once (it stays open here)."""
        meeting.finish(self.session)
        self.save_now()
        self._say(t(self.lang, "harvest.finished"))

    # --- step 1: growth opportunities ----------------------------------------------------

    def _has_items(self) -> bool:
        return bool(self.session.harvest.items)

    def _changed(self, message: str = "") -> None:
        """After a change to the items: redraw, say what happened, save at once."""
        self._show_items()
        self._say(message)
        self.save_now()

    def action_add(self) -> None:
        def added(text: str | None) -> None:
            if text is None:
                return
            try:
                self.cursor = harvest.add_item(self.session, text)
            except ValueError as exc:
                self._say(str(exc), error=True)
                return
            self._changed()

        self.app.push_screen(TextPrompt(t(self.lang, "harvest.add_prompt"), "", self.lang), added)

    def action_edit(self) -> None:
        if self.tab == "plan":
            self._edit_step()
            return
        if not self._has_items():
            return
        index = self.cursor

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
        self.app.push_screen(TextPrompt(t(self.lang, "harvest.edit_prompt"), item.text, self.lang), edited)

    def action_value(self) -> None:
        if self._has_items():
            harvest.cycle_value(self.session, self.cursor)
            self._changed()

    def action_merge(self) -> None:
        if not self._has_items():
            return
        if self.merging is None or self.merging == self.cursor:
            cancelled = self.merging is not None
            self.merging = None if cancelled else self.cursor
            text = self.session.harvest.items[self.cursor].text
            self._show_items()
            key = "harvest.merge_cancelled" if cancelled else "harvest.merge_from"
            self._say(t(self.lang, key, text=text))
            return
        source, self.merging = self.merging, None
        self.cursor = harvest.merge(self.session, source, self.cursor)
        self._changed(t(self.lang, "harvest.merged", text=self.session.harvest.items[self.cursor].text))

    def action_cancel_merge(self) -> None:
        self.merging = None
        self._show_items()
        self._say(t(self.lang, "harvest.merge_cancelled"))

    def action_remove(self) -> None:
        if self._has_items():
            self.merging = None
            self.last_removal = harvest.remove_item(self.session, self.cursor)
            self._changed(t(self.lang, "harvest.removed", text=self.last_removal.item.text))

    def action_undo(self) -> None:
        """Put the last struck-out item back where it was."""
        if self.last_removal is not None:
            removal, self.last_removal = self.last_removal, None
            self.cursor = harvest.restore_item(self.session, removal)
            self._changed(t(self.lang, "harvest.restored", text=removal.item.text))

    # --- step 2: dots ---------------------------------------------------------------------

    def action_dot(self, delta: int) -> None:
        if self._has_items():
            harvest.add_dot(self.session, self.cursor, delta)
            self.query_one(VotesPane).show_votes(self.cursor)
            self.stale |= {"items", "overview"}
            self.autosaver.touch()

    def action_sort(self) -> None:
        order = harvest.sort_by_votes(self.session)
        if order:
            self.cursor = order.index(self.cursor)
            self._changed(t(self.lang, "harvest.sorted"))

    @on(Input.Changed, "#dots")
    def _dots_changed(self, event: Input.Changed) -> None:
        before = self.session.harvest.dots_per_person
        if not event.value.strip():
            return
        try:
            harvest.set_dots_per_person(self.session, event.value)
        except ValueError as exc:
            self._say(str(exc), error=True)
            return
        self._say("")
        if self.session.harvest.dots_per_person != before:
            self.query_one(VotesPane).show_budget()
            self.autosaver.touch()

    # --- step 3: the question -------------------------------------------------------------

    @on(Input.Changed, "#question-input")
    def _question_changed(self, event: Input.Changed) -> None:
        if harvest.set_question(self.session, event.value):
            self.stale.add("overview")
            self.autosaver.touch()

    @on(SelectionList.SelectionToggled, "#links")
    def _link_toggled(self, event: SelectionList.SelectionToggled[int]) -> None:
        harvest.toggle_link(self.session, event.selection.value)
        self.stale.add("overview")
        self.save_now()

    # --- step 4: the plan -----------------------------------------------------------------

    @on(Input.Submitted, "#step-what, #step-who, #step-due")
    @on(Button.Pressed, "#step-add")
    def _add_step(self) -> None:
        what, who, due = self.query_one(PlanPane).form()
        try:
            date = harvest.parse_date(due.value, self.lang)
        except ValueError as exc:
            self._say(str(exc), error=True)
            due.focus()
            return
        try:
            self.step_cursor = harvest.add_step(self.session, what.value, who.value, date)
        except ValueError as exc:
            self._say(str(exc), error=True)
            what.focus()
            return
        for field in (what, who, due):
            field.value = ""
        what.focus()
        self._say("")
        self._show_steps()
        self.save_now()

    def _edit_step(self) -> None:
        """Edit the step under the cursor: what, who and by when, in one dialog."""
        if not self.session.harvest.steps:
            return
        index = self.step_cursor

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
        values = (step.what, step.who, day(step.due))
        self.app.push_screen(StepPrompt(values, self.lang, apply), edited)

    def action_toggle_done(self) -> None:
        if self.session.harvest.steps:
            harvest.toggle_step(self.session, self.step_cursor)
            self._show_steps()
            self.save_now()

    def action_remove_step(self) -> None:
        if self.session.harvest.steps:
            harvest.remove_step(self.session, self.step_cursor)
            self._show_steps()
            self.save_now()

    @on(Input.Changed, "#next-meeting")
    def _meeting_typed(self, event: Input.Changed) -> None:
        try:
            date = harvest.parse_date(event.value, self.lang)
        except ValueError:
            return  # not a date yet: said when the facilitator leaves the field or presses Enter
        self._say("")
        if harvest.set_next_meeting(self.session, date):
            self.stale.add("overview")
            self.autosaver.touch()

    @on(Input.Submitted, "#next-meeting")
    @on(Input.Blurred, "#next-meeting")
    def _meeting_done(self, event: Input.Submitted | Input.Blurred) -> None:
        try:
            harvest.parse_date(event.value, self.lang)
        except ValueError as exc:
            self._say(str(exc), error=True)
            return
        if isinstance(event, Input.Submitted):
            self.action_leave()
