"""The deck and the session as pydantic models: the one contract every part shares."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator
from pydantic_core import PydanticCustomError

from potential_deck.core.migrate import SCHEMA_VERSION as SCHEMA_VERSION
from potential_deck.core.vocab import ALL_FIELDS, FREE_FIELD, GROWTH_FIELD

# The fixed words live in core.vocab (no pydantic there); re-exported for the models' users.
from potential_deck.core.vocab import LANGS as LANGS
from potential_deck.core.vocab import CoreValue as CoreValue
from potential_deck.core.vocab import Dimension as Dimension
from potential_deck.core.vocab import FieldColour as FieldColour
from potential_deck.core.vocab import Kind as Kind
from potential_deck.core.vocab import Lang as Lang

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _rule(field: str, message: str) -> PydanticCustomError:
    """A rule across a card's keys broken: `field` says where (for the file's line)."""
    return PydanticCustomError("card_rule", "{message}", {"message": message, "field": field})


class CardText(_Strict):
    """A card's words in one language."""

    title: NonEmpty
    intro: NonEmpty
    questions: list[NonEmpty] = Field(min_length=1)
    tip: str = ""

    @field_validator("questions")
    @classmethod
    def _no_repeats(cls, questions: list[str]) -> list[str]:
        seen: dict[str, int] = {}
        for number, question in enumerate(questions, start=1):
            key = " ".join(question.casefold().split())
            if key in seen:
                raise ValueError(
                    f"question {number} repeats question {seen[key]}; remove or reword one of them"
                )
            seen[key] = number
        return questions


class FieldSpec(_Strict):
    """A note field a card asks for, in its deck's `[[fields]]`.

    `id` names where the notes are saved: a built-in field (seen, did, worked, satisfaction,
    strengths, challenges) keeps its label unless the deck gives one; another id needs its
    label in both languages (`nl`, `en`), unless `question` says which of the card's
    questions (1 = the first) the field answers, which then labels it.
    """

    id: Slug
    nl: str = ""
    en: str = ""
    colour: FieldColour | None = None
    question: int | None = Field(default=None, ge=1, strict=True)

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        if value in (FREE_FIELD, GROWTH_FIELD):
            raise ValueError(f"'{value}' is a field every card has already; choose another id")
        return value

    @model_validator(mode="after")
    def _labelled(self) -> FieldSpec:
        labels = {"nl": self.nl.strip(), "en": self.en.strip()}
        given = [lang for lang, text in labels.items() if text]
        if len(given) == 1:
            missing = "en" if given == ["nl"] else "nl"
            raise _rule(missing, f"field '{self.id}' has a label in {given[0]} only; add {missing} = \"...\"")
        if not given and self.question is None and self.id not in ALL_FIELDS:
            raise _rule("nl", f"field '{self.id}' needs a label: add nl = \"...\" and en = \"...\", "
                              "or question = N for the card question it answers")
        return self


class Card(_Strict):
    """One conversation card, in every language of its deck.

    Its note fields follow from its kind and its questions unless `fields` names them (see
    `core.card_fields.note_fields`). `leads_to_harvest` marks the card that hands over to the
    harvest (no fields of its own besides free notes and growth opportunities); `notes_from`
    names an earlier card whose notes the app shows beside this one.
    """

    id: Slug
    kind: Kind
    minutes: int = Field(ge=1, le=240, strict=True)
    dimensions: list[Dimension] = []
    values: list[CoreValue] = []
    fields: list[FieldSpec] | None = None
    leads_to_harvest: bool = Field(default=False, strict=True)
    notes_from: Slug | None = None
    nl: CardText
    en: CardText

    def text(self, lang: Lang) -> CardText:
        """The card's words in `lang`."""
        return self.nl if lang == "nl" else self.en

    @model_validator(mode="after")
    def _consistent(self) -> Card:
        if len(self.nl.questions) != len(self.en.questions):
            raise _rule(
                "en.questions",
                f"nl has {len(self.nl.questions)} questions and en has {len(self.en.questions)}; "
                "give every question in both languages",
            )
        ids = [spec.id for spec in self.fields or ()]
        for spec in self.fields or ():
            if ids.count(spec.id) > 1:
                raise _rule("fields", f"field '{spec.id}' is listed twice; list each field once")
            if spec.question is not None and spec.question > len(self.nl.questions):
                raise _rule(
                    "fields",
                    f"field '{spec.id}' answers question {spec.question}, but the card has "
                    f"{len(self.nl.questions)}; fix the number",
                )
        if self.notes_from == self.id:
            raise _rule("notes_from", "names the card itself; name an earlier card or remove it")
        return self


class DeckInfo(_Strict):
    """What `deck.toml` says about the deck as a whole."""

    id: Slug
    name: dict[Lang, NonEmpty]
    version: NonEmpty
    languages: list[Lang] = Field(min_length=1)
    default_agenda: list[str] = []


class Deck(_Strict):
    """A whole deck: its info and its cards, in deck order."""

    info: DeckInfo
    cards: list[Card]

    def card(self, card_id: str) -> Card:
        """The card with `card_id`; KeyError when the deck has none."""
        for card in self.cards:
            if card.id == card_id:
                return card
        raise KeyError(card_id)

    def has(self, card_id: str) -> bool:
        """Whether the deck holds a card with this id."""
        return any(card.id == card_id for card in self.cards)

    def of_kind(self, kind: Kind) -> list[Card]:
        """The cards of one kind, in deck order."""
        return [card for card in self.cards if card.kind == kind]


# --- the session -------------------------------------------------------------------------------


class _Record(BaseModel):
    """Session parts: mutable for the app, strict about unknown keys only at the top."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)


class TimerSnapshot(_Record):
    """A card timer as saved: enough to resume it, or to follow it from another process.

    `elapsed` is the time counted when the snapshot was taken at wall-clock `at`
    (seconds since the epoch); a follower adds `now - at` while `running`.
    """

    budget: int = Field(default=0, ge=0)
    elapsed: float = Field(default=0.0, ge=0)
    running: bool = False
    at: float = 0.0


class Opportunity(_Record):
    """A growth opportunity noted on a card, optionally tagged with a core value."""

    text: NonEmpty
    value: CoreValue | None = None


class LineTag(_Record):
    """A core value the team gave one line of a note field (a strength, a challenge).

    The line is named by its text, bullets stripped (see `notes.note_lines`): reworded on the
    card, it loses its tag, as a growth opportunity does.
    """

    field: str
    text: NonEmpty
    value: CoreValue


class CardRecord(_Record):
    """Everything a session holds for one visited card."""

    free: str = ""
    fields: dict[str, str] = {}
    growth: list[Opportunity] = []
    tags: list[LineTag] = []
    """Core values the team gave to lines of its fields (none by default: the team's act)."""
    timer: TimerSnapshot = TimerSnapshot()
    shown: float = Field(default=0.0, ge=0)
    """Seconds the card was on the facilitator's screen, timer or not."""

    @property
    def spent(self) -> float:
        """Seconds spent on the card: its time on screen, or its timer's count if that is more."""
        return max(self.timer.elapsed, self.shown)


class HarvestItem(_Record):
    """A growth opportunity in the harvest, with where it came from and its dots."""

    text: NonEmpty
    cards: list[str] = []
    value: CoreValue | None = None
    votes: int = Field(default=0, ge=0)
    absorbed: list[str] = []
    """Texts of card opportunities merged into this item (so they are not gathered again)."""
    parts: list[HarvestItem] = []
    """For a merge: the two items merged, each as it was just before (the one merged into
    first), so the merge can be shown and split again. Empty for an item that is no merge,
    or was merged by a version that kept texts only (`absorbed`)."""


class Step(_Record):
    """One step of the plan: what, who, by when."""

    what: NonEmpty
    who: str = ""
    due: dt.date | None = None
    done: bool = False


class Harvest(_Record):
    """What the team makes of the meeting: priorities, one question, a plan."""

    items: list[HarvestItem] = []
    removed: list[str] = []
    """Texts of card opportunities the team struck out (so they are not gathered again)."""
    dots_per_person: int = Field(default=3, ge=1, le=20)
    question: str = ""
    question_items: list[int] = []
    steps: list[Step] = []
    next_meeting: dt.date | None = None
    shown: float = Field(default=0.0, ge=0)
    """Seconds the harvest was on the facilitator's screen (part of the meeting's time)."""


Stage = Literal["cards", "harvest", "done"]


class Live(_Record):
    """Where the facilitator is, for resuming and for the audience view."""

    stage: Stage = "cards"
    position: int = Field(default=0, ge=0)
    blank: bool = False
    projection: bool = False
    shared_field: str = ""
    theme: str = ""
    # the room's screen (issue 13)
    scroll: float = Field(default=0.0, ge=0, le=1)
    """How far the facilitator scrolled the card: 0 at its top, 1 at its end (the room follows)."""
    harvest_step: str = ""
    """The harvest step on the facilitator's screen (`core.room.HARVEST_STEPS`), for the room."""


class Session(_Record):
    """One team meeting: who, which cards, what was said, and where it stands."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    schema_version: int = SCHEMA_VERSION
    team: NonEmpty
    facilitator: str = ""
    participants: list[str] = []
    date: dt.date
    language: Lang = "nl"
    deck_id: str
    deck_version: str
    deck_path: str = ""
    agenda: list[str] = Field(min_length=1)
    cards: dict[str, CardRecord] = {}
    harvest: Harvest = Harvest()
    live: Live = Live()
    created: dt.datetime
    updated: dt.datetime

    def record(self, card_id: str) -> CardRecord:
        """The record for `card_id`, created empty on first visit."""
        if card_id not in self.cards:
            self.cards[card_id] = CardRecord()
        return self.cards[card_id]

    @property
    def current_card(self) -> str | None:
        """The card id the facilitator is on, or None past the agenda."""
        if self.live.stage != "cards" or self.live.position >= len(self.agenda):
            return None
        return self.agenda[self.live.position]

    @property
    def total_spent(self) -> float:
        """Seconds the meeting took: every card, and the harvest."""
        return sum(record.spent for record in self.cards.values()) + self.harvest.shown
