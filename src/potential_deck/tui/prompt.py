"""Small dialogs: one line of text, or a step of the plan; Enter keeps, Escape cancels."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

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


class StepPrompt(ModalScreen[bool]):
    """Edits a step's what, who and by when; dismisses with True once `apply` took them.

    `apply(what, who, due)` changes the step and returns None, or returns what is wrong (the
    dialog then says so and stays open, with everything typed still there).
    """

    CSS_PATH = "dialogs.tcss"

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    FIELDS = ("what", "who", "due")

    def __init__(
        self, values: tuple[str, str, str], lang: Lang, apply: Callable[[str, str, str], str | None]
    ) -> None:
        super().__init__()
        self.values = values
        self.lang = lang
        self.apply = apply

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box"):
            yield Static(t(self.lang, "harvest.edit_step_title"), id="prompt-title")
            for name, value in zip(self.FIELDS, self.values, strict=True):
                yield Label(t(self.lang, f"harvest.{name}"), classes="prompt-label")
                placeholder = t(self.lang, "harvest.date_placeholder") if name == "due" else ""
                yield Input(value, placeholder=placeholder, id=f"prompt-{name}")
            yield Static(id="prompt-error", markup=False)
            yield Static(t(self.lang, "harvest.prompt_hint"), id="prompt-hint")
            with Horizontal(id="prompt-buttons"):
                yield Button(t(self.lang, "harvest.ok"), id="prompt-ok", variant="primary")
                yield Button(t(self.lang, "harvest.cancel"), id="prompt-cancel")

    def on_mount(self) -> None:
        self.query_one("#prompt-what", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#prompt-ok")
    def _keep(self) -> None:
        what, who, due = (self.query_one(f"#prompt-{name}", Input).value for name in self.FIELDS)
        problem = self.apply(what, who, due)
        if problem is None:
            self.dismiss(True)
            return
        error = self.query_one("#prompt-error", Static)
        error.update(problem)
        error.add_class("-shown")
        self.query_one("#prompt-due" if due.strip() and what.strip() else "#prompt-what", Input).focus()

    @on(Button.Pressed, "#prompt-cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
