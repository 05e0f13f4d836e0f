"""The agenda picker: each card's kind, minutes, title, dimensions and values; what the agenda covers."""

from __future__ import annotations

from potential_deck.tui.screens.new_session import NewSessionScreen
from potential_deck.tui.widgets.agenda_list import AgendaList

from .helpers import shown_text

SIZE = (110, 50)


def rows(agenda: AgendaList) -> list[str]:
    """The list's lines as drawn (its visible part)."""
    return [agenda.render_line(y).text.rstrip() for y in range(agenda.size.height)]


async def open_form(pilot) -> AgendaList:
    await pilot.press("n")
    assert isinstance(pilot.app.screen, NewSessionScreen)
    agenda = pilot.app.screen.query_one(AgendaList)
    agenda.focus()
    await pilot.pause()
    return agenda


async def test_each_card_shows_its_kind_minutes_title_dimensions_and_values(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        agenda = await open_form(pilot)
        drawn = rows(agenda)
        card = drawn.index(next(r for r in drawn if "Meer talen in de klas" in r))
        assert "Dialoogkaart · 15′ · Meer talen in de klas" in drawn[card]
        assert drawn[card + 1].strip() == "◆ taal   ● diversiteit waarderen, alle leerlingen ondersteunen"
        collega = next(r for r in drawn if "Een collega die me verder hielp" in r)
        assert drawn[drawn.index(collega) + 1].strip() == "◆ –   ● samenwerken, professionele ontwikkeling"


async def test_chosen_cards_are_marked_and_others_are_not(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        agenda = await open_form(pilot)
        drawn = rows(agenda)
        chosen = next(r for r in drawn if "Meer talen in de klas" in r)
        other = next(r for r in drawn if "Als er thuis weinig geld is" in r)
        assert chosen.startswith("▐X▌") and other.startswith("▐ ▌")


async def test_the_rows_under_a_card_cannot_be_chosen(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        agenda = await open_form(pilot)
        before = agenda.agenda
        await pilot.press("down")
        assert agenda.highlighted == 2  # the next card, past the first card's tags row
        await pilot.press("space")
        assert agenda.agenda == [card for card in before if card != before[1]]


async def test_moving_a_card_moves_its_tags_with_it(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        agenda = await open_form(pilot)
        first, second = agenda.agenda[:2]
        await pilot.press("ctrl+down")
        assert agenda.agenda[:2] == [second, first]
        assert agenda.highlighted == 2
        drawn = rows(agenda)
        assert "Diversiteit in onze school" in drawn[2] and "etnisch-cultureel" in drawn[3]


async def test_the_coverage_line_follows_the_chosen_cards(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        agenda = await open_form(pilot)
        assert "◆ Dimensies: etnisch-cultureel," in shown_text(app)
        assert "nog niet: LGBTIQ+, gezin, cognitief" in " ".join(shown_text(app).split())
        target = agenda.order.index("genderidentiteit")
        await pilot.press(*["down"] * target, "space")
        assert "genderidentiteit" in agenda.agenda
        shown = " ".join(shown_text(app).split())
        assert "gender, LGBTIQ+, beperking" in shown and "nog niet: gezin, cognitief" in shown


async def test_the_picker_speaks_english_in_an_english_form(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        agenda = await open_form(pilot)
        drawn = rows(agenda)
        card = drawn.index(next(r for r in drawn if "Many languages in the classroom" in r))
        assert "Dialogue card · 15′ ·" in drawn[card]
        assert drawn[card + 1].strip() == "◆ language   ● valuing diversity, supporting all learners"
        assert "● Core values: all" in shown_text(app)
