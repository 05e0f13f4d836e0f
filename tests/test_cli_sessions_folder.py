"""A sessions folder that is a file: every command that uses the folder says so before anything opens."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from potential_deck.cli import main
from potential_deck.core.errors import UserError
from potential_deck.core.locations import SESSIONS_ENV, usable_sessions_dir
from potential_deck.tui.app import PotentialDeckApp
from potential_deck.tui.audience import FollowApp
from potential_deck.web import serve_server


@pytest.fixture
def afile(tmp_path: Path) -> Path:
    path = tmp_path / "afile"
    path.write_text("not a folder\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def nothing_opens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app, the audience view and the web server fail the test if they are started."""

    def opened(*_: object, **__: object) -> None:
        pytest.fail("the app was started before the folder was checked")

    monkeypatch.setattr(PotentialDeckApp, "run", opened)
    monkeypatch.setattr(FollowApp, "run", opened)
    monkeypatch.setattr(serve_server, "run", opened)
    monkeypatch.setenv("POTENTIAL_DECK_CONFIG", str(tmp_path / "settings.toml"))
    monkeypatch.delenv(SESSIONS_ENV, raising=False)


def one_clear_line(err: str, folder: Path) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0] == (
        f"potential-deck: {folder}: this is a file, not a folder; give the sessions folder "
        "with --sessions DIR (or move the file out of the way)"
    )
    return lines[0]


ADD = ["--form", "class-visit", "--hours", "1"]
COMMANDS = {
    "home": [],
    "run": ["run", "--team", "De Linde"],
    "resume": ["resume", "SESSION"],
    "follow": ["follow"],
    "serve": ["serve"],
    "serve --follow": ["serve", "--follow"],
    "activity add": ["activity", "add", "--team", "Linde", "--date", "12/01/2027", *ADD],
    "activity list": ["activity", "list"],
    "activity remove": ["activity", "remove", "6b14acb5", "--team", "Linde"],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_says_the_sessions_folder_is_a_file_before_anything_opens(
    command: str, afile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = tmp_path / "s.toml"
    session.write_text("", encoding="utf-8")
    args = [str(session) if arg == "SESSION" else arg for arg in COMMANDS[command]]
    assert main([*args, "--sessions", str(afile)]) == 1
    captured = capsys.readouterr()
    one_clear_line(captured.err, afile)
    assert afile.read_text(encoding="utf-8") == "not a folder\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile", "s.toml"]  # nothing made beside it


def test_the_folder_from_the_environment_is_checked_too(
    afile: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(SESSIONS_ENV, str(afile))
    assert main([]) == 1
    one_clear_line(capsys.readouterr().err, afile)


def test_a_folder_inside_a_file_names_the_file(afile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inside = afile / "sessions"
    assert main(["run", "--team", "De Linde", "--sessions", str(inside)]) == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        f"potential-deck: {inside}: {afile} is a file, not a folder; give the sessions folder "
        "with --sessions DIR (or move the file out of the way)"
    ]


@pytest.mark.parametrize("command", [[], ["follow"], ["serve", "--follow"]])
def test_in_a_fresh_process_the_command_ends_at_once_with_status_1(command: list[str], afile: Path) -> None:
    """As in the user trial: the home screen opened, `follow` and `serve --follow` waited for ever."""
    result = run_cli(*command, "--sessions", str(afile))
    assert result.returncode == 1
    one_clear_line(result.stderr, afile)
    assert "http://" not in result.stdout


def test_a_named_session_needs_no_sessions_folder_to_follow(
    afile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`follow FILE` looks beside the file, not in the sessions folder: nothing to refuse."""
    started = []
    monkeypatch.setattr(FollowApp, "run", lambda self: started.append(self))
    assert main(["follow", str(tmp_path / "s.toml"), "--sessions", str(afile)]) == 0
    assert len(started) == 1


def test_a_folder_not_made_yet_or_a_folder_is_usable(tmp_path: Path) -> None:
    assert usable_sessions_dir(tmp_path) == tmp_path
    assert usable_sessions_dir(tmp_path / "new" / "sessions") == tmp_path / "new" / "sessions"
    (tmp_path / "f").write_text("", encoding="utf-8")
    with pytest.raises(UserError, match="this is a file, not a folder"):
        usable_sessions_dir(tmp_path / "f")
