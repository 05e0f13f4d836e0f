"""Struck out, not lost: `r` brings a struck growth opportunity back (also after reopening), and a
card line left out because its words were struck before is said once on the message line."""

from __future__ import annotations

from textual.widgets import OptionList

from potential_deck.core.session.store import read
from potential_deck.tui.screens.card import CardScreen
from potential_deck.tui.screens.dialogs import ChoicePrompt
from potential_deck.tui.screens.modals import HelpScreen

from .helpers import quit_app, shown_text
from .test_harvest import SIZE, noted_session, open_harvest


def texts(screen) -> list[str]:
    return [item.text for item in screen.session.harvest.items]


def message(screen) -> str:
    shown = screen.query_one("#harvest-message")
    return str(shown.content) if shown.display else ""


async def test_a_struck_opportunity_comes_back_with_r_after_the_session_was_reopened(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await pilot.press("x")
        assert message(screen) == (
            "Geschrapt: „Thuistalen zichtbaar maken”. u maakt het ongedaan · r zet geschrapte terug."
        )
        await quit_app(pilot)
    again = make_app(session=read(screen.path))  # opened anew: no undo history
    async with again.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        assert texts(screen) == ["Ouders betrekken", "Bij elkaar gaan kijken"]
        assert message(screen) == "1 groeimogelijkheid niet opnieuw opgenomen: eerder geschrapt · r zet terug"
        await pilot.press("u")
        assert message(screen) == "Niets meer om ongedaan te maken."
        await pilot.press("r")
        dialog = again.screen
        assert isinstance(dialog, ChoicePrompt)
        assert "Geschrapte groeimogelijkheden" in shown_text(again)
        assert dialog.query_one(OptionList).get_option_at_index(0).prompt == "Thuistalen zichtbaar maken"
        await pilot.press("enter")
        assert again.screen is screen
        assert texts(screen)[-1] == "Thuistalen zichtbaar maken"
        assert screen.session.harvest.items[-1].cards == [screen.session.agenda[1]], "with its card"
        assert message(screen) == "Teruggezet: „Thuistalen zichtbaar maken”. u maakt het ongedaan."
        assert screen.query_one("#items-table").cursor_row == 2, "the cursor on the item brought back"
        await pilot.press("u")
        assert "Thuistalen zichtbaar maken" not in texts(screen)
        assert message(screen) == "Ongedaan gemaakt: „Thuistalen zichtbaar maken” teruggezet"
        await pilot.press("U")
        assert texts(screen)[-1] == "Thuistalen zichtbaar maken"
        await quit_app(pilot)
    saved = read(screen.path)
    assert saved.harvest.removed == [] and saved.harvest.items[-1].text == "Thuistalen zichtbaar maken"


async def test_the_message_names_the_wording_that_came_back_as_the_list_shows_it(make_app, deck):
    """Reworded, struck, brought back: the card's line comes back, and the message names it."""
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await pilot.press("e", "ctrl+u", *"Thuistalen Zichtbaar Maken", "enter")
        assert texts(screen)[0] == "Thuistalen Zichtbaar Maken"
        await pilot.press("x", "r", "enter")
        back = texts(screen)[screen.query_one("#items-table").cursor_row]
        assert back == "Thuistalen zichtbaar maken", "the card's wording came back"
        assert message(screen) == f"Teruggezet: „{back}”. u maakt het ongedaan."
        await pilot.press("u")
        assert message(screen) == f"Ongedaan gemaakt: „{back}” teruggezet"
        await quit_app(pilot)


async def test_the_same_words_typed_on_another_card_are_said_once_and_come_back(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await pilot.press("down", "x")
        assert "Ouders betrekken" not in texts(screen)
        await pilot.press("escape")  # back to the last card
        card = app.screen
        assert isinstance(card, CardScreen)
        await pilot.press("shift+tab", *"ouders betrekken", "pagedown")  # its growth field, then on
        harvest = await open_harvest(pilot)
        last = harvest.session.agenda[-1]
        assert [o.text for o in harvest.session.cards[last].growth] == ["ouders betrekken"]
        assert "ouders betrekken" not in [text.casefold() for text in texts(harvest)]
        said = "1 groeimogelijkheid niet opnieuw opgenomen: eerder geschrapt · r zet terug"
        assert said in message(harvest)
        await pilot.press("up", "escape")
        assert app.screen is card
        await pilot.press("pagedown")
        harvest = await open_harvest(pilot)
        assert "niet opnieuw opgenomen" not in message(harvest), "said once"
        await pilot.press("up", "r", "enter")
        brought = harvest.session.harvest.items[-1]
        assert (brought.text, brought.cards) == ("Ouders betrekken", [harvest.session.agenda[1], last])
        await quit_app(pilot)


async def test_r_with_nothing_struck_says_so(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await pilot.press("r")
        assert app.screen is screen
        assert message(screen) == "Niets geschrapt: er is niets om terug te zetten."
        await pilot.press("x", "r", "escape")  # Escape closes the list: nothing comes back
        assert app.screen is screen and len(texts(screen)) == 2


async def test_r_is_in_the_step_keys_and_in_f1_in_both_languages(make_app, deck):
    for lang, line, helped in (
        ("nl", "r Terugzetten", "Een geschrapte groeimogelijkheid terugzetten"),
        ("en", "r Bring back", "Bring back a struck-out growth opportunity"),
    ):
        app = make_app(session=noted_session(deck, lang=lang))
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_harvest(pilot)
            assert line in str(screen.query_one("#items .keys").content)
            await pilot.press("f1")
            assert isinstance(app.screen, HelpScreen)
            assert helped in shown_text(app)
            await pilot.press("escape")
            await quit_app(pilot)
