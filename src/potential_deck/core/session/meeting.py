"""The rules of a meeting: a new session, its agenda, and moving through it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from potential_deck.core.choices import Kind, Lang
from potential_deck.core.text.clean import clean

if TYPE_CHECKING:  # the models load after the first card is drawn (see core.deck.first_card)
    from potential_deck.core.session.models import Deck, Session, Stage

DEFAULT_DIALOGUES = 2
DEFAULT_ACTIONS = 2


def default_agenda(deck: Deck) -> list[str]:
    """The deck's suggested agenda, or its start card, two dialogue and two action cards."""
    return choose_agenda(deck.info.default_agenda, [(card.id, card.kind) for card in deck.cards])


def choose_agenda(suggested: Sequence[str], cards: Sequence[tuple[str, str]]) -> list[str]:
    """`default_agenda` from plain data: the suggested ids, else picks from (id, kind) in deck order."""
    if suggested:
        return list(suggested)

    def of_kind(kind: Kind) -> list[str]:
        return [card_id for card_id, card_kind in cards if card_kind == kind]

    picks = (
        of_kind(Kind.START)[:1]
        + of_kind(Kind.DIALOGUE)[:DEFAULT_DIALOGUES]
        + of_kind(Kind.ACTION)[:DEFAULT_ACTIONS]
    )
    return picks or [card_id for card_id, _ in cards[:1]]


def planned_minutes(deck: Deck, agenda: list[str]) -> int:
    """Total suggested minutes of the cards on the agenda."""
    return sum(deck.card(card_id).minutes for card_id in agenda if deck.has(card_id))


def parse_participants(text: str) -> list[str]:
    """Names from a comma- or newline-separated list, blanks and repeats dropped."""
    names: list[str] = []
    for raw in text.replace("\n", ",").split(","):
        name = " ".join(raw.split())
        if name and name not in names:
            names.append(name)
    return names


def new_session(
    deck: Deck,
    *,
    team: str,
    now: dt.datetime,
    facilitator: str = "",
    participants: list[str] | None = None,
    language: Lang = "nl",
    agenda: list[str] | None = None,
    deck_path: str = "",
    date: dt.date | None = None,
    people: int = 0,
) -> Session:
    """A fresh session on the first card of `agenda` (default: the deck's).

    `date` is the day of the meeting (default: `now`'s; a meeting recorded afterwards gets
    its own day); `people` how many took part (0: count the `participants` named).
    """
    from potential_deck.core.session.models import Session

    chosen = agenda if agenda is not None else default_agenda(deck)
    unknown = [card_id for card_id in chosen if not deck.has(card_id)]
    if unknown:
        raise ValueError(f"the deck has no card {unknown[0]!r}")
    return Session(  # names typed or given on the command line: no control characters
        team=clean(team),
        facilitator=clean(facilitator).strip(),
        participants=[clean(name) for name in participants or []],
        people=people or len(participants or []),
        date=date or now.date(),
        language=language,
        deck_id=deck.info.id,
        deck_version=deck.info.version,
        deck_path=deck_path,
        agenda=chosen,
        created=now,
        updated=now,
    )


def go_to(session: Session, position: int) -> bool:
    """Move to agenda `position` (len(agenda) means the harvest); whether anything changed."""
    position = max(0, min(position, len(session.agenda)))
    stage: Stage = "cards" if position < len(session.agenda) else "harvest"
    if session.live.position == position and session.live.stage == stage:
        return False
    session.live.position = position
    session.live.stage = stage
    session.live.scroll = 0.0  # a card starts at its top, for the room too
    return True


def finish(session: Session) -> bool:
    """Mark the meeting finished (after its harvest); whether that changed anything.

    Going back to a card later makes it a meeting in progress again (`go_to`).
    """
    if session.live.stage == "done":
        return False
    session.live.stage = "done"
    session.live.position = len(session.agenda)
    return True


def advance(session: Session) -> bool:
    """On to the next card, or to the harvest after the last one."""
    return go_to(session, session.live.position + 1)


def back(session: Session) -> bool:
    """Back to the previous card (from the harvest: the last card)."""
    return go_to(session, session.live.position - 1)


def progress(session: Session) -> tuple[int, int]:
    """Where the meeting is: (card number counted from 1, number of cards)."""
    return progress_at(session.live.position, len(session.agenda))


def progress_at(position: int, cards: int) -> tuple[int, int]:
    """(card number counted from 1, number of cards) at agenda `position` of `cards` (the
    harvest, at `cards`, counts as the last card)."""
    return min(position + 1, cards), cards


def next_card(session: Session) -> str | None:
    """The id of the card after the current one, or None on the last."""
    following = session.live.position + 1
    return session.agenda[following] if following < len(session.agenda) else None
