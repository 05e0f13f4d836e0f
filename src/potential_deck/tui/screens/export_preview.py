"""Exports from the app: palette commands, then a preview before it is saved.

The preview shows the exact text of a Markdown, JSON or TOML export. An HTML export is for a
browser, so its preview shows the text of that very HTML page as a reader sees it
(`core.report.html_text`): it cannot differ from the file that will be written.

The file goes next to the session file (`core.report.export.export_path`) and is never written over
an existing one unless the facilitator presses Overwrite after being told it exists.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Protocol, runtime_checkable

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static, TextArea

from potential_deck.core.session.models import Deck, Lang, Session
from potential_deck.core.text.i18n import t
from potential_deck.tui.commands import ListProvider

FORMAT_NAMES: dict[str, str] = {"md": "Markdown", "html": "HTML", "json": "JSON", "toml": "TOML"}


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


def open_export(screen: Exportable, fmt: str, anonymize: bool) -> None:
    """Render the screen's session as `fmt` and show the preview."""
    if anonymize:  # with every replacement listed, to confirm or skip
        from potential_deck.tui.screens.anonymize_review import open_anonymized

        open_anonymized(screen, fmt)
        return
    from potential_deck.core.report import export
    from potential_deck.core.report.export import export_path
    from potential_deck.core.year.trajectory import year_until

    screen.save_now()
    year = year_until(screen.session, screen.path) if fmt != "toml" else None  # the team's hours
    text = export.render(screen.session, screen.deck, fmt, anonymize=anonymize, year=year)
    readable = None
    if fmt == "html":  # for a browser: the preview shows the text of that very page
        from potential_deck.core.report.html_text import html_text

        readable = html_text(text)
    target = export_path(screen.path, fmt, anonymize=anonymize, lang=screen.session.language)
    assert isinstance(screen, Screen)
    screen.app.push_screen(ExportPreview(text, target, screen.lang, readable=readable))


CARDS_PER_PAGE = 2
"""Cards per A4 sheet when printed from the app: two A5 cards in large type."""


def open_cards(screen: Exportable) -> None:
    """The agenda's cards as print-ready HTML, previewed before it is saved beside the exports."""
    from potential_deck.core.report import print_cards
    from potential_deck.core.report.export import export_path
    from potential_deck.core.report.html_text import html_text

    screen.save_now()
    lang = screen.lang
    cards = [screen.deck.card(card_id) for card_id in screen.session.agenda if screen.deck.has(card_id)]
    text = print_cards.cards_html(screen.deck, cards, lang, per_page=CARDS_PER_PAGE)
    target = export_path(screen.path, "html").with_name(f"{screen.path.stem}-{t(lang, 'cards.file')}.html")
    assert isinstance(screen, Screen)
    screen.app.push_screen(ExportPreview(text, target, lang, readable=html_text(text)))


class ExportCommands(ListProvider):
    """'Export as Markdown/HTML/JSON/TOML', each also anonymised; the agenda's cards to print."""

    def _commands(self) -> list[tuple[str, str, partial[None]]]:
        screen: Exportable = self.screen  # type: ignore[assignment]
        lang = screen.lang
        commands = []
        for anonymize in (False, True):
            key = "harvest.export_anonymous" if anonymize else "harvest.export"
            for fmt in FORMAT_NAMES:
                name = t(lang, key, format=FORMAT_NAMES.get(fmt, fmt))
                commands.append(
                    (name, t(lang, "harvest.export_help"), partial(open_export, screen, fmt, anonymize))
                )
        commands.append(
            (
                t(lang, "cards.export", per_page=CARDS_PER_PAGE),
                t(lang, "cards.export_help"),
                partial(open_cards, screen),
            )
        )
        commands.append(
            (t(lang, "cmd.calendar"), t(lang, "cmd.calendar_help"), partial(open_calendar, screen))
        )
        return commands


def open_calendar(screen: Exportable) -> None:
    """The next meeting and the open steps' due dates as an .ics file, previewed before saving."""
    from potential_deck.core.report.export import export_path
    from potential_deck.core.year.ical import session_calendar

    screen.save_now()
    assert isinstance(screen, Screen)
    text = session_calendar(screen.session, datetime.now(UTC))
    screen.app.push_screen(ExportPreview(text, export_path(screen.path, "ics"), screen.lang))
