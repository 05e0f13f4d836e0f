"""The deck and the session as pydantic models: the one contract every part shares."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator
from pydantic_core import PydanticCustomError

from potential_deck.core.choices import ALL_FIELDS, FREE_FIELD, GROWTH_FIELD

# The fixed words live in core.choices (no pydantic there); re-exported for the models' users.
from potential_deck.core.choices import LANGS as LANGS
from potential_deck.core.choices import Collaboration as Collaboration
from potential_deck.core.choices import CoreValue as CoreValue
from potential_deck.core.choices import Dimension as Dimension
from potential_deck.core.choices import FieldColour as FieldColour
from potential_deck.core.choices import Kind as Kind
from potential_deck.core.choices import Lang as Lang
from potential_deck.core.choices import Stage as Stage
from potential_deck.core.choices import StepStatus as StepStatus
from potential_deck.core.session.migrate import SCHEMA_VERSION as SCHEMA_VERSION
from potential_deck.core.text.compare import text_key

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
            key = text_key(question)
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
            raise _rule(
                "nl",
                f'field \'{self.id}\' needs a label: add nl = "..." and en = "...", '
                "or question = N for the card question it answers",
            )
        return self


class Card(_Strict):
    """One conversation card, in every language of its deck.

    Its note fields follow from its kind and its questions unless `fields` names them (see
    `core.deck.fields.note_fields`). `leads_to_harvest` marks the card that hands over to the
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


def short_id() -> str:
    """A new random id for a step, an activity or a harvest item (unique enough within one team)."""
    return uuid.uuid4().hex[:8]


class FromRoom(_Record):
    """Where a harvest item sent from a participant's phone came from (issue 17)."""

    by: str = ""
    """The name the participant gave; empty when it was sent anonymously (no trace of who)."""
    card: str = ""
    """The card on the facilitator's screen when it was sent ('' at the harvest)."""


class HarvestItem(_Record):
    """A growth opportunity in the harvest, with where it came from and its dots.

    `votes` are the dots entered by hand (the facilitator's `+`); dots placed from phones are
    kept per participant in `Session.room` and added to them (`core.room.contributions.total`).
    """

    id: str = Field(default_factory=short_id)
    """Stable while the item lives (phones' dots name it); a merge keeps the target's."""
    text: NonEmpty
    cards: list[str] = []
    value: CoreValue | None = None
    votes: int = Field(default=0, ge=0)
    room: FromRoom | None = None
    """Set when the item was sent from a participant's phone."""
    hidden: bool = False
    """Hidden by the facilitator: never shown to the room or to the phones."""
    absorbed: list[str] = []
    """Texts of card opportunities merged into this item (so they are not gathered again)."""
    parts: list[HarvestItem] = []
    """For a merge: the two items merged, each as it was just before (the one merged into
    first), so the merge can be shown and split again. Empty for an item that is no merge,
    or was merged by a version that kept texts only (`absorbed`)."""


def session_id() -> str:
    """A new random id for a session: it stays the same when the file is renamed or moved."""
    return uuid.uuid4().hex


class Origin(_Record):
    """The session a step was first planned in: its id (what counts), date and file name (a hint)."""

    session: str
    date: dt.date
    file: str = ""


class Step(_Record):
    """One step of the plan: what, who, by when, how the team works on it, and where it stands.

    A step carried over from an earlier meeting keeps its `id` and gets an `origin` (the
    session it was first planned in), so it is the same step wherever it turns up.
    """

    id: str = Field(default_factory=short_id)
    what: NonEmpty
    who: str = ""
    due: dt.date | None = None
    form: Collaboration | None = None
    """The form of collaboration (co-teaching, lesson study, ...), when the team chose one."""
    hours: float = Field(default=0.0, ge=0, le=1000)
    """Planned hours: they count as contact hours once the step is done."""
    status: StepStatus = StepStatus.OPEN
    settled: dt.date | None = None
    """When it was marked done, carried over or dropped."""
    origin: Origin | None = None

    @model_validator(mode="before")
    @classmethod
    def _done_flag(cls, data: Any) -> Any:
        """`done=True` (schema 1, and callers that still say so) means status done."""
        if isinstance(data, dict) and "done" in data:
            data = dict(data)
            done = data.pop("done")
            if not isinstance(done, bool):
                raise ValueError("done must be true or false, without quotes")  # never the value
            if done and "status" not in data:
                data["status"] = StepStatus.DONE
        return data

    @property
    def done(self) -> bool:
        """Whether the step is done."""
        return self.status == StepStatus.DONE

    @done.setter
    def done(self, value: bool) -> None:
        self.status = StepStatus.DONE if value else StepStatus.OPEN


class Review(Step):
    """A step still open from an earlier session, as the team looked back on it at this meeting.

    `status` is what the team decided here (open: not yet), `settled` when; `due` is the date
    it had, `new_due` the date it was carried over to; `learned` what the team learned from it.
    """

    new_due: dt.date | None = None
    learned: str = ""


class LookBack(_Record):
    """The start of a returning team's meeting: last time's question and the steps still open."""

    question: str = ""
    question_date: dt.date | None = None
    steps: list[Review] = []
    names: list[str] = []
    """Everyone named in the sessions looked back on (their steps may name them): anonymised too."""
    shown: float = Field(default=0.0, ge=0)
    """Seconds the look back was on the facilitator's screen (part of the meeting's time)."""


class Activity(_Record):
    """Collaboration logged by hand for the contact hours: a class visit, a network day, ..."""

    id: str = Field(default_factory=short_id)
    date: dt.date
    form: Collaboration
    hours: float = Field(gt=0, le=1000)
    who: str = ""
    note: str = ""


class Harvest(_Record):
    """What the team makes of the meeting: priorities, one question, a plan."""

    items: list[HarvestItem] = []
    removed: list[str] = []
    """Words of the items the team struck out, from the cards or its own: gathering leaves them
    out, and they can be brought back (`core.harvest.struck`)."""
    dots_per_person: int = Field(default=3, ge=1, le=20)
    question: str = ""
    question_items: list[int] = []
    steps: list[Step] = []
    next_meeting: dt.date | None = None
    shown: float = Field(default=0.0, ge=0)
    """Seconds the harvest was on the facilitator's screen (part of the meeting's time)."""


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
    """The harvest step on the facilitator's screen (`core.room.follow.HARVEST_STEPS`), for the room."""
    lookback: bool = False
    """The facilitator's screen shows the look back (`core.room.follow.room_lookback`), for the room."""
    # participants' phones (issue 17)
    join_url: str = ""
    """The address phones open to join, with its code, while joining is on ('' when off)."""
    join_code: str = ""
    """The join code, as people type it, while joining is on."""
    join_shown: bool = False
    """The facilitator shows the room how to join: the QR code large on the room's screen."""


class Room(_Record):
    """Participants' phones (issue 17): whether they may vote, and the dots each placed.

    Kept outside `harvest` so that undoing the facilitator's own steps never takes away what a
    participant did. `dots` maps a participant's voter key (a hash of the phone's random token,
    no name) to the item ids (`HarvestItem.id`) and the dots placed on each.
    """

    vote_open: bool = False
    dots: dict[str, dict[str, int]] = {}


class Session(_Record):
    """One team meeting: who, which cards, what was said, and where it stands."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    schema_version: int = SCHEMA_VERSION
    id: str = Field(default_factory=session_id, min_length=1)
    """Stable across renaming: steps carried over point at it (`Origin.session`)."""
    team: NonEmpty
    facilitator: str = ""
    participants: list[str] = []
    """Names, optional: used to anonymise exports."""
    people: int = Field(default=0, ge=0, le=1000)
    """How many people took part (0: not given); the dot budget uses it."""
    date: dt.date
    language: Lang = "nl"
    deck_id: str
    deck_version: str
    deck_path: str = ""
    agenda: list[str] = Field(min_length=1)
    cards: dict[str, CardRecord] = {}
    harvest: Harvest = Harvest()
    lookback: LookBack = LookBack()
    activities: list[Activity] = []
    """Collaboration logged by hand for the team's contact hours (see core.year.activities)."""
    live: Live = Live()
    room: Room = Room()
    """Participants' phones: the vote and their dots (issue 17)."""
    created: dt.datetime
    updated: dt.datetime

    @field_validator("schema_version")
    @classmethod
    def _current_schema(cls, version: int) -> int:
        """Only data at the current schema: older data goes through `migrate` first (a cached
        copy made by an older version is read from its file again)."""
        from potential_deck.core.session import migrate

        if version != migrate.SCHEMA_VERSION:
            raise ValueError(f"schema {version} data must be migrated to {migrate.SCHEMA_VERSION}")
        return version

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
        cards = sum(record.spent for record in self.cards.values())
        return cards + self.harvest.shown + self.lookback.shown

    @property
    def people_count(self) -> int:
        """How many people took part: the number given, else the names listed (0: unknown)."""
        return self.people or len(self.participants)
