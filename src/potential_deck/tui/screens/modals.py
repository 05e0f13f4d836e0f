"""Small screens over the others: the key list, the blanked screen, a window too small."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from potential_deck.core.choices import Lang
from potential_deck.core.text.i18n import t
from potential_deck.tui.key_order import OrderedKeysApp, WakesOnKey
from potential_deck.tui.keys import Command, Where
from potential_deck.tui.widgets.key_scroll import KeyScroll


class HelpScreen(ModalScreen[None]):
    """Every key of a screen and what it does, in the session's language (from `tui.keys`)."""

    BINDINGS = [Binding("escape,f1,question_mark,q", "dismiss", "Close", show=False)]

    def __init__(self, lang: Lang, commands: Sequence[Command], where: Where | None = None) -> None:
        super().__init__()
        self.lang = lang
        self.commands = commands
        self.where = where

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for command in self.commands:
            keys = command.all_keys(self.lang)
            if keys:
                table.add_row(keys, command.explain(self.lang))
        with Vertical(id="help-box"):
            yield Static(f"[b]{t(self.lang, 'help.title')}[/b]", id="help-title")
            with KeyScroll(id="help-scroll"):  # ↑/↓ scroll a long list in a small window, each key its line
                yield Static(t(self.lang, "help.rule"), id="help-rule")
                yield Static(table, id="help-keys")
            yield Static(t(self.lang, "help.close"), id="help-close")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#help-scroll"))


class BlankScreen(WakesOnKey, ModalScreen[events.Key | None]):
    """A black screen, as a clicker's black-screen button gives; any key brings the card back.

    The app holds the keys typed meanwhile (`WakesOnKey`): the first comes back with the card
    (`dismiss`), the others follow it in order, however fast they came."""

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield Static(t(self.lang, "blank.hint"), id="blank-hint")

    def wake(self, key: events.Key | None) -> None:
        """Any key brings the card back; the card screen gets the key (text typed then lands)."""
        self._back(key)

    def on_click(self) -> None:
        self._back(None)

    def _back(self, key: events.Key | None) -> None:
        if self.is_active:
            app = self.app
            assert isinstance(app, OrderedKeysApp)
            app.hold_keys()  # released by the card screen once it has the key
            self.dismiss(key)


MIN_WIDTH = 50
MIN_HEIGHT = 14
"""Below this the app asks for a larger window instead of drawing a clipped card."""


class TooSmallScreen(ModalScreen[None]):
    """Covers everything while the terminal is too small; it leaves by itself when it grows.

    Keys typed meanwhile wait, and go where they were meant once the window is large enough.
    """

    takes_keys = False
    keeps_keys = True
    """Hold keys for as long as it is shown (not a screen that failed to load)."""

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield Static(t(self.lang, "too.small", width=MIN_WIDTH, height=MIN_HEIGHT), id="too-small")
