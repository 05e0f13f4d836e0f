"""Exports from the app: the palette's export commands, each shown in a preview before it is saved.

Markdown, HTML, JSON and TOML, each also anonymised (its replacements listed to confirm,
`tui.screens.anonymize_review`); the agenda's cards to print; the calendar. Every one opens an
`ExportPreview` (`tui.screens.export_preview`) over the screen it came from.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial

from textual.screen import Screen

from potential_deck.core.text.i18n import t
from potential_deck.tui.commands import ListProvider
from potential_deck.tui.screens.export_preview import Exportable, ExportPreview

FORMAT_NAMES: dict[str, str] = {"md": "Markdown", "html": "HTML", "json": "JSON", "toml": "TOML"}


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
