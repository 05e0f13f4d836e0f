"""Printing the agenda's cards from the app: one palette entry, a preview, a file beside the exports."""

from __future__ import annotations

from textual.widgets import TextArea

from potential_deck.tui.screens.card import CardScreen
from potential_deck.tui.screens.export_preview import ExportPreview

from .helpers import palette_searched

SIZE = (110, 36)


async def choose_command(pilot, words: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*words)
    await palette_searched(pilot)
    await pilot.press("enter")
    await pilot.pause()


async def test_the_agendas_cards_are_previewed_then_saved_as_html(make_app, deck):
    app = make_app(team="De Linde")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, CardScreen)
        await choose_command(pilot, "Kaarten afdrukken")
        preview = app.screen
        assert isinstance(preview, ExportPreview)
        target = screen.path.parent / "exports" / f"{screen.path.stem}-kaarten.html"
        assert preview.path == target
        shown = preview.query_one("#export-text", TextArea).text  # the page's text, as a browser shows it
        titles = [deck.card(card_id).nl.title for card_id in screen.session.agenda]
        assert all(title in shown for title in titles)
        await pilot.click("#export-save")
        assert isinstance(app.screen, CardScreen)
        page = target.read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>") and '<body class="per-2">' in page
        assert all(title in page for title in titles)


async def test_an_english_session_prints_english_cards(make_app, deck):
    app = make_app(team="De Linde", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await choose_command(pilot, "Print the cards")
        preview = app.screen
        assert isinstance(preview, ExportPreview)
        assert preview.path.name == f"{screen.path.stem}-cards.html"
        assert deck.card(screen.session.agenda[0]).en.title in preview.text
        await pilot.press("escape")
        assert isinstance(app.screen, CardScreen)
        assert not preview.path.exists()
