"""Note fields, growth opportunities one per line, and gathering them into the harvest."""

from __future__ import annotations

import pytest

from potential_deck.core.choices import ALL_FIELDS, FIELDS
from potential_deck.core.harvest import rules as harvest
from potential_deck.core.session.models import (
    CardRecord,
    CoreValue,
    HarvestItem,
    Kind,
    Opportunity,
    Session,
)
from potential_deck.core.session.notes import (
    growth_text,
    harvest_list,
    harvest_list_and_links,
    has_notes,
    parse_growth,
)

# --- fields -----------------------------------------------------------------------------------


def test_every_kind_of_card_has_note_fields() -> None:
    assert set(FIELDS) == set(Kind)
    assert all(FIELDS[kind] for kind in Kind)


def test_all_fields_are_exactly_the_fields_of_the_kinds() -> None:
    per_kind = [field for kind in Kind for field in FIELDS[kind]]
    assert sorted(per_kind) == sorted(ALL_FIELDS)


def test_dialogue_cards_have_the_three_guide_question_fields() -> None:
    assert FIELDS[Kind.DIALOGUE] == ("did", "worked", "satisfaction")


# --- growth opportunities ---------------------------------------------------------------------


def test_parse_growth_makes_one_opportunity_per_non_blank_line() -> None:
    items = parse_growth("First\n\n   \nSecond  \n", [])
    assert [item.text for item in items] == ["First", "Second"]


def test_parse_growth_strips_bullets() -> None:
    items = parse_growth("- dash\n• dot\n* star\n  -  indented", [])
    assert [item.text for item in items] == ["dash", "dot", "star", "indented"]


def test_parse_growth_keeps_the_tag_of_an_unchanged_line() -> None:
    previous = [
        Opportunity(text="Buddy system", value=CoreValue.WORKING_WITH_OTHERS),
        Opportunity(text="Home languages", value=CoreValue.VALUING_DIVERSITY),
    ]
    items = parse_growth("New idea\n- Buddy system\nHome languages at school", previous)
    assert [(item.text, item.value) for item in items] == [
        ("New idea", None),
        ("Buddy system", CoreValue.WORKING_WITH_OTHERS),
        ("Home languages at school", None),
    ]


def test_growth_text_round_trips_through_parse_growth() -> None:
    record = CardRecord(
        growth=[Opportunity(text="One", value=CoreValue.SUPPORTING_ALL), Opportunity(text="Two")]
    )
    assert parse_growth(growth_text(record), record.growth) == record.growth


def test_has_notes_is_false_for_an_empty_or_blank_record() -> None:
    assert not has_notes(CardRecord())
    assert not has_notes(CardRecord(free="  \n", fields={"did": " "}))


def test_has_notes_sees_free_notes_fields_and_growth() -> None:
    assert has_notes(CardRecord(free="x"))
    assert has_notes(CardRecord(fields={"did": "talked"}))
    assert has_notes(CardRecord(growth=[Opportunity(text="idea")]))


# --- gathering the harvest --------------------------------------------------------------------


def _grow(session: Session, card_id: str, *texts: str | tuple[str, CoreValue]) -> None:
    session.record(card_id).growth = [
        Opportunity(text=t) if isinstance(t, str) else Opportunity(text=t[0], value=t[1]) for t in texts
    ]


def test_gather_collects_opportunities_in_agenda_order_with_their_card(session: Session) -> None:
    _grow(session, "doen", "Plan a visit")
    _grow(session, "begin", "Buddy system", ("Home languages", CoreValue.VALUING_DIVERSITY))
    items = harvest_list(session)
    assert [(i.text, i.cards, i.value) for i in items] == [
        ("Buddy system", ["begin"], None),
        ("Home languages", ["begin"], CoreValue.VALUING_DIVERSITY),
        ("Plan a visit", ["doen"], None),
    ]


def test_gather_merges_duplicates_ignoring_case_and_spaces(session: Session) -> None:
    _grow(session, "begin", "Buddy system")
    _grow(session, "praten", "buddy   SYSTEM ")
    _grow(session, "doen", "BUDDY system")
    items = harvest_list(session)
    assert len(items) == 1
    assert items[0].text == "Buddy system"
    assert items[0].cards == ["begin", "praten", "doen"]


def test_gather_lists_a_card_once_even_when_it_repeats_an_opportunity(session: Session) -> None:
    _grow(session, "praten", "Buddy system", "buddy system")
    assert [(i.text, i.cards) for i in harvest_list(session)] == [("Buddy system", ["praten"])]


def test_gather_skips_opportunities_the_team_removed(session: Session) -> None:
    _grow(session, "begin", "Buddy system", "More coffee")
    session.harvest.removed = ["  more COFFEE"]
    assert [i.text for i in harvest_list(session)] == ["Buddy system"]


def test_gather_keeps_existing_items_with_their_votes_first(session: Session) -> None:
    session.harvest.items = [HarvestItem(text="Agreed earlier", cards=["praten"], votes=4)]
    _grow(session, "begin", "Buddy system")
    items = harvest_list(session)
    assert [(i.text, i.votes) for i in items] == [("Agreed earlier", 4), ("Buddy system", 0)]


def test_gather_adds_the_card_to_a_matching_existing_item(session: Session) -> None:
    session.harvest.items = [HarvestItem(text="Buddy System", cards=["praten"], votes=2)]
    _grow(session, "begin", "buddy system")
    items = harvest_list(session)
    assert [(i.text, i.cards, i.votes) for i in items] == [("Buddy System", ["praten", "begin"], 2)]


def test_gather_does_not_re_add_what_an_item_absorbed(session: Session) -> None:
    session.harvest.items = [
        HarvestItem(text="Work together", cards=["begin"], absorbed=["Buddy system", "co-teaching"])
    ]
    _grow(session, "begin", "Buddy system")
    _grow(session, "doen", "Co-Teaching")
    items = harvest_list(session)
    assert len(items) == 1
    assert items[0].text == "Work together"
    assert items[0].cards == ["begin", "doen"]


def test_gather_does_not_change_the_session(session: Session) -> None:
    session.harvest.items = [HarvestItem(text="Buddy system", cards=["praten"])]
    _grow(session, "begin", "Buddy system", "New one")
    before = session.model_copy(deep=True)
    harvest_list(session)
    assert session == before
    assert session.harvest.items[0].cards == ["praten"]


def test_gather_of_a_session_without_notes_is_empty(session: Session) -> None:
    assert harvest_list(session) == []


# --- a card line reworded or deleted after the harvest started ----------------------------------


def test_an_untouched_item_follows_its_card_line_when_reworded(session: Session) -> None:
    _grow(session, "begin", "Buddy systm", "Home languages")
    harvest.start(session)
    _grow(session, "begin", "Buddy system", "Home languages")  # the typo fixed on the card
    harvest.start(session)
    assert [(i.text, i.cards) for i in session.harvest.items] == [
        ("Home languages", ["begin"]),
        ("Buddy system", ["begin"]),
    ]


def test_an_untouched_item_goes_when_its_card_line_is_deleted(session: Session) -> None:
    _grow(session, "begin", "Buddy system", "Home languages")
    harvest.start(session)
    _grow(session, "begin", "Home languages")
    assert [i.text for i in harvest_list(session)] == ["Home languages"]


@pytest.mark.parametrize(
    "work",
    [
        lambda s: harvest.add_dot(s, 0),
        lambda s: harvest.set_value(s, 0, CoreValue.WORKING_WITH_OTHERS),
        lambda s: harvest.edit_item(s, 0, "A buddy for every newcomer"),
        lambda s: harvest.toggle_link(s, 0),
    ],
    ids=["dots", "core value", "reworded in the harvest", "linked to the question"],
)
def test_an_item_the_team_worked_on_stays_whatever_the_card_says(session: Session, work) -> None:  # type: ignore[no-untyped-def]
    _grow(session, "begin", "Buddy systm")
    harvest.start(session)
    work(session)
    kept = session.harvest.items[0].model_copy()
    _grow(session, "begin", "Buddy system")
    harvest.start(session)
    assert session.harvest.items[0] == kept
    assert [i.text for i in session.harvest.items][1:] == ["Buddy system"]


def test_the_questions_links_follow_their_items_when_one_before_them_goes(session: Session) -> None:
    _grow(session, "begin", "Stale line", "Linked line", "Third line")
    harvest.start(session)
    harvest.toggle_link(session, 1)
    harvest.toggle_link(session, 2)
    _grow(session, "begin", "Linked line", "Third line")
    harvest.start(session)
    assert [i.text for i in session.harvest.items] == ["Linked line", "Third line"]
    assert session.harvest.question_items == [0, 1]
    assert harvest_list_and_links(session).question_items == [0, 1]


def test_items_the_team_added_never_go(session: Session) -> None:
    harvest.add_item(session, "Our own idea")
    _grow(session, "begin", "Buddy system")
    harvest.start(session)
    _grow(session, "begin")
    harvest.start(session)
    assert [i.text for i in session.harvest.items] == ["Our own idea"]
