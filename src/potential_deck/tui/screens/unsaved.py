"""Quitting never drops unsaved text: when a session cannot be written, ask what to do.

`when_saved(app, then)` writes every open session and runs `then` (quit, or go home) only
once they are all on disk. When one cannot be written (a full disk, a folder gone, a USB stick
pulled out) it shows `UnsavedScreen` instead, which keeps the app open and offers: save a
copy somewhere else (a path field), try again, go back to the session, or quit without
saving — the last only after a second, explicit confirmation.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from potential_deck.core.choices import Lang
from potential_deck.core.session.session_file import cause, write_copy
from potential_deck.core.text.i18n import t

if TYPE_CHECKING:
    from potential_deck.tui.screens.base import SessionScreen


def flush_open_sessions(app: App[Any]) -> tuple[SessionScreen, str] | None:
    """Write every open session now; the top-most screen that could not be written, and why."""
    from potential_deck.tui.screens.base import SessionScreen

    failed: tuple[SessionScreen, str] | None = None
    for screen in app.screen_stack:
        if isinstance(screen, SessionScreen) and screen.is_open:
            why = screen.flush()
            if why is not None:
                failed = (screen, why)
    return failed


def when_saved(app: App[Any], then: Callable[[], object]) -> None:
    """Run `then` once every open session is saved; else ask (see the module) and keep the app open."""
    failed = flush_open_sessions(app)
    if failed is None:
        app.call_next(then)
        return
    screen, why = failed

    def decided(choice: str | None) -> None:
        if choice == "retry":
            when_saved(app, then)
        elif choice in {"copied", "discard"}:
            app.call_next(then)

    app.push_screen(UnsavedScreen(screen, why), decided)


def suggested_copy(path: Path) -> Path:
    """Where a copy is offered first: the Documents folder, else the home folder."""
    from platformdirs import user_documents_path

    documents = user_documents_path()
    return (documents if documents.is_dir() else Path.home()) / path.name


class UnsavedScreen(ModalScreen[str]):
    """The session cannot be written: copy it elsewhere, retry, go back, or quit without saving.

    Dismisses with "copied", "retry", "stay" or "discard".
    """

    CSS_PATH = "dialogs.tcss"
    AUTO_FOCUS = ""
    """`on_mount` focuses the field (Textual's own first focus, on the scroll, restyled it all)."""

    BINDINGS = [Binding("escape", "stay", "Back", show=False)]

    def __init__(self, screen: SessionScreen, why: str) -> None:
        super().__init__()
        self.session_screen = screen
        self.why = why
        self.lang: Lang = screen.lang
        self.confirming = False

    def compose(self) -> ComposeResult:
        lang, saver = self.lang, self.session_screen.autosaver
        since = _since(lang, saver.last_saved)
        body = t(lang, "unsaved.body", file=saver.path.name, cause=t(lang, f"cause.{self.why}"), since=since)
        with VerticalScroll(id="unsaved-box"):
            yield Static(t(lang, "unsaved.title"), id="prompt-title", markup=False)
            yield Static(body, id="unsaved-body", markup=False)
            yield Static(t(lang, "unsaved.where"), markup=False)
            yield Input(str(suggested_copy(saver.path)), id="unsaved-target")
            yield Static("", id="unsaved-message", markup=False)
            with Grid(id="unsaved-buttons"):
                yield Button(t(lang, "unsaved.copy"), id="unsaved-copy", variant="primary")
                yield Button(t(lang, "unsaved.retry"), id="unsaved-retry")
                yield Button(t(lang, "unsaved.stay"), id="unsaved-stay")
                yield Button(t(lang, "unsaved.discard"), id="unsaved-discard", variant="error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def _say(self, text: str) -> None:
        self.query_one("#unsaved-message", Static).update(text)

    @on(Input.Submitted)
    @on(Button.Pressed, "#unsaved-copy")
    def action_copy(self) -> None:
        """Write a copy of the session where the path field says; quit once it is there."""
        saver = self.session_screen.autosaver
        typed = self.query_one(Input).value.strip()
        if not typed:
            return
        target = Path(typed).expanduser()
        try:
            written = write_copy(target, saver.text_now(), saver.path.name)
        except FileExistsError:
            self._say(t(self.lang, "unsaved.copy_exists", target=str(target)))
            return
        except OSError as exc:
            why = t(self.lang, f"cause.{cause(exc)}")
            self._say(t(self.lang, "unsaved.copy_failed", target=str(target), cause=why))
            return
        self.app.notify(t(self.lang, "unsaved.copied", file=str(written)), markup=False)
        self.dismiss("copied")

    @on(Button.Pressed, "#unsaved-retry")
    def action_retry(self) -> None:
        """Try to save in the session's own file again."""
        why = self.session_screen.flush()
        if why is None:
            self.dismiss("retry")
        else:
            self._say(t(self.lang, "unsaved.still_failing", cause=t(self.lang, f"cause.{why}")))

    @on(Button.Pressed, "#unsaved-stay")
    def action_stay(self) -> None:
        self.dismiss("stay")

    @on(Button.Pressed, "#unsaved-discard")
    def action_discard(self) -> None:
        """Quit without saving, after a second press that confirms it."""
        if self.confirming:
            self.dismiss("discard")
            return
        self.confirming = True
        self._say(t(self.lang, "unsaved.confirm"))


def _since(lang: Lang, when: datetime | None) -> str:
    if when is None:
        return t(lang, "unsaved.since_open")
    return t(lang, "unsaved.since", time=when.strftime("%H:%M:%S"))
