"""The card screen: walking the agenda, notes and autosave, resume, keys, projection, blank."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Static, TextArea

from potential_deck.core.session.store import read
from potential_deck.core.text.i18n import t
from potential_deck.tui.screens.card import CardScreen
from potential_deck.tui.screens.harvest import HarvestScreen
from potential_deck.tui.screens.modals import BlankScreen, HelpScreen
from potential_deck.tui.widgets.card_view import CardView
from potential_deck.tui.widgets.notes_panel import NotesPanel
from potential_deck.tui.widgets.shared_note import SharedNote

from .conftest import AT_ONCE
from .helpers import change_saved, plain, quit_app, shown_text


def card_screen(app) -> CardScreen:
    screen = app.screen
    assert isinstance(screen, CardScreen), f"expected the card screen, got {screen!r}"
    return screen


async def test_walk_the_agenda_to_the_end(make_app, deck):
    app = make_app(team="De Linde")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = card_screen(app)
        agenda = screen.session.agenda
        seen = []
        for _ in agenda:
            seen.append(screen.card_id)
            title = deck.card(screen.card_id).nl.title
            assert title in shown_text(app)
            await pilot.press("pagedown")
        assert seen == agenda
        assert isinstance(app.screen, HarvestScreen)
        await pilot.press("pageup")
        assert card_screen(app).card_id == agenda[-1]


async def test_previous_is_disabled_on_the_first_card(make_app):
    app = make_app(team="De Linde")
    async with app.run_test() as pilot:
        screen = card_screen(app)
        await pilot.press("pageup", "escape", "left")
        assert screen.session.live.position == 0
        assert screen.check_action("command", ("prev",)) is False
        await pilot.press("right", "space")
        assert screen.session.live.position == 2


async def test_typed_notes_are_autosaved(make_app):
    app = make_app(team="De Linde", autosave_delay=AT_ONCE)  # no debounce to wait out
    async with app.run_test() as pilot:
        screen = card_screen(app)
        await pilot.press("pagedown")  # a dialogue card
        await pilot.press("tab")  # from the free notes to the first guide question
        await pilot.press(*"Samen gezongen")
        await pilot.pause()  # the autosave (after AT_ONCE) has started its writer
        await app.workers.wait_for_complete()
        saved = read(screen.path)
        assert saved.cards[screen.card_id].fields["did"] == "Samen gezongen"
        assert "Opgeslagen 14:30:00" in shown_text(app)


async def test_growth_lines_become_opportunities(make_app):
    app = make_app(team="De Linde")
    async with app.run_test() as pilot:
        screen = card_screen(app)
        await pilot.press("shift+tab")  # from the free notes back round to the last field
        await pilot.press(*"Thuistaal benutten", "enter", *"- Ouders betrekken")
        await pilot.press("pagedown")
        await change_saved(pilot)
        saved = read(screen.path)
        texts = [item.text for item in saved.cards[saved.agenda[0]].growth]
        assert texts == ["Thuistaal benutten", "Ouders betrekken"]


async def test_resume_restores_card_notes_and_timer(make_app, clock, store):
    app = make_app(team="De Linde")
    async with app.run_test() as pilot:
        screen = card_screen(app)
        await pilot.press("pagedown", "pagedown", "ctrl+t")
        clock.advance(95)
        await pilot.press("ctrl+t")
        await pilot.press(*"Een notitie")
        path = screen.path
        await quit_app(pilot)
    resumed_session = read(path)
    assert resumed_session.live.position == 2
    resumed = make_app()
    resumed.set_initial(resumed_session, path)
    async with resumed.run_test() as pilot:
        screen = card_screen(resumed)
        assert screen.card_id == resumed_session.agenda[2]
        assert resumed.screen.query_one("#note-free", TextArea).text == "Een notitie"
        assert screen.timer.elapsed(clock()) == 95
        assert not screen.timer.running


async def test_timer_keys_with_injected_clock(make_app, clock, monkeypatch):
    app = make_app(team="De Linde")
    rings = []
    async with app.run_test() as pilot:
        monkeypatch.setattr(app, "bell", lambda: rings.append(1))
        screen = card_screen(app)
        face = screen.query_one("TimerFace")
        assert face.face == "10:00"
        await pilot.press("ctrl+t")
        clock.advance(30)
        screen.tick()
        assert face.face == "9:30" and face.state == "running"
        clock.advance(9 * 60 + 31)
        screen.tick()
        assert face.state == "over" and face.face == "+0:01"
        assert rings == [1]
        screen.tick()
        assert rings == [1], "the bell rings once"
        await pilot.press("ctrl+n")
        assert face.face == "0:59" and face.state == "last"
        await pilot.press("ctrl+r")
        assert face.face == "11:00" and face.state == "idle"
        assert read(screen.path).cards[screen.card_id].timer.budget == 660
        assert screen.query_one("#note-free", TextArea).text == "", "no key of the timer typed text"
        await pilot.press("escape", "t", "plus", "plus")  # steering: the letters of a clicker
        assert face.state == "running" and screen.timer.budget == 780
        await pilot.press("r")
        assert face.face == "13:00" and face.state == "idle"


async def test_time_spent_is_saved_per_card(make_app, clock):
    app = make_app(team="De Linde")
    async with app.run_test() as pilot:
        screen = card_screen(app)
        first = screen.card_id
        await pilot.press("ctrl+t")
        clock.advance(120)
        await pilot.press("pagedown")
        second = screen.card_id
        assert screen.timer.running, "the timer runs on into the next card"
        clock.advance(60)
        await pilot.press("pagedown")
        await change_saved(pilot)
        saved = read(screen.path)
        assert saved.cards[first].spent == 120
        assert saved.cards[second].spent == 60


async def test_clicker_keys_work_while_typing(make_app):
    app = make_app(team="De Linde")
    async with app.run_test() as pilot:
        screen = card_screen(app)
        area = app.screen.query_one("#note-free", TextArea)
        assert app.focused is area, "typing goes into the notes from the start"
        await pilot.press(*"ab", "left", "space")
        assert area.text == "a b", "arrows and space edit the text inside a field"
        assert screen.session.live.position == 0
        await pilot.press("pagedown")
        assert screen.session.live.position == 1
        await pilot.press("pageup")
        assert screen.session.live.position == 0


async def test_escape_leaves_the_field_and_space_moves_on(make_app):
    app = make_app(team="De Linde")
    async with app.run_test() as pilot:
        screen = card_screen(app)
        assert isinstance(app.focused, TextArea)
        await pilot.press("escape")
        assert app.focused is None and screen.steering
        assert "Je stuurt de kaart" in shown_text(app)
        await pilot.press("space")
        assert screen.session.live.position == 1
        assert app.focused is None, "steering stays steering on the next card"


async def test_projection_mode_hides_notes(make_app):
    app = make_app(team="De Linde")
    async with app.run_test() as pilot:
        screen = card_screen(app)
        notes = app.screen.query_one(NotesPanel)
        assert notes.display and app.screen.query_one("#card-tip").display
        await pilot.press("f5")
        assert screen.has_class("-projection")
        assert not notes.display and not app.screen.query_one("#card-tip").display
        await app.workers.wait_for_complete()
        assert read(screen.path).live.projection is True
        await pilot.press("f5")
        assert notes.display


async def test_blank_and_any_key_brings_it_back(make_app):
    app = make_app(team="De Linde")
    async with app.run_test() as pilot:
        screen = card_screen(app)
        await pilot.press("ctrl+b")  # blanking while typing
        assert isinstance(app.screen, BlankScreen)
        await app.workers.wait_for_complete()
        assert read(screen.path).live.blank is True
        await pilot.press("x")
        assert app.screen is screen
        assert screen.session.live.blank is False
        assert screen.query_one("#note-free", TextArea).text == "x", "the key that unblanks is typed"
        await pilot.press("escape", "full_stop")  # steering: the clicker's black-screen button
        assert isinstance(app.screen, BlankScreen)
        await pilot.press("pagedown")
        assert app.screen is screen
        assert screen.session.live.position == 0, "the key that unblanks does nothing else"


async def test_help_lists_the_keys(make_app):
    app = make_app(team="De Linde")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = shown_text(app)
        assert "Scherm zwart" in text and "Projectiemodus" in text and "Ctrl+P" in text
        assert "Ctrl+T" in text and "Terwijl je typt" in text
        assert "Shift+Tab" in text and "shift" not in text, "every key written the same way"
        await pilot.press("escape")
        assert isinstance(app.screen, CardScreen)


async def test_english_session_shows_no_dutch(make_app, deck):
    app = make_app(team="Riverside", lang="en")
    async with app.run_test(size=(120, 30)):
        screen = card_screen(app)
        text = shown_text(app)
        assert deck.card(screen.card_id).en.title in text
        assert "card 1 of" in text and "Next:" in text
        for dutch in ("kaart", "Volgende", "Opgeslagen", "Vrije notities", "STARTKAART"):
            assert dutch not in text
        assert app.screen.query_one("#note-free", TextArea).border_title == "Free notes"


async def test_dutch_session_shows_dutch(make_app, deck):
    app = make_app(team="De Linde", lang="nl")
    async with app.run_test(size=(120, 30)):
        text = shown_text(app)
        assert "kaart 1 van" in text and "STARTKAART" in text
        assert "card 1 of" not in text


async def test_jump_to_a_card_from_the_palette(make_app):
    app = make_app(team="De Linde")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = card_screen(app)
        screen.go_to(3)
        await pilot.pause()
        assert screen.session.live.position == 3
        assert app.screen.query_one(CardView).has_class(f"-{screen.deck.card(screen.card_id).kind.value}")
        assert Path(screen.path).exists()


async def test_resizing_down_and_up_never_crashes(make_app):
    app = make_app(team="De Linde")
    async with app.run_test(size=(200, 60)) as pilot:
        screen = card_screen(app)
        for size in [(120, 40), (80, 24), (60, 16), (40, 12), (30, 8), (80, 24), (200, 60)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            small = size[0] < 50 or size[1] < 14
            assert (type(app.screen).__name__ == "TooSmallScreen") is small, size
            if small:
                assert "Maak het venster groter" in shown_text(app)
        assert app.screen is screen
        await pilot.press("pagedown")
        assert screen.session.live.position == 1


async def test_typing_stays_in_the_notes_across_card_changes(make_app):
    app = make_app(team="De Linde")
    async with app.run_test() as pilot:
        screen = card_screen(app)
        await pilot.press("shift+tab")  # the growth opportunities of the first card
        await pilot.press(*"Ouders bellen", "pagedown", *"Het team belt ouders op")
        second = screen.session.agenda[1]
        assert screen.session.live.position == 1 and not screen.timer.running
        assert not screen.session.live.blank
        assert screen.session.cards[second].free == "Het team belt ouders op", "a new card: its first field"
        await pilot.press("pageup", *" samen")
        first = screen.session.agenda[0]
        assert [o.text for o in screen.session.cards[first].growth] == ["Ouders bellen samen"], (
            "back on a card: the field last used there"
        )


async def test_sharing_a_field_is_shown_and_ends_with_the_card(make_app):
    app = make_app(team="De Linde")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = card_screen(app)
        await pilot.press("shift+tab", "f6")
        assert screen.session.live.shared_field == "growth"
        assert "Gedeeld: Groeimogelijkheden" in shown_text(app), "said shorter beside a long field name"
        await pilot.press("f6")
        assert screen.session.live.shared_field == "", "F6 on the shared field stops sharing it"
        await pilot.press("escape", "f6")
        assert screen.session.live.shared_field == "free"
        await pilot.press("pagedown")
        await change_saved(pilot)
        assert read(screen.path).live.shared_field == ""
        assert "Gedeeld" not in shown_text(app)


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
async def test_projection_shows_the_shared_note_under_the_card_and_nothing_private(make_app, deck, size):
    """Set-up 1 (one screen on the beamer): F6 then F5 shows the room the shared field under the
    card, as the audience view does; the other notes and the facilitator's tip stay hidden."""
    app = make_app(team="De Linde")
    async with app.run_test(size=size) as pilot:
        screen = card_screen(app)
        await pilot.press("pagedown", *"Samen gezongen", "f6")  # the free notes, shared
        await pilot.press("tab", *"Privé over Jan")  # the next field: not shared
        card = deck.card(screen.card_id)
        note = screen.query_one(SharedNote)
        assert card.nl.tip and not note.display, "outside projection the notes show themselves"
        await pilot.press("f5")
        assert note.display and note.border_title == "Vrije notities"
        assert plain(note.content) == "Samen gezongen"
        text = shown_text(app)
        assert "Privé over Jan" not in text and card.nl.tip not in text
        view = screen.query_one(CardView)
        assert note.region.y >= view.region.bottom and note.region.bottom <= screen.region.bottom
        assert note.region.x == view.region.x, "under the card, in its column"
        more = view.query_one("#card-more")
        assert more.visible is (view.scroll_y < view.max_scroll_y), "▼ meer only while more follows"
        screen.add_room_line("free", "Uit de zaal: in drie talen")  # a phone writes along
        await pilot.pause()
        assert plain(note.content) == "Samen gezongen\nUit de zaal: in drie talen"
        await pilot.press("f6")  # in projection: the next field
        assert screen.session.live.shared_field == "did"
        assert note.border_title == "Wat deed je in die situatie?" and plain(note.content) == "Privé over Jan"
        fields = screen.notes.fields
        await pilot.press(*["f6"] * (len(fields) - fields.index("did")))  # the other fields, then none
        assert screen.session.live.shared_field == "" and not note.display
        assert "Samen gezongen" not in shown_text(app)
        await pilot.press("f6", "f5")
        assert screen.session.live.shared_field == "free" and not note.display, "the notes are back"
        await quit_app(pilot)


async def test_the_projected_note_follows_typing_and_is_the_audience_views(make_app, deck, tmp_path):
    """What F5 shows of a shared field is what `follow` shows of it: one widget, one rule (the
    growth field under the room's title for it); text typed meanwhile shows on the next F5."""
    from .test_follow import follow_app

    app = make_app(team="De Linde")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = card_screen(app)
        await pilot.press("shift+tab", *"Ouders betrekken", "f6", "f5")
        note = screen.query_one(SharedNote)
        assert plain(note.content) == "Ouders betrekken" and note.border_title == "Groeimogelijkheden"
        await pilot.press("f5", "enter", *"Talenportret", "f5")
        assert plain(note.content) == "Ouders betrekken\nTalenportret"
        projected = (plain(note.content), note.border_title)
        path = screen.path
        await quit_app(pilot)
    room = follow_app(deck, path.parent)
    async with room.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shared = room.screen.query_one(SharedNote)
        assert shared.display and (plain(shared.content), shared.border_title) == projected


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", [(80, 24), (100, 30), (160, 45)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_status_line_says_what_the_keys_do_and_what_is_shared_uncut(make_app, lang, size):
    """Steering with a field shared, in the smallest window too: the line says it shorter
    rather than cutting off how to get back to the notes."""
    app = make_app(team="De Linde", lang=lang)
    async with app.run_test(size=size) as pilot:
        screen = card_screen(app)
        keyboard, shared = screen.query_one("#keyboard", Static), screen.query_one("#shared", Static)
        for keys, steering in [
            (("f6",), False),
            (("escape",), True),
            (("tab", "shift+tab", "f6", "escape"), True),
        ]:
            await pilot.press(*keys)
            await pilot.pause()
            said = [plain(keyboard.content), plain(shared.content)]
            assert all(said), keys
            assert ("Tab: " in said[0]) is steering and ("⌨" in said[0]) is steering
            for widget, text in zip((keyboard, shared), said, strict=True):
                assert widget.content_region.width >= cell_len(text), f"cut: {text!r}"
            assert shared.region.right <= size[0]
        if size[0] >= 160:
            assert plain(keyboard.content) == t(lang, "card.steering_short")
        else:
            assert plain(keyboard.content) == t(lang, "card.steering_shortest")
        assert plain(shared.content) in (
            t(lang, "card.shared", field=t(lang, "follow.growth")),
            t(lang, "card.shared_short", field=t(lang, "follow.growth")),
        )
        await quit_app(pilot)


async def test_harvest_from_the_palette_keeps_each_cards_timer(make_app, clock):
    app = make_app(team="De Linde")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = card_screen(app)
        first, last = screen.session.agenda[0], screen.session.agenda[-1]
        await pilot.press("ctrl+t")
        clock.advance(4)
        screen.go_to(len(screen.session.agenda))
        await pilot.pause()
        await app.workers.wait_for_complete()
        saved = read(screen.path)
        assert saved.cards[first].timer.elapsed == 4 and not saved.cards[first].timer.running
        assert last not in saved.cards or saved.cards[last].timer.elapsed == 0


async def test_arrow_keys_scroll_a_long_card(make_app):
    app = make_app(team="De Linde")
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.screen.query_one(CardView)
        assert view.scroll_y == 0
        await pilot.press("ctrl+down", "ctrl+down")  # while typing
        assert view.scroll_y > 0
        await pilot.press("ctrl+up", "ctrl+up")
        assert view.scroll_y == 0
        await pilot.press("escape", "down", "down")  # steering: the arrows
        assert view.scroll_y > 0
        await pilot.press("up", "up")
        assert view.scroll_y == 0


async def test_the_theme_is_saved_for_the_audience_view(make_app):
    app = make_app(team="De Linde")
    async with app.run_test() as pilot:
        screen = card_screen(app)
        app.theme = "potential-dark"
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert read(screen.path).live.theme == "potential-dark"


async def test_the_command_palette_speaks_the_sessions_language(make_app):
    app = make_app(team="De Linde")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        search = app.screen.query_one("CommandInput")
        assert search.placeholder.startswith("Zoek een opdracht")


async def test_back_to_the_home_screen_saves_and_releases_the_session(make_app):
    from potential_deck.core.session.lock import lock_path
    from potential_deck.tui.screens.home import HomeScreen

    app = make_app(team="De Linde")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = card_screen(app)
        await pilot.press(*"tot straks")
        assert lock_path(screen.path).exists()
        await app.action_home()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "De Linde" in str(app.screen.query_one("DataTable").get_row_at(0))
        assert not lock_path(screen.path).exists()
        assert read(screen.path).cards[screen.session.agenda[0]].free == "tot straks"
        await pilot.press("enter")
        assert isinstance(app.screen, CardScreen), "the session opens again from the list"


async def test_time_on_screen_counts_without_the_timer(make_app, clock):
    app = make_app(team="De Linde")
    async with app.run_test() as pilot:
        screen = card_screen(app)
        first = screen.card_id
        clock.advance(300)
        await pilot.press("pagedown")
        clock.advance(60)
        await pilot.press("pageup")
        await change_saved(pilot)
        saved = read(screen.path)
        assert saved.cards[first].spent == 300, "five minutes on the card count, timer or not"
        assert saved.cards[first].timer.elapsed == 0
        assert saved.cards[saved.agenda[1]].spent == 60


async def test_time_at_the_harvest_counts_for_the_meeting_not_for_a_card(make_app, clock):
    from potential_deck.tui.screens.harvest import HarvestScreen

    app = make_app(team="De Linde")
    async with app.run_test() as pilot:
        screen = card_screen(app)
        clock.advance(120)
        screen.go_to(len(screen.session.agenda))  # on to the harvest
        await pilot.pause()
        assert isinstance(app.screen, HarvestScreen)
        clock.advance(900)
        await pilot.press("pageup")  # back to the last card
        await pilot.pause()
        await app.workers.wait_for_complete()
        saved = read(screen.path)
        assert saved.harvest.shown == 900
        assert saved.cards[saved.agenda[0]].spent == 120
        assert saved.total_spent == 1020


async def test_each_card_shows_the_fields_it_asks_for(make_app, deck, store):
    from potential_deck.core.session.meeting import new_session

    from .conftest import FIXED_NOW

    agenda = ["start-diversiteit", "meertaligheid", "brede-kijk", "brug-kleuren", "gezamenlijke-leervraag"]
    session = new_session(deck, team="De Linde", now=FIXED_NOW, agenda=agenda)
    app = make_app(session=session)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = card_screen(app)
        await pilot.press(*"Veel talen op de speelplaats")
        await pilot.press("pagedown")  # a dialogue card: the guide questions and its own fourth one
        assert screen.notes.fields == ("free", "did", "worked", "satisfaction", "q4", "growth")
        assert "thuistaal" in screen.notes.area("q4").border_title
        await pilot.press("pagedown")  # asks for the start card's notes: they stay in view
        beside = screen.query_one("#notes-beside")
        assert beside.display and "Veel talen op de speelplaats" in shown_text(app)
        await pilot.press("pagedown")  # BRUG: its own colours
        assert screen.notes.fields == ("free", "blue", "warning", "green", "growth")
        assert screen.notes.area("blue").has_class("-colour-blue")
        assert screen.notes.area("green").has_class("-colour-green")
        await pilot.press("tab", *"Sterke basis", "f6")
        assert screen.session.live.shared_field == "blue"
        await pilot.press("pagedown")  # the learning question: it hands over to the harvest
        assert screen.notes.fields == ("free", "growth")
        assert "gaat verder in de oogst" in shown_text(app)
        assert not screen.query_one("#notes-beside").display
    assert read(screen.path).cards["brug-kleuren"].fields == {"blue": "Sterke basis"}


async def test_a_card_change_redraws_only_what_changed(make_app, monkeypatch):
    """Moving between two dialogue cards: the free-notes field (same label, no text) and the
    card's kind line are not drawn again; the card's place is."""
    from textual.widgets import Static

    from potential_deck.tui.widgets.notes_panel import NoteField

    redrawn: list[str] = []
    for cls in (NoteField, Static):
        real = cls.refresh

        def spy(self, *args, real=real, **kwargs):  # type: ignore[no-untyped-def]
            redrawn.append(str(self.id))
            return real(self, *args, **kwargs)

        monkeypatch.setattr(cls, "refresh", spy)
    app = make_app(team="De Linde")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("pagedown")  # the first dialogue card
        await pilot.pause()
        assert "DIALOOGKAART" in shown_text(app)
        redrawn.clear()
        await pilot.press("pagedown")  # the second dialogue card
        await pilot.pause()
        assert "kaart 3 van 5" in shown_text(app) and "DIALOOGKAART" in shown_text(app)
        assert "where" in redrawn and "card-intro" in redrawn
        assert "note-free" not in redrawn and "card-kind" not in redrawn


async def test_keys_that_come_with_the_one_that_unblanks_all_land_in_order(make_app):
    """A burst ("Xterug" in one write, a paste over ssh, a slow laptop): the first key brings the
    card back and is typed, the others follow it (they were lost but the first)."""
    from textual import events

    app = make_app(team="De Linde")
    async with app.run_test() as pilot:
        screen = card_screen(app)
        await pilot.press(*"vijf", "ctrl+b")
        assert isinstance(app.screen, BlankScreen)
        for character in "Xterug":  # all in the app's queue before the first is handled
            app.post_message(events.Key(character, character))
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#note-free", TextArea).text == "vijfXterug"
        assert screen.session.live.blank is False


async def test_ctrl_z_after_enter_below_a_wrapped_line_undoes_without_ending_the_app(make_app):
    """Three lines, the last one wrapped, Enter, Ctrl+Z: TextArea scrolled to the cursor while it
    was still on the line the undo removed, and the app ended (Textual issue #6686)."""
    app = make_app(team="De Linde")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = card_screen(app)
        await pilot.press(
            *"een", "enter", *"tweede", "enter", *"een heel lange derde notitie die wrapt", "enter"
        )
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.is_running and app.screen is screen
        area = screen.query_one("#note-free", TextArea)
        assert area.text == "een\ntweede\neen heel lange derde notitie die wrapt"
        assert area.cursor_location == (2, len("een heel lange derde notitie die wrapt"))
        await pilot.press(*" en verder")
        assert area.text.endswith("die wrapt en verder")


async def test_a_command_typed_into_the_palette_and_enter_in_one_burst_runs_that_command(make_app):
    """Ctrl+P, "collega" and Enter as fast as a person types: Enter chose the entry highlighted
    before the search for "collega" was done (the timer's), and the card stayed."""
    from textual import events

    app = make_app(team="De Linde")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = card_screen(app)
        await pilot.press("ctrl+p")
        for key in [*"collega", "enter"]:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        for _ in range(400):  # up to 8 s on a busy machine
            await pilot.pause(0.02)
            if app.screen is screen and screen.session.live.position != 0:
                break
        assert app.screen is screen
        assert screen.session.live.position == 2, "Ga naar kaart 3: Een collega die me verder hielp"
        assert not screen.timer.running


async def test_every_arrow_of_a_burst_scrolls_a_long_card_while_steering(make_app):
    """↓ while steering scrolls the card three lines: five in one burst scrolled three times."""
    from .helpers import key_burst

    app = make_app(team="De Linde")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = card_screen(app)
        await pilot.press("escape")  # steering: arrows scroll the card
        view = screen.query_one("#card")
        assert view.max_scroll_y > 12
        await key_burst(pilot, *["down"] * 4)
        assert view.scroll_y == 12
        await key_burst(pilot, "up", "up")
        assert view.scroll_y == 6
