"""Command palette entries: the screen's declared commands (`tui.keys`), the base of a screen's own
lists of entries (`ListProvider`: the card screen's cards, the harvest's "finish", the exports, the
year's teams, each beside its screen); and, when nothing matches, saying so in the screen's language.

Textual's palette says "No matches found" in English, from inside a method of its own: no
attribute or argument changes it. `NothingFound` (one of the app's providers) offers a line in
the screen's language when no other entry matches, so the palette never needs to say it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from inspect import isclass

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from potential_deck.core.text.i18n import t
from potential_deck.tui.language import language_of

Entry = tuple[str, str, Callable[[], object]]
"""A palette entry: its name, its help line, what choosing it does."""


class ListProvider(Provider):
    """A provider of a fixed list of (name, help, callback), all shown before anything is typed."""

    def _commands(self) -> Sequence[Entry]:
        raise NotImplementedError

    def names(self) -> list[str]:
        """The names of its entries (what a search matches)."""
        return [name for name, _, _ in self._commands()]

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


class KeyCommands(ListProvider):
    """The screen's commands marked for the palette, each with its key, when they can act now."""

    def _commands(self) -> list[Entry]:
        screen = self.screen
        commands: list[Entry] = []
        for command in getattr(screen, "KEYS", ()):
            if not command.palette or screen.check_action("command", (command.id,)) is False:
                continue
            lang = language_of(screen, "nl")
            name = f"{command.words(lang)} ({command.all_keys(lang)})"
            run = partial(screen.run_action, f"command({command.id!r})")
            commands.append((name, command.explain(lang), run))
        return commands


class NothingFound(Provider):
    """'Nothing found for …' in the screen's language, when no entry of the palette matches.

    It knows every entry: the app's system commands and the screen's `ListProvider`s. On a
    screen with a provider of another kind it stays silent (Textual's own words then show).
    """

    def _all_names(self) -> Iterable[str] | None:
        screen = self.screen
        names = [command.title for command in self.app.get_system_commands(screen)]
        for source in getattr(screen, "COMMANDS", ()):
            provider = source if isclass(source) else source()  # a lazy provider: a callable
            if not (isclass(provider) and issubclass(provider, ListProvider)):
                return None
            names.extend(provider(screen).names())
        return names

    async def search(self, query: str) -> Hits:
        names = self._all_names()
        matcher = self.matcher(query)
        if names is None or any(matcher.match(name) > 0 for name in names):
            return
        lang = language_of(self.screen, language_of(self.app, "nl"))
        text = Text(t(lang, "cmd.nothing_found", query=query), style="italic")
        yield Hit(0.0, text, _nothing, text=text.plain, help=t(lang, "cmd.nothing_found_help"))


def _nothing() -> None:
    """What choosing 'nothing found' does: nothing (the palette closes)."""
