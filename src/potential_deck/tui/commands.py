"""Command palette entries: the screen's declared commands (`tui.keys`), jumping to a card or the
harvest, finishing the meeting."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from potential_deck.core.i18n import t

if TYPE_CHECKING:
    from potential_deck.tui.card_screen import CardScreen
    from potential_deck.tui.harvest import HarvestScreen


class ListProvider(Provider):
    """A provider of a fixed list of (name, help, callback), all shown before anything is typed."""

    def _commands(self) -> list[tuple[str, str, partial[None]]]:
        raise NotImplementedError

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

    def _commands(self) -> list[tuple[str, str, partial[None]]]:
        screen = self.screen
        commands = []
        for command in getattr(screen, "KEYS", ()):
            if not command.palette or screen.check_action("command", (command.id,)) is False:
                continue
            lang = screen.lang  # type: ignore[attr-defined]
            name = f"{command.words(lang)} ({command.all_keys()})"
            run = partial(screen.run_action, f"command({command.id!r})")
            commands.append((name, command.explain(lang), run))
        return commands


class CardCommands(ListProvider):
    """Every card on the agenda (but the current one), and the harvest."""

    def _commands(self) -> list[tuple[str, str, partial[None]]]:
        screen: CardScreen = self.screen  # type: ignore[assignment]
        session, lang = screen.session, screen.lang
        commands = []
        for index, card_id in enumerate(session.agenda):
            if index == session.live.position or not screen.deck.has(card_id):
                continue
            title = screen.deck.card(card_id).text(lang).title
            commands.append(
                (
                    t(lang, "cmd.goto", n=index + 1, title=title),
                    t(lang, "cmd.goto_help"),
                    partial(screen.go_to, index),
                )
            )
        commands.append(
            (t(lang, "cmd.harvest"), t(lang, "cmd.harvest_help"), partial(screen.go_to, len(session.agenda)))
        )
        from potential_deck.core.lookback import has_look_back  # the palette opens after start-up

        if has_look_back(session):
            commands.append((t(lang, "cmd.lookback"), t(lang, "cmd.lookback_help"),
                             partial(screen.papp.open_lookback, screen)))
        return commands


class HarvestCommands(ListProvider):
    """Finish the meeting (it is then listed as finished)."""

    def _commands(self) -> list[tuple[str, str, partial[None]]]:
        screen: HarvestScreen = self.screen  # type: ignore[assignment]
        lang = screen.lang
        return [(t(lang, "cmd.finish"), t(lang, "cmd.finish_help"), partial(screen.action_finish))]
