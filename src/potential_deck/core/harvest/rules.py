"""The harvest's rules: growth opportunities, dot voting, the learning question and the step plan.

Every function changes `session.harvest` in place (lists are replaced, never mutated, so
pydantic validates them) and returns what the caller needs to show the result. Items and
steps are addressed by index; `question_items` always points at the same items after a
removal, a merge or a sort. Errors are ValueError with a message in the session's language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Literal, NamedTuple

# merges live in core.harvest.merge; the screens call them here, with the other rules
from potential_deck.core.harvest.merge import ValueChoice as ValueChoice
from potential_deck.core.harvest.merge import can_split as can_split
from potential_deck.core.harvest.merge import held as held
from potential_deck.core.harvest.merge import merge as merge
from potential_deck.core.harvest.merge import merge_choices as merge_choices
from potential_deck.core.harvest.merge import split as split
from potential_deck.core.harvest.merge import unique_texts
from potential_deck.core.harvest.merge import wordings as wordings

# striking out and bringing back live in core.harvest.struck; re-exported with the other rules
from potential_deck.core.harvest.struck import bring_back as bring_back
from potential_deck.core.harvest.struck import remove_item as remove_item
from potential_deck.core.room.contributions import totals
from potential_deck.core.session.models import (
    Collaboration,
    CoreValue,
    HarvestItem,
    Lang,
    Session,
    Step,
    StepStatus,
)
from potential_deck.core.session.notes import harvest_list_and_links
from potential_deck.core.text.compare import text_key
from potential_deck.core.text.i18n import t

VALUE_CYCLE: tuple[CoreValue | None, ...] = (None, *CoreValue)
"""The order `cycle_value` steps through: no value, then the four EASNIE core values."""

MAX_DOTS = 20
"""The most dots one person can get (the model's limit)."""


def start(session: Session) -> bool:
    """Fill the harvest from the cards (keeping what it holds); whether anything was added."""
    items, links = harvest_list_and_links(session)
    harvest = session.harvest
    if [i.model_dump() for i in items] == [i.model_dump() for i in harvest.items]:
        return False
    harvest.items = items
    harvest.question_items = links
    return True


# --- growth opportunities ---------------------------------------------------------------------


def add_item(session: Session, text: str, value: CoreValue | None = None) -> int:
    """Add a growth opportunity of the team's own; its index."""
    harvest = session.harvest
    harvest.items = [*harvest.items, HarvestItem(text=_required(session, text), value=value)]
    return len(harvest.items) - 1


def edit_item(session: Session, index: int, text: str) -> bool:
    """Reword an item; whether it changed.

    The wording it had is remembered when it came from a card: that line is not gathered
    again, and the item counts as the team's work (see `notes.harvest_list_and_links`).
    """
    item = session.harvest.items[index]
    new = _required(session, text)
    if new == item.text:
        return False
    if item.cards or text_key(item.text) in _card_texts(session):
        item.absorbed = unique_texts([*item.absorbed, item.text], exclude=new)
    item.text = new
    return True


def set_value(session: Session, index: int, value: CoreValue | None) -> None:
    """Tag an item with a core value (None: no value yet)."""
    session.harvest.items[index].value = value


def cycle_value(session: Session, index: int) -> CoreValue | None:
    """The next core value for an item: none → the four values in turn → none; the new value."""
    item = session.harvest.items[index]
    following = VALUE_CYCLE[(VALUE_CYCLE.index(item.value) + 1) % len(VALUE_CYCLE)]
    item.value = following
    return following


# --- dot voting -------------------------------------------------------------------------------


def set_votes(session: Session, index: int, votes: int) -> None:
    """The dots an item got (zero or more)."""
    if votes < 0:
        raise ValueError(t(session.language, "harvest.bad_votes"))
    session.harvest.items[index].votes = votes


def add_dot(session: Session, index: int, delta: int = 1) -> int:
    """One dot more (or, with a negative `delta`, fewer; never below zero); the item's votes."""
    item = session.harvest.items[index]
    item.votes = max(0, item.votes + delta)
    return item.votes


def set_dots_per_person(session: Session, dots: int | str) -> int:
    """Dots each participant may give, from 1 to MAX_DOTS (a number or its text); the number."""
    try:
        number = int(str(dots).strip())
    except ValueError:
        number = 0
    if not 1 <= number <= MAX_DOTS:
        raise ValueError(t(session.language, "harvest.bad_dots", max=MAX_DOTS))
    session.harvest.dots_per_person = number
    return number


def dots_budget(session: Session) -> int:
    """Dots the team may give: dots per person times the people present (at least one).

    The people present are `Session.people`, else the participants named (`people_count`).
    """
    return session.harvest.dots_per_person * voters(session)


def voters(session: Session) -> int:
    """How many people share out dots: the people present, at least one."""
    return max(1, session.people_count)


def dots_given(session: Session) -> int:
    """Dots given so far, over all items: by hand and from phones (`contributions.total`)."""
    return sum(totals(session))


class DotBudget(NamedTuple):
    """The dots of the vote at a glance: given against available, and what makes the budget."""

    given: int
    available: int
    voters: int
    per_person: int

    @property
    def over(self) -> bool:
        """Whether more dots were given than the team has."""
        return self.given > self.available


def dot_budget(session: Session) -> DotBudget:
    """The dot budget of `session` now (`dots_given`, `dots_budget`, `voters`)."""
    return DotBudget(
        dots_given(session), dots_budget(session), voters(session), session.harvest.dots_per_person
    )


def sort_by_votes(session: Session) -> list[int]:
    """Most dots first (by hand and from phones), equal votes keeping their order; the old
    indexes in their new order."""
    harvest = session.harvest
    dots = totals(session)
    order = sorted(range(len(harvest.items)), key=lambda i: -dots[i])
    position = {old: new for new, old in enumerate(order)}
    harvest.question_items = sorted(position[i] for i in harvest.question_items)
    harvest.items = [harvest.items[i] for i in order]
    return order


# --- the learning question --------------------------------------------------------------------


def set_question(session: Session, text: str) -> bool:
    """The team's joint learning question; whether it changed."""
    if session.harvest.question == text:
        return False
    session.harvest.question = text
    return True


def toggle_link(session: Session, index: int) -> bool:
    """Link an item to the question, or unlink it; whether it is linked now."""
    harvest = session.harvest
    if not 0 <= index < len(harvest.items):
        raise IndexError(index)
    linked = set(harvest.question_items)
    now_linked = index not in linked
    linked.symmetric_difference_update({index})
    harvest.question_items = sorted(linked)
    return now_linked


def set_links(session: Session, indexes: Iterable[int]) -> None:
    """Link exactly these items to the question."""
    count = len(session.harvest.items)
    session.harvest.question_items = sorted({i for i in indexes if 0 <= i < count})


# --- the step plan ----------------------------------------------------------------------------


def add_step(
    session: Session,
    what: str,
    who: str = "",
    due: dt.date | None = None,
    *,
    form: Collaboration | None = None,
    hours: float = 0.0,
) -> int:
    """Add a step to the plan (with its form of collaboration and planned hours); its index."""
    harvest = session.harvest
    step = Step(what=_required(session, what), who=who.strip(), due=due, form=form, hours=hours)
    harvest.steps = [*harvest.steps, step]
    return len(harvest.steps) - 1


def edit_step(
    session: Session,
    index: int,
    *,
    what: str | None = None,
    who: str | None = None,
    due: dt.date | Literal["keep"] | None = "keep",
) -> None:
    """Change a step's what, who and/or due date (`due=None` clears it)."""
    step = session.harvest.steps[index]
    if what is not None:
        step.what = _required(session, what)
    if who is not None:
        step.who = who.strip()
    if due != "keep":
        step.due = due


def update_step(session: Session, index: int, *, what: str, who: str, due: str) -> None:
    """Set a step's what, who and by-when from the text typed (`due` as `parse_date` reads it).

    ValueError, in the session's language, for an empty what or a date that is not one; the
    step is then left exactly as it was.
    """
    date = parse_date(due, session.language)
    cleaned = _required(session, what)
    step = session.harvest.steps[index]
    step.what, step.who, step.due = cleaned, who.strip(), date


def remove_step(session: Session, index: int) -> Step:
    """Take a step off the plan."""
    harvest = session.harvest
    step = harvest.steps[index]
    harvest.steps = [other for i, other in enumerate(harvest.steps) if i != index]
    return step


def toggle_step(session: Session, index: int) -> bool:
    """Mark a step done (settled on the meeting's date), or open again; whether it is done now."""
    step = session.harvest.steps[index]
    done = not step.done
    step.status = StepStatus.DONE if done else StepStatus.OPEN
    step.settled = session.date if done else None
    return done


def set_step_form(session: Session, index: int, form: Collaboration | None) -> None:
    """The form of collaboration a step takes (None: not chosen)."""
    session.harvest.steps[index].form = form


def cycle_step_form(session: Session, index: int) -> Collaboration | None:
    """The next form of collaboration for a step: none → each form in turn → none; the new form."""
    forms: tuple[Collaboration | None, ...] = (None, *Collaboration)
    step = session.harvest.steps[index]
    step.form = forms[(forms.index(step.form) + 1) % len(forms)]
    return step.form


def set_step_hours(session: Session, index: int, hours: str | float) -> float:
    """A step's planned hours, from a number or the text typed ('1,5' or '1.5'); the hours.

    ValueError in the session's language for anything that is not 0 to MAX_HOURS hours.
    """
    number = parse_hours(str(hours), session.language, allow_zero=True)
    session.harvest.steps[index].hours = number
    return number


MAX_HOURS = 100.0
"""The most hours one step or one logged activity can have (a typing mistake beyond that)."""


def parse_hours(text: str, lang: Lang, *, allow_zero: bool = False) -> float:
    """Hours from '2', '1,5', '1.5' or '1:30'; blank is 0 when `allow_zero`.

    ValueError with a message in `lang` for anything else, or outside 0 (or above) to MAX_HOURS.
    """
    cleaned = text.strip().replace(",", ".")
    if not cleaned and allow_zero:
        return 0.0
    try:
        if ":" in cleaned:
            whole, minutes = cleaned.split(":", 1)
            number = int(whole or "0") + int(minutes) / 60
            if not 0 <= int(minutes) < 60:
                raise ValueError(cleaned)
        else:
            number = float(cleaned)
    except ValueError:
        raise ValueError(t(lang, "year.bad_hours", text=text.strip(), max=int(MAX_HOURS))) from None
    low_ok = number >= 0 if allow_zero else number > 0
    if not (low_ok and number <= MAX_HOURS) or number != number:
        raise ValueError(t(lang, "year.bad_hours", text=text.strip(), max=int(MAX_HOURS)))
    return round(number, 2)


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})")


def parse_date(text: str, lang: Lang) -> dt.date | None:
    """A date from 'YYYY-MM-DD', 'DD/MM/YYYY' or 'DD-MM-YYYY'; None for blank text.

    ValueError with a message in `lang` for anything else, or a day the calendar lacks.
    """
    text = text.strip()
    if not text:
        return None
    if match := _ISO.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DAY_FIRST.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
    else:
        raise ValueError(t(lang, "harvest.bad_date", text=text))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(t(lang, "harvest.bad_date", text=text)) from None


def set_next_meeting(session: Session, date: dt.date | None) -> bool:
    """The date of the team's next meeting (None: not set); whether it changed."""
    if session.harvest.next_meeting == date:
        return False
    session.harvest.next_meeting = date
    return True


# --- helpers ----------------------------------------------------------------------------------


def _required(session: Session, text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValueError(t(session.language, "harvest.empty"))
    return cleaned


def _card_texts(session: Session) -> set[str]:
    """The growth opportunities written on the agenda's cards, normalised."""
    return {
        text_key(opp.text)
        for card_id in session.agenda
        if (record := session.cards.get(card_id)) is not None
        for opp in record.growth
    }
