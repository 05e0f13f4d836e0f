"""The note fields of a card: free notes, the fields of its kind, growth opportunities."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import TextArea

from potential_deck.core.i18n import t
from potential_deck.core.limits import MAX_NOTE_CHARS
from potential_deck.core.notes import note_text
from potential_deck.core.vocab import ALL_FIELDS, FIELDS, Kind, Lang

if TYPE_CHECKING:
    from potential_deck.core.models import CardRecord

ORDER = ("free", *ALL_FIELDS, "growth")


class NotesPanel(VerticalScroll):
    """All note fields, showing those that fit the card; posts `Changed` as the user types."""

    @dataclass
    class Changed(Message):
        """A note field was edited."""

        panel: NotesPanel
        field: str
        text: str

        @property
        def control(self) -> NotesPanel:
            return self.panel

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=False)
        self.lang: Lang = "nl"
        self._lengths: dict[str, int] = {}
        """Characters in each field as last accepted (to tell a paste past the limit)."""

    def compose(self) -> ComposeResult:
        for field in ORDER:
            area = TextArea(id=f"note-{field}", classes="note", soft_wrap=True, tab_behavior="focus")
            area.show_line_numbers = False
            yield area

    def show(self, kind: Kind, record: CardRecord, lang: Lang) -> None:
        """Fill the fields from `record`, showing those of `kind`, labelled in `lang`."""
        visible = {"free", "growth", *FIELDS[kind]}
        self.lang = lang
        for field in ORDER:
            area = self.query_one(f"#note-{field}", TextArea)
            area.display = field in visible
            area.border_title = t(lang, f"field.{field}")
            text = note_text(record, field)
            if area.text != text:
                with area.prevent(TextArea.Changed):
                    area.load_text(text)
            self._lengths[field] = len(text)
        self.scroll_home(animate=False)

    def field_text(self, field: str) -> str:
        """The text in one field."""
        return self.query_one(f"#note-{field}", TextArea).text

    def focused_field(self) -> str | None:
        """The field that has focus, if any."""
        focused = self.screen.focused
        if isinstance(focused, TextArea) and focused.parent is self and focused.id:
            return focused.id.removeprefix("note-")
        return None

    @on(TextArea.Changed, ".note")
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        area = event.text_area
        if not area.id:
            return
        field = area.id.removeprefix("note-")
        text = area.text
        if len(text) > MAX_NOTE_CHARS and len(text) - self._lengths.get(field, 0) > 1:
            area.undo()  # a paste past the limit (a paste is one undo step); typing is never undone
            limit = f"{MAX_NOTE_CHARS:,}".replace(",", "." if self.lang == "nl" else ",")
            self.notify(t(self.lang, "note.too_long", limit=limit), severity="warning", timeout=10)
            return
        self._lengths[field] = len(text)
        self.post_message(self.Changed(self, field, text))
