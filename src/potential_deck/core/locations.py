"""Where things live: the built-in deck, the sessions folder, the settings file, the error log.

The settings and the log go where each platform expects them (`platformdirs`): on Linux
~/.config/potential-deck and ~/.local/state/potential-deck/log, on macOS ~/Library/Application
Support/potential-deck and ~/Library/Logs/potential-deck, on Windows %APPDATA%\\potential-deck
and %LOCALAPPDATA%\\potential-deck\\Logs.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from potential_deck.core.errors import UserError

SESSIONS_ENV = "POTENTIAL_DECK_SESSIONS"
CONFIG_ENV = "POTENTIAL_DECK_CONFIG"
LOG_ENV = "POTENTIAL_DECK_LOG_DIR"
APP = "potential-deck"


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


def usable_sessions_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The sessions folder (`sessions_dir`), checked before anything opens: every command that
    lists, follows or saves sessions asks here. UserError when it, or a folder above it, is a
    file; a folder that does not exist yet is fine (a new session makes it)."""
    folder = sessions_dir(override)
    for level in (folder, *folder.parents):
        try:
            mode = level.stat().st_mode
        except (FileNotFoundError, NotADirectoryError):  # not there: is the folder above it one?
            continue
        except OSError:  # not ours to judge here: reading or writing the folder says what is wrong
            break
        if stat.S_ISDIR(mode):
            break
        what = "this is a file" if level == folder else f"{level} is a file"
        raise UserError(
            f"{folder}: {what}, not a folder; give the sessions folder with --sessions DIR "
            "(or move the file out of the way)"
        )
    return folder


def settings_file() -> Path:
    """The small settings file (theme, language): $POTENTIAL_DECK_CONFIG, else the platform's place."""
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env)
    return _platform_settings_file()


def _platform_settings_file() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP, appauthor=False, roaming=True) / "settings.toml"


def earlier_settings_file(path: Path) -> Path | None:
    """Where versions before platformdirs kept the settings ($XDG_CONFIG_HOME or ~/.config),
    when `path` is the platform's settings file and that one is elsewhere; else None.

    Read while `path` does not exist yet (`core.settings.load_settings`), so a facilitator's
    language and theme survive the move; the next save writes `path`, the old file is left.
    """
    if os.environ.get(CONFIG_ENV) or path != _platform_settings_file():
        return None
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    earlier = Path(base) / APP / "settings.toml"
    return earlier if earlier != path else None


def log_dir() -> Path:
    """Where unexpected errors are written down: $POTENTIAL_DECK_LOG_DIR, else the platform's place."""
    env = os.environ.get(LOG_ENV)
    if env:
        return Path(env)
    from platformdirs import user_log_path

    return user_log_path(APP, appauthor=False)


def rescue_dir() -> Path:
    """Where a session that could not be saved is copied when the window closes (private)."""
    from platformdirs import user_data_path

    env = os.environ.get(LOG_ENV)
    return (Path(env) if env else user_data_path(APP, appauthor=False)) / "unsaved"
