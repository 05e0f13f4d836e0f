"""`core.deck.first_card`: what a new session's first screen shows, read from the deck's files
without validating them; it must agree with the validated deck, and say None when unsure."""

from __future__ import annotations

from pathlib import Path

from conftest import VALID_CARDS, make_card, make_deck
from potential_deck.core.deck.fields import note_fields
from potential_deck.core.deck.first_card import peek_new, plainly_readable
from potential_deck.core.deck.load import Deck
from potential_deck.core.locations import builtin_deck
from potential_deck.core.session.meeting import default_agenda


def test_the_peeked_first_card_of_the_built_in_deck_is_the_validated_one(builtin: Deck) -> None:
    first = peek_new(builtin_deck(), team="De Linde", lang="en")
    assert first is not None
    agenda = default_agenda(builtin)
    card = builtin.card(agenda[0])
    words = card.text("en")
    assert (first.card_id, first.kind, first.title) == (card.id, card.kind, words.title)
    assert first.questions == tuple(words.questions) and first.intro == words.intro
    assert first.budget == card.minutes * 60 and first.total == len(agenda)
    assert [f[0] for f in first.fields] == [f.id for f in note_fields(card)]
    assert first.next_title == builtin.card(agenda[1]).text("en").title


def test_a_deck_that_does_not_parse_is_not_plainly_readable(tmp_path: Path) -> None:
    deck = make_deck(tmp_path / "deck", {**VALID_CARDS, "01-begin.toml": 'id = "begin"\nkind = '})
    assert not plainly_readable(deck)
    assert not plainly_readable(tmp_path / "no-such-deck")


def test_a_deck_wrong_beyond_its_first_card_still_reads_plainly_validation_says_the_rest(
    tmp_path: Path,
) -> None:
    deck = make_deck(tmp_path / "deck", {**VALID_CARDS, "04-doen.toml": make_card("doen", "action", 500)})
    assert plainly_readable(deck), "only what the first screen needs is read; loading validates the rest"
    assert plainly_readable(make_deck(tmp_path / "good"))
