"""A footer of key hints in the session's language, built from the screen's bindings."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from potential_deck.core.i18n import STRINGS, t
from potential_deck.core.models import Lang


class KeyBar(Static):
    """Shows `key Description` for each shown binding that has an id with a `key.<id>` text."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    lang: reactive[Lang] = reactive("nl")

    def compose(self) -> ComposeResult:
        return iter(())

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._render_keys()

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        self._render_keys()

    def watch_lang(self) -> None:
        self._render_keys()

    def _render_keys(self) -> None:
        if not self.is_mounted:
            return
        line = Text(no_wrap=True, overflow="ellipsis")
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or not binding.id or binding.id in seen or not active.enabled:
                continue
            key = f"key.{binding.id}"
            if key not in STRINGS:
                continue
            seen.add(binding.id)
            if line:
                line.append("  ")
            line.append(f" {self.app.get_key_display(binding)} ", style="reverse bold")
            line.append(f" {t(self.lang, key)}")
        self.update(line)
