"""The status line that says when the session was last saved, or that saving failed."""

from __future__ import annotations

from datetime import datetime

from rich.markup import escape
from textual.widgets import Static

from potential_deck.core.i18n import t
from potential_deck.core.vocab import Lang


class SaveStatus(Static):
    """'Opgeslagen 14:02:11', or the error in the error colour."""

    def report(self, lang: Lang, when: datetime | None, error: str | None) -> None:
        """Show the outcome of a save."""
        if error:
            self.update(t(lang, "saved.failed", error=escape(error)))
            self.add_class("-error")
        elif when:
            self.update(t(lang, "saved.at", time=when.strftime("%H:%M:%S")))
            self.remove_class("-error")
