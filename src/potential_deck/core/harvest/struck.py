"""What the team struck out: remembered, left out when the cards are gathered, brought back.

Striking out an item (`remove_item`) remembers its words in `Harvest.removed`: every wording it
holds, from the cards or typed by the team. Gathering (`rules.start`, through
`notes.harvest_list_and_links`) leaves a card line with struck words out, so a struck item does
not come back by itself; `left_out` says which card lines it left out, and `Notice` which of
them the facilitator has not been told of yet (each is said once). `bring_back` takes words off
the struck list and into the harvest again: nothing the facilitator wrote is lost for good, also
after the session was closed and opened again (undo lasts only while it is open).
"""

from __future__ import annotations

from potential_deck.core.harvest.merge import reindexed, unique_texts
from potential_deck.core.session.models import HarvestItem, Session
from potential_deck.core.session.notes import harvest_list_and_links
from potential_deck.core.text.compare import text_key
from potential_deck.core.text.i18n import t

LeftOut = tuple[str, str]
"""A card line gathering left out: (card id, its words as `text_key` compares them)."""


def remove_item(session: Session, index: int) -> HarvestItem:
    """Strike an item out; the item. Every wording it holds (its own and those merged into it)
    is remembered, so gathering does not bring it back and `bring_back` can."""
    harvest = session.harvest
    item = harvest.items[index]
    known = {text_key(text) for text in harvest.removed}
    added = [text for text in unique_texts([item.text, *item.absorbed]) if text_key(text) not in known]
    harvest.removed = [*harvest.removed, *added]
    harvest.question_items = reindexed(harvest.question_items, index)
    harvest.items = [other for i, other in enumerate(harvest.items) if i != index]
    return item


def struck(session: Session) -> list[str]:
    """The words struck out, the last struck first: what `bring_back` can bring back."""
    return list(reversed(session.harvest.removed))


def left_out(session: Session) -> set[LeftOut]:
    """The growth opportunities on the agenda's cards that gathering leaves out because their
    words were struck out before (and no item of the harvest holds them)."""
    harvest = session.harvest
    skipped = {text_key(text) for text in harvest.removed}
    held = {text_key(text) for item in harvest.items for text in (item.text, *item.absorbed)}
    return {
        (card_id, key)
        for card_id in session.agenda
        if (record := session.cards.get(card_id)) is not None
        for opp in record.growth
        if (key := text_key(opp.text)) in skipped and key not in held
    }


def bring_back(session: Session, text: str) -> int:
    """Take `text` off the struck list and into the harvest; the index of the item holding it.

    The cards are gathered again as `rules.start` gathers them: the card lines with these words
    come back as one item, with their cards and the core value written on the card. Words on no
    card (the team's own, or a line since changed on its card) come back as the team's own item.
    ValueError, in the session's language, for words that are not struck out.
    """
    harvest = session.harvest
    key = text_key(text)
    if key not in {text_key(other) for other in harvest.removed}:
        raise ValueError(t(session.language, "harvest.not_struck", text=text))
    harvest.removed = [other for other in harvest.removed if text_key(other) != key]
    harvest.items, harvest.question_items = harvest_list_and_links(session)
    for index, item in enumerate(harvest.items):
        if key in {text_key(held) for held in (item.text, *item.absorbed)}:
            return index
    harvest.items = [*harvest.items, HarvestItem(text=" ".join(text.split()))]
    return len(harvest.items) - 1


class Notice:
    """Which card lines left out the facilitator was told of: each is said once.

    The screen keeps one per open session (with its history, `HarvestHistory.notice`). A line
    left out is news until `news` counted it, or `known` took it in (the facilitator struck it
    out at the harvest, or undid its bringing back, and knows).
    """

    def __init__(self) -> None:
        self._told: set[LeftOut] = set()

    def news(self, session: Session) -> int:
        """How many struck words gathering left out on card lines not told of before (0: say
        nothing); from now on they are told of."""
        now = left_out(session)
        new = now - self._told
        self._told |= now
        return len({key for _, key in new})

    def known(self, session: Session) -> None:
        """The card lines left out now need no word."""
        self._told |= left_out(session)
