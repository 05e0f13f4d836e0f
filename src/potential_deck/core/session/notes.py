"""Note fields per kind of card, and growth opportunities written one per line."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from potential_deck.core.choices import FIELDS, CoreValue, Kind
from potential_deck.core.text.compare import text_key

if TYPE_CHECKING:  # the models load after the first card is drawn (see core.deck.first_card)
    from potential_deck.core.session.models import CardRecord, HarvestItem, Opportunity, Session

TAGGED_FIELDS: tuple[str, ...] = FIELDS[Kind.ACTION]
"""The fields whose lines the team can tag with a core value (see `tag_line`)."""


def note_text(record: CardRecord, field: str) -> str:
    """The text of one note field: `free`, `growth` or a structured field."""
    if field == "free":
        return record.free
    if field == "growth":
        return growth_text(record)
    return record.fields.get(field, "")


def set_note(record: CardRecord, field: str, text: str) -> bool:
    """Store the text of one note field; whether anything changed."""
    if note_text(record, field) == text:
        return False
    if field == "free":
        record.free = text
    elif field == "growth":
        record.growth = parse_growth(text, record.growth)
    else:
        record.fields = {**record.fields, field: text}
        if any(tag.field == field for tag in record.tags):
            kept = set(note_lines(text))
            record.tags = [tag for tag in record.tags if tag.field != field or tag.text in kept]
    return True


def note_lines(text: str) -> list[str]:
    """The non-blank lines of a note, list bullets stripped: how a line is named for a tag."""
    found = []
    for line in text.splitlines():
        line = line.strip().lstrip("-•*").strip()
        if line:
            found.append(line)
    return found


# --- strengths and challenges tagged with a core value: the team's act ------------------------


def line_values(record: CardRecord, field: str) -> list[tuple[str, CoreValue | None]]:
    """The lines of a field with the core value the team gave each (None: not tagged)."""
    tags = {tag.text: tag.value for tag in record.tags if tag.field == field}
    return [(line, tags.get(line)) for line in note_lines(record.fields.get(field, ""))]


def tag_line(record: CardRecord, field: str, text: str, value: CoreValue | None) -> bool:
    """Tag a line of a field with a core value (None takes the tag off); whether it changed.

    The line is named by its text as `note_lines` gives it; LookupError when the field has
    no such line. Rewording the line on the card later takes its tag off (see `set_note`).
    """
    from potential_deck.core.session.models import LineTag

    if text not in note_lines(record.fields.get(field, "")):
        raise LookupError(text)
    if dict(line_values(record, field)).get(text) == value:
        return False
    others = [tag for tag in record.tags if not (tag.field == field and tag.text == text)]
    record.tags = others if value is None else [*others, LineTag(field=field, text=text, value=value)]
    return True


def cycle_line_value(record: CardRecord, field: str, text: str) -> CoreValue | None:
    """The next core value for a line: none → the four values in turn → none; the new value."""
    current = dict(line_values(record, field)).get(text)
    order: list[CoreValue | None] = [None, *CoreValue]
    following = order[(order.index(current) + 1) % len(order)]
    tag_line(record, field, text, following)
    return following


class TaggedLine(NamedTuple):
    """A strength or a challenge of the meeting, with the core value the team gave it."""

    card_id: str
    field: str
    """`strengths` or `challenges` (see `TAGGED_FIELDS`)."""
    text: str
    value: CoreValue | None
    """None: the team did not tag it (it is reported as such)."""


def tagged_lines(session: Session) -> list[TaggedLine]:
    """Every strength and challenge written on the cards, card by card in agenda order (then
    cards off the agenda), strengths before challenges, each with its core value or None."""
    order = [*dict.fromkeys(session.agenda), *session.cards]
    found: list[TaggedLine] = []
    for card_id in dict.fromkeys(order):
        record = session.cards.get(card_id)
        if record is None:
            continue
        for field in TAGGED_FIELDS:
            lines = line_values(record, field)
            found.extend(TaggedLine(card_id, field, text, value) for text, value in lines)
    return found


def growth_text(record: CardRecord) -> str:
    """A card's growth opportunities as text, one per line."""
    return "\n".join(item.text for item in record.growth)


def parse_growth(text: str, previous: list[Opportunity]) -> list[Opportunity]:
    """Opportunities from text, one per non-blank line; a line kept as it was keeps its tag."""
    from potential_deck.core.session.models import Opportunity

    tags = {item.text: item.value for item in previous}
    items: list[Opportunity] = []
    for line in text.splitlines():
        line = line.strip().lstrip("-•*").strip()
        if line:
            items.append(Opportunity(text=line, value=tags.get(line)))
    return items


def has_notes(record: CardRecord) -> bool:
    """Whether anything was written on the card."""
    return bool(record.free.strip() or record.growth or any(v.strip() for v in record.fields.values()))


def harvest_list(session: Session) -> list[HarvestItem]:
    """The harvest list: what it holds, plus every card opportunity not yet in it."""
    return harvest_list_and_links(session).items


class HarvestList(NamedTuple):
    """The harvest list, and the learning question's links as indexes into it."""

    items: list[HarvestItem]
    question_items: list[int]


def harvest_list_and_links(session: Session) -> HarvestList:
    """The harvest list (see `harvest_list`) with the question's links following their items.

    An item taken from a card that the team has not worked on yet (no dots, no core value,
    nothing merged or reworded, not linked to the question) goes when its line is no longer on
    any card: the facilitator reworded or deleted it there, and the new wording comes in as
    any card line does. An item the team worked on stays, whatever happens on the cards.
    """
    from potential_deck.core.session.models import HarvestItem

    on_cards = {
        text_key(opp.text)
        for card_id in session.agenda
        if (record := session.cards.get(card_id)) is not None
        for opp in record.growth
    }
    linked = set(session.harvest.question_items)
    items: list[HarvestItem] = []
    moved: dict[int, int] = {}
    for index, item in enumerate(session.harvest.items):
        untouched = not (item.votes or item.value or item.absorbed or item.parts or index in linked)
        if item.cards and untouched and text_key(item.text) not in on_cards:
            continue
        moved[index] = len(items)
        # a shallow copy: the harvest's rules rebind an item's fields (`cards` below too), they
        # never change its lists in place (a deep copy was a quarter of `summary`'s time)
        items.append(item.model_copy())
    by_text = {text_key(item.text): item for item in items}
    for item in items:
        for text in item.absorbed:
            by_text.setdefault(text_key(text), item)
    skipped = {text_key(text) for text in session.harvest.removed}
    for card_id in session.agenda:
        record = session.cards.get(card_id)
        if record is None:
            continue
        for opp in record.growth:
            if text_key(opp.text) in skipped:
                continue
            existing = by_text.get(text_key(opp.text))
            if existing is None:
                item = HarvestItem(text=opp.text, cards=[card_id], value=opp.value)
                items.append(item)
                by_text[text_key(opp.text)] = item
            elif card_id not in existing.cards:
                existing.cards = [*existing.cards, card_id]
    return HarvestList(items, [moved[i] for i in session.harvest.question_items if i in moved])
