"""The end of the agenda: what was collected and where it is saved."""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from potential_deck.core.i18n import t
from potential_deck.core.models import Deck, Session
from potential_deck.core.notes import gather
from potential_deck.tui.keybar import KeyBar


class ClosingScreen(Screen[None]):
    """A summary of the meeting; PageUp or ← goes back to the last card."""

    BINDINGS = [
        Binding("pageup,left,escape", "dismiss", "Back", id="back", key_display="PgUp/←", priority=True),
        Binding("ctrl+q", "app.quit", "Quit", id="quit", priority=True),
    ]

    def __init__(self, session: Session, path: Path, deck: Deck) -> None:
        super().__init__()
        self.session = session
        self.path = path
        self.deck = deck

    def compose(self) -> ComposeResult:
        lang = self.session.language
        items = gather(self.session)
        minutes = round(self.session.total_spent / 60)
        visited = sum(1 for card_id in self.session.agenda if card_id in self.session.cards)
        lines = [
            f"[b]{t(lang, 'closing.title')}[/b] · {escape(self.session.team)}",
            "",
            t(lang, "closing.cards", count=visited, minutes=minutes),
            "",
            f"[b]{t(lang, 'closing.growth')}[/b]",
        ]
        for item in items:
            sources = ", ".join(
                self.deck.card(c).text(lang).title if self.deck.has(c) else c for c in item.cards
            )
            lines.append(f"• {escape(item.text)}  [dim]({escape(sources)})[/dim]")
        if not items:
            lines.append(t(lang, "closing.none"))
        lines += ["", escape(t(lang, "closing.saved", path=str(self.path)))]
        with VerticalScroll(id="closing", can_focus=False):
            yield Static("\n".join(lines), id="closing-text")
        yield Static(t(lang, "closing.hint"), id="status")
        bar = KeyBar()
        bar.lang = lang
        yield bar
