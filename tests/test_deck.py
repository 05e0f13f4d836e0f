"""The built-in deck, and deck validation reporting every problem with file, line and field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from potential_deck.core.deck import load as decks
from potential_deck.core.deck.load import Problem, check
from potential_deck.core.session.models import LANGS, Deck, Kind

GUIDE_QUESTIONS = (
    "Wat deed je in die situatie?",
    "Wat werkte er en wat niet?",
    "Waar haalde je voldoening uit?",
)

# --- the built-in deck ------------------------------------------------------------------------


def test_builtin_deck_has_enough_cards_of_each_kind(builtin: Deck) -> None:
    assert len(builtin.of_kind(Kind.START)) >= 1
    assert len(builtin.of_kind(Kind.DIALOGUE)) >= 8
    assert len(builtin.of_kind(Kind.ACTION)) >= 8


def test_builtin_deck_has_both_languages(builtin: Deck) -> None:
    assert set(builtin.info.languages) == {"nl", "en"}
    assert builtin.info.name["nl"].strip()
    assert builtin.info.name["en"].strip()


def test_builtin_cards_have_text_in_both_languages(builtin: Deck) -> None:
    for card in builtin.cards:
        for lang in LANGS:
            text = card.text(lang)
            assert text.title.strip(), (card.id, lang)
            assert text.intro.strip(), (card.id, lang)
            assert text.questions, (card.id, lang)
            assert all(q.strip() for q in text.questions), (card.id, lang)


def test_builtin_cards_have_as_many_questions_in_each_language(builtin: Deck) -> None:
    for card in builtin.cards:
        assert len(card.nl.questions) == len(card.en.questions), card.id


def test_builtin_card_text_differs_between_languages(builtin: Deck) -> None:
    for card in builtin.cards:
        assert card.nl.title != card.en.title, card.id


def test_builtin_deck_has_the_superhero_card(builtin: Deck) -> None:
    card = builtin.card("superheld")
    assert card.nl.title == "Moet ik een superheld zijn om inclusief les te geven?"


def test_every_builtin_dialogue_card_asks_the_three_guide_questions(builtin: Deck) -> None:
    for card in builtin.of_kind(Kind.DIALOGUE):
        for question in GUIDE_QUESTIONS:
            assert question in card.nl.questions, (card.id, question)


def test_builtin_default_agenda_names_existing_cards(builtin: Deck) -> None:
    assert builtin.info.default_agenda
    for card_id in builtin.info.default_agenda:
        assert builtin.has(card_id), card_id


def test_builtin_card_ids_are_unique(builtin: Deck) -> None:
    ids = [card.id for card in builtin.cards]
    assert len(ids) == len(set(ids))


# --- a valid deck -----------------------------------------------------------------------------


def test_small_valid_deck_has_no_problems(deck_dir: Path) -> None:
    deck, problems = check(deck_dir)
    assert problems == []
    assert deck is not None
    assert deck.info.id == "test-deck"


def test_cards_are_read_in_file_name_order(deck_dir: Path) -> None:
    deck = decks.load(deck_dir)
    assert [card.id for card in deck.cards] == ["begin", "praten", "luisteren", "doen"]


def test_card_lookup_by_id(small_deck: Deck) -> None:
    assert small_deck.card("doen").kind is Kind.ACTION
    assert small_deck.has("praten")
    assert not small_deck.has("nope")
    with pytest.raises(KeyError):
        small_deck.card("nope")


def test_single_file_deck_with_cards_tables_loads(tmp_path: Path, card_toml: Callable[..., str]) -> None:
    path = tmp_path / "deck.toml"
    path.write_text(_single_file(card_toml("een", "start"), card_toml("twee", "action")))
    deck = decks.load(path)
    assert deck.info.id == "one-file"
    assert [card.id for card in deck.cards] == ["een", "twee"]
    assert deck.card("twee").en.title == "twee title (en)"


# --- problems ---------------------------------------------------------------------------------


def _only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def _broken(
    tmp_path: Path, write_deck: Callable[..., Path], name: str, text: str
) -> tuple[Path, list[Problem]]:
    """A valid deck plus one extra card file `name`; that file's path and the problems."""
    folder = write_deck(tmp_path / "deck")
    (folder / name).write_text(text, encoding="utf-8")
    deck, problems = check(folder)
    assert deck is None
    return folder / name, problems


def test_invalid_toml_reports_the_parsers_line(tmp_path: Path, write_deck: Callable[..., Path]) -> None:
    text = 'id = "kapot"\nkind = "dialogue"\nminutes = = 3\n'
    path, problems = _broken(tmp_path, write_deck, "05-kapot.toml", text)
    problem = _only(problems)
    assert problem.file == path
    assert problem.line == 3
    assert "invalid TOML" in problem.message
    assert "fix the syntax" in problem.message


def test_invalid_toml_at_the_end_of_the_file_reports_the_last_line(
    tmp_path: Path, write_deck: Callable[..., Path]
) -> None:
    text = 'id = "kapot"\nkind = "dialogue"\nquestions = [\n'
    path, problems = _broken(tmp_path, write_deck, "05-kapot.toml", text)
    problem = _only(problems)
    assert problem.file == path
    assert problem.line == 3
    assert "invalid TOML" in problem.message


def test_unknown_kind(tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str]) -> None:
    path, problems = _broken(tmp_path, write_deck, "05-x.toml", card_toml("gesprek", "chat"))
    problem = _only(problems)
    assert (problem.file, problem.line, problem.card, problem.field) == (path, 2, "gesprek", "kind")
    assert "'chat'" in problem.message
    assert "start, dialogue, action" in problem.message


def test_missing_language_table(
    tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str]
) -> None:
    path, problems = _broken(tmp_path, write_deck, "05-x.toml", card_toml("eentalig", langs=("nl",)))
    problem = _only(problems)
    assert (problem.file, problem.card, problem.field) == (path, "eentalig", "en")
    assert problem.line is not None
    assert "[en]" in problem.message
    assert "title, intro and questions" in problem.message


def test_duplicate_ids_across_two_files(
    tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str]
) -> None:
    path, problems = _broken(tmp_path, write_deck, "05-again.toml", card_toml("praten"))
    problem = _only(problems)
    assert (problem.file, problem.line, problem.card, problem.field) == (path, 1, "praten", "id")
    assert "duplicate" in problem.message
    assert "02-praten.toml" in problem.message  # where the id was used first


def test_empty_title(tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str]) -> None:
    text = card_toml("leeg", langs=("nl", "en")).replace('title = "leeg title (en)"', 'title = "   "')
    path, problems = _broken(tmp_path, write_deck, "05-leeg.toml", text)
    problem = _only(problems)
    title_line = text.splitlines().index('title = "   "') + 1
    assert (problem.file, problem.line, problem.card, problem.field) == (path, title_line, "leeg", "en.title")
    assert "empty" in problem.message


@pytest.mark.parametrize("minutes", [0, -3])
def test_minutes_below_one(
    tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str], minutes: int
) -> None:
    path, problems = _broken(tmp_path, write_deck, "05-kort.toml", card_toml("kort", minutes=minutes))
    problem = _only(problems)
    assert (problem.file, problem.line, problem.card, problem.field) == (path, 3, "kort", "minutes")
    assert str(minutes) in problem.message
    assert "at least 1" in problem.message


@pytest.mark.parametrize(
    ("key", "label", "choice"),
    [
        ("dimensions", "unknown dimension", "socio-economic"),
        ("values", "unknown core value", "working-with-others"),
    ],
)
def test_unknown_tag(
    tmp_path: Path,
    write_deck: Callable[..., Path],
    card_toml: Callable[..., str],
    key: str,
    label: str,
    choice: str,
) -> None:
    text = card_toml("tags", extra=f'{key} = ["weather"]')
    path, problems = _broken(tmp_path, write_deck, "05-tags.toml", text)
    problem = _only(problems)
    assert (problem.file, problem.line, problem.card, problem.field) == (path, 4, "tags", f"{key}.0")
    assert f"{label} 'weather'" in problem.message
    assert choice in problem.message  # the message lists what is allowed


def test_unknown_key_is_named(
    tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str]
) -> None:
    text = card_toml("kleur", extra='colour = "red"')
    _, problems = _broken(tmp_path, write_deck, "05-kleur.toml", text)
    problem = _only(problems)
    assert (problem.line, problem.field) == (4, "colour")
    assert "unknown key 'colour'" in problem.message


def test_every_problem_in_a_deck_is_reported(
    tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str]
) -> None:
    folder = write_deck(
        tmp_path / "deck",
        cards={
            "01-begin.toml": card_toml("begin", "start", 0),
            "02-praten.toml": card_toml("praten", "chat"),
            "03-kapot.toml": "id = \n",
            "04-doen.toml": card_toml("doen", "action", extra='values = ["kindness"]'),
            "05-ok.toml": card_toml("ok"),
        },
    )
    deck, problems = check(folder)
    assert deck is None
    found = {(p.file.name, p.field) for p in problems}
    assert found == {
        ("01-begin.toml", "minutes"),
        ("02-praten.toml", "kind"),
        ("03-kapot.toml", None),
        ("04-doen.toml", "values.0"),
    }


def test_several_problems_in_one_card_are_all_reported(
    tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str]
) -> None:
    text = card_toml("veel", "chat", 0, langs=("nl",))
    _, problems = _broken(tmp_path, write_deck, "05-veel.toml", text)
    assert {p.field for p in problems} == {"kind", "minutes", "en"}
    assert {p.card for p in problems} == {"veel"}


def test_problems_in_a_single_file_deck_point_into_the_right_card(
    tmp_path: Path, card_toml: Callable[..., str]
) -> None:
    path = tmp_path / "deck.toml"
    text = _single_file(card_toml("een", "start"), card_toml("twee", minutes=0))
    path.write_text(text)
    deck, problems = check(path)
    assert deck is None
    problem = _only(problems)
    second_card = [i for i, line in enumerate(text.splitlines(), 1) if line == "[[cards]]"][1]
    assert (problem.file, problem.card, problem.field) == (path, "twee", "minutes")
    assert problem.line == second_card + 3  # the `minutes =` line of the second card


def test_single_file_deck_without_cards_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "deck.toml"
    path.write_text(_single_file().replace('version = "2"', 'version = "2"\ncards = []'))
    deck, problems = check(path)
    assert deck is None
    problem = _only(problems)
    assert problem.field == "cards"
    assert "no cards" in problem.message


def test_a_lone_card_file_is_reported_as_not_a_deck(tmp_path: Path, card_toml: Callable[..., str]) -> None:
    path = tmp_path / "een.toml"
    path.write_text(card_toml("een"))
    deck, problems = check(path)
    assert deck is None
    problem = _only(problems)
    assert problem.file == path
    assert "not a deck" in problem.message


AGENDA_DECK = """\
id = "agenda-deck"
version = "1"
languages = ["nl", "en"]
default_agenda = ["begin", "weg"]

[name]
nl = "Agenda"
en = "Agenda"
"""


def test_default_agenda_naming_a_missing_card(tmp_path: Path, write_deck: Callable[..., Path]) -> None:
    folder = write_deck(tmp_path / "deck", deck_toml=AGENDA_DECK)
    deck, problems = check(folder)
    assert deck is None
    problem = _only(problems)
    assert (problem.file, problem.field) == (folder / "deck.toml", "default_agenda")
    assert "'weg'" in problem.message


def test_default_agenda_naming_a_broken_card_blames_only_the_card(
    tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str]
) -> None:
    cards = {"01-begin.toml": card_toml("begin", "start"), "02-weg.toml": card_toml("weg", "chat")}
    folder = write_deck(tmp_path / "deck", cards=cards, deck_toml=AGENDA_DECK)
    deck, problems = check(folder)
    assert deck is None
    problem = _only(problems)
    assert (problem.file.name, problem.field) == ("02-weg.toml", "kind")


def test_missing_deck_toml(tmp_path: Path, write_deck: Callable[..., Path]) -> None:
    folder = write_deck(tmp_path / "deck", deck_toml=None)
    deck, problems = check(folder)
    assert deck is None
    problem = _only(problems)
    assert problem.file == folder / "deck.toml"
    assert "missing" in problem.message
    assert "id, name, version and languages" in problem.message


def test_folder_without_card_files(tmp_path: Path, write_deck: Callable[..., Path]) -> None:
    folder = write_deck(tmp_path / "deck", cards={})
    deck, problems = check(folder)
    assert deck is None
    assert "no card files" in _only(problems).message


def test_nonexistent_path(tmp_path: Path) -> None:
    path = tmp_path / "nowhere"
    deck, problems = check(path)
    assert deck is None
    problem = _only(problems)
    assert problem.file == path
    assert problem.line is None
    assert "no such file or folder" in problem.message


def test_load_raises_deck_error_with_every_problem(
    tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str]
) -> None:
    folder = write_deck(
        tmp_path / "deck",
        cards={"01-a.toml": card_toml("a", minutes=0), "02-b.toml": card_toml("b", "chat")},
    )
    with pytest.raises(decks.DeckError) as caught:
        decks.load(folder)
    assert [(p.card, p.field) for p in caught.value.problems if p.card] == [("a", "minutes"), ("b", "kind")]
    assert str(caught.value).splitlines() == [str(p) for p in caught.value.problems]


# --- the problem's text -----------------------------------------------------------------------


def test_problem_text_has_file_line_card_field_and_message() -> None:
    problem = Problem(Path("cards/05-x.toml"), 3, "kort", "minutes", "too short")
    assert str(problem) == "cards/05-x.toml:3: card kort: minutes: too short"


def test_problem_text_leaves_out_what_is_unknown() -> None:
    problem = Problem(Path("cards"), None, None, None, "no such file or folder")
    assert str(problem) == "cards: no such file or folder"


# --- helpers ----------------------------------------------------------------------------------


def _single_file(*cards: str) -> str:
    """A one-file deck: deck keys, then each card as a `[[cards]]` table."""
    head = (
        'id = "one-file"\nversion = "2"\nlanguages = ["nl", "en"]\n\n'
        '[name]\nnl = "Een bestand"\nen = "One file"\n'
    )
    tables = [
        "\n[[cards]]\n" + card.replace("\n[nl]\n", "\n[cards.nl]\n").replace("\n[en]\n", "\n[cards.en]\n")
        for card in cards
    ]
    return head + "".join(tables)


def test_duplicate_id_is_reported_even_when_one_card_has_another_problem(tmp_path: Path) -> None:
    from potential_deck.core.deck.load import check

    text = '[{lang}]\ntitle = "T"\nintro = "I"\nquestions = ["Q?"]\n'
    body = text.format(lang="nl") + text.format(lang="en")
    (tmp_path / "deck.toml").write_text(
        'id = "d"\nversion = "1"\nlanguages = ["nl", "en"]\n[name]\nnl = "D"\nen = "D"\n', encoding="utf-8"
    )
    (tmp_path / "a.toml").write_text('id = "zelfde"\nkind = "weird"\nminutes = 5\n' + body, encoding="utf-8")
    (tmp_path / "b.toml").write_text('id = "zelfde"\nkind = "start"\nminutes = 5\n' + body, encoding="utf-8")
    deck, problems = check(tmp_path)
    assert deck is None
    fields = {(p.file.name, p.field) for p in problems}
    assert ("a.toml", "kind") in fields
    assert ("b.toml", "id") in fields, "the duplicate is found although a.toml also has a bad kind"
