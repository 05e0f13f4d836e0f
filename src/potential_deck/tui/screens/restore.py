"""Offering the previous good version of a session that cannot be read (from the home screen)."""

from __future__ import annotations

import os
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from potential_deck.core.choices import Lang
from potential_deck.core.session.store import previous_version
from potential_deck.core.text.i18n import t

RESTORABLE = {"damaged", "empty", "toml", "field", "encoding", "not_session"}
"""What a previous version can mend: a file cut short, emptied or garbled (not one too large,
a pipe, or a file that is only in use)."""


def can_restore(path: Path, kind: str = "damaged") -> bool:
    """Whether a previous good version of this session is kept, and can mend a problem of `kind`."""
    return kind in RESTORABLE and previous_version(Path(os.path.realpath(path))).is_file()


class RestoreScreen(ModalScreen[bool]):
    """'Restore the previous version?' Dismisses True to restore, False to leave it."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, lang: Lang, path: Path, reason: str) -> None:
        super().__init__()
        self.lang = lang
        self.path = path
        self.reason = reason

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="prompt-box"):
            yield Static(t(lang, "restore.title"), id="prompt-title", markup=False)
            yield Static(t(lang, "restore.body", file=self.path.name, reason=self.reason), markup=False)
            with Horizontal(id="prompt-buttons"):
                yield Button(t(lang, "restore.yes"), id="restore-yes", variant="primary")
                yield Button(t(lang, "restore.no"), id="restore-no")

    def on_mount(self) -> None:
        self.query_one("#restore-yes", Button).focus()

    @on(Button.Pressed, "#restore-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#restore-no")
    def action_cancel(self) -> None:
        self.dismiss(False)
