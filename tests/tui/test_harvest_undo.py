"""Undo and redo in the harvest: many levels, across steps and merges, said on the message line."""

from __future__ import annotations

from textual.widgets import TextArea

from potential_deck.core.session.models import CoreValue, Step
from potential_deck.tui.screens.card import CardScreen

from .helpers import shown_text
from .test_harvest import SIZE, go_to_step, noted_session, open_harvest, saved


def texts(screen) -> list[str]:
    return [item.text for item in screen.session.harvest.items]


async def test_two_items_struck_out_both_come_back_each_said_on_the_message_line(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        before = screen.session.harvest.model_copy(deep=True)
        await pilot.press("down", "x", "up", "x")
        assert texts(screen) == ["Bij elkaar gaan kijken"]
        await pilot.press("u")
        assert "Ongedaan gemaakt: „Thuistalen zichtbaar maken” geschrapt" in shown_text(app)
        await pilot.press("u")
        assert "Ongedaan gemaakt: „Ouders betrekken” geschrapt" in shown_text(app)
        assert screen.session.harvest.items == before.items
        assert screen.session.harvest.removed == []
        assert (await saved(app, screen)).harvest.items == before.items


async def test_redo_with_shift_u_and_ctrl_y_undo_with_ctrl_z(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await pilot.press("x", "x")
        await pilot.press("ctrl+z", "ctrl+z")
        assert len(texts(screen)) == 3
        await pilot.press("U")
        assert "Opnieuw gedaan: „Thuistalen zichtbaar maken” geschrapt" in shown_text(app)
        await pilot.press("ctrl+y")
        assert texts(screen) == ["Bij elkaar gaan kijken"]
        await pilot.press("U")
        assert "Niets om opnieuw te doen." in shown_text(app)


async def test_many_changes_undone_one_by_one_to_the_start_and_redone_to_the_end(make_app, deck):
    app = make_app(session=noted_session(deck, participants=["An", "Bo"]))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        start = screen.session.harvest.model_dump(exclude={"shown"})
        await pilot.press("v", "down", "v", "v", "down", "x")
        await pilot.press("a", *"Een eigen idee", "enter")
        await go_to_step(pilot, 2)
        await pilot.press("plus", "plus")
        await pilot.press("s")
        end = screen.session.harvest.model_dump(exclude={"shown"})
        for _ in range(7):
            await pilot.press("u")
        assert screen.session.harvest.model_dump(exclude={"shown"}) == start
        await pilot.press("u")
        assert "Niets meer om ongedaan te maken." in shown_text(app)
        for _ in range(7):
            await pilot.press("U")
        assert screen.session.harvest.model_dump(exclude={"shown"}) == end


async def test_undo_shows_the_step_of_the_change_and_keys_typed_right_after_act_there(make_app, deck):
    session = noted_session(deck)
    session.harvest.steps = [Step(what="Ouderavond plannen")]
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await go_to_step(pilot, 4)
        await pilot.press("a", *"Boeken kiezen", "enter")
        await pilot.press("pageup", "pageup", "pageup")
        assert screen.tab == "items"
        await pilot.press("u", "x")  # x at once: the step plan's 'done', not striking out an item
        await pilot.pause()
        assert screen.tab == "plan"
        assert [(s.what, s.done) for s in screen.session.harvest.steps] == [("Ouderavond plannen", True)]
        assert len(screen.session.harvest.items) == 3
        assert "Ongedaan gemaakt: stap „Boeken kiezen” toegevoegd" not in shown_text(app), (
            "the message said what undo did, and the next change replaced it"
        )


async def test_undo_says_what_it_did_on_the_step_it_moved_to(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await go_to_step(pilot, 4)
        await pilot.press("a", *"Boeken kiezen", "enter")
        await pilot.press("pageup", "pageup", "pageup", "u")
        await pilot.pause()
        assert screen.tab == "plan" and screen.session.harvest.steps == []
        assert "Ongedaan gemaakt: stap „Boeken kiezen” toegevoegd" in shown_text(app)


async def test_a_merge_is_undone_into_the_items_it_was_made_of(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        before = screen.session.harvest.model_copy(deep=True)
        await pilot.press("m", "down", "m")
        assert texts(screen) == ["Ouders betrekken", "Bij elkaar gaan kijken"]
        await pilot.press("u")
        assert screen.session.harvest == before
        assert "Ongedaan gemaakt: „Thuistalen zichtbaar maken” samengevoegd in „Ouders betrekken”" in (
            shown_text(app)
        )
        await pilot.press("U")
        assert texts(screen) == ["Ouders betrekken", "Bij elkaar gaan kijken"]


async def test_the_history_lasts_while_the_session_is_open_across_the_cards(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await pilot.press("x")
        await pilot.press("escape")
        assert isinstance(app.screen, CardScreen)
        await pilot.press("pagedown")
        again = await open_harvest(pilot)
        assert again is not screen
        assert len(texts(again)) == 2
        await pilot.press("up", "u")  # from the notes: letters act once an arrow says "steering"
        assert texts(again)[0] == "Thuistalen zichtbaar maken"


async def test_ctrl_z_in_the_question_undoes_the_typing_not_the_harvest(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await pilot.press("x")
        await go_to_step(pilot, 3)
        area = app.screen.query_one("#question-input", TextArea)
        await pilot.press(*"Hoe kunnen we", "ctrl+z")
        await pilot.pause()
        assert area.text == "" and screen.session.harvest.question == ""
        assert len(texts(screen)) == 2, "the struck-out item stays struck out"


async def test_undo_on_the_links_list_takes_the_typed_question_back_out_of_its_field(make_app, deck, clock):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await go_to_step(pilot, 3)
        await pilot.press(*"Hoe kunnen we ouders betrekken?", "escape")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert screen.session.harvest.question == ""
        assert app.screen.query_one("#question-input", TextArea).text == ""
        assert "Ongedaan gemaakt: leervraag bewerkt" in shown_text(app)


async def test_a_core_value_undone_goes_back_to_none(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await pilot.press("v")
        assert screen.session.harvest.items[0].value == CoreValue.VALUING_DIVERSITY
        await pilot.press("u")
        assert screen.session.harvest.items[0].value is None
        assert "Ongedaan gemaakt: kernwaarde van „Thuistalen zichtbaar maken”: Diversiteit waarderen" in (
            shown_text(app)
        )
