"""Lists and choices whose marks say chosen or not without colour: `▐X▌` chosen, `▐ ▌` not.

Textual's SelectionList draws the same `X` in every row's button and tells chosen from not
chosen by colour only, which a washed-out beamer or a black-and-white print loses. This list
blanks the `X` of a row that is not chosen, as the agenda picker of the new-session form does
(`widgets.agenda_list`), so the two read differently in black and white. A list with nothing
to choose can say so inside its box (`note`) instead of standing empty.
"""

from __future__ import annotations

from typing import TypeVar

from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.strip import Strip
from textual.widgets import RadioButton, SelectionList
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import Selection

Value = TypeVar("Value")


class MarkedSelectionList(SelectionList[Value]):
    """A SelectionList that shows `X` only in the rows that are chosen, and its `note` while it
    has no rows."""

    note: reactive[str] = reactive("")
    """Said in the list while it has no rows ('' says nothing)."""

    def render_line(self, y: int) -> Strip:
        if self.note and not self.option_count:
            return self._note_line(y)
        strip = super().render_line(y)
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if not isinstance(option, Selection) or len(segments) < 4 or option.value in self.selected:
            return strip
        left, inner, right = segments[:3]
        return Strip([left, Segment(" " * inner.cell_length, inner.style), right, *segments[3:]])

    def _note_line(self, y: int) -> Strip:
        """Line `y` of the note, wrapped to the list's width, in italics."""
        width = self.scrollable_content_region.width
        console = self.app.console
        lines = console.render_lines(
            Padding(Text(self.note, style=Style(italic=True)), (0, 1)),
            console.options.update_width(width),
            style=self.rich_style,
            pad=True,
        )
        if y >= len(lines):
            return Strip.blank(width, self.rich_style)
        return Strip(lines[y], width)


class MarkedRadioButton(RadioButton):
    """A RadioButton whose button is `▐●▌` when chosen and `▐ ▌` when not (Textual draws `●` in both
    and tells them apart by colour only)."""

    BUTTON_INNER = " "

    def on_mount(self) -> None:
        self._mark()

    def watch_value(self) -> None:
        super().watch_value()
        self._mark()

    def _mark(self) -> None:
        self.BUTTON_INNER = "●" if self.value else " "
        self.refresh()
