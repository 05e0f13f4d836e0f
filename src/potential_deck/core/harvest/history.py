"""The harvest's history: every change can be undone and redone, step by step, many levels.

How it is kept: **snapshots of the harvest, not operations with their inverses.**

- *Correctness.* A snapshot restores exactly what was there: item order and indexes, the
  question's links, `removed`, `absorbed`, merged `parts`, steps, dates. Inverses would have
  to be written, and kept right, for every rule of `core.harvest.rules` (a merge moves indexes,
  links and texts; a sort permutes them; a strike-out adds to `removed` only what was not
  there yet) and for every rule added later; a snapshot needs nothing when a rule or a field
  is added (issue 14's step fields are snapshotted without a line here).
- *Simplicity.* The screen calls the rule, then `commit` with a word for what it did. If a
  commit is forgotten, the next one takes both changes as one step and `undo` still restores
  the state before them: nothing is lost, the description is only less precise.
- *Memory.* Each item and each step is kept as its JSON text; a snapshot is a tuple of those
  texts, and a text that did not change is the same object as in the snapshot before. A
  change to one item in a harvest of 60 costs one item's text and a 60-pointer tuple, about
  1 KB; 1,000 steps of a long meeting stay in the low megabytes (`LIMIT` caps the levels).

The core values the team gave strengths and challenges (`CardRecord.tags`, tagged at the
harvest) are part of a snapshot too, so undo takes a tag off as it takes an item's value off.
Notes typed on the cards are not: undo never changes a card's notes, and a tag restored for a
line that is no longer on its card is left out (a line reworded on its card lost its tag).

The time spent at the harvest (`Harvest.shown`) is not part of a snapshot: undo never turns
the clock back. Typing is not one step per key: commits of the same `group` (by default the
question, typed in its field; the screen groups the dots counted for one item) that follow
each other within `COALESCE_SECONDS` (a clock is injected) form one step. A new change after an undo
drops what could have been redone.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum

from potential_deck.core.harvest.struck import Notice
from potential_deck.core.session.models import Harvest, HarvestItem, LineTag, Session, Step
from potential_deck.core.session.notes import note_lines
from potential_deck.core.text.i18n import day, t

COALESCE_SECONDS = 4.0
"""Commits of one group closer together than this (each to the one before) are one step."""

LIMIT = 1000
"""The most steps kept; the oldest go first."""

SHORT = 40
"""The longest text a description quotes before it is cut with '…'."""

CHANGES: dict[str, str] = {
    "gathered": "items",
    "added": "items",
    "edited": "items",
    "merged": "items",
    "split": "items",
    "removed": "items",
    "restored": "items",
    "value": "items",
    "line_value": "items",
    "dots": "votes",
    "sorted": "votes",
    "dots_per_person": "votes",
    "question": "question",
    "linked": "question",
    "unlinked": "question",
    "step_added": "plan",
    "step_edited": "plan",
    "step_removed": "plan",
    "step_done": "plan",
    "step_open": "plan",
    "next_meeting": "plan",
    "changed": "items",
    "hidden": "items",
    "shown": "items",
}
"""Every kind of change `commit` knows (its words are `history.<change>`), with its harvest tab."""

TYPED: frozenset[str] = frozenset({"question"})
"""Changes made by typing in a field (the question; other texts are typed in a dialog that
commits once): their commits coalesce into one step unless a `group` says otherwise."""


@dataclass(frozen=True, slots=True)
class _State:
    """The harvest as JSON texts: one per item, one per step, one for the rest (not `shown`),
    and one for the core values given to lines of the cards' notes."""

    items: tuple[str, ...]
    steps: tuple[str, ...]
    rest: str
    tags: str

    def same_harvest(self, other: _State) -> bool:
        """Whether the harvest itself is the same (tags aside)."""
        return (self.items, self.steps, self.rest) == (other.items, other.steps, other.rest)


@dataclass(slots=True)
class _Entry:
    before: _State
    after: _State
    description: str
    change: str
    group: str | None
    at: float


@dataclass(frozen=True, slots=True)
class Moved:
    """What `undo` or `redo` did, for the screen: the status line, and where to look.

    `tab` is the harvest tab of the change; `item` and `step` the first item and step that
    differ from before (None when none does, or none is left), for the cursors; `line` the
    first line whose core value differs, as (card id, field, text).
    """

    message: str
    tab: str
    item: int | None
    step: int | None
    line: tuple[str, str, str] | None = None


class HarvestHistory:
    """The undo and redo steps of one session's harvest.

    Make it once the harvest holds what it starts with (after `harvest.start`); after every
    change call `commit(session, change, **values)`: `change` is a key of `CHANGES` and
    `values` fill its words (texts are cut to `SHORT`, a core value and a date are written
    out). `undo` and `redo` change `session.harvest` in place and say what they did.
    """

    def __init__(
        self,
        session: Session,
        *,
        clock: Callable[[], float] = time.monotonic,
        limit: int = LIMIT,
        coalesce: float = COALESCE_SECONDS,
    ) -> None:
        self._clock = clock
        self._limit = limit
        self._coalesce = coalesce
        self._undo: list[_Entry] = []
        self._redo: list[_Entry] = []
        self._current = _freeze(session, None)
        self._open = False
        """Whether the last step may still take the next commit of its group."""
        self.notice = Notice()
        """Which card lines left out as struck the facilitator was told of (`core.harvest.struck`):
        kept here because it lasts as the history does, while the session is open."""

    # --- what there is ------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        """Whether there is a step to undo."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """Whether there is an undone step to redo."""
        return bool(self._redo)

    @property
    def undo_description(self) -> str:
        """What `undo` would undo ('' when nothing), e.g. for a palette entry."""
        return self._undo[-1].description if self._undo else ""

    @property
    def redo_description(self) -> str:
        """What `redo` would redo ('' when nothing)."""
        return self._redo[-1].description if self._redo else ""

    def __len__(self) -> int:
        """The number of steps that can be undone."""
        return len(self._undo)

    # --- recording ----------------------------------------------------------------------

    def commit(self, session: Session, change: str, *, group: str | None = None, **values: object) -> bool:
        """Record the harvest as it is now as one step; whether it changed since the last one.

        `group`: commits of the same group within `COALESCE_SECONDS` of each other are one step
        (typed changes, `TYPED`, are grouped by their change unless told otherwise). A step
        whose changes cancel out (typed and typed back) goes away.
        """
        if change not in CHANGES:
            raise KeyError(change)
        if group is None and change in TYPED:
            group = change
        now = self._clock()
        state = _freeze(session, self._current)
        description = _describe(session, change, values)
        last = self._undo[-1] if self._undo else None
        if (
            last is not None
            and self._open
            and group is not None
            and last.group == group
            and now - last.at <= self._coalesce
        ):
            changed = state != self._current
            last.after, last.description, last.at = state, description, now
            self._current = state
            if last.after == last.before:
                self._undo.pop()
                self._open = False
            return changed
        if state == self._current:
            return False
        self._push(_Entry(self._current, state, description, change, group, now))
        self._current = state
        return True

    def took_in(self, session: Session, count: int = 1) -> None:
        """The last `count` items of the harvest came from participants' phones (issue 17), not
        from a step of the facilitator: they become part of every state, before and after each
        step, so that neither undo nor redo ever takes a participant's contribution away.

        Appended at the end of each state, they move no index a step recorded."""
        if count <= 0:
            return
        came = tuple(item.model_dump_json() for item in session.harvest.items[-count:])

        def with_them(state: _State) -> _State:
            return replace(state, items=(*state.items, *came))

        for entry in (*self._undo, *self._redo):
            entry.before, entry.after = with_them(entry.before), with_them(entry.after)
        self._current = with_them(self._current)

    def reset(self, session: Session) -> None:
        """Forget every step: the harvest as it is now is where undo stops."""
        self._undo.clear()
        self._redo.clear()
        self._current = _freeze(session, None)
        self._open = False

    # --- undo and redo ------------------------------------------------------------------

    def undo(self, session: Session) -> Moved | None:
        """Put the harvest back as it was before the last step; what was undone (None: nothing).

        A change that was never committed is undone first, as a step of its own.
        """
        self._catch_up(session)
        if not self._undo:
            return None
        entry = self._undo.pop()
        self._redo.append(entry)
        return self._move(session, entry.after, entry.before, entry, "history.undone")

    def redo(self, session: Session) -> Moved | None:
        """Do the last undone step again; what was redone (None: nothing)."""
        self._catch_up(session)
        if not self._redo:
            return None
        entry = self._redo.pop()
        self._undo.append(entry)
        return self._move(session, entry.before, entry.after, entry, "history.redone")

    # --- inside -------------------------------------------------------------------------

    def _push(self, entry: _Entry) -> None:
        self._undo.append(entry)
        del self._undo[: max(0, len(self._undo) - self._limit)]
        self._redo.clear()
        self._open = True

    def _catch_up(self, session: Session) -> None:
        """A change made without a commit becomes a step, so undo never drops it unseen.

        Tags that changed outside the harvest (a line reworded on its card loses its tag) are
        no step of the harvest: they are taken as they are.
        """
        state = _freeze(session, self._current)
        if state.same_harvest(self._current):
            self._current = state
        else:
            now = self._clock()
            self._push(_Entry(self._current, state, _describe(session, "changed", {}), "changed", None, now))
            self._current = state
        self._open = False

    def _move(self, session: Session, old: _State, new: _State, entry: _Entry, key: str) -> Moved:
        _restore(session, new)
        self._current = _freeze(session, new)
        self._open = False
        return Moved(
            t(session.language, key, what=entry.description),
            CHANGES[entry.change],
            _first_difference(old.items, new.items),
            _first_difference(old.steps, new.steps),
            _first_line(old.tags, new.tags),
        )


def _freeze(session: Session, previous: _State | None) -> _State:
    """A snapshot of the session's harvest and line tags, sharing the texts that did not change
    with `previous`."""
    harvest = session.harvest
    items = tuple(item.model_dump_json() for item in harvest.items)
    steps = tuple(step.model_dump_json() for step in harvest.steps)
    rest = harvest.model_dump_json(exclude={"items", "steps", "shown"})
    tags = json.dumps(
        {
            card_id: [tag.model_dump(mode="json") for tag in record.tags]
            for card_id, record in sorted(session.cards.items())
            if record.tags
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    if previous is not None:
        items = _share(items, previous.items)
        steps = _share(steps, previous.steps)
        rest = previous.rest if rest == previous.rest else rest
        tags = previous.tags if tags == previous.tags else tags
    return _State(items, steps, rest, tags)


def _share(texts: tuple[str, ...], previous: tuple[str, ...]) -> tuple[str, ...]:
    if texts == previous:
        return previous
    known = {text: text for text in previous}
    return tuple(known.get(text, text) for text in texts)


def _restore(session: Session, state: _State) -> None:
    """Set every part of the harvest but `shown`, and the line tags, from `state`, in place.

    A tag is restored only for a line its card still has (see the module).
    """
    harvest = session.harvest
    rest = Harvest.model_validate_json(state.rest)
    for name in Harvest.model_fields:
        if name not in {"items", "steps", "shown"}:
            setattr(harvest, name, getattr(rest, name))
    harvest.items = [HarvestItem.model_validate_json(text) for text in state.items]
    harvest.steps = [Step.model_validate_json(text) for text in state.steps]
    wanted = json.loads(state.tags)
    for card_id, record in session.cards.items():
        tags = [LineTag.model_validate(tag) for tag in wanted.get(card_id, [])]
        tags = [tag for tag in tags if tag.text in note_lines(record.fields.get(tag.field, ""))]
        if tags != record.tags:
            record.tags = tags


def _first_line(old: str, new: str) -> tuple[str, str, str] | None:
    """The first line (card id, field, text) whose core value differs between two snapshots."""
    if old is new or old == new:
        return None
    before, after = _tag_values(old), _tag_values(new)
    for line in sorted(before.keys() | after.keys()):
        if before.get(line) != after.get(line):
            return line
    return None


def _tag_values(tags: str) -> dict[tuple[str, str, str], str]:
    return {
        (card_id, tag["field"], tag["text"]): tag["value"]
        for card_id, found in json.loads(tags).items()
        for tag in found
    }


def _first_difference(old: tuple[str, ...], new: tuple[str, ...]) -> int | None:
    if not new:
        return None
    for index, (before, after) in enumerate(zip(old, new, strict=False)):
        if before is not after and before != after:
            return index
    if len(old) == len(new):
        return None
    return min(len(old), len(new) - 1)


def _describe(session: Session, change: str, values: dict[str, object]) -> str:
    lang = session.language
    shown = {name: _word(session, name, value) for name, value in values.items()}
    return t(lang, f"history.{change}", **shown)


def _word(session: Session, name: str, value: object) -> str:
    """A value as a description writes it: a text cut short, a core value, a date, or 'none'."""
    lang = session.language
    if value is None:
        return t(lang, "history.none")
    if isinstance(value, Enum):
        return t(lang, f"harvest.short.{value.value}")
    if isinstance(value, dt.date):
        return day(value)
    text = " ".join(str(value).split())
    return text if len(text) <= SHORT else text[: SHORT - 1].rstrip() + "…"
