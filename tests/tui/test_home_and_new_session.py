"""The home screen and the new-session form."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.store import read
from potential_deck.tui.screens.card import CardScreen
from potential_deck.tui.screens.home import HomeScreen
from potential_deck.tui.screens.new_session import AgendaList, NewSessionScreen

from .conftest import FIXED_NOW
from .helpers import quit_app, shown_text


async def test_new_session_from_the_form(make_app, store, deck):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("n")
        assert isinstance(app.screen, NewSessionScreen)
        await pilot.press(*"De Linde")
        app.screen.query_one("#participants", Input).value = "Lotte, Jan Peeters"
        agenda = app.screen.query_one(AgendaList)
        default = agenda.agenda
        assert default[0] == "start-diversiteit"
        assert "70 minuten" in shown_text(app)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, CardScreen)
        saved = read(app.screen.path)
        assert saved.team == "De Linde"
        assert saved.participants == ["Lotte", "Jan Peeters"]
        assert saved.agenda == default


async def test_team_is_required(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n", "ctrl+s")
        assert isinstance(app.screen, NewSessionScreen)
        assert "Vul de naam van het team" in shown_text(app)
        assert list(store.files()) == []


async def test_agenda_toggle_and_reorder_by_keyboard(make_app, deck):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        agenda = app.screen.query_one(AgendaList)
        agenda.focus()
        first, second = agenda.agenda[:2]
        await pilot.press("down", "ctrl+up")
        assert agenda.agenda[:2] == [second, first]
        await pilot.press("space")
        assert second not in agenda.agenda
        minutes = sum(deck.card(c).minutes for c in agenda.agenda)
        assert f"{minutes} minuten" in shown_text(app)


async def test_home_lists_sessions_newest_first_and_resumes(make_app, store, deck):
    older = new_session(deck, team="Oud Team", now=FIXED_NOW.replace(month=9))
    newer = new_session(deck, team="Nieuw Team", now=FIXED_NOW)
    newer.live.position = 2
    store.create(older)
    path = store.create(newer)
    (store.folder / "kapot.toml").write_text("team = ", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one(DataTable)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert rows[0][1] == "Nieuw Team" and rows[0][2] == "kaart 3 van 5"
        assert rows[1][1] == "Oud Team"
        assert "kapot.toml" in rows[2][3]
        await pilot.press("enter")
        assert isinstance(app.screen, CardScreen)
        assert app.screen.path == path and app.screen.session.live.position == 2


def broken_beyond_its_heading(path):  # type: ignore[no-untyped-def]
    """Make a saved session's file fine in its heading but not in its live state; its text."""
    text = path.read_text(encoding="utf-8").replace('shared_field = ""', "shared_field = 7")
    path.write_text(text, "utf-8")
    return text


@pytest.fixture
def held_check(store, monkeypatch):  # type: ignore[no-untyped-def]
    """The home screen's check in the background waits until the returned event is set; a check
    on the app's own thread (a session chosen before that) does not."""
    import threading

    go_on = threading.Event()
    real_check = store.check

    def check(listed, stop=lambda: False):  # type: ignore[no-untyped-def]
        if threading.current_thread() is not threading.main_thread():
            go_on.wait(10)
        return real_check(listed, stop)

    monkeypatch.setattr(store, "check", check)
    return go_on


async def test_home_lists_at_once_then_marks_a_session_that_is_broken_beyond_its_heading(
    make_app, store, deck, held_check
):
    """The list shows headings read without the models; the whole files are validated after
    the first frame, and one that cannot be used is then marked as broken."""
    good = store.create(new_session(deck, team="Goed Team", now=FIXED_NOW))
    odd = store.create(new_session(deck, team="Vreemd Team", now=FIXED_NOW.replace(month=9)))
    broken_beyond_its_heading(odd)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        table = screen.query_one(DataTable)
        first = [table.get_row_at(i)[1] for i in range(table.row_count)]
        assert first == ["Goed Team", "Vreemd Team"], "both headings show at once"
        held_check.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert rows[0][1] == "Goed Team"
        assert "Vreemd Team" not in str(rows[1]) and odd.name in rows[1][3]
        assert "Kan niet gelezen worden" in str(rows[1][1])
        assert [item.path for item in screen.listed] == [good, odd]
        assert screen.listed[1].error is not None and screen.listed[1].error.kind == "field"


async def test_a_session_chosen_before_the_list_is_validated_is_validated_first(
    make_app, store, deck, held_check
):
    """Enter on a session whose file is broken beyond its heading, before the check in the
    background got to it: it is refused with the reason, as a broken file is, and stays as it was."""
    odd = store.create(new_session(deck, team="Vreemd Team", now=FIXED_NOW))
    text = broken_beyond_its_heading(odd)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, HomeScreen) and not app.screen.listed[0].checked
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen), "not opened"
        shown = " ".join(shown_text(app).split())
        assert odd.name in shown and "shared_field" in shown
        held_check.set()
        await app.workers.wait_for_complete()
    assert odd.read_text(encoding="utf-8") == text


def newest_broken_copy(good):  # type: ignore[no-untyped-def]
    """A copy of the session at `good` that cannot be used (`people = -1`), changed last: its
    heading reads well, so it is listed first until the check in the background refuses it."""
    import os

    text = good.read_text(encoding="utf-8")
    assert "people = 0" in text
    broken = good.with_name("2026-11-23-kapot.toml")
    broken.write_text(text.replace("people = 0", "people = -1").replace("Goed Team", "Kapot Team"), "utf-8")
    later = good.stat().st_mtime + 60
    os.utime(broken, (later, later))
    return broken


async def test_enter_as_soon_as_the_list_shows_opens_the_first_row_when_the_newest_file_is_broken(
    make_app, store, deck
):
    """The newest file cannot be used: the list shows a readable session first, and the
    cursor is on it (it stayed on the broken file, moved down to row 2, and Enter said why)."""
    good = store.create(new_session(deck, team="Goed Team", now=FIXED_NOW))
    broken = newest_broken_copy(good)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()  # the list as it shows once the files are checked
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.get_row_at(0)[1] == "Goed Team" and broken.name in table.get_row_at(1)[3]
        await pilot.press("enter")
        assert isinstance(app.screen, CardScreen) and app.screen.path == good


async def test_a_session_chosen_before_the_check_stays_chosen_when_rows_move(
    make_app, store, deck, held_check
):
    """Down onto a session before the check moved the broken file below it: the cursor stays
    on that session, and Enter opens it."""
    good = store.create(new_session(deck, team="Goed Team", now=FIXED_NOW))
    older = store.create(new_session(deck, team="Oud Team", now=FIXED_NOW.replace(month=9)))
    newest_broken_copy(good)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one(DataTable)
        assert [table.get_row_at(i)[1] for i in range(3)] == ["Kapot Team", "Goed Team", "Oud Team"]
        await pilot.press("down", "down")
        held_check.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert table.get_row_at(0)[1] == "Goed Team" and table.cursor_row == 1
        await pilot.press("enter")
        assert isinstance(app.screen, CardScreen) and app.screen.path == older


async def test_broken_file_shows_a_clear_error_and_is_untouched(make_app, store):
    store.folder.mkdir(parents=True)
    broken = store.folder / "kapot.toml"
    broken.write_text("team = ", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)
        assert "kapot.toml" in shown_text(app)
        shown = " ".join(shown_text(app).split())
        assert "kapot.toml (regel 1) kan niet gelezen worden en blijft zoals het is" in shown
        assert "Technisch: not valid TOML" in shown
    assert broken.read_text(encoding="utf-8") == "team = "


async def test_language_switch_on_home(make_app, tmp_path):
    app = make_app(lang="nl")
    async with app.run_test(size=(100, 30)) as pilot:
        assert "Nieuwe sessie" in str(app.screen.query_one("#new").label)
        await pilot.press("l")
        assert "New session" in str(app.screen.query_one("#new").label)
    assert 'language = "en"' in (tmp_path / "settings.toml").read_text()


async def test_choosing_another_deck_in_the_form(make_app, tmp_path):
    folder = tmp_path / "eigen"
    folder.mkdir()
    (folder / "deck.toml").write_text(
        'id = "eigen"\nversion = "2"\nlanguages = ["nl", "en"]\n'
        '[name]\nnl = "Eigen kaarten"\nen = "Own cards"\n',
        encoding="utf-8",
    )
    text = '[{lang}]\ntitle = "Onze {lang}"\nintro = "Intro"\nquestions = ["Vraag?"]\n'
    (folder / "a.toml").write_text(
        'id = "eigen-start"\nkind = "start"\nminutes = 7\n' + text.format(lang="nl") + text.format(lang="en"),
        encoding="utf-8",
    )
    (tmp_path / "kapot").mkdir()
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        deck_input = app.screen.query_one("#deck", Input)
        deck_input.value = str(tmp_path / "kapot")
        deck_input.focus()
        await pilot.press("enter")
        assert "kan niet gebruikt worden" in shown_text(app)
        assert app.screen.query_one(AgendaList).agenda[0] == "start-diversiteit"
        deck_input.value = str(folder)
        await pilot.press("enter")
        assert app.screen.query_one(AgendaList).agenda == ["eigen-start"]
        assert "7 minuten" in shown_text(app) and "Eigen kaarten" in shown_text(app)
        app.screen.query_one("#team", Input).value = "De Linde"
        await pilot.press("ctrl+s")
        saved = read(app.screen.path)
        assert saved.deck_id == "eigen" and saved.agenda == ["eigen-start"]
        assert saved.deck_path == str(folder)


async def test_a_session_whose_deck_is_gone_is_refused_clearly(make_app, store, deck, monkeypatch):
    session = new_session(deck, team="Oud", now=FIXED_NOW)
    session.agenda = ["verdwenen-kaart"]
    session.deck_id, session.deck_path = "verdwenen", "/nergens/kaarten"
    store.create(session)
    app = make_app()
    messages: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **_: messages.append(message))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("verdwenen" in m and "--deck" in m for m in messages)


def messages_into(messages: list[str]):  # type: ignore[no-untyped-def]
    """A stand-in for `App.notify` that keeps what was said."""
    return lambda message, **_: messages.append(message)


async def test_a_session_an_app_did_not_close_says_so_when_it_opens(make_app, store, deck, monkeypatch):
    """kill -9, a crash, a power cut: the next open says the session was not closed, since when,
    and when it was last saved (what is there); an ordinary close says nothing the next time."""
    import datetime as dt
    import os

    from potential_deck.core.session import lock

    path = store.create(new_session(deck, team="Gecrasht", now=FIXED_NOW))
    os.utime(path, (1_795_000_000, 1_795_000_000))
    lock.lock_path(path).write_text(
        '{"pid": 4242, "host": "laptop-els", "since": "2026-11-23T14:02:11+01:00"}', encoding="utf-8"
    )
    saved = dt.datetime.fromtimestamp(1_795_000_000)
    for round_ in ("after the crash", "after an ordinary close"):
        app = make_app()
        messages: list[str] = []
        monkeypatch.setattr(app, "notify", messages_into(messages))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, CardScreen)
            said = [m for m in messages if "niet afgesloten" in m]
            if round_ == "after the crash":
                assert said == [
                    "Deze sessie werd de vorige keer niet afgesloten (open sinds 14:02): alles wat bewaard "
                    f"is, staat er (laatst bewaard {saved:%d/%m/%Y %H:%M:%S})."
                ]
            else:
                assert said == [], round_
            await quit_app(pilot)


async def test_a_session_open_in_another_app_is_refused_in_the_apps_language(
    make_app, store, deck, monkeypatch
):
    from conftest import hold_in_child

    path = store.create(new_session(deck, team="Bezet", now=FIXED_NOW))
    holder = hold_in_child(path)
    try:
        app = make_app()
        messages: list[str] = []
        monkeypatch.setattr(app, "notify", lambda message, **_: messages.append(message))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert any(
                "is al open in een andere potential-deck" in m and "Probeer dan opnieuw" in m
                for m in messages
            )
    finally:
        holder.kill()
        holder.wait()


async def test_the_chosen_language_is_marked_without_colour(make_app):
    from textual.widgets import RadioButton

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NewSessionScreen)

        def marks() -> dict[str, str]:
            return {str(b.id): b.render().plain[:3] for b in screen.query(RadioButton)}

        assert marks() == {"lang-nl": "▐●▌", "lang-en": "▐ ▌"}
        screen.query_one("#lang-en", RadioButton).value = True
        await pilot.pause()
        assert marks() == {"lang-nl": "▐ ▌", "lang-en": "▐●▌"}


async def test_the_new_session_form_opens_at_its_top_with_the_team_field_labelled(make_app):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NewSessionScreen)
        assert isinstance(app.focused, Input) and app.focused.id == "team"
        form = screen.query_one("#form")
        assert form.scroll_y == 0, "the form's title and the team field's label are in view"
        assert form.query_one("#form-title").region.y >= form.region.y


async def test_only_the_team_field_takes_focus_when_the_form_opens(make_app, monkeypatch):
    """Textual's own first focus went to the form's scroll and on to the team field: each change
    restyled the whole form (~20 ms before its first frame, issue 11)."""
    from textual.widget import Widget

    focused: list[str] = []
    watch = Widget.watch_has_focus

    def recording(self: Widget, has_focus: bool) -> None:
        if has_focus:
            focused.append(self.id or type(self).__name__)
        watch(self, has_focus)

    monkeypatch.setattr(Widget, "watch_has_focus", recording)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        focused.clear()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewSessionScreen)
        assert focused == ["team"]
        form = app.screen.query_one("#form")
        assert form.scroll_y == 0, "the form did not scroll past its title"


def four_sessions(store, deck) -> list[Path]:  # type: ignore[no-untyped-def]
    """Four teams' sessions, listed newest first: Team 4 to Team 1."""
    return [
        store.create(new_session(deck, team=f"Team {n}", now=FIXED_NOW.replace(day=n))) for n in (4, 3, 2, 1)
    ]


async def home_asked_for_from_the_second(pilot, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    """The second session opened from the list, then "beginscherm" typed into the palette
    (searched; the command is not chosen yet)."""
    from .helpers import palette_searched

    app = pilot.app
    await pilot.press("down", "enter")
    assert isinstance(app.screen, CardScreen) and app.screen.path == paths[1]
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"beginscherm")
    await palette_searched(pilot)


async def test_back_home_from_a_session_the_list_has_focus_on_the_session_just_closed(make_app, store, deck):
    """Ctrl+P → "Naar het beginscherm": the arrows move the list at once, from the session closed."""
    paths = four_sessions(store, deck)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await home_asked_for_from_the_second(pilot, paths)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("down", "down", "enter")
        assert isinstance(app.screen, CardScreen)
        assert app.screen.path == paths[3], "the fourth row: two below the session just closed"


async def test_keys_typed_right_after_a_palette_command_wait_for_it_to_have_run(make_app, store, deck):
    """ "Naar het beginscherm", Enter, Down, Enter in one burst: Down was lost on the closing
    session and Enter opened the session just closed, not the one below it."""
    from textual import events

    paths = four_sessions(store, deck)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await home_asked_for_from_the_second(pilot, paths)
        for key in ("enter", "down", "enter"):  # one burst: all in the app's queue at once
            app.post_message(events.Key(key, None))
        for _ in range(200):  # up to 10 s on a busy machine
            await pilot.pause(0.05)
            if isinstance(app.screen, CardScreen) and app.screen.path != paths[1]:
                break
        assert isinstance(app.screen, CardScreen)
        assert app.screen.path == paths[2], "the row below the session just closed"


async def test_escape_on_an_untouched_form_leaves_at_once_and_the_next_form_is_empty(make_app):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n", "tab", "escape")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("n")
        screen = app.screen
        assert isinstance(screen, NewSessionScreen) and screen.draft is None
        assert "vorige keer" not in shown_text(app)


async def test_a_form_left_with_escape_comes_back_as_it_was_until_a_session_starts(make_app, deck):
    """Escape never throws away what was typed: the next `n` shows it again, the keyboard in
    the field it was in; once the session starts, the form after it is empty."""
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n", *"Team Noord", "tab", *"15/09/2026", "tab", *"Els", "escape")
        assert isinstance(app.screen, HomeScreen), "Escape leaves the form at once"
        await pilot.press("n")
        screen = app.screen
        assert isinstance(screen, NewSessionScreen)
        values = {name: screen.query_one(f"#{name}", Input).value for name in ("team", "date", "facilitator")}
        assert values == {"team": "Team Noord", "date": "15/09/2026", "facilitator": "Els"}
        assert "Wat je de vorige keer invulde, staat er nog." in shown_text(app)
        await pilot.press(*" Peeters")
        assert screen.query_one("#facilitator", Input).value == "Els Peeters", "typing goes on where it was"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, CardScreen)
        saved = read(app.screen.path)
        assert (saved.team, saved.date.isoformat(), saved.facilitator) == (
            "Team Noord",
            "2026-09-15",
            "Els Peeters",
        )
        await app.action_home()
        await pilot.pause()
        await pilot.press("n")
        assert app.screen.query_one("#team", Input).value == ""
        assert "vorige keer" not in shown_text(app)


async def test_tab_into_the_date_and_typing_a_date_replaces_todays(make_app):
    """The form fills in today; a date typed over it replaces it (the field selects nothing on
    focus); once edited, typing edits as in any field."""
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n", *"De Linde", "tab")
        date = app.screen.query_one("#date", Input)
        assert app.focused is date and date.value == "23/11/2026"
        await pilot.press(*"15/09/2026")
        assert date.value == "15/09/2026"
        await pilot.press("backspace", "7")
        assert date.value == "15/09/2027"
        await pilot.press("1")
        assert date.value == "15/09/20271", "after an edit, typing adds as anywhere"


async def test_a_letter_typed_into_the_filled_in_date_destroys_nothing(make_app):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n", "tab", "x")
        assert app.screen.query_one("#date", Input).value == "23/11/2026x"
