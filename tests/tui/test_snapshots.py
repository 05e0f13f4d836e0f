"""Snapshots of the key screens at 80×24 and 160×45."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from potential_deck.core.meeting import new_session

from .conftest import FIXED_NOW

SIZES = [(80, 24), (160, 45)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x45"])
def test_home(snap_compare, make_app, store, deck, size):
    store.create(new_session(deck, team="Basisschool De Linde", now=FIXED_NOW))
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x45"])
def test_dialogue_card_with_notes(snap_compare, make_app, size):
    async def run_before(pilot):
        await pilot.press("pagedown")
        screen = pilot.app.screen
        screen.query_one("#note-did", TextArea).load_text("Samen een lied gezongen in drie talen.")
        screen.query_one("#note-growth", TextArea).load_text("Thuistalen zichtbaar maken")
        screen.set_focus(None)
        await pilot.pause()

    assert snap_compare(make_app(team="Basisschool De Linde"), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x45"])
def test_projection_mode(snap_compare, make_app, size):
    async def run_before(pilot):
        await pilot.press("pagedown", "f5")

    assert snap_compare(make_app(team="Basisschool De Linde"), terminal_size=size, run_before=run_before)
