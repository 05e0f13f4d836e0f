"""A team's year in the app: the known-teams form, the look back, the year view, the calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, OptionList

from potential_deck.core.session import store as files
from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import Collaboration, Review, Step, StepStatus
from potential_deck.core.session.store import SessionStore
from potential_deck.tui.screens.card import CardScreen
from potential_deck.tui.screens.export_preview import ExportPreview
from potential_deck.tui.screens.home import HomeScreen
from potential_deck.tui.screens.lookback import LookBackScreen
from potential_deck.tui.screens.new_session import NewSessionScreen
from potential_deck.tui.screens.year import YearScreen
from potential_deck.tui.screens.year_dialogs import ActivityDialog, DatePrompt

from .conftest import FIXED_NOW
from .helpers import key_burst, palette_searched, quit_app, shown_text

TEAM = "Basisschool De Linde"


@pytest.fixture
def month_apart(store: SessionStore, deck) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """De Linde met in October (three open steps, one done) and November (one open step)."""
    october = new_session(
        deck,
        team=TEAM,
        now=dt.datetime(2026, 10, 12, 14, 0),
        facilitator="Els",
        participants=["Lotte", "Jan"],
    )
    october.harvest.question = "Hoe benutten we thuistalen?"
    october.harvest.steps = [
        Step(what="Woordmuur", who="Lotte", due=dt.date(2026, 10, 30)),
        Step(what="Bevraging", who="Jan", due=dt.date(2026, 11, 6)),
        Step(what="Co-teaching", who="Omar", form=Collaboration.CO_TEACHING, hours=3),
        Step(what="Boeken", status=StepStatus.DONE),
    ]
    november = new_session(
        deck,
        team=TEAM,
        now=dt.datetime(2026, 11, 16, 14, 0),
        facilitator="An Claes",
        participants=["Lotte", "Jan", "Zoë"],
        people=6,
    )
    november.harvest.question = "Hoe betrekken we ouders?"
    november.harvest.steps = [Step(what="Oudercafé", who="Bram", due=dt.date(2026, 12, 4))]
    november.harvest.next_meeting = dt.date(2026, 11, 23)
    return store.create(october), store.create(november)


async def _form_for_de_linde(app, pilot) -> NewSessionScreen:  # type: ignore[no-untyped-def]
    await pilot.press("n")
    screen = app.screen
    assert isinstance(screen, NewSessionScreen)
    await pilot.press(*"De Li")
    return screen


async def test_typing_part_of_a_name_lists_the_known_team(make_app, month_apart):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _form_for_de_linde(app, pilot)
        known = screen.query_one("#known", OptionList)
        assert known.display and known.option_count == 1
        prompt = str(known.get_option_at_index(0).prompt)
        assert "Basisschool De Linde · 2 sessies, laatst 16/11/2026" in prompt


async def test_choosing_a_known_team_fills_in_its_last_sessions_people(make_app, month_apart):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _form_for_de_linde(app, pilot)
        await pilot.press("enter")
        values = {
            name: screen.query_one(f"#{name}", Input).value
            for name in ("team", "facilitator", "participants", "people", "date")
        }
        assert values == {
            "team": TEAM,
            "facilitator": "An Claes",
            "participants": "Lotte, Jan, Zoë",
            "people": "6",
            "date": "23/11/2026",
        }
        shown = shown_text(app)
        assert "4 open stappen: de sessie begint met een terugblik." in shown
        assert "Leervraag: Hoe betrekken we ouders?" in shown


async def test_a_returning_team_is_summed_up_and_the_folder_is_read_once(make_app, store, deck, monkeypatch):
    earlier = new_session(deck, team="Basisschool Zoë", now=FIXED_NOW)
    earlier.harvest.question = "Hoe kunnen we ouders betrekken?"
    earlier.harvest.steps = [Step(what="Ouderavond plannen", who="Lies"), Step(what="Klaar", done=True)]
    store.create(earlier)
    listings = []
    real_list = store.list
    monkeypatch.setattr(store, "list", lambda **kw: listings.append(1) or real_list(**kw))
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        listings.clear()  # the home screen and the form list the folder once each
        await pilot.press(*"basisschool zoe")
        text = shown_text(app)
        assert "Dit team kwam al 1 keer samen, laatst op 23/11/2026." in text
        assert "Leervraag: Hoe kunnen we ouders betrekken?" in text
        assert "1 open stap: de sessie begint met een terugblik." in text
        assert listings == [], "the folder is read once per form, not per keystroke"
        await pilot.press(*"x")
        assert "Dit team kwam al" not in shown_text(app)


async def test_the_date_agreed_last_time_is_offered(make_app, month_apart):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _form_for_de_linde(app, pilot)
        await pilot.press("enter")
        date = screen.query_one("#date", Input)
        date.value = "01/12/2026"
        agreed = screen.query_one("#use-agreed")
        for _ in range(40):  # a person clicks the button once it shows
            if agreed.display and agreed.region.width:
                break
            await pilot.pause(0.01)
        await pilot.click("#use-agreed")
        assert date.value == "23/11/2026"


async def test_down_goes_into_the_list_and_enter_picks(make_app, month_apart, store, deck):
    store.create(new_session(deck, team="De Lindeboom", now=dt.datetime(2026, 9, 1, 9, 0)))
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _form_for_de_linde(app, pilot)
        known = screen.query_one("#known", OptionList)
        assert [known.get_option_at_index(i).id for i in range(known.option_count)] == [
            "De Lindeboom",
            TEAM,
        ]  # equally good: the shorter name first
        await pilot.press("down", "down", "enter")
        assert screen.query_one("#team", Input).value == TEAM


async def test_a_known_teams_new_session_opens_with_the_look_back(make_app, month_apart, store):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _form_for_de_linde(app, pilot)
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LookBackScreen)
        shown = shown_text(app)
        assert "Hoe betrekken we ouders?" in shown and "Leervraag van vorige keer (16/11/2026)" in shown
        table = app.screen.query_one(DataTable)
        assert table.row_count == 4
        session = app.screen.session
        assert session.date == dt.date(2026, 11, 23) and session.people == 6


async def _look_back(app, pilot) -> LookBackScreen:  # type: ignore[no-untyped-def]
    await _form_for_de_linde(app, pilot)
    await pilot.press("enter", "ctrl+s")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, LookBackScreen)
    return screen


async def test_words_typed_right_after_starting_a_known_teams_session_stay_out_of_the_cards_notes(
    make_app, month_apart
):
    """Ctrl+S starts the session and opens the look back over its first card: words typed at once
    went into that card's notes, unseen."""
    from textual import events

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _form_for_de_linde(app, pilot)
        await pilot.press("enter")
        app.post_message(events.Key("ctrl+s", None))
        for char in "zzz":  # no command on the look back
            app.post_message(events.Key(char, char))
        for _ in range(400):  # up to 8 s on a busy machine
            await pilot.pause(0.02)
            if isinstance(app.screen, LookBackScreen) and app.keys_waiting == 0:
                break
        screen = app.screen
        assert isinstance(screen, LookBackScreen)
        for _ in range(5):
            await pilot.pause(0.02)
        assert screen.session.record(screen.session.agenda[0]).free == ""


async def test_carrying_over_a_step_planned_without_a_date_says_so(make_app, month_apart):
    """The dialog's title read "(gepland tegen )" for a step planned without a date."""
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _look_back(app, pilot)
        row = [review.what for review in screen.session.lookback.steps].index("Co-teaching")
        await pilot.press(*(["down"] * row), "u")
        await pilot.pause()
        assert isinstance(app.screen, DatePrompt)
        title = shown_text(app)
        assert "Nieuwe datum voor: Co-teaching (nog zonder datum)" in title and "tegen )" not in title


async def test_marking_steps_done_carried_and_dropped_is_saved(make_app, month_apart):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _look_back(app, pilot)
        await pilot.press("d", "down", "u")
        await pilot.pause()
        assert isinstance(app.screen, DatePrompt)
        await pilot.press(*"15/01/2027", "enter")
        await pilot.pause()
        await pilot.press("down", "x")
        await pilot.pause()
        saved = files.read(screen.path)
        assert [r.status for r in saved.lookback.steps] == [
            StepStatus.DONE,
            StepStatus.CARRIED,
            StepStatus.DROPPED,
            StepStatus.OPEN,
        ]
        assert saved.lookback.steps[1].new_due == dt.date(2027, 1, 15)
        carried = saved.harvest.steps[0]
        assert (carried.what, carried.due, carried.origin.date) == (
            "Bevraging",
            dt.date(2027, 1, 15),
            dt.date(2026, 10, 12),
        )


async def test_a_date_that_is_not_one_keeps_the_dialog_open(make_app, month_apart):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _look_back(app, pilot)
        await pilot.press("u")
        await pilot.pause()
        await pilot.press(*"31/02/2027", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DatePrompt)
        assert "is geen datum" in shown_text(app)
        assert app.screen.query_one(Input).value == "31/02/2027"
        await pilot.press("escape")
        assert screen.session.lookback.steps[0].status == StepStatus.OPEN


async def test_what_the_team_learned_is_noted_with_enter(make_app, month_apart):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _look_back(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Ouders kwamen graag", "enter")
        await pilot.pause()
        assert files.read(screen.path).lookback.steps[0].learned == "Ouders kwamen graag"
        assert "Geleerd: Ouders kwamen graag" in shown_text(app)


async def test_ctrl_s_goes_on_to_the_first_card(make_app, month_apart):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _look_back(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)
        assert app.screen.session.live.position == 0


async def test_the_room_is_told_while_the_look_back_is_on_the_facilitators_screen(make_app, month_apart):
    """The session file says so from the moment the look back shows until the cards come, and
    again when the palette brings it back; the facilitator's screen says nothing new."""
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _look_back(app, pilot)
        await app.workers.wait_for_complete()
        assert files.read(screen.path).live.lookback, "the room sees the look back"
        assert "Terugblik op vorige keer" not in shown_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)
        assert not files.read(screen.path).live.lookback, "on to the cards: the room sees the card"
        await pilot.press("escape", "ctrl+p", *"terugblik")
        await palette_searched(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LookBackScreen)
        await app.workers.wait_for_complete()
        assert files.read(screen.path).live.lookback
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)
        assert not files.read(screen.path).live.lookback


def _left_in_the_look_back(store: SessionStore, deck) -> Path:  # type: ignore[no-untyped-def]
    """A session whose app was killed while the look back showed: its file still says so."""
    session = new_session(deck, team=TEAM, now=FIXED_NOW)
    session.lookback.question = "Hoe betrekken we ouders?"
    session.lookback.steps = [Review(what="Oudercafé", who="Bram")]
    session.live.lookback = True
    return store.create(session)


async def test_a_session_left_in_the_look_back_resumes_on_its_card_for_the_room(make_app, store, deck):
    path = _left_in_the_look_back(store, deck)
    app = make_app(session=files.read(path))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)
        await app.workers.wait_for_complete()
        assert not files.read(app.screen.path).live.lookback


async def test_a_session_left_in_the_look_back_opened_from_home_shows_the_card_to_the_room(
    make_app, store, deck
):
    path = _left_in_the_look_back(store, deck)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen) and app.screen.path == path
        await app.workers.wait_for_complete()
        assert not files.read(path).live.lookback


async def test_time_on_the_look_back_counts_for_the_meeting_not_for_the_first_card(
    make_app, month_apart, clock
):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _look_back(app, pilot)
        clock.advance(600)
        await pilot.press("ctrl+s")
        await pilot.pause()
        card = app.screen
        assert isinstance(card, CardScreen)
        card.flush()
        saved = files.read(screen.path)
        assert saved.lookback.shown == pytest.approx(600)
        assert sum(r.shown for r in saved.cards.values()) < 1


async def test_a_new_team_starts_on_its_first_card(make_app, month_apart):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n", *"Nieuwe school", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)


async def test_the_year_view_from_the_home_screen(make_app, month_apart):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, YearScreen)
        shown = shown_text(app)
        assert "Jaaroverzicht · Basisschool De Linde" in shown
        assert "Woordmuur (Lotte · 30/10/2026)" in shown and "Oudercafé (Bram · 04/12/2026)" in shown
        assert "uit de sessie van 12/10/2026" in shown
        assert "richtpunt een twintigtal" in shown
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def _activity_dialog(pilot) -> ActivityDialog:  # type: ignore[no-untyped-def]
    """From the home screen: `j` (the highlighted team's year), then `a` (log an activity)."""
    await pilot.press("j")
    await pilot.pause()
    await pilot.press("a")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ActivityDialog)
    return dialog


async def test_an_activity_added_in_the_year_view_counts_at_once(make_app, month_apart):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _activity_dialog(pilot)
        await pilot.press("tab", "tab", *"2,5", "tab", *"An, Jan", "enter")
        await pilot.pause()
        assert isinstance(app.screen, YearScreen)
        shown = shown_text(app)
        assert "23/11/2026 · klasbezoek · 2,5 u · An, Jan" in shown
        assert "Zelf ingevoerde activiteiten 2,5 u" in shown
        saved = [files.read(p) for p in month_apart]
        assert [len(s.activities) for s in saved] == [0, 1]


async def test_hours_that_are_not_hours_keep_the_activity_dialog_open(make_app, month_apart):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _activity_dialog(pilot)
        await pilot.press("tab", "tab", *"veel", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ActivityDialog)
        assert "is geen aantal uren" in shown_text(app)


async def test_the_palette_offers_the_calendar_export(make_app, month_apart, store):
    app = make_app(session=files.read(month_apart[1]))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        path = app.screen.path
        await pilot.press("ctrl+p")
        await pilot.press(*"ics")
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportPreview)
        await pilot.click("#export-save")
        await pilot.pause()
    written = path.parent / "exports" / (path.stem + ".ics")
    data = written.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and b"DTSTART;VALUE=DATE:20261204\r\n" in data


async def test_escape_in_the_known_teams_list_goes_back_to_the_team_field(make_app, month_apart):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _form_for_de_linde(app, pilot)
        await pilot.press("down")
        assert app.focused is screen.query_one("#known", OptionList)
        await pilot.press("escape")
        assert app.screen is screen, "the form stays"
        team = screen.query_one("#team", Input)
        assert app.focused is team and team.value == "De Li"
        await pilot.press(*"nde", "enter")
        assert team.value == TEAM


async def test_the_year_view_draws_no_bar_for_hours_that_show_as_0(make_app, store, deck):
    """A meeting of 3 minutes beside 2 hours of co-teaching: '0 u' and no bar, not a block."""
    session = new_session(deck, team=TEAM, now=dt.datetime(2026, 10, 12, 14, 0))
    session.record(session.agenda[0]).shown = 170.0
    session.harvest.steps = [
        Step(what="Co-teaching", form=Collaboration.CO_TEACHING, hours=2, status=StepStatus.DONE)
    ]
    store.create(session)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, YearScreen)
        lines = shown_text(app).splitlines()
        (meeting,) = [line for line in lines if line.startswith("teamoverleg")]
        (co_teaching,) = [line for line in lines if line.startswith("co-teaching")]
        assert "█" not in meeting and meeting.rstrip().endswith(" 0 u")
        assert co_teaching.rstrip().endswith("█" * 24 + "  2 u")


async def test_the_activity_dialog_opens_in_its_date_and_a_date_typed_replaces_today(make_app, month_apart):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _activity_dialog(pilot)
        date = dialog.query_one("#activity-date", Input)
        assert app.focused is date and date.value == "23/11/2026", "the first field: the date"
        await pilot.press(*"15/11/2026", "tab", "tab", *"2", "enter")
        await pilot.pause()
        assert isinstance(app.screen, YearScreen)
        assert "15/11/2026 · klasbezoek · 2 u" in shown_text(app)


async def test_the_activity_dialogs_fields_have_borders_and_fit_80_by_24(make_app, month_apart):
    """Its fields look like fields (a border, as in every dialog), not like its labels; the
    whole dialog, its buttons too, fits the smallest window, also with an error shown."""
    from textual.widgets import Button, Select

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _activity_dialog(pilot)
        fields = [*dialog.query(Input), dialog.query_one(Select)]
        assert len(fields) == 5 and all(f.outer_size.height == 3 for f in fields)
        assert all(not f.has_class("-textual-compact") for f in fields)
        await pilot.press("tab", "tab", *"veel", "enter")
        await pilot.pause()
        assert "is geen aantal uren" in shown_text(app)
        box = dialog.query_one("#activity-box")
        for button in dialog.query(Button):
            assert button.region.bottom <= box.region.bottom - 1 <= 24, "the buttons stay in view"


async def test_every_date_field_shows_the_date_format_in_dutch(make_app, month_apart):
    """The label says (dd/mm/jjjj): the field's placeholder says so too (not dd/mm/yyyy)."""
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _activity_dialog(pilot)
        assert app.screen.query_one("#activity-date", Input).placeholder == "dd/mm/jjjj"
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, HomeScreen)
        form = await _form_for_de_linde(app, pilot)
        assert form.query_one("#date", Input).placeholder == "dd/mm/jjjj"
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, DatePrompt)
        assert app.screen.query_one(Input).placeholder == "dd/mm/jjjj"


async def test_the_date_fields_show_the_date_format_in_english(make_app, month_apart):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        assert app.screen.query_one("#date", Input).placeholder == "dd/mm/yyyy"


async def test_every_key_in_a_burst_scrolls_the_year_view(make_app, month_apart):
    """Fifteen Downs in one burst scrolled 2 lines (each started a smooth scroll from where the
    last one aimed): now each arrow scrolls its line, and PageDown, PageUp, Home, End their part."""
    from textual.containers import VerticalScroll

    app = make_app()
    async with app.run_test(size=(80, 14)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        body = app.screen.query_one("#year-body", VerticalScroll)
        page = body.scrollable_content_region.height
        assert app.focused is body and body.max_scroll_y >= 2 * page > 10
        await key_burst(pilot, *["down"] * 10)
        assert body.scroll_y == 10
        await key_burst(pilot, *["up"] * 3)
        assert body.scroll_y == 7
        await key_burst(pilot, "home", "pagedown", "pagedown")
        assert body.scroll_y == 2 * page
        await key_burst(pilot, "end", "pageup")
        assert body.scroll_y == body.max_scroll_y - page
        await key_burst(pilot, "home", "down", "down")
        assert body.scroll_y == 2
        await quit_app(pilot)


async def test_every_key_in_a_burst_scrolls_the_help_list(make_app, month_apart):
    """The list of keys (F1) in a small window: a burst of Downs scrolls a line each."""
    from textual.containers import VerticalScroll

    app = make_app(session=files.read(month_apart[1]))
    async with app.run_test(size=(80, 14)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        keys = app.screen.query_one("#help-scroll", VerticalScroll)
        assert app.focused is keys and keys.max_scroll_y > 10
        await key_burst(pilot, *["down"] * 10)
        assert keys.scroll_y == 10
        await key_burst(pilot, *["up"] * 4)
        assert keys.scroll_y == 6
        await quit_app(pilot)
