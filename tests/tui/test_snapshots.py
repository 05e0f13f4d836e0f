"""Snapshots of the key screens at 80×24 and 160×45."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import TextArea

from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import CoreValue, Harvest, HarvestItem, Step, TimerSnapshot

from .conftest import FIXED_NOW

SIZES = [(80, 24), (160, 45)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x45"])
def test_home(snap_compare, make_app, store, deck, size):
    store.create(new_session(deck, team="Basisschool De Linde", now=FIXED_NOW))
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x45"])
def test_dialogue_card_with_notes(snap_compare, make_app, size):
    async def run_before(pilot):
        await pilot.press("pagedown", "tab", *"Samen een lied gezongen in drie talen.")
        await pilot.press("shift+tab", "shift+tab", *"Thuistalen zichtbaar maken")
        for area in pilot.app.screen.query(TextArea):
            area.cursor_blink = False  # typing mode, as the facilitator sees it; a steady cursor
        pilot.app.screen.save_now()  # the status line says it saved, whenever the debounce fires
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app(team="Basisschool De Linde"), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x45"])
def test_projection_mode(snap_compare, make_app, size):
    async def run_before(pilot):
        await pilot.press("pagedown", "f5")

    assert snap_compare(make_app(team="Basisschool De Linde"), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x45"])
def test_projection_mode_with_a_shared_note(snap_compare, make_app, size):
    """Set-up 1: what the room sees of a note field shared with F6, under the card."""

    async def run_before(pilot):
        await pilot.press("pagedown", "tab", *"Samen een lied gezongen in drie talen.", "f6")
        await pilot.press("tab", *"Niet voor de zaal", "f5")
        await pilot.pause()

    assert snap_compare(make_app(team="Basisschool De Linde"), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x45"])
def test_harvest_overview(snap_compare, make_app, deck, size):
    session = new_session(deck, team="Basisschool De Linde", now=FIXED_NOW, participants=["An", "Bo"])
    first, second = session.agenda[0], session.agenda[1]
    session.record(first).timer = TimerSnapshot(budget=600, elapsed=720)
    session.record(second).timer = TimerSnapshot(budget=900, elapsed=840)
    session.harvest = Harvest(
        items=[
            HarvestItem(
                text="Thuistalen zichtbaar maken", cards=[second], value=CoreValue.VALUING_DIVERSITY, votes=4
            ),
            HarvestItem(
                text="Ouders vaker betrekken",
                cards=[first, second],
                value=CoreValue.WORKING_WITH_OTHERS,
                votes=2,
            ),
            HarvestItem(
                text="Bij elkaar in de klas gaan kijken", value=CoreValue.WORKING_WITH_OTHERS, votes=1
            ),
        ],
        question="Hoe kunnen we de thuistalen van onze leerlingen zichtbaar maken?",
        question_items=[0],
        steps=[Step(what="Talenportret in elke klas", who="Lies", due=dt.date(2026, 12, 18))],
        next_meeting=dt.date(2027, 1, 20),
    )
    session.live.stage = "harvest"
    session.live.position = len(session.agenda)

    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app(session=session), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x45"])
def test_harvest_question(snap_compare, make_app, deck, size):
    """The learning question as the room reads it: large, bold, whole; its links marked X."""
    session = new_session(deck, team="Basisschool De Linde", now=FIXED_NOW)
    session.harvest = Harvest(
        items=[
            HarvestItem(text="Thuistalen zichtbaar maken"),
            HarvestItem(text="Ouders vaker betrekken"),
            HarvestItem(text="Bij elkaar in de klas gaan kijken"),
        ],
        question="Hoe kunnen we als team onze lessen zo differentiëren dat alle leerlingen, ook "
        "anderstalige nieuwkomers en kinderen die in armoede opgroeien, zich gezien voelen?",
        question_items=[0, 2],
    )
    session.live.stage = "harvest"
    session.live.position = len(session.agenda)

    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("pagedown", "pagedown")
        for area in pilot.app.screen.query(TextArea):
            area.cursor_blink = False
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app(session=session), terminal_size=size, run_before=run_before)
