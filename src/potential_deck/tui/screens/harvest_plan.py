"""Steps 2 to 4 of the harvest: dots, the learning question and its links, the step plan.

Every change is committed to the session's history (`HarvestBase.commit`): `u` undoes it.
Dots counted for one item in a row, and the question as it is typed, are one step each.
"""

from __future__ import annotations

from textual import on
from textual.widgets import SelectionList, TextArea

from potential_deck.core.harvest import rules as harvest
from potential_deck.core.text.i18n import day, t
from potential_deck.tui.screens.dialogs import StepPrompt, TextPrompt
from potential_deck.tui.screens.harvest_base import HarvestBase
from potential_deck.tui.widgets.harvest_panes import VotesPane


class PlanActions(HarvestBase):
    """The actions of steps 2 to 4 (mixed into the harvest screen)."""

    # --- step 2: dots --------------------------------------------------------------------

    def action_dot(self, delta: int) -> None:
        if self.session.harvest.items:
            index = self.item_row = self.item_index
            votes = harvest.add_dot(self.session, index, delta)
            item = self.session.harvest.items[index]
            self.commit("dots", group=f"dots:{index}", text=item.text, votes=votes)
            self.query_one(VotesPane).show_votes(index)
            self.stale |= {"items", "overview"}
            self.autosaver.touch()

    def action_sort(self) -> None:
        current = self.item_index
        order = harvest.sort_by_votes(self.session)
        if order:
            self.item_row = order.index(current)
            self.commit("sorted")
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
                self.commit("dots_per_person", dots=self.session.harvest.dots_per_person)
                self.stale |= {"votes", "overview"}
                self.query_one(VotesPane).show_budget()
                self.save_now()

        prompt = TextPrompt(
            t(self.lang, "harvest.dots_per_person"),
            str(self.session.harvest.dots_per_person),
            self.lang,
            check=problem,
        )
        self.push_dialog(prompt, done)

    # --- step 3: the question ------------------------------------------------------------

    @on(TextArea.Changed, "#question-input")
    def _question_changed(self, event: TextArea.Changed) -> None:
        if harvest.set_question(self.session, event.text_area.text):
            self.commit("question")  # typing in a row is one step (see HarvestHistory)
            self.stale.add("overview")
            self.autosaver.touch()

    @on(SelectionList.SelectionToggled, "#links")
    def _link_toggled(self, event: SelectionList.SelectionToggled[int]) -> None:
        index = event.selection.value
        linked = harvest.toggle_link(self.session, index)
        self.commit("linked" if linked else "unlinked", text=self.session.harvest.items[index].text)
        self.stale.add("overview")
        self.save_now()

    def action_link(self) -> None:
        """Link the highlighted item to the question, or unlink it (also Space/Enter on the list)."""
        links: SelectionList[int] = self.query_one("#links", SelectionList)
        if links.highlighted is not None:
            links.toggle(links.get_option_at_index(links.highlighted).value)

    # --- step 4: the plan ----------------------------------------------------------------

    def _plan_changed(self, change: str, what: str) -> None:
        self.commit(change, what=what)
        self.say("")
        self._show_steps()
        self.save_now()

    def action_add_step(self) -> None:
        """A new step in a dialog: what, who, by when, planned hours (`f` then sets its form)."""

        def apply(what: str, who: str, due: str, hours: str) -> str | None:
            try:
                date = harvest.parse_date(due, self.lang)
                planned = harvest.parse_hours(hours, self.lang, allow_zero=True)
                self.step_row = harvest.add_step(self.session, what, who, date, hours=planned)
            except ValueError as exc:
                return str(exc)
            return None

        def added(ok: bool | None) -> None:
            if ok:
                self._plan_changed("step_added", self.session.harvest.steps[self.step_row].what)

        prompt = StepPrompt(("", "", "", ""), self.lang, apply, title_key="harvest.add_step_title")
        self.push_dialog(prompt, added)

    def _edit_step(self) -> None:
        """Edit the step under the cursor: what, who and by when, in one dialog."""
        if not self.session.harvest.steps:
            return
        index = self.step_index
        step = self.session.harvest.steps[index]
        before = step.model_copy()

        def apply(what: str, who: str, due: str, hours: str) -> str | None:
            try:
                planned = harvest.parse_hours(hours, self.lang, allow_zero=True)
                harvest.update_step(self.session, index, what=what, who=who, due=due)
            except ValueError as exc:
                return str(exc)
            harvest.set_step_hours(self.session, index, planned)
            return None

        def edited(changed: bool | None) -> None:
            if changed and self.session.harvest.steps[index] != before:
                self._plan_changed("step_edited", before.what)

        values = (step.what, step.who, day(step.due), _hours_field(step.hours, self.lang))
        self.push_dialog(StepPrompt(values, self.lang, apply), edited)

    def action_step_form(self) -> None:
        """The next form of collaboration for the step under the cursor (none, co-teaching, …)."""
        if self.session.harvest.steps:
            index = self.step_index
            what = self.session.harvest.steps[index].what
            harvest.cycle_step_form(self.session, index)
            self._plan_changed("step_edited", what)

    def action_toggle_done(self) -> None:
        if self.session.harvest.steps:
            index = self.step_index
            done = harvest.toggle_step(self.session, index)
            self._plan_changed("step_done" if done else "step_open", self.session.harvest.steps[index].what)

    def action_remove_step(self) -> None:
        if self.session.harvest.steps:
            removed = harvest.remove_step(self.session, self.step_index)
            self._plan_changed("step_removed", removed.what)

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
            date = harvest.parse_date(text, self.lang)
            if harvest.set_next_meeting(self.session, date):
                self.commit("next_meeting", date=date)
                self._show_steps()
                self.save_now()

        prompt = TextPrompt(
            t(self.lang, "harvest.next_meeting"),
            day(self.session.harvest.next_meeting),
            self.lang,
            placeholder=t(self.lang, "harvest.date_placeholder"),
            check=problem,
        )
        self.push_dialog(prompt, done)


def _hours_field(hours: float, lang: str) -> str:
    """Planned hours as typed in the step dialog: '1,5' (Dutch) or '1.5'; blank for none."""
    if not hours:
        return ""
    text = f"{hours:g}"
    return text.replace(".", ",") if lang == "nl" else text
