"""The learning question on the projector: all of it in view while it is typed, large and bold,
the items it came from beside it (wide) or below it (narrow); chosen links marked without colour;
an export said on the harvest's message line."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from potential_deck.tui.screens.harvest import WIDE

from .test_harvest import choose_command, go_to_step, noted_session, open_harvest, screen_words

QUESTION = (
    "Hoe kunnen we als team onze lessen zo differentiëren dat alle leerlingen, ook anderstalige "
    "nieuwkomers en kinderen die in armoede opgroeien, zich gezien voelen en evenveel kansen "
    "krijgen om te leren, en hoe weten we dat het werkt?"
)


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
async def test_a_long_question_stays_wholly_in_view_while_it_is_typed(make_app, deck, size):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=size) as pilot:
        await open_harvest(pilot)
        await go_to_step(pilot, 3)
        area = app.screen.query_one("#question-input", TextArea)
        for end in range(40, len(QUESTION) + 1, 40):  # looked at while it grows
            area.insert(QUESTION[len(area.text) : end])
            await pilot.pause()
            assert area.scroll_offset.y == 0, "nothing scrolled out of view"
            assert area.wrapped_document.height <= area.content_size.height, "every line in view"
        await pilot.press(*QUESTION[len(area.text) :])
        await pilot.pause()
        assert area.text == QUESTION
        assert area.scroll_offset.y == 0 and area.wrapped_document.height <= area.content_size.height
        shown = " ".join(screen_words(app).split())
        for word in ("Hoe", "differentiëren", "nieuwkomers", "armoede", "werkt?"):
            assert word in shown, f"{word!r} is not on screen"


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
async def test_the_question_is_bold_in_a_framed_area_larger_than_its_text(make_app, deck, size):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=size) as pilot:
        await open_harvest(pilot)
        await go_to_step(pilot, 3)
        await pilot.press(*"Hoe kunnen we ouders betrekken?")
        area = app.screen.query_one("#question-input", TextArea)
        assert area.styles.text_style.bold
        assert area.outer_size.height >= 7, "room around one line of question"


async def test_the_links_stand_beside_the_question_in_a_wide_window(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=(WIDE + 40, 45)) as pilot:
        await open_harvest(pilot)
        await go_to_step(pilot, 3)
        area = app.screen.query_one("#question-input").region
        links = app.screen.query_one("#links").region
        assert links.x >= area.right and links.y < area.bottom


async def test_the_links_stand_below_the_question_in_a_narrow_window(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_harvest(pilot)
        await go_to_step(pilot, 3)
        area = app.screen.query_one("#question-input").region
        links = app.screen.query_one("#links").region
        assert links.y >= area.bottom and links.x < area.right


async def test_chosen_and_not_chosen_links_read_differently_without_colour(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_harvest(pilot)
        await go_to_step(pilot, 3)
        await pilot.press("escape", "down", "space", "up")
        links = app.screen.query_one("#links")
        drawn = ["".join(segment.text for segment in links.render_line(y)) for y in range(3)]
        assert drawn[0].lstrip().startswith("▐ ▌ Thuistalen zichtbaar maken")
        assert drawn[1].lstrip().startswith("▐X▌ Ouders betrekken")
        assert drawn[2].lstrip().startswith("▐ ▌ Bij elkaar gaan kijken")


@pytest.mark.parametrize(
    ("lang", "words"),
    [("nl", "Nog geen groeimogelijkheden"), ("en", "No growth opportunities yet")],
)
@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
async def test_with_no_opportunities_the_links_say_there_are_none_yet(make_app, deck, lang, words, size):
    session = noted_session(deck, lang=lang)
    for card_id in session.agenda:
        session.record(card_id).growth = []
    app = make_app(session=session, lang=lang)
    async with app.run_test(size=size) as pilot:
        await open_harvest(pilot)
        await go_to_step(pilot, 3)
        links = app.screen.query_one("#links")
        drawn = " ".join("".join(s.text for s in links.render_line(y)) for y in range(links.size.height))
        assert words in " ".join(drawn.split())
        assert words in " ".join(screen_words(app).split())
        await pilot.press("escape", "space")  # the list has the keyboard; nothing to link
        assert app.screen.session.harvest.question_items == []


async def test_an_export_is_said_on_the_message_line_not_in_a_toast(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_harvest(pilot)
        await choose_command(pilot, "Exporteren als JSON")
        await pilot.click("#export-save")
        await pilot.pause()
        assert app.screen is screen
        message = str(screen.query_one("#harvest-message").content)
        assert message.startswith("Bewaard als ") and message.endswith(".json")
        assert not app.screen.query("Toast"), "no toast over the status line"
