"""The audience view: it follows the session file, keeps the last good state, shows nothing private."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from textual.widgets import ContentSwitcher, Static

from potential_deck.core.deck import Deck
from potential_deck.core.locations import builtin_deck
from potential_deck.core.meeting import new_session
from potential_deck.core.models import Session, TimerSnapshot
from potential_deck.core.settings import DARK_THEME, LIGHT_THEME
from potential_deck.core.store import write
from potential_deck.core.timer import Timer, display, followed, followed_display
from potential_deck.tui.follow import FollowApp, SessionWatcher
from potential_deck.tui.widgets.timer_face import TimerFace

from .conftest import FIXED_NOW
from .helpers import plain

POLL = 0.05
"""The poll interval in the tests: no test sleeps longer than this at a time."""
T = 1_800_000_000.0


def make_session(deck: Deck, lang: str = "nl") -> Session:
    return new_session(deck, team="De Linde", now=FIXED_NOW, language=lang, deck_path=str(builtin_deck()))


def follow_app(
    deck: Deck, folder: Path, *, target: Path | None = None, wall: float | None = None
) -> FollowApp:
    return FollowApp(
        folder=folder,
        target=target,
        deck_for=lambda _: deck,
        wall=(lambda: wall) if wall is not None else time.time,
        poll=POLL,
    )


async def until(pilot, condition, tries: int = 20) -> None:
    """Pause one poll interval at a time until `condition()` holds (at most `tries` times)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(POLL)
    assert condition()


def title(deck: Deck, session: Session, lang: str = "nl") -> str:
    return deck.card(session.current_card).text(lang).title


def shown_text(app: FollowApp) -> str:
    """The text of every Static a person can see: it and all its containers are displayed."""
    return "\n".join(
        plain(w.content)
        for w in app.screen.query(Static)
        if w.display and all(getattr(a, "display", True) for a in w.ancestors)
    )


def view(app: FollowApp) -> str | None:
    return app.screen.query_one(ContentSwitcher).current


# --- the timer a follower shows ------------------------------------------------------------


def test_followed_display_matches_the_facilitators_display() -> None:
    timer = Timer(budget=600).start(100.0)
    snap = timer.snapshot(now=130.0, wall=T)
    for later in (0, 10, 555, 600, 700):
        assert followed_display(snap, T + later) == display(timer, 130.0 + later)
    assert followed(snap).elapsed(T + 10) == 40


def test_followed_display_paused_and_over() -> None:
    paused = TimerSnapshot(budget=600, elapsed=30, running=False, at=T)
    assert followed_display(paused, T + 1000) == ("9:30", "idle")
    over = TimerSnapshot(budget=60, elapsed=50, running=True, at=T)
    assert followed_display(over, T + 40) == ("+0:30", "over")


# --- the watcher ---------------------------------------------------------------------------


def test_watcher_follows_the_newest_session(deck, tmp_path) -> None:
    older, newer = make_session(deck), make_session(deck)
    newer.team = "Het Anker"
    write(tmp_path / "a.toml", older)
    write(tmp_path / "b.toml", newer)
    watcher = SessionWatcher(tmp_path)
    assert watcher.poll(T)
    assert watcher.session is not None and watcher.session.team == "Het Anker"
    assert not watcher.poll(T)  # nothing changed


# --- the app -------------------------------------------------------------------------------


async def test_follow_view_updates_when_the_session_file_changes(deck, tmp_path) -> None:
    session = make_session(deck)
    path = tmp_path / "s.toml"
    write(path, session)
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        assert view(app) == "cards"
        assert title(deck, session) in shown_text(app)
        session.live.position = 1
        write(path, session)
        written = time.perf_counter()
        await until(pilot, lambda: title(deck, session) in shown_text(app))
        assert time.perf_counter() - written < 0.5
        assert "De Linde" in shown_text(app)


async def test_keeps_the_last_good_state_on_a_half_written_or_vanished_file(deck, tmp_path):
    session = make_session(deck)
    path = tmp_path / "s.toml"
    write(path, session)
    app = follow_app(deck, tmp_path, wall=T)
    async with app.run_test(size=(120, 36)) as pilot:
        shown = title(deck, session)
        assert shown in shown_text(app)
        path.write_text('schema_version = 1\nteam = "De Li', encoding="utf-8")
        await until(pilot, lambda: "laatste goede stand" in shown_text(app))
        assert "onleesbaar" in shown_text(app)
        assert shown in shown_text(app) and view(app) == "cards"
        path.unlink()
        await until(pilot, lambda: "even weg" in shown_text(app))
        assert shown in shown_text(app) and view(app) == "cards"
        session.live.position = 2
        write(path, session)
        await until(pilot, lambda: title(deck, session) in shown_text(app))
        assert "laatste goede stand" not in shown_text(app)


async def test_a_missing_named_file_keeps_the_last_good_state(deck, tmp_path):
    session = make_session(deck, "en")
    path = tmp_path / "s.toml"
    write(path, session)
    app = follow_app(deck, tmp_path / "elsewhere", target=path, wall=T)
    async with app.run_test(size=(120, 36)) as pilot:
        path.unlink()
        await until(pilot, lambda: "last good state from" in shown_text(app))
        assert title(deck, session, "en") in shown_text(app)


async def test_blank_shows_a_black_screen(deck, tmp_path):
    session = make_session(deck)
    session.live.blank = True
    write(tmp_path / "s.toml", session)
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=(120, 36)):
        assert view(app) == "blank"
        assert app.screen.has_class("-blank")
        assert title(deck, session) not in shown_text(app)
        assert shown_text(app).strip() == ""


async def test_only_the_shared_field_is_shown(deck, tmp_path):
    session = make_session(deck)
    session.live.position = 1  # a dialogue card: did, worked, satisfaction
    record = session.record(session.current_card)
    record.fields = {"did": "We zongen samen", "worked": "Privé over Jan"}
    record.free = "Vrije privénotitie"
    path = tmp_path / "s.toml"
    write(path, session)
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        text = shown_text(app)
        assert "We zongen samen" not in text and "Privé over Jan" not in text
        assert "Vrije privénotitie" not in text
        session.live.shared_field = "did"
        write(path, session)
        await until(pilot, lambda: "We zongen samen" in shown_text(app))
        text = shown_text(app)
        assert "Wat deed je in die situatie?" in text
        assert "Privé over Jan" not in text and "Vrije privénotitie" not in text


async def test_waiting_screen_until_a_session_appears(deck, tmp_path):
    folder = tmp_path / "sessions"
    app = follow_app(deck, folder)
    async with app.run_test(size=(120, 36)) as pilot:
        assert view(app) == "waiting"
        assert "Wachten op de begeleider" in shown_text(app)
        session = make_session(deck)
        write(folder / "s.toml", session)
        await until(pilot, lambda: view(app) == "cards")
        assert title(deck, session) in shown_text(app)


async def test_timer_shows_the_facilitators_remaining_seconds(deck, tmp_path):
    session = make_session(deck)
    record = session.record(session.current_card)
    record.timer = TimerSnapshot(budget=600, elapsed=30, running=True, at=T)
    write(tmp_path / "s.toml", session)
    app = follow_app(deck, tmp_path, wall=T + 10)
    async with app.run_test(size=(120, 36)):
        face = app.screen.query_one(TimerFace)
        assert (face.face, face.state) == ("9:20", "running")  # 600 - 40 seconds


async def test_harvest_shows_the_list_and_the_question(deck, tmp_path):
    session = make_session(deck)
    session.record(session.agenda[0]).fields = {"seen": "Privé"}
    from potential_deck.core.models import Opportunity

    session.record(session.agenda[0]).growth = [Opportunity(text="Thuistaal benutten")]
    session.live.stage = "harvest"
    session.harvest.question = "Hoe benutten we de thuistaal?"
    write(tmp_path / "s.toml", session)
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=(120, 36)):
        assert view(app) == "harvest"
        text = shown_text(app)
        assert "Thuistaal benutten" in text and "Hoe benutten we de thuistaal?" in text
        assert "Privé" not in text


@pytest.mark.parametrize(("theme", "expected"), [(DARK_THEME, DARK_THEME), ("", LIGHT_THEME)])
async def test_follows_the_facilitators_theme(deck, tmp_path, theme, expected):
    session = make_session(deck)
    session.live.theme = theme
    write(tmp_path / "s.toml", session)
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=(120, 36)):
        assert app.theme == expected


async def test_a_shared_field_of_the_cards_own_is_shown_with_its_label(deck, tmp_path):
    session = new_session(deck, team="De Linde", now=FIXED_NOW, agenda=["brug-kleuren"],
                          deck_path=str(builtin_deck()))
    record = session.record("brug-kleuren")
    record.fields = {"warning": "Te veel losse projecten", "green": "Privé groen"}
    session.live.shared_field = "warning"
    write(tmp_path / "s.toml", session)
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=(120, 36)):
        text = shown_text(app)
        assert "Rood of oranje: waarschuwingslichten" in text
        assert "Te veel losse projecten" in text and "Privé groen" not in text


async def test_a_shared_field_the_card_does_not_have_shows_nothing(deck, tmp_path):
    session = make_session(deck)
    session.record(session.current_card).fields = {"kleur": "Privé"}
    session.live.shared_field = "onbekend"
    write(tmp_path / "s.toml", session)
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=(120, 36)):
        assert not app.screen.query_one("#shared", Static).display
        assert "Privé" not in shown_text(app)
