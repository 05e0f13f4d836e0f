"""One spell of joining from phones (issue 17): the code, who joined, and the limits.

`JoinDesk` is what the participants' web server (`potential_deck.web.join_server`) asks. It lives in
the facilitator's app, on the app's own event loop, and changes the app's open session only
through the rules of `core.room.contributions`; the app saves as it saves every change.

- **The code** is random for each spell (eight digits, about 10⁸ choices), and ends when the
  facilitator stops joining or closes the session (`close`): every request after that, or
  without a participant's token, gets nothing. Wrong codes are limited per address and in all.
- **A participant** is a random token (in the page's address, and in a cookie so that the same
  phone coming back keeps its dots); their dots are kept under a hash of it (`voter_key`).
  A name is only what they type, kept in memory for the next contribution; a contribution sent
  anonymously carries no name and no token.
- **Limits**, each with its message on the phone: text length (`contributions.MAX_TEXT`), the
  contributions per participant per minute, changes per participant per minute, how many
  participants, and (in the server) the size of a request.

Time comes from an injected clock, so tests never wait.
"""

from __future__ import annotations

import secrets
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from potential_deck.core.room import contributions
from potential_deck.core.room.contributions import Refused

if TYPE_CHECKING:
    from potential_deck.core.session.models import Deck, Lang, Session

CODE_DIGITS = 8
PER_MINUTE = 6
"""Contributions (items and notes) one participant can send in a minute."""
CHANGES_PER_MINUTE = 120
"""Changes (dots, contributions) one participant can make in a minute."""
MAX_PARTICIPANTS = 200
WRONG_CODES_PER_ADDRESS = 10
"""Wrong codes one address may try in a minute."""
WRONG_CODES = 100
"""Wrong codes all addresses together may try in a minute (the code then waits a minute)."""
MINUTE = 60.0
KEEP_SENT = 5
"""How many of a participant's own contributions their page lists (from memory)."""


def new_code() -> str:
    """A fresh random join code of CODE_DIGITS digits."""
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def show_code(code: str) -> str:
    """The code as people read it: '1234 5678'."""
    half = len(code) // 2
    return f"{code[:half]} {code[half:]}"


def typed_code(text: str) -> str:
    """What a person typed as the code, digits only ('1234 5678', '1234-5678')."""
    return "".join(ch for ch in text if ch.isdigit())[: CODE_DIGITS * 2]


@dataclass
class Participant:
    """A phone that joined: its token (secret), voter key, the name it last gave, what it sent."""

    token: str
    voter: str
    name: str = ""
    sent: deque[float] = field(default_factory=deque)
    changes: deque[float] = field(default_factory=deque)
    texts: deque[str] = field(default_factory=lambda: deque(maxlen=KEEP_SENT))


class VoteItem(NamedTuple):
    """An item a phone can place dots on: its id, its text, the phone's own dots on it."""

    id: str
    text: str
    mine: int


class PhoneView(NamedTuple):
    """What one participant's page shows: nothing the room's screen does not show anyway."""

    lang: Lang
    team: str
    title: str
    questions: tuple[str, ...]
    shared: str
    """The label of the note field the facilitator shares ('' when none): phones may add to it."""
    vote_open: bool
    items: tuple[VoteItem, ...]
    budget: int
    left: int
    name: str
    sent: tuple[str, ...]
    version: str
    """Changes when anything on the page would: the page reloads itself (with JavaScript)."""


class Window:
    """Counts events in the last minute (a sliding window on the injected clock)."""

    def __init__(self, limit: int, clock: Callable[[], float]) -> None:
        self.limit = limit
        self.clock = clock
        self.times: deque[float] = deque()

    def full(self) -> bool:
        """Whether `limit` events happened in the last minute (old ones forgotten)."""
        return _full(self.times, self.limit, self.clock())

    def add(self) -> None:
        self.times.append(self.clock())


def _full(times: deque[float], limit: int, now: float) -> bool:
    while times and now - times[0] >= MINUTE:
        times.popleft()
    return len(times) >= limit


class Open(NamedTuple):
    """The open session as the desk sees it: the session, its deck, and the shared field's label."""

    session: Session
    deck: Deck | None
    shared: str


class JoinDesk:
    """One spell of joining for the facilitator's open session (see the module).

    `opened()` gives the session now open (None while it loads or after it closed);
    `changed(what)` tells the app that the session changed ('item', 'note' or 'dots'), so it
    saves and redraws; `add_note(field, line)` adds a line to the shared field the way the
    facilitator's screen does (False when it cannot).
    """

    def __init__(
        self,
        opened: Callable[[], Open | None],
        changed: Callable[[str], None],
        add_note: Callable[[str, str], bool],
        *,
        clock: Callable[[], float] = time.monotonic,
        code: str | None = None,
    ) -> None:
        self.opened = opened
        self.changed = changed
        self.add_note = add_note
        self.clock = clock
        self.code = code or new_code()
        self.is_open = True
        self.participants: dict[str, Participant] = {}
        self.contributions = 0
        """Items and notes received in this spell."""
        self._wrong: dict[str, deque[float]] = {}
        self._wrong_all = Window(WRONG_CODES, clock)

    # --- joining ------------------------------------------------------------------------

    def check_code(self, typed: str, address: str) -> None:
        """Refused unless `typed` is the code (wrong codes are limited per address and in all)."""
        if not self.is_open:
            raise Refused("closed", 410)
        tries = self._wrong.setdefault(address, deque())
        if _full(tries, WRONG_CODES_PER_ADDRESS, self.clock()) or self._wrong_all.full():
            raise Refused("too_many_codes", 429)
        if not secrets.compare_digest(typed_code(typed).encode(), self.code.encode()):
            tries.append(self.clock())
            self._wrong_all.add()
            raise Refused("wrong_code", 403)

    def join(self, typed: str, address: str, token: str | None = None) -> Participant:
        """A participant for a phone that gave the right code; the same one for a phone that
        was here before (its `token`, from its cookie). Refused otherwise."""
        self.check_code(typed, address)
        if token is not None:
            known = self.participants.get(token)
            if known is not None:
                return known
            opened = self.opened()
            voter = contributions.voter_key(token)
            if opened is not None and voter in opened.session.room.dots and _token_ok(token):
                return self._add(Participant(token, voter))  # its dots from before the app restarted
        if len(self.participants) >= MAX_PARTICIPANTS:
            raise Refused("full", 429)
        token = secrets.token_urlsafe(18)
        return self._add(Participant(token, contributions.voter_key(token)))

    def _add(self, participant: Participant) -> Participant:
        self.participants[participant.token] = participant
        return participant

    def participant(self, token: str) -> Participant:
        """The participant with `token`; Refused when there is none (or joining has ended)."""
        if not self.is_open:
            raise Refused("closed", 410)
        found = self.participants.get(token)
        if found is None:
            raise Refused("unknown", 403)
        return found

    def close(self) -> None:
        """End this spell: the code and every participant's token stop working."""
        self.is_open = False
        self.participants.clear()

    # --- what participants do -----------------------------------------------------------

    def _session(self) -> Open:
        opened = self.opened()
        if opened is None:
            raise Refused("not_ready", 503)
        return opened

    def _change(self, participant: Participant, sending: bool) -> None:
        now = self.clock()
        if _full(participant.changes, CHANGES_PER_MINUTE, now):
            raise Refused("too_fast", 429)
        if sending and _full(participant.sent, PER_MINUTE, now):
            raise Refused("too_many", 429)
        participant.changes.append(now)
        if sending:
            participant.sent.append(now)

    def contribute(self, participant: Participant, text: str, name: str, anonymous: bool) -> None:
        """A growth opportunity from a phone, into the harvest list (`contributions.contribute`)."""
        opened = self._session()
        contributions.one_line(text, contributions.MAX_TEXT)  # refused before it counts
        by = "" if anonymous else contributions.name_given(name)
        self._change(participant, sending=True)
        item = contributions.contribute(opened.session, text, by)
        self._sent(participant, name, item.text)
        self.changed("item")

    def note(self, participant: Participant, text: str, name: str, anonymous: bool) -> None:
        """A line for the note field the facilitator shares; Refused when none is shared now."""
        opened = self._session()
        if not opened.shared:
            raise Refused("not_shared", 409)
        line = contributions.room_line(text, "" if anonymous else name)
        self._change(participant, sending=True)
        if not self.add_note(opened.session.live.shared_field, line):
            raise Refused("not_shared", 409)
        self._sent(participant, name, contributions.one_line(text, contributions.MAX_TEXT))
        self.changed("note")

    def _sent(self, participant: Participant, name: str, text: str) -> None:
        participant.name = contributions.name_given(name)
        participant.texts.append(text)
        self.contributions += 1

    def dot(self, participant: Participant, item_id: str, delta: int) -> None:
        """One dot more or fewer on an item (`contributions.place_dot`)."""
        opened = self._session()
        self._change(participant, sending=False)
        contributions.place_dot(opened.session, participant.voter, item_id, 1 if delta > 0 else -1)
        self.changed("dots")

    # --- what a phone sees --------------------------------------------------------------

    def view(self, participant: Participant) -> PhoneView | None:
        """What `participant`'s page shows now (None while the session loads)."""
        opened = self.opened()
        if opened is None:
            return None
        session, deck = opened.session, opened.deck
        lang = session.language
        title = ""
        questions: tuple[str, ...] = ()
        card_id = session.current_card
        if card_id is not None and deck is not None and deck.has(card_id):
            words = deck.card(card_id).text(lang)
            title, questions = words.title, tuple(words.questions)
        vote_open = session.room.vote_open and session.live.stage != "cards"
        items: tuple[VoteItem, ...] = ()
        if vote_open:
            items = tuple(
                VoteItem(item.id, item.text, contributions.phone_dots(session, item, participant.voter))
                for item in contributions.for_room(session.harvest.items)
            )
        budget = session.harvest.dots_per_person
        left = contributions.left(session, participant.voter)
        shared = opened.shared if card_id is not None else ""
        version = "|".join(
            [
                lang,
                card_id or session.live.stage,
                shared,
                str(vote_open),
                str(budget),
                str(left),
                *(f"{item.id}:{item.mine}:{item.text}" for item in items),
            ]
        )
        return PhoneView(
            lang,
            session.team,
            title,
            questions,
            shared,
            vote_open,
            items,
            budget,
            left,
            participant.name,
            tuple(participant.texts),
            _digest(version),
        )


def _token_ok(token: str) -> bool:
    """Whether a token from a cookie looks like one we made (URL-safe text, the right length)."""
    return 20 <= len(token) <= 40 and all(ch.isalnum() or ch in "-_" for ch in token)


def _digest(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:12]
