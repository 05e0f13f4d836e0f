"""What the room sees of the facilitator's live session: which session, and what of it.

`SessionWatcher` decides which session the audience view follows and reads it whenever the
file changed. Without a file named, it takes the session that a facilitator's app holds open
now (its OS lock, `core.session.lock`); with several open, the room chooses (`choices`, `choose`); it
never moves to another session on its own. While no facilitator's app holds the session (it
let it go, or nobody had it open when the view started), `ended` is true and nothing of it is
shown as live; `not_open_yet` tells a meeting that has not started here (no app held it since the
view started, and it is not finished) from one that ended. A file that is being replaced, missing
or half-written never costs the last good state.

The rest are the rules for what of a session the room may see: the one shared note field,
the look back while the facilitator is in it, the harvest in the order of its dots.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from potential_deck.core.errors import UserError
from potential_deck.core.session import lock
from potential_deck.core.session.store import SessionFileError, SessionStore, from_toml, read

if TYPE_CHECKING:
    from potential_deck.core.deck.fields import NoteField
    from potential_deck.core.session.models import Card, CardRecord, Deck, HarvestItem, Session, Step

HARVEST_STEPS = ("items", "votes", "question", "plan", "overview")
"""The harvest's steps as the facilitator's screen names them (`Live.harvest_step`)."""


class Choice(NamedTuple):
    """A session a facilitator holds open, as the room may see it: team, date, since when."""

    path: Path
    team: str
    date: dt.date
    since: str
    """The time it was opened, HH:MM ('' when unknown)."""


class SessionWatcher:
    """Follows one session: `target`, or the one a facilitator's app holds open in `folder`.

    `poll(wall)` looks once and says whether anything the room sees changed. `session` is the
    last good state, read at wall-clock `good_at`; `problem` is `missing` or `unreadable`
    while the file cannot be used. `choices` lists the open sessions while the room must
    choose one (`choose`); `ended` is true while no facilitator's app holds the session open
    (closed, or not open when the view started: never shown as live), false again once one does.
    """

    def __init__(
        self,
        folder: Path,
        target: Path | None = None,
        *,
        holder: Callable[[Path], lock.Owner | None] = lock.holder,
        open_sessions: Callable[[Path], list[tuple[Path, lock.Owner]]] = lock.open_sessions,
    ) -> None:
        self.store = SessionStore(folder)
        self.target = target
        self.path: Path | None = target
        self.session: Session | None = None
        self.good_at: float | None = None
        self.problem: str | None = None
        self.choices: list[Choice] = []
        self.ended = False
        self._held_seen = False
        """An app held the session open at some look since the view started."""
        self._holder = holder
        self._open_sessions = open_sessions
        self._seen: bytes | None = None
        self._seen_good = False

    @property
    def folder(self) -> Path:
        """The sessions folder looked at (the named file's own folder when there is one)."""
        return self.target.parent if self.target is not None else self.store.folder

    def choose(self, path: Path) -> None:
        """Follow `path` from now on (the room's choice among `choices`)."""
        self.path = path
        self.choices = []

    def poll(self, wall: float) -> bool:
        """Look once; whether the session, the problem, the choices or the ending changed."""
        changed = False
        if self.path is None:
            changed = self._pick()
            if self.path is None:
                return changed
        changed = self._check_ended() or changed
        try:
            seen = self.path.read_bytes()  # a few KB: compared whole, a quick second save is never missed
        except OSError:
            return self._set_problem("missing" if self.session is not None else None) or changed
        if seen == self._seen:  # back after a moment away, as it was
            return self._set_problem(None if self._seen_good else "unreadable") or changed
        self._seen, self._seen_good = seen, False
        try:
            session = from_toml(seen.decode("utf-8"), self.path)
        except (SessionFileError, UnicodeDecodeError):
            return self._set_problem("unreadable") or changed
        self._seen_good = True
        self.session, self.good_at, self.problem = session, wall, None
        return True

    def _pick(self) -> bool:
        """No session chosen yet: the only one open is taken; several are offered."""
        choices = []
        for path, owner in self._open_sessions(self.store.folder):
            try:
                session = read(path)
            except SessionFileError:
                continue
            choices.append(Choice(path, session.team, session.date, owner.since[11:16]))
        if len(choices) == 1:
            self.choose(choices[0].path)
            return True
        choices.sort(key=lambda c: (c.team.casefold(), c.date, c.path.name))
        if choices == self.choices:
            return False
        self.choices = choices
        return True

    @property
    def not_open_yet(self) -> bool:
        """No app holds the session, none did since the view started, and it is not finished: the
        room waits for the facilitator to open it (rather than being told the meeting ended)."""
        session = self.session
        return self.ended and not self._held_seen and (session is None or session.live.stage != "done")

    def _check_ended(self) -> bool:
        """Whether `ended` changed: it is true while no app holds the session open."""
        assert self.path is not None
        ended = self._holder(self.path) is None
        self._held_seen = self._held_seen or not ended
        if ended == self.ended:
            return False
        self.ended = ended
        return True

    def _set_problem(self, problem: str | None) -> bool:
        changed = problem != self.problem
        self.problem = problem
        return changed


class DeckChooser:
    """The deck for a session as the room's view needs it: the rule of `core.deck.for_session`
    (--deck, else the session's own deck, else the built-in one), each deck loaded once. A
    --deck that stops loading while the room watches gives way to the rest of the rule."""

    def __init__(self, override: Path | None = None) -> None:
        self.override = override
        self._decks: dict[Path, Deck] = {}

    def __call__(self, session: Session) -> Deck:
        from potential_deck.core.deck.for_session import session_deck

        try:
            return session_deck(session, override=self.override, load=self._load).deck
        except UserError:
            return session_deck(session, load=self._load).deck

    def _load(self, path: Path) -> Deck:
        from potential_deck.core.deck import load as decks

        if path not in self._decks:
            self._decks[path] = decks.load(path)
        return self._decks[path]


# --- what of a session the room sees ----------------------------------------------------------


def shared_field(session: Session, card: Card | None, record: CardRecord | None) -> NoteField | None:
    """The note field the facilitator shares with the room on the current card (None: none).

    Only a field of that card (`core.deck.fields.note_fields`) is ever shown.
    """
    from potential_deck.core.deck.fields import note_fields

    fields = {field.id: field for field in note_fields(card, record)}
    return fields.get(session.live.shared_field)


class RoomStep(NamedTuple):
    """A step looked back on, as the room sees it: what, and who."""

    what: str
    who: str


class RoomLookBack(NamedTuple):
    """The look back as the room sees it: last time's question and the steps still open."""

    question: str
    steps: list[RoomStep]


def room_lookback(session: Session) -> RoomLookBack | None:
    """The look back for the room while the facilitator's screen shows it (None: it does not).

    Only over the cards (`Live.lookback`, stage `cards`), and of each step only what and who:
    never what the team learned, the decisions' dates, the sessions or files it came from.
    """
    live = session.live
    if not live.lookback or live.stage != "cards":
        return None
    back = session.lookback
    steps = [RoomStep(review.what.strip(), review.who.strip()) for review in back.steps]
    return RoomLookBack(back.question.strip(), steps)


class RoomHarvest(NamedTuple):
    """The harvest as the room sees it: the opportunities by dots, the question, the plan."""

    items: list[HarvestItem]
    question: str
    steps: list[Step]
    next_meeting: dt.date | None


def room_harvest(session: Session) -> RoomHarvest:
    """The harvest for the room: opportunities with most dots first (equal dots keep their order).

    Dots are those entered by hand plus those placed from phones (`contributions.total`, set
    as each item's `votes` here); an item the facilitator hid is never among them.
    """
    from potential_deck.core.room.contributions import as_shown
    from potential_deck.core.session.notes import harvest_list

    shown, _ = as_shown(session, harvest_list(session))
    items = sorted(shown, key=lambda item: -item.votes)
    harvest = session.harvest
    return RoomHarvest(items, harvest.question.strip(), list(harvest.steps), harvest.next_meeting)


def harvest_step(session: Session) -> str:
    """The harvest step on the facilitator's screen ('items' when not known)."""
    step = session.live.harvest_step
    return step if step in HARVEST_STEPS else "items"
