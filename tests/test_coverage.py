"""What an agenda covers: the dimensions and core values of its cards."""

from __future__ import annotations

from potential_deck.core.deck.coverage import agenda_coverage, coverage_text
from potential_deck.core.session.models import CoreValue, Deck, Dimension


def test_coverage_is_every_dimension_and_value_of_the_chosen_cards(builtin: Deck) -> None:
    coverage = agenda_coverage(builtin, ["meertaligheid", "genderidentiteit", "tijd-maken"])
    assert coverage.dimensions == (Dimension.LANGUAGE, Dimension.GENDER_IDENTITY)
    assert coverage.values == (
        CoreValue.VALUING_DIVERSITY,
        CoreValue.SUPPORTING_ALL,
        CoreValue.WORKING_WITH_OTHERS,
        CoreValue.PROFESSIONAL_DEVELOPMENT,
    )
    assert Dimension.RELIGION in coverage.missing_dimensions
    assert coverage.missing_values == ()


def test_coverage_follows_the_agenda_and_ignores_cards_the_deck_lacks(builtin: Deck) -> None:
    assert agenda_coverage(builtin, []).dimensions == ()
    only = agenda_coverage(builtin, ["schoolkosten", "weg"])
    assert only.dimensions == (Dimension.SOCIO_ECONOMIC,)
    assert only.missing_values == (CoreValue.WORKING_WITH_OTHERS, CoreValue.PROFESSIONAL_DEVELOPMENT)


def test_coverage_text_names_what_is_touched_and_what_not_yet(builtin: Deck) -> None:
    text = coverage_text("nl", agenda_coverage(builtin, ["schoolkosten"]))
    dims, values = text.splitlines()
    assert dims.startswith("Dimensies: socio-economisch · nog niet: etnisch-cultureel, taal,")
    assert values == (
        "Kernwaarden: diversiteit waarderen, alle leerlingen ondersteunen"
        " · nog niet: samenwerken, professionele ontwikkeling"
    )


def test_coverage_text_of_the_whole_deck_in_english(builtin: Deck) -> None:
    text = coverage_text("en", agenda_coverage(builtin, [card.id for card in builtin.cards]))
    assert text == "Dimensions: all\nCore values: all"


def test_coverage_text_of_an_empty_agenda(builtin: Deck) -> None:
    dims, values = coverage_text("en", agenda_coverage(builtin, [])).splitlines()
    assert dims.startswith("Dimensions: none · not yet: ethnic-cultural, language,")
    assert values.startswith("Core values: none · not yet: valuing diversity")


def test_every_dimension_and_value_has_a_short_label_in_both_languages() -> None:
    from potential_deck.core.session.models import LANGS
    from potential_deck.core.text.i18n import dimension_label, value_short

    for lang in LANGS:
        dims = {dimension_label(lang, d, short=True) for d in Dimension}
        values = {value_short(lang, v) for v in CoreValue}
        assert len(dims) == len(Dimension) and all(label.strip() for label in dims)
        assert len(values) == len(CoreValue) and all(label.strip() for label in values)
