"""The card timer in big digits, coloured by its state."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Digits, Static

from potential_deck.core.choices import Lang
from potential_deck.core.text.i18n import t

STATES = ("idle", "running", "last", "over")


class TimerFace(Vertical):
    """Shows a timer face (`face`) and its state (`state`); it keeps no time itself."""

    DEFAULT_CLASSES = "-idle"
    """The class of the first state, from the start: added on mount it would style the face twice.
    (`classes=` replaces it; `on_mount` still sets the class of the state either way.)"""

    DEFAULT_CSS = """
    TimerFace {
        height: auto;
        align-horizontal: center;
        padding: 0 1;
    }
    #timer-digits {
        width: 100%;
        text-align: center;
        text-style: bold;
    }
    #timer-state {
        width: 100%;
        text-align: center;
        color: $text-muted;
    }
    TimerFace.-last #timer-digits { color: $timer-last; }
    TimerFace.-over #timer-digits, TimerFace.-over #timer-state { color: $timer-over; }
    """

    face: reactive[str] = reactive("0:00", init=False)
    state: reactive[str] = reactive("idle", init=False)
    lang: reactive[Lang] = reactive("nl", init=False)

    def compose(self) -> ComposeResult:
        yield Digits(self.face, id="timer-digits")
        yield Static(id="timer-state")

    def on_mount(self) -> None:
        self.watch_state(self.state)

    def watch_face(self, face: str) -> None:
        self.query_one(Digits).update(face)

    def watch_state(self, state: str) -> None:
        for name in STATES:
            self.set_class(state == name, f"-{name}")
        self._label()

    def watch_lang(self) -> None:
        self._label()

    def _label(self) -> None:
        key = {
            "idle": "timer.paused",
            "running": "timer.running",
            "last": "timer.running",
            "over": "timer.over",
        }[self.state]
        self.query_one("#timer-state", Static).update(t(self.lang, key))
