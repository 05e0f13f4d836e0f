"""The harvest's rules: items, merging, core values, dots, the question, the step plan, dates."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import item_texts
from potential_deck.core.harvest import rules as harvest
from potential_deck.core.harvest.history import HarvestHistory
from potential_deck.core.session.models import CoreValue, Opportunity, Session
from potential_deck.core.session.notes import harvest_list


@pytest.fixture
def noted(session: Session) -> Session:
    """A session whose cards hold four growth opportunities, the harvest started."""
    session.record("begin").growth = [
        Opportunity(text="Thuistaal benutten"),
        Opportunity(text="Ouders betrekken"),
    ]
    session.record("praten").growth = [
        Opportunity(text="Samen lessen voorbereiden", value=CoreValue.WORKING_WITH_OTHERS),
        Opportunity(text="ouders  BETREKKEN"),
    ]
    session.record("doen").growth = [Opportunity(text="Feedback van leerlingen vragen")]
    harvest.start(session)
    return session


# --- start, add, edit, remove -----------------------------------------------------------------


def test_start_gathers_card_opportunities_with_their_cards(noted: Session) -> None:
    assert item_texts(noted) == [
        "Thuistaal benutten",
        "Ouders betrekken",
        "Samen lessen voorbereiden",
        "Feedback van leerlingen vragen",
    ]
    assert noted.harvest.items[1].cards == ["begin", "praten"]
    assert noted.harvest.items[2].value == CoreValue.WORKING_WITH_OTHERS
    assert harvest.start(noted) is False, "starting again changes nothing"


def test_start_keeps_the_harvest_and_adds_new_card_opportunities(noted: Session) -> None:
    harvest.set_votes(noted, 0, 3)
    noted.record("doen").growth = [*noted.record("doen").growth, Opportunity(text="Nieuw idee")]
    assert harvest.start(noted) is True
    assert item_texts(noted)[-1] == "Nieuw idee"
    assert noted.harvest.items[0].votes == 3


def test_add_item_is_the_teams_own(noted: Session) -> None:
    index = harvest.add_item(noted, "  Een   eigen idee ", CoreValue.VALUING_DIVERSITY)
    assert index == 4
    item = noted.harvest.items[index]
    assert (item.text, item.cards, item.value) == ("Een eigen idee", [], CoreValue.VALUING_DIVERSITY)


def test_empty_text_is_refused_in_the_session_language(noted: Session) -> None:
    with pytest.raises(ValueError, match="Schrijf eerst iets"):
        harvest.add_item(noted, "   ")
    noted.language = "en"
    with pytest.raises(ValueError, match="Write something first"):
        harvest.edit_item(noted, 0, "")


def test_edit_keeps_the_cards_wording_from_coming_back(noted: Session) -> None:
    assert harvest.edit_item(noted, 0, "De thuistaal van leerlingen benutten") is True
    assert noted.harvest.items[0].absorbed == ["Thuistaal benutten"]
    assert harvest.edit_item(noted, 0, "De thuistaal van leerlingen benutten") is False
    assert [item.text for item in harvest_list(noted)] == item_texts(noted)


def test_editing_an_own_item_absorbs_nothing(noted: Session) -> None:
    index = harvest.add_item(noted, "Eigen")
    harvest.edit_item(noted, index, "Eigen idee")
    assert noted.harvest.items[index].absorbed == []


def test_a_struck_out_item_comes_back_as_it_was_by_undo(noted: Session) -> None:
    harvest.add_dot(noted, 1, 3)
    harvest.toggle_link(noted, 1)
    harvest.toggle_link(noted, 3)
    history = HarvestHistory(noted)
    before = noted.harvest.model_copy(deep=True)
    harvest.remove_item(noted, 1)
    history.commit(noted, "removed", text="Ouders betrekken")
    assert noted.harvest.question_items == [2]
    assert history.undo(noted) is not None
    assert noted.harvest == before
    assert [item.text for item in harvest_list(noted)] == item_texts(noted), "gathering does not add it twice"


def test_striking_out_the_same_words_twice_remembers_them_once(noted: Session) -> None:
    harvest.remove_item(noted, 0)
    harvest.add_item(noted, "Thuistaal benutten")  # the same words, typed by the team
    harvest.remove_item(noted, len(noted.harvest.items) - 1)
    assert noted.harvest.removed == ["Thuistaal benutten"]


def test_remove_remembers_card_texts_so_gather_does_not_re_add_them(noted: Session) -> None:
    removed = harvest.remove_item(noted, 1)
    assert removed.text == "Ouders betrekken"
    assert noted.harvest.removed == ["Ouders betrekken"]
    assert "Ouders betrekken" not in item_texts(noted)
    assert [item.text for item in harvest_list(noted)] == item_texts(noted)


def test_remove_an_own_item_remembers_its_words_so_it_can_come_back(noted: Session) -> None:
    index = harvest.add_item(noted, "Eigen")
    harvest.remove_item(noted, index)
    assert noted.harvest.removed == ["Eigen"]


def test_remove_keeps_question_links_on_the_same_items(noted: Session) -> None:
    harvest.set_links(noted, [0, 1, 3])
    harvest.remove_item(noted, 1)
    linked = [noted.harvest.items[i].text for i in noted.harvest.question_items]
    assert linked == ["Thuistaal benutten", "Feedback van leerlingen vragen"]


# --- merge ------------------------------------------------------------------------------------


def test_merge_unites_texts_cards_and_votes(noted: Session) -> None:
    harvest.set_votes(noted, 0, 2)
    harvest.set_votes(noted, 2, 3)
    new_index = harvest.merge(noted, source=0, target=2)
    assert new_index == 1
    into = noted.harvest.items[new_index]
    assert into.text == "Samen lessen voorbereiden"
    assert into.absorbed == ["Thuistaal benutten"]
    assert into.cards == ["praten", "begin"]
    assert into.votes == 5
    assert into.value == CoreValue.WORKING_WITH_OTHERS
    assert len(noted.harvest.items) == 3
    assert [item.text for item in harvest_list(noted)] == item_texts(noted), "the merged text is not re-added"


def test_merge_takes_the_sources_value_when_the_target_has_none(noted: Session) -> None:
    harvest.merge(noted, source=2, target=0)
    assert noted.harvest.items[0].value == CoreValue.WORKING_WITH_OTHERS


def test_merge_carries_absorbed_texts_along(noted: Session) -> None:
    harvest.merge(noted, source=1, target=0)
    harvest.merge(noted, source=0, target=1)
    assert noted.harvest.items[0].absorbed == ["Thuistaal benutten", "Ouders betrekken"]
    assert [item.text for item in harvest_list(noted)] == item_texts(noted)


def test_merge_keeps_question_links_valid(noted: Session) -> None:
    harvest.set_links(noted, [1, 3])
    harvest.merge(noted, source=1, target=2)
    linked = [noted.harvest.items[i].text for i in noted.harvest.question_items]
    assert linked == ["Samen lessen voorbereiden", "Feedback van leerlingen vragen"]


def test_merge_into_itself_does_nothing(noted: Session) -> None:
    assert harvest.merge(noted, 1, 1) == 1
    assert len(noted.harvest.items) == 4


def test_remove_after_merge_strikes_all_its_card_item_texts(noted: Session) -> None:
    harvest.merge(noted, source=0, target=1)
    harvest.remove_item(noted, 0)
    assert sorted(noted.harvest.removed) == ["Ouders betrekken", "Thuistaal benutten"]
    assert [item.text for item in harvest_list(noted)] == item_texts(noted)


# --- core values ------------------------------------------------------------------------------


def test_cycle_value_goes_through_the_four_values_and_back_to_none(noted: Session) -> None:
    seen = [harvest.cycle_value(noted, 0) for _ in range(5)]
    assert seen == [*CoreValue, None]


def test_set_value(noted: Session) -> None:
    harvest.set_value(noted, 0, CoreValue.SUPPORTING_ALL)
    assert noted.harvest.items[0].value == CoreValue.SUPPORTING_ALL
    harvest.set_value(noted, 0, None)
    assert noted.harvest.items[0].value is None


# --- dots -------------------------------------------------------------------------------------


def test_votes_and_dots(noted: Session) -> None:
    harvest.set_votes(noted, 0, 2)
    assert harvest.add_dot(noted, 0) == 3
    assert harvest.add_dot(noted, 1, -1) == 0, "never below zero"
    with pytest.raises(ValueError, match="negatief"):
        harvest.set_votes(noted, 0, -1)
    assert harvest.dots_given(noted) == 3


def test_budget_is_dots_per_person_times_participants(noted: Session) -> None:
    assert harvest.dots_budget(noted) == 3, "at least one person"
    noted.participants = ["An", "Bo", "Cas", "Dirk"]
    harvest.set_dots_per_person(noted, "5")
    assert harvest.dots_budget(noted) == 20


def test_the_dot_budget_says_given_against_available(noted: Session) -> None:
    noted.participants = ["An", "Bo"]
    harvest.set_votes(noted, 0, 4)
    assert harvest.dot_budget(noted) == (4, 6, 2, 3)


def test_the_dot_budget_is_over_when_more_dots_were_given_than_the_team_has(noted: Session) -> None:
    harvest.set_votes(noted, 0, 4)
    assert harvest.dot_budget(noted).over


def test_the_dot_budget_is_not_over_when_every_dot_is_given(noted: Session) -> None:
    harvest.set_votes(noted, 0, 3)
    assert not harvest.dot_budget(noted).over


@pytest.mark.parametrize("bad", [0, 21, "", "drie", "-2"])
def test_dots_per_person_must_be_1_to_20(noted: Session, bad: int | str) -> None:
    with pytest.raises(ValueError, match="1 tot 20"):
        harvest.set_dots_per_person(noted, bad)
    assert noted.harvest.dots_per_person == 3


def test_sort_by_votes_is_stable_and_keeps_links(noted: Session) -> None:
    for index, votes in enumerate([1, 3, 0, 3]):
        harvest.set_votes(noted, index, votes)
    harvest.set_links(noted, [0, 2])
    order = harvest.sort_by_votes(noted)
    assert order == [1, 3, 0, 2]
    assert [item.votes for item in noted.harvest.items] == [3, 3, 1, 0]
    assert item_texts(noted)[:2] == ["Ouders betrekken", "Feedback van leerlingen vragen"]
    linked = [noted.harvest.items[i].text for i in noted.harvest.question_items]
    assert linked == ["Thuistaal benutten", "Samen lessen voorbereiden"]


# --- the question -----------------------------------------------------------------------------


def test_question_and_links(noted: Session) -> None:
    assert harvest.set_question(noted, "Hoe kunnen we ouders betrekken?") is True
    assert harvest.set_question(noted, "Hoe kunnen we ouders betrekken?") is False
    assert harvest.toggle_link(noted, 2) is True
    assert harvest.toggle_link(noted, 0) is True
    assert noted.harvest.question_items == [0, 2]
    assert harvest.toggle_link(noted, 2) is False
    assert noted.harvest.question_items == [0]
    with pytest.raises(IndexError):
        harvest.toggle_link(noted, 9)


def test_set_links_drops_unknown_indexes(noted: Session) -> None:
    harvest.set_links(noted, [3, 1, 1, 12, -1])
    assert noted.harvest.question_items == [1, 3]


# --- steps and dates --------------------------------------------------------------------------


def test_steps(session: Session) -> None:
    first = harvest.add_step(session, "Ouderavond plannen", " Lies ", dt.date(2026, 1, 15))
    second = harvest.add_step(session, "Boeken kiezen")
    assert (first, second) == (0, 1)
    assert session.harvest.steps[0].who == "Lies"
    harvest.edit_step(session, 1, who="Tom", due=dt.date(2026, 2, 1))
    assert session.harvest.steps[1].due == dt.date(2026, 2, 1)
    harvest.edit_step(session, 1, what="Leesboeken kiezen", due=None)
    assert (session.harvest.steps[1].what, session.harvest.steps[1].due) == ("Leesboeken kiezen", None)
    assert harvest.toggle_step(session, 0) is True
    assert harvest.toggle_step(session, 0) is False
    assert harvest.remove_step(session, 0).what == "Ouderavond plannen"
    assert [s.what for s in session.harvest.steps] == ["Leesboeken kiezen"]
    with pytest.raises(ValueError):
        harvest.add_step(session, " ")


def test_update_step_sets_what_who_and_when_from_typed_text(session: Session) -> None:
    harvest.add_step(session, "Ouderavond plannen", "Lies", dt.date(2026, 1, 15))
    harvest.update_step(session, 0, what="  Ouderavond   voorbereiden ", who=" Tom ", due="3/2/2026")
    step = session.harvest.steps[0]
    assert (step.what, step.who, step.due) == ("Ouderavond voorbereiden", "Tom", dt.date(2026, 2, 3))
    harvest.update_step(session, 0, what="Ouderavond voorbereiden", who="", due="")
    assert (step.who, step.due) == ("", None)


@pytest.mark.parametrize(
    ("what", "due", "message"), [("Iets", "31/02/2026", "31/02/2026"), (" ", "", "Schrijf eerst iets")]
)
def test_update_step_with_a_bad_field_changes_nothing(
    session: Session, what: str, due: str, message: str
) -> None:
    harvest.add_step(session, "Ouderavond plannen", "Lies", dt.date(2026, 1, 15))
    before = session.harvest.steps[0].model_copy()
    with pytest.raises(ValueError, match=message):
        harvest.update_step(session, 0, what=what, who="Tom", due=due)
    assert session.harvest.steps[0] == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01", dt.date(2026, 12, 1)),
        ("01/12/2026", dt.date(2026, 12, 1)),
        ("1/2/2026", dt.date(2026, 2, 1)),
        ("01-12-2026", dt.date(2026, 12, 1)),
        (" 2026-1-5 ", dt.date(2026, 1, 5)),
        ("", None),
        ("   ", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert harvest.parse_date(text, "nl") == expected


@pytest.mark.parametrize("bad", ["morgen", "31/02/2026", "2026/12/01", "12-2026", "01.12.2026"])
def test_parse_date_refuses_clearly_in_the_language(bad: str) -> None:
    with pytest.raises(ValueError, match="is geen datum") as nl:
        harvest.parse_date(bad, "nl")
    assert bad in str(nl.value)
    with pytest.raises(ValueError, match="is not a date"):
        harvest.parse_date(bad, "en")


QUOTES = {"nl": ("„", "”"), "en": ("“", "”")}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    ("parse", "bad"),
    [(harvest.parse_date, "31/02/2027"), (harvest.parse_hours, "anderhalf"), (harvest.parse_hours, "500")],
)
def test_a_refused_date_or_hours_quotes_what_was_typed_as_the_language_does(parse, bad, lang) -> None:
    """The step dialog says both errors: one kind of quotes, the language's („…” / “…”)."""
    opening, closing = QUOTES[lang]
    with pytest.raises(ValueError) as refused:
        parse(bad, lang)
    assert str(refused.value).startswith(f"{opening}{bad}{closing} ")


def test_next_meeting(session: Session) -> None:
    assert harvest.set_next_meeting(session, dt.date(2026, 3, 1)) is True
    assert harvest.set_next_meeting(session, dt.date(2026, 3, 1)) is False
    assert harvest.set_next_meeting(session, None) is True
