"""Looking back: a returning team's open steps, what it decides about them, what became of each.

A step is known by its key: the session it was first planned in (`Step.origin`, or the session
whose plan holds it) and its id. Carrying a step over copies it, with the same id and origin,
into the new session's plan, so it stays one step however often it is carried.

What became of a step is read from every session of the team: the status a plan gives it (`x`
at the harvest) and the decisions of later look backs (done, carried over, dropped). The latest
decision counts (by the day it was settled, then by session order); until one says done or
dropped, the step is open. No session file other than the new one is ever changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from potential_deck.core.session.models import Collaboration, Origin, Review, Session, Step, StepStatus

StepKey = tuple[str, str]
"""(id of the session the step was first planned in, the step's id)."""

CLOSED = frozenset({StepStatus.DONE, StepStatus.DROPPED})
"""Statuses that end a step's thread."""


def step_key(step: Step, session_id: str) -> StepKey:
    """The key of `step` as found in the session `session_id`."""
    return (step.origin.session, step.id) if step.origin else (session_id, step.id)


@dataclass(frozen=True, slots=True)
class Planned:
    """One session's part in the team's steps: its plan and its look back (kept small)."""

    order: tuple[dt.date, float, int]
    session: str
    date: dt.date
    file: str
    steps: Sequence[Step]
    reviews: Sequence[Review]


def planned(session: Session, path: Path | None = None, order: int = 0) -> Planned:
    """The part of `session` (saved at `path`) that `threads` reads."""
    return Planned(
        (session.date, session.created.timestamp(), order),
        session.id,
        session.date,
        path.name if path else "",
        session.harvest.steps,
        session.lookback.steps,
    )


@dataclass(frozen=True, slots=True)
class Event:
    """Something the team decided about a step, at a meeting (or at its harvest)."""

    date: dt.date
    """The meeting where it was decided."""
    status: StepStatus
    new_due: dt.date | None = None
    learned: str = ""


@dataclass(slots=True)
class _Thread:
    key: StepKey
    origin: Origin
    step: Step
    events: list[tuple[tuple[dt.date, tuple[dt.date, float, int], int], Event]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class StepThread:
    """A step across the team's sessions: as it reads now, where it came from, what became of it."""

    key: StepKey
    what: str
    who: str
    due: dt.date | None
    form: Collaboration | None
    hours: float
    origin: Origin
    status: StepStatus
    """open, done, dropped, or carried (over: still open, with a new date)."""
    settled: dt.date | None
    events: tuple[Event, ...]

    @property
    def is_open(self) -> bool:
        """Whether the team still has it to do (open or carried over)."""
        return self.status not in CLOSED

    @property
    def done(self) -> bool:
        """Whether it was done."""
        return self.status == StepStatus.DONE

    @property
    def times_carried(self) -> int:
        """How often it was carried over."""
        return sum(1 for event in self.events if event.status == StepStatus.CARRIED)


def threads(parts: Iterable[Planned]) -> list[StepThread]:
    """Every step of one team's sessions (`planned` of each, in any order), in order of origin.

    A review without an origin (a hand-edited file) is left out.
    """
    found: dict[StepKey, _Thread] = {}
    for part in sorted(parts, key=lambda p: p.order):
        for sub, review in enumerate(part.reviews):
            if review.origin is None:
                continue
            key = (review.origin.session, review.id)
            thread = found.get(key)
            if thread is None:
                thread = found[key] = _Thread(key, review.origin, review)
            if review.status != StepStatus.OPEN:
                when = review.settled or part.date
                event = Event(part.date, review.status, review.new_due, review.learned.strip())
                thread.events.append(((when, part.order, sub), event))
        for sub, step in enumerate(part.steps, start=len(part.reviews)):
            key = step_key(step, part.session)
            thread = found.get(key)
            if thread is None:
                origin = step.origin or Origin(session=part.session, date=part.date, file=part.file)
                thread = found[key] = _Thread(key, origin, step)
            else:
                thread.step = step  # the latest wording, who, date, form and hours
            if step.status != StepStatus.OPEN:
                when = step.settled or part.date
                thread.events.append(((when, part.order, sub), Event(part.date, step.status)))
    result = [_finish(thread) for thread in found.values()]
    result.sort(key=lambda s: (s.origin.date, s.origin.session))
    return result


def _finish(thread: _Thread) -> StepThread:
    thread.events.sort(key=lambda pair: pair[0])
    events = tuple(event for _, event in thread.events)
    last = thread.events[-1] if thread.events else None
    status = last[1].status if last else StepStatus.OPEN
    step = thread.step
    due = step.due
    if last is not None and status == StepStatus.CARRIED and isinstance(step, Review):
        due = last[1].new_due or due  # carried, and no later plan holds its copy
    return StepThread(
        key=thread.key,
        what=step.what,
        who=step.who,
        due=due,
        form=step.form,
        hours=step.hours,
        origin=thread.origin,
        status=status,
        settled=last[0][0] if last else None,
        events=events,
    )


def open_steps(parts: Iterable[Planned]) -> list[StepThread]:
    """The team's steps not yet done or dropped, in order of origin."""
    return [thread for thread in threads(parts) if thread.is_open]


# --- starting a new session ---------------------------------------------------------------------


def fill(session: Session, earlier: Iterable[tuple[Path | None, Session]]) -> int:
    """Fill the look back of a new `session` from the team's `earlier` sessions; how many steps.

    Last time's question is the latest earlier session's question (the latest one that has
    one); the steps are every step still open across all earlier sessions, each with who, by
    when and the session it came from. Steps the look back already holds are kept as decided.
    """
    parts = []
    question: tuple[tuple[dt.date, float, int], str, dt.date] | None = None
    names = dict.fromkeys(session.lookback.names)
    for order, (path, other) in enumerate(earlier):
        if other.id == session.id:
            continue
        part = planned(other, path, order)
        parts.append(part)
        names.update(dict.fromkeys(n for n in (*other.participants, other.facilitator) if n.strip()))
        text = other.harvest.question.strip()
        if text and (question is None or part.order > question[0]):
            question = (part.order, text, other.date)
    if question is not None and not session.lookback.question:
        session.lookback.question, session.lookback.question_date = question[1], question[2]
    have = {step_key(review, session.id) for review in session.lookback.steps}
    have |= {step_key(step, session.id) for step in session.harvest.steps}
    added = [
        Review(
            id=thread.key[1],
            what=thread.what,
            who=thread.who,
            due=thread.due,
            form=thread.form,
            hours=thread.hours,
            origin=thread.origin,
        )
        for thread in open_steps(parts)
        if thread.key not in have
    ]
    if added:
        session.lookback.steps = [*session.lookback.steps, *added]
    session.lookback.names = list(names)
    return len(added)


def has_look_back(session: Session) -> bool:
    """Whether the session opens with a look back (a question or steps from earlier)."""
    return bool(session.lookback.steps or session.lookback.question)


def undecided(session: Session) -> int:
    """How many steps of the look back the team has not decided on yet."""
    return sum(1 for review in session.lookback.steps if review.status == StepStatus.OPEN)


# --- deciding --------------------------------------------------------------------------------------


def decide(session: Session, index: int, status: StepStatus, *, new_due: dt.date | None = None) -> None:
    """What the team decides about look-back step `index`: done, carried over, dropped, or open.

    Carried over, the step lives on in this session's plan with `new_due` and its origin (a
    second decision updates that copy); any other decision takes the copy out of the plan
    again. The decision is settled on the meeting's date.
    """
    review = session.lookback.steps[index]
    key = step_key(review, session.id)
    plan = session.harvest.steps
    position = next((i for i, step in enumerate(plan) if step_key(step, session.id) == key), None)
    if status == StepStatus.CARRIED:
        copy = Step(
            id=review.id,
            what=review.what,
            who=review.who,
            due=new_due,
            form=review.form,
            hours=review.hours,
            origin=review.origin,
        )
        if position is None:
            session.harvest.steps = [*plan, copy]
        else:
            plan[position].due = new_due
    elif position is not None:
        session.harvest.steps = [step for i, step in enumerate(plan) if i != position]
    review.status = status
    review.new_due = new_due if status == StepStatus.CARRIED else None
    review.settled = None if status == StepStatus.OPEN else session.date


def set_learned(session: Session, index: int, text: str) -> bool:
    """What the team learned from look-back step `index`; whether it changed."""
    review = session.lookback.steps[index]
    cleaned = text.strip()
    if review.learned == cleaned:
        return False
    review.learned = cleaned
    return True
