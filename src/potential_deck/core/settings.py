"""The facilitator's remembered choices (theme, language), in a small TOML file."""

from __future__ import annotations

import tomllib
from pathlib import Path

import tomli_w
from pydantic import BaseModel, ConfigDict, ValidationError

from potential_deck.core.models import Lang
from potential_deck.core.store import atomic_write

LIGHT_THEME = "potential-light"
DARK_THEME = "potential-dark"


class Settings(BaseModel):
    """What the app remembers between meetings."""

    model_config = ConfigDict(extra="ignore")

    theme: str = LIGHT_THEME
    language: Lang = "nl"


def load_settings(path: Path) -> tuple[Settings, bool]:
    """The settings at `path` (defaults when absent), and whether the file may be written.

    A file that exists but cannot be read is never overwritten: the defaults apply and
    the second value is False.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return Settings.model_validate(data), True
    except FileNotFoundError:
        return Settings(), True
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValidationError):
        return Settings(), False


def save_settings(path: Path, settings: Settings) -> None:
    """Write the settings atomically."""
    atomic_write(path, tomli_w.dumps(settings.model_dump()))
