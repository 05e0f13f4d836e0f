"""The facilitator's remembered choices (theme, language), in a small TOML file.

Plain data, no pydantic: the settings are read before the first card is drawn.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any, NamedTuple

from potential_deck.core.choices import LANGS, Lang
from potential_deck.core.locations import earlier_settings_file
from potential_deck.core.session import toml_read as tomlin
from potential_deck.core.session import toml_write as tomlout
from potential_deck.core.session.store import atomic_write

LIGHT_THEME = "potential-light"
DARK_THEME = "potential-dark"


class Settings(NamedTuple):
    """What the app remembers between meetings."""

    theme: str = LIGHT_THEME
    language: Lang = "nl"

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Settings:
        """Settings from a parsed file (unknown keys ignored); ValueError for a wrong value."""
        theme = data.get("theme", LIGHT_THEME)
        language = data.get("language", "nl")
        if not isinstance(theme, str):
            raise ValueError(f"theme: {theme!r} is not a theme name")
        if language not in LANGS:
            raise ValueError(f"language: {language!r} is not one of {', '.join(LANGS)}")
        return cls(theme=theme, language=language)


def load_settings(path: Path) -> tuple[Settings, bool]:
    """The settings at `path` (defaults when absent), and whether the file may be written.

    A file that exists but cannot be read is never overwritten: the defaults apply and
    the second value is False. While the platform's settings file does not exist yet, the
    one an earlier version kept in ~/.config is read (`locations.earlier_settings_file`);
    saving writes `path` and leaves that one alone.
    """
    try:
        return _read(path), True
    except FileNotFoundError:
        earlier = earlier_settings_file(path)
        if earlier is not None:
            with contextlib.suppress(OSError, UnicodeDecodeError, tomlin.TOMLDecodeError, ValueError):
                return _read(earlier), True
        return Settings(), True
    except (OSError, UnicodeDecodeError, tomlin.TOMLDecodeError, ValueError):
        return Settings(), False


def _read(path: Path) -> Settings:
    return Settings.from_data(tomlin.loads(path.read_text(encoding="utf-8")))


def save_settings(path: Path, settings: Settings) -> None:
    """Write the settings atomically."""
    atomic_write(path, tomlout.dumps(settings._asdict()))
