"""The harvest and participants' phones (issue 17): hiding from the room, the vote, what comes in.

The harvest screen's actions call these with the screen. `h` hides the growth opportunity under
the cursor from the room and the phones (or shows it again), a step of the harvest's history like
any other; `o` on the dots step opens or closes the vote from phones; F7 and F8 are the card
screen's (the join screen, the QR code for the room). What phones send redraws the lists a moment later (many
phones at once cost one redraw), never moving the cursor; their contributions are already part
of the history (`JoinService.changed`), so undo never takes them away.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.timer import Timer

from potential_deck.core.room import contributions
from potential_deck.core.text.i18n import t

if TYPE_CHECKING:
    from potential_deck.tui.screens.harvest import HarvestScreen

REDRAW_AFTER = 0.3
"""Seconds to gather what phones send into one redraw of the lists."""


def listen(screen: HarvestScreen) -> None:
    """Redraw the lists a moment after phones send something (call once the screen is mounted)."""
    waiting: list[Timer] = []

    def redraw() -> None:
        waiting.clear()
        if screen.is_attached:
            screen.outdated("items")
            screen.redraw()

    def changed(what: str) -> None:
        if what in {"item", "dots", "hidden", "vote"} and not waiting:
            waiting.append(screen.set_timer(REDRAW_AFTER, redraw))

    screen.host.room_changed_signal.subscribe(screen, changed)


def hide(screen: HarvestScreen) -> None:
    """Hide the item under the cursor from the room and the phones, or show it again."""
    if not screen.session.harvest.items:
        return
    index = screen.item_row = screen.item_index
    item = screen.session.harvest.items[index]
    contributions.set_hidden(screen.session, index, not item.hidden)
    screen.commit("hidden" if item.hidden else "shown", text=item.text)
    screen.changed(t(screen.lang, "join.hidden" if item.hidden else "join.shown", text=item.text))
    if screen.host.joining is not None:
        screen.host.joining.changed("hidden")


def toggle_vote(screen: HarvestScreen) -> None:
    """Open or close the vote from phones (their dots stay either way)."""
    joining = screen.host.joining
    if joining is None:
        screen.say(t(screen.lang, "join.not_joining"))
        return
    contributions.set_vote_open(screen.session, not screen.session.room.vote_open)
    screen.say(t(screen.lang, "join.vote_opened" if screen.session.room.vote_open else "join.vote_closed"))
    joining.changed("vote")


def show_join_room(screen: HarvestScreen) -> None:
    """F8: the QR code to join, large on the room's screen, or only the join line."""
    joining = screen.host.joining
    card = joining.card_screen() if joining is not None else None
    if card is not None:
        card.action_join_room()
