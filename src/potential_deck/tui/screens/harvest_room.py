"""The harvest and participants' phones (issue 17): hiding from the room, the vote, what comes in.

Mixed into the harvest screen. `h` hides the growth opportunity under the cursor from the room
and the phones (or shows it again), a step of the harvest's history like any other; `o` on the
dots step opens or closes the vote from phones; F7 and F8 are the card screen's (the join
screen, the QR code for the room). What phones send redraws the lists a moment later (many
phones at once cost one redraw), never moving the cursor; their contributions are already part
of the history (`JoinService.changed`), so undo never takes them away.
"""

from __future__ import annotations

from textual.timer import Timer

from potential_deck.core.room import contributions
from potential_deck.core.text.i18n import t
from potential_deck.tui.screens.harvest_base import HarvestBase

REDRAW_AFTER = 0.3
"""Seconds to gather what phones send into one redraw of the lists."""


class RoomActions(HarvestBase):
    """The harvest's part in joining from phones (see the module)."""

    _room_redraw: Timer | None = None

    def hear_the_room(self) -> None:
        """Redraw when phones send something (call once the screen is mounted)."""
        self.host.room_changed_signal.subscribe(self, self._room_changed)

    def _room_changed(self, what: str) -> None:
        if what in {"item", "dots", "hidden", "vote"} and self._room_redraw is None:
            self._room_redraw = self.set_timer(REDRAW_AFTER, self._redraw_for_the_room)

    def _redraw_for_the_room(self) -> None:
        self._room_redraw = None
        if self.is_attached:
            self.outdated("items")
            self._redraw()

    def action_hide(self) -> None:
        """Hide the item under the cursor from the room and the phones, or show it again."""
        if not self.session.harvest.items:
            return
        index = self.item_row = self.item_index
        item = self.session.harvest.items[index]
        contributions.set_hidden(self.session, index, not item.hidden)
        self.commit("hidden" if item.hidden else "shown", text=item.text)
        self._changed(t(self.lang, "join.hidden" if item.hidden else "join.shown", text=item.text))
        if self.host.joining is not None:
            self.host.joining.changed("hidden")

    def action_vote(self) -> None:
        """Open or close the vote from phones (their dots stay either way)."""
        joining = self.host.joining
        if joining is None:
            self.say(t(self.lang, "join.not_joining"))
            return
        contributions.set_vote_open(self.session, not self.session.room.vote_open)
        self.say(t(self.lang, "join.vote_opened" if self.session.room.vote_open else "join.vote_closed"))
        joining.changed("vote")

    def action_join(self) -> None:
        """F7: the join screen (joining starts first if it is off)."""
        self.host.open_join()

    def action_join_room(self) -> None:
        """F8: the QR code to join, large on the room's screen, or only the join line."""
        joining = self.host.joining
        screen = joining.card_screen() if joining is not None else None
        if screen is not None:
            screen.action_join_room()
