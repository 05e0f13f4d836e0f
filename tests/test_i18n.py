"""Every text of the interface exists in Dutch and English, with the same placeholders."""

from __future__ import annotations

from string import Formatter

import pytest

from potential_deck.core.choices import ALL_FIELDS
from potential_deck.core.session.models import LANGS, CoreValue, Dimension, Kind, Lang
from potential_deck.core.text.i18n import STRINGS, dimension_label, kind_label, t, value_label


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def test_every_string_has_non_empty_dutch_and_english() -> None:
    for key, texts in STRINGS.items():
        assert len(texts) == 2, key
        nl, en = texts
        assert nl.strip(), f"{key}: no Dutch"
        assert en.strip(), f"{key}: no English"


def test_every_string_has_the_same_placeholders_in_both_languages() -> None:
    for key, (nl, en) in STRINGS.items():
        assert _placeholders(nl) == _placeholders(en), key


def test_t_fills_in_placeholders_in_the_chosen_language() -> None:
    assert t("nl", "card.progress", n=2, total=5) == "kaart 2 van 5"
    assert t("en", "card.progress", n=2, total=5) == "card 2 of 5"


@pytest.mark.parametrize("lang", LANGS)
def test_every_kind_has_a_label(lang: Lang) -> None:
    labels = {kind_label(lang, kind) for kind in Kind}
    assert len(labels) == len(Kind)
    assert all(label.strip() for label in labels)


@pytest.mark.parametrize("lang", LANGS)
def test_every_core_value_has_a_label(lang: Lang) -> None:
    labels = {value_label(lang, value) for value in CoreValue}
    assert len(labels) == len(CoreValue)
    assert all(label.strip() for label in labels)
    assert value_label(lang, None) not in labels


@pytest.mark.parametrize("lang", LANGS)
def test_every_dimension_has_a_label(lang: Lang) -> None:
    labels = {dimension_label(lang, dim) for dim in Dimension}
    assert len(labels) == len(Dimension)
    assert all(label.strip() for label in labels)


def test_every_note_field_has_a_label() -> None:
    for field in (*ALL_FIELDS, "free", "growth"):
        assert f"field.{field}" in STRINGS, field


def test_dialogue_field_labels_are_the_cards_guide_questions() -> None:
    assert t("nl", "field.did") == "Wat deed je in die situatie?"
    assert t("nl", "field.worked") == "Wat werkte er en wat niet?"
    assert t("nl", "field.satisfaction") == "Waar haalde je voldoening uit?"
