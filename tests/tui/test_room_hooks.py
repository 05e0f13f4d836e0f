"""What the facilitator's screens tell the room: how far the card is scrolled, which harvest step shows."""

from __future__ import annotations

from potential_deck.core.session.store import read
from potential_deck.tui.screens.card import CardScreen
from potential_deck.tui.widgets.card_view import CardView

from .test_harvest import noted_session, open_harvest


async def test_scrolling_the_card_is_saved_for_the_room(make_app):
    app = make_app(team="De Linde")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, CardScreen)
        view = screen.query_one(CardView)
        await pilot.press("ctrl+down", "ctrl+down")
        await pilot.pause()
        await app.workers.wait_for_complete()
        saved = read(screen.path).live.scroll
        assert 0 < saved <= 1 and saved == view.scroll_fraction
        await pilot.press("pagedown")
        await app.workers.wait_for_complete()
        assert read(screen.path).live.scroll == 0.0  # the next card starts at its top


async def test_the_harvest_step_on_screen_is_saved_for_the_room(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_harvest(pilot)
        for key, step in (("pagedown", "votes"), ("pagedown", "question"), ("pageup", "votes")):
            await pilot.press(key)
            await pilot.pause()
            await app.workers.wait_for_complete()
            assert read(screen.path).live.harvest_step == step
