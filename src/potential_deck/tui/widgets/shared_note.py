"""The note field the facilitator shares with the room (F6): whole, wrapped, in a box under the card.

One widget for both places the room looks: the audience view (`follow`, `serve --follow`) and
projection mode on the facilitator's own screen (F5). What it shows follows one rule,
`core.room.follow.shared_field`: only the shared field of the card on show, nothing else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape
from textual.widgets import Static

from potential_deck.core.choices import GROWTH_FIELD, Lang
from potential_deck.core.deck.fields import field_label
from potential_deck.core.room.follow import shared_field
from potential_deck.core.session.notes import note_text
from potential_deck.core.text.i18n import t
from potential_deck.tui.widgets import changed_only

if TYPE_CHECKING:
    from potential_deck.core.session.models import Card, Session


def room_label(lang: Lang, field_id: str, card: Card | None) -> str:
    """The name the room knows a shared field by (the growth field's without its hint for typing)."""
    return t(lang, "follow.growth") if field_id == GROWTH_FIELD else field_label(card, field_id, lang)


class SharedNote(Static):
    """`show(session, card)`: the field `session` shares on `card`, titled with its name; hidden
    while nothing is shared (and until `show` is first called)."""

    DEFAULT_CSS = """
    SharedNote {
        display: none;  /* until a field is shared */
        width: 100%;
        height: auto;
        max-height: 60%;
        padding: 0 1;
        border: round $primary;
        border-title-color: $primary;
        border-title-style: bold;
        text-style: bold;
        color: $foreground;
    }
    """

    def show(self, session: Session | None, card: Card | None) -> None:
        """Show what `session` shares with the room on `card` (none of it when there is none)."""
        if session is None or card is None:
            self.display = False
            return
        record = session.cards.get(card.id)
        field = shared_field(session, card, record)
        self.display = field is not None
        if field is None:
            return
        changed_only.set_border_title(self, escape(room_label(session.language, field.id, card)))
        changed_only.update(self, escape(note_text(record, field.id) if record is not None else ""))
