"""The baseline for the next card in a real terminal: the least a Textual app with our layout's
parts costs to show another title on PageDown.

Header, a Static with a title, a TextArea and a Footer; PageDown and PageUp swap the Static's
text between CARD-01 … CARD-24. Nothing of potential-deck is imported.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static, TextArea

TITLES = [f"CARD-{n:02d}" for n in range(1, 25)]


class SwapApp(App[None]):
    BINDINGS = [
        Binding("pagedown", "step(1)", "Next", priority=True),
        Binding("pageup", "step(-1)", "Previous", priority=True),
        Binding("ctrl+q", "quit", "Quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.index = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(TITLES[0], id="card")
        yield TextArea(id="notes")
        yield Footer()

    def action_step(self, delta: int) -> None:
        self.index = max(0, min(len(TITLES) - 1, self.index + delta))
        self.query_one("#card", Static).update(TITLES[self.index])


if __name__ == "__main__":
    SwapApp().run()
