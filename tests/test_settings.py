"""The remembered settings: defaults, a round trip, and a file that is never overwritten when unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest

from potential_deck.core.locations import settings_file
from potential_deck.core.settings import DARK_THEME, LIGHT_THEME, Settings, load_settings, save_settings


def test_no_file_gives_the_defaults_and_may_be_written(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "settings.toml") == (Settings(LIGHT_THEME, "nl"), True)


def test_saved_settings_are_read_back(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "settings.toml"
    save_settings(path, Settings(theme=DARK_THEME, language="en"))
    assert load_settings(path) == (Settings(DARK_THEME, "en"), True)
    assert path.stat().st_mode & 0o777 == 0o600


def test_unknown_keys_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('language = "en"\nfont = "big"\n', encoding="utf-8")
    assert load_settings(path) == (Settings(LIGHT_THEME, "en"), True)


@pytest.mark.parametrize(
    "text",
    ['language = "fr"\n', "theme = 3\n", "theme = \n", b"\xff\xfe".decode("latin-1")],
)
def test_a_file_that_cannot_be_used_gives_defaults_and_is_never_overwritten(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    settings, writable = load_settings(path)
    assert settings == Settings() and writable is False


# --- the file an earlier version kept in ~/.config ---------------------------------------------


@pytest.fixture
def moved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """(the platform's settings file, the ~/.config file an earlier version wrote): as on macOS,
    where the platform's place is not ~/.config. The earlier file says language = "en"."""
    import platformdirs

    monkeypatch.delenv("POTENTIAL_DECK_CONFIG", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    support = tmp_path / "home" / "Library" / "Application Support"
    monkeypatch.setattr(platformdirs, "user_config_path", lambda app, **_: support / app)
    earlier = tmp_path / "home" / ".config" / "potential-deck" / "settings.toml"
    earlier.parent.mkdir(parents=True)
    earlier.write_text(f'theme = "{DARK_THEME}"\nlanguage = "en"\n', encoding="utf-8")
    return settings_file(), earlier


def test_settings_an_earlier_version_kept_in_dot_config_are_still_read(moved: tuple[Path, Path]) -> None:
    path, _ = moved
    assert not path.exists()
    assert load_settings(path) == (Settings(DARK_THEME, "en"), True)


def test_saving_writes_the_platforms_file_and_leaves_the_earlier_one(moved: tuple[Path, Path]) -> None:
    path, earlier = moved
    save_settings(path, Settings(LIGHT_THEME, "nl"))
    assert load_settings(path) == (Settings(LIGHT_THEME, "nl"), True)
    assert 'language = "en"' in earlier.read_text(encoding="utf-8")


def test_the_earlier_file_is_not_read_once_the_platforms_file_exists(moved: tuple[Path, Path]) -> None:
    path, _ = moved
    save_settings(path, Settings(LIGHT_THEME, "nl"))
    assert load_settings(path)[0].language == "nl"


def test_a_settings_file_named_in_the_environment_never_reads_the_earlier_one(
    moved: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POTENTIAL_DECK_CONFIG", str(tmp_path / "elsewhere.toml"))
    assert load_settings(settings_file()) == (Settings(), True)
