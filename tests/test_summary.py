"""The summary of one session: priorities, groups, remarks per core value, steps and time."""

from __future__ import annotations

import datetime as dt
import json

from potential_deck.core.report.export import render
from potential_deck.core.report.plain import session_text
from potential_deck.core.report.summary import (
    VALUE_ORDER,
    format_duration,
    ranked,
    summarize,
    value_counts,
)
from potential_deck.core.report.view import view
from potential_deck.core.session.models import CardRecord, CoreValue, HarvestItem, Opportunity
from potential_deck.core.session.notes import tag_line

try:
    import export_helpers as h
except ImportError:  # the tests folder imported as a package
    from tests import export_helpers as h


def test_priorities_sort_by_votes_most_first_and_keep_order_on_ties() -> None:
    items = [
        HarvestItem(text=t, votes=v) for t, v in [("a", 1), ("b", 3), ("c", 3), ("d", 0), ("e", 5), ("f", 3)]
    ]
    result = ranked(items)
    assert [p.text for p in result] == ["e", "b", "c", "f", "a", "d"]
    assert [p.rank for p in result] == [1, 2, 3, 4, 5, 6]


def test_question_items_are_marked_by_their_harvest_index() -> None:
    result = summarize(h.filled(), h.deck())
    marked = {p.text for p in result.priorities if p.in_question}
    assert marked == {"Thuistalen benutten", "Co-teaching proberen"}


def test_summary_of_a_filled_session() -> None:
    result = summarize(h.filled(), h.deck())
    assert result.question.startswith("Hoe kunnen we thuistalen")
    assert result.harvested
    assert [p.text for p in result.priorities] == [
        "Ouders betrekken (idee van Lotte)",
        "Thuistalen benutten",
        "Co-teaching proberen",
        "Tijd maken voor overleg",
    ]
    # cards named by their title in the session's language
    assert result.priorities[1].cards[0].title == "Diversiteit in onze school: wat zien we?"
    assert [s.what for s in result.open_steps] == ["Bevraging bij ouders"]
    assert result.next_meeting == dt.date(2025, 5, 2)


def test_groups_follow_the_core_value_order_with_untagged_last() -> None:
    result = summarize(h.filled(), h.deck())
    assert [g.value for g in result.groups] == [
        CoreValue.VALUING_DIVERSITY,
        CoreValue.WORKING_WITH_OTHERS,
        CoreValue.PROFESSIONAL_DEVELOPMENT,
        None,
    ]
    assert [p.text for p in result.groups[-1].items] == ["Ouders betrekken (idee van Lotte)"]
    for group in result.groups:
        ranks = [p.rank for p in group.items]
        assert ranks == sorted(ranks)


def test_empty_harvest_falls_back_to_the_cards_opportunities() -> None:
    s = h.filled()
    s.harvest.items = []
    result = summarize(s, h.deck())
    assert not result.harvested
    texts = [p.text for p in result.priorities]
    assert texts == [
        "Thuistalen benutten",
        "Ouders betrekken",
        "Co-teaching proberen",
        "Tijd maken voor overleg",
    ]
    assert all(p.votes == 0 for p in result.priorities)
    assert result.priorities[2].cards[0].id == "steun-van-collega"


def test_untagged_strengths_and_challenges_are_listed_once_without_a_core_value() -> None:
    result = summarize(h.filled(), h.deck())
    # 'superheld' has two core values in the deck; the team tagged none of its lines
    assert [r.value for r in result.remarks] == [None]
    assert [r.text for r in result.remarks[0].strengths] == ["Ann's geduld", "samenwerking"]
    assert [r.text for r in result.remarks[0].challenges] == ["tijd", "Jans twijfel"]
    assert result.remarks[0].strengths[0].card.id == "superheld"


def test_strengths_and_challenges_go_under_the_values_the_team_gave_them() -> None:
    s = h.filled()
    hero = s.record("superheld")
    tag_line(hero, "strengths", "samenwerking", CoreValue.WORKING_WITH_OTHERS)
    tag_line(hero, "challenges", "tijd", CoreValue.PROFESSIONAL_DEVELOPMENT)
    by_value = {r.value: r for r in summarize(s, h.deck()).remarks}
    assert list(by_value) == [CoreValue.WORKING_WITH_OTHERS, CoreValue.PROFESSIONAL_DEVELOPMENT, None]
    assert [r.text for r in by_value[CoreValue.WORKING_WITH_OTHERS].strengths] == ["samenwerking"]
    assert by_value[CoreValue.WORKING_WITH_OTHERS].challenges == ()
    assert [r.text for r in by_value[CoreValue.PROFESSIONAL_DEVELOPMENT].challenges] == ["tijd"]
    assert [r.text for r in by_value[None].strengths] == ["Ann's geduld"]
    assert [r.text for r in by_value[None].challenges] == ["Jans twijfel"]
    assert CoreValue.SUPPORTING_ALL not in by_value, "a value of the card the team did not choose"


def test_remarks_on_a_card_the_deck_lacks_go_under_no_core_value() -> None:
    s = h.empty()
    s.cards["elders"] = CardRecord(fields={"strengths": "veerkracht"})
    result = summarize(s, h.deck())
    assert [(r.value, [x.text for x in r.strengths]) for r in result.remarks] == [(None, ["veerkracht"])]
    assert result.remarks[0].strengths[0].card.title == "elders"
    assert not result.remarks[0].strengths[0].card.known


def test_time_per_card_in_agenda_order_and_in_total() -> None:
    s = h.filled()
    result = summarize(s, h.deck())
    assert [row.card.id for row in result.times] == s.agenda
    spent = {row.card.id: row.spent for row in result.times}
    assert spent["steun-van-collega"] == 1200.0
    assert spent["meertaligheid"] == 0.0
    assert result.total_spent == 660.0 + 1200.0 + 840.0
    # planned: the deck's minutes for every agenda card
    assert result.total_planned == sum(h.deck().card(c).minutes * 60 for c in s.agenda)


def test_the_harvests_time_counts_in_the_total_not_on_a_card() -> None:
    s = h.filled()
    s.harvest.shown = 900.0
    result = summarize(s, h.deck())
    assert result.harvest_spent == 900.0
    assert result.total_spent == 660.0 + 1200.0 + 840.0 + 900.0 == s.total_spent
    assert sum(row.spent for row in result.times) == 660.0 + 1200.0 + 840.0
    markdown = render(s, h.deck(), "md")
    assert "| De oogst | – | 15 min |" in markdown
    assert "| **Totaal** |" in markdown and "**1 u 00 min**" in markdown
    data = json.loads(render(s, h.deck(), "json"))
    assert (data["summary"]["harvest_seconds"], data["summary"]["total_seconds"]) == (900.0, 3600.0)
    assert "De oogst" in session_text(view(s, h.deck())) and "De oogst" in render(s, h.deck(), "html")


def test_the_time_columns_add_up_as_they_are_shown() -> None:
    """Rows of 1 min and 1 min total 2 min (not 3 from 160 s rounded on its own); the look back's
    time, counted in the total, has a row of its own; a card off the agenda is not planned."""
    s = h.empty()
    s.record(s.agenda[0]).shown = 80.0
    s.record(s.agenda[1]).shown = 80.0
    s.lookback.shown = 100.0
    s.record("superheld").shown = 20.0
    s.agenda.remove("superheld")
    planned = sum(h.deck().card(card).minutes for card in s.agenda)
    markdown = render(s, h.deck(), "md")
    table = markdown.split("## Tijd per kaart")[1].split("\n\n")[1]
    rows = table.splitlines()[2:]
    assert rows[0] == "| Terugblik | – | 2 min |"
    assert rows[-2].startswith("| Moet ik een superheld zijn") and rows[-2].endswith("| – | 0 min |")
    spent = [int(row.split("|")[3].split()[0].strip("*")) for row in rows[:-1]]
    assert spent == [2, 1, 1, 0, 0, 0] and sum(spent) == 4
    assert rows[-1] == f"| **Totaal** | {format_duration('nl', planned * 60)} | **4 min** |"
    assert summarize(s, h.deck()).total_spent == 280.0  # 4,7 min, written as the rows' 4
    text = session_text(view(s, h.deck()))
    (total,) = [line for line in text.splitlines() if line.strip().startswith("Totaal")]
    assert "Terugblik" in text and total.endswith(" 4 min")


def test_notes_keep_the_field_order_of_the_card_kind() -> None:
    result = summarize(h.filled(), h.deck())
    notes = {n.card.id: n for n in result.notes}
    assert [note.id for note in notes["steun-van-collega"].fields] == ["did", "worked", "satisfaction"]
    assert notes["start-diversiteit"].free.startswith("Jan Peeters vertelt")
    assert [text for text, _ in notes["superheld"].growth] == ["Tijd maken voor overleg"]
    assert [n.card.id for n in result.notes] == ["start-diversiteit", "steun-van-collega", "superheld"]


def test_empty_session_summary() -> None:
    result = summarize(h.empty(), h.deck())
    assert result.priorities == () and result.groups == () and result.remarks == ()
    assert result.steps == () and result.notes == ()
    assert result.question == ""
    assert result.total_spent == 0.0
    assert result.counts == tuple((v, 0) for v in VALUE_ORDER if v is not None)


def test_summary_without_a_deck_titles_cards_by_id() -> None:
    result = summarize(h.filled(), None)
    assert result.priorities[1].cards[0].title == "start-diversiteit"
    assert result.times[0].planned == 600.0  # the timer's budget stands in for the deck


def test_summary_in_another_language() -> None:
    result = summarize(h.filled(), h.deck(), "en")
    assert result.language == "en"
    assert result.priorities[1].cards[0].title == "Diversity in our school: what do we see?"


def test_value_counts_lists_no_core_value_only_when_there_is_one() -> None:
    counts = value_counts([CoreValue.WORKING_WITH_OTHERS, None, CoreValue.WORKING_WITH_OTHERS])
    assert dict(counts)[CoreValue.WORKING_WITH_OTHERS] == 2
    assert dict(counts)[None] == 1
    assert len(value_counts([CoreValue.VALUING_DIVERSITY])) == 4


def test_summary_with_hundreds_of_items() -> None:
    s = h.big(300)
    result = summarize(s, h.deck())
    assert len(result.priorities) == 300 + 300 // len(s.agenda) * len(s.agenda)
    votes = [p.votes for p in result.priorities]
    assert votes == sorted(votes, reverse=True)
    assert sum(n for _, n in result.counts) == len(result.priorities)
    assert len(result.steps) == 300 and len(result.open_steps) == 150


def test_summarize_does_not_change_the_session() -> None:
    s = h.filled()
    s.harvest.items = []
    before = s.model_dump()
    summarize(s, h.deck())
    assert s.model_dump() == before


def test_format_duration() -> None:
    assert format_duration("nl", 0) == "0 min"
    assert format_duration("nl", 89) == "1 min"
    assert format_duration("nl", 3900) == "1 u 05 min"
    assert format_duration("en", 3900) == "1 h 05 min"


def test_growth_on_a_card_keeps_its_tag_in_the_notes() -> None:
    s = h.empty()
    s.record("superheld").growth = [Opportunity(text="x", value=CoreValue.SUPPORTING_ALL)]
    notes = summarize(s, h.deck()).notes
    assert notes[0].growth == (("x", CoreValue.SUPPORTING_ALL),)
