"""Where a traceback used to come: one clear message naming the file and what to do, exit 1,
nothing changed on disk; an unexpected error goes to a private log file, never to the screen."""

from __future__ import annotations

import datetime as dt
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli
from faults import as_nobody, full_disk, read_only, unreadable_folder
from potential_deck import cli
from potential_deck.core.locations import builtin_deck
from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import CardRecord, Deck
from potential_deck.core.session.store import SessionStore

NOW = dt.datetime(2026, 11, 23, 14, 30)
NOTE = "Jonas zei iets over de ouders van Emma"


def _saved(folder: Path, deck: Deck) -> Path:
    session = new_session(
        deck, team="De Linde", now=NOW, participants=["Jonas", "Emma"], deck_path=str(builtin_deck())
    )
    session.cards[session.agenda[0]] = CardRecord(free=NOTE)
    return SessionStore(folder).create(session)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _clean_message(result: subprocess.CompletedProcess[str], path: Path) -> str:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and NOTE not in result.stderr and "Emma" not in result.stderr
    message = " ".join(result.stderr.split())
    assert path.name in message
    return message


def test_resume_in_a_read_only_folder_says_so_and_changes_nothing(
    tmp_path: Path, builtin: Deck, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "sessions"
    path = _saved(folder, builtin)
    before = _snapshot(folder)
    with read_only(folder, monkeypatch, fake=False):
        result = run_cli("resume", str(path), "--sessions", str(folder))
        message = _clean_message(result, path)
        assert "cannot be written" in message and "copy the session" in message
        assert _snapshot(folder) == before


def test_resume_on_a_full_disk_says_so_and_changes_nothing(
    tmp_path: Path, builtin: Deck, monkeypatch: pytest.MonkeyPatch
) -> None:
    with full_disk(tmp_path, monkeypatch, fake=False) as disk:
        path = _saved(disk.folder, builtin)
        disk.fill()
        before = _snapshot(disk.folder)
        result = run_cli("resume", str(path), "--sessions", str(disk.folder))
        message = _clean_message(result, path)
        assert "no room left" in message and "free some space" in message
        assert _snapshot(disk.folder) == before


def test_summary_of_an_unreadable_folder_is_one_message(capsys: pytest.CaptureFixture[str]) -> None:

    folder = unreadable_folder()
    try:
        status, err = as_nobody(lambda: cli.main(["summary", str(folder)]))
    finally:
        shutil.rmtree(folder.parent)
    message = " ".join(err.split())
    assert status == 1, err
    assert str(folder) in message and "cannot be read" in message and "Traceback" not in message


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", ["export", "summary", "deck"])
def test_a_full_standard_output_is_one_message(tmp_path: Path, builtin: Deck, command: str) -> None:
    path = _saved(tmp_path / "sessions", builtin)
    args = {"export": ["export", str(path)], "summary": ["summary", str(path)], "deck": ["deck", "--json"]}
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "potential_deck", *args[command]],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert "cannot write to the standard output" in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr


def test_an_unexpected_error_goes_to_a_private_log_never_to_the_screen(
    tmp_path: Path, builtin: Deck, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _saved(tmp_path / "sessions", builtin)
    monkeypatch.setenv("POTENTIAL_DECK_LOG_DIR", str(tmp_path / "log"))
    monkeypatch.setenv("POTENTIAL_DECK_CONFIG", str(tmp_path / "settings.toml"))

    def broken(session: object, *_: object, **__: object) -> str:
        notes = str(session)  # a local variable full of notes, as a traceback would show
        raise RuntimeError(f"a bug{'' if notes else '!'}")

    from potential_deck.core.report import export

    monkeypatch.setattr(export, "render", broken)
    assert cli.main(["export", str(path)]) == 1
    err = capsys.readouterr().err
    assert NOTE not in err and "Traceback" not in err and "RuntimeError" not in err
    logs = list((tmp_path / "log").iterdir())
    assert len(logs) == 1 and str(logs[0]) in err, "it says where the details are"
    assert stat.S_IMODE(logs[0].stat().st_mode) == 0o600
    assert "RuntimeError: a bug" in logs[0].read_text(encoding="utf-8")
    assert "onverwachte fout" in err, "in the facilitator's language (Dutch by default)"


def test_restore_from_the_command_line_puts_the_previous_version_back(tmp_path: Path, builtin: Deck) -> None:
    from potential_deck.core.session import session_file

    path = _saved(tmp_path / "sessions", builtin)
    session_file.open_file(path)
    session_file.close(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("[cards.")], encoding="utf-8")  # cut short, still valid TOML
    shown = run_cli("export", str(path))
    assert shown.returncode == 1 and "potential-deck restore" in shown.stderr
    result = run_cli("restore", str(path))
    assert result.returncode == 0, result.stderr
    assert NOTE in path.read_text(encoding="utf-8")
    assert run_cli("restore", str(path)).returncode == 1, "nothing left to restore"


def test_restore_without_a_previous_version_says_so(tmp_path: Path, builtin: Deck) -> None:
    path = _saved(tmp_path / "sessions", builtin)
    result = run_cli("restore", str(path))
    assert result.returncode == 1 and "no previous version" in result.stderr


def test_settings_live_where_the_platform_expects_them(monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_config_path

    from potential_deck.core.locations import settings_file

    monkeypatch.delenv("POTENTIAL_DECK_CONFIG", raising=False)
    expected = user_config_path("potential-deck", appauthor=False, roaming=True) / "settings.toml"
    assert settings_file() == expected


def test_platformdirs_is_a_declared_dependency() -> None:
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    assert '"platformdirs' in pyproject.read_text(encoding="utf-8")
