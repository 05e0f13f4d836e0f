"""Joining from phones inside the facilitator's app (issue 17): the server on the app's loop.

`JoinService` runs the participants' web server (`join_web.JoinServer`) on the app's own
asyncio loop, so what phones send changes the open session between two keys, never at the
same moment; the screen on top saves it as it saves the facilitator's typing (the app stays
the only writer of the session file). It tells the screens through `changed_signal`.

While it runs, the session's `Live.join_url` and `join_code` say how to join, for the room's
screen (projection mode and the audience view). Closing the session, or stopping joining,
ends the code: the fields are emptied before the session's last save.
"""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, Protocol

from potential_deck.core.choices import GROWTH_FIELD

if TYPE_CHECKING:
    from pathlib import Path

    from textual.signal import Signal

    from potential_deck.core.choices import Lang
    from potential_deck.core.harvest.history import HarvestHistory
    from potential_deck.core.room.join import Open
    from potential_deck.core.session.models import Deck, Session
    from potential_deck.tui.autosave import Autosaver


class OpenSession(Protocol):
    """The screen of the session open in the app (its card screen), as joining uses it."""

    session: Session
    path: Path
    deck: Deck

    def save_now(self) -> None: ...

    def add_room_line(self, field: str, line: str) -> bool: ...

    def action_join_room(self) -> None: ...


class Saving(Protocol):
    """A screen on the open session that saves it (the one on top: the harvest over the cards)."""

    autosaver: Autosaver


class JoinHost(Protocol):
    """What joining needs of the app (`PotentialDeckApp` is one; this module never imports it)."""

    lang: Lang
    clock: Callable[[], float]
    room_changed_signal: Signal[str]

    def open_card_screen(self) -> OpenSession | None: ...

    def saving_screen(self) -> Saving | None: ...

    def harvest_history(self, path: Path, session: Session) -> HarvestHistory | None: ...


DEFAULT_PORT = 8765
"""The port joining from the palette tries first (then any free one)."""


class JoinPlan(NamedTuple):
    """Where to listen: a socket already listening, and the address phones open (no code)."""

    sock: socket.socket
    base_url: str
    network: bool
    """Whether other computers can reach it (not only this one)."""


def parse_join(value: str) -> tuple[str, int]:
    """`--join [HOST:]PORT` as (host, port); loopback when no host is given. ValueError if not."""
    host, _, port = value.strip().rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    number = int(port)
    if not 0 <= number < 65536:
        raise ValueError(port)
    return host, number


def plan(host: str, port: int) -> JoinPlan:
    """Listen on host:port now (OSError when it cannot) and say what address phones open."""
    from potential_deck.core.room.address import is_loopback, public_url

    sock = listen(host, port)
    port = int(sock.getsockname()[1])
    return JoinPlan(sock, public_url(host, port), not is_loopback(host))


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (OSError when the port is taken or the host unknown)."""
    infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        if hasattr(socket, "SO_REUSEADDR") and not hasattr(socket, "SO_EXCLUSIVEADDRUSE"):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # POSIX: a restart right away
        sock.bind(address)
        sock.listen(128)
        sock.setblocking(False)
    except OSError:
        sock.close()
        raise
    return sock


def plan_for_phones() -> JoinPlan:
    """Listen on every network address, on DEFAULT_PORT or else any free port (the palette)."""
    try:
        return plan("0.0.0.0", DEFAULT_PORT)
    except OSError:
        return plan("0.0.0.0", 0)


class JoinService:
    """The participants' server of one spell of joining, for the app's open session."""

    def __init__(self, app: JoinHost, join_plan: JoinPlan) -> None:
        self.app = app
        self.plan = join_plan
        self.changed_signal: Signal[str] = app.room_changed_signal
        """Published with 'item', 'note', 'dots', 'vote', 'hidden' or 'stopped'."""
        from potential_deck.core.room.join import JoinDesk  # the models and aiohttp: not at start-up
        from potential_deck.web.join_server import JoinServer

        self.desk = JoinDesk(self._opened, self.changed, self._add_note, clock=app.clock)
        self.server = JoinServer(self.desk, lambda: app.lang)
        self.running = False

    @property
    def url(self) -> str:
        """The address a phone opens, with the code (what the QR code holds)."""
        return f"{self.plan.base_url}/j/{self.desk.code}"

    @property
    def code(self) -> str:
        """The code as people read it."""
        from potential_deck.core.room.join import show_code

        return show_code(self.desk.code)

    async def start(self) -> None:
        """Serve (the socket listens already); the open session learns how to join."""
        await self.server.start(self.plan.sock)
        self.running = True
        self.announce()

    def announce(self) -> None:
        """Put how to join into the open session (for the room's screen) and save it."""
        screen = self.card_screen()
        if screen is None:
            return
        live = screen.session.live
        if (live.join_url, live.join_code) != (self.url, self.code):
            live.join_url, live.join_code = self.url, self.code
            screen.save_now()

    def end(self) -> None:
        """End the code now (the session closes, or joining stops): no phone gets in any more,
        and the open session forgets how to join (its next save says so)."""
        self.desk.close()
        self.running = False
        screen = self.card_screen()
        if screen is not None:
            live = screen.session.live
            live.join_url, live.join_code, live.join_shown = "", "", False
        with contextlib.suppress(Exception):
            self.changed_signal.publish("stopped")

    async def stop(self) -> None:
        """End the code and stop listening."""
        self.end()
        await self.server.stop()

    # --- the open session -----------------------------------------------------------------

    def card_screen(self) -> OpenSession | None:
        """The card screen of the open session (None while it loads, or once it closed)."""
        return self.app.open_card_screen()

    def _opened(self) -> Open | None:
        from potential_deck.core.deck.fields import field_label
        from potential_deck.core.room.join import Open

        screen = self.card_screen()
        if screen is None:
            return None
        session = screen.session
        field = session.live.shared_field
        shared = ""
        if field and field != GROWTH_FIELD and session.current_card is not None:
            card = screen.deck.card(session.current_card) if screen.deck.has(session.current_card) else None
            shared = field_label(card, field, session.language)
        return Open(session, screen.deck, shared)

    def changed(self, what: str) -> None:
        """The session changed (a phone, or the facilitator on the join screen): save, redraw.

        An item from a phone becomes part of the harvest's whole history (`took_in`): undoing
        the facilitator's steps never takes it away.
        """
        screen = self.card_screen()
        if what == "item" and screen is not None:
            history = self.app.harvest_history(screen.path, screen.session)
            if history is not None:
                history.took_in(screen.session)
        top = self.app.saving_screen()
        if top is not None:
            top.autosaver.touch()
        self.changed_signal.publish(what)

    def _add_note(self, field: str, line: str) -> bool:
        screen = self.card_screen()
        return screen is not None and screen.add_room_line(field, line)
