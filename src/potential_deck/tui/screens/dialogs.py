"""Small dialogs: one line of text, a step of the plan, or a choice; Enter keeps, Escape cancels.

Every key typed from the moment a dialog is asked for lands in its first field (it holds early
keys until its field has focus), and keys typed right after it closes wait until the screen
that opened it has used its answer (`AppScreen.push_dialog`). A field never selects its text
when it gets focus, so a stray key cannot replace what is there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static

from potential_deck.core.choices import Lang
from potential_deck.core.text.clean import clean
from potential_deck.core.text.i18n import t
from potential_deck.tui.key_order import HoldsKeys, OrderedKeysApp
from potential_deck.tui.keys import DIALOG_COMMANDS, Where, bindings
from potential_deck.tui.screens.base import DeclaredCommands

Result = TypeVar("Result")


class Dialog(HoldsKeys, DeclaredCommands, ModalScreen[Result]):
    """A dialog that takes keys once its first field has focus, and holds them as it closes."""

    CSS_PATH = "dialogs.tcss"
    KEYS = DIALOG_COMMANDS
    BINDINGS: ClassVar = bindings(DIALOG_COMMANDS)
    FIRST = "Input"

    @property
    def where(self) -> Where:
        return Where.FORM

    def on_mount(self) -> None:
        self.focus_first()
        self.keys_ready()

    def focus_first(self) -> None:
        """Focus the first field (its cursor at the end of its text)."""
        field = self.query_one(self.FIRST, Input)
        self.set_focus(field)
        field.cursor_position = len(field.value)

    def finish(self, result: Result) -> None:
        """Close with `result`; keys typed from now on wait until the opener has used it."""
        app = self.app
        if isinstance(app, OrderedKeysApp):
            app.hold_keys()
        self.dismiss(result)

    def action_cancel(self) -> None:
        raise NotImplementedError

    def action_keep(self) -> None:
        """Enter: keep what was typed; on a button, press that button (Cancel cancels)."""
        if isinstance(self.focused, Button):
            self.focused.press()
        else:
            self.keep()

    @on(Button.Pressed, "#prompt-ok")
    def _ok(self) -> None:
        self.keep()

    def keep(self) -> None:
        raise NotImplementedError


def field(value: str = "", *, placeholder: str = "", id: str | None = None) -> Input:
    """A text field that never selects its text on focus."""
    return Input(value, placeholder=placeholder, id=id, select_on_focus=False)


class TextPrompt(Dialog[str | None]):
    """Asks for a text; closes with it, or with None when cancelled.

    `check(text)` may return what is wrong with it: the dialog then says so and stays open.
    `offered` texts are listed above the field under `offered_title` (the wordings a merged
    growth opportunity holds, to write one that sums them up).
    """

    def __init__(
        self,
        title: str,
        value: str,
        lang: Lang,
        *,
        placeholder: str = "",
        check: Callable[[str], str | None] | None = None,
        offered: Sequence[str] = (),
        offered_title: str = "",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.lang = lang
        self.placeholder = placeholder
        self.check = check
        self.offered = list(offered)
        self.offered_title = offered_title

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box"):
            yield Static(self.title_text, id="prompt-title", markup=False)
            if self.offered:
                yield Static(self.offered_title, id="prompt-offered-title", markup=False)
                yield Static(
                    "\n".join(f"• {text}" for text in self.offered), id="prompt-offered", markup=False
                )
            yield field(self.value, placeholder=self.placeholder, id="prompt-input")
            yield Static(id="prompt-error", markup=False)
            yield Static(t(self.lang, "harvest.prompt_hint"), id="prompt-hint")
            with Horizontal(id="prompt-buttons"):
                yield Button(t(self.lang, "harvest.ok"), id="prompt-ok", variant="primary")
                yield Button(t(self.lang, "harvest.cancel"), id="prompt-cancel")

    def keep(self) -> None:
        text = clean(self.query_one(Input).value)
        problem = self.check(text) if self.check is not None else None
        if problem is None:
            self.finish(text)
            return
        error = self.query_one("#prompt-error", Static)
        error.update(problem)
        error.add_class("-shown")
        self.query_one(Input).focus()

    @on(Button.Pressed, "#prompt-cancel")
    def action_cancel(self) -> None:
        self.finish(None)


class StepPrompt(Dialog[bool]):
    """Adds or edits a step's what, who, by when and planned hours; closes with True once
    `apply` took them.

    `apply(what, who, due, hours)` changes the plan and returns None, or returns which field is
    wrong and why (the dialog then says so and stays open, with everything typed still there, and
    the keyboard in that field).
    """

    FIELDS = ("what", "who", "due", "hours")
    FIRST = "#prompt-what"

    def __init__(
        self,
        values: tuple[str, str, str, str],
        lang: Lang,
        apply: Callable[[str, str, str, str], tuple[str, str] | None],
        *,
        title_key: str = "harvest.edit_step_title",
    ) -> None:
        super().__init__()
        self.values = values
        self.lang = lang
        self.apply = apply
        self.title_key = title_key

    def compose(self) -> ComposeResult:
        # each label beside its field, inside a box that scrolls only if it must: the dialog,
        # its buttons too, fits a window of 80x24 also with an error shown
        with VerticalScroll(id="prompt-box"):
            yield Static(t(self.lang, self.title_key), id="prompt-title")
            with Grid(id="prompt-fields"):
                for name, value in zip(self.FIELDS, self.values, strict=True):
                    yield Label(t(self.lang, f"harvest.{name}"), classes="prompt-label")
                    placeholder = {
                        "due": t(self.lang, "harvest.date_placeholder"),
                        "hours": t(self.lang, "harvest.hours_placeholder"),
                    }.get(name, "")
                    yield field(value, placeholder=placeholder, id=f"prompt-{name}")
            yield Static(id="prompt-error", markup=False)
            yield Static(t(self.lang, "harvest.prompt_hint"), id="prompt-hint")
            with Horizontal(id="prompt-buttons"):
                yield Button(t(self.lang, "harvest.ok"), id="prompt-ok", variant="primary")
                yield Button(t(self.lang, "harvest.cancel"), id="prompt-cancel")

    def keep(self) -> None:
        what, who, due, hours = (
            clean(self.query_one(f"#prompt-{name}", Input).value) for name in self.FIELDS
        )
        problem = self.apply(what, who, due, hours)
        if problem is None:
            self.finish(True)
            return
        wrong, why = problem
        error = self.query_one("#prompt-error", Static)
        error.update(why)
        error.add_class("-shown")
        self.query_one(f"#prompt-{wrong}", Input).focus()

    @on(Button.Pressed, "#prompt-cancel")
    def action_cancel(self) -> None:
        self.finish(False)


class ChoicePrompt(Dialog[int | None]):
    """Asks to choose one of `choices` (↑↓ and Enter); closes with its index, or None (Escape)."""

    FIRST = "#prompt-choices"

    def __init__(self, title: str, explanation: str, choices: Sequence[str], hint: str) -> None:
        super().__init__()
        self.title_text = title
        self.explanation = explanation
        self.choices = list(choices)
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box"):
            yield Static(self.title_text, id="prompt-title", markup=False)
            if self.explanation:
                yield Static(self.explanation, id="prompt-explanation", markup=False)
            yield OptionList(*self.choices, id="prompt-choices", markup=False)
            yield Static(self.hint, id="prompt-hint", markup=False)

    def focus_first(self) -> None:
        choices = self.query_one(OptionList)
        self.set_focus(choices)
        choices.highlighted = 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.finish(event.option_index)

    def action_keep(self) -> None:
        self.finish(self.query_one(OptionList).highlighted)

    def action_cancel(self) -> None:
        self.finish(None)
