"""A footer of key hints in the session's language, built from the screen's bindings."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from potential_deck.core.i18n import STRINGS, t
from potential_deck.core.vocab import Lang


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

    ESSENTIAL = frozenset({"next", "prev", "timer", "help", "quit", "back", "start", "new"})
    """Hints kept when the bar is too narrow for all; the others are dropped from the end."""

    def compose(self) -> ComposeResult:
        return iter(())

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._render_keys()

    def on_resize(self) -> None:
        self._render_keys()

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        self._render_keys()

    def watch_lang(self) -> None:
        self._render_keys()

    def _render_keys(self) -> None:
        if not self.is_mounted:
            return
        hints: list[tuple[str, str, str]] = []
        for active in self.screen.active_bindings.values():
            binding = active.binding
            key = f"key.{binding.id}"
            if binding.show and active.enabled and key in STRINGS and binding.id not in {h[0] for h in hints}:
                hints.append((binding.id or "", self.app.get_key_display(binding), t(self.lang, key)))
        width = self.size.width - 2 if self.size.width else 200
        while len(hints) > 1 and sum(len(k) + len(d) + 5 for _, k, d in hints) > width:
            optional = [i for i, hint in enumerate(hints) if hint[0] not in self.ESSENTIAL]
            hints.pop(optional[-1] if optional else -1)
        line = Text(no_wrap=True, overflow="ellipsis")
        for _, key_display, description in hints:
            if line:
                line.append("  ")
            line.append(f" {key_display} ", style="reverse bold")
            line.append(f" {description}")
        self.update(line)
