"""Steps 2 to 4 of the harvest: dots, the learning question and its links, the step plan.

The harvest screen's actions of these steps call these with the screen (`HarvestScreen.action_dot`
-> `dot(screen, delta)`). Every change is committed to the session's history
(`HarvestScreen.commit`): `u` undoes it.
Dots counted for one item in a row, and the question as it is typed, are one step each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from potential_deck.core.harvest import rules as harvest
from potential_deck.core.text.i18n import day, t
from potential_deck.tui.screens.dialogs import StepPrompt, TextPrompt
from potential_deck.tui.widgets.harvest_steps import VotesPane

if TYPE_CHECKING:
    from potential_deck.tui.screens.harvest import HarvestScreen


# --- step 2: dots --------------------------------------------------------------------


def dot(screen: HarvestScreen, delta: int) -> None:
    if screen.session.harvest.items:
        index = screen.item_row = screen.item_index
        votes = harvest.add_dot(screen.session, index, delta)
        item = screen.session.harvest.items[index]
        screen.commit("dots", group=f"dots:{index}", text=item.text, votes=votes)
        screen.query_one(VotesPane).show_votes(index)
        screen.outdated("dots")
        screen.autosaver.touch()


def sort(screen: HarvestScreen) -> None:
    current = screen.item_index
    order = harvest.sort_by_votes(screen.session)
    if order:
        screen.item_row = order.index(current)
        screen.commit("sorted")
        screen.changed(t(screen.lang, "harvest.sorted"))


def dots_per_person(screen: HarvestScreen) -> None:
    """Ask how many dots each participant gets."""

    def problem(text: str) -> str | None:
        try:
            harvest.set_dots_per_person(screen.session, text)
        except ValueError as exc:
            return str(exc)
        return None

    def done(text: str | None) -> None:
        if text is not None:
            screen.commit("dots_per_person", dots=screen.session.harvest.dots_per_person)
            screen.outdated("budget")
            screen.query_one(VotesPane).show_budget()
            screen.save_now()

    prompt = TextPrompt(
        t(screen.lang, "harvest.dots_per_person"),
        str(screen.session.harvest.dots_per_person),
        screen.lang,
        check=problem,
    )
    screen.push_dialog(prompt, done)


# --- step 3: the question ------------------------------------------------------------


def question_changed(screen: HarvestScreen, text: str) -> None:
    if harvest.set_question(screen.session, text):
        screen.commit("question")  # typing in a row is one step (see HarvestHistory)
        screen.outdated("question")
        screen.autosaver.touch()


def link_toggled(screen: HarvestScreen, index: int) -> None:
    linked = harvest.toggle_link(screen.session, index)
    screen.commit("linked" if linked else "unlinked", text=screen.session.harvest.items[index].text)
    screen.outdated("links")
    screen.save_now()


# --- step 4: the plan ----------------------------------------------------------------


def _plan_changed(screen: HarvestScreen, change: str, what: str) -> None:
    screen.commit(change, what=what)
    screen.say("")
    screen.show_steps()
    screen.save_now()


def add_step(screen: HarvestScreen) -> None:
    """A new step in a dialog: what, who, by when, planned hours (`f` then sets its form)."""

    def apply(what: str, who: str, due: str, hours: str) -> tuple[str, str] | None:
        """None once added; else the field that is wrong, and why."""
        try:
            date = harvest.parse_date(due, screen.lang)
        except ValueError as exc:
            return "due", str(exc)
        try:
            planned = harvest.parse_hours(hours, screen.lang, allow_zero=True)
        except ValueError as exc:
            return "hours", str(exc)
        try:
            screen.step_row = harvest.add_step(screen.session, what, who, date, hours=planned)
        except ValueError as exc:
            return "what", str(exc)
        return None

    def added(ok: bool | None) -> None:
        if ok:
            _plan_changed(screen, "step_added", screen.session.harvest.steps[screen.step_row].what)

    prompt = StepPrompt(("", "", "", ""), screen.lang, apply, title_key="harvest.add_step_title")
    screen.push_dialog(prompt, added)


def edit_step(screen: HarvestScreen) -> None:
    """Edit the step under the cursor: what, who and by when, in one dialog."""
    if not screen.session.harvest.steps:
        return
    index = screen.step_index
    step = screen.session.harvest.steps[index]
    before = step.model_copy()

    def apply(what: str, who: str, due: str, hours: str) -> tuple[str, str] | None:
        """None once changed; else the field that is wrong, and why."""
        try:
            planned = harvest.parse_hours(hours, screen.lang, allow_zero=True)
        except ValueError as exc:
            return "hours", str(exc)
        try:
            harvest.update_step(screen.session, index, what=what, who=who, due=due)
        except ValueError as exc:
            return ("what" if not what.strip() else "due"), str(exc)
        harvest.set_step_hours(screen.session, index, planned)
        return None

    def edited(changed: bool | None) -> None:
        if changed and screen.session.harvest.steps[index] != before:
            _plan_changed(screen, "step_edited", before.what)

    values = (step.what, step.who, day(step.due), _hours_field(step.hours, screen.lang))
    screen.push_dialog(StepPrompt(values, screen.lang, apply), edited)


def cycle_form(screen: HarvestScreen) -> None:
    """The next form of collaboration for the step under the cursor (none, co-teaching, …)."""
    if screen.session.harvest.steps:
        index = screen.step_index
        what = screen.session.harvest.steps[index].what
        harvest.cycle_step_form(screen.session, index)
        _plan_changed(screen, "step_edited", what)


def toggle_done(screen: HarvestScreen) -> None:
    if screen.session.harvest.steps:
        index = screen.step_index
        done = harvest.toggle_step(screen.session, index)
        _plan_changed(screen, "step_done" if done else "step_open", screen.session.harvest.steps[index].what)


def remove_step(screen: HarvestScreen) -> None:
    if screen.session.harvest.steps:
        removed = harvest.remove_step(screen.session, screen.step_index)
        _plan_changed(screen, "step_removed", removed.what)


def next_meeting(screen: HarvestScreen) -> None:
    """Ask for the date of the next meeting (empty: none)."""

    def problem(text: str) -> str | None:
        try:
            harvest.parse_date(text, screen.lang)
        except ValueError as exc:
            return str(exc)
        return None

    def done(text: str | None) -> None:
        if text is None:
            return
        date = harvest.parse_date(text, screen.lang)
        if harvest.set_next_meeting(screen.session, date):
            screen.commit("next_meeting", date=date)
            screen.show_steps()
            screen.save_now()

    prompt = TextPrompt(
        t(screen.lang, "harvest.next_meeting"),
        day(screen.session.harvest.next_meeting),
        screen.lang,
        placeholder=t(screen.lang, "harvest.date_placeholder"),
        check=problem,
    )
    screen.push_dialog(prompt, done)


def _hours_field(hours: float, lang: str) -> str:
    """Planned hours as typed in the step dialog: '1,5' (Dutch) or '1.5'; blank for none."""
    if not hours:
        return ""
    text = f"{hours:g}"
    return text.replace(".", ",") if lang == "nl" else text
