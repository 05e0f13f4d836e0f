"""The summary of one session: pure functions from a Session (and its Deck) to plain values.

Nothing here reads or writes files. The growth opportunities are the harvest as the harvest
screen shows it (`notes.harvest_list`): the team's harvest items, plus card opportunities not yet in
it, so a session whose harvest was never done still shows what the cards brought up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from potential_deck.core.choices import FREE_FIELD, GROWTH_FIELD, FieldColour
from potential_deck.core.deck import fields as card_fields
from potential_deck.core.room.contributions import as_shown
from potential_deck.core.session.models import (
    Activity,
    Collaboration,
    CoreValue,
    Deck,
    HarvestItem,
    Kind,
    Lang,
    Origin,
    Session,
    Step,
    StepStatus,
)
from potential_deck.core.session.notes import TAGGED_FIELDS, harvest_list_and_links, line_values, note_lines
from potential_deck.core.text.i18n import t

VALUE_ORDER: tuple[CoreValue | None, ...] = (*CoreValue, None)
"""The order core-value groups are shown in: the four EASNIE values, then 'no core value'."""


@dataclass(frozen=True, slots=True)
class CardRef:
    """A card as a summary names it; `known` is False when the deck has no such card."""

    id: str
    title: str
    kind: Kind | None
    values: tuple[CoreValue, ...]
    minutes: int | None
    known: bool


def card_refs(deck: Deck | None, lang: Lang) -> dict[str, CardRef]:
    """Every card of `deck` by id, titled in `lang` (empty without a deck)."""
    if deck is None:
        return {}
    return {
        card.id: CardRef(card.id, card.text(lang).title, card.kind, tuple(card.values), card.minutes, True)
        for card in deck.cards
    }


def card_ref(refs: Mapping[str, CardRef], card_id: str) -> CardRef:
    """The card `card_id`, or a stand-in titled by its id when the deck lacks it."""
    return refs.get(card_id) or CardRef(card_id, card_id, None, (), None, False)


@dataclass(frozen=True, slots=True)
class Priority:
    """A growth opportunity in priority order (rank 1 has the most dots)."""

    rank: int
    text: str
    votes: int
    value: CoreValue | None
    cards: tuple[CardRef, ...]
    in_question: bool


@dataclass(frozen=True, slots=True)
class ValueGroup:
    """The growth opportunities tagged with one core value (None: untagged), by priority."""

    value: CoreValue | None
    items: tuple[Priority, ...]


@dataclass(frozen=True, slots=True)
class Remark:
    """One strength or challenge, one line of a card's field, with the card it was written on."""

    text: str
    card: CardRef


@dataclass(frozen=True, slots=True)
class ValueRemarks:
    """Strengths and challenges the team tagged with one core value (None: not tagged)."""

    value: CoreValue | None
    strengths: tuple[Remark, ...]
    challenges: tuple[Remark, ...]


@dataclass(frozen=True, slots=True)
class PlannedStep:
    """One step of the plan, as plain values."""

    what: str
    who: str
    due: dt.date | None
    done: bool
    form: Collaboration | None = None
    hours: float = 0.0
    status: StepStatus = StepStatus.OPEN
    origin: Origin | None = None
    """The earlier session it was carried over from (None: planned at this meeting)."""

    @classmethod
    def of(cls, step: Step) -> PlannedStep:
        """The plain values of a step."""
        return cls(step.what, step.who, step.due, step.done, step.form, step.hours, step.status, step.origin)


@dataclass(frozen=True, slots=True)
class LookedBack:
    """A step from an earlier session and what the team decided about it at this meeting."""

    step: PlannedStep
    decision: StepStatus
    """open: not decided (yet); done, carried (over, to `new_due`) or dropped."""
    new_due: dt.date | None
    learned: str


@dataclass(frozen=True, slots=True)
class LookBackSummary:
    """How the meeting opened: last time's question and the earlier steps, decided on."""

    question: str
    question_date: dt.date | None
    steps: tuple[LookedBack, ...]

    @property
    def empty(self) -> bool:
        """Whether there was nothing to look back on."""
        return not (self.question or self.steps)


def looked_back(session: Session) -> LookBackSummary:
    """The look back of `session` as plain values."""
    back = session.lookback
    return LookBackSummary(
        back.question.strip(),
        back.question_date,
        tuple(LookedBack(PlannedStep.of(r), r.status, r.new_due, r.learned) for r in back.steps),
    )


@dataclass(frozen=True, slots=True)
class CardTime:
    """Seconds spent on a card against the seconds planned for it (0 when unknown)."""

    card: CardRef
    spent: float
    planned: float
    on_agenda: bool


@dataclass(frozen=True, slots=True)
class FieldNote:
    """The text of one note field, with the field's label and colour (None: none)."""

    id: str
    label: str
    colour: FieldColour | None
    text: str


@dataclass(frozen=True, slots=True)
class CardNotes:
    """What was written on one card: free notes, its fields in the card's order, growth."""

    card: CardRef
    free: str
    fields: tuple[FieldNote, ...]
    growth: tuple[tuple[str, CoreValue | None], ...]

    @property
    def empty(self) -> bool:
        """Whether nothing was written on the card."""
        return not (self.free or self.fields or self.growth)


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """Everything the summary of one session shows."""

    team: str
    date: dt.date
    language: Lang
    question: str
    harvested: bool
    priorities: tuple[Priority, ...]
    groups: tuple[ValueGroup, ...]
    remarks: tuple[ValueRemarks, ...]
    steps: tuple[PlannedStep, ...]
    next_meeting: dt.date | None
    times: tuple[CardTime, ...]
    harvest_spent: float
    """Seconds spent at the harvest (in `total_spent`, not in `times`)."""
    total_spent: float
    total_planned: float
    notes: tuple[CardNotes, ...]
    lookback: LookBackSummary = LookBackSummary("", None, ())
    activities: tuple[Activity, ...] = ()
    """Activities logged by hand in this session file (see core.year.activities)."""
    lookback_spent: float = 0.0
    """Seconds spent looking back (in `total_spent`, not in `times`)."""

    @property
    def counts(self) -> tuple[tuple[CoreValue | None, int], ...]:
        """Growth opportunities per core value, for the chart (see `value_counts`)."""
        return value_counts(item.value for item in self.priorities)

    @property
    def open_steps(self) -> tuple[PlannedStep, ...]:
        """The steps not done (or dropped) yet."""
        return tuple(step for step in self.steps if step.status not in (StepStatus.DONE, StepStatus.DROPPED))


def value_counts(values: Iterable[CoreValue | None]) -> tuple[tuple[CoreValue | None, int], ...]:
    """How many of `values` fall under each core value: all four, then 'none' only if any."""
    counts: dict[CoreValue | None, int] = dict.fromkeys(VALUE_ORDER, 0)
    for value in values:
        counts[value] += 1
    return tuple((v, n) for v, n in counts.items() if v is not None or n)


def ranked(
    items: Sequence[HarvestItem],
    question_items: Iterable[int] = (),
    refs: Mapping[str, CardRef] | None = None,
) -> tuple[Priority, ...]:
    """`items` by votes, most first; equal votes keep their order (a stable sort).

    `question_items` are indexes into `items` that the learning question came from.
    """
    linked = set(question_items)
    order = sorted(range(len(items)), key=lambda i: -items[i].votes)
    refs = refs or {}
    return tuple(
        Priority(
            rank,
            items[i].text,
            items[i].votes,
            items[i].value,
            tuple(card_ref(refs, c) for c in items[i].cards),
            i in linked,
        )
        for rank, i in enumerate(order, start=1)
    )


def grouped(priorities: Iterable[Priority]) -> tuple[ValueGroup, ...]:
    """Priorities grouped by core value in `VALUE_ORDER`, empty groups left out."""
    groups: dict[CoreValue | None, list[Priority]] = {v: [] for v in VALUE_ORDER}
    for item in priorities:
        groups[item.value].append(item)
    return tuple(ValueGroup(v, tuple(items)) for v, items in groups.items() if items)


def lines(text: str) -> list[str]:
    """The non-blank lines of a note, list bullets stripped (`notes.note_lines`)."""
    return note_lines(text)


def remarks(session: Session, refs: Mapping[str, CardRef]) -> tuple[ValueRemarks, ...]:
    """Strengths and challenges under the core value the team gave each line.

    Only the team's tags count (`notes.tag_line`), never the values the deck gives a card:
    a line the team did not tag is listed once, under None ('no core value yet').
    """
    found: dict[CoreValue | None, tuple[list[Remark], list[Remark]]] = {v: ([], []) for v in VALUE_ORDER}
    strengths, challenges = TAGGED_FIELDS
    for card_id in _visited(session):
        record = session.cards[card_id]
        ref = card_ref(refs, card_id)
        for slot, field in enumerate((strengths, challenges)):
            for line, value in line_values(record, field):
                found[value][slot].append(Remark(line, ref))
    return tuple(ValueRemarks(v, tuple(s), tuple(c)) for v, (s, c) in found.items() if s or c)


def times(session: Session, refs: Mapping[str, CardRef]) -> tuple[CardTime, ...]:
    """Time per card: the agenda in order, then any other card that holds a record."""
    rows = []
    for card_id in _visited(session, include_unvisited=True):
        record = session.cards.get(card_id)
        ref = card_ref(refs, card_id)
        spent = record.spent if record else 0.0
        budget = record.timer.budget if record else 0
        planned = float(ref.minutes * 60 if ref.minutes else budget)
        rows.append(CardTime(ref, spent, planned, card_id in session.agenda))
    return tuple(rows)


def card_notes(
    session: Session, refs: Mapping[str, CardRef], deck: Deck | None = None, lang: Lang | None = None
) -> tuple[CardNotes, ...]:
    """The notes of every visited card, in agenda order; its fields as the card lists them
    (`card_fields.note_fields`), then any field it no longer lists that holds notes."""
    lang = lang or session.language
    found = []
    for card_id in _visited(session):
        record = session.cards[card_id]
        card = deck.card(card_id) if deck is not None and deck.has(card_id) else None
        fields = tuple(
            FieldNote(field.id, field.label(lang), field.colour, text)
            for field in card_fields.note_fields(card, record)
            if field.id not in (FREE_FIELD, GROWTH_FIELD)
            and (text := record.fields.get(field.id, "").strip())
        )
        growth = tuple((opp.text, opp.value) for opp in record.growth)
        found.append(CardNotes(card_ref(refs, card_id), record.free.strip(), fields, growth))
    return tuple(found)


def field_label(lang: Lang, name: str) -> str:
    """The label of a note field by its id alone; an unknown field is shown by its id.

    A card's own labels (its questions, its deck's fields): `card_fields.field_label`.
    """
    return card_fields.field_label(None, name, lang)


def summarize(session: Session, deck: Deck | None, lang: Lang | None = None) -> SessionSummary:
    """The summary of `session`; card titles from `deck` in `lang` (default: the session's)."""
    lang = lang or session.language
    refs = card_refs(deck, lang)
    priorities = ranked(
        *as_shown(session, *harvest_list_and_links(session)), refs
    )  # phones' dots in, hidden out
    card_times = times(session, refs)
    return SessionSummary(
        team=session.team,
        date=session.date,
        language=lang,
        question=session.harvest.question.strip(),
        harvested=bool(session.harvest.items),
        priorities=priorities,
        groups=grouped(priorities),
        remarks=remarks(session, refs),
        steps=tuple(PlannedStep.of(step) for step in session.harvest.steps),
        next_meeting=session.harvest.next_meeting,
        times=card_times,
        harvest_spent=session.harvest.shown,
        total_spent=session.total_spent,
        total_planned=sum(row.planned for row in card_times if row.on_agenda),
        notes=card_notes(session, refs, deck, lang),
        lookback=looked_back(session),
        activities=tuple(sorted(session.activities, key=lambda a: a.date)),
        lookback_spent=session.lookback.shown,
    )


def whole_minutes(seconds: float) -> int:
    """Seconds as the whole minutes `format_duration` shows."""
    return round(max(seconds, 0.0) / 60)


def format_duration(lang: Lang, seconds: float) -> str:
    """Seconds as '12 min' or '1 u 05 min' / '1 h 05 min', rounded to the minute."""
    minutes = whole_minutes(seconds)
    if minutes < 60:
        return t(lang, "summary.minutes", minutes=minutes)
    return t(lang, "summary.hours", hours=minutes // 60, minutes=f"{minutes % 60:02d}")


def _visited(session: Session, *, include_unvisited: bool = False) -> list[str]:
    """Card ids in agenda order, then cards with a record that are not on the agenda."""
    agenda = list(dict.fromkeys(session.agenda))
    on_agenda = set(agenda)
    if not include_unvisited:
        agenda = [card_id for card_id in agenda if card_id in session.cards]
    return agenda + [card_id for card_id in session.cards if card_id not in on_agenda]
