"""Every key lands: the real app in a pseudo-terminal, typed into when a person would.

Nothing here waits for the app to be "ready" before typing where a person would not: keys are
sent the moment the app starts, in the same burst as a PageDown, at ten keys a second. Each test
then quits and reads the session file: the text is where it was meant to go, and nothing else
changed (card, timer, black screen, steps).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from potential_deck.core.deck.load import load
from potential_deck.core.locations import builtin_deck
from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import CoreValue, HarvestItem, Opportunity, Session, Step
from potential_deck.core.session.store import SessionStore, read
from terminal import CTRL_B, CTRL_P, DOWN, PAGE_DOWN, PAGE_UP, TAB, UP, AppInTerminal

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="needs a Linux pseudo-terminal")

FIRST_TITLE = "Diversiteit in onze school"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "POTENTIAL_DECK_CONFIG": str(tmp_path / "settings.toml"), "TERM": "xterm-256color"}


def run(tmp_path: Path, env: dict[str, str]) -> AppInTerminal:
    return AppInTerminal(["run", "--team", "De Linde", "--sessions", str(tmp_path / "s")], env)


def only_session(tmp_path: Path) -> Session:
    listed = SessionStore(tmp_path / "s").list()
    assert len(listed) == 1 and listed[0].heading is not None, listed
    return read(listed[0].path)


def assert_nothing_else_changed(session: Session, position: int) -> None:
    assert session.live.position == position, "no card change but the ones asked for"
    assert not session.live.blank and not session.live.projection
    assert not any(record.timer.running or record.timer.elapsed for record in session.cards.values())


def test_words_typed_the_moment_run_starts_land_in_the_first_note_field(tmp_path: Path, env) -> None:
    app = run(tmp_path, env)
    app.type("Het team belt ouders op")  # before the app has drawn anything
    app.wait_for(FIRST_TITLE)
    assert app.quit() == 0
    session = only_session(tmp_path)
    assert session.cards[session.agenda[0]].free == "Het team belt ouders op"
    assert_nothing_else_changed(session, 0)


def test_typing_right_after_pagedown_goes_into_the_next_cards_notes(tmp_path: Path, env) -> None:
    app = run(tmp_path, env)
    app.wait_for(FIRST_TITLE)
    app.type("eerste" + PAGE_DOWN + "Het team belt ouders op")  # one burst, no Tab
    app.wait_for("Meer talen in de klas")
    assert app.quit() == 0
    session = only_session(tmp_path)
    first, second = session.agenda[0], session.agenda[1]
    assert session.cards[first].free == "eerste"
    assert session.cards[second].free == "Het team belt ouders op"
    assert_nothing_else_changed(session, 1)


def test_keys_in_one_write_with_the_one_that_unblanks_all_land_in_order(tmp_path: Path, env) -> None:
    app = run(tmp_path, env)
    app.wait_for(FIRST_TITLE)
    app.type("vijf")
    app.type(CTRL_B)  # the black screen, while typing
    app.wait_for("Druk op een toets")
    app.type("Xterug")  # one write: the first key brings the card back, the rest follow it
    app.wait_for("vijfXterug")
    assert app.quit() == 0
    session = only_session(tmp_path)
    assert session.cards[session.agenda[0]].free == "vijfXterug"
    assert_nothing_else_changed(session, 0)


def test_a_palette_command_typed_in_one_burst_runs_the_command_typed(tmp_path: Path, env) -> None:
    """Ctrl+P, "collega", Enter as one burst: the words went to the palette before its field had
    focus, and Enter chose the first line of the empty search (the home screen, the next card)."""
    app = run(tmp_path, env)
    app.wait_for(FIRST_TITLE)
    app.type(CTRL_P + "collega" + "\r")
    app.wait_for("kaart 3 van 5")
    assert app.quit() == 0
    session = only_session(tmp_path)
    assert_nothing_else_changed(session, 2)


def test_tab_and_text_in_one_write_end_as_typed_slowly(tmp_path: Path, env) -> None:
    app = run(tmp_path, env)
    app.wait_for(FIRST_TITLE)
    app.type(TAB + "Wat we zien")
    app.drain(0.5)
    app.type(PAGE_DOWN)
    app.type_slowly([TAB, *"Wat we doen"], 0.1)
    assert app.quit() == 0
    session = only_session(tmp_path)
    first, second = session.agenda[0], session.agenda[1]
    assert session.cards[first].fields == {"seen": "Wat we zien"}
    assert session.cards[first].free == ""
    assert session.cards[second].fields.get("did") == "Wat we doen"
    assert_nothing_else_changed(session, 1)


def at_the_harvest(tmp_path: Path, *, steps: int = 0) -> Path:
    deck = load(builtin_deck())
    session = new_session(
        deck,
        team="De Linde",
        now=__import__("datetime").datetime(2026, 11, 23, 14, 30),
        deck_path=str(builtin_deck()),
    )
    session.harvest.items = [HarvestItem(text=f"Groeimogelijkheid {n}") for n in range(1, 6)]
    session.harvest.steps = [Step(what=f"Stap {n}") for n in range(1, steps + 1)]
    session.live.stage = "harvest"
    session.live.position = len(session.agenda)
    return SessionStore(tmp_path / "s").create(session)


@pytest.mark.parametrize("interval", [0.1, 0.0], ids=["ten-a-second", "one-burst"])
def test_down_and_v_in_the_harvest_list_tag_the_items_meant(tmp_path: Path, env, interval: float) -> None:
    path = at_the_harvest(tmp_path)
    app = AppInTerminal(["resume", str(path), "--sessions", str(tmp_path / "s")], env)
    app.wait_for("Groeimogelijkheid 5")
    keys = [DOWN, "v", DOWN, "v", DOWN, DOWN, "v", "v"]
    if interval:
        app.type_slowly(keys, interval)
    else:
        app.type("".join(keys))
    assert app.quit() == 0
    values = [item.value for item in read(path).harvest.items]
    first, second = CoreValue.VALUING_DIVERSITY, CoreValue.SUPPORTING_ALL
    assert values == [None, first, first, None, second], "each v tags the item the cursor went to"


def test_words_typed_on_past_the_last_card_strike_nothing_in_the_harvest(tmp_path: Path, env) -> None:
    deck = load(builtin_deck())
    session = new_session(deck, team="De Linde", now=__import__("datetime").datetime(2026, 11, 23, 14, 30))
    session.record(session.agenda[1]).growth = [Opportunity(text="Ouders betrekken")]
    session.live.position = len(session.agenda) - 1  # on the last card
    path = SessionStore(tmp_path / "s").create(session)
    app = AppInTerminal(["resume", str(path), "--sessions", str(tmp_path / "s")], env)
    app.wait_for(deck.card(session.agenda[-1]).nl.title[:30])
    app.type("slot" + PAGE_DOWN + "vox ma")  # one burst: x strikes, m merges, a adds, on the list
    app.wait_for("deed niets")  # "„x” deed niets: je typte door tot in de oogst ..."
    assert app.quit() == 0
    after = read(path)
    assert [item.text for item in after.harvest.items] == ["Ouders betrekken"]
    assert after.harvest.removed == [] and after.harvest.items[0].value is None
    assert after.cards[session.agenda[-1]].free == "slot"


def test_a_date_typed_on_the_steps_list_switches_nothing_and_changes_nothing(tmp_path: Path, env) -> None:
    path = at_the_harvest(tmp_path, steps=2)
    before = read(path).harvest
    app = AppInTerminal(["resume", str(path), "--sessions", str(tmp_path / "s")], env)
    app.wait_for("Groeimogelijkheid 5")
    app.type(PAGE_DOWN * 3)  # the clicker to step 4, the plan
    app.wait_for("Stap 2")
    app.type("08/01/2027")
    app.wait_for("doet hier niets")
    assert app.quit() == 0
    after = read(path)
    assert after.harvest.steps == before.steps and after.harvest.items == before.items
    assert after.live.stage == "harvest"


def test_text_typed_right_after_a_opens_its_dialog_lands_in_it(tmp_path: Path, env) -> None:
    path = at_the_harvest(tmp_path)
    app = AppInTerminal(["resume", str(path), "--sessions", str(tmp_path / "s")], env)
    app.wait_for("Groeimogelijkheid 5")
    app.type("aOuders vaker betrekken\r" + UP + "v")  # one burst: add, type, Enter, up, tag
    app.wait_for("Ouders vaker betrekken")
    assert app.quit() == 0
    items = read(path).harvest.items
    assert [item.text for item in items][-1] == "Ouders vaker betrekken", "every letter in the dialog"
    first = CoreValue.VALUING_DIVERSITY
    assert [item.value for item in items] == [None, None, None, None, first, None], (
        "↑ after Enter moved from the new item to the one above it, and v tagged that one"
    )


def test_keys_after_enter_in_a_dialog_go_to_the_list_not_into_the_field(tmp_path: Path, env) -> None:
    path = at_the_harvest(tmp_path)
    app = AppInTerminal(["resume", str(path), "--sessions", str(tmp_path / "s")], env)
    app.wait_for("Groeimogelijkheid 5")
    app.type("aEen idee\rv")  # the v tags the new item: it is not typed into the closing dialog
    app.wait_for("Een idee")
    assert app.quit() == 0
    items = read(path).harvest.items
    assert items[-1].text == "Een idee"
    assert items[-1].value == CoreValue.VALUING_DIVERSITY


def test_undo_then_a_key_in_one_burst_act_on_the_step_undo_went_to(tmp_path: Path, env) -> None:
    path = at_the_harvest(tmp_path, steps=2)
    app = AppInTerminal(["resume", str(path), "--sessions", str(tmp_path / "s")], env)
    app.wait_for("Groeimogelijkheid 5")
    app.type(PAGE_DOWN * 3)
    app.wait_for("Stap 2")
    app.forget()
    app.type("aBoeken kiezen\r")
    app.wait_for("kiezen")
    app.forget()
    app.type(PAGE_UP * 3)
    app.wait_for("Groeimogelijkheid 5")
    app.forget()
    app.type("ux")  # undo goes back to the plan; x is the plan's 'done' there, not a strike-out
    app.wait_for("✓")
    assert app.quit() == 0
    after = read(path).harvest
    assert [(step.what, step.done) for step in after.steps] == [("Stap 1", False), ("Stap 2", True)], (
        "'Boeken kiezen' undone, and the step under the cursor then done"
    )
    assert len(after.items) == 5, "no growth opportunity struck out"
