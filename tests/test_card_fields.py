"""A card's note fields: from its kind, its questions or its deck; saved notes never hidden."""

from __future__ import annotations

import pytest

from conftest import NOW
from potential_deck.core.choices import ALL_FIELDS
from potential_deck.core.deck.fields import field_label, note_fields, notes_beside
from potential_deck.core.report.export import render
from potential_deck.core.report.summary import summarize
from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import Card, CardRecord, Deck, FieldColour


def ids(card: Card | None, record: CardRecord | None = None) -> list[str]:
    return [field.id for field in note_fields(card, record)]


def test_a_start_card_has_free_notes_what_we_see_and_growth(builtin: Deck) -> None:
    assert ids(builtin.card("start-diversiteit")) == ["free", "seen", "growth"]


def test_a_dialogue_card_has_the_guide_questions_and_a_field_for_its_own_question(builtin: Deck) -> None:
    card = builtin.card("meertaligheid")
    assert ids(card) == ["free", "did", "worked", "satisfaction", "q4", "growth"]
    extra = note_fields(card)[4]
    assert extra.label("nl") == card.nl.questions[3]
    assert extra.label("en") == card.en.questions[3]


def test_an_action_card_has_strengths_and_challenges(builtin: Deck) -> None:
    assert ids(builtin.card("superheld")) == ["free", "strengths", "challenges", "growth"]


def test_the_card_that_leads_to_the_harvest_does_not_repeat_it(builtin: Deck) -> None:
    card = builtin.card("gezamenlijke-leervraag")
    assert card.leads_to_harvest
    assert ids(card) == ["free", "growth"]


def test_the_brug_card_has_its_three_coloured_fields(builtin: Deck) -> None:
    fields = note_fields(builtin.card("brug-kleuren"))[1:-1]
    assert [(f.id, f.colour) for f in fields] == [
        ("blue", FieldColour.BLUE),
        ("warning", FieldColour.ORANGE),
        ("green", FieldColour.GREEN),
    ]
    assert fields[0].label("nl").startswith("Blauw") and fields[0].label("en").startswith("Blue")
    assert all(f.hex and f.hex.startswith("#") for f in fields)


def test_a_field_the_deck_ties_to_a_question_is_labelled_by_it(builtin: Deck) -> None:
    card = builtin.card("tijd-maken")
    fields = {f.id: f for f in note_fields(card)}
    assert fields["q2"].label("nl") == card.nl.questions[1]
    assert fields["q2"].label("en") == card.en.questions[1]


def test_a_built_in_field_named_by_the_deck_keeps_its_label(builtin: Deck) -> None:
    card = builtin.card("stem-van-leerlingen-en-gezinnen")
    assert ids(card) == ["free", "strengths", "challenges", "q4", "growth"]
    assert field_label(card, "strengths", "nl") == "Sterktes"
    assert field_label(card, "challenges", "en") == "Challenges"


def test_notes_under_a_field_the_card_no_longer_lists_follow_its_own_fields(builtin: Deck) -> None:
    card = builtin.card("brug-kleuren")  # today's sessions saved its notes as strengths/challenges
    record = CardRecord(fields={"challenges": "te weinig tijd", "strengths": "sterk team", "blue": ""})
    fields = note_fields(card, record)
    assert [f.id for f in fields] == ["free", "blue", "warning", "green", "strengths", "challenges", "growth"]
    unlisted = {f.id: f for f in fields if not f.listed}
    assert set(unlisted) == {"strengths", "challenges"}
    assert unlisted["strengths"].label("nl") == "Sterktes"


def test_a_field_nobody_knows_is_labelled_by_its_id(builtin: Deck) -> None:
    record = CardRecord(fields={"kleur-paars": "iets"})
    assert field_label(builtin.card("superheld"), "kleur-paars", "nl") == "kleur-paars"
    assert ids(builtin.card("superheld"), record)[-2] == "kleur-paars"


def test_without_its_card_a_record_lists_the_fields_it_has_text_in() -> None:
    record = CardRecord(fields={"worked": "samen", "did": "zingen", "seen": "  "})
    assert ids(None, record) == ["free", "did", "worked", "growth"]


@pytest.mark.parametrize("field", ALL_FIELDS)
def test_fields_saved_today_keep_their_meaning_on_the_cards(field: str, builtin: Deck) -> None:
    labels = {f.label("nl") for card in builtin.cards for f in note_fields(card) if f.id == field}
    assert labels == {field_label(None, field, "nl")}


def test_a_card_shows_the_notes_of_the_card_it_asks_for(builtin: Deck) -> None:
    session = new_session(builtin, team="De Linde", now=NOW, agenda=["start-diversiteit", "brede-kijk"])
    card = builtin.card("brede-kijk")
    assert card.notes_from == "start-diversiteit"
    assert notes_beside(card, session) is None
    session.record("start-diversiteit").fields = {"seen": "meertaligheid, armoede"}
    beside = notes_beside(card, session)
    assert beside is not None and beside[0] == "start-diversiteit"
    assert beside[1].fields["seen"] == "meertaligheid, armoede"
    assert notes_beside(builtin.card("superheld"), session) is None


def test_the_report_keeps_notes_under_a_field_the_card_no_longer_lists(builtin: Deck) -> None:
    session = new_session(builtin, team="De Linde", now=NOW, agenda=["brug-kleuren"])
    session.record("brug-kleuren").fields = {"strengths": "Sterke zorgwerking", "green": "Leesouders"}
    notes = summarize(session, builtin).notes[0]
    assert [(n.id, n.text) for n in notes.fields] == [
        ("green", "Leesouders"),
        ("strengths", "Sterke zorgwerking"),
    ]
    markdown = render(session, builtin, "md")
    assert "**Groen: groeiadviezen**" in markdown and "Sterke zorgwerking" in markdown


def test_the_html_report_shows_brug_notes_in_their_colours(builtin: Deck) -> None:
    session = new_session(builtin, team="De Linde", now=NOW, agenda=["brug-kleuren"])
    session.record("brug-kleuren").fields = {"blue": "Brede basiszorg", "warning": "Planlast"}
    page = render(session, builtin, "html")
    assert '<div class="field field-blue">' in page and '<div class="field field-orange">' in page
    assert ".field-blue {" in page and "#1d4ed8" in page
    assert page.index("Brede basiszorg") < page.index("Planlast")


def test_the_json_export_keeps_field_ids(builtin: Deck) -> None:
    import json

    session = new_session(builtin, team="De Linde", now=NOW, agenda=["meertaligheid"])
    session.record("meertaligheid").fields = {"did": "Liedje", "q4": "Thuistaal in de kring"}
    card = json.loads(render(session, builtin, "json"))["cards"][0]
    assert card["fields"] == {"did": "Liedje", "q4": "Thuistaal in de kring"}
