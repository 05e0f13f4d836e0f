"""A footer of key hints in the session's language, built from the screen's declared commands.

It shows, for what the keyboard does now (`AppScreen.where`), each command that acts there:
the key that acts there (Ctrl+T while typing, t while steering) and its word from `tui.keys`.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from potential_deck.core.choices import Lang
from potential_deck.tui.keys import LETTERS_SUFFIX, Command, Where


class KeyBar(Static):
    """Shows `key word` for each command the screen can run right now."""

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

    ESSENTIAL = frozenset(
        {
            "next",
            "prev",
            "timer",
            "help",
            "quit",
            "next_step",
            "prev_step",
            "start",
            "new",
            "undo",
            "leave_field",
            "leave",  # the card screen's Esc: how to leave the notes and steer (the mode switch)
            "lang",  # the home screen's language switch
        }
    )
    """Hints kept when the bar is too narrow for all (the bar draws them closer together first);
    the others are dropped from the end. At 80 columns every one of a screen fits, in both
    languages (`tests/tui/test_keys.py`)."""

    LAYOUTS: tuple[tuple[int, int], ...] = ((1, 2), (1, 1), (0, 2), (0, 1))
    """How close the hints can stand, roomiest first: (spaces either side of a key, spaces
    between two hints)."""

    def compose(self) -> ComposeResult:
        return iter(())

    def on_mount(self) -> None:
        self._pending = False
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._soon()

    def on_resize(self) -> None:
        self._soon()

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        self._soon()

    def watch_lang(self) -> None:
        self._soon()

    def _soon(self) -> None:
        """Redraw once before the next frame, however many changes come before it."""
        if not getattr(self, "_pending", False):
            self._pending = True
            self.call_after_refresh(self._render_keys)

    def hints(self) -> list[tuple[str, str, str]]:
        """(command id, key, word) for each command on show, in declaration order."""
        screen = self.screen
        where: Where = getattr(screen, "where", Where.LIST)
        enabled: set[str] = set()
        for active in screen.active_bindings.values():
            binding_id = active.binding.id or ""
            if active.enabled and active.binding.show and binding_id:
                enabled.add(binding_id.removesuffix(LETTERS_SUFFIX))
        commands: tuple[Command, ...] = getattr(screen, "KEYS", ())
        return [
            (command.id, command.bar_keys(where, self.lang), command.words(self.lang))
            for command in commands
            if command.id in enabled and command.show
        ]

    def _render_keys(self) -> None:
        self._pending = False
        if not self.is_mounted or not self.is_attached:
            return
        hints, (pad, gap) = self.fitting(self.hints(), self.size.width or 200)
        line = Text(no_wrap=True, overflow="ellipsis")
        for _, key_display, description in hints:
            if line:
                line.append(" " * gap)
            line.append(f"{' ' * pad}{key_display}{' ' * pad}", style="reverse bold")
            line.append(f" {description}")
        if line.plain != str(self.content):  # most card changes keep the keys: nothing to redraw
            self.update(line, layout=False)  # docked, one line high, full width: its size stays

    def fitting(
        self, hints: list[tuple[str, str, str]], width: int
    ) -> tuple[list[tuple[str, str, str]], tuple[int, int]]:
        """The hints that fit in `width` cells, and how close they stand: the roomiest layout
        that holds every essential hint, with as many of the others as fit in it."""
        essential = [hint for hint in hints if hint[0] in self.ESSENTIAL]
        layout = next(
            (layout for layout in self.LAYOUTS if _width(essential, *layout) <= width), self.LAYOUTS[-1]
        )
        shown = list(hints)
        while len(shown) > 1 and _width(shown, *layout) > width:
            optional = [i for i, hint in enumerate(shown) if hint[0] not in self.ESSENTIAL]
            shown.pop(optional[-1] if optional else -1)
        return shown, layout


def _width(hints: list[tuple[str, str, str]], pad: int, gap: int) -> int:
    """The cells `hints` take, keys padded by `pad` and hints `gap` apart."""
    return sum(cell_len(key) + 2 * pad + 1 + cell_len(word) for _, key, word in hints) + gap * max(
        0, len(hints) - 1
    )
