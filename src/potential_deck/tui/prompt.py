"""A small dialog that asks for one line of text: Enter keeps it, Escape cancels."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from potential_deck.core.i18n import t
from potential_deck.core.vocab import Lang


class TextPrompt(ModalScreen[str | None]):
    """Asks for a text; dismisses with it, or with None when cancelled."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, title: str, value: str, lang: Lang, *, placeholder: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.lang = lang
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box"):
            yield Static(self.title_text, id="prompt-title", markup=False)
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input")
            yield Static(t(self.lang, "harvest.prompt_hint"), id="prompt-hint")
            with Horizontal(id="prompt-buttons"):
                yield Button(t(self.lang, "harvest.ok"), id="prompt-ok", variant="primary")
                yield Button(t(self.lang, "harvest.cancel"), id="prompt-cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#prompt-ok")
    def _keep(self) -> None:
        self.dismiss(self.query_one(Input).value)

    @on(Button.Pressed, "#prompt-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
