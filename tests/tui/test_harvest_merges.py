"""Merges the team can see and reverse, a core value chosen when merged items differ, and the
strengths and challenges of the meeting tagged with a core value in step 1."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from potential_deck.core.session.models import CoreValue
from potential_deck.core.session.notes import line_values, set_note
from potential_deck.tui.screens.dialogs import ChoicePrompt, TextPrompt
from potential_deck.tui.screens.harvest import HarvestScreen

from .helpers import shown_text
from .test_harvest import SIZE, go_to_step, noted_session, open_harvest, rows, saved


def valued_session(deck):
    """Three items: 'Thuistalen' and 'Ouders' valued differently, 'Bij elkaar' with a third."""
    session = noted_session(deck)
    second = session.agenda[1]
    session.record(second).growth[0].value = CoreValue.VALUING_DIVERSITY
    session.record(second).growth[1].value = CoreValue.WORKING_WITH_OTHERS
    return session


async def merge_first_into_second(pilot) -> None:
    await pilot.press("m", "down", "m")
    await pilot.pause()


# --- what a merge holds, on demand -----------------------------------------------------------


async def test_a_merged_item_is_marked_and_w_shows_the_wordings_it_holds(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        await open_harvest(pilot)
        await merge_first_into_second(pilot)
        assert rows(app, "items-table")[0][1] == "⊕ Ouders betrekken"
        assert rows(app, "items-table")[1][1] == "Bij elkaar gaan kijken", "only merges are marked"
        await pilot.press("w")
        assert rows(app, "items-table")[0][1] == "⊕ Ouders betrekken\n  ↳ Thuistalen zichtbaar maken"
        assert "tonen al hun formuleringen" in shown_text(app)
        await pilot.press("w")
        assert rows(app, "items-table")[0][1] == "⊕ Ouders betrekken"


async def test_w_says_when_nothing_was_merged(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        await open_harvest(pilot)
        await pilot.press("w")
        assert "Nog niets samengevoegd" in shown_text(app)


async def test_the_edit_dialog_lists_every_wording_to_write_one_that_sums_them_up(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await merge_first_into_second(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, TextPrompt)
        text = shown_text(app)
        assert "• Ouders betrekken\n• Thuistalen zichtbaar maken" in text
        assert "schrijf er één die ze samenvat" in text
        app.screen.query_one(Input).value = "Thuistalen en ouders samen zichtbaar maken"
        await pilot.press("enter")
        assert screen.session.harvest.items[0].text == "Thuistalen en ouders samen zichtbaar maken"


async def test_the_edit_dialog_of_an_item_never_merged_lists_nothing(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        await open_harvest(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, TextPrompt)
        assert not app.screen.query("#prompt-offered")


# --- a core value chosen, never dropped --------------------------------------------------------


async def test_merging_different_values_asks_which_and_keeps_the_choice(make_app, deck):
    app = make_app(session=valued_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await merge_first_into_second(pilot)
        assert isinstance(app.screen, ChoicePrompt)
        options = app.screen.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert labels == [
            "Waarderen van diversiteit bij leerlingen",
            "Samenwerken met anderen",
            "Geen kernwaarde",
        ]
        await pilot.press("enter")  # the first: the absorbed item's value, not the target's
        assert isinstance(app.screen, HarvestScreen)
        merged = screen.session.harvest.items[0]
        assert (merged.text, merged.value) == ("Ouders betrekken", CoreValue.VALUING_DIVERSITY)
        assert [part.value for part in merged.parts] == [
            CoreValue.WORKING_WITH_OTHERS,
            CoreValue.VALUING_DIVERSITY,
        ]
        assert (await saved(app, screen)).harvest.items[0].value == CoreValue.VALUING_DIVERSITY


async def test_no_core_value_can_be_chosen_for_a_merge(make_app, deck):
    app = make_app(session=valued_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await merge_first_into_second(pilot)
        await pilot.press("down", "down", "enter")
        assert screen.session.harvest.items[0].value is None
        assert len(screen.session.harvest.items) == 2


async def test_escape_in_the_value_choice_merges_nothing(make_app, deck):
    app = make_app(session=valued_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        before = screen.session.harvest.model_copy(deep=True)
        await merge_first_into_second(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, HarvestScreen)
        assert screen.session.harvest == before
        assert screen.merging is None
        assert "Samenvoegen geannuleerd" in shown_text(app)


# --- split -------------------------------------------------------------------------------------


async def test_s_splits_a_merged_item_back_into_its_parts(make_app, deck):
    app = make_app(session=valued_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        before = screen.session.harvest.items
        await merge_first_into_second(pilot)
        await pilot.press("enter")
        assert screen.check_action("letter", ("split",)) is True
        await pilot.press("s")
        assert screen.session.harvest.items == [before[1], before[0], before[2]]
        assert "Gesplitst: „Ouders betrekken” is weer 2 groeimogelijkheden" in shown_text(app)


async def test_split_is_off_on_an_item_never_merged_and_s_says_so(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        before = screen.session.harvest.model_copy(deep=True)
        assert screen.check_action("letter", ("split",)) is False
        await pilot.press("s")
        assert screen.session.harvest == before
        assert "„s” (Splitsen) doet hier nu niets" in shown_text(app)


# --- strengths and challenges per core value, where the team says so ---------------------------


def session_with_lines(deck):
    session = noted_session(deck)
    record = session.record("superheld")
    set_note(record, "strengths", "geduld\nsamenwerking")
    set_note(record, "challenges", "tijd")
    return session


async def test_strengths_and_challenges_are_listed_untagged_until_the_team_tags_one(make_app, deck):
    app = make_app(session=session_with_lines(deck))
    async with app.run_test(size=SIZE) as pilot:
        await open_harvest(pilot)
        lines = rows(app, "lines-table")
        assert [row[:3] for row in lines] == [
            ["Sterkte", "geduld", "nog geen"],
            ["Sterkte", "samenwerking", "nog geen"],
            ["Uitdaging", "tijd", "nog geen"],
        ]


async def test_v_on_a_line_tags_it_and_u_takes_the_tag_off(make_app, deck):
    app = make_app(session=session_with_lines(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        items_before = screen.session.harvest.model_copy(deep=True)
        await pilot.press("tab", "down", "v", "v", "v")
        assert screen.part == "lines"
        record = screen.session.record("superheld")
        assert line_values(record, "strengths")[1] == ("samenwerking", CoreValue.WORKING_WITH_OTHERS)
        assert rows(app, "lines-table")[1][2] == "Samenwerken"
        assert screen.session.harvest == items_before, "v on a line changes no growth opportunity"
        saved_record = (await saved(app, screen)).record("superheld")
        assert line_values(saved_record, "strengths")[1][1] == CoreValue.WORKING_WITH_OTHERS
        await pilot.press("u")
        assert line_values(record, "strengths")[1] == ("samenwerking", CoreValue.SUPPORTING_ALL)
        assert app.focused is screen.query_one("#lines-table") and screen.line_index == 1


async def test_the_overview_lists_a_tagged_line_under_its_value(make_app, deck):
    app = make_app(session=session_with_lines(deck))
    async with app.run_test(size=SIZE) as pilot:
        await open_harvest(pilot)
        await pilot.press("tab", "v")
        await go_to_step(pilot, 5)
        text = shown_text(app)
        card = f"({deck.card('superheld').text('nl').title})"
        assert f"Waarderen van diversiteit bij leerlingen\n  Sterktes\n    • geduld {card}" in text
        assert (
            f"Nog geen kernwaarde\n  Sterktes\n    • samenwerking {card}\n  Uitdagingen\n    • tijd {card}"
            in text
        )
