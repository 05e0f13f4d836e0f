"""Every key lands: keys reach their place in the order they were typed, whatever loads in between.

Textual hands a key to whatever has focus when the key arrives, and runs a priority binding
(PageDown, F5, ...) at once — ahead of keys that still wait in a note field's queue. So a
screen that is still loading drops type-ahead, and "abc<PageDown>def" typed in one burst can put
"abc" on the next card. Three rules keep the facilitator's keys in order:

- **A loading screen holds early keys.** A `HoldsKeys` screen starts not ready and calls
  `keys_ready()` once its focus is where typing should go; until then the app keeps every key
  and paste, and hands them on in order afterwards (type-ahead at launch, after a screen change).
- **A command waits for the keys before it, and the keys after it wait for it.** A priority
  binding runs only after the focused widget (and each parent a key bubbles through) has
  handled every key that came earlier; another binding (a list's letter, which may open a
  dialog) is handed on at once, and the keys after it wait until it has run. Keys that come
  meanwhile are held, in order.
- **Anyone may pause the keys** for a moment (`hold_keys` / `release_keys`), e.g. a screen that
  sends a key on to another widget, so later keys cannot overtake it. Holds nest, and each
  holder releases only its own: keys go on when none is left.
- **A screen that any key closes** (`WakesOnKey`, the black screen) never gets keys in its own
  queue, where those after the first would go with it: the app holds them and hands the first
  to `wake`; the rest go, in order, to the screen that comes back.
- **Words typed right after Ctrl+P go into the palette's search**, held until it has opened
  (they went to the palette before its field had focus, and were lost).
- **Enter in the palette chooses from what was typed before it**: typed at once after the words,
  Enter chose the line highlighted before the palette had searched them ("collega", Enter went
  to the home screen, the first line of the empty search). Enter waits, at most
  `PALETTE_LIMIT`, for the search of what was typed before it.
- **A command chosen in the palette runs before the keys typed after it**: Textual runs it once
  the palette has handled the Enter over several messages and closed, so "Naar het beginscherm",
  Enter, ↓, Enter typed in one go sent ↓ and Enter into the closing palette, and the session just
  closed opened again. After Enter in the palette the keys wait until it closed and the chosen
  command has run (with what it awaits: the home screen listed afresh); if it stays open (Enter
  only picked a line), they go on into it after `PALETTE_LIMIT`.

Held keys are never thrown away: if a screen fails to say it is ready within `HOLD_LIMIT`
seconds, the keys go to whatever has focus then.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from contextlib import suppress
from typing import TYPE_CHECKING, TypeVar

from textual import events, on
from textual.app import App
from textual.command import CommandPalette
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.timer import Timer
from textual.worker import Worker, WorkerCancelled, WorkerFailed

if TYPE_CHECKING:
    from textual.binding import ActiveBinding

ReturnType = TypeVar("ReturnType")

HOLD_LIMIT = 2.0
"""Seconds keys may wait for a screen that does not say it is ready (a safety net for bugs)."""

Typed = events.Key | events.Paste


PALETTE_LIMIT = 0.3
"""Seconds keys typed after Enter in the command palette wait for it to close (it may not: an
Enter that only highlights a line); they then go on into the palette, in order."""

LANDING_LIMIT = 0.25
"""Seconds a screen waits for its type-ahead to land before it draws without it (`keys_landed`)."""


class KeysReady(Message):
    """A screen is ready: the keys held for it may go on."""


class _Landed(Message):
    """Set `landed` once the widget with focus has handled the keys handed to it so far."""

    def __init__(self, landed: asyncio.Event) -> None:
        super().__init__()
        self.landed = landed


class _Drained(Message):
    """The focused widget has handled every key before `event`: run it now."""

    def __init__(self, event: events.Key) -> None:
        super().__init__()
        self.event = event


class _PaletteEnter(Message):
    """The palette has had every key before `event` (Enter): choose once its search is done.
    `again`: the field's changes, which it posts while it takes those keys, have yet to reach the
    palette (another round through the field and the palette first)."""

    def __init__(self, event: events.Key, again: bool = True) -> None:
        super().__init__()
        self.event = event
        self.again = again


class _Handled(Message):
    """A key that ran a binding has gone all the way up: the keys after it may come."""


class HoldsKeys:
    """A screen that is not ready for keys until it says so (`keys_ready`); mix into a Screen."""

    takes_keys = False

    def keys_ready(self) -> None:
        """Focus is where typing should go: let the held keys come."""
        self.takes_keys = True
        assert isinstance(self, Screen)
        self.app.post_message(KeysReady())

    async def keys_landed(self) -> None:
        """Wait until the keys held for this screen are handled by the widget with focus (at most
        `LANDING_LIMIT` seconds). A screen awaits this in `on_mount`, after `keys_ready()`: its
        first frame then shows what was typed ahead, rather than a frame later.

        Only the focused widget is waited for: a key it passes up to the screen waits for the
        screen, which is busy awaiting this."""
        assert isinstance(self, Screen)
        landed = asyncio.Event()
        self.app.post_message(_Landed(landed))  # after KeysReady: the held keys are on their way
        with suppress(asyncio.TimeoutError):
            await asyncio.wait_for(landed.wait(), LANDING_LIMIT)


class WakesOnKey:
    """A screen any key closes; mix into a Screen. The app holds every key while it shows and
    calls `wake` with the first (a Key, or None for a paste, which stays held): `wake` closes the
    screen and calls `hold_keys`, and what comes back calls `release_keys`."""

    takes_keys = False

    def wake(self, key: events.Key | None) -> None:
        raise NotImplementedError


async def _ended(workers: list[Worker[object]]) -> None:
    """Until each of `workers` has ended: done, failed, or cancelled (a newer search)."""
    for worker in workers:
        with suppress(WorkerCancelled, WorkerFailed):
            await worker.wait()


class OrderedKeysApp(App[ReturnType]):
    """An App that delivers keys and pastes in the order they were typed (see the module)."""

    def __init__(self) -> None:
        super().__init__()
        self._held: list[Typed] = []
        self._paused = False
        """Keys wait for a binding that is running (it ends when the binding has run)."""
        self._kept = 0
        """Holds not yet released (`hold_keys`): keys wait while there is one."""
        self._command_running = False
        """Enter in the palette: its command has yet to run, keys wait for it (see the module)."""
        self._palette_limit: Timer | None = None
        self._watchdog: Timer | None = None

    # --- the public part ---------------------------------------------------------------

    def hold_keys(self) -> None:
        """Keep keys from now on until `release_keys` (they are delivered then, in order). Holds
        nest: keys go on once each hold is released; a binding that ran meanwhile ends none."""
        self._kept += 1

    def release_keys(self) -> None:
        """Release one hold; with none left, deliver the keys held (from the app's own queue, in
        order). A release with no hold does nothing more than let held keys go on."""
        self._kept = max(0, self._kept - 1)
        self._paused = False
        self.post_message(KeysReady())

    @property
    def keys_waiting(self) -> int:
        """How many keys and pastes are held right now."""
        return len(self._held)

    # --- how -----------------------------------------------------------------------------

    @property
    def _waiting(self) -> bool:
        """Keys are kept back now: a binding runs, a hold is on, or a palette command is to run."""
        return self._paused or self._kept > 0 or self._command_running

    @on(CommandPalette.Opened)
    def _palette_opened(self) -> None:
        """The palette is there, its search field focused: the keys typed for it go in."""
        self.post_message(KeysReady())

    def _palette_entered(self) -> None:
        """Enter in the command palette: keys wait until it closed and its command ran."""
        self._command_running = True
        if self._palette_limit is not None:
            self._palette_limit.stop()
        self._palette_limit = self.set_timer(PALETTE_LIMIT, self._command_ran)

    @on(CommandPalette.Closed)
    def _palette_closed(self, event: CommandPalette.Closed) -> None:
        """The palette closed: with a command chosen, the keys wait until it has run (Textual runs
        it from the app's queue after this message; `_command_ran` comes after it there)."""
        if self._palette_limit is not None:
            self._palette_limit.stop()
            self._palette_limit = None
        if event.option_selected:
            self._command_running = True
            self.call_later(self._command_ran)
        elif self._command_running:
            self._command_ran()

    def _command_ran(self) -> None:
        self._palette_limit = None
        self._command_running = False
        self.post_message(KeysReady())

    def _screen_takes_keys(self) -> bool:
        try:
            screen = self.screen
        except Exception:  # no screen yet: the app is starting
            return False
        if isinstance(screen, CommandPalette):  # its search field has focus once it opened
            return screen.focused is not None
        return bool(getattr(screen, "takes_keys", True))

    def _binding_of(self, event: events.Key, bindings: Mapping[str, ActiveBinding] | None = None) -> str:
        """'first' when `event` runs a priority binding (it would overtake keys in a queue),
        'then' when it runs another binding (keys after it must wait until it ran: it may open
        a dialog), '' when it is no command here. `bindings`: the screen's active bindings, when
        the caller has them already (working them out takes ~0.5 ms)."""
        active = (self.screen.active_bindings if bindings is None else bindings).get(event.key)
        if active is None or not active.enabled:
            return ""
        return "first" if active.binding.priority else "then"

    def _hold(self, event: Typed) -> None:
        self._held.append(event)
        if self._watchdog is None:
            self._watchdog = self.set_timer(HOLD_LIMIT, self._give_up_holding)
        self._wake_screen()

    def _wake_screen(self) -> None:
        """Keys wait for a screen any key closes: the first one closes it (see `WakesOnKey`)."""
        if self._waiting or not self._held:
            return
        try:
            screen = self.screen
        except Exception:  # no screen yet: the app is starting
            return
        if isinstance(screen, WakesOnKey):
            first = self._held[0]
            key = self._held.pop(0) if isinstance(first, events.Key) else None
            self._paused = True  # until what comes back releases them (the screen is closing)
            screen.call_later(screen.wake, key)

    def _give_up_holding(self) -> None:
        """A screen never said it was ready: deliver the keys to what has focus rather than lose them."""
        self._watchdog = None
        if self._held:
            self.log.warning(f"{len(self._held)} keys held for {HOLD_LIMIT} s; delivering them")
            self._paused = False
            self._kept = 0
            screen = self.screen
            if getattr(screen, "keeps_keys", False):
                return  # it holds them on purpose (a window too small): they go when it closes
            if not getattr(screen, "takes_keys", True):
                screen.takes_keys = True  # type: ignore[attr-defined]
            self.post_message(KeysReady())

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            if self._waiting or self._held or not self._screen_takes_keys():
                self._hold(event)
                return
            if isinstance(event, events.Key):
                await self._route(event)
                return
        await super().on_event(event)

    async def _route(self, event: events.Key, bindings: Mapping[str, ActiveBinding] | None = None) -> None:
        """Hand on one key, keeping the keys around it in order (see the module)."""
        kind = self._binding_of(event, bindings)
        if kind == "first":
            self._wait_then_run(event)
            return
        chain = self._chain()
        if kind == "then" and event.key == "enter" and isinstance(self.screen, CommandPalette):
            self._paused = True  # it waits for what was typed before it; the keys after it wait too
            self._after(chain, _PaletteEnter(event))
            return
        await super().on_event(event)
        if kind == "then":
            self._paused = True
            self._after(chain, _Handled())

    def _wait_then_run(self, event: events.Key) -> None:
        """Run `event` once every earlier key has been handled: by the focused widget, and by
        each parent it bubbled up to (a list's letters reach their bindings at the app)."""
        self._paused = True
        self._after(self._chain(), _Drained(event))

    def _chain(self) -> list[MessagePump]:
        """The focused widget and its parents up to the app: the way a key goes up."""
        focused = self.screen.focused
        return [*focused.ancestors_with_self] if focused is not None else [self.screen]

    def _after(self, chain: list[MessagePump], message: Message) -> None:
        """Post `message` to the app once each of `chain` has handled what it holds now."""
        while chain:
            node, chain = chain[0], chain[1:]
            if node is self:
                break
            if node.call_later(self._after, chain, message):
                return
        self.post_message(message)

    async def _on__drained(self, message: _Drained) -> None:
        self._paused = False
        await super().on_event(message.event)
        await self._deliver_held()

    async def _on__palette_enter(self, message: _PaletteEnter) -> None:
        """Enter in the palette, once it has had the keys before it and searched what they typed
        (a search still going is waited for, at most `PALETTE_LIMIT`)."""
        if message.again:
            self._after(self._chain(), _PaletteEnter(message.event, again=False))
            return
        palette = self.screen
        if isinstance(palette, CommandPalette):
            searching = [
                worker for worker in self.workers if worker.node is palette and not worker.is_finished
            ]
            if searching:
                with suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(_ended(searching), PALETTE_LIMIT)
        self._palette_entered()  # the keys after it wait for the command it chooses
        chain = self._chain()
        await super().on_event(message.event)
        self._after(chain, _Handled())

    async def _on__handled(self, _: _Handled) -> None:
        self._paused = False
        await self._deliver_held()

    async def _on_keys_ready(self, _: KeysReady) -> None:
        await self._deliver_held()

    def _on__landed(self, message: _Landed) -> None:
        focused = self.screen.focused
        if focused is None or not focused.call_later(message.landed.set):
            message.landed.set()

    async def _deliver_held(self) -> None:
        # The active bindings once for the keys held: a key that is text only goes into the
        # focused widget's queue, so focus and bindings stay as they are until one that runs a
        # binding, which pauses the delivery (a word typed at launch: one look, not one a key).
        bindings = None
        while self._held and not self._waiting and self._screen_takes_keys():
            event = self._held.pop(0)
            if isinstance(event, events.Key):
                if bindings is None:
                    bindings = self.screen.active_bindings
                await self._route(event, bindings)
            else:
                await super().on_event(event)
        if not self._held and self._watchdog is not None:
            self._watchdog.stop()
            self._watchdog = None
        self._wake_screen()
