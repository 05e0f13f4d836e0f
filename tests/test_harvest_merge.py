"""Merges the team can see and reverse: what a merged item holds, core values, splitting."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import item_texts
from potential_deck.core.harvest import rules as harvest
from potential_deck.core.session import store
from potential_deck.core.session.models import CoreValue, HarvestItem, Opportunity, Session
from potential_deck.core.session.notes import harvest_list


@pytest.fixture
def noted(session: Session) -> Session:
    """Four growth opportunities from the cards, two with a core value, the harvest started."""
    session.record("begin").growth = [
        Opportunity(text="Thuistaal benutten", value=CoreValue.VALUING_DIVERSITY),
        Opportunity(text="Ouders betrekken"),
    ]
    session.record("praten").growth = [
        Opportunity(text="Samen lessen voorbereiden", value=CoreValue.WORKING_WITH_OTHERS),
    ]
    session.record("doen").growth = [Opportunity(text="Feedback van leerlingen vragen")]
    harvest.start(session)
    return session


# --- what a merged item holds -----------------------------------------------------------------


def test_a_merged_item_holds_both_items_as_they_were(noted: Session) -> None:
    harvest.set_votes(noted, 1, 2)
    harvest.set_votes(noted, 3, 1)
    source = noted.harvest.items[3].model_copy(deep=True)
    target = noted.harvest.items[1].model_copy(deep=True)
    index = harvest.merge(noted, source=3, target=1)
    merged = noted.harvest.items[index]
    assert merged.parts == [target, source]
    assert (merged.text, merged.votes, merged.cards) == ("Ouders betrekken", 3, ["begin", "doen"])


def test_wordings_lists_every_wording_a_merge_holds(noted: Session) -> None:
    first = harvest.merge(noted, source=3, target=1)
    harvest.edit_item(noted, first, "Ouders en leerlingen betrekken")
    second = harvest.merge(noted, source=0, target=first)
    assert harvest.wordings(noted.harvest.items[second]) == [
        "Ouders en leerlingen betrekken",
        "Ouders betrekken",
        "Feedback van leerlingen vragen",
        "Thuistaal benutten",
    ]


def test_held_gives_the_items_never_merged_with_their_value_dots_and_cards(noted: Session) -> None:
    harvest.set_votes(noted, 0, 4)
    index = harvest.merge(noted, source=0, target=1)
    index = harvest.merge(noted, source=index, target=2)
    held = harvest.held(noted.harvest.items[index])
    assert [(i.text, i.value, i.votes, i.cards) for i in held] == [
        ("Feedback van leerlingen vragen", None, 0, ["doen"]),
        ("Ouders betrekken", None, 0, ["begin"]),
        ("Thuistaal benutten", CoreValue.VALUING_DIVERSITY, 4, ["begin"]),
    ]


def test_an_item_never_merged_holds_itself(noted: Session) -> None:
    item = noted.harvest.items[0]
    assert harvest.held(item) == [item]
    assert harvest.wordings(item) == ["Thuistaal benutten"]
    assert not harvest.can_split(item)


# --- core values ------------------------------------------------------------------------------


def test_items_with_different_values_need_a_choice(noted: Session) -> None:
    assert harvest.merge_choices(noted, 0, 2) == (CoreValue.VALUING_DIVERSITY, CoreValue.WORKING_WITH_OTHERS)
    before = noted.harvest.model_copy(deep=True)
    with pytest.raises(harvest.ValueChoice) as refused:
        harvest.merge(noted, source=0, target=2, value="ask")
    assert refused.value.choices == (CoreValue.VALUING_DIVERSITY, CoreValue.WORKING_WITH_OTHERS)
    assert "andere kernwaarde" in str(refused.value)
    assert noted.harvest == before, "nothing changes without the choice"


def test_without_a_choice_merge_asks(noted: Session) -> None:
    with pytest.raises(harvest.ValueChoice):
        harvest.merge(noted, source=0, target=2)


def test_the_chosen_value_is_the_merged_items_and_each_part_keeps_its_own(noted: Session) -> None:
    index = harvest.merge(noted, source=0, target=2, value=CoreValue.VALUING_DIVERSITY)
    merged = noted.harvest.items[index]
    assert merged.value == CoreValue.VALUING_DIVERSITY
    assert [part.value for part in merged.parts] == [
        CoreValue.WORKING_WITH_OTHERS,
        CoreValue.VALUING_DIVERSITY,
    ]


def test_target_keeps_the_targets_value_and_the_other_is_kept_in_its_part(
    noted: Session,
) -> None:
    index = harvest.merge(noted, source=0, target=2, value="target")
    merged = noted.harvest.items[index]
    assert merged.value == CoreValue.WORKING_WITH_OTHERS
    assert [item.value for item in harvest.held(merged)] == [
        CoreValue.WORKING_WITH_OTHERS,
        CoreValue.VALUING_DIVERSITY,
    ]


def test_an_explicit_none_leaves_the_merged_item_without_a_value(noted: Session) -> None:
    index = harvest.merge(noted, source=0, target=2, value=None)
    assert noted.harvest.items[index].value is None


@pytest.mark.parametrize(("source", "target"), [(1, 3), (0, 1), (1, 0)])
def test_no_choice_when_at_most_one_item_has_a_value(noted: Session, source: int, target: int) -> None:
    expected = noted.harvest.items[source].value or noted.harvest.items[target].value
    assert harvest.merge_choices(noted, source, target) == ()
    index = harvest.merge(noted, source=source, target=target, value="ask")
    assert noted.harvest.items[index].value == expected


def test_no_choice_when_both_share_a_value(noted: Session) -> None:
    harvest.set_value(noted, 1, CoreValue.VALUING_DIVERSITY)
    assert harvest.merge_choices(noted, 0, 1) == ()
    assert noted.harvest.items[harvest.merge(noted, 0, 1)].value == CoreValue.VALUING_DIVERSITY


# --- splitting --------------------------------------------------------------------------------


def test_split_gives_back_the_items_as_they_were(noted: Session) -> None:
    harvest.set_votes(noted, 3, 2)
    harvest.set_links(noted, [2])
    items = [item.model_copy(deep=True) for item in noted.harvest.items]
    index = harvest.merge(noted, source=3, target=1)
    assert harvest.split(noted, index) == [1, 2]
    assert noted.harvest.items == [items[0], items[1], items[3], items[2]]
    assert noted.harvest.question_items == [3], "the link stays on its item"


def test_split_links_both_items_when_the_merge_was_linked(noted: Session) -> None:
    index = harvest.merge(noted, source=3, target=1)
    harvest.set_links(noted, [index])
    harvest.split(noted, index)
    assert [noted.harvest.items[i].text for i in noted.harvest.question_items] == [
        "Ouders betrekken",
        "Feedback van leerlingen vragen",
    ]


def test_split_undoes_merges_one_at_a_time(noted: Session) -> None:
    first = harvest.merge(noted, source=1, target=0)
    second = harvest.merge(noted, source=2, target=first)
    assert len(noted.harvest.items) == 2
    assert harvest.split(noted, second) == [0, 1]
    assert harvest.can_split(noted.harvest.items[0])
    assert item_texts(noted) == [
        "Thuistaal benutten",
        "Feedback van leerlingen vragen",
        "Samen lessen voorbereiden",
    ], "the items come back in the merge's place"
    harvest.split(noted, 0)
    assert item_texts(noted) == [
        "Thuistaal benutten",
        "Ouders betrekken",
        "Feedback van leerlingen vragen",
        "Samen lessen voorbereiden",
    ]


def test_after_a_split_gathering_adds_nothing_twice(noted: Session) -> None:
    index = harvest.merge(noted, source=1, target=0)
    harvest.split(noted, index)
    assert [item.text for item in harvest_list(noted)] == item_texts(noted)


def test_an_item_that_is_no_merge_cannot_be_split(noted: Session) -> None:
    with pytest.raises(ValueError, match="kan niet gesplitst worden"):
        harvest.split(noted, 0)
    noted.language = "en"
    with pytest.raises(ValueError, match="cannot be split"):
        harvest.split(noted, 0)


def test_a_merge_saved_by_an_older_version_loads_and_cannot_be_split(session: Session) -> None:
    """Files written before `parts` existed hold merged texts in `absorbed` only."""
    text = store.to_toml(session).replace(
        "[harvest]",
        (
            '[harvest]\n\n[[harvest.items]]\ntext = "Ouders betrekken"\ncards = ["begin"]\n'
            'votes = 3\nabsorbed = ["Ouders uitnodigen"]\n'
        ),
        1,
    )
    loaded = store.from_toml(text, Path("oud.toml"))
    item = loaded.harvest.items[0]
    assert (item.absorbed, item.parts) == (["Ouders uitnodigen"], [])
    assert not harvest.can_split(item)
    assert harvest.wordings(item) == ["Ouders betrekken"]


def test_merges_within_merges_survive_save_and_load(noted: Session, tmp_path: Path) -> None:
    index = harvest.merge(noted, source=1, target=0)
    index = harvest.merge(noted, source=2, target=index, value=CoreValue.WORKING_WITH_OTHERS)
    store.write(tmp_path / "s.toml", noted)
    loaded = store.read(tmp_path / "s.toml")
    assert loaded.harvest == noted.harvest
    assert isinstance(loaded.harvest.items[index].parts[0].parts[1], HarvestItem)


def test_a_merge_of_two_same_wordings_stays_when_its_line_leaves_the_cards(noted: Session) -> None:
    own = harvest.add_item(noted, "ouders  BETREKKEN")
    index = harvest.merge(noted, source=own, target=1)
    assert noted.harvest.items[index].absorbed == [], "the same words: nothing new absorbed"
    noted.record("begin").growth = [Opportunity(text="Thuistaal benutten")]
    harvest.start(noted)
    assert "Ouders betrekken" in item_texts(noted), "a merge is the team's work"
