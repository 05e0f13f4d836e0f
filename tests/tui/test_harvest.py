"""The harvest screen: items, merging, tags, dots, the question, the plan, exports, the hint."""

from __future__ import annotations

import html
import re
import stat

import pytest
from textual.widgets import DataTable, Input, SelectionList, TextArea

from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import CoreValue, Opportunity, Step
from potential_deck.core.session.store import read
from potential_deck.core.text.i18n import STRINGS
from potential_deck.tui.screens.card import CardScreen
from potential_deck.tui.screens.dialogs import TextPrompt
from potential_deck.tui.screens.export_preview import ExportPreview
from potential_deck.tui.screens.harvest import HarvestScreen
from potential_deck.tui.screens.modals import HelpScreen
from potential_deck.tui.widgets.harvest_steps import PlanPane

from .conftest import AT_ONCE, FIXED_NOW
from .helpers import palette_searched, quit_app, shown_text

SIZE = (120, 40)


def harvest_screen(app) -> HarvestScreen:
    screen = app.screen
    assert isinstance(screen, HarvestScreen), f"expected the harvest, got {screen!r}"
    return screen


def rows(app, table_id: str) -> list[list[str]]:
    table = app.screen.query_one(f"#{table_id}", DataTable)
    return [
        [getattr(cell, "plain", str(cell)) for cell in table.get_row_at(i)] for i in range(table.row_count)
    ]


def noted_session(deck, *, lang="nl", participants=None, facilitator=""):
    """A session at the harvest whose second and third cards hold growth opportunities."""
    session = new_session(
        deck,
        team="De Linde",
        now=FIXED_NOW,
        language=lang,
        participants=participants or [],
        facilitator=facilitator,
    )
    second, third = session.agenda[1], session.agenda[2]
    session.record(second).growth = [
        Opportunity(text="Thuistalen zichtbaar maken"),
        Opportunity(text="Ouders betrekken"),
    ]
    session.record(third).growth = [
        Opportunity(text="Bij elkaar gaan kijken", value=CoreValue.PROFESSIONAL_DEVELOPMENT)
    ]
    session.live.stage = "harvest"
    session.live.position = len(session.agenda)
    return session


async def open_harvest(pilot) -> HarvestScreen:
    for _ in range(20):
        if isinstance(pilot.app.screen, HarvestScreen):
            break
        await pilot.pause(0.05)
    await pilot.pause()
    return harvest_screen(pilot.app)


async def go_to_step(pilot, number: int) -> None:
    """From step 1, PageDown (the clicker) to step `number`."""
    for _ in range(number - 1):
        await pilot.press("pagedown")
    await pilot.pause()


async def saved(app, screen):
    await app.workers.wait_for_complete()
    return read(screen.path)


async def test_walking_past_the_last_card_opens_the_harvest_with_sources(make_app, deck):
    app = make_app(team="De Linde")
    async with app.run_test(size=SIZE) as pilot:
        cards = app.screen
        assert isinstance(cards, CardScreen)
        await pilot.press("shift+tab", *"Thuistaal benutten")
        for _ in cards.session.agenda:
            await pilot.press("pagedown")
        screen = harvest_screen(app)
        title = deck.card(cards.session.agenda[0]).nl.title
        assert rows(app, "items-table") == [["0", "Thuistaal benutten", "nog geen", title]]
        assert "De oogst" in shown_text(app)
        assert (await saved(app, screen)).harvest.items[0].cards == [cards.session.agenda[0]]
        await pilot.press("pageup")
        assert app.screen is cards
        assert cards.card_id == cards.session.agenda[-1]
        assert (await saved(app, cards)).live.stage == "cards"


async def test_letters_typed_on_into_the_harvest_are_no_commands_until_the_facilitator_steers(make_app, deck):
    """PageDown from the last card's notes and typing on ("vox"): x struck an item, m started a
    merge, a opened a dialog. Now each letter says why it does nothing, until an arrow key."""
    app = make_app(team="De Linde")
    async with app.run_test(size=SIZE) as pilot:
        cards = app.screen
        assert isinstance(cards, CardScreen)
        await pilot.press("shift+tab", *"Ouders betrekken", "enter", *"Meer co-teaching")
        for _ in cards.session.agenda[:-1]:
            await pilot.press("pagedown")
        await pilot.press(*"slot", "pagedown", *"vox", "m", "a")
        screen = await open_harvest(pilot)
        assert isinstance(app.screen, HarvestScreen), "no dialog opened"
        assert [item.text for item in screen.session.harvest.items] == [
            "Ouders betrekken",
            "Meer co-teaching",
        ]
        assert screen.session.harvest.removed == []
        assert screen.merging is None and screen.session.harvest.items[0].value is None
        assert "„a” deed niets: je kwam van de notities" in shown_text(app)
        assert cards.session.record(cards.session.agenda[-1]).free == "slot"
        await pilot.press("down", "x")  # an arrow: the facilitator steers the list now
        assert [item.text for item in screen.session.harvest.items] == ["Ouders betrekken"]
        assert screen.session.harvest.removed == ["Meer co-teaching"], "x struck the item under the cursor"
        assert "deed niets" not in shown_text(app)


async def test_a_harvest_reached_while_steering_takes_letters_as_commands_at_once(make_app, deck):
    app = make_app(team="De Linde")
    async with app.run_test(size=SIZE) as pilot:
        cards = app.screen
        await pilot.press("shift+tab", *"Ouders betrekken", "escape")  # steering the cards
        for _ in cards.session.agenda:
            await pilot.press("pagedown")
        screen = await open_harvest(pilot)
        await pilot.press("x")
        assert screen.session.harvest.items == [] and screen.session.harvest.removed == ["Ouders betrekken"]


async def test_escape_leaves_a_field_then_goes_back_and_pageup_steps_back(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await go_to_step(pilot, 3)
        assert isinstance(app.focused, TextArea)
        await pilot.press(*"ab", "left", "escape")
        assert isinstance(app.screen, HarvestScreen), "← and Escape work inside the field"
        assert app.focused is app.screen.query_one("#links")
        assert screen.session.harvest.question == "ab"
        await pilot.press("pageup", "pageup")
        assert screen.tab == "items" and app.screen is screen, "PageUp steps back through the harvest"
        await pilot.press("escape")
        assert isinstance(app.screen, CardScreen)


async def test_add_edit_tag_merge_and_remove(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"Een eigen idee", "enter")
        assert rows(app, "items-table")[3][1:] == ["Een eigen idee", "nog geen", "zelf toegevoegd"]
        await pilot.press("e")
        await pilot.press("ctrl+a", *"Ons eigen idee", "enter")  # ctrl+a: to the start
        assert screen.session.harvest.items[3].text == "Ons eigen ideeEen eigen idee"
        await pilot.press("enter")  # Enter on a row edits it too
        prompt = app.screen.query_one("#prompt-input", Input)
        prompt.value = "Ons eigen idee"
        await pilot.press("enter")
        await pilot.press("v", "v")
        assert screen.session.harvest.items[3].value == CoreValue.SUPPORTING_ALL
        assert rows(app, "items-table")[3][2] == "Alle leerlingen steunen"
        # merge "Thuistalen" (0) into "Ouders betrekken" (1)
        await pilot.press("up", "up", "up", "m")
        assert "Samenvoegen: ga naar het item" in shown_text(app)
        await pilot.press("down", "m")
        items = screen.session.harvest.items
        assert [item.text for item in items] == [
            "Ouders betrekken",
            "Bij elkaar gaan kijken",
            "Ons eigen idee",
        ]
        assert items[0].absorbed == ["Thuistalen zichtbaar maken"]
        assert "Samengevoegd" in shown_text(app)
        # a merge can be cancelled with Escape, without leaving the harvest
        await pilot.press("m", "escape")
        assert screen.merging is None and isinstance(app.screen, HarvestScreen)
        await pilot.press("down", "x")
        assert [item.text for item in screen.session.harvest.items] == ["Ouders betrekken", "Ons eigen idee"]
        on_disk = await saved(app, screen)
        assert on_disk.harvest.items == screen.session.harvest.items
        assert on_disk.harvest.removed == ["Bij elkaar gaan kijken"]


async def test_voting_and_sorting(make_app, deck):
    app = make_app(session=noted_session(deck, participants=["An", "Bo", "Cas"]))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await go_to_step(pilot, 2)
        assert "0 van 9 stippen gegeven" in shown_text(app)
        await pilot.press("down", "down", "plus", "plus", "plus", "up", "plus", "minus", "minus", "minus")
        assert [item.votes for item in screen.session.harvest.items] == [0, 0, 3]
        assert "3 van 9 stippen gegeven" in shown_text(app)
        await pilot.press("s")
        assert rows(app, "votes-table")[0][1] == "Bij elkaar gaan kijken"
        assert rows(app, "votes-table")[2][1] == "Ouders betrekken"
        assert screen.item_index == 2, "the cursor stays on its item"
        await pilot.press("d", "backspace", "5", "enter")
        assert "3 van 15 stippen gegeven" in shown_text(app)
        await pilot.press("d", "backspace", "0", "enter")
        assert "een getal van 1 tot 20" in shown_text(app), "said in the dialog, which stays open"
        await pilot.press("escape")
        assert app.screen is screen and screen.session.harvest.dots_per_person == 5
        on_disk = await saved(app, screen)
        assert [item.votes for item in on_disk.harvest.items] == [3, 0, 0]
        assert on_disk.harvest.dots_per_person == 5


async def test_question_typed_and_linked(make_app, deck):
    app = make_app(session=noted_session(deck), autosave_delay=AT_ONCE)  # no debounce to wait out
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await go_to_step(pilot, 3)
        question = app.screen.query_one("#question-input", TextArea)
        assert question.placeholder == "Hoe kunnen we …?"
        await pilot.press(*"Hoe kunnen we thuistalen benutten?", "tab")
        assert app.focused is app.screen.query_one("#links", SelectionList)
        await pilot.press("space", "down", "down", "space")
        assert screen.session.harvest.question_items == [0, 2]
        await pilot.press("pageup", "pageup", "x")  # removing item 0 keeps the link on item 2
        await pilot.pause()  # the autosave (after AT_ONCE) has started its writer
        on_disk = await saved(app, screen)
        assert on_disk.harvest.question == "Hoe kunnen we thuistalen benutten?"
        assert [on_disk.harvest.items[i].text for i in on_disk.harvest.question_items] == [
            "Bij elkaar gaan kijken"
        ]
        await go_to_step(pilot, 3)
        assert app.screen.query_one("#links", SelectionList).selected == [1]


async def test_steps_added_done_and_removed(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await go_to_step(pilot, 4)
        assert app.focused is app.screen.query_one("#steps-table")
        await pilot.press(
            "a", *"Ouderavond plannen", "tab", *"Lies", "tab", *"15/01/2027", "tab", *"1,5", "enter"
        )
        await pilot.press("a", *"Boeken kiezen", "enter")
        assert rows(app, "steps-table") == [
            ["·", "Ouderavond plannen", "Lies", "15/01/2027", "–", "1,5 u"],
            ["·", "Boeken kiezen", "", "", "–", "–"],
        ]
        await pilot.press("up", "f", "f")  # the form of collaboration: none, co-teaching, lesson study
        assert rows(app, "steps-table")[0][4] == "lesson study"
        await pilot.press("down")
        assert app.focused is app.screen.query_one("#steps-table")
        await pilot.press("up", "x")
        assert rows(app, "steps-table")[0][0] == "✓"
        await pilot.press("down", "delete")
        assert [s.what for s in screen.session.harvest.steps] == ["Ouderavond plannen"]
        await pilot.press("n", *"2027-02-01", "enter")
        assert "Volgende bijeenkomst: 01/02/2027" in shown_text(app)
        await pilot.press("pagedown")
        assert "Volgende bijeenkomst: 01/02/2027" in shown_text(app)
        await quit_app(pilot)
    on_disk = read(screen.path)
    assert on_disk.harvest.steps[0].done is True
    assert on_disk.harvest.steps[0].due.isoformat() == "2027-01-15"
    assert (on_disk.harvest.steps[0].hours, on_disk.harvest.steps[0].form.value) == (1.5, "lesson-study")
    assert on_disk.harvest.next_meeting.isoformat() == "2027-02-01"
    assert on_disk.live.stage == "harvest"


async def test_a_step_is_edited_whole_what_who_and_by_when(make_app, deck):
    from potential_deck.tui.screens.dialogs import StepPrompt

    session = noted_session(deck)
    session.harvest.steps = [Step(what="Ouderavond plannen", who="Lies")]
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await go_to_step(pilot, 4)
        await pilot.press("enter")  # Enter on the steps list edits the step
        assert isinstance(app.screen, StepPrompt)
        assert app.screen.query_one("#prompt-what", Input).value == "Ouderavond plannen"
        await pilot.press("tab", *("backspace" for _ in range(4)), *"Tom", "tab", *"31/02/2027", "enter")
        assert isinstance(app.screen, StepPrompt), "a bad date keeps the dialog open"
        assert "„31/02/2027” is geen datum" in shown_text(app)
        assert (screen.session.harvest.steps[0].who, screen.session.harvest.steps[0].due) == ("Lies", None)
        await pilot.press(*("backspace" for _ in range(10)), *"28/02/2027", "enter")
        assert app.screen is screen
        assert rows(app, "steps-table") == [["·", "Ouderavond plannen", "Tom", "28/02/2027", "–", "–"]]
        await pilot.press("e")
        await pilot.press("tab", *"!!", "escape")  # Escape cancels: nothing changes
        assert app.screen is screen and screen.session.harvest.steps[0].who == "Tom"
        await quit_app(pilot)
    step = read(screen.path).harvest.steps[0]
    assert (step.what, step.who, step.due.isoformat()) == ("Ouderavond plannen", "Tom", "2027-02-28")


async def test_a_wrong_number_of_hours_keeps_the_keyboard_in_the_hours_not_the_date(make_app, deck):
    """The hours error put the cursor in the date field: the next key typed spoilt a good date."""
    from potential_deck.tui.screens.dialogs import StepPrompt

    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await go_to_step(pilot, 4)
        await pilot.press("a", *"Klasbezoek", "tab", *"Jan", "tab", *"15/03/2027", "tab", *"abc", "enter")
        dialog = app.screen
        assert isinstance(dialog, StepPrompt), "wrong hours keep the dialog open"
        assert app.focused is dialog.query_one("#prompt-hours", Input)
        await pilot.press(*("backspace" for _ in range(3)), *"1,5", "enter")
        assert app.screen is screen
        step = screen.session.harvest.steps[0]
        assert (step.what, step.who, step.due.isoformat(), step.hours) == (
            "Klasbezoek",
            "Jan",
            "2027-03-15",
            1.5,
        )


async def test_finishing_the_meeting_lists_it_as_finished(make_app, deck):
    from potential_deck.tui.screens.home import HomeScreen

    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await pilot.press("ctrl+p", *"afronden")
        await palette_searched(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert "De bijeenkomst is afgerond en bewaard" in shown_text(app)
        await app.workers.wait_for_complete()
        assert read(screen.path).live.stage == "done"
        await app.action_home()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "afgerond" in str(app.screen.query_one("DataTable").get_row_at(0))


async def test_a_bad_date_says_so_and_loses_nothing(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await go_to_step(pilot, 4)
        await pilot.press("a", *"Boeken kiezen", "tab", "tab", *"31/02/2027", "enter")
        assert "„31/02/2027” is geen datum" in shown_text(app)
        assert screen.session.harvest.steps == []
        assert app.screen.query_one("#prompt-what", Input).value == "Boeken kiezen"
        assert app.focused is app.screen.query_one("#prompt-due")
        await pilot.press(*("backspace" for _ in range(10)), *"28/02/2027", "enter")
        assert app.screen is screen
        assert screen.session.harvest.steps[0].due.isoformat() == "2027-02-28"
        assert "is geen datum" not in shown_text(app)
        await pilot.press("n", *"volgende week", "enter")
        assert "„volgende week” is geen datum" in shown_text(app)
        assert app.screen.query_one("#prompt-input", Input).value == "volgende week"
        await pilot.press("escape")
        assert app.screen is screen and screen.session.harvest.next_meeting is None


async def test_help_lists_the_harvest_keys(make_app, deck):
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        await open_harvest(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "Samenvoegen: m op het ene item" in shown_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, HarvestScreen)


async def test_overview_shows_question_priorities_chart_and_time(make_app, deck, clock):
    session = noted_session(deck)
    session.harvest.question = "Hoe kunnen we ouders betrekken?"
    session.record(session.agenda[0]).timer.elapsed = 600
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await open_harvest(pilot)
        await go_to_step(pilot, 5)
        text = shown_text(app)
        assert "Hoe kunnen we ouders betrekken?" in text
        assert "Persoonlijke en gezamenlijke professionele ontwikkeling" in text
        assert "█" in text
        assert re.search(r"^Totaal +\S.* 10 min *$", text, re.MULTILINE), "the total row: 10 min spent"


async def choose_command(pilot, words: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*words)
    await palette_searched(pilot)
    await pilot.press("enter")
    await pilot.pause()


async def test_export_preview_anonymised_then_saved_without_overwriting(make_app, deck):
    session = noted_session(deck, participants=["Annelies", "Bart"], facilitator="Kees")
    session.harvest.question = "Hoe kan Annelies' klas Bart helpen?"
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await choose_command(pilot, "Markdown, geanonimiseerd")
        preview = app.screen
        assert isinstance(preview, ExportPreview)
        text = preview.query_one("#export-text", TextArea).text
        assert "Deelnemer 1" in text and "Deelnemer 2" in text
        for name in ("Annelies", "Bart", "Kees"):
            assert name not in text
        target = screen.path.parent / "exports" / (screen.path.stem + "-anoniem.md")
        assert preview.path == target
        await pilot.click("#export-save")
        assert not isinstance(app.screen, ExportPreview)
        assert target.read_text(encoding="utf-8") == text
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        target.write_text("older export", encoding="utf-8")
        await choose_command(pilot, "Markdown, geanonimiseerd")
        await pilot.click("#export-save")
        assert isinstance(app.screen, ExportPreview)
        assert "bestaat al" in shown_text(app)
        assert target.read_text(encoding="utf-8") == "older export"
        await pilot.click("#export-overwrite")
        assert target.read_text(encoding="utf-8") == text


async def test_the_html_preview_shows_what_the_html_file_says(make_app, deck):
    from potential_deck.core.report.html_text import html_text

    session = noted_session(deck, participants=["Annelies"])
    session.harvest.question = "Hoe maken we <b>thuistalen</b> zichtbaar?\n# echt"
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await choose_command(pilot, "Exporteren als HTML")
        preview = app.screen
        assert isinstance(preview, ExportPreview)
        shown = preview.query_one("#export-text", TextArea).text
        assert "<!DOCTYPE" not in shown, "no HTML source on screen"
        assert "Hoe maken we <b>thuistalen</b> zichtbaar?\n# echt" in shown
        assert "voor een browser" in shown_text(app)
        await pilot.click("#export-save")
        target = screen.path.parent / "exports" / (screen.path.stem + ".html")
        saved = target.read_text(encoding="utf-8")
        assert saved.startswith("<!DOCTYPE html>")
        assert html_text(saved) == shown


async def test_export_from_the_card_screen(make_app, deck):
    app = make_app(team="De Linde")
    async with app.run_test(size=SIZE) as pilot:
        await choose_command(pilot, "Exporteren als JSON")
        assert isinstance(app.screen, ExportPreview)
        assert app.screen.path.suffix == ".json"
        await pilot.press("escape")
        assert isinstance(app.screen, CardScreen)


def screen_words(app) -> str:
    """Every piece of text the screen draws (from an SVG screenshot)."""
    svg = app.export_screenshot()
    texts = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return html.unescape("".join(texts)).replace("\xa0", " ")


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
async def test_english_session_shows_no_dutch(make_app, deck, size):
    session = noted_session(deck, lang="en", participants=["An"])
    session.harvest.steps = [Step(what="Plan a parents' evening", who="Lies")]
    app = make_app(session=session, lang="en")
    dutch = {
        nl
        for key, (nl, en) in STRINGS.items()
        if nl != en
        and len(nl) > 3
        and key.split(".")[0] in {"harvest", "key", "summary", "value", "help", "saved", "export"}
    }
    dutch |= {card.nl.title for card in deck.cards}
    async with app.run_test(size=size) as pilot:
        await open_harvest(pilot)
        for tab in "12345":
            if tab != "1":
                await pilot.press("pagedown")
            await pilot.pause()
            shown = screen_words(app)
            assert "The harvest" in shown
            found = sorted(word for word in dutch if word in shown)
            assert found == [], f"Dutch on tab {tab}: {found}"
        await pilot.press("question_mark")
        found = sorted(word for word in dutch if word in screen_words(app))
        assert found == []


async def test_a_date_typed_on_the_steps_list_says_so_and_changes_nothing(make_app, deck):
    session = noted_session(deck)
    session.harvest.steps = [Step(what="Ouderavond plannen"), Step(what="Boeken kiezen")]
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await go_to_step(pilot, 4)
        before = screen.session.harvest.model_copy(deep=True)
        await pilot.press(*"08/01/2027")
        assert screen.tab == "plan" and app.screen is screen, "digits do not switch steps"
        assert screen.session.harvest == before
        assert "„7” doet hier niets" in shown_text(app)


async def test_a_session_left_at_a_harvest_step_reopens_on_that_step(make_app, deck):
    session = noted_session(deck)
    session.live.harvest_step = "plan"
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        assert screen.tab == "plan"
        assert app.focused is screen.query_one(PlanPane).main
        await pilot.press("pageup")
        assert screen.tab == "question"


async def test_every_arrow_of_a_burst_scrolls_the_overview(make_app, deck):
    """The overview (step 5) in a small window: ten Downs in one burst scroll ten lines."""
    from .helpers import key_burst

    app = make_app(session=noted_session(deck))
    async with app.run_test(size=(80, 14)) as pilot:
        screen = await open_harvest(pilot)
        await go_to_step(pilot, 5)
        body = screen.query_one("#overview-scroll")
        assert app.focused is body and body.max_scroll_y > 10
        await key_burst(pilot, *["down"] * 10)
        assert body.scroll_y == 10
        await key_burst(pilot, *["up"] * 3)
        assert body.scroll_y == 7


async def test_words_typed_right_after_reopening_at_the_harvest_stay_out_of_the_cards_notes(
    make_app, store, deck
):
    """Reopened from the home screen, the session shows the harvest over its last card: a word
    typed at once went into that card's notes, unseen (and to the room with F6 later)."""
    from textual import events

    session = noted_session(deck)
    last = session.agenda[-1]
    session.record(last).free = "Laatste kaart"
    store.create(session)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.post_message(events.Key("enter", None))
        for char in "zzz":  # no command on the harvest's list
            app.post_message(events.Key(char, char))
        screen = await open_harvest(pilot)
        for _ in range(10):
            await pilot.pause(0.02)
        assert screen.session.record(last).free == "Laatste kaart"
        assert "„z” doet hier niets" in shown_text(app), "the letters on the list say so"
