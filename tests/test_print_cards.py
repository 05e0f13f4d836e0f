"""Cards for pair work: one self-contained HTML page of A4 sheets, and `potential-deck cards`."""

from __future__ import annotations

import re
import stat
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import NOW, VALID_CARDS
from potential_deck.cli import main
from potential_deck.core.deck import load as decks
from potential_deck.core.report import print_cards
from potential_deck.core.session import store
from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import Deck


def _tree(page: str) -> ET.Element:
    """The page as XML (it is XHTML-compatible after its doctype line)."""
    doctype, rest = page.split("\n", 1)
    assert doctype == "<!DOCTYPE html>"
    return ET.fromstring(rest)


def _cards(page: str) -> list[ET.Element]:
    return [el for el in _tree(page).iter("article")]


def _sheets(page: str) -> list[ET.Element]:
    return [el for el in _tree(page).iter("section") if el.get("class") == "sheet"]


# --- the page -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("per_page", "sheets"), [(1, 5), (2, 3), (4, 2)])
def test_cards_are_laid_out_per_page(builtin: Deck, per_page: int, sheets: int) -> None:
    cards = print_cards.pick(
        builtin, ["start-diversiteit", "meertaligheid", "superheld", "brug-kleuren", "gezamenlijke-leervraag"]
    )
    page = print_cards.cards_html(builtin, cards, "nl", per_page=per_page)
    assert [len(sheet.findall("div")) for sheet in _sheets(page)][:1] == [min(per_page, 5)]
    assert len(_sheets(page)) == sheets
    assert f'<body class="per-{per_page}">' in page


def test_a_card_shows_its_kind_title_intro_and_questions_in_its_colour(builtin: Deck) -> None:
    card = builtin.card("superheld")
    page = print_cards.cards_html(builtin, [card], "nl")
    (article,) = _cards(page)
    assert "kind-action" in (article.get("class") or "")
    assert article.findtext("h1") == "Moet ik een superheld zijn om inclusief les te geven?"
    assert [li.text for li in article.iter("li")] == card.nl.questions
    assert card.nl.intro in page
    assert ".kind-action { border-top-color: #c2410c; }" in page


def test_the_tip_is_for_the_facilitator_and_printed_only_when_asked(builtin: Deck) -> None:
    card = builtin.card("meertaligheid")

    def tips(page: str) -> list[str]:
        return ["".join(p.itertext()) for p in _tree(page).iter("p") if p.get("class") == "tip"]

    assert tips(print_cards.cards_html(builtin, [card], "nl")) == []
    assert tips(print_cards.cards_html(builtin, [card], "nl", tips=True)) == [
        f"Tip voor de begeleider {card.nl.tip}"
    ]


def test_the_page_is_in_the_language_asked_for(builtin: Deck) -> None:
    page = print_cards.cards_html(builtin, [builtin.card("meertaligheid")], "en")
    assert '<html lang="en">' in page
    assert "Many languages in the classroom" in page and "Meer talen" not in page


def test_the_page_needs_nothing_from_anywhere(builtin: Deck) -> None:
    page = print_cards.cards_html(builtin, builtin.cards, "nl", per_page=4, tips=True)
    lowered = page.lower()
    for banned in ("<script", "<link", "<img", "@import", "url(", "http://", "https://", "@font-face"):
        assert banned not in lowered, banned
    assert "@page { size: a4 portrait; margin: 0; }" in lowered
    assert "@media print" in lowered


def test_every_text_is_escaped(
    tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str]
) -> None:
    evil = card_toml("kwaad", title="<script>alert(1)</script> & co")
    deck = decks.load(write_deck(tmp_path / "deck", cards={**VALID_CARDS, "05-kwaad.toml": evil}))
    page = print_cards.cards_html(deck, [deck.card("kwaad")], "nl")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page
    assert _cards(page)[0].findtext("h1") == "<script>alert(1)</script> & co"


def test_a_long_card_gets_smaller_type_than_a_short_one(builtin: Deck) -> None:
    long, short = builtin.card("gender-en-gezinnen-moeilijk"), builtin.card("meertaligheid")
    for per_page in print_cards.PER_PAGE:
        assert print_cards.fit(long, "nl", per_page) < print_cards.fit(short, "nl", per_page)
        assert print_cards.fit(long, "nl", per_page, tips=True) < print_cards.fit(long, "nl", per_page)
        assert print_cards.fit(short, "en", per_page) <= print_cards.LARGEST
    page = print_cards.cards_html(builtin, [long], "nl", per_page=4)
    scale = float(re.search(r'--fit: ([0-9.]+)"', page).group(1))  # type: ignore[union-attr]
    assert scale == pytest.approx(print_cards.fit(long, "nl", 4), abs=0.01)


def test_other_numbers_per_page_are_refused(builtin: Deck) -> None:
    with pytest.raises(ValueError, match="use 1, 2 or 4"):
        print_cards.cards_html(builtin, builtin.cards[:1], "nl", per_page=3)


# --- choosing cards ---------------------------------------------------------------------------


def test_pick_keeps_the_order_given_once(builtin: Deck) -> None:
    cards = print_cards.pick(builtin, ["superheld", " meertaligheid", "superheld", ""])
    assert [card.id for card in cards] == ["superheld", "meertaligheid"]


def test_pick_without_ids_is_the_whole_deck(builtin: Deck) -> None:
    assert print_cards.pick(builtin) == builtin.cards


def test_pick_names_every_card_the_deck_lacks(builtin: Deck) -> None:
    with pytest.raises(print_cards.UnknownCards) as caught:
        print_cards.pick(builtin, ["weg", "superheld", "kwijt"])
    assert caught.value.ids == ("weg", "kwijt")


# --- the command --------------------------------------------------------------------------------


def test_cards_command_writes_the_agenda_as_a_private_file(
    tmp_path: Path, builtin: Deck, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "kaarten.html"
    code = main(
        [
            "cards",
            "--agenda",
            "start-diversiteit,superheld",
            "--per-page",
            "2",
            "--lang",
            "en",
            "-o",
            str(target),
        ]
    )
    assert code == 0
    page = target.read_text(encoding="utf-8")
    assert [a.findtext("h1") for a in _cards(page)] == [
        "Diversity in our school: what do we see?",
        "Do I have to be a superhero to teach inclusively?",
    ]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "2 cards, 2 per page" in capsys.readouterr().err


def test_cards_command_prints_the_whole_deck_without_a_file(
    builtin: Deck, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cards"]) == 0
    assert len(_cards(capsys.readouterr().out)) == len(builtin.cards)


def test_cards_command_takes_a_sessions_agenda_and_language(
    tmp_path: Path, builtin: Deck, capsys: pytest.CaptureFixture[str]
) -> None:
    session = new_session(
        builtin, team="De Linde", now=NOW, language="en", agenda=["elk-gezin", "moeilijke-gesprekken"]
    )
    path = tmp_path / "sessie.toml"
    store.write(path, session)
    assert main(["cards", "--session", str(path)]) == 0
    titles = [a.findtext("h1") for a in _cards(capsys.readouterr().out)]
    assert titles == ["Every family belongs", "Difficult conversations about fairness"]


def test_cards_command_never_overwrites_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "kaarten.html"
    target.write_text("eerder", encoding="utf-8")
    assert main(["cards", "--agenda", "superheld", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "already exists; add --force" in err and "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "eerder"
    assert main(["cards", "--agenda", "superheld", "-o", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--agenda", "superheld,weg"], "the deck has no card 'weg'; 'potential-deck deck' lists the cards"),
        (["--agenda", " , "], "--agenda names no card"),
        (["--agenda", "superheld", "--session", "x.toml"], "give --agenda or --session, not both"),
    ],
)
def test_cards_command_mistakes_are_one_clear_message(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cards", *args]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_cards_command_offers_only_one_two_or_four_per_page(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["cards", "--per-page", "3"])
    assert caught.value.code == 2
    assert "invalid choice: 3 (choose from 1, 2, 4)" in capsys.readouterr().err
