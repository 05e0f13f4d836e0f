"""The harvest's history: every change undone and redone, many levels, typing as one step."""

from __future__ import annotations

import datetime as dt
import tracemalloc
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from potential_deck.core.harvest import rules as harvest
from potential_deck.core.harvest.history import CHANGES, SHORT, HarvestHistory, Moved
from potential_deck.core.room.contributions import set_hidden
from potential_deck.core.session.models import CoreValue, HarvestItem, Opportunity, Session
from potential_deck.core.session.notes import cycle_line_value, set_note, tag_line


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def tick(self, seconds: float) -> None:
        self.now += seconds


def state(session: Session) -> dict[str, Any]:
    """Everything undo restores: the harvest but its time on screen, and the lines' core values."""
    tags = {card_id: [tag.model_dump() for tag in record.tags] for card_id, record in session.cards.items()}
    return {"harvest": session.harvest.model_dump(exclude={"shown"}), "tags": tags}


def noted_session(session: Session) -> Session:
    """Four card opportunities, dots, a value, a link, two steps: a harvest under way."""
    session.record("begin").growth = [
        Opportunity(text="Thuistaal benutten"),
        Opportunity(text="Ouders betrekken"),
    ]
    session.record("praten").growth = [
        Opportunity(text="Samen lessen voorbereiden", value=CoreValue.WORKING_WITH_OTHERS)
    ]
    session.record("doen").growth = [Opportunity(text="Feedback van leerlingen vragen")]
    harvest.start(session)
    harvest.set_votes(session, 1, 2)
    harvest.set_links(session, [1, 3])
    harvest.add_step(session, "Ouderavond plannen", "Lies", dt.date(2026, 1, 15))
    harvest.add_step(session, "Boeken kiezen")
    session.harvest.question = "Hoe kunnen we ouders betrekken?"
    return session


@pytest.fixture
def noted(session: Session) -> Session:
    return noted_session(session)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def history(noted: Session, clock: Clock) -> HarvestHistory:
    return HarvestHistory(noted, clock=clock)


# --- every change, undone and redone ----------------------------------------------------------


def _nothing(s: Session) -> object:
    return None


def _gather(s: Session) -> object:
    s.record("doen").growth = [*s.record("doen").growth, Opportunity(text="Nieuw idee")]
    return harvest.start(s)


CHANGE: dict[str, tuple[Callable[[Session], object], Callable[[Session], object]]] = {
    # change: (what the harvest holds first, the change itself)
    "gathered": (_nothing, _gather),
    "added": (_nothing, lambda s: harvest.add_item(s, "Een eigen idee")),
    "edited": (_nothing, lambda s: harvest.edit_item(s, 0, "De thuistaal benutten")),
    "merged": (_nothing, lambda s: harvest.merge(s, source=0, target=2)),
    "split": (lambda s: harvest.merge(s, source=3, target=1), lambda s: harvest.split(s, 1)),
    "removed": (_nothing, lambda s: harvest.remove_item(s, 1)),
    "restored": (lambda s: harvest.remove_item(s, 1), lambda s: harvest.bring_back(s, "Ouders betrekken")),
    "value": (_nothing, lambda s: harvest.cycle_value(s, 2)),
    "line_value": (
        lambda s: set_note(s.record("doen"), "strengths", "geduld\nhumor"),
        lambda s: cycle_line_value(s.record("doen"), "strengths", "humor"),
    ),
    "dots": (_nothing, lambda s: harvest.add_dot(s, 0)),
    "sorted": (_nothing, harvest.sort_by_votes),
    "dots_per_person": (_nothing, lambda s: harvest.set_dots_per_person(s, 5)),
    "question": (_nothing, lambda s: harvest.set_question(s, "Hoe kunnen we\nouders écht betrekken?")),
    "linked": (_nothing, lambda s: harvest.toggle_link(s, 0)),
    "unlinked": (_nothing, lambda s: harvest.toggle_link(s, 1)),
    "step_added": (_nothing, lambda s: harvest.add_step(s, "Leesboeken kiezen", "Tom")),
    "step_edited": (_nothing, lambda s: harvest.update_step(s, 0, what="Ouderavond", who="", due="3/2/2026")),
    "step_removed": (_nothing, lambda s: harvest.remove_step(s, 0)),
    "step_done": (_nothing, lambda s: harvest.toggle_step(s, 1)),
    "step_open": (lambda s: harvest.toggle_step(s, 1), lambda s: harvest.toggle_step(s, 1)),
    "next_meeting": (_nothing, lambda s: harvest.set_next_meeting(s, dt.date(2026, 2, 1))),
    # issue 17: hidden from the room, shown again
    "hidden": (_nothing, lambda s: set_hidden(s, 0, True)),
    "shown": (lambda s: set_hidden(s, 0, True), lambda s: set_hidden(s, 0, False)),
}
WORDS = {
    "text": "Ouders betrekken",
    "into": "Thuistaal benutten",
    "value": CoreValue.VALUING_DIVERSITY,
    "votes": 3,
    "dots": 5,
    "what": "Ouderavond plannen",
    "date": dt.date(2026, 2, 1),
}


def test_every_change_the_history_knows_is_tested() -> None:
    assert set(CHANGE) == set(CHANGES) - {"changed"}


@pytest.mark.parametrize("change", CHANGE)
def test_every_change_is_undone_and_redone_exactly(session: Session, clock: Clock, change: str) -> None:
    noted = noted_session(session)
    first, make = CHANGE[change]
    first(noted)
    history = HarvestHistory(noted, clock=clock)
    before = state(noted)
    make(noted)
    after = state(noted)
    assert after != before
    assert history.commit(noted, change, **WORDS) is True
    undone = history.undo(noted)
    assert undone is not None and undone.tab == CHANGES[change]
    assert state(noted) == before
    assert history.redo(noted) is not None
    assert state(noted) == after


def test_undo_across_a_merge_restores_indexes_links_removed_and_absorbed(
    noted: Session, history: HarvestHistory
) -> None:
    harvest.remove_item(noted, 0)
    history.commit(noted, "removed", text="Thuistaal benutten")
    struck = state(noted)
    assert noted.harvest.removed == ["Thuistaal benutten"]
    harvest.merge(noted, source=2, target=0)  # Feedback into Ouders; links move along
    history.commit(noted, "merged", text="Feedback van leerlingen vragen", into="Ouders betrekken")
    harvest.edit_item(noted, 0, "Ouders en leerlingen betrekken")
    history.commit(noted, "edited", text="Ouders en leerlingen betrekken")
    assert noted.harvest.items[0].absorbed == ["Feedback van leerlingen vragen", "Ouders betrekken"]
    assert noted.harvest.question_items == [0]
    history.undo(noted)
    history.undo(noted)
    assert state(noted) == struck
    assert noted.harvest.question_items == [0, 2]
    history.undo(noted)
    assert noted.harvest.items[0].text == "Thuistaal benutten"
    assert (noted.harvest.removed, noted.harvest.question_items) == ([], [1, 3])


def test_a_new_change_after_an_undo_drops_what_could_be_redone(
    noted: Session, history: HarvestHistory
) -> None:
    harvest.add_dot(noted, 0)
    history.commit(noted, "dots", text="a", votes=1)
    harvest.add_dot(noted, 2)
    history.commit(noted, "dots", text="b", votes=1)
    history.undo(noted)
    assert history.can_redo
    harvest.cycle_value(noted, 0)
    history.commit(noted, "value", text="a", value=CoreValue.VALUING_DIVERSITY)
    assert not history.can_redo
    assert history.redo(noted) is None
    assert len(history) == 2


def test_nothing_to_undo_or_redo(noted: Session, history: HarvestHistory) -> None:
    assert (history.can_undo, history.can_redo) == (False, False)
    assert history.undo(noted) is None
    assert history.redo(noted) is None


def test_a_commit_without_a_change_is_no_step(noted: Session, history: HarvestHistory) -> None:
    assert history.commit(noted, "edited", text="x") is False
    assert not history.can_undo


def test_undo_never_turns_back_the_time_at_the_harvest(noted: Session, history: HarvestHistory) -> None:
    harvest.add_item(noted, "Eigen")
    history.commit(noted, "added", text="Eigen")
    noted.harvest.shown = 600.0
    history.undo(noted)
    assert noted.harvest.shown == 600.0
    history.redo(noted)
    assert noted.harvest.shown == 600.0


def test_a_change_never_committed_is_undone_first_not_lost(noted: Session, history: HarvestHistory) -> None:
    harvest.add_item(noted, "Eigen")
    history.commit(noted, "added", text="Eigen")
    harvest.set_votes(noted, 0, 5)  # the screen forgot to commit
    moved = history.undo(noted)
    assert moved is not None and moved.message == "Ongedaan gemaakt: wijzigingen aan de oogst"
    assert noted.harvest.items[0].votes == 0
    assert history.redo(noted) is not None
    assert noted.harvest.items[0].votes == 5


def test_the_oldest_steps_go_beyond_the_limit(noted: Session, clock: Clock) -> None:
    history = HarvestHistory(noted, clock=clock, limit=3)
    for votes in range(1, 6):
        harvest.set_votes(noted, 0, votes)
        history.commit(noted, "dots", text="x", votes=votes)
    assert len(history) == 3
    while history.undo(noted):
        pass
    assert noted.harvest.items[0].votes == 2


def test_an_unknown_change_is_refused(noted: Session, history: HarvestHistory) -> None:
    with pytest.raises(KeyError):
        history.commit(noted, "renamed")


# --- what the status line says, and where the screen looks ------------------------------------


def test_undo_and_redo_say_what_they_did_in_dutch(noted: Session, history: HarvestHistory) -> None:
    removed = harvest.remove_item(noted, 1)
    history.commit(noted, "removed", text=removed.text)
    assert history.undo_description == "„Ouders betrekken” geschrapt"
    undone = history.undo(noted)
    assert undone == Moved("Ongedaan gemaakt: „Ouders betrekken” geschrapt", "items", 1, None)
    redone = history.redo(noted)
    assert redone is not None and redone.message == "Opnieuw gedaan: „Ouders betrekken” geschrapt"


def test_undo_and_redo_say_what_they_did_in_english(noted: Session, history: HarvestHistory) -> None:
    noted.language = "en"
    harvest.set_value(noted, 0, CoreValue.SUPPORTING_ALL)
    history.commit(noted, "value", text=noted.harvest.items[0].text, value=CoreValue.SUPPORTING_ALL)
    undone = history.undo(noted)
    assert undone is not None
    assert undone.message == "Undone: core value of “Thuistaal benutten”: Supporting all learners"


def test_a_cleared_date_and_a_long_text_are_written_out(noted: Session, history: HarvestHistory) -> None:
    harvest.set_next_meeting(noted, dt.date(2026, 3, 1))
    history.commit(noted, "next_meeting", date=dt.date(2026, 3, 1))
    assert history.undo_description == "volgende bijeenkomst: 01/03/2026"
    history.reset(noted)
    harvest.set_next_meeting(noted, None)
    history.commit(noted, "next_meeting", date=None)
    assert history.undo_description == "volgende bijeenkomst: geen"
    long = "Een heel lange groeimogelijkheid die niet op de statusregel past, want zo lang"
    harvest.add_item(noted, long)
    history.commit(noted, "added", text=long)
    quoted = history.undo_description.split("„")[1].split("”")[0]
    assert len(quoted) == SHORT and quoted.endswith("…")


def test_the_step_undone_is_where_the_screen_looks(noted: Session, history: HarvestHistory) -> None:
    harvest.remove_step(noted, 1)
    history.commit(noted, "step_removed", what="Boeken kiezen")
    assert history.undo(noted) == Moved("Ongedaan gemaakt: stap „Boeken kiezen” verwijderd", "plan", None, 1)


# --- the core values of strengths and challenges ----------------------------------------------


def _tagged(noted: Session) -> HarvestHistory:
    set_note(noted.record("doen"), "strengths", "geduld\nhumor")
    return HarvestHistory(noted)


def test_a_lines_core_value_is_undone_and_the_screen_looks_at_that_line(noted: Session) -> None:
    history = _tagged(noted)
    tag_line(noted.record("doen"), "strengths", "humor", CoreValue.VALUING_DIVERSITY)
    history.commit(noted, "line_value", text="humor", value=CoreValue.VALUING_DIVERSITY)
    moved = history.undo(noted)
    assert moved == Moved(
        "Ongedaan gemaakt: kernwaarde van „humor”: Diversiteit waarderen",
        "items",
        None,
        None,
        ("doen", "strengths", "humor"),
    )
    assert noted.record("doen").tags == []
    history.redo(noted)
    assert [(tag.text, tag.value) for tag in noted.record("doen").tags] == [
        ("humor", CoreValue.VALUING_DIVERSITY)
    ]


def test_undo_gives_no_tag_back_to_a_line_reworded_on_its_card(noted: Session) -> None:
    history = _tagged(noted)
    tag_line(noted.record("doen"), "strengths", "humor", CoreValue.VALUING_DIVERSITY)
    history.commit(noted, "line_value", text="humor", value=CoreValue.VALUING_DIVERSITY)
    harvest.add_item(noted, "Een eigen idee")
    history.commit(noted, "added", text="Een eigen idee")
    set_note(noted.record("doen"), "strengths", "geduld\nveel humor")  # on the card: the tag goes
    history.undo(noted)
    history.redo(noted)
    assert noted.record("doen").tags == [], "no tag for a line that is not there"


def test_a_tag_lost_on_a_card_is_no_step_of_the_harvest(noted: Session) -> None:
    history = _tagged(noted)
    tag_line(noted.record("doen"), "strengths", "humor", CoreValue.VALUING_DIVERSITY)
    history.commit(noted, "line_value", text="humor", value=CoreValue.VALUING_DIVERSITY)
    set_note(noted.record("doen"), "strengths", "geduld")
    assert history.undo(noted) is not None
    assert len(history) == 0, "undo took the tag off; no step 'changes to the harvest' came first"


# --- typing is one step -----------------------------------------------------------------------


def _type(session: Session, history: HarvestHistory, clock: Clock, text: str, gap: float = 0.3) -> None:
    for end in range(1, len(text) + 1):
        clock.tick(gap)
        harvest.set_question(session, text[:end])
        history.commit(session, "question")


def test_typing_the_question_is_one_step(noted: Session, history: HarvestHistory, clock: Clock) -> None:
    noted.harvest.question = ""
    history.reset(noted)
    _type(noted, history, clock, "Hoe kunnen we\nouders betrekken?")
    assert len(history) == 1
    history.undo(noted)
    assert noted.harvest.question == ""
    history.redo(noted)
    assert noted.harvest.question == "Hoe kunnen we\nouders betrekken?"


def test_a_pause_in_typing_starts_a_new_step(noted: Session, history: HarvestHistory, clock: Clock) -> None:
    noted.harvest.question = ""
    history.reset(noted)
    _type(noted, history, clock, "Hoe kunnen we")
    clock.tick(10)
    _type(noted, history, clock, "Hoe kunnen we ouders")
    assert len(history) == 2
    history.undo(noted)
    assert noted.harvest.question == "Hoe kunnen we"


def test_another_change_between_keystrokes_starts_a_new_step(
    noted: Session, history: HarvestHistory, clock: Clock
) -> None:
    _type(noted, history, clock, "Hoe?")
    harvest.toggle_link(noted, 0)
    history.commit(noted, "linked", text="x")
    _type(noted, history, clock, "Hoe kunnen we?")
    assert len(history) == 3


def test_typing_after_an_undo_is_a_new_step(noted: Session, history: HarvestHistory, clock: Clock) -> None:
    _type(noted, history, clock, "Hoe?")
    history.undo(noted)
    _type(noted, history, clock, "Wat?")
    assert len(history) == 1
    history.undo(noted)
    assert noted.harvest.question == "Hoe kunnen we ouders betrekken?"


def test_typing_back_what_was_there_leaves_no_step(
    noted: Session, history: HarvestHistory, clock: Clock
) -> None:
    original = noted.harvest.question
    _type(noted, history, clock, original + "!")
    _type(noted, history, clock, original)
    assert len(history) == 0


def test_dots_pressed_in_a_row_can_be_one_step(noted: Session, history: HarvestHistory, clock: Clock) -> None:
    for _ in range(3):
        clock.tick(0.5)
        votes = harvest.add_dot(noted, 0)
        history.commit(noted, "dots", group="dots:0", text="x", votes=votes)
    assert len(history) == 1
    assert history.undo_description == "stippen van „x”: 3"
    history.undo(noted)
    assert noted.harvest.items[0].votes == 0


# --- long sequences ---------------------------------------------------------------------------

OPS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "add",
                "edit",
                "merge",
                "split",
                "remove",
                "value",
                "dot",
                "sort",
                "per_person",
                "question",
                "link",
                "step_add",
                "step_edit",
                "step_remove",
                "step_done",
                "meeting",
            ]
        ),
        st.integers(0, 30),
        st.integers(0, 30),
        st.floats(0, 8),
    ),
    max_size=40,
)
VALUES = [None, *CoreValue]


def _apply(s: Session, op: str, a: int, b: int) -> str | None:
    """One change of the harvest, chosen by `op` (indexes taken modulo the lists); its change key."""
    items, steps = s.harvest.items, s.harvest.steps
    if op == "add":
        harvest.add_item(s, f"idee {a}", VALUES[b % 5])
        return "added"
    if op == "step_add":
        harvest.add_step(s, f"stap {a}", f"wie {b}")
        return "step_added"
    if op == "per_person":
        harvest.set_dots_per_person(s, 1 + a % 20)
        return "dots_per_person"
    if op == "question":
        harvest.set_question(s, f"Hoe kunnen we {a}?\nen {b}")
        return "question"
    if op == "meeting":
        harvest.set_next_meeting(s, None if a % 3 == 0 else dt.date(2026, 1 + a % 12, 1 + b % 28))
        return "next_meeting"
    if op == "sort":
        harvest.sort_by_votes(s)
        return "sorted"
    if op.startswith("step"):
        if not steps:
            return None
        index = a % len(steps)
        if op == "step_edit":
            harvest.update_step(s, index, what=f"stap {b}", who="", due=f"{1 + b % 28}/3/2026")
        elif op == "step_remove":
            harvest.remove_step(s, index)
        else:
            harvest.toggle_step(s, index)
        return op.replace("step_edit", "step_edited").replace("step_remove", "step_removed")
    if not items:
        return None
    index = a % len(items)
    if op == "edit":
        harvest.edit_item(s, index, f"herschreven {b}")
        return "edited"
    if op == "merge":
        harvest.merge(s, index, b % len(items), value=VALUES[(a + b) % 5])
        return "merged"
    if op == "split":
        if not harvest.can_split(items[index]):
            return None
        harvest.split(s, index)
        return "split"
    if op == "remove":
        harvest.remove_item(s, index)
        return "removed"
    if op == "value":
        harvest.cycle_value(s, index)
        return "value"
    if op == "dot":
        harvest.add_dot(s, index, 1 if b % 3 else -1)
        return "dots"
    harvest.toggle_link(s, index)
    return "linked"


PROPERTY = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@PROPERTY
@given(ops=OPS)
def test_undo_all_returns_to_the_start_and_redo_all_to_the_end(
    session: Session, ops: list[tuple[str, int, int, float]]
) -> None:
    s = noted_session(session.model_copy(deep=True))
    clock = Clock()
    history = HarvestHistory(s, clock=clock)
    start = state(s)
    for op, a, b, gap in ops:
        clock.tick(gap)
        change = _apply(s, op, a, b)
        if change:
            history.commit(s, change, **WORDS)
    end = state(s)
    steps = len(history)
    undone = 0
    while history.undo(s):
        undone += 1
    assert undone == steps
    assert state(s) == start
    while history.redo(s):
        pass
    assert state(s) == end


@PROPERTY
@given(ops=OPS)
def test_every_step_undone_is_the_state_before_it(
    session: Session, ops: list[tuple[str, int, int, float]]
) -> None:
    s = noted_session(session.model_copy(deep=True))
    clock = Clock()
    history = HarvestHistory(s, clock=clock)
    seen = [state(s)]
    for op, a, b, _ in ops:
        clock.tick(10)  # no two changes close enough to be one step
        change = _apply(s, op, a, b)
        if change and history.commit(s, change, **WORDS):
            seen.append(state(s))
    for expected in reversed(seen[:-1]):
        assert history.undo(s) is not None
        assert state(s) == expected
    for expected in seen[1:]:
        assert history.redo(s) is not None
        assert state(s) == expected


# --- memory -----------------------------------------------------------------------------------


def test_a_long_meeting_keeps_the_history_small(session: Session, clock: Clock) -> None:
    """Items that did not change are shared between steps: 300 dots on a 60-item harvest.

    Kept whole, each step would cost the whole harvest (about 18 KB here, over 5 MB in all).
    """
    session.harvest.items = [
        HarvestItem(
            text=f"Groeimogelijkheid {i}: " + "een zin van een zekere lengte " * 4,
            cards=["begin"],
            absorbed=[f"eerste versie {i}"],
        )
        for i in range(60)
    ]
    history = HarvestHistory(session, clock=clock)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for n in range(300):
            harvest.add_dot(session, n % 60)
            history.commit(session, "dots", text="x", votes=1)
        used = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(history) == 300
    assert used < 1_500_000, f"{used} bytes for 300 steps"
