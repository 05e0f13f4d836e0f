"""A card's note fields: which, in which order, with which label and colour.

`note_fields(card, record)` is the one answer every part asks (the notes panel, the share
key, the audience view, the summary and the exports): free notes first, then the card's own
fields, then growth opportunities. A card's own fields come from its deck (`fields`) or else
from its kind and its questions:

- a start card: what we see in our practice (`seen`);
- a dialogue card: the three guide questions (`did`, `worked`, `satisfaction`), and one field
  for each of its other questions (`q4` for the fourth), labelled by that question;
- an action card: strengths and challenges; none for the card that leads to the harvest,
  which does that work itself.

Nothing written is ever hidden: with the card's `record`, notes saved under a field the card
no longer lists follow its own fields (`listed` False), labelled as well as we can.

No pydantic here: the card screen asks before the models would otherwise be needed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from potential_deck.core.choices import ALL_FIELDS, FIELDS, FREE_FIELD, GROWTH_FIELD, FieldColour, Kind, Lang
from potential_deck.core.text.i18n import STRINGS

if TYPE_CHECKING:
    from potential_deck.core.session.models import Card, CardRecord, Session


class _Words(Protocol):
    @property
    def questions(self) -> Sequence[str]: ...


class _FieldSpec(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def nl(self) -> str: ...
    @property
    def en(self) -> str: ...
    @property
    def colour(self) -> FieldColour | None: ...
    @property
    def question(self) -> int | None: ...


class CardLike(Protocol):
    """What `note_fields` reads of a card: a `Card`, or `core.deck.first_card`'s plain stand-in."""

    @property
    def kind(self) -> Kind: ...
    @property
    def fields(self) -> Sequence[_FieldSpec] | None: ...
    @property
    def leads_to_harvest(self) -> bool: ...
    @property
    def nl(self) -> _Words: ...
    @property
    def en(self) -> _Words: ...


class RecordLike(Protocol):
    """What `note_fields` reads of a card's record: its structured fields."""

    @property
    def fields(self) -> Mapping[str, str]: ...


GUIDE_FIELDS: tuple[str, ...] = FIELDS[Kind.DIALOGUE]
"""The fields of the three guide questions every dialogue card asks."""

COLOUR_HEX: dict[FieldColour, str] = {
    FieldColour.BLUE: "#1d4ed8",
    FieldColour.RED: "#b91c1c",
    FieldColour.ORANGE: "#c2410c",
    FieldColour.GREEN: "#047857",
    FieldColour.YELLOW: "#a16207",
    FieldColour.PURPLE: "#6d28d9",
}
"""Each field colour as a hex colour dark enough for white paper and a light theme."""


@dataclass(frozen=True, slots=True)
class NoteField:
    """One note field of a card: where its text is saved (`id`), its label, its colour."""

    id: str
    labels: tuple[str, str]
    """The label in Dutch and in English."""
    colour: FieldColour | None = None
    listed: bool = True
    """False for notes saved under a field the card does not (or no longer) list."""

    def label(self, lang: Lang) -> str:
        """The label in `lang`."""
        return self.labels[0] if lang == "nl" else self.labels[1]

    @property
    def hex(self) -> str | None:
        """The colour as `#rrggbb`, or None."""
        return COLOUR_HEX[self.colour] if self.colour else None


def note_fields(card: CardLike | None, record: RecordLike | None = None) -> tuple[NoteField, ...]:
    """The note fields of `card` in order: free notes, its own fields, growth opportunities.

    With `record` (what a session holds for the card), notes saved under a field the card does
    not list come after its own fields, so nothing written is hidden. `card` None (the deck
    lacks the card) lists only the fields `record` has text in.
    """
    own = card_fields(card) if card is not None else ()
    listed = {field.id for field in own}
    others = tuple(_builtin(name, listed=False) for name in _saved(record) if name not in listed)
    return (_builtin(FREE_FIELD), *own, *others, _builtin(GROWTH_FIELD))


def card_fields(card: CardLike) -> tuple[NoteField, ...]:
    """The card's own fields, without free notes and growth opportunities."""
    if card.fields is not None:
        return tuple(
            NoteField(spec.id, _spec_labels(card, spec.id, spec.nl, spec.en, spec.question), spec.colour)
            for spec in card.fields
        )
    if card.kind == Kind.DIALOGUE:
        guides = {_builtin_nl(name) for name in GUIDE_FIELDS}
        extra = tuple(
            NoteField(f"q{number}", (question, card.en.questions[number - 1]))
            for number, question in enumerate(card.nl.questions, start=1)
            if question not in guides
        )
        return (*(_builtin(name) for name in GUIDE_FIELDS), *extra)
    if card.kind == Kind.ACTION and card.leads_to_harvest:
        return ()
    return tuple(_builtin(name) for name in FIELDS[card.kind])


def field_ids(card: Card | None, record: CardRecord | None = None) -> tuple[str, ...]:
    """The ids of `note_fields(card, record)`, in order."""
    return tuple(field.id for field in note_fields(card, record))


def field_label(card: Card | None, field_id: str, lang: Lang) -> str:
    """The label of one field of `card` (or of any field, when the card does not list it)."""
    for field in note_fields(card):
        if field.id == field_id:
            return field.label(lang)
    return _builtin(field_id).label(lang)


def notes_beside(card: Card, session: Session) -> tuple[str, CardRecord] | None:
    """The earlier card whose notes `card` asks for (`notes_from`) and what the session holds
    for it, or None when the card asks for none or nothing was written there yet."""
    if card.notes_from is None:
        return None
    record = session.cards.get(card.notes_from)
    if record is None:
        return None
    from potential_deck.core.session.notes import has_notes

    return (card.notes_from, record) if has_notes(record) else None


# --- helpers ----------------------------------------------------------------------------------


def _builtin_nl(field_id: str) -> str:
    """The Dutch label of a built-in field (for the three guide questions: the question itself)."""
    return STRINGS[f"field.{field_id}"][0]


def _builtin(field_id: str, *, listed: bool = True) -> NoteField:
    """A field known by its id alone: a built-in label, else the id itself."""
    labels = STRINGS.get(f"field.{field_id}", (field_id, field_id))
    return NoteField(field_id, labels, None, listed)


def _spec_labels(card: CardLike, field_id: str, nl: str, en: str, question: int | None) -> tuple[str, str]:
    """A named field's labels: the deck's, else its question's, else the built-in ones."""
    if nl.strip() and en.strip():
        return nl.strip(), en.strip()
    if question is not None:
        return card.nl.questions[question - 1], card.en.questions[question - 1]
    return _builtin(field_id).labels


def _saved(record: RecordLike | None) -> list[str]:
    """Field ids with text in `record`: the built-in ones in their order, then the others."""
    if record is None:
        return []
    filled = [name for name, text in record.fields.items() if text.strip()]
    return [name for name in ALL_FIELDS if name in filled] + sorted(
        name for name in filled if name not in ALL_FIELDS
    )
