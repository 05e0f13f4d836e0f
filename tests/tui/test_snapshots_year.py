"""Snapshots of a team's year at 80×24 and 160×45: the look back and the year view."""

from __future__ import annotations

import datetime as dt

import pytest

from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import Activity, Collaboration, Step, StepStatus
from potential_deck.core.year.lookback import decide, fill

from .conftest import FIXED_NOW

SIZES = [(80, 24), (160, 45)]
TEAM = "Basisschool De Linde"


def _october(deck):  # type: ignore[no-untyped-def]
    october = new_session(deck, team=TEAM, now=dt.datetime(2026, 10, 12, 14, 0), people=6)
    october.harvest.question = "Hoe kunnen we de thuistalen van onze leerlingen benutten?"
    october.harvest.steps = [
        Step(what="Woordmuur in elke klas", who="Lotte", due=dt.date(2026, 10, 30)),
        Step(what="Bevraging bij ouders", who="Jan, Zoë", due=dt.date(2026, 11, 6)),
        Step(what="Co-teaching in het vierde leerjaar", who="Omar", form=Collaboration.CO_TEACHING, hours=3),
    ]
    return october


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x45"])
def test_look_back(snap_compare, make_app, store, deck, size):
    october = _october(deck)
    path = store.create(october)
    november = new_session(deck, team=TEAM, now=FIXED_NOW, people=6)
    fill(november, [(path, october)])
    decide(november, 0, StepStatus.DONE)
    decide(november, 1, StepStatus.CARRIED, new_due=dt.date(2027, 1, 15))

    async def run_before(pilot):
        await pilot.pause()
        pilot.app.screen.open_lookback()
        await pilot.pause()
        await pilot.press("down")

    assert snap_compare(make_app(session=november), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x45"])
def test_year_view(snap_compare, make_app, store, deck, size):
    october = _october(deck)
    october.harvest.steps[2].status = StepStatus.DONE
    october.activities = [
        Activity(
            date=dt.date(2026, 10, 20),
            form=Collaboration.CLASS_VISIT,
            hours=2,
            who="An, Jan",
            note="klasbezoek 4A",
        )
    ]
    store.create(october)

    async def run_before(pilot):
        await pilot.press("j")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)
