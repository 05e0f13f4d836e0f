"""Strengths and challenges tagged with a core value by the team, line by line, and the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from potential_deck.core.report.export import render
from potential_deck.core.report.plain import session_text
from potential_deck.core.report.view import view
from potential_deck.core.session import store
from potential_deck.core.session.models import CardRecord, CoreValue, Session
from potential_deck.core.session.notes import cycle_line_value, line_values, set_note, tag_line, tagged_lines

try:
    import export_helpers as h
except ImportError:  # the tests folder imported as a package
    from tests import export_helpers as h


@pytest.fixture
def record() -> CardRecord:
    return CardRecord(fields={"strengths": "- geduld\n- samenwerking\n", "challenges": "tijd"})


def test_no_line_has_a_value_until_the_team_gives_it_one(record: CardRecord) -> None:
    assert line_values(record, "strengths") == [("geduld", None), ("samenwerking", None)]


def test_a_line_tagged_and_untagged(record: CardRecord) -> None:
    assert tag_line(record, "strengths", "samenwerking", CoreValue.WORKING_WITH_OTHERS) is True
    assert line_values(record, "strengths") == [
        ("geduld", None),
        ("samenwerking", CoreValue.WORKING_WITH_OTHERS),
    ]
    assert tag_line(record, "strengths", "samenwerking", CoreValue.WORKING_WITH_OTHERS) is False
    assert tag_line(record, "strengths", "samenwerking", None) is True
    assert record.tags == []


def test_the_same_words_in_another_field_are_another_line(record: CardRecord) -> None:
    record.fields = {**record.fields, "challenges": "samenwerking"}
    tag_line(record, "challenges", "samenwerking", CoreValue.SUPPORTING_ALL)
    assert line_values(record, "strengths")[1] == ("samenwerking", None)


def test_cycling_goes_through_the_four_values_and_back_to_none(record: CardRecord) -> None:
    seen = [cycle_line_value(record, "challenges", "tijd") for _ in range(5)]
    assert seen == [*CoreValue, None]


def test_a_line_the_field_does_not_hold_cannot_be_tagged(record: CardRecord) -> None:
    with pytest.raises(LookupError):
        tag_line(record, "strengths", "moed", CoreValue.VALUING_DIVERSITY)
    assert record.tags == []


def test_a_reworded_line_loses_its_tag_and_the_others_keep_theirs(record: CardRecord) -> None:
    tag_line(record, "strengths", "geduld", CoreValue.SUPPORTING_ALL)
    tag_line(record, "strengths", "samenwerking", CoreValue.WORKING_WITH_OTHERS)
    tag_line(record, "challenges", "tijd", CoreValue.PROFESSIONAL_DEVELOPMENT)
    assert set_note(record, "strengths", "• geduld\nsamenwerken met ouders\n") is True
    assert line_values(record, "strengths") == [
        ("geduld", CoreValue.SUPPORTING_ALL),
        ("samenwerken met ouders", None),
    ]
    assert line_values(record, "challenges") == [("tijd", CoreValue.PROFESSIONAL_DEVELOPMENT)]


def test_tags_survive_save_and_load(tmp_path: Path, session: Session) -> None:
    record = session.record("doen")
    set_note(record, "strengths", "geduld\nhumor")
    tag_line(record, "strengths", "humor", CoreValue.VALUING_DIVERSITY)
    store.write(tmp_path / "s.toml", session)
    loaded = store.read(tmp_path / "s.toml")
    assert line_values(loaded.record("doen"), "strengths") == [
        ("geduld", None),
        ("humor", CoreValue.VALUING_DIVERSITY),
    ]


def test_a_session_saved_before_tags_existed_loads_without_any(session: Session) -> None:
    session.record("doen").fields = {"strengths": "geduld"}
    text = store.to_toml(session)
    assert "tags" in text
    old = "\n".join(line for line in text.splitlines() if not line.startswith("tags"))
    loaded = store.from_toml(old, Path("oud.toml"))
    assert loaded.record("doen").tags == []


def test_the_meetings_lines_card_by_card_strengths_first_untagged_as_none() -> None:
    s = tagged()
    lines = [line for line in tagged_lines(s) if line.card_id == "superheld"]
    assert lines[0].field == "strengths" and lines[-1].field == "challenges"
    assert ("samenwerking", CoreValue.WORKING_WITH_OTHERS) in [(line.text, line.value) for line in lines]
    assert all(line.value is None for line in lines if line.text not in ("samenwerking", "Jans twijfel"))
    order = [line.card_id for line in tagged_lines(s)]
    assert order == sorted(order, key=s.agenda.index)


# --- the report -------------------------------------------------------------------------------


def tagged() -> Session:
    """The filled session with one strength and one challenge tagged by the team."""
    s = h.filled()
    hero = s.record("superheld")
    tag_line(hero, "strengths", "samenwerking", CoreValue.WORKING_WITH_OTHERS)
    tag_line(hero, "challenges", "Jans twijfel", CoreValue.PROFESSIONAL_DEVELOPMENT)
    return s


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


def test_markdown_lists_remarks_under_the_teams_values_and_untagged_as_such() -> None:
    out = _section(render(tagged(), h.deck(), "md"), "## Sterktes en uitdagingen", "## Stappenplan")
    title = h.deck().card("superheld").text("nl").title
    assert out.index("### Samenwerken met anderen") < out.index(f"- samenwerking _({title})_")
    assert out.index("### Persoonlijke en gezamenlijke") < out.index("- Jans twijfel")
    untagged = out[out.index("### Nog geen kernwaarde") :]
    assert "- Ann's geduld" in untagged and "- tijd" in untagged
    assert "samenwerking" not in untagged
    assert "Ondersteunen van alle leerlingen" not in out, "a value of the card, not the team's"


def test_html_lists_remarks_under_the_teams_values() -> None:
    out = _section(render(tagged(), h.deck(), "html"), "Sterktes en uitdagingen", "Stappenplan")
    assert out.index("<h3>Samenwerken met anderen</h3>") < out.index("<li>samenwerking ")
    assert "<h3>Nog geen kernwaarde</h3>" in out
    assert "Ondersteunen van alle leerlingen" not in out


def test_text_summary_lists_remarks_under_the_teams_values() -> None:
    out = _section(session_text(view(tagged(), h.deck())), "Sterktes en uitdagingen", "Stappenplan")
    assert out.index("Samenwerken met anderen") < out.index("- samenwerking")
    assert "Ondersteunen van alle leerlingen" not in out


def test_json_has_the_teams_tags() -> None:
    cards = {c["id"]: c for c in json.loads(render(tagged(), h.deck(), "json"))["cards"]}
    assert cards["superheld"]["tags"] == [
        {"field": "strengths", "text": "samenwerking", "value": "working-with-others"},
        {"field": "challenges", "text": "Jans twijfel", "value": "professional-development"},
    ]
    assert cards["start-diversiteit"]["tags"] == []


def test_an_anonymised_report_keeps_the_tag_of_a_line_with_a_name() -> None:
    out = render(tagged(), h.deck(), "md", anonymize=True)
    section = _section(out, "## Sterktes en uitdagingen", "## Stappenplan")
    professional = section[section.index("### Persoonlijke") : section.index("### Nog geen")]
    assert "- Een deelnemer's twijfel" in professional
    data = json.loads(render(tagged(), h.deck(), "json", anonymize=True))
    texts = [tag["text"] for card in data["cards"] for tag in card["tags"]]
    assert "Jans twijfel" not in texts and "Een deelnemer's twijfel" in texts
