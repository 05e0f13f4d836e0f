"""When two texts count as the same (`core.text.compare.text_key`)."""

from __future__ import annotations

from potential_deck.core.text.compare import text_key


def test_case_does_not_count() -> None:
    assert text_key("Ouders BETREKKEN") == text_key("ouders betrekken")


def test_runs_of_white_space_do_not_count() -> None:
    assert text_key("  ouders \t\n betrekken ") == "ouders betrekken"


def test_accents_still_count() -> None:
    assert text_key("Zoë") != text_key("Zoe")
