"""The status line that says when the session was last saved, or that saving failed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.widgets import Static

from potential_deck.core.choices import Lang
from potential_deck.core.text.i18n import t

if TYPE_CHECKING:
    from potential_deck.tui.autosave import Saved


class SaveStatus(Static):
    """'Opgeslagen 14:02:11', or why saving failed, in the error colour; and, once another
    program changed the file, where its version was kept (for the rest of the session)."""

    DEFAULT_CSS = """
    SaveStatus {
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }
    SaveStatus.-error {
        color: $error;
        text-style: bold;
    }
    """

    def __init__(self, content: str = "", *, id: str | None = None) -> None:
        super().__init__(content, id=id, markup=False)
        self.kept: Path | None = None

    def report(self, lang: Lang, result: Saved) -> None:
        """Show the outcome of a save."""
        if result.kept is not None:
            self.kept = result.kept
        if result.failed:
            self.update(t(lang, "save.failed", cause=t(lang, f"cause.{result.failed}")))
            self.add_class("-error")
            return
        if result.when:
            text = t(lang, "saved.at", time=result.when.strftime("%H:%M:%S"))
            if self.kept is not None:
                text += " · " + t(lang, "save.kept_beside", file=self.kept.name)
            # the same length as the time before (most saves): no new layout of the screen
            self.update(text, layout=len(text) != len(str(self.content)))
            self.remove_class("-error")
