"""A date field the app fills in (today, an agreed date): a date typed over it replaces it.

A field never selects its text on focus (a Tab, then a stray key, must not destroy text), so
typing into a field that holds today's date used to add to it (`28/11/202615/09/2026`). A
`DateField` knows the date the app filled in: while it still holds that date, untouched, a digit
typed (or a date pasted) replaces it; once the user edited it, typing edits as in any field. A
letter typed into the untouched date is added to it as anywhere (nothing is lost to a stray key).
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class DateField(Input):
    """A one-line date field whose filled-in date gives way to the first digit typed."""

    def __init__(
        self,
        filled: str = "",
        *,
        value: str | None = None,
        placeholder: str = "",
        id: str | None = None,
    ) -> None:
        """`filled`: the date the app fills in; `value`: what the field holds instead (a date the
        user typed before), if any."""
        shown = filled if value is None else value
        super().__init__(shown, placeholder=placeholder, id=id, select_on_focus=False)
        self._filled = filled
        self._untouched = shown == filled

    @property
    def untouched(self) -> bool:
        """Whether the field still holds the date the app filled in, not edited since."""
        return self._untouched and self.value == self._filled

    def fill(self, date: str) -> None:
        """Fill in `date` for the user (an agreed date): typing a date replaces it again."""
        self._filled = date
        self._untouched = True
        self.value = date
        self.cursor_position = len(date)

    def on_key(self, event: events.Key) -> None:
        """A digit typed into the untouched date starts a new date (Input then inserts it)."""
        if event.character is not None and event.character.isdigit() and self.untouched:
            self._replace_filled()

    def on_paste(self, event: events.Paste) -> None:
        """A date pasted into the untouched date replaces it (Input then inserts it)."""
        if event.text.strip()[:1].isdigit() and self.untouched:
            self._replace_filled()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Any other change to the filled-in date is the user's edit: from now on typing edits."""
        if event.input is self and self.value != self._filled:
            self._untouched = False

    def _replace_filled(self) -> None:
        self._untouched = False
        self.value = ""
        self.cursor_position = 0
