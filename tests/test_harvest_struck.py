"""Struck out, not lost: what gathering leaves out, what is said once, what comes back."""

from __future__ import annotations

import pytest

from conftest import item_texts
from potential_deck.core.harvest import rules as harvest
from potential_deck.core.harvest.history import HarvestHistory
from potential_deck.core.harvest.struck import Notice, left_out, struck
from potential_deck.core.session.models import CoreValue, Opportunity, Session
from potential_deck.core.session.notes import harvest_list


@pytest.fixture
def noted(session: Session) -> Session:
    """Cards with growth opportunities, the harvest started (as in test_harvest.py)."""
    session.record("begin").growth = [
        Opportunity(text="Thuistaal benutten"),
        Opportunity(text="Ouders betrekken", value=CoreValue.WORKING_WITH_OTHERS),
    ]
    session.record("praten").growth = [Opportunity(text="ouders  BETREKKEN")]
    session.record("doen").growth = [Opportunity(text="Feedback van leerlingen vragen")]
    harvest.start(session)
    return session


def reopened(session: Session) -> Session:
    """The session as the next opening reads it from its file (no undo history)."""
    return Session.model_validate_json(session.model_dump_json())


def test_struck_lists_every_wording_struck_the_last_first(noted: Session) -> None:
    harvest.merge(noted, source=0, target=2)  # "Thuistaal benutten" into "Feedback ..."
    harvest.edit_item(noted, 1, "Leerlingen vragen wat werkt")
    harvest.remove_item(noted, 1)
    own = harvest.add_item(noted, "Een eigen idee")
    harvest.remove_item(noted, own)
    assert struck(noted) == [
        "Een eigen idee",
        "Feedback van leerlingen vragen",
        "Thuistaal benutten",
        "Leerlingen vragen wat werkt",
    ]


def test_a_struck_card_item_comes_back_after_reopening_with_its_cards_and_value(noted: Session) -> None:
    harvest.remove_item(noted, 1)
    again = reopened(noted)
    assert harvest.start(again) is False, "gathering leaves it out"
    index = harvest.bring_back(again, "Ouders betrekken")
    item = again.harvest.items[index]
    assert (item.text, item.cards, item.value) == (
        "Ouders betrekken",
        ["begin", "praten"],
        CoreValue.WORKING_WITH_OTHERS,
    )
    assert again.harvest.removed == [] and struck(again) == []
    assert [item.text for item in harvest_list(again)] == item_texts(again), (
        "gathering adds it no second time"
    )


def test_an_own_struck_item_comes_back_as_the_teams_own(noted: Session) -> None:
    harvest.remove_item(noted, harvest.add_item(noted, "  Een   eigen idee "))
    again = reopened(noted)
    index = harvest.bring_back(again, "Een eigen idee")
    assert (again.harvest.items[index].text, again.harvest.items[index].cards) == ("Een eigen idee", [])


def test_each_wording_of_a_struck_merge_comes_back_on_its_own(noted: Session) -> None:
    harvest.merge(noted, source=0, target=1)
    harvest.remove_item(noted, 0)
    assert harvest.bring_back(noted, "Thuistaal benutten") == len(noted.harvest.items) - 1
    assert "Ouders betrekken" not in item_texts(noted) and struck(noted) == ["Ouders betrekken"]


def test_words_held_by_an_item_again_come_back_into_that_item(noted: Session) -> None:
    harvest.remove_item(noted, 1)
    own = harvest.add_item(noted, "OUDERS betrekken")  # the team typed the same words again
    assert harvest.bring_back(noted, "Ouders betrekken") == own
    assert item_texts(noted).count("OUDERS betrekken") == 1 and noted.harvest.items[own].cards == [
        "begin",
        "praten",
    ]


def test_words_not_struck_cannot_be_brought_back(noted: Session) -> None:
    with pytest.raises(ValueError, match="niet geschrapt"):
        harvest.bring_back(noted, "Ouders betrekken")


def test_the_same_words_on_another_card_are_left_out_and_said_once(noted: Session) -> None:
    notice = Notice()
    harvest.remove_item(noted, 1)
    notice.known(noted)  # struck at the harvest: the facilitator knows
    assert left_out(noted) == {("begin", "ouders betrekken"), ("praten", "ouders betrekken")}
    assert notice.news(noted) == 0
    noted.record("doen").growth = [*noted.record("doen").growth, Opportunity(text="Ouders Betrekken")]
    harvest.start(noted)
    assert "Ouders Betrekken" not in item_texts(noted), "still struck"
    assert ("doen", "ouders betrekken") in left_out(noted)
    assert notice.news(noted) == 1, "said once"
    assert notice.news(noted) == 0, "and not again"


def test_after_reopening_what_gathering_leaves_out_is_said_once(noted: Session) -> None:
    harvest.remove_item(noted, 1)
    harvest.remove_item(noted, 0)
    again = reopened(noted)
    harvest.start(again)
    notice = Notice()
    assert notice.news(again) == 2
    assert notice.news(again) == 0


def test_a_struck_own_item_is_no_card_line_left_out(noted: Session) -> None:
    harvest.remove_item(noted, harvest.add_item(noted, "Een eigen idee"))
    assert left_out(noted) == set() and Notice().news(noted) == 0


def test_bringing_back_is_undone_and_redone(noted: Session) -> None:
    harvest.remove_item(noted, 1)
    history = HarvestHistory(noted)
    before = noted.harvest.model_copy(deep=True)
    harvest.bring_back(noted, "Ouders betrekken")
    history.commit(noted, "restored", text="Ouders betrekken")
    after = noted.harvest.model_copy(deep=True)
    moved = history.undo(noted)
    assert moved is not None and moved.message == "Ongedaan gemaakt: „Ouders betrekken” teruggezet"
    assert noted.harvest == before
    history.redo(noted)
    assert noted.harvest == after
