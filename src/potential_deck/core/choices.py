"""The deck's fixed words: card kinds, diversity dimensions, core values, languages.

Plain enums and literals, no pydantic, so that the first card can be drawn before the
models load (see `core.deck.first_card`); `core.session.models` re-exports them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")

Stage = Literal["cards", "harvest", "done"]
"""Where a meeting is: on its cards, at the harvest, or done."""
STAGES: tuple[Stage, ...] = ("cards", "harvest", "done")


class Kind(StrEnum):
    """The three kinds of card in the box, in the order a meeting uses them."""

    START = "start"
    DIALOGUE = "dialogue"
    ACTION = "action"


class Dimension(StrEnum):
    """Diversity dimensions a card is about; `intersection` only where differences meet.

    The first five are the ones Flexio's start card frames; ProuD to Teach All adds language,
    LGBTIQ+-related questions and higher or lower cognitive functioning, and names family
    characteristics among what teachers should understand. Values are only ever added, never
    renamed or removed, so decks written before still load.
    """

    ETHNIC_CULTURAL = "ethnic-cultural"
    LANGUAGE = "language"
    SOCIO_ECONOMIC = "socio-economic"
    RELIGION = "religion"
    GENDER = "gender"
    GENDER_IDENTITY = "gender-identity"
    """Gender identity and sexual orientation: LGBTIQ+-related questions."""
    FAMILY = "family"
    """Family diversity: the forms and situations of pupils' families."""
    COGNITIVE = "cognitive"
    """Differences in cognitive functioning, higher as well as lower."""
    DISABILITY = "disability"
    INTERSECTION = "intersection"


class CoreValue(StrEnum):
    """The four core values of the EASNIE Profile of Inclusive Teachers (2022)."""

    VALUING_DIVERSITY = "valuing-diversity"
    SUPPORTING_ALL = "supporting-all-learners"
    WORKING_WITH_OTHERS = "working-with-others"
    PROFESSIONAL_DEVELOPMENT = "professional-development"


class FieldColour(StrEnum):
    """Colours a deck may give a note field (BRUG: blue, orange, green); the report shows them."""

    BLUE = "blue"
    RED = "red"
    ORANGE = "orange"
    GREEN = "green"
    YELLOW = "yellow"
    PURPLE = "purple"


FREE_FIELD = "free"
"""The free notes every card has, first."""

GROWTH_FIELD = "growth"
"""The growth opportunities every card has, last, one per line."""

FIELDS: dict[Kind, tuple[str, ...]] = {
    Kind.START: ("seen",),
    Kind.DIALOGUE: ("did", "worked", "satisfaction"),
    Kind.ACTION: ("strengths", "challenges"),
}
"""The structured note fields a card of each kind has unless its deck says otherwise: the one
list of them. Which fields one card has: `core.deck.fields.note_fields`, the one function
every part asks."""

ALL_FIELDS: tuple[str, ...] = tuple(name for kind in Kind for name in FIELDS[kind])
"""The built-in field ids, in kind order: their labels are in `core.text.i18n`; saved notes
keep their meaning."""


# --- a team's year (issue 14) -----------------------------------------------------------------


class Collaboration(StrEnum):
    """Forms of collaboration a step or a logged activity takes (contact hours per form).

    The Flexio text names co-teaching, collegial consultation and a learning network (on site
    and online); ProuD to Teach All names lesson study and peer coaching.
    """

    CO_TEACHING = "co-teaching"
    LESSON_STUDY = "lesson-study"
    COLLEGIAL_CONSULTATION = "collegial-consultation"
    CLASS_VISIT = "class-visit"
    TEAM_MEETING = "team-meeting"
    LEARNING_NETWORK = "learning-network"
    ONLINE_SESSION = "online-session"
    OTHER = "other"


class StepStatus(StrEnum):
    """Where a step of the plan stands: still open, done, carried over to a later date, dropped."""

    OPEN = "open"
    DONE = "done"
    CARRIED = "carried"
    DROPPED = "dropped"
