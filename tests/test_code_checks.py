"""The code checks run with the tests, so the README's one test command keeps the tree as the house wants it:
`ruff format` (the layout), `ruff check` (the lint rules) on src, tests and bench, and `mypy` with the
configuration in pyproject.toml (strict; which files it covers is said there, not here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECKED = ["src", "tests", "bench"]


def run(*command: str) -> subprocess.CompletedProcess[str]:
    """A tool of the test extras, run from the project's folder (so pyproject.toml configures it)."""
    return subprocess.run(
        [sys.executable, "-m", *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def test_the_code_is_formatted_by_ruff_format() -> None:
    result = run("ruff", "format", "--check", "--no-cache", *CHECKED)
    assert result.returncode == 0, f"run `ruff format {' '.join(CHECKED)}`:\n{result.stdout}{result.stderr}"


def test_ruff_check_finds_nothing() -> None:
    result = run("ruff", "check", "--no-cache", *CHECKED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing_in_what_pyproject_names() -> None:
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
