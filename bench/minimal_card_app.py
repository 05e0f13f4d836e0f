"""A second baseline for the next card: the least a Textual app costs to show a whole new card.

Like `minimal_swap_app.py` (Header, a Static, a TextArea, a Footer; nothing of potential-deck
imported), but on PageDown/PageUp the Static shows a whole card: its place ("kaart 3 van 24"),
title, introduction and questions, wrapped beside the TextArea, as potential-deck's card view
does. `python bench/minimal_card_app.py CARDS.json` (a list of card texts, one string each).
It tells how much of potential-deck's time on a card change any Textual app showing a card pays.
"""

from __future__ import annotations

import json
import sys

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Header, Static, TextArea


class CardApp(App[None]):
    CSS = """
    #card { width: 3fr; height: 1fr; padding: 1 2; }
    #notes { width: 2fr; height: 1fr; }
    """
    BINDINGS = [
        Binding("pagedown", "step(1)", "Next", priority=True),
        Binding("pageup", "step(-1)", "Previous", priority=True),
        Binding("ctrl+q", "quit", "Quit"),
    ]

    def __init__(self, cards: list[str]) -> None:
        super().__init__()
        self.cards = cards
        self.index = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield Static(self._text(), id="card", markup=False)
            yield TextArea(id="notes")
        yield Footer()

    def _text(self) -> str:
        return f"kaart {self.index + 1} van {len(self.cards)}\n\n{self.cards[self.index]}"

    def action_step(self, delta: int) -> None:
        self.index = max(0, min(len(self.cards) - 1, self.index + delta))
        self.query_one("#card", Static).update(self._text())


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as file:
        CardApp(json.load(file)).run()
