"""The preview of an anonymised export: every replacement in its context, to confirm or skip.

Above the export's text, a list shows each name the anonymiser found (`core.report.anonymize.
occurrences`): the words around it, what it becomes, and whether it is replaced. `Enter` or
`Space` on a line switches it; the text below follows at once, and Save writes exactly that
text. A name that is also an ordinary word ("roos in de klas") is listed switched off.
A session without a list of participants says so above the list.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option

from potential_deck.core.report.anonymize import Occurrence
from potential_deck.core.session.models import Lang
from potential_deck.core.text.i18n import t
from potential_deck.tui.screens.export_preview import Exportable, ExportPreview


class ReplacementList(OptionList):
    """One line per replacement; Enter or Space switches the highlighted one on or off."""

    DEFAULT_CSS = """
    ReplacementList { height: auto; max-height: 9; margin: 0 0 1 0; }
    """
    BINDINGS = [Binding("space", "select", "On/off", show=False)]

    @dataclass
    class Toggled(Message):
        """A replacement was switched on or off."""

        replacements: ReplacementList
        key: str
        on: bool

        @property
        def control(self) -> ReplacementList:
            return self.replacements

    def __init__(self, found: list[Occurrence], lang: Lang) -> None:
        self.found = found
        self.lang = lang
        self.on = {item.key: item.replace for item in found}
        super().__init__(*(self.option_for(item) for item in found), id="export-replacements")

    def option_for(self, item: Occurrence) -> Option:
        mark = "[x]" if self.on[item.key] else "[ ]"
        line = Text(f"{mark} {item.label} ← …{item.before}")
        line.append(item.found, style="bold reverse")
        line.append(f"{item.after}…")
        if item.word:
            line.append(f"  ({t(self.lang, 'export.review.word')})", style="italic")
        return Option(line, id=item.key)

    @on(OptionList.OptionSelected)
    def switch_replacement(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        item = self.found[index]
        self.on[item.key] = not self.on[item.key]
        self.replace_option_prompt_at_index(index, self.option_for(item).prompt)
        self.post_message(self.Toggled(self, item.key, self.on[item.key]))

    def summary_line(self) -> str:
        """How many replacements are switched on, and how to switch them."""
        if not self.found:
            return t(self.lang, "export.review.none")
        return t(self.lang, "export.review.title", on=sum(self.on.values()), count=len(self.found))


class AnonymizedPreview(ExportPreview):
    """An anonymised export's preview with its replacements listed above the text."""

    def __init__(self, screen: Exportable, fmt: str) -> None:
        from potential_deck.core.report.anonymize import occurrences
        from potential_deck.core.report.export import export_path
        from potential_deck.core.report.view import names_elsewhere
        from potential_deck.core.year.trajectory import year_until

        self.source = screen
        self.fmt = fmt
        # The team's year, as `potential-deck export --anonymize` adds it (TOML is the session file).
        self.year = year_until(screen.session, screen.path) if fmt != "toml" else None
        # The names of the team's other sessions are replaced too, numbered as the export numbers them.
        self.found = occurrences(screen.session, names_elsewhere(screen.session, self.year))
        self.names_known = bool(screen.session.participants)
        text, readable = self.rendered_export({})
        super().__init__(
            text,
            export_path(screen.path, fmt, anonymize=True, lang=screen.lang),
            screen.lang,
            readable=readable,
        )

    def rendered_export(self, choices: dict[str, bool]) -> tuple[str, str | None]:
        from potential_deck.core.report import export

        text = export.render(
            self.source.session, self.source.deck, self.fmt, anonymize=True, choices=choices, year=self.year
        )
        if self.fmt != "html":
            return text, None
        from potential_deck.core.report.html_text import html_text

        return text, html_text(text)

    def on_mount(self) -> None:
        box = self.query_one("#export-box")
        replacements = ReplacementList(self.found, self.lang)
        heading = Static(replacements.summary_line(), id="export-replacements-title", markup=False)
        widgets = [heading, replacements]
        if not self.names_known:
            widgets.insert(
                0,
                Static(
                    t(self.lang, "export.review.no_names"),
                    id="export-no-names",
                    classes="-error",
                    markup=False,
                ),
            )
        box.mount_all(widgets, before="#export-text")
        if self.found:  # after ExportPreview's own on_mount, which focuses Save
            self.call_after_refresh(replacements.focus)

    @on(ReplacementList.Toggled)
    def follow_choices(self, event: ReplacementList.Toggled) -> None:
        event.stop()
        self.text, self.readable = self.rendered_export(dict(event.replacements.on))
        shown = self.text if self.readable is None else self.readable
        self.query_one("#export-text", TextArea).load_text(shown)
        self.query_one("#export-replacements-title", Static).update(event.replacements.summary_line())


def open_anonymized(screen: Exportable, fmt: str) -> None:
    """Show the anonymised export's preview with its replacements (after saving the session)."""
    screen.save_now()
    assert isinstance(screen, Screen)
    screen.app.push_screen(AnonymizedPreview(screen, fmt))
