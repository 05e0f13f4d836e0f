"""Anonymisation: tricky names, whole words, possessives, and every text of a session."""

from __future__ import annotations

import unicodedata

import pytest

from potential_deck.core.report.anonymize import (
    Pseudonyms,
    aliases,
    anonymize,
    anonymize_text,
    occurrences,
)
from potential_deck.core.report.export import render
from potential_deck.core.session import store
from potential_deck.core.session.models import Session
from potential_deck.core.session.notes import harvest_list

try:
    import export_helpers as h
except ImportError:  # the tests folder imported as a package
    from tests import export_helpers as h


@pytest.fixture
def nl() -> Pseudonyms:
    return Pseudonyms(h.PARTICIPANTS, h.FACILITATOR, "nl")


def test_full_names_get_their_number_in_list_order(nl: Pseudonyms) -> None:
    assert nl("Jan Peeters en Jan De Smet") == "Deelnemer 1 en Deelnemer 2"
    assert nl("Lotte Vos") == "Deelnemer 7"
    assert nl("Jan\n  Peeters") == "Deelnemer 1"  # any white space between the parts


def test_surname_parts_alone_are_replaced_but_not_particles(nl: Pseudonyms) -> None:
    assert nl("Peeters belt Smet") == "Deelnemer 1 belt Deelnemer 2"
    assert nl("De Smet kwam") == "Deelnemer 2 kwam"
    assert nl("de leerlingen van de school") == "de leerlingen van de school"
    assert "de" not in aliases("Jan De Smet")


def test_a_shared_first_name_reveals_neither_participant(nl: Pseudonyms) -> None:
    assert nl("Jan zei iets. Toen lachte jan") == ("Een deelnemer zei iets. Toen lachte een deelnemer")
    assert nl("met Jan") == "met een deelnemer"
    out = nl("Jan en Jan Peeters")
    assert out == "Een deelnemer en Deelnemer 1"
    assert "Deelnemer 2" not in out


def test_a_first_name_of_one_participant_gets_their_number(nl: Pseudonyms) -> None:
    assert nl("Lotte en Ömer") == "Deelnemer 7 en Deelnemer 4"


def test_accents_and_case(nl: Pseudonyms) -> None:
    assert nl("ZOË, zoë en Zoë Çelik") == "Deelnemer 3, Deelnemer 3 en Deelnemer 3"
    assert nl("ömer en ÖMER YILMAZ") == "Deelnemer 4 en Deelnemer 4"
    assert nl("Ana-Lucía, ana-lucía gómez, Lucía") == "Deelnemer 5, Deelnemer 5, Deelnemer 5"
    decomposed = unicodedata.normalize("NFD", "Zoë kwam")
    assert nl(decomposed) == "Deelnemer 3 kwam"


def test_a_name_typed_without_its_accents_is_found_too(nl: Pseudonyms) -> None:
    assert nl("Zoe, zoe en ZOE Celik") == "Deelnemer 3, Deelnemer 3 en Deelnemer 3"
    assert nl("omer's plan, Omers boek") == "Deelnemer 4's plan, Deelnemer 4's boek"
    assert nl("Ana-Lucia Gomez en lucia") == "Deelnemer 5 en Deelnemer 5"
    emile = Pseudonyms(["Émile Dubois", "Emilie"], "", "nl")
    assert emile("emile, EMILE, Émile en Emilie") == "Deelnemer 1, Deelnemer 1, Deelnemer 1 en Deelnemer 2"
    assert emile("Zoeken naar emilienne") == "Zoeken naar emilienne", "still whole words only"


def test_names_that_differ_only_by_accents_reveal_neither() -> None:
    two = Pseudonyms(["René Claes", "Rene Maes"], "", "nl")
    assert two("René kwam, Rene niet") == "Een deelnemer kwam, een deelnemer niet"
    assert two("René Claes en Rene Maes") == "Deelnemer 1 en Deelnemer 2"


def test_a_name_inside_another_word_is_left_alone(nl: Pseudonyms) -> None:
    text = "Annelies maakt de planning in januari met Jansen en Ann-Sofie; Zoëlla"
    assert nl(text) == text
    assert nl("Ann, Annelies") == "Deelnemer 6, Annelies"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan Peeters' boek", "Deelnemer 1's boek"),
        ("Peeters's boek", "Deelnemer 1's boek"),
        ("Lotte's idee", "Deelnemer 7's idee"),
        ("Lottes idee", "Deelnemer 7's idee"),
        ("Ann’s klas", "Deelnemer 6’s klas"),
        ("ANN'S klas", "Deelnemer 6's klas"),
        ("Zoë's klas", "Deelnemer 3's klas"),
        ("Jans twijfel", "Een deelnemer's twijfel"),
    ],
)
def test_possessives(nl: Pseudonyms, text: str, expected: str) -> None:
    assert nl(text) == expected


def test_the_facilitator_is_replaced_too(nl: Pseudonyms) -> None:
    assert nl("Kees vatte samen; Kees Wouters' tip") == "Begeleider vatte samen; Begeleider's tip"


def test_a_facilitator_on_the_participant_list_keeps_that_number() -> None:
    names = Pseudonyms(["Lotte", "Kees"], "Kees", "nl")
    assert names("Kees en Lotte") == "Deelnemer 2 en Deelnemer 1"


def test_english_labels() -> None:
    en = Pseudonyms(["Jan Peeters", "Jan De Smet", "Zoë"], "Kees", "en")
    assert en("Zoë's idea. jan agreed with Kees") == (
        "Participant 3's idea. A participant agreed with Facilitator"
    )


def test_names_with_apostrophes_and_regex_characters() -> None:
    assert anonymize_text("D’Hondt en d'hondt", ["Els D'Hondt"]) == "Deelnemer 1 en Deelnemer 1"
    assert anonymize_text("(Jo) en Jo+", ["Jo+"]) == "(Jo) en Deelnemer 1"


def test_no_participants_changes_nothing() -> None:
    assert anonymize_text("Jan Peeters", []) == "Jan Peeters"


def test_anonymize_replaces_every_text_and_keeps_identifiers() -> None:
    original = h.filled()
    before = original.model_dump()
    result = anonymize(original)
    assert original.model_dump() == before  # the input is not changed
    assert result is not original
    dump = store.to_toml(result)
    for name in h.name_parts([*h.PARTICIPANTS, h.FACILITATOR]):
        assert not h.mentions(dump, name), name
    for word in h.WORDS_THAT_MUST_STAY:
        assert word in dump
    assert result.facilitator == ""
    assert result.participants == [f"Deelnemer {n}" for n in range(1, 8)]
    assert result.team == original.team
    assert result.agenda == original.agenda
    assert set(result.cards) == set(original.cards)
    assert [i.cards for i in result.harvest.items] == [i.cards for i in original.harvest.items]
    assert result.harvest.steps[0].who == "Deelnemer 7"
    assert result.harvest.question == ("Hoe kunnen we thuistalen benutten, zoals Deelnemer 4 voorstelde?")
    assert result.harvest.items[1].absorbed == ["Ouders betrekken"]


def test_anonymized_session_still_gathers_like_the_original() -> None:
    original = h.filled()
    original.harvest.removed = ["Ouders betrekken"]
    result = anonymize(original)
    assert len(harvest_list(result)) == len(harvest_list(original))


def test_anonymize_clears_the_deck_path() -> None:
    s = h.filled()
    s.deck_path = "/home/kees/decks/eigen"
    assert anonymize(s).deck_path == ""


# --- the facilitator's review: every replacement in its context, confirmed or skipped ---------


def _reviewed() -> tuple[Session, list]:  # type: ignore[type-arg]
    s = h.empty(participants=["Roos Vos", "Jan Peeters"], facilitator="Kees")
    s.record(s.agenda[0]).free = "Roos zei dat de roos in de klas groeit. Jan knikte."
    return s, occurrences(s)


def test_occurrences_list_each_match_with_its_context_and_label() -> None:
    _, found = _reviewed()
    assert [(o.found, o.label, o.replace) for o in found] == [
        ("Roos", "Deelnemer 1", True),
        ("roos", "Deelnemer 1", False),
        ("Jan", "Deelnemer 2", True),
    ]
    first = found[0]
    assert first.where == "cards.start-diversiteit.free" and first.key.endswith("@0")
    assert first.before == "" and first.after.startswith(" zei dat de roos")
    assert found[1].word and found[1].before.endswith("zei dat de ")


def test_a_skipped_replacement_keeps_the_word_and_a_confirmed_one_replaces_it() -> None:
    s, found = _reviewed()
    choices = {found[0].key: False, found[1].key: True}
    text = anonymize(s, choices=choices).record(s.agenda[0]).free
    assert text == "Roos zei dat de Deelnemer 1 in de klas groeit. Deelnemer 2 knikte."


def test_the_export_applies_the_same_choices() -> None:
    s, found = _reviewed()
    out = render(s, h.deck(), "md", anonymize=True, choices={found[2].key: False})
    assert "Deelnemer 1 zei dat de roos in de klas groeit. Jan knikte." in out


def test_without_participants_the_export_says_no_names_were_known() -> None:
    s = h.empty(facilitator="Kees")
    s.record(s.agenda[0]).free = "Lotte en Kees"
    out = render(s, h.deck(), "md", anonymize=True)
    assert "namen in de tekst zijn NIET vervangen" in out
    assert "de namen van de deelnemers zijn vervangen" not in out
    assert "Lotte en Begeleider" in out
    named = render(s, h.deck(), "md", anonymize=True, extra_names=["Lotte"])
    assert "Deelnemer 1 en Begeleider" in named and "NIET vervangen" not in named
