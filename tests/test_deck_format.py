"""The deck format's strict rules and its note fields: every problem named with file, line, field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import VALID_CARDS
from potential_deck.core.deck import load as decks
from potential_deck.core.deck.fields import note_fields
from potential_deck.core.deck.load import Problem, check

FIELDS_CARD = """\
id = "kleuren"
kind = "action"
minutes = 10
{extra}

[nl]
title = "Kleuren"
intro = "Intro"
questions = ["Wat is blauw?", "Wat is groen?"]

[en]
title = "Colours"
intro = "Intro"
questions = ["What is blue?", "What is green?"]

[[fields]]
id = "blauw"
colour = "blue"
nl = "Blauw"
en = "Blue"

[[fields]]
{second}
"""


def _problems(tmp_path: Path, write_deck: Callable[..., Path], text: str) -> tuple[Path, list[Problem]]:
    """A valid deck plus the card file `text`; that file and the problems found."""
    folder = write_deck(tmp_path / "deck")
    path = folder / "05-nieuw.toml"
    path.write_text(text, encoding="utf-8")
    deck, problems = check(folder)
    assert deck is None
    return path, problems


def _only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def _line(path: Path, start: str, after: int = 0) -> int:
    """The number of the first line starting with `start` after line `after`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if n > after and line.startswith(start))


# --- strict values ----------------------------------------------------------------------------


def test_minutes_as_text_is_refused_with_what_to_write(
    tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str]
) -> None:
    path, problems = _problems(tmp_path, write_deck, card_toml("tekst", minutes='"10"'))
    problem = _only(problems)
    assert (problem.file, problem.line, problem.card, problem.field) == (path, 3, "tekst", "minutes")
    assert problem.message == "'10' is text; write the number without quotes, e.g. minutes = 10"


@pytest.mark.parametrize("minutes", ["true", "10.5"])
def test_minutes_that_are_not_a_whole_number_are_refused(
    tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str], minutes: str
) -> None:
    _, problems = _problems(tmp_path, write_deck, card_toml("raar", minutes=minutes))
    problem = _only(problems)
    assert problem.field == "minutes"
    assert "whole number of minutes" in problem.message


def test_a_question_asked_twice_on_one_card_is_refused(
    tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str]
) -> None:
    text = card_toml("dubbel").replace('"nl question 2?"', '"NL question 1? "')
    path, problems = _problems(tmp_path, write_deck, text)
    problem = _only(problems)
    assert (problem.field, problem.line) == ("nl.questions", _line(path, "questions"))
    assert problem.message == "question 2 repeats question 1; remove or reword one of them"


def test_an_empty_question_is_refused(
    tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str]
) -> None:
    text = card_toml("leeg").replace('"en question 2?"', '"  "')
    _, problems = _problems(tmp_path, write_deck, text)
    problem = _only(problems)
    assert problem.field == "en.questions.1"
    assert "is empty" in problem.message


def test_a_question_missing_in_one_language_is_refused(
    tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str]
) -> None:
    text = card_toml("half").replace(', "en question 2?"', "")
    path, problems = _problems(tmp_path, write_deck, text)
    problem = _only(problems)
    assert problem.field == "en.questions"
    assert problem.line == _line(path, "questions", _line(path, "[en]"))
    assert "nl has 2 questions and en has 1" in problem.message


def test_a_card_without_one_language_is_refused(
    tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str]
) -> None:
    _, problems = _problems(tmp_path, write_deck, card_toml("eentalig", langs=("nl",)))
    problem = _only(problems)
    assert problem.field == "en"
    assert "the 'en' language is missing" in problem.message


def test_a_deck_written_before_note_fields_and_new_dimensions_still_loads(
    tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str]
) -> None:
    tags = 'dimensions = ["ethnic-cultural", "intersection"]\nvalues = ["valuing-diversity"]'
    old = card_toml("oud", extra=tags)
    folder = write_deck(tmp_path / "deck", cards={**VALID_CARDS, "05-oud.toml": old})
    card = decks.load(folder).card("oud")
    assert card.fields is None and card.notes_from is None and not card.leads_to_harvest


# --- note fields --------------------------------------------------------------------------------


def test_a_card_names_its_fields_with_labels_and_colours(
    tmp_path: Path, write_deck: Callable[..., Path]
) -> None:
    text = FIELDS_CARD.format(extra="", second='id = "groen"\nquestion = 2\ncolour = "green"')
    folder = write_deck(tmp_path / "deck", cards={**VALID_CARDS, "05-kleuren.toml": text})
    fields = note_fields(decks.load(folder).card("kleuren"))
    assert [(f.id, f.label("nl"), f.label("en"), f.colour) for f in fields[1:-1]] == [
        ("blauw", "Blauw", "Blue", "blue"),
        ("groen", "Wat is groen?", "What is green?", "green"),
    ]


@pytest.mark.parametrize(
    ("second", "field", "message"),
    [
        ('id = "rood"\nnl = "Rood"', "fields.1.en", "field 'rood' has a label in nl only; add en = \"...\""),
        ('id = "rood"', "fields.1.nl", "field 'rood' needs a label"),
        (
            'id = "rood"\nnl = "Rood"\nen = "Red"\ncolour = "pink"',
            "fields.1.colour",
            "unknown colour 'pink'; use one of: blue, red, orange, green, yellow, purple",
        ),
        (
            'id = "growth"\nnl = "Groei"\nen = "Growth"',
            "fields.1.id",
            "'growth' is a field every card has already; choose another id",
        ),
        ('id = "rood"\nquestion = 3', "fields", "field 'rood' answers question 3, but the card has 2"),
        ('id = "blauw"\nnl = "Nog eens"\nen = "Again"', "fields", "field 'blauw' is listed twice"),
        ('id = "rood"\nquestion = "2"', "fields.1.question", "write the number of a question"),
    ],
)
def test_a_field_the_deck_names_wrongly_is_reported(
    tmp_path: Path, write_deck: Callable[..., Path], second: str, field: str, message: str
) -> None:
    path, problems = _problems(tmp_path, write_deck, FIELDS_CARD.format(extra="", second=second))
    problem = _only(problems)
    assert (problem.file, problem.card, problem.field) == (path, "kleuren", field)
    assert message in problem.message
    assert problem.line is not None and problem.line >= _line(path, "[[fields]]")


def test_the_line_of_a_problem_in_the_second_field_table(
    tmp_path: Path, write_deck: Callable[..., Path]
) -> None:
    text = FIELDS_CARD.format(extra="", second='id = "rood"\nnl = "Rood"\nen = "Red"\ncolour = "pink"')
    path, problems = _problems(tmp_path, write_deck, text)
    assert _only(problems).line == _line(path, 'colour = "pink"')


def test_notes_from_must_name_a_card_of_the_deck(
    tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str]
) -> None:
    path, problems = _problems(tmp_path, write_deck, card_toml("terug", extra='notes_from = "weg"'))
    problem = _only(problems)
    assert (problem.file, problem.card, problem.field) == (path, "terug", "notes_from")
    assert problem.line == _line(path, "notes_from")
    assert "names card 'weg', which the deck does not have" in problem.message


def test_notes_from_may_not_name_the_card_itself(
    tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str]
) -> None:
    path, problems = _problems(tmp_path, write_deck, card_toml("zelf", extra='notes_from = "zelf"'))
    problem = _only(problems)
    assert (problem.field, problem.line) == ("notes_from", _line(path, "notes_from"))
    assert "names the card itself" in problem.message


def test_leads_to_harvest_must_be_true_or_false(
    tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str]
) -> None:
    text = card_toml("oogst", "action", extra='leads_to_harvest = "ja"')
    _, problems = _problems(tmp_path, write_deck, text)
    problem = _only(problems)
    assert problem.field == "leads_to_harvest"
    assert "write true or false" in problem.message


def test_a_card_that_leads_to_the_harvest_loads_with_a_card_it_shows_notes_of(
    tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str]
) -> None:
    extra = 'leads_to_harvest = true\nnotes_from = "begin"'
    cards = {**VALID_CARDS, "05-vraag.toml": card_toml("vraag", "action", extra=extra)}
    folder = write_deck(tmp_path / "deck", cards=cards)
    card = decks.load(folder).card("vraag")
    assert card.leads_to_harvest and card.notes_from == "begin"
    assert [f.id for f in note_fields(card)] == ["free", "growth"]
