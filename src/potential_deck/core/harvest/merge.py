"""Merges the team can see and reverse: a merged item holds what it was made of.

`merge` keeps both items as they were in the merged item's `parts` (wording, core value, dots,
cards, their own merges), so the screen can show the wordings a merge holds (`wordings`,
`held`), the edit dialog can offer them for one combined wording, and `split` gives the items
back. Two items with different core values are not merged on one of them silently: the screen
asks (`merge_choices`) and passes the facilitator's choice. `core.harvest.rules` re-exports these.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from potential_deck.core.session.models import CoreValue, HarvestItem, Session
from potential_deck.core.text.compare import text_key
from potential_deck.core.text.i18n import t, value_label


class ValueChoice(ValueError):
    """Items with different core values cannot be merged without a choice; the message says so."""

    def __init__(self, message: str, choices: tuple[CoreValue, ...]) -> None:
        super().__init__(message)
        self.choices = choices
        """The core values to choose from (the merged items' own, in the order of `CoreValue`)."""


def merge_choices(session: Session, source: int, target: int) -> tuple[CoreValue, ...]:
    """The core values the facilitator must choose between to merge `source` into `target`.

    Empty when there is nothing to choose: the items share a value, or at most one has one.
    """
    items = session.harvest.items
    values = {items[source].value, items[target].value} - {None}
    if source == target or len(values) < 2:
        return ()
    return tuple(value for value in CoreValue if value in values)


def merge(
    session: Session,
    source: int,
    target: int,
    value: CoreValue | Literal["ask", "target"] | None = "ask",
) -> int:
    """Merge item `source` into item `target`; the merged item's index.

    The merged item keeps the target's wording and place, the texts, cards and dots of both,
    and both items as they were (`parts`), so `split` gives them back and `held` shows them.
    Its core value, when the two items have different ones (`merge_choices`):

    - a CoreValue or None (no value): the facilitator's choice;
    - "ask" (the default): nothing changes, ValueChoice says a choice is needed and between
      which values (the screen then asks the facilitator; nothing is dropped silently);
    - "target": the target's value (the other stays in its part).

    Without a difference there is nothing to choose: the value they share, or the one of
    them that has one (an explicit CoreValue or None still wins).
    """
    harvest = session.harvest
    if source == target:
        return target
    into, merged = harvest.items[target], harvest.items[source]
    choices = merge_choices(session, source, target)
    if value == "ask" and choices:
        labels = " / ".join(value_label(session.language, choice) for choice in choices)
        raise ValueChoice(t(session.language, "harvest.merge_choose", values=labels), choices)
    if value in ("ask", "target"):
        value = into.value or merged.value
    combined = HarvestItem(
        id=into.id,  # phones' dots on either still count (`contributions.item_ids`)
        text=into.text,
        cards=list(dict.fromkeys([*into.cards, *merged.cards])),
        value=value,
        votes=into.votes + merged.votes,
        absorbed=unique_texts([*into.absorbed, merged.text, *merged.absorbed], exclude=into.text),
        parts=[into.model_copy(deep=True), merged.model_copy(deep=True)],
        room=into.room,  # the wording kept is the target's: so is where it came from
        hidden=into.hidden,
    )
    linked = set(harvest.question_items)
    if source in linked:
        linked.add(target)
    harvest.question_items = reindexed(sorted(linked), source)
    harvest.items = [combined if i == target else item for i, item in enumerate(harvest.items) if i != source]
    return target - 1 if source < target else target


def can_split(item: HarvestItem) -> bool:
    """Whether `split` can give back the items merged into `item`."""
    return bool(item.parts)


def split(session: Session, index: int) -> list[int]:
    """Undo the merge that made item `index`: the items merged, as they were, in its place.

    What changed on the merged item since (a new wording, dots, a value) goes with it. The
    items come back linked to the question when the merged item was. Their indexes.
    ValueError, in the session's language, for an item that is no merge, or one merged by a
    version that kept only texts.
    """
    harvest = session.harvest
    item = harvest.items[index]
    if not can_split(item):
        raise ValueError(t(session.language, "harvest.cannot_split", text=item.text))
    parts = [part.model_copy(deep=True) for part in item.parts]
    extra = len(parts) - 1
    linked = index in harvest.question_items
    links = {i + extra if i > index else i for i in harvest.question_items}
    if linked:
        links |= set(range(index, index + len(parts)))
    harvest.items = [*harvest.items[:index], *parts, *harvest.items[index + 1 :]]
    harvest.question_items = sorted(links)
    return list(range(index, index + len(parts)))


def wordings(item: HarvestItem) -> list[str]:
    """Every wording an item holds: its own, then those of the items merged into it, no repeats.

    For the list (on demand) and the edit dialog, to write one wording for a merge.
    """
    return unique_texts([item.text, *(text for part in item.parts for text in wordings(part))])


def held(item: HarvestItem) -> list[HarvestItem]:
    """The items a merge is made of, down to those never merged (the item itself if it is none)."""
    if not item.parts:
        return [item]
    return [leaf for part in item.parts for leaf in held(part)]


# --- shared with core.harvest.rules -----------------------------------------------------------------


def unique_texts(texts: Iterable[str], exclude: str | None = None) -> list[str]:
    """Texts without repeats (by `text_key`), in order, leaving out `exclude`."""
    seen = {text_key(exclude)} if exclude else set()
    kept = []
    for text in texts:
        if text_key(text) not in seen:
            seen.add(text_key(text))
            kept.append(text)
    return kept


def reindexed(indexes: Iterable[int], removed: int) -> list[int]:
    """Indexes into a list after the item at `removed` left it (that one's index dropped)."""
    return sorted({i - 1 if i > removed else i for i in indexes if i != removed})
