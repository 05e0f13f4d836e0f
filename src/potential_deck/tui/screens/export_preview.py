"""The preview of an export before it is saved (what opens it: `tui.screens.exports`).

The preview shows the exact text of a Markdown, JSON or TOML export. An HTML export is for a
browser, so its preview shows the text of that very HTML page as a reader sees it
(`core.report.html_text`): it cannot differ from the file that will be written.

The file goes next to the session file (`core.report.export.export_path`) and is never written over
an existing one unless the facilitator presses Overwrite after being told it exists.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from potential_deck.core.session.models import Deck, Lang, Session
from potential_deck.core.text.i18n import t


class Exportable(Protocol):
    """A screen with an open session: the card screen and the harvest screen."""

    session: Session
    path: Path
    deck: Deck

    @property
    def lang(self) -> Lang: ...

    def save_now(self) -> None: ...


@runtime_checkable
class Says(Protocol):
    """A screen with a message line of its own (the harvest): what was saved is said there."""

    def say(self, text: str, *, error: bool = False) -> None: ...


class ExportPreview(ModalScreen[bool]):
    """The export as it will be written; Save writes it, never over a file without asking."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS = [Binding("escape", "close", "Cancel", show=False)]

    def __init__(self, text: str, path: Path, lang: Lang, *, readable: str | None = None) -> None:
        """`text` is written to `path`; `readable` (its text as read), when given, is shown instead."""
        super().__init__()
        self.text = text
        self.path = path
        self.lang = lang
        self.readable = readable

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="export-box"):
            yield Static(
                f"[b]{escape(t(lang, 'harvest.preview', name=self.path.name))}[/b]", id="export-title"
            )
            if self.readable is not None:
                yield Static(t(lang, "harvest.preview_html"), id="export-note")
            shown = self.text if self.readable is None else self.readable
            yield TextArea(shown, read_only=True, soft_wrap=True, id="export-text")
            yield Static(id="export-message")
            with Horizontal(id="export-buttons"):
                yield Button(t(lang, "harvest.save"), id="export-save", variant="primary")
                yield Button(t(lang, "harvest.overwrite"), id="export-overwrite", variant="error")
                yield Button(t(lang, "harvest.cancel"), id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-overwrite").display = False
        self.query_one("#export-save").focus()

    @on(Button.Pressed, "#export-save")
    def save(self) -> None:
        """Write the file unless it exists; then offer to overwrite it."""
        self._write(force=False)

    @on(Button.Pressed, "#export-overwrite")
    def overwrite(self) -> None:
        """Write over the existing file: the second, deliberate press."""
        self._write(force=True)

    def _write(self, *, force: bool) -> None:
        from potential_deck.core.report import export

        message = self.query_one("#export-message", Static)
        try:
            export.save(
                self.path, self.text, export.format_for(self.path.name), force=force, make_folder=True
            )
        except export.ExportTargetError as exc:
            message.update(escape(exc.message(self.lang)))
            message.add_class("-error")
            return
        except export.ExportExists:
            message.update(escape(t(self.lang, "harvest.exists", name=self.path.name)))
            message.add_class("-error")
            overwrite = self.query_one("#export-overwrite", Button)
            overwrite.display = True
            overwrite.focus()
            return
        except OSError as exc:
            message.update(escape(t(self.lang, "harvest.export_failed", error=str(exc))))
            message.add_class("-error")
            return
        saved = t(self.lang, "harvest.exported", path=str(self.path))
        stack = self.app.screen_stack
        below = stack[-2] if len(stack) > 1 else None
        self.dismiss(True)
        if isinstance(below, Says):  # on its message line, not in a toast over the status line
            below.say(saved)
        else:  # a toast, kept above the status line (app.tcss)
            self.app.notify(saved, markup=False)

    @on(Button.Pressed, "#export-cancel")
    def action_close(self) -> None:
        self.dismiss(False)
