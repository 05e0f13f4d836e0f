"""How the room joins from phones: the address and the code on one line, and the QR code.

Shown at the bottom of what the room sees (projection mode, the audience view) while joining is
on; the QR code shows too while the facilitator shows it (`Live.join_shown`), as large as fits.
The code is drawn dark on light whatever the theme: phones read it that way.
"""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.widgets import Static

from potential_deck.core.choices import Lang
from potential_deck.core.room import qr
from potential_deck.core.text.i18n import t


class QRCode(Static):
    """A QR code in block characters (`core.room.qr`), dark on light."""

    DEFAULT_CSS = """
    QRCode {
        width: auto;
        height: auto;
        color: #000000;
        background: #ffffff;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.shown: tuple[str, qr.Size] | None = None

    def draw(self, text: str, size: qr.Size = qr.SMALL) -> None:
        """Draw the code for `text` (nothing is redrawn when it is already on show)."""
        if self.shown != (text, size):
            self.shown = (text, size)
            self.update("\n".join(qr.lines(text, size)))


def fitting_size(text: str, width: int, height: int) -> qr.Size | None:
    """The largest drawing of the code for `text` that fits width×height cells (None: none fits)."""
    for size in (qr.LARGE, qr.SMALL):
        columns, lines = qr.dimensions(text, size)
        if columns <= width and lines <= height:
            return size
    return None


class JoinBadge(Vertical):
    """The join line, and the QR code above it while the facilitator shows it to the room."""

    DEFAULT_CSS = """
    JoinBadge {
        dock: bottom;
        height: auto;
        align-horizontal: center;
        display: none;
    }
    JoinBadge.-on {
        display: block;
    }
    JoinBadge #join-title {
        width: 100%;
        text-align: center;
        text-style: bold;
        display: none;
    }
    JoinBadge #join-centre {
        display: none;
        height: auto;
        margin: 1 0;
    }
    JoinBadge.-shown #join-centre, JoinBadge.-shown #join-title {
        display: block;
    }
    JoinBadge #join-line {
        width: 100%;
        text-align: center;
        text-style: bold;
        background: $accent;
        color: $text;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._wanted: tuple[Lang, str, str, bool, tuple[int, int]] | None = None
        self._parts_ready = False

    def compose(self) -> ComposeResult:
        yield Static(id="join-title")
        with Center(id="join-centre"):
            yield QRCode(id="join-qr")
        yield Static(id="join-line")

    def on_mount(self) -> None:
        self._parts_ready = True
        if self._wanted is not None:  # asked for before its parts were there (just mounted)
            self.show(*self._wanted)

    def show(self, lang: Lang, url: str, code: str, shown: bool, room: tuple[int, int]) -> None:
        """Show how to join (`url` with `code`), or nothing when `url` is empty; the QR code too
        when `shown`, as large as fits in `room` (columns, lines)."""
        self._wanted = (lang, url, code, shown, room)
        if not self._parts_ready:
            return
        self.set_class(bool(url), "-on")
        if not url:
            return
        base = url.split("/j/", 1)[0]
        self.query_one("#join-line", Static).update(escape(t(lang, "join.room_line", url=base, code=code)))
        size = fitting_size(url, room[0], room[1] - 4) if shown else None
        self.set_class(size is not None, "-shown")
        if size is not None:
            self.query_one("#join-title", Static).update(escape(t(lang, "join.room_title")))
            self.query_one(QRCode).draw(url, size)
