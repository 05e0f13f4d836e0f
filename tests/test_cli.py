"""The command line: validate, deck and schema, and clear errors without tracebacks."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from potential_deck.cli import main
from potential_deck.core.locations import builtin_deck
from potential_deck.core.session.models import Deck

SUPERHERO_NL = "Moet ik een superheld zijn om inclusief les te geven?"
SUPERHERO_EN = "Do I have to be a superhero to teach inclusively?"


@pytest.fixture
def broken_deck(tmp_path: Path, write_deck: Callable[..., Path], card_toml: Callable[..., str]) -> Path:
    """A deck with three problems in three files."""
    return write_deck(
        tmp_path / "deck",
        cards={
            "01-begin.toml": card_toml("begin", "start", 0),
            "02-praten.toml": card_toml("praten", "chat"),
            "03-doen.toml": card_toml("doen", "action", langs=("nl",)),
        },
    )


def test_validate_the_builtin_deck_prints_one_line_with_the_counts(
    capsys: pytest.CaptureFixture[str], builtin: Deck
) -> None:
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) == 1
    assert out.startswith(f"{builtin_deck()}: ok")
    match = re.search(r"(\d+) cards \((\d+) start, (\d+) dialogue, (\d+) action\)", out)
    assert match is not None
    total, start, dialogue, action = map(int, match.groups())
    assert total == len(builtin.cards) == start + dialogue + action


def test_validate_a_broken_deck_prints_every_problem_and_fails(
    capsys: pytest.CaptureFixture[str], broken_deck: Path
) -> None:
    assert main(["validate", str(broken_deck)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == 3
    for line, name in zip(lines, ["01-begin.toml", "02-praten.toml", "03-doen.toml"], strict=True):
        where = re.escape(str(broken_deck / name))
        assert re.match(rf"^{where}:\d+: card [\w-]+: [\w.]+: ", line), line
    assert "3 problems" in captured.err


def test_deck_json_lists_every_card_in_english(capsys: pytest.CaptureFixture[str], builtin: Deck) -> None:
    assert main(["deck", "--json", "--lang", "en"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert isinstance(rows, list)
    assert [row["id"] for row in rows] == [card.id for card in builtin.cards]
    for row in rows:
        assert {"id", "kind", "title", "minutes"} <= set(row)
        assert row["kind"] in ("start", "dialogue", "action")
        assert isinstance(row["minutes"], int)
    titles = {row["id"]: row["title"] for row in rows}
    assert titles["superheld"] == SUPERHERO_EN


def test_deck_in_dutch_shows_dutch_titles(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deck", "--lang", "nl"]) == 0
    out = capsys.readouterr().out
    assert SUPERHERO_NL in out
    assert SUPERHERO_EN not in out


def test_deck_of_another_folder(capsys: pytest.CaptureFixture[str], deck_dir: Path) -> None:
    assert main(["deck", "--json", "--deck", str(deck_dir)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["id"] for row in rows] == ["begin", "praten", "luisteren", "doen"]


def test_schema_is_json_describing_a_card(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert {"id", "kind", "minutes", "nl", "en"} <= set(schema["properties"])


def test_deck_with_a_missing_folder_fails_with_one_clear_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nonexistent"
    assert main(["deck", "--deck", str(missing)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("potential-deck: ")
    assert captured.err.count("potential-deck: ") == 1
    assert f"{missing}: no such file or folder" in captured.err
    assert "Traceback" not in captured.err


def test_validate_in_a_fresh_process_fails_cleanly(broken_deck: Path, cli_process) -> None:  # type: ignore[no-untyped-def]
    result = cli_process("validate", str(broken_deck))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert str(broken_deck / "01-begin.toml") in result.stdout


def test_validate_a_missing_path_in_a_fresh_process_fails_cleanly(tmp_path: Path, cli_process) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "nonexistent"
    result = cli_process("validate", str(missing))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{missing}: no such file or folder" in result.stdout


def test_run_into_a_folder_that_cannot_exist_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("x", encoding="utf-8")
    assert main(["run", "--team", "X", "--sessions", str(not_a_folder)]) == 1
    err = capsys.readouterr().err
    assert f"{not_a_folder}: this is a file, not a folder" in err and "--sessions" in err
    assert "Traceback" not in err and err.count("\n") == 1
