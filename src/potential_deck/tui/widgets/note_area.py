"""A note field that takes in clean text only: what is pasted loses its control characters.

`NoteArea` is a `TextArea` whose paste is cleaned by `core.text.clean.clean` (an escape
sequence, a C1 control or a bidi override in copied text never enters a note; newlines and
tabs stay; ``\\r\\n`` becomes ``\\n``), inserted in one piece where the cursor is, in order.

Why a pasted ``AB<ESC>[2JCD`` was saved as ``^[2JCDAB``: not this widget. Textual's terminal
parser (``textual/_xterm_parser.py``, ``XTermParser.parse``) reads an ESC inside a bracketed
paste as the start of an escape sequence; the characters after it are not added to the paste
buffer but, at the next ESC (the one of the paste's end marker ``ESC[201~``), sent as separate
key presses ("^" for the ESC, then ``[2JCD``), while ``AB`` waits in the buffer until the end
marker. So the keys arrive before the Paste event, and the field shows them first.
`tests/tui/test_paste.py` proves the widget keeps a paste in order, and shows the parser's
reordering in a real pseudo-terminal (marked xfail until Textual is fixed: inside a bracketed
paste, the parser should add everything up to ``ESC[201~`` to the paste). Most terminals
(kitty, Alacritty, WezTerm, Windows Terminal) remove ESC from pasted text themselves.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Offset
from textual.widgets import TextArea

from potential_deck.core.text.clean import clean, is_clean


class NoteArea(TextArea):
    """A TextArea for notes: a paste is cleaned of control characters before it goes in, and
    the whole field is drawn again when its width changes."""

    def scroll_cursor_visible(self, center: bool = False, animate: bool = False) -> Offset:
        """As TextArea's, except in the middle of an undo that shortened the text: TextArea then
        shows or hides its scrollbar, and scrolls to the cursor, before it puts the cursor back
        into the shorter text, and crashed on the line that is gone (Ctrl+Z after Enter below a
        wrapped line ended the app; Textual issue #6686). The undo puts the cursor right after,
        which scrolls to it then."""
        row, _ = self.cursor_location
        if row >= self.document.line_count:
            return Offset()
        return super().scroll_cursor_visible(center, animate)

    def on_resize(self) -> None:
        """Draw every line again: TextArea wraps its text anew for the new width but repaints
        only the cursor's line, so the other lines kept the old wrapping on the terminal (words
        missing or shown twice in a wrapped learning question, after the projector was plugged
        in) until something else redrew them."""
        self.refresh()

    async def on_paste(self, event: events.Paste) -> None:
        """Insert the pasted text without control characters (TextArea inserts it raw)."""
        if self.read_only or is_clean(event.text):
            return  # TextArea's own paste handling inserts it
        event.prevent_default()
        event.stop()
        result = self.replace(clean(event.text), *self.selection)
        self.move_cursor(result.end_location)
        self.focus()
