"""Note fields per kind of card, and growth opportunities written one per line."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # the models load after the first card is drawn (see core.first_card)
    from potential_deck.core.models import CardRecord, HarvestItem, Opportunity, Session



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
    return True


def growth_text(record: CardRecord) -> str:
    """A card's growth opportunities as text, one per line."""
    return "\n".join(item.text for item in record.growth)


def parse_growth(text: str, previous: list[Opportunity]) -> list[Opportunity]:
    """Opportunities from text, one per non-blank line; a line kept as it was keeps its tag."""
    from potential_deck.core.models import Opportunity

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


def gather(session: Session) -> list[HarvestItem]:
    """The harvest list: what it holds, plus every card opportunity not yet in it."""
    return gathered(session).items


class Gathered(NamedTuple):
    """The harvest list, and the learning question's links as indexes into it."""

    items: list[HarvestItem]
    question_items: list[int]


def gathered(session: Session) -> Gathered:
    """The harvest list (see `gather`) with the question's links following their items.

    An item taken from a card that the team has not worked on yet (no dots, no core value,
    nothing merged or reworded, not linked to the question) goes when its line is no longer on
    any card: the facilitator reworded or deleted it there, and the new wording comes in as
    any card line does. An item the team worked on stays, whatever happens on the cards.
    """
    from potential_deck.core.models import HarvestItem

    on_cards = {
        _key(opp.text)
        for card_id in session.agenda
        if (record := session.cards.get(card_id)) is not None
        for opp in record.growth
    }
    linked = set(session.harvest.question_items)
    items: list[HarvestItem] = []
    moved: dict[int, int] = {}
    for index, item in enumerate(session.harvest.items):
        untouched = not (item.votes or item.value or item.absorbed or index in linked)
        if item.cards and untouched and _key(item.text) not in on_cards:
            continue
        moved[index] = len(items)
        items.append(item.model_copy(deep=True))
    by_text = {_key(item.text): item for item in items}
    for item in items:
        for text in item.absorbed:
            by_text.setdefault(_key(text), item)
    skipped = {_key(text) for text in session.harvest.removed}
    for card_id in session.agenda:
        record = session.cards.get(card_id)
        if record is None:
            continue
        for opp in record.growth:
            if _key(opp.text) in skipped:
                continue
            existing = by_text.get(_key(opp.text))
            if existing is None:
                item = HarvestItem(text=opp.text, cards=[card_id], value=opp.value)
                items.append(item)
                by_text[_key(opp.text)] = item
            elif card_id not in existing.cards:
                existing.cards = [*existing.cards, card_id]
    return Gathered(items, [moved[i] for i in session.harvest.question_items if i in moved])


def _key(text: str) -> str:
    return " ".join(text.casefold().split())
