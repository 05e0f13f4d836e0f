"""The built-in deck as a teacher educator would publish it: complete, translated, faithful words."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from potential_deck.core.deck.fields import GUIDE_FIELDS
from potential_deck.core.session.models import LANGS, Card, CardText, Deck, Dimension, Kind
from potential_deck.core.text.i18n import STRINGS

GUIDE_QUESTIONS = {
    lang: tuple(STRINGS[f"field.{name}"][i] for name in GUIDE_FIELDS) for i, lang in enumerate(LANGS)
}
"""The three guide questions of a dialogue card: Flexio's words in Dutch, ours in English."""

SAME_IN_BOTH = {"LGBTIQ+"}
"""Texts that may read the same in Dutch and English (names, not translations)."""


def texts(text: CardText) -> Iterator[tuple[str, str]]:
    """Every text of one language of a card, with what it is."""
    yield "title", text.title
    yield "intro", text.intro
    for number, question in enumerate(text.questions, start=1):
        yield f"question {number}", question
    if text.tip:
        yield "tip", text.tip


def every_text(deck: Deck) -> Iterator[tuple[Card, str, str, str]]:
    for card in deck.cards:
        for lang in LANGS:
            for what, text in texts(card.text(lang)):
                yield card, lang, what, text


def test_the_dutch_guide_questions_are_flexios() -> None:
    assert GUIDE_QUESTIONS["nl"] == (
        "Wat deed je in die situatie?",
        "Wat werkte er en wat niet?",
        "Waar haalde je voldoening uit?",
    )


def test_every_card_has_both_languages_with_the_same_number_of_questions(builtin: Deck) -> None:
    for card in builtin.cards:
        assert card.nl.title.strip() and card.en.title.strip(), card.id
        assert card.nl.intro.strip() and card.en.intro.strip(), card.id
        assert len(card.nl.questions) == len(card.en.questions) >= 1, card.id


def test_no_empty_or_repeated_question(builtin: Deck) -> None:
    for card in builtin.cards:
        for lang in LANGS:
            questions = [" ".join(q.casefold().split()) for q in card.text(lang).questions]
            assert all(questions), (card.id, lang)
            assert len(set(questions)) == len(questions), (card.id, lang)


def test_no_english_text_is_the_dutch_text(builtin: Deck) -> None:
    for card in builtin.cards:
        for (what, dutch), (_, english) in zip(texts(card.nl), texts(card.en), strict=True):
            if dutch in SAME_IN_BOTH:
                continue
            assert dutch != english, (card.id, what)


def test_every_dialogue_card_asks_the_three_guide_questions_first_and_verbatim(builtin: Deck) -> None:
    dialogues = builtin.of_kind(Kind.DIALOGUE)
    assert len(dialogues) >= 12
    for card in dialogues:
        for lang in LANGS:
            assert tuple(card.text(lang).questions[:3]) == GUIDE_QUESTIONS[lang], (card.id, lang)


def test_the_superhero_card_has_its_quoted_title(builtin: Deck) -> None:
    assert builtin.card("superheld").nl.title == "Moet ik een superheld zijn om inclusief les te geven?"


def test_no_bracketed_plurals(builtin: Deck) -> None:
    bracketed = re.compile(r"\w\((?:en|s|n|e|pen|ren|eren|es)\)", re.IGNORECASE)
    for card, lang, what, text in every_text(builtin):
        assert not bracketed.search(text), (card.id, lang, what)


def test_growth_opportunities_have_one_word_in_each_language(builtin: Deck) -> None:
    for card, lang, what, text in every_text(builtin):
        lowered = text.casefold()
        assert "groeikans" not in lowered, (card.id, lang, what)
        assert "growth chance" not in lowered, (card.id, lang, what)


@pytest.mark.parametrize(
    ("word", "allowed"),
    [
        ("dutch", "(dutch for 'bridge')"),  # the English deck means the language of instruction
        ("trajectory", None),
        ("what gave you satisfaction", None),
        ("which chances", None),
    ],
)
def test_english_slips_stay_out(builtin: Deck, word: str, allowed: str | None) -> None:
    for card in builtin.cards:
        for what, text in texts(card.en):
            lowered = text.casefold().replace(allowed, "") if allowed else text.casefold()
            assert word not in lowered, (card.id, what)


def test_the_twenty_contact_hours_are_what_flexios_teacher_educators_stressed(builtin: Deck) -> None:
    for card, lang, what, text in every_text(builtin):
        if "twintig" in text or "twenty" in text:
            assert "Flexio" in text, (card.id, lang, what)


def test_intersection_is_tagged_only_where_differences_meet(builtin: Deck) -> None:
    for card in builtin.cards:
        if Dimension.INTERSECTION in card.dimensions:
            assert len(card.dimensions) >= 3, card.id


def test_every_theme_the_sources_name_has_a_dialogue_card(builtin: Deck) -> None:
    covered = {d for card in builtin.of_kind(Kind.DIALOGUE) for d in card.dimensions}
    assert set(Dimension) - covered == {Dimension.INTERSECTION}


def test_the_rights_of_the_child_have_a_dialogue_and_an_action_card(builtin: Deck) -> None:
    kinds = {
        card.kind
        for card in builtin.cards
        if "kinderrechten" in card.nl.title.casefold() or "rechtvaardigheid" in card.nl.intro
    }
    assert kinds == {Kind.DIALOGUE, Kind.ACTION}


def test_the_default_agenda_is_a_meeting_of_about_seventy_minutes(builtin: Deck) -> None:
    agenda = [builtin.card(card_id) for card_id in builtin.info.default_agenda]
    assert [card.kind for card in agenda][:2] == [Kind.START, Kind.DIALOGUE]
    assert agenda[-1].leads_to_harvest
    assert sum(card.minutes for card in agenda) == 70
