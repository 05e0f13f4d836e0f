"""One spell of joining (core.room.join.JoinDesk): the code, the participants, the limits, what a phone
sees. Time comes from a fake clock."""

from __future__ import annotations

import datetime as dt

import pytest

from potential_deck.core.room import contributions, join
from potential_deck.core.room.contributions import Refused
from potential_deck.core.room.join import JoinDesk, Open
from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import Deck, Session

NOW = dt.datetime(2026, 11, 23, 14, 30, tzinfo=dt.UTC)
CODE = "12345678"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Desk:
    """A desk over a plain session: what changed, and the notes added, are recorded."""

    def __init__(self, session: Session, deck: Deck, shared: str = "") -> None:
        self.session, self.changes, self.notes = session, [], []  # type: ignore[var-annotated]
        self.clock = Clock()
        self.desk = JoinDesk(
            lambda: Open(session, deck, shared), self.changes.append, self._note, clock=self.clock, code=CODE
        )

    def _note(self, field: str, line: str) -> bool:
        self.notes.append((field, line))
        return True


@pytest.fixture
def session(builtin: Deck) -> Session:
    return new_session(builtin, team="De Linde", now=NOW, language="nl")


@pytest.fixture
def desk(session: Session, builtin: Deck) -> Desk:
    return Desk(session, builtin)


def test_a_new_code_is_eight_random_digits() -> None:
    codes = {join.new_code() for _ in range(20)}
    assert all(len(code) == 8 and code.isdigit() for code in codes) and len(codes) > 15


def test_the_code_may_be_typed_with_a_space_or_a_dash(desk: Desk) -> None:
    assert desk.desk.join("1234 5678", "a").token != desk.desk.join("1234-5678", "a").token


def test_a_wrong_code_gets_nobody_in(desk: Desk) -> None:
    with pytest.raises(Refused) as refused:
        desk.desk.join("87654321", "a")
    assert refused.value.key == "wrong_code" and desk.desk.participants == {}


def test_wrong_codes_from_one_address_are_limited_for_a_minute(desk: Desk) -> None:
    for _ in range(join.WRONG_CODES_PER_ADDRESS):
        with pytest.raises(Refused):
            desk.desk.join("00000000", "10.0.0.9")
    with pytest.raises(Refused) as refused:
        desk.desk.join(CODE, "10.0.0.9")  # even the right code waits now
    assert refused.value.key == "too_many_codes"
    desk.clock.now += join.MINUTE
    assert desk.desk.join(CODE, "10.0.0.9")


def test_a_phone_that_comes_back_keeps_its_token(desk: Desk) -> None:
    first = desk.desk.join(CODE, "a")
    assert desk.desk.join(CODE, "a", first.token) is first


def test_a_phone_with_dots_from_before_a_restart_gets_them_back(desk: Desk, session: Session) -> None:
    token = "A" * 24
    session.room.dots = {contributions.voter_key(token): {"x": 1}}
    assert desk.desk.join(CODE, "a", token).voter == contributions.voter_key(token)


def test_a_made_up_token_from_a_cookie_gets_a_new_one(desk: Desk) -> None:
    assert desk.desk.join(CODE, "a", "not-ours").token != "not-ours"


def test_after_closing_neither_the_code_nor_a_token_works(desk: Desk) -> None:
    phone = desk.desk.join(CODE, "a")
    desk.desk.close()
    for attempt in (lambda: desk.desk.join(CODE, "a"), lambda: desk.desk.participant(phone.token)):
        with pytest.raises(Refused) as refused:
            attempt()
        assert refused.value.key == "closed"


def test_a_contribution_is_counted_and_said(desk: Desk, session: Session) -> None:
    phone = desk.desk.join(CODE, "a")
    desk.desk.contribute(phone, "Meer overleg", "Lotte", anonymous=False)
    assert desk.changes == ["item"] and desk.desk.contributions == 1
    assert session.harvest.items[0].room.by == "Lotte"  # type: ignore[union-attr]


def test_anonymous_means_no_name_even_when_one_was_typed(desk: Desk, session: Session) -> None:
    phone = desk.desk.join(CODE, "a")
    desk.desk.contribute(phone, "Meer overleg", "Lotte", anonymous=True)
    assert session.harvest.items[0].room.by == ""  # type: ignore[union-attr]


def test_a_participant_sends_at_most_so_many_per_minute(desk: Desk, session: Session) -> None:
    phone = desk.desk.join(CODE, "a")
    for n in range(join.PER_MINUTE):
        desk.desk.contribute(phone, f"idee {n}", "", anonymous=True)
    with pytest.raises(Refused) as refused:
        desk.desk.contribute(phone, "nog een", "", anonymous=True)
    assert refused.value.key == "too_many" and len(session.harvest.items) == join.PER_MINUTE
    desk.clock.now += join.MINUTE
    desk.desk.contribute(phone, "nog een", "", anonymous=True)
    assert len(session.harvest.items) == join.PER_MINUTE + 1


def test_a_refused_text_does_not_count_against_the_limit(desk: Desk) -> None:
    phone = desk.desk.join(CODE, "a")
    for _ in range(join.PER_MINUTE + 2):
        with pytest.raises(Refused):
            desk.desk.contribute(phone, "x" * 1000, "", anonymous=True)
    desk.desk.contribute(phone, "kort", "", anonymous=True)


def test_a_note_needs_a_shared_field(desk: Desk) -> None:
    phone = desk.desk.join(CODE, "a")
    with pytest.raises(Refused) as refused:
        desk.desk.note(phone, "Een regel", "", anonymous=True)
    assert refused.value.key == "not_shared" and desk.notes == []


def test_a_note_goes_to_the_shared_field(session: Session, builtin: Deck) -> None:
    session.live.shared_field = "seen"
    shared = Desk(session, builtin, shared="Wat zien we in onze praktijk?")
    phone = shared.desk.join(CODE, "a")
    shared.desk.note(phone, "Veel talen op de speelplaats", "An", anonymous=False)
    assert shared.notes == [("seen", "Veel talen op de speelplaats (An)")] and shared.changes == ["note"]


def test_a_phone_sees_the_card_on_screen(desk: Desk, session: Session, builtin: Deck) -> None:
    view = desk.desk.view(desk.desk.join(CODE, "a"))
    card = builtin.card(session.agenda[0]).nl
    assert view is not None and view.title == card.title and view.questions == tuple(card.questions)


def test_a_phone_sees_its_own_dots_and_no_hidden_item(desk: Desk, session: Session) -> None:
    phone, other = desk.desk.join(CODE, "a"), desk.desk.join(CODE, "b")
    session.live.stage, session.room.vote_open = "harvest", True
    kept = contributions.contribute(session, "Zichtbaar", "")
    contributions.contribute(session, "Verborgen", "")
    contributions.set_hidden(session, 1, True)
    desk.desk.dot(other, kept.id, 1)
    desk.desk.dot(phone, kept.id, 1)
    desk.desk.dot(phone, kept.id, 1)
    view = desk.desk.view(phone)
    assert view is not None and [(i.text, i.mine) for i in view.items] == [("Zichtbaar", 2)]
    assert view.left == session.harvest.dots_per_person - 2


def test_the_page_version_changes_when_the_card_does(desk: Desk, session: Session) -> None:
    phone = desk.desk.join(CODE, "a")
    before = desk.desk.view(phone)
    session.live.position = 1
    after = desk.desk.view(phone)
    assert before is not None and after is not None and before.version != after.version


def test_nothing_before_the_session_is_open(builtin: Deck) -> None:
    desk = JoinDesk(lambda: None, lambda _: None, lambda _f, _l: False, code=CODE)
    phone = desk.join(CODE, "a")
    assert desk.view(phone) is None
    with pytest.raises(Refused) as refused:
        desk.contribute(phone, "x", "", anonymous=True)
    assert refused.value.key == "not_ready"
