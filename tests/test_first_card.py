"""`core.first_card.peek`: the first card read from the deck's files, without the models.

What it returns must be exactly what the validated deck says, and whatever it cannot read
plainly must give None (the app then validates first, and reports problems as always).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DECK_TOML, VALID_CARDS, make_card
from potential_deck.core import deck as decks
from potential_deck.core.first_card import peek
from potential_deck.core.locations import builtin_deck
from potential_deck.core.meeting import choose_agenda, default_agenda
from potential_deck.core.models import Deck
from potential_deck.core.vocab import Kind


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_first_card_of_the_builtin_deck_is_what_the_validated_deck_says(builtin: Deck, lang: str) -> None:
    first = peek(builtin_deck(), team="  De Klimop ", lang=lang)  # type: ignore[arg-type]
    agenda = default_agenda(builtin)
    card = builtin.card(agenda[0])
    text = card.text(lang)  # type: ignore[arg-type]
    assert first is not None
    assert (first.kind, first.minutes, first.total) == (card.kind, card.minutes, len(agenda))
    assert (first.title, first.intro, first.questions, first.tip) == (
        text.title,
        text.intro,
        tuple(text.questions),
        text.tip,
    )
    assert first.next_title == builtin.card(agenda[1]).text(lang).title  # type: ignore[arg-type]
    assert (first.team, first.lang) == ("De Klimop", lang)


def test_text_is_stripped_as_the_model_strips_it(write_deck: Callable[..., Path], tmp_path: Path) -> None:
    cards = dict(VALID_CARDS)
    cards["01-begin.toml"] = cards["01-begin.toml"].replace(
        'title = "begin title (nl)"', 'title = "  Begin  "'
    )
    folder = write_deck(tmp_path / "deck", cards)
    first = peek(folder, team="X", lang="nl")
    assert first is not None and first.title == "Begin"
    assert first.title == decks.load(folder).card("begin").nl.title


def test_without_a_default_agenda_the_meeting_rule_picks_the_cards(
    write_deck: Callable[..., Path], tmp_path: Path
) -> None:
    no_agenda = DECK_TOML.replace('default_agenda = ["begin", "praten", "doen"]\n', "")
    cards = {  # deck order puts a dialogue card first; the rule still starts with the start card
        "01-praten.toml": make_card("praten", "dialogue", 15),
        "02-begin.toml": make_card("begin", "start", 7),
        "03-doen.toml": make_card("doen", "action", 5),
    }
    folder = write_deck(tmp_path / "deck", cards, no_agenda)
    deck = decks.load(folder)
    first = peek(folder, team="X", lang="en")
    assert first is not None
    assert default_agenda(deck) == ["begin", "praten", "doen"]
    assert (first.title, first.minutes, first.kind, first.total) == ("begin title (en)", 7, Kind.START, 3)
    assert first.next_title == "praten title (en)"


def test_choose_agenda_is_default_agenda_on_plain_data(builtin: Deck) -> None:
    plain = [(card.id, card.kind.value) for card in builtin.cards]
    info = builtin.info.model_copy(update={"default_agenda": []})
    assert choose_agenda([], plain) == default_agenda(builtin.model_copy(update={"info": info}))
    assert choose_agenda([], plain)[0] == builtin.of_kind(Kind.START)[0].id
    assert choose_agenda(["a", "b"], plain) == ["a", "b"]
    assert choose_agenda([], [("x", "unknown")]) == ["x"]  # no card of a known kind: the first card
    assert choose_agenda([], []) == []


def test_a_one_file_deck_is_read_too(tmp_path: Path) -> None:
    text = DECK_TOML + "".join(
        "\n[[cards]]\n" + make_card(card_id, kind).replace("[nl]", "[cards.nl]").replace("[en]", "[cards.en]")
        for card_id, kind in (("begin", "start"), ("praten", "dialogue"), ("doen", "action"))
    )
    path = tmp_path / "deck.toml"
    path.write_text(text, encoding="utf-8")
    assert decks.load(path).cards[0].id == "begin"  # the loader agrees it is a valid deck
    first = peek(path, team="X", lang="nl")
    assert first is not None and (first.title, first.total) == ("begin title (nl)", 3)


def test_a_single_card_is_the_last_card(write_deck: Callable[..., Path], tmp_path: Path) -> None:
    folder = write_deck(
        tmp_path / "deck",
        {"01-begin.toml": make_card("begin", "start")},
        DECK_TOML.replace('["begin", "praten", "doen"]', '["begin"]'),
    )
    first = peek(folder, team="X", lang="nl")
    assert first is not None and first.total == 1 and first.next_title is None


BROKEN: dict[str, Callable[[dict[str, str]], tuple[dict[str, str], str | None]]] = {
    "no deck.toml": lambda cards: (cards, None),
    "invalid TOML in a card": lambda cards: ({**cards, "05-kapot.toml": 'id = "kapot"\nkind = '}, DECK_TOML),
    "agenda names a missing card": lambda cards: (cards, DECK_TOML.replace('"praten"', '"weg"')),
    "first card without its title": lambda cards: (
        {**cards, "01-begin.toml": cards["01-begin.toml"].replace('title = "begin title (nl)"\n', "")},
        DECK_TOML,
    ),
    "first card with an empty title": lambda cards: (
        {**cards, "01-begin.toml": cards["01-begin.toml"].replace('"begin title (nl)"', '"   "')},
        DECK_TOML,
    ),
    "first card with no questions": lambda cards: (
        {
            **cards,
            "01-begin.toml": cards["01-begin.toml"].replace(
                'questions = ["nl question 1?", "nl question 2?"]', "questions = []"
            ),
        },
        DECK_TOML,
    ),
    "zero minutes": lambda cards: ({**cards, "01-begin.toml": make_card("begin", "start", 0)}, DECK_TOML),
    "minutes as true": lambda cards: (
        {**cards, "01-begin.toml": make_card("begin", "start", "true")},
        DECK_TOML,
    ),
    "unknown kind": lambda cards: ({**cards, "01-begin.toml": make_card("begin", "opener")}, DECK_TOML),
    "second card without the language": lambda cards: (
        {**cards, "02-praten.toml": make_card("praten", langs=("en",))},
        DECK_TOML,
    ),
    "two cards with one id": lambda cards: (
        {**cards, "05-twee.toml": make_card("begin", "start")},
        DECK_TOML,
    ),
    "a card without an id": lambda cards: ({**cards, "05-geen.toml": 'kind = "start"\n'}, DECK_TOML),
    "agenda is not a list": lambda cards: (
        cards,
        DECK_TOML.replace('["begin", "praten", "doen"]', '"begin"'),
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_what_peek_cannot_read_plainly_gives_none(
    case: str, write_deck: Callable[..., Path], tmp_path: Path
) -> None:
    cards, deck_toml = BROKEN[case](dict(VALID_CARDS))
    folder = write_deck(tmp_path / "deck", cards, deck_toml)
    assert peek(folder, team="X", lang="nl") is None


def test_a_missing_deck_gives_none(tmp_path: Path) -> None:
    assert peek(tmp_path / "nowhere", team="X", lang="nl") is None
