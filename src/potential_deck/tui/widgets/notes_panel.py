"""The note fields of a card: free notes, the fields the card asks for, growth opportunities."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static, TextArea

from potential_deck.core.session.limits import MAX_NOTE_CHARS
from potential_deck.core.text.i18n import t
from potential_deck.tui.language import language_of
from potential_deck.tui.widgets import changed_only
from potential_deck.tui.widgets.note_area import NoteArea

Field = tuple[str, str, str | None]
"""A note field as the panel shows it: (field id, label, colour name or None)."""

COLOURS = ("blue", "red", "orange", "green", "yellow", "purple")
"""The colour classes a field can take (`-colour-blue`, ...), as the deck's `FieldColour`."""


class NoteField(NoteArea):
    """One note field: soft-wrapped, Tab moves on to the next field, pastes cleaned."""

    def __init__(self, field: str, text: str = "", label: str = "", colour: str | None = None) -> None:
        super().__init__(text, id=f"note-{field}", classes="note", soft_wrap=True, tab_behavior="focus")
        self.field = field
        self.show_line_numbers = False
        self.dress(label, colour)

    def dress(self, label: str, colour: str | None) -> None:
        """The field's title, and its colour (a class, `-colour-NAME`)."""
        changed_only.set_border_title(self, label)
        for name in COLOURS:
            self.set_class(name == colour, f"-colour-{name}")


class NotesPanel(VerticalScroll):
    """The note fields of the card on show; posts `Changed` as the user types.

    Fields are made the first time a card asks for them and kept (hidden when a card does not
    ask for them), so moving between cards never rebuilds what is already there.
    """

    DEFAULT_CSS = """
    NotesPanel {
        height: 1fr;
    }
    NotesPanel TextArea {
        height: 6;
        border: round $foreground 40%;
        border-title-color: $foreground;
        border-title-style: bold;
    }
    NotesPanel TextArea:focus { border: round $primary; }
    /* fields a card colours (the BRUG card: blue, orange, green) */
    NotesPanel TextArea.-colour-blue { border: round #1d4ed8; }
    NotesPanel TextArea.-colour-red { border: round #b91c1c; }
    NotesPanel TextArea.-colour-orange { border: round #c2410c; }
    NotesPanel TextArea.-colour-green { border: round #047857; }
    NotesPanel TextArea.-colour-yellow { border: round #a16207; }
    NotesPanel TextArea.-colour-purple { border: round #6d28d9; }
    NotesPanel TextArea.-colour-blue:focus, NotesPanel TextArea.-colour-red:focus,
    NotesPanel TextArea.-colour-orange:focus, NotesPanel TextArea.-colour-green:focus,
    NotesPanel TextArea.-colour-yellow:focus, NotesPanel TextArea.-colour-purple:focus {
        border: heavy $primary;
    }
    .notes-aside {
        height: auto;
        padding: 0 1;
        margin-bottom: 1;
        color: $foreground 80%;
        background: $surface;
    }
    """

    @dataclass
    class Changed(Message):
        """A note field of `card` was edited."""

        panel: NotesPanel
        card: str
        field: str

        @property
        def control(self) -> NotesPanel:
            return self.panel

    def __init__(self, fields: Sequence[Field] = (), *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=False)
        self._initial = tuple(fields)
        self.card = ""
        """The card whose notes the fields hold."""
        self._shown: tuple[str, ...] = ()
        self._areas: dict[str, NoteField] = {}
        self._lengths: dict[str, int] = {}
        """Characters in each field after its last change (to tell a paste past the limit)."""

    def compose(self) -> ComposeResult:
        for field, label, colour in self._initial:
            self._areas[field] = NoteField(field, label=label, colour=colour)
            yield self._areas[field]

    def show(
        self,
        card: str,
        fields: Sequence[Field],
        texts: Mapping[str, str],
        *,
        beside: str = "",
        handover: str = "",
    ) -> None:
        """Fill the fields of `card` with `texts`: `fields` in order, every other field hidden.

        `beside` is an earlier card's notes to keep in view (read only), `handover` a line that
        says where the card's work goes on (the harvest); empty: not shown.
        """
        self.card = card
        for name, text in (("notes-handover", handover), ("notes-beside", beside)):
            aside = next(self.query(f"#{name}").results(Static), None)
            if aside is None and text:  # made when first needed: most cards have neither
                aside = Static(id=name, classes="notes-aside", markup=False)
                self.mount(aside, before=0)
            if aside is not None:
                aside.update(text)
                aside.display = bool(text)
        wanted = [field for field, _, _ in fields]
        previous: NoteField | None = None
        for field, label, colour in fields:
            text = texts.get(field, "")
            area = self._area_or_none(field)
            if area is None:
                self._lengths[field] = len(text)
                area = self._areas[field] = NoteField(field, text, label, colour)
                area.move_cursor(area.document.end)
                if previous is not None:
                    self.mount(area, after=previous)
                elif asides := [child for child in self.children if child.has_class("notes-aside")]:
                    self.mount(area, after=asides[-1])
                elif self.children:
                    self.mount(area, before=0)
                else:
                    self.mount(area)
            else:
                if self._shown != tuple(wanted):
                    if previous is not None:
                        self.move_child(area, after=previous)
                    elif self._first_area() is not area:
                        self.move_child(area, before=self._first_area())
                area.display = True
                area.dress(label, colour)
                self._lengths[field] = len(text)
                if area.text != text:
                    with area.prevent(TextArea.Changed):
                        area.load_text(text)
                    area.move_cursor(area.document.end)  # typing goes on where the text ends
            previous = area
        for area in self._areas.values():
            if area.field not in wanted:
                area.display = False
        self._shown = tuple(wanted)
        self.scroll_home(animate=False)

    def _area_or_none(self, field: str) -> NoteField | None:
        return self._areas.get(field)

    def _first_area(self) -> NoteField:
        return next(child for child in self.children if isinstance(child, NoteField))

    def area(self, field: str) -> NoteField:
        """The field `field` (it must be one the panel made)."""
        area = self._area_or_none(field)
        if area is None:
            raise KeyError(field)
        return area

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields on show, in order."""
        return self._shown

    def texts(self) -> dict[str, str]:
        """The text of every field on show."""
        return {field: self.area(field).text for field in self._shown}

    def focused_field(self) -> str | None:
        """The field that has focus, if any."""
        focused = self.screen.focused
        if isinstance(focused, NoteField) and focused.parent is self:
            return focused.field
        return None

    @on(TextArea.Changed, ".note")
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        area = event.text_area
        if isinstance(area, NoteField) and self._within_limit(area):
            self.post_message(self.Changed(self, self.card, area.field))

    def _within_limit(self, area: NoteField) -> bool:
        """False (and the edit undone, and said) for a paste that takes a field past MAX_NOTE_CHARS.

        A paste is one undo step, so undoing removes exactly the paste; typing is never undone.
        """
        size = len(area.text)
        before, self._lengths[area.field] = self._lengths.get(area.field, size), size
        if size <= MAX_NOTE_CHARS or size - before <= 1:
            return True
        area.undo()
        lang = language_of(self.screen, "nl")
        limit = f"{MAX_NOTE_CHARS:,}".replace(",", "." if lang == "nl" else ",")
        self.notify(t(lang, "note.too_long", limit=limit), severity="warning", timeout=10)
        return False
