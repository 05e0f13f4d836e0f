"""Small screens over the card: the key list and the blanked screen."""

from __future__ import annotations

from rich.table import Table
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from potential_deck.core.i18n import t
from potential_deck.core.vocab import Lang

KEYS: tuple[tuple[str, str], ...] = (
    ("PageDown  →", "help.next"),
    ("Space", "help.next_space"),
    ("PageUp  ←", "help.prev"),
    ("↑  ↓", "help.scroll"),
    ("t", "help.timer"),
    ("+", "help.minute"),
    ("r", "help.reset"),
    ("b  .", "help.blank"),
    ("F5", "help.projection"),
    ("Tab", "help.fields"),
    ("Escape", "help.leave"),
    ("F6", "help.share"),
    ("Ctrl+P", "help.palette"),
    ("?", "help.help"),
    ("Ctrl+Q", "help.quit"),
)
"""Every key of the card screen and what it does (the help text's i18n key)."""


class HelpScreen(ModalScreen[None]):
    """Every key of a screen (the card screen's by default), in the session's language."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close", show=False)]

    def __init__(self, lang: Lang, keys: tuple[tuple[str, str], ...] = KEYS) -> None:
        super().__init__()
        self.lang = lang
        self.keys = keys

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for keys, key in self.keys:
            table.add_row(keys, t(self.lang, key))
        with Vertical(id="help-box"):
            yield Static(f"[b]{t(self.lang, 'help.title')}[/b]", id="help-title")
            yield Static(table, id="help-keys")
            yield Static(t(self.lang, "help.close"), id="help-close")


class BlankScreen(ModalScreen[None]):
    """A black screen, as a clicker's black-screen button gives; any key brings the card back."""

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield Static(t(self.lang, "blank.hint"), id="blank-hint")

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.dismiss(None)

    def on_click(self) -> None:
        self.dismiss(None)


MIN_WIDTH = 50
MIN_HEIGHT = 14
"""Below this the app asks for a larger window instead of drawing a clipped card."""


class TooSmallScreen(ModalScreen[None]):
    """Covers everything while the terminal is too small; it leaves by itself when it grows."""

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield Static(t(self.lang, "too.small", width=MIN_WIDTH, height=MIN_HEIGHT), id="too-small")
