"""The card as the room sees it: kind, title, introduction and guide questions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from potential_deck.core.i18n import kind_label, t
from potential_deck.core.vocab import Kind, Lang

KIND_CLASSES = ("-start", "-dialogue", "-action")


class CardWords(Protocol):
    """A card's words in one language: a `CardText`, or the `FirstCard` read before the models."""

    @property
    def title(self) -> str: ...
    @property
    def intro(self) -> str: ...
    @property
    def questions(self) -> Sequence[str]: ...
    @property
    def tip(self) -> str: ...


class CardView(VerticalScroll):
    """One card, large; `show(kind, words, lang)` swaps its content without rebuilding."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=False)

    def compose(self) -> ComposeResult:
        yield Static(id="card-kind")
        yield Static(id="card-title")
        yield Static(id="card-intro")
        yield Static(id="card-questions")
        yield Static(id="card-tip")

    def show(self, kind: Kind, text: CardWords, lang: Lang, *, projection: bool = False) -> None:
        """Show a card of `kind` with `text`; for projection airier and without the facilitator's tip."""
        kind_class = f"-{kind.value}"
        if not self.has_class(kind_class):  # restyling the card is the costly part of a card change
            self.remove_class(*KIND_CLASSES, update=False)
            self.add_class(kind_class)
        self.query_one("#card-kind", Static).update(kind_label(lang, kind).upper())
        self.query_one("#card-title", Static).update(escape(text.title))
        self.query_one("#card-intro", Static).update(escape(text.intro))
        questions = ("\n\n" if projection else "\n").join(f"• {escape(q)}" for q in text.questions)
        self.query_one("#card-questions", Static).update(questions)
        tip_widget = self.query_one("#card-tip", Static)
        tip_widget.display = not projection and bool(text.tip)
        tip_widget.update(f"[b]{t(lang, 'card.tip')}:[/b] {escape(text.tip)}")
        self.scroll_home(animate=False)
