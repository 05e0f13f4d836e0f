"""Where things live: the built-in deck, the sessions folder, the settings file."""

from __future__ import annotations

import os
from pathlib import Path

SESSIONS_ENV = "POTENTIAL_DECK_SESSIONS"
CONFIG_ENV = "POTENTIAL_DECK_CONFIG"


def builtin_deck() -> Path:
    """The deck that ships with the app: inside the package when installed, else the repo's."""
    packaged = Path(__file__).resolve().parent.parent / "cards"
    if (packaged / "deck.toml").is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "cards"


def sessions_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The sessions folder: `override`, else $POTENTIAL_DECK_SESSIONS, else ./sessions."""
    if override:
        return Path(override)
    env = os.environ.get(SESSIONS_ENV)
    return Path(env) if env else Path.cwd() / "sessions"


def settings_file() -> Path:
    """The small settings file (theme): $POTENTIAL_DECK_CONFIG, else the user config folder."""
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "potential-deck" / "settings.toml"
