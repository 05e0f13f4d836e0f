"""The remembered settings: defaults, a round trip, and a file that is never overwritten when unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest

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
