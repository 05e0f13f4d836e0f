"""The rules of a meeting: the agenda, a new session, and moving through it."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from potential_deck.core.session.meeting import (
    advance,
    back,
    default_agenda,
    finish,
    go_to,
    new_session,
    next_card,
    parse_participants,
    planned_minutes,
    progress,
    progress_at,
)
from potential_deck.core.session.models import Card, Deck, Session

NOW = dt.datetime(2025, 3, 14, 15, 30, 0)


def _card(card_id: str, kind: str, minutes: int = 10) -> Card:
    text = {"title": card_id, "intro": "intro", "questions": ["question?"]}
    return Card.model_validate({"id": card_id, "kind": kind, "minutes": minutes, "nl": text, "en": text})


def _without_default_agenda(deck: Deck) -> Deck:
    return deck.model_copy(update={"info": deck.info.model_copy(update={"default_agenda": []})})


# --- the agenda -------------------------------------------------------------------------------


def test_default_agenda_is_the_decks_own_when_it_has_one(small_deck: Deck) -> None:
    assert default_agenda(small_deck) == ["begin", "praten", "doen"]


def test_default_agenda_is_a_copy_the_session_may_change(small_deck: Deck) -> None:
    agenda = default_agenda(small_deck)
    agenda.append("luisteren")
    assert small_deck.info.default_agenda == ["begin", "praten", "doen"]


def test_default_agenda_without_a_suggestion_picks_start_two_dialogues_two_actions(
    small_deck: Deck,
) -> None:
    cards = [
        _card("a1", "action"),
        _card("d1", "dialogue"),
        _card("s1", "start"),
        _card("d2", "dialogue"),
        _card("a2", "action"),
        _card("s2", "start"),
        _card("d3", "dialogue"),
        _card("a3", "action"),
    ]
    deck = _without_default_agenda(small_deck).model_copy(update={"cards": cards})
    assert default_agenda(deck) == ["s1", "d1", "d2", "a1", "a2"]


def test_default_agenda_without_a_suggestion_uses_what_the_deck_has(small_deck: Deck) -> None:
    deck = _without_default_agenda(small_deck)
    assert default_agenda(deck) == ["begin", "praten", "luisteren", "doen"]


def test_planned_minutes_adds_the_cards_minutes(small_deck: Deck) -> None:
    assert planned_minutes(small_deck, ["begin", "praten", "doen"]) == 10 + 15 + 5


def test_planned_minutes_skips_unknown_cards(small_deck: Deck) -> None:
    assert planned_minutes(small_deck, ["luisteren", "nope"]) == 20


def test_planned_minutes_of_an_empty_agenda_is_zero(small_deck: Deck) -> None:
    assert planned_minutes(small_deck, []) == 0


# --- participants -----------------------------------------------------------------------------


def test_parse_participants_splits_on_commas_and_newlines() -> None:
    assert parse_participants("Lotte, Jan Peeters\nAmira") == ["Lotte", "Jan Peeters", "Amira"]


def test_parse_participants_tidies_spaces_and_drops_blanks() -> None:
    assert parse_participants("  Jan   Peeters ,, \n\n ,Amira  ") == ["Jan Peeters", "Amira"]


def test_parse_participants_drops_repeats_keeping_the_first() -> None:
    assert parse_participants("Amira, Lotte, Amira") == ["Amira", "Lotte"]


def test_parse_participants_of_nothing_is_empty() -> None:
    assert parse_participants("  \n , ") == []


# --- a new session ----------------------------------------------------------------------------


def test_new_session_records_team_date_deck_and_times(small_deck: Deck) -> None:
    session = new_session(small_deck, team="Team Zon", now=NOW, language="en")
    assert session.team == "Team Zon"
    assert session.date == dt.date(2025, 3, 14)
    assert session.created == session.updated == NOW
    assert (session.deck_id, session.deck_version) == ("test-deck", "1.0")
    assert session.language == "en"


def test_new_session_uses_the_default_agenda_and_starts_on_its_first_card(
    small_deck: Deck,
) -> None:
    session = new_session(small_deck, team="Team Zon", now=NOW)
    assert session.agenda == ["begin", "praten", "doen"]
    assert session.live.stage == "cards"
    assert session.current_card == "begin"


def test_new_session_takes_a_chosen_agenda(small_deck: Deck) -> None:
    session = new_session(small_deck, team="Z", now=NOW, agenda=["luisteren", "begin"])
    assert session.agenda == ["luisteren", "begin"]
    assert session.current_card == "luisteren"


def test_new_session_tidies_facilitator_and_keeps_participants(small_deck: Deck) -> None:
    session = new_session(
        small_deck, team="Z", now=NOW, facilitator="  Lotte ", participants=["Jan", "Amira"]
    )
    assert session.facilitator == "Lotte"
    assert session.participants == ["Jan", "Amira"]


def test_new_session_rejects_unknown_card_ids(small_deck: Deck) -> None:
    with pytest.raises(ValueError, match="'nope'"):
        new_session(small_deck, team="Z", now=NOW, agenda=["begin", "nope"])


def test_new_session_rejects_an_empty_agenda(small_deck: Deck) -> None:
    with pytest.raises(ValidationError):
        new_session(small_deck, team="Z", now=NOW, agenda=[])


def test_new_session_rejects_a_blank_team(small_deck: Deck) -> None:
    with pytest.raises(ValidationError):
        new_session(small_deck, team="   ", now=NOW)


# --- moving through the meeting ---------------------------------------------------------------


def test_advance_moves_to_the_next_card(session: Session) -> None:
    assert advance(session) is True
    assert session.live.position == 1
    assert session.current_card == "praten"


def test_advance_past_the_last_card_goes_to_the_harvest(session: Session) -> None:
    go_to(session, 2)
    assert advance(session) is True
    assert session.live.stage == "harvest"
    assert session.live.position == len(session.agenda)
    assert session.current_card is None


def test_advance_at_the_harvest_changes_nothing(session: Session) -> None:
    go_to(session, len(session.agenda))
    assert advance(session) is False
    assert session.live.stage == "harvest"
    assert session.live.position == len(session.agenda)


def test_back_from_the_harvest_returns_to_the_last_card(session: Session) -> None:
    go_to(session, len(session.agenda))
    assert back(session) is True
    assert session.live.stage == "cards"
    assert session.current_card == "doen"


def test_back_on_the_first_card_changes_nothing(session: Session) -> None:
    assert back(session) is False
    assert session.live.position == 0
    assert session.live.stage == "cards"


def test_back_moves_to_the_previous_card(session: Session) -> None:
    go_to(session, 2)
    assert back(session) is True
    assert session.current_card == "praten"


def test_go_to_the_current_position_changes_nothing(session: Session) -> None:
    go_to(session, 1)
    assert go_to(session, 1) is False


def test_go_to_clamps_to_the_agenda(session: Session) -> None:
    assert go_to(session, 99) is True
    assert (session.live.stage, session.live.position) == ("harvest", 3)
    assert go_to(session, -5) is True
    assert (session.live.stage, session.live.position) == ("cards", 0)


def test_progress_counts_cards_from_one(session: Session) -> None:
    assert progress(session) == (1, 3)
    advance(session)
    assert progress(session) == (2, 3)


def test_progress_at_the_harvest_is_the_last_card(session: Session) -> None:
    go_to(session, 3)
    assert progress(session) == (3, 3)


def test_next_card_is_the_following_agenda_card(session: Session) -> None:
    assert next_card(session) == "praten"
    advance(session)
    assert next_card(session) == "doen"


def test_next_card_on_the_last_card_and_at_the_harvest_is_none(session: Session) -> None:
    go_to(session, 2)
    assert next_card(session) is None
    advance(session)
    assert next_card(session) is None


def test_finish_marks_the_meeting_done_and_a_card_reopens_it(session) -> None:  # type: ignore[no-untyped-def]
    go_to(session, len(session.agenda))
    assert session.live.stage == "harvest"
    assert finish(session) is True
    assert (session.live.stage, session.live.position) == ("done", len(session.agenda))
    assert session.current_card is None
    assert finish(session) is False, "finishing twice changes nothing"
    assert go_to(session, 0) is True
    assert (session.live.stage, session.current_card) == ("cards", session.agenda[0])


def test_progress_at_a_position_counts_cards_from_one() -> None:
    assert progress_at(0, 5) == (1, 5)


def test_progress_at_the_harvest_position_is_the_last_card() -> None:
    assert progress_at(5, 5) == (5, 5)
