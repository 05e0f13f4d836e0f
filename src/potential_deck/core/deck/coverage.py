"""What an agenda covers: the diversity dimensions and core values its cards are about.

The new-session form shows it under the agenda, so a facilitator can plan a balanced meeting.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from potential_deck.core.choices import CoreValue, Dimension, Lang
from potential_deck.core.text.i18n import dimension_label, t, value_short

if TYPE_CHECKING:
    from potential_deck.core.session.models import Deck


@dataclass(frozen=True, slots=True)
class Coverage:
    """The dimensions and core values an agenda's cards touch, each in vocabulary order."""

    dimensions: tuple[Dimension, ...]
    values: tuple[CoreValue, ...]

    @property
    def missing_dimensions(self) -> tuple[Dimension, ...]:
        """The dimensions no card on the agenda is about."""
        return tuple(d for d in Dimension if d not in self.dimensions)

    @property
    def missing_values(self) -> tuple[CoreValue, ...]:
        """The core values no card on the agenda is about."""
        return tuple(v for v in CoreValue if v not in self.values)


def agenda_coverage(deck: Deck, agenda: Iterable[str]) -> Coverage:
    """What the cards of `agenda` (ids; ones the deck lacks are left out) cover together."""
    cards = [deck.card(card_id) for card_id in agenda if deck.has(card_id)]
    dimensions = {d for card in cards for d in card.dimensions}
    values = {v for card in cards for v in card.values}
    return Coverage(
        tuple(d for d in Dimension if d in dimensions),
        tuple(v for v in CoreValue if v in values),
    )


def coverage_text(lang: Lang, coverage: Coverage) -> str:
    """Two lines: the dimensions touched and not yet, the core values touched and not yet."""
    dims = _line(
        lang,
        [dimension_label(lang, d, short=True) for d in coverage.dimensions],
        [dimension_label(lang, d, short=True) for d in coverage.missing_dimensions],
    )
    values = _line(
        lang,
        [value_short(lang, v) for v in coverage.values],
        [value_short(lang, v) for v in coverage.missing_values],
    )
    return "\n".join((t(lang, "coverage.dimensions", names=dims), t(lang, "coverage.values", names=values)))


def _line(lang: Lang, touched: list[str], missing: list[str]) -> str:
    if not missing:
        return t(lang, "coverage.all")
    shown = ", ".join(touched) if touched else t(lang, "coverage.none")
    return shown + " · " + t(lang, "coverage.missing", names=", ".join(missing))
