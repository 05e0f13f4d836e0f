"""The baseline for start-up and memory: the least a Textual app with our layout's parts costs.

Header, a Static with a known text, a TextArea and a Footer; nothing of potential-deck is
imported. `python bench/minimal_app.py [TEXT]` shows TEXT (default: MINIMAL-READY).
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static, TextArea

READY = "MINIMAL-READY"


class MinimalApp(App[None]):
    BINDINGS = [("ctrl+q", "quit", "Quit")]

    def __init__(self, text: str = READY) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.text, id="card")
        yield TextArea(id="notes")
        yield Footer()


if __name__ == "__main__":
    MinimalApp(sys.argv[1] if len(sys.argv) > 1 else READY).run()
