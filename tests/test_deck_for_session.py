"""Which deck a session uses: one rule (`core.deck.for_session`) for the app, the room and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_card, make_deck
from potential_deck.core.deck.for_session import candidates, deck_path_for, session_deck
from potential_deck.core.errors import UserError
from potential_deck.core.locations import builtin_deck
from potential_deck.core.session.models import Session

BROKEN = {"01-begin.toml": 'id = "begin"\nkind = '}


def test_deck_flag_comes_before_the_sessions_own_deck(
    session: Session, deck_dir: Path, tmp_path: Path
) -> None:
    other = make_deck(tmp_path / "other")
    session.deck_path = str(deck_dir)
    assert deck_path_for(session.deck_path, override=other) == other


def test_the_sessions_own_deck_is_used_when_it_is_there(session: Session, deck_dir: Path) -> None:
    session.deck_path = str(deck_dir)
    choice = session_deck(session)
    assert choice.path == deck_dir and choice.deck.info.id == "test-deck" and not choice.missing


def test_a_gone_deck_falls_back_to_the_built_in_one(tmp_path: Path) -> None:
    assert deck_path_for(str(tmp_path / "weg")) == builtin_deck()


def test_a_relative_deck_path_is_found_beside_the_session_file(deck_dir: Path, tmp_path: Path) -> None:
    assert deck_path_for("deck", folder=tmp_path) == tmp_path / "deck"


def test_a_deck_path_with_a_tilde_is_expanded(
    deck_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert deck_path_for("~/deck") == deck_dir


def test_the_fallback_is_the_callers_deck_when_given(tmp_path: Path, deck_dir: Path) -> None:
    assert candidates("", fallback=deck_dir) == [deck_dir]


def test_the_own_deck_is_not_tried_twice_when_it_is_the_fallback(deck_dir: Path) -> None:
    assert candidates(str(deck_dir), fallback=deck_dir) == [deck_dir]


def test_an_own_deck_without_the_sessions_cards_gives_way_to_one_that_has_them(
    session: Session, tmp_path: Path, deck_dir: Path
) -> None:
    partial = make_deck(tmp_path / "partial", {"01-begin.toml": make_card("begin", "start", 10)})
    session.deck_path = str(partial)
    assert session_deck(session, fallback=deck_dir).path == deck_dir


def test_when_no_deck_has_the_cards_the_missing_ones_are_named(session: Session) -> None:
    choice = session_deck(session)  # the built-in deck has no card "begin"
    assert choice.path == builtin_deck() and "begin" in choice.missing


def test_an_own_deck_that_cannot_be_loaded_is_skipped_and_named(
    session: Session, tmp_path: Path, deck_dir: Path
) -> None:
    broken = make_deck(tmp_path / "broken", BROKEN)
    session.deck_path = str(broken)
    choice = session_deck(session, fallback=deck_dir)
    assert choice.path == deck_dir and choice.skipped == (broken,)


def test_a_deck_flag_that_cannot_be_loaded_is_the_users_to_fix(session: Session, tmp_path: Path) -> None:
    broken = make_deck(tmp_path / "broken", BROKEN)
    with pytest.raises(UserError, match=r"the deck in .*broken cannot be used"):
        session_deck(session, override=broken)


def test_decks_are_read_through_the_callers_loader(session: Session, deck_dir: Path, small_deck) -> None:  # type: ignore[no-untyped-def]
    asked: list[Path] = []

    def load(path: Path):  # type: ignore[no-untyped-def]
        asked.append(path)
        return small_deck

    session.deck_path = str(deck_dir)
    assert session_deck(session, load=load).deck is small_deck
    assert asked == [deck_dir]
