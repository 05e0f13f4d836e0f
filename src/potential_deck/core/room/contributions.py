"""What participants send from their phones, and their dots: the rules on the session (issue 17).

- **A contribution** is a growth opportunity sent from a phone: it becomes a harvest item
  marked as coming from the room (`HarvestItem.room`: the name given, or nothing when sent
  anonymously), editable, mergeable and strikable like any other. A **note** is a line added
  to the note field the facilitator shares with the room (`room_line` words it).
- **Hidden** items (the facilitator's choice) are never shown to the room or to the phones
  (`for_room`), and their phone dots do not count.
- **Dots from phones** are kept per participant in `Session.room.dots` (voter key → item id →
  dots), outside the harvest, so undoing the facilitator's own steps never takes them away. An
  item's total is its hand dots plus the phone dots placed on it or on an item merged into it
  (`total`), so the two add up and none counts twice. A participant places at most the dots
  per person the facilitator set, and only while the vote is open.

Text is cleaned on the way in (`clean_text.clean`) and limited in length; errors are
`Refused` with a key of `i18n_join` that the phone shows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from potential_deck.core.text.clean import clean

if TYPE_CHECKING:
    from potential_deck.core.session.models import HarvestItem, Session

MAX_TEXT = 280
"""The longest contribution or note, in characters (a tweet: one idea)."""
MAX_NAME = 40
"""The longest name a participant can give."""


class Refused(ValueError):
    """What a phone asked for cannot be done; `key` names the message (`join.error.<key>`)."""

    def __init__(self, key: str, status: int = 400) -> None:
        super().__init__(key)
        self.key = key
        self.status = status


def one_line(text: str, limit: int) -> str:
    """`text` cleaned, on one line, spaces squeezed; Refused when empty or longer than `limit`."""
    cleaned = " ".join(clean(text).split())
    if not cleaned:
        raise Refused("empty")
    if len(cleaned) > limit:
        raise Refused("too_long")
    return cleaned


def name_given(name: str) -> str:
    """The participant's name as they typed it (cleaned), '' for none; Refused when too long."""
    cleaned = " ".join(clean(name).split())
    if len(cleaned) > MAX_NAME:
        raise Refused("name_too_long")
    return cleaned


def voter_key(token: str) -> str:
    """The key a phone's dots are kept under: a hash of its random token (the token stays secret)."""
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()[:16]


# --- contributions -------------------------------------------------------------------------------


def contribute(session: Session, text: str, by: str = "") -> HarvestItem:
    """Add a growth opportunity sent from a phone to the harvest list; the new item.

    `by` is the name to show ('' for anonymous). It remembers the card on screen, so the
    facilitator sees where in the meeting it came in.
    """
    from potential_deck.core.session.models import FromRoom, HarvestItem

    item = HarvestItem(
        text=one_line(text, MAX_TEXT), room=FromRoom(by=name_given(by), card=session.current_card or "")
    )
    session.harvest.items = [*session.harvest.items, item]
    return item


def room_line(text: str, by: str = "") -> str:
    """A note line sent from a phone, as it is added to the shared field: 'text (name)'."""
    line = one_line(text, MAX_TEXT)
    name = name_given(by)
    return f"{line} ({name})" if name else line


def from_room(session: Session) -> list[HarvestItem]:
    """The harvest items sent from phones, in the order they came."""
    return [item for item in session.harvest.items if item.room is not None]


def names_given(session: Session) -> list[str]:
    """The names participants gave with what they sent (for anonymised exports to replace)."""
    found: list[str] = []

    def collect(items: Iterable[HarvestItem]) -> None:
        for item in items:
            if item.room is not None and item.room.by:
                found.append(item.room.by)
            collect(item.parts)

    collect(session.harvest.items)
    return list(dict.fromkeys(found))


def set_hidden(session: Session, index: int, hidden: bool) -> bool:
    """Hide an item from the room and the phones, or show it again; whether it changed."""
    item = session.harvest.items[index]
    if item.hidden == hidden:
        return False
    item.hidden = hidden
    return True


def for_room(items: Iterable[HarvestItem]) -> list[HarvestItem]:
    """The items the room and the phones may see: every one the facilitator did not hide."""
    return [item for item in items if not item.hidden]


def as_shown(
    session: Session, items: Sequence[HarvestItem], links: Iterable[int] = ()
) -> tuple[list[HarvestItem], list[int]]:
    """`items` as the room and the reports show them: hidden ones left out, each with all its
    dots as `votes` (by hand and from phones, `total`); `links` (indexes into `items`, the
    learning question's) follow their items."""
    kept = [index for index, item in enumerate(items) if not item.hidden]
    moved = {old: new for new, old in enumerate(kept)}
    shown = [items[index].model_copy(update={"votes": total(session, items[index])}) for index in kept]
    return shown, [moved[index] for index in links if index in moved]


# --- dots from phones ------------------------------------------------------------------------------


def item_ids(item: HarvestItem) -> set[str]:
    """The ids whose phone dots count for `item`: its own and those of the items merged into it."""
    found = {item.id}
    for part in item.parts:
        found |= item_ids(part)
    return found


def _counted(session: Session) -> Iterator[tuple[HarvestItem, set[str]]]:
    for item in session.harvest.items:
        if not item.hidden:
            yield item, item_ids(item)


def phone_dots(session: Session, item: HarvestItem, voter: str | None = None) -> int:
    """The phone dots on `item` (a hidden item has none): all phones', or one voter's."""
    if item.hidden:
        return 0
    ids = item_ids(item)
    ballots = [session.room.dots.get(voter, {})] if voter is not None else session.room.dots.values()
    return sum(dots for ballot in ballots for item_id, dots in ballot.items() if item_id in ids)


def total(session: Session, item: HarvestItem) -> int:
    """The dots an item has: entered by hand plus placed from phones."""
    return item.votes + phone_dots(session, item)


def totals(session: Session) -> list[int]:
    """Every harvest item's dots (`total`), in list order."""
    return [total(session, item) for item in session.harvest.items]


def used(session: Session, voter: str) -> int:
    """The dots `voter` placed on items that still count (struck, hidden: given back)."""
    ballot = session.room.dots.get(voter, {})
    return sum(dots for _, ids in _counted(session) for item_id, dots in ballot.items() if item_id in ids)


def left(session: Session, voter: str) -> int:
    """The dots `voter` can still place."""
    return max(0, session.harvest.dots_per_person - used(session, voter))


def place_dot(session: Session, voter: str, item_id: str, delta: int) -> int:
    """One dot more (`delta` 1) or fewer (-1) from `voter` on the item `item_id`; its dots now.

    Refused when the vote is closed, the item is not one the phones see, or the budget is
    spent; taking away a dot that is not there changes nothing.
    """
    if not session.room.vote_open:
        raise Refused("vote_closed", 409)
    item = next((item for item, _ in _counted(session) if item.id == item_id), None)
    if item is None:
        raise Refused("no_item", 404)
    ballot = dict(session.room.dots.get(voter, {}))
    ids = item_ids(item)
    if delta > 0:
        if left(session, voter) <= 0:
            raise Refused("no_dots_left", 409)
        ballot[item.id] = ballot.get(item.id, 0) + 1
    elif delta < 0:
        # take from the item's own id first, then from an item merged into it
        for item_id in sorted(ids, key=lambda i: i != item.id):
            if ballot.get(item_id, 0) > 0:
                ballot[item_id] -= 1
                if not ballot[item_id]:
                    del ballot[item_id]
                break
    dots = {**session.room.dots, voter: ballot}
    session.room.dots = {key: value for key, value in dots.items() if value}
    return phone_dots(session, item, voter)


def set_vote_open(session: Session, vote_open: bool) -> bool:
    """Open or close the vote from phones; whether it changed (the dots placed stay)."""
    if session.room.vote_open == vote_open:
        return False
    session.room.vote_open = vote_open
    return True


def voters(session: Session) -> int:
    """How many phones placed at least one dot that counts."""
    return sum(1 for voter in session.room.dots if used(session, voter) > 0)
