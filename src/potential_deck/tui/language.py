"""The language a screen speaks, for code that may hold any screen (the palette, a widget's message)."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from potential_deck.core.choices import Lang


@runtime_checkable
class Speaks(Protocol):
    """A screen whose words follow a language (every screen of the app)."""

    @property
    def lang(self) -> Lang: ...


def language_of(screen: object, default: Lang) -> Lang:
    """The language of `screen` (its `lang`), else `default` (Textual's own screens have none)."""
    return screen.lang if isinstance(screen, Speaks) else default
