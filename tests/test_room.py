"""What the room follows (core.room.follow): the session a facilitator holds open, never another."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from potential_deck.core.choices import Kind
from potential_deck.core.deck.load import Deck, load
from potential_deck.core.locations import builtin_deck
from potential_deck.core.room import filewatch
from potential_deck.core.room.follow import (
    DeckChooser,
    RoomStep,
    SessionWatcher,
    harvest_step,
    room_harvest,
    room_lookback,
    shared_field,
)
from potential_deck.core.session import lock
from potential_deck.core.session.meeting import go_to, new_session
from potential_deck.core.session.models import HarvestItem, Live, Origin, Review, Session, StepStatus
from potential_deck.core.session.store import from_toml, to_toml, write

NOW = dt.datetime(2026, 11, 23, 14, 30, tzinfo=dt.UTC)
T = 1_800_000_000.0
OWNER = lock.Owner(4242, "laptop-an", "2026-11-23T14:30:00+01:00")


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load(builtin_deck())


def make(deck: Deck, team: str = "De Linde") -> Session:
    return new_session(deck, team=team, now=NOW, deck_path=str(builtin_deck()))


class Locks:
    """Which sessions a facilitator's app holds open: a stand-in for core.session.lock's look."""

    def __init__(self) -> None:
        self.held: set[Path] = set()

    def holder(self, path: Path) -> lock.Owner | None:
        return OWNER if path in self.held else None

    def open_sessions(self, folder: Path) -> list[tuple[Path, lock.Owner]]:
        return [(path, OWNER) for path in sorted(self.held) if path.parent == folder]

    def watcher(self, folder: Path, target: Path | None = None) -> SessionWatcher:
        return SessionWatcher(folder, target, holder=self.holder, open_sessions=self.open_sessions)


def test_nothing_open_waits(deck, tmp_path) -> None:
    write(tmp_path / "old.toml", make(deck, "Het Anker"))
    watcher = Locks().watcher(tmp_path)
    watcher.poll(T)
    assert watcher.session is None and watcher.path is None and watcher.choices == []


def test_the_one_session_open_is_followed(deck, tmp_path) -> None:
    locks = Locks()
    write(tmp_path / "old.toml", make(deck, "Het Anker"))
    write(tmp_path / "open.toml", make(deck))
    locks.held.add(tmp_path / "open.toml")
    watcher = locks.watcher(tmp_path)
    assert watcher.poll(T)
    assert watcher.session is not None and watcher.session.team == "De Linde"
    assert not watcher.poll(T)  # nothing changed


def test_several_open_are_offered_and_the_room_chooses(deck, tmp_path) -> None:
    locks = Locks()
    for name, team in (("a.toml", "Het Anker"), ("b.toml", "De Linde")):
        write(tmp_path / name, make(deck, team))
        locks.held.add(tmp_path / name)
    watcher = locks.watcher(tmp_path)
    assert watcher.poll(T)
    assert watcher.session is None
    assert [(c.team, c.date, c.since) for c in watcher.choices] == [
        ("De Linde", NOW.date(), "14:30"),
        ("Het Anker", NOW.date(), "14:30"),
    ]
    watcher.choose(watcher.choices[1].path)
    assert watcher.poll(T)
    assert watcher.session is not None and watcher.session.team == "Het Anker"


def test_another_session_changing_in_the_folder_never_takes_over(deck, tmp_path) -> None:
    locks = Locks()
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    write(first, make(deck))
    locks.held.add(first)
    watcher = locks.watcher(tmp_path)
    watcher.poll(T)
    other = make(deck, "Het Anker")
    for step in range(3):  # saved, then opened by a second app, then saved again
        other.live.position = step
        write(second, other)
        if step == 1:
            locks.held.add(second)
        watcher.poll(T + step)
        assert watcher.path == first
        assert watcher.session is not None and watcher.session.team == "De Linde"
        assert watcher.choices == []


def test_the_meeting_ends_when_the_facilitators_app_lets_go(deck, tmp_path) -> None:
    locks = Locks()
    path = tmp_path / "a.toml"
    write(path, make(deck))
    locks.held.add(path)
    watcher = locks.watcher(tmp_path)
    watcher.poll(T)
    assert not watcher.ended
    locks.held.clear()
    assert watcher.poll(T + 1)
    assert watcher.ended and watcher.session is not None  # still says which meeting it was
    write(tmp_path / "b.toml", make(deck, "Het Anker"))
    locks.held.add(tmp_path / "b.toml")
    watcher.poll(T + 2)
    assert watcher.path == path and watcher.ended  # no other session on its own
    locks.held.add(path)  # the facilitator opens it again
    assert watcher.poll(T + 3) and not watcher.ended


def test_a_named_file_that_nobody_has_open_says_the_meeting_has_ended(deck, tmp_path) -> None:
    locks = Locks()
    path = tmp_path / "a.toml"
    write(path, make(deck))
    watcher = locks.watcher(tmp_path / "elsewhere", target=path)
    assert watcher.poll(T)
    assert watcher.ended, "a session no app holds open is never shown as live"
    assert watcher.not_open_yet, "nobody had it open since the view started: the room waits for it"
    assert watcher.session is not None and watcher.session.team == "De Linde"  # which meeting it was
    assert watcher.folder == tmp_path
    assert not watcher.poll(T + 1) and watcher.ended
    locks.held.add(path)  # a facilitator opens it: followed from then on
    assert watcher.poll(T + 2) and not watcher.ended and not watcher.not_open_yet
    locks.held.clear()  # and closes it: the meeting has ended
    assert watcher.poll(T + 3) and watcher.ended and not watcher.not_open_yet


def test_a_finished_session_nobody_has_open_has_ended(deck, tmp_path) -> None:
    locks = Locks()
    path = tmp_path / "a.toml"
    session = make(deck)
    session.live.stage = "done"
    write(path, session)
    watcher = locks.watcher(tmp_path, target=path)
    watcher.poll(T)
    assert watcher.ended and not watcher.not_open_yet


def test_a_session_closed_before_the_view_started_is_ended_while_another_is_open(deck, tmp_path) -> None:
    """`serve --follow` named the session open then; a browser opened after the facilitator went
    back home and opened another team runs the view on the first, which has ended."""
    locks = Locks()
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    write(first, make(deck))
    write(second, make(deck, "Het Anker"))
    locks.held.add(second)
    watcher = locks.watcher(tmp_path, target=first)
    watcher.poll(T)
    assert watcher.path == first and watcher.ended and watcher.choices == []


def test_a_view_started_on_a_session_closed_with_real_locks_says_it_has_ended(deck, tmp_path) -> None:
    path = tmp_path / "a.toml"
    write(path, make(deck))
    lock.acquire(path).release()  # the facilitator's app had it open, and closed it
    watcher = SessionWatcher(tmp_path, target=path)
    watcher.poll(T)
    assert watcher.session is not None and watcher.ended


def test_real_locks_tell_which_session_is_open(deck, tmp_path) -> None:
    path = tmp_path / "a.toml"
    write(path, make(deck))
    write(tmp_path / "b.toml", make(deck, "Het Anker"))
    held = lock.acquire(path)
    try:
        watcher = SessionWatcher(tmp_path)
        watcher.poll(T)
        assert watcher.path == path and not watcher.ended
    finally:
        held.release()
    watcher.poll(T + 1)
    assert watcher.ended


def test_half_written_file_keeps_the_last_good_state(deck, tmp_path) -> None:
    path = tmp_path / "a.toml"
    write(path, make(deck))
    watcher = Locks().watcher(tmp_path, target=path)
    watcher.poll(T)
    path.write_text('team = "De Li', encoding="utf-8")
    assert watcher.poll(T + 1)
    assert watcher.problem == "unreadable" and watcher.session is not None and watcher.good_at == T


# --- what the room sees --------------------------------------------------------------------


def test_only_a_field_of_the_current_card_is_shared(deck) -> None:
    session = make(deck)
    start, dialogue = deck.of_kind(Kind.START)[0], deck.of_kind(Kind.DIALOGUE)[0]
    for field, card, expected in (
        ("did", dialogue, "did"),
        ("did", start, None),
        ("free", start, "free"),
        ("growth", start, "growth"),
        ("participants", start, None),
        ("", start, None),
    ):
        session.live.shared_field = field
        shared = shared_field(session, card, None)
        assert (shared.id if shared is not None else None) == expected


def test_the_room_sees_the_opportunities_by_dots_equal_dots_in_their_order(deck) -> None:
    session = make(deck)
    session.harvest.items = [
        HarvestItem(text="A", votes=1),
        HarvestItem(text="B", votes=3),
        HarvestItem(text="C", votes=1),
        HarvestItem(text="D", votes=0),
    ]
    session.harvest.question = "  Hoe kunnen we …?  "
    view = room_harvest(session)
    assert [item.text for item in view.items] == ["B", "A", "C", "D"]
    assert view.question == "Hoe kunnen we …?"
    assert [item.text for item in session.harvest.items] == ["A", "B", "C", "D"]  # not re-sorted


def test_the_harvest_step_defaults_to_the_first(deck) -> None:
    session = make(deck)
    assert harvest_step(session) == "items"
    session.live.harvest_step = "plan"
    assert harvest_step(session) == "plan"
    session.live.harvest_step = "elsewhere"
    assert harvest_step(session) == "items"


def test_a_session_saved_before_the_room_fields_loads_with_their_defaults(deck) -> None:
    text = to_toml(make(deck)).replace('harvest_step = ""\n', "").replace("scroll = 0.0\n", "")
    assert "harvest_step" not in text and "scroll" not in text
    session = from_toml(text, Path("old.toml"))
    assert session.live == Live()


def looking_back(deck: Deck) -> Session:
    """A returning team's session: last time's question and two steps, one already decided on."""
    session = make(deck)
    session.lookback.question = "  Hoe betrekken we ouders?  "
    session.lookback.question_date = dt.date(2026, 11, 16)
    origin = Origin(session="v1-abc", date=dt.date(2026, 10, 12), file="2026-10-12-geheim.toml")
    session.lookback.steps = [
        Review(what="Oudercafé", who="Bram", due=dt.date(2026, 12, 4), origin=origin),
        Review(what="Woordmuur", status=StepStatus.DONE, learned="Privé: Jan deed niet mee", origin=origin),
    ]
    return session


def test_the_room_sees_the_look_back_only_while_the_facilitator_is_in_it(deck) -> None:
    session = looking_back(deck)
    assert room_lookback(session) is None, "not in the look back: the room sees the card"
    session.live.lookback = True
    view = room_lookback(session)
    assert view is not None
    assert view.question == "Hoe betrekken we ouders?"
    assert view.steps == [RoomStep("Oudercafé", "Bram"), RoomStep("Woordmuur", "")]
    session.live.stage = "harvest"
    assert room_lookback(session) is None, "a look back left over never hides the harvest"


def test_the_room_sees_of_each_step_only_what_and_who(deck) -> None:
    session = looking_back(deck)
    session.live.lookback = True
    view = room_lookback(session)
    shown = repr(view)
    for private in ("Privé", "geheim", "v1-abc", "2026", "done"):
        assert private not in shown


def test_a_session_saved_before_the_look_back_was_followed_loads_without_it(deck) -> None:
    text = to_toml(make(deck))
    assert "\nlookback = false\n" in text
    session = from_toml(text.replace("\nlookback = false\n", "\n"), Path("old.toml"))
    assert session.live == Live() and not session.live.lookback
    assert room_lookback(session) is None


def test_a_new_card_starts_at_its_top(deck) -> None:
    session = make(deck)
    session.live.scroll = 0.7
    assert go_to(session, 1)
    assert session.live.scroll == 0.0


def test_the_deck_chooser_falls_back_to_the_built_in_deck(deck, tmp_path) -> None:
    session = make(deck)
    session.deck_path = str(tmp_path / "gone")
    assert DeckChooser()(session).info.id == deck.info.id


# --- file events -----------------------------------------------------------------------------


def _reported(watch: filewatch.Watch, folder: Path, change: callable) -> bool:  # type: ignore[valid-type]
    """Whether `watch` reports within 5 s after `change()` (ignoring the reports before it)."""
    stop, seen, started = threading.Event(), threading.Event(), threading.Event()

    def changed() -> None:
        if started.is_set():
            seen.set()

    thread = threading.Thread(target=watch, args=(folder, changed, stop), daemon=True)
    thread.start()
    try:
        stop.wait(0.3)  # the watcher is set up
        started.set()
        change()
        return seen.wait(5)
    finally:
        stop.set()
        thread.join(5)


def test_a_save_is_reported_by_the_file_watcher(deck, tmp_path) -> None:
    session = make(deck)
    heartbeat_far = lambda f, c, s: filewatch.watch(f, c, s, heartbeat=60)  # noqa: E731
    assert _reported(heartbeat_far, tmp_path, lambda: write(tmp_path / "a.toml", session))


def test_a_temporary_file_is_not_reported(tmp_path) -> None:
    assert not filewatch._relevant(None, str(tmp_path / ".a.toml.x1y2.tmp"))
    assert filewatch._relevant(None, str(tmp_path / "a.toml"))
    assert filewatch._relevant(None, str(tmp_path / ".a.toml.lock"))


def test_the_fallback_polls(tmp_path) -> None:
    poll = lambda f, c, s: filewatch.poll(f, c, s, every=0.05)  # noqa: E731
    assert _reported(poll, tmp_path, lambda: None)


def test_a_folder_made_later_is_watched_once_it_is_there(deck, tmp_path) -> None:
    folder = tmp_path / "sessions"
    session = make(deck)
    watch = lambda f, c, s: filewatch.watch(f, c, s, heartbeat=0.1)  # noqa: E731
    assert _reported(watch, folder, lambda: write(folder / "a.toml", session))


def test_two_quick_saves_of_the_same_size_are_both_seen(deck, tmp_path) -> None:
    path = tmp_path / "a.toml"
    session = make(deck)
    write(path, session)
    watcher = Locks().watcher(tmp_path, target=path)
    watcher.poll(T)
    size = path.stat().st_size
    session.live.position = 1
    write(path, session)
    assert path.stat().st_size == size
    assert watcher.poll(T + 0.001)
    assert watcher.session is not None and watcher.session.live.position == 1
