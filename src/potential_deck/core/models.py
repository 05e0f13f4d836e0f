"""The deck and the session as pydantic models: the one contract every part shares."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from potential_deck.core.migrate import SCHEMA_VERSION as SCHEMA_VERSION

# The fixed words live in core.vocab (no pydantic there); re-exported for the models' users.
from potential_deck.core.vocab import LANGS as LANGS
from potential_deck.core.vocab import CoreValue as CoreValue
from potential_deck.core.vocab import Dimension as Dimension
from potential_deck.core.vocab import Kind as Kind
from potential_deck.core.vocab import Lang as Lang

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CardText(_Strict):
    """A card's words in one language."""

    title: NonEmpty
    intro: NonEmpty
    questions: list[NonEmpty] = Field(min_length=1)
    tip: str = ""


class Card(_Strict):
    """One conversation card, in every language of its deck."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    kind: Kind
    minutes: int = Field(ge=1, le=240)
    dimensions: list[Dimension] = []
    values: list[CoreValue] = []
    nl: CardText
    en: CardText

    def text(self, lang: Lang) -> CardText:
        """The card's words in `lang`."""
        return self.nl if lang == "nl" else self.en


class DeckInfo(_Strict):
    """What `deck.toml` says about the deck as a whole."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
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


class CardRecord(_Record):
    """Everything a session holds for one visited card."""

    free: str = ""
    fields: dict[str, str] = {}
    growth: list[Opportunity] = []
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
