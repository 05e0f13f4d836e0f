"""The agenda picker: the deck's cards with a mark for those on the agenda.

Each card takes two rows: its kind, minutes and title (the row that is chosen), and under it
the diversity dimensions (◆) and core values (●) it is about, so a facilitator can plan a
balanced meeting. `coverage` says what the chosen cards cover together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape
from rich.segment import Segment
from textual.strip import Strip
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import Selection

from potential_deck.core.choices import Lang
from potential_deck.core.deck.coverage import agenda_coverage, coverage_text
from potential_deck.core.text.i18n import dimension_label, kind_label, value_short
from potential_deck.tui.widgets.marked_list import MarkedSelectionList

if TYPE_CHECKING:
    from potential_deck.core.session.models import Card, Deck

TAGS = "\x00tags:"
"""Prefix of the values of the rows under each card: never chosen, never on the agenda."""

DIMENSION_MARK = "◆"
VALUE_MARK = "●"


def tags_text(card: Card, lang: Lang) -> str:
    """A card's dimensions and core values on one line, each group after its mark."""
    dims = ", ".join(dimension_label(lang, d, short=True) for d in card.dimensions) or "–"
    values = ", ".join(value_short(lang, v) for v in card.values) or "–"
    return f"{DIMENSION_MARK} {dims}   {VALUE_MARK} {values}"


class AgendaList(MarkedSelectionList[str]):
    """The deck's cards, chosen ones marked ▐X▌ and others ▐ ▌ (the form moves them: Ctrl+↑/↓)."""

    DEFAULT_CSS = """
    AgendaList {
        height: auto;
        max-height: 24;
    }
    """

    def __init__(self, deck: Deck, lang: Lang, chosen: list[str]) -> None:
        self.deck = deck
        self.lang = lang
        rest = [card.id for card in deck.cards if card.id not in chosen]
        self.order = [*chosen, *rest]
        super().__init__(*self._selections(set(chosen)), id="agenda")

    def _selections(self, chosen: set[str]) -> list[Selection[str]]:
        rows: list[Selection[str]] = []
        for card_id in self.order:
            card = self.deck.card(card_id)
            label = f"{kind_label(self.lang, card.kind)} · {card.minutes}′ · {card.text(self.lang).title}"
            rows.append(Selection(escape(label), card_id, card_id in chosen))
            rows.append(Selection(escape(tags_text(card, self.lang)), TAGS + card_id, disabled=True))
        return rows

    @property
    def agenda(self) -> list[str]:
        """The chosen card ids in list order."""
        chosen = set(self.selected)
        return [card_id for card_id in self.order if card_id in chosen]

    def coverage(self) -> str:
        """What the chosen cards cover, in two lines (dimensions, core values)."""
        text = coverage_text(self.lang, agenda_coverage(self.deck, self.agenda))
        dims, values = text.split("\n")
        return f"{DIMENSION_MARK} {dims}\n{VALUE_MARK} {values}"

    def move(self, step: int) -> None:
        """Move the highlighted card up or down the list (the form's Ctrl+↑/↓, see `tui.keys`)."""
        if self.highlighted is None:
            return
        index = self.highlighted // 2
        if not 0 <= index + step < len(self.order):
            return
        chosen = set(self.selected)
        self.order[index], self.order[index + step] = self.order[index + step], self.order[index]
        self.clear_options()
        self.add_options(self._selections(chosen))
        self.highlighted = 2 * (index + step)
        self.post_message(self.SelectedChanged(self).set_sender(self))

    def render_line(self, y: int) -> Strip:
        """A card row with its mark (blank when not chosen, `MarkedSelectionList`), or a tags row
        without a button at all."""
        strip = super().render_line(y)
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if not isinstance(option, Selection) or len(segments) < 4 or not str(option.value).startswith(TAGS):
            return strip
        width = sum(segment.cell_length for segment in segments[:3])
        return Strip([Segment(" " * width, segments[3].style), *segments[3:]])
