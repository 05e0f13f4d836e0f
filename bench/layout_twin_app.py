"""A second baseline for time to interactive and the next card: the card screen, in plain Textual.

The same widgets as potential-deck's card screen (a top bar, the card's kind, title, introduction,
questions and tip in a scrolling column with an edge in the kind's colour, the timer's big digits,
one note field per field of the card with its title in the border, a status line and a key bar)
with the same words (Textual markup) and a like stylesheet, the first note field focused. PageDown
and PageUp show the next and previous card: every text set again, the note fields relabelled (one
made when a card has more fields than any before). Nothing of potential-deck is imported, no file
is read or written but CARDS.json.

    python bench/layout_twin_app.py CARDS.json

CARDS.json: a list of cards, each {"where", "next", "kind", "kind_class", "title", "intro",
"questions", "tip", "fields": [label, ...], "keyboard", "status", "keys"} (strings; `fields` a
list). It tells what any Textual app showing this screen pays, beside the minimal apps
(`minimal_app.py`, `minimal_swap_app.py`) the targets are set against (`startup.py`,
`next_card.py`).
"""

from __future__ import annotations

import json
import sys

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Digits, Static, TextArea


class TwinApp(App[None]):
    CSS = """
    #topbar { height: 1; padding: 0 1; background: $panel; }
    #where { width: auto; margin-right: 2; text-wrap: nowrap; }
    #next { width: 1fr; color: $text-muted; text-align: right; text-wrap: nowrap; }
    #main { height: 1fr; }
    #card { width: 3fr; padding: 1 2; scrollbar-gutter: stable; border-left: thick $success; }
    #card.-dialogue { border-left: thick $primary; }
    #card.-action { border-left: thick $warning; }
    #kind { text-style: bold; color: $success; }
    #card.-dialogue #kind { color: $primary; }
    #card.-action #kind { color: $warning; }
    #title { text-style: bold; margin: 1 0; padding: 0 1; background: $success 15%; }
    #card.-dialogue #title { background: $primary 15%; }
    #card.-action #title { background: $warning 15%; }
    #intro { margin-bottom: 1; }
    #questions { text-style: bold; margin-bottom: 1; }
    #tip { color: $text-muted; text-style: italic; }
    #side { width: 2fr; min-width: 30; border-left: solid $panel; }
    #timer { height: auto; padding: 0 1; }
    #digits { width: 100%; text-align: center; text-style: bold; }
    #state { width: 100%; text-align: center; color: $text-muted; }
    #notes { height: 1fr; }
    #notes TextArea { height: 6; border: round $foreground 40%; border-title-style: bold; }
    #notes TextArea:focus { border: round $primary; }
    #statusbar { height: 1; }
    #keyboard { width: auto; padding: 0 1; color: $primary; text-style: bold; }
    #status { width: 1fr; }
    #keys { dock: bottom; height: 1; background: $panel; padding: 0 1; }
    """
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("pagedown", "step(1)", "Next", priority=True),
        Binding("pageup", "step(-1)", "Previous", priority=True),
        Binding("ctrl+q", "quit", "Quit"),
    ]
    SHOWN = ("where", "next", "kind", "title", "intro", "questions", "tip", "keyboard", "status")

    def __init__(self, cards: list[dict[str, object]]) -> None:
        super().__init__()
        self.cards = cards
        self.index = 0

    @property
    def card(self) -> dict[str, object]:
        return self.cards[self.index]

    def _text(self, key: str) -> str:
        value = self.card[key]
        assert isinstance(value, str)
        return value

    def _fields(self) -> list[str]:
        fields = self.card["fields"]
        assert isinstance(fields, list)
        return fields

    @staticmethod
    def _area(label: str) -> TextArea:
        area = TextArea(soft_wrap=True, tab_behavior="focus", show_line_numbers=False)
        area.border_title = label
        return area

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static(self._text("where"), id="where")
            yield Static(self._text("next"), id="next")
        with Horizontal(id="main"):
            with VerticalScroll(id="card", can_focus=False, classes=self._text("kind_class")):
                yield Static(self._text("kind"), id="kind")
                yield Static(self._text("title"), id="title")
                yield Static(self._text("intro"), id="intro")
                yield Static(self._text("questions"), id="questions")
                yield Static(self._text("tip"), id="tip")
            with Vertical(id="side"):
                with Vertical(id="timer"):
                    yield Digits("10:00", id="digits")
                    yield Static("gepauzeerd", id="state")
                with VerticalScroll(id="notes", can_focus=False):
                    for label in self._fields():
                        yield self._area(label)
        with Horizontal(id="statusbar"):
            yield Static(self._text("keyboard"), id="keyboard")
            yield Static(self._text("status"), id="status")
        yield Static(self._text("keys"), id="keys")

    def on_mount(self) -> None:
        self.set_focus(self.query(TextArea).first(), scroll_visible=False)

    def action_step(self, delta: int) -> None:
        self.index = max(0, min(len(self.cards) - 1, self.index + delta))
        for name in self.SHOWN:
            self.query_one(f"#{name}", Static).update(self._text(name))
        self.query_one("#card").set_classes(self._text("kind_class"))
        notes = self.query_one("#notes")
        areas = list(notes.query(TextArea))
        labels = self._fields()
        for area, label in zip(areas, labels, strict=False):
            area.border_title = label
            area.display = True
        for area in areas[len(labels) :]:
            area.display = False
        for label in labels[len(areas) :]:
            notes.mount(self._area(label))


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as file:
        TwinApp(json.load(file)).run()
