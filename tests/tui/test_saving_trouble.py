"""When saving goes wrong in the app: another writer, a full disk, quitting with unsaved text,
read-only and unreadable folders, damaged sessions, a paste past the limit, an unexpected error."""

from __future__ import annotations

import stat
from pathlib import Path

from textual.widgets import DataTable, Input, TextArea

from faults import fake_unreadable, full_disk, read_only
from potential_deck.core.locations import builtin_deck
from potential_deck.core.session import session_file
from potential_deck.core.session.limits import MAX_NOTE_CHARS
from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.store import SessionStore, read
from potential_deck.tui.app import PotentialDeckApp
from potential_deck.tui.crash_report import kept_private
from potential_deck.tui.screens.card import CardScreen
from potential_deck.tui.screens.home import HomeScreen
from potential_deck.tui.screens.restore import RestoreScreen
from potential_deck.tui.screens.unsaved import UnsavedScreen

from .conftest import FIXED_NOW
from .helpers import shown_text


def _app(deck, folder: Path, tmp_path: Path, clock, *, open_one: bool = True) -> PotentialDeckApp:
    app = PotentialDeckApp(
        deck=deck,
        deck_path=builtin_deck(),
        store=SessionStore(folder),
        settings_path=tmp_path / "settings.toml",
        lang="nl",
        clock=clock,
        wall=lambda: 1_800_000_000.0,
        now=lambda: FIXED_NOW,
    )
    if open_one:
        session = new_session(deck, team="De Linde", now=FIXED_NOW, deck_path=str(builtin_deck()))
        app.set_initial(session, SessionStore(folder).create(session))
    return app


def _rows(app) -> str:
    """The session list's cells, as text."""
    table = app.screen.query_one(DataTable)
    return " ".join(str(cell) for row in range(table.row_count) for cell in table.get_row_at(row))


def _notes(app) -> list[str]:
    """Every notification the app shows from now on (recorded as it is sent)."""
    shown: list[str] = []
    send = app.notify

    def notify(message: str, *args, **kwargs) -> None:
        shown.append(message)
        send(message, *args, **kwargs)

    app.notify = notify
    return shown


async def _type(pilot, app, text: str) -> CardScreen:
    screen = app.screen
    assert isinstance(screen, CardScreen)
    screen.query_one("#note-free", TextArea).focus()
    await pilot.press(*text)
    return screen


async def test_another_programs_change_is_kept_and_the_status_line_says_so(make_app):
    app = make_app(team="De Linde")
    async with app.run_test() as pilot:
        screen = await _type(pilot, app, "onze")
        text = screen.path.read_text(encoding="utf-8").replace("De Linde", "De Linde (collega)")
        screen.path.write_text(text, encoding="utf-8")  # OneDrive brings a colleague's version
        screen.flush()
        await pilot.pause()
        kept = [p for p in screen.path.parent.glob("*.toml") if "elders gewijzigd" in p.name]
        assert len(kept) == 1 and "De Linde (collega)" in kept[0].read_text(encoding="utf-8")
        assert "andere versie apart bewaard" in shown_text(app)
        assert read(screen.path).cards[screen.card_id].free == "onze"


async def test_a_full_disk_says_saving_failed_in_words_and_keeps_the_last_good_file(
    deck, clock, tmp_path, monkeypatch
):
    with full_disk(tmp_path, monkeypatch) as disk:
        app = _app(deck, disk.folder, tmp_path, clock)
        async with app.run_test() as pilot:
            screen = await _type(pilot, app, "voor")
            assert screen.flush() is None
            good = screen.path.read_bytes()
            disk.fill()
            await pilot.press(*" na")
            assert screen.flush() == "disk_full"
            await pilot.pause()
            assert "Opslaan mislukt: de schijf is vol" in shown_text(app)
            assert "Errno" not in shown_text(app)
            assert screen.path.read_bytes() == good
            app.exit()  # the test ends here; quitting is the next test's business


async def test_quitting_when_the_session_cannot_be_saved_keeps_the_app_open_and_saves_a_copy(
    deck, clock, tmp_path, monkeypatch
):
    with full_disk(tmp_path, monkeypatch) as disk:
        app = _app(deck, disk.folder, tmp_path, clock)
        async with app.run_test() as pilot:
            screen = await _type(pilot, app, "voor")
            screen.flush()
            disk.fill()
            await pilot.press(*" en wat niemand mag verliezen")
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert isinstance(app.screen, UnsavedScreen), "the app stays open and asks"
            assert app.is_running
            copy = tmp_path / "kopie.toml"
            field = app.screen.query_one("#unsaved-target", Input)
            field.value = str(copy)
            await pilot.click("#unsaved-copy")
            await pilot.pause()
        assert app.return_code == 0
        assert "voor en wat niemand mag verliezen" in read(copy).cards[read(copy).agenda[0]].free
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600


async def test_quitting_without_saving_needs_an_explicit_second_confirmation(
    deck, clock, tmp_path, monkeypatch
):
    with full_disk(tmp_path, monkeypatch) as disk:
        app = _app(deck, disk.folder, tmp_path, clock)
        async with app.run_test() as pilot:
            screen = await _type(pilot, app, "voor")
            screen.flush()
            disk.fill()
            await pilot.press("x")
            await pilot.press("ctrl+q")
            await pilot.pause()
            await pilot.click("#unsaved-discard")
            await pilot.pause()
            assert app.is_running and isinstance(app.screen, UnsavedScreen)
            assert "Zeker?" in shown_text(app)
            await pilot.click("#unsaved-discard")
            await pilot.pause()
        assert not app.is_running


async def test_going_home_when_the_session_cannot_be_saved_asks_first(deck, clock, tmp_path, monkeypatch):
    with full_disk(tmp_path, monkeypatch) as disk:
        app = _app(deck, disk.folder, tmp_path, clock)
        async with app.run_test() as pilot:
            screen = await _type(pilot, app, "voor")
            screen.flush()
            disk.fill()
            await pilot.press("x")
            await app.action_home()
            await pilot.pause()
            assert isinstance(app.screen, UnsavedScreen)
            await pilot.click("#unsaved-stay")
            await pilot.pause()
            assert app.screen is screen and screen.is_open, "back on the session, nothing closed"
            app.exit()


async def test_opening_a_session_from_home_in_a_read_only_folder_is_a_message_not_a_crash(
    deck, clock, tmp_path, monkeypatch
):
    folder = tmp_path / "sessions"
    session = new_session(
        deck, team="De Linde", now=FIXED_NOW, participants=["Amira"], deck_path=str(builtin_deck())
    )
    session.cards[session.agenda[0]] = session.record(session.agenda[0])
    session.cards[session.agenda[0]].free = "Amira vertelde over thuis"
    SessionStore(folder).create(session)
    with read_only(folder, monkeypatch):
        app = _app(deck, folder, tmp_path, clock, open_one=False)
        shown = _notes(app)
        async with app.run_test() as pilot:
            assert isinstance(app.screen, HomeScreen)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen) and app.is_running
            messages = " ".join(shown)
            assert "kan niet geopend worden" in messages and "Kopieer de sessie" in messages
            assert "Amira" not in messages


async def test_the_home_screen_on_an_unreadable_folder_says_so(deck, clock, tmp_path, monkeypatch):
    (tmp_path / "sessions").mkdir()
    fake_unreadable(monkeypatch, tmp_path / "sessions")  # root reads any folder: a fake refusal
    app = _app(deck, tmp_path / "sessions", tmp_path, clock, open_one=False)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "kan niet gelezen worden" in shown_text(app)
        assert app.is_running


async def test_a_damaged_session_on_the_home_screen_offers_its_previous_version(deck, clock, tmp_path):
    folder = tmp_path / "sessions"
    session = new_session(deck, team="De Linde", now=FIXED_NOW, deck_path=str(builtin_deck()))
    path = SessionStore(folder).create(session)
    session_file.open_file(path)
    session_file.close(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("[live]")], encoding="utf-8")  # cut short by a sync tool
    app = _app(deck, folder, tmp_path, clock, open_one=False)
    async with app.run_test() as pilot:
        assert "vorige versie kan terug" in _rows(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RestoreScreen)
        await pilot.click("#restore-yes")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "De Linde" in _rows(app)
    assert read(path).team == "De Linde"


async def test_a_paste_past_the_note_limit_is_undone_and_explained(make_app):
    app = make_app(team="De Linde")
    async with app.run_test() as pilot:
        screen = await _type(pilot, app, "eigen woorden")
        shown = _notes(app)
        area = screen.query_one("#note-free", TextArea)
        area.insert("x" * (MAX_NOTE_CHARS + 1))  # what a paste does
        await pilot.pause()
        assert area.text == "eigen woorden"
        assert "vol" in " ".join(shown)
        assert screen.session.cards[screen.card_id].free == "eigen woorden"


def test_an_unexpected_error_in_the_app_goes_to_a_private_log_not_the_screen(
    deck, clock, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("POTENTIAL_DECK_LOG_DIR", str(tmp_path / "log"))
    app = _app(deck, tmp_path / "sessions", tmp_path, clock)

    def broken(self: CardScreen) -> None:
        secret = self.session.team + " — notities van Amira"
        raise RuntimeError("a bug" + secret[:0])

    monkeypatch.setattr(CardScreen, "action_help", broken)

    async def press_help(pilot) -> None:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        app.exit()  # ends the test if the key did not reach the broken action

    with kept_private(app):
        app.run(headless=True, auto_pilot=press_help)
    err = capsys.readouterr().err
    assert "Amira" not in err and "Traceback" not in err and "RuntimeError" not in err
    assert "onverwachte fout" in err
    logs = list((tmp_path / "log").iterdir())
    assert len(logs) == 1 and stat.S_IMODE(logs[0].stat().st_mode) == 0o600
    assert "RuntimeError" in logs[0].read_text(encoding="utf-8")
