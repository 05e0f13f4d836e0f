"""What phones send and their dots, on the session (core.room.contributions): marked as from the room,
anonymous without a name, cleaned, hidden from the room, dots that add up and never count twice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from potential_deck.core.harvest import rules as harvest
from potential_deck.core.harvest.history import HarvestHistory
from potential_deck.core.report.summary import summarize
from potential_deck.core.room import contributions
from potential_deck.core.room import follow as room
from potential_deck.core.room.contributions import Refused
from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import Deck, Session
from potential_deck.core.session.store import from_toml, to_toml

NOW = dt.datetime(2026, 11, 23, 14, 30, tzinfo=dt.UTC)


@pytest.fixture
def session(builtin: Deck) -> Session:
    made = new_session(builtin, team="De Linde", now=NOW, language="nl")
    made.live.stage = "harvest"
    made.room.vote_open = True
    made.harvest.dots_per_person = 3
    return made


def test_a_contribution_becomes_a_harvest_item_marked_as_from_the_room(session: Session) -> None:
    session.live.stage = "cards"
    item = contributions.contribute(session, "Meer co-teaching", "Lotte")
    assert session.harvest.items == [item]
    assert item.room is not None and item.room.by == "Lotte" and item.room.card == session.agenda[0]


def test_an_anonymous_contribution_carries_no_name_into_the_file(session: Session) -> None:
    contributions.contribute(session, "Iets gevoeligs", "")
    saved = to_toml(session)
    assert 'by = ""' in saved
    assert from_toml(saved, Path("x.toml")).harvest.items[0].room.by == ""  # type: ignore[union-attr]


def test_control_characters_are_taken_out_and_markup_stays_text(session: Session) -> None:
    item = contributions.contribute(session, "<script>alert(1)</script>\x1b[2J\x07 ok", "")
    assert item.text == "<script>alert(1)</script>[2J ok"


@pytest.mark.parametrize("text", ["", "   \n  ", "\x1b\x07"])
def test_empty_text_is_refused(session: Session, text: str) -> None:
    with pytest.raises(Refused) as refused:
        contributions.contribute(session, text, "")
    assert refused.value.key == "empty" and session.harvest.items == []


def test_text_longer_than_the_limit_is_refused(session: Session) -> None:
    with pytest.raises(Refused) as refused:
        contributions.contribute(session, "x" * (contributions.MAX_TEXT + 1), "")
    assert refused.value.key == "too_long"


def test_a_hidden_item_never_reaches_the_room(session: Session) -> None:
    contributions.contribute(session, "Zichtbaar", "")
    contributions.contribute(session, "Namen van leerlingen", "")
    contributions.set_hidden(session, 1, True)
    assert [item.text for item in room.room_harvest(session).items] == ["Zichtbaar"]


def test_a_hidden_item_is_left_out_of_the_report(session: Session, builtin: Deck) -> None:
    contributions.contribute(session, "Zichtbaar", "")
    contributions.contribute(session, "Verborgen", "")
    contributions.set_hidden(session, 1, True)
    assert [p.text for p in summarize(session, builtin).priorities] == ["Zichtbaar"]


def _two(session: Session) -> tuple[str, str]:
    first = contributions.contribute(session, "Eerste", "")
    second = contributions.contribute(session, "Tweede", "")
    return first.id, second.id


def test_phone_dots_and_hand_dots_add_up(session: Session) -> None:
    first, _ = _two(session)
    harvest.add_dot(session, 0, 2)
    contributions.place_dot(session, "phone-a", first, 1)
    contributions.place_dot(session, "phone-b", first, 1)
    assert contributions.totals(session) == [4, 0]
    assert session.harvest.items[0].votes == 2  # what the facilitator entered stays his


def test_a_phone_places_no_more_dots_than_its_budget(session: Session) -> None:
    first, second = _two(session)
    for item_id in (first, first, second):
        contributions.place_dot(session, "phone", item_id, 1)
    with pytest.raises(Refused) as refused:
        contributions.place_dot(session, "phone", second, 1)
    assert refused.value.key == "no_dots_left" and contributions.totals(session) == [2, 1]


def test_a_phone_moves_a_dot_while_the_vote_is_open(session: Session) -> None:
    first, second = _two(session)
    for _ in range(3):
        contributions.place_dot(session, "phone", first, 1)
    contributions.place_dot(session, "phone", first, -1)
    contributions.place_dot(session, "phone", second, 1)
    assert contributions.totals(session) == [2, 1]


def test_no_dot_changes_after_the_vote_closed(session: Session) -> None:
    first, _ = _two(session)
    contributions.place_dot(session, "phone", first, 1)
    contributions.set_vote_open(session, False)
    with pytest.raises(Refused) as refused:
        contributions.place_dot(session, "phone", first, -1)
    assert refused.value.key == "vote_closed" and contributions.totals(session) == [1, 0]


def test_merged_items_keep_the_phone_dots_of_both_once(session: Session) -> None:
    first, second = _two(session)
    contributions.place_dot(session, "phone", first, 1)
    contributions.place_dot(session, "phone", second, 2 - 1)
    harvest.merge(session, 1, 0)
    assert contributions.totals(session) == [2]
    assert contributions.left(session, "phone") == 1


def test_a_struck_item_gives_its_phone_dots_back(session: Session) -> None:
    first, _ = _two(session)
    contributions.place_dot(session, "phone", first, 1)
    harvest.remove_item(session, 0)
    assert contributions.left(session, "phone") == 3 and contributions.totals(session) == [0]


def test_a_hidden_item_counts_no_phone_dots(session: Session) -> None:
    first, _ = _two(session)
    contributions.place_dot(session, "phone", first, 1)
    contributions.set_hidden(session, 0, True)
    assert contributions.totals(session) == [0, 0] and contributions.left(session, "phone") == 3


def test_sorting_by_dots_counts_the_phones_dots(session: Session) -> None:
    _, second = _two(session)
    harvest.add_dot(session, 0, 1)
    contributions.place_dot(session, "phone", second, 1)
    contributions.place_dot(session, "phone", second, 1)
    harvest.sort_by_votes(session)
    assert [item.text for item in session.harvest.items] == ["Tweede", "Eerste"]


def test_undoing_the_facilitators_step_leaves_the_phones_dots(session: Session) -> None:
    first, _ = _two(session)
    history = HarvestHistory(session, clock=lambda: 0.0)
    harvest.add_dot(session, 1, 1)
    history.commit(session, "dots", text="Tweede", votes=1)
    contributions.place_dot(session, "phone", first, 1)
    history.undo(session)
    assert contributions.totals(session) == [1, 0]


def test_the_room_sees_the_total_dots_most_first(session: Session) -> None:
    _, second = _two(session)
    contributions.place_dot(session, "phone", second, 1)
    shown = room.room_harvest(session).items
    assert [(item.text, item.votes) for item in shown] == [("Tweede", 1), ("Eerste", 0)]


def test_a_note_line_names_who_sent_it_unless_anonymous() -> None:
    assert contributions.room_line("  Ouders  betrekken ", "An") == "Ouders betrekken (An)"
    assert contributions.room_line("Ouders betrekken", "") == "Ouders betrekken"


def test_the_voter_key_does_not_give_the_token_away() -> None:
    key = contributions.voter_key("a-secret-token-of-a-phone")
    assert "secret" not in key and len(key) == 16


def test_a_contribution_taken_in_survives_undo_and_redo(session: Session) -> None:
    contributions.contribute(session, "Eerste", "")
    history = HarvestHistory(session, clock=lambda: 0.0)
    harvest.remove_item(session, 0)
    history.commit(session, "removed", text="Eerste")
    contributions.contribute(session, "Van een telefoon", "")
    history.took_in(session)
    history.undo(session)
    assert [item.text for item in session.harvest.items] == ["Eerste", "Van een telefoon"]
    history.redo(session)
    assert [item.text for item in session.harvest.items] == ["Van een telefoon"]


def test_an_anonymised_export_keeps_no_name_given_on_a_phone(session: Session) -> None:
    from potential_deck.core.report.anonymize import anonymize

    contributions.contribute(session, "Meer overleg", "Lotte")
    session.record(session.agenda[0]).free = contributions.room_line("Veel talen", "Lotte")
    hidden = anonymize(session)
    assert hidden.harvest.items[0].room.by == ""  # type: ignore[union-attr]
    assert "Lotte" not in to_toml(hidden)
